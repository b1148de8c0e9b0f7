/* Redacting results for an audience (match/redact.h, docs/privacy.md).
 * Works on the result's own layout (result_private.h) after it is
 * finished, so that every writer (JSON, CSV, HTML) and every accessor sees
 * the same redacted result. */
#include <string.h>
#include "core/error_private.h"
#include "match/redact.h"
#include "match/result_private.h"

gboolean lm_criterion_is_private(const char *name)
{
	static const char *const private_names[] = { "exclude", "gender", "origin", NULL };

	return name && g_strv_contains(private_names, name);
}

/* Drops the private criteria from the breakdowns; each pair's score loses
 * their share. TRUE when a share was not zero. */
static gboolean drop_private_criteria(lm_result *r)
{
	size_t kept = 0;
	gboolean changed = FALSE;

	for (guint i = 0; i < r->pairs->len; i++) {
		lm_result_pair *p = &g_array_index(r->pairs, lm_result_pair, i);
		size_t k = 0;

		for (size_t c = 0; p->components && c < r->n_criteria; c++) {
			if (!lm_criterion_is_private(r->criteria[c])) {
				p->components[k++] = p->components[c];
				continue;
			}
			p->score -= p->components[c];
			changed |= p->components[c] != 0;
		}
	}
	for (size_t c = 0; c < r->n_criteria; c++)
		if (!lm_criterion_is_private(r->criteria[c]))
			r->criteria[kept++] = r->criteria[c];
	r->n_criteria = kept;
	return changed;
}

/* Forgets the private constraints: their names and what_if counts. */
static void drop_private_constraints(lm_result *r)
{
	size_t kept = 0;

	for (size_t c = 0; c < r->n_constraints; c++) {
		if (lm_criterion_is_private(r->constraints[c]))
			continue;
		if (r->what_if)
			r->what_if[kept] = r->what_if[c];
		r->constraints[kept++] = r->constraints[c];
	}
	r->n_constraints = kept;
}

static void redact_unmatched(lm_result *r)
{
	for (guint i = 0; i < r->unmatched->len; i++) {
		lm_result_unmatched *u = &g_array_index(r->unmatched, lm_result_unmatched, i);

		g_clear_pointer(&u->blocked, g_free);
		u->best_mentor = -1;
	}
}

int lm_result_redact(lm_result *r, int audience, lm_error **err)
{
	if (!r)
		return lm_set_error(err, LM_EINVAL, "lm_result_redact: result is NULL");
	if (!lm_audience_name(audience))
		return lm_set_error(err, LM_EINVAL, "lm_result_redact: unknown audience %d",
				    audience);
	if (audience == LM_AUDIENCE_STAFF)
		return 0;
	if (drop_private_criteria(r)) {
		lm_result_recount(r);
		r->has_optimum = FALSE;
	}
	drop_private_constraints(r);
	redact_unmatched(r);
	return 0;
}
