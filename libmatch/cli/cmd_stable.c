/* libmatch stable PREFS.json: stable matching (or choice rounds) on ranked
 * preferences. */
#include <stdio.h>
#include "cli/cli.h"
#include <libmatch/stable.h>

typedef struct stable_args {
	char *proposers, *algorithm;
	gint64 seed;
} stable_args;

/* Checks the options; 0 when they are usable, else the usage exit code. */
static int check_args(const stable_args *a, const lm_cli_common *common, int argc)
{
	if (argc != 2)
		return lm_cli_usage("stable", "expected exactly one PREFS.json");
	if (a->proposers && lm_proposers_from_name(a->proposers) < 0)
		return lm_cli_usage("stable", "--proposers must be mentees or mentors");
	if (a->algorithm && !g_str_equal(a->algorithm, "stable") &&
	    !g_str_equal(a->algorithm, "rounds"))
		return lm_cli_usage("stable", "--algorithm must be stable or rounds");
	if (a->seed < 0)
		return lm_cli_usage("stable", "--seed must not be negative");
	if (common->format && !g_str_equal(common->format, "json") &&
	    !g_str_equal(common->format, "csv"))
		return lm_cli_usage("stable", "--format must be json or csv");
	return 0;
}

static int run(const char *path, const stable_args *a, const lm_cli_common *common)
{
	lm_prefs *prefs = NULL;
	lm_result *result = NULL;
	lm_options *opt = NULL;
	lm_error *err = NULL;
	gint64 t0 = g_get_monotonic_time();
	int rc;

	if (lm_prefs_load_file(&prefs, path, &err) < 0)
		return lm_cli_input_error(err);
	lm_cli_note(common, "loaded %zu mentees and %zu mentors in %.3f s",
		    lm_prefs_count(prefs, LM_ROLE_MENTEE), lm_prefs_count(prefs, LM_ROLE_MENTOR),
		    (g_get_monotonic_time() - t0) / 1e6);
	lm_options_new(&opt, NULL);
	lm_options_set_seed(opt, (uint64_t)a->seed, NULL);
	lm_options_set_algorithm(opt, lm_algorithm_from_name(a->algorithm ? a->algorithm
									  : "stable"), NULL);
	if (a->proposers)
		lm_options_set_proposers(opt, lm_proposers_from_name(a->proposers), NULL);
	t0 = g_get_monotonic_time();
	if (lm_prefs_solve(&result, prefs, opt, &err) < 0) {
		rc = lm_cli_input_error(err);
	} else {
		lm_cli_note(common, "matched %zu pairs, %zu mentees short, in %.3f s",
			    lm_result_pair_count(result), lm_result_unmatched_count(result),
			    (g_get_monotonic_time() - t0) / 1e6);
		rc = lm_cli_write_result(result, NULL, common);
	}
	lm_result_free(result);
	lm_options_free(opt);
	lm_prefs_free(prefs);
	return rc;
}

int lm_cli_stable(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	stable_args a = { .seed = 1 };
	GOptionEntry entries[] = {
		{ "proposers", 'p', 0, G_OPTION_ARG_STRING, &a.proposers,
		  "Who proposes: mentees (default) or mentors; the result is best for them",
		  "SIDE" },
		{ "algorithm", 'a', 0, G_OPTION_ARG_STRING, &a.algorithm,
		  "stable (default) or rounds (mentees choose in file order)", "NAME" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &a.seed,
		  "Recorded in the result (strict rankings leave nothing to chance)", "S" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &common.format, "json (default) or csv",
		  "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &common.output,
		  "Write to FILE (atomically, mode 0600) instead of standard output", "FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("PREFS.json");
	int rc;

	g_option_context_set_summary(ctx, "Matches ranked preferences (- for standard input): "
				     "the stable matching\nbest for the proposing side, where no "
				     "mentee and mentor would both rather\nbe paired together. "
				     "A pair is acceptable only when each lists the other.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if ((rc = check_args(&a, &common, argc)) == 0)
		rc = run(argv[1], &a, &common);
	g_free(a.proposers);
	g_free(a.algorithm);
	lm_cli_common_clear(&common);
	return rc;
}
