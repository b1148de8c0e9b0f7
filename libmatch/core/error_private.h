/* Internal error construction. Not API. */
#ifndef LM_ERROR_PRIVATE_H
#define LM_ERROR_PRIVATE_H

#include <glib.h>
#include "libmatch/error.h"

/* Most problems one report collects before it stops looking. */
#define LM_MAX_PROBLEMS 50

/* A new error with a printf-style message; caller owns it. Never NULL. */
lm_error *lm_error_new(int code, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
lm_error *lm_error_newv(int code, const char *fmt, va_list ap) G_GNUC_PRINTF(2, 0);

/* Attach a JSON location: file, 1-based line and column (0 = unknown), JSON path (may be NULL). */
void lm_error_locate_json(lm_error *e, const char *file, unsigned long line,
			  unsigned long column, const char *path);
/* Attach a CSV location: `FILE:LINE: column NAME: message`. column may be NULL. */
void lm_error_locate_csv(lm_error *e, const char *file, unsigned long line, const char *column);
/* Attach only a file name. */
void lm_error_locate_file(lm_error *e, const char *file);

/* Hands @e to *dest if dest is non-NULL and *dest is NULL; frees it otherwise.
 * Returns e's code. */
int lm_error_propagate(lm_error **dest, lm_error *e);

/* Convenience: lm_error_propagate(err, lm_error_new(code, fmt, ...)). Returns code. */
int lm_set_error(lm_error **err, int code, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* Collects several problems of one document into one chained report. */
typedef struct lm_problems {
	lm_error *head, *tail;
	unsigned count;
	gboolean truncated; /* more than LM_MAX_PROBLEMS were found */
} lm_problems;

/* Takes ownership of e. Past LM_MAX_PROBLEMS, e is freed and truncated is set. */
void lm_problems_add(lm_problems *p, lm_error *e);
/* 0 if there are no problems; otherwise moves the chain into *err (or frees
 * it) and returns the first problem's code. Leaves p empty. */
int lm_problems_finish(lm_problems *p, lm_error **err);
/* Frees everything collected. */
void lm_problems_clear(lm_problems *p);

#endif
