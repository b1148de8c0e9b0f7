/* Shared helpers for the Check suites. */
#ifndef LM_TEST_H
#define LM_TEST_H

#include <check.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include "libmatch/error.h"

/* Absolute path of a file under tests/data; caller frees with g_free. */
static inline char *lm_test_data(const char *relative)
{
	const char *root = getenv("LM_TEST_DATA");
	return g_build_filename(root ? root : "tests/data", relative, NULL);
}

/* A call failed with `code`, and its message holds `substring`; frees err. */
static inline void lm_test_expect_error(int rc, lm_error *err, int code, const char *substring)
{
	ck_assert_int_eq(rc, code);
	ck_assert_ptr_nonnull(err);
	ck_assert_int_eq(lm_error_code(err), code);
	ck_assert_msg(strstr(lm_error_message(err), substring), "'%s' not in '%s'", substring,
		      lm_error_message(err));
	lm_error_free(err);
}

/* Runs `call` with a fresh `lm_error *err` in scope and checks it as above. */
#define LM_EXPECT(call, code, substring)                          \
	do {                                                      \
		lm_error *err = NULL;                             \
		int rc_ = (call);                                 \
		lm_test_expect_error(rc_, err, code, substring);  \
	} while (0)

/* For the readers' differential tests: from `at` on, the first string that
 * starts with a letter or digit gets that character as a \u escape (the
 * same text to a JSON reader). */
static inline void lm_test_escape_first_char(GString *t, size_t at)
{
	for (size_t k = at; k + 1 < t->len; k++)
		if (t->str[k] == '"' && g_ascii_isalnum(t->str[k + 1])) {
			g_autofree char *esc = g_strdup_printf("\\u%04X", t->str[k + 1]);

			g_string_erase(t, (gssize)k + 1, 1);
			g_string_insert(t, (gssize)k + 1, esc);
			return;
		}
}

/* Runs one suite and returns the process exit status. */
static inline int lm_test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
