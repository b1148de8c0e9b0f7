/* libmatch: the command-line batch job. Dispatches to one subcommand. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "match", lm_cli_match, "score a cohort and assign the best pairs, with reasons" },
	{ "assign", lm_cli_assign, "solve your own scores: an edge list and capacities" },
	{ "stable", lm_cli_stable, "stable matching or choice rounds on ranked preferences" },
	{ "validate", lm_cli_validate, "check a cohort (and its fit to a model)" },
	{ "explain", lm_cli_explain, "show why a mentee and a mentor would or would not pair" },
	{ "verify", lm_cli_verify, "check a result: rules, scores, and proof of optimality" },
};

static void print_help(FILE *f)
{
	fprintf(f, "Usage: libmatch COMMAND [OPTION...] [ARGUMENT...]\n\n"
		   "Pairs mentees with mentors: the best pairs for the whole cohort under hard\n"
		   "constraints and capacities, with the reasons for every pair and every\n"
		   "mentee left unmatched.\n\nCommands:\n");
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nOptions:\n  -h, --help     show this help (COMMAND --help for a command's)\n"
		   "  --version      show the version\n\n"
		   "'libmatch match' with no cohort runs on the bundled sample cohort.\n"
		   "Exit codes: 0 ok, 64 usage, 65 bad input data, 66 input missing or unreadable,\n"
		   "70 internal error, 73 output cannot be created, 74 I/O error.\n"
		   "Manual: man libmatch, or docs/cli.md.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stderr);
		return EX_USAGE;
	}
	if (g_str_equal(argv[1], "--help") || g_str_equal(argv[1], "-h") ||
	    g_str_equal(argv[1], "help")) {
		print_help(stdout);
		return EX_OK;
	}
	if (g_str_equal(argv[1], "--version")) {
		printf("libmatch %s\n", lm_version_string());
		return EX_OK;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		if (g_str_equal(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "libmatch: unknown command '%s'\nTry 'libmatch --help'.\n", argv[1]);
	return EX_USAGE;
}
