/* Tests of the shared JSON utilities (io/json_util.c). */
#include <string.h>
#include <glib/gstdio.h>
#include "lm_test.h"
#include "io/json_util.h"

/* Parses text (must succeed). */
static void parse_ok(lm_json_doc *doc, const char *text)
{
	lm_error *err = NULL;

	ck_assert_int_eq(lm_json_doc_parse(doc, "t.json", text, strlen(text), &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_ptr_nonnull(doc->root);
}

/* Parses text (must fail) and checks the location and a message substring. */
static void parse_bad(const char *text, size_t len, unsigned long line, unsigned long col,
		      const char *substring)
{
	lm_json_doc doc;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_json_doc_parse(&doc, "t.json", text, len, &err), LM_EPARSE);
	ck_assert_ptr_nonnull(err);
	ck_assert_ptr_null(doc.root);
	ck_assert_str_eq(lm_error_file(err), "t.json");
	ck_assert_msg(lm_error_line(err) == line && lm_error_column(err) == col,
		      "%s: expected %lu:%lu", lm_error_message(err), line, col);
	ck_assert_msg(strstr(lm_error_message(err), substring), "%s", lm_error_message(err));
	lm_error_free(err);
	lm_json_doc_clear(&doc);
}

static void assert_locate(const char *text, const char *path, unsigned long line,
			  unsigned long col)
{
	unsigned long l = 0, c = 0;

	ck_assert_msg(lm_json_locate(text, strlen(text), path, &l, &c), "%s", path);
	ck_assert_msg(l == line && c == col, "%s: got %lu:%lu, expected %lu:%lu", path, l, c,
		      line, col);
}

/* ---- lm_read_input ---- */

START_TEST(read_input_ok)
{
	g_autofree char *path = lm_test_data("valid/cohort-minimal.json");
	char *data = NULL;
	size_t len = 0;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_read_input(path, LM_INPUT_MAX_BYTES, &data, &len, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_uint_gt(len, 10);
	ck_assert_int_eq(data[len], '\0');
	ck_assert_uint_eq(strlen(data), len);
	g_free(data);
}
END_TEST

START_TEST(read_input_missing)
{
	char *data = NULL;
	size_t len = 0;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_read_input("/nonexistent/x.json", 100, &data, &len, &err), LM_EIO);
	ck_assert_ptr_null(data);
	ck_assert_str_eq(lm_error_file(err), "/nonexistent/x.json");
	ck_assert_ptr_nonnull(strstr(lm_error_message(err),
				     "cannot read file: No such file or directory"));
	lm_error_free(err);
	/* err may be NULL: only the code. */
	ck_assert_int_eq(lm_read_input("/nonexistent/x.json", 100, &data, &len, NULL), LM_EIO);
}
END_TEST

START_TEST(read_input_directory_and_args)
{
	g_autofree char *dir = lm_test_data("valid");
	char *data = NULL;
	size_t len = 0;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_read_input(dir, 100, &data, &len, &err), LM_EIO);
	ck_assert_ptr_null(data);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_read_input(NULL, 100, &data, &len, &err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_int_eq(lm_read_input(dir, 100, NULL, &len, NULL), LM_EINVAL);
}
END_TEST

START_TEST(read_input_limit)
{
	g_autofree char *path = lm_test_data("valid/cohort-minimal.json");
	char *data = NULL;
	size_t len = 0;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_read_input(path, 5, &data, &len, &err), LM_ELIMIT);
	ck_assert_ptr_null(data);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "limit"));
	lm_error_free(err);
}
END_TEST

START_TEST(read_input_stdin)
{
	g_autofree char *path = lm_test_data("valid/cohort-minimal.json");
	char *data = NULL, *expect = NULL;
	size_t len = 0, expect_len = 0;

	ck_assert(g_file_get_contents(path, &expect, &expect_len, NULL));
	ck_assert_ptr_nonnull(freopen(path, "rb", stdin));
	ck_assert_int_eq(lm_read_input("-", LM_INPUT_MAX_BYTES, &data, &len, NULL), 0);
	ck_assert_uint_eq(len, expect_len);
	ck_assert_mem_eq(data, expect, len);
	g_free(data);
	g_free(expect);
	/* Past the limit through a stream (no size known up front). */
	ck_assert_ptr_nonnull(freopen(path, "rb", stdin));
	lm_error *err = NULL;
	ck_assert_int_eq(lm_read_input("-", 3, &data, &len, &err), LM_ELIMIT);
	ck_assert_str_eq(lm_error_file(err), "<stdin>");
	lm_error_free(err);
}
END_TEST

/* ---- lm_json_doc_parse ---- */

START_TEST(parse_valid)
{
	lm_json_doc doc;

	parse_ok(&doc, "\xEF\xBB\xBF {\"a\": [1, 2, {\"b\": \"\\u00e9\\\"\"}]}\n\n");
	ck_assert(cJSON_IsObject(doc.root));
	ck_assert_uint_eq(doc.problems.count, 0);
	lm_json_doc_clear(&doc);
	lm_json_doc_clear(&doc); /* twice is harmless */
	lm_json_doc_clear(NULL);
}
END_TEST

START_TEST(parse_syntax_errors)
{
	parse_bad("{\"a\": x}", 8, 1, 7, "invalid JSON syntax");
	parse_bad("{\n  \"a\": 1,\n  \"b\" 2}", 20, 3, 7, "invalid JSON syntax");
	parse_bad("{\"a\":1,}", 8, 1, 8, "invalid JSON syntax");
	parse_bad("{\"a\":[1,2}", 10, 1, 10, "invalid JSON syntax");
	parse_bad("{\"a\":1} x", 9, 1, 9, "unexpected content after the JSON value");
	parse_bad("{\"a\":1}{}", 9, 1, 8, "unexpected content");
}
END_TEST

START_TEST(parse_truncated_and_empty)
{
	parse_bad("{\"a\":1", 6, 1, 7, "unexpected end of input");
	parse_bad("{\"a\":[1,\n", 9, 2, 1, "truncated");
	parse_bad("{\"a\":\"bc", 8, 1, 9, "inside a string");
	parse_bad("", 0, 1, 1, "empty document");
	parse_bad(" \n\t ", 4, 2, 3, "empty document");
	parse_bad(NULL, 0, 1, 1, "empty document");
}
END_TEST

START_TEST(parse_bad_bytes)
{
	parse_bad("{\"a\":\n \"b\0c\"}", 13, 2, 4, "NUL byte");
	parse_bad("{\"a\": \"\xC3\x28\"}", 10, 1, 8, "invalid UTF-8");
	parse_bad("{\"a\": \"\xFF\"}", 10, 1, 8, "invalid UTF-8");
	parse_bad("{\"a\": \"x\\u0000\"}", 16, 1, 9, "\\u0000");
	parse_bad("{\"a\": \"x\ny\"}", 12, 1, 9, "control character");
}
END_TEST

START_TEST(parse_deep_nesting)
{
	size_t n = 100000;
	g_autofree char *deep = g_malloc(n);

	memset(deep, '[', n);
	parse_bad(deep, n, 1, LM_JSON_MAX_DEPTH + 1, "nesting too deep");

	/* Exactly the limit is fine. */
	GString *s = g_string_new(NULL);
	for (int i = 0; i < LM_JSON_MAX_DEPTH; i++)
		g_string_append_c(s, '[');
	for (int i = 0; i < LM_JSON_MAX_DEPTH; i++)
		g_string_append_c(s, ']');
	lm_json_doc doc;
	parse_ok(&doc, s->str);
	lm_json_doc_clear(&doc);
	g_string_free(s, TRUE);
	/* Brackets inside strings do not count. */
	parse_ok(&doc, "{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}");
	lm_json_doc_clear(&doc);
}
END_TEST

START_TEST(parse_invalid_args)
{
	lm_error *err = NULL;

	ck_assert_int_eq(lm_json_doc_parse(NULL, "f", "{}", 2, &err), LM_EINVAL);
	lm_error_free(err);
	lm_json_doc doc;
	ck_assert_int_eq(lm_json_doc_parse(&doc, "f", NULL, 3, NULL), LM_EINVAL);
	/* A NULL file name is shown as <memory>. */
	err = NULL;
	ck_assert_int_eq(lm_json_doc_parse(&doc, NULL, "[", 1, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_file(err), "<memory>");
	lm_error_free(err);
}
END_TEST

/* ---- paths and locating ---- */

START_TEST(path_building)
{
	g_autofree char *a = lm_json_path_key("$", "mentees");
	g_autofree char *b = lm_json_path_index(a, 3);
	g_autofree char *c = lm_json_path_key(b, "x-note");
	g_autofree char *d = lm_json_path_key("$", "x y");
	g_autofree char *e = lm_json_path_key("$", "q\"b\\s");
	g_autofree char *f = lm_json_path_key("$", "1a");
	g_autofree char *g = lm_json_path_key("$", "");

	ck_assert_str_eq(b, "$.mentees[3]");
	ck_assert_str_eq(c, "$.mentees[3].x-note");
	ck_assert_str_eq(d, "$[\"x y\"]");
	ck_assert_str_eq(e, "$[\"q\\\"b\\\\s\"]");
	ck_assert_str_eq(f, "$[\"1a\"]");
	ck_assert_str_eq(g, "$[\"\"]");
}
END_TEST

static const char *locate_text =
	"{\n"
	"  \"mentees\": [\n"
	"    {\"id\": \"a\", \"languages\": {\"ko\": 5, \"en\": 1}},\n"
	"    {\"id\": \"b,]}\\\"\", \"x y\": [0, [1, 2], {\"k\": \"v\"}]}\n"
	"  ],\n"
	"  \"q\\\"b\": true, \"\\u00e9\": 2, \"z\": {}\n"
	"}\n";

START_TEST(locate_paths)
{
	assert_locate(locate_text, "$", 1, 1);
	assert_locate(locate_text, "$.mentees", 2, 14);
	assert_locate(locate_text, "$.mentees[0]", 3, 5);
	assert_locate(locate_text, "$.mentees[0].languages.en", 3, 46);
	assert_locate(locate_text, "$.mentees[1].id", 4, 12);
	assert_locate(locate_text, "$.mentees[1][\"x y\"]", 4, 29);
	assert_locate(locate_text, "$.mentees[1][\"x y\"][1][1]", 4, 37);
	assert_locate(locate_text, "$.mentees[1][\"x y\"][2].k", 4, 47);
	assert_locate(locate_text, "$[\"q\\\"b\"]", 6, 11);
	assert_locate(locate_text, "$[\"\xC3\xA9\"]", 6, 27);
	/* Missing members and elements give the enclosing value. */
	assert_locate(locate_text, "$.mentees[0].gender", 3, 5);
	assert_locate(locate_text, "$.mentees[7].gender", 2, 14);
	assert_locate(locate_text, "$.z.a", 6, 35);
	assert_locate(locate_text, "$.mentees[0].id.deeper", 3, 12);
	/* Paths that cannot be read. */
	unsigned long l, c;
	ck_assert(!lm_json_locate(locate_text, strlen(locate_text), "mentees", &l, &c));
	ck_assert(!lm_json_locate(locate_text, strlen(locate_text), "$.", &l, &c));
	ck_assert(!lm_json_locate(locate_text, strlen(locate_text), "$[x]", &l, &c));
	ck_assert(!lm_json_locate(locate_text, strlen(locate_text), "$[\"a]", &l, &c));
	ck_assert(!lm_json_locate(NULL, 0, "$", &l, &c));
	ck_assert(!lm_json_locate(locate_text, strlen(locate_text), NULL, &l, &c));
	/* Output pointers are optional; broken text never reads out of bounds. */
	ck_assert(lm_json_locate(locate_text, strlen(locate_text), "$.z", NULL, NULL));
	ck_assert(lm_json_locate("{\"a\": [1, {\"b", 12, "$.a[1].b.c", &l, &c));
}
END_TEST

START_TEST(locate_round_trip)
{
	/* Every path built for a key is found again by locate. */
	const char *keys[] = { "plain", "x y", "q\"b", "back\\slash", "1a", "\xED\x95\x9C" };
	GString *text = g_string_new("{");

	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
		cJSON *s = cJSON_CreateString(keys[i]);
		char *lit = cJSON_PrintUnformatted(s);
		g_string_append_printf(text, "%s\n%s: %zu", i ? "," : "", lit, i);
		cJSON_free(lit);
		cJSON_Delete(s);
	}
	g_string_append(text, "}");
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
		g_autofree char *path = lm_json_path_key("$", keys[i]);
		unsigned long l, c;

		ck_assert_msg(lm_json_locate(text->str, text->len, path, &l, &c), "%s", path);
		ck_assert_msg(l == i + 2, "%s: line %lu", path, l);
	}
	g_string_free(text, TRUE);
}
END_TEST

/* ---- problems and keys ---- */

START_TEST(problem_located)
{
	lm_json_doc doc;
	lm_error *err = NULL;

	parse_ok(&doc, "{\n  \"a\": {\"b\": 1}\n}");
	lm_json_problem(&doc, "$.a.b", LM_EPARSE, "expected %s", "something");
	lm_json_problem(&doc, "$.a.c", LM_ELIMIT, "too big");
	ck_assert_int_eq(lm_problems_finish(&doc.problems, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_message(err), "t.json:2:14: $.a.b: expected something");
	const lm_error *next = lm_error_next(err);
	ck_assert_str_eq(lm_error_message(next), "t.json:2:8: $.a.c: too big");
	ck_assert_int_eq(lm_error_code(next), LM_ELIMIT);
	ck_assert_ptr_null(lm_error_next(next));
	lm_error_free(err);
	lm_json_doc_clear(&doc);
}
END_TEST

START_TEST(problem_limit)
{
	lm_json_doc doc;
	lm_error *err = NULL;

	parse_ok(&doc, "{}");
	for (int i = 0; i < LM_MAX_PROBLEMS + 10; i++)
		lm_json_problem(&doc, "$", LM_EPARSE, "problem %d", i);
	ck_assert_uint_eq(doc.problems.count, LM_MAX_PROBLEMS);
	ck_assert(doc.problems.truncated);
	ck_assert_int_eq(lm_problems_finish(&doc.problems, &err), LM_EPARSE);
	int n = 0;
	const lm_error *e = err, *last = NULL;
	for (; e; e = lm_error_next(e), n++)
		last = e;
	ck_assert_int_eq(n, LM_MAX_PROBLEMS + 1);
	ck_assert_ptr_nonnull(strstr(lm_error_message(last), "more than"));
	lm_error_free(err);
	lm_json_doc_clear(&doc);
}
END_TEST

static const char *const allowed_keys[] = { "id", "gender", "birth_year", NULL };

/* Runs check_keys on text and returns the report (NULL when clean). */
static lm_error *check_keys(const char *text, const char *const *allowed, gboolean *ok)
{
	lm_json_doc doc;
	lm_error *err = NULL;

	parse_ok(&doc, text);
	*ok = lm_json_check_keys(&doc, doc.root, "$", allowed);
	lm_problems_finish(&doc.problems, &err);
	lm_json_doc_clear(&doc);
	return err;
}

START_TEST(keys_checked)
{
	gboolean ok;
	lm_error *err = check_keys("{\"id\": 1, \"x-note\": 2, \"gender\": 3}", allowed_keys, &ok);

	ck_assert(ok);
	ck_assert_ptr_null(err);

	err = check_keys("{\"id\": 1,\n \"gendr\": 2, \"zzzzzzzz\": 3}", allowed_keys, &ok);
	ck_assert(!ok);
	ck_assert_str_eq(lm_error_message(err),
			 "t.json:2:11: $.gendr: unknown field (did you mean \"gender\"?)");
	ck_assert_str_eq(lm_error_message(lm_error_next(err)),
			 "t.json:2:26: $.zzzzzzzz: unknown field");
	lm_error_free(err);

	/* The duplicate is located at its second occurrence. */
	err = check_keys("{\"id\": 1,\n \"id\": 2}", allowed_keys, &ok);
	ck_assert(!ok);
	ck_assert_str_eq(lm_error_message(err), "t.json:2:8: $.id: duplicate field");
	ck_assert_ptr_null(lm_error_next(err));
	lm_error_free(err);

	/* A map (allowed == NULL) only looks for duplicates; not an object: nothing to do. */
	err = check_keys("{\"ko\": 1, \"en\": 2, \"ko\": 3}", NULL, &ok);
	ck_assert(!ok);
	ck_assert_str_eq(lm_error_message(err), "t.json:1:26: $.ko: duplicate field");
	lm_error_free(err);
	err = check_keys("[1]", NULL, &ok);
	ck_assert(ok);
	ck_assert_ptr_null(err);
}
END_TEST

START_TEST(keys_large_object)
{
	GString *s = g_string_new("{");
	for (int i = 0; i < 200; i++)
		g_string_append_printf(s, "\"k%d\": %d, ", i % 150, i);
	g_string_append(s, "\"end\": 0}");
	gboolean ok;
	lm_error *err = check_keys(s->str, NULL, &ok);
	int n = 0;

	ck_assert(!ok);
	for (const lm_error *e = err; e; e = lm_error_next(e))
		n++;
	ck_assert_int_eq(n, 50);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "$.k0: duplicate field"));
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

/* ---- typed getters ---- */

/* Parses text and returns the first message recorded by fn (or NULL). */
typedef gboolean (*getter_fn)(lm_json_doc *doc, const cJSON *item);

static char *getter_message(const char *text, getter_fn fn, gboolean *ok)
{
	lm_json_doc doc;
	lm_error *err = NULL;

	parse_ok(&doc, text);
	*ok = fn(&doc, cJSON_GetObjectItemCaseSensitive(doc.root, "v"));
	lm_problems_finish(&doc.problems, &err);
	char *msg = err ? g_strdup(lm_error_message(err)) : NULL;
	lm_error_free(err);
	lm_json_doc_clear(&doc);
	return msg;
}

static long long got_int;

static gboolean year_getter(lm_json_doc *doc, const cJSON *item)
{
	return lm_json_get_int(doc, item, "$.v", 1900, 2025, &got_int);
}

static void assert_year(const char *text, gboolean want_ok, const char *substring)
{
	gboolean ok;
	g_autofree char *msg = getter_message(text, year_getter, &ok);

	ck_assert_msg(ok == want_ok, "%s", text);
	if (substring)
		ck_assert_msg(msg && strstr(msg, substring), "%s: %s", text, msg);
	else
		ck_assert_ptr_null(msg);
}

START_TEST(get_int)
{
	assert_year("{\"v\": 1996}", TRUE, NULL);
	ck_assert_int_eq(got_int, 1996);
	assert_year("{\"v\": 1900}", TRUE, NULL);
	assert_year("{\"v\": 2.025e3}", TRUE, NULL);
	ck_assert_int_eq(got_int, 2025);
	assert_year("{\"v\": 2026}", FALSE, "1:7: $.v: expected an integer from 1900 to 2025");
	assert_year("{\"v\": 1899}", FALSE, "expected an integer from 1900 to 2025");
	assert_year("{\"v\": 1996.5}", FALSE, "expected an integer");
	assert_year("{\"v\": 1e300}", FALSE, "expected an integer");
	assert_year("{\"v\": -1e300}", FALSE, "expected an integer");
	assert_year("{\"v\": 1e999}", FALSE, "expected an integer");
	assert_year("{\"v\": true}", FALSE, "expected an integer");
	assert_year("{\"v\": \"1996\"}", FALSE, "expected an integer");
	assert_year("{\"v\": null}", FALSE, "expected an integer");
	assert_year("{\"w\": 1}", FALSE, "1:1: $.v: missing field: expected an integer");
}
END_TEST

static gboolean int_full(lm_json_doc *doc, const cJSON *item)
{
	return lm_json_get_int(doc, item, "$.v", LLONG_MIN, LLONG_MAX, NULL) &&
	       lm_json_get_int(doc, item, "$.v", 0, LLONG_MAX, NULL) &&
	       lm_json_get_int(doc, item, "$.v", LLONG_MIN, 10, NULL);
}

static gboolean int_exact(lm_json_doc *doc, const cJSON *item)
{
	return lm_json_get_int(doc, item, "$.v", 1, 1, NULL);
}

START_TEST(get_int_messages)
{
	gboolean ok;
	char *msg = getter_message("{\"v\": 3}", int_full, &ok);

	ck_assert(ok);
	ck_assert_ptr_null(msg);
	msg = getter_message("{\"v\": 9007199254740993e3}", int_full, &ok);
	ck_assert(!ok);
	ck_assert_ptr_nonnull(strstr(msg, "expected an integer"));
	g_free(msg);
	msg = getter_message("{\"v\": -5}", int_full, &ok);
	ck_assert_ptr_nonnull(strstr(msg, "expected an integer of at least 0"));
	g_free(msg);
	msg = getter_message("{\"v\": 50}", int_full, &ok);
	ck_assert_ptr_nonnull(strstr(msg, "expected an integer of at most 10"));
	g_free(msg);
	msg = getter_message("{\"v\": 2}", int_exact, &ok);
	ck_assert_ptr_nonnull(strstr(msg, "expected the integer 1"));
	g_free(msg);
}
END_TEST

static gboolean number_getter(lm_json_doc *doc, const cJSON *item)
{
	double d = -1;
	gboolean ok = lm_json_get_number(doc, item, "$.v", 0, 100, &d);

	ck_assert(!ok || (d >= 0 && d <= 100));
	return ok;
}

static gboolean bool_getter(lm_json_doc *doc, const cJSON *item)
{
	gboolean b = 7;
	gboolean ok = lm_json_get_bool(doc, item, "$.v", &b);

	ck_assert(!ok || b == TRUE || b == FALSE);
	return ok;
}

static gboolean string_getter(lm_json_doc *doc, const cJSON *item)
{
	return lm_json_get_string(doc, item, "$.v", 4) != NULL;
}

static gboolean type_getter(lm_json_doc *doc, const cJSON *item)
{
	return lm_json_expect_type(doc, item, "$.v", cJSON_Object | cJSON_Array,
				   "an object or array");
}

static void assert_getter(getter_fn fn, const char *text, gboolean want_ok, const char *substring)
{
	gboolean ok;
	g_autofree char *msg = getter_message(text, fn, &ok);

	ck_assert_msg(ok == want_ok, "%s", text);
	if (substring)
		ck_assert_msg(msg && strstr(msg, substring), "%s: %s", text, msg);
	else
		ck_assert_ptr_null(msg);
}

START_TEST(get_other_types)
{
	assert_getter(number_getter, "{\"v\": 12.5}", TRUE, NULL);
	assert_getter(number_getter, "{\"v\": 101}", FALSE, "expected a number from 0 to 100");
	assert_getter(number_getter, "{\"v\": 1e999}", FALSE, "expected a number");
	assert_getter(number_getter, "{\"v\": \"1\"}", FALSE, "expected a number");
	assert_getter(bool_getter, "{\"v\": false}", TRUE, NULL);
	assert_getter(bool_getter, "{\"v\": true}", TRUE, NULL);
	assert_getter(bool_getter, "{\"v\": 1}", FALSE, "expected true or false");
	assert_getter(bool_getter, "{}", FALSE, "missing field: expected true or false");
	assert_getter(string_getter, "{\"v\": \"abcd\"}", TRUE, NULL);
	assert_getter(string_getter, "{\"v\": \"\"}", TRUE, NULL);
	assert_getter(string_getter, "{\"v\": \"abcde\"}", FALSE,
		      "expected a string of at most 4 bytes");
	assert_getter(string_getter, "{\"v\": 5}", FALSE, "$.v: expected a string");
	assert_getter(type_getter, "{\"v\": []}", TRUE, NULL);
	assert_getter(type_getter, "{\"v\": {}}", TRUE, NULL);
	assert_getter(type_getter, "{\"v\": \"{}\"}", FALSE, "expected an object or array");
	assert_getter(type_getter, "{}", FALSE, "missing field: expected an object or array");
}
END_TEST

START_TEST(messages_hide_values)
{
	/* Whatever the wrong value, the message names only the expectation. */
	const char *texts[] = {
		"{\"v\": \"SENTINEL_VALUE_93\"}", "{\"v\": [\"SENTINEL_VALUE_93\"]}",
		"{\"v\": {\"SENTINEL_VALUE_93\": 1}}", "{\"v\": 93.5}",
	};
	getter_fn fns[] = { year_getter, number_getter, bool_getter, type_getter };

	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
		for (size_t j = 0; j < G_N_ELEMENTS(fns); j++) {
			gboolean ok;
			g_autofree char *msg = getter_message(texts[i], fns[j], &ok);

			if (msg) {
				ck_assert_ptr_null(strstr(msg, "SENTINEL"));
				ck_assert_ptr_null(strstr(msg, "93"));
			}
		}
	}
}
END_TEST

static Suite *json_util_suite(void)
{
	Suite *s = suite_create("json_util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, read_input_ok);
	tcase_add_test(tc, read_input_missing);
	tcase_add_test(tc, read_input_directory_and_args);
	tcase_add_test(tc, read_input_limit);
	tcase_add_test(tc, read_input_stdin);
	tcase_add_test(tc, parse_valid);
	tcase_add_test(tc, parse_syntax_errors);
	tcase_add_test(tc, parse_truncated_and_empty);
	tcase_add_test(tc, parse_bad_bytes);
	tcase_add_test(tc, parse_deep_nesting);
	tcase_add_test(tc, parse_invalid_args);
	tcase_add_test(tc, path_building);
	tcase_add_test(tc, locate_paths);
	tcase_add_test(tc, locate_round_trip);
	tcase_add_test(tc, problem_located);
	tcase_add_test(tc, problem_limit);
	tcase_add_test(tc, keys_checked);
	tcase_add_test(tc, keys_large_object);
	tcase_add_test(tc, get_int);
	tcase_add_test(tc, get_int_messages);
	tcase_add_test(tc, get_other_types);
	tcase_add_test(tc, messages_hide_values);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(json_util_suite());
}
