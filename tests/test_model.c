/* Tests of models: presets, the public getters and libmatch-model JSON
 * (score/model.c, io/model_json.c), with golden files under
 * tests/data/{valid,invalid}/model-*.json. */
#include <string.h>
#include "lm_test.h"
#include "libmatch/libmatch.h"
#include "score/criteria.h"

static const char *const table_order[] = {
	"goals",    "availability", "choice", "region", "stage",   "seniority", "level", "language",
	"continuity", "waiting",    "gender", "origin", "trained", "exclude",   "consent"};

/* Index of a criterion by name (must exist). */
static size_t crit(const lm_model *m, const char *name)
{
	for (size_t i = 0; i < lm_model_criterion_count(m); i++) {
		if (strcmp(lm_model_criterion_name(m, i), name) == 0)
			return i;
	}
	ck_abort_msg("no criterion %s", name);
	return 0;
}

static lm_model *load_ok(const char *json)
{
	lm_model *m = NULL;
	lm_error *err = NULL;
	int rc = lm_model_load_buffer(&m, json, strlen(json), "t.json", &err);
	ck_assert_msg(rc == 0, "%s", lm_error_message(err));
	ck_assert_ptr_null(err);
	return m;
}

/* Loads json (must fail with code) and checks the first message holds substring. */
static void load_bad(const char *json, int code, const char *substring)
{
	lm_model *m = (lm_model *)&m; /* must be reset to NULL */
	lm_error *err = NULL;
	ck_assert_int_eq(lm_model_load_buffer(&m, json, strlen(json), "t.json", &err), code);
	ck_assert_ptr_null(m);
	ck_assert_ptr_nonnull(err);
	ck_assert_int_eq(lm_error_code(err), code);
	ck_assert_msg(strstr(lm_error_message(err), substring), "'%s' lacks '%s'",
		      lm_error_message(err), substring);
	lm_error_free(err);
}

#define HEAD "{\"format\": \"libmatch-model\", \"version\": 1"

/* ---- presets ---- */

START_TEST(preset_role_model)
{
	lm_model *m = NULL;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_model_new_preset(&m, LM_PRESET_ROLE_MODEL, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_str_eq(lm_model_name(m), "role_model");
	ck_assert_uint_eq(lm_model_criterion_count(m), G_N_ELEMENTS(table_order));
	for (size_t i = 0; i < G_N_ELEMENTS(table_order); i++)
		ck_assert_str_eq(lm_model_criterion_name(m, i), table_order[i]);
	static const struct { const char *name; double w; int req; } want[] = {
		{"goals", 30, 0},      {"availability", 15, 1}, {"choice", 10, 0},
		{"region", 15, 1},     {"stage", 10, 0},        {"seniority", 10, 1},
		{"level", 0, 0},       {"language", 5, 1},      {"continuity", 3, 0},
		{"waiting", 2, 0},     {"gender", 0, 1},        {"origin", 0, 1},
		{"trained", 0, 0},     {"exclude", 0, 1},       {"consent", 0, 1}};
	double total = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		size_t c = crit(m, want[i].name);
		ck_assert_msg(lm_model_criterion_weight(m, c) == want[i].w, "%s", want[i].name);
		ck_assert_msg(lm_model_criterion_required(m, c) == want[i].req, "%s", want[i].name);
		total += lm_model_criterion_weight(m, c);
	}
	ck_assert(total == 100);
	ck_assert_int_eq(m->p.availability.min_slots, 4);
	ck_assert_int_eq(m->p.language.min_level, 3);
	ck_assert_int_eq(m->p.seniority.min_years, 3);
	ck_assert_ptr_nonnull(m->vocab[LM_VOCAB_GOALS]);
	ck_assert(g_ptr_array_find_with_equal_func(m->vocab[LM_VOCAB_GOALS], "stress_coping",
						   g_str_equal, NULL));
	ck_assert_uint_eq(m->vocab[LM_VOCAB_REGIONS]->len, 18);
	ck_assert_int_eq(m->algorithm, LM_ALGORITHM_OPTIMAL);
	ck_assert_int_eq(m->objective, LM_OBJECTIVE_COVERAGE);
	ck_assert_int_eq(m->top_k, 50);
	lm_model_free(m);
}
END_TEST

START_TEST(preset_tutoring)
{
	lm_model *m = NULL;
	ck_assert_int_eq(lm_model_new_named(&m, "tutoring", NULL), 0);
	ck_assert_str_eq(lm_model_name(m), "tutoring");
	static const struct { const char *name; double w; int req; } want[] = {
		{"goals", 30, 0},   {"availability", 20, 1}, {"choice", 20, 0}, {"region", 5, 1},
		{"stage", 5, 0},    {"seniority", 0, 0},     {"level", 10, 0},  {"language", 0, 0},
		{"continuity", 6, 0}, {"waiting", 4, 0},     {"gender", 0, 1},  {"consent", 0, 1}};
	double total = 0;
	for (size_t i = 0; i < lm_model_criterion_count(m); i++)
		total += lm_model_criterion_weight(m, i);
	ck_assert(total == 100);
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		size_t c = crit(m, want[i].name);
		ck_assert_msg(lm_model_criterion_weight(m, c) == want[i].w, "%s", want[i].name);
		ck_assert_msg(lm_model_criterion_required(m, c) == want[i].req, "%s", want[i].name);
	}
	ck_assert_int_eq(m->p.availability.min_slots, 2);
	ck_assert(g_ptr_array_find_with_equal_func(m->vocab[LM_VOCAB_GOALS], "conversation",
						   g_str_equal, NULL));
	lm_model_free(m);
}
END_TEST

START_TEST(preset_errors)
{
	lm_model *m = NULL;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_model_new_preset(&m, (lm_preset)2, &err), LM_EINVAL);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(lm_error_code(err), LM_EINVAL);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_model_new_preset(&m, (lm_preset)-1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_model_new_preset(NULL, LM_PRESET_TUTORING, &err), LM_EINVAL);
	lm_error_free(err);
	err = NULL;

	ck_assert_int_eq(lm_model_new_named(&m, "tutorng", &err), LM_ENOTFOUND);
	ck_assert_ptr_null(m);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "did you mean 'tutoring'?"));
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_model_new_named(&m, "zzzzzzzzzzzzzzzzz", &err), LM_ENOTFOUND);
	ck_assert_ptr_null(strstr(lm_error_message(err), "zzz"));
	lm_error_free(err);
	ck_assert_int_eq(lm_model_new_named(&m, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_model_new_named(NULL, "role_model", NULL), LM_EINVAL);
	ck_assert_int_eq(lm_model_new_named(&m, "role_model", NULL), 0);
	ck_assert_str_eq(lm_model_name(m), "role_model");
	lm_model_free(m);
	lm_model_free(NULL);
}
END_TEST

START_TEST(getters_out_of_range)
{
	lm_model *m = NULL;
	ck_assert_int_eq(lm_model_new_preset(&m, LM_PRESET_ROLE_MODEL, NULL), 0);
	size_t n = lm_model_criterion_count(m);
	ck_assert_ptr_null(lm_model_criterion_name(m, n));
	ck_assert(lm_model_criterion_weight(m, n) == -1);
	ck_assert_int_eq(lm_model_criterion_required(m, n), 0);
	ck_assert_str_eq(lm_model_name(NULL), "");
	ck_assert_uint_eq(lm_model_criterion_count(NULL), 0);
	ck_assert_ptr_null(lm_model_criterion_name(NULL, 0));
	ck_assert(lm_model_criterion_weight(NULL, 0) == -1);
	ck_assert_int_eq(lm_model_criterion_required(NULL, 0), 0);
	lm_model_free(m);
}
END_TEST

/* ---- model JSON ---- */

START_TEST(json_minimal_is_role_model)
{
	lm_model *m = load_ok(HEAD "}");
	lm_model *ref = NULL;
	ck_assert_int_eq(lm_model_new_preset(&ref, LM_PRESET_ROLE_MODEL, NULL), 0);
	ck_assert_str_eq(lm_model_name(m), "custom");
	for (size_t i = 0; i < lm_model_criterion_count(m); i++) {
		ck_assert(lm_model_criterion_weight(m, i) == lm_model_criterion_weight(ref, i));
		ck_assert_int_eq(lm_model_criterion_required(m, i),
				 lm_model_criterion_required(ref, i));
	}
	lm_model_free(ref);
	lm_model_free(m);
}
END_TEST

START_TEST(json_name_preset_and_x_keys)
{
	lm_model *m = load_ok(HEAD ", \"name\": \"semester 2026\", \"preset\": \"tutoring\","
				   " \"x-note\": {\"any\": [1]}, \"criteria\": {\"x-draft\": 1}}");
	ck_assert_str_eq(lm_model_name(m), "semester 2026");
	ck_assert(lm_model_criterion_weight(m, crit(m, "level")) == 10);
	ck_assert_int_eq(lm_model_criterion_required(m, crit(m, "language")), 0);
	lm_model_free(m);
}
END_TEST

START_TEST(json_criterion_replaces_preset)
{
	/* Naming availability resets what is not given to the engine
	 * defaults: weight 0, required, 2..8 hours. */
	lm_model *m = load_ok(HEAD ", \"preset\": \"tutoring\", \"criteria\": {"
				   "\"availability\": {\"full_hours\": 10},"
				   "\"goals\": {\"weight\": 12.345678},"
				   "\"language\": {\"weight\": 0.5, \"min_level\": 4},"
				   "\"gender\": {\"honour_requests\": false, \"weight\": 1},"
				   "\"seniority\": {\"required\": false, \"ideal\": [2, 12],"
				   " \"min_years\": 1, \"adult_age\": 18},"
				   "\"stage\": {\"weight\": 3, \"max_age_gap\": 15},"
				   "\"waiting\": {\"full_days\": 100},"
				   "\"trained\": {\"weight\": 2, \"prefer\": [\"trauma_informed\"]},"
				   "\"region\": {\"neighbour_score\": 0.75, \"online_score\": 0,"
				   " \"neighbours\": {\"seoul\": [\"busan\"]}},"
				   "\"consent\": {\"required\": false}, \"exclude\": {}}}");
	size_t av = crit(m, "availability");
	ck_assert(lm_model_criterion_weight(m, av) == 0);
	ck_assert_int_eq(lm_model_criterion_required(m, av), 1);
	ck_assert_uint_eq(m->p.availability.min_slots, 4);
	ck_assert_uint_eq(m->p.availability.full_slots, 20);
	ck_assert_int_eq(m->p.base[LM_CRIT_GOALS].weight, 12345678);
	ck_assert_int_eq(m->p.base[LM_CRIT_LANGUAGE].weight, 500000);
	ck_assert_int_eq(m->p.base[LM_CRIT_LANGUAGE].required, 1);
	ck_assert_uint_eq(m->p.language.min_level, 4);
	ck_assert_int_eq(lm_model_criterion_required(m, crit(m, "gender")), 0);
	ck_assert(lm_model_criterion_weight(m, crit(m, "gender")) == 1);
	ck_assert_int_eq(lm_model_criterion_required(m, crit(m, "seniority")), 0);
	ck_assert_int_eq(m->p.seniority.ideal_lo, 2);
	ck_assert_int_eq(m->p.seniority.ideal_hi, 12);
	ck_assert_int_eq(m->p.seniority.min_years, 1);
	ck_assert_int_eq(m->p.seniority.adult_age, 18);
	ck_assert_int_eq(m->p.stage.max_age_gap, 15);
	ck_assert_int_eq(m->p.waiting.full_days, 100);
	ck_assert_uint_eq(m->p.trained.prefer->len, 1);
	ck_assert_uint_eq(m->p.region.neighbour_score, 750000000);
	ck_assert_uint_eq(m->p.region.online_score, 0);
	ck_assert_uint_eq(m->p.region.neighbours->len, 2);
	ck_assert_int_eq(lm_model_criterion_required(m, crit(m, "consent")), 0);
	ck_assert_int_eq(lm_model_criterion_required(m, crit(m, "exclude")), 1);
	/* Criteria not named keep the preset's settings. */
	ck_assert(lm_model_criterion_weight(m, crit(m, "choice")) == 20);
	ck_assert(lm_model_criterion_weight(m, crit(m, "level")) == 10);
	lm_model_free(m);
}
END_TEST

START_TEST(json_region_defaults_kept)
{
	lm_model *m = load_ok(HEAD ", \"criteria\": {\"region\": {\"weight\": 7}}}");
	ck_assert_uint_gt(m->p.region.neighbours->len, 40);
	ck_assert_uint_eq(m->p.region.neighbour_score, 500000000);
	ck_assert_uint_eq(m->p.region.online_score, 300000000);
	ck_assert_int_eq(m->p.base[LM_CRIT_REGION].required, 1);
	lm_model_free(m);
}
END_TEST

START_TEST(json_vocabulary_and_assignment)
{
	lm_model *m = load_ok(HEAD ", \"vocabulary\": {\"goals\": null, \"regions\": [\"north\","
				   " \"south\"]}, \"criteria\": {\"region\": {\"neighbours\":"
				   " {\"north\": [\"south\"]}}}, \"assignment\": {\"algorithm\":"
				   " \"fair\", \"objective\": \"score\", \"top_k\": 64}}");
	ck_assert_ptr_null(m->vocab[LM_VOCAB_GOALS]);
	ck_assert_uint_eq(m->vocab[LM_VOCAB_REGIONS]->len, 2);
	ck_assert_ptr_nonnull(m->vocab[LM_VOCAB_LANGUAGES]);
	ck_assert_int_eq(m->algorithm, LM_ALGORITHM_FAIR);
	ck_assert_int_eq(m->objective, LM_OBJECTIVE_SCORE);
	ck_assert_int_eq(m->top_k, 64);
	lm_model_free(m);
}
END_TEST

START_TEST(json_weights_exact)
{
	static const struct { const char *text; lm_score micro; } ok[] = {
		{"0", 0},       {"1000", 1000000000}, {"0.1", 100000}, {"0.000001", 1},
		{"999.999999", 999999999}, {"2.5e1", 25000000}, {"1E-6", 1}, {"33.3", 33300000}};
	for (size_t i = 0; i < G_N_ELEMENTS(ok); i++) {
		g_autofree char *json = g_strdup_printf(
			HEAD ", \"criteria\": {\"choice\": {\"weight\": %s}}}", ok[i].text);
		lm_model *m = load_ok(json);
		ck_assert_msg(m->p.base[LM_CRIT_CHOICE].weight == ok[i].micro, "%s", ok[i].text);
		lm_model_free(m);
	}
	static const char *const bad[] = {"0.0000001", "1000.000001", "-0.5", "1e300", "33.3333333"};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autofree char *json = g_strdup_printf(
			HEAD ", \"criteria\": {\"choice\": {\"weight\": %s}}}", bad[i]);
		load_bad(json, LM_EPARSE, "$.criteria.choice.weight");
	}
}
END_TEST

START_TEST(json_several_problems_chained)
{
	const char *json = HEAD ", \"criteria\": {\"goal\": {}, \"choice\": {\"wieght\": 1}},"
				" \"assignment\": {\"top_k\": -1}}";
	lm_model *m = NULL;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_model_load_buffer(&m, json, strlen(json), NULL, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_file(err), "<memory>");
	ck_assert_str_eq(lm_error_path(err), "$.criteria.goal");
	const lm_error *e2 = lm_error_next(err);
	ck_assert_ptr_nonnull(e2);
	ck_assert_str_eq(lm_error_path(e2), "$.criteria.choice.wieght");
	ck_assert_ptr_nonnull(strstr(lm_error_message(e2), "did you mean \"weight\""));
	const lm_error *e3 = lm_error_next(e2);
	ck_assert_ptr_nonnull(e3);
	ck_assert_str_eq(lm_error_path(e3), "$.assignment.top_k");
	ck_assert_ptr_null(lm_error_next(e3));
	lm_error_free(err);
}
END_TEST

START_TEST(json_buffer_not_terminated)
{
	const char text[] = HEAD "}XXXX";
	lm_model *m = NULL;
	ck_assert_int_eq(lm_model_load_buffer(&m, text, strlen(HEAD "}"), "b", NULL), 0);
	lm_model_free(m);
	ck_assert_int_eq(lm_model_load_buffer(&m, text, sizeof text - 1, "b", NULL), LM_EPARSE);
	ck_assert_ptr_null(m);
}
END_TEST

START_TEST(json_argument_errors)
{
	lm_model *m = NULL;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_model_load_buffer(NULL, "{}", 2, NULL, &err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_int_eq(lm_model_load_buffer(&m, NULL, 2, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_model_load_buffer(&m, "", 0, NULL, NULL), LM_EPARSE);
	/* The size is checked before the bytes are read. */
	err = NULL;
	ck_assert_int_eq(lm_model_load_buffer(&m, "{}", (size_t)64 << 20, "big", &err),
			 LM_ELIMIT);
	ck_assert_str_eq(lm_error_file(err), "big");
	lm_error_free(err);
	ck_assert_int_eq(lm_model_load_file(NULL, "x", NULL), LM_EINVAL);
	ck_assert_int_eq(lm_model_load_file(&m, NULL, NULL), LM_EINVAL);
	err = NULL;
	ck_assert_int_eq(lm_model_load_file(&m, "/nonexistent/model.json", &err), LM_EIO);
	ck_assert_ptr_null(m);
	lm_error_free(err);
	load_bad("[]", LM_EPARSE, "$: expected a libmatch-model object");
	load_bad("{\"format\": \"libmatch-model\", \"version\": 1,}", LM_EPARSE, "t.json:1:");
}
END_TEST

START_TEST(json_messages_hide_values)
{
	/* Model values are not profile data, yet an unknown name must still
	 * come back as a suggestion only, never echoed. */
	load_bad(HEAD ", \"criteria\": {\"secretgoalz\": {}}}", LM_EPARSE, "unknown criterion");
	lm_error *err = NULL;
	lm_model *m = NULL;
	const char *json = HEAD ", \"criteria\": {\"region\": {\"neighbours\": {\"seoulx\": []}}}}";
	ck_assert_int_eq(lm_model_load_buffer(&m, json, strlen(json), NULL, &err), LM_EPARSE);
	ck_assert_ptr_null(strstr(lm_error_text(err), "seoulx"));
	ck_assert_ptr_nonnull(strstr(lm_error_text(err), "did you mean 'seoul'"));
	lm_error_free(err);
}
END_TEST

/* ---- golden files ---- */

/* The lines of a .expect file, without empty trailing ones. */
static char **expect_lines(const char *json_path)
{
	g_autofree char *base = g_strndup(json_path, strlen(json_path) - strlen(".json"));
	g_autofree char *path = g_strconcat(base, ".expect", NULL);
	g_autofree char *text = NULL;
	ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL), "missing %s", path);
	g_strchomp(text);
	return g_strsplit(text, "\n", -1);
}

/* Every model-*.json in dir, sorted. */
static GPtrArray *golden_files(const char *dir)
{
	g_autofree char *root = lm_test_data(dir);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	GDir *d = g_dir_open(root, 0, NULL);
	ck_assert_ptr_nonnull(d);
	const char *name;
	while ((name = g_dir_read_name(d))) {
		if (g_str_has_prefix(name, "model-") && g_str_has_suffix(name, ".json"))
			g_ptr_array_add(files, g_build_filename(root, name, NULL));
	}
	g_dir_close(d);
	g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);
	return files;
}

/* Valid .expect lines: "LM_OK", then "name NAME", "weight CRITERION POINTS",
 * "required CRITERION 0|1", "algorithm N", "objective N", "top_k N". */
static void check_valid_line(const lm_model *m, const char *file, const char *line)
{
	g_auto(GStrv) f = g_strsplit(line, " ", 3);
	if (g_strcmp0(f[0], "name") == 0) {
		ck_assert_msg(g_strcmp0(lm_model_name(m), line + strlen("name ")) == 0, "%s: name",
			      file);
	} else if (g_strcmp0(f[0], "weight") == 0) {
		ck_assert_msg(lm_model_criterion_weight(m, crit(m, f[1])) == g_ascii_strtod(f[2], NULL),
			      "%s: %s", file, line);
	} else if (g_strcmp0(f[0], "required") == 0) {
		ck_assert_msg(lm_model_criterion_required(m, crit(m, f[1])) == atoi(f[2]), "%s: %s",
			      file, line);
	} else if (g_strcmp0(f[0], "algorithm") == 0) {
		ck_assert_msg(m->algorithm == atoi(f[1]), "%s: %s", file, line);
	} else if (g_strcmp0(f[0], "objective") == 0) {
		ck_assert_msg(m->objective == atoi(f[1]), "%s: %s", file, line);
	} else if (g_strcmp0(f[0], "top_k") == 0) {
		ck_assert_msg(m->top_k == atol(f[1]), "%s: %s", file, line);
	} else {
		ck_abort_msg("%s: bad expect line %s", file, line);
	}
}

START_TEST(golden_valid)
{
	g_autoptr(GPtrArray) files = golden_files("valid");
	ck_assert_uint_ge(files->len, 3);
	for (guint i = 0; i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		g_auto(GStrv) lines = expect_lines(file);
		lm_model *m = NULL;
		lm_error *err = NULL;
		int rc = lm_model_load_file(&m, file, &err);
		ck_assert_msg(rc == 0, "%s: %s", file, lm_error_message(err));
		ck_assert_str_eq(lines[0], "LM_OK");
		for (size_t l = 1; lines[l]; l++)
			check_valid_line(m, file, lines[l]);
		lm_model_free(m);
	}
}
END_TEST

START_TEST(golden_invalid)
{
	g_autoptr(GPtrArray) files = golden_files("invalid");
	ck_assert_uint_ge(files->len, 15);
	for (guint i = 0; i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		g_auto(GStrv) lines = expect_lines(file);
		lm_model *m = NULL;
		lm_error *err = NULL;
		int rc = lm_model_load_file(&m, file, &err);
		ck_assert_msg(rc < 0, "%s loaded", file);
		ck_assert_ptr_null(m);
		ck_assert_msg(strcmp(lm_status_name(rc), lines[0]) == 0, "%s: %s, expected %s", file,
			      lm_status_name(rc), lines[0]);
		ck_assert_str_eq(lm_error_file(err), file);
		for (size_t l = 1; lines[l]; l++)
			ck_assert_msg(strstr(lm_error_message(err), lines[l]), "%s: '%s' lacks '%s'",
				      file, lm_error_message(err), lines[l]);
		lm_error_free(err);
	}
}
END_TEST

static Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("presets");
	tcase_add_test(tc, preset_role_model);
	tcase_add_test(tc, preset_tutoring);
	tcase_add_test(tc, preset_errors);
	tcase_add_test(tc, getters_out_of_range);
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, json_minimal_is_role_model);
	tcase_add_test(tc, json_name_preset_and_x_keys);
	tcase_add_test(tc, json_criterion_replaces_preset);
	tcase_add_test(tc, json_region_defaults_kept);
	tcase_add_test(tc, json_vocabulary_and_assignment);
	tcase_add_test(tc, json_weights_exact);
	tcase_add_test(tc, json_several_problems_chained);
	tcase_add_test(tc, json_buffer_not_terminated);
	tcase_add_test(tc, json_argument_errors);
	tcase_add_test(tc, json_messages_hide_values);
	suite_add_tcase(s, tc);
	tc = tcase_create("golden");
	tcase_add_test(tc, golden_valid);
	tcase_add_test(tc, golden_invalid);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(model_suite());
}
