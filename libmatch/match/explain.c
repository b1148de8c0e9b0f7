/* lm_explain: one pair judged under a model, criterion by criterion. */
#include "core/error_private.h"
#include "score/scorer.h"

struct lm_explanation {
	size_t n;
	const char **names;  /* static */
	lm_score *contribution;
	int *passed;         /* 1 passed, 0 failed, -1 not a hard constraint */
	lm_score score;
	gboolean feasible;
};

static int find_role(const lm_cohort *cohort, const char *id, lm_role want, uint32_t *index,
		     lm_error **err)
{
	lm_role role;
	size_t i;
	int rc = lm_cohort_find(cohort, id, &role, &i, err);

	if (rc < 0)
		return rc;
	if (role != want)
		return lm_set_error(err, LM_ENOTFOUND, "'%s' is not a %s", id,
				    want == LM_ROLE_MENTEE ? "mentee" : "mentor");
	*index = (uint32_t)i;
	return 0;
}

int lm_explain(lm_explanation **out, const lm_cohort *cohort, const lm_model *model,
	       const char *mentee, const char *mentor, lm_error **err)
{
	lm_scorer *s = NULL;
	uint32_t me = 0, mo = 0;
	int rc;

	if (!out || !cohort || !model || !mentee || !mentor)
		return lm_set_error(err, LM_EINVAL, "lm_explain: every argument is required");
	if ((rc = find_role(cohort, mentee, LM_ROLE_MENTEE, &me, err)) < 0 ||
	    (rc = find_role(cohort, mentor, LM_ROLE_MENTOR, &mo, err)) < 0 ||
	    (rc = lm_scorer_new(&s, model, cohort, err)) < 0)
		return rc;

	lm_explanation *e = g_new0(lm_explanation, 1);
	uint32_t failed = lm_scorer_check(s, me, mo);

	e->n = lm_scorer_count(s);
	e->names = g_new(const char *, e->n);
	e->contribution = g_new(lm_score, e->n);
	e->passed = g_new(int, e->n);
	e->score = lm_scorer_score(s, me, mo, e->contribution);
	e->feasible = failed == 0;
	for (size_t c = 0; c < e->n; c++) {
		e->names[c] = lm_scorer_name(s, c);
		e->passed[c] = lm_scorer_required(s, c) ? !((failed >> c) & 1u) : -1;
	}
	lm_scorer_free(s);
	*out = e;
	return 0;
}

void lm_explanation_free(lm_explanation *e)
{
	if (!e)
		return;
	g_free(e->names);
	g_free(e->contribution);
	g_free(e->passed);
	g_free(e);
}

int lm_explanation_feasible(const lm_explanation *e)
{
	return e && e->feasible;
}

lm_score lm_explanation_score(const lm_explanation *e)
{
	return e ? e->score : 0;
}

size_t lm_explanation_criterion_count(const lm_explanation *e)
{
	return e ? e->n : 0;
}

const char *lm_explanation_criterion_name(const lm_explanation *e, size_t c)
{
	return e && c < e->n ? e->names[c] : NULL;
}

lm_score lm_explanation_contribution(const lm_explanation *e, size_t c)
{
	return e && c < e->n ? e->contribution[c] : -1;
}

int lm_explanation_passed(const lm_explanation *e, size_t c)
{
	return e && c < e->n ? e->passed[c] : -1;
}
