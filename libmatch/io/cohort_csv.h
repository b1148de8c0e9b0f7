/* The libmatch-cohort v1 CSV reader. Not API.
 *
 * One row per person with the fields of the JSON format (FORMATS.md):
 * a `role` column, lists separated by `;`, maps as `ko:5;zh:3`, slots as
 * `mon 19:00-21:00;sat 10:00-13:00`. The rows compile through the same
 * draft as JSON (core/cohort_build.h), mentees first and mentors second,
 * each in file order, so that a CSV file and a JSON file of the same cohort
 * give the same compiled cohort. Problems are `FILE:LINE: column NAME:
 * message`, never quoting a cell. The format is described in
 * docs/cohort-csv.md. */
#ifndef LM_COHORT_CSV_H
#define LM_COHORT_CSV_H

#include "core/cohort_build.h"
#include "core/limits_private.h"
#include "io/csv.h"

/* Reads a cohort from source (kept by the cohort for lm_cohort_locate).
 * The digest is left for the caller. Returns 0 or LM_EPARSE, LM_ELIMIT,
 * LM_ENOMEM with *err set; *out untouched on failure. */
int lm_cohort_parse_csv(lm_cohort **out, GBytes *source, const char *name,
			const lm_limits *limits, lm_error **err);

/* Reads a cohort in the format its name (".csv", ".json") or else its
 * first bytes show ('{' or '[' after white space: JSON), after the limits'
 * checks of the raw text. Returns as lm_cohort_parse_csv(). */
int lm_cohort_parse_any(lm_cohort **out, GBytes *source, const char *name,
			const lm_limits *limits, lm_error **err);

/* Whether a loaded cohort's source is CSV (a JSON cohort starts with '{'). */
gboolean lm_cohort_source_is_csv(const char *text, size_t len);

/* The line and column name, in a CSV source, of a JSON-style path such as
 * "$.mentees[3].goals[1]" (what vocabularies and kept pairs record): the
 * line of the 4th mentee row, column "goals". FALSE when not found. */
gboolean lm_cohort_csv_locate(const char *text, size_t len, const char *path,
			      unsigned long *line, const char **column);

/* ---- shared by cohort_csv.c and cohort_csv_fields.c ---- */

typedef struct lm_csv_reader lm_csv_reader;

/* Reads one cell into the person being read; the cell is not empty. */
typedef void (*lm_csv_field_fn)(lm_csv_reader *r, const char *cell);

/* In lm_csv_column.roles: read() is called for every row, empty cell or
 * not (it reads a group of columns: tz and availability, prefers_*). */
#define LM_CSV_ALWAYS (1u << 2)

typedef struct lm_csv_column {
	const char *name;     /* the header name */
	lm_csv_field_fn read; /* NULL: read elsewhere (role, as_of, tz) */
	uint8_t roles;        /* 1 << lm_role for each side that may give it, LM_CSV_ALWAYS */
	const char *json;     /* the JSON field it fills, for locating paths */
} lm_csv_column;

/* The columns, in the order a person's fields are read: that of the JSON
 * reader, so that vocabularies are interned in the same order. */
extern const lm_csv_column lm_csv_columns[];
extern const size_t lm_csv_n_columns;

struct lm_csv_reader {
	const char *file;
	const lm_limits *limits;
	lm_csv *csv;
	lm_cohort_draft draft;
	lm_problems problems;
	GHashTable *zones;       /* time-zone name -> GTimeZone */
	GStringChunk *ids;       /* referenced ids: the draft borrows them past the row */
	uint32_t monday;         /* julian day of the reference week's Monday */
	int *pos;                /* lm_csv_n_columns: field index of each column, -1 absent */
	GArray *lines[2];        /* uint32: the line of each person, by role */
	/* the row being read */
	const char **cells;      /* the row's cells, trimmed, by field index */
	GString *row;            /* holds them */
	GArray *offsets;         /* size_t: where each trimmed cell starts in row */
	unsigned long line;
	lm_role role;
	uint32_t index;
	lm_person *person;
	lm_draft_lists *lists;
	const char *column;      /* the column being read, for problems */
};

/* A problem with the cell being read (or the row, when column is NULL). */
void lm_csv_problem(lm_csv_reader *r, int code, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* The cell of a column by name, trimmed, "" when absent or empty; valid
 * for the row. */
const char *lm_csv_cell(const lm_csv_reader *r, const char *column);
#endif
