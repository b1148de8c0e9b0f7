/* Shared pieces of the result writers. Not API. */
#ifndef LM_RESULT_FORMAT_H
#define LM_RESULT_FORMAT_H

#include <glib.h>
#include "libmatch/match.h"

/* Appends a fixed-point score exactly: at least one and at most six
 * decimals, trailing zeros dropped ("81.25", "30.0", "-0.5"). */
void lm_append_score(GString *s, lm_score score);

void lm_result_write_json(const lm_result *r, GString *out);
void lm_result_write_csv(const lm_result *r, GString *out);

#endif
