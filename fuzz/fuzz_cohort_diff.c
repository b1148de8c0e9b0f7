/* libFuzzer harness: the two cohort JSON readers agree (docs/fuzzing.md).
 * The fast reader (cohort_fast.c) may give up on anything; whatever it
 * reads, the full cJSON reader must read too, to the same compiled cohort.
 * A disagreement is a crash, so the fuzzer keeps the input. */
#include <stdlib.h>
#include <string.h>
#include "fuzz_common.h"
#include "io/cohort_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = lm_fuzz_text(data, size);
	lm_cohort *fast = NULL, *full = NULL;
	lm_error *err = NULL;

	if (!text)
		return 0;

	GBytes *source = g_bytes_new_take(text, size);
	int f = lm_cohort_parse_json_fast(&fast, source, "fuzz.json");
	int rc = lm_cohort_parse_json_full(&full, source, "fuzz.json", &err);

	lm_fuzz_check_error(rc, err);
	if ((f != 0 && f != 1) || (f == 0 && fast) || (f == 1 && rc != 0))
		__builtin_trap();
	if (f == 1 && !lm_cohort_same(fast, full))
		__builtin_trap();
	lm_cohort_destroy(fast);
	lm_cohort_destroy(full);
	lm_error_free(err);
	g_bytes_unref(source);
	return 0;
}
