/* libmatch validate COHORT: check a cohort file and its fit to a model. */
#include <stdio.h>
#include "cli/cli.h"

int lm_cli_validate(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	GOptionEntry entries[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset (role_model, tutoring) or libmatch-model file", "NAME|FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("COHORT");
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_error *err = NULL;
	int rc = EX_OK;

	g_option_context_set_summary(ctx, "Checks COHORT (or - for standard input) against the "
				     "format and the model's\nvocabularies; prints every problem, "
				     "one per line.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (argc != 2)
		rc = lm_cli_usage("validate", "expected exactly one COHORT");
	else if (lm_cli_load_model(&model, common.model, &err) < 0 ||
		 lm_cohort_load_file(&cohort, argv[1], &err) < 0 ||
		 lm_validate(cohort, model, &err) < 0)
		rc = lm_cli_input_error(err);
	else if (!common.quiet)
		/* Named as problems would name it: standard input is "<stdin>". */
		printf("%s: valid: %zu mentees, %zu mentors\n",
		       g_str_equal(argv[1], "-") ? "<stdin>" : argv[1],
		       lm_cohort_count(cohort, LM_ROLE_MENTEE), lm_cohort_count(cohort, LM_ROLE_MENTOR));
	lm_cohort_free(cohort);
	lm_model_free(model);
	lm_cli_common_clear(&common);
	return rc;
}
