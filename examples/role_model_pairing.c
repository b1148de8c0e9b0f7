/* role_model_pairing: pair newcomers with role models, the way a
 * coordinator's tool would call libmatch.
 *
 *   role_model_pairing COHORT.json [REPORT.html]
 *
 * Loads a cohort, checks it against the role-model preset, matches it,
 * prints a summary, a few pairs with their best criterion and why the
 * unmatched are unmatched, and (with a second argument) writes the HTML
 * report for staff. Only the public API is used: <libmatch/libmatch.h>.
 *
 * Try it on the bundled sample:
 *   role_model_pairing data/sample/role_model.json report.html
 */
#include <stdio.h>
#include <libmatch/libmatch.h>

/* Prints every problem of an error report (a cohort file may have many)
 * and frees it. Messages never contain profile values, only ids, fields
 * and places in the file, so they are safe to log. */
static int fail(lm_error *err)
{
	for (const lm_error *e = err; e; e = lm_error_next(e))
		fprintf(stderr, "%s\n", lm_error_message(e));
	lm_error_free(err);
	return 1;
}

/* Scores are fixed point: millionths of a point. Print them as points. */
static double points(lm_score s)
{
	return (double)s / LM_SCORE_SCALE;
}

/* The criterion that contributed most to pair i: "why this pair". */
static const char *best_criterion(const lm_result *result, size_t i)
{
	const char *best = "-";
	lm_score top = 0;

	for (size_t c = 0; c < lm_result_criterion_count(result); c++) {
		lm_score v = lm_result_pair_contribution(result, i, c);

		if (v > top) {
			top = v;
			best = lm_result_criterion_name(result, c);
		}
	}
	return best;
}

static void print_unmatched(const lm_result *result, const lm_model *model, size_t i)
{
	int reason = lm_result_unmatched_reason(result, i);

	printf("  %s: %s", lm_result_unmatched_mentee(result, i), lm_unmatched_reason_name(reason));
	if (reason == LM_UNMATCHED_NO_FEASIBLE_MENTOR) {
		/* How many mentors each hard rule of the model ruled out. */
		for (size_t k = 0; k < lm_model_criterion_count(model); k++) {
			const char *rule = lm_model_criterion_name(model, k);
			long n = lm_result_unmatched_blocked_by(result, i, rule);

			if (lm_model_criterion_required(model, k) && n > 0)
				printf(" %s=%ld", rule, n);
		}
	} else if (lm_result_unmatched_best_feasible(result, i)) {
		/* Someone suitable exists, but their places went to others. */
		printf(" (best suitable mentor %s is full)",
		       lm_result_unmatched_best_feasible(result, i));
	}
	printf("\n");
}

int main(int argc, char **argv)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s COHORT.json [REPORT.html]\n", argv[0]);
		return 2;
	}
	/* Every function returns 0 or a negative LM_E* code; details come
	 * through the last argument, which may be NULL. */
	if (lm_cohort_load_file(&cohort, argv[1], &err) < 0)
		return fail(err);
	if (lm_model_new_preset(&model, LM_PRESET_ROLE_MODEL, &err) < 0 ||
	    lm_validate(cohort, model, &err) < 0 ||
	    lm_match(&result, cohort, model, NULL /* default options */, &err) < 0) {
		lm_model_free(model);
		lm_cohort_free(cohort);
		return fail(err);
	}

	size_t pairs = lm_result_pair_count(result);

	printf("%zu mentees, %zu role models: %zu pairs, %zu unmatched, total %.2f points%s\n",
	       lm_cohort_count(cohort, LM_ROLE_MENTEE), lm_cohort_count(cohort, LM_ROLE_MENTOR),
	       pairs, lm_result_unmatched_count(result), points(lm_result_total_score(result)),
	       lm_result_optimal(result) ? " (proved optimal)" : "");

	/* Pairs are sorted by mentee id; ids are borrowed from the result. */
	printf("first pairs:\n");
	for (size_t i = 0; i < pairs && i < 5; i++)
		printf("  %s + %s  %6.2f  mostly %s%s\n", lm_result_pair_mentee(result, i),
		       lm_result_pair_mentor(result, i), points(lm_result_pair_score(result, i)),
		       best_criterion(result, i), lm_result_pair_kept(result, i) ? " (kept)" : "");

	printf("first unmatched:\n");
	for (size_t i = 0; i < lm_result_unmatched_count(result) && i < 5; i++)
		print_unmatched(result, model, i);

	/* The staff report: one HTML page, written atomically with mode 0600.
	 * Passing the cohort adds coverage by region and by goal. */
	int rc = 0;

	if (argc == 3) {
		if (lm_report_write_file(result, cohort, argv[2], &err) < 0)
			rc = fail(err);
		else
			printf("report written to %s\n", argv[2]);
	}
	lm_result_free(result);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return rc;
}
