/* lm-gen-cohort's private header: the types its parts share (the random
 * stream, a person, a program, the run's context) and what each part offers
 * the others. See main.c for the parts; each function is described where it is
 * defined. */
#ifndef LM_GEN_COHORT_H
#define LM_GEN_COHORT_H

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

/* ---- rng.c: seeded random numbers ------------------------------------------- */

typedef struct gen_rng {
	uint64_t s[4];
} gen_rng;

void rng_seed(gen_rng *r, uint64_t seed, uint64_t stream, uint64_t index);
uint32_t rng_below(gen_rng *r, uint32_t n);
int rng_range(gen_rng *r, int lo, int hi);
gboolean rng_chance(gen_rng *r, unsigned per_mille);
unsigned rng_weighted(gen_rng *r, const unsigned *w, size_t n);

/* ---- population.c: vocabularies and the figures of DOMAIN.md --------------------- */

typedef struct gen_name {
	const char *name;
	unsigned weight;
} gen_name;

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

unsigned name_pick_distinct(gen_rng *r, const gen_name *t, size_t n, unsigned k, uint8_t *out);

/* Names written to the file, indexed by the person's fields. */
extern const char *const genders[];
enum { GEN_FEMALE, GEN_MALE, GEN_UNDISCLOSED };
extern const gen_name origins[];
extern const gen_name regions[];
#define GEN_N_REGIONS 18
#define GEN_ABROAD ((int8_t)(GEN_N_REGIONS - 1))
extern const char *const stages[];
extern const char *const tzs[];

#define GEN_FIRST_YEAR 2002

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

/* What refugees on both sides share (population.c). */
void refugee_profile(gen_rng *r, gen_person *p, int first, int last);

/* people.c: traits drawn the same way in every program. */
gboolean is_popular(const gen_ctx *g, uint32_t mentor);
uint32_t n_popular(const gen_ctx *g);
void person_init(gen_person *p);
void pick_slots(gen_rng *r, gen_person *p, const gen_slot_kind *kinds, size_t n_kinds,
		unsigned n);
int8_t pick_stage(gen_rng *r, int age, gboolean mentor);
void pick_goals(gen_ctx *g, gen_rng *r, gen_person *p, const gen_name *t,
		const unsigned *count_w, size_t max, gboolean popular);
void make_popular_offers(gen_ctx *g, gen_person *p, unsigned max);
uint8_t pick_modes(gen_rng *r, unsigned both, unsigned in_person);

/* choices.c: the mentors a mentee names. */
void pick_choices(gen_ctx *g, gen_rng *r, gen_person *p, unsigned n, gboolean popular);
void pick_history(gen_ctx *g, gen_rng *r, gen_person *p, unsigned exclude_pm,
		  unsigned previous_pm, const unsigned *outcome_w);

/* ---- the programs: role_model.c, tutoring.c ------------------------------------- */

extern const gen_program gen_role_model_program;
extern const gen_program gen_tutoring_program;

/* ---- write_json.c ------------------------------------------------------------------- */

void generate(gen_ctx *g, const char *command);

/* ---- options.c: the command line ----------------------------------------------------- */

typedef struct gen_args {
	char *program, *seed, *popular, *as_of, *output;
	gint mentees, mentors;
} gen_args;

char *parse_args(int *argc, char ***argv, gen_args *a, gen_ctx *g);
char *describe(const gen_ctx *g);
void args_clear(gen_args *a);

#endif
