/* Results: builder, sorting, summary, accessors, JSON/CSV writers, atomic files. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <cjson/cJSON.h>
#include "lm_test.h"
#include "libmatch/io.h"
#include "libmatch/version.h"
#include "io/result_format.h"
#include "match/result_private.h"

static const char *mentees[] = { "m-2", "m-1", "m-3" };
static const char *mentors[] = { "r-b", "r-a" };
static const char *criteria[] = { "goals", "region" };
static const char *constraints[] = { "language", "gender", "region" };

static lm_result *sample(void)
{
	lm_result *r = lm_result_new(mentees, 3, mentors, 2, 2, criteria, 3, constraints);
	lm_score c1[] = { 30000000, 15250000 }, c2[] = { 10000000, 500000 };
	uint32_t blocked[] = { 2, 0, 1 };

	lm_result_add_pair(r, 0, 1, 45250000, c1, FALSE); /* m-2 r-a */
	lm_result_add_pair(r, 1, 0, 10500000, c2, TRUE);  /* m-1 r-b kept */
	lm_result_add_unmatched(r, 2, LM_UNMATCHED_NO_FEASIBLE_MENTOR, -1, blocked);
	lm_result_set_run(r, "role_model", LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_COVERAGE, 7,
			  "abc", TRUE);
	lm_result_finish(r);
	return r;
}

START_TEST(score_formatting_is_exact)
{
	static const struct {
		lm_score v;
		const char *s;
	} cases[] = {
		{ 0, "0.0" },           { 1, "0.000001" },      { 81250000, "81.25" },
		{ 30000000, "30.0" },   { -500000, "-0.5" },    { 123456789, "123.456789" },
		{ INT64_MAX, "9223372036854.775807" },          { INT64_MIN, "-9223372036854.775808" },
		{ 1000000, "1.0" },     { -1, "-0.000001" },    { 100, "0.0001" },
		{ 999999, "0.999999" }, { 1234000000, "1234.0" }, { -10000000, "-10.0" },
		{ 100000000010, "100000.00001" },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		GString *s = g_string_new(NULL);

		lm_append_score(s, cases[i].v);
		ck_assert_str_eq(s->str, cases[i].s);
		g_string_free(s, TRUE);
	}
}
END_TEST

START_TEST(accessors_sorted_by_id)
{
	lm_result *r = sample();

	ck_assert_uint_eq(lm_result_pair_count(r), 2);
	ck_assert_str_eq(lm_result_pair_mentee(r, 0), "m-1");
	ck_assert_str_eq(lm_result_pair_mentor(r, 0), "r-b");
	ck_assert_int_eq(lm_result_pair_kept(r, 0), 1);
	ck_assert_int_eq(lm_result_pair_score(r, 1), 45250000);
	ck_assert_int_eq(lm_result_pair_kept(r, 1), 0);
	ck_assert_uint_eq(lm_result_criterion_count(r), 2);
	ck_assert_str_eq(lm_result_criterion_name(r, 1), "region");
	ck_assert_int_eq(lm_result_pair_contribution(r, 1, 0), 30000000);
	ck_assert_int_eq(lm_result_total_score(r), 55750000);
	ck_assert_int_eq(lm_result_optimal(r), 1);
	ck_assert_uint_eq(lm_result_unmatched_count(r), 1);
	ck_assert_str_eq(lm_result_unmatched_mentee(r, 0), "m-3");
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_NO_FEASIBLE_MENTOR);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 0, "language"), 2);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 0, "region"), 1);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 0, "nonsense"), 0);
	ck_assert_ptr_null(lm_result_unmatched_best_feasible(r, 0));
	lm_result_free(r);
}
END_TEST

START_TEST(accessors_out_of_range_and_null)
{
	lm_result *r = sample();

	ck_assert_ptr_null(lm_result_pair_mentee(r, 2));
	ck_assert_ptr_null(lm_result_pair_mentor(r, 99));
	ck_assert_int_eq(lm_result_pair_score(r, 2), -1);
	ck_assert_int_eq(lm_result_pair_kept(r, 2), 0);
	ck_assert_ptr_null(lm_result_criterion_name(r, 2));
	ck_assert_int_eq(lm_result_pair_contribution(r, 0, 2), -1);
	ck_assert_int_eq(lm_result_pair_contribution(r, 5, 0), -1);
	ck_assert_ptr_null(lm_result_unmatched_mentee(r, 1));
	ck_assert_int_eq(lm_result_unmatched_reason(r, 1), LM_EINVAL);
	ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 1, "language"), -1);
	ck_assert_uint_eq(lm_result_pair_count(NULL), 0);
	ck_assert_uint_eq(lm_result_unmatched_count(NULL), 0);
	ck_assert_int_eq(lm_result_total_score(NULL), 0);
	ck_assert_int_eq(lm_result_optimal(NULL), 0);
	ck_assert_ptr_null(lm_unmatched_reason_name(5));
	ck_assert_str_eq(lm_unmatched_reason_name(LM_UNMATCHED_CAPACITY_TAKEN), "capacity_taken");
	lm_result_free(r);
	lm_result_free(NULL);
}
END_TEST

START_TEST(json_output_is_exact)
{
	lm_result *r = sample();
	char *text = NULL;
	size_t len = 0;
	g_autofree char *expect = g_strdup_printf(
		"{\n  \"format\": \"libmatch-result\",\n  \"version\": 1,\n"
		"  \"libmatch\": \"%s\",\n  \"input_sha256\": \"abc\",\n"
		"  \"model\": \"role_model\",\n  \"algorithm\": \"optimal\",\n"
		"  \"objective\": \"coverage\",\n  \"seed\": 7,\n  \"pairs\": [\n"
		"    {\"mentee\": \"m-1\", \"mentor\": \"r-b\", \"score\": 10.5, \"kept\": true, "
		"\"criteria\": {\"goals\": 10.0, \"region\": 0.5}},\n"
		"    {\"mentee\": \"m-2\", \"mentor\": \"r-a\", \"score\": 45.25, "
		"\"criteria\": {\"goals\": 30.0, \"region\": 15.25}}\n  ],\n"
		"  \"unmatched\": [\n    {\"mentee\": \"m-3\", \"reason\": \"no_feasible_mentor\", "
		"\"blocked_by\": {\"language\": 2, \"region\": 1}}\n  ],\n"
		"  \"summary\": {\"mentees\": 3, \"mentors\": 2, \"matched\": 2, \"pairs\": 2, "
		"\"total_score\": 55.75, \"mean_score\": 27.875, \"min_score\": 10.5, "
		"\"optimal\": true}\n}\n",
		lm_version_string());

	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, &text, &len, NULL), 0);
	ck_assert_str_eq(text, expect);
	ck_assert_uint_eq(len, strlen(expect));
	lm_free(text);
	lm_result_free(r);
}
END_TEST

START_TEST(json_empty_result_and_escaping)
{
	lm_result *r = lm_result_new(NULL, 0, NULL, 0, 0, NULL, 0, NULL);
	char *text = NULL;

	lm_result_set_run(r, "my \"model\"\n", LM_ALGORITHM_GREEDY, LM_OBJECTIVE_SCORE, 1, NULL,
			  FALSE);
	lm_result_finish(r);
	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, &text, NULL, NULL), 0);
	ck_assert_ptr_nonnull(strstr(text, "\"model\": \"my \\\"model\\\"\\n\""));
	ck_assert_ptr_nonnull(strstr(text, "\"pairs\": [],\n  \"unmatched\": [],\n"));
	ck_assert_ptr_nonnull(strstr(text, "\"mean_score\": 0.0, \"min_score\": 0.0, "
					   "\"optimal\": false}"));
	lm_free(text);
	lm_result_free(r);
}
END_TEST

/* Every string is written as cJSON writes it: plain ones (ids, most
 * names) directly, the others through its escaper. */
START_TEST(json_strings_as_cjson_writes_them)
{
	static const char *const names[] = {
		"", "role_model", "a\"b", "back\\slash", "tab\there", "\x01ctl", "end\x1f",
		"caf\xc3\xa9 \xe2\x82\xac", "sp ace/slash.\x7f", "\"",
	};

	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		lm_result *r = lm_result_new(NULL, 0, NULL, 0, 0, NULL, 0, NULL);
		cJSON *item = cJSON_CreateString(names[i]);
		char *printed = cJSON_PrintUnformatted(item);
		g_autofree char *line = g_strdup_printf("\n  \"model\": %s,\n", printed);
		char *text = NULL;

		lm_result_set_run(r, names[i], LM_ALGORITHM_GREEDY, LM_OBJECTIVE_SCORE, 1, names[i],
				  FALSE);
		lm_result_finish(r);
		ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, &text, NULL, NULL), 0);
		ck_assert_msg(strstr(text, line) != NULL, "string %zu", i);
		lm_free(text);
		cJSON_free(printed);
		cJSON_Delete(item);
		lm_result_free(r);
	}
}
END_TEST

START_TEST(csv_output)
{
	lm_result *r = sample();
	char *text = NULL;

	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_CSV, &text, NULL, NULL), 0);
	ck_assert_str_eq(text, "mentee,mentor,score,status,reason,goals,region\r\n"
			       "m-1,r-b,10.5,kept,,10.0,0.5\r\n"
			       "m-2,r-a,45.25,new,,30.0,15.25\r\n"
			       "m-3,,,unmatched,no_feasible_mentor,,\r\n");
	lm_free(text);
	lm_result_free(r);
}
END_TEST

START_TEST(write_rejects_bad_arguments)
{
	lm_result *r = sample();
	char *text = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_result_write(r, 9, &text, NULL, &err), LM_EINVAL);
	ck_assert_ptr_null(text);
	lm_error_free(err);
	ck_assert_int_eq(lm_result_write(NULL, LM_FORMAT_JSON, &text, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, NULL, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_write_file(r, LM_FORMAT_JSON, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_format_from_name("json"), LM_FORMAT_JSON);
	ck_assert_int_eq(lm_format_from_name("csv"), LM_FORMAT_CSV);
	ck_assert_int_eq(lm_format_from_name("xml"), LM_EINVAL);
	ck_assert_int_eq(lm_format_from_name(NULL), LM_EINVAL);
	lm_result_free(r);
}
END_TEST

START_TEST(file_is_private_and_atomic)
{
	lm_result *r = sample();
	g_autofree char *dir = g_dir_make_tmp("lm-result-XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "out.json", NULL);
	g_autofree char *missing = g_build_filename(dir, "no", "such", "out.json", NULL);
	g_autofree char *text = NULL;
	lm_error *err = NULL;
	struct stat st;

	ck_assert_int_eq(lm_result_write_file(r, LM_FORMAT_JSON, path, NULL), 0);
	ck_assert_int_eq(g_stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	ck_assert_ptr_nonnull(strstr(text, "\"libmatch-result\""));

	/* A folder that does not exist: LM_EIO naming the file, nothing created. */
	ck_assert_int_eq(lm_result_write_file(r, LM_FORMAT_JSON, missing, &err), LM_EIO);
	ck_assert_str_eq(lm_error_file(err), missing);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "cannot write file"));
	ck_assert(!g_file_test(missing, G_FILE_TEST_EXISTS));
	lm_error_free(err);

	/* A bad format leaves an existing file untouched. */
	ck_assert_int_eq(lm_result_write_file(r, 9, path, NULL), LM_EINVAL);
	g_autofree char *again = NULL;
	ck_assert(g_file_get_contents(path, &again, NULL, NULL));
	ck_assert_str_eq(again, text);

	g_unlink(path);
	g_rmdir(dir);
	lm_result_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("result");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, score_formatting_is_exact);
	tcase_add_test(tc, accessors_sorted_by_id);
	tcase_add_test(tc, accessors_out_of_range_and_null);
	tcase_add_test(tc, json_output_is_exact);
	tcase_add_test(tc, json_empty_result_and_escaping);
	tcase_add_test(tc, json_strings_as_cjson_writes_them);
	tcase_add_test(tc, csv_output);
	tcase_add_test(tc, write_rejects_bad_arguments);
	tcase_add_test(tc, file_is_private_and_atomic);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
