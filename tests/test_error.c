/* Errors: construction, location formats, chaining, propagation rules. */
#include <string.h>
#include "lm_test.h"
#include "core/error_private.h"
#include "libmatch/version.h"

START_TEST(json_location_format)
{
	lm_error *e = lm_error_new(LM_EPARSE, "expected an integer");

	lm_error_locate_json(e, "people.json", 3, 17, "$.mentees[0].birth_year");
	ck_assert_str_eq(lm_error_message(e),
			 "people.json:3:17: $.mentees[0].birth_year: expected an integer");
	ck_assert_str_eq(lm_error_text(e), "expected an integer");
	ck_assert_str_eq(lm_error_file(e), "people.json");
	ck_assert_uint_eq(lm_error_line(e), 3);
	ck_assert_uint_eq(lm_error_column(e), 17);
	ck_assert_str_eq(lm_error_path(e), "$.mentees[0].birth_year");
	ck_assert_int_eq(lm_error_code(e), LM_EPARSE);
	lm_error_free(e);
}
END_TEST

START_TEST(csv_location_format)
{
	lm_error *e = lm_error_new(LM_EPARSE, "expected a number");

	lm_error_locate_csv(e, "edges.csv", 12, "score");
	ck_assert_str_eq(lm_error_message(e), "edges.csv:12: column score: expected a number");
	ck_assert_uint_eq(lm_error_column(e), 0);
	lm_error_free(e);
}
END_TEST

START_TEST(partial_locations)
{
	lm_error *e = lm_error_new(LM_EIO, "cannot read file: %s", "No such file or directory");

	ck_assert_str_eq(lm_error_message(e), "cannot read file: No such file or directory");
	lm_error_locate_file(e, "x.json");
	ck_assert_str_eq(lm_error_message(e), "x.json: cannot read file: No such file or directory");
	ck_assert_ptr_null(lm_error_path(e));
	ck_assert_uint_eq(lm_error_line(e), 0);
	lm_error_free(e);
}
END_TEST

START_TEST(null_error_accessors)
{
	ck_assert_int_eq(lm_error_code(NULL), LM_OK);
	ck_assert_str_eq(lm_error_message(NULL), "");
	ck_assert_str_eq(lm_error_text(NULL), "");
	ck_assert_ptr_null(lm_error_file(NULL));
	ck_assert_ptr_null(lm_error_path(NULL));
	ck_assert_ptr_null(lm_error_next(NULL));
	ck_assert_uint_eq(lm_error_line(NULL), 0);
	lm_error_free(NULL);
	lm_free(NULL);
}
END_TEST

START_TEST(set_error_never_overwrites)
{
	lm_error *err = NULL;

	ck_assert_int_eq(lm_set_error(&err, LM_EINVAL, "first"), LM_EINVAL);
	ck_assert_int_eq(lm_set_error(&err, LM_EPARSE, "second"), LM_EPARSE);
	ck_assert_str_eq(lm_error_text(err), "first");
	ck_assert_int_eq(lm_set_error(NULL, LM_ENOMEM, "dropped"), LM_ENOMEM);
	lm_error_free(err);
}
END_TEST

START_TEST(positive_code_becomes_internal)
{
	lm_error *e = lm_error_new(5, "odd");

	ck_assert_int_eq(lm_error_code(e), LM_EINTERNAL);
	lm_error_free(e);
}
END_TEST

START_TEST(problems_chain_in_order)
{
	lm_problems p = { 0 };
	lm_error *err = NULL;

	ck_assert_int_eq(lm_problems_finish(&p, &err), 0);
	ck_assert_ptr_null(err);
	lm_problems_add(&p, lm_error_new(LM_EPARSE, "one"));
	lm_problems_add(&p, lm_error_new(LM_ELIMIT, "two"));
	ck_assert_int_eq(lm_problems_finish(&p, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_text(err), "one");
	ck_assert_str_eq(lm_error_text(lm_error_next(err)), "two");
	ck_assert_ptr_null(lm_error_next(lm_error_next(err)));
	ck_assert_ptr_null(p.head);
	lm_error_free(err);
}
END_TEST

START_TEST(problems_truncate_past_limit)
{
	lm_problems p = { 0 };
	lm_error *err = NULL;
	int n = 0;

	for (int i = 0; i < LM_MAX_PROBLEMS + 10; i++) {
		lm_error *e = lm_error_new(LM_EPARSE, "problem %d", i);

		lm_error_locate_file(e, "f.json");
		lm_problems_add(&p, e);
	}
	lm_problems_finish(&p, &err);
	for (const lm_error *e = err; e; e = lm_error_next(e))
		n++;
	ck_assert_int_eq(n, LM_MAX_PROBLEMS + 1);
	const lm_error *last = err;
	while (lm_error_next(last))
		last = lm_error_next(last);
	ck_assert_ptr_nonnull(strstr(lm_error_message(last), "stopped looking"));
	ck_assert_str_eq(lm_error_file(last), "f.json");
	lm_error_free(err);
}
END_TEST

START_TEST(problems_clear_frees)
{
	lm_problems p = { 0 };

	lm_problems_add(&p, lm_error_new(LM_EPARSE, "x"));
	lm_problems_clear(&p);
	ck_assert_ptr_null(p.head);
	ck_assert_uint_eq(p.count, 0);
}
END_TEST

START_TEST(status_names)
{
	ck_assert_str_eq(lm_status_name(LM_OK), "LM_OK");
	ck_assert_str_eq(lm_status_name(LM_EPARSE), "LM_EPARSE");
	ck_assert_str_eq(lm_status_name(LM_EINTERNAL), "LM_EINTERNAL");
	ck_assert_str_eq(lm_status_name(-100), "LM_EUNKNOWN");
	ck_assert_str_eq(lm_status_name(3), "LM_EUNKNOWN");
}
END_TEST

START_TEST(version)
{
	char expect[32];

	g_snprintf(expect, sizeof expect, "%d.%d.%d", LM_VERSION_MAJOR, LM_VERSION_MINOR,
		   LM_VERSION_PATCH);
	ck_assert_str_eq(lm_version_string(), expect);
	ck_assert_uint_eq(lm_version_number(), LM_VERSION_NUMBER);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, json_location_format);
	tcase_add_test(tc, csv_location_format);
	tcase_add_test(tc, partial_locations);
	tcase_add_test(tc, null_error_accessors);
	tcase_add_test(tc, set_error_never_overwrites);
	tcase_add_test(tc, positive_code_becomes_internal);
	tcase_add_test(tc, problems_chain_in_order);
	tcase_add_test(tc, problems_truncate_past_limit);
	tcase_add_test(tc, problems_clear_frees);
	tcase_add_test(tc, status_names);
	tcase_add_test(tc, version);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
