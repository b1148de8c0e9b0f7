/* RFC 4180 CSV reading with located errors. Not API.
 *
 * Quoted fields may hold commas, doubled quotes and newlines; a UTF-8 BOM
 * is skipped; CRLF and LF both end records. Every record of a file must
 * have as many fields as the header. */
#ifndef LM_CSV_H
#define LM_CSV_H

#include <glib.h>
#include "core/error_private.h"

typedef struct lm_csv lm_csv;

/* Reads from text (borrowed; must outlive the reader). Checks NUL bytes and
 * UTF-8 up front (LM_EPARSE, located). */
int lm_csv_open(lm_csv **out, const char *file, const char *text, size_t len, lm_error **err);
void lm_csv_free(lm_csv *csv);

/* The next record: returns 1 with fields borrowed until the next call,
 * 0 at the end, or a negative code with a located error (unterminated
 * quote, stray quote, wrong number of fields). */
int lm_csv_next(lm_csv *csv, const char *const **fields, size_t *n_fields, lm_error **err);

/* The physical line where the last record returned started (1-based). */
unsigned long lm_csv_line(const lm_csv *csv);
const char *lm_csv_file(const lm_csv *csv);

#endif
