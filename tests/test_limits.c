/* Input limits: defaults, setters, and each limit refused with one located
 * LM_ELIMIT error in JSON and CSV cohorts, the input at the limit accepted. */
#include <string.h>
#include <glib/gstdio.h>
#include "lm_test.h"
#include <libmatch/libmatch.h>
#include "core/limits_private.h"

static lm_limits *limits_with(int which, size_t value)
{
	lm_limits *l = NULL;

	ck_assert_int_eq(lm_limits_new(&l, NULL), 0);
	switch (which) {
	case 0: ck_assert_int_eq(lm_limits_set_max_file_bytes(l, value, NULL), 0); break;
	case 1: ck_assert_int_eq(lm_limits_set_max_people(l, value, NULL), 0); break;
	case 2: ck_assert_int_eq(lm_limits_set_max_string_bytes(l, value, NULL), 0); break;
	case 3: ck_assert_int_eq(lm_limits_set_max_list_length(l, value, NULL), 0); break;
	default: ck_assert_int_eq(lm_limits_set_max_depth(l, (int)value, NULL), 0); break;
	}
	return l;
}

enum { FILE_BYTES, PEOPLE, STRING, LIST, DEPTH };

static int load(const char *text, const char *name, const lm_limits *l, lm_error **err)
{
	lm_cohort *c = NULL;
	int rc = lm_cohort_load_buffer_with(&c, text, strlen(text), name, l, err);

	ck_assert((rc == 0) == (c != NULL));
	lm_cohort_free(c);
	return rc;
}

/* text passes with the limit at `ok` and fails with it at ok - 1, with one
 * LM_ELIMIT error whose message is want. */
static void refused(const char *text, const char *name, int which, size_t ok, const char *want)
{
	lm_limits *l = limits_with(which, ok);
	lm_error *err = NULL;

	ck_assert_msg(load(text, name, l, &err) == 0, "%s", lm_error_message(err));
	lm_limits_free(l);
	l = limits_with(which, ok - 1);
	ck_assert_int_eq(load(text, name, l, &err), LM_ELIMIT);
	ck_assert_str_eq(lm_error_message(err), want);
	ck_assert_ptr_null(lm_error_next(err));
	lm_error_free(err);
	lm_limits_free(l);
}

START_TEST(defaults_and_setters)
{
	lm_limits *l = NULL;
	lm_error *err = NULL;

	ck_assert_uint_eq(lm_limits_max_file_bytes(NULL), (size_t)256 << 20);
	ck_assert_uint_eq(lm_limits_max_people(NULL), 1000000);
	ck_assert_uint_eq(lm_limits_max_string_bytes(NULL), 65536);
	ck_assert_uint_eq(lm_limits_max_list_length(NULL), 100000);
	ck_assert_int_eq(lm_limits_max_depth(NULL), 64);
	ck_assert_int_eq(lm_limits_new(NULL, &err), LM_EINVAL);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_limits_new(&l, NULL), 0);
	ck_assert_uint_eq(lm_limits_max_people(l), 1000000);
	/* Out of range: refused, nothing changed. */
	ck_assert_int_eq(lm_limits_set_max_people(l, 0, &err), LM_EINVAL);
	ck_assert_str_eq(lm_error_message(err), "max people: expected a value from 1 to 1000000");
	lm_error_free(err);
	ck_assert_int_eq(lm_limits_set_max_people(l, 1000001, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_file_bytes(l, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_file_bytes(l, ((size_t)4 << 30) + 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_string_bytes(l, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_list_length(l, ((size_t)1 << 30) + 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_depth(l, 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_depth(l, 65, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_limits_set_max_depth(l, -3, NULL), LM_EINVAL);
	ck_assert_uint_eq(lm_limits_max_people(l), 1000000);
	ck_assert_int_eq(lm_limits_max_depth(l), 64);
	/* In range, bounds included. */
	ck_assert_int_eq(lm_limits_set_max_people(l, 1, NULL), 0);
	ck_assert_int_eq(lm_limits_set_max_file_bytes(l, (size_t)4 << 30, NULL), 0);
	ck_assert_int_eq(lm_limits_set_max_string_bytes(l, 1, NULL), 0);
	ck_assert_int_eq(lm_limits_set_max_list_length(l, (size_t)1 << 30, NULL), 0);
	ck_assert_int_eq(lm_limits_set_max_depth(l, 1, NULL), 0);
	ck_assert_uint_eq(lm_limits_max_people(l), 1);
	ck_assert_uint_eq(lm_limits_max_file_bytes(l), (size_t)4 << 30);
	ck_assert_uint_eq(lm_limits_max_string_bytes(l), 1);
	ck_assert_uint_eq(lm_limits_max_list_length(l), (size_t)1 << 30);
	ck_assert_int_eq(lm_limits_max_depth(l), 1);
	lm_limits_free(l);
	lm_limits_free(NULL);
	ck_assert_int_eq(lm_limits_set_max_people(NULL, 5, NULL), LM_EINVAL);
}
END_TEST

static const char *small_json =
	"{\"format\": \"libmatch-cohort\", \"version\": 1,\n"
	" \"mentees\": [{\"id\": \"m-1\", \"goals\": [\"finance\", \"health\", \"legal\"]},\n"
	"   {\"id\": \"m-2\"}, {\"id\": \"m-3\", \"region\": \"gyeonggi\"}],\n"
	" \"mentors\": [{\"id\": \"r-1\", \"x-a\": [[[{}]]]}, {\"id\": \"r-2\"}]}\n";

static const char *small_csv = "id,role,goals,region\n"
			       "m-1,mentee,finance;health;legal,\n"
			       "r-1,mentor,,\n"
			       "m-2,mentee,,\n"
			       "m-3,mentee,,gyeonggi\n"
			       "r-2,mentor,,\n";

START_TEST(file_bytes)
{
	size_t n = strlen(small_json);
	g_autofree char *want = g_strdup_printf("t.json: input is larger than the limit of %zu "
						"bytes", n - 1);

	refused(small_json, "t.json", FILE_BYTES, n, want);

	/* A file is refused by its size, before it is read. */
	g_autofree char *dir = g_dir_make_tmp("lm-limits-XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "people.csv", NULL);
	lm_limits *l = limits_with(FILE_BYTES, 10);
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert(g_file_set_contents(path, small_csv, -1, NULL));
	ck_assert_int_eq(lm_cohort_load_file_with(&c, path, l, &err), LM_ELIMIT);
	ck_assert_ptr_null(c);
	ck_assert_str_eq(lm_error_file(err), path);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "larger than the limit of 10 bytes"));
	lm_error_free(err);
	lm_limits_free(l);
	ck_assert_int_eq(lm_cohort_load_file_with(&c, path, NULL, NULL), 0);
	lm_cohort_free(c);
	g_unlink(path);
	g_rmdir(dir);
}
END_TEST

START_TEST(people)
{
	refused(small_json, "t.json", PEOPLE, 3, "t.json:2:13: $.mentees: more than 2 mentees");
	refused(small_csv, "t.csv", PEOPLE, 3, "t.csv:5: column role: more than 2 mentees");
}
END_TEST

START_TEST(strings)
{
	/* JSON: any string, keys included ("format" has 6 bytes). */
	refused(small_json, "t.json", STRING, 15, "t.json:1:12: string longer than the limit "
		"of 14 bytes");
	refused("{\"mentees\": [], \"mentors\": [], \"version\": 1, \"format\": \"libmatch-cohort\","
		" \"x-a-rather-long-key\": 0}", "t.json", STRING, 19,
		"t.json:1:75: string longer than the limit of 18 bytes");
	refused(small_csv, "t.csv", STRING, 20, "t.csv:2: column goals: cell longer than the "
		"limit of 19 bytes");
}
END_TEST

START_TEST(lists)
{
	static const char *five = "{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentors\": [],\n"
				  "\"mentees\": [{\"id\": \"m\", \"goals\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}]}";

	/* Arrays count their elements, at the first one past the limit. */
	refused(five, "t.json", LIST, 5, "t.json:2:53: more than 4 entries in one list or map "
		"(the limit)");
	/* Objects count their members: the root of small_json has four. */
	refused(small_json, "t.json", LIST, 4, "t.json:3:55: more than 3 entries in one list or "
		"map (the limit)");
	refused(small_csv, "t.csv", LIST, 3, "t.csv:2: column goals: more than 2 entries in one "
		"list (the limit)");
}
END_TEST

START_TEST(depth)
{
	/* root, mentors, r-1, three arrays and an object under x-a */
	refused(small_json, "t.json", DEPTH, 7, "t.json:4:38: nesting deeper than the limit of 6");

	/* Past 64, the JSON readers' own rule answers, as a syntax error. */
	GString *s = g_string_new("{\"x-a\": ");
	lm_error *err = NULL;

	for (int i = 0; i < 70; i++)
		g_string_append_c(s, '[');
	ck_assert_int_eq(load(s->str, "t.json", NULL, &err), LM_EPARSE);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "nesting too deep"));
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

/* A broken limit is the only error reported, even after other problems. */
START_TEST(limit_error_alone)
{
	lm_limits *l = limits_with(PEOPLE, 1);
	lm_error *err = NULL;

	ck_assert_int_eq(load("id,role,gender\nm-1,mentee,x\nm-2,mentee,y\n", "t.csv", l, &err),
			 LM_ELIMIT);
	ck_assert_str_eq(lm_error_message(err), "t.csv:3: column role: more than 1 mentees");
	ck_assert_ptr_null(lm_error_next(err));
	lm_error_free(err);
	lm_limits_free(l);
}
END_TEST

/* The scan before parsing takes any bytes: truncated strings, stray
 * brackets, no JSON at all. Those are the parser's to report. */
START_TEST(scan_any_bytes)
{
	static const char *const texts[] = {
		"{\"a\": \"unterminated", "]]]}}}", "{\"mentees\": [1,2,3", "\"\\\"", "{\"a\":\"\\",
		"{[{[{[", "{\"mentees\": {\"a\": 1, \"b\": 2}}", "",
	};
	lm_limits *l = limits_with(PEOPLE, 1);

	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
		lm_error *err = NULL;
		int rc = lm_limits_check_json(l, "t", texts[i], strlen(texts[i]), &err);
		int want = i == 2 || i == 6 ? LM_ELIMIT : 0;

		ck_assert_int_eq(rc, want);
		lm_error_free(err);
	}
	lm_limits_free(l);
}
END_TEST

static Suite *limits_suite(void)
{
	Suite *s = suite_create("limits");
	TCase *tc = tcase_create("limits");

	tcase_add_test(tc, defaults_and_setters);
	tcase_add_test(tc, file_bytes);
	tcase_add_test(tc, people);
	tcase_add_test(tc, strings);
	tcase_add_test(tc, lists);
	tcase_add_test(tc, depth);
	tcase_add_test(tc, limit_error_alone);
	tcase_add_test(tc, scan_any_bytes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(limits_suite());
}
