/* lm-gen-cohort: the command line: its options, their checks, and the
 * command recorded in the file. */
#include "gen_cohort.h"

#include <string.h>

static const gen_program *const programs[] = {&gen_role_model_program, &gen_tutoring_program};

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
		if (a->program && strcmp(a->program, programs[i]->name) == 0)
			g->prog = programs[i];
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
char *describe(const gen_ctx *g)
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

void args_clear(gen_args *a)
{
	g_free(a->program), g_free(a->seed), g_free(a->popular), g_free(a->as_of), g_free(a->output);
}

/* Parses the command line into a and g; returns NULL or what is wrong. */
char *parse_args(int *argc, char ***argv, gen_args *a, gen_ctx *g)
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
