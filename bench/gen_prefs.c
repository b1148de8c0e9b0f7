/* lm-gen-prefs: a seeded preferences file for `libmatch stable` at scale
 * (issue 7: stable matching at 100,000 x 10,000 with top-50 lists).
 *
 *   lm-gen-prefs --mentees N --mentors M [--top K] [--capacity C]
 *                [--popular P] [--seed S] -o FILE
 *
 * Each mentee ranks K distinct mentors. Uniform: any mentor equally
 * likely. Popular P (0..1): that share of each list is drawn from a Zipf
 * law over the mentors (mentor 0 the most wanted), so a few mentors are on
 * most lists, as in real programs where everyone agrees who the good
 * mentors are. Each mentor ranks exactly the mentees that ranked it (a
 * mentor need not list anyone it was not asked by), ordered by a common
 * quality of the mentee plus the mentor's own noise: correlated rankings,
 * the hard case for deferred acceptance (long rejection chains).
 *
 * The ids are synthetic ("e<i>", "r<j>"); nothing here is personal data. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

typedef struct entry {
	float key;        /* the mentor's view of the mentee: lower is better */
	uint32_t mentee;
} entry;

static int by_key(const void *a, const void *b)
{
	const entry *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->mentee < y->mentee ? -1 : x->mentee > y->mentee;
}

/* A mentor by the Zipf law (exponent 1) over M mentors, by inverting the
 * cumulative weights (cdf holds them, increasing, cdf[M-1] = 1). */
static uint32_t zipf(GRand *rng, const double *cdf, uint32_t m)
{
	double u = g_rand_double(rng);
	uint32_t lo = 0, hi = m - 1;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int main(int argc, char **argv)
{
	gint n = 100000, m = 10000, top = 50, cap = 10, seed = 1;
	gdouble popular = 0;
	g_autofree char *out = NULL;
	GOptionEntry entries[] = {
		{ "mentees", 0, 0, G_OPTION_ARG_INT, &n, "Mentees (100000)", "N" },
		{ "mentors", 0, 0, G_OPTION_ARG_INT, &m, "Mentors (10000)", "M" },
		{ "top", 0, 0, G_OPTION_ARG_INT, &top, "Mentors each mentee ranks (50)", "K" },
		{ "capacity", 0, 0, G_OPTION_ARG_INT, &cap, "Each mentor's capacity (10)", "C" },
		{ "popular", 0, 0, G_OPTION_ARG_DOUBLE, &popular,
		  "Share of each list drawn from a Zipf law (0: uniform)", "P" },
		{ "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed (1)", "S" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Output file", "FILE" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL }
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("- a seeded preferences file");
	g_autoptr(GError) error = NULL;

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &error) || !out || n < 1 || m < 1 ||
	    top < 1 || top > m || cap < 0 || popular < 0 || popular > 1) {
		fprintf(stderr, "lm-gen-prefs: %s\n", error ? error->message : "bad options (see --help)");
		return 64;
	}

	GRand *rng = g_rand_new_with_seed((guint32)seed);
	double *cdf = g_new(double, m), sum = 0;
	float *quality = g_new(float, n);
	uint32_t *list = g_new(uint32_t, (size_t)n * top), *count = g_new0(uint32_t, m);
	uint32_t *stamp = g_new(uint32_t, m);

	for (gint j = 0; j < m; j++)
		sum += 1.0 / (j + 1);
	for (gint j = 0; j < m; j++)
		cdf[j] = (j ? cdf[j - 1] : 0) + 1.0 / (j + 1) / sum;
	cdf[m - 1] = 1;
	memset(stamp, 0xff, sizeof(uint32_t) * m);
	for (gint i = 0; i < n; i++) {
		quality[i] = (float)g_rand_double(rng);
		for (gint k = 0; k < top; k++) {
			uint32_t j;

			do
				j = g_rand_double(rng) < popular ? zipf(rng, cdf, (uint32_t)m)
								 : (uint32_t)g_rand_int_range(rng, 0, m);
			while (stamp[j] == (uint32_t)i);
			stamp[j] = (uint32_t)i;
			list[(size_t)i * top + k] = j;
			count[j]++;
		}
	}

	/* Each mentor's list: who ranked it, by quality plus its own noise. */
	size_t *start = g_new(size_t, m + 1);
	entry *by_mentor = g_new(entry, (size_t)n * top);

	start[0] = 0;
	for (gint j = 0; j < m; j++)
		start[j + 1] = start[j] + count[j];
	memset(count, 0, sizeof(uint32_t) * m);
	for (gint i = 0; i < n; i++)
		for (gint k = 0; k < top; k++) {
			uint32_t j = list[(size_t)i * top + k];

			by_mentor[start[j] + count[j]++] = (entry){
				quality[i] + 0.5f * (float)g_rand_double(rng), (uint32_t)i };
		}

	FILE *f = fopen(out, "w");

	if (!f) {
		perror(out);
		return 73;
	}
	fprintf(f, "{\"format\": \"libmatch-preferences\", \"version\": 1,\n\"mentees\": {\n");
	for (gint i = 0; i < n; i++) {
		fprintf(f, "%s\"e%d\": [", i ? ",\n" : "", i);
		for (gint k = 0; k < top; k++)
			fprintf(f, "%s\"r%u\"", k ? ", " : "", list[(size_t)i * top + k]);
		fputc(']', f);
	}
	fprintf(f, "},\n\"mentors\": {\n");
	for (gint j = 0; j < m; j++) {
		qsort(by_mentor + start[j], start[j + 1] - start[j], sizeof(entry), by_key);
		fprintf(f, "%s\"r%d\": {\"capacity\": %d, \"ranking\": [", j ? ",\n" : "", j, cap);
		for (size_t e = start[j]; e < start[j + 1]; e++)
			fprintf(f, "%s\"e%u\"", e > start[j] ? ", " : "", by_mentor[e].mentee);
		fputs("]}", f);
	}
	fprintf(f, "}}\n");
	if (fclose(f) != 0) {
		perror(out);
		return 74;
	}
	g_free(cdf);
	g_free(quality);
	g_free(list);
	g_free(count);
	g_free(stamp);
	g_free(start);
	g_free(by_mentor);
	g_rand_free(rng);
	return 0;
}
