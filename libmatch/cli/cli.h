/* Shared pieces of the libmatch command-line tool. */
#ifndef LM_CLI_H
#define LM_CLI_H

#include <glib.h>
#include <sysexits.h>
#include <libmatch/libmatch.h>

/* The subcommands: argv[0] is the subcommand's name. Each returns an exit code. */
int lm_cli_match(int argc, char **argv);
int lm_cli_assign(int argc, char **argv);
int lm_cli_stable(int argc, char **argv);
int lm_cli_validate(int argc, char **argv);
int lm_cli_explain(int argc, char **argv);
int lm_cli_verify(int argc, char **argv);

/* Common options, shared by every subcommand that has them. */
typedef struct lm_cli_common {
	char *model;    /* preset name or file; NULL = role_model */
	char *output;   /* -o FILE; NULL = standard output */
	char *format;   /* json | csv */
	gboolean quiet, verbose;
} lm_cli_common;

/* Parses argv with the subcommand's entries plus -q/-v; on a usage error
 * prints it and returns FALSE. */
gboolean lm_cli_parse(GOptionContext *ctx, GOptionEntry *entries, lm_cli_common *common,
		      int *argc, char ***argv);
void lm_cli_common_clear(lm_cli_common *common);

/* Prints a usage error ("libmatch CMD: message" and a hint) and returns EX_USAGE. */
int lm_cli_usage(const char *command, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Prints every problem of a report, one per line, to standard error, and
 * returns the exit code for a failure while reading input. */
int lm_cli_input_error(lm_error *err);
/* The same for a failure while writing output (73 when the file cannot be
 * created). */
int lm_cli_output_error(lm_error *err);

/* Loads a cohort: a path, "-" for standard input, or NULL for the bundled
 * sample matching the model (role_model or tutoring). */
int lm_cli_load_cohort(lm_cohort **out, const char *path, const char *model, lm_error **err);
/* Loads a model: a preset name, or else a libmatch-model file. */
int lm_cli_load_model(lm_model **out, const char *name_or_path, lm_error **err);

/* Writes the result to -o FILE (atomically, 0600) or standard output; the
 * HTML report gets the cohort (optional) for its coverage charts. */
int lm_cli_write_result(const lm_result *result, const lm_cohort *cohort,
			const lm_cli_common *common);

/* A score in points with six decimals, as the result files write it. */
void lm_cli_print_score(lm_score score);

/* Progress and diagnostics on standard error, only with -v; never values. */
void lm_cli_note(const lm_cli_common *common, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

#endif
