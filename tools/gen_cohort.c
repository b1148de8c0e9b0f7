/* lm-gen-cohort: seeded synthetic cohorts in the libmatch-cohort v1 format.
 *
 * The people are invented, but their traits follow the published population
 * figures of the design notes (DOMAIN.md: arrivals per year, 72% women,
 * provinces of origin and residence, age at arrival...), so that tests and
 * benchmarks see realistic feasibility and score structure.
 *
 * Determinism: every draw comes from our own xoshiro256** seeded through
 * splitmix64, and every probability is an integer weight, so a seed gives the
 * same bytes on every machine and libc (rand() and floating point would not).
 * Each person has their own stream derived from (seed, side, index), so
 * person i does not change when the other side's size changes.
 *
 * The JSON is streamed through one GString flushed in 1 MiB blocks: a
 * 100,000 x 10,000 cohort is ~60 MB and building it as a cJSON tree first
 * would cost several times that in memory and time. */
#define _POSIX_C_SOURCE 200809L /* fdopen() */
#include <glib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

/* ---- random numbers -------------------------------------------------------- */

typedef struct gen_rng {
	uint64_t s[4];
} gen_rng;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* One independent stream per (seed, stream, index); index < 2^40. */
static void rng_seed(gen_rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
	uint64_t x = seed;

	x = splitmix64(&x) ^ (stream << 40) ^ index;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(gen_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl64(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl64(s[3], 45);
	return result;
}

/* Uniform in [0, n), without modulo bias; n > 0. */
static uint32_t rng_below(gen_rng *r, uint32_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;

	do
		x = rng_next(r);
	while (x >= limit);
	return (uint32_t)(x % n);
}

static int rng_range(gen_rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* TRUE with probability per_mille / 1000. */
static gboolean rng_chance(gen_rng *r, unsigned per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* An index of w[0..n) drawn with probability proportional to w[i]. */
static unsigned rng_weighted(gen_rng *r, const unsigned *w, size_t n)
{
	uint32_t total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return (unsigned)i;
		x -= w[i];
	}
	return (unsigned)(n - 1);
}

/* ---- vocabularies and the figures of DOMAIN.md ----------------------------------- */

typedef struct gen_name {
	const char *name;
	unsigned weight;
} gen_name;

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static unsigned name_pick(gen_rng *r, const gen_name *t, size_t n)
{
	unsigned w[32];

	g_assert(n <= N_OF(w));
	for (size_t i = 0; i < n; i++)
		w[i] = t[i].weight;
	return rng_weighted(r, w, n);
}

/* k distinct entries of t[0..n), weighted, in draw order (= priority order). */
static unsigned name_pick_distinct(gen_rng *r, const gen_name *t, size_t n, unsigned k,
				   uint8_t *out)
{
	unsigned w[32];

	g_assert(n <= N_OF(w) && k <= n);
	for (size_t i = 0; i < n; i++)
		w[i] = t[i].weight;
	for (unsigned j = 0; j < k; j++) {
		out[j] = (uint8_t)rng_weighted(r, w, n);
		w[out[j]] = 0;
	}
	return k;
}

static const char *const genders[] = {"female", "male", "undisclosed"};
enum { GEN_FEMALE, GEN_MALE, GEN_UNDISCLOSED };
static const unsigned refugee_genders[] = {72, 27, 1}; /* 72% of arrivals are women */
static const unsigned tutor_genders[] = {62, 36, 2};

/* North Korean provinces of origin: 60% North Hamgyong, 17% Ryanggang, 8% South Hamgyong. */
static const gen_name origins[] = {
	{"north_hamgyong", 600}, {"ryanggang", 170}, {"south_hamgyong", 80}, {"pyongyang", 25},
	{"north_pyongan", 20}, {"south_pyongan", 25}, {"jagang", 20}, {"kangwon_nk", 20},
	{"north_hwanghae", 20}, {"south_hwanghae", 20},
};

/* Residence in South Korea: Seoul 29%, Gyeonggi 27%, Incheon 9%, the other 14 share 35%. */
static const gen_name regions[] = {
	{"seoul", 290}, {"gyeonggi", 270}, {"incheon", 90}, {"busan", 25}, {"daegu", 25},
	{"gwangju", 25}, {"daejeon", 25}, {"ulsan", 25}, {"sejong", 25}, {"gangwon", 25},
	{"chungbuk", 25}, {"chungnam", 25}, {"jeonbuk", 25}, {"jeonnam", 25}, {"gyeongbuk", 25},
	{"gyeongnam", 25}, {"jeju", 25}, {"abroad", 0},
};
#define GEN_ABROAD ((int8_t)(N_OF(regions) - 1))

static const char *const stages[] = {"student", "working", "job_seeking", "parent"};

static const char *const tzs[] = {
	"Asia/Seoul", "America/New_York", "America/Chicago", "America/Los_Angeles",
	"America/Toronto", "Europe/London", "Australia/Sydney",
};
static const unsigned tutor_tz_weights[] = {15, 25, 10, 15, 12, 15, 8};

/* Role-model goals, most common first (the first GEN_RM_POPULAR form the popular set).
 * Mentees' priorities lean on employment and stress; offers are spread wider. */
static const gen_name rm_goals[] = {
	{"employment", 24}, {"stress_coping", 22}, {"finance", 10}, {"education", 12},
	{"health", 9}, {"daily_life", 8}, {"housing", 6}, {"family", 6}, {"legal", 3},
};
static const gen_name rm_offers[] = {
	{"employment", 20}, {"stress_coping", 18}, {"finance", 12}, {"education", 12},
	{"health", 8}, {"daily_life", 14}, {"housing", 8}, {"family", 10}, {"legal", 4},
};
#define GEN_RM_POPULAR 3
static const gen_name tu_goals[] = {
	{"conversation", 35}, {"interviews", 20}, {"test_prep", 20}, {"writing", 15},
	{"public_speaking", 10},
};
static const gen_name tu_offers[] = {
	{"conversation", 35}, {"interviews", 18}, {"test_prep", 17}, {"writing", 18},
	{"public_speaking", 12},
};
#define GEN_TU_POPULAR 2

/* Arrivals in South Korea per year, 2002-2025 (2025 estimated). */
static const unsigned arrivals[] = {
	1142, 1285, 1898, 1384, 2028, 2554, 2803, 2914, 2402, 2706, 1502, 1514,
	1397, 1275, 1418, 1127, 1137, 1047, 229, 63, 67, 196, 236, 200,
};
#define GEN_FIRST_YEAR 2002

static unsigned arrivals_in(int year)
{
	if (year < GEN_FIRST_YEAR)
		return arrivals[0];
	if (year >= GEN_FIRST_YEAR + (int)N_OF(arrivals))
		return arrivals[N_OF(arrivals) - 1];
	return arrivals[year - GEN_FIRST_YEAR];
}

/* An arrival year in [lo, hi] weighted by that year's arrivals; hi - lo < 32. */
static int pick_arrival(gen_rng *r, int lo, int hi)
{
	unsigned w[32];

	g_assert(hi >= lo && hi - lo < 32);
	for (int y = lo; y <= hi; y++)
		w[y - lo] = arrivals_in(y);
	return lo + (int)rng_weighted(r, w, (size_t)(hi - lo + 1));
}

/* Age at arrival: under 20 15%, 20s 27%, 30s 32%, 40s 15%, 50+ 10%. */
static int pick_arrival_age(gen_rng *r)
{
	static const unsigned w[] = {15, 27, 32, 15, 10};
	static const int lo[] = {12, 20, 30, 40, 50}, hi[] = {19, 29, 39, 49, 64};
	unsigned b = rng_weighted(r, w, N_OF(w));

	return rng_range(r, lo[b], hi[b]);
}

/* ---- people ------------------------------------------------------------------- */

typedef struct gen_slot {
	uint8_t day;    /* 0 = mon ... 6 = sun */
	uint16_t start; /* minutes after midnight, local time */
	uint16_t len;   /* minutes */
} gen_slot;

/* A kind of weekly slot: which days, which start times. */
typedef struct gen_slot_kind {
	unsigned weight;
	uint8_t first_day, last_day;
	uint8_t n_starts;
	uint16_t starts[6];
} gen_slot_kind;

#define HM(h, m) ((h) * 60 + (m))

/* Role models and mentees in Seoul: mostly weekday evenings and weekends. */
static const gen_slot_kind seoul_slots[] = {
	{55, 0, 4, 5, {HM(18, 0), HM(18, 30), HM(19, 0), HM(19, 30), HM(20, 0)}},
	{35, 5, 6, 6, {HM(10, 0), HM(11, 0), HM(13, 0), HM(14, 0), HM(15, 0), HM(17, 0)}},
	{10, 0, 4, 3, {HM(10, 0), HM(13, 0), HM(14, 0)}},
};
/* Students in Seoul: evenings, but also early mornings and weekend mornings,
 * which is when evenings in the Americas fall. */
static const gen_slot_kind student_slots[] = {
	{35, 0, 4, 4, {HM(19, 0), HM(19, 30), HM(20, 0), HM(20, 30)}},
	{15, 0, 4, 3, {HM(6, 30), HM(7, 0), HM(8, 0)}},
	{30, 5, 6, 4, {HM(8, 0), HM(9, 0), HM(10, 0), HM(11, 0)}},
	{20, 5, 6, 4, {HM(14, 0), HM(16, 0), HM(19, 0), HM(20, 0)}},
};
/* Tutors, in their own time zone: evenings after work and weekends. */
static const gen_slot_kind tutor_slots[] = {
	{60, 0, 4, 6, {HM(17, 30), HM(18, 0), HM(18, 30), HM(19, 0), HM(19, 30), HM(20, 0)}},
	{40, 5, 6, 5, {HM(9, 0), HM(10, 0), HM(13, 0), HM(15, 0), HM(19, 0)}},
};

enum { GEN_IN_PERSON = 1, GEN_ONLINE = 2 };
enum { GEN_GOOD = 1, GEN_ENDED, GEN_BAD };
#define GEN_MAX_GOALS 5
#define GEN_MAX_SLOTS 4
#define GEN_MAX_CHOICES 9
#define GEN_MAX_EXCLUDE 2

typedef struct gen_person {
	uint8_t gender;
	int16_t birth_year, arrival_year; /* 0 = left out */
	int8_t origin, region, stage, tz; /* table indices; -1 = left out */
	uint8_t modes;
	int8_t ko, zh, en;                /* levels; -1 = not listed */
	uint8_t n_goals, goals[GEN_MAX_GOALS]; /* mentees: goals; mentors: offers */
	uint8_t n_slots;
	gen_slot slots[GEN_MAX_SLOTS];
	uint8_t consent;
	/* mentors */
	uint8_t capacity, used;
	int8_t teach_lo, teach_hi;        /* -1 = no "teaches" */
	const char *trained;              /* NULL = none */
	/* mentees */
	uint8_t pref_gender_hard, pref_gender_soft, avoid_same_origin, wants;
	uint8_t n_choices, n_exclude;
	uint32_t choices[GEN_MAX_CHOICES], exclude[GEN_MAX_EXCLUDE];
	int32_t current, previous;        /* mentor index; -1 = none */
	uint8_t outcome;
	int32_t waiting_days;             /* -1 = left out */
} gen_person;

typedef struct gen_ctx gen_ctx;

typedef struct gen_program {
	const char *name, *mentee_prefix, *mentor_prefix, *default_as_of;
	const gen_name *goals;            /* names shared by goals and offers */
	size_t n_goals;
	unsigned n_popular_goals;
	void (*mentee)(gen_ctx *g, gen_rng *r, gen_person *p);
	void (*mentor)(gen_ctx *g, gen_rng *r, gen_person *p, gboolean popular);
} gen_program;

struct gen_ctx {
	const gen_program *prog;
	uint64_t seed;
	uint32_t n_mentees, n_mentors;
	uint32_t popular_ppm;             /* --popular in millionths */
	GDate as_of;
	int year;                         /* as_of's year */
	int mentee_width, mentor_width;   /* digits in ids */
	gen_person *mentors;
	GString *out;
	FILE *fp;
	gboolean write_failed;
};

/* Mentors 0, 50, 100... form the popular set; only used when --popular > 0. */
#define GEN_POPULAR_STRIDE 50

static gboolean is_popular(const gen_ctx *g, uint32_t mentor)
{
	return g->popular_ppm > 0 && mentor % GEN_POPULAR_STRIDE == 0;
}

static uint32_t n_popular(const gen_ctx *g)
{
	return (g->n_mentors + GEN_POPULAR_STRIDE - 1) / GEN_POPULAR_STRIDE;
}

static void person_init(gen_person *p)
{
	memset(p, 0, sizeof(*p));
	p->origin = p->region = p->stage = p->tz = -1;
	p->ko = p->zh = p->en = -1;
	p->teach_lo = p->teach_hi = -1;
	p->current = p->previous = -1;
	p->waiting_days = -1;
	p->wants = 1;
}

/* 1..GEN_MAX_SLOTS weekly slots of 2-3 hours on distinct days, sorted by day. */
static void pick_slots(gen_rng *r, gen_person *p, const gen_slot_kind *kinds, size_t n_kinds,
		       unsigned n)
{
	static const unsigned count_w[] = {25, 35, 25, 15};
	unsigned w[8];
	uint8_t used = 0;

	for (size_t i = 0; i < n_kinds; i++)
		w[i] = kinds[i].weight;
	if (n == 0)
		n = 1 + rng_weighted(r, count_w, N_OF(count_w));
	for (unsigned tries = 0; p->n_slots < n && tries < 32; tries++) {
		const gen_slot_kind *k = &kinds[rng_weighted(r, w, n_kinds)];
		uint8_t day = (uint8_t)rng_range(r, k->first_day, k->last_day);
		uint16_t start = k->starts[rng_below(r, k->n_starts)];
		uint16_t len = rng_chance(r, 600) ? 120 : 180;

		if (used & (1u << day))
			continue;
		used |= (uint8_t)(1u << day);
		p->slots[p->n_slots++] = (gen_slot){day, start, len};
	}
	for (unsigned i = 1; i < p->n_slots; i++) /* insertion sort: at most 4 */
		for (unsigned j = i; j > 0 && p->slots[j].day < p->slots[j - 1].day; j--) {
			gen_slot t = p->slots[j];
			p->slots[j] = p->slots[j - 1];
			p->slots[j - 1] = t;
		}
}

static int8_t pick_stage(gen_rng *r, int age, gboolean mentor)
{
	static const unsigned young[] = {55, 20, 20, 5}, adult[] = {8, 40, 32, 20};
	static const unsigned young_rm[] = {40, 50, 5, 5}, adult_rm[] = {5, 65, 10, 20};

	if (age < 20)
		return 0;
	if (mentor)
		return (int8_t)rng_weighted(r, age < 26 ? young_rm : adult_rm, 4);
	return (int8_t)rng_weighted(r, age < 26 ? young : adult, 4);
}

/* What refugees on both sides share: gender, ages, provinces, Korean and
 * Chinese (a large minority spent years in China). */
static void refugee_profile(gen_rng *r, gen_person *p, int first, int last)
{
	p->gender = (uint8_t)rng_weighted(r, refugee_genders, N_OF(refugee_genders));
	p->arrival_year = (int16_t)pick_arrival(r, first, last);
	p->birth_year = (int16_t)(p->arrival_year - pick_arrival_age(r));
	p->origin = (int8_t)name_pick(r, origins, N_OF(origins));
	p->region = (int8_t)name_pick(r, regions, N_OF(regions));
	p->ko = 5;
	if (rng_chance(r, 400))
		p->zh = (int8_t)rng_range(r, 2, 4);
	p->consent = rng_chance(r, 980);
}

static void pick_goals(gen_ctx *g, gen_rng *r, gen_person *p, const gen_name *t,
		       const unsigned *count_w, size_t max, gboolean popular)
{
	unsigned k = 1 + rng_weighted(r, count_w, max);
	size_t n = g->prog->n_goals;

	if (popular) /* concentrate on what the popular mentors offer */
		n = g->prog->n_popular_goals, k = MIN(k, n);
	p->n_goals = (uint8_t)name_pick_distinct(r, t, n, k, p->goals);
}

/* Popular mentors offer the whole popular goal set first, then what they drew. */
static void make_popular_offers(gen_ctx *g, gen_person *p, unsigned max)
{
	uint8_t drawn[GEN_MAX_GOALS];
	unsigned n = p->n_goals, k = g->prog->n_popular_goals;

	memcpy(drawn, p->goals, n);
	for (unsigned i = 0; i < k; i++)
		p->goals[i] = (uint8_t)i;
	p->n_goals = (uint8_t)k;
	for (unsigned i = 0; i < n && p->n_goals < max; i++)
		if (drawn[i] >= k)
			p->goals[p->n_goals++] = drawn[i];
}

/* ---- choosing mentors for a mentee -------------------------------------------- */

static gboolean has_goal(const gen_person *p, uint8_t goal)
{
	for (unsigned i = 0; i < p->n_goals; i++)
		if (p->goals[i] == goal)
			return TRUE;
	return FALSE;
}

static gboolean already_named(const gen_person *p, uint32_t m)
{
	for (unsigned i = 0; i < p->n_choices; i++)
		if (p->choices[i] == m)
			return TRUE;
	for (unsigned i = 0; i < p->n_exclude; i++)
		if (p->exclude[i] == m)
			return TRUE;
	return p->current == (int32_t)m || p->previous == (int32_t)m;
}

/* A mentor not yet named by p. People choose mentors who offer what they want
 * most, so a few draws look for one offering p's first goal. */
static int32_t pick_mentor(gen_ctx *g, gen_rng *r, const gen_person *p, gboolean popular)
{
	uint32_t pool = popular ? n_popular(g) : g->n_mentors;
	int32_t fallback = -1;

	for (unsigned tries = 0; tries < 12; tries++) {
		uint32_t m = rng_below(r, pool) * (popular ? GEN_POPULAR_STRIDE : 1);

		if (already_named(p, m))
			continue;
		if (p->n_goals == 0 || has_goal(&g->mentors[m], p->goals[0]))
			return (int32_t)m;
		if (fallback < 0)
			fallback = (int32_t)m;
	}
	return fallback;
}

static void pick_choices(gen_ctx *g, gen_rng *r, gen_person *p, unsigned n, gboolean popular)
{
	n = MIN(n, GEN_MAX_CHOICES);
	while (p->n_choices < n) {
		int32_t m = pick_mentor(g, r, p, popular);

		if (m < 0)
			break;
		p->choices[p->n_choices++] = (uint32_t)m;
	}
}

/* Exclusions, a previous pair and the waiting time, common to both programs. */
static void pick_history(gen_ctx *g, gen_rng *r, gen_person *p, unsigned exclude_pm,
			 unsigned previous_pm, const unsigned *outcome_w)
{
	if (g->n_mentors > 0 && rng_chance(r, exclude_pm)) {
		unsigned n = 1 + rng_below(r, GEN_MAX_EXCLUDE);

		for (unsigned i = 0; i < 8 && p->n_exclude < n; i++) {
			uint32_t m = rng_below(r, g->n_mentors);

			if (!already_named(p, m))
				p->exclude[p->n_exclude++] = m;
		}
	}
	if (g->n_mentors > 0 && rng_chance(r, previous_pm)) {
		uint32_t m = rng_below(r, g->n_mentors);

		if (!already_named(p, m)) {
			p->previous = (int32_t)m;
			p->outcome = (uint8_t)(1 + rng_weighted(r, outcome_w, 3));
		}
	}
	p->waiting_days = (int32_t)rng_below(r, 365);
}

/* ---- role models ---------------------------------------------------------------- */

static gboolean current_fits(const gen_person *me, const gen_person *mo)
{
	if (!mo->consent || mo->used >= mo->capacity)
		return FALSE;
	if (me->pref_gender_hard && mo->gender != GEN_FEMALE)
		return FALSE;
	if (me->avoid_same_origin && mo->origin == me->origin)
		return FALSE;
	return mo->arrival_year <= me->arrival_year - 3; /* seniority is a hard rule */
}

/* Existing pairs must pass every hard constraint, or a run keeping them fails:
 * pick a mentor that fits, then meet on a slot of theirs, online or nearby. */
static void pick_current(gen_ctx *g, gen_rng *r, gen_person *me)
{
	for (unsigned tries = 0; tries < 16; tries++) {
		uint32_t m = rng_below(r, g->n_mentors);
		gen_person *mo = &g->mentors[m];
		gen_slot mine[GEN_MAX_SLOTS];
		unsigned keep = 1;

		if (!current_fits(me, mo))
			continue;
		if (mo->modes & GEN_ONLINE)
			me->modes |= GEN_ONLINE;
		else
			me->modes |= GEN_IN_PERSON, me->region = mo->region;
		memcpy(mine, me->slots, sizeof(mine));
		me->slots[0] = mo->slots[0];
		for (unsigned i = 0; i < me->n_slots && keep < GEN_MAX_SLOTS; i++)
			if (mine[i].day != mo->slots[0].day)
				me->slots[keep++] = mine[i];
		me->n_slots = (uint8_t)keep;
		for (unsigned i = 1; i < me->n_slots; i++) /* keep the day order */
			for (unsigned j = i; j > 0 && me->slots[j].day < me->slots[j - 1].day; j--) {
				gen_slot t = me->slots[j];
				me->slots[j] = me->slots[j - 1];
				me->slots[j - 1] = t;
			}
		mo->used++;
		me->current = (int32_t)m;
		return;
	}
}

static uint8_t pick_modes(gen_rng *r, unsigned both, unsigned in_person)
{
	unsigned x = rng_below(r, 100);

	if (x < both)
		return GEN_IN_PERSON | GEN_ONLINE;
	return x < both + in_person ? GEN_IN_PERSON : GEN_ONLINE;
}

static void rm_mentee(gen_ctx *g, gen_rng *r, gen_person *p)
{
	static const unsigned en_w[] = {30, 35, 22, 9, 4}, goals_w[] = {30, 40, 30};
	static const unsigned choices_w[] = {40, 35, 25}, outcome_w[] = {40, 40, 20};
	gboolean popular = g->popular_ppm > 0 && rng_below(r, 1000000) < g->popular_ppm;

	/* "Newly arrived": within the 5 years of residence support before as_of. */
	refugee_profile(r, p, g->year - 5, g->year - 1);
	p->stage = pick_stage(r, g->year - p->birth_year, FALSE);
	p->modes = pick_modes(r, 50, 25);
	p->en = (int8_t)rng_weighted(r, en_w, N_OF(en_w));
	pick_goals(g, r, p, rm_goals, goals_w, N_OF(goals_w), popular);
	pick_slots(r, p, seoul_slots, N_OF(seoul_slots), 0);
	p->tz = 0;
	/* Survivors often ask for a woman. */
	p->pref_gender_hard = p->gender == GEN_FEMALE && rng_chance(r, 250);
	p->avoid_same_origin = rng_chance(r, 50);
	p->wants = rng_chance(r, 30) ? 2 : 1;
	if (g->n_mentors == 0)
		return;
	if (p->consent && rng_chance(r, 30))
		pick_current(g, r, p);
	if (popular || rng_chance(r, 300))
		pick_choices(g, r, p, 1 + rng_weighted(r, choices_w, 3), popular);
	pick_history(g, r, p, 30, 40, outcome_w);
}

static void rm_mentor(gen_ctx *g, gen_rng *r, gen_person *p, gboolean popular)
{
	static const unsigned en_w[] = {20, 30, 28, 14, 8}, offers_w[] = {0, 30, 35, 25, 10};
	static const unsigned capacity_w[] = {45, 40, 15};
	unsigned n_offers;

	/* Settled role models: arrived 2002-2019, and at least 6 years before as_of. */
	refugee_profile(r, p, GEN_FIRST_YEAR, MIN(2019, g->year - 6));
	/* A role model is an adult and still active: 20 to 75 at as_of. */
	if (g->year - p->birth_year < 20)
		p->birth_year = (int16_t)(g->year - 20 - rng_below(r, 5));
	if (g->year - p->birth_year > 75)
		p->birth_year = (int16_t)(g->year - 75 + rng_below(r, 10));
	p->consent = rng_chance(r, 990);
	p->stage = pick_stage(r, g->year - p->birth_year, TRUE);
	p->modes = pick_modes(r, 55, 25);
	p->en = (int8_t)rng_weighted(r, en_w, N_OF(en_w));
	n_offers = 1 + rng_weighted(r, offers_w, N_OF(offers_w));
	p->n_goals = (uint8_t)name_pick_distinct(r, rm_offers, N_OF(rm_offers), n_offers, p->goals);
	pick_slots(r, p, seoul_slots, N_OF(seoul_slots), popular ? GEN_MAX_SLOTS : 0);
	p->tz = 0;
	p->capacity = (uint8_t)(1 + rng_weighted(r, capacity_w, N_OF(capacity_w)));
	if (rng_chance(r, 300))
		p->trained = "trauma_informed";
	if (popular) {
		make_popular_offers(g, p, GEN_MAX_GOALS);
		p->modes = GEN_IN_PERSON | GEN_ONLINE;
	}
}

/* ---- English tutoring ------------------------------------------------------------- */

static void tu_student(gen_ctx *g, gen_rng *r, gen_person *p)
{
	static const unsigned en_w[] = {30, 40, 22, 6, 2}, goals_w[] = {55, 45};
	static const unsigned choices_w[] = {15, 20, 20, 17, 11, 7, 5, 3, 2}; /* mean ~3.6 */
	static const unsigned outcome_w[] = {70, 20, 10};
	gboolean popular = g->popular_ppm > 0 && rng_below(r, 1000000) < g->popular_ppm;

	/* Students have usually been in Korea a while, so look back ten years. */
	refugee_profile(r, p, g->year - 10, g->year - 1);
	p->stage = pick_stage(r, g->year - p->birth_year, FALSE);
	p->modes = pick_modes(r, 35, 0); /* tutors are online, so every student is too */
	p->en = (int8_t)rng_weighted(r, en_w, N_OF(en_w));
	pick_goals(g, r, p, tu_goals, goals_w, N_OF(goals_w), popular);
	pick_slots(r, p, student_slots, N_OF(student_slots), 0);
	p->tz = 0;
	p->pref_gender_hard = p->gender == GEN_FEMALE && rng_chance(r, 250);
	if (g->n_mentors == 0)
		return;
	if (popular || rng_chance(r, 600))
		pick_choices(g, r, p, 1 + rng_weighted(r, choices_w, N_OF(choices_w)), popular);
	/* Students sometimes keep their tutor across semesters. */
	pick_history(g, r, p, 20, 120, outcome_w);
}

static void tu_tutor(gen_ctx *g, gen_rng *r, gen_person *p, gboolean popular)
{
	static const unsigned age_w[] = {40, 25, 15, 12, 8}, offers_w[] = {40, 60};
	static const unsigned lo_w[] = {50, 35, 15};
	int age = 20 + 10 * (int)rng_weighted(r, age_w, N_OF(age_w)) + rng_range(r, 0, 9);

	p->gender = (uint8_t)rng_weighted(r, tutor_genders, N_OF(tutor_genders));
	p->birth_year = (int16_t)(g->year - age);
	p->region = GEN_ABROAD;
	p->stage = (int8_t)(age < 25 ? (rng_chance(r, 700) ? 0 : 1) : (rng_chance(r, 900) ? 1 : 0));
	p->modes = GEN_ONLINE;
	p->tz = (int8_t)rng_weighted(r, tutor_tz_weights, N_OF(tutor_tz_weights));
	p->en = 5;
	if (p->tz == 0 ? rng_chance(r, 700) : rng_chance(r, 150))
		p->ko = (int8_t)rng_range(r, 1, p->tz == 0 ? 5 : 3);
	/* At most two teaching interests. */
	p->n_goals = (uint8_t)name_pick_distinct(r, tu_offers, N_OF(tu_offers),
						 1 + rng_weighted(r, offers_w, 2), p->goals);
	p->teach_lo = (int8_t)rng_weighted(r, lo_w, N_OF(lo_w));
	p->teach_hi = (int8_t)MIN(5, p->teach_lo + 1 + (int)rng_below(r, 3));
	pick_slots(r, p, tutor_slots, N_OF(tutor_slots), popular ? GEN_MAX_SLOTS : 0);
	p->capacity = 1;
	if (rng_chance(r, 250))
		p->trained = "tesol";
	p->consent = rng_chance(r, 990);
	if (popular)
		make_popular_offers(g, p, 2);
}

static const gen_program programs[] = {
	{"role_model", "m", "r", "2026-01-05", rm_goals, N_OF(rm_goals), GEN_RM_POPULAR,
	 rm_mentee, rm_mentor},
	{"tutoring", "s", "t", "2026-09-07", tu_goals, N_OF(tu_goals), GEN_TU_POPULAR,
	 tu_student, tu_tutor},
};

/* ---- writing ------------------------------------------------------------------------ */

static void flush_out(gen_ctx *g, gboolean all)
{
	if (!all && g->out->len < (1u << 20))
		return;
	if (g->out->len > 0 && fwrite(g->out->str, 1, g->out->len, g->fp) != g->out->len)
		g->write_failed = TRUE;
	g_string_truncate(g->out, 0);
}

static void put_id(GString *b, const char *prefix, int width, uint32_t index)
{
	g_string_append_printf(b, "\"%s-%0*u\"", prefix, width, index + 1);
}

static void put_mentor_list(gen_ctx *g, const char *key, const uint32_t *m, unsigned n)
{
	if (n == 0)
		return;
	g_string_append_printf(g->out, ", \"%s\": [", key);
	for (unsigned i = 0; i < n; i++) {
		if (i > 0)
			g_string_append(g->out, ", ");
		put_id(g->out, g->prog->mentor_prefix, g->mentor_width, m[i]);
	}
	g_string_append_c(g->out, ']');
}

static void put_availability(GString *b, const gen_person *p)
{
	static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

	g_string_append_printf(b, ", \"availability\": {\"tz\": \"%s\", \"weekly\": [", tzs[p->tz]);
	for (unsigned i = 0; i < p->n_slots; i++) {
		const gen_slot *s = &p->slots[i];
		unsigned end = s->start + s->len;

		g_string_append_printf(b, "%s\"%s %02u:%02u-%02u:%02u\"", i ? ", " : "", days[s->day],
				       s->start / 60u, s->start % 60u, end / 60u, end % 60u);
	}
	g_string_append(b, "]}");
}

static void put_languages(GString *b, const gen_person *p)
{
	const char *sep = "";

	g_string_append(b, ", \"languages\": {");
	if (p->ko >= 0)
		g_string_append_printf(b, "%s\"ko\": %d", sep, p->ko), sep = ", ";
	if (p->zh >= 0)
		g_string_append_printf(b, "%s\"zh\": %d", sep, p->zh), sep = ", ";
	if (p->en >= 0)
		g_string_append_printf(b, "%s\"en\": %d", sep, p->en);
	g_string_append_c(b, '}');
}

/* The fields both sides have, from "gender" to "availability". */
static void put_profile(gen_ctx *g, const gen_person *p, gboolean mentor)
{
	GString *b = g->out;

	g_string_append_printf(b, ", \"gender\": \"%s\"", genders[p->gender]);
	if (p->birth_year)
		g_string_append_printf(b, ", \"birth_year\": %d", p->birth_year);
	if (p->arrival_year)
		g_string_append_printf(b, ", \"arrival_year\": %d", p->arrival_year);
	if (p->origin >= 0)
		g_string_append_printf(b, ", \"origin_region\": \"%s\"", origins[p->origin].name);
	g_string_append_printf(b, ", \"region\": \"%s\", \"stage\": \"%s\", \"modes\": [%s]",
			       regions[p->region].name, stages[p->stage],
			       p->modes == (GEN_IN_PERSON | GEN_ONLINE) ? "\"in_person\", \"online\""
			       : p->modes == GEN_IN_PERSON ? "\"in_person\"" : "\"online\"");
	put_languages(b, p);
	g_string_append_printf(b, ", \"%s\": [", mentor ? "offers" : "goals");
	for (unsigned i = 0; i < p->n_goals; i++)
		g_string_append_printf(b, "%s\"%s\"", i ? ", " : "",
				       g->prog->goals[p->goals[i]].name);
	g_string_append_c(b, ']');
	put_availability(b, p);
}

static void put_waiting_since(gen_ctx *g, int32_t days)
{
	GDate d = g->as_of;

	g_date_subtract_days(&d, (guint)days);
	g_string_append_printf(g->out, ", \"waiting_since\": \"%04u-%02u-%02u\"",
			       (unsigned)g_date_get_year(&d), (unsigned)g_date_get_month(&d),
			       (unsigned)g_date_get_day(&d));
}

static void put_mentee(gen_ctx *g, const gen_person *p, uint32_t index)
{
	static const char *const outcomes[] = {"", "good", "ended", "bad"};
	GString *b = g->out;

	g_string_append(b, "  {\"id\": ");
	put_id(b, g->prog->mentee_prefix, g->mentee_width, index);
	put_profile(g, p, FALSE);
	if (p->pref_gender_hard || p->avoid_same_origin) {
		const char *sep = "";

		g_string_append(b, ", \"prefers\": {");
		if (p->pref_gender_hard) {
			g_string_append(b, "\"gender\": \"female\", \"gender_required\": true");
			sep = ", ";
		}
		if (p->avoid_same_origin)
			g_string_append_printf(b, "%s\"origin\": \"avoid_same\"", sep);
		g_string_append_c(b, '}');
	}
	put_mentor_list(g, "choices", p->choices, p->n_choices);
	put_mentor_list(g, "exclude", p->exclude, p->n_exclude);
	if (p->wants != 1)
		g_string_append_printf(b, ", \"wants\": %u", p->wants);
	if (p->current >= 0)
		put_mentor_list(g, "current", (const uint32_t *)&p->current, 1);
	if (p->previous >= 0) {
		g_string_append(b, ", \"previous\": [{\"id\": ");
		put_id(b, g->prog->mentor_prefix, g->mentor_width, (uint32_t)p->previous);
		g_string_append_printf(b, ", \"outcome\": \"%s\"}]", outcomes[p->outcome]);
	}
	if (p->waiting_days >= 0)
		put_waiting_since(g, p->waiting_days);
	g_string_append_printf(b, ", \"consent\": %s}", p->consent ? "true" : "false");
}

static void put_mentor(gen_ctx *g, const gen_person *p, uint32_t index)
{
	GString *b = g->out;

	g_string_append(b, "  {\"id\": ");
	put_id(b, g->prog->mentor_prefix, g->mentor_width, index);
	g_string_append_printf(b, ", \"capacity\": %u", p->capacity);
	put_profile(g, p, TRUE);
	if (p->teach_lo >= 0)
		g_string_append_printf(b, ", \"teaches\": {\"en\": [%d, %d]}", p->teach_lo,
				       p->teach_hi);
	if (p->trained)
		g_string_append_printf(b, ", \"trained\": [\"%s\"]", p->trained);
	g_string_append_printf(b, ", \"consent\": %s}", p->consent ? "true" : "false");
}

/* Mentors first (mentees refer to them), then both sides written in file order. */
static void generate(gen_ctx *g, const char *command)
{
	gen_rng r;

	g->mentors = g_new(gen_person, MAX(g->n_mentors, 1));
	for (uint32_t i = 0; i < g->n_mentors; i++) {
		rng_seed(&r, g->seed, 2, i);
		person_init(&g->mentors[i]);
		g->prog->mentor(g, &r, &g->mentors[i], is_popular(g, i));
	}
	g_string_append_printf(g->out, "{\"format\": \"libmatch-cohort\", \"version\": 1, "
			       "\"as_of\": \"%04u-%02u-%02u\",\n \"x-generator\": \"%s\",\n"
			       " \"mentees\": [", (unsigned)g_date_get_year(&g->as_of),
			       (unsigned)g_date_get_month(&g->as_of),
			       (unsigned)g_date_get_day(&g->as_of), command);
	for (uint32_t i = 0; i < g->n_mentees; i++) {
		gen_person p;

		rng_seed(&r, g->seed, 1, i);
		person_init(&p);
		g->prog->mentee(g, &r, &p);
		g_string_append(g->out, i ? ",\n" : "\n");
		put_mentee(g, &p, i);
		flush_out(g, FALSE);
	}
	g_string_append(g->out, "\n ],\n \"mentors\": [");
	for (uint32_t i = 0; i < g->n_mentors; i++) {
		g_string_append(g->out, i ? ",\n" : "\n");
		put_mentor(g, &g->mentors[i], i);
		flush_out(g, FALSE);
	}
	g_string_append(g->out, "\n ]}\n");
	flush_out(g, TRUE);
	g_free(g->mentors);
}

/* ---- command line ------------------------------------------------------------------- */

typedef struct gen_args {
	char *program, *seed, *popular, *as_of, *output;
	gint mentees, mentors;
} gen_args;

/* Strict YYYY-MM-DD, so that a date means the same everywhere (no locale). */
static gboolean parse_date(const char *s, GDate *out)
{
	guint64 y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return FALSE;
	char buf[11];
	memcpy(buf, s, 11);
	buf[4] = buf[7] = '\0';
	if (!g_ascii_string_to_unsigned(buf, 10, 1900, 2999, &y, NULL) ||
	    !g_ascii_string_to_unsigned(buf + 5, 10, 1, 12, &m, NULL) ||
	    !g_ascii_string_to_unsigned(buf + 8, 10, 1, 31, &d, NULL) ||
	    !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return FALSE;
	g_date_clear(out, 1);
	g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
	return TRUE;
}

static int digits(uint32_t n)
{
	int d = 1;

	while (n >= 10)
		n /= 10, d++;
	return d;
}

/* Checks the options and fills g; returns 0 or a message. */
static const char *check_args(const gen_args *a, gen_ctx *g)
{
	guint64 seed;

	for (size_t i = 0; i < N_OF(programs); i++)
		if (a->program && strcmp(a->program, programs[i].name) == 0)
			g->prog = &programs[i];
	if (!g->prog)
		return "--program must be role_model or tutoring";
	if (a->mentees < 0 || a->mentors < 0 || a->mentees > 10000000 || a->mentors > 10000000)
		return "--mentees and --mentors must be between 0 and 10000000";
	if (!g_ascii_string_to_unsigned(a->seed, 10, 0, G_MAXUINT64, &seed, NULL))
		return "--seed must be an unsigned integer";
	if (a->popular) {
		char *end;
		double f = g_ascii_strtod(a->popular, &end);

		if (*a->popular == '\0' || *end != '\0' || !(f >= 0.0 && f <= 1.0))
			return "--popular must be a number from 0 to 1";
		g->popular_ppm = (uint32_t)(f * 1e6 + 0.5);
	}
	if (!parse_date(a->as_of ? a->as_of : g->prog->default_as_of, &g->as_of))
		return "--as-of must be a date YYYY-MM-DD";
	g->year = g_date_get_year(&g->as_of);
	if (g->year < 2010)
		return "--as-of must be 2010 or later (role models arrived from 2002)";
	g->seed = seed;
	g->n_mentees = (uint32_t)a->mentees;
	g->n_mentors = (uint32_t)a->mentors;
	g->mentee_width = MAX(5, digits(g->n_mentees));
	g->mentor_width = MAX(5, digits(g->n_mentors));
	return NULL;
}

/* The options that define the output, recorded in the file for audits. */
static char *describe(const gen_ctx *g)
{
	GString *s = g_string_new(NULL);

	g_string_append_printf(s, "lm-gen-cohort --program %s --mentees %u --mentors %u --seed %"
			       G_GUINT64_FORMAT, g->prog->name, g->n_mentees, g->n_mentors, g->seed);
	if (g->popular_ppm > 0)
		g_string_append_printf(s, " --popular %u.%06u", g->popular_ppm / 1000000u,
				       g->popular_ppm % 1000000u);
	g_string_append_printf(s, " --as-of %04u-%02u-%02u", (unsigned)g->year,
			       (unsigned)g_date_get_month(&g->as_of), (unsigned)g_date_get_day(&g->as_of));
	return g_string_free(s, FALSE);
}

/* Writes to -o FILE atomically: a temporary file renamed when complete. */
static int run(gen_ctx *g, const char *output, const char *command)
{
	g_autofree char *tmp = NULL;

	if (!output || strcmp(output, "-") == 0) {
		g->fp = stdout;
		generate(g, command);
		if (fflush(stdout) != 0 || g->write_failed) {
			g_printerr("lm-gen-cohort: cannot write standard output: %s\n",
				   g_strerror(errno));
			return EX_IOERR;
		}
		return 0;
	}
	tmp = g_strdup_printf("%s.XXXXXX", output);
	int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
	if (fd < 0 || !(g->fp = fdopen(fd, "w"))) {
		g_printerr("lm-gen-cohort: cannot create %s: %s\n", output, g_strerror(errno));
		return EX_CANTCREAT;
	}
	generate(g, command);
	if (fclose(g->fp) != 0 || g->write_failed || g_rename(tmp, output) != 0) {
		g_printerr("lm-gen-cohort: cannot write %s: %s\n", output, g_strerror(errno));
		g_unlink(tmp);
		return EX_IOERR;
	}
	return 0;
}

static void args_clear(gen_args *a)
{
	g_free(a->program), g_free(a->seed), g_free(a->popular), g_free(a->as_of), g_free(a->output);
}

/* Parses the command line into a and g; returns NULL or what is wrong. */
static char *parse_args(int *argc, char ***argv, gen_args *a, gen_ctx *g)
{
	g_autoptr(GError) error = NULL;
	const GOptionEntry entries[] = {
		{"program", 0, 0, G_OPTION_ARG_STRING, &a->program, "role_model or tutoring", "NAME"},
		{"mentees", 0, 0, G_OPTION_ARG_INT, &a->mentees, "Number of mentees (students)", "N"},
		{"mentors", 0, 0, G_OPTION_ARG_INT, &a->mentors, "Number of mentors (tutors)", "M"},
		{"seed", 0, 0, G_OPTION_ARG_STRING, &a->seed, "Random seed (default 1)", "S"},
		{"popular", 0, 0, G_OPTION_ARG_STRING, &a->popular,
		 "Share of mentees whose goals and choices concentrate on a few popular mentors "
		 "(0-1, default 0)", "F"},
		{"as-of", 0, 0, G_OPTION_ARG_STRING, &a->as_of,
		 "Reference date (default 2026-01-05 role_model, 2026-09-07 tutoring)", "YYYY-MM-DD"},
		{"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
		 "Write to FILE atomically (default standard output)", "FILE"},
		{NULL},
	};
	GOptionContext *ctx = g_option_context_new("- write a synthetic libmatch-cohort v1 file");
	const char *msg = NULL;

	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_description(ctx, "The people are invented; the same options and seed "
					 "give the same bytes on every machine.");
	a->mentees = a->mentors = -1;
	if (!g_option_context_parse(ctx, argc, argv, &error))
		msg = error->message;
	else if (*argc > 1)
		msg = "unexpected argument";
	else if (a->mentees < 0 || a->mentors < 0)
		msg = "--mentees and --mentors are required";
	else {
		if (!a->seed)
			a->seed = g_strdup("1");
		msg = check_args(a, g);
	}
	g_option_context_free(ctx);
	return msg ? g_strdup(msg) : NULL;
}

int main(int argc, char **argv)
{
	gen_args a = {0};
	gen_ctx g = {0};
	g_autofree char *msg = parse_args(&argc, &argv, &a, &g);
	g_autofree char *command = NULL;
	int rc;

	if (msg) {
		g_printerr("lm-gen-cohort: %s\nTry 'lm-gen-cohort --help'.\n", msg);
		args_clear(&a);
		return EX_USAGE;
	}
	command = describe(&g);
	g.out = g_string_sized_new(2u << 20);
	rc = run(&g, a.output, command);
	g_string_free(g.out, TRUE);
	args_clear(&a);
	return rc;
}
