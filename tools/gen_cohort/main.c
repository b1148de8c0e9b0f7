/* lm-gen-cohort: seeded synthetic cohorts in the libmatch-cohort v1 format.
 *
 * The people are invented, but their traits follow the published population
 * figures of the design notes (DOMAIN.md: arrivals per year, 72% women,
 * provinces of origin and residence, age at arrival...), so that tests and
 * benchmarks see realistic feasibility and score structure.
 *
 * The parts: options.c reads the command line; rng.c gives the seeded random
 * numbers; population.c, people.c and choices.c draw people, as role_model.c
 * and tutoring.c direct for each program; write_json.c streams the file. */
#define _POSIX_C_SOURCE 200809L /* fdopen() */
#include "gen_cohort.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sysexits.h>

/* Writes to -o FILE atomically: a temporary file renamed when complete. */
static int run(gen_ctx *g, const char *output, const char *command)
{
	g_autofree char *tmp = NULL;

	if (!output || strcmp(output, "-") == 0) {
		g->fp = stdout;
		generate(g, command);
		if (fflush(stdout) != 0 || g->write_failed) {
			g_printerr("lm-gen-cohort: cannot write standard output: %s\n",
				   g_strerror(errno));
			return EX_IOERR;
		}
		return 0;
	}
	tmp = g_strdup_printf("%s.XXXXXX", output);
	int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
	if (fd < 0 || !(g->fp = fdopen(fd, "w"))) {
		g_printerr("lm-gen-cohort: cannot create %s: %s\n", output, g_strerror(errno));
		return EX_CANTCREAT;
	}
	generate(g, command);
	if (fclose(g->fp) != 0 || g->write_failed || g_rename(tmp, output) != 0) {
		g_printerr("lm-gen-cohort: cannot write %s: %s\n", output, g_strerror(errno));
		g_unlink(tmp);
		return EX_IOERR;
	}
	return 0;
}

int main(int argc, char **argv)
{
	gen_args a = {0};
	gen_ctx g = {0};
	g_autofree char *msg = parse_args(&argc, &argv, &a, &g);
	g_autofree char *command = NULL;
	int rc;

	if (msg) {
		g_printerr("lm-gen-cohort: %s\nTry 'lm-gen-cohort --help'.\n", msg);
		args_clear(&a);
		return EX_USAGE;
	}
	command = describe(&g);
	g.out = g_string_sized_new(2u << 20);
	rc = run(&g, a.output, command);
	g_string_free(g.out, TRUE);
	args_clear(&a);
	return rc;
}
