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

/* What a reader collects, in file order; lm_prefs_take() moves it into
 * an lm_prefs. Ids live in `strings` (contiguous, so lookups stay in
 * cache); `index` maps an id to its index + 1. */
typedef struct lm_prefs_parts {
	GStringChunk *strings;
	GHashTable *index[2];
	GPtrArray *ids[2];
	GArray *start[2], *list[2];  /* size_t offsets (n + 1), uint32_t indices */
	GArray *wants, *cap;         /* uint32_t per mentee, per mentor */
} lm_prefs_parts;

void lm_prefs_parts_init(lm_prefs_parts *pp);
/* Frees what is left; pp is zeroed. */
void lm_prefs_parts_clear(lm_prefs_parts *pp);
/* A new lm_prefs from the parts (emptied) and the digest of the text. */
lm_prefs *lm_prefs_take(lm_prefs_parts *pp, const char *text, size_t len);

/* The fast reader (prefs_fast.c) for plain files: 1 and *out set when it
 * read the file, 0 when the file needs the full reader (any problem, or
 * anything beyond the plain form). It never reports a problem. */
int lm_prefs_parse_fast(lm_prefs **out, const char *text, size_t len);

/* The full reader (cJSON): accepts every valid file and locates every
 * problem. text must be NUL-terminated at len. */
int lm_prefs_parse_full(lm_prefs **out, const char *text, size_t len, const char *name,
			lm_error **err);

/* Parses a preferences document: the fast reader, else the full one.
 * text must be NUL-terminated at len. */
int lm_prefs_parse_json(lm_prefs **out, const char *text, size_t len, const char *name,
			lm_error **err);

/* The engine's view; points into p. */
void lm_prefs_rankings(const lm_prefs *p, lm_rankings *out);

#endif
