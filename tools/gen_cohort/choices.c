/* lm-gen-cohort: the mentors a mentee names: ranked choices, exclusions and
 * a previous pair. */
#include "gen_cohort.h"

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

void pick_choices(gen_ctx *g, gen_rng *r, gen_person *p, unsigned n, gboolean popular)
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
void pick_history(gen_ctx *g, gen_rng *r, gen_person *p, unsigned exclude_pm,
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
