/* The matching options shared by `libmatch match` and `libmatch explain`. */
#include <string.h>
#include "cli/match_args.h"

/* --top-k not given: the model's value applies. */
#define TOP_K_UNSET G_MININT64

void lm_cli_match_args_init(lm_cli_match_args *a)
{
	const GOptionEntry entries[LM_CLI_MATCH_ENTRIES] = {
		{ "algorithm", 'a', 0, G_OPTION_ARG_STRING, &a->algorithm,
		  "optimal (default), stable, greedy, fair or rounds", "NAME" },
		{ "objective", 0, 0, G_OPTION_ARG_STRING, &a->objective,
		  "coverage (default: most matched, then best total) or score", "NAME" },
		{ "proposers", 'p', 0, G_OPTION_ARG_STRING, &a->proposers,
		  "Stable: the side that proposes, mentees (default) or mentors", "SIDE" },
		{ "rematch", 'r', 0, G_OPTION_ARG_NONE, &a->rematch,
		  "Re-optimise everyone, current pairs included (optimal, greedy)", NULL },
		{ "break-cost", 0, 0, G_OPTION_ARG_STRING, &a->break_cost,
		  "With --rematch: points lost per current pair broken (default 10)", "POINTS" },
		{ "top-k", 'k', 0, G_OPTION_ARG_INT64, &a->top_k,
		  "Start from the K best candidates per mentee (0 = all); still exact", "K" },
		{ "threads", 'j', 0, G_OPTION_ARG_INT, &a->threads, "Scoring threads (default 1)", "N" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &a->seed, "Tie-break seed (default 1)", "S" },
		{ "no-what-if", 0, 0, G_OPTION_ARG_NONE, &a->no_what_if,
		  "Leave out the what-if for the unmatched (which single rule, relaxed, "
		  "would let the most more be matched)", NULL },
		{ NULL },
	};

	memset(a, 0, sizeof *a);
	a->top_k = TOP_K_UNSET;
	a->seed = 1;
	a->threads = 1;
	memcpy(a->entries, entries, sizeof entries);
}

void lm_cli_match_args_clear(lm_cli_match_args *a)
{
	g_free(a->algorithm);
	g_free(a->objective);
	g_free(a->proposers);
	g_free(a->break_cost);
	a->algorithm = a->objective = a->proposers = a->break_cost = NULL;
}

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
static int apply_policy(const lm_cli_match_args *a, lm_options *o, const char *command)
{
	int side = a->proposers ? lm_proposers_from_name(a->proposers) : 0;
	lm_score cost = 0;

	if (side < 0)
		return lm_cli_usage(command, "--proposers must be mentees or mentors");
	if (a->break_cost && !parse_points(a->break_cost, &cost))
		return lm_cli_usage(command, "--break-cost must be 0 to 1000 points, at most 6 "
				    "decimals");
	if (a->break_cost && !a->rematch)
		return lm_cli_usage(command, "--break-cost applies only with --rematch");
	lm_options_set_proposers(o, side, NULL);
	lm_options_set_keep_current(o, !a->rematch, NULL);
	if (a->break_cost)
		lm_options_set_break_cost(o, cost, NULL);
	return EX_OK;
}

int lm_cli_match_args_apply(const lm_cli_match_args *a, lm_options *o, const char *command)
{
	int alg = a->algorithm ? lm_algorithm_from_name(a->algorithm) : 0;
	int obj = a->objective ? lm_objective_from_name(a->objective) : 0;

	if (alg < 0)
		return lm_cli_usage(command,
				    "--algorithm must be optimal, stable, greedy, fair or rounds");
	if (obj < 0)
		return lm_cli_usage(command, "--objective must be coverage or score");
	if (a->rematch && a->algorithm && alg != LM_ALGORITHM_OPTIMAL && alg != LM_ALGORITHM_GREEDY)
		return lm_cli_usage(command, "--rematch works with --algorithm optimal or greedy");
	if ((a->algorithm && lm_options_set_algorithm(o, alg, NULL) < 0) ||
	    (a->objective && lm_options_set_objective(o, obj, NULL) < 0))
		return EX_SOFTWARE;
	if (a->top_k != TOP_K_UNSET && lm_options_set_top_k(o, (long)a->top_k, NULL) < 0)
		return lm_cli_usage(command, "--top-k must be from 0 to 1000000");
	if (lm_options_set_threads(o, a->threads, NULL) < 0)
		return lm_cli_usage(command, "--threads must be from 1 to 256");
	if (a->seed < 0)
		return lm_cli_usage(command, "--seed must not be negative");
	lm_options_set_seed(o, (uint64_t)a->seed, NULL);
	lm_options_set_what_if(o, !a->no_what_if, NULL);
	return apply_policy(a, o, command);
}
