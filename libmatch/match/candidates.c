/* Building the candidate graph in one scoring pass, in parallel over
 * mentees: each mentee's top-k (a bounded heap per row) and, optionally,
 * each mentor's best mentees in proportion to its capacity (a bounded heap
 * per column and worker, merged at the end). Both selections follow a total
 * order (score, then index), so the graph does not depend on how rows were
 * split among workers. */
#include <stdlib.h>
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/candidates.h"
#include "core/cohort_build.h"
#include "score/model_private.h"
#include "score/scorer_fast.h"

/* Mentees per chunk: large enough to amortise taking a chunk, small enough
 * to balance two to a few dozen workers. */
#define LM_ROWS_PER_CHUNK 64

typedef struct {
	uint32_t col;
	lm_score score;
} arc;

typedef struct {
	uint32_t row;
	lm_score score;
} col_entry;

/* Mentors per block: a chunk's mentees meet the mentors one block at a
 * time, so that the block's features, availability and column heap tops
 * (about 200 bytes a mentor) stay in the core's cache while every mentee
 * of the chunk reads them. In mentee order the 10,000 mentors' data
 * (2 MB) was read from far caches for every mentee. A multiple of 8 (the
 * scan's stride). */
#define LM_BLOCK_COLS 2048

/* A mentee's candidate as one integer: its score above its mentor's index
 * counted down, so that a worse candidate (lower score, or the same score
 * and a higher index: the lower index wins ties) is a smaller key and the
 * heap compares one word, without branches. Scores are at most the sum of
 * the weights and never negative; mentors are fewer than 2^24. */
#define LM_KEY_COL_BITS 24
#define LM_KEY_COL_MASK ((INT64_C(1) << LM_KEY_COL_BITS) - 1)
G_STATIC_ASSERT(LM_MAX_PEOPLE <= LM_KEY_COL_MASK);
G_STATIC_ASSERT((int64_t)LM_SCORE_SCALE * LM_WEIGHT_MAX * LM_CRIT_COUNT <
		INT64_C(1) << (62 - LM_KEY_COL_BITS));

typedef int64_t arc_key;

/* A key turned column first, score after, for sorting a list by column. */
#define LM_BY_COL_SHIFT (62 - LM_KEY_COL_BITS)

static inline arc_key key_of(uint32_t col, lm_score score)
{
	return score * (LM_KEY_COL_MASK + 1) + (LM_KEY_COL_MASK - col);
}

static inline lm_score key_score(arc_key key)
{
	return key >> LM_KEY_COL_BITS;
}

static inline uint32_t key_col(arc_key key)
{
	return (uint32_t)(LM_KEY_COL_MASK - (key & LM_KEY_COL_MASK));
}

/* One mentee of the chunk being built. */
typedef struct {
	lm_scorer_row row;
	lm_scan_row scan;
	arc_key *heap;    /* its top_k so far (a bounded heap), or all its arcs */
	uint32_t n;
	gboolean pruned;  /* its heap turned a pair away */
	gboolean active;  /* it wants a mentor */
} row_state;

/* Per worker, allocated once. */
typedef struct {
	row_state *rows;     /* LM_ROWS_PER_CHUNK, or one without top_k */
	arc_key *heaps;      /* their heaps */
	uint32_t *scan;      /* the mentors lm_scorer_scan_range leaves for a row */
	uint16_t *counts;    /* and their common slots with it */
	col_entry *col_heap; /* the column heaps, at col_start[c] */
	uint32_t *col_len;
	uint8_t *col_over;   /* the column's heap dropped a pair */
	/* the score on top of each full column heap, else INT64_MIN: a pair
	 * scoring below it is turned away without touching the heap, which
	 * at 10,000 mentors is a cache miss per pair */
	lm_score *col_root;
	/* col_root once the column's heap has turned a pair away, else
	 * INT64_MIN: the floor below which a pair need not be scored */
	lm_score *col_floor;
	uint32_t *kept;      /* a batch's pairs the pair step kept */
	lm_score *kept_score;
	uint64_t scored;
} worker;

typedef struct {
	const lm_scorer *scorer;
	const lm_cohort *cohort;
	const uint32_t *row_demand, *col_cap;
	uint32_t n_rows, n_cols;
	size_t top_k;        /* 0 = all */
	size_t *col_start;   /* n_cols + 1 heap offsets; NULL without the mentor side */
	worker *w;
	arc **row_arcs;      /* per row, owned */
	uint32_t *row_len;
	lm_score *row_bound;
	gint pruned;         /* atomic flag */
} build_job;

/* "a is a worse candidate than b" for a mentor: lower score, or equal
 * score and higher mentee index (so the lower index wins ties). */
static inline gboolean worse_entry(const col_entry *a, const col_entry *b)
{
	return a->score < b->score || (a->score == b->score && a->row > b->row);
}

/* Bounded min-heaps (worst on top) keep the k best in O(n log k); both
 * return whether a candidate was turned away. The mentee's heap of keys
 * picks the child to follow with a conditional move: a branch there is a
 * coin toss, and mispredicted it cost more than the rest of the push. */
static gboolean row_push(arc_key *h, uint32_t *n, size_t k, arc_key a)
{
	size_t i, len = *n;

	if (len < k) {
		for (i = (*n)++; i > 0 && a < h[(i - 1) / 2]; i = (i - 1) / 2)
			h[i] = h[(i - 1) / 2];
		h[i] = a;
		return FALSE;
	}
	if (a <= h[0])
		return TRUE;
	for (i = 0;;) {
		size_t l = 2 * i + 1, c;

		if (l + 1 < len)
			c = l + (h[l + 1] < h[l]);
		else if (l < len)
			c = l;
		else
			break;
		if (h[c] >= a)
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = a;
	return TRUE;
}

static gboolean col_push(col_entry *h, uint32_t *n, size_t k, col_entry a)
{
	size_t i;

	if (*n < k) {
		for (i = (*n)++; i > 0 && worse_entry(&a, &h[(i - 1) / 2]); i = (i - 1) / 2)
			h[i] = h[(i - 1) / 2];
		h[i] = a;
		return FALSE;
	}
	if (!worse_entry(&h[0], &a))
		return TRUE;
	for (i = 0;;) {
		size_t l = 2 * i + 1, m = i;
		const col_entry *best = &a;

		if (l < *n && worse_entry(&h[l], best))
			m = l, best = &h[l];
		if (l + 1 < *n && worse_entry(&h[l + 1], best))
			m = l + 1, best = &h[l + 1];
		if (m == i)
			break;
		h[i] = h[m];
		i = m;
	}
	h[i] = a;
	return TRUE;
}

static int compare_key(const void *a, const void *b)
{
	arc_key x = *(const arc_key *)a, y = *(const arc_key *)b;

	return (x > y) - (x < y);
}

/* Ascending. A top-k list is short: an insertion sort beats a call
 * through qsort's comparator per step (2% of a build). */
static void sort_keys(arc_key *a, uint32_t n)
{
	if (n > 64) {
		qsort(a, n, sizeof(*a), compare_key);
		return;
	}
	for (uint32_t i = 1; i < n; i++) {
		arc_key x = a[i];
		uint32_t j = i;

		for (; j > 0 && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

static void row_open(build_job *job, row_state *st, uint32_t r)
{
	st->n = 0;
	st->pruned = FALSE;
	st->active = job->row_demand[r] != 0;
	if (!st->active)
		return;
	lm_scorer_scan_begin(job->scorer, r, &st->scan);
	lm_scorer_row_begin(job->scorer, r, &st->row);
}

/* Row r against the mentors first .. last - 1. */
/* Scanned mentors the pair step takes at a time: the row's floor is read
 * again between batches, as its heap improves. */
#define LM_PAIR_BATCH 32

/* Row r against the mentors first .. last - 1. */
static void row_block(build_job *job, worker *wk, row_state *st, uint32_t r, uint32_t first,
		      uint32_t last)
{
	const lm_cohort *c = job->cohort;
	const lm_person *mentee = st->row.pair.mentee;
	uint32_t n_scan =
		lm_scorer_scan_range(job->scorer, &st->scan, first, last, wk->scan, wk->counts);
	uint16_t *counts = st->scan.counted ? wk->counts : NULL;
	size_t k = job->top_k;
	uint32_t n = st->n;
	uint64_t scored = 0;
	gboolean pruned = st->pruned;

	for (uint32_t at = 0; at < n_scan; at += LM_PAIR_BATCH) {
		/* A pair below both heaps' worst is turned away whether it is
		 * feasible or not, once each heap has already turned one away
		 * (so that the row's pruned and the column's col_over flags
		 * come out as they would). */
		uint32_t kept = lm_scorer_pairs_at_least(
			&st->row, wk->scan + at, counts ? counts + at : NULL,
			MIN(LM_PAIR_BATCH, n_scan - at), pruned ? key_score(st->heap[0]) : INT64_MIN,
			job->col_start ? wk->col_floor : NULL, wk->kept, wk->kept_score);

		for (uint32_t i = 0; i < kept; i++) {
			uint32_t m = wk->kept[i];
			arc a = { m, wk->kept_score[i] };

			/* Mentors without a place take no pair: few, so they are
			 * scored with the rest and turned away here rather than
			 * filtered out of every scan. */
			if (job->col_cap[m] == 0 ||
			    (mentee->current.len && lm_span_contains(c, mentee->current, m)))
				continue;
			scored++;
			if (!k) {
				st->heap[n++] = key_of(m, a.score);
				continue;
			}
			pruned |= row_push(st->heap, &n, k, key_of(m, a.score));
			if (!job->col_start)
				continue;
			size_t from = job->col_start[m], len = job->col_start[m + 1] - from;

			if (a.score < wk->col_root[m]) {
				wk->col_over[m] = 1; /* what col_push would say */
			} else {
				wk->col_over[m] |= col_push(wk->col_heap + from, &wk->col_len[m], len,
							    (col_entry){ r, a.score });
				if (wk->col_len[m] == len && len > 0)
					wk->col_root[m] = wk->col_heap[from].score;
			}
			if (wk->col_over[m])
				wk->col_floor[m] = wk->col_root[m];
		}
	}
	st->n = n;
	st->pruned = pruned;
	/* Counted once a block, not per pair: the workers' records share
	 * cache lines, and a store per pair from each thread made them bounce
	 * between the cores (2 threads: 13.6 -> 10.5 s CPU on 34k x 10k). */
	wk->scored += scored;
}

static void row_close(build_job *job, row_state *st, uint32_t r)
{
	if (!st->active)
		return;
	if (st->pruned) {
		job->row_bound[r] = key_score(st->heap[0]); /* the k-th best */
		g_atomic_int_set(&job->pruned, 1);
	}
	arc *arcs = g_new(arc, MAX(st->n, 1u));

	/* By column: the keys turned column first, then sorted as integers. */
	for (uint32_t i = 0; i < st->n; i++)
		st->heap[i] = (arc_key)key_col(st->heap[i]) << LM_BY_COL_SHIFT |
			      key_score(st->heap[i]);
	sort_keys(st->heap, st->n);
	for (uint32_t i = 0; i < st->n; i++)
		arcs[i] = (arc){ (uint32_t)(st->heap[i] >> LM_BY_COL_SHIFT),
				 st->heap[i] & ((INT64_C(1) << LM_BY_COL_SHIFT) - 1) };
	job->row_arcs[r] = arcs;
	job->row_len[r] = st->n;
}

/* Rows first .. last - 1 against every mentor, a block of mentors at a
 * time. Each row still meets the mentors in ascending order and each
 * column heap the rows in ascending order, so the heaps are those of a
 * row-by-row pass. */
static void build_rows(build_job *job, worker *wk, uint32_t first, uint32_t last)
{
	uint32_t block = job->top_k ? LM_BLOCK_COLS : MAX(job->n_cols, 1u);

	for (uint32_t r = first; r < last; r++)
		row_open(job, &wk->rows[r - first], r);
	for (uint32_t m = 0; m < job->n_cols; m += block)
		for (uint32_t r = first; r < last; r++)
			if (wk->rows[r - first].active)
				row_block(job, wk, &wk->rows[r - first], r, m,
					  MIN(m + block, job->n_cols));
	for (uint32_t r = first; r < last; r++)
		row_close(job, &wk->rows[r - first], r);
}

static void build_chunk(void *data, uint32_t worker_ix, uint32_t chunk)
{
	build_job *job = data;
	uint32_t first = chunk * LM_ROWS_PER_CHUNK;
	uint32_t last = MIN(job->n_rows, first + LM_ROWS_PER_CHUNK);

	/* Without top_k a row keeps every arc: one row at a time. */
	if (job->top_k)
		build_rows(job, &job->w[worker_ix], first, last);
	else
		for (uint32_t r = first; r < last; r++)
			build_rows(job, &job->w[worker_ix], r, r + 1);
}

/* ---- the worker pool -------------------------------------------------------- */

typedef struct {
	lm_chunk_fn fn;
	void *data;
	uint32_t n_chunks;
	gint next;
} chunk_run;

static void chunk_worker(gpointer item, gpointer user_data)
{
	chunk_run *run = user_data;
	uint32_t worker_ix = GPOINTER_TO_UINT(item) - 1;

	for (;;) {
		gint chunk = g_atomic_int_add(&run->next, 1);

		if (chunk < 0 || (uint32_t)chunk >= run->n_chunks)
			return;
		run->fn(run->data, worker_ix, (uint32_t)chunk);
	}
}

int lm_run_chunks(lm_chunk_fn fn, void *data, uint32_t n_chunks, int threads, lm_error **err)
{
	chunk_run run = { fn, data, n_chunks, 0 };
	guint workers = (guint)MIN((uint32_t)MAX(threads, 1), MAX(n_chunks, 1u));
	g_autoptr(GError) gerr = NULL;
	GThreadPool *pool;

	if (workers <= 1) {
		for (uint32_t c = 0; c < n_chunks; c++)
			fn(data, 0, c);
		return 0;
	}
	pool = g_thread_pool_new(chunk_worker, &run, workers, TRUE, &gerr);
	if (!pool)
		return lm_set_error(err, LM_EINTERNAL, "cannot start worker threads");
	for (guint t = 0; t < workers; t++)
		g_thread_pool_push(pool, GUINT_TO_POINTER(t + 1), NULL);
	g_thread_pool_free(pool, FALSE, TRUE); /* waits for every worker */
	return 0;
}

/* ---- assembling the graph ------------------------------------------------------ */

static int compare_entry(const void *a, const void *b)
{
	const col_entry *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/* Each column's best entries over all workers' heaps, in col_start layout
 * (sel_len[c] of them); sets out->col_bound. The union holds at least as
 * many entries as any heap that dropped a pair, each at least as good, so
 * whatever was dropped anywhere scores at most the final selection's last. */
static void merge_columns(build_job *job, uint32_t n_workers, col_entry *sel, uint32_t *sel_len,
			  lm_candidates *out)
{
	size_t most = 0;

	for (uint32_t c = 0; c < job->n_cols; c++)
		most = MAX(most, job->col_start[c + 1] - job->col_start[c]);

	col_entry *tmp = g_new(col_entry, MAX(most * n_workers, (size_t)1));

	for (uint32_t c = 0; c < job->n_cols; c++) {
		size_t at = job->col_start[c], len = job->col_start[c + 1] - at, n = 0;
		gboolean over = FALSE;

		for (uint32_t t = 0; t < n_workers; t++) {
			memcpy(tmp + n, job->w[t].col_heap + at, job->w[t].col_len[c] * sizeof(*tmp));
			n += job->w[t].col_len[c];
			over |= job->w[t].col_over[c];
		}
		qsort(tmp, n, sizeof(*tmp), compare_entry);
		over |= n > len;
		n = MIN(n, len);
		memcpy(sel + at, tmp, n * sizeof(*tmp));
		sel_len[c] = (uint32_t)n;
		out->col_bound[c] = over ? tmp[n - 1].score : -1;
	}
	g_free(tmp);
}

/* The CSR graph: each row's own list merged with the pairs its mentors
 * chose (by_row, ascending columns), duplicates once. */
static void assemble(build_job *job, lm_candidates *out, const size_t *extra_start,
		     const arc *extra)
{
	size_t total = 0;

	out->row_start = g_new(size_t, job->n_rows + (size_t)1);
	for (int pass = 0; pass < 2; pass++) {
		total = 0;
		for (uint32_t r = 0; r < job->n_rows; r++) {
			const arc *a = job->row_arcs[r], *b = extra ? extra + extra_start[r] : NULL;
			size_t na = job->row_len[r], nb = extra ? extra_start[r + 1] - extra_start[r] : 0;
			size_t i = 0, j = 0;

			out->row_start[r] = total;
			while (i < na || j < nb) {
				arc next;

				if (j >= nb || (i < na && a[i].col <= b[j].col)) {
					if (j < nb && a[i].col == b[j].col)
						j++;
					next = a[i++];
				} else {
					next = b[j++];
				}
				if (pass) {
					out->col[total] = next.col;
					out->score[total] = next.score;
				}
				total++;
			}
		}
		if (!pass) {
			out->col = g_new(uint32_t, MAX(total, (size_t)1));
			out->score = g_new(lm_score, MAX(total, (size_t)1));
		}
	}
	out->row_start[job->n_rows] = total;
}

/* The mentor side's pairs regrouped by row, columns ascending. */
static arc *mentor_pairs_by_row(build_job *job, const col_entry *sel, const uint32_t *sel_len,
				size_t **start_out)
{
	size_t *start = g_new0(size_t, job->n_rows + (size_t)1), total = 0;

	for (uint32_t c = 0; c < job->n_cols; c++)
		for (uint32_t i = 0; i < sel_len[c]; i++)
			start[sel[job->col_start[c] + i].row + 1]++;
	for (uint32_t r = 0; r < job->n_rows; r++) {
		total += start[r + 1];
		start[r + 1] = total;
	}

	arc *by_row = g_new(arc, MAX(total, (size_t)1));
	size_t *fill = g_memdup2(start, (job->n_rows + (size_t)1) * sizeof(size_t));

	for (uint32_t c = 0; c < job->n_cols; c++)
		for (uint32_t i = 0; i < sel_len[c]; i++) {
			const col_entry *e = &sel[job->col_start[c] + i];

			by_row[fill[e->row]++] = (arc){ c, e->score };
		}
	g_free(fill);
	*start_out = start;
	return by_row;
}

static void workers_init(build_job *job, uint32_t n_workers)
{
	size_t heap = job->col_start ? job->col_start[job->n_cols] : 0;

	job->w = g_new0(worker, n_workers);
	for (uint32_t t = 0; t < n_workers; t++) {
		uint32_t rows = job->top_k ? LM_ROWS_PER_CHUNK : 1;
		size_t per_row = MAX(job->top_k ? job->top_k : job->n_cols, 1u);

		job->w[t].rows = g_new(row_state, rows);
		job->w[t].heaps = g_new(arc_key, rows * per_row);
		for (uint32_t r = 0; r < rows; r++)
			job->w[t].rows[r].heap = job->w[t].heaps + r * per_row;
		job->w[t].scan = g_new(uint32_t, MAX(job->n_cols, 1u));
		job->w[t].counts = g_new(uint16_t, MAX(job->n_cols, 1u));
		job->w[t].kept = g_new(uint32_t, LM_PAIR_BATCH);
		job->w[t].kept_score = g_new(lm_score, LM_PAIR_BATCH);
		if (job->col_start) {
			job->w[t].col_heap = g_new(col_entry, MAX(heap, (size_t)1));
			job->w[t].col_len = g_new0(uint32_t, MAX(job->n_cols, 1u));
			job->w[t].col_over = g_new0(uint8_t, MAX(job->n_cols, 1u));
			job->w[t].col_root = g_new(lm_score, MAX(job->n_cols, 1u));
			job->w[t].col_floor = g_new(lm_score, MAX(job->n_cols, 1u));
			for (uint32_t c = 0; c < job->n_cols; c++)
				job->w[t].col_root[c] = job->w[t].col_floor[c] = INT64_MIN;
		}
	}
}

static void workers_clear(build_job *job, uint32_t n_workers)
{
	for (uint32_t t = 0; t < n_workers; t++) {
		g_free(job->w[t].rows);
		g_free(job->w[t].heaps);
		g_free(job->w[t].scan);
		g_free(job->w[t].counts);
		g_free(job->w[t].kept);
		g_free(job->w[t].kept_score);
		g_free(job->w[t].col_floor);
		g_free(job->w[t].col_heap);
		g_free(job->w[t].col_len);
		g_free(job->w[t].col_over);
		g_free(job->w[t].col_root);
	}
	g_free(job->w);
}

static void finish(build_job *job, uint32_t n_workers, lm_candidates *out)
{
	size_t *extra_start = NULL;
	arc *extra = NULL;

	out->pruned = job->pruned != 0;
	for (uint32_t t = 0; t < n_workers; t++)
		out->scored += job->w[t].scored;
	if (job->col_start) {
		size_t heap = job->col_start[job->n_cols];
		col_entry *sel = g_new(col_entry, MAX(heap, (size_t)1));
		uint32_t *sel_len = g_new0(uint32_t, MAX(job->n_cols, 1u));

		out->col_bound = g_new(lm_score, MAX(job->n_cols, 1u));
		merge_columns(job, n_workers, sel, sel_len, out);
		extra = mentor_pairs_by_row(job, sel, sel_len, &extra_start);
		g_free(sel);
		g_free(sel_len);
	}
	assemble(job, out, extra_start, extra);
	g_free(extra_start);
	g_free(extra);
	if (out->pruned) {
		out->row_bound = job->row_bound;
		job->row_bound = NULL;
	} else {
		g_clear_pointer(&out->col_bound, g_free);
	}
}

int lm_candidates_build_both(lm_candidates *out, const lm_scorer *s, const uint32_t *row_demand,
			     const uint32_t *col_cap, long top_k, uint32_t col_per_place,
			     int threads, lm_error **err)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	build_job job = {
		.scorer = s,
		.cohort = c,
		.row_demand = row_demand,
		.col_cap = col_cap,
		.n_rows = c->count[LM_ROLE_MENTEE],
		.n_cols = c->count[LM_ROLE_MENTOR],
		.top_k = top_k > 0 ? (size_t)top_k : 0,
	};
	uint32_t chunks = (job.n_rows + LM_ROWS_PER_CHUNK - 1) / LM_ROWS_PER_CHUNK;
	uint32_t n_workers = (uint32_t)MIN((uint32_t)MAX(threads, 1), MAX(chunks, 1u));
	int rc;

	memset(out, 0, sizeof *out);
	out->n_rows = job.n_rows;
	out->n_cols = job.n_cols;
	job.row_arcs = g_new0(arc *, MAX(job.n_rows, 1u));
	job.row_len = g_new0(uint32_t, MAX(job.n_rows, 1u));
	job.row_bound = g_new(lm_score, MAX(job.n_rows, 1u));
	for (uint32_t r = 0; r < job.n_rows; r++)
		job.row_bound[r] = -1;
	if (job.top_k && col_per_place) {
		job.col_start = g_new(size_t, job.n_cols + (size_t)1);
		job.col_start[0] = 0;
		for (uint32_t m = 0; m < job.n_cols; m++)
			job.col_start[m + 1] = job.col_start[m] + (size_t)col_per_place * col_cap[m];
	}
	workers_init(&job, n_workers);
	rc = lm_run_chunks(build_chunk, &job, chunks, (int)n_workers, err);
	if (rc == 0)
		finish(&job, n_workers, out);
	workers_clear(&job, n_workers);
	for (uint32_t r = 0; r < job.n_rows; r++)
		g_free(job.row_arcs[r]);
	g_free(job.row_arcs);
	g_free(job.row_len);
	g_free(job.row_bound);
	g_free(job.col_start);
	return rc;
}

int lm_candidates_build(lm_candidates *out, const lm_scorer *s, const uint32_t *row_demand,
			const uint32_t *col_cap, long top_k, int threads, lm_error **err)
{
	return lm_candidates_build_both(out, s, row_demand, col_cap, top_k, 0, threads, err);
}

void lm_candidates_merge(lm_candidates *c, const uint32_t *rows, const uint32_t *cols,
			 const lm_score *scores, size_t n)
{
	size_t total = c->row_start[c->n_rows] + n, out = total, extra = n;

	/* Grown in place and merged from the back: a fresh graph each round
	 * paid a page fault for every page of it (0.3 s a round at
	 * 100,000 x 10,000). Each row's merged arcs end at out, which never
	 * falls below the old arcs not yet moved. */
	c->col = g_renew(uint32_t, c->col, MAX(total, (size_t)1));
	c->score = g_renew(lm_score, c->score, MAX(total, (size_t)1));
	for (uint32_t r = c->n_rows; r-- > 0;) {
		size_t i = c->row_start[r + 1], begin = c->row_start[r];

		c->row_start[r + 1] = out;
		/* Merge two ascending runs of columns, from their ends. */
		while (i > begin || (extra > 0 && rows[extra - 1] == r)) {
			gboolean take_old = extra == 0 || rows[extra - 1] != r ||
					    (i > begin && c->col[i - 1] >= cols[extra - 1]);

			out--;
			if (take_old) {
				i--;
				c->col[out] = c->col[i];
				c->score[out] = c->score[i];
			} else {
				extra--;
				c->col[out] = cols[extra];
				c->score[out] = scores[extra];
			}
		}
	}
	c->row_start[0] = out; /* 0: every arc placed */
}

void lm_candidates_clear(lm_candidates *c)
{
	g_free(c->row_start);
	g_free(c->col);
	g_free(c->score);
	g_free(c->row_bound);
	g_free(c->col_bound);
	memset(c, 0, sizeof *c);
}
