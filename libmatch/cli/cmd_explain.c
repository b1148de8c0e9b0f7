/* libmatch explain COHORT MENTEE MENTOR: one pair, criterion by criterion. */
#include <stdio.h>
#include "cli/cli.h"

static void print_score(lm_score s)
{
	printf("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, s < 0 ? "-" : "",
	       (s < 0 ? -s : s) / LM_SCORE_SCALE, (s < 0 ? -s : s) % LM_SCORE_SCALE);
}

static void print_explanation(const lm_explanation *e, const char *mentee, const char *mentor)
{
	printf("pair %s / %s: %s, score ", mentee, mentor,
	       lm_explanation_feasible(e) ? "feasible" : "infeasible");
	print_score(lm_explanation_score(e));
	printf("\n%-14s %-6s %s\n", "criterion", "hard", "contribution");
	for (size_t c = 0; c < lm_explanation_criterion_count(e); c++) {
		int passed = lm_explanation_passed(e, c);

		printf("%-14s %-6s ", lm_explanation_criterion_name(e, c),
		       passed < 0 ? "-" : passed ? "pass" : "FAIL");
		print_score(lm_explanation_contribution(e, c));
		putchar('\n');
	}
}

int lm_cli_explain(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	GOptionEntry entries[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset (role_model, tutoring) or libmatch-model file", "NAME|FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("COHORT MENTEE MENTOR");
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_explanation *e = NULL;
	lm_error *err = NULL;
	int rc = EX_OK;

	g_option_context_set_summary(ctx, "Shows each hard constraint's verdict and each "
				     "criterion's contribution for\nthe pair MENTEE / MENTOR (ids) "
				     "of COHORT.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (argc != 4)
		rc = lm_cli_usage("explain", "expected COHORT MENTEE MENTOR");
	else if (lm_cli_load_model(&model, common.model, &err) < 0 ||
		 lm_cohort_load_file(&cohort, argv[1], &err) < 0 ||
		 lm_explain(&e, cohort, model, argv[2], argv[3], &err) < 0)
		rc = lm_cli_input_error(err);
	else {
		print_explanation(e, argv[2], argv[3]);
		if (fflush(stdout) != 0)
			rc = EX_IOERR;
	}
	lm_explanation_free(e);
	lm_cohort_free(cohort);
	lm_model_free(model);
	lm_cli_common_clear(&common);
	return rc;
}
