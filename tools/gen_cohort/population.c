/* lm-gen-cohort: the refugee population of the design notes (DOMAIN.md):
 * the vocabularies of the cohort format, the published figures (arrivals per
 * year, 72% women, provinces of origin and residence, age at arrival...) and
 * the profile drawn from them, which refugees on both sides share. */
#include "gen_cohort.h"

static unsigned name_pick(gen_rng *r, const gen_name *t, size_t n)
{
	unsigned w[32];

	g_assert(n <= N_OF(w));
	for (size_t i = 0; i < n; i++)
		w[i] = t[i].weight;
	return rng_weighted(r, w, n);
}

/* k distinct entries of t[0..n), weighted, in draw order (= priority order). */
unsigned name_pick_distinct(gen_rng *r, const gen_name *t, size_t n, unsigned k,
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

const char *const genders[] = {"female", "male", "undisclosed"};
static const unsigned refugee_genders[] = {72, 27, 1}; /* 72% of arrivals are women */

/* North Korean provinces of origin: 60% North Hamgyong, 17% Ryanggang, 8% South Hamgyong. */
const gen_name origins[] = {
	{"north_hamgyong", 600}, {"ryanggang", 170}, {"south_hamgyong", 80}, {"pyongyang", 25},
	{"north_pyongan", 20}, {"south_pyongan", 25}, {"jagang", 20}, {"kangwon_nk", 20},
	{"north_hwanghae", 20}, {"south_hwanghae", 20},
};

/* Residence in South Korea: Seoul 29%, Gyeonggi 27%, Incheon 9%, the other 14 share 35%. */
const gen_name regions[] = {
	{"seoul", 290}, {"gyeonggi", 270}, {"incheon", 90}, {"busan", 25}, {"daegu", 25},
	{"gwangju", 25}, {"daejeon", 25}, {"ulsan", 25}, {"sejong", 25}, {"gangwon", 25},
	{"chungbuk", 25}, {"chungnam", 25}, {"jeonbuk", 25}, {"jeonnam", 25}, {"gyeongbuk", 25},
	{"gyeongnam", 25}, {"jeju", 25}, {"abroad", 0},
};
_Static_assert(N_OF(regions) == GEN_N_REGIONS, "GEN_ABROAD is the last region");

const char *const stages[] = {"student", "working", "job_seeking", "parent"};

const char *const tzs[] = {
	"Asia/Seoul", "America/New_York", "America/Chicago", "America/Los_Angeles",
	"America/Toronto", "Europe/London", "Australia/Sydney",
};

/* Arrivals in South Korea per year, 2002-2025 (2025 estimated). */
static const unsigned arrivals[] = {
	1142, 1285, 1898, 1384, 2028, 2554, 2803, 2914, 2402, 2706, 1502, 1514,
	1397, 1275, 1418, 1127, 1137, 1047, 229, 63, 67, 196, 236, 200,
};

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

/* What refugees on both sides share: gender, ages, provinces, Korean and
 * Chinese (a large minority spent years in China). */
void refugee_profile(gen_rng *r, gen_person *p, int first, int last)
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
