/* The HTML report: page structure, figures, reasons, escaping, charts,
 * coverage from the cohort, determinism, files and error paths. The
 * browser test (tests/report/render.sh) checks that Chromium renders it. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "lm_test.h"
#include "libmatch/libmatch.h"
#include "io/report_private.h"
#include "match/result_private.h"

static const char *mentees[] = { "m-2", "m-1", "m-3" };
static const char *mentors[] = { "r-b", "r-a" };
static const char *criteria[] = { "goals", "region" };
static const char *constraints[] = { "language", "gender", "region" };

/* Two pairs (one kept), one mentee blocked by two rules. */
static lm_result *sample(const char *model)
{
	lm_result *r = lm_result_new(mentees, 3, mentors, 2, 2, criteria, 3, constraints);
	lm_score c1[] = { 30000000, 15250000 }, c2[] = { 10000000, 500000 };
	uint32_t blocked[] = { 2, 0, 1 };

	lm_result_add_pair(r, 0, 1, 45250000, c1, FALSE); /* m-2 r-a */
	lm_result_add_pair(r, 1, 0, 10500000, c2, TRUE);  /* m-1 r-b kept */
	lm_result_add_unmatched(r, 2, LM_UNMATCHED_NO_FEASIBLE_MENTOR, -1, blocked);
	lm_result_set_run(r, model, LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_COVERAGE, 7, "abc", TRUE);
	lm_result_finish(r);
	return r;
}

static char *page(const lm_result *r)
{
	char *html = NULL;
	size_t len = 0;

	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_HTML, &html, &len, NULL), 0);
	ck_assert_uint_eq(strlen(html), len);
	return html;
}

static guint count(const char *haystack, const char *needle)
{
	guint n = 0;

	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Open vocabularies, so that the cohort may use any region and goal. */
static const char model_json[] =
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\", "
	"\"name\": \"spring <round> & \\\"co\\\"\", "
	"\"vocabulary\": {\"goals\": null, \"regions\": null}}";

static const char cohort_json[] =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": ["
	"{\"id\": \"m-1\", \"region\": \"seoul\", \"goals\": [\"employment\", \"housing\"], "
	"\"consent\": true},"
	"{\"id\": \"m-2\", \"region\": \"seoul\", \"goals\": [\"housing\"], \"consent\": true},"
	"{\"id\": \"m-3\", \"region\": \"<busan & co>\", \"goals\": [\"<b>\"], \"consent\": false}],"
	"\"mentors\": ["
	"{\"id\": \"r-1\", \"region\": \"seoul\", \"offers\": [\"employment\"], \"consent\": true},"
	"{\"id\": \"r-2\", \"region\": \"incheon\", \"capacity\": 2, \"offers\": [\"housing\"], "
	"\"consent\": true}]}";

static void load(lm_cohort **cohort, lm_model **model)
{
	ck_assert_int_eq(lm_cohort_load_buffer(cohort, cohort_json, strlen(cohort_json), "c.json",
					       NULL), 0);
	ck_assert_int_eq(lm_model_load_buffer(model, model_json, strlen(model_json), "m.json",
					      NULL), 0);
}

START_TEST(format_name)
{
	ck_assert_int_eq(lm_format_from_name("html"), LM_FORMAT_HTML);
	ck_assert_int_eq(lm_format_from_name("json"), LM_FORMAT_JSON);
	ck_assert_int_eq(lm_format_from_name("HTML"), LM_EINVAL);
	ck_assert_int_eq(lm_format_from_name(NULL), LM_EINVAL);
}
END_TEST

START_TEST(page_is_self_contained)
{
	lm_result *r = sample("role_model");
	char *html = page(r);

	ck_assert(g_str_has_prefix(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
	ck_assert(g_str_has_suffix(html, "</html>\n"));
	ck_assert_ptr_nonnull(strstr(html, "content=\"default-src 'none'; style-src "
					   "'unsafe-inline'\""));
	ck_assert_ptr_nonnull(strstr(html, "@media print"));
	ck_assert(g_utf8_validate(html, -1, NULL));
	/* Nothing to run and nothing to fetch. */
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_null(strstr(html, "http:"));
	ck_assert_ptr_null(strstr(html, "https:"));
	ck_assert_ptr_null(strstr(html, "url("));
	ck_assert_ptr_null(strstr(html, "<img"));
	ck_assert_ptr_null(strstr(html, "<link"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(summary_pairs_and_reasons)
{
	lm_result *r = sample("role_model");
	char *html = page(r);

	ck_assert_ptr_nonnull(strstr(html, "<dt>Mentees</dt><dd>3</dd>"));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Matched</dt><dd>2 <small>(66.7%)</small></dd>"));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Pairs</dt><dd>2 <small>(1 kept)</small></dd>"));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Mean score</dt><dd>27.9</dd>"));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Lowest score</dt><dd>10.5</dd>"));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Optimal</dt><dd>yes, proved</dd>"));
	ck_assert_uint_eq(count(html, "<tr class=\"pair\">"), 2);
	ck_assert_uint_eq(count(html, "<tr class=\"unmatched\">"), 1);
	/* Sorted by mentee id; the kept pair is marked; numbers beside the bar. */
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"id\">m-1</td><td class=\"id\">r-b "
					   "<span class=\"kept\">kept</span></td>"));
	ck_assert(strstr(html, ">m-1<") < strstr(html, ">m-2<"));
	ck_assert_ptr_nonnull(strstr(html, "<b>45.3</b></td>"));
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"num\">30.0</td><td class=\"num\">15.3</td>"));
	/* The stacked bar: 30 and 15.25 of 100 points in 1000 units, 2-unit gaps. */
	ck_assert_ptr_nonnull(strstr(html, "<rect class=\"k0\" x=\"0\" width=\"298\" height=\"10\"/>"
					   "<rect class=\"k1\" x=\"300\" width=\"150\""));
	ck_assert_ptr_nonnull(strstr(html, ".k0{fill:#0072b2}.k1{fill:#cc79a7}"));
	/* Rules most first, counts as text. */
	ck_assert_ptr_nonnull(strstr(html, "Ruled out by language (2 of 2 mentors), region (1)."));
	ck_assert_ptr_nonnull(strstr(html, "No suitable mentor <small>(no_feasible_mentor)</small>"));
	ck_assert_ptr_nonnull(strstr(html, "without the cohort file"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(capacity_taken_names_best_mentor)
{
	lm_result *r = lm_result_new(mentees, 3, mentors, 2, 0, NULL, 0, NULL);
	char *html;

	lm_result_add_pair(r, 0, 0, 5000000, NULL, FALSE);
	lm_result_add_unmatched(r, 0, LM_UNMATCHED_CAPACITY_TAKEN, 1, NULL); /* wants two */
	lm_result_add_unmatched(r, 1, LM_UNMATCHED_NOT_WORTH_IT, -1, NULL);
	lm_result_set_run(r, NULL, LM_ALGORITHM_OPTIMAL, LM_OBJECTIVE_SCORE, 1, "", TRUE);
	lm_result_finish(r);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "Best suitable mentor: <span class=\"id\">r-a</span>, "
					   "whose places went to others. Has 1 mentor, wants more."));
	ck_assert_ptr_nonnull(strstr(html, "No pair adds to the score"));
	ck_assert_ptr_nonnull(strstr(html, "own scores (pure solver)"));
	ck_assert_ptr_nonnull(strstr(html, "input SHA-256 unknown"));
	ck_assert_ptr_null(strstr(html, "Breakdown"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(everything_is_escaped)
{
	lm_result *r = sample("<script>alert(\"x\") & 'y'</script>");
	char *html = page(r);

	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_nonnull(strstr(html, "<b>&lt;script&gt;alert(&quot;x&quot;) &amp; "
					   "&apos;y&apos;&lt;/script&gt;</b>"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(what_if_and_policies)
{
	lm_result *r = sample("role_model");
	long counts[] = { 3, -1, 1 }, none[] = { 0, -1, 0 };
	char *html;

	/* What-if: the best rule first, then the others that help. */
	lm_result_set_what_if(r, counts);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "<b>What if?</b> Relaxing the rule <b>language</b> alone "
					   "would let up to 3 more pairs be made; other rules: region 1."));
	lm_free(html);
	lm_result_set_what_if(r, none);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "Relaxing any one hard rule alone would not let more"));
	lm_free(html);
	lm_result_free(r);

	/* Re-optimised: the ongoing pairs it ended; greedy: the optimum beside it. */
	r = lm_result_new(mentees, 3, mentors, 2, 0, NULL, 0, NULL);
	lm_result_add_pair(r, 0, 0, 5000000, NULL, FALSE);
	lm_result_add_unmatched(r, 1, LM_UNMATCHED_OUTRANKED, -1, NULL);
	lm_result_add_unmatched(r, 2, LM_UNMATCHED_NO_ACCEPTABLE_MENTOR, -1, NULL);
	lm_result_add_broken(r, 1, 1);
	lm_result_set_reoptimised(r, 10 * (lm_score)LM_SCORE_SCALE);
	lm_result_set_optimum(r, 7500000, 2);
	lm_result_set_proposers(r, LM_PROPOSERS_MENTORS);
	lm_result_set_run(r, "x", LM_ALGORITHM_STABLE, LM_OBJECTIVE_COVERAGE, 1, "", FALSE);
	lm_result_finish(r);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "algorithm <b>stable</b> (mentors propose)"));
	ck_assert_ptr_nonnull(strstr(html, "ending an ongoing pair cost 10.0 points"));
	ck_assert_ptr_nonnull(strstr(html, "<tr class=\"broken\"><td class=\"id\">m-1</td>"
					   "<td class=\"id\">r-a</td></tr>"));
	ck_assert_ptr_nonnull(strstr(html, "makes 2 pairs with a total of 7.5 points (this result: "
					   "5.0)"));
	ck_assert_ptr_nonnull(strstr(html, "Outranked: acceptable mentors chose others"));
	ck_assert_ptr_nonnull(strstr(html, "No mentor acceptable to both"));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Optimal</dt><dd>not proved</dd>"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(histogram_bands)
{
	lm_result *r = lm_result_new(mentees, 3, mentors, 2, 0, NULL, 0, NULL);
	char *html;

	lm_result_add_pair(r, 0, 0, 0, NULL, FALSE);
	lm_result_add_pair(r, 1, 0, 99999999, NULL, FALSE);
	lm_result_add_pair(r, 2, 1, 100000000, NULL, FALSE);
	lm_result_finish(r);
	ck_assert_int_eq(lm_report_scale(r), 100 * (lm_score)LM_SCORE_SCALE);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "Pairs by score: 0–10 points, 1; 10–20 points, 0;"));
	ck_assert_ptr_nonnull(strstr(html, "80–90 points, 0; 90–100 points, 2.</desc>"));
	lm_free(html);
	lm_result_free(r);

	/* Weights adding up to more than 100: the scale grows by tens. */
	r = lm_result_new(mentees, 3, mentors, 2, 0, NULL, 0, NULL);
	lm_result_add_pair(r, 0, 0, 141000000, NULL, FALSE);
	lm_result_finish(r);
	ck_assert_int_eq(lm_report_scale(r), 150 * (lm_score)LM_SCORE_SCALE);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "135–150 points, 1.</desc>"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(numbers_round_half_away_from_zero)
{
	static const struct {
		lm_score v;
		const char *s;
	} cases[] = {
		{ 0, "0.0" },        { 49999, "0.0" },         { 50000, "0.1" },
		{ -50000, "-0.1" },  { -49999, "0.0" },        { 21341781, "21.3" },
		{ 48775230, "48.8" }, { 100000000, "100.0" },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GString) s = g_string_new(NULL);

		lm_report_points(s, cases[i].v);
		ck_assert_str_eq(s->str, cases[i].s);
	}
	g_autoptr(GString) p = g_string_new(NULL);

	lm_report_percent(p, 2, 3);
	lm_report_percent(p, 1, 1);
	lm_report_percent(p, 0, 0);
	lm_report_percent(p, 1, 8);
	ck_assert_str_eq(p->str, "66.7%100.0%–12.5%");
}
END_TEST

START_TEST(empty_result)
{
	lm_result *r = lm_result_new(NULL, 0, NULL, 0, 0, NULL, 0, NULL);
	char *html;

	lm_result_finish(r);
	html = page(r);
	ck_assert_ptr_nonnull(strstr(html, "<p>No pairs.</p>"));
	ck_assert_ptr_nonnull(strstr(html, "<p>No pairs to chart.</p>"));
	ck_assert_ptr_nonnull(strstr(html, "Every mentee has the mentors they want."));
	ck_assert_ptr_nonnull(strstr(html, "<dt>Matched</dt><dd>0 <small>(–)</small></dd>"));
	lm_free(html);
	lm_result_free(r);
}
END_TEST

START_TEST(coverage_from_the_cohort)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *r = NULL;
	char *html = NULL;
	size_t len = 0;

	load(&cohort, &model);
	ck_assert_int_eq(lm_match(&r, cohort, model, NULL, NULL), 0);
	ck_assert_str_eq(lm_result_pair_mentor(r, 0), "r-1");
	ck_assert_str_eq(lm_result_pair_mentor(r, 1), "r-2");
	ck_assert_int_eq(lm_report_write(r, cohort, &html, &len, NULL), 0);
	ck_assert_uint_eq(strlen(html), len);
	ck_assert_ptr_nonnull(strstr(html, "<h2>Coverage by region</h2>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2>Coverage by goal</h2>"));
	ck_assert_ptr_null(strstr(html, "without the cohort file"));
	/* Regions: most mentees first; mentors and places where they live. */
	ck_assert_ptr_nonnull(strstr(html, "<tr class=\"region\"><th scope=\"row\">seoul</th>"
					   "<td class=\"num\">2</td><td class=\"num\">2</td>"
					   "<td class=\"num\">100.0%</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">&lt;busan &amp; co&gt;</th>"
					   "<td class=\"num\">1</td><td class=\"num\">0</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">incheon</th><td class=\"num\">0</td>"));
	ck_assert(strstr(html, ">seoul<") < strstr(html, ">&lt;busan"));
	ck_assert(strstr(html, ">&lt;busan") < strstr(html, ">incheon<"));
	ck_assert_uint_eq(count(html, "<tr class=\"region\">"), 3);
	/* Goals: m-1's mentor offers employment but not housing. */
	ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">housing</th><td class=\"num\">2</td>"
					   "<td class=\"num\">2</td><td class=\"num\">1</td>"
					   "<td class=\"num\">50.0%</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">employment</th><td class=\"num\">1"
					   "</td><td class=\"num\">1</td><td class=\"num\">1</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">&lt;b&gt;</th>"));
	ck_assert_ptr_nonnull(strstr(html, "spring &lt;round&gt; &amp; &quot;co&quot;"));
	ck_assert_uint_eq(count(html, "<tr class=\"goal\">"), 3);
	lm_free(html);
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(cohort);
}
END_TEST

START_TEST(same_input_same_bytes)
{
	lm_cohort *cohort = NULL;
	lm_model *model = NULL;
	lm_result *a = NULL, *b = NULL;
	lm_options *opt = NULL;
	char *x = NULL, *y = NULL;
	g_autofree char *path = lm_test_data("../../data/sample/role_model.json");

	/* The sample cohort, scored on 1 and on 3 threads. */
	ck_assert_int_eq(lm_cohort_load_file(&cohort, path, NULL), 0);
	ck_assert_int_eq(lm_model_new_preset(&model, LM_PRESET_ROLE_MODEL, NULL), 0);
	ck_assert_int_eq(lm_options_new(&opt, NULL), 0);
	ck_assert_int_eq(lm_options_set_threads(opt, 3, NULL), 0);
	ck_assert_int_eq(lm_match(&a, cohort, model, NULL, NULL), 0);
	ck_assert_int_eq(lm_match(&b, cohort, model, opt, NULL), 0);
	ck_assert_int_eq(lm_report_write(a, cohort, &x, NULL, NULL), 0);
	ck_assert_int_eq(lm_report_write(b, cohort, &y, NULL, NULL), 0);
	ck_assert_str_eq(x, y);
	lm_free(y);
	y = NULL;
	ck_assert_int_eq(lm_report_write(a, cohort, &y, NULL, NULL), 0);
	ck_assert_str_eq(x, y);
	lm_free(x);
	lm_free(y);
	lm_options_free(opt);
	lm_result_free(a);
	lm_result_free(b);
	lm_model_free(model);
	lm_cohort_free(cohort);
}
END_TEST

START_TEST(another_cohort_is_refused)
{
	lm_cohort *cohort = NULL, *other = NULL;
	lm_model *model = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;
	char *html = NULL;
	g_autofree char *path = lm_test_data("valid/cohort-minimal.json");

	load(&cohort, &model);
	ck_assert_int_eq(lm_cohort_load_file(&other, path, NULL), 0);
	ck_assert_int_eq(lm_match(&r, cohort, model, NULL, NULL), 0);
	ck_assert_int_eq(lm_report_write(r, other, &html, NULL, &err), LM_EINVAL);
	ck_assert_ptr_null(html);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "not the one the result"));
	lm_error_free(err);
	lm_result_free(r);
	lm_model_free(model);
	lm_cohort_free(other);
	lm_cohort_free(cohort);
}
END_TEST

START_TEST(bad_arguments)
{
	lm_result *r = sample("role_model");
	lm_error *err = NULL;
	char *html = NULL;

	ck_assert_int_eq(lm_report_write(NULL, NULL, &html, NULL, &err), LM_EINVAL);
	ck_assert_ptr_null(html);
	ck_assert_int_eq(lm_error_code(err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_int_eq(lm_report_write(r, NULL, NULL, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_report_write_file(r, NULL, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_report_write_file(NULL, NULL, "x.html", NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_write(r, 3, &html, NULL, NULL), LM_EINVAL);
	ck_assert_ptr_null(html);
	lm_result_free(r);
}
END_TEST

START_TEST(file_is_private_and_atomic)
{
	lm_result *r = sample("role_model");
	g_autofree char *dir = g_dir_make_tmp("lm-report-XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "report.html", NULL);
	g_autofree char *missing = g_build_filename(dir, "no", "report.html", NULL);
	g_autofree char *text = NULL;
	char *expected = page(r);
	lm_error *err = NULL;
	struct stat st;

	ck_assert_int_eq(lm_report_write_file(r, NULL, path, NULL), 0);
	ck_assert_int_eq(g_stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	ck_assert_str_eq(text, expected);
	ck_assert_int_eq(lm_report_write_file(r, NULL, missing, &err), LM_EIO);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "no such folder"));
	ck_assert(!g_file_test(missing, G_FILE_TEST_EXISTS));
	lm_error_free(err);
	g_remove(path);
	g_rmdir(dir);
	lm_free(expected);
	lm_result_free(r);
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_test(tc, format_name);
	tcase_add_test(tc, page_is_self_contained);
	tcase_add_test(tc, summary_pairs_and_reasons);
	tcase_add_test(tc, capacity_taken_names_best_mentor);
	tcase_add_test(tc, everything_is_escaped);
	tcase_add_test(tc, what_if_and_policies);
	tcase_add_test(tc, histogram_bands);
	tcase_add_test(tc, numbers_round_half_away_from_zero);
	tcase_add_test(tc, empty_result);
	tcase_add_test(tc, coverage_from_the_cohort);
	tcase_add_test(tc, same_input_same_bytes);
	tcase_add_test(tc, another_cohort_is_refused);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, file_is_private_and_atomic);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(report_suite());
}
