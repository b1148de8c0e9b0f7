/* The libmatch-result v1 JSON writer. Written by hand rather than through a
 * cJSON tree so that the layout (one pair per line) and the exact
 * fixed-point numbers are under our control: equal results give
 * byte-identical files. */
#include <cjson/cJSON.h>
#include "libmatch/version.h"
#include "io/result_format.h"
#include "match/result_private.h"

static void append_string(GString *s, const char *text)
{
	/* Ids are restricted to [A-Za-z0-9._-]. A string cJSON would not
	 * escape (no quote, backslash or control character; it copies other
	 * bytes as they are) is written as cJSON would, without a tree per
	 * id; others (a model's name) go through cJSON's escaper. */
	const unsigned char *c = (const unsigned char *)(text ? text : "");

	while (*c >= 0x20 && *c != '"' && *c != '\\')
		c++;
	if (*c == 0) {
		g_string_append_c(s, '"');
		g_string_append_len(s, text ? text : "", (const char *)c - (text ? text : ""));
		g_string_append_c(s, '"');
		return;
	}

	cJSON *item = cJSON_CreateString(text ? text : "");
	char *printed = item ? cJSON_PrintUnformatted(item) : NULL;

	g_string_append(s, printed ? printed : "\"\"");
	cJSON_free(printed);
	cJSON_Delete(item);
}

static void append_key(GString *s, const char *key)
{
	append_string(s, key);
	g_string_append(s, ": ");
}

static void append_pair(GString *s, const lm_result *r, const lm_result_pair *p)
{
	g_string_append(s, "    {\"mentee\": ");
	append_string(s, r->mentee_ids[p->mentee]);
	g_string_append(s, ", \"mentor\": ");
	append_string(s, r->mentor_ids[p->mentor]);
	g_string_append(s, ", \"score\": ");
	lm_append_score(s, p->score);
	if (p->kept)
		g_string_append(s, ", \"kept\": true");
	if (p->components) {
		g_string_append(s, ", \"criteria\": {");
		for (size_t c = 0; c < r->n_criteria; c++) {
			if (c)
				g_string_append(s, ", ");
			append_key(s, r->criteria[c]);
			lm_append_score(s, p->components[c]);
		}
		g_string_append_c(s, '}');
	}
	g_string_append_c(s, '}');
}

static void append_unmatched(GString *s, const lm_result *r, const lm_result_unmatched *u)
{
	g_string_append(s, "    {\"mentee\": ");
	append_string(s, r->mentee_ids[u->mentee]);
	g_string_append(s, ", \"reason\": ");
	append_string(s, lm_unmatched_reason_name(u->reason));
	if (u->reason == LM_UNMATCHED_NO_FEASIBLE_MENTOR && u->blocked) {
		gboolean first = TRUE;

		g_string_append(s, ", \"blocked_by\": {");
		for (size_t c = 0; c < r->n_constraints; c++) {
			if (!u->blocked[c])
				continue;
			if (!first)
				g_string_append(s, ", ");
			first = FALSE;
			append_key(s, r->constraints[c]);
			g_string_append_printf(s, "%u", u->blocked[c]);
		}
		g_string_append_c(s, '}');
	}
	if (u->best_mentor >= 0) {
		g_string_append(s, ", \"best_feasible\": ");
		append_string(s, r->mentor_ids[u->best_mentor]);
	}
	g_string_append_c(s, '}');
}

static uint32_t count_matched_mentees(const lm_result *r)
{
	/* Pairs are sorted by mentee, so distinct mentees are runs. */
	uint32_t n = 0;

	for (guint i = 0; i < r->pairs->len; i++) {
		const lm_result_pair *p = &g_array_index(r->pairs, lm_result_pair, i);

		if (i == 0 || p->mentee != g_array_index(r->pairs, lm_result_pair, i - 1).mentee)
			n++;
	}
	return n;
}

static void append_summary(GString *s, const lm_result *r)
{
	guint n = r->pairs->len;
	/* The mean rounded half up to a millionth, from integers. */
	lm_score mean = n ? (lm_score)((r->total * 2 + (lm_score)n) / (2 * (lm_score)n)) : 0;

	g_string_append_printf(s, "  \"summary\": {\"mentees\": %u, \"mentors\": %u, "
			       "\"matched\": %u, \"pairs\": %u, \"total_score\": ",
			       r->n_mentees, r->n_mentors, count_matched_mentees(r), n);
	lm_append_score(s, r->total);
	g_string_append(s, ", \"mean_score\": ");
	lm_append_score(s, mean);
	g_string_append(s, ", \"min_score\": ");
	lm_append_score(s, r->min);
	g_string_append_printf(s, ", \"optimal\": %s", r->optimal ? "true" : "false");
	if (r->has_optimum) {
		/* The gap is negative when a coverage optimum matches more people
		 * at a lower total. */
		g_string_append(s, ", \"optimum_total\": ");
		lm_append_score(s, r->optimum_total);
		g_string_append_printf(s, ", \"optimum_pairs\": %" G_GUINT64_FORMAT ", \"gap\": ",
				       r->optimum_pairs);
		lm_append_score(s, r->optimum_total - r->total);
	}
	if (r->what_if) {
		int best = lm_result_what_if_best(r);

		g_string_append(s, ", \"what_if\": {\"constraint\": ");
		if (best >= 0)
			append_string(s, r->constraints[best]);
		else
			g_string_append(s, "null");
		g_string_append_printf(s, ", \"would_match\": %ld}", best >= 0 ? r->what_if[best] : 0);
	}
	g_string_append(s, "}\n");
}

/* Re-optimising runs list the `current` pairs they did not keep. */
static void append_broken(GString *s, const lm_result *r)
{
	g_string_append(s, "  \"broken\": [");
	for (guint i = 0; i < r->broken->len; i++) {
		const lm_result_broken *b = &g_array_index(r->broken, lm_result_broken, i);

		g_string_append(s, i ? ",\n    {\"mentee\": " : "\n    {\"mentee\": ");
		append_string(s, r->mentee_ids[b->mentee]);
		g_string_append(s, ", \"mentor\": ");
		append_string(s, r->mentor_ids[b->mentor]);
		g_string_append_c(s, '}');
	}
	g_string_append(s, r->broken->len ? "\n  ],\n" : "],\n");
}

void lm_result_write_json(const lm_result *r, GString *s)
{
	g_string_append(s, "{\n  \"format\": \"libmatch-result\",\n  \"version\": 1,\n");
	g_string_append_printf(s, "  \"libmatch\": \"%s\",\n", lm_version_string());
	g_string_append(s, "  \"input_sha256\": ");
	append_string(s, r->input_sha256);
	g_string_append(s, ",\n  \"model\": ");
	if (r->model)
		append_string(s, r->model);
	else
		g_string_append(s, "null");
	g_string_append(s, ",\n  \"algorithm\": ");
	append_string(s, lm_algorithm_name(r->algorithm));
	g_string_append(s, ",\n  \"objective\": ");
	append_string(s, lm_objective_name(r->objective));
	if (r->proposers >= 0) {
		g_string_append(s, ",\n  \"proposers\": ");
		append_string(s, lm_proposers_name(r->proposers));
	}
	if (r->reoptimised) {
		g_string_append(s, ",\n  \"break_cost\": ");
		lm_append_score(s, r->break_cost);
	}
	g_string_append_printf(s, ",\n  \"seed\": %" G_GUINT64_FORMAT ",\n  \"pairs\": [", r->seed);
	for (guint i = 0; i < r->pairs->len; i++) {
		g_string_append(s, i ? ",\n" : "\n");
		append_pair(s, r, &g_array_index(r->pairs, lm_result_pair, i));
	}
	g_string_append(s, r->pairs->len ? "\n  ],\n  \"unmatched\": [" : "],\n  \"unmatched\": [");
	for (guint i = 0; i < r->unmatched->len; i++) {
		g_string_append(s, i ? ",\n" : "\n");
		append_unmatched(s, r, &g_array_index(r->unmatched, lm_result_unmatched, i));
	}
	g_string_append(s, r->unmatched->len ? "\n  ],\n" : "],\n");
	if (r->reoptimised)
		append_broken(s, r);
	append_summary(s, r);
	g_string_append(s, "}\n");
}
