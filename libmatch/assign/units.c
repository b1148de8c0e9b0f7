/* Maximum units by Hopcroft-Karp with capacities (assign/units.h). */
#include <string.h>
#include "assign/flow_private.h"
#include "assign/units.h"

static gboolean arc_usable(const lm_units *x, size_t a)
{
	const lm_flow_input *in = x->in;

	if (x->tag && x->tag[a] != LM_UNITS_UNTAGGED && x->tag[a] != x->relaxed)
		return FALSE;
	return !in->arc_score || lm_units_score_usable(in, in->arc_score[a], x->min_score);
}


gboolean lm_units_init(lm_units *x, const lm_flow_input *in, lm_score min_score)
{
	size_t m = in->row_start[in->n_rows], n = (size_t)in->n_rows + in->n_cols + 1;

	memset(x, 0, sizeof *x);
	x->in = in;
	x->min_score = min_score;
	x->nr = in->n_rows;
	x->nc = in->n_cols;
	x->row_flow = g_try_new0(uint32_t, x->nr + 1);
	x->arc_flow = g_try_new0(uint8_t, MAX(m, (size_t)1));
	x->slot_start = g_try_new0(size_t, (size_t)x->nc + 2);
	x->slot_len = g_try_new0(uint32_t, x->nc + 1);
	x->level = g_try_new(int32_t, n);
	x->it = g_try_new(size_t, n);
	x->queue = g_try_new(uint32_t, n);
	x->stack = g_try_new(uint32_t, n + 1);
	x->via = g_try_new(size_t, n + 1);
	if (!x->row_flow || !x->arc_flow || !x->slot_start || !x->slot_len || !x->level ||
	    !x->it || !x->queue || !x->stack || !x->via)
		return FALSE;
	for (size_t a = 0; a < m; a++)
		x->slot_start[in->arc_col[a] + 1]++;
	for (uint32_t c = 0; c < x->nc; c++)
		x->slot_start[c + 1] = x->slot_start[c] +
				       MIN(x->slot_start[c + 1], (size_t)lm_flow_cap(in, c));
	x->slot_arc = g_try_new(size_t, MAX(x->slot_start[x->nc], (size_t)1));
	x->slot_row = g_try_new(uint32_t, MAX(x->slot_start[x->nc], (size_t)1));
	return x->slot_arc && x->slot_row;
}

void lm_units_clear(lm_units *x)
{
	g_free(x->row_flow);
	g_free(x->arc_flow);
	g_free(x->slot_start);
	g_free(x->slot_len);
	g_free(x->slot_arc);
	g_free(x->slot_row);
	g_free(x->level);
	g_free(x->it);
	g_free(x->queue);
	g_free(x->stack);
	g_free(x->via);
}

static gboolean has_room(const lm_units *x, uint32_t c)
{
	return x->slot_len[c] < lm_flow_cap(x->in, c);
}

/* Levels from the rows with room; TRUE when some column with room is reached. */
static gboolean bfs(lm_units *x)
{
	const lm_flow_input *in = x->in;
	size_t head = 0, tail = 0;
	gboolean found = FALSE;

	for (size_t v = 0; v < (size_t)x->nr + x->nc; v++)
		x->level[v] = -1;
	for (uint32_t r = 0; r < x->nr; r++)
		if (x->row_flow[r] < lm_flow_demand(in, r)) {
			x->level[r] = 0;
			x->queue[tail++] = r;
		}
	while (head < tail && !found) {
		uint32_t v = x->queue[head++];

		if (v < x->nr) {
			for (size_t a = in->row_start[v]; a < in->row_start[v + 1]; a++) {
				uint32_t c = x->nr + in->arc_col[a];

				if (!x->arc_flow[a] && x->level[c] < 0 &&
				    arc_usable(x, a)) {
					x->level[c] = x->level[v] + 1;
					x->queue[tail++] = c;
				}
			}
			continue;
		}
		uint32_t c = v - x->nr;

		/* Past the first level with a free column no shorter path exists. */
		found = has_room(x, c);
		for (size_t k = x->slot_start[c]; k < x->slot_start[c] + x->slot_len[c]; k++) {
			uint32_t r = x->slot_row[k];

			if (x->level[r] < 0) {
				x->level[r] = x->level[v] + 1;
				x->queue[tail++] = r;
			}
		}
	}
	for (; head < tail; head++)
		found |= x->queue[head] >= x->nr && has_room(x, x->queue[head] - x->nr);
	return found;
}

/* The next neighbour of v one level down the level graph, or FALSE. */
static gboolean next_step(lm_units *x, uint32_t v, uint32_t *w, size_t *arc)
{
	const lm_flow_input *in = x->in;

	if (v < x->nr) {
		for (; x->it[v] < in->row_start[v + 1]; x->it[v]++) {
			size_t a = x->it[v];
			uint32_t c = x->nr + in->arc_col[a];

			if (!x->arc_flow[a] && x->level[c] == x->level[v] + 1 &&
			    arc_usable(x, a)) {
				*w = c;
				*arc = a;
				return TRUE;
			}
		}
		return FALSE;
	}
	uint32_t c = v - x->nr;

	for (; x->it[v] < x->slot_start[c] + x->slot_len[c]; x->it[v]++) {
		uint32_t r = x->slot_row[x->it[v]];

		if (x->level[r] == x->level[v] + 1) {
			*w = r;
			*arc = x->slot_arc[x->it[v]];
			return TRUE;
		}
	}
	return FALSE;
}

/* Applies the path on the stack: each column hands its place from the row
 * after it (arc dropped) to the row before it (arc taken). */
static void apply(lm_units *x, size_t depth)
{
	for (size_t i = 1; i <= depth; i += 2) {
		uint32_t c = x->stack[i] - x->nr;

		if (i + 1 <= depth) {
			size_t a = x->via[i + 1], k = x->slot_start[c];

			while (x->slot_arc[k] != a)
				k++;
			x->arc_flow[a] = 0;
			x->slot_len[c]--;
			x->slot_arc[k] = x->slot_arc[x->slot_start[c] + x->slot_len[c]];
			x->slot_row[k] = x->slot_row[x->slot_start[c] + x->slot_len[c]];
		}
		x->arc_flow[x->via[i]] = 1;
		x->slot_arc[x->slot_start[c] + x->slot_len[c]] = x->via[i];
		x->slot_row[x->slot_start[c] + x->slot_len[c]] = x->stack[i - 1];
		x->slot_len[c]++;
	}
}

/* One augmenting path from row r in the level graph (iterative DFS). */
static gboolean augment(lm_units *x, uint32_t r)
{
	size_t depth = 0;

	x->stack[0] = r;
	while (TRUE) {
		uint32_t v = x->stack[depth], w;
		size_t a;

		if (v >= x->nr && has_room(x, v - x->nr)) {
			apply(x, depth);
			x->row_flow[r]++;
			return TRUE;
		}
		if (next_step(x, v, &w, &a)) {
			x->stack[++depth] = w;
			x->via[depth] = a;
			continue;
		}
		x->level[v] = -1; /* a dead end for the rest of the phase */
		if (depth == 0)
			return FALSE;
		depth--;
		x->it[x->stack[depth]]++;
	}
}

uint64_t lm_units_augment(lm_units *x)
{
	const lm_flow_input *in = x->in;
	uint64_t units = 0;

	while (bfs(x)) {
		for (uint32_t r = 0; r < x->nr; r++)
			x->it[r] = in->row_start[r];
		for (uint32_t c = 0; c < x->nc; c++)
			x->it[x->nr + c] = x->slot_start[c];
		for (uint32_t r = 0; r < x->nr; r++)
			while (x->level[r] == 0 && x->row_flow[r] < lm_flow_demand(in, r) &&
			       augment(x, r))
				units++;
	}
	return units;
}


gboolean lm_units_save(const lm_units *x, lm_units_state *st)
{
	size_t m = x->in->row_start[x->nr], slots = x->slot_start[x->nc];

	st->row_flow = g_try_malloc(sizeof(uint32_t) * (x->nr + 1));
	st->slot_len = g_try_malloc(sizeof(uint32_t) * (x->nc + 1));
	st->slot_row = g_try_malloc(sizeof(uint32_t) * MAX(slots, (size_t)1));
	st->slot_arc = g_try_malloc(sizeof(size_t) * MAX(slots, (size_t)1));
	st->arc_flow = g_try_malloc(MAX(m, (size_t)1));
	if (!st->row_flow || !st->slot_len || !st->slot_row || !st->slot_arc || !st->arc_flow)
		return FALSE;
	memcpy(st->row_flow, x->row_flow, sizeof(uint32_t) * (x->nr + 1));
	memcpy(st->slot_len, x->slot_len, sizeof(uint32_t) * (x->nc + 1));
	memcpy(st->slot_row, x->slot_row, sizeof(uint32_t) * MAX(slots, (size_t)1));
	memcpy(st->slot_arc, x->slot_arc, sizeof(size_t) * MAX(slots, (size_t)1));
	memcpy(st->arc_flow, x->arc_flow, MAX(m, (size_t)1));
	return TRUE;
}

void lm_units_restore(lm_units *x, const lm_units_state *st)
{
	size_t m = x->in->row_start[x->nr], slots = x->slot_start[x->nc];

	memcpy(x->row_flow, st->row_flow, sizeof(uint32_t) * (x->nr + 1));
	memcpy(x->slot_len, st->slot_len, sizeof(uint32_t) * (x->nc + 1));
	memcpy(x->slot_row, st->slot_row, sizeof(uint32_t) * MAX(slots, (size_t)1));
	memcpy(x->slot_arc, st->slot_arc, sizeof(size_t) * MAX(slots, (size_t)1));
	memcpy(x->arc_flow, st->arc_flow, MAX(m, (size_t)1));
}

void lm_units_state_clear(lm_units_state *st)
{
	g_free(st->row_flow);
	g_free(st->slot_len);
	g_free(st->slot_row);
	g_free(st->slot_arc);
	g_free(st->arc_flow);
	memset(st, 0, sizeof *st);
}
