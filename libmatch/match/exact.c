/* Exact assignment on a pruned candidate graph, made exact by pricing.
 *
 * The graph is built in one scoring pass: each mentee's top-k and each
 * mentor's best mentees in proportion to its capacity (so that the graph
 * offers every mentor's places even when most mentees name the same few).
 * After each solve, one streaming pass, parallel over mentees, prices the
 * pairs left out with the solver's duals. A pair left out scores at most
 * MIN(row_bound, col_bound) (candidates.h), so its reduced profit is at
 * most w(bound) - p_r - q_c: visiting mentors by rising price, a mentee
 * stops at the first mentor where even that bound prices out, and only
 * pairs whose bound could help are scored at all. Pairs with a positive
 * reduced profit join the graph (at most top_k per mentee and round, the
 * most profitable first) and the graph is solved again; when none is left
 * the optimum of the graph is the optimum of the whole problem. */
#include <stdlib.h>
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/exact.h"
#include "score/scorer_fast.h"

/* Places of a mentor that its own best mentees are offered for: a mentor
 * with capacity 3 brings its 3 x LM_EXACT_COL_PER_PLACE best mentees into
 * the graph. Measured on popular-mentor cohorts (docs/performance.md). */
#define LM_EXACT_COL_PER_PLACE 8
/* Mentees per pricing chunk. */
#define LM_PRICE_ROWS_PER_CHUNK 64
/* Columns of the pricing order summarised together, so that a row skips
 * a run of columns whose bounds all price out in one test (34k x 10k: two
 * in three columns a row visits are such). */
#define LM_PRICE_BLOCK 16

typedef struct {
	const lm_scorer *scorer;
	const uint32_t *demand, *cap;
	uint32_t n_rows, n_cols;
	size_t row_limit; /* pairs a mentee may add per round */
} problem;

typedef struct {
	uint32_t row, col;
	lm_score score;
	int64_t profit;
} found;

typedef struct {
	uint8_t *in_graph; /* per column */
	uint32_t *to_score; /* one row's columns that pass the bounds, then the scan */
	uint16_t *counts;  /* their common slots (lm_scorer_scan_list) */
	uint32_t *kept;    /* their feasible pairs, and their scores */
	lm_score *kept_score;
	found *row_found;  /* one row's positive pairs */
	uint64_t priced;
} price_worker;

/* A column of the pricing order with what the row loop reads of it,
 * contiguous: its price, and the class and weight of its bound. */
typedef struct {
	int64_t price;
	int64_t bound_weight;
	lm_score bound;          /* col_bound (>= 0 here), or G_MAXINT64 without one */
	uint32_t col;
	uint8_t bound_class;     /* lm_flow_profit of bound */
} order_col;

/* What the columns of a block of the order have at most: a row with
 * bound rb and price pr skips the block when bound < rb and slack <= pr,
 * since then each of its columns fails its own bound test. */
typedef struct {
	int64_t slack;   /* the largest col_slack */
	lm_score bound;  /* the largest bound */
} order_block;

typedef struct {
	const problem *p;
	lm_exact *x;
	const lm_flow_input *in;
	order_col *cols;   /* columns that may hold pruned pairs, by (price, index) */
	order_block *blocks; /* per LM_PRICE_BLOCK columns of cols */
	uint32_t n_order;
	price_worker *w;
	GArray **chunk_found; /* per chunk, rows ascending, columns ascending */
} pricing;

static void flow_input(const problem *p, const lm_exact *x, const lm_options *opt,
		       lm_flow_input *in)
{
	*in = (lm_flow_input){
		.n_rows = p->n_rows,
		.n_cols = p->n_cols,
		.row_demand = p->demand,
		.col_cap = p->cap,
		.row_start = x->cand.row_start,
		.arc_col = x->cand.col,
		.arc_score = x->cand.score,
		.objective = opt->objective,
		.seed = opt->seed,
	};
}

static int by_profit(const void *a, const void *b)
{
	const found *x = a, *y = b;

	if (x->profit != y->profit)
		return x->profit > y->profit ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static int by_col(const void *a, const void *b)
{
	const found *x = a, *y = b;

	return (x->col > y->col) - (x->col < y->col);
}

/* The pairs of row r with the n_score columns of wk->to_score that are
 * feasible, not current and of positive reduced profit, into
 * wk->row_found in to_score order; returns how many. The scan's filters
 * apply first, to the whole list, then the batch pair step to what they
 * keep, as when the graph is built: no availability or region test per
 * pair, and the vector step where it serves. The list scan prefetches
 * the mentors' availability rows; prefetching their features as well
 * made pricing slower (34k x 10k, one thread: 0.59 s against 0.56 s). */
static size_t score_row(pricing *pr, price_worker *wk, uint32_t r, uint32_t n_score)
{
	const lm_scorer *s = pr->p->scorer;
	const lm_flow_output *f = &pr->x->flow;
	const lm_cohort *c = lm_scorer_cohort(s);
	const lm_person *mentee = lm_cohort_mentee(c, r);
	uint32_t *cols = wk->to_score;
	lm_scan_row scan;
	lm_scorer_row row;
	uint64_t priced = 0;
	size_t n = 0;

	lm_scorer_scan_begin(s, r, &scan);
	n_score = lm_scorer_scan_list(s, &scan, cols, n_score, cols, wk->counts);
	if (!n_score)
		return 0;
	lm_scorer_row_begin(s, r, &row);
	uint32_t kept = lm_scorer_pairs_at_least(&row, cols, scan.counted ? wk->counts : NULL,
						 n_score, INT64_MIN, NULL, wk->kept, wk->kept_score);

	for (uint32_t i = 0; i < kept; i++) {
		uint32_t t = wk->kept[i];
		lm_score score = wk->kept_score[i];

		if (mentee->current.len && lm_span_contains(c, mentee->current, t))
			continue;
		int64_t profit = lm_flow_reduced_profit(pr->in, f, r, t, score);

		priced++;
		if (profit > 0)
			wk->row_found[n++] = (found){ r, t, score, profit };
	}
	/* Counted once a row: the workers' records share cache lines, and a
	 * store per pair from each thread made them bounce between the cores. */
	wk->priced += priced;
	return n;
}

/* The pruned pairs of row r that could improve the optimum. */
static void price_row(pricing *pr, price_worker *wk, uint32_t r, GArray *out)
{
	const problem *p = pr->p;
	const lm_candidates *g = &pr->x->cand;
	const lm_flow_output *f = &pr->x->flow;
	lm_score rb = g->row_bound[r];
	size_t b = g->row_start[r], e = g->row_start[r + 1], n = 0;

	if (p->demand[r] == 0 || rb < 0)
		return;
	for (size_t i = b; i < e; i++)
		wk->in_graph[g->col[i]] = 1;

	/* lm_flow_reduced_profit(in, f, r, t, x) for x = rb and for the
	 * column's bound, from figures computed once a row and once a round. */
	int64_t rb_weight, row_price = f->row_price[r];
	lm_flow_profit rb_class = lm_flow_profit_of(pr->in, f, rb, &rb_weight);

	/* First the columns whose bounds leave room, then their pairs. */
	uint32_t n_score = 0;

	for (uint32_t i = 0; i < pr->n_order; i++) {
		const order_col *oc = &pr->cols[i];
		uint32_t t = oc->col;

		/* Prices only rise along the order: nothing further can help. */
		if (lm_flow_profit_value(rb_class, rb_weight, row_price + oc->price) <= 0)
			break;
		/* A block none of whose columns passes its bound test (below)
		 * is skipped whole; the test above is met again past it, and
		 * it only turns false once, so the same columns pass. */
		if (i % LM_PRICE_BLOCK == 0) {
			const order_block *ob = &pr->blocks[i / LM_PRICE_BLOCK];

			if (ob->bound < rb && ob->slack <= row_price) {
				i += LM_PRICE_BLOCK - 1;
				continue;
			}
		}
		if (oc->bound < rb
			    ? lm_flow_profit_value(oc->bound_class, oc->bound_weight,
						   row_price + oc->price) <= 0
			    : lm_flow_profit_value(rb_class, rb_weight, row_price + oc->price) <= 0)
			continue;
		if (wk->in_graph[t])
			continue;
		wk->to_score[n_score++] = t;
	}
	if (n_score)
		n = score_row(pr, wk, r, n_score);
	for (size_t i = b; i < e; i++)
		wk->in_graph[g->col[i]] = 0;
	if (n > p->row_limit) {
		qsort(wk->row_found, n, sizeof(found), by_profit);
		n = p->row_limit;
	}
	qsort(wk->row_found, n, sizeof(found), by_col);
	g_array_append_vals(out, wk->row_found, (guint)n);
}

static void price_chunk(void *data, uint32_t worker_ix, uint32_t chunk)
{
	pricing *pr = data;
	uint32_t first = chunk * LM_PRICE_ROWS_PER_CHUNK;
	uint32_t last = MIN(pr->p->n_rows, first + LM_PRICE_ROWS_PER_CHUNK);
	GArray *out = g_array_new(FALSE, FALSE, sizeof(found));

	for (uint32_t r = first; r < last; r++)
		price_row(pr, &pr->w[worker_ix], r, out);
	pr->chunk_found[chunk] = out;
}

static int by_price(const void *a, const void *b)
{
	const order_col *x = a, *y = b;

	if (x->price != y->price)
		return x->price < y->price ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Columns that may hold a pruned pair (a place, a bound not -1), by rising
 * price, with what the row loop reads of them. */
static order_col *price_order(const problem *p, const lm_exact *x, const lm_flow_input *in,
			      uint32_t *n_out)
{
	order_col *cols = g_new(order_col, MAX(p->n_cols, 1u));
	uint32_t n = 0;

	for (uint32_t t = 0; t < p->n_cols; t++) {
		lm_score bound = x->cand.col_bound ? x->cand.col_bound[t] : G_MAXINT64;
		order_col *oc = &cols[n];

		if (p->cap[t] == 0 || bound < 0)
			continue;
		oc->col = t;
		oc->price = x->flow.col_price[t];
		oc->bound = bound;
		oc->bound_class = (uint8_t)lm_flow_profit_of(in, &x->flow, bound, &oc->bound_weight);
		n++;
	}
	qsort(cols, n, sizeof *cols, by_price);
	*n_out = n;
	return cols;
}

/* The row price at or above which column oc's bound test fails:
 * lm_flow_profit_value(class, weight, row_price + price) <= 0 exactly when
 * row_price >= this (prices are >= 0, weights <= W: no overflow). */
static int64_t col_slack(const order_col *oc)
{
	switch ((lm_flow_profit)oc->bound_class) {
	case LM_FLOW_PROFIT_WEIGHT:
		return oc->bound_weight - oc->price;
	case LM_FLOW_PROFIT_ANY:
		return INT64_MAX; /* never fails */
	default:
		return INT64_MIN; /* always fails */
	}
}

static order_block *price_blocks(const order_col *cols, uint32_t n)
{
	uint32_t n_blocks = (n + LM_PRICE_BLOCK - 1) / LM_PRICE_BLOCK;
	order_block *blocks = g_new(order_block, MAX(n_blocks, 1u));

	for (uint32_t k = 0; k < n_blocks; k++) {
		order_block ob = { INT64_MIN, G_MININT64 };

		for (uint32_t i = k * LM_PRICE_BLOCK; i < MIN(n, (k + 1) * LM_PRICE_BLOCK); i++) {
			ob.slack = MAX(ob.slack, col_slack(&cols[i]));
			ob.bound = MAX(ob.bound, cols[i].bound);
		}
		blocks[k] = ob;
	}
	return blocks;
}

/* One streaming pass over the pairs left out; the positive ones join the
 * graph. Returns how many joined, or a negative status. */
static long price_pruned_pairs(const problem *p, lm_exact *x, const lm_flow_input *in,
			       int threads, lm_error **err)
{
	uint32_t chunks = (p->n_rows + LM_PRICE_ROWS_PER_CHUNK - 1) / LM_PRICE_ROWS_PER_CHUNK;
	uint32_t workers = (uint32_t)MIN((uint32_t)MAX(threads, 1), MAX(chunks, 1u));
	pricing pr = { .p = p,
		       .x = x,
		       .in = in,
		       .w = g_new0(price_worker, workers),
		       .chunk_found = g_new0(GArray *, MAX(chunks, 1u)) };
	size_t added = 0;
	int rc;

	pr.cols = price_order(p, x, in, &pr.n_order);
	pr.blocks = price_blocks(pr.cols, pr.n_order);
	for (uint32_t t = 0; t < workers; t++) {
		pr.w[t].in_graph = g_new0(uint8_t, MAX(p->n_cols, 1u));
		pr.w[t].to_score = g_new(uint32_t, MAX(p->n_cols, 1u));
		pr.w[t].counts = g_new(uint16_t, MAX(p->n_cols, 1u));
		pr.w[t].kept = g_new(uint32_t, MAX(p->n_cols, 1u));
		pr.w[t].kept_score = g_new(lm_score, MAX(p->n_cols, 1u));
		pr.w[t].row_found = g_new(found, MAX(p->n_cols, 1u));
	}
	rc = lm_run_chunks(price_chunk, &pr, chunks, (int)workers, err);
	for (uint32_t k = 0; rc == 0 && k < chunks; k++)
		added += pr.chunk_found[k]->len;
	if (rc == 0 && added) {
		uint32_t *rows = g_new(uint32_t, added), *cols = g_new(uint32_t, added);
		lm_score *scores = g_new(lm_score, added);
		size_t i = 0;

		for (uint32_t k = 0; k < chunks; k++)
			for (guint j = 0; j < pr.chunk_found[k]->len; j++, i++) {
				const found *fd = &g_array_index(pr.chunk_found[k], found, j);

				rows[i] = fd->row;
				cols[i] = fd->col;
				scores[i] = fd->score;
			}
		lm_candidates_merge(&x->cand, rows, cols, scores, added);
		g_free(rows);
		g_free(cols);
		g_free(scores);
	}
	for (uint32_t t = 0; t < workers; t++) {
		x->priced += pr.w[t].priced;
		g_free(pr.w[t].in_graph);
		g_free(pr.w[t].to_score);
		g_free(pr.w[t].counts);
		g_free(pr.w[t].kept);
		g_free(pr.w[t].kept_score);
		g_free(pr.w[t].row_found);
	}
	for (uint32_t k = 0; k < chunks; k++)
		if (pr.chunk_found[k])
			g_array_free(pr.chunk_found[k], TRUE);
	g_free(pr.chunk_found);
	g_free(pr.w);
	g_free(pr.cols);
	g_free(pr.blocks);
	x->added += added;
	return rc < 0 ? rc : (long)added;
}

/* Solves, prices the pruned pairs, and solves again until no pruned pair
 * could improve the result; then checks the dual certificate, so
 * `optimal` is proved rather than assumed. */
int lm_exact_solve(lm_exact *x, const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
		   const lm_options *opt, lm_error **err)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	problem p = {
		.scorer = s,
		.demand = demand,
		.cap = cap,
		.n_rows = c->count[LM_ROLE_MENTEE],
		.n_cols = c->count[LM_ROLE_MENTOR],
		.row_limit = opt->top_k > 0 ? (size_t)opt->top_k : SIZE_MAX,
	};
	lm_flow_scratch ws = { 0 }; /* the rounds' solves share their big arrays */
	lm_flow_input in;
	long added;
	int rc;

	gint64 t0 = g_get_monotonic_time();

	memset(x, 0, sizeof *x);
	rc = lm_candidates_build_both(&x->cand, s, demand, cap, opt->top_k, LM_EXACT_COL_PER_PLACE,
				      opt->threads, err);
	x->build_us = g_get_monotonic_time() - t0;
	if (rc < 0)
		return rc;
	for (;;) {
		flow_input(&p, x, opt, &in);
		lm_flow_output_clear(&x->flow);
		t0 = g_get_monotonic_time();
		rc = lm_flow_solve_auto_scratch(&in, &x->flow, &ws, err);
		x->solve_us += g_get_monotonic_time() - t0;
		if (rc < 0)
			break;
		if (!x->cand.pruned)
			break;
		x->pricing_rounds++;
		t0 = g_get_monotonic_time();
		added = price_pruned_pairs(&p, x, &in, opt->threads, err);
		x->price_us += g_get_monotonic_time() - t0;
		if (added <= 0) {
			rc = (int)added;
			break;
		}
	}
	lm_flow_scratch_clear(&ws);
	if (rc < 0)
		return rc;
	x->optimal = lm_flow_certify(&in, &x->flow);
	return 0;
}

void lm_exact_clear(lm_exact *x)
{
	lm_candidates_clear(&x->cand);
	lm_flow_output_clear(&x->flow);
	memset(x, 0, sizeof *x);
}
