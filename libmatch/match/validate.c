/* lm_validate: a cohort against a model, without matching. */
#include "match/kept.h"

int lm_validate(const lm_cohort *cohort, const lm_model *model, lm_error **err)
{
	lm_scorer *s = NULL;
	lm_problems problems = { 0 };
	int rc;

	if (!cohort || !model)
		return lm_set_error(err, LM_EINVAL, "lm_validate: cohort and model are required");
	if ((rc = lm_scorer_new(&s, model, cohort, err)) < 0)
		return rc;
	for (uint32_t m = 0; m < cohort->count[LM_ROLE_MENTEE]; m++) {
		const lm_person *p = lm_cohort_mentee(cohort, m);
		const uint32_t *cur = lm_span_refs(cohort, p->current);

		for (uint32_t i = 0; i < p->current.len; i++) {
			uint32_t failed = lm_scorer_check(s, m, cur[i]);

			if (failed)
				lm_problems_add(&problems,
						lm_kept_pair_error(s, cohort, m, cur[i], failed));
		}
	}
	lm_scorer_free(s);
	return lm_problems_finish(&problems, err);
}
