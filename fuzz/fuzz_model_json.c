/* libFuzzer harness: libmatch-model JSON (docs/fuzzing.md). An accepted
 * model is then used on a small fixed cohort. */
#include "fuzz_common.h"

static const char cohort_json[] =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": ["
	"{\"id\": \"m1\", \"gender\": \"female\", \"birth_year\": 1996, \"arrival_year\": 2022,"
	" \"region\": \"seoul\", \"modes\": [\"online\"], \"languages\": {\"ko\": 5, \"en\": 1},"
	" \"goals\": [\"employment\"], \"consent\": true, \"prefers\": {\"gender\": \"female\"},"
	" \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": [\"mon 19:00-22:00\"]}}],"
	" \"mentors\": [{\"id\": \"r1\", \"gender\": \"female\", \"birth_year\": 1980,"
	" \"arrival_year\": 2010, \"region\": \"gyeonggi\", \"modes\": [\"online\"],"
	" \"languages\": {\"ko\": 5}, \"offers\": [\"employment\"], \"consent\": true,"
	" \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": [\"mon 18:00-23:00\"]}}]}";

static lm_cohort *cohort;

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (lm_cohort_load_buffer(&cohort, cohort_json, sizeof cohort_json - 1, NULL, NULL) < 0)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lm_model *model = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	int rc = lm_model_load_buffer(&model, (const char *)data, size, "fuzz.json", &err);

	lm_fuzz_check_error(rc, err);
	if ((rc == 0) != (model != NULL))
		__builtin_trap();
	lm_error_free(err);
	err = NULL;
	if (model) {
		for (size_t i = 0; i < lm_model_criterion_count(model); i++)
			if (!lm_model_criterion_name(model, i))
				__builtin_trap();
		rc = lm_match(&result, cohort, model, NULL, &err);
		lm_fuzz_check_error(rc, err);
		if (result)
			lm_fuzz_write_result(result);
	}
	lm_result_free(result);
	lm_error_free(err);
	lm_model_free(model);
	return 0;
}
