/* The libmatch-cohort v1 JSON reader. Not API.
 *
 * Parsing, validation and compilation are one pass over the cJSON tree
 * into an lm_cohort_draft (core/cohort_build.h), then one pass to resolve
 * references and lay out the pools. Every problem is collected with its
 * JSON path; messages name fields and what was expected, never values. */
#ifndef LM_COHORT_JSON_H
#define LM_COHORT_JSON_H

#include "core/cohort_build.h"
#include "io/json_util.h"
#include "core/availability.h"

/* Reads a cohort from source (kept by the cohort for lm_cohort_locate).
 * The digest is left for the caller. Returns 0 or LM_EPARSE, LM_ELIMIT,
 * LM_ENOMEM with *err set; *out untouched on failure. */
int lm_cohort_parse_json(lm_cohort **out, GBytes *source, const char *name, lm_error **err);

/* The full reader: the whole document as one cJSON tree. It alone decides
 * what is valid and reports every problem. Same contract as above. */
int lm_cohort_parse_json_full(lm_cohort **out, GBytes *source, const char *name, lm_error **err);

/* The fast reader (cohort_fast.c): one person's cJSON tree at a time. 1
 * with *out set (source not yet attached) when the text is plain and valid;
 * 0, *out untouched, when it gives up, for the full reader to decide.
 * Whatever it reads, the full reader reads to the same cohort. */
int lm_cohort_parse_json_fast(lm_cohort **out, GBytes *source, const char *name);

/* Whether two compiled cohorts are the same, field by field and pool by
 * pool (the digest and source aside): the readers' differential check. */
gboolean lm_cohort_same(const lm_cohort *a, const lm_cohort *b);

/* ---- shared by cohort_json.c, cohort_json_fields.c and cohort_fast.c ---- */

#define LM_DEFAULT_AS_OF "2025-01-06"
#define LM_COHORT_MAX_FIELDS 32

typedef struct lm_cohort_parser {
	lm_json_doc doc;
	lm_cohort_draft draft;
	GString *path;         /* JSON path of the value being read; use ->str fresh after a push */
	GHashTable *zones;     /* time-zone name -> GTimeZone, one lookup per name */
	uint32_t monday;       /* julian day of the reference week's Monday */
	lm_role role;          /* the person being read */
	uint32_t index;
	lm_person *person;
	lm_draft_lists *lists;
	const char *field_names[LM_COHORT_MAX_FIELDS + 1]; /* for the unknown-field check */
	GHashTable *field_index; /* field name -> GUINT_TO_POINTER(table index + 1) */
	lm_avail_memo *slots;    /* weekly slots converted so far; from lm_cp_begin_people */
	GStringChunk *ref_ids;   /* copies of the ids the draft's refs name: they outlive
				  * the cJSON values, which the fast reader frees person by person */
} lm_cohort_parser;

typedef void (*lm_cohort_field_fn)(lm_cohort_parser *p, const cJSON *value);

typedef struct lm_cohort_field {
	const char *name;
	lm_cohort_field_fn read;
	uint8_t roles; /* 1 << lm_role for each side that may give the field */
} lm_cohort_field;

/* The person fields, in the order they are read ("id" first). */
extern const lm_cohort_field lm_cohort_fields[];
extern const size_t lm_cohort_n_fields;

/* Sets up everything but p->doc, which the caller fills first. */
void lm_cp_init(lm_cohort_parser *p);
/* Frees what the parser owns, p->doc included. */
void lm_cp_clear(lm_cohort_parser *p);
/* The header values (NULL when missing): problems for a bad format or
 * version (FALSE), and as_of, the default when missing or bad. */
gboolean lm_cp_check_format(lm_cohort_parser *p, const cJSON *format, const cJSON *version);
void lm_cp_read_as_of(lm_cohort_parser *p, const cJSON *date, uint32_t *as_of);
/* Starts the draft; people are read after this, mentees first. */
void lm_cp_begin_people(lm_cohort_parser *p, uint32_t as_of);
/* One person at path "$.mentees[i]" / "$.mentors[i]" (pushed by the caller). */
void lm_cp_read_person(lm_cohort_parser *p, lm_role role, uint32_t index, const cJSON *obj);
/* Resolves references and builds the cohort: 0 with *out set, or NULL
 * when there were problems; negative when the pools cannot be built. */
int lm_cp_finish(lm_cohort_parser *p, lm_cohort **out);

/* Path stack: push returns the length to pop back to. */
size_t lm_cp_push(lm_cohort_parser *p, const char *key);
size_t lm_cp_push_index(lm_cohort_parser *p, size_t index);
void lm_cp_pop(lm_cohort_parser *p, size_t mark);
/* A problem at the current path. */
void lm_cp_problem(lm_cohort_parser *p, int code, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* "YYYY-MM-DD" to a julian day number; records a problem and returns FALSE otherwise. */
gboolean lm_cp_date(lm_cohort_parser *p, const cJSON *v, uint32_t *julian);

#define LM_ID_EXPECTED "expected an id of 1 to 64 characters from A-Z a-z 0-9 . _ -"

#endif
