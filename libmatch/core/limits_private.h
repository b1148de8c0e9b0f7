/* Input limits: the lm_limits layout and the checks shared by the readers.
 * Not API. */
#ifndef LM_LIMITS_PRIVATE_H
#define LM_LIMITS_PRIVATE_H

#include <glib.h>
#include "libmatch/limits.h"
#include "core/error_private.h"

struct lm_limits {
	size_t file_bytes;
	size_t people;
	size_t string_bytes;
	size_t list_length;
	int depth;
};

/* The limits to apply: l itself, or the defaults for NULL. */
const lm_limits *lm_limits_get(const lm_limits *l);

/* LM_ELIMIT, located at the file, when len is over the file limit. */
int lm_limits_check_size(const lm_limits *l, const char *file, size_t len, lm_error **err);

/* One pass over JSON text before it is parsed: strings longer than the
 * string limit, arrays and objects with more entries than the list limit
 * (the root's "mentees" and "mentors": more than the people limit), and
 * nesting deeper than a depth limit below the parsers' own. Malformed text
 * is left for the parser to report. 0, or LM_ELIMIT located by line and
 * column (never quoting the input). */
int lm_limits_check_json(const lm_limits *l, const char *file, const char *text, size_t len,
			 lm_error **err);

#endif
