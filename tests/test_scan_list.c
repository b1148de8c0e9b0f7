/* The scan over a list of mentors (lm_scorer_scan_list, scorer_scan.c)
 * against the whole scan: for random cohorts and models that turn the two
 * filters it applies (common hours, whether the pair can meet) on and off,
 * every mentee's shuffled lists, lists with repeats and empty lists keep
 * exactly the mentors the whole scan keeps, in list order, with the counts
 * of common slots the range scan gives; and the pair step on what the list
 * keeps answers as the one-pair step that applies every filter itself (what
 * the pricing pass relies on). */
#include <string.h>
#include "lm_test_cohort.h"
#include "libmatch/libmatch.h"
#include "core/cohort_private.h"
#include "score/scorer_fast.h"

/* Regions of the wide cohorts: more than the scan's table by mentor kind
 * holds, so that the scan asks lm_region_can_meet mentor by mentor. */
#define WIDE_REGIONS (LM_SCAN_REGIONS + 44)

static const char *const models[] = {
	"role_model",
	"tutoring",
	/* Hours only: the region test is not a filter. */
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\","
	" \"criteria\": {\"region\": {\"required\": false}}}",
	/* Regions only: the scan does not count. */
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\","
	" \"criteria\": {\"availability\": {\"required\": false}}}",
	/* Neither: the scan keeps every mentor. */
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"tutoring\","
	" \"criteria\": {\"availability\": {\"required\": false},"
	" \"region\": {\"required\": false}}}",
	/* Stricter hours, closer neighbours. */
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\","
	" \"criteria\": {\"availability\": {\"min_common_hours\": 3, \"full_hours\": 6},"
	" \"region\": {\"neighbours\": {\"seoul\": [\"busan\"]}}}}",
};

/* What the tests saw, so that they prove they exercised each filter. */
typedef struct {
	long listed, kept;
	long hours_only_drop;  /* dropped with only the hours as a filter */
	long region_only_drop; /* dropped with only the region as a filter */
	long by_kind_rows, wide_region_drop;
	long feasible;
} seen;

static gboolean coin(GRand *r, int percent)
{
	return g_rand_int_range(r, 0, 100) < percent;
}

/* The tutoring preset's goals for lmt_goals. */
static const char *const tutor_goals[] = { "test_prep", "conversation", "interviews", "writing" };

static void tutor_goals_for(cJSON *p, const char *key)
{
	cJSON *goal;

	cJSON_ArrayForEach(goal, cJSON_GetObjectItem(p, key))
		for (size_t g = 0; g < G_N_ELEMENTS(lmt_goals); g++)
			if (strcmp(goal->valuestring, lmt_goals[g]) == 0) {
				cJSON_SetValuestring(goal, tutor_goals[g]);
				break;
			}
}

/* lmt_random_cohort with people who give no availability (or an empty
 * week), no modes or no region; wide: every mentor in a region of its own
 * out of WIDE_REGIONS, mentees among them; tutoring: the tutoring goals. */
static char *vary_cohort(GRand *rng, int n_mentees, int n_mentors, gboolean wide,
			 gboolean tutoring)
{
	lmt_shape shape = { .max_wants = 2, .max_cap = 2 };
	g_autofree char *json = lmt_random_cohort(rng, n_mentees, n_mentors, &shape);
	cJSON *root = cJSON_Parse(json);
	char name[16];

	for (int side = 0; side < 2; side++) {
		cJSON *list = cJSON_GetObjectItem(root, side ? "mentors" : "mentees"), *p;
		int i = 0;

		cJSON_ArrayForEach(p, list) {
			if (coin(rng, 15))
				cJSON_DeleteItemFromObject(p, "availability");
			else if (coin(rng, 5))
				cJSON_ReplaceItemInObject(cJSON_GetObjectItem(p, "availability"),
							  "weekly", cJSON_CreateArray());
			if (coin(rng, 10))
				cJSON_DeleteItemFromObject(p, "modes");
			if (wide) {
				g_snprintf(name, sizeof name, "r%03d",
					   side ? i : g_rand_int_range(rng, 0, WIDE_REGIONS));
				cJSON_ReplaceItemInObject(p, "region", cJSON_CreateString(name));
			}
			if (coin(rng, 10))
				cJSON_DeleteItemFromObject(p, "region");
			if (tutoring)
				tutor_goals_for(p, side ? "offers" : "goals");
			i++;
		}
	}
	char *printed = cJSON_PrintUnformatted(root), *copy = g_strdup(printed);

	cJSON_free(printed);
	cJSON_Delete(root);
	return copy;
}

/* role_model over the wide cohorts' regions, r(2k) next to r(2k + 1). */
static char *wide_model(void)
{
	GString *j = g_string_new("{\"format\": \"libmatch-model\", \"version\": 1,"
				  " \"preset\": \"role_model\", \"vocabulary\": {\"regions\": [");

	for (int i = 0; i < WIDE_REGIONS; i++)
		g_string_append_printf(j, "%s\"r%03d\"", i ? ", " : "", i);
	g_string_append(j, "]}, \"criteria\": {\"region\": {\"neighbours\": {");
	for (int i = 0; i + 1 < WIDE_REGIONS; i += 2)
		g_string_append_printf(j, "%s\"r%03d\": [\"r%03d\"]", i ? ", " : "", i, i + 1);
	g_string_append(j, "}}}}");
	return g_string_free(j, FALSE);
}

static void shuffle(GRand *rng, uint32_t *a, uint32_t n)
{
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = (uint32_t)g_rand_int_range(rng, 0, (gint32)i), t = a[i - 1];

		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* The row's reference: which mentors the whole scan keeps, and the range
 * scan's count for each (meaningful when scan->counted). */
typedef struct {
	const lm_scorer *s;
	const lm_scan_row *scan;
	const uint8_t *kept;
	const uint16_t *count;
} reference;

/* The list scan (out apart from the list, and in place) against the
 * reference, and the pair step on what it keeps against the one-pair step
 * with every filter. */
static void check_list(const reference *ref, const lm_scorer_row *row, const uint32_t *list,
		       uint32_t n, seen *sn)
{
	uint32_t *out = g_new(uint32_t, n + 1), *in_place = g_new(uint32_t, n + 1);
	uint32_t *pairs = g_new(uint32_t, n + 1), j = 0;
	uint16_t *counts = g_new(uint16_t, n + 1), *counts2 = g_new(uint16_t, n + 1);
	lm_score *scores = g_new(lm_score, n + 1);
	const lm_scan_row *scan = ref->scan;

	memcpy(in_place, list, n * sizeof *list);
	uint32_t k = lm_scorer_scan_list(ref->s, scan, list, n, out, counts);

	ck_assert_uint_le(k, n);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t m = list[i];

		if (!ref->kept[m])
			continue;
		ck_assert_uint_lt(j, k);
		ck_assert_uint_eq(out[j], m);
		if (scan->counted)
			ck_assert_uint_eq(counts[j], ref->count[m]);
		j++;
	}
	ck_assert_uint_eq(j, k);
	/* In place, and without counts: the same mentors. */
	ck_assert_uint_eq(lm_scorer_scan_list(ref->s, scan, in_place, n, in_place, counts2), k);
	ck_assert(memcmp(in_place, out, k * sizeof *out) == 0);
	ck_assert(!scan->counted || memcmp(counts2, counts, k * sizeof *counts) == 0);
	ck_assert_uint_eq(lm_scorer_scan_list(ref->s, scan, list, n, in_place, NULL), k);
	ck_assert(memcmp(in_place, out, k * sizeof *out) == 0);

	/* The pair step given the list's counts keeps exactly the listed
	 * mentors the one-pair step that applies every filter keeps. */
	uint32_t kp = lm_scorer_pairs_at_least(row, out, scan->counted ? counts : NULL, k,
					       INT64_MIN, NULL, pairs, scores);

	j = 0;
	for (uint32_t i = 0; i < n; i++) {
		lm_score one = -1;

		if (!lm_scorer_pair(row, list[i], FALSE, &one))
			continue;
		ck_assert_uint_lt(j, kp);
		ck_assert_uint_eq(pairs[j], list[i]);
		ck_assert_int_eq(scores[j], one);
		j++;
	}
	ck_assert_uint_eq(j, kp);
	sn->feasible += kp;
	sn->listed += n;
	sn->kept += k;
	if (scan->counted && !scan->by_region)
		sn->hours_only_drop += n - k;
	if (!scan->counted && scan->by_region)
		sn->region_only_drop += n - k;
	if (scan->by_region && !scan->by_kind)
		sn->wide_region_drop += n - k;
	g_free(out);
	g_free(in_place);
	g_free(pairs);
	g_free(counts);
	g_free(counts2);
	g_free(scores);
}

/* Every mentee's lists: a random subset shuffled, every mentor shuffled,
 * draws with repeats, and an empty list. */
static void check_rows(const lm_scorer *s, uint32_t n_rows, uint32_t n_cols, GRand *rng,
		       seen *sn)
{
	uint32_t *whole = g_new(uint32_t, n_cols + 8), *list = g_new(uint32_t, 2 * n_cols + 1);
	uint16_t *whole_counts = g_new(uint16_t, n_cols + 8), *count = g_new0(uint16_t, n_cols + 1);
	uint8_t *kept = g_new0(uint8_t, n_cols + 1);
	const lm_cohort *c = lm_scorer_cohort(s);

	for (uint32_t r = 0; r < n_rows; r++) {
		lm_scan_row scan;
		lm_scorer_row row;
		reference ref = { s, &scan, kept, count };
		uint32_t n_whole = lm_scorer_scan(s, r, whole), n;

		memset(kept, 0, n_cols + 1);
		for (uint32_t i = 0; i < n_whole; i++)
			kept[whole[i]] = 1;
		lm_scorer_scan_begin(s, r, &scan);
		lm_scorer_row_begin(s, r, &row);
		sn->by_kind_rows += scan.by_kind;
		ck_assert_uint_eq(lm_scorer_scan_range(s, &scan, 0, n_cols, whole, whole_counts),
				  n_whole);
		for (uint32_t i = 0; i < n_whole; i++) {
			const lm_person *me = lm_cohort_mentee(c, r);
			const lm_person *them = lm_cohort_mentor(c, whole[i]);
			uint32_t common = 0;

			for (int w = 0; w < LM_AVAIL_WORDS; w++)
				common += (uint32_t)__builtin_popcountll(me->avail[w] &
									 them->avail[w]);
			/* The reference itself: the slots both gave. */
			ck_assert(!scan.counted || !them->has_avail || whole_counts[i] == common);
			count[whole[i]] = whole_counts[i];
		}
		n = 0;
		for (uint32_t m = 0; m < n_cols; m++)
			if (coin(rng, 60))
				list[n++] = m;
		shuffle(rng, list, n);
		check_list(&ref, &row, list, n, sn);
		for (uint32_t m = 0; m < n_cols; m++)
			list[m] = m;
		shuffle(rng, list, n_cols);
		check_list(&ref, &row, list, n_cols, sn);
		n = n_cols ? (uint32_t)g_rand_int_range(rng, 1, 2 * (gint32)n_cols + 1) : 0;
		for (uint32_t i = 0; i < n; i++)
			list[i] = (uint32_t)g_rand_int_range(rng, 0, (gint32)n_cols);
		if (n > 1)
			list[n - 1] = list[0]; /* at least one repeat */
		check_list(&ref, &row, list, n, sn);

		uint32_t out = 77;
		uint16_t cnt = 77;

		ck_assert_uint_eq(lm_scorer_scan_list(s, &scan, list, 0, &out, &cnt), 0);
		ck_assert_uint_eq(out, 77);
		ck_assert_uint_eq(cnt, 77);
	}
	g_free(whole);
	g_free(list);
	g_free(whole_counts);
	g_free(count);
	g_free(kept);
}

static void run_case(const char *model_text, GRand *rng, int n_rows, int n_cols, gboolean wide,
		     seen *sn)
{
	g_autofree char *json =
		vary_cohort(rng, n_rows, n_cols, wide, strstr(model_text, "tutoring") != NULL);
	lm_model *model = lmt_model(model_text);
	lm_cohort *c = lmt_load(json);
	lm_scorer *s = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_scorer_new(&s, model, c, &err) == 0, "scorer: %s", lm_error_message(err));
	check_rows(s, (uint32_t)n_rows, (uint32_t)n_cols, rng, sn);
	lm_scorer_free(s);
	lm_cohort_free(c);
	lm_model_free(model);
}

START_TEST(list_equals_scan)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(11);
	seen sn = { 0 };

	for (int round = 0; round < 40; round++)
		for (size_t k = 0; k < G_N_ELEMENTS(models); k++)
			run_case(models[k], rng, g_rand_int_range(rng, 0, 30),
				 g_rand_int_range(rng, 0, 40), FALSE, &sn);
	/* Both filters must have ruled mentors out alone, the table by
	 * mentor kind must have served, and pairs of both verdicts met. */
	ck_assert_int_gt(sn.hours_only_drop, sn.listed / 50);
	ck_assert_int_gt(sn.region_only_drop, sn.listed / 50);
	ck_assert_int_gt(sn.by_kind_rows, 100);
	ck_assert_int_gt(sn.kept, sn.listed / 10);
	ck_assert_int_lt(sn.kept, sn.listed);
	ck_assert_int_gt(sn.feasible, 0);
	ck_assert_int_lt(sn.feasible, sn.kept);
}
END_TEST

START_TEST(list_equals_scan_wide_regions)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(12);
	g_autofree char *model = wide_model();
	seen sn = { 0 };

	for (int round = 0; round < 4; round++)
		run_case(model, rng, 25, WIDE_REGIONS, TRUE, &sn);
	/* Past the table by kind the scan asks region by region. */
	ck_assert_int_eq(sn.by_kind_rows, 0);
	ck_assert_int_gt(sn.wide_region_drop, sn.listed / 50);
	ck_assert_int_lt(sn.kept, sn.listed);
}
END_TEST

static Suite *scan_list_suite(void)
{
	Suite *s = suite_create("scan_list");
	TCase *tc = tcase_create("differential");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, list_equals_scan);
	tcase_add_test(tc, list_equals_scan_wide_regions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(scan_list_suite());
}
