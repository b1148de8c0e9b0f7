/* Why each mentee got fewer mentors than wanted: no mentor passes the hard
 * constraints (with how many each constraint rules out); for ranked
 * algorithms, no acceptable mentor with a place, or (stable) every one is
 * full with mentees it ranks higher, or (rounds) their places were taken
 * first; otherwise a feasible mentor still has a place (the objective chose
 * not to use it), or every feasible mentor's places went to others (with
 * the best of them). The verdicts are found in parallel over mentees, each
 * on its own, and added to the result in mentee order, so the result does
 * not depend on the thread count. */
#include <string.h>
#include "core/cohort_private.h"
#include "match/result_private.h"
#include "match/run_private.h"
#include "score/scorer_fast.h"

/* Mentees per chunk of the parallel pass. */
#define LM_UNMATCHED_ROWS_PER_CHUNK 64

typedef struct {
	gboolean needed;
	int reason;        /* LM_UNMATCHED_* */
	int32_t mentor;    /* the best or first ranked mentor, or -1 */
	uint32_t *blocked; /* NO_FEASIBLE_MENTOR: counts per constraint (owned) */
} verdict;

/* Per worker, allocated once. */
typedef struct {
	uint8_t *paired;   /* per mentor: already the mentee's */
	uint32_t *scanned; /* room for every mentor */
} worker;

typedef struct {
	const lm_run *r;
	const lm_pair_ix *assigned; /* sorted by mentee */
	size_t *assigned_start;     /* per mentee + 1 */
	uint32_t *left;             /* places left after the assignment */
	/* A few mentors tried against every unmatched mentee, packed for the
	 * scan: the availability filter rules out most pairs, and testing it
	 * on a contiguous copy spares the fused step's cache lines for them. */
	lm_scan_set *no_place;      /* mentors with no place at all (cap 0) */
	lm_scan_set *spare;         /* mentors with a place left */
	worker *w;
	verdict *v;                 /* per mentee */
} job;

/* The mentee's first ranked mentor it does not hold, and whether any
 * mentor on its list has a place at all. */
static int32_t first_ranked(const lm_run *r, uint32_t m, const uint8_t *paired,
			    gboolean *any_place)
{
	const lm_rankings *k = &r->lists->r;
	int32_t first = -1;

	*any_place = FALSE;
	for (size_t i = k->mentee_start[m]; i < k->mentee_start[m + 1]; i++) {
		uint32_t t = k->mentee_list[i];

		if (paired[t])
			continue;
		if (first < 0)
			first = (int32_t)t;
		if (r->cap[t] > 0)
			*any_place = TRUE;
	}
	return first;
}

/* How many mentors each hard constraint rules out for mentee m. */
static uint32_t *count_blocked(const lm_run *r, uint32_t m)
{
	size_t n = lm_scorer_count(r->scorer);
	uint32_t *blocked = g_new0(uint32_t, n);

	for (uint32_t t = 0; t < r->n_cols; t++) {
		uint32_t failed = lm_scorer_check(r->scorer, m, t);

		for (size_t c = 0; failed && c < n; c++)
			blocked[c] += (failed >> c) & 1u;
	}
	return blocked;
}

static inline gboolean better(lm_score s, uint32_t t, lm_score best_score, int32_t best)
{
	return s > best_score || (s == best_score && (int32_t)t < best);
}

/* From the exact engine's graph, without scoring every mentor again: the
 * mentee's row holds its top_k best feasible mentors with places, more than
 * it holds paired, so the best one not paired is in the row; mentors with
 * no place are never in a graph and are tried apart, and a spare place is
 * looked for among the few mentors that have one. The same answer as the
 * full scan below; FALSE when the row cannot tell (no unpaired arc, or more
 * paired than top_k), and the scan decides. */
static gboolean explain_from_graph(const job *j, uint32_t m, const uint8_t *paired,
				   uint32_t n_paired, uint32_t *out, verdict *v)
{
	const lm_run *r = j->r;
	const lm_candidates *g = r->graph;
	int32_t best = -1;
	lm_score best_score = -1, s;
	gboolean spare = FALSE;
	lm_scorer_row row;

	if (!g || (r->opt.top_k > 0 && n_paired >= (uint32_t)r->opt.top_k))
		return FALSE;
	for (size_t a = g->row_start[m]; a < g->row_start[m + 1]; a++) {
		uint32_t t = g->col[a];

		if (paired[t])
			continue;
		spare |= j->left[t] > 0;
		if (better(g->score[a], t, best_score, best))
			best_score = g->score[a], best = (int32_t)t;
	}
	if (best < 0)
		return FALSE;
	lm_scorer_row_begin(r->scorer, m, &row);
	lm_scan_row scan;

	lm_scorer_scan_begin(r->scorer, m, &scan);
	if (!spare) {
		uint32_t n = lm_scorer_scan_set(r->scorer, &scan, j->spare, out, NULL);

		for (uint32_t i = 0; !spare && i < n; i++)
			spare = !paired[out[i]] && lm_scorer_pair(&row, out[i], TRUE, &s);
	}
	if (spare) {
		*v = (verdict){ TRUE, LM_UNMATCHED_NOT_WORTH_IT, -1, NULL };
		return TRUE;
	}
	uint32_t n = lm_scorer_scan_set(r->scorer, &scan, j->no_place, out, NULL);

	for (uint32_t i = 0; i < n; i++) {
		uint32_t t = out[i];

		if (i + 8 < n)
			lm_scorer_prefetch(r->scorer, out[i + 8]);
		if (!paired[t] && lm_scorer_pair(&row, t, TRUE, &s) && better(s, t, best_score, best))
			best_score = s, best = (int32_t)t;
	}
	*v = (verdict){ TRUE, LM_UNMATCHED_CAPACITY_TAKEN, best, NULL };
	return TRUE;
}

/* The feasible mentors are found from the scan (the two cheapest rules
 * over all mentors at once); only a mentee with none pays for checking
 * every rule against every mentor, to count what ruled them out. */
static void explain(const job *j, worker *wk, uint32_t m, uint32_t n_paired, verdict *v)
{
	const lm_run *r = j->r;
	const uint8_t *paired = wk->paired;

	if (explain_from_graph(j, m, paired, n_paired, wk->scanned, v))
		return;

	uint32_t n_scanned = lm_scorer_scan(r->scorer, m, wk->scanned);
	gboolean feasible = FALSE, spare = FALSE;
	int32_t best = -1;
	lm_score best_score = -1, s;
	lm_scorer_row row;

	lm_scorer_row_begin(r->scorer, m, &row);
	for (uint32_t k = 0; k < n_scanned; k++) {
		uint32_t t = wk->scanned[k];

		if (paired[t] || !lm_scorer_pair(&row, t, TRUE, &s))
			continue;
		feasible = TRUE;
		spare |= j->left[t] > 0;
		if (s > best_score) /* ascending t: the lowest index wins ties */
			best_score = s, best = (int32_t)t;
	}
	if (!feasible) {
		*v = (verdict){ TRUE, LM_UNMATCHED_NO_FEASIBLE_MENTOR, -1, count_blocked(r, m) };
	} else if (r->lists) {
		gboolean any_place;
		int32_t first = first_ranked(r, m, paired, &any_place);

		if (first < 0 || !any_place)
			*v = (verdict){ TRUE, LM_UNMATCHED_NO_ACCEPTABLE_MENTOR, -1, NULL };
		else if (r->opt.algorithm == LM_ALGORITHM_STABLE)
			*v = (verdict){ TRUE, LM_UNMATCHED_OUTRANKED, first, NULL };
		else
			*v = (verdict){ TRUE, LM_UNMATCHED_CAPACITY_TAKEN, first, NULL };
	} else if (spare) {
		*v = (verdict){ TRUE, LM_UNMATCHED_NOT_WORTH_IT, -1, NULL };
	} else {
		*v = (verdict){ TRUE, LM_UNMATCHED_CAPACITY_TAKEN, best, NULL };
	}
}

/* Marks (on) or clears the mentors mentee m already holds: assigned now,
 * or kept. */
static uint32_t mark_paired(const job *j, uint8_t *paired, uint32_t m, uint8_t on)
{
	const lm_run *r = j->r;
	const lm_person *p = lm_cohort_mentee(r->cohort, m);
	uint32_t n = 0;

	for (size_t k = j->assigned_start[m]; k < j->assigned_start[m + 1]; k++, n++)
		paired[j->assigned[k].mentor] = on;
	for (uint32_t i = 0; r->opt.keep_current && i < p->current.len; i++, n++)
		paired[lm_span_refs(r->cohort, p->current)[i]] = on;
	return n;
}

static void explain_chunk(void *data, uint32_t worker_ix, uint32_t chunk)
{
	job *j = data;
	worker *wk = &j->w[worker_ix];
	uint32_t first = chunk * LM_UNMATCHED_ROWS_PER_CHUNK;
	uint32_t last = MIN(j->r->n_rows, first + LM_UNMATCHED_ROWS_PER_CHUNK);

	for (uint32_t m = first; m < last; m++) {
		if (j->assigned_start[m + 1] - j->assigned_start[m] >= j->r->demand[m])
			continue;
		/* Cleared entry by entry after: a memset of every mentor per
		 * unmatched mentee was 10^9 bytes at national size. */
		uint32_t n_paired = mark_paired(j, wk->paired, m, 1);

		explain(j, wk, m, n_paired, &j->v[m]);
		mark_paired(j, wk->paired, m, 0);
	}
}

static gint by_mentee(gconstpointer a, gconstpointer b)
{
	const lm_pair_ix *x = a, *y = b;

	return (x->mentee > y->mentee) - (x->mentee < y->mentee);
}

int lm_run_add_unmatched(const lm_run *r, lm_result *res, lm_error **err)
{
	GArray *assigned = r->assigned;
	uint32_t chunks = (r->n_rows + LM_UNMATCHED_ROWS_PER_CHUNK - 1) / LM_UNMATCHED_ROWS_PER_CHUNK;
	uint32_t workers = (uint32_t)MIN((uint32_t)MAX(r->opt.threads, 1), MAX(chunks, 1u));
	job j = {
		.r = r,
		.assigned_start = g_new0(size_t, r->n_rows + (size_t)1),
		.left = g_memdup2(r->cap, r->n_cols * sizeof(uint32_t) + 1),
		.w = g_new0(worker, workers),
		.v = g_new0(verdict, r->n_rows + 1),
	};
	int rc;

	g_array_sort(assigned, by_mentee);
	j.assigned = (const lm_pair_ix *)(void *)assigned->data;
	for (guint k = 0; k < assigned->len; k++) {
		j.left[j.assigned[k].mentor]--;
		j.assigned_start[j.assigned[k].mentee + 1]++;
	}
	for (uint32_t m = 0; m < r->n_rows; m++)
		j.assigned_start[m + 1] += j.assigned_start[m];
	uint32_t *no_place = g_new(uint32_t, r->n_cols + 1), *spare = g_new(uint32_t, r->n_cols + 1);
	uint32_t n_no_place = 0, n_spare = 0;

	for (uint32_t t = 0; t < r->n_cols; t++) {
		if (r->cap[t] == 0)
			no_place[n_no_place++] = t;
		else if (j.left[t] > 0)
			spare[n_spare++] = t;
	}
	j.no_place = lm_scan_set_new(r->scorer, no_place, n_no_place);
	j.spare = lm_scan_set_new(r->scorer, spare, n_spare);
	g_free(no_place);
	g_free(spare);
	for (uint32_t t = 0; t < workers; t++) {
		j.w[t].paired = g_new0(uint8_t, r->n_cols + 1);
		j.w[t].scanned = g_new(uint32_t, r->n_cols + 1);
	}
	rc = lm_run_chunks(explain_chunk, &j, chunks, (int)workers, err);
	for (uint32_t m = 0; m < r->n_rows; m++) {
		if (rc == 0 && j.v[m].needed)
			lm_result_add_unmatched(res, m, j.v[m].reason, j.v[m].mentor, j.v[m].blocked);
		g_free(j.v[m].blocked);
	}
	for (uint32_t t = 0; t < workers; t++) {
		g_free(j.w[t].paired);
		g_free(j.w[t].scanned);
	}
	g_free(j.w);
	g_free(j.v);
	g_free(j.assigned_start);
	g_free(j.left);
	lm_scan_set_free(j.no_place);
	lm_scan_set_free(j.spare);
	return rc;
}
