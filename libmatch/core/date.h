/* Calendar dates of the input formats ("as_of", "waiting_since"). */
#ifndef LM_CORE_DATE_H
#define LM_CORE_DATE_H

#include <stdint.h>
#include <glib.h>

/* Strict "YYYY-MM-DD" (year 1 on) into a Julian day number: GDate's own
 * parser guesses at many other forms, and a guess about a date a person
 * started waiting would silently reorder who is matched first. */
gboolean lm_date_parse(const char *s, uint32_t *julian);

#endif
