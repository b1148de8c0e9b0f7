/* The cohort harnesses (JSON and CSV): load, then validate, match, explain.
 * Included by fuzz_cohort_json.c and fuzz_cohort_csv.c with LM_FUZZ_NAME,
 * the buffer name that picks the format. */
#ifndef LM_FUZZ_COHORT_H
#define LM_FUZZ_COHORT_H

#include "fuzz_common.h"

/* Matching is quadratic in the cohort: keep the harness fast. */
#define MATCH_MAX_PEOPLE 64

static lm_model *models[2];

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (lm_model_new_preset(&models[0], LM_PRESET_ROLE_MODEL, NULL) < 0 ||
	    lm_model_new_preset(&models[1], LM_PRESET_TUTORING, NULL) < 0)
		__builtin_trap();
	return 0;
}

static void explain_first_pair(const lm_cohort *c, const lm_model *model)
{
	const char *mentee = lm_cohort_id(c, LM_ROLE_MENTEE, 0);
	const char *mentor = lm_cohort_id(c, LM_ROLE_MENTOR, 0);

	for (int audience = LM_AUDIENCE_STAFF; mentee && mentor && audience <= LM_AUDIENCE_MENTOR;
	     audience++) {
		lm_explanation *e = NULL;
		lm_error *err = NULL;
		int rc = lm_explain_for(&e, c, model, mentee, mentor, audience, &err);

		lm_fuzz_check_error(rc, err);
		for (size_t k = 0; e && k < lm_explanation_criterion_count(e); k++)
			if (!lm_explanation_criterion_name(e, k))
				__builtin_trap();
		lm_explanation_free(e);
		lm_error_free(err);
	}
}

static void use_cohort(const lm_cohort *c)
{
	size_t people = lm_cohort_count(c, LM_ROLE_MENTEE) + lm_cohort_count(c, LM_ROLE_MENTOR);

	for (int m = 0; m < 2; m++) {
		lm_result *result = NULL;
		lm_error *err = NULL;
		int rc = lm_validate(c, models[m], &err);

		lm_fuzz_check_error(rc, err);
		lm_error_free(err);
		err = NULL;
		if (rc < 0 || people > MATCH_MAX_PEOPLE)
			continue;
		rc = lm_match(&result, c, models[m], NULL, &err);
		lm_fuzz_check_error(rc, err);
		if (result)
			lm_fuzz_write_result(result);
		lm_result_free(result);
		lm_error_free(err);
		explain_first_pair(c, models[m]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;
	int rc = lm_cohort_load_buffer(&c, (const char *)data, size, LM_FUZZ_NAME, &err);

	lm_fuzz_check_error(rc, err);
	if ((rc == 0) != (c != NULL))
		__builtin_trap();
	if (c)
		use_cohort(c);
	lm_cohort_free(c);
	lm_error_free(err);
	return 0;
}

#endif
