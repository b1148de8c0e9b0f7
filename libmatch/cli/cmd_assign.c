/* libmatch assign EDGES.csv: the pure solver on the caller's own scores. */
#include <stdio.h>
#include "cli/cli.h"

int lm_cli_assign(int argc, char **argv)
{
	lm_cli_common common = { 0 };
	g_autofree char *capacities = NULL, *objective = NULL, *algorithm = NULL;
	gint64 seed = 1;
	GOptionEntry entries[] = {
		{ "capacities", 'c', 0, G_OPTION_ARG_FILENAME, &capacities,
		  "CSV mentor,capacity (a mentor not listed has capacity 1)", "CAPS.csv" },
		{ "objective", 0, 0, G_OPTION_ARG_STRING, &objective,
		  "coverage (default: most matched, then best total) or score", "NAME" },
		{ "algorithm", 'a', 0, G_OPTION_ARG_STRING, &algorithm,
		  "optimal (default) or greedy", "NAME" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Tie-break seed (default 1)", "S" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &common.format, "json (default), csv or html",
		  "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &common.output,
		  "Write to FILE (atomically, mode 0600) instead of standard output", "FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("EDGES.csv");
	lm_graph *graph = NULL;
	lm_result *result = NULL;
	lm_options *opt = NULL;
	lm_error *err = NULL;
	int rc;

	g_option_context_set_summary(ctx, "Solves an edge list with header mentee,mentor,score "
				     "(- for standard input):\nthe exact best assignment under the "
				     "capacities. A pair not listed is forbidden.");
	if (!lm_cli_parse(ctx, entries, &common, &argc, &argv))
		rc = EX_USAGE;
	else if (argc != 2)
		rc = lm_cli_usage("assign", "expected exactly one EDGES.csv");
	else if (objective && lm_objective_from_name(objective) < 0)
		rc = lm_cli_usage("assign", "--objective must be coverage or score");
	else if (algorithm && !g_str_equal(algorithm, "optimal") && !g_str_equal(algorithm, "greedy"))
		rc = lm_cli_usage("assign", "--algorithm must be optimal or greedy");
	else if (seed < 0)
		rc = lm_cli_usage("assign", "--seed must not be negative");
	else if (common.format && lm_format_from_name(common.format) < 0)
		rc = lm_cli_usage("assign", "unknown --format (see --help)");
	else if (lm_graph_load_csv(&graph, argv[1], capacities, &err) < 0)
		rc = lm_cli_input_error(err);
	else {
		lm_options_new(&opt, NULL);
		lm_options_set_seed(opt, (uint64_t)seed, NULL);
		if (objective)
			lm_options_set_objective(opt, lm_objective_from_name(objective), NULL);
		if (algorithm)
			lm_options_set_algorithm(opt, lm_algorithm_from_name(algorithm), NULL);
		if (lm_graph_solve(&result, graph, opt, &err) < 0)
			rc = lm_cli_input_error(err);
		else
			rc = lm_cli_write_result(result, NULL, &common);
	}
	lm_result_free(result);
	lm_graph_free(graph);
	lm_options_free(opt);
	lm_cli_common_clear(&common);
	return rc;
}
