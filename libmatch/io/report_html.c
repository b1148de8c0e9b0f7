/* The HTML report: one page a coordinator can open offline, print, or
 * attach to a board paper. Summary figures first, then every pair with its
 * score broken down by criterion, the unmatched with their reasons in plain
 * words, and the charts (report_charts.c).
 *
 * The page is self-contained on purpose: inline CSS and SVG, no script, a
 * Content-Security-Policy that forbids loading anything, and no date or
 * time, so that the same result always gives the same bytes. It names ids,
 * criteria and counts, as the JSON result does. */
#include <string.h>
#include "libmatch/version.h"
#include "io/report_private.h"
#include "match/result_private.h"

static const char style[] =
	":root{color-scheme:light}\n"
	"body{font:15px/1.45 system-ui,\"DejaVu Sans\",Arial,sans-serif;color:#1a1a1a;"
	"background:#fff;margin:0 auto;max-width:1400px;padding:24px}\n"
	"h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.3em;margin:32px 0 8px;"
	"border-bottom:2px solid #d0d7de;padding-bottom:4px}\n"
	"h3{font-size:1.05em;margin:18px 0 6px}p{margin:6px 0}.sub,.note{color:#4a4a4a}nav a{color:#0b5394;margin-right:14px}\n"
	".figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));"
	"gap:10px;margin:12px 0;padding:0}\n"
	".figures div{border:1px solid #d0d7de;border-radius:6px;padding:8px 10px}\n"
	".figures dt{font-size:.85em;color:#4a4a4a}.figures dd{margin:0;font-size:1.35em;"
	"font-weight:600}\n"
	"table{border-collapse:collapse;margin:8px 0;font-size:.92em}\n"
	"th,td{padding:3px 8px;border-bottom:1px solid #e3e6ea;text-align:left;"
	"vertical-align:middle}\n"
	"thead th{background:#f0f3f6;border-bottom:2px solid #b8c0c8;font-weight:600}\n"
	"tbody tr:nth-child(even){background:#f8f9fa}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"td.id,th.id{font-family:\"DejaVu Sans Mono\",monospace;white-space:nowrap}\n"
	"svg.bar{width:160px;height:12px;display:block}\n"
	"th.crit{font-size:.8em;font-weight:600;white-space:normal;min-width:3.5em}\n"
	"svg.chart{width:100%;max-width:720px;height:auto;display:block}\n"
	".track{fill:#eef0f2}.rest{fill:#fff;stroke:#8a8a8a;stroke-width:2}\n"
	".part{fill:#9ecae1}.full{fill:#08519c}.hist{fill:#0072b2}.axis{stroke:#4a4a4a}\n"
	"text{font:13px system-ui,\"DejaVu Sans\",sans-serif;fill:#1a1a1a;text-anchor:middle}\n"
	"text.tick{font-size:11px}text.caption{fill:#4a4a4a}\n"
	".legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:6px 0;padding:0;"
	"list-style:none}\n"
	".sw{display:inline-block;width:12px;height:12px;margin-right:5px;"
	"vertical-align:-1px;border:1px solid #fff;outline:1px solid #8a8a8a}\n"
	".sw.full{background:#08519c}.sw.part{background:#9ecae1}.sw.rest{background:#fff}\n"
	".key .sw{margin-left:10px}.key .sw:first-child{margin-left:0}\n"
	".kept{font-size:.8em;border:1px solid #6a6a6a;border-radius:3px;padding:0 4px}\n"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
	".hint{border-left:4px solid #e69f00;background:#fff8e6;padding:8px 12px}\n"
	"footer{margin-top:32px;font-size:.85em;color:#4a4a4a;overflow-wrap:anywhere}\n"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"@page{margin:12mm}\n"
	"@media print{body{font-size:10pt;padding:0;max-width:none}nav{display:none}"
	"h2{break-after:avoid}tr,.figures div,svg.chart{break-inside:avoid}"
	"thead{display:table-header-group}}\n";

/* Distinct mentees with at least one pair (pairs are sorted by mentee). */
static uint32_t count_matched(const lm_result *r)
{
	uint32_t n = 0;

	for (guint i = 0; i < r->pairs->len; i++)
		if (i == 0 || g_array_index(r->pairs, lm_result_pair, i).mentee !=
				      g_array_index(r->pairs, lm_result_pair, i - 1).mentee)
			n++;
	return n;
}

static void figure(GString *s, const char *label, const char *value)
{
	g_string_append_printf(s, "<div><dt>%s</dt><dd>%s</dd></div>\n", label, value);
}

static void header(GString *s, const lm_result *r)
{
	const char *algorithm = lm_algorithm_name(r->algorithm);
	const char *objective = lm_objective_name(r->objective);

	g_string_append(s, "<header>\n<h1>Matching report</h1>\n<p class=\"sub\">Model <b>");
	if (r->model)
		lm_report_escape(s, r->model);
	else
		g_string_append(s, "own scores (pure solver)");
	g_string_append_printf(s, "</b> · algorithm <b>%s</b>", algorithm ? algorithm : "?");
	if (r->proposers >= 0 && lm_proposers_name(r->proposers))
		g_string_append_printf(s, " (%s propose)", lm_proposers_name(r->proposers));
	g_string_append_printf(s, " · objective <b>%s</b> · seed %" G_GUINT64_FORMAT "</p>\n",
			       objective ? objective : "?", r->seed);
	g_string_append(s, "<nav><a href=\"#summary\">Summary</a><a href=\"#pairs\">Pairs</a>"
			   "<a href=\"#unmatched\">Unmatched</a><a href=\"#distribution\">Scores</a>"
			   "<a href=\"#regions\">Coverage</a></nav>\n</header>\n");
}

static void summary(GString *s, const lm_result *r)
{
	uint32_t matched = count_matched(r), kept = 0;
	guint n = r->pairs->len;
	lm_score mean = n ? (r->total * 2 + (lm_score)n) / (2 * (lm_score)n) : 0;
	GString *v = g_string_new(NULL);

	for (guint i = 0; i < n; i++)
		kept += g_array_index(r->pairs, lm_result_pair, i).kept ? 1 : 0;
	g_string_append(s, "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"figures\">\n");
	g_string_printf(v, "%u", r->n_mentees);
	figure(s, "Mentees", v->str);
	g_string_printf(v, "%u <small>(", matched);
	lm_report_percent(v, matched, r->n_mentees);
	g_string_append(v, ")</small>");
	figure(s, "Matched", v->str);
	g_string_printf(v, "%u", r->unmatched->len);
	figure(s, "Unmatched", v->str);
	g_string_printf(v, "%u", n);
	if (kept)
		g_string_append_printf(v, " <small>(%u kept)</small>", kept);
	figure(s, "Pairs", v->str);
	g_string_printf(v, "%u", r->n_mentors);
	figure(s, "Mentors", v->str);
	g_string_truncate(v, 0);
	lm_report_points(v, mean);
	figure(s, "Mean score", n ? v->str : "–");
	g_string_truncate(v, 0);
	lm_report_points(v, r->min);
	figure(s, "Lowest score", n ? v->str : "–");
	g_string_truncate(v, 0);
	lm_report_points(v, r->total);
	figure(s, "Total score", v->str);
	figure(s, "Objective", lm_objective_name(r->objective) ? lm_objective_name(r->objective) : "?");
	figure(s, "Algorithm", lm_algorithm_name(r->algorithm) ? lm_algorithm_name(r->algorithm) : "?");
	figure(s, "Optimal", r->optimal ? "yes, proved" : "not proved");
	g_string_append(s, "</dl>\n<p class=\"note\">Scores are points: a pair can score at most "
			   "the sum of the model's weights (100 in the presets). They are rounded "
			   "to one decimal here; the JSON result has them exactly. ");
	if (r->objective == LM_OBJECTIVE_COVERAGE)
		g_string_append(s, "Objective <i>coverage</i>: as many mentees matched as possible, "
				   "then the highest total score.");
	else
		g_string_append(s, "Objective <i>score</i>: the highest total score; a mentee whose "
				   "every pair adds nothing is left unmatched.");
	if (r->optimal)
		g_string_append(s, " <i>Optimal</i>: the solver proved that no other assignment "
				   "does better for this objective.");
	g_string_append(s, "</p>\n");
	if (r->has_optimum) {
		/* Greedy and fair trade total score for speed or for the lowest
		 * pair: say what that cost on this cohort. */
		g_string_append(s, "<p>For comparison, the optimal assignment of the same cohort "
				   "makes ");
		g_string_append_printf(s, "%" G_GUINT64_FORMAT " pairs with a total of ",
				       r->optimum_pairs);
		lm_report_points(s, r->optimum_total);
		g_string_append(s, " points (this result: ");
		lm_report_points(s, r->total);
		g_string_append(s, ").</p>\n");
	}
	g_string_append(s, "</section>\n");
	g_string_free(v, TRUE);
}

static void legend(GString *s, const lm_result *r)
{
	g_string_append(s, "<ul class=\"legend\" aria-label=\"Criteria\">");
	for (size_t c = 0; c < r->n_criteria; c++) {
		g_string_append_printf(s, "<li><span class=\"sw\" style=\"background:%s\"></span>",
				       lm_report_colour(r->criteria[c], c));
		lm_report_escape(s, r->criteria[c]);
		g_string_append(s, "</li>");
	}
	g_string_append(s, "</ul>\n");
}

static void pair_row(GString *s, const lm_result *r, guint i, lm_score scale)
{
	const lm_result_pair *p = &g_array_index(r->pairs, lm_result_pair, i);

	g_string_append_printf(s, "<tr class=\"pair\"><td class=\"num\">%u</td><td class=\"id\">", i + 1);
	lm_report_escape(s, r->mentee_ids[p->mentee]);
	g_string_append(s, "</td><td class=\"id\">");
	lm_report_escape(s, r->mentor_ids[p->mentor]);
	if (p->kept)
		g_string_append(s, " <span class=\"kept\">kept</span>");
	g_string_append(s, "</td><td class=\"num\"><b>");
	lm_report_points(s, p->score);
	g_string_append(s, "</b></td>");
	if (r->n_criteria && p->components) {
		g_string_append(s, "<td>");
		lm_report_pair_bar(s, r, p->components, scale);
		g_string_append(s, "</td>");
		for (size_t c = 0; c < r->n_criteria; c++) {
			g_string_append(s, "<td class=\"num\">");
			lm_report_points(s, p->components[c]);
			g_string_append(s, "</td>");
		}
	} else if (r->n_criteria) {
		g_string_append_printf(s, "<td colspan=\"%zu\"></td>", r->n_criteria + 1);
	}
	g_string_append(s, "</tr>\n");
}

/* A re-optimising run (keep_current off) may end ongoing pairs: staff must
 * see which before telling anyone. */
static void broken(GString *s, const lm_result *r)
{
	if (!r->reoptimised)
		return;
	g_string_append(s, "<h3>Ongoing pairs ended by this run</h3>\n<p>Everyone was "
			   "re-matched; ending an ongoing pair cost ");
	lm_report_points(s, r->break_cost);
	g_string_append_printf(s, " points, so a pair ends only when a change gains more. %u "
			       "ongoing pair%s ended.</p>\n", r->broken->len,
			       r->broken->len == 1 ? "" : "s");
	if (r->broken->len == 0)
		return;
	g_string_append(s, "<table class=\"broken\">\n<thead><tr><th scope=\"col\">Mentee</th>"
			   "<th scope=\"col\">Former mentor</th></tr></thead>\n<tbody>\n");
	for (guint i = 0; i < r->broken->len; i++) {
		const lm_result_broken *b = &g_array_index(r->broken, lm_result_broken, i);

		g_string_append(s, "<tr class=\"broken\"><td class=\"id\">");
		lm_report_escape(s, r->mentee_ids[b->mentee]);
		g_string_append(s, "</td><td class=\"id\">");
		lm_report_escape(s, r->mentor_ids[b->mentor]);
		g_string_append(s, "</td></tr>\n");
	}
	g_string_append(s, "</tbody>\n</table>\n");
}

static void pairs(GString *s, const lm_result *r)
{
	lm_score scale = lm_report_scale(r);

	g_string_append(s, "<section id=\"pairs\">\n<h2>Pairs</h2>\n");
	if (r->pairs->len == 0) {
		g_string_append(s, "<p>No pairs.</p>\n</section>\n");
		return;
	}
	if (r->n_criteria) {
		g_string_append(s, "<p>Each pair's score is the sum of what each criterion "
				   "contributed: the bar shows the parts in colour, the columns on "
				   "the right give the same numbers. The full bar is ");
		lm_report_points(s, scale);
		g_string_append(s, " points. <span class=\"kept\">kept</span> marks a pair carried "
				   "over from an earlier round.</p>\n");
		legend(s, r);
	}
	g_string_append(s, "<table class=\"pairs\">\n<thead><tr><th scope=\"col\" class=\"num\">#</th>"
			   "<th scope=\"col\">Mentee</th><th scope=\"col\">Mentor</th>"
			   "<th scope=\"col\" class=\"num\">Score</th>");
	if (r->n_criteria) {
		g_string_append(s, "<th scope=\"col\">Breakdown</th>");
		for (size_t c = 0; c < r->n_criteria; c++) {
			g_string_append_printf(s, "<th scope=\"col\" class=\"num crit\"><span class=\"sw\" "
					       "style=\"background:%s\"></span>",
					       lm_report_colour(r->criteria[c], c));
			lm_report_escape(s, r->criteria[c]);
			g_string_append(s, "</th>");
		}
	}
	g_string_append(s, "</tr></thead>\n<tbody>\n");
	for (guint i = 0; i < r->pairs->len; i++)
		pair_row(s, r, i, scale);
	g_string_append(s, "</tbody>\n</table>\n");
	broken(s, r);
	g_string_append(s, "</section>\n");
}

/* The hard constraints that ruled a mentee's mentors out, most first:
 * "availability (80 of 100 mentors), region (94)". */
static void blocked_text(GString *s, const lm_result *r, const lm_result_unmatched *u)
{
	g_autofree size_t *order = g_new(size_t, r->n_constraints + 1);
	size_t n = 0;

	for (size_t c = 0; c < r->n_constraints; c++)
		if (u->blocked && u->blocked[c])
			order[n++] = c;
	/* Insertion sort: a handful of constraints, stable, so ties keep the
	 * engine's order. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && u->blocked[order[j]] > u->blocked[order[j - 1]]; j--) {
			size_t t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	if (n == 0) {
		g_string_append(s, "No mentor passes the hard rules.");
		return;
	}
	g_string_append(s, "Ruled out by ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			g_string_append(s, ", ");
		lm_report_escape(s, r->constraints[order[i]]);
		g_string_append_printf(s, " (%u", u->blocked[order[i]]);
		if (i == 0)
			g_string_append_printf(s, " of %u mentor%s", r->n_mentors,
					       r->n_mentors == 1 ? "" : "s");
		g_string_append_c(s, ')');
	}
	g_string_append_c(s, '.');
}

static const char *reason_words(int reason)
{
	switch (reason) {
	case LM_UNMATCHED_NO_FEASIBLE_MENTOR:
		return "No suitable mentor";
	case LM_UNMATCHED_CAPACITY_TAKEN:
		return "Suitable mentors are full";
	case LM_UNMATCHED_NOT_WORTH_IT:
		return "No pair adds to the score";
	case LM_UNMATCHED_NO_ACCEPTABLE_MENTOR:
		return "No mentor acceptable to both";
	case LM_UNMATCHED_OUTRANKED:
		return "Outranked: acceptable mentors chose others";
	default:
		return NULL;
	}
}

static void unmatched_row(GString *s, const lm_result *r, const lm_result_unmatched *u,
			  const uint32_t *pairs_of)
{
	const char *words = reason_words(u->reason), *name = lm_unmatched_reason_name(u->reason);

	g_string_append(s, "<tr class=\"unmatched\"><td class=\"id\">");
	lm_report_escape(s, r->mentee_ids[u->mentee]);
	g_string_append(s, "</td><td>");
	lm_report_escape(s, words ? words : name ? name : "?");
	if (name)
		g_string_append_printf(s, " <small>(%s)</small>", name);
	g_string_append(s, "</td><td>");
	if (u->reason == LM_UNMATCHED_NO_FEASIBLE_MENTOR)
		blocked_text(s, r, u);
	if (u->best_mentor >= 0) {
		g_string_append(s, "Best suitable mentor: <span class=\"id\">");
		lm_report_escape(s, r->mentor_ids[u->best_mentor]);
		g_string_append(s, "</span>, whose places went to others.");
	}
	if (pairs_of[u->mentee])
		g_string_append_printf(s, " Has %u mentor%s, wants more.", pairs_of[u->mentee],
				       pairs_of[u->mentee] == 1 ? "" : "s");
	g_string_append(s, "</td></tr>\n");
}

/* The what-if hint: which single hard rule, relaxed alone, would let the
 * most more pairs be made, and the others that would help, most first. */
static void what_if(GString *s, const lm_result *r)
{
	int best = r->what_if ? lm_result_what_if_best(r) : -1;

	if (!r->what_if)
		return;
	g_string_append(s, "<p class=\"hint\"><b>What if?</b> ");
	if (best < 0) {
		g_string_append(s, "Relaxing any one hard rule alone would not let more pairs be "
				   "made (consent and do-not-pair lists are never relaxed): it would "
				   "take more mentors or places, or several changes at once.</p>\n");
		return;
	}
	g_string_append(s, "Relaxing the rule <b>");
	lm_report_escape(s, r->constraints[best]);
	g_string_append_printf(s, "</b> alone would let up to %ld more pair%s be made",
			       r->what_if[best], r->what_if[best] == 1 ? "" : "s");
	/* The other helpful rules, in decreasing order (ties: engine order). */
	gboolean any = FALSE;

	for (long v = r->what_if[best]; v > 0; v--)
		for (size_t c = 0; c < r->n_constraints; c++) {
			if ((int)c == best || r->what_if[c] != v)
				continue;
			g_string_append(s, any ? ", " : "; other rules: ");
			lm_report_escape(s, r->constraints[c]);
			g_string_append_printf(s, " %ld", v);
			any = TRUE;
		}
	g_string_append(s, ". Hard rules protect mentees: change one only on purpose, in a "
			   "model file.</p>\n");
}

static void unmatched(GString *s, const lm_result *r)
{
	g_autofree uint32_t *pairs_of = g_new0(uint32_t, r->n_mentees + 1);
	uint32_t by_reason[5] = { 0 };

	g_string_append(s, "<section id=\"unmatched\">\n<h2>Unmatched mentees</h2>\n");
	if (r->unmatched->len == 0) {
		g_string_append(s, "<p>Every mentee has the mentors they want.</p>\n</section>\n");
		return;
	}
	for (guint i = 0; i < r->pairs->len; i++)
		pairs_of[g_array_index(r->pairs, lm_result_pair, i).mentee]++;
	for (guint i = 0; i < r->unmatched->len; i++) {
		int reason = g_array_index(r->unmatched, lm_result_unmatched, i).reason;

		if (reason >= 0 && reason < (int)G_N_ELEMENTS(by_reason))
			by_reason[reason]++;
	}
	g_string_append_printf(s, "<p>%u mentee%s without all the mentors they want: %u with no "
			       "suitable mentor (the hard rules rule out every mentor; a mentor "
			       "failing several rules counts under each), %u whose suitable mentors "
			       "are full",
			       r->unmatched->len, r->unmatched->len == 1 ? "" : "s",
			       by_reason[LM_UNMATCHED_NO_FEASIBLE_MENTOR],
			       by_reason[LM_UNMATCHED_CAPACITY_TAKEN]);
	if (by_reason[LM_UNMATCHED_NOT_WORTH_IT])
		g_string_append_printf(s, ", %u for whom no pair adds to the score",
				       by_reason[LM_UNMATCHED_NOT_WORTH_IT]);
	if (by_reason[LM_UNMATCHED_NO_ACCEPTABLE_MENTOR])
		g_string_append_printf(s, ", %u with no mentor acceptable to both sides",
				       by_reason[LM_UNMATCHED_NO_ACCEPTABLE_MENTOR]);
	if (by_reason[LM_UNMATCHED_OUTRANKED])
		g_string_append_printf(s, ", %u outranked by mentees their mentors preferred",
				       by_reason[LM_UNMATCHED_OUTRANKED]);
	g_string_append(s, ".</p>\n");
	what_if(s, r);
	g_string_append(s, "<table class=\"unmatched\">\n<thead><tr><th scope=\"col\">Mentee</th>"
			   "<th scope=\"col\">Why</th><th scope=\"col\">Details</th></tr></thead>\n"
			   "<tbody>\n");
	for (guint i = 0; i < r->unmatched->len; i++)
		unmatched_row(s, r, &g_array_index(r->unmatched, lm_result_unmatched, i), pairs_of);
	g_string_append(s, "</tbody>\n</table>\n</section>\n");
}

static void footer(GString *s, const lm_result *r)
{
	g_string_append_printf(s, "<footer>\n<p>Made by libmatch %s from input SHA-256 ",
			       lm_version_string());
	lm_report_escape(s, r->input_sha256[0] ? r->input_sha256 : "unknown");
	g_string_append(s, ". The same input, model and seed always give this same page. "
			   "This report names people by their pseudonymous ids only; keep it as "
			   "private as the cohort file.</p>\n</footer>\n");
}

void lm_report_html(const lm_result *r, const lm_report_breakdown *b, GString *s)
{
	g_string_append(s, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
			   "'none'; style-src 'unsafe-inline'\">\n<meta name=\"viewport\" "
			   "content=\"width=device-width, initial-scale=1\">\n"
			   "<meta name=\"generator\" content=\"libmatch\">\n<title>Matching report");
	if (r->model) {
		g_string_append(s, " – ");
		lm_report_escape(s, r->model);
	}
	g_string_append_printf(s, "</title>\n<style>\n%s", style);
	for (size_t c = 0; c < r->n_criteria; c++)
		g_string_append_printf(s, ".k%zu{fill:%s}", c, lm_report_colour(r->criteria[c], c));
	g_string_append(s, "\n</style>\n</head>\n<body>\n");
	header(s, r);
	g_string_append(s, "<main>\n");
	summary(s, r);
	pairs(s, r);
	unmatched(s, r);
	lm_report_histogram(s, r);
	lm_report_coverage(s, b);
	g_string_append(s, "</main>\n");
	footer(s, r);
	g_string_append(s, "</body>\n</html>\n");
}
