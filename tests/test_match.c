/* lm_match end to end: optimality against brute force on random small
 * cohorts (both objectives, capacities, wants, kept pairs, top-k pricing),
 * hard requests never broken, determinism across threads and runs,
 * unmatched reasons, explanations, and error paths. */
#include <string.h>
#include "lm_test_cohort.h"

/* ---- random cohorts ------------------------------------------------------ */

/* As lmt_random_cohort, with do-not-pair lists and a choice: the hard
 * requests test needs exclusions. Caller frees with g_free. */
static char *random_cohort(GRand *rng, int n_mentees, int n_mentors)
{
	cJSON *ms, *rs, *root = lmt_cohort_root(&ms, &rs);
	char id[16];

	for (int i = 0; i < n_mentors; i++) {
		cJSON *p = cJSON_CreateObject();

		g_snprintf(id, sizeof id, "r-%02d", i);
		cJSON_AddStringToObject(p, "id", id);
		lmt_add_common(p, rng, TRUE);
		lmt_add_goals(p, "offers", rng);
		cJSON_AddNumberToObject(p, "capacity", g_rand_int_range(rng, 0, 3));
		cJSON_AddItemToArray(rs, p);
	}
	for (int i = 0; i < n_mentees; i++) {
		cJSON *p = cJSON_CreateObject();

		g_snprintf(id, sizeof id, "m-%02d", i);
		cJSON_AddStringToObject(p, "id", id);
		lmt_add_common(p, rng, FALSE);
		lmt_add_goals(p, "goals", rng);
		if (g_rand_int_range(rng, 0, 4) == 0) {
			cJSON *pref = cJSON_AddObjectToObject(p, "prefers");
			cJSON_AddStringToObject(pref, "gender", "female");
		}
		if (n_mentors && g_rand_int_range(rng, 0, 5) == 0) {
			cJSON *ex = cJSON_AddArrayToObject(p, "exclude");
			g_snprintf(id, sizeof id, "r-%02d", g_rand_int_range(rng, 0, n_mentors));
			cJSON_AddItemToArray(ex, cJSON_CreateString(id));
		}
		if (n_mentors && g_rand_int_range(rng, 0, 3) == 0) {
			cJSON *ch = cJSON_AddArrayToObject(p, "choices");
			g_snprintf(id, sizeof id, "r-%02d", g_rand_int_range(rng, 0, n_mentors));
			cJSON_AddItemToArray(ch, cJSON_CreateString(id));
		}
		if (g_rand_int_range(rng, 0, 4) == 0)
			cJSON_AddNumberToObject(p, "wants", 2);
		cJSON_AddItemToArray(ms, p);
	}
	char *printed = cJSON_PrintUnformatted(root);
	char *copy = g_strdup(printed);

	cJSON_free(printed);
	cJSON_Delete(root);
	return copy;
}

/* ---- brute force (lm_test_cohort.h) ---------------------------------------- */

static void check_against_brute(GRand *rng, int objective, long top_k)
{
	int n_mentees = g_rand_int_range(rng, 1, 6), n_mentors = g_rand_int_range(rng, 1, 5);
	g_autofree char *json = random_cohort(rng, n_mentees, n_mentors);
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_options *opt = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;
	lmt_brute b = { .mode = LMT_OPTIMAL, .objective = objective };

	ck_assert_msg(lm_cohort_load_buffer(&c, json, strlen(json), "random", &err) == 0, "%s",
		      lm_error_message(err));
	ck_assert_int_eq(lm_model_new_named(&model, "role_model", NULL), 0);
	lm_options_new(&opt, NULL);
	lm_options_set_objective(opt, objective, NULL);
	lm_options_set_top_k(opt, top_k, NULL);
	ck_assert_int_eq(lm_match(&r, c, model, opt, &err), 0);
	lmt_brute_fill(&b, c, model, json);
	lmt_brute_solve(&b);
	ck_assert_int_eq(lm_result_total_score(r), b.best_total);
	if (objective == LM_OBJECTIVE_COVERAGE)
		ck_assert_int_eq((int)lm_result_pair_count(r), b.best_count);
	ck_assert_int_eq(lm_result_optimal(r), 1);
	lm_result_free(r);
	lm_options_free(opt);
	lm_model_free(model);
	lm_cohort_free(c);
}

START_TEST(optimal_equals_brute_force)
{
	GRand *rng = g_rand_new_with_seed(20261123);

	for (int i = 0; i < 150; i++) {
		check_against_brute(rng, LM_OBJECTIVE_COVERAGE, 0);
		check_against_brute(rng, LM_OBJECTIVE_SCORE, 0);
		/* top-k of 1 forces pricing rounds; the answer must not change. */
		check_against_brute(rng, LM_OBJECTIVE_COVERAGE, 1);
	}
	g_rand_free(rng);
}
END_TEST

/* ---- hard requests hold ------------------------------------------------- */

static cJSON *find_person(cJSON *root, const char *id)
{
	const char *sides[] = { "mentees", "mentors" };

	for (int s = 0; s < 2; s++) {
		cJSON *p;
		cJSON_ArrayForEach(p, cJSON_GetObjectItem(root, sides[s]))
			if (g_str_equal(cJSON_GetObjectItem(p, "id")->valuestring, id))
				return p;
	}
	return NULL;
}

static gboolean lists(cJSON *person, const char *key, const char *id)
{
	cJSON *x;

	cJSON_ArrayForEach(x, cJSON_GetObjectItem(person, key))
		if (cJSON_IsString(x) && g_str_equal(x->valuestring, id))
			return TRUE;
	return FALSE;
}

START_TEST(hard_requests_never_broken)
{
	GRand *rng = g_rand_new_with_seed(7);

	for (int i = 0; i < 60; i++) {
		g_autofree char *json = random_cohort(rng, 30, 12);
		cJSON *root = cJSON_Parse(json);
		lm_cohort *c = NULL;
		lm_model *model = NULL;
		lm_result *r = NULL;

		ck_assert_int_eq(lm_cohort_load_buffer(&c, json, strlen(json), "random", NULL), 0);
		/* Tutoring's goal vocabulary differs; open it for these role-model goals. */
		static const char *tutoring =
			"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"tutoring\","
			" \"vocabulary\": {\"goals\": null}}";
		if (i % 2)
			ck_assert_int_eq(lm_model_load_buffer(&model, tutoring, strlen(tutoring), "t",
							      NULL), 0);
		else
			ck_assert_int_eq(lm_model_new_named(&model, "role_model", NULL), 0);
		ck_assert_int_eq(lm_match(&r, c, model, NULL, NULL), 0);
		for (size_t k = 0; k < lm_result_pair_count(r); k++) {
			const char *me = lm_result_pair_mentee(r, k), *mo = lm_result_pair_mentor(r, k);
			cJSON *a = find_person(root, me), *b = find_person(root, mo);
			cJSON *pref = cJSON_GetObjectItem(cJSON_GetObjectItem(a, "prefers"), "gender");

			ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(a, "consent")));
			ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(b, "consent")));
			ck_assert(!lists(a, "exclude", mo));
			if (pref)
				ck_assert_str_eq(cJSON_GetObjectItem(b, "gender")->valuestring,
						 pref->valuestring);
		}
		lm_result_free(r);
		lm_model_free(model);
		lm_cohort_free(c);
		cJSON_Delete(root);
	}
	g_rand_free(rng);
}
END_TEST

/* ---- determinism ------------------------------------------------------------ */

static char *match_json(const char *json, int threads, long top_k)
{
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_options *opt = NULL;
	lm_result *r = NULL;
	char *out = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, json, strlen(json), "random", NULL), 0);
	ck_assert_int_eq(lm_model_new_named(&model, "role_model", NULL), 0);
	lm_options_new(&opt, NULL);
	lm_options_set_threads(opt, threads, NULL);
	lm_options_set_top_k(opt, top_k, NULL);
	ck_assert_int_eq(lm_match(&r, c, model, opt, NULL), 0);
	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, &out, NULL, NULL), 0);
	lm_result_free(r);
	lm_options_free(opt);
	lm_model_free(model);
	lm_cohort_free(c);
	return out;
}

START_TEST(identical_output_any_thread_count)
{
	GRand *rng = g_rand_new_with_seed(99);
	g_autofree char *json = random_cohort(rng, 300, 90);
	char *one = match_json(json, 1, 0);
	char *two = match_json(json, 2, 0);
	char *four = match_json(json, 4, 0);
	char *again = match_json(json, 1, 0);
	char *pruned = match_json(json, 3, 5);

	ck_assert_str_eq(one, two);
	ck_assert_str_eq(one, four);
	ck_assert_str_eq(one, again);
	/* top-k changes the path, not the optimum's total. */
	ck_assert_ptr_nonnull(strstr(pruned, "\"optimal\": true"));
	const char *t1 = strstr(one, "\"total_score\""), *t2 = strstr(pruned, "\"total_score\"");
	ck_assert_int_eq(strncmp(t1, t2, strcspn(t1, ",")), 0);
	lm_free(one);
	lm_free(two);
	lm_free(four);
	lm_free(again);
	lm_free(pruned);
	g_rand_free(rng);
}
END_TEST

/* ---- reasons, kept pairs, explanations ------------------------------------ */

static const char *small_cohort =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"2026-01-05\",\n"
	" \"mentees\": [\n"
	"  {\"id\": \"m-a\", \"gender\": \"female\", \"arrival_year\": 2024, \"languages\": {\"ko\": 5},"
	"   \"goals\": [\"employment\"], \"consent\": true, \"current\": [\"r-1\"]},\n"
	"  {\"id\": \"m-b\", \"gender\": \"female\", \"arrival_year\": 2024, \"languages\": {\"ko\": 5},"
	"   \"goals\": [\"employment\"], \"consent\": true},\n"
	"  {\"id\": \"m-c\", \"gender\": \"male\", \"arrival_year\": 2024, \"languages\": {\"ru\": 5},"
	"   \"consent\": true},\n"
	"  {\"id\": \"m-d\", \"arrival_year\": 2024, \"languages\": {\"ko\": 5}, \"consent\": true,"
	"   \"prefers\": {\"gender\": \"male\"}}\n"
	" ],\n"
	" \"mentors\": [\n"
	"  {\"id\": \"r-1\", \"gender\": \"female\", \"arrival_year\": 2010, \"languages\": {\"ko\": 5},"
	"   \"offers\": [\"employment\"], \"capacity\": 1, \"consent\": true},\n"
	"  {\"id\": \"r-2\", \"gender\": \"female\", \"arrival_year\": 2012, \"languages\": {\"ko\": 5},"
	"   \"offers\": [\"finance\"], \"capacity\": 1, \"consent\": true}\n"
	" ]}\n";

static lm_result *match_small(lm_cohort **cohort, lm_model **model)
{
	lm_result *r = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(cohort, small_cohort, strlen(small_cohort), "small",
					       &err), 0);
	ck_assert_int_eq(lm_model_new_preset(model, LM_PRESET_ROLE_MODEL, NULL), 0);
	ck_assert_int_eq(lm_match(&r, *cohort, *model, NULL, &err), 0);
	return r;
}

START_TEST(kept_pairs_and_reasons)
{
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_result *r = match_small(&c, &model);

	/* m-a keeps r-1 (its only place); m-b gets r-2; m-c shares no language
	 * with anyone; m-d asked for a man and there is none. */
	ck_assert_uint_eq(lm_result_pair_count(r), 2);
	ck_assert_str_eq(lm_result_pair_mentee(r, 0), "m-a");
	ck_assert_str_eq(lm_result_pair_mentor(r, 0), "r-1");
	ck_assert_int_eq(lm_result_pair_kept(r, 0), 1);
	ck_assert_str_eq(lm_result_pair_mentee(r, 1), "m-b");
	ck_assert_str_eq(lm_result_pair_mentor(r, 1), "r-2");
	ck_assert_int_eq(lm_result_pair_kept(r, 1), 0);
	ck_assert_uint_eq(lm_result_unmatched_count(r), 2);
	ck_assert_str_eq(lm_result_unmatched_mentee(r, 0), "m-c");
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_NO_FEASIBLE_MENTOR);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 0, "language"), 2);
	ck_assert_str_eq(lm_result_unmatched_mentee(r, 1), "m-d");
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 1, "gender"), 2);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 1, "language"), 0);
	/* Contributions add up to each score. */
	for (size_t i = 0; i < lm_result_pair_count(r); i++) {
		lm_score sum = 0;

		for (size_t k = 0; k < lm_result_criterion_count(r); k++)
			sum += lm_result_pair_contribution(r, i, k);
		ck_assert_int_eq(sum, lm_result_pair_score(r, i));
	}
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

START_TEST(audience_hides_private_requests)
{
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_result *staff = match_small(&c, &model), *mentor = NULL;
	lm_options *opt = NULL;

	/* Staff see that m-d's own gender request ruled out both mentors. */
	ck_assert_int_eq(lm_result_unmatched_blocked_by(staff, 1, "gender"), 2);
	lm_options_new(&opt, NULL);
	ck_assert_int_eq(lm_options_set_audience(opt, LM_AUDIENCE_MENTOR, NULL), 0);
	ck_assert_int_eq(lm_match(&mentor, c, model, opt, NULL), 0);
	/* The mentors' copy keeps the pairs and reasons, not the private counts. */
	ck_assert_uint_eq(lm_result_pair_count(mentor), lm_result_pair_count(staff));
	ck_assert_uint_eq(lm_result_unmatched_count(mentor), 2);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(mentor, 1, "gender"), 0);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(mentor, 0, "language"), 0);
	for (size_t k = 0; k < lm_result_criterion_count(mentor); k++)
		ck_assert_str_ne(lm_result_criterion_name(mentor, k), "gender");
	lm_result_free(mentor);
	lm_options_free(opt);
	lm_result_free(staff);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

START_TEST(capacity_taken_names_best_feasible)
{
	static const char *json =
		"{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": [\n"
		" {\"id\": \"m-1\", \"goals\": [\"employment\"], \"consent\": true},\n"
		" {\"id\": \"m-2\", \"goals\": [\"finance\"], \"consent\": true}],\n"
		" \"mentors\": [{\"id\": \"r-1\", \"offers\": [\"employment\"], \"consent\": true}]}";
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_result *r = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, json, strlen(json), "cap", NULL), 0);
	lm_model_new_preset(&model, LM_PRESET_ROLE_MODEL, NULL);
	ck_assert_int_eq(lm_match(&r, c, model, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(r), 1);
	ck_assert_str_eq(lm_result_pair_mentee(r, 0), "m-1");
	ck_assert_uint_eq(lm_result_unmatched_count(r), 1);
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_CAPACITY_TAKEN);
	ck_assert_str_eq(lm_result_unmatched_best_feasible(r, 0), "r-1");
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

/* A's best mentor X is B's only one: coverage pairs both (A-Y, B-X, total
 * 0); score keeps the one good pair (A-X, 30) and leaves B out. */
START_TEST(objectives_differ_where_they_should)
{
	static const char *json =
		"{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": [\n"
		" {\"id\": \"A\", \"goals\": [\"employment\"], \"consent\": true},\n"
		" {\"id\": \"B\", \"goals\": [\"finance\"], \"consent\": true, \"exclude\": [\"Y\"]}],\n"
		" \"mentors\": [{\"id\": \"X\", \"offers\": [\"employment\"], \"consent\": true},\n"
		"  {\"id\": \"Y\", \"offers\": [\"housing\"], \"consent\": true}]}";
	static const char *goals_only =
		"{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {"
		"\"goals\": {\"weight\": 30}, \"availability\": {}, \"choice\": {}, \"region\": {},"
		" \"stage\": {}, \"seniority\": {}, \"language\": {}, \"continuity\": {},"
		" \"waiting\": {}}}";
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_options *opt = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, json, strlen(json), "obj", NULL), 0);
	ck_assert_msg(lm_model_load_buffer(&model, goals_only, strlen(goals_only), "m", &err) == 0,
		      "%s", lm_error_message(err));
	ck_assert_int_eq(lm_match(&r, c, model, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(r), 2);
	ck_assert_str_eq(lm_result_pair_mentor(r, 0), "Y");
	ck_assert_str_eq(lm_result_pair_mentor(r, 1), "X");
	ck_assert_int_eq(lm_result_total_score(r), 0);
	lm_result_free(r);

	lm_options_new(&opt, NULL);
	lm_options_set_objective(opt, LM_OBJECTIVE_SCORE, NULL);
	ck_assert_int_eq(lm_match(&r, c, model, opt, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(r), 1);
	ck_assert_str_eq(lm_result_pair_mentee(r, 0), "A");
	ck_assert_str_eq(lm_result_pair_mentor(r, 0), "X");
	ck_assert_int_eq(lm_result_total_score(r), 30 * LM_SCORE_SCALE);
	ck_assert_uint_eq(lm_result_unmatched_count(r), 1);
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_CAPACITY_TAKEN);
	ck_assert_str_eq(lm_result_unmatched_best_feasible(r, 0), "X");
	lm_result_free(r);
	lm_options_free(opt);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

START_TEST(infeasible_current_pair_is_an_error)
{
	static const char *json =
		"{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": [\n"
		" {\"id\": \"m-1\", \"consent\": true, \"current\": [\"r-1\"],"
		"  \"prefers\": {\"gender\": \"female\"}}],\n"
		" \"mentors\": [{\"id\": \"r-1\", \"gender\": \"male\", \"consent\": true}]}";
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, json, strlen(json), "cur", NULL), 0);
	lm_model_new_preset(&model, LM_PRESET_ROLE_MODEL, NULL);
	ck_assert_int_eq(lm_match(&r, c, model, NULL, &err), LM_EINFEASIBLE);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "m-1 / r-1"));
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "'gender'"));
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_validate(c, model, &err), LM_EINFEASIBLE);
	lm_error_free(err);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

START_TEST(explain_pairs_and_errors)
{
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_result *r = match_small(&c, &model);
	lm_explanation *e = NULL;
	lm_error *err = NULL;
	lm_score sum = 0;

	ck_assert_int_eq(lm_explain(&e, c, model, "m-b", "r-2", NULL), 0);
	ck_assert_int_eq(lm_explanation_feasible(e), 1);
	for (size_t k = 0; k < lm_explanation_criterion_count(e); k++)
		sum += lm_explanation_contribution(e, k);
	ck_assert_int_eq(sum, lm_explanation_score(e));
	ck_assert_int_eq(lm_explanation_score(e), lm_result_pair_score(r, 1));
	ck_assert_ptr_null(lm_explanation_criterion_name(e, lm_explanation_criterion_count(e)));
	ck_assert_int_eq(lm_explanation_contribution(e, 999), -1);
	ck_assert_int_eq(lm_explanation_passed(e, 999), -1);
	lm_explanation_free(e);
	e = NULL;

	ck_assert_int_eq(lm_explain(&e, c, model, "m-c", "r-1", NULL), 0);
	ck_assert_int_eq(lm_explanation_feasible(e), 0);
	gboolean language_failed = FALSE;
	for (size_t k = 0; k < lm_explanation_criterion_count(e); k++)
		if (g_str_equal(lm_explanation_criterion_name(e, k), "language"))
			language_failed = lm_explanation_passed(e, k) == 0;
	ck_assert(language_failed);
	lm_explanation_free(e);
	e = NULL;

	ck_assert_int_eq(lm_explain(&e, c, model, "m-zz", "r-1", &err), LM_ENOTFOUND);
	ck_assert_ptr_null(e);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_explain(&e, c, model, "r-1", "r-2", &err), LM_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(lm_error_text(err), "not a mentee"));
	lm_error_free(err);
	ck_assert_int_eq(lm_explain(&e, NULL, model, "m-a", "r-1", NULL), LM_EINVAL);
	ck_assert_int_eq(lm_explain(NULL, c, model, "m-a", "r-1", NULL), LM_EINVAL);
	lm_explanation_free(NULL);
	ck_assert_int_eq(lm_explanation_feasible(NULL), 0);
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

START_TEST(match_argument_errors)
{
	lm_cohort *c = NULL;
	lm_model *model = NULL;
	lm_result *r = match_small(&c, &model), *r2 = NULL;
	lm_options *opt = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_match(NULL, c, model, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_match(&r2, NULL, model, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_match(&r2, c, NULL, NULL, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(err);
	lm_error_free(err);
	ck_assert_int_eq(lm_validate(NULL, model, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_validate(c, model, NULL), 0);
	lm_options_new(&opt, NULL);
	lm_options_set_algorithm(opt, LM_ALGORITHM_STABLE, NULL);
	lm_options_set_keep_current(opt, 0, NULL); /* stable does not re-optimise */
	ck_assert_int_eq(lm_match(&r2, c, model, opt, NULL), LM_EINVAL);
	ck_assert_ptr_null(r2);
	lm_options_free(opt);
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("match");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, optimal_equals_brute_force);
	tcase_add_test(tc, hard_requests_never_broken);
	tcase_add_test(tc, identical_output_any_thread_count);
	tcase_add_test(tc, kept_pairs_and_reasons);
	tcase_add_test(tc, capacity_taken_names_best_feasible);
	tcase_add_test(tc, audience_hides_private_requests);
	tcase_add_test(tc, objectives_differ_where_they_should);
	tcase_add_test(tc, infeasible_current_pair_is_an_error);
	tcase_add_test(tc, explain_pairs_and_errors);
	tcase_add_test(tc, match_argument_errors);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
