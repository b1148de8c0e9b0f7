/* Augmenting paths over the tagged graph without building it
 * (whatif_arcs.h). A search starts at a node of one side with room left and
 * alternates: to a node of the other side by an arc not assigned, checked
 * when the search gets there; back by an assigned pair, read from the
 * assignment; until it reaches a node of the other side with room.
 * Searches go breadth first and stop at the first such node, so a search
 * that succeeds early checks few pairs. */
#include <string.h>
#include "core/cohort_private.h"
#include "assign/units.h"
#include "match/whatif_arcs.h"

/* Tags kept at most, in bytes (one per pair checked). On a 34,000 x 10,000
 * role-model cohort the searches reach about a hundred mentors, 4 MB; a
 * cohort where both sides keep thousands with room (a generated tutoring
 * cohort of 20,000 x 20,000) fills it, and then a node's pairs are checked
 * again each time a search reaches it: more time, bounded memory. */
#define TAG_BUDGET ((size_t)128 << 20)

#define NO_NODE UINT32_MAX

static gboolean side_init(lm_wi_side *a, uint32_t n, const uint32_t *room, uint32_t n_other)
{
	a->n = n;
	a->room = room;
	a->start = g_try_new(size_t, (size_t)n + 1);
	a->len = g_try_new0(uint32_t, (size_t)n + 1);
	a->tag = g_try_new0(uint8_t *, (size_t)n + 1);
	a->filled = g_try_new0(uint32_t, (size_t)n + 1);
	a->seen = g_try_new0(uint32_t, (size_t)n + 1);
	a->dead = g_try_new0(uint32_t, (size_t)n + 1);
	a->via = g_try_new(uint32_t, (size_t)n + 1);
	if (!a->start || !a->len || !a->tag || !a->filled || !a->seen || !a->dead || !a->via)
		return FALSE;
	a->start[0] = 0;
	for (uint32_t i = 0; i < n; i++)
		a->start[i + 1] = a->start[i] + MIN(room[i], n_other);
	a->mate = g_try_new(uint32_t, MAX(a->start[n], (size_t)1));
	return a->mate != NULL;
}

static void side_clear(lm_wi_side *a)
{
	for (uint32_t i = 0; a->tag && i < a->n; i++)
		g_free(a->tag[i]);
	g_free(a->start);
	g_free(a->len);
	g_free(a->mate);
	g_free(a->tag);
	g_free(a->filled);
	g_free(a->seen);
	g_free(a->dead);
	g_free(a->via);
}

gboolean lm_wi_init(lm_wi_graph *g, const lm_scorer *s, const uint32_t *demand,
		    const uint32_t *cap, gboolean keep_current, uint32_t relaxable)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	uint32_t n_rows = c->count[LM_ROLE_MENTEE], n_cols = c->count[LM_ROLE_MENTOR];

	memset(g, 0, sizeof *g);
	g->s = s;
	g->demand = demand;
	g->cap = cap;
	g->keep_current = keep_current;
	g->relaxable = relaxable;
	g->budget = TAG_BUDGET;
	g->queue = g_try_new(uint32_t, (size_t)MAX(n_rows, n_cols) + 1);
	return side_init(&g->side[0], n_rows, demand, n_cols) &&
	       side_init(&g->side[1], n_cols, cap, n_rows) && g->queue;
}

void lm_wi_clear(lm_wi_graph *g)
{
	side_clear(&g->side[0]);
	side_clear(&g->side[1]);
	g_free(g->queue);
}

gboolean lm_wi_pair_open(const lm_wi_graph *g, uint32_t r, uint32_t t)
{
	const lm_cohort *c = lm_scorer_cohort(g->s);

	if (!g->demand[r] || !g->cap[t])
		return FALSE;
	if (g->keep_current) {
		lm_span cur = lm_cohort_mentee(c, r)->current;

		return !cur.len || !lm_span_contains(c, cur, t);
	}
	return TRUE;
}

uint8_t lm_wi_pair_tag(const lm_wi_graph *g, uint32_t r, uint32_t t)
{
	if (!lm_wi_pair_open(g, r, t))
		return LM_WI_NO_ARC;

	uint32_t failed = lm_scorer_check(g->s, r, t);

	if (!failed)
		return LM_UNITS_UNTAGGED;
	if (failed & (failed - 1) || !(failed & g->relaxable))
		return LM_WI_NO_ARC;
	return (uint8_t)g_bit_nth_lsf(failed, -1);
}

static gboolean assigned(const lm_wi_side *a, uint32_t i, uint32_t j)
{
	const uint32_t *m = a->mate + a->start[i];

	for (uint32_t k = 0; k < a->len[i]; k++)
		if (m[k] == j)
			return TRUE;
	return FALSE;
}

static void mate_add(lm_wi_side *a, uint32_t i, uint32_t j)
{
	a->mate[a->start[i] + a->len[i]++] = j;
}

static void mate_drop(lm_wi_side *a, uint32_t i, uint32_t j)
{
	uint32_t *m = a->mate + a->start[i];
	uint32_t k = 0;

	while (m[k] != j)
		k++;
	m[k] = m[--a->len[i]];
}

void lm_wi_link(lm_wi_graph *g, uint32_t r, uint32_t t)
{
	mate_add(&g->side[0], r, t);
	mate_add(&g->side[1], t, r);
}

/* The tag of the pair of node x of side si with node y of the other side,
 * kept when x has room for tags. */
static inline uint8_t tag_at(lm_wi_graph *g, int si, uint32_t x, uint32_t y)
{
	lm_wi_side *a = &g->side[si];
	uint8_t t;

	if (y < a->filled[x])
		return a->tag[x][y];
	t = si ? lm_wi_pair_tag(g, y, x) : lm_wi_pair_tag(g, x, y);
	if (a->tag[x]) {
		a->tag[x][y] = t; /* y == filled[x]: searches check in index order */
		a->filled[x] = y + 1;
	}
	return t;
}

/* Goes through x's arcs usable under `relaxed` to nodes not reached yet:
 * TRUE with *end when one has room; otherwise queues their partners. */
static gboolean visit(lm_wi_graph *g, int si, uint32_t x, unsigned relaxed, size_t *tail,
		      uint32_t *end)
{
	lm_wi_side *a = &g->side[si], *b = &g->side[!si];

	if (!a->tag[x] && g->cached + b->n <= g->budget &&
	    (a->tag[x] = g_try_malloc(MAX(b->n, 1u))))
		g->cached += b->n;
	for (uint32_t y = 0; y < b->n; y++) {
		uint8_t t = tag_at(g, si, x, y);

		if ((t != LM_UNITS_UNTAGGED && t != relaxed) || b->seen[y] == g->epoch ||
		    assigned(a, x, y))
			continue;
		b->seen[y] = g->epoch;
		b->via[y] = x;
		if (b->len[y] < b->room[y]) {
			*end = y;
			return TRUE;
		}
		for (uint32_t k = 0; k < b->len[y]; k++) {
			uint32_t w = b->mate[b->start[y] + k];

			if (a->seen[w] != g->epoch && a->dead[w] != g->pass) {
				a->seen[w] = g->epoch;
				a->via[w] = y;
				g->queue[(*tail)++] = w;
			}
		}
	}
	return FALSE;
}

/* Shifts the pairs along the path ending at y: each node on the way gives
 * up the partner it was reached through and takes the next. */
static void apply(lm_wi_graph *g, int si, uint32_t y)
{
	lm_wi_side *a = &g->side[si], *b = &g->side[!si];

	while (TRUE) {
		uint32_t x = b->via[y], back = a->via[x];

		if (back != NO_NODE) {
			mate_drop(a, x, back);
			mate_drop(b, back, x);
		}
		mate_add(a, x, y);
		mate_add(b, y, x);
		if (back == NO_NODE)
			return;
		y = back;
	}
}

static gboolean search(lm_wi_graph *g, int si, uint32_t x0, unsigned relaxed)
{
	lm_wi_side *a = &g->side[si];
	size_t head = 0, tail = 0;
	uint32_t end;

	a->seen[x0] = g->epoch;
	a->via[x0] = NO_NODE;
	g->queue[tail++] = x0;
	while (head < tail) {
		if (visit(g, si, g->queue[head++], relaxed, &tail, &end)) {
			apply(g, si, end);
			return TRUE;
		}
	}
	for (size_t i = 0; i < tail; i++)
		a->dead[g->queue[i]] = g->pass;
	return FALSE;
}

/* Pairs still to check from each side's nodes with room, were each to
 * check all of theirs: the side with the fewer starts searches. */
static int start_side(const lm_wi_graph *g)
{
	uint64_t cost[2];

	for (int si = 0; si < 2; si++) {
		const lm_wi_side *a = &g->side[si];
		uint64_t open = 0;

		for (uint32_t x = 0; x < a->n; x++)
			open += a->len[x] < a->room[x];
		cost[si] = open * g->side[!si].n;
	}
	return cost[1] <= cost[0];
}

uint64_t lm_wi_augment(lm_wi_graph *g, unsigned relaxed)
{
	int si = start_side(g);
	lm_wi_side *a = &g->side[si];
	uint64_t added = 0;

	/* What a failed search reached cannot reach a node with room, and no
	 * path found later passes through it (it would have led there), so it
	 * stays so: those nodes are left out for the rest of the pass. A start
	 * is among them once its search fails. */
	g->pass++;
	for (uint32_t x = 0; x < a->n; x++) {
		while (a->len[x] < a->room[x] && a->dead[x] != g->pass) {
			g->epoch++;
			if (!search(g, si, x, relaxed))
				break;
			added++;
		}
	}
	return added;
}

gboolean lm_wi_save(const lm_wi_graph *g, lm_wi_state *st)
{
	for (int si = 0; si < 2; si++) {
		const lm_wi_side *a = &g->side[si];

		st->len[si] = g_try_malloc(sizeof(uint32_t) * ((size_t)a->n + 1));
		st->mate[si] = g_try_malloc(sizeof(uint32_t) * MAX(a->start[a->n], (size_t)1));
		if (!st->len[si] || !st->mate[si])
			return FALSE;
		memcpy(st->len[si], a->len, sizeof(uint32_t) * a->n);
		memcpy(st->mate[si], a->mate, sizeof(uint32_t) * a->start[a->n]);
	}
	return TRUE;
}

void lm_wi_restore(lm_wi_graph *g, const lm_wi_state *st)
{
	for (int si = 0; si < 2; si++) {
		lm_wi_side *a = &g->side[si];

		memcpy(a->len, st->len[si], sizeof(uint32_t) * a->n);
		memcpy(a->mate, st->mate[si], sizeof(uint32_t) * a->start[a->n]);
	}
}

void lm_wi_state_clear(lm_wi_state *st)
{
	for (int si = 0; si < 2; si++) {
		g_free(st->len[si]);
		g_free(st->mate[si]);
	}
	memset(st, 0, sizeof *st);
}
