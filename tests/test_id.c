/* Pseudonymous ids: the one rule every reader applies. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "core/id.h"

START_TEST(valid_ids)
{
	const char *ok[] = { "m-00001", "r.14", "A_b-9", "x" };
	char longest[LM_ID_MAX + 1];

	memset(longest, 'a', LM_ID_MAX);
	longest[LM_ID_MAX] = '\0';
	for (size_t i = 0; i < G_N_ELEMENTS(ok); i++) {
		ck_assert(lm_id_valid(ok[i]));
		ck_assert(lm_id_valid_len(ok[i], strlen(ok[i])));
	}
	ck_assert(lm_id_valid(longest));
	ck_assert(lm_id_valid_len(longest, LM_ID_MAX));
	/* Only the n bytes count: what follows them is not read as part of the id. */
	ck_assert(lm_id_valid_len("m-1,rest", 3));
}
END_TEST

START_TEST(invalid_ids)
{
	const char *bad[] = { "", "m 1", "m/1", "m\"1", "m,1", "\xc3\xa9", "m\t", "<b>", "m;1" };
	char too_long[LM_ID_MAX + 2];

	memset(too_long, 'a', LM_ID_MAX + 1);
	too_long[LM_ID_MAX + 1] = '\0';
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		ck_assert_msg(!lm_id_valid(bad[i]), "accepted bad id %zu", i);
		ck_assert(!lm_id_valid_len(bad[i], strlen(bad[i])));
	}
	ck_assert(!lm_id_valid(NULL));
	ck_assert(!lm_id_valid(too_long));
	ck_assert(!lm_id_valid_len(too_long, LM_ID_MAX + 1));
	ck_assert(!lm_id_valid_len("m\0001", 3)); /* a NUL inside the bytes */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("id");
	TCase *tc = tcase_create("rule");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, valid_ids);
	tcase_add_test(tc, invalid_ids);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
