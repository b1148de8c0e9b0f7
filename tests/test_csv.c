/* CSV reading (RFC 4180 with located errors) and the pure solver's edge
 * and capacity files, with golden valid and invalid files. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "lm_test.h"
#include "libmatch/solver.h"
#include "io/csv.h"

/* ---- the reader ------------------------------------------------------------- */

/* Reads every record of text; returns them as "a|b|c" lines joined by "\n",
 * with each error as "!LINE" (the reader resumes after errors). */
static char *read_all(const char *text, size_t len)
{
	lm_csv *csv = NULL;
	GString *s = g_string_new(NULL);
	const char *const *f;
	size_t n;
	int rc;

	ck_assert_int_eq(lm_csv_open(&csv, "t.csv", text, len, NULL), 0);
	while ((rc = lm_csv_next(csv, &f, &n, NULL)) != 0) {
		if (s->len)
			g_string_append_c(s, '\n');
		if (rc < 0) {
			g_string_append_printf(s, "!%lu", lm_csv_line(csv));
			continue;
		}
		g_string_append_printf(s, "%lu:", lm_csv_line(csv));
		for (size_t i = 0; i < n; i++)
			g_string_append_printf(s, "%s%s", i ? "|" : "", f[i]);
	}
	lm_csv_free(csv);
	return g_string_free(s, FALSE);
}

#define CHECK_READ(text, expect)                                   \
	do {                                                       \
		char *got_ = read_all(text, sizeof(text) - 1);     \
		ck_assert_str_eq(got_, expect);                    \
		g_free(got_);                                      \
	} while (0)

START_TEST(plain_records)
{
	CHECK_READ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3");
	CHECK_READ("a,b,c\n1,2,3", "1:a|b|c\n2:1|2|3");
	CHECK_READ("a,b\r\n1,2\r\n", "1:a|b\n2:1|2");
	CHECK_READ("\xEF\xBB\xBF" "a,b\n,\n", "1:a|b\n2:|");
	CHECK_READ("", "");
	CHECK_READ("\xEF\xBB\xBF", "");
	CHECK_READ("\n\r\n\na,b\n\n1,2\n\n", "4:a|b\n6:1|2");
}
END_TEST

START_TEST(quoted_fields)
{
	CHECK_READ("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", "1:a|b\n2:x,y|say \"hi\"");
	CHECK_READ("a,b\n\"two\nlines\",z\n3,4\n", "1:a|b\n2:two\nlines|z\n4:3|4");
	CHECK_READ("a,b\n\"crlf\r\ninside\",\"\"\r\n", "1:a|b\n2:crlf\r\ninside|");
	CHECK_READ("\"a\",\"\"\n", "1:a|");
}
END_TEST

START_TEST(errors_are_located_and_resumable)
{
	/* Wrong field counts, a stray quote, text after a closing quote. */
	CHECK_READ("a,b\n1,2,3\n4,5\n6\n7,8\n", "1:a|b\n!2\n3:4|5\n!4\n5:7|8");
	CHECK_READ("a,b\n1,x\"y\n3,4\n", "1:a|b\n!2\n3:3|4");
	CHECK_READ("a,b\n\"1\"x,2\n3,4\n", "1:a|b\n!2\n3:3|4");
	/* An unterminated quote swallows the rest of the file. */
	CHECK_READ("a,b\n1,2\n\"3,4\n5,6\n", "1:a|b\n2:1|2\n!3");
}
END_TEST

static void expect_error(const char *text, size_t len, gboolean at_open, const char *message)
{
	lm_csv *csv = NULL;
	lm_error *err = NULL;
	const char *const *f;
	size_t n;
	int rc = lm_csv_open(&csv, "in.csv", text, len, &err);

	if (!at_open) {
		ck_assert_int_eq(rc, 0);
		while ((rc = lm_csv_next(csv, &f, &n, &err)) > 0)
			;
	}
	ck_assert_int_eq(rc, LM_EPARSE);
	ck_assert_int_eq(lm_error_code(err), LM_EPARSE);
	ck_assert_str_eq(lm_error_message(err), message);
	lm_error_free(err);
	lm_csv_free(csv);
}

START_TEST(error_messages)
{
	expect_error("a,b\n1\n", 6, FALSE, "in.csv:2: expected 2 fields as in the header, found 1");
	expect_error("a,b\n\"1,\n2\n", 10, FALSE,
		     "in.csv:2: quoted field not closed before the end of the file");
	expect_error("a,b\n1,2\"\n", 9, FALSE, "in.csv:2: quote inside an unquoted field "
		     "(field 2); quote the whole field and double the quote");
	expect_error("a,b\n\"1\" ,2\n", 11, FALSE, "in.csv:2: text after a closing quote (field 1)");
	expect_error("a,b\n1,\0\n", 8, TRUE, "in.csv:2: NUL byte at byte 3 of the line");
	expect_error("a,b\n\"x\ny\",\xc3\n", 12, TRUE, "in.csv:3: invalid UTF-8 at byte 4 of the line");
	/* Overlong and surrogate encodings are invalid UTF-8 too. */
	expect_error("\xc0\xaf", 2, TRUE, "in.csv:1: invalid UTF-8 at byte 1 of the line");
	expect_error("a\n\xed\xa0\x80", 5, TRUE, "in.csv:2: invalid UTF-8 at byte 1 of the line");
}
END_TEST

START_TEST(reader_arguments)
{
	lm_csv *csv = NULL;
	lm_error *err = NULL;
	const char *const *f;
	size_t n;

	ck_assert_int_eq(lm_csv_open(NULL, "x", "a", 1, &err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_int_eq(lm_csv_open(&csv, "x", NULL, 1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_csv_open(&csv, NULL, NULL, 0, NULL), 0);
	ck_assert_str_eq(lm_csv_file(csv), "<memory>");
	ck_assert_int_eq(lm_csv_next(csv, &f, &n, NULL), 0);
	ck_assert_int_eq(lm_csv_next(csv, NULL, &n, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_csv_next(NULL, &f, &n, NULL), LM_EINVAL);
	lm_csv_free(csv);
	lm_csv_free(NULL);
	ck_assert_uint_eq(lm_csv_line(NULL), 0);
	ck_assert_ptr_null(lm_csv_file(NULL));
}
END_TEST

/* ---- golden files ------------------------------------------------------------- */

static char *data_path(const char *dir, const char *name)
{
	char *rel = g_build_filename(dir, name, NULL);
	char *path = lm_test_data(rel);

	g_free(rel);
	return path;
}

/* Checks one invalid file against its .expect: the status name, then
 * substrings of the first error message. */
static void check_expect(const char *csv_name, gboolean caps)
{
	char *path = data_path("invalid", csv_name);
	char *stem = g_strndup(path, strlen(path) - strlen(".csv"));
	char *expect_path = g_strconcat(stem, ".expect", NULL), *text = NULL;
	char *basic = data_path("valid", "edges-basic.csv");
	lm_graph *g = NULL;
	lm_error *err = NULL;

	ck_assert_msg(g_file_get_contents(expect_path, &text, NULL, NULL), "missing %s", expect_path);

	char **lines = g_strsplit(g_strchomp(text), "\n", -1);
	int rc = caps ? lm_graph_load_csv(&g, basic, path, &err)
		      : lm_graph_load_csv(&g, path, NULL, &err);

	ck_assert_msg(rc < 0, "%s loaded", csv_name);
	ck_assert_ptr_null(g);
	ck_assert_str_eq(lm_status_name(rc), lines[0]);
	for (int i = 1; lines[i]; i++)
		ck_assert_msg(strstr(lm_error_message(err), lines[i]), "%s: '%s' not in '%s'", csv_name,
			      lines[i], lm_error_message(err));
	g_strfreev(lines);
	lm_error_free(err);
	g_free(text);
	g_free(path);
	g_free(stem);
	g_free(expect_path);
	g_free(basic);
}

START_TEST(golden_invalid)
{
	char *dir = lm_test_data("invalid");
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	int checked = 0;

	ck_assert_ptr_nonnull(d);
	while ((name = g_dir_read_name(d))) {
		gboolean edges = g_str_has_prefix(name, "edges-"), caps = g_str_has_prefix(name, "caps-");

		if ((edges || caps) && g_str_has_suffix(name, ".csv")) {
			check_expect(name, caps);
			checked++;
		}
	}
	ck_assert_int_ge(checked, 30);
	g_dir_close(d);
	g_free(dir);
}
END_TEST

/* Every valid edge file loads (with caps-NAME.csv when there is one). */
START_TEST(golden_valid)
{
	char *dir = lm_test_data("valid");
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	int checked = 0;

	ck_assert_ptr_nonnull(d);
	while ((name = g_dir_read_name(d))) {
		if (!g_str_has_prefix(name, "edges-") || !g_str_has_suffix(name, ".csv"))
			continue;
		char *path = data_path("valid", name);
		char *caps_name = g_strconcat("caps-", name + strlen("edges-"), NULL);
		char *caps = data_path("valid", caps_name);
		lm_graph *g = NULL;
		lm_error *err = NULL;
		int rc = lm_graph_load_csv(&g, path, g_file_test(caps, G_FILE_TEST_EXISTS) ? caps : NULL,
					   &err);

		ck_assert_msg(rc == 0, "%s: %s", name, lm_error_message(err));
		lm_graph_free(g);
		g_free(path);
		g_free(caps_name);
		g_free(caps);
		checked++;
	}
	ck_assert_int_ge(checked, 5);
	g_dir_close(d);
	g_free(dir);
}
END_TEST

/* ---- what the files mean -------------------------------------------------------- */

static lm_result *load_and_solve(const char *edges, const char *caps, int objective)
{
	char *e = data_path("valid", edges), *c = caps ? data_path("valid", caps) : NULL;
	lm_graph *g = NULL;
	lm_result *res = NULL;
	lm_options *o = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_graph_load_csv(&g, e, c, &err) == 0, "%s", lm_error_message(err));
	lm_options_new(&o, NULL);
	lm_options_set_objective(o, objective, NULL);
	ck_assert_int_eq(lm_graph_solve(&res, g, o, NULL), 0);
	lm_options_free(o);
	lm_graph_free(g);
	g_free(e);
	g_free(c);
	return res;
}

START_TEST(basic_with_capacities)
{
	/* r-1 takes 2 (m-1 81.25, m-2 75.5); r-2 takes m-3 at 0 under coverage;
	 * r-3 is closed, so m-4 stays unmatched with its only mentor full. */
	lm_result *res = load_and_solve("edges-basic.csv", "caps-basic.csv", LM_OBJECTIVE_COVERAGE);

	ck_assert_uint_eq(lm_result_pair_count(res), 3);
	ck_assert_str_eq(lm_result_pair_mentee(res, 0), "m-1");
	ck_assert_str_eq(lm_result_pair_mentor(res, 0), "r-1");
	ck_assert_int_eq(lm_result_pair_score(res, 0), 81250000);
	ck_assert_str_eq(lm_result_pair_mentee(res, 1), "m-2");
	ck_assert_int_eq(lm_result_pair_score(res, 1), 75500000);
	ck_assert_str_eq(lm_result_pair_mentee(res, 2), "m-3");
	ck_assert_str_eq(lm_result_pair_mentor(res, 2), "r-2");
	ck_assert_int_eq(lm_result_total_score(res), 156750000);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 1);
	ck_assert_str_eq(lm_result_unmatched_mentee(res, 0), "m-4");
	ck_assert_int_eq(lm_result_unmatched_reason(res, 0), LM_UNMATCHED_CAPACITY_TAKEN);
	ck_assert_str_eq(lm_result_unmatched_best_feasible(res, 0), "r-3");
	ck_assert_int_eq(lm_result_optimal(res), 1);
	lm_result_free(res);

	/* Objective score leaves m-3's zero pair out. */
	res = load_and_solve("edges-basic.csv", "caps-basic.csv", LM_OBJECTIVE_SCORE);
	ck_assert_uint_eq(lm_result_pair_count(res), 2);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 2);
	ck_assert_str_eq(lm_result_unmatched_mentee(res, 0), "m-3");
	ck_assert_int_eq(lm_result_unmatched_reason(res, 0), LM_UNMATCHED_NOT_WORTH_IT);
	lm_result_free(res);
}
END_TEST

START_TEST(bom_crlf_reordered_quoted)
{
	lm_result *res = load_and_solve("edges-crlf-bom.csv", NULL, LM_OBJECTIVE_COVERAGE);

	ck_assert_uint_eq(lm_result_pair_count(res), 1);
	ck_assert_str_eq(lm_result_pair_mentee(res, 0), "m-2");
	ck_assert_int_eq(lm_result_pair_score(res, 0), 2500000);
	lm_result_free(res);
	res = load_and_solve("edges-reordered-quoted.csv", "caps-reordered.csv",
			     LM_OBJECTIVE_COVERAGE);
	ck_assert_uint_eq(lm_result_pair_count(res), 3);
	ck_assert_str_eq(lm_result_pair_mentee(res, 0), "M.3");
	ck_assert_str_eq(lm_result_pair_mentor(res, 0), "r_3");
	ck_assert_int_eq(lm_result_pair_score(res, 0), 1000000000000LL);
	ck_assert_str_eq(lm_result_pair_mentee(res, 2), "m-2");
	ck_assert_int_eq(lm_result_pair_score(res, 2), 1);
	lm_result_free(res);
}
END_TEST

START_TEST(header_only_and_blank_lines)
{
	lm_result *res = load_and_solve("edges-header-only.csv", NULL, LM_OBJECTIVE_COVERAGE);

	ck_assert_uint_eq(lm_result_pair_count(res), 0);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 0);
	lm_result_free(res);
	res = load_and_solve("edges-blank-lines.csv", NULL, LM_OBJECTIVE_COVERAGE);
	ck_assert_uint_eq(lm_result_pair_count(res), 1);
	ck_assert_str_eq(lm_result_pair_mentee(res, 0), "m-2");
	lm_result_free(res);
}
END_TEST

/* A mentor only in the capacity file is still a mentor; ids are assigned
 * in first-seen order (edges, then capacities). */
START_TEST(mentor_only_in_capacities)
{
	char *e = data_path("valid", "edges-basic.csv"), *c = data_path("valid", "caps-basic.csv");
	lm_graph *g = NULL;
	lm_result *res = NULL;

	ck_assert_int_eq(lm_graph_load_csv(&g, e, c, NULL), 0);
	ck_assert_uint_eq(lm_graph_edge_count(g), 5);
	ck_assert_int_eq(lm_graph_add_edge(g, 3, 3, 1000000, NULL), 0); /* m-4 - r-9 */
	ck_assert_int_eq(lm_graph_solve(&res, g, NULL, NULL), 0);
	ck_assert_uint_eq(lm_result_unmatched_count(res), 0);
	ck_assert_str_eq(lm_result_pair_mentor(res, 3), "r-9");
	lm_result_free(res);
	lm_graph_free(g);
	g_free(e);
	g_free(c);
}
END_TEST

/* Problems are collected, up to the limit, in file order. */
START_TEST(problems_are_collected)
{
	char *path = g_build_filename(g_get_tmp_dir(), "lm-test-edges-XXXXXX.csv", NULL);
	GString *s = g_string_new("mentee,mentor,score\n");
	lm_graph *g = NULL;
	lm_error *err = NULL;
	int fd = g_mkstemp(path), n = 0;

	ck_assert_int_ge(fd, 0);
	close(fd);
	g_string_append(s, "m-1,r-1,x\nm 2,r-1,1\nm-3,r-1,1,1\nm-4,r-1,1\n");
	for (int i = 0; i < 100; i++)
		g_string_append(s, "m-9,r-9,-1\n");
	ck_assert(g_file_set_contents(path, s->str, (gssize)s->len, NULL));
	ck_assert_int_eq(lm_graph_load_csv(&g, path, NULL, &err), LM_EPARSE);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), ":2: column score:"));
	const lm_error *e = lm_error_next(err);

	ck_assert_ptr_nonnull(strstr(lm_error_message(e), ":3: column mentee:"));
	e = lm_error_next(e);
	ck_assert_ptr_nonnull(strstr(lm_error_message(e), ":4: expected 3 fields"));
	for (e = err; e; e = lm_error_next(e))
		n++;
	ck_assert_int_eq(n, 51); /* 50 problems and "more than 50" */
	lm_error_free(err);
	g_remove(path);
	g_free(path);
	g_string_free(s, TRUE);
}
END_TEST

START_TEST(load_arguments)
{
	lm_graph *g = NULL;
	lm_error *err = NULL;
	char *basic = data_path("valid", "edges-basic.csv");

	ck_assert_int_eq(lm_graph_load_csv(NULL, basic, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_graph_load_csv(&g, NULL, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_graph_load_csv(&g, "/nonexistent/edges.csv", NULL, &err), LM_EIO);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "/nonexistent/edges.csv"));
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_graph_load_csv(&g, basic, "/nonexistent/caps.csv", &err), LM_EIO);
	ck_assert_ptr_null(g);
	lm_error_free(err);
	g_free(basic);
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *reader = tcase_create("reader");
	TCase *files = tcase_create("files");

	tcase_add_test(reader, plain_records);
	tcase_add_test(reader, quoted_fields);
	tcase_add_test(reader, errors_are_located_and_resumable);
	tcase_add_test(reader, error_messages);
	tcase_add_test(reader, reader_arguments);
	suite_add_tcase(s, reader);
	tcase_add_test(files, golden_invalid);
	tcase_add_test(files, golden_valid);
	tcase_add_test(files, basic_with_capacities);
	tcase_add_test(files, bom_crlf_reordered_quoted);
	tcase_add_test(files, header_only_and_blank_lines);
	tcase_add_test(files, mentor_only_in_capacities);
	tcase_add_test(files, problems_are_collected);
	tcase_add_test(files, load_arguments);
	suite_add_tcase(s, files);
	return s;
}

int main(void)
{
	return lm_test_run(csv_suite());
}
