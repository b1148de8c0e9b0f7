/* lm_explain: one pair judged under a model, criterion by criterion, for
 * an audience.
 *
 * Staff see everything. A mentee or a mentor must learn nothing about the
 * other side's private requests (exclude lists, gender requests, origin
 * wishes: match/redact.h), not even by elimination, so for them:
 *  - a pair that fails any hard constraint is only "not available": no
 *    criterion, verdict or score, since showing the public verdicts would
 *    single out the private ones whenever those pass;
 *  - an available pair lists only public criteria, and its score is their
 *    sum, since the full score minus the shown parts would reveal the
 *    private criteria's share. */
#include "core/error_private.h"
#include "match/redact.h"
#include "score/scorer.h"

struct lm_explanation {
	size_t n;
	const char **names;  /* static */
	lm_score *contribution;
	int *passed;         /* 1 passed, 0 failed, -1 not a hard constraint */
	lm_score score;
	gboolean feasible;
	gboolean withheld;   /* not available, reason withheld for the audience */
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

/* Keeps the criteria the audience may see; the score becomes their sum. */
static void keep_public(lm_explanation *e)
{
	size_t kept = 0;

	e->score = 0;
	for (size_t c = 0; c < e->n; c++) {
		if (lm_criterion_is_private(e->names[c]))
			continue;
		e->names[kept] = e->names[c];
		e->contribution[kept] = e->contribution[c];
		e->passed[kept] = e->passed[c];
		e->score += e->contribution[c];
		kept++;
	}
	e->n = kept;
}

int lm_explain_for(lm_explanation **out, const lm_cohort *cohort, const lm_model *model,
		   const char *mentee, const char *mentor, int audience, lm_error **err)
{
	lm_scorer *s = NULL;
	uint32_t me = 0, mo = 0;
	int rc;

	if (!out || !cohort || !model || !mentee || !mentor)
		return lm_set_error(err, LM_EINVAL, "lm_explain: every argument is required");
	if (!lm_audience_name(audience))
		return lm_set_error(err, LM_EINVAL, "lm_explain_for: unknown audience %d", audience);
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
	if (audience != LM_AUDIENCE_STAFF && !e->feasible) {
		e->withheld = TRUE;
		e->n = 0;
		e->score = 0;
	} else if (audience != LM_AUDIENCE_STAFF) {
		keep_public(e);
	}
	*out = e;
	return 0;
}

int lm_explain(lm_explanation **out, const lm_cohort *cohort, const lm_model *model,
	       const char *mentee, const char *mentor, lm_error **err)
{
	return lm_explain_for(out, cohort, model, mentee, mentor, LM_AUDIENCE_STAFF, err);
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

int lm_explanation_withheld(const lm_explanation *e)
{
	return e && e->withheld;
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
