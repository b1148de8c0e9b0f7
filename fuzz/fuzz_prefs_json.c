/* libFuzzer harness: ranked preferences JSON for stable matching
 * (docs/fuzzing.md). Accepted preferences are solved from both sides. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lm_prefs *prefs = NULL;
	lm_error *err = NULL;
	int rc = lm_prefs_load_buffer(&prefs, (const char *)data, size, "fuzz.json", &err);

	lm_fuzz_check_error(rc, err);
	if ((rc == 0) != (prefs != NULL))
		__builtin_trap();
	lm_error_free(err);
	for (int side = LM_PROPOSERS_MENTEES; prefs && side <= LM_PROPOSERS_MENTORS; side++) {
		lm_options *options = NULL;
		lm_result *result = NULL;

		err = NULL;
		if (lm_options_new(&options, NULL) < 0 ||
		    lm_options_set_proposers(options, side, NULL) < 0)
			__builtin_trap();
		rc = lm_prefs_solve(&result, prefs, options, &err);
		lm_fuzz_check_error(rc, err);
		if (result)
			lm_fuzz_write_result(result);
		lm_result_free(result);
		lm_error_free(err);
		lm_options_free(options);
	}
	lm_prefs_free(prefs);
	return 0;
}
