/* lm-bench-flow: the assignment engine alone on seeded sparse graphs, the
 * graph written for the peer solvers (bench/lemon_driver.cpp, peers.py).
 *
 *   lm-bench-flow --rows N --cols M [--arcs K] [--cap C] [--popular]
 *                 [--seed S] [--objective coverage|score] [--write FILE]
 *
 * Each row has K distinct random columns (capacity C each); scores are
 * 0..1000 millionths (small, so that the weights stay exact in scipy's
 * doubles), uniform, or with --popular half
 * the arcs go to the 2% popular columns and score 500 more: everyone
 * agrees who the good mentors are. Prints the solve time of lm_flow_solve
 * (from the mentee side) and of lm_flow_solve_auto (from the scarcer side),
 * both certified, and the optimal total weight; fails loudly if they differ.
 * The last line is a machine-readable RESULT line. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "bench_instance.h"

static gint rows = 2000, cols = 500, arcs = 50, cap = 4;
static gint64 seed = 1;
static gboolean popular;
static gchar *objective_arg, *write_path;

static GOptionEntry entries[] = {
	{ "rows", 0, 0, G_OPTION_ARG_INT, &rows, "mentees", "N" },
	{ "cols", 0, 0, G_OPTION_ARG_INT, &cols, "mentors", "M" },
	{ "arcs", 0, 0, G_OPTION_ARG_INT, &arcs, "arcs per mentee", "K" },
	{ "cap", 0, 0, G_OPTION_ARG_INT, &cap, "capacity of every mentor", "C" },
	{ "popular", 0, 0, G_OPTION_ARG_NONE, &popular, "popular-mentor scores", NULL },
	{ "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "generator seed", "S" },
	{ "objective", 0, 0, G_OPTION_ARG_STRING, &objective_arg, "coverage or score", "OBJ" },
	{ "write", 0, 0, G_OPTION_ARG_FILENAME, &write_path, "write the instance", "FILE" },
	{ NULL },
};

static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

typedef struct graph {
	size_t *row_start;
	uint32_t *col, *cap;
	lm_score *score;
} graph;

static void generate(graph *g)
{
	uint64_t s = (uint64_t)seed;
	uint32_t k = (uint32_t)MIN(arcs, cols), n_pop = MAX(cols / 50, 1);
	uint32_t *pick = g_new(uint32_t, k);
	uint8_t *seen = g_new0(uint8_t, cols);

	g->row_start = g_new(size_t, rows + (size_t)1);
	g->col = g_new(uint32_t, (size_t)rows * k);
	g->score = g_new(lm_score, (size_t)rows * k);
	g->cap = g_new(uint32_t, cols);
	for (gint c = 0; c < cols; c++)
		g->cap[c] = (uint32_t)cap;
	g->row_start[0] = 0;
	for (gint r = 0; r < rows; r++) {
		uint32_t n = 0;

		while (n < k) {
			gboolean pop = popular && n < k / 2 && n < n_pop;
			uint32_t c = pop ? (uint32_t)(next(&s) % n_pop) * 50 % (uint32_t)cols
					 : (uint32_t)(next(&s) % (uint64_t)cols);

			if (!seen[c])
				seen[c] = 1, pick[n++] = c;
		}
		qsort(pick, n, sizeof(*pick), cmp_u32);
		for (uint32_t i = 0; i < n; i++) {
			size_t a = g->row_start[r] + i;
			lm_score pts = (lm_score)(next(&s) % 501);

			if (popular && pick[i] % 50 == 0)
				pts += 500;
			else if (!popular)
				pts = (lm_score)(next(&s) % 1001);
			g->col[a] = pick[i];
			g->score[a] = pts; /* millionths: keeps weights exact in doubles for scipy */
			seen[pick[i]] = 0;
		}
		g->row_start[r + 1] = g->row_start[r] + n;
	}
	g_free(pick);
	g_free(seen);
}

static double seconds_since(gint64 t0)
{
	return (g_get_monotonic_time() - t0) / 1e6;
}

int main(int argc, char **argv)
{
	GOptionContext *ctx = g_option_context_new("- time the assignment engine");
	GError *gerr = NULL;
	lm_error *err = NULL;
	graph g;
	struct rusage ru;

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &gerr) || rows < 1 || cols < 1 || arcs < 1) {
		fprintf(stderr, "usage: lm-bench-flow --rows N --cols M [options]\n");
		return 64;
	}
	g_option_context_free(ctx);
	generate(&g);

	lm_flow_input in = {
		.n_rows = (uint32_t)rows,
		.n_cols = (uint32_t)cols,
		.col_cap = g.cap,
		.row_start = g.row_start,
		.arc_col = g.col,
		.arc_score = g.score,
		.objective = objective_arg && !strcmp(objective_arg, "score") ? LM_OBJECTIVE_SCORE
									    : LM_OBJECTIVE_COVERAGE,
		.seed = 1,
	};
	if (write_path && lm_bench_write_instance(write_path, &in) < 0) {
		fprintf(stderr, "lm-bench-flow: cannot write %s\n", write_path);
		return 1;
	}

	lm_flow_output plain = { 0 }, autos = { 0 };
	gint64 t0 = g_get_monotonic_time();

	if (lm_flow_solve_auto(&in, &autos, &err) < 0) {
		fprintf(stderr, "lm-bench-flow: %s\n", lm_error_message(err));
		return 1;
	}
	double t_auto = seconds_since(t0);

	t0 = g_get_monotonic_time();
	gboolean ok_auto = lm_flow_certify(&in, &autos);
	double t_cert = seconds_since(t0);
	double t_plain = -1;
	gboolean ok_plain = TRUE;

	if (!getenv("LM_BENCH_SKIP_PLAIN")) {
		t0 = g_get_monotonic_time();
		if (lm_flow_solve(&in, &plain, &err) < 0)
			return 1;
		t_plain = seconds_since(t0);
		ok_plain = lm_flow_certify(&in, &plain) && plain.matched == autos.matched &&
			   plain.total == autos.total;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("%d x %d, %d arcs each, capacity %d, %s: auto %.3f s, mentee side %.3f s, certify "
	       "%.3f s\n", rows, cols, arcs, cap, popular ? "popular" : "uniform", t_auto, t_plain,
	       t_cert);
	printf("RESULT solver=libmatch time_s=%.3f plain_s=%.3f weight=%" PRId64 " pairs=%" PRIu64
	       " certified=%d rss_mib=%.1f\n", t_auto, t_plain, lm_bench_weight(&in, &autos),
	       autos.matched, ok_auto && ok_plain, ru.ru_maxrss / 1024.0);
	if (!ok_auto || !ok_plain) {
		fprintf(stderr, "lm-bench-flow: ANSWERS DIFFER OR FAIL THE CERTIFICATE\n");
		return 2;
	}
	return 0;
}
