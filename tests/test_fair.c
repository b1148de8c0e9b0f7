/* Fair and k-mentor objectives against brute force on small random
 * cohorts, the fair engine on hand-made graphs, greedy's stated gap, and
 * error paths. */
#include "lm_test_cohort.h"
#include "assign/fair.h"
#include "assign/units.h"

static lm_score result_min(const lm_result *r)
{
	lm_score min = 0;

	for (size_t i = 0; i < lm_result_pair_count(r); i++)
		if (i == 0 || lm_result_pair_score(r, i) < min)
			min = lm_result_pair_score(r, i);
	return min;
}

static void check_one(GRand *rng, int algorithm, int objective, int max_wants)
{
	lmt_shape shape = { .max_wants = max_wants, .max_cap = 2 };
	int n_mentees = g_rand_int_range(rng, 1, 6), n_mentors = g_rand_int_range(rng, 1, 5);
	g_autofree char *json = lmt_random_cohort(rng, n_mentees, n_mentors, &shape);
	lm_cohort *c = lmt_load(json);
	lm_model *model = NULL;
	lmt_brute b = { .mode = algorithm == LM_ALGORITHM_FAIR ? LMT_FAIR : LMT_OPTIMAL,
			.objective = objective };
	lm_result *r;

	lm_model_new_named(&model, "role_model", NULL);
	r = lmt_match(c, model, algorithm, objective, 0);
	lmt_brute_fill(&b, c, model, json);
	lmt_brute_solve(&b);
	ck_assert_int_eq(lm_result_total_score(r), b.best_total);
	if (b.mode == LMT_FAIR || objective == LM_OBJECTIVE_COVERAGE)
		ck_assert_int_eq((int)lm_result_pair_count(r), b.best_count);
	if (b.mode == LMT_FAIR)
		ck_assert_int_eq(result_min(r), b.best_min);
	ck_assert_int_eq(lm_result_optimal(r), 1);
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(c);
}

START_TEST(fair_equals_brute_force)
{
	GRand *rng = g_rand_new_with_seed(424242);

	for (int i = 0; i < 200; i++) {
		check_one(rng, LM_ALGORITHM_FAIR, LM_OBJECTIVE_COVERAGE, 2);
		check_one(rng, LM_ALGORITHM_FAIR, LM_OBJECTIVE_SCORE, 2);
	}
	g_rand_free(rng);
}
END_TEST

START_TEST(k_mentors_equal_brute_force)
{
	GRand *rng = g_rand_new_with_seed(31337);

	for (int i = 0; i < 200; i++) {
		check_one(rng, LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_COVERAGE, 3);
		check_one(rng, LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_SCORE, 3);
	}
	g_rand_free(rng);
}
END_TEST

/* Two rows, two columns, capacity 1. */
static lm_flow_input square(const lm_score *scores, int objective)
{
	static const size_t start[] = { 0, 2, 4 };
	static const uint32_t cols[] = { 0, 1, 0, 1 };

	return (lm_flow_input){ 2, 2, NULL, NULL, start, cols, scores, objective, 1 };
}

/* a-x 10, a-y 6, b-x 6, b-y 5: the optimum (15) pairs b with its worst
 * mentor (5); fair gives up 3 points so that nobody scores below 6. */
START_TEST(fair_trades_total_for_the_lowest_score)
{
	const lm_score scores[] = { 10, 6, 6, 5 };
	lm_flow_input in = square(scores, LM_OBJECTIVE_COVERAGE);
	lm_flow_output out;
	lm_score t = -1;
	gboolean certified = FALSE;
	uint64_t units = 0;

	ck_assert_int_eq(lm_fair_solve(&in, &out, &t, &certified, NULL), 0);
	ck_assert_int_eq(t, 6);
	ck_assert_int_eq(out.total, 12);
	ck_assert_uint_eq(out.matched, 2);
	ck_assert(certified);
	ck_assert(out.arc_used[1] && out.arc_used[2]);
	lm_flow_output_clear(&out);
	ck_assert_int_eq(lm_fair_max_units(&in, 6, &units, NULL), 0);
	ck_assert_uint_eq(units, 2);
	ck_assert_int_eq(lm_fair_max_units(&in, 7, &units, NULL), 0);
	ck_assert_uint_eq(units, 1);
	ck_assert_int_eq(lm_fair_max_units(&in, 11, &units, NULL), 0);
	ck_assert_uint_eq(units, 0);
}
END_TEST

/* Under objective score, pairs of score 0 are never made, even for coverage. */
START_TEST(fair_under_score_skips_zero_pairs)
{
	const lm_score scores[] = { 0, 4, 0, 0 };
	lm_flow_input in = square(scores, LM_OBJECTIVE_SCORE);
	lm_flow_output out;
	lm_score t = -1;
	gboolean certified = FALSE;

	ck_assert_int_eq(lm_fair_solve(&in, &out, &t, &certified, NULL), 0);
	ck_assert_uint_eq(out.matched, 1);
	ck_assert_int_eq(t, 4);
	lm_flow_output_clear(&out);
	in.objective = LM_OBJECTIVE_COVERAGE;
	ck_assert_int_eq(lm_fair_solve(&in, &out, &t, &certified, NULL), 0);
	ck_assert_uint_eq(out.matched, 2);
	ck_assert_int_eq(t, 0);
	lm_flow_output_clear(&out);
}
END_TEST

START_TEST(fair_errors_and_empty)
{
	const lm_score scores[] = { 1, 2, 3, 4 };
	lm_flow_input in = square(scores, LM_OBJECTIVE_COVERAGE), bad = in;
	static const size_t none[] = { 0 };
	lm_flow_input empty = { 0, 0, NULL, NULL, none, NULL, NULL, LM_OBJECTIVE_COVERAGE, 1 };
	lm_flow_output out;
	lm_score t;
	gboolean ok;
	uint64_t units;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_fair_solve(&in, NULL, &t, &ok, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_fair_solve(NULL, &out, &t, &ok, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_fair_max_units(NULL, 0, &units, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_fair_max_units(&in, 0, NULL, NULL), LM_EINVAL);
	bad.objective = 7;
	ck_assert_int_eq(lm_fair_solve(&bad, &out, &t, &ok, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(err);
	lm_error_free(err);
	ck_assert_int_eq(lm_fair_solve(&empty, &out, &t, &ok, NULL), 0);
	ck_assert_uint_eq(out.matched, 0);
	ck_assert_int_eq(t, 0);
	lm_flow_output_clear(&out);
}
END_TEST

/* Greedy and fair state the optimum; under score the gap is never negative,
 * and the optimum equals what the optimal algorithm gives. */
/* The what-if's warm start: from the most units on the untagged arcs, each
 * relaxation adds exactly what a maximum matching from scratch on the
 * untagged plus that tag's arcs adds (random graphs with demands,
 * capacities and capacity 0). */
START_TEST(units_warm_start_equals_from_scratch)
{
	GRand *rng = g_rand_new_with_seed(20261123);

	for (int trial = 0; trial < 400; trial++) {
		uint32_t nr = (uint32_t)g_rand_int_range(rng, 0, 9);
		uint32_t nc = (uint32_t)g_rand_int_range(rng, 0, 7);
		uint32_t demand[9], cap[7];
		size_t start[10], m = 0;
		uint32_t col[9 * 7];
		uint8_t tag[9 * 7];
		lm_score mask[9 * 7];

		for (uint32_t r = 0; r < nr; r++)
			demand[r] = (uint32_t)g_rand_int_range(rng, 1, 3);
		for (uint32_t c = 0; c < nc; c++)
			cap[c] = (uint32_t)g_rand_int_range(rng, 0, 3);
		for (uint32_t r = 0; r < nr; r++) {
			start[r] = m;
			for (uint32_t c = 0; c < nc; c++) {
				if (g_rand_int_range(rng, 0, 3) == 0)
					continue;
				col[m] = c;
				tag[m++] = g_rand_boolean(rng) ? LM_UNITS_UNTAGGED
							       : (uint8_t)g_rand_int_range(rng, 0, 3);
			}
		}
		start[nr] = m;

		lm_flow_input in = { .n_rows = nr, .n_cols = nc, .row_demand = demand,
				     .col_cap = cap, .row_start = start, .arc_col = col,
				     .objective = LM_OBJECTIVE_COVERAGE };
		lm_units x;
		lm_units_state st = { 0 };
		uint64_t base = 0, scratch = 0;

		ck_assert(lm_units_init(&x, &in, 0));
		x.tag = tag;
		x.relaxed = LM_UNITS_UNTAGGED;
		base = lm_units_augment(&x);
		ck_assert(lm_units_save(&x, &st));
		for (unsigned k = 0; k < 3; k++) {
			lm_units_restore(&x, &st);
			x.relaxed = k;
			uint64_t more = lm_units_augment(&x);

			/* From scratch: usable arcs as scores 1, the rest 0, threshold 1. */
			for (size_t a = 0; a < m; a++)
				mask[a] = tag[a] == LM_UNITS_UNTAGGED || tag[a] == k;
			in.arc_score = mask;
			ck_assert_int_eq(lm_fair_max_units(&in, 1, &scratch, NULL), 0);
			in.arc_score = NULL;
			ck_assert_uint_eq(base + more, scratch);
		}
		lm_units_state_clear(&st);
		lm_units_clear(&x);
	}
	g_rand_free(rng);
}
END_TEST

START_TEST(greedy_and_fair_state_the_optimum)
{
	GRand *rng = g_rand_new_with_seed(5);
	lmt_shape shape = { .max_wants = 2, .max_cap = 2 };

	for (int i = 0; i < 40; i++) {
		g_autofree char *json = lmt_random_cohort(rng, 12, 6, &shape);
		lm_cohort *c = lmt_load(json);
		lm_model *model = NULL;
		int objective = i % 2;

		lm_model_new_named(&model, "role_model", NULL);
		lm_result *opt = lmt_match(c, model, LM_ALGORITHM_OPTIMAL, objective, 0);
		for (int a = LM_ALGORITHM_GREEDY; a <= LM_ALGORITHM_FAIR; a++) {
			lm_result *r = lmt_match(c, model, a, objective, 0);
			lm_score total = -1;
			size_t pairs = 0;

			ck_assert_int_eq(lm_result_optimum(r, &total, &pairs), 1);
			ck_assert_int_eq(total, lm_result_total_score(opt));
			ck_assert_uint_eq(pairs, lm_result_pair_count(opt));
			if (objective == LM_OBJECTIVE_SCORE)
				ck_assert_int_ge(total, lm_result_total_score(r));
			else
				ck_assert_uint_ge(pairs, lm_result_pair_count(r));
			lm_result_free(r);
		}
		ck_assert_int_eq(lm_result_optimum(opt, NULL, NULL), 0);
		lm_result_free(opt);
		lm_model_free(model);
		lm_cohort_free(c);
	}
	ck_assert_int_eq(lm_result_optimum(NULL, NULL, NULL), 0);
	g_rand_free(rng);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fair");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, fair_equals_brute_force);
	tcase_add_test(tc, k_mentors_equal_brute_force);
	tcase_add_test(tc, fair_trades_total_for_the_lowest_score);
	tcase_add_test(tc, fair_under_score_skips_zero_pairs);
	tcase_add_test(tc, fair_errors_and_empty);
	tcase_add_test(tc, greedy_and_fair_state_the_optimum);
	tcase_add_test(tc, units_warm_start_equals_from_scratch);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
