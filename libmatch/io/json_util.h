/* Shared JSON reading: parsing with located syntax errors, JSON paths, and
 * typed getters that record located problems. Used by the cohort, model
 * and preferences parsers. Not API.
 *
 * cJSON does not keep positions, so a problem's line and column are found
 * by walking the original text along the JSON path when the problem is
 * reported (errors are rare; the happy path pays nothing). */
#ifndef LM_JSON_UTIL_H
#define LM_JSON_UTIL_H

#include <glib.h>
#include <cjson/cJSON.h>
#include "core/error_private.h"

/* Deepest nesting accepted in any input document. */
#define LM_JSON_MAX_DEPTH 64
/* Largest input file accepted by default (bytes). */
#define LM_INPUT_MAX_BYTES ((size_t)512 << 20)

typedef struct lm_json_doc {
	const char *file;     /* name for messages (borrowed) */
	const char *text;     /* the document (borrowed) */
	size_t len;
	cJSON *root;          /* owned; freed by lm_json_doc_clear */
	lm_problems problems; /* collected semantic problems */
	gboolean private_keys; /* member names may be profile data: see lm_json_check_keys */
} lm_json_doc;

/* Reads a whole file ("-" = standard input) into a NUL-terminated buffer
 * the caller frees with g_free. LM_EIO names the file; LM_ELIMIT past max_bytes. */
int lm_read_input(const char *path, size_t max_bytes, char **data, size_t *len, lm_error **err);

/* Checks NUL bytes, UTF-8, nesting depth and syntax, then parses. On
 * failure returns LM_EPARSE with the file, line and column of the first
 * offending byte, and leaves doc->root NULL. */
int lm_json_doc_parse(lm_json_doc *doc, const char *file, const char *text, size_t len,
		      lm_error **err);
void lm_json_doc_clear(lm_json_doc *doc);
/* Whether lm_json_doc_parse would hand text to cJSON: no NUL byte, valid
 * UTF-8, nesting within LM_JSON_MAX_DEPTH, no raw control character or
 * escaped NUL in a string, not empty. Fast readers that give up on any
 * problem check this first and leave reporting to the full reader. */
gboolean lm_json_text_ok(const char *text, size_t len);

/* Records a problem at `path` (e.g. "$.mentees[3].gender"), located in the
 * text. Messages must never contain profile values. */
void lm_json_problem(lm_json_doc *doc, const char *path, int code, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

/* Line and column (1-based) of the value at `path` in text; for a path to a
 * missing member, the position of the enclosing object. */
gboolean lm_json_locate(const char *text, size_t len, const char *path, unsigned long *line,
			unsigned long *column);

/* Paths: caller frees with g_free. Keys that are not plain identifiers are
 * written as ["key"]. */
char *lm_json_path_key(const char *base, const char *key);
char *lm_json_path_index(const char *base, size_t index);
/* Appends the step lm_json_path_key would add, without a new string. */
void lm_json_path_append_key(GString *path, const char *key);

/* Checks an object's member names: each must be in `allowed` (NULL-terminated)
 * or start with "x-"; duplicates are problems too. FALSE if any problem.
 * allowed == NULL accepts any name (maps) and only reports duplicates.
 * With doc->private_keys (cohorts), a name is repeated in a problem's path
 * only when it is allowed or a near miss of an allowed one ("gendr"):
 * others may be values typed in the wrong place, so the member is named
 * by its position, `$.mentees[0][3]`, which lm_json_locate() finds. */
gboolean lm_json_check_keys(lm_json_doc *doc, const cJSON *obj, const char *path,
			    const char *const *allowed);

/* Typed getters: on a wrong type or range they record a problem naming the
 * field and what was expected, and return FALSE. */
gboolean lm_json_get_int(lm_json_doc *doc, const cJSON *item, const char *path, long long min,
			 long long max, long long *out);
gboolean lm_json_get_number(lm_json_doc *doc, const cJSON *item, const char *path, double min,
			    double max, double *out);
gboolean lm_json_get_bool(lm_json_doc *doc, const cJSON *item, const char *path, gboolean *out);
/* The string, borrowed from the cJSON tree; max_len in bytes. */
const char *lm_json_get_string(lm_json_doc *doc, const cJSON *item, const char *path,
			       size_t max_len);
gboolean lm_json_expect_type(lm_json_doc *doc, const cJSON *item, const char *path, int cjson_type,
			     const char *what);

#endif
