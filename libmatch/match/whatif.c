/* What-if for the unmatched. A pair that fails exactly one relaxable hard
 * constraint is an arc "tagged" with it; a pair failing two or more stays
 * out whatever single constraint is relaxed. Each count compares two
 * maximum flows, so it answers "how many more could be matched by
 * re-solving", not "how many have some candidate": two mentees who need the
 * same freed place count once.
 *
 * At national size that graph is most pairs: on a generated 34,000 x 10,000
 * cohort, 246 million of the 340 million (a pair failing only the common
 * hours is an arc for relaxing availability), too many to check or hold.
 * The flows are computed without it:
 *
 *  1. the run's own assignment (lm_match's pairs, each checked again),
 *     already most of the pairs there can be; without one, a maximum
 *     assignment on a few feasible arcs per mentee, found by sampling
 *     mentors (lm_units);
 *  2. completed to a maximum on every feasible pair by augmenting paths;
 *  3. from that assignment, for each relaxable rule, the augmenting paths
 *     its tagged arcs open.
 *
 * Steps 2 and 3 search from the side whose nodes left with room have the
 * fewer pairs (usually the mentors with free places: places are scarce) and
 * check a node's pairs only when a search reaches it, in index order,
 * stopping at the first path found (whatif_arcs.c). Its tags are kept once
 * checked, so that later searches and relaxations read them instead. Any
 * maximum flow has the same value, so the counts are those of a search over
 * the whole tagged graph; a cohort where both sides keep many nodes with
 * room still has most of its pairs checked, as before, but in bounded
 * memory. */
#include <string.h>
#include "core/error_private.h"
#include "assign/units.h"
#include "match/candidates.h"
#include "match/whatif.h"
#include "score/scorer_fast.h"
#include "match/whatif_arcs.h"

gboolean lm_what_if_relaxable(const lm_scorer *s, size_t c)
{
	const char *name = lm_scorer_name(s, c);

	return name && lm_scorer_required(s, c) && !g_str_equal(name, "consent") &&
	       !g_str_equal(name, "exclude");
}

/* Step 1. Feasible arcs sampled per mentee with a stride through the
 * mentors (so that mentees' samples spread over the cohort rather than all
 * naming the first mentors), a few per wanted mentor, with a bounded number
 * of tries: a head start only, step 2 makes the assignment maximum. */
#define SAMPLE_PER_WANT 32
#define SAMPLE_MAX 128
#define SAMPLE_TRIES 2048

static uint32_t gcd(uint32_t a, uint32_t b)
{
	while (b) {
		uint32_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/* Mentees per chunk of the parallel sampling. */
#define SAMPLE_ROWS_PER_CHUNK 256

typedef struct {
	const lm_wi_graph *g;
	uint32_t step;
	const size_t *room_start; /* per mentee: where its sample may start in arc_col */
	uint32_t *got;            /* per mentee: arcs sampled */
	uint32_t *arc_col;
} sample_job;

static uint64_t sample_want(const lm_wi_graph *g, uint32_t r)
{
	return MIN((uint64_t)g->demand[r] * SAMPLE_PER_WANT, SAMPLE_MAX);
}

/* One mentee's sample, into its own slots: each row depends on nothing
 * else, so the rows are sampled in parallel with the same arcs for any
 * thread count. The pair is tried with the fused step (the same answer
 * as lm_scorer_feasible, one call instead of one per filter). */
static void sample_row(const sample_job *j, uint32_t r, lm_scorer_row *row)
{
	const lm_wi_graph *g = j->g;
	uint32_t n_cols = g->side[1].n;
	uint64_t want = sample_want(g, r);
	uint32_t tries = n_cols ? MIN(n_cols, SAMPLE_TRIES) : 0;
	uint32_t t = n_cols ? (uint32_t)(((uint64_t)r * 2654435761u) % n_cols) : 0;
	uint32_t *out = j->arc_col + j->room_start[r];
	uint32_t got = 0;
	lm_score score;

	if (want == 0) {
		j->got[r] = 0;
		return;
	}
	lm_scorer_row_begin(g->s, r, row);
	for (; got < want && tries > 0; tries--, t = (t + j->step) % n_cols)
		if (lm_wi_pair_open(g, r, t) && lm_scorer_pair(row, t, FALSE, &score))
			out[got++] = t;
	j->got[r] = got;
}

static void sample_chunk(void *data, uint32_t worker, uint32_t chunk)
{
	const sample_job *j = data;
	uint32_t first = chunk * SAMPLE_ROWS_PER_CHUNK;
	uint32_t last = MIN(j->g->side[0].n, first + SAMPLE_ROWS_PER_CHUNK);
	lm_scorer_row row;

	(void)worker;
	for (uint32_t r = first; r < last; r++)
		sample_row(j, r, &row);
}

int lm_what_if_head_start(lm_wi_graph *g, uint64_t seed, int threads, lm_error **err)
{
	uint32_t n_rows = g->side[0].n, n_cols = g->side[1].n;
	uint32_t step = MAX((uint32_t)((uint64_t)n_cols * 40503 / 65536), 1u);
	size_t most = 0, n = 0;
	uint32_t chunks = (n_rows + SAMPLE_ROWS_PER_CHUNK - 1) / SAMPLE_ROWS_PER_CHUNK;
	int rc = 0;

	while (gcd(step, n_cols) > 1)
		step++; /* coprime: the walk meets every mentor once */

	size_t *row_start = g_try_new(size_t, (size_t)n_rows + 1);
	uint32_t *got = g_try_new(uint32_t, (size_t)n_rows + 1);
	uint32_t *arc_col = NULL;

	if (row_start && got) {
		/* Each row's room first (row_start), then compacted in place. */
		for (uint32_t r = 0; r < n_rows; r++) {
			row_start[r] = most;
			most += sample_want(g, r);
		}
		arc_col = g_try_new(uint32_t, MAX(most, (size_t)1));
	}
	if (!row_start || !got || !arc_col) {
		g_free(row_start);
		g_free(got);
		g_free(arc_col);
		return lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	}

	sample_job sj = { g, step, row_start, got, arc_col };

	if (chunks > 0 &&
	    (rc = lm_run_chunks(sample_chunk, &sj, chunks,
				(int)MIN((uint32_t)MAX(threads, 1), chunks), err)) < 0) {
		g_free(row_start);
		g_free(got);
		g_free(arc_col);
		return rc;
	}
	for (uint32_t r = 0; r < n_rows; r++) {
		size_t from = row_start[r];

		row_start[r] = n;
		memmove(arc_col + n, arc_col + from, sizeof(uint32_t) * got[r]);
		n += got[r];
	}
	g_free(got);
	row_start[n_rows] = n;

	lm_flow_input in = {
		.n_rows = n_rows,
		.n_cols = n_cols,
		.row_demand = g->demand,
		.col_cap = g->cap,
		.row_start = row_start,
		.arc_col = arc_col,
		.objective = LM_OBJECTIVE_COVERAGE,
		.seed = seed,
	};
	lm_units x;

	if (!lm_units_init(&x, &in, 0)) {
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	} else {
		if (n_rows)
			lm_units_augment(&x);
		for (uint32_t r = 0; r < n_rows; r++)
			for (size_t a = row_start[r]; a < row_start[r + 1]; a++)
				if (x.arc_flow[a])
					lm_wi_link(g, r, arc_col[a]);
	}
	lm_units_clear(&x);
	g_free(row_start);
	g_free(arc_col);
	return rc;
}

/* Step 1 from pairs already chosen (the run's assignment): those that are
 * feasible, open and fit the room left are linked, the others skipped, so
 * that any list gives a valid assignment to complete. */
static void start_from(lm_wi_graph *g, const lm_pair_ix *start, size_t n_start)
{
	lm_wi_side *rows = &g->side[0], *cols = &g->side[1];

	for (size_t i = 0; i < n_start; i++) {
		uint32_t r = start[i].mentee, t = start[i].mentor;
		gboolean linked = FALSE;

		if (r >= rows->n || t >= cols->n || rows->len[r] >= g->demand[r] ||
		    cols->len[t] >= g->cap[t] || lm_wi_pair_tag(g, r, t) != LM_UNITS_UNTAGGED)
			continue;
		for (uint32_t k = 0; !linked && k < rows->len[r]; k++)
			linked = rows->mate[rows->start[r] + k] == t;
		if (!linked)
			lm_wi_link(g, r, t);
	}
}

int lm_what_if(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
	       gboolean keep_current, uint64_t seed, int threads, const lm_pair_ix *start,
	       size_t n_start, long *counts, lm_error **err)
{
	size_t n = lm_scorer_count(s);
	uint32_t relaxable = 0;
	lm_wi_graph g;
	lm_wi_state base = { 0 };
	int rc = 0;

	/* The names are compared once, not once per failing pair. */
	for (size_t k = 0; k < n && k < 32; k++)
		if (lm_what_if_relaxable(s, k))
			relaxable |= 1u << k;
	for (size_t k = 0; k < n; k++)
		counts[k] = -1;
	if (!lm_wi_init(&g, s, demand, cap, keep_current, relaxable)) {
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	} else if ((rc = start ? (start_from(&g, start, n_start), 0)
			       : lm_what_if_head_start(&g, seed, threads, err)) == 0) {
		/* The most pairs on the feasible arcs, then from that assignment
		 * (still valid with more arcs usable) how many more each
		 * relaxation adds. */
		lm_wi_augment(&g, LM_UNITS_UNTAGGED);
		if (!lm_wi_save(&g, &base))
			rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	}
	for (size_t k = 0; rc == 0 && k < n && k < 32; k++) {
		if (!(relaxable & (1u << k)))
			continue;
		lm_wi_restore(&g, &base);
		counts[k] = (long)lm_wi_augment(&g, (unsigned)k);
	}
	lm_wi_state_clear(&base);
	lm_wi_clear(&g);
	return rc;
}
