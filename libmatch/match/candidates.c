/* Building the candidate graph, in parallel over mentees. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/candidates.h"

/* Mentees per task: large enough to amortise the pool's overhead, small
 * enough to balance two to a few dozen workers. */
#define LM_ROWS_PER_TASK 64

typedef struct {
	uint32_t col;
	lm_score score;
} arc;

typedef struct {
	const lm_scorer *scorer;
	const lm_cohort *cohort;
	const uint32_t *row_demand, *col_cap;
	size_t top_k;          /* 0 = all */
	arc **row_arcs;        /* per row, owned */
	uint32_t *row_len;
	gint pruned;           /* atomic flag */
} build_job;

/* "a is a worse candidate than b": lower score, or equal score and higher
 * mentor index (so the lower index wins ties). */
static inline gboolean worse(const arc *a, const arc *b)
{
	return a->score < b->score || (a->score == b->score && a->col > b->col);
}

/* A bounded min-heap (worst candidate on top) keeps the k best in O(M log k). */
static void heap_sift_down(arc *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < n && worse(&h[l], &h[m]))
			m = l;
		if (r < n && worse(&h[r], &h[m]))
			m = r;
		if (m == i)
			return;
		arc t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static void heap_push(arc *h, size_t *n, size_t k, arc a, gboolean *pruned)
{
	if (*n < k) {
		size_t i = (*n)++;

		h[i] = a;
		while (i > 0 && worse(&h[i], &h[(i - 1) / 2])) {
			arc t = h[i];
			h[i] = h[(i - 1) / 2];
			h[(i - 1) / 2] = t;
			i = (i - 1) / 2;
		}
		return;
	}
	*pruned = TRUE;
	if (worse(&h[0], &a)) {
		h[0] = a;
		heap_sift_down(h, *n, 0);
	}
}

static int compare_col(const void *a, const void *b)
{
	const arc *x = a, *y = b;

	return (x->col > y->col) - (x->col < y->col);
}

static void build_row(build_job *job, uint32_t r, arc *scratch)
{
	const lm_cohort *c = job->cohort;
	const lm_person *mentee = lm_cohort_mentee(c, r);
	uint32_t n_cols = c->count[LM_ROLE_MENTOR];
	size_t k = job->top_k ? job->top_k : n_cols;
	size_t n = 0;
	gboolean pruned = FALSE;

	if (job->row_demand[r] == 0)
		return;
	for (uint32_t m = 0; m < n_cols; m++) {
		if (job->col_cap[m] == 0 || !lm_scorer_feasible(job->scorer, r, m))
			continue;
		if (mentee->current.len && lm_span_contains(c, mentee->current, m))
			continue;
		arc a = { m, lm_scorer_score(job->scorer, r, m, NULL) };

		if (job->top_k)
			heap_push(scratch, &n, k, a, &pruned);
		else
			scratch[n++] = a;
	}
	qsort(scratch, n, sizeof(arc), compare_col);
	job->row_arcs[r] = g_memdup2(scratch, n * sizeof(arc));
	job->row_len[r] = (uint32_t)n;
	if (pruned)
		g_atomic_int_set(&job->pruned, 1);
}

static void build_rows(build_job *job, uint32_t first, uint32_t last)
{
	uint32_t n_cols = job->cohort->count[LM_ROLE_MENTOR];
	arc *scratch = g_new(arc, n_cols ? n_cols : 1);

	for (uint32_t r = first; r < last; r++)
		build_row(job, r, scratch);
	g_free(scratch);
}

static void build_task(gpointer data, gpointer user_data)
{
	build_job *job = user_data;
	uint32_t task = GPOINTER_TO_UINT(data) - 1;
	uint32_t n_rows = job->cohort->count[LM_ROLE_MENTEE];
	uint32_t first = task * LM_ROWS_PER_TASK;

	build_rows(job, first, MIN(n_rows, first + LM_ROWS_PER_TASK));
}

static int run_parallel(build_job *job, uint32_t n_rows, int threads, lm_error **err)
{
	uint32_t tasks = (n_rows + LM_ROWS_PER_TASK - 1) / LM_ROWS_PER_TASK;
	g_autoptr(GError) gerr = NULL;
	GThreadPool *pool;

	if (threads <= 1 || tasks <= 1) {
		build_rows(job, 0, n_rows);
		return 0;
	}
	pool = g_thread_pool_new(build_task, job, MIN((guint)threads, tasks), TRUE, &gerr);
	if (!pool)
		return lm_set_error(err, LM_EINTERNAL, "cannot start worker threads");
	for (uint32_t t = 0; t < tasks; t++)
		g_thread_pool_push(pool, GUINT_TO_POINTER(t + 1), NULL);
	g_thread_pool_free(pool, FALSE, TRUE); /* waits for every task */
	return 0;
}

int lm_candidates_build(lm_candidates *out, const lm_scorer *s, const uint32_t *row_demand,
			const uint32_t *col_cap, long top_k, int threads, lm_error **err)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	uint32_t n_rows = c->count[LM_ROLE_MENTEE];
	build_job job = {
		.scorer = s,
		.cohort = c,
		.row_demand = row_demand,
		.col_cap = col_cap,
		.top_k = (size_t)top_k,
		.row_arcs = g_new0(arc *, n_rows ? n_rows : 1),
		.row_len = g_new0(uint32_t, n_rows ? n_rows : 1),
	};
	int rc = run_parallel(&job, n_rows, threads, err);

	memset(out, 0, sizeof *out);
	if (rc == 0) {
		size_t total = 0;

		out->n_rows = n_rows;
		out->row_start = g_new(size_t, n_rows + 1);
		for (uint32_t r = 0; r < n_rows; r++) {
			out->row_start[r] = total;
			total += job.row_len[r];
		}
		out->row_start[n_rows] = total;
		out->col = g_new(uint32_t, total ? total : 1);
		out->score = g_new(lm_score, total ? total : 1);
		for (uint32_t r = 0; r < n_rows; r++)
			for (uint32_t i = 0; i < job.row_len[r]; i++) {
				out->col[out->row_start[r] + i] = job.row_arcs[r][i].col;
				out->score[out->row_start[r] + i] = job.row_arcs[r][i].score;
			}
		out->pruned = job.pruned != 0;
	}
	for (uint32_t r = 0; r < n_rows; r++)
		g_free(job.row_arcs[r]);
	g_free(job.row_arcs);
	g_free(job.row_len);
	return rc;
}

void lm_candidates_merge(lm_candidates *c, const uint32_t *rows, const uint32_t *cols,
			 const lm_score *scores, size_t n)
{
	size_t old_total = c->row_start[c->n_rows], total = old_total + n;
	size_t *start = g_new(size_t, c->n_rows + 1);
	uint32_t *col = g_new(uint32_t, total ? total : 1);
	lm_score *score = g_new(lm_score, total ? total : 1);
	size_t out = 0, extra = 0;

	for (uint32_t r = 0; r < c->n_rows; r++) {
		size_t i = c->row_start[r], end = c->row_start[r + 1];

		start[r] = out;
		/* Merge two ascending runs of columns. */
		while (i < end || (extra < n && rows[extra] == r)) {
			gboolean take_old = extra >= n || rows[extra] != r ||
					    (i < end && c->col[i] < cols[extra]);

			if (take_old) {
				col[out] = c->col[i];
				score[out++] = c->score[i++];
			} else {
				col[out] = cols[extra];
				score[out++] = scores[extra++];
			}
		}
	}
	start[c->n_rows] = out;
	g_free(c->row_start);
	g_free(c->col);
	g_free(c->score);
	c->row_start = start;
	c->col = col;
	c->score = score;
}

void lm_candidates_clear(lm_candidates *c)
{
	g_free(c->row_start);
	g_free(c->col);
	g_free(c->score);
	memset(c, 0, sizeof *c);
}
