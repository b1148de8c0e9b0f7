/* The HTML report for program staff. Not API.
 *
 * report_html.c writes the page (summary, pairs, unmatched), report_charts.c
 * the charts and the SVG pieces, report_breakdown.c the optional per-region
 * and per-goal totals it reads from the cohort. Everything is computed with
 * integers so that equal inputs give byte-identical pages. */
#ifndef LM_REPORT_PRIVATE_H
#define LM_REPORT_PRIVATE_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/cohort.h"
#include "libmatch/match.h"

/* One row of a coverage table: a region, or a goal. */
typedef struct lm_report_row {
	const char *name;    /* vocabulary value, borrowed from the cohort; NULL = not given */
	uint32_t mentees;    /* mentees living there / listing the goal */
	uint32_t matched;    /* of them, with at least one mentor */
	uint32_t met;        /* goals: matched with a mentor who offers the goal */
	uint32_t mentors;    /* mentors living there / offering the goal */
	uint64_t places;     /* regions: the capacity of those mentors */
} lm_report_row;

/* Totals over mentees that need the cohort; the result holds only ids.
 * Only counts leave this structure: no person's region or goals. */
typedef struct lm_report_breakdown {
	GArray *regions;     /* lm_report_row, most mentees first, then by name */
	GArray *goals;       /* lm_report_row, the same order */
} lm_report_breakdown;

/* Computes the breakdown of result's mentees from cohort, which must be
 * the cohort the result was computed from (same digest and ids). */
int lm_report_breakdown_new(lm_report_breakdown **out, const lm_result *r,
			    const lm_cohort *cohort, lm_error **err);
void lm_report_breakdown_free(lm_report_breakdown *b);

/* Appends the whole page. b may be NULL (no coverage charts). */
void lm_report_html(const lm_result *r, const lm_report_breakdown *b, GString *out);

/* --- shared by the report's files ---------------------------------------- */

/* Appends text escaped for HTML content and attribute values. */
void lm_report_escape(GString *s, const char *text);
/* Appends a score in points rounded half away from zero to one decimal. */
void lm_report_points(GString *s, lm_score score);
/* Appends part/whole as a percentage with one decimal ("83.0%"); "–" for 0/0. */
void lm_report_percent(GString *s, uint64_t part, uint64_t whole);
/* The width of the score scale: 100 points, or the best score rounded up
 * to ten points when a model's weights add up to more. */
lm_score lm_report_scale(const lm_result *r);
/* The fill colour of a criterion: fixed per name, so that a criterion has
 * the same colour in every report; index picks one for unknown names. */
const char *lm_report_colour(const char *criterion, size_t index);

/* The stacked bar of one pair's contributions (decorative: the numbers are
 * in the same table row). */
void lm_report_pair_bar(GString *s, const lm_result *r, const lm_score *components,
			lm_score scale);
/* The score histogram section. */
void lm_report_histogram(GString *s, const lm_result *r);
/* The two coverage sections, or a note when b is NULL. */
void lm_report_coverage(GString *s, const lm_report_breakdown *b);

#endif
