/* Criteria about the two people themselves: consent, exclusions, gender,
 * origin, life stage and training. Formulas: docs/criteria.md. */
#include "score/criteria.h"

gboolean lm_crit_consent_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	/* The one filter where missing data fails: no consent, no pairing. */
	return pair->mentee->consent == 1 && pair->mentor->consent == 1;
}

gboolean lm_crit_exclude_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	/* The mentee's veto span already merges both sides' exclude lists and
	 * bad previous pairs, so one lookup covers everything. */
	return !lm_span_has(s->cohort, pair->mentee->veto, pair->mentor_ix);
}

gboolean lm_crit_gender_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	/* A hard request is met only by a partner known to have that gender: a
	 * missing gender cannot prove the request is met, and the people asking
	 * (often survivors of trafficking) must not be guessed about. */
	const lm_person *a = pair->mentee, *b = pair->mentor;
	if (a->pref_gender && a->pref_gender_required && b->gender != a->pref_gender)
		return FALSE;
	if (b->pref_gender && b->pref_gender_required && a->gender != b->pref_gender)
		return FALSE;
	return TRUE;
}

uint32_t lm_crit_gender_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;
	gboolean hard_on = (s->required & (1u << LM_CRIT_GENDER)) != 0;

	return lm_both_sides(
		lm_gender_verdict(hard_on, a->pref_gender, a->pref_gender_required, b->gender),
		lm_gender_verdict(hard_on, b->pref_gender, b->pref_gender_required, a->gender));
}

gboolean lm_crit_origin_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;
	if (a->origin < 0 || b->origin < 0 || a->origin != b->origin)
		return TRUE;
	return a->pref_origin != LM_ORIGIN_AVOID_SAME && b->pref_origin != LM_ORIGIN_AVOID_SAME;
}

uint32_t lm_crit_origin_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;
	gboolean avoid = !(s->required & (1u << LM_CRIT_ORIGIN));

	return lm_both_sides(lm_origin_verdict(avoid, a->origin, a->pref_origin, b->origin),
			     lm_origin_verdict(avoid, b->origin, b->pref_origin, a->origin));
}

void lm_crit_stage_reset(lm_model_params *p)
{
	p->stage.max_age_gap = 20;
}

gboolean lm_crit_stage_parse(lm_json_doc *doc, const cJSON *obj, const char *path, lm_model *m)
{
	const cJSON *gap = cJSON_GetObjectItemCaseSensitive(obj, "max_age_gap");
	if (!gap)
		return TRUE;
	g_autofree char *at = lm_json_path_key(path, "max_age_gap");
	return lm_model_json_int(doc, gap, at, 1, 150, &m->p.stage.max_age_gap);
}

uint32_t lm_crit_stage_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;

	return lm_stage_raw(s, a->stage, a->birth_year, b->stage, b->birth_year);
}

void lm_crit_trained_reset(lm_model_params *p)
{
	if (p->trained.prefer)
		g_ptr_array_unref(p->trained.prefer);
	p->trained.prefer = g_ptr_array_new_with_free_func(g_free);
}

gboolean lm_crit_trained_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
			       lm_model *m)
{
	const cJSON *prefer = cJSON_GetObjectItemCaseSensitive(obj, "prefer");
	if (!prefer)
		return TRUE;
	g_autofree char *at = lm_json_path_key(path, "prefer");
	GPtrArray *names = lm_model_json_strings(doc, prefer, at);
	if (!names)
		return FALSE;
	g_ptr_array_unref(m->p.trained.prefer);
	m->p.trained.prefer = names;
	return TRUE;
}

int lm_crit_trained_bind(lm_scorer *s, lm_error **err)
{
	const lm_cohort *c = s->cohort;
	const GPtrArray *prefer = s->p->trained.prefer;
	s->prefer_trained = g_new0(uint64_t, c->training_words);
	s->n_prefer = prefer->len;
	for (guint i = 0; i < prefer->len; i++) {
		int32_t id = lm_vocab_lookup(c->trainings, g_ptr_array_index(prefer, i));
		if (id >= 0)
			s->prefer_trained[id / 64] |= UINT64_C(1) << (id % 64);
	}
	return 0;
}

uint32_t lm_crit_trained_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (s->n_prefer == 0)
		return LM_NEUTRAL;
	const uint64_t *have = lm_person_trained(s->cohort, pair->mentor);
	uint32_t n = 0;
	for (uint32_t w = 0; w < s->cohort->training_words; w++)
		n += lm_popcount64(have[w] & s->prefer_trained[w]);
	return (uint32_t)((uint64_t)n * LM_UNIT / s->n_prefer);
}
