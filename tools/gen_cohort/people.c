/* lm-gen-cohort: the traits every program draws in the same way: stage of
 * life, goals, ways of meeting, weekly slots, and the popular mentors. */
#include "gen_cohort.h"

#include <string.h>

gboolean is_popular(const gen_ctx *g, uint32_t mentor)
{
	return g->popular_ppm > 0 && mentor % GEN_POPULAR_STRIDE == 0;
}

uint32_t n_popular(const gen_ctx *g)
{
	return (g->n_mentors + GEN_POPULAR_STRIDE - 1) / GEN_POPULAR_STRIDE;
}

void person_init(gen_person *p)
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
void pick_slots(gen_rng *r, gen_person *p, const gen_slot_kind *kinds, size_t n_kinds,
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

int8_t pick_stage(gen_rng *r, int age, gboolean mentor)
{
	static const unsigned young[] = {55, 20, 20, 5}, adult[] = {8, 40, 32, 20};
	static const unsigned young_rm[] = {40, 50, 5, 5}, adult_rm[] = {5, 65, 10, 20};

	if (age < 20)
		return 0;
	if (mentor)
		return (int8_t)rng_weighted(r, age < 26 ? young_rm : adult_rm, 4);
	return (int8_t)rng_weighted(r, age < 26 ? young : adult, 4);
}

void pick_goals(gen_ctx *g, gen_rng *r, gen_person *p, const gen_name *t,
		       const unsigned *count_w, size_t max, gboolean popular)
{
	unsigned k = 1 + rng_weighted(r, count_w, max);
	size_t n = g->prog->n_goals;

	if (popular) /* concentrate on what the popular mentors offer */
		n = g->prog->n_popular_goals, k = MIN(k, n);
	p->n_goals = (uint8_t)name_pick_distinct(r, t, n, k, p->goals);
}

/* Popular mentors offer the whole popular goal set first, then what they drew. */
void make_popular_offers(gen_ctx *g, gen_person *p, unsigned max)
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

uint8_t pick_modes(gen_rng *r, unsigned both, unsigned in_person)
{
	unsigned x = rng_below(r, 100);

	if (x < both)
		return GEN_IN_PERSON | GEN_ONLINE;
	return x < both + in_person ? GEN_IN_PERSON : GEN_ONLINE;
}
