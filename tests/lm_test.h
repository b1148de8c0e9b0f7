/* Shared helpers for the Check suites. */
#ifndef LM_TEST_H
#define LM_TEST_H

#include <check.h>
#include <glib.h>
#include <stdlib.h>

/* Absolute path of a file under tests/data; caller frees with g_free. */
static inline char *lm_test_data(const char *relative)
{
	const char *root = getenv("LM_TEST_DATA");
	return g_build_filename(root ? root : "tests/data", relative, NULL);
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
