/* Criteria about the two people themselves: consent, exclusions, gender,
 * origin, life stage and training. Formulas: docs/criteria.md. */
#include <stdlib.h>
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

/* Whether `asker`'s gender request is hard in this model. */
static gboolean gender_request_hard(const lm_scorer *s, const lm_person *asker)
{
	return asker->pref_gender != 0 && asker->pref_gender_required &&
	       (s->required & (1u << LM_CRIT_GENDER));
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

/* -1 when `asker` has no soft request about `other` or it cannot be judged,
 * else 1 if met and 0 if not. */
static int gender_soft(const lm_scorer *s, const lm_person *asker, const lm_person *other)
{
	if (asker->pref_gender == 0 || gender_request_hard(s, asker) || other->gender == 0)
		return -1;
	return other->gender == asker->pref_gender;
}

/* Averages two per-side verdicts (-1 = no opinion) into a raw score. */
static uint32_t both_sides(int a, int b)
{
	if (a < 0 && b < 0)
		return LM_NEUTRAL;
	if (a < 0 || b < 0)
		return (a < 0 ? b : a) ? LM_UNIT : 0;
	return (uint32_t)(a + b) * (LM_UNIT / 2);
}

uint32_t lm_crit_gender_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	return both_sides(gender_soft(s, pair->mentee, pair->mentor),
			  gender_soft(s, pair->mentor, pair->mentee));
}

gboolean lm_crit_origin_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;
	if (a->origin < 0 || b->origin < 0 || a->origin != b->origin)
		return TRUE;
	return a->pref_origin != LM_ORIGIN_AVOID_SAME && b->pref_origin != LM_ORIGIN_AVOID_SAME;
}

/* A side's origin wish as a verdict; "avoid_same" counts only when the
 * filter is off (otherwise every feasible pair meets it). */
static int origin_soft(const lm_scorer *s, const lm_person *asker, const lm_person *other)
{
	if (asker->origin < 0 || other->origin < 0)
		return -1;
	gboolean same = asker->origin == other->origin;
	if (asker->pref_origin == LM_ORIGIN_PREFER_SAME)
		return same;
	if (asker->pref_origin == LM_ORIGIN_AVOID_SAME && !(s->required & (1u << LM_CRIT_ORIGIN)))
		return !same;
	return -1;
}

uint32_t lm_crit_origin_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	return both_sides(origin_soft(s, pair->mentee, pair->mentor),
			  origin_soft(s, pair->mentor, pair->mentee));
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
	uint32_t stage = LM_NEUTRAL, age = LM_NEUTRAL;
	if (a->stage >= 0 && b->stage >= 0)
		stage = a->stage == b->stage ? LM_UNIT : 0;
	if (a->birth_year != 0 && b->birth_year != 0) {
		uint32_t gap = (uint32_t)abs(a->birth_year - b->birth_year);
		uint32_t max = (uint32_t)s->p->stage.max_age_gap;
		age = gap >= max ? 0 : (uint32_t)((uint64_t)(max - gap) * LM_UNIT / max);
	}
	return (stage + age) / 2;
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
