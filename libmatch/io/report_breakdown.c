/* The report's coverage by region and by goal: totals over the mentees of
 * a result, read from the cohort it was computed from. The result holds
 * only ids, so this is the one part of the report that looks at profiles;
 * it keeps nothing per person, only counts per vocabulary value. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "io/report_private.h"
#include "match/result_private.h"

/* Looks up every id of one side of the result in the cohort. */
static int map_ids(uint32_t *map, const char *const *ids, uint32_t n, const lm_cohort *c,
		   lm_role role, lm_error **err)
{
	for (uint32_t i = 0; i < n; i++) {
		lm_role found = LM_ROLE_MENTEE;
		size_t index = 0;

		if (lm_cohort_find(c, ids[i], &found, &index, NULL) < 0 || found != role)
			return lm_set_error(err, LM_EINVAL, "the cohort has no %s '%s' of the result",
					    role == LM_ROLE_MENTEE ? "mentee" : "mentor", ids[i]);
		map[i] = (uint32_t)index;
	}
	return 0;
}

static gboolean offers_goal(const lm_cohort *c, const lm_person *mentor, uint32_t goal)
{
	const uint64_t *bits = lm_person_offers(c, mentor);

	return mentor->has_offers && (bits[goal / 64] >> (goal % 64)) & 1u;
}

/* Most mentees first, then by name, "not given" last: a total order, so the
 * page does not depend on the order of the cohort file's vocabulary. */
static gint row_cmp(gconstpointer a, gconstpointer b)
{
	const lm_report_row *x = a, *y = b;

	if (x->mentees != y->mentees)
		return x->mentees > y->mentees ? -1 : 1;
	if (!x->name || !y->name)
		return (x->name == NULL) - (y->name == NULL);
	return strcmp(x->name, y->name);
}

/* Rows 0..n-1 for the vocabulary, row n for "not given"; empty rows dropped. */
static GArray *finish_rows(lm_report_row *rows, uint32_t n, const lm_vocab *v)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(lm_report_row));

	for (uint32_t i = 0; i <= n; i++) {
		rows[i].name = i < n ? lm_vocab_string(v, i) : NULL;
		if (rows[i].mentees || rows[i].mentors)
			g_array_append_val(out, rows[i]);
	}
	g_array_sort(out, row_cmp);
	return out;
}

/* matched[i]: mentee i (cohort index) has a mentor; met[i]: bit k set when
 * the mentee's k-th goal is offered by one of their mentors. */
static void count_pairs(const lm_result *r, const lm_cohort *c, const uint32_t *mentee_map,
			const uint32_t *mentor_map, uint8_t *matched, uint32_t *met)
{
	for (guint i = 0; i < r->pairs->len; i++) {
		const lm_result_pair *p = &g_array_index(r->pairs, lm_result_pair, i);
		uint32_t me = mentee_map[p->mentee];
		const lm_person *mentee = lm_cohort_mentee(c, me);
		const lm_person *mentor = lm_cohort_mentor(c, mentor_map[p->mentor]);
		const uint16_t *goals = c->goal_pool + mentee->goals.off;

		matched[me] = 1;
		for (uint32_t k = 0; k < mentee->goals.len && k < 32; k++)
			if (offers_goal(c, mentor, goals[k]))
				met[me] |= 1u << k;
	}
}

static void count_regions(lm_report_row *rows, uint32_t n, const lm_cohort *c,
			  const uint32_t *mentees, uint32_t n_mentees, const uint8_t *matched)
{
	for (uint32_t i = 0; i < n_mentees; i++) {
		const lm_person *p = lm_cohort_mentee(c, mentees[i]);
		lm_report_row *row = &rows[p->region >= 0 ? (uint32_t)p->region : n];

		row->mentees++;
		row->matched += matched[mentees[i]];
	}
	for (uint32_t j = 0; j < c->count[LM_ROLE_MENTOR]; j++) {
		const lm_person *p = lm_cohort_mentor(c, j);
		lm_report_row *row = &rows[p->region >= 0 ? (uint32_t)p->region : n];

		row->mentors++;
		row->places += p->capacity;
	}
}

static void count_goals(lm_report_row *rows, uint32_t n, const lm_cohort *c,
			const uint32_t *mentees, uint32_t n_mentees, const uint8_t *matched,
			const uint32_t *met)
{
	for (uint32_t i = 0; i < n_mentees; i++) {
		uint32_t me = mentees[i];
		const lm_person *p = lm_cohort_mentee(c, me);
		const uint16_t *goals = c->goal_pool + p->goals.off;

		if (p->goals.len == 0) {
			rows[n].mentees++;
			rows[n].matched += matched[me];
		}
		for (uint32_t k = 0; k < p->goals.len; k++) {
			lm_report_row *row = &rows[goals[k]];

			row->mentees++;
			row->matched += matched[me];
			row->met += k < 32 && (met[me] >> k) & 1u;
		}
	}
	for (uint32_t j = 0; j < c->count[LM_ROLE_MENTOR]; j++) {
		const lm_person *p = lm_cohort_mentor(c, j);

		for (uint32_t g = 0; g < n; g++)
			rows[g].mentors += offers_goal(c, p, g);
	}
}

int lm_report_breakdown_new(lm_report_breakdown **out, const lm_result *r,
			    const lm_cohort *c, lm_error **err)
{
	if (strcmp(r->input_sha256, lm_cohort_digest(c)) != 0)
		return lm_set_error(err, LM_EINVAL,
				    "the cohort is not the one the result was computed from "
				    "(its SHA-256 differs)");

	uint32_t n_people = c->count[LM_ROLE_MENTEE];
	g_autofree uint32_t *mentee_map = g_new(uint32_t, r->n_mentees + 1);
	g_autofree uint32_t *mentor_map = g_new(uint32_t, r->n_mentors + 1);
	int rc = map_ids(mentee_map, r->mentee_ids, r->n_mentees, c, LM_ROLE_MENTEE, err);

	if (rc == 0)
		rc = map_ids(mentor_map, r->mentor_ids, r->n_mentors, c, LM_ROLE_MENTOR, err);
	if (rc < 0)
		return rc;

	g_autofree uint8_t *matched = g_new0(uint8_t, n_people + 1);
	g_autofree uint32_t *met = g_new0(uint32_t, n_people + 1);
	uint32_t n_regions = lm_vocab_size(c->regions), n_goals = lm_vocab_size(c->goals);
	g_autofree lm_report_row *regions = g_new0(lm_report_row, n_regions + 1);
	g_autofree lm_report_row *goals = g_new0(lm_report_row, n_goals + 1);
	lm_report_breakdown *b = g_new0(lm_report_breakdown, 1);

	count_pairs(r, c, mentee_map, mentor_map, matched, met);
	/* Only the result's mentees count: the same people as its summary. */
	count_regions(regions, n_regions, c, mentee_map, r->n_mentees, matched);
	count_goals(goals, n_goals, c, mentee_map, r->n_mentees, matched, met);
	b->regions = finish_rows(regions, n_regions, c->regions);
	b->goals = finish_rows(goals, n_goals, c->goals);
	*out = b;
	return 0;
}

void lm_report_breakdown_free(lm_report_breakdown *b)
{
	if (!b)
		return;
	g_array_unref(b->regions);
	g_array_unref(b->goals);
	g_free(b);
}
