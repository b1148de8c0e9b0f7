/* make_report COHORT MODEL OUT.html [OUT.json]: the full staff report
 * (with the cohort's coverage by region and goal) for the Chromium test,
 * through the public API only; with OUT.json also the JSON result, whose
 * counts the test compares with the page. */
#include <stdio.h>
#include <libmatch/libmatch.h>

int main(int argc, char **argv)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	int rc = 1;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: make_report COHORT MODEL OUT.html [OUT.json]\n");
		return 2;
	}
	if (lm_cohort_load_file(&cohort, argv[1], &err) == 0 &&
	    lm_model_new_named(&model, argv[2], &err) == 0 &&
	    lm_match(&result, cohort, model, NULL, &err) == 0 &&
	    lm_report_write_file(result, cohort, argv[3], &err) == 0 &&
	    (argc == 4 || lm_result_write_file(result, LM_FORMAT_JSON, argv[4], &err) == 0))
		rc = 0;
	for (const lm_error *e = err; e; e = lm_error_next(e))
		fprintf(stderr, "make_report: %s\n", lm_error_message(e));
	lm_error_free(err);
	lm_result_free(result);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return rc;
}
