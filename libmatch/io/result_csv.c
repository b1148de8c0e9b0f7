/* The CSV result writer: one row per pair, then one per unmatched mentee.
 * Columns: mentee, mentor, score, status (new | kept | unmatched | broken), reason,
 * then one column per explaining criterion. A re-optimising run adds one
 * row per `current` pair it broke, last. Ids and criterion names never
 * need quoting (ids are [A-Za-z0-9._-]; names are fixed identifiers). */
#include "io/result_format.h"
#include "match/result_private.h"

/* "mentee,mentor", appended rather than formatted: one row per person. */
static void append_ids(GString *s, const char *mentee, const char *mentor)
{
	g_string_append(s, mentee);
	g_string_append_c(s, ',');
	g_string_append(s, mentor);
}

void lm_result_write_csv(const lm_result *r, GString *s)
{
	g_string_append(s, "mentee,mentor,score,status,reason");
	for (size_t c = 0; c < r->n_criteria; c++)
		g_string_append_printf(s, ",%s", r->criteria[c]);
	g_string_append(s, "\r\n");
	for (guint i = 0; i < r->pairs->len; i++) {
		const lm_result_pair *p = &g_array_index(r->pairs, lm_result_pair, i);

		append_ids(s, r->mentee_ids[p->mentee], r->mentor_ids[p->mentor]);
		g_string_append_c(s, ',');
		lm_append_score(s, p->score);
		g_string_append(s, p->kept ? ",kept," : ",new,");
		for (size_t c = 0; c < r->n_criteria; c++) {
			g_string_append_c(s, ',');
			if (p->components)
				lm_append_score(s, p->components[c]);
		}
		g_string_append(s, "\r\n");
	}
	for (guint i = 0; i < r->unmatched->len; i++) {
		const lm_result_unmatched *u = &g_array_index(r->unmatched, lm_result_unmatched, i);

		append_ids(s, r->mentee_ids[u->mentee],
			   u->best_mentor >= 0 ? r->mentor_ids[u->best_mentor] : "");
		g_string_append(s, ",,unmatched,");
		g_string_append(s, lm_unmatched_reason_name(u->reason));
		for (size_t c = 0; c < r->n_criteria; c++)
			g_string_append_c(s, ',');
		g_string_append(s, "\r\n");
	}
	for (guint i = 0; i < r->broken->len; i++) {
		const lm_result_broken *b = &g_array_index(r->broken, lm_result_broken, i);

		append_ids(s, r->mentee_ids[b->mentee], r->mentor_ids[b->mentor]);
		g_string_append(s, ",,broken,");
		for (size_t c = 0; c < r->n_criteria; c++)
			g_string_append_c(s, ',');
		g_string_append(s, "\r\n");
	}
}
