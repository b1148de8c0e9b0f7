/* lm-gen-cohort: the role-model program: newly arrived mentees and role
 * models who resettled earlier, in Seoul time. */
#include "gen_cohort.h"

#include <string.h>

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

/* Role models and mentees in Seoul: mostly weekday evenings and weekends. */
static const gen_slot_kind seoul_slots[] = {
	{55, 0, 4, 5, {HM(18, 0), HM(18, 30), HM(19, 0), HM(19, 30), HM(20, 0)}},
	{35, 5, 6, 6, {HM(10, 0), HM(11, 0), HM(13, 0), HM(14, 0), HM(15, 0), HM(17, 0)}},
	{10, 0, 4, 3, {HM(10, 0), HM(13, 0), HM(14, 0)}},
};

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

const gen_program gen_role_model_program = {
	"role_model", "m", "r", "2026-01-05", rm_goals, N_OF(rm_goals), GEN_RM_POPULAR,
	rm_mentee, rm_mentor,
};
