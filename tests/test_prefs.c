/* Ranked preferences (include/libmatch/stable.h): loading, every located
 * problem, golden valid files with their known answers (stable from both
 * sides, choice rounds, reasons), the public API's error paths, and a
 * larger generated file checked for blocking pairs. */
#include <stdlib.h>
#include <string.h>
#include "lm_test.h"
#include "libmatch/libmatch.h"
#include "libmatch/stable.h"
#include "io/prefs_json.h"

#define LOAD(text, out, err) lm_prefs_load_buffer(out, text, strlen(text), "t.json", err)

/* ---- golden files ------------------------------------------------------------------- */

static GPtrArray *golden_files(const char *kind)
{
	g_autofree char *path = lm_test_data(kind);
	GDir *d = g_dir_open(path, 0, NULL);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	ck_assert_ptr_nonnull(d);
	while ((name = g_dir_read_name(d)))
		if (g_str_has_prefix(name, "prefs-") && g_str_has_suffix(name, ".json"))
			g_ptr_array_add(files, g_build_filename(path, name, NULL));
	g_dir_close(d);
	g_ptr_array_sort(files, (GCompareFunc)(void (*)(void))g_strcmp0);
	return files;
}

static char *expect_lines(const char *file)
{
	g_autofree char *stem = g_strndup(file, strlen(file) - strlen(".json"));
	g_autofree char *path = g_strconcat(stem, ".expect", NULL);
	char *text = NULL;

	ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL), "no %s", path);
	return text;
}

/* "a=x b=y" for the pairs, "c:reason[:best]" for the unmatched. */
static char *describe(const lm_result *r, gboolean unmatched)
{
	GString *s = g_string_new(NULL);
	size_t n = unmatched ? lm_result_unmatched_count(r) : lm_result_pair_count(r);

	for (size_t i = 0; i < n; i++) {
		if (i)
			g_string_append_c(s, ' ');
		if (!unmatched) {
			g_string_append_printf(s, "%s=%s", lm_result_pair_mentee(r, i),
					       lm_result_pair_mentor(r, i));
			ck_assert_int_eq(lm_result_pair_score(r, i), 0);
			continue;
		}
		const char *best = lm_result_unmatched_best_feasible(r, i);

		g_string_append_printf(s, "%s:%s%s%s", lm_result_unmatched_mentee(r, i),
				       lm_unmatched_reason_name(lm_result_unmatched_reason(r, i)),
				       best ? ":" : "", best ? best : "");
	}
	return g_string_free(s, FALSE);
}

static lm_result *solve(const lm_prefs *p, int algorithm, int proposers)
{
	lm_options *o = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;

	lm_options_new(&o, NULL);
	ck_assert_int_eq(lm_options_set_algorithm(o, algorithm, NULL), 0);
	ck_assert_int_eq(lm_options_set_proposers(o, proposers, NULL), 0);
	ck_assert_msg(lm_prefs_solve(&r, p, o, &err) == 0, "%s", lm_error_message(err));
	lm_options_free(o);
	ck_assert_int_eq(lm_result_algorithm(r), algorithm);
	ck_assert_int_eq(lm_result_proposers(r), algorithm == LM_ALGORITHM_STABLE ? proposers
										 : LM_EINVAL);
	ck_assert_int_eq(lm_result_optimal(r), 0);
	return r;
}

/* One line of a valid file's .expect: "KIND: answer". */
static void check_line(const lm_prefs *p, const char *file, const char *line)
{
	static const struct {
		const char *kind;
		int algorithm, proposers;
		gboolean unmatched;
	} kinds[] = {
		{ "mentees", LM_ALGORITHM_STABLE, LM_PROPOSERS_MENTEES, FALSE },
		{ "mentors", LM_ALGORITHM_STABLE, LM_PROPOSERS_MENTORS, FALSE },
		{ "unmatched", LM_ALGORITHM_STABLE, LM_PROPOSERS_MENTEES, TRUE },
		{ "rounds", LM_ALGORITHM_ROUNDS, LM_PROPOSERS_MENTEES, FALSE },
		{ "rounds-unmatched", LM_ALGORITHM_ROUNDS, LM_PROPOSERS_MENTEES, TRUE },
	};
	const char *colon = strchr(line, ':');
	g_autofree char *kind = g_strndup(line, (size_t)(colon - line));
	g_autofree char *want = g_strdup(colon + 1);

	g_strstrip(want);
	for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++) {
		if (strcmp(kinds[k].kind, kind) != 0)
			continue;
		lm_result *r = solve(p, kinds[k].algorithm, kinds[k].proposers);
		g_autofree char *got = describe(r, kinds[k].unmatched);

		ck_assert_msg(strcmp(got, want) == 0, "%s: %s: got '%s', expected '%s'", file, kind,
			      got, want);
		lm_result_free(r);
		return;
	}
	ck_abort_msg("%s: unknown line kind %s", file, kind);
}

START_TEST(golden_valid)
{
	g_autoptr(GPtrArray) files = golden_files("valid");

	ck_assert_uint_ge(files->len, 5);
	for (guint i = 0; i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		g_autofree char *expect = expect_lines(file);
		g_auto(GStrv) lines = g_strsplit(expect, "\n", -1);
		lm_prefs *p = NULL;
		lm_error *err = NULL;

		ck_assert_msg(lm_prefs_load_file(&p, file, &err) == 0, "%s", lm_error_message(err));
		ck_assert_str_eq(lines[0], "LM_OK");
		ck_assert_uint_eq(strlen(lm_prefs_digest(p)), 64);
		for (int l = 1; lines[l]; l++)
			if (lines[l][0])
				check_line(p, file, lines[l]);
		lm_prefs_free(p);
	}
}
END_TEST

/* An invalid file: status name, then substrings of the first message. */
START_TEST(golden_invalid)
{
	g_autoptr(GPtrArray) files = golden_files("invalid");

	ck_assert_uint_ge(files->len, 25);
	for (guint i = 0; i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		g_autofree char *expect = expect_lines(file);
		g_auto(GStrv) lines = g_strsplit(expect, "\n", -1);
		lm_prefs *p = (lm_prefs *)(void *)&i;
		lm_error *err = NULL;
		int rc = lm_prefs_load_file(&p, file, &err);

		ck_assert_msg(p == (lm_prefs *)(void *)&i, "%s: out changed", file);
		ck_assert_msg(err != NULL, "%s: loaded", file);
		ck_assert_msg(strcmp(lm_status_name(rc), lines[0]) == 0, "%s: %s, expected %s: %s",
			      file, lm_status_name(rc), lines[0], lm_error_message(err));
		ck_assert_str_eq(lm_error_file(err), file);
		for (int l = 1; lines[l]; l++)
			ck_assert_msg(!lines[l][0] || strstr(lm_error_message(err), lines[l]),
				      "%s: \"%s\" not in %s", file, lines[l], lm_error_message(err));
		lm_error_free(err);
	}
}
END_TEST

/* ---- loading -------------------------------------------------------------------------- */

START_TEST(load_arguments)
{
	lm_prefs *p = NULL;
	g_autofree char *missing = lm_test_data("valid/prefs-no-such-file.json");

	LM_EXPECT(lm_prefs_load_file(NULL, "x.json", &err), LM_EINVAL, "out is NULL");
	LM_EXPECT(lm_prefs_load_file(&p, NULL, &err), LM_EINVAL, "path is NULL");
	LM_EXPECT(lm_prefs_load_file(&p, missing, &err), LM_EIO, "prefs-no-such-file.json");
	LM_EXPECT(lm_prefs_load_buffer(NULL, "{}", 2, NULL, &err), LM_EINVAL, "out is NULL");
	LM_EXPECT(lm_prefs_load_buffer(&p, NULL, 2, NULL, &err), LM_EINVAL, "data is NULL");
	LM_EXPECT(lm_prefs_load_buffer(&p, "{}", (size_t)1 << 40, "big", &err), LM_ELIMIT,
	       "big: input is larger");
	LM_EXPECT(lm_prefs_load_buffer(&p, NULL, 0, NULL, &err), LM_EPARSE, "<memory>");
	ck_assert_ptr_null(p);
	ck_assert_int_eq(lm_prefs_load_file(&p, NULL, NULL), LM_EINVAL);
	lm_prefs_free(NULL);
	ck_assert_uint_eq(lm_prefs_count(NULL, LM_ROLE_MENTEE), 0);
	ck_assert_ptr_null(lm_prefs_id(NULL, LM_ROLE_MENTEE, 0));
	ck_assert_ptr_null(lm_prefs_digest(NULL));
}
END_TEST

START_TEST(load_forms_and_accessors)
{
	/* Not NUL-terminated: the loader copies exactly len bytes. */
	static const char text[] = "{\"mentees\": {\"b\": [\"y\", \"x\"], \"a\": {\"wants\": 2, "
				   "\"ranking\": [\"x\"], \"x-note\": 1}, \"x-c\": []},"
				   " \"mentors\": {\"y\": {\"ranking\": [], \"x-k\": true},"
				   " \"x\": {\"capacity\": 0, \"ranking\": [\"a\"]}},"
				   " \"x-comment\": \"kept for the caller\"}garbage";
	lm_prefs *p = NULL;
	lm_error *err = NULL;
	lm_rankings k;

	ck_assert_msg(lm_prefs_load_buffer(&p, text, strlen(text) - strlen("garbage"), NULL,
					   &err) == 0, "%s", lm_error_message(err));
	ck_assert_uint_eq(lm_prefs_count(p, LM_ROLE_MENTEE), 3);
	ck_assert_uint_eq(lm_prefs_count(p, LM_ROLE_MENTOR), 2);
	ck_assert_uint_eq(lm_prefs_count(p, (lm_role)7), 0);
	/* File order, and "x-c" is an id in a map of people. */
	ck_assert_str_eq(lm_prefs_id(p, LM_ROLE_MENTEE, 0), "b");
	ck_assert_str_eq(lm_prefs_id(p, LM_ROLE_MENTEE, 2), "x-c");
	ck_assert_str_eq(lm_prefs_id(p, LM_ROLE_MENTOR, 1), "x");
	ck_assert_ptr_null(lm_prefs_id(p, LM_ROLE_MENTOR, 2));
	ck_assert_ptr_null(lm_prefs_id(p, (lm_role)-1, 0));
	lm_prefs_rankings(p, &k);
	ck_assert_uint_eq(k.mentee_wants[0], 1);
	ck_assert_uint_eq(k.mentee_wants[1], 2);
	ck_assert_uint_eq(k.mentor_cap[0], 1);
	ck_assert_uint_eq(k.mentor_cap[1], 0);
	ck_assert_uint_eq(k.mentee_start[1], 2);
	ck_assert_uint_eq(k.mentee_list[0], 0); /* b lists y first */
	ck_assert_uint_eq(k.mentee_list[1], 1);
	ck_assert_int_eq(lm_rankings_check(&k, NULL), 0);
	lm_prefs_free(p);
}
END_TEST

/* Every problem of a document, in one chained report, each located. */
START_TEST(load_collects_problems)
{
	const char *text = "{\"mentees\": {\"a\": [\"x\", \"x\", \"q\"],\n"
			   "  \"b\": {\"wants\": 99, \"ranking\": []}},\n"
			   " \"mentors\": {\"x\": {\"capacity\": -2, \"ranking\": [\"a\", 1]}}}";
	lm_prefs *p = NULL;
	lm_error *err = NULL;
	unsigned n = 0;

	ck_assert_int_eq(LOAD(text, &p, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_message(err), "t.json:1:25: $.mentees.a[1]: duplicate id");
	for (const lm_error *e = err; e; e = lm_error_next(e))
		n++;
	ck_assert_uint_eq(n, 5);
	ck_assert_ptr_nonnull(strstr(lm_error_message(lm_error_next(err)),
				     "t.json:1:30: $.mentees.a[2]: unknown id"));
	ck_assert_ptr_nonnull(strstr(lm_error_message(lm_error_next(lm_error_next(err))),
				     "t.json:2:18: $.mentees.b.wants"));
	lm_error_free(err);
	ck_assert_ptr_null(p);
}
END_TEST

/* ---- solving ---------------------------------------------------------------------------- */

START_TEST(solve_arguments)
{
	lm_prefs *p = NULL;
	lm_result *r = NULL;
	lm_options *o = NULL;

	ck_assert_int_eq(LOAD("{\"mentees\": {\"a\": [\"x\"]}, \"mentors\": {\"x\": "
			      "{\"ranking\": [\"a\"]}}}", &p, NULL), 0);
	LM_EXPECT(lm_prefs_solve(NULL, p, NULL, &err), LM_EINVAL, "out is NULL");
	LM_EXPECT(lm_prefs_solve(&r, NULL, NULL, &err), LM_EINVAL, "prefs is NULL");
	lm_options_new(&o, NULL);
	lm_options_set_algorithm(o, LM_ALGORITHM_GREEDY, NULL);
	LM_EXPECT(lm_prefs_solve(&r, p, o, &err), LM_EINVAL, "algorithm 'greedy' is not available");
	lm_options_set_algorithm(o, LM_ALGORITHM_OPTIMAL, NULL);
	LM_EXPECT(lm_prefs_solve(&r, p, o, &err), LM_EINVAL, "use stable or rounds");
	ck_assert_ptr_null(r);
	/* Default options, and options whose algorithm was never set: stable. */
	lm_options_free(o);
	lm_options_new(&o, NULL);
	ck_assert_int_eq(lm_prefs_solve(&r, p, o, NULL), 0);
	ck_assert_int_eq(lm_result_algorithm(r), LM_ALGORITHM_STABLE);
	lm_result_free(r);
	ck_assert_int_eq(lm_prefs_solve(&r, p, NULL, NULL), 0);
	ck_assert_int_eq(lm_result_proposers(r), LM_PROPOSERS_MENTEES);
	ck_assert_uint_eq(lm_result_pair_count(r), 1);
	ck_assert_uint_eq(lm_result_criterion_count(r), 0);
	ck_assert_int_eq(lm_result_total_score(r), 0);
	lm_result_free(r);
	lm_options_free(o);
	lm_prefs_free(p);
}
END_TEST

/* The JSON result of a stable run names the proposing side and the digest. */
START_TEST(solve_writes_result)
{
	lm_prefs *p = NULL;
	lm_result *r = NULL;
	lm_options *o = NULL;
	char *json = NULL;
	size_t len = 0;

	ck_assert_int_eq(LOAD("{\"mentees\": {\"a\": [\"x\"], \"b\": [\"x\"]}, \"mentors\": "
			      "{\"x\": {\"ranking\": [\"b\", \"a\"]}}}", &p, NULL), 0);
	lm_options_new(&o, NULL);
	lm_options_set_proposers(o, LM_PROPOSERS_MENTORS, NULL);
	ck_assert_int_eq(lm_prefs_solve(&r, p, o, NULL), 0);
	ck_assert_int_eq(lm_result_write(r, LM_FORMAT_JSON, &json, &len, NULL), 0);
	ck_assert_ptr_nonnull(strstr(json, "\"algorithm\": \"stable\""));
	ck_assert_ptr_nonnull(strstr(json, "\"proposers\": \"mentors\""));
	ck_assert_ptr_nonnull(strstr(json, "\"model\": null"));
	ck_assert_ptr_nonnull(strstr(json, lm_prefs_digest(p)));
	ck_assert_ptr_nonnull(strstr(json, "{\"mentee\": \"b\", \"mentor\": \"x\", \"score\": 0"));
	ck_assert_ptr_nonnull(strstr(json, "{\"mentee\": \"a\", \"reason\": \"outranked\", "
					   "\"best_feasible\": \"x\"}"));
	lm_free(json);
	lm_result_free(r);
	lm_options_free(o);
	lm_prefs_free(p);
}
END_TEST

/* A generated file of 2,000 mentees and 300 mentors: no blocking pairs
 * from either side, and choice rounds within every capacity. */
static char *generate(GRand *rng)
{
	GString *s = g_string_new("{\"mentees\": {");

	for (int m = 0; m < 2000; m++) {
		g_string_append_printf(s, "%s\"m%d\": {\"wants\": %d, \"ranking\": [", m ? ", " : "",
				       m, g_rand_int_range(rng, 1, 4));
		int o = g_rand_int_range(rng, 0, 300), n = g_rand_int_range(rng, 0, 11);

		/* Steps coprime to the side's size: distinct ids. */
		for (int k = 0; k < n; k++)
			g_string_append_printf(s, "%s\"t%d\"", k ? ", " : "", (o + 31 * k) % 300);
		g_string_append(s, "]}");
	}
	g_string_append(s, "}, \"mentors\": {");
	for (int t = 0; t < 300; t++) {
		int start = g_rand_int_range(rng, 0, 2000);

		g_string_append_printf(s, "%s\"t%d\": {\"capacity\": %d, \"ranking\": [", t ? ", " : "",
				       t, g_rand_int_range(rng, 0, 8));
		for (int k = 0; k < 400; k++)
			g_string_append_printf(s, "%s\"m%d\"", k ? ", " : "", (start + 7 * k) % 2000);
		g_string_append(s, "]}");
	}
	g_string_append(s, "}}");
	return g_string_free(s, FALSE);
}

/* The result's pairs as engine indices (ids are "m<i>" and "t<i>"). */
static GArray *pairs_of(const lm_result *r)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));

	for (size_t i = 0; i < lm_result_pair_count(r); i++) {
		lm_pair_ix p = { (uint32_t)atoi(lm_result_pair_mentee(r, i) + 1),
				 (uint32_t)atoi(lm_result_pair_mentor(r, i) + 1) };
		g_array_append_val(a, p);
	}
	return a;
}

START_TEST(generated_file)
{
	GRand *rng = g_rand_new_with_seed(3);
	g_autofree char *text = generate(rng);
	lm_prefs *p = NULL;
	lm_error *err = NULL;
	lm_rankings k;

	ck_assert_msg(LOAD(text, &p, &err) == 0, "%s", lm_error_message(err));
	lm_prefs_rankings(p, &k);
	for (int side = 0; side < 3; side++) {
		lm_result *r = solve(p, side < 2 ? LM_ALGORITHM_STABLE : LM_ALGORITHM_ROUNDS,
				     side == 1 ? LM_PROPOSERS_MENTORS : LM_PROPOSERS_MENTEES);
		GArray *pairs = pairs_of(r), *blocking = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));
		uint32_t load[300] = { 0 };

		ck_assert_uint_gt(pairs->len, 500);
		if (side < 2)
			ck_assert_uint_eq(lm_stable_blocking_pairs(&k, (lm_pair_ix *)(void *)pairs->data,
								   pairs->len, blocking), 0);
		for (guint i = 0; i < pairs->len; i++) {
			uint32_t t = g_array_index(pairs, lm_pair_ix, i).mentor;

			ck_assert_uint_le(++load[t], k.mentor_cap[t]);
		}
		g_array_free(pairs, TRUE);
		g_array_free(blocking, TRUE);
		lm_result_free(r);
	}
	lm_prefs_free(p);
	g_rand_free(rng);
}
END_TEST

/* ---- the two readers agree ------------------------------------------------------------ */

static void assert_same_prefs(const lm_prefs *a, const lm_prefs *b, const char *what)
{
	for (int s = 0; s < 2; s++) {
		ck_assert_msg(a->n[s] == b->n[s], "%s: side %d counts differ", what, s);
		for (uint32_t i = 0; i < a->n[s]; i++)
			ck_assert_msg(strcmp(a->ids[s][i], b->ids[s][i]) == 0, "%s: id %u differs",
				      what, i);
		ck_assert_msg(memcmp(a->start[s], b->start[s], (a->n[s] + 1) * sizeof(size_t)) == 0,
			      "%s: side %d list starts differ", what, s);
		ck_assert_msg(!a->start[s][a->n[s]] ||
			      memcmp(a->list[s], b->list[s],
				     a->start[s][a->n[s]] * sizeof(uint32_t)) == 0,
			      "%s: side %d lists differ", what, s);
	}
	ck_assert_msg(!a->n[0] || memcmp(a->wants, b->wants, a->n[0] * sizeof(uint32_t)) == 0,
		      "%s: wants", what);
	ck_assert_msg(!a->n[1] || memcmp(a->cap, b->cap, a->n[1] * sizeof(uint32_t)) == 0,
		      "%s: capacities", what);
	ck_assert_str_eq(a->sha256, b->sha256);
}

/* Both readers on one text: the fast one may give up, but whatever it
 * reads the full one reads the same. Returns the fast reader's answer. */
static int compare_readers(const char *text, size_t len, const char *what)
{
	lm_prefs *fast = NULL, *full = NULL;
	lm_error *err = NULL;
	int f = lm_prefs_parse_fast(&fast, text, len);
	int rc = lm_prefs_parse_full(&full, text, len, "t.json", &err);

	ck_assert_msg(f == 0 || f == 1, "%s: fast reader returned %d", what, f);
	ck_assert_msg(f == 1 || fast == NULL, "%s: fast reader gave up but set out", what);
	if (f == 1) {
		ck_assert_msg(rc == 0, "%s: fast reader read a file the full one refuses: %s", what,
			      lm_error_message(err));
		assert_same_prefs(fast, full, what);
	}
	lm_prefs_free(fast);
	lm_prefs_free(full);
	lm_error_free(err);
	return f;
}

static char *read_text(const char *file, size_t *len)
{
	char *text = NULL;

	ck_assert_msg(g_file_get_contents(file, &text, len, NULL), "no %s", file);
	return text;
}

/* Every valid golden file is plain enough for the fast reader. */
START_TEST(fast_reads_valid)
{
	g_autoptr(GPtrArray) files = golden_files("valid");

	for (guint i = 0; i < files->len; i++) {
		size_t len;
		g_autofree char *text = read_text(g_ptr_array_index(files, i), &len);

		ck_assert_msg(compare_readers(text, len, g_ptr_array_index(files, i)) == 1,
			      "%s: the fast reader gave up", (char *)g_ptr_array_index(files, i));
	}
	GRand *rng = g_rand_new_with_seed(3);
	g_autofree char *big = generate(rng);

	ck_assert_int_eq(compare_readers(big, strlen(big), "generated"), 1);
	g_rand_free(rng);
}
END_TEST

/* Every invalid golden file makes it give up (the full reader reports). */
START_TEST(fast_gives_up_invalid)
{
	g_autoptr(GPtrArray) files = golden_files("invalid");

	for (guint i = 0; i < files->len; i++) {
		size_t len;
		g_autofree char *text = read_text(g_ptr_array_index(files, i), &len);
		lm_prefs *p = NULL;

		ck_assert_msg(lm_prefs_parse_fast(&p, text, len) == 0 && p == NULL,
			      "%s: the fast reader read it", (char *)g_ptr_array_index(files, i));
	}
}
END_TEST

/* Where a member starts ("key": value) at or after `from`: the offset of
 * its key's quote and the end of its value, or FALSE. */
static gboolean find_member(const char *t, size_t len, size_t from, size_t *b, size_t *e)
{
	for (size_t k = from; k + 1 < len; k++) {
		if (t[k] != '"' || (k && t[k - 1] != '{' && t[k - 1] != ' ' && t[k - 1] != '\n'))
			continue;
		const char *q = memchr(t + k + 1, '"', len - k - 1);

		if (!q || q[1] != ':')
			continue;
		int depth = 0;
		size_t j = (size_t)(q - t) + 2;

		for (gboolean in_str = FALSE; j < len; j++) {
			char c = t[j];

			if (in_str) {
				in_str = c != '"';
				j += c == '\\';
			} else if (c == '"') {
				in_str = TRUE;
			} else if (c == '{' || c == '[') {
				depth++;
			} else if ((c == '}' || c == ']') && depth > 0) {
				depth--;
			} else if (c == '}' || c == ']' || (c == ',' && depth == 0)) {
				break;
			}
		}
		*b = k;
		*e = j;
		return j < len;
	}
	return FALSE;
}

static const char *const pieces[] = {
	" ", "\t", "\n", "\r", "\f", "\v", "\"", "\\", ",", ":", "{", "}", "[", "]", "0", "1",
	"-0", "1.0", "1e0", "01", "1E+0", "2", "0.5", "-1", "1e400", "null", "true", "\"\\u0041\"",
	"\\u0041", "\\u0000", "\\n", "\\\"", "x-", "\"x-a\": 1, ", "\"x-b\": [1, {\"c\": null}], ",
	"\"wants\": 2, ", "\"capacity\": 3, ", "\"ranking\": [], ", "\xc3\xa9", "\xff", "\x01",
	"\"format\": \"libmatch-preferences\", ", "\"version\": 1.0, ", "\"version\": 1, ",
};

/* One random change to text: a byte replaced or deleted, a piece
 * inserted or put in place of a number, a member duplicated. */
static void mutate(GString *t, GRand *rng)
{
	size_t at = (size_t)g_rand_int_range(rng, 0, (gint32)t->len + 1), b, e, n;
	const char *piece = pieces[g_rand_int_range(rng, 0, G_N_ELEMENTS(pieces))];

	switch (g_rand_int_range(rng, 0, 7)) {
	case 0: /* a byte flipped */
		if (at < t->len)
			t->str[at] = (char)(t->str[at] ^ (1 << g_rand_int_range(rng, 0, 8)));
		break;
	case 1: /* a few bytes deleted */
		n = (size_t)g_rand_int_range(rng, 1, 4);
		if (at < t->len)
			g_string_erase(t, (gssize)at, (gssize)MIN(t->len - at, n));
		break;
	case 2: /* a piece inserted */
		g_string_insert(t, (gssize)at, piece);
		break;
	case 3: /* a number written another way */
		for (size_t k = at; k < t->len; k++)
			if (k > 0 && g_ascii_isdigit(t->str[k]) && t->str[k - 1] == ' ') {
				n = strspn(t->str + k, "0123456789");
				const char *forms[] = { "1.0", "1e0", "01", "-0", "0", "1E0", "2.5",
							"1 ", "10", "17", "1000001", "0.0" };

				g_string_erase(t, (gssize)k, (gssize)n);
				g_string_insert(t, (gssize)k,
						forms[g_rand_int_range(rng, 0, G_N_ELEMENTS(forms))]);
				break;
			}
		break;
	case 4: /* a member repeated after itself */
		if (find_member(t->str, t->len, at, &b, &e)) {
			g_autofree char *copy = g_strndup(t->str + b, e - b);

			g_string_insert(t, (gssize)e, ", ");
			g_string_insert(t, (gssize)e + 2, copy);
		}
		break;
	case 5: /* a ranking's first id repeated */
		for (size_t k = at; k + 1 < t->len; k++)
			if (t->str[k] == '[' && t->str[k + 1] == '"') {
				const char *q = strchr(t->str + k + 2, '"');
				g_autofree char *id = q ? g_strndup(t->str + k + 1,
								  (size_t)(q - t->str) - k) : NULL;

				if (id) {
					g_string_insert(t, (gssize)k + 1, ", ");
					g_string_insert(t, (gssize)k + 1, id);
				}
				break;
			}
		break;
	default: /* a character of a string escaped, same meaning */
		lm_test_escape_first_char(t, at);
		break;
	}
}

/* Thousands of variants of the valid files (one to three changes each):
 * whenever the fast reader reads one, the full reader reads the same. */
START_TEST(readers_agree_on_variants)
{
	g_autoptr(GPtrArray) files = golden_files("valid");
	GRand *rng = g_rand_new_with_seed(20261123);
	unsigned read = 0, gave_up = 0, refused = 0;

	for (int v = 0; v < 12000; v++) {
		size_t len;
		g_autofree char *text = read_text(g_ptr_array_index(files, v % files->len), &len);
		GString *t = g_string_new_len(text, (gssize)len);
		int changes = g_rand_int_range(rng, 1, 4);
		g_autofree char *what = NULL;

		for (int c = 0; c < changes; c++)
			mutate(t, rng);
		what = g_strdup_printf("variant %d", v);
		if (compare_readers(t->str, t->len, what) == 1) {
			read++;
		} else {
			lm_prefs *p = NULL;

			if (lm_prefs_parse_full(&p, t->str, t->len, "t.json", NULL) == 0)
				gave_up++;
			else
				refused++;
			lm_prefs_free(p);
		}
		g_string_free(t, TRUE);
	}
	/* Each outcome is common, so the comparison covers both ways. */
	ck_assert_uint_gt(read, 1000);
	ck_assert_uint_gt(gave_up, 500);
	ck_assert_uint_gt(refused, 1000);
	g_rand_free(rng);
}
END_TEST

static Suite *prefs_suite(void)
{
	Suite *s = suite_create("prefs");
	TCase *load = tcase_create("load");
	TCase *run = tcase_create("solve");
	TCase *readers = tcase_create("readers");

	tcase_add_test(load, golden_valid);
	tcase_add_test(load, golden_invalid);
	tcase_add_test(load, load_arguments);
	tcase_add_test(load, load_forms_and_accessors);
	tcase_add_test(load, load_collects_problems);
	suite_add_tcase(s, load);
	tcase_add_test(readers, fast_reads_valid);
	tcase_add_test(readers, fast_gives_up_invalid);
	tcase_add_test(readers, readers_agree_on_variants);
	tcase_set_timeout(readers, 120);
	suite_add_tcase(s, readers);
	tcase_add_test(run, solve_arguments);
	tcase_add_test(run, solve_writes_result);
	tcase_add_test(run, generated_file);
	tcase_set_timeout(run, 120);
	suite_add_tcase(s, run);
	return s;
}

int main(void)
{
	return lm_test_run(prefs_suite());
}
