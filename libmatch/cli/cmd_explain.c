/* libmatch explain COHORT MENTEE MENTOR: one pair, criterion by criterion,
 * for staff (everything) or for one side (nothing of the other side's
 * private requests; docs/privacy.md). With COHORT MENTEE or COHORT alone,
 * for staff: what the match did for that mentee, or the what-if for
 * everyone it left unmatched. */
#include <stdio.h>
#include "cli/explain_outcome.h"
#include "cli/match_args.h"

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
	lm_cli_print_score(lm_explanation_score(e));
	printf("\n%-14s %-6s %s\n", "criterion", "hard", "contribution");
	for (size_t c = 0; c < lm_explanation_criterion_count(e); c++) {
		printf("%-14s %-6s ", lm_explanation_criterion_name(e, c),
		       verdict(lm_explanation_passed(e, c)));
		lm_cli_print_score(lm_explanation_contribution(e, c));
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
	lm_cli_print_score(lm_explanation_score(e));
	printf(",\n \"criteria\": [");
	for (size_t c = 0; c < lm_explanation_criterion_count(e); c++) {
		int passed = lm_explanation_passed(e, c);

		printf("%s\n  {\"name\": \"%s\", \"hard\": %s, \"contribution\": ", c ? "," : "",
		       lm_explanation_criterion_name(e, c),
		       passed < 0 ? "null" : passed ? "\"pass\"" : "\"fail\"");
		lm_cli_print_score(lm_explanation_contribution(e, c));
		putchar('}');
	}
	printf("%s]}\n", lm_explanation_criterion_count(e) ? "\n " : "");
}

static int explain_pair(const lm_cohort *cohort, const lm_model *model, char **argv,
			int audience, gboolean json)
{
	lm_explanation *e = NULL;
	lm_error *err = NULL;

	if (lm_explain_for(&e, cohort, model, argv[2], argv[3], audience, &err) < 0)
		return lm_cli_input_error(err);
	(json ? print_json : print_text)(e, argv[2], argv[3], audience);
	lm_explanation_free(e);
	return EX_OK;
}

/* Runs the match as `libmatch match` would, then tells one mentee's
 * outcome (argv[2]) or the what-if for the unmatched. */
static int explain_match(const lm_cohort *cohort, const lm_model *model, int argc, char **argv,
			 const lm_cli_match_args *a, gboolean json)
{
	lm_options *opt = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	lm_role role;
	int rc;

	if (argc == 3 && lm_cohort_find(cohort, argv[2], &role, NULL, &err) < 0)
		return lm_cli_input_error(err);
	if (argc == 3 && role != LM_ROLE_MENTEE) {
		fprintf(stderr, "'%s' is not a mentee\n", argv[2]);
		return EX_DATAERR;
	}
	if (lm_options_new(&opt, NULL) < 0)
		return EX_OSERR;
	if ((rc = lm_cli_match_args_apply(a, opt, "explain")) == EX_OK) {
		if (lm_match(&result, cohort, model, opt, &err) < 0)
			rc = lm_cli_input_error(err);
		else if (argc == 3)
			lm_cli_print_outcome(result, argv[2], json);
		else
			lm_cli_print_what_if(result, json);
	}
	lm_result_free(result);
	lm_options_free(opt);
	return rc;
}

int lm_cli_explain(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	lm_cli_match_args a;
	char *audience_name = NULL;
	GOptionEntry entries[] = {
		{ "audience", 0, 0, G_OPTION_ARG_STRING, &audience_name,
		  "For a pair: staff (default: everything), mentee or mentor (nothing of the "
		  "other side's private requests)", "WHO" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &common.format, "text (default) or json",
		  "FORMAT" },
		{ NULL },
	};
	GOptionEntry model_entry[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset (role_model, tutoring) or libmatch-model file", "NAME|FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("COHORT [MENTEE [MENTOR]]");
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_error *err = NULL;
	int audience = LM_AUDIENCE_STAFF;
	gboolean json = FALSE;
	int rc = EX_OK;

	lm_cli_match_args_init(&a);
	g_option_context_add_main_entries(ctx, model_entry, NULL);
	g_option_context_set_summary(
		ctx, "With MENTEE and MENTOR (ids): each hard constraint's verdict and each "
		     "criterion's\ncontribution for that pair of COHORT. For --audience mentee "
		     "or mentor, a pair\nthat breaks a rule is only \"not available\" "
		     "(docs/privacy.md).\n\nWith MENTEE alone: runs the match (the options below, "
		     "as for libmatch match)\nand shows that mentee's pairs, or why they are "
		     "unmatched. With COHORT alone:\nhow many more could be matched if each "
		     "single hard rule were relaxed. Both\nare for staff only.");
	g_option_context_add_main_entries(ctx, a.entries, NULL);
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (audience_name && (audience = lm_audience_from_name(audience_name)) < 0)
		rc = lm_cli_usage("explain", "--audience must be staff, mentee or mentor");
	else if (common.format && !g_str_equal(common.format, "text") &&
		 !(json = g_str_equal(common.format, "json")))
		rc = lm_cli_usage("explain", "--format must be text or json");
	else if (argc < 2 || argc > 4)
		rc = lm_cli_usage("explain", "expected COHORT [MENTEE [MENTOR]]");
	else if (argc == 2 && a.no_what_if)
		rc = lm_cli_usage("explain", "explain COHORT is the what-if: --no-what-if leaves "
				  "nothing to show");
	else if (argc < 4 && audience != LM_AUDIENCE_STAFF)
		rc = lm_cli_usage("explain", "--audience mentee or mentor needs MENTEE and MENTOR: "
				  "a mentee's outcome and the what-if are for staff");
	else if (lm_cli_load_model(&model, common.model, &err) < 0 ||
		 lm_cohort_load_file(&cohort, argv[1], &err) < 0)
		rc = lm_cli_input_error(err);
	else {
		rc = argc == 4 ? explain_pair(cohort, model, argv, audience, json)
			       : explain_match(cohort, model, argc, argv, &a, json);
		if (rc == EX_OK && fflush(stdout) != 0)
			rc = EX_IOERR;
	}
	lm_cohort_free(cohort);
	lm_model_free(model);
	lm_cli_match_args_clear(&a);
	g_free(audience_name);
	lm_cli_common_clear(&common);
	return rc;
}
