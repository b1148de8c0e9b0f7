/* The matching options shared by `libmatch match` and `libmatch explain`
 * (which runs the same match to say what happened to a mentee). */
#ifndef LM_CLI_MATCH_ARGS_H
#define LM_CLI_MATCH_ARGS_H

#include "cli/cli.h"

#define LM_CLI_MATCH_ENTRIES 10

typedef struct lm_cli_match_args {
	char *algorithm, *objective, *proposers, *break_cost;
	gint64 top_k, seed;
	gint threads;
	gboolean rematch, no_what_if;
	GOptionEntry entries[LM_CLI_MATCH_ENTRIES];
} lm_cli_match_args;

/* Defaults, and the option entries (into a) for g_option_context_add_main_entries(). */
void lm_cli_match_args_init(lm_cli_match_args *a);
void lm_cli_match_args_clear(lm_cli_match_args *a);

/* Checks the parsed values and applies them to o; EX_OK or a usage error
 * (printed, naming `command`). */
int lm_cli_match_args_apply(const lm_cli_match_args *a, lm_options *o, const char *command);

#endif
