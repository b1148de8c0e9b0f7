/* Criteria about what the mentor can give the mentee: goals against
 * offers, a shared language, and the taught language's level fit.
 * Formulas: docs/criteria.md. */
#include "score/criteria.h"

uint32_t lm_crit_goals_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;
	uint32_t n = a->goals.len;
	if (n == 0 || !b->has_offers)
		return LM_NEUTRAL;
	/* The goal at position p of n weighs n - p: the first goal counts most. */
	const uint16_t *goal = s->cohort->goal_pool + a->goals.off;
	const uint64_t *offers = lm_person_offers(s->cohort, b);
	uint64_t got = 0, total = (uint64_t)n * (n + 1) / 2;
	for (uint32_t p = 0; p < n; p++) {
		if ((offers[goal[p] / 64] >> (goal[p] % 64)) & 1)
			got += n - p;
	}
	return (uint32_t)(got * LM_UNIT / total);
}

void lm_crit_language_reset(lm_model_params *p)
{
	p->language.min_level = 3;
}

gboolean lm_crit_language_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
				lm_model *m)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, "min_level");
	if (!item)
		return TRUE;
	g_autofree char *at = lm_json_path_key(path, "min_level");
	int level;
	if (!lm_model_json_int(doc, item, at, 1, LM_LEVEL_MAX, &level))
		return FALSE;
	m->p.language.min_level = (uint32_t)level;
	return TRUE;
}

/* Per person, the set of languages spoken at min_level or better, so the
 * pair test is an AND and a popcount. */
int lm_crit_language_bind(lm_scorer *s, lm_error **err)
{
	const lm_cohort *c = s->cohort;
	s->lang_words = MAX(1u, (c->n_languages + 63) / 64);
	for (int role = 0; role < 2; role++) {
		s->lang_ok[role] = g_new0(uint64_t, (gsize)c->count[role] * s->lang_words + 1);
		for (uint32_t i = 0; i < c->count[role]; i++) {
			const lm_person *p = &c->people[role][i];
			uint64_t *bits = s->lang_ok[role] + (size_t)i * s->lang_words;
			if (!p->has_languages)
				continue;
			for (uint32_t l = 0; l < c->n_languages; l++) {
				if (lm_person_level(c, p, l) >= s->p->language.min_level)
					bits[l / 64] |= UINT64_C(1) << (l % 64);
			}
		}
	}
	return 0;
}

/* How many languages both speak at min_level or better. */
static uint32_t shared_languages(const lm_scorer *s, const lm_pair_ref *pair)
{
	const uint64_t *a = s->lang_ok[LM_ROLE_MENTEE] + (size_t)pair->mentee_ix * s->lang_words;
	const uint64_t *b = s->lang_ok[LM_ROLE_MENTOR] + (size_t)pair->mentor_ix * s->lang_words;
	uint32_t n = 0;
	for (uint32_t w = 0; w < s->lang_words; w++)
		n += lm_popcount64(a[w] & b[w]);
	return n;
}

gboolean lm_crit_language_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (!pair->mentee->has_languages || !pair->mentor->has_languages)
		return TRUE;
	return shared_languages(s, pair) >= 1;
}

uint32_t lm_crit_language_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (!pair->mentee->has_languages || !pair->mentor->has_languages)
		return LM_NEUTRAL;
	return shared_languages(s, pair) >= 2 ? LM_UNIT : 0;
}

/* The best fit of the mentee's level in any language the mentor teaches:
 * inside the preferred range 1, one level outside 1/2, else 0. */
static uint32_t level_fit(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_cohort *c = s->cohort;
	const lm_person *a = pair->mentee, *b = pair->mentor;
	uint32_t best = 0;
	for (uint32_t i = 0; i < b->teaches.len && best < LM_UNIT; i++) {
		const lm_teach *t = &c->teach_pool[b->teaches.off + i];
		unsigned level = lm_person_level(c, a, t->language);
		unsigned away = level < t->lo ? t->lo - level : level > t->hi ? level - t->hi : 0;
		uint32_t fit = away == 0 ? LM_UNIT : away == 1 ? LM_UNIT / 2 : 0;
		best = MAX(best, fit);
	}
	return best;
}

gboolean lm_crit_level_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (pair->mentor->teaches.len == 0 || !pair->mentee->has_languages)
		return TRUE;
	return level_fit(s, pair) == LM_UNIT;
}

uint32_t lm_crit_level_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (pair->mentor->teaches.len == 0 || !pair->mentee->has_languages)
		return LM_NEUTRAL;
	return level_fit(s, pair);
}
