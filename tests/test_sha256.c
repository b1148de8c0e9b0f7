/* The input digest: lm_sha256_hex gives what GChecksum gives, whichever
 * way it computes it on this processor. */
#include <stdio.h>
#include <string.h>
#include "lm_test.h"
#include "core/sha256.h"

START_TEST(known_vectors)
{
	char hex[LM_SHA256_HEX + 1];

	lm_sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	lm_sha256_hex(NULL, 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	lm_sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	lm_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

/* Every length across the first blocks: the padding's one- and two-block
 * cases and each position of the final bit count. */
START_TEST(every_short_length)
{
	unsigned char buf[1100];
	GRand *rng = g_rand_new_with_seed(7);

	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)g_rand_int_range(rng, 0, 256);
	g_rand_free(rng);
	for (size_t n = 0; n <= sizeof buf; n++) {
		char got[LM_SHA256_HEX + 1], want[LM_SHA256_HEX + 1];

		lm_sha256_hex(buf, n, got);
		lm_sha256_hex_portable(buf, n, want);
		ck_assert_msg(strcmp(got, want) == 0, "length %zu: %s, not %s", n, got, want);
		/* And from an odd address, as a GBytes slice may be. */
		if (n < sizeof buf) {
			lm_sha256_hex(buf + 1, n, got);
			lm_sha256_hex_portable(buf + 1, n, want);
			ck_assert_msg(strcmp(got, want) == 0, "length %zu at +1", n);
		}
	}
}
END_TEST

START_TEST(large_input)
{
	size_t n = ((size_t)3 << 20) + 77;
	g_autofree unsigned char *buf = g_malloc(n);
	GRand *rng = g_rand_new_with_seed(11);
	char got[LM_SHA256_HEX + 1], want[LM_SHA256_HEX + 1];

	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)g_rand_int_range(rng, 0, 256);
	g_rand_free(rng);
	lm_sha256_hex(buf, n, got);
	lm_sha256_hex_portable(buf, n, want);
	ck_assert_str_eq(got, want);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("digest");

	/* Which way was tested, for the log. */
	printf("sha256: %s\n", lm_sha256_accelerated() ? "SHA extensions" : "GChecksum");
	tcase_add_test(tc, known_vectors);
	tcase_add_test(tc, every_short_length);
	tcase_add_test(tc, large_input);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
