/* Building a result. Not API. */
#ifndef LM_RESULT_PRIVATE_H
#define LM_RESULT_PRIVATE_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/match.h"

typedef struct lm_result_pair {
	uint32_t mentee, mentor; /* indices into the result's id tables */
	lm_score score;
	gboolean kept;
	lm_score *components;    /* n_criteria entries, or NULL */
} lm_result_pair;

typedef struct lm_result_broken {
	uint32_t mentee, mentor; /* a `current` pair the re-optimised result does not keep */
} lm_result_broken;

typedef struct lm_result_unmatched {
	uint32_t mentee;
	int reason;              /* LM_UNMATCHED_* */
	int32_t best_mentor;     /* -1 = none */
	uint32_t *blocked;       /* n_constraints counts, or NULL */
} lm_result_unmatched;

struct lm_result {
	GStringChunk *strings;
	const char **mentee_ids, **mentor_ids; /* in the chunk */
	uint32_t n_mentees, n_mentors;
	size_t n_criteria;
	const char **criteria;       /* static names */
	size_t n_constraints;
	const char **constraints;    /* static names */
	GArray *pairs;               /* lm_result_pair, sorted by mentee id, mentor id once finished */
	GArray *unmatched;           /* lm_result_unmatched, sorted by mentee id */
	char *model;                 /* NULL for the pure solver */
	char *input_sha256;          /* "" when unknown */
	int algorithm, objective;
	uint64_t seed;
	gboolean optimal;
	lm_score total, min;
	uint64_t mentees_wanting;    /* units wanted in all */
	int proposers;               /* LM_PROPOSERS_*; -1 unless stable */
	gboolean reoptimised;        /* keep_current 0: "broken" and "break_cost" are written */
	lm_score break_cost;
	GArray *broken;              /* lm_result_broken, sorted by mentee id, mentor id */
	gboolean has_optimum;        /* greedy, fair: the optimal solver's figures for comparison */
	lm_score optimum_total;
	uint64_t optimum_pairs;
	long *what_if;               /* n_constraints counts, -1 = not relaxable; NULL = not computed */
};

/* Copies the ids. criteria/constraints: static strings (may be 0/NULL). */
lm_result *lm_result_new(const char *const *mentee_ids, uint32_t n_mentees,
			 const char *const *mentor_ids, uint32_t n_mentors, size_t n_criteria,
			 const char *const *criteria, size_t n_constraints,
			 const char *const *constraints);
/* components: n_criteria entries copied, or NULL. */
void lm_result_add_pair(lm_result *r, uint32_t mentee, uint32_t mentor, lm_score score,
			const lm_score *components, gboolean kept);
/* blocked: n_constraints counts copied, or NULL. */
void lm_result_add_unmatched(lm_result *r, uint32_t mentee, int reason, int32_t best_mentor,
			     const uint32_t *blocked);
void lm_result_set_run(lm_result *r, const char *model, int algorithm, int objective,
		       uint64_t seed, const char *input_sha256, gboolean optimal);
void lm_result_add_broken(lm_result *r, uint32_t mentee, uint32_t mentor);
void lm_result_set_proposers(lm_result *r, int proposers);
void lm_result_set_reoptimised(lm_result *r, lm_score break_cost);
void lm_result_set_optimum(lm_result *r, lm_score total, uint64_t pairs);
/* counts: n_constraints entries copied (-1 = not relaxable). */
void lm_result_set_what_if(lm_result *r, const long *counts);
/* The constraint whose relaxation alone would match the most (first in
 * table order on ties), or -1 when none would match anyone more. */
int lm_result_what_if_best(const lm_result *r);
/* Sorts pairs and unmatched by id and computes the summary. */
void lm_result_finish(lm_result *r);
/* The total and lowest score again, from the pair scores. */
void lm_result_recount(lm_result *r);

#endif
