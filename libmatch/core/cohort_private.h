/* The compiled cohort: what every later stage reads. Not API.
 *
 * Everything a criterion needs is a small integer, a bitset or an offset
 * into one of the cohort's pools, so scoring a pair allocates nothing and
 * touches no strings. A cohort is immutable after loading. */
#ifndef LM_COHORT_PRIVATE_H
#define LM_COHORT_PRIVATE_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/cohort.h"
#include "core/vocab.h"

/* Weekly availability: 336 half-hour slots in UTC, slot 0 = Monday 00:00-00:30 UTC. */
#define LM_AVAIL_SLOTS 336
#define LM_AVAIL_WORDS 6

/* Fixed vocabularies. 0 always means "not given". */
enum { LM_GENDER_UNKNOWN = 0, LM_GENDER_FEMALE, LM_GENDER_MALE, LM_GENDER_UNDISCLOSED };
enum { LM_MODE_IN_PERSON = 1u << 0, LM_MODE_ONLINE = 1u << 1 };
enum { LM_ORIGIN_ANY = 0, LM_ORIGIN_AVOID_SAME, LM_ORIGIN_PREFER_SAME };
enum { LM_OUTCOME_GOOD = 1, LM_OUTCOME_ENDED, LM_OUTCOME_BAD };

/* Language levels 0..5; a language a person does not list is level 0. */
#define LM_LEVEL_MAX 5

/* A range [off, off + len) in one of the cohort's pools. */
typedef struct lm_span {
	uint32_t off, len;
} lm_span;

/* One language a tutor teaches, with the student levels preferred. */
typedef struct lm_teach {
	uint32_t language; /* id in cohort->languages */
	uint8_t lo, hi;    /* 0 <= lo <= hi <= 5 */
} lm_teach;

typedef struct lm_person {
	const char *id;         /* in cohort->strings */
	uint8_t gender;         /* LM_GENDER_* */
	uint8_t modes;          /* LM_MODE_* bits; 0 = not given */
	uint8_t consent;        /* 1 only when "consent": true */
	uint8_t has_avail;      /* availability given (avail may still be all zero) */
	uint8_t has_languages;  /* languages given; levels valid only then */
	uint8_t has_offers;     /* offers given (mentors) */
	uint8_t pref_gender;    /* LM_GENDER_* requested of the partner; 0 = none */
	uint8_t pref_gender_required; /* the request is hard (default when a gender is requested) */
	uint8_t pref_origin;    /* LM_ORIGIN_* */
	int16_t birth_year;     /* 0 = not given */
	int16_t arrival_year;   /* 0 = not given */
	int32_t region;         /* id in cohort->regions, -1 = not given */
	int32_t origin;         /* id in cohort->origins, -1 = not given */
	int32_t stage;          /* id in cohort->stages, -1 = not given */
	uint32_t capacity;      /* mentors: places (default 1); mentees: 0 */
	uint32_t wants;         /* mentees: mentors wanted (default 1); mentors: 0 */
	int32_t waiting_days;   /* days from waiting_since to cohort->as_of (>= 0); -1 = not given */
	uint64_t avail[LM_AVAIL_WORDS];
	lm_span goals;          /* cohort->goal_pool: goal ids in priority order (mentees, mentors may have some too) */
	uint32_t offers;        /* offset of goal_words words in cohort->bits_pool */
	uint32_t trained;       /* offset of training_words words in cohort->bits_pool */
	uint32_t levels;        /* offset of n_languages bytes in cohort->level_pool (valid if has_languages) */
	lm_span teaches;        /* cohort->teach_pool */
	lm_span choices;        /* cohort->ref_pool: other-side indices, best first */
	lm_span veto;           /* cohort->ref_pool: other-side indices never to pair, ascending, unique:
				 * own exclude + the other side's exclude naming this person + previous
				 * pairs whose outcome was bad (given on either side) */
	lm_span current;        /* cohort->ref_pool: other-side indices of pairs to keep, ascending, unique
				 * (merged from both sides' "current") */
	lm_span good_previous;  /* cohort->ref_pool: other-side indices of previous pairs with outcome good,
				 * ascending, unique (merged from both sides) */
} lm_person;

struct lm_cohort {
	char *name;               /* file name for messages */
	char digest[65];          /* SHA-256 hex of the input bytes */
	GBytes *source;           /* input bytes, kept to locate vocabulary errors lazily */
	int as_of_year;           /* from "as_of" (default 2025-01-06) */
	uint32_t as_of_julian;    /* g_date_get_julian() of as_of */
	GStringChunk *strings;
	GHashTable *by_id;        /* id -> GUINT_TO_POINTER(((index << 1) | role) + 1) */
	lm_person *people[2];     /* indexed by lm_role */
	uint32_t count[2];
	lm_vocab *goals;          /* goals and offers share one vocabulary */
	lm_vocab *regions;
	lm_vocab *origins;
	lm_vocab *languages;
	lm_vocab *stages;
	lm_vocab *trainings;
	uint32_t goal_words;      /* >= 1 */
	uint32_t training_words;  /* >= 1 */
	uint32_t n_languages;
	uint16_t *goal_pool;
	uint32_t *ref_pool;
	uint64_t *bits_pool;
	uint8_t *level_pool;
	lm_teach *teach_pool;
};

static inline const lm_person *lm_cohort_mentee(const lm_cohort *c, uint32_t i)
{
	return &c->people[LM_ROLE_MENTEE][i];
}

static inline const lm_person *lm_cohort_mentor(const lm_cohort *c, uint32_t i)
{
	return &c->people[LM_ROLE_MENTOR][i];
}

static inline const uint64_t *lm_person_offers(const lm_cohort *c, const lm_person *p)
{
	return c->bits_pool + p->offers;
}

static inline const uint64_t *lm_person_trained(const lm_cohort *c, const lm_person *p)
{
	return c->bits_pool + p->trained;
}

/* Level of language id `lang` (0 if not spoken); only when has_languages. */
static inline unsigned lm_person_level(const lm_cohort *c, const lm_person *p, uint32_t lang)
{
	return c->level_pool[p->levels + lang];
}

static inline const uint32_t *lm_span_refs(const lm_cohort *c, lm_span s)
{
	return c->ref_pool + s.off;
}

/* Whether sorted span s contains other-side index x (binary search). */
gboolean lm_span_contains(const lm_cohort *c, lm_span s, uint32_t x);

/* Line and column of a JSON path in the cohort's source (vocabulary errors
 * found after loading); FALSE when it cannot be found. */
gboolean lm_cohort_locate(const lm_cohort *c, const char *path, unsigned long *line,
			  unsigned long *column);

/* Locates e at a JSON path of the cohort's source, the way its format
 * reports problems: `FILE:LINE:COL: PATH` for JSON, `FILE:LINE: column
 * NAME` for CSV (the path's person row and field column). */
void lm_cohort_locate_error(const lm_cohort *c, lm_error *e, const char *path);

#endif
