/* String interning: open vocabularies (goals, regions, languages...) mapped
 * to small dense ids in first-seen order, so sets become bitsets and
 * comparisons become integer compares. Not API. */
#ifndef LM_VOCAB_H
#define LM_VOCAB_H

#include <glib.h>
#include <stdint.h>

typedef struct lm_vocab lm_vocab;

lm_vocab *lm_vocab_new(void);
void lm_vocab_free(lm_vocab *v);
/* The id of s, adding it if new. first_path (may be NULL) is remembered for
 * the first occurrence only (used to locate vocabulary errors). */
uint32_t lm_vocab_intern(lm_vocab *v, const char *s, const char *first_path);
/* The id of s, or -1 when absent. */
int32_t lm_vocab_lookup(const lm_vocab *v, const char *s);
uint32_t lm_vocab_size(const lm_vocab *v);
/* Borrowed from v. */
const char *lm_vocab_string(const lm_vocab *v, uint32_t id);
const char *lm_vocab_first_path(const lm_vocab *v, uint32_t id);

/* The entry of known[0..n) closest to s by edit distance (for "did you
 * mean"), or NULL when none is within a useful distance. */
const char *lm_vocab_closest(const char *s, const char *const *known, size_t n);

#endif
