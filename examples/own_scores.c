/* own_scores: the pure solver, for programs that score pairs themselves
 * (a spreadsheet formula, their own model, a Python script) and want only
 * libmatch's exact assignment under capacities.
 *
 *   own_scores                      a small graph built in code
 *   own_scores EDGES.csv [CAPS.csv] an edge list `mentee,mentor,score` and
 *                                   an optional `mentor,capacity` list
 *
 * A pair that is not given is forbidden. The answer is the assignment with
 * the most mentees matched, then the highest total score, proved optimal.
 * Only the public API is used.
 */
#include <stdio.h>
#include <libmatch/libmatch.h>

static int fail(lm_error *err)
{
	for (const lm_error *e = err; e; e = lm_error_next(e))
		fprintf(stderr, "%s\n", lm_error_message(e));
	lm_error_free(err);
	return 1;
}

/* Scores from "our own spreadsheet": three students, two tutors. */
static const char *const students[] = { "s-ana", "s-bo", "s-chul" };
static const char *const tutors[] = { "t-east", "t-west" };
static const long capacities[] = { 2, 1 };
static const struct {
	int student, tutor;
	double points;
} scores[] = {
	{ 0, 0, 80.0 }, { 0, 1, 75.5 }, { 1, 0, 60.0 }, { 2, 0, 90.0 },
	/* s-bo and t-west, s-chul and t-west: not listed, so never paired. */
};

static int build(lm_graph **out, lm_error **err)
{
	lm_graph *g = NULL;
	int rc = lm_graph_new(&g, 3, 2, err);

	for (size_t i = 0; rc == 0 && i < 3; i++)
		rc = lm_graph_set_id(g, LM_ROLE_MENTEE, i, students[i], err);
	for (size_t j = 0; rc == 0 && j < 2; j++) {
		rc = lm_graph_set_id(g, LM_ROLE_MENTOR, j, tutors[j], err);
		if (rc == 0)
			rc = lm_graph_set_capacity(g, j, capacities[j], err);
	}
	/* Scores are exact integers: millionths of a point. */
	for (size_t k = 0; rc == 0 && k < sizeof scores / sizeof scores[0]; k++)
		rc = lm_graph_add_edge(g, (size_t)scores[k].student, (size_t)scores[k].tutor,
				       (lm_score)(scores[k].points * LM_SCORE_SCALE), err);
	if (rc < 0) {
		lm_graph_free(g);
		return rc;
	}
	*out = g;
	return 0;
}

int main(int argc, char **argv)
{
	lm_graph *graph = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	int rc;

	if (argc > 3) {
		fprintf(stderr, "usage: %s [EDGES.csv [CAPS.csv]]\n", argv[0]);
		return 2;
	}
	if (argc >= 2)
		rc = lm_graph_load_csv(&graph, argv[1], argc == 3 ? argv[2] : NULL, &err);
	else
		rc = build(&graph, &err);
	/* NULL options: optimal, objective coverage, seed 1. The graph is only
	 * read, so it could be solved again with other options. */
	if (rc < 0 || lm_graph_solve(&result, graph, NULL, &err) < 0) {
		lm_graph_free(graph);
		return fail(err);
	}
	printf("%zu edges: %zu pairs, %zu unmatched, total %.2f points%s\n",
	       lm_graph_edge_count(graph), lm_result_pair_count(result),
	       lm_result_unmatched_count(result),
	       (double)lm_result_total_score(result) / LM_SCORE_SCALE,
	       lm_result_optimal(result) ? ", proved optimal" : "");
	for (size_t i = 0; i < lm_result_pair_count(result); i++)
		printf("  %s + %s  %.2f\n", lm_result_pair_mentee(result, i),
		       lm_result_pair_mentor(result, i),
		       (double)lm_result_pair_score(result, i) / LM_SCORE_SCALE);
	for (size_t i = 0; i < lm_result_unmatched_count(result); i++)
		printf("  %s unmatched (%s)\n", lm_result_unmatched_mentee(result, i),
		       lm_unmatched_reason_name(lm_result_unmatched_reason(result, i)));

	/* The same writers as for lm_match() results: JSON, CSV or HTML. */
	char *csv = NULL;

	if (lm_result_write(result, LM_FORMAT_CSV, &csv, NULL, &err) < 0) {
		rc = fail(err);
	} else {
		fputs(csv, stdout);
		lm_free(csv); /* memory the library returns is freed with lm_free() */
		rc = 0;
	}
	lm_result_free(result);
	lm_graph_free(graph);
	return rc;
}
