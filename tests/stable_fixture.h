/* Test fixture for the stable-matching and choice-rounds engines: small
 * markets written with one-letter names, random markets, a naive
 * blocking-pair check, and brute-force enumeration of every stable
 * matching. Shared by test_stable.c and test_rounds.c. */
#ifndef LM_STABLE_FIXTURE_H
#define LM_STABLE_FIXTURE_H

#include <string.h>
#include "lm_test.h"
#include "assign/stable.h"

typedef struct lm_fixture {
	lm_rankings r;
	char me_names[64], mr_names[64];
	GArray *ms, *ml, *rs, *rl, *wants, *cap; /* size_t, uint32_t, ... */
	int *rk_me, *rk_mr; /* [m * nmr + r]: m's rank of r, r's rank of m; -1 unlisted */
} lm_fixture;

static inline void lm_fixture_begin(lm_fixture *f, uint32_t nme, uint32_t nmr)
{
	size_t zero = 0;

	memset(f, 0, sizeof(*f));
	f->r.n_mentees = nme;
	f->r.n_mentors = nmr;
	f->ms = g_array_new(FALSE, FALSE, sizeof(size_t));
	f->rs = g_array_new(FALSE, FALSE, sizeof(size_t));
	f->ml = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	f->rl = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	f->wants = g_array_new(FALSE, TRUE, sizeof(uint32_t));
	f->cap = g_array_new(FALSE, TRUE, sizeof(uint32_t));
	g_array_append_val(f->ms, zero);
	g_array_append_val(f->rs, zero);
	f->rk_me = g_new(int, MAX(nme * nmr, 1u));
	f->rk_mr = g_new(int, MAX(nme * nmr, 1u));
	for (uint32_t i = 0; i < nme * nmr; i++)
		f->rk_me[i] = f->rk_mr[i] = -1;
}

/* Appends person i's list (of the other side's indices). */
static inline void lm_fixture_list(lm_fixture *f, gboolean mentee, uint32_t i,
				   const uint32_t *list, size_t n)
{
	GArray *l = mentee ? f->ml : f->rl, *s = mentee ? f->ms : f->rs;
	uint32_t nmr = f->r.n_mentors;

	for (size_t k = 0; k < n; k++) {
		g_array_append_val(l, list[k]);
		if (mentee)
			f->rk_me[i * nmr + list[k]] = (int)k;
		else
			f->rk_mr[list[k] * nmr + i] = (int)k;
	}
	size_t end = l->len;
	g_array_append_val(s, end);
}

/* Points the rankings at the arrays once every list is in. */
static inline void lm_fixture_end(lm_fixture *f)
{
	f->r.mentee_start = (const size_t *)(void *)f->ms->data;
	f->r.mentor_start = (const size_t *)(void *)f->rs->data;
	f->r.mentee_list = (const uint32_t *)(void *)f->ml->data;
	f->r.mentor_list = (const uint32_t *)(void *)f->rl->data;
	f->r.mentee_wants = f->wants->len ? (const uint32_t *)(void *)f->wants->data : NULL;
	f->r.mentor_cap = f->cap->len ? (const uint32_t *)(void *)f->cap->data : NULL;
}

static inline void lm_fixture_clear(lm_fixture *f)
{
	g_array_free(f->ms, TRUE);
	g_array_free(f->rs, TRUE);
	g_array_free(f->ml, TRUE);
	g_array_free(f->rl, TRUE);
	g_array_free(f->wants, TRUE);
	g_array_free(f->cap, TRUE);
	g_free(f->rk_me);
	g_free(f->rk_mr);
}

/* A market from letters: mentee i is me_names[i]; its list names mentors
 * by their letters in mr_names, and the other way round. */
static inline void lm_fixture_letters(lm_fixture *f, const char *me_names,
				      const char *const *me_lists, const char *mr_names,
				      const char *const *mr_lists, const uint32_t *wants,
				      const uint32_t *cap)
{
	uint32_t nme = (uint32_t)strlen(me_names), nmr = (uint32_t)strlen(mr_names);
	uint32_t buf[64];

	lm_fixture_begin(f, nme, nmr);
	g_strlcpy(f->me_names, me_names, sizeof(f->me_names));
	g_strlcpy(f->mr_names, mr_names, sizeof(f->mr_names));
	for (int side = 0; side < 2; side++) {
		uint32_t n = side ? nmr : nme;
		const char *other = side ? me_names : mr_names;

		for (uint32_t i = 0; i < n; i++) {
			const char *l = side ? mr_lists[i] : me_lists[i];
			size_t k;

			for (k = 0; l[k]; k++)
				buf[k] = (uint32_t)(strchr(other, l[k]) - other);
			lm_fixture_list(f, side == 0, i, buf, k);
		}
	}
	if (wants)
		g_array_append_vals(f->wants, wants, nme);
	if (cap)
		g_array_append_vals(f->cap, cap, nmr);
	lm_fixture_end(f);
}

static inline uint32_t lm_fixture_wants(const lm_fixture *f, uint32_t m)
{
	return f->r.mentee_wants ? f->r.mentee_wants[m] : 1;
}

static inline uint32_t lm_fixture_cap(const lm_fixture *f, uint32_t r)
{
	return f->r.mentor_cap ? f->r.mentor_cap[r] : 1;
}

static inline gboolean lm_fixture_acceptable(const lm_fixture *f, uint32_t m, uint32_t r)
{
	uint32_t nmr = f->r.n_mentors;

	return f->rk_me[m * nmr + r] >= 0 && f->rk_mr[m * nmr + r] >= 0;
}

/* A random market: each person lists a random subset of the other side in
 * random order; capacities 0..3, wants 1..3 when `multi`. When max_pairs
 * is not 0, markets with more mutually acceptable pairs are redrawn. */
static inline void lm_fixture_random(lm_fixture *f, GRand *rng, uint32_t nme, uint32_t nmr,
				     unsigned max_pairs, gboolean multi)
{
	for (;;) {
		uint32_t buf[256];
		unsigned acceptable = 0;

		lm_fixture_begin(f, nme, nmr);
		for (int side = 0; side < 2; side++) {
			uint32_t n = side ? nmr : nme, other = side ? nme : nmr;
			double p = g_rand_double_range(rng, 0.2, 1.0);

			for (uint32_t i = 0; i < n; i++) {
				size_t k = 0;

				for (uint32_t o = 0; o < other; o++)
					if (g_rand_double(rng) < p)
						buf[k++] = o;
				for (size_t a = k; a > 1; a--) {
					uint32_t b = (uint32_t)g_rand_int_range(rng, 0, (gint32)a);
					uint32_t t = buf[a - 1];

					buf[a - 1] = buf[b];
					buf[b] = t;
				}
				lm_fixture_list(f, side == 0, i, buf, k);
			}
		}
		for (uint32_t m = 0; m < nme && multi; m++) {
			uint32_t w = (uint32_t)g_rand_int_range(rng, 1, 4);
			g_array_append_val(f->wants, w);
		}
		for (uint32_t r = 0; r < nmr; r++) {
			uint32_t c = (uint32_t)g_rand_int_range(rng, multi ? 0 : 1, 4);
			g_array_append_val(f->cap, c);
		}
		lm_fixture_end(f);
		for (uint32_t m = 0; m < nme; m++)
			for (uint32_t r = 0; r < nmr; r++)
				acceptable += lm_fixture_acceptable(f, m, r);
		if (!max_pairs || acceptable <= max_pairs)
			return;
		lm_fixture_clear(f);
	}
}

static inline GArray *lm_fixture_solve(const lm_fixture *f, int proposers)
{
	GArray *pairs = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_stable_solve(&f->r, proposers, &pairs, &err) == 0, "%s",
		      lm_error_message(err));
	ck_assert_ptr_nonnull(pairs);
	return pairs;
}

/* Sorted, acceptable, within every capacity and want, no pair twice. */
static inline void lm_fixture_check_feasible(const lm_fixture *f, const GArray *pairs)
{
	uint32_t *got = g_new0(uint32_t, MAX(f->r.n_mentees, 1u));
	uint32_t *load = g_new0(uint32_t, MAX(f->r.n_mentors, 1u));

	for (guint i = 0; i < pairs->len; i++) {
		const lm_pair_ix *p = &g_array_index(pairs, lm_pair_ix, i);

		ck_assert(lm_fixture_acceptable(f, p->mentee, p->mentor));
		if (i) {
			const lm_pair_ix *q = p - 1;
			ck_assert(q->mentee < p->mentee ||
				  (q->mentee == p->mentee && q->mentor < p->mentor));
		}
		ck_assert_uint_le(++got[p->mentee], lm_fixture_wants(f, p->mentee));
		ck_assert_uint_le(++load[p->mentor], lm_fixture_cap(f, p->mentor));
	}
	g_free(got);
	g_free(load);
}

/* Does m (or r) want the partner it ranks k: a free place, or someone held
 * ranked below k (an unlisted partner is below everyone). */
static inline gboolean lm_fixture_would(const int *ranks_held, size_t n_held, uint32_t quota,
					int k)
{
	if (n_held < quota)
		return TRUE;
	for (size_t i = 0; i < n_held; i++)
		if (ranks_held[i] < 0 || ranks_held[i] > k)
			return TRUE;
	return FALSE;
}

/* The naive O(n^2 * held) blocking check; appends to `out` if not NULL. */
static inline size_t lm_fixture_naive_blocking_into(const lm_fixture *f, const lm_pair_ix *pairs,
						    size_t n, GArray *out)
{
	uint32_t nme = f->r.n_mentees, nmr = f->r.n_mentors;
	size_t found = 0;
	int held[512];

	for (uint32_t m = 0; m < nme; m++) {
		for (uint32_t r = 0; r < nmr; r++) {
			size_t hm = 0, hr = 0;
			gboolean in = FALSE;

			if (!lm_fixture_acceptable(f, m, r))
				continue;
			for (size_t i = 0; i < n; i++) {
				if (pairs[i].mentee >= nme || pairs[i].mentor >= nmr)
					continue;
				in |= pairs[i].mentee == m && pairs[i].mentor == r;
				if (pairs[i].mentee == m)
					held[hm++] = f->rk_me[m * nmr + pairs[i].mentor];
			}
			if (in || !lm_fixture_would(held, hm, lm_fixture_wants(f, m),
						    f->rk_me[m * nmr + r]))
				continue;
			for (size_t i = 0; i < n; i++)
				if (pairs[i].mentor == r && pairs[i].mentee < nme)
					held[hr++] = f->rk_mr[pairs[i].mentee * nmr + r];
			if (!lm_fixture_would(held, hr, lm_fixture_cap(f, r), f->rk_mr[m * nmr + r]))
				continue;
			found++;
			if (out) {
				lm_pair_ix b = { m, r };
				g_array_append_val(out, b);
			}
		}
	}
	return found;
}

static inline size_t lm_fixture_naive_blocking_array(const lm_fixture *f, const lm_pair_ix *pairs,
						     size_t n)
{
	return lm_fixture_naive_blocking_into(f, pairs, n, NULL);
}

static inline size_t lm_fixture_naive_blocking(const lm_fixture *f, const GArray *pairs)
{
	return lm_fixture_naive_blocking_into(f, (const lm_pair_ix *)(void *)pairs->data,
					      pairs->len, NULL);
}

/* Drops and adds a few random pairs (possibly unacceptable or repeated). */
static inline void lm_fixture_corrupt(const lm_fixture *f, GRand *rng, GArray *pairs)
{
	int changes = g_rand_int_range(rng, 1, 4);

	for (int i = 0; i < changes; i++) {
		if (pairs->len && g_rand_boolean(rng)) {
			g_array_remove_index(pairs, (guint)g_rand_int_range(rng, 0, (gint32)pairs->len));
		} else {
			lm_pair_ix p = { (uint32_t)g_rand_int_range(rng, 0, (gint32)f->r.n_mentees),
					 (uint32_t)g_rand_int_range(rng, 0, (gint32)f->r.n_mentors) };
			g_array_append_val(pairs, p);
		}
	}
}

/* The engine's blocking pairs equal the naive ones, pair for pair. */
static inline void lm_fixture_compare_blocking(const lm_fixture *f, const GArray *pairs)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));
	GArray *b = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));
	const lm_pair_ix *p = (const lm_pair_ix *)(void *)pairs->data;
	size_t na = lm_stable_blocking_pairs(&f->r, p, pairs->len, a);
	size_t nb = lm_fixture_naive_blocking_into(f, p, pairs->len, b);

	ck_assert_uint_eq(na, nb);
	ck_assert_uint_eq(a->len, b->len);
	ck_assert(a->len == 0 || memcmp(a->data, b->data, a->len * sizeof(lm_pair_ix)) == 0);
	g_array_free(a, TRUE);
	g_array_free(b, TRUE);
}

/* Checks pairs read "aX bY": by mentee then mentor, as letters. */
static inline void lm_fixture_expect_pairs(const lm_fixture *f, const GArray *pairs,
					   const char *expected)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < pairs->len; i++) {
		const lm_pair_ix *p = &g_array_index(pairs, lm_pair_ix, i);

		g_string_append_printf(s, "%s%c%c", i ? " " : "", f->me_names[p->mentee],
				       f->mr_names[p->mentor]);
	}
	ck_assert_str_eq(s->str, expected);
	g_string_free(s, TRUE);
}

/* The stable matching from one side reads `expected`, is feasible and has
 * no blocking pair. */
static inline void lm_fixture_expect(const lm_fixture *f, int proposers, const char *expected)
{
	GArray *pairs = lm_fixture_solve(f, proposers);

	lm_fixture_expect_pairs(f, pairs, expected);
	lm_fixture_check_feasible(f, pairs);
	ck_assert_uint_eq(lm_fixture_naive_blocking(f, pairs), 0);
	g_array_free(pairs, TRUE);
}

/* ---- brute force ---------------------------------------------------------------------- */

static inline int lm_fixture_cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The ranks person i (a mentee when `mentee`) gives its partners in
 * pairs[0..n), sorted best first; returns how many. */
static inline size_t lm_fixture_ranks(const lm_fixture *f, const lm_pair_ix *pairs, size_t n,
				      gboolean mentee, uint32_t i, int *out)
{
	uint32_t nmr = f->r.n_mentors;
	size_t k = 0;

	for (size_t j = 0; j < n; j++) {
		if (mentee && pairs[j].mentee == i)
			out[k++] = f->rk_me[i * nmr + pairs[j].mentor];
		else if (!mentee && pairs[j].mentor == i)
			out[k++] = f->rk_mr[pairs[j].mentee * nmr + i];
	}
	qsort(out, k, sizeof(int), lm_fixture_cmp_int);
	return k;
}

/* Person i weakly prefers what it holds in a to what it holds in b: as
 * many partners, and the j-th best of a at least as good as b's. */
static inline gboolean lm_fixture_prefers(const lm_fixture *f, const lm_pair_ix *a, size_t na,
					  const lm_pair_ix *b, size_t nb, gboolean mentee,
					  uint32_t i)
{
	int ra[64], rb[64];
	size_t ka = lm_fixture_ranks(f, a, na, mentee, i, ra);
	size_t kb = lm_fixture_ranks(f, b, nb, mentee, i, rb);

	if (ka != kb) /* one size in every stable matching */
		return FALSE;
	for (size_t j = 0; j < kb; j++)
		if (ra[j] > rb[j])
			return FALSE;
	return TRUE;
}

/* Every side's view: `best` is weakly preferred to `other` by everyone on
 * the side `best_for` (0 mentees, 1 mentors), and weakly worse for the
 * other side. */
static inline void lm_fixture_check_extreme(const lm_fixture *f, const GArray *best,
					    const lm_pair_ix *other, size_t n, int best_for)
{
	const lm_pair_ix *b = (const lm_pair_ix *)(void *)best->data;

	for (uint32_t m = 0; m < f->r.n_mentees; m++)
		ck_assert_msg(best_for == 0 ? lm_fixture_prefers(f, b, best->len, other, n, TRUE, m)
					    : lm_fixture_prefers(f, other, n, b, best->len, TRUE, m),
			      "mentee %u: DA (%s proposing) is not extreme", m,
			      best_for ? "mentors" : "mentees");
	for (uint32_t r = 0; r < f->r.n_mentors; r++)
		ck_assert_msg(best_for == 1 ? lm_fixture_prefers(f, b, best->len, other, n, FALSE, r)
					    : lm_fixture_prefers(f, other, n, b, best->len, FALSE, r),
			      "mentor %u: DA (%s proposing) is not extreme", r,
			      best_for ? "mentors" : "mentees");
}

/* Enumerates every set of acceptable pairs (at most 20), keeps the
 * feasible ones without blocking pairs, and checks that DA from each side
 * is the best stable matching for its proposers and the worst for the
 * others, everyone holding the same number of partners in each. Returns the
 * number of stable matchings. */
static inline unsigned lm_fixture_check_optimal(const lm_fixture *f)
{
	lm_pair_ix e[20], chosen[20];
	uint32_t ne = 0, got[64], load[64];
	unsigned stable = 0;
	GArray *da[2] = { lm_fixture_solve(f, 0), lm_fixture_solve(f, 1) };

	for (uint32_t m = 0; m < f->r.n_mentees; m++)
		for (uint32_t r = 0; r < f->r.n_mentors; r++)
			if (lm_fixture_acceptable(f, m, r)) {
				ck_assert_uint_lt(ne, 20);
				e[ne++] = (lm_pair_ix){ m, r };
			}
	for (uint32_t mask = 0; mask < (1u << ne); mask++) {
		size_t n = 0;
		gboolean ok = TRUE;

		memset(got, 0, sizeof(got));
		memset(load, 0, sizeof(load));
		for (uint32_t i = 0; i < ne && ok; i++) {
			if (!(mask >> i & 1))
				continue;
			chosen[n++] = e[i];
			ok = ++got[e[i].mentee] <= lm_fixture_wants(f, e[i].mentee) &&
			     ++load[e[i].mentor] <= lm_fixture_cap(f, e[i].mentor);
		}
		if (!ok || lm_fixture_naive_blocking_array(f, chosen, n))
			continue;
		stable++;
		lm_fixture_check_extreme(f, da[0], chosen, n, 0);
		lm_fixture_check_extreme(f, da[1], chosen, n, 1);
	}
	for (int side = 0; side < 2; side++) {
		lm_fixture_check_feasible(f, da[side]);
		ck_assert_uint_eq(lm_fixture_naive_blocking(f, da[side]), 0);
		g_array_free(da[side], TRUE);
	}
	return stable;
}

static inline unsigned lm_fixture_count_stable(const lm_fixture *f)
{
	return lm_fixture_check_optimal(f);
}

#endif
