/* The exact engine on cohorts: the optimum of a pruned candidate graph,
 * made exact by pricing, equals the optimum over every feasible pair for
 * any top-k, objective and thread count; the answer is certified and does
 * not depend on the thread count. */
#include <string.h>
#include "lm_test.h"
#include "core/cohort_private.h"
#include "match/exact.h"
#include "match/options_private.h"
#include "score/scorer.h"

typedef struct fixture {
	lm_cohort *cohort;
	lm_model *model;
	lm_scorer *scorer;
	uint32_t *demand, *cap;
} fixture;

static void fixture_load(fixture *f, const char *sample, const char *preset)
{
	g_autofree char *path = g_strdup_printf("../../data/sample/%s.json", sample);
	g_autofree char *file = lm_test_data(path);

	memset(f, 0, sizeof(*f));
	ck_assert_int_eq(lm_cohort_load_file(&f->cohort, file, NULL), 0);
	ck_assert_int_eq(lm_model_new_named(&f->model, preset, NULL), 0);
	ck_assert_int_eq(lm_scorer_new(&f->scorer, f->model, f->cohort, NULL), 0);

	uint32_t n = f->cohort->count[LM_ROLE_MENTEE], m = f->cohort->count[LM_ROLE_MENTOR];

	f->demand = g_new(uint32_t, n);
	f->cap = g_new(uint32_t, m);
	for (uint32_t i = 0; i < n; i++)
		f->demand[i] = lm_cohort_mentee(f->cohort, i)->wants;
	for (uint32_t i = 0; i < m; i++)
		f->cap[i] = lm_cohort_mentor(f->cohort, i)->capacity;
}

static void fixture_clear(fixture *f)
{
	lm_scorer_free(f->scorer);
	lm_model_free(f->model);
	lm_cohort_free(f->cohort);
	g_free(f->demand);
	g_free(f->cap);
}

static void solve(const fixture *f, lm_exact *x, long top_k, int objective, int threads,
		  const uint32_t *cap)
{
	lm_options opt;

	lm_options_init_defaults(&opt);
	opt.top_k = top_k;
	opt.objective = objective;
	opt.threads = threads;
	ck_assert_int_eq(lm_exact_solve(x, f->scorer, f->demand, cap ? cap : f->cap, &opt, NULL),
			 0);
	ck_assert(x->optimal);
}

static void same_answer(const lm_exact *a, const lm_exact *b)
{
	uint32_t n = a->cand.n_rows;

	ck_assert_uint_eq(a->cand.row_start[n], b->cand.row_start[n]);
	ck_assert(memcmp(a->cand.row_start, b->cand.row_start, (n + 1) * sizeof(size_t)) == 0);
	ck_assert(memcmp(a->cand.col, b->cand.col, a->cand.row_start[n] * sizeof(uint32_t)) == 0);
	ck_assert(memcmp(a->flow.arc_used, b->flow.arc_used, a->cand.row_start[n]) == 0);
	ck_assert(memcmp(a->flow.row_price, b->flow.row_price, n * sizeof(int64_t)) == 0);
}

/* Every top-k gives the optimum of the whole problem; capacities are
 * scaled from scarce (most mentees left out) to spare. */
static void check_against_full(const char *sample, const char *preset)
{
	static const long ks[] = { 1, 2, 3, 5, 10, 25 };
	fixture f;

	fixture_load(&f, sample, preset);

	uint32_t m = f.cohort->count[LM_ROLE_MENTOR];
	uint32_t *cap = g_new(uint32_t, m);

	for (int scale = 0; scale < 3; scale++) {
		for (uint32_t i = 0; i < m; i++)
			cap[i] = scale == 0 ? MIN(f.cap[i], 1u) : f.cap[i] * (uint32_t)scale;
		for (int obj = LM_OBJECTIVE_COVERAGE; obj <= LM_OBJECTIVE_SCORE; obj++) {
			lm_exact full;

			solve(&f, &full, 0, obj, 1, cap);
			ck_assert_uint_eq(full.pricing_rounds, 0);
			for (size_t i = 0; i < G_N_ELEMENTS(ks); i++) {
				lm_exact x;

				solve(&f, &x, ks[i], obj, 1, cap);
				ck_assert_uint_eq(x.flow.matched, full.flow.matched);
				ck_assert_int_eq(x.flow.total, full.flow.total);
				ck_assert_uint_le(x.cand.row_start[x.cand.n_rows],
						  full.cand.row_start[full.cand.n_rows]);
				lm_exact_clear(&x);
			}
			lm_exact_clear(&full);
		}
	}
	g_free(cap);
	fixture_clear(&f);
}

START_TEST(top_k_reaches_full_optimum_role_model)
{
	check_against_full("role_model", "role_model");
}
END_TEST

START_TEST(top_k_reaches_full_optimum_tutoring)
{
	check_against_full("tutoring", "tutoring");
}
END_TEST

/* What the last pricing pass proved, checked pair by pair with the
 * reference scorer: no feasible pair left out of the graph has a positive
 * reduced profit under the final prices. Pricing that skipped a column it
 * should have scored (its bound blocks, its bound tests) fails here. */
static void check_nothing_left_to_price(const char *sample, const char *preset)
{
	static const long ks[] = { 1, 2, 3, 5, 10 };
	fixture f;

	fixture_load(&f, sample, preset);

	uint32_t n = f.cohort->count[LM_ROLE_MENTEE], m = f.cohort->count[LM_ROLE_MENTOR];
	uint32_t *cap = g_new(uint32_t, m);
	uint8_t *in_graph = g_new0(uint8_t, m);
	uint64_t checked = 0;

	for (int scale = 0; scale < 3; scale++) {
		for (uint32_t i = 0; i < m; i++)
			cap[i] = scale == 0 ? MIN(f.cap[i], 1u) : f.cap[i] * (uint32_t)scale;
		for (int obj = LM_OBJECTIVE_COVERAGE; obj <= LM_OBJECTIVE_SCORE; obj++) {
			for (size_t k = 0; k < G_N_ELEMENTS(ks); k++) {
				lm_exact x;

				solve(&f, &x, ks[k], obj, 1, cap);

				const lm_candidates *g = &x.cand;
				lm_flow_input in = {
					.n_rows = n,
					.n_cols = m,
					.row_demand = f.demand,
					.col_cap = cap,
					.row_start = g->row_start,
					.arc_col = g->col,
					.arc_score = g->score,
					.objective = obj,
				};

				for (uint32_t r = 0; r < n; r++) {
					const lm_person *a = lm_cohort_mentee(f.cohort, r);

					if (f.demand[r] == 0)
						continue;
					for (size_t i = g->row_start[r]; i < g->row_start[r + 1]; i++)
						in_graph[g->col[i]] = 1;
					for (uint32_t t = 0; t < m; t++) {
						if (in_graph[t] || cap[t] == 0 ||
						    !lm_scorer_feasible(f.scorer, r, t) ||
						    lm_span_contains(f.cohort, a->current, t))
							continue;
						lm_score s = lm_scorer_score(f.scorer, r, t, NULL);

						ck_assert_int_le(lm_flow_reduced_profit(&in, &x.flow, r,
											t, s),
								 0);
						checked++;
					}
					for (size_t i = g->row_start[r]; i < g->row_start[r + 1]; i++)
						in_graph[g->col[i]] = 0;
				}
				lm_exact_clear(&x);
			}
		}
	}
	ck_assert_uint_gt(checked, 0);
	g_free(in_graph);
	g_free(cap);
	fixture_clear(&f);
}

START_TEST(nothing_left_to_price_role_model)
{
	check_nothing_left_to_price("role_model", "role_model");
}
END_TEST

START_TEST(nothing_left_to_price_tutoring)
{
	check_nothing_left_to_price("tutoring", "tutoring");
}
END_TEST

/* Same input, any thread count: the same graph, answer and prices. */
START_TEST(threads_do_not_change_the_answer)
{
	fixture f;

	fixture_load(&f, "role_model", "role_model");
	for (long k = 0; k <= 8; k += 4) {
		lm_exact one;

		solve(&f, &one, k, LM_OBJECTIVE_COVERAGE, 1, NULL);
		for (int threads = 2; threads <= 5; threads++) {
			lm_exact x;

			solve(&f, &x, k, LM_OBJECTIVE_COVERAGE, threads, NULL);
			same_answer(&one, &x);
			ck_assert_uint_eq(x.pricing_rounds, one.pricing_rounds);
			lm_exact_clear(&x);
		}
		lm_exact_clear(&one);
	}
	fixture_clear(&f);
}
END_TEST

/* Pricing scores far fewer pairs than the whole cohort: the bounds skip
 * mentees whose left-out pairs cannot help. */
START_TEST(pricing_skips_work)
{
	fixture f;
	lm_exact x;

	fixture_load(&f, "role_model", "role_model");
	solve(&f, &x, 10, LM_OBJECTIVE_COVERAGE, 1, NULL);
	ck_assert(x.cand.pruned);
	ck_assert_uint_ge(x.pricing_rounds, 1);
	ck_assert_uint_lt(x.priced, x.cand.scored);
	lm_exact_clear(&x);
	fixture_clear(&f);
}
END_TEST

static Suite *exact_suite(void)
{
	Suite *s = suite_create("exact");
	TCase *tc = tcase_create("exact");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, top_k_reaches_full_optimum_role_model);
	tcase_add_test(tc, top_k_reaches_full_optimum_tutoring);
	tcase_add_test(tc, nothing_left_to_price_role_model);
	tcase_add_test(tc, nothing_left_to_price_tutoring);
	tcase_add_test(tc, threads_do_not_change_the_answer);
	tcase_add_test(tc, pricing_skips_work);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(exact_suite());
}
