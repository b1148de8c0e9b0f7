/* The fused pair step (scorer_fast.h). The raw scores come from the
 * helpers the criteria table uses too (criteria.h); the filters and the
 * way the parts are put together mirror lm_scorer_feasible and
 * lm_scorer_score, and tests/test_scorer_fast.c compares them pair by pair. */
#include <string.h>
#include "score/scorer_fast.h"

#define BIT(c) (1u << (c))

/* Mentors' features, one cache line each: what the fused step reads. */
struct lm_mentor_feat {
	uint64_t offers; /* first word of the offers (goal_words == 1 is fused) */
	uint64_t lang;   /* languages at min_level, first word (lang_words == 1) */
	lm_score fixed;  /* the contributions that depend on the mentor only */
	int32_t region, origin, stage;
	int16_t arrival_year, birth_year;
	uint8_t modes, consent, gender, pref_gender, pref_gender_hard, pref_origin;
	uint8_t has_avail, has_languages, has_offers;
	uint8_t adult; /* passes the seniority filter's age rule */
	uint8_t unused[10];
};

G_STATIC_ASSERT(sizeof(struct lm_mentor_feat) == LM_FEAT_BYTES);

static inline lm_score part(const lm_scorer *s, unsigned c, uint32_t raw)
{
	return (s->weight[c] * (lm_score)raw + LM_UNIT / 2) / LM_UNIT;
}

static inline gboolean weighted(const lm_scorer *s, unsigned c)
{
	return s->weight[c] > 0;
}

static inline gboolean required(const lm_scorer *s, unsigned c)
{
	return (s->required & BIT(c)) != 0;
}

static gboolean active(const lm_scorer *s, unsigned c)
{
	return weighted(s, c) || required(s, c);
}

/* The contribution of every availability overlap (0..LM_AVAIL_WORDS * 64
 * common slots) and of each age gap under max_age_gap, so that the pair step
 * divides by no variable. */
static void bind_tables(lm_scorer *s)
{
	uint32_t min = s->p->availability.min_slots, full = s->p->availability.full_slots;

	s->avail_part = g_new(lm_score, LM_AVAIL_WORDS * 64 + 1);
	for (uint32_t n = 0; n <= LM_AVAIL_WORDS * 64; n++) {
		uint32_t raw = n <= min ? 0 : n >= full ? LM_UNIT
				: (uint32_t)((uint64_t)(n - min) * LM_UNIT / (full - min));

		s->avail_part[n] = part(s, LM_CRIT_AVAILABILITY, raw);
	}
	uint32_t max = (uint32_t)s->p->stage.max_age_gap;

	s->age_raw = g_new(uint32_t, max + 1);
	for (uint32_t gap = 0; gap <= max; gap++)
		s->age_raw[gap] = gap >= max ? 0 : (uint32_t)((uint64_t)(max - gap) * LM_UNIT / max);
}

void lm_scorer_fast_bind(lm_scorer *s)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = c->count[LM_ROLE_MENTOR];

	/* Level reads the mentor's taught ranges and the mentee's levels:
	 * rare (tutoring), left to the table. So are goal sets or language
	 * sets wider than one word. */
	s->fast_table_filters = required(s, LM_CRIT_LEVEL) ? BIT(LM_CRIT_LEVEL) : 0;
	s->fast_table_scores = weighted(s, LM_CRIT_LEVEL) ? BIT(LM_CRIT_LEVEL) : 0;
	if (c->goal_words > 1 && weighted(s, LM_CRIT_GOALS))
		s->fast_table_scores |= BIT(LM_CRIT_GOALS);
	if (active(s, LM_CRIT_LANGUAGE) && s->lang_words > 1) {
		s->fast_table_filters |= s->required & BIT(LM_CRIT_LANGUAGE);
		s->fast_table_scores |= weighted(s, LM_CRIT_LANGUAGE) ? BIT(LM_CRIT_LANGUAGE) : 0;
	}
	bind_tables(s);
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
	s->has_popcnt = __builtin_cpu_supports("popcnt");
#endif
	/* The scan's rows when it has them: the same layout and values. */
	s->fast_avail = s->scan_avail;
	if (!s->fast_avail)
		s->fast_avail = s->fast_avail_own = g_new0(uint64_t, (size_t)MAX(n, 1u) * LM_AVAIL_WORDS);
	s->feat = g_aligned_alloc0(MAX(n, 1u), sizeof(lm_mentor_feat), LM_FEAT_BYTES);
	for (uint32_t m = 0; m < n; m++) {
		const lm_person *p = lm_cohort_mentor(c, m);
		lm_mentor_feat *f = &s->feat[m];
		lm_pair_ref ref = { NULL, p, 0, m };

		if (p->has_avail && s->fast_avail_own)
			memcpy(s->fast_avail_own + (size_t)m * LM_AVAIL_WORDS, p->avail, sizeof p->avail);
		f->offers = lm_person_offers(c, p)[0];
		f->lang = s->lang_ok[LM_ROLE_MENTOR] ? s->lang_ok[LM_ROLE_MENTOR][(size_t)m * s->lang_words]
						     : 0;
		f->fixed = weighted(s, LM_CRIT_TRAINED)
				   ? part(s, LM_CRIT_TRAINED, lm_crit_trained_score(s, &ref))
				   : 0;
		f->region = p->region;
		f->origin = p->origin;
		f->stage = p->stage;
		f->arrival_year = p->arrival_year;
		f->birth_year = p->birth_year;
		f->modes = p->modes;
		f->consent = p->consent;
		f->gender = p->gender;
		f->pref_gender = p->pref_gender;
		f->pref_gender_hard = p->pref_gender && p->pref_gender_required;
		f->pref_origin = p->pref_origin;
		f->has_avail = p->has_avail;
		f->has_languages = p->has_languages;
		f->has_offers = p->has_offers;
		f->adult = p->birth_year == 0 ||
			   c->as_of_year - p->birth_year >= s->p->seniority.adult_age;
	}
}

void lm_scorer_fast_free(lm_scorer *s)
{
	g_aligned_free(s->feat);
	g_free(s->fast_avail_own);
	g_free(s->avail_part);
	g_free(s->age_raw);
}

void lm_scorer_row_begin(const lm_scorer *s, uint32_t mentee, lm_scorer_row *row)
{
	const lm_cohort *c = s->cohort;
	const lm_person *a = lm_cohort_mentee(c, mentee);
	lm_pair_ref ref = { a, NULL, mentee, 0 };

	row->s = s;
	row->pair = ref;
	row->fixed = 0;
	row->table_filters = s->fast_table_filters;
	row->table_scores = s->fast_table_scores;
	row->lang = s->lang_ok[LM_ROLE_MENTEE] && s->lang_words == 1
			    ? s->lang_ok[LM_ROLE_MENTEE][mentee]
			    : 0;
	if (weighted(s, LM_CRIT_WAITING))
		row->fixed += part(s, LM_CRIT_WAITING, lm_crit_waiting_score(s, &ref));
	/* Explicit choices are rare: the table looks them up. */
	if (a->choices.len) {
		row->table_filters |= s->required & BIT(LM_CRIT_CHOICE);
		row->table_scores |= weighted(s, LM_CRIT_CHOICE) ? BIT(LM_CRIT_CHOICE) : 0;
	} else if (weighted(s, LM_CRIT_CHOICE)) {
		row->fixed += part(s, LM_CRIT_CHOICE, LM_NEUTRAL);
	}
	row->n_goals = a->goals.len;
	if (!weighted(s, LM_CRIT_GOALS) || (row->table_scores & BIT(LM_CRIT_GOALS)))
		return;
	if (row->n_goals > LM_FAST_GOALS) {
		row->table_scores |= BIT(LM_CRIT_GOALS);
		return;
	}
	/* The goal at position p of n weighs n - p (lm_crit_goals_score). */
	uint32_t n = row->n_goals, total = n * (n + 1) / 2;
	const uint16_t *goal = c->goal_pool + a->goals.off;

	for (uint32_t p = 0; p < n; p++)
		row->goal_bit[p] = (uint8_t)goal[p];
	for (uint32_t got = 0; n && got <= total; got++)
		row->goal_part[got] =
			part(s, LM_CRIT_GOALS, (uint32_t)((uint64_t)got * LM_UNIT / total));
}

#define SCORER_PAIR_BODY(POPCOUNT)                                                            \
	const lm_scorer *s = row->s;                                                          \
	const lm_cohort *c = s->cohort;                                                       \
	const lm_person *a = row->pair.mentee;                                                \
	const lm_mentor_feat *b = &s->feat[mentor];                                           \
	uint32_t req = s->required;                                                           \
	uint32_t region_raw = 0;                                                              \
	uint32_t common = 0;                                                                  \
                                                                                              \
	if ((req & BIT(LM_CRIT_CONSENT)) && !(a->consent == 1 && b->consent == 1))            \
		return FALSE;                                                                 \
	if ((req & BIT(LM_CRIT_SENIORITY)) &&                                                 \
	    ((a->arrival_year != 0 && b->arrival_year != 0 &&                                 \
	      b->arrival_year > a->arrival_year - s->p->seniority.min_years) ||               \
	     !b->adult))                                                                      \
		return FALSE;                                                                 \
	if ((req & BIT(LM_CRIT_LANGUAGE)) && !(s->fast_table_filters & BIT(LM_CRIT_LANGUAGE)) && \
	    a->has_languages && b->has_languages && !(row->lang & b->lang))                   \
		return FALSE;                                                                 \
	if ((req & BIT(LM_CRIT_GENDER)) &&                                                    \
	    ((a->pref_gender && a->pref_gender_required && b->gender != a->pref_gender) ||    \
	     (b->pref_gender_hard && a->gender != b->pref_gender)))                          \
		return FALSE;                                                                 \
	if ((req & BIT(LM_CRIT_ORIGIN)) && a->origin >= 0 && b->origin >= 0 &&                \
	    a->origin == b->origin &&                                                         \
	    (a->pref_origin == LM_ORIGIN_AVOID_SAME || b->pref_origin == LM_ORIGIN_AVOID_SAME)) \
		return FALSE;                                                                 \
	if ((req & BIT(LM_CRIT_EXCLUDE)) && lm_span_has(c, a->veto, mentor))                  \
		return FALSE;                                                                 \
	if (a->has_avail && b->has_avail) {                                                   \
		const uint64_t *x = a->avail, *y = s->fast_avail + (size_t)mentor * LM_AVAIL_WORDS; \
		common = POPCOUNT(x[0] & y[0]) + POPCOUNT(x[1] & y[1]) + POPCOUNT(x[2] & y[2]) + \
			 POPCOUNT(x[3] & y[3]) + POPCOUNT(x[4] & y[4]) + POPCOUNT(x[5] & y[5]); \
		if ((req & BIT(LM_CRIT_AVAILABILITY)) && !(scanned && s->scan_avail) &&       \
		    common < s->p->availability.min_slots)                                    \
			return FALSE;                                                         \
	}                                                                                     \
	if (active(s, LM_CRIT_REGION)) {                                                      \
		gboolean meet = lm_region_eval(s, a->modes, a->region, b->modes, b->region,   \
					       &region_raw);                                  \
		if ((req & BIT(LM_CRIT_REGION)) && !(scanned && s->scan_modes) && !meet)      \
			return FALSE;                                                         \
	}                                                                                     \
	if (row->table_filters) {                                                             \
		lm_pair_ref ref = row->pair;                                                  \
		ref.mentor = lm_cohort_mentor(c, mentor);                                     \
		ref.mentor_ix = mentor;                                                       \
		for (uint32_t f = row->table_filters; f; f &= f - 1)                          \
			if (!lm_criteria[__builtin_ctz(f)].filter(s, &ref))                   \
				return FALSE;                                                 \
	}                                                                                     \
                                                                                              \
	lm_score total = row->fixed + b->fixed;                                               \
	if (weighted(s, LM_CRIT_GOALS) && !(row->table_scores & BIT(LM_CRIT_GOALS))) {        \
		if (row->n_goals == 0 || !b->has_offers) {                                    \
			total += part(s, LM_CRIT_GOALS, LM_NEUTRAL);                          \
		} else {                                                                      \
			uint32_t got = 0, n = row->n_goals;                                   \
			for (uint32_t p = 0; p < n; p++)                                      \
				got += (n - p) & (uint32_t)-(uint32_t)((b->offers >> row->goal_bit[p]) & 1); \
			total += row->goal_part[got];                                         \
		}                                                                             \
	}                                                                                     \
	if (weighted(s, LM_CRIT_AVAILABILITY))                                                \
		total += a->has_avail && b->has_avail                                         \
				 ? s->avail_part[common]                                      \
				 : part(s, LM_CRIT_AVAILABILITY, LM_NEUTRAL);                 \
	if (weighted(s, LM_CRIT_REGION))                                                      \
		total += part(s, LM_CRIT_REGION, region_raw);                                 \
	if (weighted(s, LM_CRIT_STAGE))                                                       \
		total += part(s, LM_CRIT_STAGE,                                               \
			      lm_stage_raw(s, a->stage, a->birth_year, b->stage, b->birth_year)); \
	if (weighted(s, LM_CRIT_SENIORITY))                                                   \
		total += part(s, LM_CRIT_SENIORITY,                                           \
			      lm_seniority_raw(s, a->arrival_year, b->arrival_year));            \
	if (weighted(s, LM_CRIT_LANGUAGE) && !(s->fast_table_scores & BIT(LM_CRIT_LANGUAGE))) \
		total += part(s, LM_CRIT_LANGUAGE,                                            \
			      !a->has_languages || !b->has_languages ? LM_NEUTRAL             \
			      : POPCOUNT(row->lang & b->lang) >= 2   ? LM_UNIT                \
								     : 0);                    \
	if (weighted(s, LM_CRIT_CONTINUITY) &&                                                \
	    (lm_span_has(c, a->good_previous, mentor) || lm_span_has(c, a->current, mentor))) \
		total += part(s, LM_CRIT_CONTINUITY, LM_UNIT);                                \
	if (weighted(s, LM_CRIT_GENDER)) {                                                    \
		gboolean hard_on = (req & BIT(LM_CRIT_GENDER)) != 0;                          \
		total += part(s, LM_CRIT_GENDER,                                              \
			      lm_both_sides(lm_gender_verdict(hard_on, a->pref_gender,              \
							a->pref_gender_required, b->gender),  \
					 lm_gender_verdict(hard_on, b->pref_gender,              \
							b->pref_gender_hard, a->gender)));    \
	}                                                                                     \
	if (weighted(s, LM_CRIT_ORIGIN)) {                                                    \
		gboolean avoid = !(req & BIT(LM_CRIT_ORIGIN));                                \
		total += part(s, LM_CRIT_ORIGIN,                                              \
			      lm_both_sides(lm_origin_verdict(avoid, a->origin, a->pref_origin,     \
							b->origin),                           \
					 lm_origin_verdict(avoid, b->origin, b->pref_origin,     \
							a->origin)));                         \
	}                                                                                     \
	if (row->table_scores) {                                                              \
		lm_pair_ref ref = row->pair;                                                  \
		ref.mentor = lm_cohort_mentor(c, mentor);                                     \
		ref.mentor_ix = mentor;                                                       \
		for (uint32_t f = row->table_scores; f; f &= f - 1) {                         \
			unsigned k = (unsigned)__builtin_ctz(f);                              \
			total += part(s, k, lm_criteria[k].score(s, &ref));                   \
		}                                                                             \
	}                                                                                     \
	*score = total;                                                                       \
	return TRUE;

static gboolean pair_generic(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
			     lm_score *score)
{
	SCORER_PAIR_BODY(lm_popcount64)
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
/* The default x86-64 target has no POPCNT instruction: a copy built for it
 * is chosen at run time, as in scorer_scan.c. */
#define POPCNT64(x) ((uint32_t)__builtin_popcountll(x))
__attribute__((target("popcnt"))) static gboolean
pair_popcnt(const lm_scorer_row *row, uint32_t mentor, gboolean scanned, lm_score *score)
{
	SCORER_PAIR_BODY(POPCNT64)
}

gboolean lm_scorer_pair(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
			lm_score *score)
{
	if (row->s->has_popcnt)
		return pair_popcnt(row, mentor, scanned, score);
	return pair_generic(row, mentor, scanned, score);
}
#else
gboolean lm_scorer_pair(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
			lm_score *score)
{
	return pair_generic(row, mentor, scanned, score);
}
#endif
