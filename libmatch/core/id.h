/* Pseudonymous ids: 1 to 64 bytes of [A-Za-z0-9._-], the one rule every
 * reader (cohorts, edges, preferences) and the graph builder apply. */
#ifndef LM_CORE_ID_H
#define LM_CORE_ID_H

#include <glib.h>

#define LM_ID_MAX 64

/* A NUL-terminated id; FALSE for NULL. */
gboolean lm_id_valid(const char *s);
/* The n bytes at s (not NUL-terminated). */
gboolean lm_id_valid_len(const char *s, size_t n);

#endif
