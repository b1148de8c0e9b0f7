/* Links against an installed libmatch and solves a tiny graph. */
#include <stdio.h>
#include <libmatch/libmatch.h>

int main(void)
{
	lm_graph *g = NULL;
	lm_result *r = NULL;

	if (lm_version_number() != LM_VERSION_NUMBER)
		return 1;
	if (lm_graph_new(&g, 2, 1, NULL) < 0 || lm_graph_set_capacity(g, 0, 2, NULL) < 0 ||
	    lm_graph_add_edge(g, 0, 0, 5 * LM_SCORE_SCALE, NULL) < 0 ||
	    lm_graph_add_edge(g, 1, 0, 3 * LM_SCORE_SCALE, NULL) < 0 ||
	    lm_graph_solve(&r, g, NULL, NULL) < 0)
		return 2;
	int ok = lm_result_pair_count(r) == 2 && lm_result_total_score(r) == 8 * LM_SCORE_SCALE;
	printf("%s %zu pairs\n", lm_version_string(), lm_result_pair_count(r));
	lm_result_free(r);
	lm_graph_free(g);
	return ok ? 0 : 3;
}
