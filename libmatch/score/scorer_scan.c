/* Scanning one mentee against every mentor: the availability filter
 * (too few common hours), which rules out about 80% of pairs and is tried
 * first, evaluated on mentors' availability packed contiguously, without a
 * call per pair. It answers exactly as lm_crit_availability_filter does
 * (criteria_time.c): a pair where either side gave no availability passes;
 * otherwise the common half-hour slots must reach min_slots. Being exact,
 * lm_scorer_feasible_scanned need not run that filter again. */
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif
#include <string.h>
#include "core/vocab.h"
#include "score/criteria.h"

/* The region columns, and the filters the scan leaves to
 * lm_scorer_feasible_scanned. */
static void bind_regions(lm_scorer *s)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = c->count[LM_ROLE_MENTOR];

	if (s->required & (1u << LM_CRIT_REGION)) {
		s->scan_modes = g_new(uint8_t, MAX(n, 1u));
		s->scan_region = g_new(int32_t, MAX(n, 1u));
		for (uint32_t m = 0; m < n; m++) {
			s->scan_modes[m] = lm_cohort_mentor(c, m)->modes;
			s->scan_region[m] = lm_cohort_mentor(c, m)->region;
		}
		/* A mentor's kind: modes * LM_SCAN_REGIONS + region + 1. */
		if (lm_vocab_size(c->regions) < LM_SCAN_REGIONS) {
			s->scan_class = g_new(uint16_t, MAX(n, 1u));
			for (uint32_t m = 0; m < n; m++)
				s->scan_class[m] = (uint16_t)(s->scan_modes[m] * LM_SCAN_REGIONS +
							      (uint32_t)(s->scan_region[m] + 1));
		}
	}
	s->n_rest = 0;
	for (uint32_t i = 0; i < s->n_filters; i++)
		if ((s->filters[i] != LM_CRIT_AVAILABILITY || !s->scan_avail) &&
		    (s->filters[i] != LM_CRIT_REGION || !s->scan_modes))
			s->rest[s->n_rest++] = s->filters[i];
}

/* Mentors' availability packed for the scan, by rows (LM_AVAIL_WORDS a
 * mentor, and whether each gave none) and by columns for vector scans
 * (word w of mentor i at cols + w * stride, stride a multiple of 8, zero
 * padded; none as bits). Positions are mentor indices for the whole
 * cohort, positions in the set for an lm_scan_set. */
typedef struct {
	const uint64_t *rows;
	const uint8_t *none;
	const uint64_t *cols;
	const uint8_t *none_bits;
	size_t stride;
} packed;

struct lm_scan_set {
	uint32_t *mentors;
	uint32_t n;
	uint64_t *rows, *cols;
	uint8_t *none, *none_bits;
	size_t stride;
};

static void pack_columns(const uint64_t *rows, const uint8_t *none, uint32_t n, uint64_t **cols,
			 uint8_t **none_bits, size_t *stride)
{
	*stride = ((size_t)n + 7) / 8 * 8;
	*cols = g_new0(uint64_t, MAX(*stride, 8) * LM_AVAIL_WORDS);
	*none_bits = g_new0(uint8_t, MAX(*stride / 8, 1));
	for (uint32_t m = 0; m < n; m++) {
		for (int w = 0; w < LM_AVAIL_WORDS; w++)
			(*cols)[w * *stride + m] = rows[(size_t)m * LM_AVAIL_WORDS + w];
		(*none_bits)[m / 8] |= (uint8_t)(none[m] << (m % 8));
	}
}

void lm_scorer_scan_bind(lm_scorer *s)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = c->count[LM_ROLE_MENTOR];

	if (!(s->required & (1u << LM_CRIT_AVAILABILITY))) {
		bind_regions(s);
		return;
	}
	s->scan_avail = g_new(uint64_t, (size_t)MAX(n, 1u) * LM_AVAIL_WORDS);
	s->scan_none = g_new(uint8_t, MAX(n, 1u));
	for (uint32_t m = 0; m < n; m++) {
		const lm_person *p = lm_cohort_mentor(c, m);
		uint64_t *row = s->scan_avail + (size_t)m * LM_AVAIL_WORDS;

		for (int w = 0; w < LM_AVAIL_WORDS; w++)
			row[w] = p->has_avail ? p->avail[w] : 0;
		s->scan_none[m] = !p->has_avail;
	}
	pack_columns(s->scan_avail, s->scan_none, n, &s->scan_cols, &s->scan_none_bits,
		     &s->scan_stride);
	bind_regions(s);
}

/* Common slots of a mentee and a packed mentor row. The generic version
 * sums per-byte bit counts of all six words before one horizontal add (as
 * criteria_time.c does); on x86-64 a copy compiled for the POPCNT
 * instruction is chosen at run time, since the default target lacks it. */
#define SCAN_BODY(POPCOUNT)                                                                 \
	for (uint32_t m = first; m < last; m++, row += LM_AVAIL_WORDS) {                     \
		uint32_t common = POPCOUNT(a, row);                                             \
		out[n] = m;                                                                     \
		if (counts)                                                                     \
			counts[n] = (uint16_t)common;                                           \
		/* A mentor without availability passes. */                                   \
		n += common >= need || none[m];                                                 \
	}

static inline uint32_t common_generic(const uint64_t *a, const uint64_t *b)
{
	const uint64_t m1 = UINT64_C(0x5555555555555555), m2 = UINT64_C(0x3333333333333333);
	const uint64_t m4 = UINT64_C(0x0f0f0f0f0f0f0f0f), m8 = UINT64_C(0x00ff00ff00ff00ff);
	uint64_t bytes = 0;

	for (int w = 0; w < LM_AVAIL_WORDS; w++) {
		uint64_t x = a[w] & b[w];

		x -= (x >> 1) & m1;
		x = (x & m2) + ((x >> 2) & m2);
		bytes += (x + (x >> 4)) & m4;
	}
	uint64_t lanes = (bytes & m8) + ((bytes >> 8) & m8);

	return (uint32_t)((lanes * UINT64_C(0x0001000100010001)) >> 48);
}

static uint32_t scan_generic(const uint64_t *a, const uint64_t *row, const uint8_t *none,
			     uint32_t first, uint32_t last, uint32_t need, uint32_t *out,
			     uint16_t *counts)
{
	uint32_t n = 0;

	SCAN_BODY(common_generic)
	return n;
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
#define LM_SCAN_DISPATCH 1
__attribute__((target("popcnt"))) static inline uint32_t common_popcnt(const uint64_t *a,
								       const uint64_t *b)
{
	uint32_t n = 0;

	for (int w = 0; w < LM_AVAIL_WORDS; w++)
		n += (uint32_t)__builtin_popcountll(a[w] & b[w]);
	return n;
}

__attribute__((target("popcnt"))) static uint32_t scan_popcnt(const uint64_t *a,
							       const uint64_t *row, const uint8_t *none,
							       uint32_t first, uint32_t last,
							       uint32_t need, uint32_t *out,
							       uint16_t *counts)
{
	uint32_t n = 0;

	SCAN_BODY(common_popcnt)
	return n;
}
#endif

#if defined(__GNUC__) && defined(__x86_64__) && !defined(LM_NO_AVX512)
#define LM_SCAN_AVX512 1
/* Eight mentors at a time, by columns: the common slots of each lane with
 * the mentee, compared with need, the passing lanes written in order.
 * With ok_bits (the row's answer by mentor kind, as bits) and the
 * mentors' kinds, the region test is applied in the same pass. */
__attribute__((target("avx512f,avx512vl,avx512bw,avx512vpopcntdq"))) static uint32_t
scan_avx512(const uint64_t *a, const packed *p, uint32_t first, uint32_t last, uint32_t need,
	    const uint64_t *ok_bits, const uint16_t *kinds, uint32_t *out, uint16_t *counts)
{
	const uint64_t *cols = p->cols;
	size_t stride = p->stride;
	__m512i av[LM_AVAIL_WORDS], needv = _mm512_set1_epi64((long long)need);
	const uint64_t *col[LM_AVAIL_WORDS];
	uint32_t n = 0, words = 0;

	__m512i lanes = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
	__m512i ok_lo = _mm512_setzero_si512(), ok_hi = _mm512_setzero_si512();

	if (ok_bits) {
		ok_lo = _mm512_loadu_si512(ok_bits);
		ok_hi = _mm512_loadu_si512(ok_bits + 8);
	}

	/* Only the mentee's words with a slot: most give a few days of the
	 * week, and a word without one adds nothing to any count. */
	for (int w = 0; w < LM_AVAIL_WORDS; w++)
		if (a[w]) {
			av[words] = _mm512_set1_epi64((long long)a[w]);
			col[words++] = cols + (size_t)w * stride;
		}
	for (uint32_t m = first; m < last; m += 8) {
		__m512i cnt = _mm512_setzero_si512();

		for (uint32_t w = 0; w < words; w++)
			cnt = _mm512_add_epi64(cnt, _mm512_popcnt_epi64(_mm512_and_si512(
				av[w], _mm512_loadu_si512(col[w] + m))));
		unsigned k = (unsigned)_mm512_cmpge_epu64_mask(cnt, needv) | p->none_bits[m / 8];

		if (ok_bits) {
			/* bit kind % 64 of word kind / 64 (16 words in two registers) */
			__m512i kind = _mm512_cvtepu16_epi64(_mm_maskz_loadu_epi16(
				(__mmask8)(last - m < 8 ? (1u << (last - m)) - 1 : 0xff), kinds + m));
			__m512i word = _mm512_permutex2var_epi64(ok_lo, _mm512_srli_epi64(kind, 6), ok_hi);

			k &= _mm512_test_epi64_mask(
				_mm512_srlv_epi64(word, _mm512_and_si512(kind, _mm512_set1_epi64(63))),
				_mm512_set1_epi64(1));
		}

		if (last - m < 8) {
			k &= (1u << (last - m)) - 1;
			uint64_t lane_cnt[8];

			_mm512_storeu_si512(lane_cnt, cnt);
			for (; k; k &= k - 1, n++) {
				out[n] = m + (uint32_t)__builtin_ctz(k);
				if (counts)
					counts[n] = (uint16_t)lane_cnt[__builtin_ctz(k)];
			}
			break;
		}
		/* The passing lanes' indices packed to the front and stored
		 * whole, eight slots at out + n <= out + m - first (room for
		 * every mentor of the range): no branch per passing mentor, whose outcome is a
		 * coin toss. */
		__m512i idx = _mm512_add_epi64(lanes, _mm512_set1_epi64(m));

		_mm256_storeu_si256((__m256i *)(void *)(out + n),
				    _mm512_cvtepi64_epi32(_mm512_maskz_compress_epi64((__mmask8)k, idx)));
		if (counts)
			_mm_storeu_si128((__m128i *)(void *)(counts + n),
					 _mm512_cvtepi64_epi16(
						 _mm512_maskz_compress_epi64((__mmask8)k, cnt)));
		n += (uint32_t)__builtin_popcount(k);
	}
	return n;
}
#endif

void lm_scorer_scan_begin(const lm_scorer *s, uint32_t mentee, lm_scan_row *row)
{
	const lm_person *me = lm_cohort_mentee(s->cohort, mentee);

	row->me = me;
	row->by_region = s->scan_modes && me->modes;
	row->by_kind = row->by_region && s->scan_class;
	row->counted = s->scan_avail && me->has_avail;
	if (!row->by_kind)
		return;
	/* The answer for every kind of mentor (modes, region) once a mentee,
	 * then one lookup per mentor instead of a chain of branches. */
	uint32_t n_regions = lm_vocab_size(s->cohort->regions);

	memset(row->ok_bits, 0, sizeof row->ok_bits);
	for (uint32_t modes = 0; modes < 4; modes++)
		for (uint32_t r = 0; r <= n_regions; r++) {
			uint32_t kind = modes * LM_SCAN_REGIONS + r;
			gboolean ok = lm_region_can_meet(s, me->modes, me->region, (uint8_t)modes,
							 (int32_t)r - 1);

			row->ok_bits[kind / 64] |= (uint64_t)ok << (kind % 64);
		}
}

/* Whether the row's mentee can meet a mentor of this kind. */
static inline gboolean kind_ok(const lm_scan_row *row, uint32_t kind)
{
	return (gboolean)((row->ok_bits[kind / 64] >> (kind % 64)) & 1);
}

/* Keeps the mentors of out who can meet the mentee (the region filter). */
static uint32_t scan_regions(const lm_scorer *s, const lm_scan_row *row, uint32_t *out,
			     uint16_t *counts, uint32_t n)
{
	const lm_person *me = row->me;
	uint32_t k = 0;

	if (!row->by_region)
		return n;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t m = out[i];

		out[k] = m;
		if (counts)
			counts[k] = counts[i];
		k += row->by_kind ? kind_ok(row, s->scan_class[m])
				  : lm_region_can_meet(s, me->modes, me->region, s->scan_modes[m],
						       s->scan_region[m]);
	}
	return k;
}

/* The positions first .. last - 1 of p that pass the hours with the
 * mentee, into out. With scan (positions are mentor indices), the kernel
 * that can also applies the region test, and says so in *regions. */
static uint32_t scan_hours(const lm_scorer *s, const packed *p, const lm_person *me,
			   uint32_t first, uint32_t last, const lm_scan_row *scan,
			   gboolean *regions, uint32_t *out, uint16_t *counts)
{
	*regions = FALSE;
	if (!s->scan_avail || !me->has_avail) {
		for (uint32_t m = first; m < last; m++)
			out[m - first] = m;
		return last - first;
	}
	const uint64_t *row = p->rows + (size_t)first * LM_AVAIL_WORDS;
	uint32_t need = s->p->availability.min_slots;

#ifdef LM_SCAN_AVX512
	if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
	    __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vpopcntdq")) {
		gboolean fused = scan && scan->by_kind;

		*regions = fused;
		return scan_avx512(me->avail, p, first, last, need, fused ? scan->ok_bits : NULL,
				   fused ? s->scan_class : NULL, out, counts);
	}
#endif
#ifdef LM_SCAN_DISPATCH
	if (__builtin_cpu_supports("popcnt"))
		return scan_popcnt(me->avail, row, p->none, first, last, need, out, counts);
#endif
	return scan_generic(me->avail, row, p->none, first, last, need, out, counts);
}

uint32_t lm_scorer_scan_range(const lm_scorer *s, const lm_scan_row *row, uint32_t first,
			      uint32_t last, uint32_t *out, uint16_t *counts)
{
	packed p = { s->scan_avail, s->scan_none, s->scan_cols, s->scan_none_bits, s->scan_stride };
	gboolean regions;

	if (!row->counted)
		counts = NULL;
	uint32_t n = scan_hours(s, &p, row->me, first, last, row, &regions, out, counts);

	return regions ? n : scan_regions(s, row, out, counts, n);
}

lm_scan_set *lm_scan_set_new(const lm_scorer *s, const uint32_t *mentors, uint32_t n)
{
	lm_scan_set *set = g_new0(lm_scan_set, 1);

	set->mentors = g_memdup2(mentors, MAX(n, 1u) * sizeof(uint32_t));
	set->n = n;
	if (!s->scan_avail)
		return set; /* the hours are not a filter: nothing to pack */
	set->rows = g_new(uint64_t, (size_t)MAX(n, 1u) * LM_AVAIL_WORDS);
	set->none = g_new(uint8_t, MAX(n, 1u));
	for (uint32_t i = 0; i < n; i++) {
		memcpy(set->rows + (size_t)i * LM_AVAIL_WORDS,
		       s->scan_avail + (size_t)mentors[i] * LM_AVAIL_WORDS,
		       LM_AVAIL_WORDS * sizeof(uint64_t));
		set->none[i] = s->scan_none[mentors[i]];
	}
	pack_columns(set->rows, set->none, n, &set->cols, &set->none_bits, &set->stride);
	return set;
}

void lm_scan_set_free(lm_scan_set *set)
{
	if (!set)
		return;
	g_free(set->mentors);
	g_free(set->rows);
	g_free(set->none);
	g_free(set->cols);
	g_free(set->none_bits);
	g_free(set);
}

uint32_t lm_scorer_scan_set(const lm_scorer *s, const lm_scan_row *row, const lm_scan_set *set,
			    uint32_t *out, uint16_t *counts)
{
	packed p = { set->rows, set->none, set->cols, set->none_bits, set->stride };

	if (!row->counted)
		counts = NULL;
	gboolean regions;
	uint32_t n = scan_hours(s, &p, row->me, 0, set->n, NULL, &regions, out, counts);

	for (uint32_t i = 0; i < n; i++)
		out[i] = set->mentors[out[i]];
	return scan_regions(s, row, out, counts, n);
}

uint32_t lm_scorer_scan(const lm_scorer *s, uint32_t mentee, uint32_t *out)
{
	lm_scan_row row;

	lm_scorer_scan_begin(s, mentee, &row);
	return lm_scorer_scan_range(s, &row, 0, s->cohort->count[LM_ROLE_MENTOR], out, NULL);
}

/* ---- a list of mentors ------------------------------------------------------ */

/* Listed mentors ahead of the hours test whose rows are asked for: a list
 * (the pricing pass's, by price) comes in no order the cache follows. */
#define LM_SCAN_LIST_AHEAD 8

/* The hours test of the scan on each mentor m of a list, as the scan of
 * the range m .. m + 1 (one copy per kind of popcount, like the scan's),
 * so that the list passes exactly the test the whole scan makes. */
#define LIST_BODY(SCAN)                                                                       \
	const uint64_t *rows = s->scan_avail;                                                 \
	uint32_t k = 0;                                                                       \
                                                                                              \
	for (uint32_t i = 0; i < n; i++) {                                                    \
		uint32_t m = mentors[i];                                                      \
                                                                                              \
		if (i + LM_SCAN_LIST_AHEAD < n) {                                             \
			const uint64_t *ahead =                                               \
				rows + (size_t)mentors[i + LM_SCAN_LIST_AHEAD] * LM_AVAIL_WORDS; \
                                                                                              \
			__builtin_prefetch(ahead);                                            \
			__builtin_prefetch(ahead + LM_AVAIL_WORDS - 1);                       \
		}                                                                             \
		k += SCAN(a, rows + (size_t)m * LM_AVAIL_WORDS, s->scan_none, m, m + 1, need, \
			  out + k, counts ? counts + k : NULL);                               \
	}                                                                                     \
	return k;

static uint32_t list_generic(const lm_scorer *s, const uint64_t *a, const uint32_t *mentors,
			     uint32_t n, uint32_t need, uint32_t *out, uint16_t *counts)
{
	LIST_BODY(scan_generic)
}

#ifdef LM_SCAN_DISPATCH
__attribute__((target("popcnt"))) static uint32_t
list_popcnt(const lm_scorer *s, const uint64_t *a, const uint32_t *mentors, uint32_t n,
	    uint32_t need, uint32_t *out, uint16_t *counts)
{
	LIST_BODY(scan_popcnt)
}
#endif

/* The mentors of the list that pass the hours with row's mentee, in list
 * order, into out (which may be mentors). */
static uint32_t list_hours(const lm_scorer *s, const lm_scan_row *row, const uint32_t *mentors,
			   uint32_t n, uint32_t *out, uint16_t *counts)
{
	/* The scan counts exactly when the hours are a filter for this
	 * mentee (lm_scorer_scan_begin); otherwise every mentor passes. */
	if (!row->counted) {
		if (out != mentors && n)
			memmove(out, mentors, (size_t)n * sizeof *out);
		return n;
	}
	const uint64_t *a = row->me->avail;
	uint32_t need = s->p->availability.min_slots;

#ifdef LM_SCAN_DISPATCH
	if (__builtin_cpu_supports("popcnt"))
		return list_popcnt(s, a, mentors, n, need, out, counts);
#endif
	return list_generic(s, a, mentors, n, need, out, counts);
}

uint32_t lm_scorer_scan_list(const lm_scorer *s, const lm_scan_row *row, const uint32_t *mentors,
			     uint32_t n, uint32_t *out, uint16_t *counts)
{
	if (!row->counted)
		counts = NULL;
	return scan_regions(s, row, out, counts, list_hours(s, row, mentors, n, out, counts));
}
