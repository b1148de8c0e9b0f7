/* Random small cohorts and brute-force optima shared by the policy suites
 * (the approach of test_match.c, factored out; test_match.c keeps its own). */
#ifndef LM_TEST_COHORT_H
#define LM_TEST_COHORT_H

#include <string.h>
#include <cjson/cJSON.h>
#include "lm_test.h"
#include "libmatch/libmatch.h"

static const char *const lmt_regions[] = { "seoul", "gyeonggi", "incheon", "busan" };
static const char *const lmt_goals[] = { "employment", "education", "stress_coping", "finance" };
static const char *const lmt_genders[] = { "female", "male", "undisclosed" };

typedef struct lmt_shape {
	int max_wants;     /* wants drawn from 1..max_wants */
	int max_cap;       /* capacity drawn from 0..max_cap */
	gboolean choices;  /* both sides may rank a few of the other side */
	gboolean waiting;  /* mentees may have waiting_since */
} lmt_shape;

static inline void lmt_add_common(cJSON *p, GRand *rng, gboolean mentor)
{
	cJSON *langs = cJSON_AddObjectToObject(p, "languages");
	cJSON *modes = cJSON_AddArrayToObject(p, "modes");
	cJSON *avail = cJSON_AddObjectToObject(p, "availability");
	cJSON *weekly = cJSON_AddArrayToObject(avail, "weekly");
	static const char *days[] = { "mon", "wed", "sat" };
	char slot[32];
	int mode_set = g_rand_int_range(rng, 1, 4);

	cJSON_AddStringToObject(p, "gender", lmt_genders[g_rand_int_range(rng, 0, 3)]);
	cJSON_AddNumberToObject(p, "birth_year", g_rand_int_range(rng, 1960, 2005));
	cJSON_AddNumberToObject(p, "arrival_year", mentor ? g_rand_int_range(rng, 2005, 2020)
							  : g_rand_int_range(rng, 2019, 2025));
	cJSON_AddStringToObject(p, "region", lmt_regions[g_rand_int_range(rng, 0, 4)]);
	cJSON_AddNumberToObject(langs, "ko", g_rand_int_range(rng, 2, 6));
	if (mode_set & 1)
		cJSON_AddItemToArray(modes, cJSON_CreateString("in_person"));
	if (mode_set & 2)
		cJSON_AddItemToArray(modes, cJSON_CreateString("online"));
	cJSON_AddStringToObject(avail, "tz", "Asia/Seoul");
	for (int i = g_rand_int_range(rng, 1, 3); i > 0; i--) {
		int h = g_rand_int_range(rng, 17, 20);

		g_snprintf(slot, sizeof slot, "%s %02d:00-%02d:00", days[g_rand_int_range(rng, 0, 3)],
			   h, h + g_rand_int_range(rng, 2, 4));
		cJSON_AddItemToArray(weekly, cJSON_CreateString(slot));
	}
	cJSON_AddBoolToObject(p, "consent", g_rand_int_range(rng, 0, 10) != 0);
}

static inline void lmt_add_goals(cJSON *p, const char *key, GRand *rng)
{
	cJSON *a = cJSON_AddArrayToObject(p, key);
	int first = g_rand_int_range(rng, 0, 4), n = g_rand_int_range(rng, 1, 4);

	for (int i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(lmt_goals[(first + i) % 4]));
}

/* Up to 2 distinct ids of the other side, ranked. */
static inline void lmt_add_choices(cJSON *p, GRand *rng, char side, int n_other)
{
	char id[16];
	int a, b;

	if (n_other == 0 || g_rand_int_range(rng, 0, 3) != 0)
		return;
	cJSON *ch = cJSON_AddArrayToObject(p, "choices");
	a = g_rand_int_range(rng, 0, n_other);
	g_snprintf(id, sizeof id, "%c-%02d", side, a);
	cJSON_AddItemToArray(ch, cJSON_CreateString(id));
	b = g_rand_int_range(rng, 0, n_other);
	if (b != a) {
		g_snprintf(id, sizeof id, "%c-%02d", side, b);
		cJSON_AddItemToArray(ch, cJSON_CreateString(id));
	}
}

/* The top level of a cohort as of 2026-01-05 with its two empty lists;
 * the caller owns the tree (cJSON_Delete). */
static inline cJSON *lmt_cohort_root(cJSON **mentees, cJSON **mentors)
{
	cJSON *root = cJSON_CreateObject();

	cJSON_AddStringToObject(root, "format", "libmatch-cohort");
	cJSON_AddNumberToObject(root, "version", 1);
	cJSON_AddStringToObject(root, "as_of", "2026-01-05");
	*mentees = cJSON_AddArrayToObject(root, "mentees");
	*mentors = cJSON_AddArrayToObject(root, "mentors");
	return root;
}

/* A model by preset name, or from its JSON text (starting with '{'). */
static inline lm_model *lmt_model(const char *text)
{
	lm_model *m = NULL;
	lm_error *err = NULL;
	int rc = text[0] == '{' ? lm_model_load_buffer(&m, text, strlen(text), "m.json", &err)
				: lm_model_new_named(&m, text, &err);

	ck_assert_msg(rc == 0, "model: %s", lm_error_message(err));
	return m;
}

/* A random cohort as JSON text; caller frees with g_free. */
static inline char *lmt_random_cohort(GRand *rng, int n_mentees, int n_mentors,
				      const lmt_shape *shape)
{
	cJSON *ms, *rs, *root = lmt_cohort_root(&ms, &rs);
	char id[16];

	for (int i = 0; i < n_mentors; i++) {
		cJSON *p = cJSON_CreateObject();

		g_snprintf(id, sizeof id, "r-%02d", i);
		cJSON_AddStringToObject(p, "id", id);
		lmt_add_common(p, rng, TRUE);
		lmt_add_goals(p, "offers", rng);
		cJSON_AddNumberToObject(p, "capacity", g_rand_int_range(rng, 0, shape->max_cap + 1));
		if (shape->choices)
			lmt_add_choices(p, rng, 'm', n_mentees);
		cJSON_AddItemToArray(rs, p);
	}
	for (int i = 0; i < n_mentees; i++) {
		cJSON *p = cJSON_CreateObject();

		g_snprintf(id, sizeof id, "m-%02d", i);
		cJSON_AddStringToObject(p, "id", id);
		lmt_add_common(p, rng, FALSE);
		lmt_add_goals(p, "goals", rng);
		if (g_rand_int_range(rng, 0, 4) == 0)
			cJSON_AddStringToObject(cJSON_AddObjectToObject(p, "prefers"), "gender",
						"female");
		if (shape->choices)
			lmt_add_choices(p, rng, 'r', n_mentors);
		if (shape->waiting && g_rand_boolean(rng)) {
			g_snprintf(id, sizeof id, "2025-%02d-01", g_rand_int_range(rng, 1, 4));
			cJSON_AddStringToObject(p, "waiting_since", id);
		}
		cJSON_AddNumberToObject(p, "wants", g_rand_int_range(rng, 1, shape->max_wants + 1));
		cJSON_AddItemToArray(ms, p);
	}
	char *printed = cJSON_PrintUnformatted(root), *copy = g_strdup(printed);

	cJSON_free(printed);
	cJSON_Delete(root);
	return copy;
}

/* ---- brute force ----------------------------------------------------------- */

enum { LMT_OPTIMAL, LMT_FAIR };

typedef struct lmt_brute {
	int n_mentees, n_mentors, mode, objective;
	lm_score score[8][8];
	gboolean feasible[8][8];
	int wants[8], cap[8];
	int best_count;
	lm_score best_min, best_total;
	gboolean found;
} lmt_brute;

/* Under objective score a pair scoring 0 is never made. */
static inline gboolean lmt_usable(const lmt_brute *b, int m, int t)
{
	return b->feasible[m][t] && (b->objective != LM_OBJECTIVE_SCORE || b->score[m][t] > 0);
}

static inline void lmt_leaf(lmt_brute *b, int count, lm_score min, lm_score total)
{
	gboolean better;

	if (count == 0)
		min = 0;
	if (!b->found)
		better = TRUE;
	else if (b->mode == LMT_FAIR)
		better = count > b->best_count ||
			 (count == b->best_count && (min > b->best_min ||
						     (min == b->best_min && total > b->best_total)));
	else if (b->objective == LM_OBJECTIVE_COVERAGE)
		better = count > b->best_count || (count == b->best_count && total > b->best_total);
	else
		better = total > b->best_total;
	if (better) {
		b->found = TRUE;
		b->best_count = count;
		b->best_min = min;
		b->best_total = total;
	}
}

static inline void lmt_search(lmt_brute *b, int m, int t, int count, lm_score min,
			      lm_score total, int *load, int *got)
{
	if (m == b->n_mentees) {
		lmt_leaf(b, count, min, total);
		return;
	}
	if (t == b->n_mentors) {
		lmt_search(b, m + 1, 0, count, min, total, load, got);
		return;
	}
	lmt_search(b, m, t + 1, count, min, total, load, got);
	if (lmt_usable(b, m, t) && load[t] < b->cap[t] && got[m] < b->wants[m]) {
		lm_score s = b->score[m][t];

		load[t]++;
		got[m]++;
		lmt_search(b, m, t + 1, count + 1, count ? MIN(min, s) : s, total + s, load, got);
		load[t]--;
		got[m]--;
	}
}

/* Fills scores, feasibility, wants and capacities from the cohort. */
static inline void lmt_brute_fill(lmt_brute *b, const lm_cohort *c, const lm_model *model,
				  const char *json)
{
	cJSON *root = cJSON_Parse(json);
	cJSON *ms = cJSON_GetObjectItem(root, "mentees"), *rs = cJSON_GetObjectItem(root, "mentors");

	b->n_mentees = (int)lm_cohort_count(c, LM_ROLE_MENTEE);
	b->n_mentors = (int)lm_cohort_count(c, LM_ROLE_MENTOR);
	for (int m = 0; m < b->n_mentees; m++) {
		cJSON *w = cJSON_GetObjectItem(cJSON_GetArrayItem(ms, m), "wants");

		b->wants[m] = w ? w->valueint : 1;
		for (int t = 0; t < b->n_mentors; t++) {
			lm_explanation *e = NULL;

			ck_assert_int_eq(lm_explain(&e, c, model, lm_cohort_id(c, LM_ROLE_MENTEE, m),
						    lm_cohort_id(c, LM_ROLE_MENTOR, t), NULL), 0);
			b->feasible[m][t] = lm_explanation_feasible(e);
			b->score[m][t] = lm_explanation_score(e);
			lm_explanation_free(e);
		}
	}
	for (int t = 0; t < b->n_mentors; t++)
		b->cap[t] = cJSON_GetObjectItem(cJSON_GetArrayItem(rs, t), "capacity")->valueint;
	cJSON_Delete(root);
}

static inline void lmt_brute_solve(lmt_brute *b)
{
	int load[8] = { 0 }, got[8] = { 0 };

	b->found = FALSE;
	lmt_search(b, 0, 0, 0, 0, 0, load, got);
}

/* Loads JSON text as a cohort, failing the test with the error. */
static inline lm_cohort *lmt_load(const char *json)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_cohort_load_buffer(&c, json, strlen(json), "cohort.json", &err) == 0,
		      "%s", lm_error_message(err));
	return c;
}

/* lm_match with an algorithm and objective (and proposers); caller frees. */
static inline lm_result *lmt_match(const lm_cohort *c, const lm_model *model, int algorithm,
				   int objective, int proposers)
{
	lm_options *opt = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;

	lm_options_new(&opt, NULL);
	lm_options_set_algorithm(opt, algorithm, NULL);
	lm_options_set_objective(opt, objective, NULL);
	lm_options_set_proposers(opt, proposers, NULL);
	ck_assert_msg(lm_match(&r, c, model, opt, &err) == 0, "%s", lm_error_message(err));
	lm_options_free(opt);
	return r;
}

#endif
