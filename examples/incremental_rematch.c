/* incremental_rematch: a new round in a running program. Ongoing pairs are
 * listed in the cohort (`current`); everyone else is a newcomer or waiting.
 *
 *   incremental_rematch COHORT.json
 *
 * Run 1 keeps every current pair and matches the others around them (the
 * default). Runs 2 and 3 re-optimise everyone, where breaking an ongoing
 * pair costs points: with a high cost, pairs are kept unless a change is
 * clearly better; with no cost, continuity counts for nothing. Only the
 * public API is used.
 *
 * Try it on the bundled sample (a few mentees have a current role model):
 *   incremental_rematch data/sample/role_model.json
 */
#include <stdio.h>
#include <string.h>
#include <libmatch/libmatch.h>

static int fail(lm_error *err)
{
	for (const lm_error *e = err; e; e = lm_error_next(e))
		fprintf(stderr, "%s\n", lm_error_message(e));
	lm_error_free(err);
	return 1;
}

/* keep: 1 keeps current pairs as they are; 0 re-optimises with break_cost. */
static int run(lm_result **out, const lm_cohort *cohort, const lm_model *model, int keep,
	       lm_score break_cost, lm_error **err)
{
	lm_options *options = NULL;
	int rc = lm_options_new(&options, err);

	if (rc == 0)
		rc = lm_options_set_keep_current(options, keep, err);
	if (rc == 0 && !keep)
		rc = lm_options_set_break_cost(options, break_cost, err);
	if (rc == 0)
		rc = lm_match(out, cohort, model, options, err);
	lm_options_free(options);
	return rc;
}

/* Whether result pairs mentee with mentor (pairs are sorted by mentee id,
 * so a real program could search faster; a cohort round is small). */
static int has_pair(const lm_result *r, const char *mentee, const char *mentor)
{
	for (size_t i = 0; i < lm_result_pair_count(r); i++)
		if (strcmp(lm_result_pair_mentee(r, i), mentee) == 0 &&
		    strcmp(lm_result_pair_mentor(r, i), mentor) == 0)
			return 1;
	return 0;
}

/* How many of the pairs run 1 kept are still there in r. */
static size_t still_kept(const lm_result *kept_run, const lm_result *r)
{
	size_t n = 0;

	for (size_t i = 0; i < lm_result_pair_count(kept_run); i++)
		if (lm_result_pair_kept(kept_run, i) &&
		    has_pair(r, lm_result_pair_mentee(kept_run, i), lm_result_pair_mentor(kept_run, i)))
			n++;
	return n;
}

static size_t count_kept(const lm_result *r)
{
	size_t n = 0;

	for (size_t i = 0; i < lm_result_pair_count(r); i++)
		n += lm_result_pair_kept(r, i) ? 1 : 0;
	return n;
}

int main(int argc, char **argv)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *kept = NULL, *costly = NULL, *free_break = NULL;
	lm_error *err = NULL;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s COHORT.json\n", argv[0]);
		return 2;
	}
	if (lm_cohort_load_file(&cohort, argv[1], &err) < 0)
		return fail(err);
	/* A kept pair that breaks a hard rule (say a mentor moved away) stops
	 * lm_match with LM_EINFEASIBLE naming the pair: staff decide. */
	if (lm_model_new_preset(&model, LM_PRESET_ROLE_MODEL, &err) < 0 ||
	    run(&kept, cohort, model, 1, 0, &err) < 0 ||
	    run(&costly, cohort, model, 0, 10 * (lm_score)LM_SCORE_SCALE, &err) < 0 ||
	    run(&free_break, cohort, model, 0, 0, &err) < 0) {
		rc = fail(err);
		goto out;
	}
	size_t ongoing = count_kept(kept);

	printf("keep current pairs:   %zu kept, %zu new, %zu unmatched\n", ongoing,
	       lm_result_pair_count(kept) - ongoing, lm_result_unmatched_count(kept));
	printf("re-optimise, cost 10: %zu of %zu ongoing pairs survive, %zu unmatched\n",
	       still_kept(kept, costly), ongoing, lm_result_unmatched_count(costly));
	printf("re-optimise, cost 0:  %zu of %zu ongoing pairs survive, %zu unmatched\n",
	       still_kept(kept, free_break), ongoing, lm_result_unmatched_count(free_break));

	/* Kept pairs come first in a mentor's places, and the kept run never
	 * changes them: check it, as a program would before sending emails. */
	if (still_kept(kept, kept) != ongoing) {
		fprintf(stderr, "a kept pair is missing\n");
		rc = 1;
	}
out:
	lm_result_free(free_break);
	lm_result_free(costly);
	lm_result_free(kept);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return rc;
}
