/* Reading a libmatch-result v1 JSON back, for verify. Not API.
 * Only what verify needs is kept; every problem is located in the file. */
#ifndef LM_RESULT_READ_H
#define LM_RESULT_READ_H

#include "io/json_util.h"
#include "libmatch/match.h"

typedef struct lm_read_pair {
	const char *mentee, *mentor; /* borrowed from the cJSON tree */
	lm_score score;
	gboolean kept;
	const cJSON *criteria;       /* the "criteria" object, or NULL */
	char *path;                  /* "$.pairs[i]" (g_free) */
} lm_read_pair;

typedef struct lm_read_broken {
	const char *mentee, *mentor;
	char *path;
} lm_read_broken;

typedef struct lm_read_result {
	lm_json_doc doc;
	const char *model;           /* NULL for null */
	const char *input_sha256;
	int algorithm, objective;
	int proposers;               /* -1 when absent */
	uint64_t seed;
	gboolean reoptimised;        /* "broken" present */
	lm_score break_cost;
	gboolean optimal;
	gboolean has_total;
	lm_score total;
	GArray *pairs;               /* lm_read_pair */
	GArray *broken;              /* lm_read_broken */
} lm_read_result;

/* Exact millionths of a JSON number with at most 6 decimals. */
lm_score lm_read_score(double v);

/* LM_EPARSE (every problem located, chained) for a file that is not a
 * well-formed libmatch-result v1; the text must outlive out. */
int lm_result_read(lm_read_result *out, const char *text, size_t len, const char *name,
		   lm_error **err);
void lm_read_result_clear(lm_read_result *r);

#endif
