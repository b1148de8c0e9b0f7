/* The candidate graph: each mentee's top-k and each mentor's best mentees
 * from one scoring pass, the bounds on the pairs left out, and the same
 * graph for any thread count. */
#include <string.h>
#include "lm_test.h"
#include "lm_test_cohort.h"
#include "core/cohort_private.h"
#include "match/candidates.h"
#include "score/scorer.h"

typedef struct fixture {
	lm_cohort *cohort;
	lm_model *model;
	lm_scorer *scorer;
	uint32_t *demand, *cap, n, m;
} fixture;

/* The cohort of json, or with NULL the bundled sample. */
static void fixture_load_from(fixture *f, const char *json)
{
	g_autofree char *file = lm_test_data("../../data/sample/role_model.json");

	memset(f, 0, sizeof(*f));
	if (json)
		ck_assert_int_eq(lm_cohort_load_buffer(&f->cohort, json, strlen(json), "c.json", NULL),
				 0);
	else
		ck_assert_int_eq(lm_cohort_load_file(&f->cohort, file, NULL), 0);
	ck_assert_int_eq(lm_model_new_named(&f->model, "role_model", NULL), 0);
	ck_assert_int_eq(lm_scorer_new(&f->scorer, f->model, f->cohort, NULL), 0);
	f->n = f->cohort->count[LM_ROLE_MENTEE];
	f->m = f->cohort->count[LM_ROLE_MENTOR];
	f->demand = g_new(uint32_t, f->n);
	f->cap = g_new(uint32_t, f->m);
	for (uint32_t i = 0; i < f->n; i++)
		f->demand[i] = lm_cohort_mentee(f->cohort, i)->wants;
	for (uint32_t i = 0; i < f->m; i++)
		f->cap[i] = lm_cohort_mentor(f->cohort, i)->capacity;
}

static void fixture_load(fixture *f)
{
	fixture_load_from(f, NULL);
}

static void fixture_clear(fixture *f)
{
	lm_scorer_free(f->scorer);
	lm_model_free(f->model);
	lm_cohort_free(f->cohort);
	g_free(f->demand);
	g_free(f->cap);
}

static gboolean candidate(const fixture *f, uint32_t r, uint32_t c)
{
	const lm_person *p = lm_cohort_mentee(f->cohort, r);

	return f->demand[r] && f->cap[c] && lm_scorer_feasible(f->scorer, r, c) &&
	       !(p->current.len && lm_span_contains(f->cohort, p->current, c));
}

static ssize_t find(const lm_candidates *g, uint32_t r, uint32_t c)
{
	for (size_t a = g->row_start[r]; a < g->row_start[r + 1]; a++)
		if (g->col[a] == c)
			return (ssize_t)a;
	return -1;
}

/* Every pair left out scores at most both bounds; every pair that beats a
 * mentee's k-th best (or a mentor's last chosen) is in the graph. */
START_TEST(bounds_cover_left_out_pairs)
{
	fixture f;

	fixture_load(&f);
	for (long k = 1; k <= 6; k++) {
		lm_candidates g;
		uint64_t left_out = 0;

		ck_assert_int_eq(lm_candidates_build_both(&g, f.scorer, f.demand, f.cap, k, 2, 1,
							  NULL), 0);
		ck_assert(g.pruned);
		for (uint32_t r = 0; r < f.n; r++) {
			for (uint32_t c = 0; c < f.m; c++) {
				ssize_t a = find(&g, r, c);

				if (!candidate(&f, r, c)) {
					ck_assert_int_lt(a, 0);
					continue;
				}
				lm_score s = lm_scorer_score(f.scorer, r, c, NULL);

				if (a >= 0) {
					ck_assert_int_eq(g.score[a], s);
					continue;
				}
				left_out++;
				ck_assert_int_le(s, g.row_bound[r]);
				ck_assert_int_le(s, g.col_bound[c]);
			}
			for (size_t a = g.row_start[r] + 1; a < g.row_start[r + 1]; a++)
				ck_assert_uint_lt(g.col[a - 1], g.col[a]);
		}
		ck_assert_uint_gt(left_out, 0);
		lm_candidates_clear(&g);
	}
	fixture_clear(&f);
}
END_TEST

/* A mentor with capacity c gets its 2c best mentees, whatever they rank it. */
START_TEST(mentors_bring_their_best_mentees)
{
	fixture f;
	lm_candidates g;

	fixture_load(&f);
	ck_assert_int_eq(lm_candidates_build_both(&g, f.scorer, f.demand, f.cap, 1, 2, 1, NULL), 0);
	for (uint32_t c = 0; c < f.m; c++) {
		uint32_t better = 0, in_graph = 0, feasible = 0;

		for (uint32_t r = 0; r < f.n; r++) {
			if (!candidate(&f, r, c))
				continue;
			feasible++;
			in_graph += find(&g, r, c) >= 0;
		}
		better = MIN(feasible, 2 * f.cap[c]);
		ck_assert_uint_ge(in_graph, better);
	}
	lm_candidates_clear(&g);
	fixture_clear(&f);
}
END_TEST

START_TEST(threads_give_the_same_graph)
{
	fixture f;
	lm_candidates one;

	fixture_load(&f);
	ck_assert_int_eq(lm_candidates_build_both(&one, f.scorer, f.demand, f.cap, 3, 4, 1, NULL), 0);
	for (int threads = 2; threads <= 6; threads++) {
		lm_candidates g;
		size_t arcs = one.row_start[f.n];

		ck_assert_int_eq(lm_candidates_build_both(&g, f.scorer, f.demand, f.cap, 3, 4,
							  threads, NULL), 0);
		ck_assert_uint_eq(g.row_start[f.n], arcs);
		ck_assert(memcmp(g.col, one.col, arcs * sizeof(uint32_t)) == 0);
		ck_assert(memcmp(g.score, one.score, arcs * sizeof(lm_score)) == 0);
		ck_assert(memcmp(g.row_bound, one.row_bound, f.n * sizeof(lm_score)) == 0);
		ck_assert(memcmp(g.col_bound, one.col_bound, f.m * sizeof(lm_score)) == 0);
		/* g.scored may differ: the heaps' floors depend on the split. */
		lm_candidates_clear(&g);
	}
	lm_candidates_clear(&one);
	fixture_clear(&f);
}
END_TEST

typedef struct {
	uint32_t col;
	lm_score score;
} scored_col;

/* Better first: higher score, then the lower mentor index. */
static int better_first(const void *a, const void *b)
{
	const scored_col *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Without the mentors' side each mentee keeps exactly its k best
 * candidates, ties to the lower index, and its bound is the k-th best,
 * for small and large k, on the sample and on a cohort where mentees have
 * hundreds of candidates (so the heap replaces its worst many times).
 * Counts the rows whose list was cut, per k. */
static void check_exact_top_k(const char *json, uint64_t *pruned_rows)
{
	static const long ks[] = { 1, 2, 7, 8, 9, 15, 16, 17, 47, 48, 54, 55, 56, 57, 70 };
	fixture f;
	scored_col *all;

	fixture_load_from(&f, json);
	all = g_new(scored_col, f.m);
	for (size_t i = 0; i < G_N_ELEMENTS(ks); i++) {
		lm_candidates g;
		long k = ks[i];

		ck_assert_int_eq(lm_candidates_build(&g, f.scorer, f.demand, f.cap, k, 1, NULL), 0);
		for (uint32_t r = 0; r < f.n; r++) {
			uint32_t n = 0, kept = (uint32_t)(g.row_start[r + 1] - g.row_start[r]);

			for (uint32_t c = 0; c < f.m; c++)
				if (candidate(&f, r, c))
					all[n++] = (scored_col){ c, lm_scorer_score(f.scorer, r, c, NULL) };
			qsort(all, n, sizeof(*all), better_first);
			ck_assert_uint_eq(kept, MIN(n, (uint32_t)k));
			for (uint32_t j = 0; j < kept; j++) {
				ssize_t a = find(&g, r, all[j].col);

				ck_assert_int_ge(a, 0);
				ck_assert_int_eq(g.score[a], all[j].score);
			}
			if (n > (uint32_t)k) {
				ck_assert_int_eq(g.row_bound[r], all[k - 1].score);
				pruned_rows[i]++;
			}
		}
		lm_candidates_clear(&g);
	}
	g_free(all);
	fixture_clear(&f);
}

START_TEST(mentees_keep_exactly_their_k_best)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(11);
	lmt_shape shape = { 2, 3, TRUE, TRUE };
	g_autofree char *json = lmt_random_cohort(rng, 40, 700, &shape);
	uint64_t sample[15] = { 0 }, wide[15] = { 0 };

	check_exact_top_k(NULL, sample);
	check_exact_top_k(json, wide);
	/* Lists must be cut at every k tried, or the test proves little. */
	for (int i = 0; i < 15; i++)
		ck_assert_uint_gt(sample[i] + wide[i], 5);
}
END_TEST

static Suite *candidates_suite(void)
{
	Suite *s = suite_create("candidates");
	TCase *tc = tcase_create("candidates");

	tcase_add_test(tc, bounds_cover_left_out_pairs);
	tcase_add_test(tc, mentors_bring_their_best_mentees);
	tcase_add_test(tc, threads_give_the_same_graph);
	tcase_add_test(tc, mentees_keep_exactly_their_k_best);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(candidates_suite());
}
