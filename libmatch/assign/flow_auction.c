/* A fast start for the assignment engine: Jonker and Volgenant's
 * "augmenting row reduction" generalised to column capacities.
 *
 * Mentees who want one mentor bid, in the seeded row order, for the column
 * of highest profit w - q. A column with room takes the bidder at its
 * price (0). A full column holds an auction between the bidder and its
 * holders: each has a margin, the highest price at which it still prefers
 * this column to its second choice; the holder with the lowest margin
 * leaves (and bids again later), and the price rises to that margin. A
 * bidder whose margin is not above every holder's is left to the exact
 * search (flow_search.c), as are all rows still unplaced when the budget
 * of bids runs out.
 *
 * Every step keeps the search's invariants exactly (docs/solver.md): used
 * arcs tight, unused arcs dual feasible, prices only rising, and only on
 * full columns. So the start changes how fast the answer is found, never
 * whether it is optimal: the certificate checks the same conditions. */
#include "assign/flow_private.h"

/* Columns with more places are left to the search: choosing whom to evict
 * scans every holder. */
#define AUCTION_MAX_CAP 64
/* Bids per row placed in the queue at the start. */
#define AUCTION_BIDS_PER_ROW 2

typedef struct bid {
	size_t arc;     /* the best arc; SIZE_MAX when none is usable */
	int64_t best;   /* its profit w - q */
	int64_t second; /* the best alternative: another arc, or 0 for staying unassigned */
} bid;

static bid best_two(const lm_flow_work *w, uint32_t r)
{
	const lm_flow_input *in = w->in;
	bid b = { SIZE_MAX, 0, 0 };

	for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
		if (!lm_flow_usable(&w->sc, in->arc_score[a]))
			continue;
		int64_t profit = lm_flow_weight(&w->sc, in->arc_score[a]) - w->q[in->arc_col[a]];

		if (b.arc == SIZE_MAX || profit > b.best) {
			if (b.arc != SIZE_MAX)
				b.second = MAX(b.second, b.best);
			b.arc = a;
			b.best = profit;
		} else {
			b.second = MAX(b.second, profit);
		}
	}
	return b;
}

typedef struct auction {
	lm_flow_work *w;
	uint8_t *placed;  /* per row: 1 when the auction holds a place for it */
	int64_t *margin;  /* per placed row */
	uint32_t *queue;  /* ring of rows waiting to bid */
	uint32_t head, len, cap;
} auction;

static void push(auction *au, uint32_t r)
{
	au->queue[(au->head + au->len++) % au->cap] = r;
}

/* The holder of column c with the lowest margin (lowest row on ties). */
static size_t weakest_slot(const auction *au, uint32_t c)
{
	const lm_flow_work *w = au->w;
	size_t weakest = w->slot_start[c];

	for (size_t s = weakest + 1; s < w->slot_start[c] + w->load[c]; s++) {
		int64_t m = au->margin[w->slot_row[s]], mw = au->margin[w->slot_row[weakest]];

		if (m < mw || (m == mw && w->slot_row[s] < w->slot_row[weakest]))
			weakest = s;
	}
	return weakest;
}

/* Column c's price rises to q: its holders keep their arcs tight. */
static void raise_price(lm_flow_work *w, uint32_t c, int64_t q)
{
	w->q[c] = q;
	for (size_t s = w->slot_start[c]; s < w->slot_start[c] + w->load[c]; s++)
		w->p[w->slot_row[s]] = lm_flow_weight(&w->sc, w->in->arc_score[w->slot_arc[s]]) - q;
}

static void take_slot(auction *au, size_t s, uint32_t r, size_t a, int64_t margin)
{
	lm_flow_work *w = au->w;

	lm_flow_fill_slot(w, s, r, a);
	lm_flow_set_used(w, a, 1);
	w->p[r] = lm_flow_weight(&w->sc, w->in->arc_score[a]) - w->q[w->in->arc_col[a]];
	au->margin[r] = margin;
	au->placed[r] = 1;
}

/* One bid of row r. */
static void bid_once(auction *au, uint32_t r)
{
	lm_flow_work *w = au->w;
	bid b = best_two(w, r);

	if (b.arc == SIZE_MAX || b.best <= 0)
		return; /* left to the search */

	uint32_t c = w->in->arc_col[b.arc];
	int64_t margin = lm_flow_weight(&w->sc, w->in->arc_score[b.arc]) - b.second;

	if (w->load[c] < w->cap[c]) {
		take_slot(au, w->slot_start[c] + w->load[c]++, r, b.arc, margin);
		return;
	}
	if (w->cap[c] == 0 || w->cap[c] > AUCTION_MAX_CAP)
		return;

	size_t s = weakest_slot(au, c);
	uint32_t k = w->slot_row[s];

	if (margin <= au->margin[k])
		return;
	/* k leaves: at the new price it is indifferent to its second choice,
	 * the other holders still prefer c, and r gains over its own. */
	lm_flow_set_used(w, w->slot_arc[s], 0);
	au->placed[k] = 0;
	take_slot(au, s, r, b.arc, margin);
	raise_price(w, c, au->margin[k]);
	push(au, k);
}

int lm_flow_auction(lm_flow_work *w, const uint32_t *order, uint8_t *placed)
{
	auction au = { .w = w, .placed = placed, .cap = MAX(w->n_rows, 1u) };
	uint64_t budget;

	au.margin = g_try_new(int64_t, au.cap);
	au.queue = g_try_new(uint32_t, au.cap);
	if (!au.margin || !au.queue) {
		g_free(au.margin);
		g_free(au.queue);
		return LM_ENOMEM;
	}
	for (uint32_t i = 0; i < w->n_rows; i++)
		if (lm_flow_demand(w->in, order[i]) == 1)
			push(&au, order[i]);
	for (budget = (uint64_t)au.len * AUCTION_BIDS_PER_ROW; au.len > 0 && budget > 0; budget--) {
		uint32_t r = au.queue[au.head];

		au.head = (au.head + 1) % au.cap;
		au.len--;
		bid_once(&au, r);
	}
	g_free(au.margin);
	g_free(au.queue);
	return 0;
}
