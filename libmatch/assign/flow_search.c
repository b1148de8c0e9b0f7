/* The shortest augmenting path search of the assignment engine: Dijkstra
 * on reduced costs from one row, stopping at the first free sink, then the
 * augmentation and the price update (docs/solver.md). Every buffer is
 * allocated once per solve: labels are invalidated by bumping a
 * generation counter instead of clearing arrays. */
#include <string.h>
#include "core/error_private.h"
#include "assign/flow_private.h"

#define MARK_LABELLED(w) ((w)->gen)
#define MARK_SETTLED(w) ((w)->gen + 1)
#define REACH_UNKNOWN INT64_MAX
/* Columns with more holders send them all through the heap. */
#define LANE_MAX 64

/* ---- workspace ---------------------------------------------------------- */

/* Each column needs a slot per arc it can hold: min(capacity, in-degree). */
static size_t count_slots(lm_flow_work *w)
{
	const lm_flow_input *in = w->in;
	size_t m = in->row_start[in->n_rows], total = 0;

	memset(w->slot_start, 0, (w->n_cols + (size_t)1) * sizeof(size_t));
	for (size_t a = 0; a < m; a++)
		w->slot_start[in->arc_col[a] + 1]++;
	for (uint32_t c = 0; c < w->n_cols; c++) {
		size_t n = MIN(w->slot_start[c + 1], (size_t)w->cap[c]);

		w->slot_start[c] = total;
		total += n;
	}
	w->slot_start[w->n_cols] = total;
	return total;
}

#define TRY_NEW(ptr, type, n) ((ptr) = g_try_new0(type, MAX((size_t)(n), (size_t)1)))

/* The searches' copy of the arcs, n of size bytes each: from ws when
 * there is one (every element is written below), else zeroed fresh. */
static void *arcs_new(lm_flow_work *w, lm_flow_scratch *ws, size_t n, size_t size)
{
	n = MAX(n, (size_t)1);
	if (n > SIZE_MAX / size)
		return NULL;
	if (!ws)
		return g_try_malloc0(n * size);
	w->arcs_borrowed = TRUE;
	return lm_flow_scratch_get(ws, LM_FLOW_BUF_ARCS, n * size);
}

int lm_flow_work_init(lm_flow_work *w, const lm_flow_input *in, const lm_flow_scale *sc,
		      lm_flow_output *out, lm_flow_scratch *ws, lm_error **err)
{
	size_t m = in->row_start[in->n_rows], nodes = (size_t)in->n_rows + in->n_cols, slots;

	memset(w, 0, sizeof(*w));
	w->in = in;
	w->sc = *sc;
	w->n_rows = in->n_rows;
	w->n_cols = in->n_cols;
	w->gen = 1;
	if (!TRY_NEW(out->arc_used, uint8_t, m) || !TRY_NEW(out->row_price, int64_t, in->n_rows) ||
	    !TRY_NEW(out->col_price, int64_t, in->n_cols) || !TRY_NEW(w->cap, uint32_t, w->n_cols) ||
	    !TRY_NEW(w->load, uint32_t, w->n_cols) ||
	    !TRY_NEW(w->slot_start, size_t, w->n_cols + (size_t)1))
		goto oom;
	w->used = out->arc_used;
	w->p = out->row_price;
	w->q = out->col_price;
	for (uint32_t c = 0; c < w->n_cols; c++)
		w->cap[c] = lm_flow_cap(in, c);
	slots = count_slots(w);
	if (!TRY_NEW(w->slot_arc, size_t, slots) || !TRY_NEW(w->slot_row, uint32_t, slots) ||
	    !TRY_NEW(w->slot_wt, int64_t, slots) || !TRY_NEW(w->reach, int64_t, w->n_rows) ||
	    !TRY_NEW(w->slot_arcs, size_t, slots) ||
	    !TRY_NEW(w->slot_arcs_end, size_t, slots) ||
	    !TRY_NEW(w->dist, int64_t, nodes) || !TRY_NEW(w->pred_a, size_t, nodes) ||
	    !TRY_NEW(w->pred_n, uint32_t, nodes) || !TRY_NEW(w->mark, uint32_t, nodes) ||
	    !TRY_NEW(w->heap, lm_flow_heap_entry, nodes) || !TRY_NEW(w->heap_pos, uint32_t, nodes) ||
	    !TRY_NEW(w->settled, uint32_t, nodes) || !TRY_NEW(w->lane, uint32_t, LANE_MAX))
		goto oom;
	for (uint32_t r = 0; r < w->n_rows; r++)
		w->reach[r] = REACH_UNKNOWN;
	if (sc->smax < (lm_score)LM_FLOW_ARC_SKIP) {
		if (!(w->arc = arcs_new(w, ws, m, sizeof(lm_flow_arc))))
			goto oom;
		w->wmul = sc->objective == LM_OBJECTIVE_SCORE ? sc->big : 1;
		w->wadd = sc->objective == LM_OBJECTIVE_SCORE ? 1 : sc->big;
		for (size_t a = 0; a < m; a++) {
			uint32_t skip = lm_flow_usable(sc, in->arc_score[a]) ? 0 : LM_FLOW_ARC_SKIP;

			w->arc[a] = (lm_flow_arc){ in->arc_col[a], (uint32_t)in->arc_score[a] | skip };
		}
		return 0;
	}
	if (!(w->wt = arcs_new(w, ws, m, sizeof(int64_t))))
		goto oom;
	for (size_t a = 0; a < m; a++)
		w->wt[a] = lm_flow_usable(sc, in->arc_score[a]) ? lm_flow_weight(sc, in->arc_score[a])
								 : -1;
	return 0;
oom:
	return lm_set_error(err, LM_ENOMEM, "out of memory for a graph of %u x %u with %zu arcs",
			    in->n_rows, in->n_cols, m);
}

void lm_flow_work_clear(lm_flow_work *w)
{
	g_free(w->cap);
	g_free(w->load);
	g_free(w->slot_start);
	g_free(w->slot_arc);
	g_free(w->slot_row);
	g_free(w->slot_wt);
	g_free(w->reach);
	g_free(w->slot_arcs);
	g_free(w->slot_arcs_end);
	if (!w->arcs_borrowed) {
		g_free(w->wt);
		g_free(w->arc);
	}
	g_free(w->dist);
	g_free(w->pred_a);
	g_free(w->pred_n);
	g_free(w->mark);
	g_free(w->heap);
	g_free(w->heap_pos);
	g_free(w->settled);
	g_free(w->lane);
	memset(w, 0, sizeof(*w));
}

/* ---- the heap: a binary heap of nodes ordered by (label, node number) ----
 * Entries carry their label, so comparisons read the heap array only. */

static inline gboolean before(lm_flow_heap_entry x, lm_flow_heap_entry y)
{
	return x.dist < y.dist || (x.dist == y.dist && x.node < y.node);
}

static inline void heap_place(lm_flow_work *w, uint32_t i, lm_flow_heap_entry e)
{
	w->heap[i] = e;
	w->heap_pos[e.node] = i;
}

/* A 4-ary heap: half the levels of a binary one, and a node's children
 * share a cache line. Any exact priority queue settles the same nodes in
 * the same order, since (label, node number) orders them totally. */
#define HEAP_ARITY 4

static void sift_up(lm_flow_work *w, uint32_t i, lm_flow_heap_entry e)
{
	while (i > 0) {
		uint32_t parent = (i - 1) / HEAP_ARITY;

		if (!before(e, w->heap[parent]))
			break;
		heap_place(w, i, w->heap[parent]);
		i = parent;
	}
	heap_place(w, i, e);
}

static uint32_t heap_pop(lm_flow_work *w)
{
	uint32_t top = w->heap[0].node, i = 0, n = --w->heap_len;
	lm_flow_heap_entry e = w->heap[n];

	for (;;) {
		uint32_t first = HEAP_ARITY * i + 1, best, last;

		if (first >= n)
			break;
		best = first;
		last = MIN(first + HEAP_ARITY, n);
		for (uint32_t k = first + 1; k < last; k++)
			if (before(w->heap[k], w->heap[best]))
				best = k;
		if (!before(w->heap[best], e))
			break;
		heap_place(w, i, w->heap[best]);
		i = best;
	}
	if (n > 0)
		heap_place(w, i, e);
	return top;
}

/* Offers label d to node v, reached from node `from` by arc or slot `via`. */
static inline gboolean relax(lm_flow_work *w, uint32_t v, int64_t d, uint32_t from, size_t via)
{
	uint32_t i;

	if (w->mark[v] == MARK_SETTLED(w))
		return FALSE;
	if (w->mark[v] == MARK_LABELLED(w)) {
		if (d >= w->dist[v])
			return FALSE;
		i = w->heap_pos[v];
	} else {
		w->mark[v] = MARK_LABELLED(w);
		i = w->heap_len++;
	}
	w->dist[v] = d;
	w->pred_n[v] = from;
	w->pred_a[v] = via;
	sift_up(w, i, (lm_flow_heap_entry){ d, v });
	return TRUE;
}

/* ---- the search ----------------------------------------------------------- */

/* The best "leave a unit of row r unassigned" sink seen so far, and the
 * least label given to a column with room. No node labelled above either
 * can settle before the search ends, so no such label is ever offered:
 * the first label a node gets at or below the bound is the one the
 * search would have given it anyway (a label is replaced only by a
 * strictly smaller one), so pruning changes no settled node, label or
 * predecessor. */
typedef struct sink {
	int64_t dist;
	uint32_t row;
	int64_t free; /* least label of a column with room */
} sink;

/* Row r is settled: its unassigned option is a sink at dist + p_r (the
 * option weighs 0 and has price 0); its unused arcs lead to columns. */
static inline void scan_row_impl(lm_flow_work *w, uint32_t r, sink *best, const gboolean packed)
{
	const lm_flow_input *in = w->in;
	int64_t d = w->dist[r], base = d + w->p[r], bound;

	if (base < best->dist || (base == best->dist && r < best->row)) {
		best->dist = base;
		best->row = r;
	}
	bound = MIN(best->dist, best->free);
	/* No arc can give a label within the bound: nothing to scan. */
	if (w->reach[r] != REACH_UNKNOWN && base - w->reach[r] > bound)
		return;

	int64_t top = -LM_FLOW_WEIGHT_MAX;

	for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
		uint32_t c;
		int64_t gain, nd;

		if (packed) {
			lm_flow_arc x = w->arc[a];

			if (x.s & LM_FLOW_ARC_SKIP)
				continue;
			c = x.col;
			gain = w->wmul * (int64_t)x.s + w->wadd - w->q[c];
		} else {
			int64_t wa = w->wt[a];

			if (w->used[a] || wa < 0)
				continue;
			c = in->arc_col[a];
			gain = wa - w->q[c];
		}
		top = MAX(top, gain);
		nd = base - gain;
		if (nd > bound || !relax(w, w->n_rows + c, nd, r, a))
			continue;
		if (w->load[c] < w->cap[c]) {
			best->free = bound = MIN(bound, nd);
		} else {
			/* A full column may be settled soon: start loading its slots. */
			size_t s0 = w->slot_start[c];

			__builtin_prefetch(&w->slot_row[s0]);
			__builtin_prefetch(&w->slot_wt[s0]);
			__builtin_prefetch(&w->slot_arcs[s0]);
			__builtin_prefetch(&w->slot_arcs_end[s0]);
		}
	}
	w->reach[r] = top;
}

static void scan_row(lm_flow_work *w, uint32_t r, sink *best)
{
	if (w->arc)
		scan_row_impl(w, r, best, TRUE);
	else
		scan_row_impl(w, r, best, FALSE);
}

/* A row just labelled through slot s is usually settled soon: start
 * loading its arcs (their range is kept in the slot, which is read anyway). */
static inline void prefetch_row(const lm_flow_work *w, uint32_t r, size_t s)
{
	const lm_flow_input *in = w->in;
	size_t b = w->slot_arcs[s], e = w->slot_arcs_end[s];

	__builtin_prefetch(&in->row_start[r]);
	__builtin_prefetch(&w->reach[r]);
	if (w->arc) {
		for (size_t a = b; a < e; a += 8)
			__builtin_prefetch(&w->arc[a]);
		return;
	}
	for (size_t a = b; a < e; a += 8)
		__builtin_prefetch(&w->wt[a]);
	for (size_t a = b; a < e; a += 16)
		__builtin_prefetch(&in->arc_col[a]);
	__builtin_prefetch(&w->used[b]);
}

/* Column c is settled and full: each assigned arc leads back to its row. */
static void scan_column(lm_flow_work *w, uint32_t c, const sink *best)
{
	int64_t d = w->dist[w->n_rows + c], base = d - w->q[c], bound = MIN(best->dist, best->free);
	size_t s0 = w->slot_start[c], s1 = s0 + w->load[c];
	/* Holders reached at the column's own label (a tight arc) come before
	 * every node in the heap: all of those are after (d, column) and rows
	 * are numbered below columns. They go to the lane, in row order, and
	 * are settled next without passing through the heap. */
	gboolean lane = w->load[c] <= LANE_MAX;

	w->lane_len = w->lane_pos = 0;
	for (size_t s = s0; s < s1; s++) {
		uint32_t r = w->slot_row[s];
		int64_t nd = base + w->slot_wt[s] - w->p[r];

		if (nd > bound)
			continue;
		if (lane && nd == d) {
			if (w->mark[r] == MARK_SETTLED(w))
				continue;
			/* A label in the heap would be above d: it goes stale. */
			w->mark[r] = MARK_LABELLED(w);
			w->dist[r] = d;
			w->pred_n[r] = w->n_rows + c;
			w->pred_a[r] = s;
			uint32_t i = w->lane_len++;

			for (; i > 0 && w->lane[i - 1] > r; i--)
				w->lane[i] = w->lane[i - 1];
			w->lane[i] = r;
			prefetch_row(w, r, s);
		} else if (relax(w, r, nd, w->n_rows + c, s)) {
			prefetch_row(w, r, s);
		}
	}
}

static void settle(lm_flow_work *w, uint32_t v)
{
	w->mark[v] = MARK_SETTLED(w);
	w->settled[w->n_settled++] = v;
}

/* Dijkstra from row r0. Returns the free column's node, or UINT32_MAX when
 * the best sink is best->row's unassigned option. Nodes settle in order of
 * (label, node number); at equal labels a free column wins over leaving a
 * unit unassigned. */
static uint32_t search(lm_flow_work *w, uint32_t r0, sink *best)
{
	w->gen += 2;
	if (w->gen >= UINT32_MAX - 2) {
		memset(w->mark, 0, ((size_t)w->n_rows + w->n_cols) * sizeof(uint32_t));
		w->gen = 2;
	}
	w->heap_len = 0;
	w->n_settled = 0;
	*best = (sink){ INT64_MAX, UINT32_MAX, INT64_MAX };
	w->lane_len = w->lane_pos = 0;
	relax(w, r0, 0, r0, 0);
	for (;;) {
		uint32_t v;

		if (w->lane_pos < w->lane_len) {
			v = w->lane[w->lane_pos++];
		} else {
			if (w->heap_len == 0 || w->heap[0].dist > best->dist)
				break;
			v = heap_pop(w);
			if (w->mark[v] == MARK_SETTLED(w))
				continue; /* a stale entry: settled from the lane */
		}
		settle(w, v);
		if (v < w->n_rows) {
			scan_row(w, v, best);
			continue;
		}
		uint32_t c = v - w->n_rows;

		if (w->load[c] < w->cap[c])
			return v;
		scan_column(w, c, best);
	}
	return UINT32_MAX;
}

/* ---- augmentation and prices ---------------------------------------------- */

/* Walks back from row r to the source: each row on the way gives its
 * assigned slot to the previous row's arc into the same column. */
static void shift_back(lm_flow_work *w, uint32_t r, uint32_t r0)
{
	while (r != r0) {
		size_t s = w->pred_a[r];
		uint32_t col_node = w->pred_n[r];
		size_t a = w->pred_a[col_node];

		/* r's arc becomes unused: its gain joins r's reach. */
		if (w->reach[r] != REACH_UNKNOWN)
			w->reach[r] = MAX(w->reach[r], w->slot_wt[s] - w->q[col_node - w->n_rows]);
		lm_flow_set_used(w, w->slot_arc[s], 0);
		r = w->pred_n[col_node];
		lm_flow_fill_slot(w, s, r, a);
		lm_flow_set_used(w, a, 1);
	}
}

/* Settled nodes moved closer than the sink (distance delta): rows lower
 * their price, columns raise theirs, by delta - label. This keeps every
 * residual reduced cost non-negative and makes the path's arcs tight. */
static void update_prices(lm_flow_work *w, int64_t delta)
{
	for (uint32_t i = 0; i < w->n_settled; i++) {
		uint32_t v = w->settled[i];
		int64_t gain = delta - w->dist[v];

		if (gain <= 0)
			continue;
		if (v < w->n_rows)
			w->p[v] -= gain;
		else
			w->q[v - w->n_rows] += gain;
	}
}

void lm_flow_route_unit(lm_flow_work *w, uint32_t r0)
{
	sink best;
	uint32_t v = search(w, r0, &best);

	if (v != UINT32_MAX) {
		uint32_t c = v - w->n_rows;
		size_t s = w->slot_start[c] + w->load[c]++, a = w->pred_a[v];
		uint32_t r = w->pred_n[v];

		lm_flow_fill_slot(w, s, r, a);
		lm_flow_set_used(w, a, 1);
		shift_back(w, r, r0);
		update_prices(w, w->dist[v]);
	} else {
		/* best.row gives up one assigned arc; r0's new unit fills the chain. */
		shift_back(w, best.row, r0);
		update_prices(w, best.dist);
	}
}
