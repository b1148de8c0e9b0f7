/* Tests of string interning (core/vocab.c). */
#include <string.h>
#include "lm_test.h"
#include "core/vocab.h"

START_TEST(intern_first_seen_order)
{
	lm_vocab *v = lm_vocab_new();

	ck_assert_uint_eq(lm_vocab_size(v), 0);
	ck_assert_uint_eq(lm_vocab_intern(v, "employment", "$.mentees[0].goals[0]"), 0);
	ck_assert_uint_eq(lm_vocab_intern(v, "finance", "$.mentees[0].goals[1]"), 1);
	ck_assert_uint_eq(lm_vocab_intern(v, "employment", "$.mentees[5].goals[0]"), 0);
	ck_assert_uint_eq(lm_vocab_intern(v, "", NULL), 2);
	ck_assert_uint_eq(lm_vocab_size(v), 3);
	ck_assert_str_eq(lm_vocab_string(v, 0), "employment");
	ck_assert_str_eq(lm_vocab_string(v, 1), "finance");
	ck_assert_str_eq(lm_vocab_string(v, 2), "");
	ck_assert_ptr_null(lm_vocab_string(v, 3));
	/* The first occurrence's path is kept, later ones ignored. */
	ck_assert_str_eq(lm_vocab_first_path(v, 0), "$.mentees[0].goals[0]");
	ck_assert_ptr_null(lm_vocab_first_path(v, 2));
	ck_assert_ptr_null(lm_vocab_first_path(v, 9));
	ck_assert_int_eq(lm_vocab_lookup(v, "finance"), 1);
	ck_assert_int_eq(lm_vocab_lookup(v, "Finance"), -1);
	lm_vocab_free(v);
	lm_vocab_free(NULL);
	ck_assert_uint_eq(lm_vocab_size(NULL), 0);
	ck_assert_ptr_null(lm_vocab_string(NULL, 0));
}
END_TEST

START_TEST(intern_copies_strings)
{
	lm_vocab *v = lm_vocab_new();
	char buf[16] = "seoul";
	char path[16] = "$.a";

	lm_vocab_intern(v, buf, path);
	strcpy(buf, "busan");
	strcpy(path, "$.b");
	ck_assert_str_eq(lm_vocab_string(v, 0), "seoul");
	ck_assert_str_eq(lm_vocab_first_path(v, 0), "$.a");
	ck_assert_int_eq(lm_vocab_lookup(v, "seoul"), 0);
	lm_vocab_free(v);
}
END_TEST

START_TEST(intern_many)
{
	lm_vocab *v = lm_vocab_new();

	for (int i = 0; i < 5000; i++) {
		char s[16];
		g_snprintf(s, sizeof s, "w%d", i);
		ck_assert_uint_eq(lm_vocab_intern(v, s, NULL), (uint32_t)i);
	}
	ck_assert_uint_eq(lm_vocab_size(v), 5000);
	ck_assert_int_eq(lm_vocab_lookup(v, "w4321"), 4321);
	lm_vocab_free(v);
}
END_TEST

START_TEST(closest)
{
	const char *known[] = { "employment", "education", "finance", "stress_coping", "en", "ko" };
	size_t n = G_N_ELEMENTS(known);

	ck_assert_str_eq(lm_vocab_closest("employmnt", known, n), "employment");
	ck_assert_str_eq(lm_vocab_closest("finanse", known, n), "finance");
	ck_assert_str_eq(lm_vocab_closest("stress-coping", known, n), "stress_coping");
	ck_assert_str_eq(lm_vocab_closest("EN", known, n), "en");
	/* Too far from everything. */
	ck_assert_ptr_null(lm_vocab_closest("housing", known, n));
	ck_assert_ptr_null(lm_vocab_closest("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", known, n));
	ck_assert_ptr_null(lm_vocab_closest("x", known, 0));
	ck_assert_ptr_null(lm_vocab_closest(NULL, known, n));
	ck_assert_ptr_null(lm_vocab_closest("x", NULL, 3));
}
END_TEST

START_TEST(closest_ties_and_bounds)
{
	/* "ab" is at distance 1 from both: the earlier entry wins. */
	const char *tie[] = { "ac", "ad", "ab" };
	ck_assert_str_eq(lm_vocab_closest("ae", tie, 3), "ac");
	ck_assert_str_eq(lm_vocab_closest("ab", tie, 3), "ab");

	/* The bound is max(2, len / 3): 12 characters allow 4 edits, not 5. */
	const char *longer[] = { "abcdefghijkl" };
	ck_assert_ptr_nonnull(lm_vocab_closest("abcdefghWXYZ", longer, 1));
	ck_assert_ptr_null(lm_vocab_closest("abcdefgVWXYZ", longer, 1));
	/* Short strings still allow 2 edits. */
	const char *shortw[] = { "ko", NULL };
	ck_assert_str_eq(lm_vocab_closest("zh", shortw, 2), "ko");
}
END_TEST

static Suite *vocab_suite(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, intern_first_seen_order);
	tcase_add_test(tc, intern_copies_strings);
	tcase_add_test(tc, intern_many);
	tcase_add_test(tc, closest);
	tcase_add_test(tc, closest_ties_and_bounds);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(vocab_suite());
}
