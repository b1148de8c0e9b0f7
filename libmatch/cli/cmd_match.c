/* libmatch match COHORT: score, assign, write the result. */
#include <stdio.h>
#include "cli/match_args.h"

static int run(const char *cohort_path, const lm_cli_common *common, const lm_options *opt)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	gint64 t0 = g_get_monotonic_time();
	int rc;

	if (lm_cli_load_model(&model, common->model, &err) < 0)
		return lm_cli_input_error(err);
	if (lm_cli_load_cohort(&cohort, cohort_path, common->model, &err) < 0) {
		lm_model_free(model);
		return lm_cli_input_error(err);
	}
	lm_cli_note(common, "loaded %zu mentees and %zu mentors in %.3f s",
		    lm_cohort_count(cohort, LM_ROLE_MENTEE), lm_cohort_count(cohort, LM_ROLE_MENTOR),
		    (g_get_monotonic_time() - t0) / 1e6);
	t0 = g_get_monotonic_time();
	if (lm_match(&result, cohort, model, opt, &err) < 0)
		rc = lm_cli_input_error(err);
	else {
		lm_cli_note(common, "matched %zu pairs, %zu unmatched, in %.3f s",
			    lm_result_pair_count(result), lm_result_unmatched_count(result),
			    (g_get_monotonic_time() - t0) / 1e6);
		rc = lm_cli_write_result(result, cohort, common);
	}
	lm_result_free(result);
	lm_cohort_free(cohort);
	lm_model_free(model);
	return rc;
}

int lm_cli_match(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	lm_cli_match_args a;
	char *audience_name = NULL;
	GOptionEntry model_entry[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset (role_model, tutoring) or libmatch-model file", "NAME|FILE" },
		{ NULL },
	};
	GOptionEntry entries[] = {
		{ "audience", 0, 0, G_OPTION_ARG_STRING, &audience_name,
		  "Who the result is for: staff (default), mentee or mentor; the others' "
		  "private requests are withheld", "WHO" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &common.format,
		  "json (default), csv or html (the staff report)", "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &common.output,
		  "Write to FILE (atomically, mode 0600) instead of standard output", "FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("[COHORT]");
	lm_options *opt = NULL;
	int audience = LM_AUDIENCE_STAFF;
	int rc;

	lm_cli_match_args_init(&a);
	g_option_context_add_main_entries(ctx, model_entry, NULL);
	g_option_context_add_main_entries(ctx, a.entries, NULL);
	g_option_context_set_summary(ctx, "Scores every candidate pair of COHORT (a libmatch-cohort "
				     "file, or - for standard input)\nand assigns the best pairs. "
				     "Without COHORT, runs on the bundled sample cohort.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (argc > 2)
		rc = lm_cli_usage("match", "too many arguments");
	else if (common.format && lm_format_from_name(common.format) < 0)
		rc = lm_cli_usage("match", "unknown --format (see --help)");
	else if (audience_name && (audience = lm_audience_from_name(audience_name)) < 0)
		rc = lm_cli_usage("match", "--audience must be staff, mentee or mentor");
	else if (lm_options_new(&opt, NULL) < 0)
		rc = EX_OSERR;
	else if ((rc = lm_cli_match_args_apply(&a, opt, "match")) == EX_OK) {
		lm_options_set_audience(opt, audience, NULL);
		rc = run(argc == 2 ? argv[1] : NULL, &common, opt);
	}
	lm_options_free(opt);
	lm_cli_match_args_clear(&a);
	g_free(audience_name);
	lm_cli_common_clear(&common);
	return rc;
}
