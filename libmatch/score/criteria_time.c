/* Criteria about time: common weekly hours, arrival years, the mentee's
 * ranked choices, continuity with past pairs, and time spent waiting.
 * Formulas: docs/criteria.md. */
#include "score/criteria.h"

/* Half-hour slots per hour of availability. */
#define SLOTS_PER_HOUR 2

void lm_crit_availability_reset(lm_model_params *p)
{
	p->availability.min_slots = 2 * SLOTS_PER_HOUR;
	p->availability.full_slots = 8 * SLOTS_PER_HOUR;
}

/* Hours in [0, 168] in whole half-hours, as slots. */
static gboolean parse_hours(lm_json_doc *doc, const cJSON *obj, const char *key,
			    const char *path, uint32_t *slots)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!item)
		return TRUE;
	g_autofree char *at = lm_json_path_key(path, key);
	int64_t micro;
	if (!lm_model_json_micro(doc, item, at, 0, 168, &micro))
		return FALSE;
	if (micro % (1000000 / SLOTS_PER_HOUR) != 0) {
		lm_json_problem(doc, at, LM_EPARSE, "expected whole or half hours");
		return FALSE;
	}
	*slots = (uint32_t)(micro / (1000000 / SLOTS_PER_HOUR));
	return TRUE;
}

gboolean lm_crit_availability_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
				    lm_model *m)
{
	gboolean ok = parse_hours(doc, obj, "min_common_hours", path, &m->p.availability.min_slots);
	ok = parse_hours(doc, obj, "full_hours", path, &m->p.availability.full_slots) && ok;
	if (ok && m->p.availability.full_slots <= m->p.availability.min_slots) {
		g_autofree char *at = lm_json_path_key(path, "full_hours");
		lm_json_problem(doc, at, LM_EPARSE,
				"full_hours must be greater than min_common_hours");
		ok = FALSE;
	}
	return ok;
}

static uint32_t common_generic(const lm_person *a, const lm_person *b)
{
#if defined(__POPCNT__)
	uint32_t n = 0;
	for (int w = 0; w < LM_AVAIL_WORDS; w++)
		n += lm_popcount64(a->avail[w] & b->avail[w]);
	return n;
#else
	/* Per-byte bit counts of all six words summed before one horizontal
	 * add: each byte stays <= 48, the 16-bit lanes <= 384. */
	const uint64_t m1 = UINT64_C(0x5555555555555555), m2 = UINT64_C(0x3333333333333333);
	const uint64_t m4 = UINT64_C(0x0f0f0f0f0f0f0f0f), m8 = UINT64_C(0x00ff00ff00ff00ff);
	uint64_t bytes = 0;
	for (int w = 0; w < LM_AVAIL_WORDS; w++) {
		uint64_t x = a->avail[w] & b->avail[w];
		x -= (x >> 1) & m1;
		x = (x & m2) + ((x >> 2) & m2);
		bytes += (x + (x >> 4)) & m4;
	}
	uint64_t lanes = (bytes & m8) + ((bytes >> 8) & m8);
	return (uint32_t)((lanes * UINT64_C(0x0001000100010001)) >> 48);
#endif
}

/* The default x86-64 target has no POPCNT instruction; pricing and scoring
 * count common slots for millions of pairs, so a copy built for it is
 * chosen at run time (as scorer_scan.c does). Same count either way. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
__attribute__((target("popcnt"))) static uint32_t common_popcnt(const lm_person *a,
								const lm_person *b)
{
	uint32_t n = 0;
	for (int w = 0; w < LM_AVAIL_WORDS; w++)
		n += (uint32_t)__builtin_popcountll(a->avail[w] & b->avail[w]);
	return n;
}

static inline uint32_t common_slots(const lm_person *a, const lm_person *b)
{
	return __builtin_cpu_supports("popcnt") ? common_popcnt(a, b) : common_generic(a, b);
}
#else
#define common_slots common_generic
#endif

gboolean lm_crit_availability_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (!pair->mentee->has_avail || !pair->mentor->has_avail)
		return TRUE;
	return common_slots(pair->mentee, pair->mentor) >= s->p->availability.min_slots;
}

uint32_t lm_crit_availability_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	if (!pair->mentee->has_avail || !pair->mentor->has_avail)
		return LM_NEUTRAL;
	uint32_t common = common_slots(pair->mentee, pair->mentor);
	uint32_t min = s->p->availability.min_slots, full = s->p->availability.full_slots;
	if (common <= min)
		return 0;
	if (common >= full)
		return LM_UNIT;
	return (uint32_t)((uint64_t)(common - min) * LM_UNIT / (full - min));
}

void lm_crit_seniority_reset(lm_model_params *p)
{
	p->seniority.min_years = 3;
	p->seniority.ideal_lo = 3;
	p->seniority.ideal_hi = 10;
	p->seniority.adult_age = 19;
}

static gboolean parse_ideal(lm_json_doc *doc, const cJSON *item, const char *path,
			    lm_model *m)
{
	if (!lm_json_expect_type(doc, item, path, cJSON_Array, "an array [lowest, highest]"))
		return FALSE;
	if (cJSON_GetArraySize(item) != 2) {
		lm_json_problem(doc, path, LM_EPARSE,
				"expected exactly two years [lowest, highest]");
		return FALSE;
	}
	g_autofree char *p0 = lm_json_path_index(path, 0);
	g_autofree char *p1 = lm_json_path_index(path, 1);
	int lo, hi;
	if (!lm_model_json_int(doc, item->child, p0, 0, 100, &lo) ||
	    !lm_model_json_int(doc, item->child->next, p1, 0, 100, &hi))
		return FALSE;
	if (lo > hi) {
		lm_json_problem(doc, path, LM_EPARSE,
				"the lowest year must not exceed the highest");
		return FALSE;
	}
	m->p.seniority.ideal_lo = lo;
	m->p.seniority.ideal_hi = hi;
	return TRUE;
}

gboolean lm_crit_seniority_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
				 lm_model *m)
{
	static const char *const keys[] = {"min_years", "adult_age"};
	int *targets[] = {&m->p.seniority.min_years, &m->p.seniority.adult_age};
	static const int max[] = {100, 120};
	gboolean ok = TRUE;
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
		const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, keys[i]);
		g_autofree char *at = lm_json_path_key(path, keys[i]);
		if (item)
			ok = lm_model_json_int(doc, item, at, 0, max[i], targets[i]) && ok;
	}
	const cJSON *ideal = cJSON_GetObjectItemCaseSensitive(obj, "ideal");
	if (ideal) {
		g_autofree char *at = lm_json_path_key(path, "ideal");
		ok = parse_ideal(doc, ideal, at, m) && ok;
	}
	return ok;
}

gboolean lm_crit_seniority_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;
	if (a->arrival_year != 0 && b->arrival_year != 0 &&
	    b->arrival_year > a->arrival_year - s->p->seniority.min_years)
		return FALSE;
	return b->birth_year == 0 ||
	       s->cohort->as_of_year - b->birth_year >= s->p->seniority.adult_age;
}

uint32_t lm_crit_seniority_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	return lm_seniority_raw(s, pair->mentee->arrival_year, pair->mentor->arrival_year);
}

/* The mentor's rank among the mentee's choices (0 = first), or -1 when not
 * chosen. Choices keep their rank order (not sorted): a short linear scan. */
static int choice_rank(const lm_scorer *s, const lm_pair_ref *pair)
{
	lm_span ch = pair->mentee->choices;
	const uint32_t *refs = lm_span_refs(s->cohort, ch);
	for (uint32_t r = 0; r < ch.len; r++) {
		if (refs[r] == pair->mentor_ix)
			return (int)r;
	}
	return -1;
}

gboolean lm_crit_choice_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	return pair->mentee->choices.len == 0 || choice_rank(s, pair) >= 0;
}

uint32_t lm_crit_choice_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	uint32_t n = pair->mentee->choices.len;
	if (n == 0)
		return LM_NEUTRAL;
	int r = choice_rank(s, pair);
	return r < 0 ? 0 : (uint32_t)((uint64_t)(n - (uint32_t)r) * LM_UNIT / n);
}

uint32_t lm_crit_continuity_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	const lm_person *a = pair->mentee;
	gboolean known = lm_span_has(s->cohort, a->good_previous, pair->mentor_ix) ||
			 lm_span_has(s->cohort, a->current, pair->mentor_ix);
	return known ? LM_UNIT : 0;
}

void lm_crit_waiting_reset(lm_model_params *p)
{
	p->waiting.full_days = 365;
}

gboolean lm_crit_waiting_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
			       lm_model *m)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, "full_days");
	if (!item)
		return TRUE;
	g_autofree char *at = lm_json_path_key(path, "full_days");
	return lm_model_json_int(doc, item, at, 1, 36500, &m->p.waiting.full_days);
}

uint32_t lm_crit_waiting_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	int32_t days = pair->mentee->waiting_days;
	if (days <= 0)
		return 0;
	if (days >= s->p->waiting.full_days)
		return LM_UNIT;
	return (uint32_t)((uint64_t)days * LM_UNIT / (uint32_t)s->p->waiting.full_days);
}
