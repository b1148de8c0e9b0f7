/* libmatch match COHORT: score, assign, write the result. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

/* --top-k not given: the model's value applies. */
#define TOP_K_UNSET G_MININT64

typedef struct {
	char *algorithm, *objective, *proposers, *break_cost, *audience;
	gint64 top_k, seed;
	gint threads;
	gboolean rematch;
} match_args;

/* Points with at most 6 decimals, 0 to 1000, into millionths. */
static gboolean parse_points(const char *text, lm_score *out)
{
	char *end = NULL;
	double v = g_ascii_strtod(text, &end);
	const char *dot = strchr(text, '.');

	if (end == text || *end || !(v >= 0 && v <= 1000) || (dot && strlen(dot + 1) > 6))
		return FALSE;
	*out = (lm_score)(v * LM_SCORE_SCALE + 0.5);
	return TRUE;
}

/* The policy options: proposing side, re-matching, break cost. */
static int set_policy(lm_options *o, const match_args *a)
{
	int side = a->proposers ? lm_proposers_from_name(a->proposers) : 0;
	int audience = a->audience ? lm_audience_from_name(a->audience) : LM_AUDIENCE_STAFF;
	lm_score cost = 0;

	if (audience < 0)
		return lm_cli_usage("match", "--audience must be staff, mentee or mentor");
	lm_options_set_audience(o, audience, NULL);

	if (side < 0)
		return lm_cli_usage("match", "--proposers must be mentees or mentors");
	if (a->break_cost && !parse_points(a->break_cost, &cost))
		return lm_cli_usage("match", "--break-cost must be 0 to 1000 points, at most 6 "
				    "decimals");
	if (a->break_cost && !a->rematch)
		return lm_cli_usage("match", "--break-cost applies only with --rematch");
	lm_options_set_proposers(o, side, NULL);
	lm_options_set_keep_current(o, !a->rematch, NULL);
	if (a->break_cost)
		lm_options_set_break_cost(o, cost, NULL);
	return EX_OK;
}

static int set_options(lm_options *o, const match_args *a)
{
	int alg = a->algorithm ? lm_algorithm_from_name(a->algorithm) : 0;
	int obj = a->objective ? lm_objective_from_name(a->objective) : 0;

	if (alg < 0)
		return lm_cli_usage("match", "--algorithm must be optimal, stable, greedy, fair or rounds");
	if (obj < 0)
		return lm_cli_usage("match", "--objective must be coverage or score");
	if ((a->algorithm && lm_options_set_algorithm(o, alg, NULL) < 0) ||
	    (a->objective && lm_options_set_objective(o, obj, NULL) < 0))
		return EX_SOFTWARE;
	if (a->top_k != TOP_K_UNSET && lm_options_set_top_k(o, (long)a->top_k, NULL) < 0)
		return lm_cli_usage("match", "--top-k must be from 0 to 1000000");
	if (lm_options_set_threads(o, a->threads, NULL) < 0)
		return lm_cli_usage("match", "--threads must be from 1 to 256");
	if (a->seed < 0)
		return lm_cli_usage("match", "--seed must not be negative");
	lm_options_set_seed(o, (uint64_t)a->seed, NULL);
	return set_policy(o, a);
}

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
		rc = lm_cli_write_result(result, common);
	}
	lm_result_free(result);
	lm_cohort_free(cohort);
	lm_model_free(model);
	return rc;
}

int lm_cli_match(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	match_args a = { .top_k = TOP_K_UNSET, .seed = 1, .threads = 1 };
	GOptionEntry entries[] = {
		{ "model", 'm', 0, G_OPTION_ARG_STRING, &common.model,
		  "Preset (role_model, tutoring) or libmatch-model file", "NAME|FILE" },
		{ "algorithm", 'a', 0, G_OPTION_ARG_STRING, &a.algorithm,
		  "optimal (default), stable, greedy, fair or rounds", "NAME" },
		{ "objective", 0, 0, G_OPTION_ARG_STRING, &a.objective,
		  "coverage (default: most matched, then best total) or score", "NAME" },
		{ "proposers", 'p', 0, G_OPTION_ARG_STRING, &a.proposers,
		  "Stable: the side that proposes, mentees (default) or mentors", "SIDE" },
		{ "audience", 0, 0, G_OPTION_ARG_STRING, &a.audience,
		  "Who the result is for: staff (default), mentee or mentor; the others' "
		  "private requests are withheld", "WHO" },
		{ "rematch", 'r', 0, G_OPTION_ARG_NONE, &a.rematch,
		  "Re-optimise everyone, current pairs included (optimal, greedy)", NULL },
		{ "break-cost", 0, 0, G_OPTION_ARG_STRING, &a.break_cost,
		  "With --rematch: points lost per current pair broken (default 10)", "POINTS" },
		{ "top-k", 'k', 0, G_OPTION_ARG_INT64, &a.top_k,
		  "Start from the K best candidates per mentee (0 = all); still exact", "K" },
		{ "threads", 'j', 0, G_OPTION_ARG_INT, &a.threads, "Scoring threads (default 1)", "N" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &a.seed, "Tie-break seed (default 1)", "S" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &common.format, "json (default) or csv",
		  "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &common.output,
		  "Write to FILE (atomically, mode 0600) instead of standard output", "FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("[COHORT]");
	lm_options *opt = NULL;
	int rc;

	g_option_context_set_summary(ctx, "Scores every candidate pair of COHORT (a libmatch-cohort "
				     "file, or - for standard input)\nand assigns the best pairs. "
				     "Without COHORT, runs on the bundled sample cohort.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (argc > 2)
		rc = lm_cli_usage("match", "too many arguments");
	else if (common.format && lm_format_from_name(common.format) < 0)
		rc = lm_cli_usage("match", "unknown --format (see --help)");
	else {
		lm_options_new(&opt, NULL);
		rc = set_options(opt, &a);
		if (rc == EX_OK)
			rc = run(argc == 2 ? argv[1] : NULL, &common, opt);
	}
	lm_options_free(opt);
	g_free(a.algorithm);
	g_free(a.objective);
	g_free(a.proposers);
	g_free(a.audience);
	g_free(a.break_cost);
	lm_cli_common_clear(&common);
	return rc;
}
