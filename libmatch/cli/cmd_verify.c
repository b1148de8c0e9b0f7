/* libmatch verify COHORT RESULT: check a result and prove what it claims. */
#include <stdio.h>
#include <cjson/cJSON.h>
#include "cli/cli.h"

/* The result's own model name when it is a preset, so that a tutoring
 * result verifies without --model; any other name needs --model. */
static char *model_of(const char *text, size_t len)
{
	cJSON *root = cJSON_ParseWithLength(text, len);
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "model");
	char *name = NULL;

	if (cJSON_IsString(m) && (g_str_equal(m->valuestring, "role_model") ||
				  g_str_equal(m->valuestring, "tutoring")))
		name = g_strdup(m->valuestring);
	cJSON_Delete(root);
	return name;
}

/* What was proved, from the result's own claims (verify checked them). */
static const char *proof_of(const char *text, size_t len)
{
	cJSON *root = cJSON_ParseWithLength(text, len);
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, "algorithm");
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(root, "summary");
	gboolean optimal = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "optimal"));
	const char *what = "no optimality claimed";

	if (cJSON_IsString(a) && g_str_equal(a->valuestring, "stable"))
		what = "stable: no blocking pair";
	else if (cJSON_IsString(a) && g_str_equal(a->valuestring, "fair"))
		what = "fair: coverage, lowest score and total proved";
	else if (optimal)
		what = "optimal: proved by dual prices";
	cJSON_Delete(root);
	return what;
}

static int verify(const char *cohort_path, const char *result_path, const lm_cli_common *common)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_error *err = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (lm_cohort_load_file(&cohort, cohort_path, &err) < 0)
		return lm_cli_input_error(err);
	if (!g_file_get_contents(result_path, &text, &len, NULL)) {
		lm_cohort_free(cohort);
		fprintf(stderr, "%s: cannot read file\n", result_path);
		return EX_NOINPUT;
	}
	g_autofree char *preset = common->model ? NULL : model_of(text, len);

	if (lm_cli_load_model(&model, common->model ? common->model : preset, &err) < 0 ||
	    lm_verify(cohort, model, text, len, result_path, &err) < 0)
		rc = lm_cli_input_error(err);
	else {
		if (!common->quiet)
			printf("%s: ok: capacities, hard constraints and scores hold; %s\n",
			       result_path, proof_of(text, len));
		rc = fflush(stdout) == 0 ? EX_OK : EX_IOERR;
	}
	g_free(text);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return rc;
}

int lm_cli_verify(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	GOptionEntry entries[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset or libmatch-model file (default: the result's preset)", "NAME|FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("COHORT RESULT");
	int rc;

	g_option_context_set_summary(ctx, "Checks RESULT (a libmatch-result file) against COHORT: "
				     "capacities, every hard\nconstraint, every score; proves "
				     "optimality from dual prices (optimal, fair)\nor lists the "
				     "blocking pairs (stable). Exit 65 on any violation.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (argc != 3)
		rc = lm_cli_usage("verify", "expected COHORT RESULT");
	else
		rc = verify(argv[1], argv[2], &common);
	lm_cli_common_clear(&common);
	return rc;
}
