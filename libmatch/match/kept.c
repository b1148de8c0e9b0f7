/* Errors for kept pairs that break a hard constraint. */
#include "match/kept.h"

lm_error *lm_kept_pair_error(const lm_scorer *s, const lm_cohort *c, uint32_t mentee,
			     uint32_t mentor, uint32_t failed)
{
	GString *names = g_string_new(NULL);
	unsigned n = 0;
	g_autofree char *path = g_strdup_printf("$.mentees[%u].current", mentee);

	for (size_t k = 0; k < lm_scorer_count(s); k++)
		if (failed & (1u << k)) {
			g_string_append_printf(names, "%s'%s'", names->len ? ", " : "",
					       lm_scorer_name(s, k));
			n++;
		}

	lm_error *e = lm_error_new(LM_EINFEASIBLE,
				   "current pair %s / %s breaks the hard constraint%s %s; end the "
				   "pair or relax the model",
				   lm_cohort_mentee(c, mentee)->id, lm_cohort_mentor(c, mentor)->id,
				   n > 1 ? "s" : "", names->str);
	g_string_free(names, TRUE);
	lm_cohort_locate_error(c, e, path);
	return e;
}
