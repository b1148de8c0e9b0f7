/* The fused pair step (score/scorer_fast.c) against the criteria table
 * (lm_scorer_feasible, lm_scorer_feasible_scanned, lm_scorer_score): the
 * same verdict and the same score for every pair of random cohorts that use
 * every field of the format, under the presets and models that weight and
 * require every criterion, with narrow and wide (over 64) vocabularies. */
#include <string.h>
#include "lm_test_cohort.h"
#include "libmatch/libmatch.h"
#include "score/scorer_fast.h"

static const char *const role_goals[] = { "employment", "education", "stress_coping",
					  "finance", "health", "housing" };
static const char *const tutor_goals[] = { "test_prep", "conversation", "interviews",
					   "writing", "grammar", "reading" };
static const char *const regions[] = { "seoul", "gyeonggi", "incheon", "busan", "ulsan" };
static const char *const stages[] = { "student", "working", "job_seeking", "parent" };
static const char *const langs[] = { "ko", "en", "zh" };
static const char *const genders[] = { "female", "male", "undisclosed" };
static const char *const origins[] = { "north_hamgyong", "ryanggang", "south_hamgyong" };
static const char *const outcomes[] = { "good", "ended", "bad" };
static const char *const trainings[] = { "trauma_informed", "finance_basics", "first_aid" };
static const char *const days[] = { "mon", "tue", "wed", "sat" };

/* Vocabularies of the wide cohorts: more than one 64-bit word. */
#define WIDE 70

typedef struct {
	const char *const *goals; /* NULL: wide names g0.. */
	gboolean wide;            /* languages la.. too */
	int n_rows, n_cols;
	int lists;                /* most ids in exclude and choices lists (0: 2 and 3) */
} shape;

static void name_of(char *buf, size_t n, const char *const *list, char prefix, int i)
{
	if (list)
		g_strlcpy(buf, list[i], n);
	else
		g_snprintf(buf, n, "%c%c%c", prefix, 'a' + i / 26, 'a' + i % 26);
}

static gboolean coin(GRand *r, int percent)
{
	return g_rand_int_range(r, 0, 100) < percent;
}

static void add_ids(GString *j, const char *key, GRand *r, char side, int n_other, int max)
{
	int n = g_rand_int_range(r, 0, max + 1);

	if (n == 0 || n_other == 0)
		return;
	g_autofree gboolean *used = g_new0(gboolean, n_other);

	g_string_append_printf(j, ", \"%s\": [", key);
	for (int i = 0, w = 0; i < n; i++) {
		int x = g_rand_int_range(r, 0, n_other);

		if (used[x])
			continue;
		used[x] = TRUE;
		g_string_append_printf(j, "%s\"%c%d\"", w++ ? ", " : "", side, x);
	}
	g_string_append(j, "]");
}

static void add_person(GString *j, GRand *r, const shape *sh, gboolean mentor, int ix, int cur)
{
	const char *const *goals = sh->goals;
	int n_goals = goals ? 6 : WIDE, n_langs = sh->wide ? WIDE : 3;
	char name[32];

	g_string_append_printf(j, "{\"id\": \"%c%d\"", mentor ? 'M' : 'm', ix);
	if (coin(r, 90))
		g_string_append_printf(j, ", \"consent\": %s", coin(r, 90) ? "true" : "false");
	if (coin(r, 80))
		g_string_append_printf(j, ", \"gender\": \"%s\"", genders[g_rand_int_range(r, 0, 3)]);
	if (coin(r, 80))
		g_string_append_printf(j, ", \"birth_year\": %d", g_rand_int_range(r, 1950, 2010));
	if (coin(r, 80))
		g_string_append_printf(j, ", \"arrival_year\": %d",
				       mentor ? g_rand_int_range(r, 2010, 2022)
					      : g_rand_int_range(r, 2015, 2025));
	if (coin(r, 70))
		g_string_append_printf(j, ", \"origin_region\": \"%s\"",
				       origins[g_rand_int_range(r, 0, 3)]);
	if (coin(r, 85)) {
		/* Wide: more regions than a row's region table covers. */
		name_of(name, sizeof name, sh->wide ? NULL : regions, 'r',
			g_rand_int_range(r, 0, 5) * (sh->wide ? 13 : 1));
		g_string_append_printf(j, ", \"region\": \"%s\"", name);
	}
	if (coin(r, 70))
		g_string_append_printf(j, ", \"stage\": \"%s\"", stages[g_rand_int_range(r, 0, 4)]);
	if (coin(r, 85)) {
		int m = g_rand_int_range(r, 1, 4);

		g_string_append_printf(j, ", \"modes\": [%s%s%s]", m & 1 ? "\"in_person\"" : "",
				       m == 3 ? ", " : "", m & 2 ? "\"online\"" : "");
	}
	if (coin(r, 85)) {
		int n = g_rand_int_range(r, 1, 4), first = g_rand_int_range(r, 0, n_langs);

		g_string_append(j, ", \"languages\": {");
		for (int i = 0; i < n && i < n_langs; i++) {
			name_of(name, sizeof name, sh->wide ? NULL : langs, 'l', (first + i * 7) % n_langs);
			g_string_append_printf(j, "%s\"%s\": %d", i ? ", " : "", name,
					       g_rand_int_range(r, 0, 6));
		}
		g_string_append(j, "}");
	}
	/* Mentees rank goals, mentors offer them; both may give either. */
	for (int k = 0; k < 2; k++) {
		const char *key = k == 0 ? "goals" : "offers";

		if ((k == 1 && !mentor) || !coin(r, mentor == k ? 85 : 15))
			continue;
		int n = g_rand_int_range(r, 1, k == 0 && coin(r, 10) ? 20 : 5);
		int first = g_rand_int_range(r, 0, n_goals);

		g_string_append_printf(j, ", \"%s\": [", key);
		for (int i = 0; i < n && i < n_goals; i++) {
			name_of(name, sizeof name, goals, 'g', (first + i * (goals ? 5 : 3)) % n_goals);
			g_string_append_printf(j, "%s\"%s\"", i ? ", " : "", name);
		}
		g_string_append(j, "]");
	}
	if (coin(r, 85)) {
		int n = g_rand_int_range(r, 0, 4), used = 0, w = 0;

		g_string_append(j, ", \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": [");
		for (int i = 0; i < n; i++) {
			int d = g_rand_int_range(r, 0, 4), h = g_rand_int_range(r, 8, 20);

			if (used & (1 << d))
				continue;
			used |= 1 << d;
			g_string_append_printf(j, "%s\"%s %02d:%s-%02d:00\"", w++ ? ", " : "", days[d],
					       h, coin(r, 50) ? "30" : "00", h + g_rand_int_range(r, 1, 5));
		}
		g_string_append(j, "]}");
	}
	if (coin(r, 40)) {
		g_string_append(j, ", \"prefers\": {");
		gboolean any = FALSE;

		if (coin(r, 60)) {
			g_string_append_printf(j, "\"gender\": \"%s\"", genders[g_rand_int_range(r, 0, 2)]);
			if (coin(r, 60))
				g_string_append_printf(j, ", \"gender_required\": %s",
						       coin(r, 50) ? "true" : "false");
			any = TRUE;
		}
		if (coin(r, 60))
			g_string_append_printf(j, "%s\"origin\": \"%s\"", any ? ", " : "",
					       (const char *[]){ "avoid_same", "prefer_same", "any" }
						       [g_rand_int_range(r, 0, 3)]);
		g_string_append(j, "}");
	}
	add_ids(j, "exclude", r, mentor ? 'm' : 'M', mentor ? sh->n_rows : sh->n_cols,
		sh->lists ? sh->lists : 2);
	if (!mentor) {
		add_ids(j, "choices", r, 'M', coin(r, 30) ? sh->n_cols : 0, sh->lists ? sh->lists : 3);
		if (coin(r, 30) && sh->n_cols)
			g_string_append_printf(j, ", \"previous\": [{\"id\": \"M%d\", \"outcome\": \"%s\"}]",
					       g_rand_int_range(r, 0, sh->n_cols),
					       outcomes[g_rand_int_range(r, 0, 3)]);
		if (cur >= 0)
			g_string_append_printf(j, ", \"current\": [\"M%d\"]", cur);
		if (coin(r, 60))
			g_string_append_printf(j, ", \"waiting_since\": \"20%02d-0%d-1%d\"",
					       g_rand_int_range(r, 20, 26), g_rand_int_range(r, 1, 10),
					       g_rand_int_range(r, 0, 10));
		g_string_append_printf(j, ", \"wants\": %d", g_rand_int_range(r, 1, 3));
	} else {
		g_string_append_printf(j, ", \"capacity\": %d", g_rand_int_range(r, 1, 4));
		if (coin(r, 40))
			g_string_append_printf(j, ", \"trained\": [\"%s\"]",
					       trainings[g_rand_int_range(r, 0, 3)]);
		if (coin(r, 40)) {
			int lo = g_rand_int_range(r, 0, 6), hi = g_rand_int_range(r, lo, 6);

			name_of(name, sizeof name, sh->wide ? NULL : langs, 'l',
				g_rand_int_range(r, 0, sh->wide ? WIDE : 3));
			g_string_append_printf(j, ", \"teaches\": {\"%s\": [%d, %d]}", name, lo, hi);
		}
	}
	g_string_append(j, "}");
}

static char *random_cohort(GRand *r, const shape *sh)
{
	GString *j = g_string_new("{\"format\": \"libmatch-cohort\", \"version\": 1,"
				  " \"as_of\": \"2025-06-01\", \"mentees\": [");

	for (int i = 0; i < sh->n_rows; i++) {
		/* Mentee i keeps mentor i (capacity >= 1, wants >= 1) now and then. */
		int cur = i < sh->n_cols && coin(r, 10) ? i : -1;

		if (i)
			g_string_append(j, ", ");
		add_person(j, r, sh, FALSE, i, cur);
	}
	g_string_append(j, "], \"mentors\": [");
	for (int i = 0; i < sh->n_cols; i++) {
		if (i)
			g_string_append(j, ", ");
		add_person(j, r, sh, TRUE, i, -1);
	}
	g_string_append(j, "]}");
	return g_string_free(j, FALSE);
}

/* Every criterion weighted, every switch flipped one way or the other. */
static const char *const models[] = {
	"role_model",
	"tutoring",
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\","
	" \"criteria\": {\"gender\": {\"weight\": 5}, \"origin\": {\"weight\": 4},"
	" \"trained\": {\"weight\": 3, \"prefer\": [\"trauma_informed\", \"unknown_course\"]},"
	" \"level\": {\"weight\": 2, \"required\": true}, \"choice\": {\"required\": true},"
	" \"language\": {\"min_level\": 2}, \"stage\": {\"max_age_gap\": 7},"
	" \"availability\": {\"min_common_hours\": 1, \"full_hours\": 3.5},"
	" \"region\": {\"neighbour_score\": 0.3, \"online_score\": 0.7},"
	" \"seniority\": {\"min_years\": 1, \"ideal\": [2, 4], \"adult_age\": 30},"
	" \"waiting\": {\"full_days\": 90}}}",
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\","
	" \"criteria\": {\"gender\": {\"weight\": 5, \"honour_requests\": false},"
	" \"origin\": {\"weight\": 4, \"required\": false}, \"trained\": {\"weight\": 3},"
	" \"availability\": {\"required\": false}, \"region\": {\"required\": false},"
	" \"seniority\": {\"required\": false}, \"language\": {\"required\": false},"
	" \"consent\": {\"required\": false}, \"continuity\": {\"weight\": 9}}}",
	/* What the vector step serves: no criterion left to the table. */
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\","
	" \"criteria\": {\"choice\": {\"required\": true, \"weight\": 6},"
	" \"continuity\": {\"weight\": 9}, \"gender\": {\"weight\": 5},"
	" \"origin\": {\"weight\": 4, \"required\": true}, \"trained\": {\"weight\": 3},"
	" \"stage\": {\"max_age_gap\": 40}, \"seniority\": {\"ideal\": [1, 30]}}}",
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"tutoring\","
	" \"criteria\": {\"level\": {\"required\": true}, \"gender\": {\"weight\": 1},"
	" \"goals\": {\"weight\": 0.000001}, \"availability\": {\"weight\": 33.333333}}}",
};

/* The same models over the wide vocabularies. */
static char *wide_model(const char *model)
{
	GString *v = g_string_new("\"vocabulary\": {\"goals\": [");
	char name[8];

	for (int i = 0; i < WIDE; i++) {
		name_of(name, sizeof name, NULL, 'g', i);
		g_string_append_printf(v, "%s\"%s\"", i ? ", " : "", name);
	}
	g_string_append(v, "], \"regions\": [");
	for (int i = 0; i < WIDE; i++) {
		name_of(name, sizeof name, NULL, 'r', i);
		g_string_append_printf(v, "%s\"%s\"", i ? ", " : "", name);
	}
	g_string_append(v, "], \"languages\": [");
	for (int i = 0; i < WIDE; i++) {
		name_of(name, sizeof name, NULL, 'l', i);
		g_string_append_printf(v, "%s\"%s\"", i ? ", " : "", name);
	}
	g_string_append(v, "]}");
	char *out = model[0] == '{'
			    ? g_strdup_printf("%.*s, %s}", (int)strlen(model) - 1, model, v->str)
			    : g_strdup_printf("{\"format\": \"libmatch-model\", \"version\": 1,"
					      " \"preset\": \"%s\", %s}", model, v->str);
	g_string_free(v, TRUE);
	return out;
}

/* The batch pair step on one mentor (common -1: not counted). */
static gboolean at_least(const lm_scorer_row *row, uint32_t mentor, int32_t common,
			 lm_score floor, lm_score *score)
{
	uint16_t count = (uint16_t)MAX(common, 0);
	uint32_t kept;

	return lm_scorer_pairs_at_least(row, &mentor, common >= 0 ? &count : NULL, 1, floor, NULL,
					&kept, score) == 1;
}

/* The batch pair step keeps exactly the mentors the one-pair step keeps,
 * under random floors for the row and for each column. */
/* Batches the vector step took (scorer_vec.c). */
static long vec_batches;

static void check_batch(const lm_scorer_row *row, const uint32_t *mentors, const uint16_t *counts,
			uint32_t n, uint32_t n_cols, GRand *rng)
{
	lm_score *col_floor = g_new(lm_score, n_cols + 1), *kept_score = g_new(lm_score, n + 1);
	uint32_t *kept = g_new(uint32_t, n + 1);
	lm_score row_floor = g_rand_boolean(rng) ? INT64_MIN : g_rand_int_range(rng, 0, 60000000);

	for (uint32_t m = 0; m < n_cols; m++)
		col_floor[m] = g_rand_boolean(rng) ? INT64_MIN : g_rand_int_range(rng, 0, 60000000);
	for (int with_cols = 0; with_cols < 2; with_cols++) {
		uint32_t k = lm_scorer_pairs_at_least(row, mentors, counts, n, row_floor,
						      with_cols ? col_floor : NULL, kept, kept_score);
		uint32_t j = 0;

		for (uint32_t i = 0; i < n; i++) {
			lm_score floor = with_cols ? MIN(row_floor, col_floor[mentors[i]]) : row_floor;
			lm_score one = -1;

			if (!at_least(row, mentors[i], counts ? counts[i] : -1, floor, &one))
				continue;
			ck_assert_uint_lt(j, k);
			ck_assert_uint_eq(kept[j], mentors[i]);
			ck_assert_int_eq(kept_score[j], one);
			j++;
		}
		ck_assert_uint_eq(j, k);
		/* The scalar step (what rows the vector step does not serve
		 * take) keeps the same mentors with the same scores. */
		lm_scorer_row scalar = *row;
		uint32_t *kept2 = g_new(uint32_t, n + 1);
		lm_score *kept_score2 = g_new(lm_score, n + 1);

		scalar.vec = FALSE;
		ck_assert_uint_eq(lm_scorer_pairs_at_least(&scalar, mentors, counts, n, row_floor,
							   with_cols ? col_floor : NULL, kept2,
							   kept_score2),
				  k);
		ck_assert(memcmp(kept, kept2, k * sizeof *kept) == 0);
		ck_assert(memcmp(kept_score, kept_score2, k * sizeof *kept_score) == 0);
		vec_batches += row->vec;
		g_free(kept2);
		g_free(kept_score2);
	}
	g_free(col_floor);
	g_free(kept_score);
	g_free(kept);
}

/* The scan over ranges of mentors (random lengths, multiples of 8) finds
 * what the whole scan finds, and the pair step given the range scan's
 * counts of common slots answers as without them. */
static void compare_ranges(const lm_scorer *s, uint32_t r, const lm_scorer_row *row,
			   const uint32_t *whole, uint32_t n_whole, uint32_t n_cols, GRand *rng)
{
	uint32_t *out = g_new(uint32_t, n_cols + 8), at = 0;
	uint16_t *counts = g_new(uint16_t, n_cols + 8);
	lm_scan_row scan;

	lm_scorer_scan_begin(s, r, &scan);
	for (uint32_t first = 0; first < n_cols;) {
		uint32_t step = 8 * (uint32_t)g_rand_int_range(rng, 1, 3);
		uint32_t last = MIN(n_cols, first + step);
		uint32_t n = lm_scorer_scan_range(s, &scan, first, last, out, counts);

		for (uint32_t i = 0; i < n; i++, at++) {
			lm_score plain = -1, counted = -1, low = -1;

			ck_assert_uint_lt(at, n_whole);
			ck_assert_uint_eq(out[i], whole[at]);
			/* Infeasible pairs stay out whatever the floor. */
			if (!lm_scorer_pair(row, out[i], TRUE, &plain))
				ck_assert(!at_least(row, out[i], scan.counted ? counts[i] : -1, 0,
						    &low));
			if (!scan.counted)
				continue;
			gboolean ok = at_least(row, out[i], counts[i], INT64_MIN, &counted);

			ck_assert_msg(ok == lm_scorer_pair(row, out[i], TRUE, &plain),
				      "counted pair %u %u verdict", r, out[i]);
			if (!ok)
				continue;
			ck_assert_int_eq(counted, plain);
			/* A floor just above or at the score. */
			for (lm_score floor = plain; floor <= plain + 1; floor++) {
				lm_score above = -1;

				ck_assert(at_least(row, out[i], counts[i], floor, &above) ==
					  (floor == plain));
				if (floor == plain)
					ck_assert_int_eq(above, plain);
			}
		}
		check_batch(row, out, scan.counted ? counts : NULL, n, n_cols, rng);
		first = last;
	}
	ck_assert_uint_eq(at, n_whole);
	g_free(out);
	g_free(counts);
}

/* The scan over a set of mentors finds what the whole scan finds among
 * them, with counts the pair step agrees with. */
static void compare_set(const lm_scorer *s, uint32_t r, const lm_scorer_row *row,
			const uint32_t *whole, uint32_t n_whole, uint32_t n_cols, GRand *rng)
{
	uint32_t *members = g_new(uint32_t, n_cols + 1), *out = g_new(uint32_t, n_cols + 8);
	uint16_t *counts = g_new(uint16_t, n_cols + 8);
	uint8_t *in = g_new0(uint8_t, n_cols + 1);
	uint32_t n_members = 0, at = 0;
	lm_scan_row scan;

	for (uint32_t m = 0; m < n_cols; m++)
		if (g_rand_boolean(rng))
			in[m] = 1, members[n_members++] = m;
	lm_scan_set *set = lm_scan_set_new(s, members, n_members);

	lm_scorer_scan_begin(s, r, &scan);
	uint32_t n = lm_scorer_scan_set(s, &scan, set, out, counts);

	for (uint32_t i = 0; i < n_whole; i++) {
		if (!in[whole[i]])
			continue;
		ck_assert_uint_lt(at, n);
		ck_assert_uint_eq(out[at], whole[i]);
		if (scan.counted) {
			lm_score plain = -1, counted = -1;
			gboolean ok = lm_scorer_pair(row, out[at], TRUE, &plain);

			ck_assert(at_least(row, out[at], counts[at], INT64_MIN, &counted) == ok);
			ck_assert(!ok || counted == plain);
		}
		at++;
	}
	ck_assert_uint_eq(at, n);
	lm_scan_set_free(set);
	g_free(members);
	g_free(out);
	g_free(counts);
	g_free(in);
}

/* Compares every pair; returns how many were feasible. */
static long compare_all(const lm_scorer *s, const lm_cohort *c, GRand *rng)
{
	uint32_t n_rows = (uint32_t)lm_cohort_count(c, LM_ROLE_MENTEE);
	uint32_t n_cols = (uint32_t)lm_cohort_count(c, LM_ROLE_MENTOR);
	uint32_t *scan = g_new(uint32_t, n_cols + 1);
	lm_scorer_row row;
	long feasible = 0;

	for (uint32_t r = 0; r < n_rows; r++) {
		lm_scorer_row_begin(s, r, &row);
		for (uint32_t m = 0; m < n_cols; m++) {
			lm_score fast = -1;
			gboolean ok = lm_scorer_pair(&row, m, FALSE, &fast);

			ck_assert_msg(ok == lm_scorer_feasible(s, r, m), "pair %u %u verdict", r, m);
			if (ok) {
				ck_assert_int_eq(fast, lm_scorer_score(s, r, m, NULL));
				feasible++;
			}
		}
		uint32_t n = lm_scorer_scan(s, r, scan);

		for (uint32_t i = 0; i < n; i++) {
			lm_score fast = -1;
			gboolean ok = lm_scorer_pair(&row, scan[i], TRUE, &fast);

			ck_assert_msg(ok == lm_scorer_feasible_scanned(s, r, scan[i]),
				      "scanned pair %u %u verdict", r, scan[i]);
			if (ok)
				ck_assert_int_eq(fast, lm_scorer_score(s, r, scan[i], NULL));
		}
		compare_ranges(s, r, &row, scan, n, n_cols, rng);
		compare_set(s, r, &row, scan, n, n_cols, rng);
	}
	g_free(scan);
	return feasible;
}

/* large: more mentors than a few vector batches, and lists that name more
 * mentors than the vector step takes (LM_VEC_LISTED). */
static void run_cases(gboolean wide, gboolean large, int rounds)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(wide ? 7 : 3);
	long feasible = 0, pairs = 0;

	for (int round = 0; round < rounds; round++) {
		for (size_t k = 0; k < G_N_ELEMENTS(models); k++) {
			gboolean tutoring = strstr(models[k], "tutoring") != NULL;
			shape sh = { wide ? NULL : tutoring ? tutor_goals : role_goals, wide,
				     g_rand_int_range(rng, 0, 25),
				     g_rand_int_range(rng, 0, large ? 90 : 15), large ? 14 : 0 };
			g_autofree char *json = random_cohort(rng, &sh);
			g_autofree char *text = wide ? wide_model(models[k]) : g_strdup(models[k]);
			lm_model *model = lmt_model(text);
			lm_cohort *c = NULL;
			lm_scorer *s = NULL;
			lm_error *err = NULL;

			ck_assert_msg(lm_cohort_load_buffer(&c, json, strlen(json), "c.json", &err) == 0,
				      "cohort: %s", lm_error_message(err));
			ck_assert_msg(lm_scorer_new(&s, model, c, &err) == 0, "scorer: %s",
				      lm_error_message(err));
			feasible += compare_all(s, c, rng);
			pairs += (long)sh.n_rows * sh.n_cols;
			lm_scorer_free(s);
			lm_cohort_free(c);
			lm_model_free(model);
		}
	}
#if defined(__GNUC__) && defined(__x86_64__) && !defined(LM_NO_AVX512)
	/* Where the CPU has it, the vector step must have served most batches
	 * (wide vocabularies leave goals and languages to the table). */
	if (!wide && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
	    __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
	    __builtin_cpu_supports("avx512vpopcntdq"))
		ck_assert_int_gt(vec_batches, (large ? 100 : 1000));
#endif
	/* The cohorts must exercise both verdicts, or the test proves little. */
	ck_assert_int_gt(feasible, pairs / 50);
	ck_assert_int_lt(feasible, pairs);
}

START_TEST(fused_equals_table)
{
	run_cases(FALSE, FALSE, 60);
}
END_TEST

START_TEST(fused_equals_table_wide_vocabularies)
{
	run_cases(TRUE, FALSE, 20);
}
END_TEST

START_TEST(fused_equals_table_large)
{
	run_cases(FALSE, TRUE, 4);
}
END_TEST

static Suite *scorer_fast_suite(void)
{
	Suite *s = suite_create("scorer_fast");
	TCase *tc = tcase_create("differential");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, fused_equals_table);
	tcase_add_test(tc, fused_equals_table_wide_vocabularies);
	tcase_add_test(tc, fused_equals_table_large);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(scorer_fast_suite());
}
