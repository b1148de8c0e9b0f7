/* Deferred acceptance (Gale and Shapley 1962) for hospitals/residents with
 * capacities on both sides, and the blocking-pair check.
 *
 * One routine runs either direction: the proposing side P walks down its
 * lists, the receiving side R keeps the best offers that fit its quota.
 * Everything is linear in the total list length:
 *  - before the run, each entry of a proposer's list learns the receiver's
 *    rank of that proposer (or "unacceptable") through a reverse index, so
 *    an offer is judged in O(1) without a rank matrix;
 *  - a receiver keeps a held flag per entry of its own list and a pointer
 *    to its worst held entry; once full, that pointer only moves towards
 *    better entries, so finding the next worst costs O(list length) in all;
 *  - each proposal advances the proposer's pointer, so there are at most as
 *    many proposals as list entries.
 * All arrays are allocated once, before the run. */
#include <stdlib.h>
#include <string.h>
#include "core/error_private.h"
#include "assign/stable.h"

#define NONE UINT32_MAX

/* One side of the market as the engine sees it. */
typedef struct side {
	uint32_t n;
	const uint32_t *quota; /* NULL: 1 each */
	const size_t *start;
	const uint32_t *list;
} side;

static inline uint32_t quota(const side *s, uint32_t i)
{
	return s->quota ? s->quota[i] : 1;
}

static inline size_t total(const side *s)
{
	return s->n ? s->start[s->n] : 0;
}

static void sides(const lm_rankings *in, side *mentees, side *mentors)
{
	*mentees = (side){ in->n_mentees, in->mentee_wants, in->mentee_start, in->mentee_list };
	*mentors = (side){ in->n_mentors, in->mentor_cap, in->mentor_start, in->mentor_list };
}

/* ---- checking the input ---------------------------------------------------------- */

/* Offsets ascending, entries in range, no one listed twice in one list.
 * `seen` holds other_n stamps, all NONE on entry. */
static int check_side(const side *s, uint32_t other_n, uint32_t *seen, const char *what,
		      lm_error **err)
{
	if (s->n && (!s->start || (total(s) && !s->list)))
		return lm_set_error(err, LM_EINVAL, "%s lists are NULL", what);
	if (s->n && s->start[0] != 0)
		return lm_set_error(err, LM_EINVAL, "%s lists do not start at offset 0", what);
	for (uint32_t i = 0; i < s->n; i++) {
		if (s->start[i + 1] < s->start[i] || s->start[i + 1] - s->start[i] >= NONE)
			return lm_set_error(err, LM_EINVAL, "%s %u: bad list offsets", what, i);
		for (size_t j = s->start[i]; j < s->start[i + 1]; j++) {
			uint32_t o = s->list[j];

			if (o >= other_n)
				return lm_set_error(err, LM_EINVAL, "%s %u lists %u, out of range",
						    what, i, o);
			if (seen[o] == i)
				return lm_set_error(err, LM_EINVAL, "%s %u lists %u twice", what,
						    i, o);
			seen[o] = i;
		}
	}
	return 0;
}

int lm_rankings_check(const lm_rankings *in, lm_error **err)
{
	side me, mr;
	uint32_t *seen;
	int rc;

	if (!in)
		return lm_set_error(err, LM_EINVAL, "no rankings");
	if (in->n_mentees == NONE || in->n_mentors == NONE)
		return lm_set_error(err, LM_EINVAL, "too many people");
	sides(in, &me, &mr);
	seen = g_try_new(uint32_t, MAX(MAX(in->n_mentees, in->n_mentors), 1u));
	if (!seen)
		return lm_set_error(err, LM_ENOMEM, "out of memory checking rankings");
	memset(seen, 0xff, sizeof(uint32_t) * MAX(in->n_mentors, 1u));
	rc = check_side(&me, in->n_mentors, seen, "mentee", err);
	if (rc == 0) {
		memset(seen, 0xff, sizeof(uint32_t) * MAX(in->n_mentees, 1u));
		rc = check_side(&mr, in->n_mentees, seen, "mentor", err);
	}
	g_free(seen);
	return rc;
}

/* ---- ranks across the two sides --------------------------------------------------- */

typedef struct ranked_by {
	uint32_t who;  /* the b-person */
	uint32_t rank; /* the rank they give the a-person */
} ranked_by;

/* out[j], for entry j of a's lists (a person of b), is the rank b gives that
 * a-person, or NONE when b does not list them back. Linear, and cache-kind
 * at scale: b's lists are transposed by a-person (one scattered pass), then
 * each a-person's list is read in order against a small stamp array over b. */
static int cross_ranks(const side *a, const side *b, uint32_t *out, lm_error **err)
{
	size_t lb = total(b);
	size_t *t_start = g_try_new0(size_t, (size_t)a->n + 2);
	ranked_by *t = g_try_new(ranked_by, MAX(lb, (size_t)1));
	uint32_t *rank = g_try_new(uint32_t, MAX(b->n, 1u));

	if (!t_start || !t || !rank) {
		g_free(t_start);
		g_free(t);
		g_free(rank);
		return lm_set_error(err, LM_ENOMEM, "out of memory ranking %zu list entries", lb);
	}
	/* Counting sort of b's entries by the a-person they name; t_start is
	 * shifted by one so the fill pass leaves it holding the row starts. */
	for (size_t i = 0; i < lb; i++)
		t_start[b->list[i] + 2]++;
	for (uint32_t p = 0; p < a->n; p++)
		t_start[p + 2] += t_start[p + 1];
	for (uint32_t r = 0; r < b->n; r++)
		for (size_t i = b->start[r]; i < b->start[r + 1]; i++)
			t[t_start[b->list[i] + 1]++] = (ranked_by){ r, (uint32_t)(i - b->start[r]) };
	memset(rank, 0xff, sizeof(uint32_t) * MAX(b->n, 1u));
	for (uint32_t p = 0; p < a->n; p++) {
		for (size_t k = t_start[p]; k < t_start[p + 1]; k++)
			rank[t[k].who] = t[k].rank;
		for (size_t j = a->start[p]; j < a->start[p + 1]; j++)
			out[j] = rank[a->list[j]];
		for (size_t k = t_start[p]; k < t_start[p + 1]; k++)
			rank[t[k].who] = NONE;
	}
	g_free(t_start);
	g_free(t);
	g_free(rank);
	return 0;
}

/* ---- deferred acceptance ---------------------------------------------------------- */

typedef struct da {
	const side *P, *R;
	uint32_t *rank;  /* per P entry: the receiver's rank of the proposer, NONE unacceptable */
	uint8_t *held;   /* per R entry: that proposer's offer is held */
	uint32_t *count; /* per receiver: offers held */
	uint32_t *worst; /* per receiver: rank of the worst held offer */
	size_t *next;    /* per proposer: the next entry to propose to */
	uint32_t *nheld; /* per proposer: offers held by receivers */
	uint32_t *queue; /* ring of proposers that may still propose */
	uint8_t *queued;
	size_t head, len;
} da;

static void da_clear(da *d)
{
	g_free(d->rank);
	g_free(d->held);
	g_free(d->count);
	g_free(d->worst);
	g_free(d->next);
	g_free(d->nheld);
	g_free(d->queue);
	g_free(d->queued);
}

static int da_init(da *d, const side *P, const side *R, lm_error **err)
{
	size_t lp = total(P), lr = total(R);
	uint32_t np = MAX(P->n, 1u), nr = MAX(R->n, 1u);

	*d = (da){ .P = P, .R = R };
	d->rank = g_try_new(uint32_t, MAX(lp, (size_t)1));
	d->held = g_try_new0(uint8_t, MAX(lr, (size_t)1));
	d->count = g_try_new0(uint32_t, nr);
	d->worst = g_try_new0(uint32_t, nr);
	d->next = g_try_new(size_t, np);
	d->nheld = g_try_new0(uint32_t, np);
	d->queue = g_try_new(uint32_t, np);
	d->queued = g_try_new0(uint8_t, np);
	if (!d->rank || !d->held || !d->count || !d->worst || !d->next || !d->nheld ||
	    !d->queue || !d->queued)
		return lm_set_error(err, LM_ENOMEM, "out of memory for %zu + %zu list entries",
				    lp, lr);
	for (uint32_t p = 0; p < P->n; p++)
		d->next[p] = P->start[p];
	return cross_ranks(P, R, d->rank, err);
}

static void enqueue(da *d, uint32_t p)
{
	if (d->queued[p] || d->next[p] == d->P->start[p + 1])
		return;
	d->queued[p] = 1;
	d->queue[(d->head + d->len++) % d->P->n] = p;
}

/* Receiver r judges the offer of the proposer it ranks k. Returns FALSE if
 * rejected; otherwise TRUE and *evicted is the proposer pushed out, or NONE. */
static gboolean offer(da *d, uint32_t r, uint32_t k, uint32_t *evicted)
{
	uint8_t *held = d->held + d->R->start[r];
	uint32_t q = quota(d->R, r);

	*evicted = NONE;
	if (d->count[r] < q) {
		held[k] = 1;
		if (d->count[r]++ == 0 || k > d->worst[r])
			d->worst[r] = k;
		return TRUE;
	}
	if (q == 0 || k > d->worst[r])
		return FALSE;
	/* Full: the worst goes, and the new worst is the next held entry above
	 * it (k itself at the latest), so the pointer only ever moves up. */
	uint32_t w = d->worst[r];

	held[w] = 0;
	*evicted = d->R->list[d->R->start[r] + w];
	held[k] = 1;
	while (!held[w])
		w--;
	d->worst[r] = w;
	return TRUE;
}

static void da_run(da *d)
{
	const side *P = d->P;

	for (uint32_t p = 0; p < P->n; p++)
		if (quota(P, p) > 0)
			enqueue(d, p);
	while (d->len) {
		uint32_t p = d->queue[d->head];

		d->head = (d->head + 1) % P->n;
		d->len--;
		d->queued[p] = 0;
		while (d->nheld[p] < quota(P, p) && d->next[p] < P->start[p + 1]) {
			size_t j = d->next[p]++;
			uint32_t evicted;

			if (d->rank[j] == NONE || !offer(d, P->list[j], d->rank[j], &evicted))
				continue;
			d->nheld[p]++;
			if (evicted != NONE) {
				d->nheld[evicted]--;
				enqueue(d, evicted);
			}
		}
	}
}

/* ---- pairs ------------------------------------------------------------------------ */

/* Stable counting sort of a[0..n) into b by key (mentee or mentor). */
static void sort_by(const lm_pair_ix *a, lm_pair_ix *b, size_t n, uint32_t keys,
		    gboolean by_mentee, size_t *count)
{
	memset(count, 0, ((size_t)keys + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		count[(by_mentee ? a[i].mentee : a[i].mentor) + 1]++;
	for (uint32_t k = 0; k < keys; k++)
		count[k + 1] += count[k];
	for (size_t i = 0; i < n; i++)
		b[count[by_mentee ? a[i].mentee : a[i].mentor]++] = a[i];
}

int lm_pair_ix_sort(GArray *pairs, uint32_t n_mentees, uint32_t n_mentors)
{
	size_t n = pairs->len;
	lm_pair_ix *tmp = g_try_new(lm_pair_ix, MAX(n, (size_t)1));
	size_t *count = g_try_new(size_t, (size_t)MAX(n_mentees, n_mentors) + 1);
	lm_pair_ix *a = (lm_pair_ix *)(void *)pairs->data;

	if (!tmp || !count) {
		g_free(tmp);
		g_free(count);
		return LM_ENOMEM;
	}
	/* Least significant key first: by mentor, then stably by mentee. */
	sort_by(a, tmp, n, n_mentors, FALSE, count);
	sort_by(tmp, a, n, n_mentees, TRUE, count);
	g_free(tmp);
	g_free(count);
	return 0;
}

/* The held offers as (mentee, mentor) pairs, sorted. */
static int collect(const da *d, gboolean mentees_propose, uint32_t n_mentees,
		   uint32_t n_mentors, GArray **pairs, lm_error **err)
{
	const side *R = d->R;
	size_t n = 0;
	GArray *out;

	for (uint32_t r = 0; r < R->n; r++)
		n += d->count[r];
	out = g_array_sized_new(FALSE, FALSE, sizeof(lm_pair_ix), (guint)MAX(n, (size_t)1));
	for (uint32_t r = 0; r < R->n; r++) {
		for (size_t i = R->start[r]; i < R->start[r + 1]; i++) {
			if (!d->held[i])
				continue;
			lm_pair_ix pr = mentees_propose ? (lm_pair_ix){ R->list[i], r }
							: (lm_pair_ix){ r, R->list[i] };
			g_array_append_val(out, pr);
		}
	}
	if (lm_pair_ix_sort(out, n_mentees, n_mentors) < 0) {
		g_array_free(out, TRUE);
		return lm_set_error(err, LM_ENOMEM, "out of memory sorting %zu pairs", n);
	}
	*pairs = out;
	return 0;
}

int lm_stable_solve(const lm_rankings *in, int proposers, GArray **pairs, lm_error **err)
{
	side me, mr;
	da d;
	int rc;

	if (!pairs)
		return lm_set_error(err, LM_EINVAL, "lm_stable_solve: pairs is NULL");
	if (proposers != LM_PROPOSERS_MENTEES && proposers != LM_PROPOSERS_MENTORS)
		return lm_set_error(err, LM_EINVAL, "unknown proposing side %d", proposers);
	if ((rc = lm_rankings_check(in, err)) < 0)
		return rc;
	sides(in, &me, &mr);
	gboolean by_mentees = proposers == LM_PROPOSERS_MENTEES;

	rc = da_init(&d, by_mentees ? &me : &mr, by_mentees ? &mr : &me, err);
	if (rc == 0) {
		da_run(&d);
		rc = collect(&d, by_mentees, in->n_mentees, in->n_mentors, pairs, err);
	}
	da_clear(&d);
	return rc;
}

/* ---- blocking pairs --------------------------------------------------------------- */

/* What one side holds in a given matching: per person, how many partners
 * and the rank of the worst (NONE when a partner is not on their list,
 * which makes every acceptable partner better). */
typedef struct holding {
	uint32_t *count, *worst;
} holding;

/* Fills h for side s from the pairs grouped by s-person (idx, grouped by
 * `owner`), using a scratch rank array over the other side (all NONE). */
static void hold(const side *s, const lm_pair_ix *pairs, const size_t *grp_start,
		 const size_t *grp, gboolean s_is_mentees, uint32_t *scratch, holding *h)
{
	for (uint32_t i = 0; i < s->n; i++) {
		size_t a = s->start[i], b = s->start[i + 1];

		for (size_t j = a; j < b; j++)
			scratch[s->list[j]] = (uint32_t)(j - a);
		h->count[i] = 0;
		h->worst[i] = 0;
		for (size_t k = grp_start[i]; k < grp_start[i + 1]; k++) {
			const lm_pair_ix *pr = &pairs[grp[k]];
			uint32_t rk = scratch[s_is_mentees ? pr->mentor : pr->mentee];

			h->count[i]++;
			if (rk == NONE || rk > h->worst[i])
				h->worst[i] = rk;
		}
		for (size_t j = a; j < b; j++)
			scratch[s->list[j]] = NONE;
	}
}

/* Indices of the valid pairs grouped by mentee (or mentor): counting sort. */
static void group(const lm_pair_ix *pairs, size_t n, uint32_t keys, gboolean by_mentee,
		  uint32_t n_mentees, uint32_t n_mentors, size_t *start, size_t *idx)
{
	memset(start, 0, ((size_t)keys + 2) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		if (pairs[i].mentee < n_mentees && pairs[i].mentor < n_mentors)
			start[(by_mentee ? pairs[i].mentee : pairs[i].mentor) + 2]++;
	for (uint32_t k = 0; k < keys; k++)
		start[k + 2] += start[k + 1];
	for (size_t i = 0; i < n; i++)
		if (pairs[i].mentee < n_mentees && pairs[i].mentor < n_mentors)
			idx[start[(by_mentee ? pairs[i].mentee : pairs[i].mentor) + 1]++] = i;
}

static inline gboolean wants(const holding *h, uint32_t q, uint32_t i, uint32_t rank)
{
	return h->count[i] < q || (h->count[i] > 0 && rank < h->worst[i]);
}

/* For each mentee, the acceptable pairs it is not in that block. */
static size_t find_blocking(const side *me, const side *mr, const uint32_t *mentor_rank,
			    const holding *hm, const holding *hr, const lm_pair_ix *pairs,
			    const size_t *by_mentee, const size_t *idx, uint8_t *in_pair,
			    GArray *blocking)
{
	size_t found = 0;

	for (uint32_t m = 0; m < me->n; m++) {
		for (size_t k = by_mentee[m]; k < by_mentee[m + 1]; k++)
			in_pair[pairs[idx[k]].mentor] = 1;
		for (size_t j = me->start[m]; j < me->start[m + 1]; j++) {
			uint32_t r = me->list[j];

			if (in_pair[r] || mentor_rank[j] == NONE ||
			    !wants(hm, quota(me, m), m, (uint32_t)(j - me->start[m])) ||
			    !wants(hr, quota(mr, r), r, mentor_rank[j]))
				continue;
			lm_pair_ix b = { m, r };
			g_array_append_val(blocking, b);
			found++;
		}
		for (size_t k = by_mentee[m]; k < by_mentee[m + 1]; k++)
			in_pair[pairs[idx[k]].mentor] = 0;
	}
	return found;
}

static int compare_pairs(const void *a, const void *b)
{
	const lm_pair_ix *x = a, *y = b;

	if (x->mentee != y->mentee)
		return x->mentee < y->mentee ? -1 : 1;
	return x->mentor < y->mentor ? -1 : x->mentor > y->mentor;
}

size_t lm_stable_blocking_pairs(const lm_rankings *in, const lm_pair_ix *pairs, size_t n,
				GArray *blocking)
{
	side me, mr;
	size_t found = SIZE_MAX;

	g_return_val_if_fail(in && blocking && (pairs || n == 0), SIZE_MAX);
	if (lm_rankings_check(in, NULL) < 0)
		return SIZE_MAX;
	sides(in, &me, &mr);

	uint32_t nme = MAX(me.n, 1u), nmr = MAX(mr.n, 1u);
	uint32_t *mentor_rank = g_try_new(uint32_t, MAX(total(&me), (size_t)1));
	size_t *by_mentee = g_try_new(size_t, (size_t)nme + 2);
	size_t *by_mentor = g_try_new(size_t, (size_t)nmr + 2);
	size_t *idx_me = g_try_new(size_t, MAX(n, (size_t)1));
	size_t *idx_mr = g_try_new(size_t, MAX(n, (size_t)1));
	uint32_t *scratch = g_try_new(uint32_t, MAX(nme, nmr));
	uint8_t *in_pair = g_try_new0(uint8_t, nmr);
	holding hm = { g_try_new(uint32_t, nme), g_try_new(uint32_t, nme) };
	holding hr = { g_try_new(uint32_t, nmr), g_try_new(uint32_t, nmr) };
	guint before = blocking->len;

	if (mentor_rank && by_mentee && by_mentor && idx_me && idx_mr && scratch && in_pair &&
	    hm.count && hm.worst && hr.count && hr.worst &&
	    cross_ranks(&me, &mr, mentor_rank, NULL) == 0) {
		memset(scratch, 0xff, sizeof(uint32_t) * MAX(nme, nmr));
		group(pairs, n, me.n, TRUE, me.n, mr.n, by_mentee, idx_me);
		group(pairs, n, mr.n, FALSE, me.n, mr.n, by_mentor, idx_mr);
		hold(&me, pairs, by_mentee, idx_me, TRUE, scratch, &hm);
		hold(&mr, pairs, by_mentor, idx_mr, FALSE, scratch, &hr);
		found = find_blocking(&me, &mr, mentor_rank, &hm, &hr, pairs, by_mentee, idx_me,
				      in_pair, blocking);
		/* Within a mentee, by mentor index rather than by preference. An
		 * array never appended to has no storage: nothing to sort. */
		if (found)
			qsort(blocking->data + (size_t)before * sizeof(lm_pair_ix), found,
			      sizeof(lm_pair_ix), compare_pairs);
	}
	g_free(mentor_rank);
	g_free(by_mentee);
	g_free(by_mentor);
	g_free(idx_me);
	g_free(idx_mr);
	g_free(scratch);
	g_free(in_pair);
	g_free(hm.count);
	g_free(hm.worst);
	g_free(hr.count);
	g_free(hr.worst);
	return found;
}
