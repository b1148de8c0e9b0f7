/* libFuzzer harness: the two preferences readers agree (docs/fuzzing.md).
 * The fast reader (prefs_fast.c) may give up on anything; whatever it
 * reads, the full cJSON reader must read too, to the same arrays and
 * digest. A disagreement is a crash, so the fuzzer keeps the input. */
#include <stdlib.h>
#include <string.h>
#include "fuzz_common.h"
#include "io/prefs_json.h"

/* memcmp, but an empty array may be NULL. */
static int eq(const void *a, const void *b, size_t n)
{
	return n == 0 || memcmp(a, b, n) == 0;
}

static void same(const lm_prefs *a, const lm_prefs *b)
{
	for (int s = 0; s < 2; s++) {
		if (a->n[s] != b->n[s] ||
		    !eq(a->start[s], b->start[s], (a->n[s] + 1) * sizeof(size_t)) ||
		    !eq(a->list[s], b->list[s], a->start[s][a->n[s]] * sizeof(uint32_t)))
			__builtin_trap();
		for (uint32_t i = 0; i < a->n[s]; i++)
			if (strcmp(a->ids[s][i], b->ids[s][i]) != 0)
				__builtin_trap();
	}
	if (!eq(a->wants, b->wants, a->n[0] * sizeof(uint32_t)) ||
	    !eq(a->cap, b->cap, a->n[1] * sizeof(uint32_t)) ||
	    strcmp(a->sha256, b->sha256) != 0)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = lm_fuzz_text(data, size);
	lm_prefs *fast = NULL, *full = NULL;
	lm_error *err = NULL;

	if (!text)
		return 0;
	int f = lm_prefs_parse_fast(&fast, text, size);
	int rc = lm_prefs_parse_full(&full, text, size, "fuzz.json", &err);

	lm_fuzz_check_error(rc, err);
	if ((f != 0 && f != 1) || (f == 0 && fast) || (f == 1 && rc != 0))
		__builtin_trap();
	if (f == 1)
		same(fast, full);
	lm_prefs_free(fast);
	lm_prefs_free(full);
	lm_error_free(err);
	free(text);
	return 0;
}
