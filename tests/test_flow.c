/* The assignment engine: exact optimum against brute force, certificates,
 * determinism, edge cases and input checks. */
#include <string.h>
#include "lm_test.h"
#include "assign/flow_private.h"
#include "assign/greedy.h"

/* ---- instances ------------------------------------------------------------ */

typedef struct instance {
	uint32_t n_rows, n_cols;
	uint32_t *demand, *cap;
	size_t *row_start;
	uint32_t *col;
	lm_score *score;
} instance;

static void instance_free(instance *x)
{
	g_free(x->demand);
	g_free(x->cap);
	g_free(x->row_start);
	g_free(x->col);
	g_free(x->score);
	memset(x, 0, sizeof(*x));
}

static lm_flow_input input_of(const instance *x, int objective, uint64_t seed)
{
	return (lm_flow_input){
		.n_rows = x->n_rows,
		.n_cols = x->n_cols,
		.row_demand = x->demand,
		.col_cap = x->cap,
		.row_start = x->row_start,
		.arc_col = x->col,
		.arc_score = x->score,
		.objective = objective,
		.seed = seed,
	};
}

/* A random instance: density in percent, scores drawn from a few values
 * (many ties, zeros included) or from 0..score_range. */
static void random_instance(instance *x, GRand *rng, uint32_t rows, uint32_t cols,
			    uint32_t max_demand, uint32_t max_cap, int density, int tied,
			    lm_score score_range)
{
	static const lm_score tie_values[] = { 0, 0, 1, 2, 2, 3, 5, 5 };
	GArray *col = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *score = g_array_new(FALSE, FALSE, sizeof(lm_score));

	x->n_rows = rows;
	x->n_cols = cols;
	x->demand = g_new(uint32_t, rows + 1);
	x->cap = g_new(uint32_t, cols + 1);
	x->row_start = g_new0(size_t, rows + 1);
	for (uint32_t r = 0; r < rows; r++)
		x->demand[r] = g_rand_int_range(rng, 1, (gint32)max_demand + 1);
	for (uint32_t c = 0; c < cols; c++)
		x->cap[c] = g_rand_int_range(rng, 0, (gint32)max_cap + 1);
	for (uint32_t r = 0; r < rows; r++) {
		for (uint32_t c = 0; c < cols; c++) {
			if (g_rand_int_range(rng, 0, 100) >= density)
				continue;
			lm_score s = tied ? tie_values[g_rand_int_range(rng, 0, 8)]
					  : (lm_score)g_rand_double_range(rng, 0, (double)score_range);

			g_array_append_val(col, c);
			g_array_append_val(score, s);
		}
		x->row_start[r + 1] = col->len;
	}
	x->col = (uint32_t *)g_array_free(col, FALSE);
	x->score = (lm_score *)g_array_free(score, FALSE);
}

/* ---- brute force ------------------------------------------------------------ */

typedef struct brute {
	const instance *x;
	int objective;
	uint32_t *load;
	uint64_t count, best_count;
	lm_score total, best_total;
} brute;

static gboolean better(int objective, uint64_t c1, lm_score t1, uint64_t c2, lm_score t2)
{
	if (objective == LM_OBJECTIVE_COVERAGE)
		return c1 > c2 || (c1 == c2 && t1 > t2);
	return t1 > t2 || (t1 == t2 && c1 > c2);
}

static void brute_row(brute *b, uint32_t r);

/* Row r picks, among arcs from `from` on, up to `left` more distinct columns. */
static void brute_pick(brute *b, uint32_t r, size_t from, uint32_t left)
{
	const instance *x = b->x;

	brute_row(b, r + 1);
	if (left == 0)
		return;
	for (size_t a = from; a < x->row_start[r + 1]; a++) {
		uint32_t c = x->col[a];

		if (b->load[c] >= x->cap[c] ||
		    (b->objective == LM_OBJECTIVE_SCORE && x->score[a] == 0))
			continue;
		b->load[c]++;
		b->count++;
		b->total += x->score[a];
		brute_pick(b, r, a + 1, left - 1);
		b->load[c]--;
		b->count--;
		b->total -= x->score[a];
	}
}

static void brute_row(brute *b, uint32_t r)
{
	if (r < b->x->n_rows) {
		brute_pick(b, r, b->x->row_start[r], b->x->demand[r]);
		return;
	}
	if (better(b->objective, b->count, b->total, b->best_count, b->best_total)) {
		b->best_count = b->count;
		b->best_total = b->total;
	}
}

/* Explores every row's choice of up to `demand` arcs. Rows' choices are
 * independent given the column loads, so choosing the rows in order and
 * recursing enumerates every feasible assignment. */
static void brute_force(const instance *x, int objective, uint64_t *count, lm_score *total)
{
	brute b = { .x = x, .objective = objective, .load = g_new0(uint32_t, x->n_cols + 1) };

	brute_row(&b, 0);
	*count = b.best_count;
	*total = b.best_total;
	g_free(b.load);
}

/* ---- corruptions the certificate must reject ---------------------------------- */

static gboolean rejects_over_capacity(const instance *x, lm_flow_input in,
				      const lm_flow_output *out)
{
	uint32_t *cap = g_memdup2(x->cap, sizeof(uint32_t) * (x->n_cols + 1));
	gboolean tried = FALSE, rejected = TRUE;

	/* The column of the first used arc loses a place below its load. */
	for (size_t a = 0; a < x->row_start[x->n_rows] && !tried; a++) {
		if (!out->arc_used[a])
			continue;
		uint32_t load = 0;

		for (size_t b = 0; b < x->row_start[x->n_rows]; b++)
			load += out->arc_used[b] && x->col[b] == x->col[a];
		cap[x->col[a]] = load - 1;
		tried = TRUE;
	}
	in.col_cap = cap;
	if (tried)
		rejected = !lm_flow_certify(&in, out);
	g_free(cap);
	return rejected;
}

static gboolean rejects_dropped_pair(const instance *x, const lm_flow_input *in,
				     lm_flow_output *out)
{
	for (size_t a = 0; a < x->row_start[x->n_rows]; a++) {
		if (!out->arc_used[a])
			continue;
		out->arc_used[a] = 0;
		out->matched--;
		out->total -= x->score[a];
		gboolean accepted = lm_flow_certify(in, out);

		out->arc_used[a] = 1;
		out->matched++;
		out->total += x->score[a];
		return !accepted;
	}
	return TRUE;
}

static ssize_t find_arc(const instance *x, uint32_t r, uint32_t c)
{
	for (size_t a = x->row_start[r]; a < x->row_start[r + 1]; a++)
		if (x->col[a] == c)
			return (ssize_t)a;
	return -1;
}

/* Swaps the columns of two used arcs when the swapped assignment is
 * feasible and strictly worse; the certificate (prices kept) must fail.
 * Returns 1 when a swap was tried and rejected, 0 when none was possible,
 * -1 when a worse swap was accepted. */
static int rejects_worse_swap(const instance *x, const lm_flow_input *in, lm_flow_output *out)
{
	size_t m = x->row_start[x->n_rows];

	for (uint32_t r1 = 0; r1 < x->n_rows; r1++)
		for (size_t a1 = x->row_start[r1]; a1 < x->row_start[r1 + 1]; a1++)
			for (uint32_t r2 = r1 + 1; r2 < x->n_rows; r2++)
				for (size_t a2 = x->row_start[r2]; a2 < x->row_start[r2 + 1]; a2++) {
					if (!out->arc_used[a1] || !out->arc_used[a2] || a2 >= m)
						continue;
					ssize_t b1 = find_arc(x, r1, x->col[a2]);
					ssize_t b2 = find_arc(x, r2, x->col[a1]);

					if (b1 < 0 || b2 < 0 || out->arc_used[b1] || out->arc_used[b2])
						continue;
					lm_score before = x->score[a1] + x->score[a2];
					lm_score after = x->score[b1] + x->score[b2];

					if (after >= before ||
					    (in->objective == LM_OBJECTIVE_SCORE &&
					     (x->score[b1] == 0 || x->score[b2] == 0)))
						continue;
					lm_flow_output bad = *out;

					bad.arc_used = g_memdup2(out->arc_used, m);
					bad.arc_used[a1] = bad.arc_used[a2] = 0;
					bad.arc_used[b1] = bad.arc_used[b2] = 1;
					bad.total = out->total - before + after;
					gboolean accepted = lm_flow_certify(in, &bad);

					g_free(bad.arc_used);
					return accepted ? -1 : 1;
				}
	return 0;
}

/* ---- the brute-force cross-check ---------------------------------------------- */

/* Returns whether greedy fell short of the optimum (the cross-check must
 * be able to tell a wrong answer from a right one). */
static gboolean check_small(const instance *x, int objective, uint64_t seed, int *swaps)
{
	lm_flow_input in = input_of(x, objective, seed);
	lm_flow_output out = { 0 }, greedy = { 0 };
	uint64_t count;
	lm_score total;

	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	brute_force(x, objective, &count, &total);
	ck_assert_uint_eq(out.matched, count);
	ck_assert_int_eq(out.total, total);
	ck_assert(lm_flow_certify(&in, &out));
	ck_assert(rejects_over_capacity(x, in, &out));
	ck_assert(rejects_dropped_pair(x, &in, &out));
	int swap = rejects_worse_swap(x, &in, &out);

	ck_assert_int_ge(swap, 0);
	*swaps += swap;
	/* Solving from the scarcer side (transposed when places are fewer)
	 * reaches the same optimum, certified on the original graph. */
	lm_flow_output tr = { 0 };

	ck_assert_int_eq(lm_flow_solve_auto(&in, &tr, NULL), 0);
	ck_assert_uint_eq(tr.matched, count);
	ck_assert_int_eq(tr.total, total);
	ck_assert(lm_flow_certify(&in, &tr));
	lm_flow_output_clear(&tr);
	ck_assert_int_eq(lm_greedy_solve(&in, &greedy, NULL), 0);
	gboolean short_of = greedy.matched != count || greedy.total != total;

	lm_flow_output_clear(&greedy);
	lm_flow_output_clear(&out);
	return short_of;
}

START_TEST(brute_force_small)
{
	GRand *rng = g_rand_new_with_seed(20240601);
	int swaps = 0, greedy_short = 0;

	for (int i = 0; i < 600; i++) {
		instance x;

		random_instance(&x, rng, g_rand_int_range(rng, 1, 7), g_rand_int_range(rng, 1, 6),
				2, 3, g_rand_int_range(rng, 20, 101), i % 3 != 0, 1000);
		greedy_short += check_small(&x, LM_OBJECTIVE_COVERAGE, (uint64_t)i, &swaps);
		greedy_short += check_small(&x, LM_OBJECTIVE_SCORE, (uint64_t)i * 7, &swaps);
		instance_free(&x);
	}
	ck_assert_int_gt(swaps, 50);
	ck_assert_int_gt(greedy_short, 50);
	g_rand_free(rng);
}
END_TEST

/* Demand 1 and capacity 1 everywhere: the classic assignment problem. */
START_TEST(brute_force_unit)
{
	GRand *rng = g_rand_new_with_seed(7);
	int swaps = 0;

	for (int i = 0; i < 300; i++) {
		instance x;

		random_instance(&x, rng, g_rand_int_range(rng, 1, 7), g_rand_int_range(rng, 1, 7),
				1, 1, g_rand_int_range(rng, 30, 101), i % 2, 100);
		check_small(&x, i % 2 ? LM_OBJECTIVE_COVERAGE : LM_OBJECTIVE_SCORE, (uint64_t)i,
			    &swaps);
		instance_free(&x);
	}
	g_rand_free(rng);
}
END_TEST

/* Scores of 2^31 millionths and more (2,147 points): the searches keep
 * each arc's weight instead of packing the score beside its column. The
 * same brute-force check, ties included (tied scores scaled by 2^32). */
START_TEST(brute_force_wide_scores)
{
	GRand *rng = g_rand_new_with_seed(31);
	int swaps = 0;

	for (int i = 0; i < 300; i++) {
		instance x;

		random_instance(&x, rng, g_rand_int_range(rng, 1, 7), g_rand_int_range(rng, 1, 6),
				2, 3, g_rand_int_range(rng, 20, 101), i % 2, 400000000000LL);
		if (i % 2)
			for (size_t a = 0; a < x.row_start[x.n_rows]; a++)
				x.score[a] <<= 32;
		check_small(&x, i % 3 ? LM_OBJECTIVE_COVERAGE : LM_OBJECTIVE_SCORE, (uint64_t)i,
			    &swaps);
		instance_free(&x);
	}
	g_rand_free(rng);
}
END_TEST

/* A pair left out of the graph with reduced profit <= 0 cannot improve the
 * optimum: solving with it gives the same value. */
START_TEST(reduced_profit_prices_left_out_pairs)
{
	GRand *rng = g_rand_new_with_seed(99);
	int positive = 0;

	for (int i = 0; i < 400; i++) {
		instance x, pruned;
		int objective = i % 2 ? LM_OBJECTIVE_COVERAGE : LM_OBJECTIVE_SCORE;

		random_instance(&x, rng, 5, 4, 2, 2, 70, i % 3 != 0, 50);
		size_t m = x.row_start[x.n_rows];

		if (m < 2) {
			instance_free(&x);
			continue;
		}
		/* Leave out arc k. */
		size_t k = g_rand_int_range(rng, 0, (gint32)m);
		uint32_t row = 0;

		while (x.row_start[row + 1] <= k)
			row++;
		pruned = x;
		pruned.row_start = g_new(size_t, x.n_rows + 1);
		pruned.col = g_new(uint32_t, m);
		pruned.score = g_new(lm_score, m);
		for (uint32_t r = 0; r <= x.n_rows; r++)
			pruned.row_start[r] = x.row_start[r] - (r > row ? 1 : 0);
		for (size_t a = 0, j = 0; a < m; a++) {
			if (a == k)
				continue;
			pruned.col[j] = x.col[a];
			pruned.score[j++] = x.score[a];
		}
		lm_flow_input in_full = input_of(&x, objective, 1);
		lm_flow_input in_pruned = input_of(&pruned, objective, 1);
		lm_flow_output full = { 0 }, part = { 0 };

		ck_assert_int_eq(lm_flow_solve(&in_full, &full, NULL), 0);
		ck_assert_int_eq(lm_flow_solve(&in_pruned, &part, NULL), 0);
		int64_t rp = lm_flow_reduced_profit(&in_pruned, &part, row, x.col[k], x.score[k]);

		if (rp <= 0) {
			ck_assert_uint_eq(full.matched, part.matched);
			ck_assert_int_eq(full.total, part.total);
		} else {
			positive++;
		}
		lm_flow_output_clear(&full);
		lm_flow_output_clear(&part);
		g_free(pruned.row_start);
		g_free(pruned.col);
		g_free(pruned.score);
		instance_free(&x);
	}
	ck_assert_int_gt(positive, 0);
	g_rand_free(rng);
}
END_TEST

/* ---- determinism --------------------------------------------------------------- */

START_TEST(same_seed_same_assignment)
{
	GRand *rng = g_rand_new_with_seed(3);
	instance x;
	GHashTable *seen = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
						 (GDestroyNotify)g_bytes_unref, NULL);

	/* Heavily tied: many optimal assignments exist. */
	random_instance(&x, rng, 60, 30, 2, 3, 40, TRUE, 0);
	size_t m = x.row_start[x.n_rows];
	lm_flow_output ref = { 0 };
	lm_flow_input in = input_of(&x, LM_OBJECTIVE_COVERAGE, 42);

	ck_assert_int_eq(lm_flow_solve(&in, &ref, NULL), 0);
	for (int run = 0; run < 3; run++) {
		lm_flow_output again = { 0 };

		ck_assert_int_eq(lm_flow_solve(&in, &again, NULL), 0);
		ck_assert_mem_eq(again.arc_used, ref.arc_used, m);
		ck_assert_mem_eq(again.row_price, ref.row_price, x.n_rows * sizeof(int64_t));
		lm_flow_output_clear(&again);
	}
	for (uint64_t seed = 0; seed < 20; seed++) {
		lm_flow_output o = { 0 };

		in.seed = seed;
		ck_assert_int_eq(lm_flow_solve(&in, &o, NULL), 0);
		ck_assert_uint_eq(o.matched, ref.matched);
		ck_assert_int_eq(o.total, ref.total);
		ck_assert(lm_flow_certify(&in, &o));
		g_hash_table_add(seen, g_bytes_new(o.arc_used, m));
		lm_flow_output_clear(&o);
	}
	/* The seed does choose among the optimal assignments. */
	ck_assert_uint_gt(g_hash_table_size(seen), 1);
	g_hash_table_unref(seen);
	lm_flow_output_clear(&ref);
	instance_free(&x);
	g_rand_free(rng);
}
END_TEST

/* ---- edge cases ---------------------------------------------------------------- */

START_TEST(empty_graph)
{
	size_t start[1] = { 0 };
	lm_flow_input in = { .row_start = start };
	lm_flow_output out = { 0 };

	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 0);
	ck_assert_int_eq(out.total, 0);
	ck_assert(lm_flow_certify(&in, &out));
	lm_flow_output_clear(&out);
	lm_flow_output_clear(&out);
	lm_flow_output_clear(NULL);
}
END_TEST

START_TEST(rows_without_arcs_and_closed_columns)
{
	/* Row 0 has no arcs; row 1 only reaches column 0 (capacity 0); row 2
	 * reaches both. */
	size_t start[] = { 0, 0, 1, 3 };
	uint32_t col[] = { 0, 0, 1 }, cap[] = { 0, 1 };
	lm_score score[] = { 9, 5, 1 };
	lm_flow_input in = { .n_rows = 3, .n_cols = 2, .col_cap = cap, .row_start = start,
			     .arc_col = col, .arc_score = score };
	lm_flow_output out = { 0 };

	for (int obj = LM_OBJECTIVE_COVERAGE; obj <= LM_OBJECTIVE_SCORE; obj++) {
		in.objective = obj;
		ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
		ck_assert_uint_eq(out.matched, 1);
		ck_assert_int_eq(out.total, 1);
		ck_assert(out.arc_used[2] && !out.arc_used[0] && !out.arc_used[1]);
		ck_assert(lm_flow_certify(&in, &out));
		lm_flow_output_clear(&out);
	}
}
END_TEST

START_TEST(all_zero_scores)
{
	size_t start[] = { 0, 2, 4 };
	uint32_t col[] = { 0, 1, 0, 1 };
	lm_score score[] = { 0, 0, 0, 0 };
	lm_flow_input in = { .n_rows = 2, .n_cols = 2, .row_start = start, .arc_col = col,
			     .arc_score = score };
	lm_flow_output out = { 0 };

	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 2);
	ck_assert(lm_flow_certify(&in, &out));
	lm_flow_output_clear(&out);
	in.objective = LM_OBJECTIVE_SCORE;
	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 0);
	ck_assert(lm_flow_certify(&in, &out));
	lm_flow_output_clear(&out);
}
END_TEST

START_TEST(one_by_one)
{
	size_t start[] = { 0, 1 };
	uint32_t col[] = { 0 };
	lm_score score[] = { 81250000 };
	lm_flow_input in = { .n_rows = 1, .n_cols = 1, .row_start = start, .arc_col = col,
			     .arc_score = score };
	lm_flow_output out = { 0 };

	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 1);
	ck_assert_int_eq(out.total, 81250000);
	ck_assert(out.arc_used[0]);
	ck_assert(lm_flow_certify(&in, &out));
	lm_flow_output_clear(&out);
}
END_TEST

/* Coverage trades score for one more match; score does not. */
START_TEST(objectives_differ)
{
	/* Row 0: col 0 (10) or col 1 (1); row 1: col 0 (1). */
	size_t start[] = { 0, 2, 3 };
	uint32_t col[] = { 0, 1, 0 };
	lm_score score[] = { 10, 1, 1 };
	lm_flow_input in = { .n_rows = 2, .n_cols = 2, .row_start = start, .arc_col = col,
			     .arc_score = score };
	lm_flow_output out = { 0 };

	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 2);
	ck_assert_int_eq(out.total, 2);
	lm_flow_output_clear(&out);
	in.objective = LM_OBJECTIVE_SCORE;
	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 1);
	ck_assert_int_eq(out.total, 10);
	lm_flow_output_clear(&out);
}
END_TEST

START_TEST(large_random_certified)
{
	GRand *rng = g_rand_new_with_seed(2000);
	instance x = { 0 };
	GArray *col = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *score = g_array_new(FALSE, FALSE, sizeof(lm_score));

	/* 2000 x 1000, 50 distinct arcs per row, capacity 1..3, scores up to 100 points. */
	x.n_rows = 2000;
	x.n_cols = 1000;
	x.row_start = g_new0(size_t, x.n_rows + 1);
	x.cap = g_new(uint32_t, x.n_cols);
	for (uint32_t c = 0; c < x.n_cols; c++)
		x.cap[c] = g_rand_int_range(rng, 1, 4);
	for (uint32_t r = 0; r < x.n_rows; r++) {
		uint32_t c = g_rand_int_range(rng, 0, 20);

		for (int k = 0; k < 50; k++, c += g_rand_int_range(rng, 1, 40)) {
			uint32_t cc = c % x.n_cols;
			lm_score s = g_rand_int_range(rng, 0, 100000001);

			if (col->len > x.row_start[r] && cc <= g_array_index(col, uint32_t, col->len - 1))
				break;
			g_array_append_val(col, cc);
			g_array_append_val(score, s);
		}
		x.row_start[r + 1] = col->len;
	}
	x.col = (uint32_t *)g_array_free(col, FALSE);
	x.score = (lm_score *)g_array_free(score, FALSE);
	for (int obj = LM_OBJECTIVE_COVERAGE; obj <= LM_OBJECTIVE_SCORE; obj++) {
		lm_flow_input in = input_of(&x, obj, 1);
		lm_flow_output out = { 0 }, greedy = { 0 };

		ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
		ck_assert(lm_flow_certify(&in, &out));
		/* Places are scarce here (about 2,000 for 2,000 rows, fewer with
		 * arcs): the transposed solve must agree and certify. */
		lm_flow_output tr = { 0 };

		ck_assert_int_eq(lm_flow_solve_auto(&in, &tr, NULL), 0);
		ck_assert(lm_flow_certify(&in, &tr));
		ck_assert_uint_eq(tr.matched, out.matched);
		ck_assert_int_eq(tr.total, out.total);
		lm_flow_output_clear(&tr);
		ck_assert_int_eq(lm_greedy_solve(&in, &greedy, NULL), 0);
		ck_assert(better(obj, out.matched, out.total, greedy.matched, greedy.total) ||
			  (out.matched == greedy.matched && out.total == greedy.total));
		lm_flow_output_clear(&out);
		lm_flow_output_clear(&greedy);
	}
	instance_free(&x);
	g_rand_free(rng);
}
END_TEST

/* ---- greedy -------------------------------------------------------------------- */

/* One scratch across solves of different graphs (growing, shrinking,
 * transposed or not, packed or wide arcs) gives exactly what fresh memory
 * gives: nothing of a solve may leak into the next through its buffers. */
START_TEST(scratch_reuse_changes_nothing)
{
	GRand *rng = g_rand_new_with_seed(77);
	lm_flow_scratch ws = { 0 };

	for (int i = 0; i < 60; i++) {
		instance x = { 0 };
		uint32_t rows = (uint32_t)g_rand_int_range(rng, 1, 70);
		uint32_t cols = (uint32_t)g_rand_int_range(rng, 1, 70);
		gboolean wide = i % 3 == 2; /* scores beyond 31 bits: the wide arc path */

		random_instance(&x, rng, rows, cols, 3, i % 2 ? 1 : 4, g_rand_int_range(rng, 5, 90),
				i % 3 == 0, wide ? (lm_score)900000000000LL : 100000000);
		for (int obj = LM_OBJECTIVE_COVERAGE; obj <= LM_OBJECTIVE_SCORE; obj++) {
			lm_flow_input in = input_of(&x, obj, (uint64_t)i);
			lm_flow_output fresh = { 0 }, reused = { 0 };
			size_t m = x.row_start[rows];

			ck_assert_int_eq(lm_flow_solve_auto(&in, &fresh, NULL), 0);
			ck_assert_int_eq(lm_flow_solve_auto_scratch(&in, &reused, &ws, NULL), 0);
			ck_assert_uint_eq(reused.matched, fresh.matched);
			ck_assert_int_eq(reused.total, fresh.total);
			ck_assert(memcmp(reused.arc_used, fresh.arc_used, m) == 0);
			ck_assert(memcmp(reused.row_price, fresh.row_price, rows * sizeof(int64_t)) == 0);
			ck_assert(memcmp(reused.col_price, fresh.col_price, cols * sizeof(int64_t)) == 0);
			ck_assert(lm_flow_certify(&in, &reused));
			lm_flow_output_clear(&fresh);
			lm_flow_output_clear(&reused);
		}
		instance_free(&x);
	}
	lm_flow_scratch_clear(&ws);
	lm_flow_scratch_clear(&ws); /* cleared twice: harmless */
	g_rand_free(rng);
}
END_TEST

/* A scratch buffer is kept while big enough and grown otherwise; buffers
 * big enough to ask for huge pages (8 MiB) hold what is written. */
START_TEST(scratch_buffers_grow_and_keep)
{
	lm_flow_scratch ws = { 0 };
	size_t big = (size_t)9 << 20;
	uint64_t *p = lm_flow_scratch_get(&ws, LM_FLOW_BUF_T_ORIG, big);

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_ge(ws.bytes[LM_FLOW_BUF_T_ORIG], big);
	for (size_t i = 0; i < big / sizeof(uint64_t); i++)
		p[i] = i * 2654435761u;
	ck_assert_ptr_eq(lm_flow_scratch_get(&ws, LM_FLOW_BUF_T_ORIG, big / 2), p);
	ck_assert_ptr_eq(lm_flow_scratch_get(&ws, LM_FLOW_BUF_T_ORIG, big + big / 16), p);
	gboolean kept = TRUE;

	for (size_t i = 0; i < big / sizeof(uint64_t); i++)
		kept &= p[i] == i * 2654435761u;
	ck_assert(kept);

	uint64_t *q = lm_flow_scratch_get(&ws, LM_FLOW_BUF_T_ORIG, 2 * big);

	ck_assert_ptr_nonnull(q);
	ck_assert_uint_ge(ws.bytes[LM_FLOW_BUF_T_ORIG], 2 * big);
	memset(q, 0xab, 2 * big);
	ck_assert_ptr_null(ws.buf[LM_FLOW_BUF_ARCS]);
	lm_flow_scratch_clear(&ws);
	ck_assert_ptr_null(ws.buf[LM_FLOW_BUF_T_ORIG]);
	ck_assert_uint_eq(ws.bytes[LM_FLOW_BUF_T_ORIG], 0);
}
END_TEST

START_TEST(greedy_takes_best_first)
{
	/* Greedy takes 0-0 (10) and leaves row 1 out; the optimum takes 2 pairs. */
	size_t start[] = { 0, 2, 3 };
	uint32_t col[] = { 0, 1, 0 };
	lm_score score[] = { 10, 9, 9 };
	lm_flow_input in = { .n_rows = 2, .n_cols = 2, .row_start = start, .arc_col = col,
			     .arc_score = score };
	lm_flow_output out = { 0 };

	ck_assert_int_eq(lm_greedy_solve(&in, &out, NULL), 0);
	ck_assert_uint_eq(out.matched, 1);
	ck_assert(out.arc_used[0] && !out.arc_used[1] && !out.arc_used[2]);
	ck_assert_int_eq(out.total, 10);
	ck_assert_ptr_null(out.row_price);
	ck_assert(!lm_flow_certify(&in, &out));
	lm_flow_output_clear(&out);
	ck_assert_int_eq(lm_greedy_solve(&in, NULL, NULL), LM_EINVAL);
}
END_TEST

/* ---- input checks --------------------------------------------------------------- */

static int solve_status(const lm_flow_input *in, const char *expect)
{
	lm_flow_output out = { 0 };
	lm_error *err = NULL;
	int rc = lm_flow_solve(in, &out, &err);

	if (rc < 0) {
		ck_assert_ptr_nonnull(err);
		ck_assert_ptr_nonnull(strstr(lm_error_message(err), expect));
		ck_assert_ptr_null(out.arc_used);
	}
	lm_error_free(err);
	lm_flow_output_clear(&out);
	return rc;
}

START_TEST(rejects_bad_input)
{
	size_t start[] = { 0, 2 };
	uint32_t col[] = { 1, 0 };
	lm_score score[] = { 1, 2 };
	lm_flow_input in = { .n_rows = 1, .n_cols = 2, .row_start = start, .arc_col = col,
			     .arc_score = score };

	ck_assert_int_eq(solve_status(&in, "ascending"), LM_EINVAL);
	col[0] = 0;
	ck_assert_int_eq(solve_status(&in, "ascending"), LM_EINVAL);
	col[1] = 2;
	ck_assert_int_eq(solve_status(&in, "column 2 of 2"), LM_EINVAL);
	col[1] = 1;
	score[1] = -1;
	ck_assert_int_eq(solve_status(&in, "score"), LM_EINVAL);
	score[1] = 1000000000001LL;
	ck_assert_int_eq(solve_status(&in, "score"), LM_EINVAL);
	score[1] = 1000000000000LL;
	ck_assert_int_eq(solve_status(&in, ""), 0);
	in.objective = 2;
	ck_assert_int_eq(solve_status(&in, "objective"), LM_EINVAL);
	in.objective = LM_OBJECTIVE_COVERAGE;
	in.row_start = NULL;
	ck_assert_int_eq(solve_status(&in, "row_start"), LM_EINVAL);
	in.row_start = start;
	in.arc_col = NULL;
	ck_assert_int_eq(solve_status(&in, "NULL"), LM_EINVAL);
	ck_assert_int_eq(solve_status(NULL, "no flow input"), LM_EINVAL);
	in.arc_col = col;
	ck_assert_int_eq(lm_flow_solve(&in, NULL, NULL), LM_EINVAL);
	ck_assert(!lm_flow_certify(NULL, NULL));
	ck_assert(!lm_flow_certify(&in, NULL));
}
END_TEST

/* Scores near the limit with many places would overflow the weights. */
START_TEST(rejects_overflowing_scale)
{
	size_t start[] = { 0, 1 };
	uint32_t col[] = { 0 }, demand[] = { 5000000 }, cap[] = { 5000000 };
	lm_score score[] = { 1000000000000LL };
	lm_flow_input in = { .n_rows = 1, .n_cols = 1, .row_demand = demand, .col_cap = cap,
			     .row_start = start, .arc_col = col, .arc_score = score };

	ck_assert_int_eq(solve_status(&in, "too large"), LM_EINVAL);
	in.objective = LM_OBJECTIVE_SCORE;
	ck_assert_int_eq(solve_status(&in, "too large"), LM_EINVAL);
	/* A million places at the largest score still fit. */
	demand[0] = cap[0] = 1000000;
	ck_assert_int_eq(solve_status(&in, ""), 0);
}
END_TEST

START_TEST(reduced_profit_arguments)
{
	size_t start[] = { 0, 1, 1 };
	uint32_t col[] = { 0 };
	lm_score score[] = { 5 };
	lm_flow_input in = { .n_rows = 2, .n_cols = 2, .row_start = start, .arc_col = col,
			     .arc_score = score };
	lm_flow_output out = { 0 };

	ck_assert_int_eq(lm_flow_reduced_profit(&in, &out, 0, 0, 5), 0);
	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	/* Row 1 is unassigned and column 1 free: any pair there helps. */
	ck_assert_int_gt(lm_flow_reduced_profit(&in, &out, 1, 1, 0), 0);
	/* Row 0 already has its best pair: a worse second choice does not. */
	ck_assert_int_le(lm_flow_reduced_profit(&in, &out, 0, 1, 4), 0);
	/* Out of range. */
	ck_assert_int_eq(lm_flow_reduced_profit(&in, &out, 2, 0, 1), 0);
	ck_assert_int_eq(lm_flow_reduced_profit(&in, &out, 0, 2, 1), 0);
	ck_assert_int_eq(lm_flow_reduced_profit(&in, &out, 0, 0, -1), 0);
	ck_assert_int_eq(lm_flow_reduced_profit(NULL, &out, 0, 0, 1), 0);
	lm_flow_output_clear(&out);
	in.objective = LM_OBJECTIVE_SCORE;
	ck_assert_int_eq(lm_flow_solve(&in, &out, NULL), 0);
	ck_assert_int_lt(lm_flow_reduced_profit(&in, &out, 1, 1, 0), 0);
	ck_assert_int_gt(lm_flow_reduced_profit(&in, &out, 1, 1, 1), 0);
	lm_flow_output_clear(&out);
}
END_TEST

static Suite *flow_suite(void)
{
	Suite *s = suite_create("flow");
	TCase *exact = tcase_create("brute_force");
	TCase *misc = tcase_create("misc");

	tcase_add_test(exact, brute_force_small);
	tcase_add_test(exact, brute_force_unit);
	tcase_add_test(exact, brute_force_wide_scores);
	tcase_add_test(exact, reduced_profit_prices_left_out_pairs);
	tcase_set_timeout(exact, 600);
	suite_add_tcase(s, exact);
	tcase_add_test(misc, same_seed_same_assignment);
	tcase_add_test(misc, empty_graph);
	tcase_add_test(misc, rows_without_arcs_and_closed_columns);
	tcase_add_test(misc, all_zero_scores);
	tcase_add_test(misc, one_by_one);
	tcase_add_test(misc, objectives_differ);
	tcase_add_test(misc, large_random_certified);
	tcase_add_test(misc, scratch_reuse_changes_nothing);
	tcase_add_test(misc, scratch_buffers_grow_and_keep);
	tcase_add_test(misc, greedy_takes_best_first);
	tcase_add_test(misc, rejects_bad_input);
	tcase_add_test(misc, rejects_overflowing_scale);
	tcase_add_test(misc, reduced_profit_arguments);
	tcase_set_timeout(misc, 600);
	suite_add_tcase(s, misc);
	return s;
}

int main(void)
{
	return lm_test_run(flow_suite());
}
