/* lm-gen-cohort: the English tutoring program: students in Seoul and
 * volunteer tutors abroad, online, in their own time zones. */
#include "gen_cohort.h"

static const unsigned tutor_genders[] = {62, 36, 2};
static const unsigned tutor_tz_weights[] = {15, 25, 10, 15, 12, 15, 8};

static const gen_name tu_goals[] = {
	{"conversation", 35}, {"interviews", 20}, {"test_prep", 20}, {"writing", 15},
	{"public_speaking", 10},
};
static const gen_name tu_offers[] = {
	{"conversation", 35}, {"interviews", 18}, {"test_prep", 17}, {"writing", 18},
	{"public_speaking", 12},
};
#define GEN_TU_POPULAR 2

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

const gen_program gen_tutoring_program = {
	"tutoring", "s", "t", "2026-09-07", tu_goals, N_OF(tu_goals), GEN_TU_POPULAR,
	tu_student, tu_tutor,
};
