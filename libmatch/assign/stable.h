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
 * free place counts as wanting any acceptable partner). Returns how many.
 * Appended by mentee, then mentor index. Pairs with an index out of range
 * are ignored; a partner held but not listed counts as worse than anyone
 * listed. SIZE_MAX (nothing appended) for invalid rankings or no memory. */
size_t lm_stable_blocking_pairs(const lm_rankings *in, const lm_pair_ix *pairs, size_t n,
				GArray *blocking);

/* Choice rounds: in `order` (mentee indices, e.g. by time waiting), each
 * mentee still wanting takes their highest-ranked mentor with a free place
 * (mentors' lists are ignored: a place is taken, not offered), one per
 * round, round after round until nobody can take anyone. `order` holds
 * every mentee once (LM_EINVAL otherwise); NULL means index order. *pairs
 * as for lm_stable_solve. */
int lm_rounds_solve(const lm_rankings *in, const uint32_t *order, GArray **pairs,
		    lm_error **err);

/* Checks rankings: offsets ascending, indices in range, nobody listed twice
 * in one list, fewer than 2^32 - 1 people a side. 0 or LM_EINVAL (LM_ENOMEM). */
int lm_rankings_check(const lm_rankings *in, lm_error **err);

/* Sorts a GArray of lm_pair_ix by mentee, then mentor, in linear time.
 * 0, or LM_ENOMEM (the array is left as it was). */
int lm_pair_ix_sort(GArray *pairs, uint32_t n_mentees, uint32_t n_mentors);

#endif
