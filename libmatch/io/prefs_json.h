/* Ranked preferences (the file of `libmatch stable`): the loaded form, and
 * its view as engine rankings. Not API. */
#ifndef LM_PREFS_JSON_H
#define LM_PREFS_JSON_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/stable.h"
#include "assign/stable.h"

/* Most people of one side, as for cohorts. */
#define LM_PREFS_MAX_PEOPLE 1000000
#define LM_PREFS_MAX_WANTS 16
#define LM_PREFS_MAX_CAPACITY 1000000

struct lm_prefs {
	GStringChunk *strings;
	const char **ids[2];        /* by lm_role, in file order; in `strings` */
	uint32_t n[2];
	uint32_t *wants, *cap;      /* per mentee, per mentor */
	size_t *start[2];           /* n + 1 offsets into list[] */
	uint32_t *list[2];          /* indices of the other side, best first */
	char sha256[65];            /* of the input bytes */
};

/* Parses a preferences document. text must be NUL-terminated at len. */
int lm_prefs_parse_json(lm_prefs **out, const char *text, size_t len, const char *name,
			lm_error **err);

/* The engine's view; points into p. */
void lm_prefs_rankings(const lm_prefs *p, lm_rankings *out);

#endif
