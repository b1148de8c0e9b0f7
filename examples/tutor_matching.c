/* tutor_matching: pair students with volunteer English tutors abroad.
 *
 *   tutor_matching COHORT.json
 *
 * Uses the tutoring preset (time zones decide who can meet, English level
 * fit counts), compares the two objectives, and explains one pair in
 * detail: each hard rule's verdict and each criterion's points. Only the
 * public API is used.
 *
 * Try it on the bundled sample:
 *   tutor_matching data/sample/tutoring.json
 */
#include <stdio.h>
#include <libmatch/libmatch.h>

static int fail(lm_error *err)
{
	for (const lm_error *e = err; e; e = lm_error_next(e))
		fprintf(stderr, "%s\n", lm_error_message(e));
	lm_error_free(err);
	return 1;
}

static double points(lm_score s)
{
	return (double)s / LM_SCORE_SCALE;
}

/* One run with the given objective; the caller owns the result. */
static int run(lm_result **out, const lm_cohort *cohort, const lm_model *model, int objective,
	       lm_error **err)
{
	lm_options *options = NULL;
	int rc = lm_options_new(&options, err);

	/* Options are range-checked setters on an opaque handle; NULL options
	 * would mean the defaults (the model's algorithm and objective). */
	if (rc == 0)
		rc = lm_options_set_objective(options, objective, err);
	if (rc == 0)
		rc = lm_options_set_seed(options, 2026, err); /* the tie-break seed */
	if (rc == 0)
		rc = lm_match(out, cohort, model, options, err);
	lm_options_free(options);
	return rc;
}

static void summary(const char *label, const lm_result *r)
{
	printf("%-9s %zu pairs, %zu students unmatched, total %.2f points\n", label,
	       lm_result_pair_count(r), lm_result_unmatched_count(r),
	       points(lm_result_total_score(r)));
}

/* Why a student did not get the tutor who suited them best: explain that
 * pair, criterion by criterion. */
static int explain(const lm_cohort *cohort, const lm_model *model, const char *student,
		   const char *tutor)
{
	lm_explanation *ex = NULL;
	lm_error *err = NULL;

	if (lm_explain(&ex, cohort, model, student, tutor, &err) < 0)
		return fail(err);
	printf("%s + %s: %s, %.2f points\n", student, tutor,
	       lm_explanation_feasible(ex) ? "feasible" : "ruled out",
	       points(lm_explanation_score(ex)));
	for (size_t c = 0; c < lm_explanation_criterion_count(ex); c++) {
		int passed = lm_explanation_passed(ex, c); /* -1: not a hard rule */
		lm_score v = lm_explanation_contribution(ex, c);

		if (passed < 0 && v == 0)
			continue;
		printf("  %-13s %6.2f%s\n", lm_explanation_criterion_name(ex, c), points(v),
		       passed == 1 ? "  rule passed" : passed == 0 ? "  RULE FAILED" : "");
	}
	lm_explanation_free(ex);
	return 0;
}

int main(int argc, char **argv)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *coverage = NULL, *score = NULL;
	lm_error *err = NULL;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s COHORT.json\n", argv[0]);
		return 2;
	}
	if (lm_cohort_load_file(&cohort, argv[1], &err) < 0)
		return fail(err);
	if (lm_model_new_preset(&model, LM_PRESET_TUTORING, &err) < 0 ||
	    run(&coverage, cohort, model, LM_OBJECTIVE_COVERAGE, &err) < 0 ||
	    run(&score, cohort, model, LM_OBJECTIVE_SCORE, &err) < 0) {
		rc = fail(err);
		goto out;
	}
	/* coverage: as many students as possible get a tutor, then the best
	 * total; score: the best total, even if fewer students are matched. */
	summary("coverage", coverage);
	summary("score", score);

	/* The first student left out although a suitable tutor exists. */
	for (size_t i = 0; i < lm_result_unmatched_count(coverage); i++) {
		const char *tutor = lm_result_unmatched_best_feasible(coverage, i);

		if (tutor) {
			rc = explain(cohort, model, lm_result_unmatched_mentee(coverage, i), tutor);
			break;
		}
	}
out:
	lm_result_free(score);
	lm_result_free(coverage);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return rc;
}
