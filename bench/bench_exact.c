/* lm-bench-exact: the exact engine alone on one cohort, with its internal
 * figures (links the static library and reads lm_exact's state).
 *
 *   lm-bench-exact COHORT.json [--model NAME|FILE] [--top-k K] [--threads N]
 *                  [--repeat R] [--compare-full]
 *
 * Prints the time of the single scoring pass that builds the candidate
 * graph, of the solves and of the pricing passes, the pricing rounds, the
 * build time per pair of the cohort (and per core), the optimum and whether it is
 * certified. --compare-full also solves the whole graph (every feasible
 * pair, no pricing) and fails loudly if the optimum differs. Demands and
 * capacities are the cohort's wants and capacities less kept pairs, as in
 * lm_match. --speedup times the scoring pass on 1 and on --threads threads
 * next to a pure compute loop split the same way, so the scoring's thread
 * speed-up can be judged against what the machine gives, and scoring alone
 * (the scan and the pair step over every pair of the cohort, every
 * feasible pair scored in full, no top-k selection). --write FILE writes the whole problem (every feasible pair)
 * for the peer solvers, whose totals bench/compare.sh checks against the
 * weight printed here. The last line is a machine-readable RESULT line. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include "bench_instance.h"
#include "core/cohort_private.h"
#include "match/exact.h"
#include "score/scorer.h"
#include "score/scorer_fast.h"

static gchar *model_arg, *write_path;
static gint top_k = 50, threads = 1, repeat = 1;
static gboolean compare_full, speedup;

static GOptionEntry entries[] = {
	{ "model", 0, 0, G_OPTION_ARG_STRING, &model_arg, "preset or model file", "NAME" },
	{ "top-k", 0, 0, G_OPTION_ARG_INT, &top_k, "candidates per mentee (0 = all)", "K" },
	{ "threads", 0, 0, G_OPTION_ARG_INT, &threads, "scoring threads", "N" },
	{ "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "best of R runs", "R" },
	{ "compare-full", 0, 0, G_OPTION_ARG_NONE, &compare_full, "check against top-k 0", NULL },
	{ "speedup", 0, 0, G_OPTION_ARG_NONE, &speedup, "scoring and a pure loop, 1 vs N threads",
	  NULL },
	{ "write", 0, 0, G_OPTION_ARG_FILENAME, &write_path, "write the whole problem", "FILE" },
	{ NULL },
};

static void die(const char *what, lm_error *err)
{
	fprintf(stderr, "lm-bench-exact: %s: %s\n", what, err ? lm_error_message(err) : "failed");
	exit(1);
}

/* User + system CPU seconds of the process, all threads: on a shared
 * machine wall-clock time also counts waiting for a core; CPU time does not. */
static double cpu_now(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
	       ru.ru_stime.tv_usec / 1e6;
}

static double rss_mib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024.0;
}

static void solve(lm_exact *x, const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
		  long k)
{
	lm_options *opt = NULL;
	lm_error *err = NULL;

	if (lm_options_new(&opt, &err) < 0 || lm_options_set_threads(opt, threads, &err) < 0 ||
	    lm_options_set_top_k(opt, k, &err) < 0 ||
	    lm_options_set_objective(opt, lm_scorer_default_objective(s), &err) < 0)
		die("options", err);
	if (lm_exact_solve(x, s, demand, cap, opt, &err) < 0)
		die("solve", err);
	lm_options_free(opt);
}

/* A pure compute loop: no memory traffic, so its speed-up is the most the
 * machine's cores give (2 vCPUs of a busy host give well under 2). */
static void spin_chunk(void *data, uint32_t worker, uint32_t chunk)
{
	uint64_t x = chunk + 1, acc = 0;

	for (int i = 0; i < 4000000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		acc += (uint64_t)__builtin_popcountll(x);
	}
	((volatile uint64_t *)data)[chunk] = acc;
}

static double timed_spin(int n_threads)
{
	uint64_t sink[64];
	gint64 t0 = g_get_monotonic_time();

	lm_run_chunks(spin_chunk, sink, 64, n_threads, NULL);
	return (g_get_monotonic_time() - t0) / 1e6;
}

/* The best wall time of the scoring pass; *cpu gets the best CPU time of
 * the process over it (on a shared machine the figure to compare). */
static double timed_scoring(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
			    int n_threads, uint64_t *scored, double *cpu)
{
	lm_candidates g;
	double best = 1e30;

	*cpu = 1e30;
	for (int i = 0; i < MAX(repeat, 1); i++) {
		gint64 t0 = g_get_monotonic_time();
		double c0 = cpu_now();

		if (lm_candidates_build_both(&g, s, demand, cap, top_k, 8, n_threads, NULL) < 0)
			die("scoring", NULL);
		best = MIN(best, (g_get_monotonic_time() - t0) / 1e6);
		*cpu = MIN(*cpu, cpu_now() - c0);
		*scored = g.scored;
		lm_candidates_clear(&g);
	}
	return best;
}

/* Scoring alone: every pair of the cohort through the scan and the pair
 * step with no floor (every feasible pair gets its full score), nothing
 * kept; in chunks of rows and blocks of mentors as the build does. */
#define SCORE_ROWS 64
#define SCORE_BLOCK 2048

typedef struct {
	const lm_scorer *s;
	uint32_t n_rows, n_cols;
	struct score_worker {
		lm_scorer_row *rows;
		lm_scan_row *scans;
		uint32_t *scan, *kept;
		uint16_t *counts;
		lm_score *score;
		uint64_t feasible;
		lm_score sum;
	} *w;
} score_job;

static void score_chunk(void *data, uint32_t worker, uint32_t chunk)
{
	score_job *job = data;
	struct score_worker *w = &job->w[worker];
	uint32_t first = chunk * SCORE_ROWS, last = MIN(job->n_rows, first + SCORE_ROWS);
	lm_scorer_row *rows = w->rows;
	lm_scan_row *scans = w->scans;

	for (uint32_t r = first; r < last; r++) {
		lm_scorer_scan_begin(job->s, r, &scans[r - first]);
		lm_scorer_row_begin(job->s, r, &rows[r - first]);
	}
	for (uint32_t b = 0; b < job->n_cols; b += SCORE_BLOCK)
		for (uint32_t r = first; r < last; r++) {
			uint32_t n = lm_scorer_scan_range(job->s, &scans[r - first], b,
							  MIN(b + SCORE_BLOCK, job->n_cols), w->scan,
							  w->counts);
			uint32_t k = lm_scorer_pairs_at_least(&rows[r - first], w->scan,
							      scans[r - first].counted ? w->counts : NULL,
							      n, INT64_MIN, NULL, w->kept, w->score);

			w->feasible += k;
			for (uint32_t i = 0; i < k; i++)
				w->sum += w->score[i];
		}
}

/* The best wall time of scoring alone on n_threads; *feasible gets the
 * pairs found feasible. */
static double timed_score_only(const lm_scorer *s, uint32_t n_rows, uint32_t n_cols,
			       int n_threads, uint64_t *feasible)
{
	score_job job = { s, n_rows, n_cols, g_new0(struct score_worker, MAX(n_threads, 1)) };
	double best = 1e30;

	for (int t = 0; t < MAX(n_threads, 1); t++) {
		job.w[t].rows = g_new(lm_scorer_row, SCORE_ROWS);
		job.w[t].scans = g_new(lm_scan_row, SCORE_ROWS);
		job.w[t].scan = g_new(uint32_t, SCORE_BLOCK);
		job.w[t].kept = g_new(uint32_t, SCORE_BLOCK);
		job.w[t].counts = g_new(uint16_t, SCORE_BLOCK);
		job.w[t].score = g_new(lm_score, SCORE_BLOCK);
	}
	for (int i = 0; i < MAX(repeat, 1); i++) {
		gint64 t0 = g_get_monotonic_time();

		*feasible = 0;
		for (int t = 0; t < MAX(n_threads, 1); t++)
			job.w[t].feasible = 0;
		lm_run_chunks(score_chunk, &job, (n_rows + SCORE_ROWS - 1) / SCORE_ROWS, n_threads,
			      NULL);
		best = MIN(best, (g_get_monotonic_time() - t0) / 1e6);
		for (int t = 0; t < MAX(n_threads, 1); t++)
			*feasible += job.w[t].feasible;
	}
	for (int t = 0; t < MAX(n_threads, 1); t++) {
		g_free(job.w[t].rows);
		g_free(job.w[t].scans);
		g_free(job.w[t].scan);
		g_free(job.w[t].kept);
		g_free(job.w[t].counts);
		g_free(job.w[t].score);
	}
	g_free(job.w);
	return best;
}

static void print_speedup(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
			  uint64_t pairs)
{
	uint64_t scored;
	double c1, cn;
	double s1 = timed_scoring(s, demand, cap, 1, &scored, &c1);
	double sn = timed_scoring(s, demand, cap, threads, &scored, &cn);
	double p1 = timed_spin(1), pn = timed_spin(threads);

	printf("scoring pass over %" PRIu64 " pairs (%" PRIu64 " reached the heaps): 1 thread %.3f s "
	       "(%.1f ns per pair), %d threads %.3f s (%.1f ns per pair per core): speed-up %.2fx; "
	       "pure compute loop: speed-up %.2fx\n", pairs, scored, s1, s1 * 1e9 / (double)pairs,
	       threads, sn, sn * 1e9 * threads / (double)pairs, s1 / sn, p1 / pn);
	const lm_cohort *c = lm_scorer_cohort(s);
	uint64_t feasible;
	double o1 = timed_score_only(s, c->count[LM_ROLE_MENTEE], c->count[LM_ROLE_MENTOR], 1,
				     &feasible);
	double on = timed_score_only(s, c->count[LM_ROLE_MENTEE], c->count[LM_ROLE_MENTOR],
				     threads, &feasible);

	printf("scoring alone (scan and pair step, every feasible pair scored in full, no "
	       "selection; %" PRIu64 " feasible): 1 thread %.3f s (%.2f ns per pair), %d threads "
	       "%.3f s (%.2f ns per pair per core): speed-up %.2fx\n", feasible, o1,
	       o1 * 1e9 / (double)pairs, threads, on, on * 1e9 * threads / (double)pairs, o1 / on);
	printf("RESULT speedup scoring_1t_s=%.3f scoring_nt_s=%.3f ns_pair_core=%.2f "
	       "scoring_speedup=%.2f loop_speedup=%.2f scoring_1t_cpu_s=%.3f ns_pair_cpu=%.2f "
	       "score_only_1t_s=%.3f score_only_ns_pair=%.2f score_only_speedup=%.2f\n",
	       s1, sn, s1 * 1e9 / (double)pairs, s1 / sn, p1 / pn, c1, c1 * 1e9 / (double)pairs,
	       o1, o1 * 1e9 / (double)pairs, o1 / on);
}

static lm_flow_input input_of(const lm_exact *x, const uint32_t *demand, const uint32_t *cap,
			       int objective)
{
	return (lm_flow_input){ .n_rows = x->cand.n_rows, .n_cols = x->cand.n_cols,
				.row_demand = demand, .col_cap = cap,
				.row_start = x->cand.row_start, .arc_col = x->cand.col,
				.arc_score = x->cand.score, .objective = objective, .seed = 1 };
}

static void totals(const lm_exact *x, uint64_t *pairs, lm_score *total)
{
	*pairs = x->flow.matched;
	*total = x->flow.total;
}

int main(int argc, char **argv)
{
	GOptionContext *ctx = g_option_context_new("COHORT.json - time the exact engine");
	GError *gerr = NULL;
	lm_error *err = NULL;
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_scorer *s = NULL;

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &gerr) || argc != 2) {
		fprintf(stderr, "usage: lm-bench-exact COHORT.json [options]\n");
		return 64;
	}
	g_option_context_free(ctx);

	gint64 t0 = g_get_monotonic_time();

	if (lm_cohort_load_file(&cohort, argv[1], &err) < 0)
		die("load", err);
	if (lm_model_new_named(&model, model_arg ? model_arg : "role_model", &err) < 0) {
		lm_error_free(err);
		err = NULL;
		if (lm_model_load_file(&model, model_arg, &err) < 0)
			die("model", err);
	}
	if (lm_scorer_new(&s, model, cohort, &err) < 0)
		die("scorer", err);

	gint64 load_us = g_get_monotonic_time() - t0;
	uint32_t n = cohort->count[LM_ROLE_MENTEE], m = cohort->count[LM_ROLE_MENTOR];
	uint32_t *demand = g_new(uint32_t, MAX(n, 1u)), *cap = g_new(uint32_t, MAX(m, 1u));

	for (uint32_t i = 0; i < n; i++)
		demand[i] = lm_cohort_mentee(cohort, i)->wants;
	for (uint32_t i = 0; i < m; i++)
		cap[i] = lm_cohort_mentor(cohort, i)->capacity;
	for (uint32_t i = 0; i < n; i++) {
		const lm_person *p = lm_cohort_mentee(cohort, i);
		const uint32_t *cur = lm_span_refs(cohort, p->current);

		for (uint32_t j = 0; j < p->current.len; j++) {
			demand[i] -= demand[i] > 0;
			cap[cur[j]] -= cap[cur[j]] > 0;
		}
	}

	if (speedup) {
		print_speedup(s, demand, cap, (uint64_t)n * m);
		return 0;
	}

	lm_exact best = { 0 };
	gint64 best_us = G_MAXINT64;
	double best_cpu = 0;

	for (int i = 0; i < MAX(repeat, 1); i++) {
		lm_exact x;

		double c0 = cpu_now();

		t0 = g_get_monotonic_time();
		solve(&x, s, demand, cap, top_k);
		gint64 us = g_get_monotonic_time() - t0;

		if (us < best_us) {
			lm_exact_clear(&best);
			best = x;
			best_us = us;
			best_cpu = cpu_now() - c0;
		} else {
			lm_exact_clear(&x);
		}
	}

	uint64_t pairs;
	lm_score total;

	totals(&best, &pairs, &total);
	/* Per pair of the cohort: the build stops most pairs early (the scan,
	 * the heaps' floors), so per pair scored in full says little. */
	double ns_pair = best.build_us * 1e3 / MAX((double)n * m, 1.0);

	printf("cohort %s: %u x %u, top-k %d, threads %d\n", argv[1], n, m, top_k, threads);
	printf("load+compile %.3f s; exact %.3f s (%.2f s of CPU) = build %.3f + solve %.3f + price %.3f\n",
	       load_us / 1e6, best_us / 1e6, best_cpu, best.build_us / 1e6, best.solve_us / 1e6,
	       best.price_us / 1e6);
	printf("graph %zu arcs; %" PRIu64 " pairs reached the heaps; build %.2f ns per cohort pair "
	       "(%.2f ns per core);"
	       " pricing rounds %u scored %" PRIu64 " added %" PRIu64 "\n",
	       best.cand.row_start[n], best.cand.scored, ns_pair, ns_pair * MAX(threads, 1),
	       best.pricing_rounds, best.priced, best.added);
	printf("pairs %" PRIu64 " total %" PRId64 " certified %d; peak RSS %.1f MiB\n", pairs, total,
	       best.optimal, rss_mib());
	if (compare_full) {
		lm_exact full;
		uint64_t fp;
		lm_score ft;

		t0 = g_get_monotonic_time();
		solve(&full, s, demand, cap, 0);
		totals(&full, &fp, &ft);
		printf("full graph: %.3f s, %zu arcs, pairs %" PRIu64 " total %" PRId64 "\n",
		       (g_get_monotonic_time() - t0) / 1e6, full.cand.row_start[n], fp, ft);
		if (fp != pairs || ft != total || !full.optimal) {
			fprintf(stderr, "lm-bench-exact: OPTIMUM DIFFERS from the full graph\n");
			return 2;
		}
		lm_exact_clear(&full);
	}
	lm_flow_input in = input_of(&best, demand, cap, lm_scorer_default_objective(s));
	int64_t weight = lm_bench_weight(&in, &best.flow);
	double rss = rss_mib(); /* before --write builds the whole graph */
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;

	if (write_path) {
		lm_candidates all;

		if (lm_candidates_build(&all, s, demand, cap, 0, threads, &err) < 0)
			die("graph", err);
		lm_exact tmp = { .cand = all };
		lm_flow_input full = input_of(&tmp, demand, cap, in.objective);

		if (lm_bench_write_instance(write_path, &full) < 0)
			die("write", NULL);
		lm_candidates_clear(&all);
	}
	printf("RESULT solver=libmatch weight=%" PRId64 " exact_s=%.3f build_s=%.3f solve_s=%.3f "
	       "price_s=%.3f rounds=%u arcs=%zu pairs=%" PRIu64 " total=%" PRId64
	       " optimal=%d ns_pair=%.1f rss_mib=%.1f cpu_s=%.2f exact_cpu_s=%.2f\n", weight,
	       best_us / 1e6, best.build_us / 1e6, best.solve_us / 1e6, best.price_us / 1e6,
	       best.pricing_rounds, best.cand.row_start[n], pairs, total, best.optimal, ns_pair,
	       rss, cpu, best_cpu);
	lm_exact_clear(&best);
	g_free(demand);
	g_free(cap);
	lm_scorer_free(s);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return 0;
}
