/* The exact assignment engine: input checks, the weights of the two
 * objectives, the seeded row order and the solve loop. The shortest-path
 * search lives in flow_search.c, the certificate in flow_certify.c; the
 * method is explained in docs/solver.md. */
#if defined(__linux__)
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, outside strict C11 */
#endif
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include "core/error_private.h"
#include "assign/flow_private.h"

/* Buffers from this size on ask for huge pages (huge_pages_hint). */
#define LM_FLOW_HUGE_MIN ((size_t)8 << 20)

static int check_row(const lm_flow_input *in, uint32_t r, lm_error **err)
{
	size_t b = in->row_start[r], e = in->row_start[r + 1];

	if (e < b)
		return lm_set_error(err, LM_EINVAL, "row %u: row_start decreases", r);
	for (size_t a = b; a < e; a++) {
		if (in->arc_col[a] >= in->n_cols)
			return lm_set_error(err, LM_EINVAL, "row %u: arc to column %u of %u", r,
					    in->arc_col[a], in->n_cols);
		if (a > b && in->arc_col[a] <= in->arc_col[a - 1])
			return lm_set_error(err, LM_EINVAL,
					    "row %u: arc columns not ascending and unique", r);
		if (in->arc_score[a] < 0 || in->arc_score[a] > LM_FLOW_SCORE_MAX)
			return lm_set_error(err, LM_EINVAL,
					    "row %u: score outside 0..10^12 millionths", r);
	}
	return 0;
}

int lm_flow_validate(const lm_flow_input *in, lm_error **err)
{
	if (!in)
		return lm_set_error(err, LM_EINVAL, "no flow input");
	if (in->n_rows > LM_FLOW_SIDE_MAX || in->n_cols > LM_FLOW_SIDE_MAX)
		return lm_set_error(err, LM_EINVAL, "more than 2^31 - 1 rows or columns");
	if (in->objective != LM_OBJECTIVE_COVERAGE && in->objective != LM_OBJECTIVE_SCORE)
		return lm_set_error(err, LM_EINVAL, "unknown objective %d", in->objective);
	if (!in->row_start)
		return lm_set_error(err, LM_EINVAL, "row_start is NULL");
	if (in->row_start[0] != 0)
		return lm_set_error(err, LM_EINVAL, "row_start[0] is not 0");
	if (in->row_start[in->n_rows] > 0 && (!in->arc_col || !in->arc_score))
		return lm_set_error(err, LM_EINVAL, "arc arrays are NULL");
	if (in->row_start[in->n_rows] > SIZE_MAX / 16)
		return lm_set_error(err, LM_EINVAL, "too many arcs");
	for (uint32_t r = 0; r < in->n_rows; r++) {
		int rc = check_row(in, r, err);

		if (rc < 0)
			return rc;
	}
	return 0;
}

/* U: no assignment has more units than the total demand or capacity. */
static uint64_t max_units(const lm_flow_input *in)
{
	uint64_t demand = 0, cap = 0;

	for (uint32_t r = 0; r < in->n_rows; r++)
		demand += lm_flow_demand(in, r);
	for (uint32_t c = 0; c < in->n_cols; c++)
		cap += lm_flow_cap(in, c);
	return MIN(demand, cap);
}

int lm_flow_scale_init(lm_flow_scale *sc, const lm_flow_input *in, lm_error **err)
{
	const uint64_t limit = LM_FLOW_WEIGHT_MAX;
	uint64_t units = max_units(in), smax = 0;
	size_t m = in->row_start[in->n_rows];

	for (size_t a = 0; a < m; a++)
		smax = MAX(smax, (uint64_t)in->arc_score[a]);
	sc->objective = in->objective;
	sc->smax = (lm_score)smax;
	/* Coverage: B + smax = U * smax + 1 + smax; score: K * smax + 1 = (U + 1) * smax + 1.
	 * Both are (U + 1) * smax + 1, which must stay within the weight limit. */
	if (units >= limit || (smax > 0 && units + 1 > (limit - 1) / smax))
		return lm_set_error(err, LM_EINVAL,
				    "scores too large for the number of places: (units + 1) x "
				    "largest score must stay below 2.3 x 10^18 millionths");
	sc->big = in->objective == LM_OBJECTIVE_SCORE ? (int64_t)(units + 1)
						       : (int64_t)(units * smax + 1);
	return 0;
}

/* SplitMix64's output function (Steele, Lea, Flood 2014). */
static uint64_t splitmix64_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

typedef struct row_key {
	uint64_t key;
	uint32_t row;
} row_key;

static int compare_row_keys(const void *a, const void *b)
{
	const row_key *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* The seeded processing order: row r's key is the (r + 1)-th output of
 * SplitMix64 started at the seed; rows sort by key, then index. */
static row_key *row_order(const lm_flow_input *in)
{
	row_key *order = g_try_new(row_key, in->n_rows ? in->n_rows : 1);

	if (!order)
		return NULL;
	for (uint32_t r = 0; r < in->n_rows; r++) {
		uint64_t state = in->seed + ((uint64_t)r + 1) * 0x9e3779b97f4a7c15ULL;

		order[r] = (row_key){ splitmix64_mix(state), r };
	}
	qsort(order, in->n_rows, sizeof(*order), compare_row_keys);
	return order;
}

/* The least row price that keeps every arc of r dual feasible
 * (p_r + q_c >= w) and p_r >= 0 (leaving a unit unassigned weighs 0). */
static int64_t initial_row_price(const lm_flow_work *w, uint32_t r)
{
	const lm_flow_input *in = w->in;
	int64_t p = 0;

	for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++)
		if (lm_flow_usable(&w->sc, in->arc_score[a]))
			p = MAX(p, lm_flow_weight(&w->sc, in->arc_score[a]) - w->q[in->arc_col[a]]);
	return p;
}

static gboolean has_usable_arc(const lm_flow_work *w, uint32_t r)
{
	const lm_flow_input *in = w->in;

	for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++)
		if (lm_flow_usable(&w->sc, in->arc_score[a]))
			return TRUE;
	return FALSE;
}

/* The fast start places what it can; exact searches place the rest, in
 * the same seeded order. */
static int run(lm_flow_work *w, const row_key *order)
{
	const lm_flow_input *in = w->in;
	uint32_t *rows = g_try_new(uint32_t, MAX(in->n_rows, 1u));
	uint8_t *placed = g_try_new0(uint8_t, MAX(in->n_rows, 1u));

	if (!rows || !placed) {
		g_free(rows);
		g_free(placed);
		return LM_ENOMEM;
	}
	for (uint32_t i = 0; i < in->n_rows; i++)
		rows[i] = order[i].row;
	/* Without memory for its queue the start is skipped: the searches
	 * alone give the same optimum, more slowly. */
	lm_flow_auction(w, rows, placed);
	for (uint32_t i = 0; i < in->n_rows; i++) {
		uint32_t r = rows[i], d = lm_flow_demand(in, r);

		if (placed[r] || d == 0 || !has_usable_arc(w, r))
			continue;
		w->p[r] = initial_row_price(w, r);
		for (uint32_t k = 0; k < d; k++)
			lm_flow_route_unit(w, r);
	}
	/* Rows that take nothing only need prices that make their arcs
	 * dual feasible; the column prices are final now. */
	for (uint32_t r = 0; r < in->n_rows; r++)
		if (lm_flow_demand(in, r) == 0)
			w->p[r] = initial_row_price(w, r);
	g_free(rows);
	g_free(placed);
	return 0;
}

static void summarise(const lm_flow_input *in, lm_flow_output *out)
{
	out->matched = 0;
	out->total = 0;
	for (size_t a = 0; a < in->row_start[in->n_rows]; a++) {
		if (out->arc_used[a]) {
			out->matched++;
			out->total += in->arc_score[a];
		}
	}
}

int lm_flow_solve(const lm_flow_input *in, lm_flow_output *out, lm_error **err)
{
	return lm_flow_solve_scratch(in, out, NULL, err);
}

int lm_flow_solve_scratch(const lm_flow_input *in, lm_flow_output *out, lm_flow_scratch *ws,
			  lm_error **err)
{
	lm_flow_scale sc;
	lm_flow_work w;
	int rc;

	if (!out)
		return lm_set_error(err, LM_EINVAL, "no flow output");
	memset(out, 0, sizeof(*out));
	if ((rc = lm_flow_validate(in, err)) < 0 || (rc = lm_flow_scale_init(&sc, in, err)) < 0)
		return rc;

	row_key *order = row_order(in);

	if (!order)
		return lm_set_error(err, LM_ENOMEM, "out of memory ordering %u rows", in->n_rows);
	rc = lm_flow_work_init(&w, in, &sc, out, ws, err);
	if (rc == 0 && (rc = run(&w, order)) < 0)
		lm_set_error(err, LM_ENOMEM, "out of memory for the row order");
	if (rc == 0) {
		summarise(in, out);
		out->scale_big = sc.big;
		out->scale_smax = sc.smax;
	}
	lm_flow_work_clear(&w);
	g_free(order);
	if (rc < 0)
		lm_flow_output_clear(out);
	return rc;
}

/* Asks for huge pages under a big buffer where the system gives them on
 * request (Linux "madvise" mode): a first touch then faults 2 MiB at a
 * time instead of 4 KiB, and the transpose's scattered writes (one stream
 * per column) stop missing the TLB. Only a hint: nothing depends on it. */
static void huge_pages_hint(void *p, size_t bytes)
{
#if defined(MADV_HUGEPAGE)
	const uintptr_t page = 4096;
	uintptr_t b = ((uintptr_t)p + page - 1) & ~(page - 1);
	uintptr_t e = ((uintptr_t)p + bytes) & ~(page - 1);

	if (bytes >= LM_FLOW_HUGE_MIN && e > b)
		(void)madvise((void *)b, e - b, MADV_HUGEPAGE);
#else
	(void)p;
	(void)bytes;
#endif
}

void *lm_flow_scratch_get(lm_flow_scratch *ws, int k, size_t bytes)
{
	bytes = MAX(bytes, (size_t)1);
	if (ws->bytes[k] < bytes) {
		size_t want = bytes + bytes / 8;

		g_free(ws->buf[k]);
		ws->buf[k] = g_try_malloc(want);
		ws->bytes[k] = ws->buf[k] ? want : 0;
		if (ws->buf[k])
			huge_pages_hint(ws->buf[k], want);
	}
	return ws->buf[k];
}

void lm_flow_scratch_clear(lm_flow_scratch *ws)
{
	if (!ws)
		return;
	for (int k = 0; k < LM_FLOW_SCRATCH_BUFS; k++)
		g_free(ws->buf[k]);
	memset(ws, 0, sizeof(*ws));
}

void lm_flow_output_clear(lm_flow_output *out)
{
	if (!out)
		return;
	g_free(out->arc_used);
	g_free(out->row_price);
	g_free(out->col_price);
	memset(out, 0, sizeof(*out));
}
