/* Building a compiled cohort from parsed profiles. Not API.
 *
 * A parser fills an lm_cohort_draft person by person: scalar fields go
 * straight into an lm_person, lists into shared arrays, references to other
 * people stay id strings. lm_cohort_draft_finish() then resolves the
 * references and builds the pools in one go, once every vocabulary is final
 * (a person's bitsets and level rows are as wide as the vocabularies).
 * Problems found while resolving go through a callback, so each input
 * format locates them its own way (JSON path, CSV line and column). */
#ifndef LM_COHORT_BUILD_H
#define LM_COHORT_BUILD_H

#include "core/cohort_private.h"
#include "core/error_private.h"

/* Limits that keep every pool offset within 32 bits (see cohort_private.h)
 * and every bitset small. */
#define LM_MAX_PEOPLE 1000000    /* per side */
#define LM_MAX_GOALS 4096        /* distinct goals and offers in one cohort */
#define LM_MAX_TRAININGS 1024    /* distinct trainings in one cohort */
#define LM_MAX_LANGUAGES 512     /* distinct language codes in one cohort */

typedef enum lm_ref_kind {
	LM_REF_CHOICE,   /* must name the other side */
	LM_REF_EXCLUDE,  /* unknown ids ignored */
	LM_REF_CURRENT,  /* must name the other side */
	LM_REF_PREVIOUS  /* unknown ids ignored */
} lm_ref_kind;

/* One id named by a person's choices, exclude, current or previous list. */
typedef struct lm_draft_ref {
	const char *id;   /* borrowed from the parser's data, which outlives the draft */
	uint32_t person;  /* index within its role */
	uint32_t elem;    /* position in the list, for messages */
	uint8_t role;     /* lm_role of the person naming the id */
	uint8_t kind;     /* lm_ref_kind */
	uint8_t outcome;  /* LM_OUTCOME_* for LM_REF_PREVIOUS */
} lm_draft_ref;

typedef struct lm_draft_level {
	uint32_t language; /* id in cohort->languages */
	uint8_t level;
} lm_draft_level;

/* A person's lists, as spans of the draft's arrays. */
typedef struct lm_draft_lists {
	lm_span levels;  /* draft->levels */
	lm_span goals;   /* draft->ids: goal ids in priority order */
	lm_span offers;  /* draft->ids: goal ids */
	lm_span trained; /* draft->ids: training ids */
	lm_span teaches; /* draft->teaches */
} lm_draft_lists;

typedef struct lm_cohort_draft {
	lm_cohort *cohort; /* owned until finished: name, as_of, strings, by_id, vocabularies */
	GArray *people[2]; /* lm_person by lm_role, in file order */
	GArray *lists[2];  /* lm_draft_lists, parallel to people */
	GArray *ids;       /* uint32_t vocabulary ids */
	GArray *levels;    /* lm_draft_level */
	GArray *teaches;   /* lm_teach */
	GArray *refs;      /* lm_draft_ref, in file order */
} lm_cohort_draft;

/* Reports a problem with the elem-th entry of a person's `kind` list. */
typedef void (*lm_draft_report)(void *user_data, int code, lm_role role, uint32_t person,
				lm_ref_kind kind, uint32_t elem, const char *message);

/* An empty draft whose cohort has the given name and as_of date (julian). */
void lm_cohort_draft_init(lm_cohort_draft *d, const char *name, uint32_t as_of_julian);
/* Frees whatever the draft still owns. */
void lm_cohort_draft_clear(lm_cohort_draft *d);

/* Appends a person with every field "not given" and the role's defaults;
 * returns it and its lists (valid until the next append). */
lm_person *lm_cohort_draft_add(lm_cohort_draft *d, lm_role role, lm_draft_lists **lists);

/* Makes room for n people of role in all, as a hint from a reader that
 * can estimate its count: growing the arrays by doubling copies them, and
 * their fresh pages fault in 4 KiB at a time. Pointers from
 * lm_cohort_draft_add are invalid afterwards; nothing else changes. */
void lm_cohort_draft_reserve(lm_cohort_draft *d, lm_role role, size_t n);

/* Registers a person's id (copied into the cohort). FALSE when the id is
 * taken; then *first_role and *first_index name its first owner. */
gboolean lm_cohort_draft_set_id(lm_cohort_draft *d, lm_role role, uint32_t index,
				const char *id, lm_role *first_role, uint32_t *first_index);

/* Resolves references, checks current pairs against capacity and wants
 * (only when check_capacity: earlier problems may have left defaults), and
 * builds the pools. Returns the number of problems reported; on 0 *out
 * receives the cohort and the draft no longer owns it. LM_ENOMEM or
 * LM_ELIMIT (negative) when the pools cannot be built. */
int lm_cohort_draft_finish(lm_cohort_draft *d, gboolean check_capacity, lm_draft_report report,
			   void *user_data, lm_cohort **out);

/* Frees a cohort's memory (lm_cohort_free() is the public wrapper). */
void lm_cohort_destroy(lm_cohort *c);

#endif
