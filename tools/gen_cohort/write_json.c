/* lm-gen-cohort: the cohort as a libmatch-cohort v1 JSON document.
 *
 * The JSON is streamed through one GString flushed in 1 MiB blocks: a
 * 100,000 x 10,000 cohort is ~60 MB and building it as a cJSON tree first
 * would cost several times that in memory and time. */
#include "gen_cohort.h"

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
void generate(gen_ctx *g, const char *command)
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
