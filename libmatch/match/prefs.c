/* lm_prefs_solve: the stable and choice-rounds engines on a preferences
 * file, and the result with a reason for every mentee left short. */
#include <string.h>
#include "core/error_private.h"
#include "io/prefs_json.h"
#include "match/options_private.h"
#include "match/result_private.h"

/* Why mentee m holds fewer mentors than wanted. A mentor is acceptable
 * when on m's list and, for stable matching, listing m back (lists_m marks
 * the mentors whose list names m); `held` marks m's mentors. */
static void explain(lm_result *res, const lm_rankings *k, uint32_t m, gboolean stable,
		    const uint8_t *held, const uint8_t *lists_m)
{
	int32_t first = -1;
	gboolean any_place = FALSE;

	for (size_t i = k->mentee_start[m]; i < k->mentee_start[m + 1]; i++) {
		uint32_t t = k->mentee_list[i];

		if (held[t] || (stable && !lists_m[t]))
			continue;
		if (first < 0)
			first = (int32_t)t;
		if (k->mentor_cap[t] > 0)
			any_place = TRUE;
	}
	if (first < 0 || !any_place)
		lm_result_add_unmatched(res, m, LM_UNMATCHED_NO_ACCEPTABLE_MENTOR, -1, NULL);
	else
		lm_result_add_unmatched(res, m, stable ? LM_UNMATCHED_OUTRANKED
						       : LM_UNMATCHED_CAPACITY_TAKEN, first, NULL);
}

/* Mentors listing each mentee, as a reverse index of the mentors' lists. */
static void listed_by(const lm_rankings *k, size_t *start, uint32_t *who)
{
	size_t n = k->mentor_start[k->n_mentors];

	memset(start, 0, ((size_t)k->n_mentees + 2) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		start[k->mentor_list[i] + 2]++;
	for (uint32_t m = 0; m < k->n_mentees; m++)
		start[m + 2] += start[m + 1];
	for (uint32_t t = 0; t < k->n_mentors; t++)
		for (size_t i = k->mentor_start[t]; i < k->mentor_start[t + 1]; i++)
			who[start[k->mentor_list[i] + 1]++] = t;
}

/* Pairs (sorted by mentee) into the result; every mentee short of their
 * wants is explained. Linear: the marks are set and cleared per mentee. */
static void fill(lm_result *res, const lm_rankings *k, const GArray *pairs, gboolean stable)
{
	size_t *rev_start = g_new(size_t, (size_t)k->n_mentees + 2);
	uint32_t *rev = g_new(uint32_t, MAX(k->mentor_start[k->n_mentors], (size_t)1));
	uint8_t *held = g_new0(uint8_t, MAX(k->n_mentors, 1u));
	uint8_t *lists_m = g_new0(uint8_t, MAX(k->n_mentors, 1u));
	guint p = 0;

	listed_by(k, rev_start, rev);
	for (uint32_t m = 0; m < k->n_mentees; m++) {
		guint first = p;

		for (; p < pairs->len && g_array_index(pairs, lm_pair_ix, p).mentee == m; p++) {
			uint32_t t = g_array_index(pairs, lm_pair_ix, p).mentor;

			lm_result_add_pair(res, m, t, 0, NULL, FALSE);
			held[t] = 1;
		}
		if (p - first < k->mentee_wants[m]) {
			for (size_t i = rev_start[m]; i < rev_start[m + 1]; i++)
				lists_m[rev[i]] = 1;
			explain(res, k, m, stable, held, lists_m);
			for (size_t i = rev_start[m]; i < rev_start[m + 1]; i++)
				lists_m[rev[i]] = 0;
		}
		for (guint i = first; i < p; i++)
			held[g_array_index(pairs, lm_pair_ix, i).mentor] = 0;
	}
	g_free(rev_start);
	g_free(rev);
	g_free(held);
	g_free(lists_m);
}

static int check_algorithm(const lm_options *o, lm_error **err)
{
	if (o->algorithm == LM_ALGORITHM_STABLE || o->algorithm == LM_ALGORITHM_ROUNDS ||
	    !o->algorithm_set)
		return 0;
	return lm_set_error(err, LM_EINVAL, "algorithm '%s' is not available for ranked "
			    "preferences (use stable or rounds)",
			    lm_algorithm_name(o->algorithm) ? lm_algorithm_name(o->algorithm) : "?");
}

int lm_prefs_solve(lm_result **out, const lm_prefs *prefs, const lm_options *options,
		   lm_error **err)
{
	lm_options defaults;
	const lm_options *o = options;
	lm_rankings k;
	GArray *pairs = NULL;
	gboolean stable;
	int rc;

	if (!out || !prefs)
		return lm_set_error(err, LM_EINVAL, "lm_prefs_solve: %s is NULL",
				    out ? "prefs" : "out");
	if (!o) {
		lm_options_init_defaults(&defaults);
		o = &defaults;
	}
	if ((rc = check_algorithm(o, err)) < 0)
		return rc;
	stable = o->algorithm != LM_ALGORITHM_ROUNDS;
	lm_prefs_rankings(prefs, &k);
	/* Rounds go in file order: mentee indices are file positions. */
	rc = stable ? lm_stable_solve(&k, o->proposers, &pairs, err)
		    : lm_rounds_solve(&k, NULL, &pairs, err);
	if (rc < 0)
		return rc;

	lm_result *res = lm_result_new(prefs->ids[LM_ROLE_MENTEE], k.n_mentees,
				       prefs->ids[LM_ROLE_MENTOR], k.n_mentors, 0, NULL, 0, NULL);

	fill(res, &k, pairs, stable);
	lm_result_set_run(res, NULL, stable ? LM_ALGORITHM_STABLE : LM_ALGORITHM_ROUNDS,
			  o->objective, o->seed, prefs->sha256, FALSE);
	if (stable)
		lm_result_set_proposers(res, o->proposers);
	res->mentees_wanting = 0;
	for (uint32_t m = 0; m < k.n_mentees; m++)
		res->mentees_wanting += k.mentee_wants[m];
	lm_result_finish(res);
	g_array_free(pairs, TRUE);
	*out = res;
	return 0;
}
