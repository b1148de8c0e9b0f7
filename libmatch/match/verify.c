/* lm_verify: a result re-read and checked against its cohort and model
 * without trusting its claims. Violations are collected (one located
 * problem each, ids and rule names only); proofs are in verify_proof.c. */
#include <stdarg.h>
#include <string.h>
#include "libmatch/verify.h"
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/verify_private.h"

void lm_verify_problem(lm_verifier *v, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_autofree char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	lm_json_problem(&v->rr->doc, path, LM_EINFEASIBLE, "%s", msg);
	v->sound = FALSE;
}

static const char *mentee_id(const lm_verifier *v, uint32_t m)
{
	return lm_cohort_mentee(v->cohort, m)->id;
}

static const char *mentor_id(const lm_verifier *v, uint32_t t)
{
	return lm_cohort_mentor(v->cohort, t)->id;
}

static void check_run(lm_verifier *v, const lm_model *model)
{
	const char *digest = lm_cohort_digest(v->cohort);
	const lm_read_result *rr = v->rr;

	if (!rr->model || !g_str_equal(rr->model, lm_model_name(model)))
		lm_verify_problem(v, "$.model", "the result was not made with model '%s'",
				  lm_model_name(model));
	if (rr->input_sha256 && *rr->input_sha256 && *digest &&
	    !g_str_equal(rr->input_sha256, digest))
		lm_verify_problem(v, "$.input_sha256", "the result was made from other input "
				  "than this cohort");
}

static gboolean find(const lm_verifier *v, const char *id, lm_role want, uint32_t *index)
{
	lm_role role;
	size_t i;

	if (lm_cohort_find(v->cohort, id, &role, &i, NULL) < 0 || role != want)
		return FALSE;
	*index = (uint32_t)i;
	return TRUE;
}

/* Ids to indices; unknown ids and repeated pairs are violations. */
static void resolve_pairs(lm_verifier *v)
{
	g_autoptr(GHashTable) seen = g_hash_table_new(g_int64_hash, g_int64_equal);
	gint64 *keys = g_new(gint64, MAX(v->rr->pairs->len, 1u));

	for (guint i = 0; i < v->rr->pairs->len; i++) {
		const lm_read_pair *p = &g_array_index(v->rr->pairs, lm_read_pair, i);
		lm_pair_ix *x = &v->ix[i];

		x->mentee = UINT32_MAX;
		if (!find(v, p->mentee, LM_ROLE_MENTEE, &x->mentee)) {
			lm_verify_problem(v, p->path, "%s is not a mentee of the cohort", p->mentee);
			x->mentee = UINT32_MAX;
			continue;
		}
		if (!find(v, p->mentor, LM_ROLE_MENTOR, &x->mentor)) {
			lm_verify_problem(v, p->path, "%s is not a mentor of the cohort", p->mentor);
			x->mentee = UINT32_MAX;
			continue;
		}
		keys[i] = ((gint64)x->mentee << 32) | x->mentor;
		if (!g_hash_table_add(seen, &keys[i]))
			lm_verify_problem(v, p->path, "pair %s / %s is listed twice", p->mentee,
					  p->mentor);
	}
	g_hash_table_steal_all(seen);
	g_free(keys);
}

/* Kept pairs: in a run that keeps them, each `current` pair is listed with
 * "kept": true and uses a place first; re-optimising, a current pair is
 * either listed (kept) or in "broken". */
static void check_kept(lm_verifier *v)
{
	const lm_cohort *c = v->cohort;
	uint8_t *listed = g_new0(uint8_t, MAX(v->n_cols, 1u));

	for (uint32_t m = 0; m < v->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);
		const uint32_t *cur = lm_span_refs(c, p->current);

		if (!p->current.len)
			continue;
		for (guint i = 0; i < v->rr->pairs->len; i++)
			if (v->ix[i].mentee == m)
				listed[v->ix[i].mentor] = 1;
		for (uint32_t k = 0; k < p->current.len; k++) {
			gboolean broken = FALSE;

			for (guint b = 0; b < v->rr->broken->len; b++) {
				const lm_read_broken *x = &g_array_index(v->rr->broken, lm_read_broken, b);

				broken |= g_str_equal(x->mentee, p->id) &&
					  g_str_equal(x->mentor, mentor_id(v, cur[k]));
			}
			if (!listed[cur[k]] && !broken)
				lm_verify_problem(v, "$.pairs", "current pair %s / %s is neither kept "
						  "nor listed as broken", p->id, mentor_id(v, cur[k]));
			if (listed[cur[k]] && broken)
				lm_verify_problem(v, "$.broken", "current pair %s / %s is both kept "
						  "and listed as broken", p->id, mentor_id(v, cur[k]));
			if (!v->rr->reoptimised && listed[cur[k]]) {
				v->demand[m] = v->demand[m] ? v->demand[m] - 1 : 0;
				v->cap[cur[k]] = v->cap[cur[k]] ? v->cap[cur[k]] - 1 : 0;
			}
		}
		memset(listed, 0, MAX(v->n_cols, 1u));
	}
	g_free(listed);
}

static void check_pair_flags(lm_verifier *v)
{
	for (guint i = 0; i < v->rr->pairs->len; i++) {
		const lm_read_pair *p = &g_array_index(v->rr->pairs, lm_read_pair, i);
		const lm_pair_ix *x = &v->ix[i];
		gboolean current;

		if (x->mentee == UINT32_MAX)
			continue;
		current = lm_span_contains(v->cohort, lm_cohort_mentee(v->cohort, x->mentee)->current,
					   x->mentor);
		if (p->kept != current)
			lm_verify_problem(v, p->path, "pair %s / %s is %s a current pair but %s "
					  "marked kept", p->mentee, p->mentor, current ? "" : "not",
					  p->kept ? "is" : "is not");
		v->given_kept[i] = current && !v->rr->reoptimised;
	}
}

static void check_loads(lm_verifier *v)
{
	uint32_t *got = g_new0(uint32_t, MAX(v->n_rows, 1u));
	uint32_t *load = g_new0(uint32_t, MAX(v->n_cols, 1u));

	for (guint i = 0; i < v->rr->pairs->len; i++)
		if (v->ix[i].mentee != UINT32_MAX) {
			got[v->ix[i].mentee]++;
			load[v->ix[i].mentor]++;
		}
	for (uint32_t m = 0; m < v->n_rows; m++)
		if (got[m] > lm_cohort_mentee(v->cohort, m)->wants)
			lm_verify_problem(v, "$.pairs", "mentee %s has %u mentors but wants %u",
					  mentee_id(v, m), got[m],
					  lm_cohort_mentee(v->cohort, m)->wants);
	for (uint32_t t = 0; t < v->n_cols; t++)
		if (load[t] > lm_cohort_mentor(v->cohort, t)->capacity)
			lm_verify_problem(v, "$.pairs", "mentor %s has %u mentees but capacity %u",
					  mentor_id(v, t), load[t],
					  lm_cohort_mentor(v->cohort, t)->capacity);
	g_free(got);
	g_free(load);
}

static void check_rules(lm_verifier *v)
{
	for (guint i = 0; i < v->rr->pairs->len; i++) {
		const lm_read_pair *p = &g_array_index(v->rr->pairs, lm_read_pair, i);
		uint32_t failed;

		if (v->ix[i].mentee == UINT32_MAX)
			continue;
		failed = lm_scorer_check(v->scorer, v->ix[i].mentee, v->ix[i].mentor);
		for (size_t c = 0; failed && c < lm_scorer_count(v->scorer); c++)
			if (failed & (1u << c))
				lm_verify_problem(v, p->path, "pair %s / %s breaks the hard "
						  "constraint '%s'", p->mentee, p->mentor,
						  lm_scorer_name(v->scorer, c));
	}
}

/* The criteria object must hold exactly the model's scoring criteria, each
 * with its exact contribution. */
static void check_criteria(lm_verifier *v, const lm_read_pair *p, const lm_score *all)
{
	const cJSON *item;
	size_t listed = 0, scoring = 0;

	for (size_t c = 0; c < lm_scorer_count(v->scorer); c++) {
		const char *name = lm_scorer_name(v->scorer, c);

		if (lm_scorer_weight(v->scorer, c) <= 0)
			continue;
		scoring++;
		item = cJSON_GetObjectItemCaseSensitive(p->criteria, name);
		if (!cJSON_IsNumber(item))
			lm_verify_problem(v, p->path, "pair %s / %s: criterion '%s' is missing",
					  p->mentee, p->mentor, name);
		else if (lm_read_score(item->valuedouble) != all[c])
			lm_verify_problem(v, p->path, "pair %s / %s: criterion '%s' contributes "
					  "other than the model gives", p->mentee, p->mentor, name);
	}
	cJSON_ArrayForEach(item, p->criteria)
		listed++;
	if (listed != scoring)
		lm_verify_problem(v, p->path, "pair %s / %s lists criteria the model does not "
				  "score with", p->mentee, p->mentor);
}

static void check_scores(lm_verifier *v)
{
	lm_score *all = g_new(lm_score, lm_scorer_count(v->scorer));
	lm_score total = 0;

	for (guint i = 0; i < v->rr->pairs->len; i++) {
		const lm_read_pair *p = &g_array_index(v->rr->pairs, lm_read_pair, i);

		total += p->score;
		if (v->ix[i].mentee == UINT32_MAX)
			continue;
		if (lm_scorer_score(v->scorer, v->ix[i].mentee, v->ix[i].mentor, all) != p->score)
			lm_verify_problem(v, p->path, "pair %s / %s: the score is not the model's",
					  p->mentee, p->mentor);
		if (!p->criteria)
			lm_verify_problem(v, p->path, "pair %s / %s: criteria are missing",
					  p->mentee, p->mentor);
		else
			check_criteria(v, p, all);
	}
	if (v->rr->has_total && total != v->rr->total)
		lm_verify_problem(v, "$.summary.total_score",
				  "the total is not the sum of the pair scores");
	g_free(all);
}

static void verifier_init(lm_verifier *v, const lm_cohort *c, const lm_scorer *s,
			  lm_read_result *rr)
{
	*v = (lm_verifier){ .cohort = c, .scorer = s, .rr = rr, .sound = TRUE };
	v->n_rows = c->count[LM_ROLE_MENTEE];
	v->n_cols = c->count[LM_ROLE_MENTOR];
	v->ix = g_new0(lm_pair_ix, MAX(rr->pairs->len, 1u));
	v->given_kept = g_new0(gboolean, MAX(rr->pairs->len, 1u));
	v->demand = g_new(uint32_t, MAX(v->n_rows, 1u));
	v->cap = g_new(uint32_t, MAX(v->n_cols, 1u));
	for (uint32_t m = 0; m < v->n_rows; m++)
		v->demand[m] = lm_cohort_mentee(c, m)->wants;
	for (uint32_t t = 0; t < v->n_cols; t++)
		v->cap[t] = lm_cohort_mentor(c, t)->capacity;
}

static void verifier_clear(lm_verifier *v)
{
	g_free(v->ix);
	g_free(v->given_kept);
	g_free(v->demand);
	g_free(v->cap);
}

static int check(const lm_cohort *cohort, const lm_model *model, lm_scorer *s,
		 lm_read_result *rr, lm_error **err)
{
	lm_verifier v;
	int rc;

	verifier_init(&v, cohort, s, rr);
	check_run(&v, model);
	resolve_pairs(&v);
	check_pair_flags(&v);
	check_kept(&v);
	check_loads(&v);
	check_rules(&v);
	check_scores(&v);
	rc = lm_verify_prove(&v, err);
	verifier_clear(&v);
	if (rc < 0)
		return rc;
	return lm_problems_finish(&rr->doc.problems, err);
}

int lm_verify(const lm_cohort *cohort, const lm_model *model, const char *result_json,
	      size_t len, const char *name, lm_error **err)
{
	lm_read_result rr;
	lm_scorer *s = NULL;
	int rc;

	if (!cohort || !model || !result_json)
		return lm_set_error(err, LM_EINVAL, "lm_verify: cohort, model and result are "
				    "required");
	rc = lm_result_read(&rr, result_json, len, name ? name : "result", err);
	if (rc == 0)
		rc = lm_scorer_new(&s, model, cohort, err);
	if (rc == 0)
		rc = check(cohort, model, s, &rr, err);
	lm_scorer_free(s);
	lm_read_result_clear(&rr);
	return rc;
}
