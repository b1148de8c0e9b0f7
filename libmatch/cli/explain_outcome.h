/* What `libmatch explain COHORT [MENTEE]` prints from a match result: one
 * mentee's outcome, or the what-if over everyone left unmatched. Staff
 * only: blocked-by counts and what-if name private rules. */
#ifndef LM_CLI_EXPLAIN_OUTCOME_H
#define LM_CLI_EXPLAIN_OUTCOME_H

#include "cli/cli.h"

/* The mentee's pairs (mentor, score, each criterion's contribution) and,
 * when they want more than they got, the unmatched reason with its detail. */
void lm_cli_print_outcome(const lm_result *result, const char *mentee, gboolean json);

/* How many more pairs relaxing each hard rule alone would allow, best first. */
void lm_cli_print_what_if(const lm_result *result, gboolean json);

#endif
