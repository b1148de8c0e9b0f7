/* The reasons of the unmatched (match/unmatched.c) against their
 * definition, worked out by brute force over every mentor: the optimal
 * algorithm reads them from the exact engine's graph (small top_k prunes it
 * hard and makes pricing add pairs back), the other algorithms from a full
 * scan; both must say what the definition says, for any thread count. */
#include <string.h>
#include "lm_test_cohort.h"
#include "core/cohort_private.h"
#include "score/scorer.h"

/* Index of a mentor id. */
static uint32_t mentor_index(const lm_cohort *c, const char *id)
{
	for (size_t t = 0; t < lm_cohort_count(c, LM_ROLE_MENTOR); t++)
		if (strcmp(lm_cohort_id(c, LM_ROLE_MENTOR, t), id) == 0)
			return (uint32_t)t;
	ck_abort_msg("no mentor %s", id);
	return 0;
}

/* No feasible mentor left; else a feasible one with a place left: not worth
 * it; else capacity taken, naming the best feasible (highest score, then
 * lowest index). */
static void check_reasons(const lm_scorer *s, const lm_cohort *c, const lm_result *r)
{
	size_t n_cols = lm_cohort_count(c, LM_ROLE_MENTOR), n_rows = lm_cohort_count(c, LM_ROLE_MENTEE);
	long *left = g_new(long, n_cols + 1);
	uint8_t *paired = g_new0(uint8_t, n_cols + 1);

	for (size_t t = 0; t < n_cols; t++)
		left[t] = (long)lm_cohort_mentor(c, (uint32_t)t)->capacity;
	for (size_t i = 0; i < lm_result_pair_count(r); i++)
		left[mentor_index(c, lm_result_pair_mentor(r, i))]--;
	for (size_t u = 0; u < lm_result_unmatched_count(r); u++) {
		const char *mentee = lm_result_unmatched_mentee(r, u);
		uint32_t m = 0;

		while (strcmp(lm_cohort_id(c, LM_ROLE_MENTEE, m), mentee) != 0)
			ck_assert_uint_lt(++m, n_rows);
		memset(paired, 0, n_cols);
		for (size_t i = 0; i < lm_result_pair_count(r); i++)
			if (strcmp(lm_result_pair_mentee(r, i), mentee) == 0)
				paired[mentor_index(c, lm_result_pair_mentor(r, i))] = 1;

		gboolean feasible = FALSE, spare = FALSE;
		int32_t best = -1;
		lm_score best_score = -1;

		for (uint32_t t = 0; t < n_cols; t++) {
			if (paired[t] || !lm_scorer_feasible(s, m, t))
				continue;
			lm_score score = lm_scorer_score(s, m, t, NULL);

			feasible = TRUE;
			spare |= left[t] > 0;
			if (score > best_score)
				best_score = score, best = (int32_t)t;
		}
		int want = !feasible ? LM_UNMATCHED_NO_FEASIBLE_MENTOR
			   : spare   ? LM_UNMATCHED_NOT_WORTH_IT
				     : LM_UNMATCHED_CAPACITY_TAKEN;

		ck_assert_int_eq(lm_result_unmatched_reason(r, u), want);
		if (want == LM_UNMATCHED_CAPACITY_TAKEN)
			ck_assert_str_eq(lm_result_unmatched_best_feasible(r, u),
					 lm_cohort_id(c, LM_ROLE_MENTOR, (size_t)best));
	}
	g_free(left);
	g_free(paired);
}

/* Takes the availability away from about a third of the people (mentors
 * with no place among them), who then pass the availability filter with
 * everyone: the reasons test the hours of a few mentors apart and must
 * let them through. */
static char *drop_some_availability(const char *json, guint32 seed)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
	cJSON *root = cJSON_Parse(json);
	static const char *const sides[] = { "mentees", "mentors" };
	char *printed, *out;

	ck_assert_ptr_nonnull(root);
	for (size_t k = 0; k < G_N_ELEMENTS(sides); k++) {
		cJSON *p;

		cJSON_ArrayForEach(p, cJSON_GetObjectItem(root, sides[k]))
			if (g_rand_int_range(rng, 0, 3) == 0)
				cJSON_DeleteItemFromObject(p, "availability");
	}
	printed = cJSON_PrintUnformatted(root);
	out = g_strdup(printed);
	cJSON_free(printed);
	cJSON_Delete(root);
	return out;
}

START_TEST(reasons_follow_their_definition)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(11);
	static const char *const algorithms[] = { "optimal", "greedy", "fair" };
	static const long top_ks[] = { 1, 2, 50 };
	long unmatched = 0, taken = 0;

	for (int round = 0; round < 60; round++) {
		lmt_shape shape = { .max_wants = 2, .max_cap = 2 };
		/* Every fifth round has dozens of mentors, so that the mentors
		 * with no place or a place left fill several blocks of eight. */
		gboolean wide = round % 5 == 4;
		g_autofree char *json = lmt_random_cohort(rng, g_rand_int_range(rng, 1, wide ? 60 : 30),
							  g_rand_int_range(rng, wide ? 30 : 1,
									   wide ? 70 : 12),
							  &shape);

		if (round % 4 == 3) {
			char *fewer = drop_some_availability(json, (guint32)round);

			g_free(json);
			json = fewer;
		}
		lm_model *model = lmt_model(round % 2 ? "role_model"
						      : "{\"format\": \"libmatch-model\", \"version\": 1,"
							" \"assignment\": {\"objective\": \"score\"}}");
		lm_cohort *c = NULL;
		lm_scorer *s = NULL;

		ck_assert_int_eq(lm_cohort_load_buffer(&c, json, strlen(json), "c.json", NULL), 0);
		ck_assert_int_eq(lm_scorer_new(&s, model, c, NULL), 0);
		for (size_t a = 0; a < G_N_ELEMENTS(algorithms); a++) {
			for (int threads = 1; threads <= 2; threads++) {
				lm_options *opt = NULL;
				lm_result *r = NULL;
				int algorithm = lm_algorithm_from_name(algorithms[a]);

				ck_assert_int_ge(algorithm, 0);
				ck_assert_int_eq(lm_options_new(&opt, NULL), 0);
				ck_assert_int_eq(lm_options_set_algorithm(opt, algorithm, NULL), 0);
				ck_assert_int_eq(lm_options_set_top_k(opt, top_ks[round % 3], NULL), 0);
				ck_assert_int_eq(lm_options_set_threads(opt, threads, NULL), 0);
				ck_assert_int_eq(lm_match(&r, c, model, opt, NULL), 0);
				check_reasons(s, c, r);
				unmatched += (long)lm_result_unmatched_count(r);
				for (size_t u = 0; u < lm_result_unmatched_count(r); u++)
					taken += lm_result_unmatched_reason(r, u) ==
						 LM_UNMATCHED_CAPACITY_TAKEN;
				lm_result_free(r);
				lm_options_free(opt);
			}
		}
		lm_scorer_free(s);
		lm_cohort_free(c);
		lm_model_free(model);
	}
	/* The cohorts must leave many unmatched, many with a best mentor named. */
	ck_assert_int_gt(unmatched, 100);
	ck_assert_int_gt(taken, 20);
}
END_TEST

static Suite *unmatched_suite(void)
{
	Suite *s = suite_create("unmatched");
	TCase *tc = tcase_create("definition");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, reasons_follow_their_definition);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(unmatched_suite());
}
