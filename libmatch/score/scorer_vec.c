/* The pair step eight mentors at a time (AVX-512). The scalar step
 * (scorer_fast.c) spends about 90 instructions on a pair's score, most of
 * them branches on the two people's fields whose outcome is a coin toss;
 * here each criterion is a few vector operations over eight lanes and one
 * table lookup (a gather), with the mentee's side folded into the tables
 * once a row. The answers are exactly those of the scalar step:
 * tests/test_scorer_fast.c runs both on every batch.
 *
 * The step serves the rows whose criteria it covers: everything the
 * scalar step computes itself, and the mentee's choices, vetoes and pairs
 * to continue when they name at most LM_VEC_LISTED mentors (each named
 * mentor is one comparison per eight lanes), on CPUs with AVX-512F, VL,
 * DQ, BW and VPOPCNTDQ. Other rows take the scalar step. */
#include <stddef.h>
#include "score/scorer_fast.h"

#define BIT(c) (1u << (c))

/* feat->vec: the mentor's small features in one word. */
enum {
	VEC_KIND_MASK = 0xff,       /* kind (lm_scorer.fast_kinds <= 256) */
	VEC_GENDER_SHIFT = 8,       /* gender | requested << 2 | hard << 4 */
	VEC_PREF_ORIGIN_SHIFT = 13, /* LM_ORIGIN_* (2 bits) */
	VEC_CONSENT = 1 << 16,
	VEC_ADULT = 1 << 17,
	VEC_HAS_AVAIL = 1 << 18,
	VEC_HAS_LANGUAGES = 1 << 19,
	VEC_HAS_OFFERS = 1 << 20,
};

/* row->vec_parts: what the step computes for the row. */
enum {
	LM_VEC_REGION = 1 << 0,
	LM_VEC_GOALS = 1 << 1,
	LM_VEC_AVAIL = 1 << 2,
	LM_VEC_STAGE = 1 << 3,
	LM_VEC_SENIORITY = 1 << 4,
	LM_VEC_SENIORITY_FILTER = 1 << 5,
	LM_VEC_LANGUAGE = 1 << 6,
	LM_VEC_LANGUAGE_FILTER = 1 << 7,
	LM_VEC_GENDER = 1 << 8,
	LM_VEC_GENDER_FILTER = 1 << 9,
	LM_VEC_ORIGIN = 1 << 10,
	LM_VEC_ORIGIN_FILTER = 1 << 11,
	LM_VEC_CONSENT_FILTER = 1 << 12,
	LM_VEC_NAMED = 1 << 13,         /* row->listed applies */
	LM_VEC_CHOSEN_ONLY = 1 << 14,   /* only chosen mentors pass */
};

static uint32_t gender_class(uint8_t gender, uint8_t requested, uint8_t hard)
{
	return gender | (uint32_t)requested << 2 | (uint32_t)(hard != 0) << 4;
}

/* Seniority's table has at most 32 entries: the step keeps it in registers. */
static inline gboolean sen_small(const lm_scorer *s)
{
	return s->sen_hi - s->sen_lo < 32;
}

/* The CPU check is made once a scorer, not once a row. */
static gboolean cpu_has_vec(void)
{
#if defined(__GNUC__) && defined(__x86_64__) && !defined(LM_NO_AVX512)
	return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
	       __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
	       __builtin_cpu_supports("avx512vpopcntdq");
#else
	return FALSE;
#endif
}

void lm_scorer_vec_bind(lm_scorer *s)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = c->count[LM_ROLE_MENTOR];

	s->vec_ok = cpu_has_vec() && !s->fast_table_filters && !s->fast_table_scores &&
		    (s->fast_kinds || !lm_active(s, LM_CRIT_REGION));
	for (int32_t i = 0; sen_small(s) && i < 32; i++)
		s->vec_sen_part[i] = i <= s->sen_hi - s->sen_lo ? s->sen_part[i] : 0;
	for (uint32_t m = 0; m < n; m++) {
		lm_mentor_feat *f = &s->feat[m];

		/* The classes pack into their bits only for the fixed
		 * vocabularies' values (cohort_private.h). */
		if (f->gender > LM_GENDER_UNDISCLOSED || f->pref_gender > LM_GENDER_UNDISCLOSED ||
		    f->pref_origin > LM_ORIGIN_PREFER_SAME || f->origin > INT16_MAX ||
		    f->stage > INT16_MAX || f->fixed > INT32_MAX)
			s->vec_ok = FALSE;
		f->vec_misc = (uint64_t)(uint16_t)f->origin | (uint64_t)(uint16_t)f->stage << 16 |
			      (uint64_t)(uint32_t)f->fixed << 32;
		f->vec = (s->fast_kinds ? f->kind & VEC_KIND_MASK : 0) |
			 gender_class(f->gender & 3, f->pref_gender & 3, f->pref_gender_hard)
				 << VEC_GENDER_SHIFT |
			 (uint32_t)(f->pref_origin & 3) << VEC_PREF_ORIGIN_SHIFT |
			 (f->consent == 1 ? VEC_CONSENT : 0) | (f->adult ? VEC_ADULT : 0) |
			 (f->has_avail ? VEC_HAS_AVAIL : 0) |
			 (f->has_languages ? VEC_HAS_LANGUAGES : 0) |
			 (f->has_offers ? VEC_HAS_OFFERS : 0);
	}
}

/* The gender criterion against every class of mentor. */
static void gender_tables(const lm_scorer *s, const lm_person *a, lm_scorer_row *row)
{
	gboolean hard_on = lm_required(s, LM_CRIT_GENDER);

	row->gender_ok = 0;
	for (uint32_t g = 0; g < 4; g++)
		for (uint32_t want = 0; want < 4; want++)
			for (uint32_t hard = 0; hard < 2; hard++) {
				uint32_t cls = gender_class((uint8_t)g, (uint8_t)want, (uint8_t)hard);
				/* lm_scorer_row's pair_feasible and pair_minor on gender */
				gboolean ok = !((a->pref_gender && a->pref_gender_required &&
						 g != a->pref_gender) ||
						(hard && a->gender != want));
				uint32_t raw = lm_both_sides(
					lm_gender_verdict(hard_on, a->pref_gender,
							  a->pref_gender_required, (uint8_t)g),
					lm_gender_verdict(hard_on, (uint8_t)want, (uint8_t)hard,
							  a->gender));

				row->gender_ok |= (uint32_t)ok << cls;
				row->gender_part[cls] = lm_weighted(s, LM_CRIT_GENDER)
								? lm_part(s, LM_CRIT_GENDER, raw)
								: 0;
			}
}

/* The origin criterion against every class of mentor: 4 * (0 either
 * origin unknown, 1 the same, 2 another) + the mentor's wish. */
static void origin_tables(const lm_scorer *s, const lm_person *a, lm_scorer_row *row)
{
	gboolean avoid = !lm_required(s, LM_CRIT_ORIGIN);

	row->origin_ok = 0;
	for (uint32_t rel = 0; rel < 3; rel++)
		for (uint32_t wish = 0; wish < 4; wish++) {
			uint32_t cls = rel * 4 + wish;
			/* a mentor's origin in that relation to the mentee's */
			int32_t other = rel == 0 ? -1 : rel == 1 ? a->origin : a->origin + 1;
			int32_t own = rel == 0 ? -1 : a->origin;
			gboolean ok = !(rel == 1 && (a->pref_origin == LM_ORIGIN_AVOID_SAME ||
						     wish == LM_ORIGIN_AVOID_SAME));
			uint32_t raw = lm_both_sides(
				lm_origin_verdict(avoid, own, a->pref_origin, other),
				lm_origin_verdict(avoid, other, (uint8_t)wish, own));

			row->origin_ok |= (uint32_t)ok << cls;
			row->origin_part[cls] =
				lm_weighted(s, LM_CRIT_ORIGIN) ? lm_part(s, LM_CRIT_ORIGIN, raw) : 0;
		}
}

/* Adds the mentors of span to row->listed once each; FALSE when they do
 * not fit. */
static gboolean list_span(const lm_scorer *s, lm_span span, lm_scorer_row *row)
{
	const uint32_t *refs = lm_span_refs(s->cohort, span);

	for (uint32_t i = 0; i < span.len; i++) {
		uint32_t j = 0;

		while (j < row->n_listed && row->listed[j] != refs[i])
			j++;
		if (j < row->n_listed)
			continue;
		if (row->n_listed == LM_VEC_LISTED)
			return FALSE;
		row->listed[row->n_listed++] = refs[i];
	}
	return TRUE;
}

/* The mentors the mentee names, and what the choice, exclude and
 * continuity criteria say of each (the table's own functions); every
 * other mentor is neither chosen, vetoed nor continued. FALSE when they
 * are too many for the step. */
static gboolean named_mentors(const lm_scorer *s, lm_scorer_row *row, uint32_t *parts)
{
	const lm_person *a = row->pair.mentee;
	gboolean choice = (row->table_scores | row->table_filters) & BIT(LM_CRIT_CHOICE);
	gboolean veto = lm_required(s, LM_CRIT_EXCLUDE);
	gboolean continuity = lm_weighted(s, LM_CRIT_CONTINUITY);

	row->n_listed = 0;
	row->listed_veto = row->listed_chosen = 0;
	if ((choice && !list_span(s, a->choices, row)) || (veto && !list_span(s, a->veto, row)) ||
	    (continuity &&
	     (!list_span(s, a->good_previous, row) || !list_span(s, a->current, row))))
		return FALSE;
	for (uint32_t j = 0; j < row->n_listed; j++) {
		lm_pair_ref ref = row->pair;

		ref.mentor_ix = row->listed[j];
		ref.mentor = lm_cohort_mentor(s->cohort, ref.mentor_ix);
		row->listed_part[j] = 0;
		if (row->table_scores & BIT(LM_CRIT_CHOICE))
			row->listed_part[j] += lm_part(s, LM_CRIT_CHOICE, lm_crit_choice_score(s, &ref));
		if (continuity)
			row->listed_part[j] +=
				lm_part(s, LM_CRIT_CONTINUITY, lm_crit_continuity_score(s, &ref));
		if (veto && !lm_crit_exclude_filter(s, &ref))
			row->listed_veto |= BIT(j);
		if (choice && lm_crit_choice_filter(s, &ref))
			row->listed_chosen |= BIT(j);
	}
	if (row->n_listed)
		*parts |= LM_VEC_NAMED;
	if (row->table_filters & BIT(LM_CRIT_CHOICE))
		*parts |= LM_VEC_CHOSEN_ONLY;
	return TRUE;
}

void lm_scorer_vec_row_begin(const lm_scorer *s, lm_scorer_row *row)
{
	const lm_person *a = row->pair.mentee;
	uint32_t req = s->required, parts = 0;
	lm_score base = row->fixed;

	/* The table's criteria a row may add are the mentee's choices only. */
	row->vec = s->vec_ok && !(row->table_filters & ~BIT(LM_CRIT_CHOICE)) &&
		   !(row->table_scores & ~BIT(LM_CRIT_CHOICE)) &&
		   a->gender <= LM_GENDER_UNDISCLOSED && named_mentors(s, row, &parts);
	if (!row->vec)
		return;
	row->vec_none = (req & BIT(LM_CRIT_CONSENT)) && a->consent != 1;
	if (req & BIT(LM_CRIT_CONSENT))
		parts |= LM_VEC_CONSENT_FILTER;
	if (lm_active(s, LM_CRIT_REGION))
		parts |= LM_VEC_REGION;
	if (lm_weighted(s, LM_CRIT_GOALS)) {
		if (row->n_goals)
			parts |= LM_VEC_GOALS;
		else
			base += s->fast_neutral[LM_CRIT_GOALS];
	}
	if (lm_weighted(s, LM_CRIT_AVAILABILITY)) {
		if (a->has_avail)
			parts |= LM_VEC_AVAIL;
		else
			base += s->fast_neutral[LM_CRIT_AVAILABILITY];
	}
	if (lm_weighted(s, LM_CRIT_STAGE))
		parts |= LM_VEC_STAGE;
	if (lm_weighted(s, LM_CRIT_SENIORITY)) {
		if (a->arrival_year)
			parts |= LM_VEC_SENIORITY;
		else
			base += s->fast_neutral[LM_CRIT_SENIORITY];
	}
	if (req & BIT(LM_CRIT_SENIORITY))
		parts |= LM_VEC_SENIORITY_FILTER;
	if (lm_weighted(s, LM_CRIT_LANGUAGE)) {
		if (a->has_languages)
			parts |= LM_VEC_LANGUAGE;
		else
			base += s->fast_neutral[LM_CRIT_LANGUAGE];
	}
	if ((req & BIT(LM_CRIT_LANGUAGE)) && a->has_languages)
		parts |= LM_VEC_LANGUAGE_FILTER;
	if (lm_weighted(s, LM_CRIT_GENDER))
		parts |= LM_VEC_GENDER;
	if (req & BIT(LM_CRIT_GENDER))
		parts |= LM_VEC_GENDER_FILTER;
	if (parts & (LM_VEC_GENDER | LM_VEC_GENDER_FILTER))
		gender_tables(s, a, row);
	if (lm_weighted(s, LM_CRIT_ORIGIN))
		parts |= LM_VEC_ORIGIN;
	if (req & BIT(LM_CRIT_ORIGIN))
		parts |= LM_VEC_ORIGIN_FILTER;
	if (parts & (LM_VEC_ORIGIN | LM_VEC_ORIGIN_FILTER))
		origin_tables(s, a, row);
	row->vec_parts = parts;
	row->vec_base = base;
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(LM_NO_AVX512)
#include <immintrin.h>

#define VEC_TARGET __attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx512vpopcntdq")))

/* Gathers the 64-bit word at offset off of the eight mentors' features
 * (at: each mentor's index times 8, features being 64 bytes), and eight
 * entries of a table of lm_score. */
#define FEAT64(at, off) _mm512_i32gather_epi64(at, (const void *)(feat + (off)), 8)
#define TABLE(idx, table) _mm512_i32gather_epi64(idx, (const void *)(table), 8)

/* 16 and 32 entries of a table in registers: one or two permutes where
 * a gather from memory takes about 13 cycles here. */
typedef struct {
	__m512i t[4];
} table32;

/* The first entries of t, when used (else zeros, and t is not read). */
VEC_TARGET static inline table32 table_load(gboolean used, const lm_score *t, int entries)
{
	table32 r;

	for (int i = 0; i < 4; i++)
		r.t[i] = used && i * 8 < entries ? _mm512_loadu_si512(t + i * 8)
						 : _mm512_setzero_si512();
	return r;
}

VEC_TARGET static inline __m512i lookup16(const table32 *t, __m256i idx)
{
	return _mm512_permutex2var_epi64(t->t[0], _mm512_cvtepu32_epi64(idx), t->t[1]);
}

VEC_TARGET static inline __m512i lookup32(const table32 *t, __m256i idx)
{
	__m512i i64 = _mm512_cvtepu32_epi64(idx);

	return _mm512_mask_blend_epi64(_mm512_test_epi64_mask(i64, _mm512_set1_epi64(16)),
				       _mm512_permutex2var_epi64(t->t[0], i64, t->t[1]),
				       _mm512_permutex2var_epi64(t->t[2], i64, t->t[3]));
}

/* The low and high halves of eight 64-bit lanes. */
VEC_TARGET static inline __m256i low32(__m512i x)
{
	return _mm512_cvtepi64_epi32(x);
}

VEC_TARGET static inline __m256i high32(__m512i x)
{
	return _mm512_cvtepi64_epi32(_mm512_srli_epi64(x, 32));
}

/* Every lane set to x. */
VEC_TARGET static inline __m256i v32(int32_t x)
{
	return _mm256_set1_epi32(x);
}

VEC_TARGET static inline __m512i v64(int64_t x)
{
	return _mm512_set1_epi64(x);
}

/* Lanes whose bit of a 32-bit class mask is set. */
VEC_TARGET static inline __mmask8 class_ok(uint32_t mask, __m256i cls)
{
	return _mm256_test_epi32_mask(_mm256_srlv_epi32(v32((int32_t)mask), cls), v32(1));
}

VEC_TARGET static uint32_t vec_pairs(const lm_scorer_row *row, const uint32_t *mentors,
				     const uint16_t *counts, uint32_t n, lm_score row_floor,
				     const lm_score *col_floor, uint32_t *out, lm_score *out_score)
{
	const lm_scorer *s = row->s;
	const lm_person *a = row->pair.mentee;
	const char *feat = (const char *)s->feat;
	uint32_t parts = row->vec_parts, kept = 0;
	const __m256i one = v32(1);
	const __m512i row_lang = v64((long long)row->lang);
	uint32_t max_gap = (uint32_t)s->p->stage.max_age_gap;
	/* goal counts up to 15 when the mentee names at most five goals */
	gboolean goals_small = row->n_goals * (row->n_goals + 1) / 2 < 16;
	gboolean sen_in_regs = sen_small(s);
	table32 gender_tab = table_load(parts & LM_VEC_GENDER, row->gender_part, 32);
	table32 origin_tab = table_load(parts & LM_VEC_ORIGIN, row->origin_part, 16);
	table32 goal_tab = table_load((parts & LM_VEC_GOALS) && goals_small, row->goal_part, 16);
	table32 sen_tab =
		table_load((parts & LM_VEC_SENIORITY) && sen_in_regs, s->vec_sen_part, 32);

	for (uint32_t i = 0; i < n; i += 8) {
		__mmask8 lanes = n - i >= 8 ? 0xff : (__mmask8)((1u << (n - i)) - 1), fail = 0;
		/* Lanes past n read mentor 0, and are dropped at the end. */
		__m256i m = _mm256_maskz_loadu_epi32(lanes, mentors + i);
		__m256i at = _mm256_slli_epi32(m, 3);
		__m512i years_vec = FEAT64(at, offsetof(lm_mentor_feat, arrival_year));
		__m256i w = high32(years_vec);
		/* origin and stage (16 bits each, signed) and the fixed part */
		__m512i misc = FEAT64(at, offsetof(lm_mentor_feat, vec_misc));
		__m512i total = _mm512_add_epi64(v64(row->vec_base),
						 _mm512_srli_epi64(misc, 32));
		__m256i origin_stage = low32(misc);

		if (parts & LM_VEC_CONSENT_FILTER)
			fail |= _mm256_testn_epi32_mask(w, v32(VEC_CONSENT));
		if (parts & LM_VEC_REGION)
			total = _mm512_add_epi64(
				total, TABLE(_mm256_and_si256(w, v32(VEC_KIND_MASK)),
					     row->region_part));
		if (parts & LM_VEC_GOALS) {
			__m512i offers = FEAT64(at, offsetof(lm_mentor_feat, offers));
			__m512i got = _mm512_setzero_si512();
			__mmask8 none = _mm256_testn_epi32_mask(w, v32(VEC_HAS_OFFERS));

			/* the goal at position p weighs n - p (lm_crit_goals_score) */
			for (uint32_t p = 0; p < row->n_goals; p++) {
				__m512i bit = v64((long long)(UINT64_C(1) << row->goal_bit[p]));

				got = _mm512_mask_add_epi64(got, _mm512_test_epi64_mask(offers, bit), got,
							    v64(row->n_goals - p));
			}
			__m512i part = goals_small ? lookup16(&goal_tab, low32(got))
						   : TABLE(low32(got), row->goal_part);

			total = _mm512_add_epi64(
				total, _mm512_mask_blend_epi64(
					       none, part, v64(s->fast_neutral[LM_CRIT_GOALS])));
		}
		if (parts & LM_VEC_AVAIL) {
			__m256i common =
				_mm256_cvtepu16_epi32(_mm_maskz_loadu_epi16(lanes, counts + i));
			__mmask8 none = _mm256_testn_epi32_mask(w, v32(VEC_HAS_AVAIL));

			total = _mm512_add_epi64(
				total, _mm512_mask_blend_epi64(
					       none, TABLE(common, s->avail_part),
					       v64(s->fast_neutral[LM_CRIT_AVAILABILITY])));
		}
		if (parts & (LM_VEC_STAGE | LM_VEC_SENIORITY | LM_VEC_SENIORITY_FILTER)) {
			__m256i years = low32(years_vec);
			__m256i arrival = _mm256_srai_epi32(_mm256_slli_epi32(years, 16), 16);
			__m256i zero = _mm256_setzero_si256();
			__mmask8 unknown = _mm256_cmpeq_epi32_mask(arrival, zero);

			if (parts & LM_VEC_STAGE) {
				/* lm_stage_verdict and lm_age_index */
				__m256i stage = _mm256_srai_epi32(origin_stage, 16);
				__m256i birth = _mm256_srai_epi32(years, 16);
				__m256i unknown_age = v32((int)max_gap + 1);
				__m256i verdict = v32(2);
				__m256i age = _mm256_sub_epi32(birth, v32(a->birth_year));

				age = _mm256_min_epi32(_mm256_abs_epi32(age), v32((int)max_gap));
				verdict = _mm256_mask_mov_epi32(
					verdict, _mm256_cmpeq_epi32_mask(stage, v32(a->stage)), one);
				if (a->stage < 0)
					verdict = zero;
				verdict = _mm256_mask_mov_epi32(
					verdict, _mm256_cmplt_epi32_mask(stage, zero), zero);
				if (a->birth_year == 0)
					age = unknown_age;
				age = _mm256_mask_mov_epi32(age, _mm256_cmpeq_epi32_mask(birth, zero),
							    unknown_age);

				__m256i ix = _mm256_mullo_epi32(verdict, v32((int)max_gap + 2));

				total = _mm512_add_epi64(
					total, TABLE(_mm256_add_epi32(ix, age), s->stage_part));
			}
			if (parts & LM_VEC_SENIORITY) {
				__m256i gap = _mm256_sub_epi32(v32(a->arrival_year), arrival);
				__m256i ix = _mm256_sub_epi32(
					_mm256_min_epi32(_mm256_max_epi32(gap, v32(s->sen_lo)),
							 v32(s->sen_hi)),
					v32(s->sen_lo));
				__m512i part = sen_in_regs ? lookup32(&sen_tab, ix)
							   : TABLE(ix, s->sen_part);

				total = _mm512_add_epi64(
					total, _mm512_mask_blend_epi64(
						       unknown, part,
						       v64(s->fast_neutral[LM_CRIT_SENIORITY])));
			}
			if (parts & LM_VEC_SENIORITY_FILTER) {
				fail |= _mm256_testn_epi32_mask(w, v32(VEC_ADULT));
				if (a->arrival_year != 0)
					fail |= (__mmask8)~unknown &
						_mm256_cmpgt_epi32_mask(
							arrival,
							v32(a->arrival_year - s->p->seniority.min_years));
			}
		}
		if (parts & (LM_VEC_LANGUAGE | LM_VEC_LANGUAGE_FILTER)) {
			__m512i lang = FEAT64(at, offsetof(lm_mentor_feat, lang));
			__m512i both = _mm512_and_si512(lang, row_lang);
			__mmask8 has = _mm256_test_epi32_mask(w, v32(VEC_HAS_LANGUAGES));

			if (parts & LM_VEC_LANGUAGE) {
				/* two languages in common score in full */
				__mmask8 two = _mm512_cmpge_epu64_mask(_mm512_popcnt_epi64(both), v64(2));
				__m512i full = v64(s->fast_full[LM_CRIT_LANGUAGE]);

				total = _mm512_add_epi64(
					total, _mm512_mask_blend_epi64(
						       has, v64(s->fast_neutral[LM_CRIT_LANGUAGE]),
						       _mm512_maskz_mov_epi64(two, full)));
			}
			if (parts & LM_VEC_LANGUAGE_FILTER)
				fail |= has & _mm512_testn_epi64_mask(both, both);
		}
		if (parts & (LM_VEC_GENDER | LM_VEC_GENDER_FILTER)) {
			__m256i cls = _mm256_and_si256(_mm256_srli_epi32(w, VEC_GENDER_SHIFT),
						       v32(LM_VEC_GENDER_CLASSES - 1));

			if (parts & LM_VEC_GENDER)
				total = _mm512_add_epi64(total, lookup32(&gender_tab, cls));
			if (parts & LM_VEC_GENDER_FILTER)
				fail |= (__mmask8)~class_ok(row->gender_ok, cls);
		}
		if (parts & (LM_VEC_ORIGIN | LM_VEC_ORIGIN_FILTER)) {
			__m256i origin = _mm256_srai_epi32(_mm256_slli_epi32(origin_stage, 16), 16);
			__m256i rel = v32(2);

			rel = _mm256_mask_mov_epi32(
				rel, _mm256_cmpeq_epi32_mask(origin, v32(a->origin)), one);
			rel = _mm256_mask_mov_epi32(
				rel, _mm256_cmplt_epi32_mask(origin, _mm256_setzero_si256()),
				_mm256_setzero_si256());
			if (a->origin < 0)
				rel = _mm256_setzero_si256();
			__m256i cls = _mm256_add_epi32(
				_mm256_slli_epi32(rel, 2),
				_mm256_and_si256(_mm256_srli_epi32(w, VEC_PREF_ORIGIN_SHIFT),
						 v32(3)));

			if (parts & LM_VEC_ORIGIN)
				total = _mm512_add_epi64(total, lookup16(&origin_tab, cls));
			if (parts & LM_VEC_ORIGIN_FILTER)
				fail |= (__mmask8)~class_ok(row->origin_ok, cls);
		}
		if (parts & (LM_VEC_NAMED | LM_VEC_CHOSEN_ONLY)) {
			__mmask8 chosen = 0;

			for (uint32_t j = 0; j < row->n_listed; j++) {
				__mmask8 is = _mm256_cmpeq_epi32_mask(m, v32((int32_t)row->listed[j]));

				total = _mm512_mask_add_epi64(total, is, total,
							      v64(row->listed_part[j]));
				if (row->listed_veto & BIT(j))
					fail |= is;
				if (row->listed_chosen & BIT(j))
					chosen |= is;
			}
			if (parts & LM_VEC_CHOSEN_ONLY)
				fail |= (__mmask8)~chosen;
		}
		__m512i floor = v64(row_floor);

		/* Below no floor, a column's own cannot lower it: no gather. */
		if (col_floor && row_floor != INT64_MIN)
			floor = _mm512_min_epi64(floor, TABLE(m, col_floor));
		__mmask8 keep = lanes & (__mmask8)~fail & _mm512_cmpge_epi64_mask(total, floor);
		/* Packed in registers and stored under a mask of the first
		 * lanes: never past out + n, and cheap where a compressing
		 * store to memory is not. */
		__mmask8 first = (__mmask8)((1u << __builtin_popcount(keep)) - 1);

		_mm256_mask_storeu_epi32(out + kept, first, _mm256_maskz_compress_epi32(keep, m));
		_mm512_mask_storeu_epi64(out_score + kept, first,
					 _mm512_maskz_compress_epi64(keep, total));
		kept += (uint32_t)__builtin_popcount(keep);
	}
	return kept;
}

uint32_t lm_scorer_vec_pairs(const lm_scorer_row *row, const uint32_t *mentors,
			     const uint16_t *counts, uint32_t n, lm_score row_floor,
			     const lm_score *col_floor, uint32_t *out, lm_score *out_score)
{
	if (row->vec_none)
		return 0;
	return vec_pairs(row, mentors, counts, n, row_floor, col_floor, out, out_score);
}
#else
uint32_t lm_scorer_vec_pairs(const lm_scorer_row *row, const uint32_t *mentors,
			     const uint16_t *counts, uint32_t n, lm_score row_floor,
			     const lm_score *col_floor, uint32_t *out, lm_score *out_score)
{
	/* Never called: cpu_has_vec() is FALSE on such builds. */
	(void)row, (void)mentors, (void)counts, (void)n, (void)row_floor, (void)col_floor;
	(void)out, (void)out_score;
	return 0;
}
#endif
