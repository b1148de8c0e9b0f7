/* Options: defaults, range checks, names. */
#include "lm_test.h"
#include "libmatch/match.h"
#include "match/options_private.h"

START_TEST(defaults)
{
	lm_options *o = NULL;

	ck_assert_int_eq(lm_options_new(&o, NULL), 0);
	ck_assert_int_eq(o->algorithm, LM_ALGORITHM_OPTIMAL);
	ck_assert_int_eq(o->objective, LM_OBJECTIVE_COVERAGE);
	ck_assert_int_eq(o->threads, 1);
	ck_assert_uint_eq(o->seed, 1);
	ck_assert(!o->algorithm_set && !o->objective_set && !o->top_k_set);
	ck_assert_int_eq(o->proposers, LM_PROPOSERS_MENTEES);
	ck_assert_int_eq(o->audience, LM_AUDIENCE_STAFF);
	ck_assert(o->keep_current);
	ck_assert(o->what_if);
	ck_assert_int_eq(o->break_cost, 10 * LM_SCORE_SCALE);
	lm_options_free(o);
	lm_options_free(NULL);
}
END_TEST

START_TEST(setters_accept_ranges)
{
	lm_options *o = NULL;

	lm_options_new(&o, NULL);
	ck_assert_int_eq(lm_options_set_algorithm(o, LM_ALGORITHM_GREEDY, NULL), 0);
	ck_assert_int_eq(lm_options_set_objective(o, LM_OBJECTIVE_SCORE, NULL), 0);
	ck_assert_int_eq(lm_options_set_threads(o, 256, NULL), 0);
	ck_assert_int_eq(lm_options_set_seed(o, UINT64_MAX, NULL), 0);
	ck_assert_int_eq(lm_options_set_top_k(o, 1000000, NULL), 0);
	ck_assert_int_eq(lm_options_set_proposers(o, LM_PROPOSERS_MENTORS, NULL), 0);
	ck_assert_int_eq(lm_options_set_audience(o, LM_AUDIENCE_MENTOR, NULL), 0);
	ck_assert_int_eq(lm_options_set_keep_current(o, 0, NULL), 0);
	ck_assert_int_eq(lm_options_set_what_if(o, 0, NULL), 0);
	ck_assert_int_eq(lm_options_set_break_cost(o, 0, NULL), 0);
	ck_assert_int_eq(o->proposers, LM_PROPOSERS_MENTORS);
	ck_assert_int_eq(o->audience, LM_AUDIENCE_MENTOR);
	ck_assert(!o->keep_current);
	ck_assert(!o->what_if);
	ck_assert_int_eq(o->break_cost, 0);
	ck_assert_int_eq(o->algorithm, LM_ALGORITHM_GREEDY);
	ck_assert_int_eq(o->objective, LM_OBJECTIVE_SCORE);
	ck_assert_int_eq(o->threads, 256);
	ck_assert_uint_eq(o->seed, UINT64_MAX);
	ck_assert_int_eq(o->top_k, 1000000);
	ck_assert(o->algorithm_set && o->objective_set && o->top_k_set);
	lm_options_free(o);
}
END_TEST

START_TEST(setters_reject_out_of_range)
{
	lm_options *o = NULL;
	lm_error *err = NULL;

	lm_options_new(&o, NULL);
	ck_assert_int_eq(lm_options_set_algorithm(o, 5, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(err);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_options_set_algorithm(o, -1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_objective(o, 2, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_threads(o, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_threads(o, 257, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_top_k(o, -1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_top_k(o, 1000001, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_proposers(o, 2, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_audience(o, -1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_keep_current(o, 2, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_what_if(o, -1, NULL), LM_EINVAL);
	ck_assert(o->what_if); /* unchanged by a refused value */
	ck_assert_int_eq(lm_options_set_break_cost(o, -1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_break_cost(o, 1000 * LM_SCORE_SCALE + 1, NULL), LM_EINVAL);
	ck_assert_int_eq(o->proposers, LM_PROPOSERS_MENTEES);
	/* Rejected values leave the options as they were. */
	ck_assert_int_eq(o->threads, 1);
	ck_assert(!o->algorithm_set && !o->top_k_set);
	lm_options_free(o);
}
END_TEST

START_TEST(null_arguments)
{
	ck_assert_int_eq(lm_options_new(NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_algorithm(NULL, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_objective(NULL, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_threads(NULL, 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_seed(NULL, 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_top_k(NULL, 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_proposers(NULL, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_audience(NULL, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_keep_current(NULL, 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_what_if(NULL, 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_options_set_break_cost(NULL, 1, NULL), LM_EINVAL);
}
END_TEST

START_TEST(names_round_trip)
{
	for (int a = 0; a < 5; a++)
		ck_assert_int_eq(lm_algorithm_from_name(lm_algorithm_name(a)), a);
	for (int o = 0; o < 2; o++)
		ck_assert_int_eq(lm_objective_from_name(lm_objective_name(o)), o);
	ck_assert_int_eq(lm_algorithm_from_name("Optimal"), LM_EINVAL);
	ck_assert_int_eq(lm_algorithm_from_name(NULL), LM_EINVAL);
	ck_assert_int_eq(lm_objective_from_name("cover"), LM_EINVAL);
	ck_assert_ptr_null(lm_algorithm_name(5));
	for (int p = 0; p < 2; p++)
		ck_assert_int_eq(lm_proposers_from_name(lm_proposers_name(p)), p);
	for (int a = 0; a < 3; a++)
		ck_assert_int_eq(lm_audience_from_name(lm_audience_name(a)), a);
	ck_assert_int_eq(lm_proposers_from_name("both"), LM_EINVAL);
	ck_assert_int_eq(lm_audience_from_name(NULL), LM_EINVAL);
	ck_assert_ptr_null(lm_proposers_name(2));
	ck_assert_ptr_null(lm_audience_name(3));
	ck_assert_ptr_null(lm_objective_name(-1));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, setters_accept_ranges);
	tcase_add_test(tc, setters_reject_out_of_range);
	tcase_add_test(tc, null_arguments);
	tcase_add_test(tc, names_round_trip);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
