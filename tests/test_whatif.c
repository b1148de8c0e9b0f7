/* The what-if (match/whatif.c, match/whatif_arcs.c) against a brute force
 * kept deliberately simple: every pair checked with lm_scorer_check, and
 * for each relaxable constraint a maximum flow from scratch (Edmonds-Karp
 * on a capacity matrix) over the pairs failing nothing or that constraint
 * alone. The counts are differences of maximum-flow values, so any correct
 * search gives exactly these numbers. Random cohorts cover kept current
 * pairs, mentees wanting no one, mentors with no place, gender, origin,
 * seniority and language requests, exclusions, both presets and a model
 * that also requires choices and levels. */
#include <string.h>
#include <cjson/cJSON.h>
#include "lm_test_cohort.h"
#include "core/cohort_private.h"
#include "score/scorer.h"
#include "assign/units.h"
#include "match/whatif.h"
#include "match/whatif_arcs.h"

/* ---- random cohorts -------------------------------------------------------- */

static const char *const role_goals[] = { "employment", "education", "stress_coping", "finance" };
static const char *const tutor_goals[] = { "test_prep", "conversation", "writing", "grammar" };
static const char *const origins[] = { "north_hamgyong", "ryanggang", "south_pyongan" };

typedef struct shape {
	int n_mentees, n_mentors, max_wants, max_cap;
	gboolean tutoring;
} shape;

static void add_goals(cJSON *p, const char *key, GRand *rng, gboolean tutoring)
{
	const char *const *goals = tutoring ? tutor_goals : role_goals;
	cJSON *a = cJSON_AddArrayToObject(p, key);
	int first = g_rand_int_range(rng, 0, 4), n = g_rand_int_range(rng, 1, 3);

	for (int i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(goals[(first + i) % 4]));
}

/* Origin, gender and origin requests, an exclusion, a late arrival. */
static void add_requests(cJSON *p, GRand *rng, char other, int n_other, gboolean mentor)
{
	char id[16];

	if (g_rand_int_range(rng, 0, 4) != 0)
		cJSON_AddStringToObject(p, "origin_region", origins[g_rand_int_range(rng, 0, 3)]);
	if (g_rand_int_range(rng, 0, 3) == 0) {
		cJSON *pref = cJSON_AddObjectToObject(p, "prefers");

		if (g_rand_boolean(rng)) {
			cJSON_AddStringToObject(pref, "gender",
						g_rand_boolean(rng) ? "female" : "male");
			cJSON_AddBoolToObject(pref, "gender_required", g_rand_int_range(rng, 0, 4) != 0);
		}
		if (g_rand_boolean(rng))
			cJSON_AddStringToObject(pref, "origin",
						g_rand_boolean(rng) ? "avoid_same" : "prefer_same");
	}
	if (n_other > 0 && g_rand_int_range(rng, 0, 5) == 0) {
		cJSON *ex = cJSON_AddArrayToObject(p, "exclude");

		g_snprintf(id, sizeof id, "%c-%03d", other, g_rand_int_range(rng, 0, n_other));
		cJSON_AddItemToArray(ex, cJSON_CreateString(id));
	}
	if (mentor && g_rand_int_range(rng, 0, 4) == 0)
		cJSON_ReplaceItemInObject(p, "arrival_year", cJSON_CreateNumber(2024));
	if (g_rand_int_range(rng, 0, 4) == 0)
		cJSON_AddNumberToObject(cJSON_GetObjectItem(p, "languages"), "en",
					g_rand_int_range(rng, 0, 6));
	if (n_other > 0 && g_rand_int_range(rng, 0, 3) == 0) {
		cJSON *ch = cJSON_AddArrayToObject(p, "choices");
		int a = g_rand_int_range(rng, 0, n_other), b = g_rand_int_range(rng, 0, n_other);

		g_snprintf(id, sizeof id, "%c-%03d", other, a);
		cJSON_AddItemToArray(ch, cJSON_CreateString(id));
		g_snprintf(id, sizeof id, "%c-%03d", other, b);
		if (b != a)
			cJSON_AddItemToArray(ch, cJSON_CreateString(id));
	}
}

/* The cohort as JSON text (caller frees); kept[m] receives how many current
 * mentors mentee m has, used[t] how many mentees name mentor t as current. */
static char *random_cohort(GRand *rng, const shape *sh, int *kept, int *used)
{
	cJSON *ms, *rs, *root = lmt_cohort_root(&ms, &rs);
	int *cap = g_new0(int, sh->n_mentors + 1);
	char id[16];

	for (int i = 0; i < sh->n_mentors; i++) {
		cJSON *p = cJSON_CreateObject();

		g_snprintf(id, sizeof id, "r-%03d", i);
		cJSON_AddStringToObject(p, "id", id);
		lmt_add_common(p, rng, TRUE);
		add_goals(p, "offers", rng, sh->tutoring);
		add_requests(p, rng, 'm', sh->n_mentees, TRUE);
		cap[i] = g_rand_int_range(rng, 0, sh->max_cap + 1);
		cJSON_AddNumberToObject(p, "capacity", cap[i]);
		used[i] = 0;
		cJSON_AddItemToArray(rs, p);
	}
	for (int i = 0; i < sh->n_mentees; i++) {
		cJSON *p = cJSON_CreateObject();
		int wants = g_rand_int_range(rng, 1, sh->max_wants + 1);

		g_snprintf(id, sizeof id, "m-%03d", i);
		cJSON_AddStringToObject(p, "id", id);
		lmt_add_common(p, rng, FALSE);
		add_goals(p, "goals", rng, sh->tutoring);
		add_requests(p, rng, 'r', sh->n_mentors, FALSE);
		cJSON_AddNumberToObject(p, "wants", wants);
		kept[i] = 0;
		if (sh->n_mentors > 0 && g_rand_int_range(rng, 0, 5) == 0) {
			int t = g_rand_int_range(rng, 0, sh->n_mentors);

			if (used[t] < cap[t]) {
				g_snprintf(id, sizeof id, "r-%03d", t);
				cJSON_AddItemToArray(cJSON_AddArrayToObject(p, "current"),
						     cJSON_CreateString(id));
				used[t]++;
				kept[i] = 1;
			}
		}
		cJSON_AddItemToArray(ms, p);
	}
	char *printed = cJSON_PrintUnformatted(root), *copy = g_strdup(printed);

	cJSON_free(printed);
	cJSON_Delete(root);
	g_free(cap);
	return copy;
}

/* ---- brute force ------------------------------------------------------------- */

/* Maximum flow source -> mentee (demand) -> mentor (1 per usable pair) ->
 * sink (capacity), Edmonds-Karp on a dense matrix. */
static long max_flow(uint32_t nr, uint32_t nc, const uint32_t *demand, const uint32_t *cap,
		     const gboolean *usable)
{
	uint32_t v = nr + nc + 2, src = nr + nc, sink = nr + nc + 1;
	long *res = g_new0(long, (size_t)v * v), flow = 0;
	int *prev = g_new(int, v);
	uint32_t *queue = g_new(uint32_t, v);

	for (uint32_t r = 0; r < nr; r++) {
		res[(size_t)src * v + r] = demand[r];
		for (uint32_t t = 0; t < nc; t++)
			res[(size_t)r * v + nr + t] = usable[(size_t)r * nc + t];
	}
	for (uint32_t t = 0; t < nc; t++)
		res[(size_t)(nr + t) * v + sink] = cap[t];
	while (TRUE) {
		uint32_t head = 0, tail = 0;

		for (uint32_t i = 0; i < v; i++)
			prev[i] = -1;
		prev[src] = (int)src;
		queue[tail++] = src;
		while (head < tail && prev[sink] < 0) {
			uint32_t a = queue[head++];

			for (uint32_t b = 0; b < v; b++)
				if (prev[b] < 0 && res[(size_t)a * v + b] > 0) {
					prev[b] = (int)a;
					queue[tail++] = b;
				}
		}
		if (prev[sink] < 0)
			break;
		for (uint32_t b = sink; b != src; b = (uint32_t)prev[b]) {
			res[(size_t)prev[b] * v + b]--;
			res[(size_t)b * v + (uint32_t)prev[b]]++;
		}
		flow++;
	}
	g_free(res);
	g_free(prev);
	g_free(queue);
	return flow;
}

static void brute_what_if(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
			  gboolean keep_current, long *counts)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	uint32_t nr = c->count[LM_ROLE_MENTEE], nc = c->count[LM_ROLE_MENTOR];
	uint32_t *failed = g_new0(uint32_t, (size_t)nr * nc + 1);
	gboolean *usable = g_new(gboolean, (size_t)nr * nc + 1);
	long base;

	for (uint32_t r = 0; r < nr; r++)
		for (uint32_t t = 0; t < nc; t++) {
			lm_span cur = lm_cohort_mentee(c, r)->current;
			gboolean open = demand[r] && cap[t] &&
					!(keep_current && lm_span_contains(c, cur, t));

			failed[(size_t)r * nc + t] = open ? lm_scorer_check(s, r, t) : ~0u;
		}
	for (size_t i = 0; i < (size_t)nr * nc; i++)
		usable[i] = failed[i] == 0;
	base = max_flow(nr, nc, demand, cap, usable);
	for (size_t k = 0; k < lm_scorer_count(s); k++) {
		const char *name = lm_scorer_name(s, k);

		counts[k] = -1;
		if (!lm_scorer_required(s, k) || g_str_equal(name, "consent") ||
		    g_str_equal(name, "exclude"))
			continue;
		for (size_t i = 0; i < (size_t)nr * nc; i++)
			usable[i] = failed[i] == 0 || failed[i] == 1u << k;
		counts[k] = max_flow(nr, nc, demand, cap, usable) - base;
	}
	g_free(failed);
	g_free(usable);
}

/* ---- the comparisons ----------------------------------------------------------- */

/* The same searches as lm_what_if from no assignment at all, keeping at
 * most `budget` bytes of tags. */
static void searched_what_if(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
			     gboolean keep_current, size_t budget, long *counts)
{
	uint32_t relaxable = 0;
	lm_wi_graph g;
	lm_wi_state base = { 0 };

	for (size_t k = 0; k < lm_scorer_count(s); k++)
		if (lm_what_if_relaxable(s, k))
			relaxable |= 1u << k;
	ck_assert(lm_wi_init(&g, s, demand, cap, keep_current, relaxable));
	g.budget = budget;
	lm_wi_augment(&g, LM_UNITS_UNTAGGED);
	ck_assert(lm_wi_save(&g, &base));
	for (size_t k = 0; k < lm_scorer_count(s); k++) {
		counts[k] = -1;
		if (relaxable & (1u << k)) {
			lm_wi_restore(&g, &base);
			counts[k] = (long)lm_wi_augment(&g, (unsigned)k);
		}
	}
	ck_assert_uint_le(g.cached, budget);
	lm_wi_state_clear(&base);
	lm_wi_clear(&g);
}

static const char *strict_model =
	"{\"format\": \"libmatch-model\", \"version\": 1, \"name\": \"strict\","
	" \"criteria\": {\"choice\": {\"weight\": 10, \"required\": true},"
	" \"level\": {\"weight\": 5, \"required\": true}}}";

static lm_model *model_for(int which)
{
	lm_model *m = NULL;
	lm_error *err = NULL;

	if (which == 2)
		ck_assert_msg(lm_model_load_buffer(&m, strict_model, strlen(strict_model), "m",
						   &err) == 0, "%s", lm_error_message(err));
	else
		ck_assert_int_eq(lm_model_new_named(&m, which ? "tutoring" : "role_model", NULL), 0);
	return m;
}

/* lm_what_if from given pairs, as lm_match gives the run's assignment:
 * here feasible ones past the mentees' and mentors' room, some twice, and
 * random ones (often infeasible or a current pair kept), which it must
 * skip. */
static void starting_from_pairs(const lm_scorer *s, GRand *rng, const shape *sh,
				const uint32_t *demand, const uint32_t *cap, gboolean keep, long *got)
{
	GArray *start = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));

	for (int m = 0; sh->n_mentors && m < sh->n_mentees; m++) {
		/* One feasible pair more than the mentee wants, then a random one. */
		int t0 = g_rand_int_range(rng, 0, sh->n_mentors);
		uint32_t added = 0;

		for (int k = 0; k < sh->n_mentors && added <= demand[m]; k++) {
			lm_pair_ix p = { (uint32_t)m, (uint32_t)((t0 + k) % sh->n_mentors) };

			if (!lm_scorer_feasible(s, p.mentee, p.mentor))
				continue;
			g_array_append_val(start, p);
			if (g_rand_int_range(rng, 0, 4) == 0)
				g_array_append_val(start, p);
			added++;
		}
		lm_pair_ix p = { (uint32_t)m, (uint32_t)g_rand_int_range(rng, 0, sh->n_mentors) };

		g_array_append_val(start, p);
	}
	ck_assert_int_eq(lm_what_if(s, demand, cap, keep, (const lm_pair_ix *)(void *)start->data,
				    start->len, got, NULL),
			 0);
	g_array_free(start, TRUE);
}

static void compare(int which, guint32 seed, const shape *sh, gboolean searched)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
	int *kept = g_new(int, sh->n_mentees + 1), *used = g_new(int, sh->n_mentors + 1);
	g_autofree char *json = random_cohort(rng, sh, kept, used);
	lm_cohort *c = lmt_load(json);
	lm_model *model = model_for(which);
	lm_scorer *s = NULL;
	lm_error *err = NULL;
	gboolean keep = g_rand_int_range(rng, 0, 3) != 0;
	uint32_t *demand = g_new(uint32_t, sh->n_mentees + 1);
	uint32_t *cap = g_new(uint32_t, sh->n_mentors + 1);
	long want[32], got[32];

	ck_assert_msg(lm_scorer_new(&s, model, c, &err) == 0, "%s", lm_error_message(err));
	/* As lm_match sets them, kept pairs taking their places; then some
	 * mentees wanting no one and mentors with no place left. */
	for (int m = 0; m < sh->n_mentees; m++) {
		demand[m] = lm_cohort_mentee(c, (uint32_t)m)->wants - (keep ? (uint32_t)kept[m] : 0);
		if (g_rand_int_range(rng, 0, 8) == 0)
			demand[m] = 0;
	}
	for (int t = 0; t < sh->n_mentors; t++) {
		cap[t] = lm_cohort_mentor(c, (uint32_t)t)->capacity - (keep ? (uint32_t)used[t] : 0);
		if (g_rand_int_range(rng, 0, 8) == 0)
			cap[t] = 0;
	}
	brute_what_if(s, demand, cap, keep, want);
	if (searched)
		searched_what_if(s, demand, cap, keep, g_rand_boolean(rng) ? 0 : 3 * (size_t)sh->n_mentees,
				 got);
	else if (seed % 2)
		ck_assert_int_eq(lm_what_if(s, demand, cap, keep, NULL, 0, got, NULL), 0);
	else
		starting_from_pairs(s, rng, sh, demand, cap, keep, got);
	for (size_t k = 0; k < lm_scorer_count(s); k++)
		ck_assert_msg(got[k] == want[k], "model %d seed %u %dx%d: %s %ld, brute force %ld",
			      which, seed, sh->n_mentees, sh->n_mentors, lm_scorer_name(s, k), got[k],
			      want[k]);
	lm_scorer_free(s);
	lm_model_free(model);
	lm_cohort_free(c);
	g_free(kept);
	g_free(used);
	g_free(demand);
	g_free(cap);
}

/* Sizes from empty to a few dozen a side, places scarce or plentiful, so
 * that searches start from either side. */
static shape random_shape(guint32 seed, int which)
{
	g_autoptr(GRand) rng = g_rand_new_with_seed(seed ^ 0x5eedu);
	shape sh = {
		.n_mentees = g_rand_int_range(rng, 0, 40),
		.n_mentors = g_rand_int_range(rng, 0, 25),
		.max_wants = g_rand_int_range(rng, 1, 4),
		.max_cap = g_rand_int_range(rng, 1, 5),
		.tutoring = which == 1,
	};

	return sh;
}

#define SEEDS 120

/* Model _i: role_model, tutoring, then one requiring choices and levels. */
START_TEST(model_agrees_with_brute_force)
{
	for (guint32 seed = 1; seed <= SEEDS; seed++) {
		shape sh = random_shape(seed, _i);

		compare(_i, seed, &sh, FALSE);
	}
}
END_TEST

/* From no assignment, with no tags kept or a few nodes' worth. */
START_TEST(searches_agree_without_memory)
{
	for (guint32 seed = 1; seed <= SEEDS; seed++) {
		shape sh = random_shape(seed, (int)(seed % 3));

		compare((int)(seed % 3), seed, &sh, TRUE);
	}
}
END_TEST

/* Larger cohorts: places scarce (searches from the mentors) or plentiful
 * (from the mentees). */
START_TEST(larger_cohorts_agree_with_brute_force)
{
	for (guint32 seed = 1; seed <= 6; seed++) {
		shape sh = { 90, 60, 2, seed % 2 ? 1 : 6, seed % 3 == 0 };

		compare(sh.tutoring, seed, &sh, FALSE);
	}
}
END_TEST

static Suite *whatif_suite(void)
{
	Suite *s = suite_create("whatif");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, model_agrees_with_brute_force, 0, 3);
	tcase_add_test(tc, searches_agree_without_memory);
	tcase_add_test(tc, larger_cohorts_agree_with_brute_force);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(whatif_suite());
}
