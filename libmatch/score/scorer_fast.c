/* The fused pair step (scorer_fast.h). The raw scores come from the
 * helpers the criteria table uses too (criteria.h); the filters and the
 * way the parts are put together mirror lm_scorer_feasible and
 * lm_scorer_score, and tests/test_scorer_fast.c compares them pair by pair. */
#include <string.h>
#include "core/vocab.h"
#include "score/scorer_fast.h"

#define BIT(c) (1u << (c))

/* The contribution of every availability overlap (0..LM_AVAIL_WORDS * 64
 * common slots), of each stage verdict and age gap, of each arrival gap
 * that seniority tells apart, and of each criterion at LM_NEUTRAL and
 * LM_UNIT, so that the pair step looks up instead of dividing. */
static void bind_tables(lm_scorer *s)
{
	uint32_t min = s->p->availability.min_slots, full = s->p->availability.full_slots;

	s->avail_part = g_new(lm_score, LM_AVAIL_WORDS * 64 + 1);
	for (uint32_t n = 0; n <= LM_AVAIL_WORDS * 64; n++) {
		uint32_t raw = n <= min ? 0 : n >= full ? LM_UNIT
				: (uint32_t)((uint64_t)(n - min) * LM_UNIT / (full - min));

		s->avail_part[n] = lm_part(s, LM_CRIT_AVAILABILITY, raw);
	}
	uint32_t max = (uint32_t)s->p->stage.max_age_gap;

	s->age_raw = g_new(uint32_t, max + 1);
	for (uint32_t gap = 0; gap <= max; gap++)
		s->age_raw[gap] = gap >= max ? 0 : (uint32_t)((uint64_t)(max - gap) * LM_UNIT / max);
	s->stage_part = g_new(lm_score, 3 * (max + 2));
	for (uint32_t v = 0; v < 3; v++)
		for (uint32_t ix = 0; ix <= max + 1; ix++)
			s->stage_part[v * (max + 2) + ix] =
				lm_part(s, LM_CRIT_STAGE, lm_stage_raw_at(s, v, ix));
	/* Below ideal_lo every gap scores 0, and from ideal_hi + the decay on. */
	s->sen_lo = s->p->seniority.ideal_lo - 1;
	s->sen_hi = s->p->seniority.ideal_hi + LM_SENIORITY_DECAY_YEARS;
	s->sen_part = g_new(lm_score, (size_t)(s->sen_hi - s->sen_lo + 1));
	for (int32_t gap = s->sen_lo; gap <= s->sen_hi; gap++)
		s->sen_part[gap - s->sen_lo] =
			lm_part(s, LM_CRIT_SENIORITY, lm_seniority_gap_raw(s, gap));
	for (unsigned c = 0; c < LM_CRIT_COUNT; c++) {
		s->fast_neutral[c] = lm_part(s, c, LM_NEUTRAL);
		s->fast_full[c] = lm_part(s, c, LM_UNIT);
	}
}

void lm_scorer_fast_bind(lm_scorer *s)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = c->count[LM_ROLE_MENTOR];

	/* Level reads the mentor's taught ranges and the mentee's levels:
	 * rare (tutoring), left to the table. So are goal sets or language
	 * sets wider than one word. */
	s->fast_table_filters = lm_required(s, LM_CRIT_LEVEL) ? BIT(LM_CRIT_LEVEL) : 0;
	s->fast_table_scores = lm_weighted(s, LM_CRIT_LEVEL) ? BIT(LM_CRIT_LEVEL) : 0;
	if (c->goal_words > 1 && lm_weighted(s, LM_CRIT_GOALS))
		s->fast_table_scores |= BIT(LM_CRIT_GOALS);
	if (lm_active(s, LM_CRIT_LANGUAGE) && s->lang_words > 1) {
		s->fast_table_filters |= s->required & BIT(LM_CRIT_LANGUAGE);
		s->fast_table_scores |= lm_weighted(s, LM_CRIT_LANGUAGE) ? BIT(LM_CRIT_LANGUAGE) : 0;
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
	uint32_t kinds_per_mode = lm_vocab_size(c->regions) + 1;

	s->fast_kinds = kinds_per_mode * 4 <= LM_FAST_KINDS ? kinds_per_mode * 4 : 0;
	for (uint32_t m = 0; m < n; m++) {
		const lm_person *p = lm_cohort_mentor(c, m);
		lm_mentor_feat *f = &s->feat[m];
		lm_pair_ref ref = { NULL, p, 0, m };

		if (p->has_avail && s->fast_avail_own)
			memcpy(s->fast_avail_own + (size_t)m * LM_AVAIL_WORDS, p->avail, sizeof p->avail);
		f->offers = lm_person_offers(c, p)[0];
		f->lang = s->lang_ok[LM_ROLE_MENTOR] ? s->lang_ok[LM_ROLE_MENTOR][(size_t)m * s->lang_words]
						     : 0;
		f->fixed = lm_weighted(s, LM_CRIT_TRAINED)
				   ? lm_part(s, LM_CRIT_TRAINED, lm_crit_trained_score(s, &ref))
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
		f->kind = (uint16_t)(p->modes * kinds_per_mode + (uint32_t)(p->region + 1));
	}
	lm_scorer_vec_bind(s);
}

void lm_scorer_fast_free(lm_scorer *s)
{
	g_aligned_free(s->feat);
	g_free(s->fast_avail_own);
	g_free(s->avail_part);
	g_free(s->age_raw);
	g_free(s->stage_part);
	g_free(s->sen_part);
}

/* The goal at position p of n weighs n - p (lm_crit_goals_score): the
 * contribution for every number of points got. */
static void goal_tables(const lm_scorer *s, const lm_person *a, lm_scorer_row *row)
{
	uint32_t n = row->n_goals, total = n * (n + 1) / 2;
	const uint16_t *goal = s->cohort->goal_pool + a->goals.off;

	for (uint32_t p = 0; p < n; p++)
		row->goal_bit[p] = (uint8_t)goal[p];
	for (uint32_t got = 0; n && got <= total; got++)
		row->goal_part[got] =
			lm_part(s, LM_CRIT_GOALS, (uint32_t)((uint64_t)got * LM_UNIT / total));
	for (uint32_t got = n ? total + 1 : 0; got < 16; got++)
		row->goal_part[got] = 0; /* never got, but loaded */
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
	if (lm_weighted(s, LM_CRIT_WAITING))
		row->fixed += lm_part(s, LM_CRIT_WAITING, lm_crit_waiting_score(s, &ref));
	/* Explicit choices are rare: the table looks them up. */
	if (a->choices.len) {
		row->table_filters |= s->required & BIT(LM_CRIT_CHOICE);
		row->table_scores |= lm_weighted(s, LM_CRIT_CHOICE) ? BIT(LM_CRIT_CHOICE) : 0;
	} else if (lm_weighted(s, LM_CRIT_CHOICE)) {
		row->fixed += lm_part(s, LM_CRIT_CHOICE, LM_NEUTRAL);
	}
	/* Every kind of mentor's region verdict and contribution once a row. */
	if (s->fast_kinds && lm_active(s, LM_CRIT_REGION)) {
		uint32_t per_mode = s->fast_kinds / 4;

		for (uint32_t k = 0; k < s->fast_kinds; k++) {
			uint32_t raw;

			row->region_ok[k] = (uint8_t)lm_region_eval(s, a->modes, a->region,
								    (uint8_t)(k / per_mode),
								    (int32_t)(k % per_mode) - 1, &raw);
			row->region_part[k] = lm_weighted(s, LM_CRIT_REGION)
						      ? lm_part(s, LM_CRIT_REGION, raw)
						      : 0;
		}
	}
	row->n_goals = a->goals.len;
	if (lm_weighted(s, LM_CRIT_GOALS) && !(row->table_scores & BIT(LM_CRIT_GOALS))) {
		if (row->n_goals > LM_FAST_GOALS)
			row->table_scores |= BIT(LM_CRIT_GOALS);
		else
			goal_tables(s, a, row);
	}
	/* The most pair_minor can add: its own criteria and the table's. */
	uint32_t minor = BIT(LM_CRIT_STAGE) | BIT(LM_CRIT_SENIORITY) | BIT(LM_CRIT_LANGUAGE) |
			 BIT(LM_CRIT_CONTINUITY) | BIT(LM_CRIT_GENDER) | BIT(LM_CRIT_ORIGIN) |
			 row->table_scores;

	row->minor_max = 0;
	for (unsigned k = 0; k < LM_CRIT_COUNT; k++)
		if ((minor & BIT(k)) && lm_weighted(s, k))
			row->minor_max += s->fast_full[k];
	lm_scorer_vec_row_begin(s, row);
}

/* hw: the caller is compiled for the POPCNT instruction, which the builtin
 * then becomes. */
static inline __attribute__((always_inline)) uint32_t popcount_as(uint64_t x, gboolean hw)
{
	return hw ? (uint32_t)__builtin_popcountll(x) : lm_popcount64(x);
}

/* What both the filters and the score of a pair read: the common slots
 * (given by the scan, or counted) and the region verdict and contribution. */
typedef struct {
	const lm_person *a;
	const lm_mentor_feat *b;
	uint32_t common;
	gboolean meet;
	lm_score region_part;
} pair_inputs;

static inline __attribute__((always_inline)) void
pair_prepare(const lm_scorer_row *row, uint32_t mentor, int32_t known, gboolean hw,
	     pair_inputs *in)
{
	const lm_scorer *s = row->s;
	const lm_person *a = row->pair.mentee;
	const lm_mentor_feat *b = &s->feat[mentor];

	in->a = a;
	in->b = b;
	in->common = 0;
	in->meet = TRUE;
	in->region_part = 0;
	if (a->has_avail && b->has_avail) {
		const uint64_t *x = a->avail, *y = s->fast_avail + (size_t)mentor * LM_AVAIL_WORDS;

		if (known >= 0) {
			in->common = (uint32_t)known;
		} else {
			for (int w = 0; w < LM_AVAIL_WORDS; w++)
				in->common += popcount_as(x[w] & y[w], hw);
		}
	}
	if (!lm_active(s, LM_CRIT_REGION))
		return;
	if (s->fast_kinds) {
		in->meet = row->region_ok[b->kind];
		in->region_part = row->region_part[b->kind];
	} else {
		uint32_t raw;

		in->meet = lm_region_eval(s, a->modes, a->region, b->modes, b->region, &raw);
		in->region_part = lm_part(s, LM_CRIT_REGION, raw);
	}
}

/* Whether the pair passes every hard filter (lm_scorer_feasible). */
static inline __attribute__((always_inline)) gboolean
pair_feasible(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
	      const pair_inputs *in)
{
	const lm_scorer *s = row->s;
	const lm_cohort *c = s->cohort;
	const lm_person *a = in->a;
	const lm_mentor_feat *b = in->b;
	uint32_t req = s->required;

	if ((req & BIT(LM_CRIT_CONSENT)) && !(a->consent == 1 && b->consent == 1))
		return FALSE;
	if ((req & BIT(LM_CRIT_SENIORITY)) &&
	    ((a->arrival_year != 0 && b->arrival_year != 0 &&
	      b->arrival_year > a->arrival_year - s->p->seniority.min_years) ||
	     !b->adult))
		return FALSE;
	if ((req & BIT(LM_CRIT_LANGUAGE)) && !(s->fast_table_filters & BIT(LM_CRIT_LANGUAGE)) &&
	    a->has_languages && b->has_languages && !(row->lang & b->lang))
		return FALSE;
	if ((req & BIT(LM_CRIT_GENDER)) &&
	    ((a->pref_gender && a->pref_gender_required && b->gender != a->pref_gender) ||
	     (b->pref_gender_hard && a->gender != b->pref_gender)))
		return FALSE;
	if ((req & BIT(LM_CRIT_ORIGIN)) && a->origin >= 0 && b->origin >= 0 &&
	    a->origin == b->origin &&
	    (a->pref_origin == LM_ORIGIN_AVOID_SAME || b->pref_origin == LM_ORIGIN_AVOID_SAME))
		return FALSE;
	if ((req & BIT(LM_CRIT_EXCLUDE)) && lm_span_has(c, a->veto, mentor))
		return FALSE;
	if ((req & BIT(LM_CRIT_AVAILABILITY)) && !(scanned && s->scan_avail) && a->has_avail &&
	    b->has_avail && in->common < s->p->availability.min_slots)
		return FALSE;
	if ((req & BIT(LM_CRIT_REGION)) && !(scanned && s->scan_modes) && !in->meet)
		return FALSE;
	if (row->table_filters) {
		lm_pair_ref ref = row->pair;

		ref.mentor = lm_cohort_mentor(c, mentor);
		ref.mentor_ix = mentor;
		for (uint32_t f = row->table_filters; f; f &= f - 1)
			if (!lm_criteria[__builtin_ctz(f)].filter(s, &ref))
				return FALSE;
	}
	return TRUE;
}

/* The pair's score (lm_scorer_score), feasible or not, in two parts. The
 * major part: what weighs most in the presets and needs no more than a
 * lookup (goals, availability, region, the fixed parts). */
static inline __attribute__((always_inline)) lm_score
pair_major(const lm_scorer_row *row, const pair_inputs *in)
{
	const lm_scorer *s = row->s;
	const lm_person *a = in->a;
	const lm_mentor_feat *b = in->b;
	lm_score total = row->fixed + b->fixed + in->region_part; /* 0 without a weight */

	if (lm_weighted(s, LM_CRIT_GOALS) && !(row->table_scores & BIT(LM_CRIT_GOALS))) {
		if (row->n_goals == 0 || !b->has_offers) {
			total += s->fast_neutral[LM_CRIT_GOALS];
		} else {
			uint32_t got = 0, n = row->n_goals;

			for (uint32_t p = 0; p < n; p++)
				got += (n - p) & (uint32_t)-(uint32_t)((b->offers >> row->goal_bit[p]) & 1);
			total += row->goal_part[got];
		}
	}
	if (lm_weighted(s, LM_CRIT_AVAILABILITY))
		total += a->has_avail && b->has_avail ? s->avail_part[in->common]
						      : s->fast_neutral[LM_CRIT_AVAILABILITY];
	return total;
}

/* The rest, at most row->minor_max. */
static inline __attribute__((always_inline)) lm_score
pair_minor(const lm_scorer_row *row, uint32_t mentor, const pair_inputs *in, gboolean hw)
{
	const lm_scorer *s = row->s;
	const lm_cohort *c = s->cohort;
	const lm_person *a = in->a;
	const lm_mentor_feat *b = in->b;
	lm_score total = 0;

	if (lm_weighted(s, LM_CRIT_STAGE))
		total += s->stage_part[lm_stage_verdict(a->stage, b->stage) *
					       ((uint32_t)s->p->stage.max_age_gap + 2) +
				       lm_age_index(s, a->birth_year, b->birth_year)];
	if (lm_weighted(s, LM_CRIT_SENIORITY))
		total += a->arrival_year == 0 || b->arrival_year == 0
				 ? s->fast_neutral[LM_CRIT_SENIORITY]
				 : s->sen_part[CLAMP(a->arrival_year - b->arrival_year,
						     s->sen_lo, s->sen_hi) - s->sen_lo];
	if (lm_weighted(s, LM_CRIT_LANGUAGE) && !(s->fast_table_scores & BIT(LM_CRIT_LANGUAGE)))
		total += !a->has_languages || !b->has_languages ? s->fast_neutral[LM_CRIT_LANGUAGE]
			 : popcount_as(row->lang & b->lang, hw) >= 2 ? s->fast_full[LM_CRIT_LANGUAGE]
								      : 0;
	if (lm_weighted(s, LM_CRIT_CONTINUITY) &&
	    (lm_span_has(c, a->good_previous, mentor) || lm_span_has(c, a->current, mentor)))
		total += s->fast_full[LM_CRIT_CONTINUITY];
	if (lm_weighted(s, LM_CRIT_GENDER)) {
		gboolean hard_on = (s->required & BIT(LM_CRIT_GENDER)) != 0;

		total += lm_part(s, LM_CRIT_GENDER,
			      lm_both_sides(lm_gender_verdict(hard_on, a->pref_gender,
							      a->pref_gender_required, b->gender),
					    lm_gender_verdict(hard_on, b->pref_gender,
							      b->pref_gender_hard, a->gender)));
	}
	if (lm_weighted(s, LM_CRIT_ORIGIN)) {
		gboolean avoid = !(s->required & BIT(LM_CRIT_ORIGIN));

		total += lm_part(s, LM_CRIT_ORIGIN,
			      lm_both_sides(lm_origin_verdict(avoid, a->origin, a->pref_origin,
							      b->origin),
					    lm_origin_verdict(avoid, b->origin, b->pref_origin,
							      a->origin)));
	}
	if (row->table_scores) {
		lm_pair_ref ref = row->pair;

		ref.mentor = lm_cohort_mentor(c, mentor);
		ref.mentor_ix = mentor;
		for (uint32_t f = row->table_scores; f; f &= f - 1) {
			unsigned k = (unsigned)__builtin_ctz(f);

			total += lm_part(s, k, lm_criteria[k].score(s, &ref));
		}
	}
	return total;
}

/* One pair (the pair step's contract, scorer_fast.h). With a floor the
 * score comes first (every criterion scores any pair, feasible or not):
 * most pairs a bounded heap would turn away stop there without the
 * filters. Inlined into one copy per kind of popcount. */
static inline __attribute__((always_inline)) gboolean
pair_body(const lm_scorer_row *row, uint32_t mentor, gboolean scanned, int32_t known,
	  lm_score floor, lm_score *score, gboolean hw)
{
	pair_inputs in;

	pair_prepare(row, mentor, known, hw, &in);
	if (floor == INT64_MIN) {
		if (!pair_feasible(row, mentor, scanned, &in))
			return FALSE;
		*score = pair_major(row, &in) + pair_minor(row, mentor, &in, hw);
		return TRUE;
	}
	lm_score major = pair_major(row, &in);

	if (major + row->minor_max < floor)
		return FALSE;
	*score = major + pair_minor(row, mentor, &in, hw);
	return *score >= floor && pair_feasible(row, mentor, scanned, &in);
}

static gboolean pair_generic(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
			     int32_t known, lm_score floor, lm_score *score)
{
	return pair_body(row, mentor, scanned, known, floor, score, FALSE);
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
/* The default x86-64 target has no POPCNT instruction: a copy built for it
 * is chosen at run time, as in scorer_scan.c. */
__attribute__((target("popcnt"))) static gboolean
pair_popcnt(const lm_scorer_row *row, uint32_t mentor, gboolean scanned, int32_t known,
	    lm_score floor, lm_score *score)
{
	return pair_body(row, mentor, scanned, known, floor, score, TRUE);
}

static inline gboolean pair_any(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
				int32_t known, lm_score floor, lm_score *score)
{
	if (row->s->has_popcnt)
		return pair_popcnt(row, mentor, scanned, known, floor, score);
	return pair_generic(row, mentor, scanned, known, floor, score);
}
#else
static inline gboolean pair_any(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
				int32_t known, lm_score floor, lm_score *score)
{
	return pair_generic(row, mentor, scanned, known, floor, score);
}
#endif

gboolean lm_scorer_pair(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
			lm_score *score)
{
	return pair_any(row, mentor, scanned, -1, INT64_MIN, score);
}


/* lm_scorer_pairs_at_least's loop, with the pair step inlined: a call per
 * pair cost about a sixth of the build's instructions. */
static inline __attribute__((always_inline)) uint32_t
pairs_body(const lm_scorer_row *row, const uint32_t *mentors, const uint16_t *counts,
	   uint32_t n, lm_score row_floor, const lm_score *col_floor, uint32_t *out,
	   lm_score *out_score, gboolean hw)
{
	uint32_t kept = 0;

	for (uint32_t i = 0; i < n; i++) {
		uint32_t m = mentors[i];
		lm_score floor = col_floor ? MIN(row_floor, col_floor[m]) : row_floor;

		if (i + LM_PREFETCH_AHEAD < n) {
			if (counts)
				lm_scorer_prefetch_features(row->s, mentors[i + LM_PREFETCH_AHEAD]);
			else
				lm_scorer_prefetch(row->s, mentors[i + LM_PREFETCH_AHEAD]);
		}
		if (pair_body(row, m, TRUE, counts ? counts[i] : -1, floor, &out_score[kept], hw))
			out[kept++] = m;
	}
	return kept;
}

static uint32_t pairs_generic(const lm_scorer_row *row, const uint32_t *mentors,
			      const uint16_t *counts, uint32_t n, lm_score row_floor,
			      const lm_score *col_floor, uint32_t *out, lm_score *out_score)
{
	return pairs_body(row, mentors, counts, n, row_floor, col_floor, out, out_score, FALSE);
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
__attribute__((target("popcnt"))) static uint32_t
pairs_popcnt(const lm_scorer_row *row, const uint32_t *mentors, const uint16_t *counts,
	     uint32_t n, lm_score row_floor, const lm_score *col_floor, uint32_t *out,
	     lm_score *out_score)
{
	return pairs_body(row, mentors, counts, n, row_floor, col_floor, out, out_score, TRUE);
}
#endif

uint32_t lm_scorer_pairs_at_least(const lm_scorer_row *row, const uint32_t *mentors,
				  const uint16_t *counts, uint32_t n, lm_score row_floor,
				  const lm_score *col_floor, uint32_t *out, lm_score *out_score)
{
	if (row->vec && (counts || !row->pair.mentee->has_avail ||
			 !lm_weighted(row->s, LM_CRIT_AVAILABILITY)))
		return lm_scorer_vec_pairs(row, mentors, counts, n, row_floor, col_floor, out,
					   out_score);
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
	if (row->s->has_popcnt)
		return pairs_popcnt(row, mentors, counts, n, row_floor, col_floor, out, out_score);
#endif
	return pairs_generic(row, mentors, counts, n, row_floor, col_floor, out, out_score);
}
