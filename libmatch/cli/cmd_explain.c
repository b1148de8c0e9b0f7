/* libmatch explain COHORT MENTEE MENTOR: one pair, criterion by criterion,
 * for staff (everything) or for one side (nothing of the other side's
 * private requests; docs/privacy.md). */
#include <stdio.h>
#include "cli/cli.h"

static void print_score(lm_score s)
{
	printf("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, s < 0 ? "-" : "",
	       (s < 0 ? -s : s) / LM_SCORE_SCALE, (s < 0 ? -s : s) % LM_SCORE_SCALE);
}

static const char *verdict(int passed)
{
	return passed < 0 ? "-" : passed ? "pass" : "FAIL";
}

static void print_text(const lm_explanation *e, const char *mentee, const char *mentor,
		       int audience)
{
	printf("pair %s / %s: ", mentee, mentor);
	if (lm_explanation_withheld(e)) {
		/* Nothing more: any detail could point at a private request. */
		printf("not available\n");
		return;
	}
	if (audience == LM_AUDIENCE_STAFF)
		printf("%s, score ", lm_explanation_feasible(e) ? "feasible" : "infeasible");
	else
		printf("available, score ");
	print_score(lm_explanation_score(e));
	printf("\n%-14s %-6s %s\n", "criterion", "hard", "contribution");
	for (size_t c = 0; c < lm_explanation_criterion_count(e); c++) {
		printf("%-14s %-6s ", lm_explanation_criterion_name(e, c),
		       verdict(lm_explanation_passed(e, c)));
		print_score(lm_explanation_contribution(e, c));
		putchar('\n');
	}
}

/* A libmatch-explanation v1 document. Ids are [A-Za-z0-9._-] and names are
 * fixed identifiers, so nothing needs escaping. */
static void print_json(const lm_explanation *e, const char *mentee, const char *mentor,
		       int audience)
{
	const char *status = lm_explanation_withheld(e)       ? "not_available"
			     : audience != LM_AUDIENCE_STAFF ? "available"
			     : lm_explanation_feasible(e)    ? "feasible"
							     : "infeasible";

	printf("{\"format\": \"libmatch-explanation\", \"version\": 1, \"audience\": \"%s\",\n"
	       " \"mentee\": \"%s\", \"mentor\": \"%s\", \"status\": \"%s\"",
	       lm_audience_name(audience), mentee, mentor, status);
	if (lm_explanation_withheld(e)) {
		printf("}\n");
		return;
	}
	printf(", \"score\": ");
	print_score(lm_explanation_score(e));
	printf(",\n \"criteria\": [");
	for (size_t c = 0; c < lm_explanation_criterion_count(e); c++) {
		int passed = lm_explanation_passed(e, c);

		printf("%s\n  {\"name\": \"%s\", \"hard\": %s, \"contribution\": ", c ? "," : "",
		       lm_explanation_criterion_name(e, c),
		       passed < 0 ? "null" : passed ? "\"pass\"" : "\"fail\"");
		print_score(lm_explanation_contribution(e, c));
		putchar('}');
	}
	printf("%s]}\n", lm_explanation_criterion_count(e) ? "\n " : "");
}

int lm_cli_explain(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	char *audience_name = NULL;
	GOptionEntry entries[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset (role_model, tutoring) or libmatch-model file", "NAME|FILE" },
		{ "audience", 0, 0, G_OPTION_ARG_STRING, &audience_name,
		  "staff (default: everything), mentee or mentor (nothing of the other "
		  "side's private requests)", "WHO" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &common.format, "text (default) or json",
		  "FORMAT" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("COHORT MENTEE MENTOR");
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_explanation *e = NULL;
	lm_error *err = NULL;
	int audience = LM_AUDIENCE_STAFF;
	gboolean json = FALSE;
	int rc = EX_OK;

	g_option_context_set_summary(ctx, "Shows each hard constraint's verdict and each "
				     "criterion's contribution for\nthe pair MENTEE / MENTOR (ids) "
				     "of COHORT. For --audience mentee or mentor, a pair\nthat "
				     "breaks a rule is only \"not available\" (docs/privacy.md).");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (audience_name && (audience = lm_audience_from_name(audience_name)) < 0)
		rc = lm_cli_usage("explain", "--audience must be staff, mentee or mentor");
	else if (common.format && !g_str_equal(common.format, "text") &&
		 !(json = g_str_equal(common.format, "json")))
		rc = lm_cli_usage("explain", "--format must be text or json");
	else if (argc != 4)
		rc = lm_cli_usage("explain", "expected COHORT MENTEE MENTOR");
	else if (lm_cli_load_model(&model, common.model, &err) < 0 ||
		 lm_cohort_load_file(&cohort, argv[1], &err) < 0 ||
		 lm_explain_for(&e, cohort, model, argv[2], argv[3], audience, &err) < 0)
		rc = lm_cli_input_error(err);
	else {
		(json ? print_json : print_text)(e, argv[2], argv[3], audience);
		if (fflush(stdout) != 0)
			rc = EX_IOERR;
	}
	lm_explanation_free(e);
	lm_cohort_free(cohort);
	lm_model_free(model);
	g_free(audience_name);
	lm_cli_common_clear(&common);
	return rc;
}
