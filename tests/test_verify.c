/* lm_verify: accepts every result the library produces (every algorithm,
 * both objectives, both samples, re-matching, random cohorts) and rejects
 * corrupted ones, naming the ids and the rule: over capacity, a broken hard
 * rule, a wrong score, a better assignment, a blocking pair, a better
 * lowest score, kept pairs, the wrong model or input; error paths. */
#include "lm_test_cohort.h"

static char *write_json(const lm_result *r)
{
	char *text = NULL;

	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, &text, NULL, NULL), 0);
	return text;
}

static int verify_text(const lm_cohort *c, const lm_model *m, const char *text, lm_error **err)
{
	return lm_verify(c, m, text, strlen(text), "r.json", err);
}

static void load_sample(const char *name, lm_cohort **c, lm_model **m)
{
	g_autofree char *rel = g_strdup_printf("../../data/sample/%s.json", name);
	g_autofree char *path = lm_test_data(rel);
	lm_error *err = NULL;

	ck_assert_msg(lm_cohort_load_file(c, path, &err) == 0, "%s", lm_error_message(err));
	ck_assert_int_eq(lm_model_new_named(m, name, NULL), 0);
}

static lm_result *match_with(const lm_cohort *c, const lm_model *m, int algorithm, int objective,
			     int keep)
{
	lm_options *opt = NULL;
	lm_result *r = NULL;

	lm_options_new(&opt, NULL);
	lm_options_set_algorithm(opt, algorithm, NULL);
	lm_options_set_objective(opt, objective, NULL);
	lm_options_set_keep_current(opt, keep, NULL);
	ck_assert_int_eq(lm_match(&r, c, m, opt, NULL), 0);
	lm_options_free(opt);
	return r;
}

static void expect_ok(const lm_cohort *c, const lm_model *m, const lm_result *r)
{
	char *text = write_json(r);
	lm_error *err = NULL;
	int rc = verify_text(c, m, text, &err);

	ck_assert_msg(rc == 0, "%s %s: %s", lm_algorithm_name(lm_result_algorithm(r)),
		      lm_objective_name(lm_result_objective(r)), lm_error_text(err));
	lm_free(text);
}

START_TEST(accepts_every_result_on_the_samples)
{
	static const char *samples[] = { "role_model", "tutoring" };

	for (int s = 0; s < 2; s++) {
		lm_cohort *c = NULL;
		lm_model *m = NULL;

		load_sample(samples[s], &c, &m);
		for (int a = LM_ALGORITHM_OPTIMAL; a <= LM_ALGORITHM_ROUNDS; a++)
			for (int o = 0; o < 2; o++) {
				lm_result *r = match_with(c, m, a, o, 1);

				expect_ok(c, m, r);
				lm_result_free(r);
			}
		for (int o = 0; o < 2; o++) {
			lm_result *r = match_with(c, m, LM_ALGORITHM_OPTIMAL, o, 0);

			expect_ok(c, m, r);
			lm_result_free(r);
		}
		lm_model_free(m);
		lm_cohort_free(c);
	}
}
END_TEST

START_TEST(accepts_every_result_on_random_cohorts)
{
	GRand *rng = g_rand_new_with_seed(2026);
	lmt_shape shape = { .max_wants = 2, .max_cap = 2, .choices = TRUE, .waiting = TRUE };
	lm_model *m = NULL;

	lm_model_new_named(&m, "role_model", NULL);
	for (int i = 0; i < 150; i++) {
		g_autofree char *json = lmt_random_cohort(rng, g_rand_int_range(rng, 0, 12),
							  g_rand_int_range(rng, 0, 8), &shape);
		lm_cohort *c = lmt_load(json);

		for (int a = LM_ALGORITHM_OPTIMAL; a <= LM_ALGORITHM_ROUNDS; a++) {
			lm_result *r = match_with(c, m, a, i % 2, 1);

			expect_ok(c, m, r);
			lm_result_free(r);
		}
		lm_cohort_free(c);
	}
	lm_model_free(m);
	g_rand_free(rng);
}
END_TEST

/* Verifies text that must fail, and checks that some problem says `what`. */
static void expect_violation(const lm_cohort *c, const lm_model *m, const char *text,
			     const char *what)
{
	lm_error *err = NULL;
	gboolean found = FALSE;

	ck_assert_int_eq(verify_text(c, m, text, &err), LM_EINFEASIBLE);
	for (const lm_error *e = err; e; e = lm_error_next(e)) {
		found |= strstr(lm_error_message(e), what) != NULL;
		ck_assert_str_eq(lm_error_file(e), "r.json");
		if (lm_error_path(e)) /* the "stopped looking" note has none */
			ck_assert_msg(lm_error_line(e) > 0, "%s", lm_error_message(e));
	}
	ck_assert_msg(found, "no problem says '%s': %s", what, lm_error_message(err));
	lm_error_free(err);
}

/* The result as a cJSON tree to corrupt; caller deletes. */
static cJSON *tree(const lm_result *r)
{
	char *text = write_json(r);
	cJSON *root = cJSON_Parse(text);

	lm_free(text);
	return root;
}

static void expect_tree_violation(const lm_cohort *c, const lm_model *m, cJSON *root,
				  const char *what)
{
	char *text = cJSON_Print(root);

	expect_violation(c, m, text, what);
	cJSON_free(text);
	cJSON_Delete(root);
}

static cJSON *pair_at(cJSON *root, int i)
{
	return cJSON_GetArrayItem(cJSON_GetObjectItem(root, "pairs"), i);
}

static void set_string(cJSON *obj, const char *key, const char *value)
{
	cJSON_ReplaceItemInObject(obj, key, cJSON_CreateString(value));
}

START_TEST(rejects_corrupted_results)
{
	lm_cohort *c = NULL;
	lm_model *m = NULL;
	lm_result *opt, *greedy, *rounds;
	cJSON *root;

	load_sample("role_model", &c, &m);
	opt = match_with(c, m, LM_ALGORITHM_OPTIMAL, 0, 1);
	greedy = match_with(c, m, LM_ALGORITHM_GREEDY, 0, 1);
	rounds = match_with(c, m, LM_ALGORITHM_ROUNDS, 0, 1);

	/* Over capacity: the second pair takes the first pair's mentor too. */
	root = tree(opt);
	set_string(pair_at(root, 1), "mentor", lm_result_pair_mentor(opt, 0));
	expect_tree_violation(c, m, root, "but capacity");
	root = tree(opt);
	set_string(pair_at(root, 1), "mentor", lm_result_pair_mentor(opt, 0));
	expect_tree_violation(c, m, root, "breaks the hard constraint");
	/* A wrong score. */
	root = tree(opt);
	cJSON_ReplaceItemInObject(pair_at(root, 0), "score", cJSON_CreateNumber(99.5));
	expect_tree_violation(c, m, root, "the score is not the model's");
	/* A better assignment exists. */
	root = tree(greedy);
	set_string(root, "algorithm", "optimal");
	cJSON_ReplaceItemInObject(cJSON_GetObjectItem(root, "summary"), "optimal",
				  cJSON_CreateTrue());
	expect_tree_violation(c, m, root, "a better assignment exists");
	/* Blocking pairs. */
	root = tree(rounds);
	set_string(root, "algorithm", "stable");
	expect_tree_violation(c, m, root, "(a blocking pair)");
	/* The optimum is not fair here: a higher lowest score is possible. */
	root = tree(opt);
	set_string(root, "algorithm", "fair");
	expect_tree_violation(c, m, root, "a higher lowest pair score is possible");
	/* Greedy leaves people out: not fair either. */
	root = tree(greedy);
	set_string(root, "algorithm", "fair");
	expect_tree_violation(c, m, root, "more pairs are possible");
	/* Wrong model, other input, unknown ids, a repeated pair. */
	root = tree(opt);
	set_string(root, "model", "tutoring");
	expect_tree_violation(c, m, root, "not made with model 'role_model'");
	root = tree(opt);
	set_string(root, "input_sha256", "0000000000000000000000000000000000000000000000000000000000000000");
	expect_tree_violation(c, m, root, "other input");
	root = tree(opt);
	set_string(pair_at(root, 0), "mentee", "m-nobody");
	expect_tree_violation(c, m, root, "m-nobody is not a mentee");
	root = tree(opt);
	set_string(pair_at(root, 0), "mentor", lm_result_pair_mentee(opt, 0));
	expect_tree_violation(c, m, root, "is not a mentor");
	root = tree(opt);
	cJSON_AddItemToArray(cJSON_GetObjectItem(root, "pairs"),
			     cJSON_Duplicate(pair_at(root, 0), TRUE));
	expect_tree_violation(c, m, root, "is listed twice");
	/* A criterion's contribution changed, and one left out. */
	root = tree(opt);
	cJSON_ReplaceItemInObject(cJSON_GetObjectItem(pair_at(root, 0), "criteria"), "goals",
				  cJSON_CreateNumber(1.0));
	expect_tree_violation(c, m, root, "criterion 'goals' contributes other");
	root = tree(opt);
	cJSON_DeleteItemFromObject(cJSON_GetObjectItem(pair_at(root, 0), "criteria"), "goals");
	expect_tree_violation(c, m, root, "criterion 'goals' is missing");
	root = tree(opt);
	cJSON_DeleteItemFromObject(pair_at(root, 0), "criteria");
	expect_tree_violation(c, m, root, "criteria are missing");

	lm_result_free(opt);
	lm_result_free(greedy);
	lm_result_free(rounds);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

START_TEST(rejects_wrong_kept_pairs)
{
	lm_cohort *c = NULL;
	lm_model *m = NULL;
	lm_result *opt;
	int kept = -1;
	cJSON *root;

	load_sample("role_model", &c, &m);
	opt = match_with(c, m, LM_ALGORITHM_OPTIMAL, 0, 1);
	for (size_t i = 0; i < lm_result_pair_count(opt) && kept < 0; i++)
		if (lm_result_pair_kept(opt, i))
			kept = (int)i;
	ck_assert_int_ge(kept, 0);
	root = tree(opt);
	cJSON_DeleteItemFromObject(pair_at(root, kept), "kept");
	expect_tree_violation(c, m, root, "but is not marked kept");
	root = tree(opt);
	cJSON_AddTrueToObject(pair_at(root, kept == 0 ? 1 : 0), "kept");
	expect_tree_violation(c, m, root, "is not a current pair but is marked kept");
	root = tree(opt);
	cJSON_DeleteItemFromArray(cJSON_GetObjectItem(root, "pairs"), kept);
	expect_tree_violation(c, m, root, "is neither kept nor listed as broken");
	lm_result_free(opt);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

START_TEST(errors)
{
	lm_cohort *c = NULL;
	lm_model *m = NULL;
	lm_error *err = NULL;
	static const char *not_json = "{\"format\": \"libmatch-result\",\n \"pairs\": [}";
	static const char *other = "{\"format\": \"libmatch-cohort\", \"version\": 1}";

	load_sample("tutoring", &c, &m);
	ck_assert_int_eq(lm_verify(NULL, m, "{}", 2, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_verify(c, NULL, "{}", 2, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_verify(c, m, NULL, 0, NULL, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(err);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_verify(c, m, not_json, strlen(not_json), NULL, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_file(err), "result");
	ck_assert_uint_eq(lm_error_line(err), 2);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_verify(c, m, other, strlen(other), "x.json", &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_path(err), "$.format");
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_verify(c, m, "[]", 2, "x.json", &err), LM_EPARSE);
	lm_error_free(err);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("verify");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, accepts_every_result_on_the_samples);
	tcase_add_test(tc, accepts_every_result_on_random_cohorts);
	tcase_add_test(tc, rejects_corrupted_results);
	tcase_add_test(tc, rejects_wrong_kept_pairs);
	tcase_add_test(tc, errors);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
