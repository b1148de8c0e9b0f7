/* The report's charts, drawn as inline SVG so that the page needs no
 * script and no image file: the bar of each pair, the score histogram and
 * the coverage tables. Coordinates are integers in a viewBox, so the bytes
 * do not depend on floating point or locale. Every chart has its numbers
 * as text too (labels or table cells): colour is never the only carrier. */
#include <string.h>
#include "io/report_private.h"
#include "match/result_private.h"

/* Histogram geometry, in viewBox units. */
#define BINS 10
#define HIST_W 720
#define HIST_H 260
#define PLOT_X 48
#define PLOT_Y 24
#define PLOT_W 660
#define PLOT_H 190

void lm_report_escape(GString *s, const char *text)
{
	g_autofree char *escaped = g_markup_escape_text(text ? text : "", -1);

	g_string_append(s, escaped);
}

void lm_report_points(GString *s, lm_score score)
{
	guint64 magnitude = score < 0 ? -(guint64)score : (guint64)score;
	guint64 tenths = (magnitude + LM_SCORE_SCALE / 20) / (LM_SCORE_SCALE / 10);

	g_string_append_printf(s, "%s%" G_GUINT64_FORMAT ".%u", score < 0 && tenths ? "-" : "",
			       tenths / 10, (unsigned)(tenths % 10));
}

void lm_report_percent(GString *s, uint64_t part, uint64_t whole)
{
	if (whole == 0) {
		g_string_append(s, "–");
		return;
	}
	uint64_t tenths = (part * 2000 + whole) / (2 * whole);

	g_string_append_printf(s, "%" G_GUINT64_FORMAT ".%u%%", tenths / 10,
			       (unsigned)(tenths % 10));
}

lm_score lm_report_scale(const lm_result *r)
{
	const lm_score ten = 10 * (lm_score)LM_SCORE_SCALE;
	lm_score best = 0;

	for (guint i = 0; i < r->pairs->len; i++)
		best = MAX(best, g_array_index(r->pairs, lm_result_pair, i).score);
	best = (best + ten - 1) / ten * ten;
	return MAX(best, 10 * ten);
}

/* Okabe and Ito's colour-blind-safe palette first (without its yellow,
 * too pale on white), then darker tones that stay apart in greyscale
 * print thanks to the white gaps between segments. */
static const struct {
	const char *name, *colour;
} known_colours[] = {
	{ "goals", "#0072b2" },      { "availability", "#e69f00" }, { "choice", "#009e73" },
	{ "region", "#cc79a7" },     { "stage", "#56b4e9" },        { "seniority", "#d55e00" },
	{ "level", "#7b5ea7" },      { "language", "#8c8c2e" },     { "continuity", "#332288" },
	{ "waiting", "#882255" },    { "gender", "#44aa99" },       { "origin", "#aa4499" },
	{ "trained", "#666666" },
};

const char *lm_report_colour(const char *criterion, size_t index)
{
	for (size_t i = 0; i < G_N_ELEMENTS(known_colours); i++)
		if (criterion && strcmp(criterion, known_colours[i].name) == 0)
			return known_colours[i].colour;
	return known_colours[index % G_N_ELEMENTS(known_colours)].colour;
}

void lm_report_pair_bar(GString *s, const lm_result *r, const lm_score *components,
			lm_score scale)
{
	lm_score done = 0;
	int x = 0;

	/* 1000 units for the whole scale; each segment ends where the running
	 * total ends, so rounding never makes the bar drift. A 2-unit gap
	 * separates segments without changing the total length much. */
	g_string_append(s, "<svg class=\"bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" "
			   "aria-hidden=\"true\"><rect class=\"track\" width=\"1000\" height=\"10\"/>");
	for (size_t c = 0; c < r->n_criteria; c++) {
		lm_score v = components[c] > 0 ? components[c] : 0;
		int end;

		done += v;
		end = (int)(MIN(done, scale) * 1000 / scale);
		if (end - x > 2)
			g_string_append_printf(s, "<rect class=\"k%zu\" x=\"%d\" width=\"%d\" "
					       "height=\"10\"/>", c, x, end - x - 2);
		x = MAX(x, end);
	}
	g_string_append(s, "</svg>");
}

/* "40–50": whole points, as bands are whole tens (of points, or of the
 * scale over ten, which is a whole number of points too). */
static void append_bin_label(GString *s, lm_score lo, lm_score hi)
{
	g_string_append_printf(s, "%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
			       lo / LM_SCORE_SCALE, hi / LM_SCORE_SCALE);
}

void lm_report_histogram(GString *s, const lm_result *r)
{
	lm_score scale = lm_report_scale(r), width = scale / BINS;
	uint32_t bins[BINS] = { 0 }, top = 0;

	g_string_append(s, "<section id=\"distribution\">\n<h2>Score distribution</h2>\n");
	if (r->pairs->len == 0) {
		g_string_append(s, "<p>No pairs to chart.</p>\n</section>\n");
		return;
	}
	for (guint i = 0; i < r->pairs->len; i++) {
		lm_score v = MAX(g_array_index(r->pairs, lm_result_pair, i).score, 0);

		bins[MIN(v / width, BINS - 1)]++;
	}
	for (int b = 0; b < BINS; b++)
		top = MAX(top, bins[b]);
	g_string_append(s, "<p>How many pairs score in each band of points; higher is a better fit. "
			   "A band such as 40–50 holds the scores from 40 up to, but not "
			   "including, 50.</p>\n");
	g_string_append_printf(s, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
			       "aria-labelledby=\"hist-desc\"><desc id=\"hist-desc\">Pairs by score:",
			       HIST_W, HIST_H);
	for (int b = 0; b < BINS; b++) {
		g_string_append(s, b ? "; " : " ");
		append_bin_label(s, b * width, (b + 1) * width);
		g_string_append_printf(s, " points, %u", bins[b]);
	}
	g_string_append(s, ".</desc>\n");
	g_string_append_printf(s, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
			       PLOT_X, PLOT_Y + PLOT_H, PLOT_X + PLOT_W, PLOT_Y + PLOT_H);
	for (int b = 0; b < BINS; b++) {
		int slot = PLOT_W / BINS, x = PLOT_X + b * slot;
		int h = (int)((uint64_t)bins[b] * PLOT_H / top), y = PLOT_Y + PLOT_H - h;

		if (h > 0)
			g_string_append_printf(s, "<rect class=\"hist\" x=\"%d\" y=\"%d\" width=\"%d\" "
					       "height=\"%d\"/>", x + 6, y, slot - 12, h);
		g_string_append_printf(s, "<text class=\"count\" x=\"%d\" y=\"%d\">%u</text>",
				       x + slot / 2, y - 6, bins[b]);
		g_string_append_printf(s, "<text class=\"tick\" x=\"%d\" y=\"%d\">", x + slot / 2,
				       PLOT_Y + PLOT_H + 18);
		append_bin_label(s, b * width, (b + 1) * width);
		g_string_append(s, "</text>\n");
	}
	g_string_append_printf(s, "<text class=\"caption\" x=\"%d\" y=\"%d\">score (points)</text>"
			       "<text class=\"caption\" x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\">"
			       "pairs</text>\n</svg>\n</section>\n",
			       PLOT_X + PLOT_W / 2, HIST_H - 4, PLOT_Y + PLOT_H / 2, PLOT_Y + PLOT_H / 2);
}

/* A bar of up to three parts out of max: solid, lighter, and the rest as
 * an outline, all ending at whole units of 1000. */
static void coverage_bar(GString *s, uint32_t solid, uint32_t light, uint32_t total, uint32_t max)
{
	int a = (int)((uint64_t)solid * 1000 / max), b = (int)((uint64_t)(solid + light) * 1000 / max);
	int t = (int)((uint64_t)total * 1000 / max);

	g_string_append(s, "<svg class=\"bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" "
			   "aria-hidden=\"true\">");
	if (t > 0)
		g_string_append_printf(s, "<rect class=\"rest\" width=\"%d\" height=\"10\"/>", t);
	if (b > a)
		g_string_append_printf(s, "<rect class=\"part\" x=\"%d\" width=\"%d\" height=\"10\"/>",
				       a, b - a);
	if (a > 0)
		g_string_append_printf(s, "<rect class=\"full\" width=\"%d\" height=\"10\"/>", a);
	g_string_append(s, "</svg>");
}

static uint32_t max_mentees(const GArray *rows)
{
	uint32_t m = 1;

	for (guint i = 0; i < rows->len; i++)
		m = MAX(m, g_array_index(rows, lm_report_row, i).mentees);
	return m;
}

static void region_table(GString *s, const GArray *rows)
{
	uint32_t max = max_mentees(rows);

	g_string_append(s, "<section id=\"regions\">\n<h2>Coverage by region</h2>\n"
			   "<p>Mentees by the region they live in, and how many have a mentor. "
			   "Mentors and places are those living in the region (online pairs may "
			   "cross regions).</p>\n<p class=\"key\"><span class=\"sw full\"></span> "
			   "matched <span class=\"sw rest\"></span> unmatched</p>\n"
			   "<table class=\"cov\">\n<thead><tr><th scope=\"col\">Region</th>"
			   "<th scope=\"col\" class=\"num\">Mentees</th><th scope=\"col\" class=\"num\">"
			   "Matched</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\">"
			   "<span class=\"vh\">Chart</span></th><th scope=\"col\" class=\"num\">Mentors"
			   "</th><th scope=\"col\" class=\"num\">Places</th></tr></thead>\n<tbody>\n");
	for (guint i = 0; i < rows->len; i++) {
		const lm_report_row *row = &g_array_index(rows, lm_report_row, i);

		g_string_append(s, "<tr class=\"region\"><th scope=\"row\">");
		if (row->name)
			lm_report_escape(s, row->name);
		else
			g_string_append(s, "<i>not given</i>");
		g_string_append_printf(s, "</th><td class=\"num\">%u</td><td class=\"num\">%u</td>"
				       "<td class=\"num\">", row->mentees, row->matched);
		lm_report_percent(s, row->matched, row->mentees);
		g_string_append(s, "</td><td>");
		coverage_bar(s, row->matched, 0, row->mentees, max);
		g_string_append_printf(s, "</td><td class=\"num\">%u</td><td class=\"num\">%"
				       G_GUINT64_FORMAT "</td></tr>\n", row->mentors, row->places);
	}
	g_string_append(s, "</tbody>\n</table>\n</section>\n");
}

static void goal_table(GString *s, const GArray *rows)
{
	uint32_t max = max_mentees(rows);

	g_string_append(s, "<section id=\"goals\">\n<h2>Coverage by goal</h2>\n"
			   "<p>For each goal, the mentees who listed it (a mentee with several goals "
			   "counts under each), how many have a mentor, and how many have a mentor who "
			   "offers help with that goal.</p>\n<p class=\"key\"><span class=\"sw full\">"
			   "</span> mentor offers the goal <span class=\"sw part\"></span> matched, "
			   "goal not offered <span class=\"sw rest\"></span> unmatched</p>\n"
			   "<table class=\"cov\">\n<thead><tr><th scope=\"col\">Goal</th>"
			   "<th scope=\"col\" class=\"num\">Mentees</th><th scope=\"col\" class=\"num\">"
			   "Matched</th><th scope=\"col\" class=\"num\">Goal offered</th>"
			   "<th scope=\"col\" class=\"num\">Share offered</th><th scope=\"col\">"
			   "<span class=\"vh\">Chart</span></th><th scope=\"col\" class=\"num\">"
			   "Mentors offering</th></tr></thead>\n<tbody>\n");
	for (guint i = 0; i < rows->len; i++) {
		const lm_report_row *row = &g_array_index(rows, lm_report_row, i);

		if (row->mentees == 0)
			continue; /* offered but wanted by nobody: not coverage */
		g_string_append(s, "<tr class=\"goal\"><th scope=\"row\">");
		if (row->name)
			lm_report_escape(s, row->name);
		else
			g_string_append(s, "<i>no goals given</i>");
		g_string_append_printf(s, "</th><td class=\"num\">%u</td><td class=\"num\">%u</td>"
				       "<td class=\"num\">", row->mentees, row->matched);
		if (row->name)
			g_string_append_printf(s, "%u</td><td class=\"num\">", row->met);
		else
			g_string_append(s, "–</td><td class=\"num\">");
		lm_report_percent(s, row->name ? row->met : 0, row->name ? row->mentees : 0);
		g_string_append(s, "</td><td>");
		coverage_bar(s, row->met, row->matched - row->met, row->mentees, max);
		g_string_append_printf(s, "</td><td class=\"num\">%u</td></tr>\n", row->mentors);
	}
	g_string_append(s, "</tbody>\n</table>\n</section>\n");
}

void lm_report_coverage(GString *s, const lm_report_breakdown *b)
{
	if (!b) {
		g_string_append(s, "<section id=\"regions\">\n<h2>Coverage by region and goal</h2>\n"
				   "<p class=\"note\">This report was made without the cohort file, "
				   "so coverage by region and by goal is not shown.</p>\n</section>\n");
		return;
	}
	region_table(s, b->regions);
	goal_table(s, b->goals);
}
