/* SHA-256 (FIPS 180-4) with the x86 SHA extensions, GChecksum otherwise.
 *
 * Only the compression of whole 64-byte blocks uses the extensions; the
 * padding is the standard one, written out below. The tests compare the
 * two ways on every length around the block boundaries and on large
 * random inputs. */
#include <stdint.h>
#include <string.h>
#include "core/sha256.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LM_SHA256_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

void lm_sha256_hex_portable(const void *data, size_t len, char hex[LM_SHA256_HEX + 1])
{
	g_autofree char *s = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);

	memcpy(hex, s, LM_SHA256_HEX + 1);
}

#ifdef LM_SHA256_NI

static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
	0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
	0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
	0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
	0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2,
};

/* The SHA extensions with SSSE3 and SSE4.1, which the code below also uses. */
gboolean lm_sha256_accelerated(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1))
		return FALSE;
	if (__get_cpuid_max(0, NULL) < 7)
		return FALSE;
	__cpuid_count(7, 0, a, b, c, d);
	return (b & bit_SHA) != 0;
}

/* Compresses n whole blocks into state (a..h). */
__attribute__((target("sha,ssse3,sse4.1"))) static void
blocks_ni(uint32_t state[8], const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i t = _mm_loadu_si128((const __m128i *)(const void *)&state[0]);
	__m128i s1 = _mm_loadu_si128((const __m128i *)(const void *)&state[4]);

	/* The instructions want the state as ABEF and CDGH. */
	t = _mm_shuffle_epi32(t, 0xB1);
	s1 = _mm_shuffle_epi32(s1, 0x1B);
	__m128i s0 = _mm_alignr_epi8(t, s1, 8);
	s1 = _mm_blend_epi16(s1, t, 0xF0);

	for (; n > 0; n--, p += 64) {
		__m128i abef = s0, cdgh = s1, w[4];

#pragma GCC unroll 4
		for (int k = 0; k < 4; k++)
			w[k] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)
								(p + 16 * k)), swap);
		/* Four rounds per group; group g + 4 of the schedule is made
		 * from groups g .. g + 3 in place of group g. */
		/* Unrolled, so that w stays in registers. */
#pragma GCC unroll 16
		for (int g = 0; g < 16; g++) {
			__m128i m = _mm_add_epi32(w[g & 3], _mm_loadu_si128((const __m128i *)(const void *)
									    &k256[4 * g]));

			s1 = _mm_sha256rnds2_epu32(s1, s0, m);
			s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(m, 0x0E));
			if (g < 12) {
				__m128i x0 = w[g & 3], x1 = w[(g + 1) & 3];
				__m128i x2 = w[(g + 2) & 3], x3 = w[(g + 3) & 3];
				__m128i v = _mm_add_epi32(_mm_sha256msg1_epu32(x0, x1),
							  _mm_alignr_epi8(x3, x2, 4));

				w[g & 3] = _mm_sha256msg2_epu32(v, x3);
			}
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	/* Back to a..h. */
	t = _mm_shuffle_epi32(s0, 0x1B);
	s1 = _mm_shuffle_epi32(s1, 0xB1);
	s0 = _mm_blend_epi16(t, s1, 0xF0);
	s1 = _mm_alignr_epi8(s1, t, 8);
	_mm_storeu_si128((__m128i *)(void *)&state[0], s0);
	_mm_storeu_si128((__m128i *)(void *)&state[4], s1);
}

static void sha256_ni(const unsigned char *p, size_t len, char hex[LM_SHA256_HEX + 1])
{
	uint32_t state[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	unsigned char tail[128] = { 0 };
	size_t whole = len / 64, rest = len % 64;
	/* The rest, 0x80, zeros, and the length in bits, big-endian: one
	 * block, or two when the length does not fit after the rest. */
	size_t tail_len = rest + 9 <= 64 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;

	if (whole > 0)
		blocks_ni(state, p, whole);
	if (rest > 0)
		memcpy(tail, p + whole * 64, rest);
	tail[rest] = 0x80;
	for (int i = 0; i < 8; i++)
		tail[tail_len - 1 - (size_t)i] = (unsigned char)(bits >> (8 * i));
	blocks_ni(state, tail, tail_len / 64);
	for (int i = 0; i < 8; i++)
		g_snprintf(hex + 8 * i, 9, "%08x", state[i]);
}

void lm_sha256_hex(const void *data, size_t len, char hex[LM_SHA256_HEX + 1])
{
	if (lm_sha256_accelerated())
		sha256_ni(data, len, hex);
	else
		lm_sha256_hex_portable(data, len, hex);
}

#else

gboolean lm_sha256_accelerated(void)
{
	return FALSE;
}

void lm_sha256_hex(const void *data, size_t len, char hex[LM_SHA256_HEX + 1])
{
	lm_sha256_hex_portable(data, len, hex);
}

#endif
