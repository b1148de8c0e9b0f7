/* The public pure-solver API: building a graph, every error path, solving
 * with both objectives and both algorithms, reasons, determinism. */
#include <string.h>
#include "lm_test.h"
#include "libmatch/solver.h"

START_TEST(new_and_free)
{
	lm_graph *g = NULL;

	LM_EXPECT(lm_graph_new(NULL, 1, 1, &err), LM_EINVAL, "out is NULL");
	LM_EXPECT(lm_graph_new(&g, (size_t)1 << 31, 1, &err), LM_EINVAL, "2^31 - 1");
	LM_EXPECT(lm_graph_new(&g, 1, (size_t)1 << 31, &err), LM_EINVAL, "2^31 - 1");
	ck_assert_ptr_null(g);
	ck_assert_int_eq(lm_graph_new(&g, 0, 0, NULL), 0);
	ck_assert_uint_eq(lm_graph_edge_count(g), 0);
	lm_graph_free(g);
	lm_graph_free(NULL);
	ck_assert_uint_eq(lm_graph_edge_count(NULL), 0);
}
END_TEST

START_TEST(set_id)
{
	lm_graph *g = NULL;
	char long_id[66];

	memset(long_id, 'a', 65);
	long_id[65] = '\0';
	lm_graph_new(&g, 2, 2, NULL);
	LM_EXPECT(lm_graph_set_id(NULL, LM_ROLE_MENTEE, 0, "a", &err), LM_EINVAL, "NULL");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, NULL, &err), LM_EINVAL, "NULL");
	LM_EXPECT(lm_graph_set_id(g, (lm_role)2, 0, "a", &err), LM_EINVAL, "role");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 2, "a", &err), LM_EINVAL, "out of range");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTOR, 2, "a", &err), LM_EINVAL, "out of range");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "", &err), LM_EINVAL, "1-64 characters");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "a b", &err), LM_EINVAL, "1-64 characters");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "\xc3\xa9", &err), LM_EINVAL, "1-64");
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, long_id, &err), LM_EINVAL, "1-64");
	long_id[64] = '\0';
	ck_assert_int_eq(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, long_id, NULL), 0);
	ck_assert_int_eq(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "m-1", NULL), 0);
	ck_assert_int_eq(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "m-1", NULL), 0);
	LM_EXPECT(lm_graph_set_id(g, LM_ROLE_MENTEE, 1, "m-1", &err), LM_EPARSE, "already used");
	/* The same id on the other side is fine; a renamed id is free again. */
	ck_assert_int_eq(lm_graph_set_id(g, LM_ROLE_MENTOR, 0, "m-1", NULL), 0);
	ck_assert_int_eq(lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "m-0", NULL), 0);
	ck_assert_int_eq(lm_graph_set_id(g, LM_ROLE_MENTEE, 1, "m-1", NULL), 0);
	lm_graph_free(g);
}
END_TEST

START_TEST(set_capacity)
{
	lm_graph *g = NULL;

	lm_graph_new(&g, 1, 2, NULL);
	LM_EXPECT(lm_graph_set_capacity(NULL, 0, 1, &err), LM_EINVAL, "NULL");
	LM_EXPECT(lm_graph_set_capacity(g, 2, 1, &err), LM_EINVAL, "out of range");
	LM_EXPECT(lm_graph_set_capacity(g, 0, -1, &err), LM_EINVAL, "from 0 to 1000000");
	LM_EXPECT(lm_graph_set_capacity(g, 0, 1000001, &err), LM_EINVAL, "from 0 to 1000000");
	ck_assert_int_eq(lm_graph_set_capacity(g, 0, 0, NULL), 0);
	ck_assert_int_eq(lm_graph_set_capacity(g, 1, 1000000, NULL), 0);
	lm_graph_free(g);
}
END_TEST

START_TEST(add_edge)
{
	lm_graph *g = NULL;

	lm_graph_new(&g, 2, 2, NULL);
	LM_EXPECT(lm_graph_add_edge(NULL, 0, 0, 1, &err), LM_EINVAL, "NULL");
	LM_EXPECT(lm_graph_add_edge(g, 2, 0, 1, &err), LM_EINVAL, "out of range");
	LM_EXPECT(lm_graph_add_edge(g, 0, 2, 1, &err), LM_EINVAL, "out of range");
	LM_EXPECT(lm_graph_add_edge(g, 0, 0, -1, &err), LM_EINVAL, "score");
	LM_EXPECT(lm_graph_add_edge(g, 0, 0, 1000000000001LL, &err), LM_EINVAL, "score");
	ck_assert_uint_eq(lm_graph_edge_count(g), 0);
	ck_assert_int_eq(lm_graph_add_edge(g, 0, 0, 1000000000000LL, NULL), 0);
	ck_assert_int_eq(lm_graph_add_edge(g, 0, 1, 0, NULL), 0);
	LM_EXPECT(lm_graph_add_edge(g, 0, 1, 5, &err), LM_EPARSE, "already added");
	ck_assert_uint_eq(lm_graph_edge_count(g), 2);
	lm_graph_free(g);
}
END_TEST

/* Many edges: the duplicate map grows and still finds every pair. */
START_TEST(many_edges)
{
	lm_graph *g = NULL;

	lm_graph_new(&g, 300, 200, NULL);
	for (size_t r = 0; r < 300; r++)
		for (size_t c = r % 3; c < 200; c += 3)
			ck_assert_int_eq(lm_graph_add_edge(g, r, c, (lm_score)(r * c), NULL), 0);
	for (size_t r = 0; r < 300; r += 7)
		ck_assert_int_eq(lm_graph_add_edge(g, r, r % 3, 1, NULL), LM_EPARSE);
	ck_assert_int_eq(lm_graph_add_edge(g, 0, 1, 1, NULL), 0);
	lm_graph_free(g);
}
END_TEST

/* ---- solving ------------------------------------------------------------------ */

static lm_options *options(int algorithm, int objective, uint64_t seed)
{
	lm_options *o = NULL;

	lm_options_new(&o, NULL);
	lm_options_set_algorithm(o, algorithm, NULL);
	lm_options_set_objective(o, objective, NULL);
	lm_options_set_seed(o, seed, NULL);
	return o;
}

START_TEST(solve_arguments)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;
	lm_options *o;

	lm_graph_new(&g, 1, 1, NULL);
	LM_EXPECT(lm_graph_solve(NULL, g, NULL, &err), LM_EINVAL, "NULL");
	LM_EXPECT(lm_graph_solve(&res, NULL, NULL, &err), LM_EINVAL, "NULL");
	o = options(LM_ALGORITHM_STABLE, LM_OBJECTIVE_COVERAGE, 1);
	LM_EXPECT(lm_graph_solve(&res, g, o, &err), LM_EINVAL, "stable is not available");
	lm_options_free(o);
	o = options(LM_ALGORITHM_FAIR, LM_OBJECTIVE_COVERAGE, 1);
	LM_EXPECT(lm_graph_solve(&res, g, o, &err), LM_EINVAL, "fair is not available");
	lm_options_free(o);
	ck_assert_ptr_null(res);
	lm_graph_free(g);
}
END_TEST

START_TEST(empty_graphs)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;

	lm_graph_new(&g, 0, 0, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(res), 0);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 0);
	lm_result_free(res);
	lm_graph_free(g);
	/* Mentees without mentors: all unmatched, nobody feasible. */
	lm_graph_new(&g, 2, 0, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 2);
	ck_assert_int_eq(lm_result_unmatched_reason(res, 1), LM_UNMATCHED_NO_FEASIBLE_MENTOR);
	ck_assert_ptr_null(lm_result_unmatched_best_feasible(res, 1));
	lm_result_free(res);
	lm_graph_free(g);
}
END_TEST

/* Unnamed people are named by index; names and order show in the result. */
START_TEST(default_names_and_order)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;

	lm_graph_new(&g, 3, 2, NULL);
	lm_graph_set_id(g, LM_ROLE_MENTEE, 2, "alice", NULL);
	lm_graph_set_capacity(g, 1, 2, NULL);
	lm_graph_add_edge(g, 2, 1, 5000000, NULL);
	lm_graph_add_edge(g, 0, 1, 1000000, NULL);
	lm_graph_add_edge(g, 1, 0, 2000000, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(res), 3);
	ck_assert_str_eq(lm_result_pair_mentee(res, 0), "0");
	ck_assert_str_eq(lm_result_pair_mentor(res, 0), "1");
	ck_assert_str_eq(lm_result_pair_mentee(res, 1), "1");
	ck_assert_str_eq(lm_result_pair_mentee(res, 2), "alice");
	ck_assert_int_eq(lm_result_pair_score(res, 2), 5000000);
	ck_assert_int_eq(lm_result_total_score(res), 8000000);
	ck_assert_int_eq(lm_result_optimal(res), 1);
	ck_assert_uint_eq(lm_result_criterion_count(res), 0);
	lm_result_free(res);
	lm_graph_free(g);
}
END_TEST

/* An explicit id equal to another unnamed person's default name is refused. */
START_TEST(default_name_clash)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;

	lm_graph_new(&g, 3, 1, NULL);
	lm_graph_set_id(g, LM_ROLE_MENTEE, 0, "2", NULL);
	LM_EXPECT(lm_graph_solve(&res, g, NULL, &err), LM_EINVAL, "default name");
	/* Naming the other one too, or using a non-canonical number, is fine. */
	lm_graph_set_id(g, LM_ROLE_MENTEE, 2, "two", NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	lm_result_free(res);
	lm_graph_set_id(g, LM_ROLE_MENTEE, 1, "01", NULL);
	lm_graph_set_id(g, LM_ROLE_MENTOR, 0, "0", NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	lm_result_free(res);
	lm_graph_free(g);
}
END_TEST

/* The three reasons, and the best full mentor (lowest index on ties). */
START_TEST(unmatched_reasons)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;
	lm_options *o = options(LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_SCORE, 1);

	/* m0: no edges. m1: zero score to free r2. m2 and m3 compete for r0 and
	 * r1 (capacity 1 each) with m4, who scores best with both. */
	lm_graph_new(&g, 5, 3, NULL);
	for (int i = 0; i < 5; i++) {
		char id[8];

		g_snprintf(id, sizeof(id), "m%d", i);
		lm_graph_set_id(g, LM_ROLE_MENTEE, (size_t)i, id, NULL);
	}
	lm_graph_set_id(g, LM_ROLE_MENTOR, 0, "r0", NULL);
	lm_graph_set_id(g, LM_ROLE_MENTOR, 1, "r1", NULL);
	lm_graph_set_id(g, LM_ROLE_MENTOR, 2, "r2", NULL);
	lm_graph_add_edge(g, 1, 2, 0, NULL);
	lm_graph_add_edge(g, 2, 0, 3, NULL);
	lm_graph_add_edge(g, 2, 1, 3, NULL);
	lm_graph_add_edge(g, 3, 1, 9, NULL);
	lm_graph_add_edge(g, 4, 0, 9, NULL);
	lm_graph_add_edge(g, 4, 1, 1, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, o, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(res), 2);
	ck_assert_int_eq(lm_result_total_score(res), 18);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 3);
	ck_assert_str_eq(lm_result_unmatched_mentee(res, 0), "m0");
	ck_assert_int_eq(lm_result_unmatched_reason(res, 0), LM_UNMATCHED_NO_FEASIBLE_MENTOR);
	ck_assert_str_eq(lm_result_unmatched_mentee(res, 1), "m1");
	ck_assert_int_eq(lm_result_unmatched_reason(res, 1), LM_UNMATCHED_NOT_WORTH_IT);
	ck_assert_str_eq(lm_result_unmatched_mentee(res, 2), "m2");
	ck_assert_int_eq(lm_result_unmatched_reason(res, 2), LM_UNMATCHED_CAPACITY_TAKEN);
	ck_assert_str_eq(lm_result_unmatched_best_feasible(res, 2), "r0");
	lm_result_free(res);
	lm_options_free(o);
	lm_graph_free(g);
}
END_TEST

START_TEST(greedy_is_not_optimal)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;
	lm_options *o = options(LM_ALGORITHM_GREEDY, LM_OBJECTIVE_COVERAGE, 1);

	/* Greedy takes 0-0 (10) and strands mentee 1; the optimum takes 0-1 and 1-0. */
	lm_graph_new(&g, 2, 2, NULL);
	lm_graph_add_edge(g, 0, 0, 10, NULL);
	lm_graph_add_edge(g, 0, 1, 9, NULL);
	lm_graph_add_edge(g, 1, 0, 9, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, o, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(res), 1);
	ck_assert_int_eq(lm_result_optimal(res), 0);
	ck_assert_int_eq(lm_result_unmatched_reason(res, 0), LM_UNMATCHED_CAPACITY_TAKEN);
	lm_result_free(res);
	lm_options_free(o);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_pair_count(res), 2);
	ck_assert_int_eq(lm_result_total_score(res), 18);
	ck_assert_int_eq(lm_result_optimal(res), 1);
	lm_result_free(res);
	lm_graph_free(g);
}
END_TEST

/* The result depends on the graph's content and the seed, not on the
 * order edges were added in. */
START_TEST(deterministic)
{
	GRand *rng = g_rand_new_with_seed(11);
	lm_graph *a = NULL, *b = NULL;
	lm_result *ra = NULL, *rb = NULL;
	GArray *edges = g_array_new(FALSE, FALSE, sizeof(guint32) * 3);

	lm_graph_new(&a, 40, 20, NULL);
	lm_graph_new(&b, 40, 20, NULL);
	for (guint32 r = 0; r < 40; r++)
		for (guint32 c = 0; c < 20; c++)
			if (g_rand_boolean(rng)) {
				guint32 e[3] = { r, c, (guint32)g_rand_int_range(rng, 0, 3) };

				g_array_append_vals(edges, e, 1);
			}
	for (guint i = 0; i < edges->len; i++) {
		guint32 *e = (guint32 *)edges->data + 3 * i;
		guint32 *f = (guint32 *)edges->data + 3 * (edges->len - 1 - i);

		lm_graph_add_edge(a, e[0], e[1], e[2], NULL);
		lm_graph_add_edge(b, f[0], f[1], f[2], NULL);
	}
	for (uint64_t seed = 1; seed < 6; seed++) {
		lm_options *o = options(LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_COVERAGE, seed);

		ck_assert_int_eq(lm_graph_solve(&ra, a, o, NULL), 0);
		ck_assert_int_eq(lm_graph_solve(&rb, b, o, NULL), 0);
		ck_assert_uint_eq(lm_result_pair_count(ra), lm_result_pair_count(rb));
		for (size_t i = 0; i < lm_result_pair_count(ra); i++) {
			ck_assert_str_eq(lm_result_pair_mentee(ra, i), lm_result_pair_mentee(rb, i));
			ck_assert_str_eq(lm_result_pair_mentor(ra, i), lm_result_pair_mentor(rb, i));
		}
		lm_result_free(ra);
		lm_result_free(rb);
		lm_options_free(o);
	}
	lm_graph_free(a);
	lm_graph_free(b);
	g_array_free(edges, TRUE);
	g_rand_free(rng);
}
END_TEST

/* Scores near the limit with a million places overflow the weights. */
START_TEST(huge_scores_and_capacities)
{
	lm_graph *g = NULL;
	lm_result *res = NULL;

	lm_graph_new(&g, 3000000, 3, NULL);
	for (size_t c = 0; c < 3; c++)
		lm_graph_set_capacity(g, c, 1000000, NULL);
	lm_graph_add_edge(g, 0, 0, 1000000000000LL, NULL);
	LM_EXPECT(lm_graph_solve(&res, g, NULL, &err), LM_EINVAL, "scores too large");
	lm_graph_free(g);
	lm_graph_new(&g, 2, 1, NULL);
	lm_graph_set_capacity(g, 0, 1000000, NULL);
	lm_graph_add_edge(g, 0, 0, 1000000000000LL, NULL);
	lm_graph_add_edge(g, 1, 0, 1000000000000LL, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	ck_assert_int_eq(lm_result_total_score(res), 2000000000000LL);
	lm_result_free(res);
	lm_graph_free(g);
}
END_TEST

static Suite *graph_suite(void)
{
	Suite *s = suite_create("graph");
	TCase *build = tcase_create("build");
	TCase *solve = tcase_create("solve");

	tcase_add_test(build, new_and_free);
	tcase_add_test(build, set_id);
	tcase_add_test(build, set_capacity);
	tcase_add_test(build, add_edge);
	tcase_add_test(build, many_edges);
	suite_add_tcase(s, build);
	tcase_add_test(solve, solve_arguments);
	tcase_add_test(solve, empty_graphs);
	tcase_add_test(solve, default_names_and_order);
	tcase_add_test(solve, default_name_clash);
	tcase_add_test(solve, unmatched_reasons);
	tcase_add_test(solve, greedy_is_not_optimal);
	tcase_add_test(solve, deterministic);
	tcase_add_test(solve, huge_scores_and_capacities);
	tcase_set_timeout(solve, 120);
	suite_add_tcase(s, solve);
	return s;
}

int main(void)
{
	return lm_test_run(graph_suite());
}
