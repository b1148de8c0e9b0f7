/* lm-bench-match: times loading, matching and writing one cohort.
 *
 * Uses only the public API and links the shared library, so the figures are
 * those a program using libmatch sees. Each phase is timed separately with
 * the monotonic clock; with --repeat the whole load-match-write cycle runs
 * again and the best time of each phase is kept (the usual way to filter
 * out noise from other processes), while peak RSS covers the whole run.
 *
 * The last line of output is one machine-readable RESULT line that
 * bench/run.sh turns into a table. */
#include <libmatch/libmatch.h>
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sysexits.h>

typedef struct bench_args {
	char *model;
	gint threads, repeat;
	gint64 top_k;
} bench_args;

typedef struct bench_times {
	gint64 load, match, write; /* microseconds */
} bench_times;

typedef struct bench_outcome {
	size_t mentees, mentors, pairs, unmatched, bytes;
	lm_score total;
	int optimal;
} bench_outcome;

static int fail(const char *what, int code, lm_error *err)
{
	g_printerr("lm-bench-match: %s: %s (%s)\n", what,
		   err ? lm_error_message(err) : "failed", lm_status_name(code));
	lm_error_free(err);
	return code == LM_EIO ? EX_NOINPUT : code == LM_EPARSE ? EX_DATAERR : EX_SOFTWARE;
}

/* Exact fixed-point printing: no rounding through double. */
static char *score_text(lm_score s)
{
	const char *sign = s < 0 ? "-" : "";
	uint64_t a = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;

	return g_strdup_printf("%s%" PRIu64 ".%06" PRIu64, sign, a / LM_SCORE_SCALE,
			       a % LM_SCORE_SCALE);
}

/* The preset named on the command line, else the one the ids suggest:
 * lm-gen-cohort names tutors t-NNNNN. */
static const char *model_name(const bench_args *a, const lm_cohort *cohort)
{
	const char *first;

	if (a->model)
		return a->model;
	first = lm_cohort_id(cohort, LM_ROLE_MENTOR, 0);
	return first && g_str_has_prefix(first, "t-") ? "tutoring" : "role_model";
}

static int make_model(lm_model **model, const char *name)
{
	lm_error *err = NULL;
	int rc = lm_model_new_named(model, name, &err);

	if (rc == LM_ENOTFOUND && g_file_test(name, G_FILE_TEST_IS_REGULAR)) {
		lm_error_free(err);
		err = NULL;
		rc = lm_model_load_file(model, name, &err);
	}
	return rc < 0 ? fail(name, rc, err) : 0;
}

static int make_options(lm_options **options, const bench_args *a)
{
	lm_error *err = NULL;
	int rc = lm_options_new(options, &err);

	if (rc == 0 && a->threads > 0)
		rc = lm_options_set_threads(*options, a->threads, &err);
	if (rc == 0 && a->top_k >= 0)
		rc = lm_options_set_top_k(*options, (long)a->top_k, &err);
	return rc < 0 ? fail("options", rc, err) : 0;
}

/* One load-match-write cycle. */
static int cycle(const char *path, const bench_args *a, bench_times *t, bench_outcome *o)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_options *options = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	char *json = NULL;
	gint64 t0 = g_get_monotonic_time();
	int rc = lm_cohort_load_file(&cohort, path, &err);

	t->load = g_get_monotonic_time() - t0;
	if (rc < 0)
		return fail(path, rc, err);
	if ((rc = make_model(&model, model_name(a, cohort))) || (rc = make_options(&options, a)))
		goto out;
	t0 = g_get_monotonic_time();
	rc = lm_match(&result, cohort, model, options, &err);
	t->match = g_get_monotonic_time() - t0;
	if (rc < 0) {
		rc = fail("match", rc, err);
		goto out;
	}
	t0 = g_get_monotonic_time();
	rc = lm_result_write(result, LM_FORMAT_JSON, &json, &o->bytes, &err);
	t->write = g_get_monotonic_time() - t0;
	if (rc < 0) {
		rc = fail("write", rc, err);
		goto out;
	}
	o->mentees = lm_cohort_count(cohort, LM_ROLE_MENTEE);
	o->mentors = lm_cohort_count(cohort, LM_ROLE_MENTOR);
	o->pairs = lm_result_pair_count(result);
	o->unmatched = lm_result_unmatched_count(result);
	o->total = lm_result_total_score(result);
	o->optimal = lm_result_optimal(result);
out:
	lm_free(json);
	lm_result_free(result);
	lm_options_free(options);
	lm_model_free(model);
	lm_cohort_free(cohort);
	return rc;
}

static long peak_rss_kib(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1; /* KiB on Linux */
}

static void report(const char *path, const bench_args *a, const bench_times *best,
		   const bench_outcome *o)
{
	g_autofree char *total = score_text(o->total);
	double ms = 1000.0;

	printf("cohort     %s (%zu mentees, %zu mentors)\n", path, o->mentees, o->mentors);
	printf("load       %10.1f ms\n", best->load / ms);
	printf("match      %10.1f ms\n", best->match / ms);
	printf("write      %10.1f ms (%zu bytes of JSON)\n", best->write / ms, o->bytes);
	printf("pairs      %zu matched, %zu unmatched\n", o->pairs, o->unmatched);
	printf("total      %s (optimal: %s)\n", total, o->optimal ? "yes" : "no");
	printf("peak RSS   %.1f MiB\n", peak_rss_kib() / 1024.0);
	printf("RESULT mentees=%zu mentors=%zu threads=%d load_ms=%.1f match_ms=%.1f "
	       "write_ms=%.1f pairs=%zu total=%s optimal=%d rss_mib=%.1f\n",
	       o->mentees, o->mentors, a->threads > 0 ? a->threads : 1, best->load / ms,
	       best->match / ms, best->write / ms, o->pairs, total, o->optimal,
	       peak_rss_kib() / 1024.0);
}

static int parse_args(int *argc, char ***argv, bench_args *a)
{
	g_autoptr(GError) error = NULL;
	const GOptionEntry entries[] = {
		{"model", 0, 0, G_OPTION_ARG_STRING, &a->model,
		 "Preset name or model file (default: from the ids, else role_model)", "NAME|FILE"},
		{"threads", 0, 0, G_OPTION_ARG_INT, &a->threads, "Scoring threads (default 1)", "N"},
		{"top-k", 0, 0, G_OPTION_ARG_INT64, &a->top_k,
		 "Candidates per mentee to start from (default: the model's)", "K"},
		{"repeat", 0, 0, G_OPTION_ARG_INT, &a->repeat,
		 "Cycles to run, the best time of each phase kept (default 1)", "R"},
		{NULL},
	};
	GOptionContext *ctx = g_option_context_new("COHORT.json - time load, match and write");
	gboolean ok;

	g_option_context_add_main_entries(ctx, entries, NULL);
	ok = g_option_context_parse(ctx, argc, argv, &error);
	g_option_context_free(ctx);
	if (!ok || *argc != 2 || a->repeat < 1 || a->threads < 0) {
		g_printerr("lm-bench-match: %s\nTry 'lm-bench-match --help'.\n",
			   error ? error->message : "expected one COHORT file and --repeat >= 1");
		return EX_USAGE;
	}
	return 0;
}

int main(int argc, char **argv)
{
	bench_args a = {.top_k = -1, .repeat = 1};
	bench_times best = {G_MAXINT64, G_MAXINT64, G_MAXINT64};
	bench_outcome o = {0};
	int rc = parse_args(&argc, &argv, &a);

	if (rc)
		return rc;
	for (int i = 0; i < a.repeat; i++) {
		bench_times t;

		if ((rc = cycle(argv[1], &a, &t, &o)))
			return rc;
		best.load = MIN(best.load, t.load);
		best.match = MIN(best.match, t.match);
		best.write = MIN(best.write, t.write);
		if (a.repeat > 1)
			g_printerr("run %d: load %.1f ms, match %.1f ms, write %.1f ms\n", i + 1,
				   t.load / 1000.0, t.match / 1000.0, t.write / 1000.0);
	}
	report(argv[1], &a, &best, &o);
	g_free(a.model);
	return 0;
}
