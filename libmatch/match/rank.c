/* Building strict preference lists from a cohort and a model: choices
 * first, then scores, ties by a seeded key. See rank.h. */
#include <stdlib.h>
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/rank.h"

/* One entry of a person's list; everything the order needs is in it so a
 * plain qsort suffices. */
typedef struct entry {
	uint32_t choice;   /* position in the person's choices; UINT32_MAX = not chosen */
	lm_score score;
	uint64_t key;
	uint32_t other;
} entry;

static int compare_entries(const void *a, const void *b)
{
	const entry *x = a, *y = b;

	if (x->choice != y->choice)
		return x->choice < y->choice ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->other > y->other) - (x->other < y->other);
}

uint64_t lm_rank_key(uint64_t seed, int side, uint32_t index)
{
	/* The side is folded into the seed so that the two sides' keys differ. */
	uint64_t z = seed + (side ? 0xd1b54a32d192ed03ULL : 0) +
		     ((uint64_t)index + 1) * 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A feasible pair with its score. */
typedef struct scored {
	uint32_t mentee, mentor;
	lm_score score;
} scored;

static GArray *acceptable_pairs(const lm_scorer *s, const uint32_t *demand, int objective,
				gboolean keep_current)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	GArray *pairs = g_array_new(FALSE, FALSE, sizeof(scored));

	for (uint32_t m = 0; m < c->count[LM_ROLE_MENTEE]; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);

		if (demand[m] == 0)
			continue;
		for (uint32_t t = 0; t < c->count[LM_ROLE_MENTOR]; t++) {
			if (keep_current && p->current.len && lm_span_contains(c, p->current, t))
				continue;
			if (!lm_scorer_feasible(s, m, t))
				continue;
			scored e = { m, t, lm_scorer_score(s, m, t, NULL) };

			if (objective == LM_OBJECTIVE_SCORE && e.score <= 0)
				continue;
			g_array_append_val(pairs, e);
		}
	}
	return pairs;
}

/* Sorts each person's entries and writes the lists in CSR form. */
static void write_lists(const lm_cohort *c, int side, entry *entries, const size_t *start,
			uint32_t n, uint64_t seed, uint32_t *list)
{
	uint32_t *pos = g_new(uint32_t, MAX(c->count[!side], 1u));

	for (uint32_t i = 0; i < c->count[!side]; i++)
		pos[i] = UINT32_MAX;
	for (uint32_t i = 0; i < n; i++) {
		const lm_person *p = &c->people[side][i];
		const uint32_t *ch = lm_span_refs(c, p->choices);
		entry *e = entries + start[i];
		size_t len = start[i + 1] - start[i];

		for (uint32_t k = 0; k < p->choices.len; k++)
			pos[ch[k]] = k;
		for (size_t k = 0; k < len; k++) {
			e[k].choice = pos[e[k].other];
			e[k].key = lm_rank_key(seed, !side, e[k].other);
		}
		qsort(e, len, sizeof *e, compare_entries);
		for (size_t k = 0; k < len; k++)
			list[start[i] + k] = e[k].other;
		for (uint32_t k = 0; k < p->choices.len; k++)
			pos[ch[k]] = UINT32_MAX;
	}
	g_free(pos);
}

/* Counts per person, then offsets: start has n + 1 entries. */
static size_t *offsets(const GArray *pairs, int side, uint32_t n)
{
	size_t *start = g_new0(size_t, (size_t)n + 1);

	for (guint i = 0; i < pairs->len; i++) {
		const scored *p = &g_array_index(pairs, scored, i);

		start[(side ? p->mentor : p->mentee) + 1]++;
	}
	for (uint32_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	return start;
}

static uint32_t *side_lists(const lm_cohort *c, const GArray *pairs, int side,
			    const size_t *start, uint64_t seed)
{
	uint32_t n = c->count[side];
	entry *entries = g_new(entry, MAX(pairs->len, 1u));
	size_t *fill = g_memdup2(start, ((size_t)n + 1) * sizeof *start);
	uint32_t *list = g_new(uint32_t, MAX(pairs->len, 1u));

	for (guint i = 0; i < pairs->len; i++) {
		const scored *p = &g_array_index(pairs, scored, i);
		uint32_t me = side ? p->mentor : p->mentee;

		entries[fill[me]++] = (entry){ .score = p->score,
					       .other = side ? p->mentee : p->mentor };
	}
	write_lists(c, side, entries, start, n, seed, list);
	g_free(fill);
	g_free(entries);
	return list;
}

int lm_rank_build(lm_rank_lists *out, const lm_scorer *s, const uint32_t *demand,
		  const uint32_t *cap, int objective, uint64_t seed, gboolean keep_current,
		  lm_error **err)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	uint32_t rows = c->count[LM_ROLE_MENTEE], cols = c->count[LM_ROLE_MENTOR];

	if (!out || !demand || !cap)
		return lm_set_error(err, LM_EINVAL, "lm_rank_build: missing argument");
	memset(out, 0, sizeof *out);

	GArray *pairs = acceptable_pairs(s, demand, objective, keep_current);

	out->wants = g_memdup2(demand, MAX(rows, 1u) * sizeof(uint32_t));
	out->cap = g_memdup2(cap, MAX(cols, 1u) * sizeof(uint32_t));
	out->mentee_start = offsets(pairs, 0, rows);
	out->mentor_start = offsets(pairs, 1, cols);
	out->mentee_list = side_lists(c, pairs, 0, out->mentee_start, seed);
	out->mentor_list = side_lists(c, pairs, 1, out->mentor_start, seed);
	g_array_free(pairs, TRUE);
	out->r = (lm_rankings){
		.n_mentees = rows,
		.n_mentors = cols,
		.mentee_wants = out->wants,
		.mentor_cap = out->cap,
		.mentee_start = out->mentee_start,
		.mentee_list = out->mentee_list,
		.mentor_start = out->mentor_start,
		.mentor_list = out->mentor_list,
	};
	return 0;
}

void lm_rank_clear(lm_rank_lists *l)
{
	if (!l)
		return;
	g_free(l->wants);
	g_free(l->cap);
	g_free(l->mentee_start);
	g_free(l->mentor_start);
	g_free(l->mentee_list);
	g_free(l->mentor_list);
	memset(l, 0, sizeof *l);
}

typedef struct waiter {
	int32_t days;
	uint64_t key;
	uint32_t mentee;
} waiter;

static int compare_waiters(const void *a, const void *b)
{
	const waiter *x = a, *y = b;

	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->mentee > y->mentee) - (x->mentee < y->mentee);
}

uint32_t *lm_rank_rounds_order(const lm_cohort *c, uint64_t seed)
{
	uint32_t n = c->count[LM_ROLE_MENTEE];
	waiter *w = g_new(waiter, MAX(n, 1u));
	uint32_t *order = g_new(uint32_t, MAX(n, 1u));

	/* waiting_days is -1 when not given, so those mentees sort last. */
	for (uint32_t m = 0; m < n; m++)
		w[m] = (waiter){ lm_cohort_mentee(c, m)->waiting_days, lm_rank_key(seed, 0, m), m };
	qsort(w, n, sizeof *w, compare_waiters);
	for (uint32_t i = 0; i < n; i++)
		order[i] = w[i].mentee;
	g_free(w);
	return order;
}
