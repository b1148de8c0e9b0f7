/* Choice rounds: the Seoul tutoring programme's rule. Mentees choose in a
 * fixed order (first come, first choose); in each round every mentee who
 * still wants a mentor takes the best mentor on their own list that has a
 * free place and that they do not hold yet. Mentors do not choose, so their
 * lists are ignored and a place, once taken, is never given back.
 *
 * Because places only ever fill up, a mentor skipped as full stays full:
 * each mentee keeps a pointer into their list that only moves forward, and
 * the whole run costs O(total list length + mentees x rounds), with
 * rounds <= the largest `wants`. */
#include <string.h>
#include "core/error_private.h"
#include "assign/stable.h"

/* Checks that order holds every mentee exactly once. */
static int check_order(const uint32_t *order, uint32_t n, lm_error **err)
{
	uint8_t *seen;
	int rc = 0;

	if (!order)
		return 0;
	if (!(seen = g_try_new0(uint8_t, MAX(n, 1u))))
		return lm_set_error(err, LM_ENOMEM, "out of memory checking the order");
	for (uint32_t i = 0; i < n && rc == 0; i++) {
		if (order[i] >= n)
			rc = lm_set_error(err, LM_EINVAL, "order[%u] = %u is not a mentee", i,
					  order[i]);
		else if (seen[order[i]]++)
			rc = lm_set_error(err, LM_EINVAL, "mentee %u comes twice in the order",
					  order[i]);
	}
	g_free(seen);
	return rc;
}

typedef struct rounds {
	const lm_rankings *in;
	uint32_t *free_places; /* per mentor */
	size_t *next;          /* per mentee: the next entry of their list to consider */
	uint32_t *got;         /* per mentee: mentors taken */
	uint32_t *active;      /* mentees still choosing, in order */
	uint32_t n_active;
} rounds;

static inline uint32_t wants_of(const lm_rankings *in, uint32_t m)
{
	return in->mentee_wants ? in->mentee_wants[m] : 1;
}

/* Mentee m's turn: the first mentor from their pointer with a free place.
 * FALSE when there is none left for them, now or later. */
static gboolean take(rounds *s, uint32_t m, GArray *pairs)
{
	const lm_rankings *in = s->in;
	size_t end = in->mentee_start[m + 1];

	while (s->next[m] < end && s->free_places[in->mentee_list[s->next[m]]] == 0)
		s->next[m]++;
	if (s->next[m] == end)
		return FALSE;

	lm_pair_ix p = { m, in->mentee_list[s->next[m]++] };

	s->free_places[p.mentor]--;
	s->got[m]++;
	g_array_append_val(pairs, p);
	return TRUE;
}

static void run(rounds *s, GArray *pairs)
{
	while (s->n_active) {
		uint32_t kept = 0;

		/* One round: in order, one mentor each; who is done drops out. */
		for (uint32_t i = 0; i < s->n_active; i++) {
			uint32_t m = s->active[i];

			if (take(s, m, pairs) && s->got[m] < wants_of(s->in, m))
				s->active[kept++] = m;
		}
		s->n_active = kept;
	}
}

int lm_rounds_solve(const lm_rankings *in, const uint32_t *order, GArray **pairs,
		    lm_error **err)
{
	rounds s = { .in = in };
	uint32_t nme, nmr;
	int rc;

	if (!pairs)
		return lm_set_error(err, LM_EINVAL, "lm_rounds_solve: pairs is NULL");
	if ((rc = lm_rankings_check(in, err)) < 0 ||
	    (rc = check_order(order, in->n_mentees, err)) < 0)
		return rc;
	nme = MAX(in->n_mentees, 1u);
	nmr = MAX(in->n_mentors, 1u);
	s.free_places = g_try_new(uint32_t, nmr);
	s.next = g_try_new(size_t, nme);
	s.got = g_try_new0(uint32_t, nme);
	s.active = g_try_new(uint32_t, nme);
	if (s.free_places && s.next && s.got && s.active) {
		GArray *out = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));

		for (uint32_t r = 0; r < in->n_mentors; r++)
			s.free_places[r] = in->mentor_cap ? in->mentor_cap[r] : 1;
		for (uint32_t i = 0; i < in->n_mentees; i++) {
			uint32_t m = order ? order[i] : i;

			s.next[m] = in->mentee_start[m];
			if (wants_of(in, m) > 0)
				s.active[s.n_active++] = m;
		}
		run(&s, out);
		if (lm_pair_ix_sort(out, in->n_mentees, in->n_mentors) < 0) {
			g_array_free(out, TRUE);
			rc = lm_set_error(err, LM_ENOMEM, "out of memory sorting the pairs");
		} else {
			*pairs = out;
		}
	} else {
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for %u mentees", in->n_mentees);
	}
	g_free(s.free_places);
	g_free(s.next);
	g_free(s.got);
	g_free(s.active);
	return rc;
}
