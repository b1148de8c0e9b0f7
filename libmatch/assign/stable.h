/* Stable matching engines (hospitals/residents with capacities) and
 * choice rounds. Not API; lm_match, lm_prefs_solve and verify use them.
 *
 * Preference lists are strict rankings (best first) in CSR form; a pair is
 * acceptable only when each lists the other. Mentees may want several
 * mentors (wants > 1; never the same mentor twice). */
#ifndef LM_STABLE_H
#define LM_STABLE_H

#include <glib.h>
#include <stdint.h>
#include <stddef.h>
#include "libmatch/match.h"

typedef struct lm_pair_ix {
	uint32_t mentee, mentor;
} lm_pair_ix;

typedef struct lm_rankings {
	uint32_t n_mentees, n_mentors;
	const uint32_t *mentee_wants; /* NULL: 1 each */
	const uint32_t *mentor_cap;   /* NULL: 1 each; 0 allowed */
	const size_t *mentee_start;   /* n_mentees + 1 */
	const uint32_t *mentee_list;  /* mentor indices, best first, unique per list */
	const size_t *mentor_start;   /* n_mentors + 1 */
	const uint32_t *mentor_list;  /* mentee indices, best first, unique per list */
} lm_rankings;

/* Deferred acceptance proposed by `proposers` (LM_PROPOSERS_*): the
 * proposer-optimal stable matching. *pairs receives a new GArray of
 * lm_pair_ix sorted by mentee then mentor (caller frees). */
int lm_stable_solve(const lm_rankings *in, int proposers, GArray **pairs, lm_error **err);

/* Appends to `blocking` (GArray of lm_pair_ix) every acceptable pair not in
 * `pairs` that both would rather have than what they hold (a side with a
 * free place counts as wanting any acceptable partner). Returns how many. */
size_t lm_stable_blocking_pairs(const lm_rankings *in, const lm_pair_ix *pairs, size_t n,
				GArray *blocking);

/* Choice rounds: in `order` (mentee indices, e.g. by time waiting), each
 * mentee still wanting takes their highest-ranked mentor with a free place
 * (mentors' lists are ignored: a place is taken, not offered), one per
 * round, round after round until nobody can take anyone. */
int lm_rounds_solve(const lm_rankings *in, const uint32_t *order, GArray **pairs,
		    lm_error **err);

#endif
