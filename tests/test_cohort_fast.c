/* The two cohort JSON readers agree: the fast reader (io/cohort_fast.c) may
 * give up on anything, but whatever it reads the full reader reads to the
 * same cohort. Checked on every valid golden cohort and sample, on every
 * invalid one (the fast reader must give up), on hand-made edge cases and
 * on thousands of seeded variants of the valid files. */
#include <string.h>
#include "lm_test.h"
#include "core/cohort_build.h"
#include "io/cohort_json.h"

/* Cohort JSON files of tests/data/KIND (and the samples for "valid"). */
static GPtrArray *golden_files(const char *kind)
{
	g_autofree char *path = lm_test_data(kind);
	g_autofree char *samples = lm_test_data("../../data/sample");
	const char *dirs[] = { path, g_str_equal(kind, "valid") ? samples : NULL };
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);

	for (size_t k = 0; k < G_N_ELEMENTS(dirs) && dirs[k]; k++) {
		GDir *d = g_dir_open(dirs[k], 0, NULL);
		const char *name;

		ck_assert_msg(d != NULL, "no folder %s", dirs[k]);
		while ((name = g_dir_read_name(d)))
			if ((k == 1 || g_str_has_prefix(name, "cohort-")) &&
			    g_str_has_suffix(name, ".json"))
				g_ptr_array_add(files, g_build_filename(dirs[k], name, NULL));
		g_dir_close(d);
	}
	g_ptr_array_sort(files, (GCompareFunc)(void (*)(void))g_strcmp0);
	return files;
}

static char *read_text(const char *file, size_t *len)
{
	char *text = NULL;

	ck_assert_msg(g_file_get_contents(file, &text, len, NULL), "no %s", file);
	return text;
}

/* Both readers on one text; returns the fast reader's answer, and the full
 * reader's status in *full_rc when not NULL. */
static int compare_readers(const char *text, size_t len, const char *what, int *full_rc)
{
	/* NUL-terminated at its length, as lm_cohort_load_* give it. */
	GBytes *source = g_bytes_new_take(g_strndup(text, len), len);
	lm_cohort *fast = NULL, *full = NULL;
	lm_error *err = NULL;
	int f = lm_cohort_parse_json_fast(&fast, source, "t.json");
	int rc = lm_cohort_parse_json_full(&full, source, "t.json", &err);

	ck_assert_msg(f == 0 || f == 1, "%s: fast reader returned %d", what, f);
	ck_assert_msg(f == 1 || fast == NULL, "%s: fast reader gave up but set out", what);
	ck_assert_msg(rc == 0 || (err && full == NULL), "%s: full reader failed oddly", what);
	if (f == 1) {
		ck_assert_msg(rc == 0, "%s: fast reader read a file the full one refuses: %s", what,
			      lm_error_message(err));
		ck_assert_msg(lm_cohort_same(fast, full), "%s: the readers' cohorts differ", what);
	}
	lm_cohort_destroy(fast);
	lm_cohort_destroy(full);
	lm_error_free(err);
	g_bytes_unref(source);
	if (full_rc)
		*full_rc = rc;
	return f;
}

static int compare_string(const char *text, const char *what)
{
	return compare_readers(text, strlen(text), what, NULL);
}

/* Whether the fast reader reads each golden cohort of dir (and the full
 * reader agrees) or gives up on it. */
static void expect_goldens(const char *dir, guint at_least, int expected, const char *otherwise)
{
	g_autoptr(GPtrArray) files = golden_files(dir);

	ck_assert_uint_ge(files->len, at_least);
	for (guint i = 0; i < files->len; i++) {
		const char *name = g_ptr_array_index(files, i);
		size_t len;
		g_autofree char *text = read_text(name, &len);

		ck_assert_msg(compare_readers(text, len, name, NULL) == expected, "%s: %s", name,
			      otherwise);
	}
}

/* Every valid golden cohort and sample is plain enough for the fast reader. */
START_TEST(fast_reads_valid)
{
	expect_goldens("valid", 8, 1, "the fast reader gave up");
}
END_TEST

/* Every invalid golden cohort makes it give up (the full reader reports). */
START_TEST(fast_gives_up_invalid)
{
	expect_goldens("invalid", 50, 0, "the fast reader read it");
}
END_TEST

#define HEAD "\"format\": \"libmatch-cohort\", \"version\": 1"
#define PERSON "{\"id\": \"m-1\", \"goals\": [\"employment\"], \"exclude\": [\"r-1\", \"r-9\"]}"
#define MENTOR "{\"id\": \"r-1\", \"capacity\": 2, \"offers\": [\"employment\"]}"

/* A text and whether the fast reader reads it (1) or gives up (0). */
typedef struct {
	const char *text;
	int fast;
} reader_case;

static void check_cases(const reader_case *cases, size_t n, const char *kind)
{
	for (size_t i = 0; i < n; i++) {
		g_autofree char *what = g_strdup_printf("%s %zu", kind, i);

		ck_assert_msg(compare_string(cases[i].text, what) == cases[i].fast,
			      "%s: the fast reader should %s", what,
			      cases[i].fast ? "read it" : "give up");
	}
}

/* The plain forms it reads, and the unusual ones it leaves to the full reader. */
START_TEST(edge_cases)
{
	static const reader_case cases[] = {
		{ "{" HEAD ", \"mentees\": [" PERSON "], \"mentors\": [" MENTOR "]}", 1 },
		{ " \r\n\t{" HEAD ",\n\"mentees\":[" PERSON "],\"mentors\":[" MENTOR "]}\n\t ", 1 },
		{ "{\"mentees\": [], \"mentors\": [], " HEAD "}", 1 },
		{ "{" HEAD ", \"as_of\": \"2025-03-01\", \"x-a\": {\"b\": [1, null]}, \"x-b\": 1, "
		  "\"mentees\": [" PERSON "], \"x-c\": \"\", \"mentors\": [" MENTOR "]}", 1 },
		{ "{" HEAD ", \"mentees\": [{\"id\": \"\\u006d-1\"}], \"mentors\": []}", 1 },
		/* Given up, read by the full reader. */
		{ "\xEF\xBB\xBF{" HEAD ", \"mentees\": [], \"mentors\": []}", 0 },
		{ "{" HEAD ", \"mentors\": [" MENTOR "], \"mentees\": [" PERSON "]}", 0 },
		{ "{" HEAD ", \"mentees\": [], \"mentors\": [], \"as_of\": \"2025-03-01\"}", 0 },
		{ "{" HEAD ", \"mentees\": [], \"mentors\": [], \"x-a\": 1, \"x-a\": 2}", 0 },
		{ "{" HEAD ", \"\\u0078-a\": 1, \"mentees\": [], \"mentors\": []}", 0 },
		{ "{" HEAD ",\f\"mentees\": [], \"mentors\": []}", 0 },
		/* Refused by both. */
		{ "{" HEAD ", \"mentees\": [], \"mentors\": [], \"format\": 2}", 0 },
		{ "{" HEAD ", \"mentees\": []}", 0 },
		{ "{" HEAD ", \"mentees\": [], \"mentors\": [],}", 0 },
		{ "{" HEAD ", \"mentees\": [" PERSON ",], \"mentors\": []}", 0 },
		{ "{" HEAD ", \"mentees\": [" PERSON "], \"mentors\": []} x", 0 },
		{ "{" HEAD ", \"mentees\": [" PERSON "], \"mentors\": []", 0 },
		{ "{" HEAD ", \"mentees\": [" PERSON ", " PERSON "], "
		  "\"mentors\": [" MENTOR "]}", 0 },
		{ "{" HEAD ", \"mentees\": [{\"id\": \"m-1\", \"id\": \"m-2\"}], "
		  "\"mentors\": []}", 0 },
		{ "{" HEAD ", \"mentees\": [{\"id\": \"m-1\", \"choices\": [\"r-2\"]}], "
		  "\"mentors\": [" MENTOR "]}", 0 },
		{ "{" HEAD ", \"version\": 1, \"mentees\": [], \"mentors\": []}", 0 },
		{ "{" HEAD ", \"mentees\": [], \"mentees\": [], \"mentors\": []}", 0 },
		{ "{" HEAD ", \"as_of\": \"1900-01-01\", \"mentees\": [], \"mentors\": []}", 0 },
		{ "[]", 0 },
		{ "", 0 },
		{ "   ", 0 },
	};

	check_cases(cases, G_N_ELEMENTS(cases), "case");
}
END_TEST

/* A person's tree is built without cJSON when its JSON is plain (no
 * escapes, short integers, JSON white space) and by cJSON otherwise: the
 * same cohort either way, and the same problems. */
#define WITH_MENTEE(p) "{" HEAD ", \"mentees\": [" p "], \"mentors\": [" MENTOR "]}"
#define WITH_MENTOR(p) "{" HEAD ", \"mentees\": [" PERSON "], \"mentors\": [" p "]}"

START_TEST(person_trees)
{
	static const reader_case cases[] = {
		{ WITH_MENTEE("{\"id\": \"m-1\", \"birth_year\": 1990, \"wants\": 2, "
			      "\"consent\": true, \"languages\": {}, \"goals\": []}"), 1 },
		{ WITH_MENTEE("{\"id\":\"m-1\",\"consent\":false,\"modes\":[\"online\"]}"), 1 },
		{ WITH_MENTEE("{ \n\t\"id\" \r: \"m-1\" ,\n \"birth_year\"\t:\t1990 \n}"), 1 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"x-note\": {\"a\": [1, -7, true, false, null, "
			      "\"\xC3\xA9\", [], {}]}}"), 1 },
		{ WITH_MENTEE("{}"), 0 },
		/* Numbers left to cJSON, still read. */
		{ WITH_MENTEE("{\"id\": \"m-1\", \"birth_year\": 1990.0}"), 1 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"birth_year\": 1.99e3}"), 1 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"birth_year\": 199E1}"), 1 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": 0002}"), 1 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"x-n\": [0.5, -0.0, 1e+2, 1E-2]}"), 1 },
		/* Past any integer type (found by fuzz_cohort_diff under UBSan). */
		{ WITH_MENTEE("{\"id\": \"m-1\", \"x-n\": -11111111111111111111111111}"), 1 },
		{ WITH_MENTOR("{\"id\": \"r-1\", \"capacity\": -0}"), 1 },
		{ WITH_MENTOR("{\"id\": \"r-1\", \"capacity\": 0}"), 1 },
		{ WITH_MENTOR("{\"id\": \"r-1\", \"teaches\": {\"en\": [0, 5]}}"), 1 },
		/* Other white space and escapes: cJSON's, still read. */
		{ WITH_MENTEE("{\"id\": \"m-1\",\f\"wants\":\v2}"), 1 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"region\": \"a\\\"b\"}"), 1 },
		{ WITH_MENTEE("{\"\\u0069d\": \"m-1\"}"), 1 },
		/* Out of range at the edges of the plain integers: given up. */
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": 999999999999999}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": 1000000000000000}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": -2147483649}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": 2147483648}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"consent\": null}"), 0 },
		/* Broken inside a person: both refuse. */
		{ WITH_MENTEE("{\"id\": \"m-1\", \"consent\": truex}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": 2-}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"wants\": -}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"modes\": [\"online\",]}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\" \"wants\": 2}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", \"modes\": [\"online\"}]"), 0 },
		{ WITH_MENTEE("{\"id\" \"m-1\"}"), 0 },
		{ WITH_MENTEE("{\"id\": \"m-1\", 2: 3}"), 0 },
	};

	check_cases(cases, G_N_ELEMENTS(cases), "person case");
}
END_TEST

/* ---- seeded variants ---------------------------------------------------------------- */

/* The extent [*b, *e) of the first member ("key": value) whose name
 * starts at or after `at`, the value ending at a comma or closing bracket
 * of its own level. */
static gboolean find_member(const GString *t, size_t at, size_t *b, size_t *e)
{
	const char *s = strstr(t->str + MIN(at, t->len), "\": ");
	int depth = 0;
	gboolean in_string = FALSE;

	if (!s)
		return FALSE;
	for (*b = (size_t)(s - t->str); *b > 0 && t->str[*b - 1] != '"'; (*b)--)
		;
	if (*b == 0)
		return FALSE;
	(*b)--;
	for (*e = (size_t)(s - t->str) + 3; *e < t->len; (*e)++) {
		char ch = t->str[*e];

		if (in_string) {
			if (ch == '\\')
				(*e)++;
			else if (ch == '"')
				in_string = FALSE;
		} else if (ch == '"') {
			in_string = TRUE;
		} else if (ch == '[' || ch == '{') {
			depth++;
		} else if ((ch == ']' || ch == '}' || ch == ',') && depth == 0) {
			return TRUE;
		} else if (ch == ']' || ch == '}') {
			depth--;
		}
	}
	return FALSE;
}

static void mutate(GString *t, GRand *rng)
{
	static const char alphabet[] = "{}[]\",:0123456789 \n\t-.etrufalsnx\\/";
	static const char *const pieces[] = {
		" ", "\n", "\t", "\r\n", "\f", ",", "\"", "{}", "[]", "null", "\"x-a\": 1, ",
		"\"gender\": \"male\", ", "\"id\": \"m-9\", ", "\"consent\": true, ",
		"\"wants\": 2, ", "\"capacity\": 3, ", "\"as_of\": \"2025-02-03\", ",
		"\"mentors\": [], ", "\"goals\": [\"family\"], ", "\xEF\xBB\xBF", "\\u0041",
		"\"choices\": [\"r-01\"], ", "\"x-\": [{}], ", "1e400", "-0", "\x01",
	};
	size_t at = t->len ? (size_t)g_rand_int_range(rng, 0, (gint32)t->len) : 0;
	size_t b, e, n = (size_t)g_rand_int_range(rng, 1, 9);

	switch (g_rand_int_range(rng, 0, 9)) {
	case 0: /* a byte replaced */
		if (at < t->len)
			t->str[at] = alphabet[g_rand_int_range(rng, 0, sizeof alphabet - 1)];
		break;
	case 1: /* a few bytes deleted */
		if (at < t->len)
			g_string_erase(t, (gssize)at, (gssize)MIN(t->len - at, n));
		break;
	case 2: /* a piece inserted */
		g_string_insert(t, (gssize)at,
				pieces[g_rand_int_range(rng, 0, G_N_ELEMENTS(pieces))]);
		break;
	case 3: /* a number written another way */
		for (size_t k = at; k + 1 < t->len; k++)
			if (g_ascii_isdigit(t->str[k + 1]) &&
			    (t->str[k] == ' ' || t->str[k] == '[')) {
				const char *forms[] = { "1.0", "1e0", "01", "-0", "0", "1E0", "2.5",
							"10", "1000", "5", "6", "1990", "2030" };
				int form = g_rand_int_range(rng, 0, G_N_ELEMENTS(forms));

				g_string_erase(t, (gssize)k + 1,
					       (gssize)strspn(t->str + k + 1, "0123456789"));
				g_string_insert(t, (gssize)k + 1, forms[form]);
				break;
			}
		break;
	case 4: /* a member repeated after itself */
		if (find_member(t, at, &b, &e)) {
			g_autofree char *copy = g_strndup(t->str + b, e - b);

			g_string_insert(t, (gssize)e, ", ");
			g_string_insert(t, (gssize)e + 2, copy);
		}
		break;
	case 5: /* a member moved to the end of the document's object */
		if (find_member(t, at, &b, &e) && t->str[e] == ',') {
			g_autofree char *copy = g_strndup(t->str + b, e - b);
			char *last = strrchr(t->str, '}');

			if (last && (size_t)(last - t->str) > e) {
				size_t end = (size_t)(last - t->str);

				g_string_insert(t, (gssize)end, copy);
				g_string_insert(t, (gssize)end, ", ");
				g_string_erase(t, (gssize)b, (gssize)(e + 1 - b));
			}
		}
		break;
	case 6: /* a member deleted */
		if (find_member(t, at, &b, &e) && t->str[e] == ',')
			g_string_erase(t, (gssize)b, (gssize)(e + 1 - b));
		break;
	case 7: /* white space changed */
		for (size_t k = at; k < t->len; k++)
			if (t->str[k] == ' ' || t->str[k] == '\n') {
				if (n % 2)
					g_string_erase(t, (gssize)k, 1);
				else
					t->str[k] = n % 4 ? '\t' : '\r';
				break;
			}
		break;
	default: /* a character of a string escaped, same meaning */
		lm_test_escape_first_char(t, at);
		break;
	}
}

/* How many variants: LM_TEST_VARIANTS, for slow runs (valgrind). */
static int variant_count(void)
{
	const char *env = g_getenv("LM_TEST_VARIANTS");

	return env ? atoi(env) : 6000;
}

/* Thousands of variants of the valid files (one to three changes each):
 * whenever the fast reader reads one, the full reader reads the same. */
START_TEST(readers_agree_on_variants)
{
	g_autoptr(GPtrArray) files = golden_files("valid");
	GRand *rng = g_rand_new_with_seed(20261123);
	unsigned read = 0, gave_up = 0, refused = 0;
	int count = variant_count();

	for (int v = 0; v < count; v++) {
		size_t len;
		g_autofree char *text = read_text(g_ptr_array_index(files, v % files->len), &len);
		GString *t = g_string_new_len(text, (gssize)len);
		int changes = g_rand_int_range(rng, 1, 4);
		g_autofree char *what = g_strdup_printf("variant %d", v);

		for (int c = 0; c < changes; c++)
			mutate(t, rng);
		int rc = 0;

		if (compare_readers(t->str, t->len, what, &rc) == 1)
			read++;
		else if (rc == 0)
			gave_up++;
		else
			refused++;
		g_string_free(t, TRUE);
	}
	/* Each outcome is common, so the comparison covers every way. */
	ck_assert_uint_gt(read, (unsigned)count / 10);
	ck_assert_uint_gt(gave_up, (unsigned)count / 100);
	ck_assert_uint_gt(refused, (unsigned)count / 10);
	g_rand_free(rng);
}
END_TEST

static Suite *cohort_fast_suite(void)
{
	Suite *s = suite_create("cohort_fast");
	TCase *readers = tcase_create("readers");

	tcase_add_test(readers, fast_reads_valid);
	tcase_add_test(readers, fast_gives_up_invalid);
	tcase_add_test(readers, edge_cases);
	tcase_add_test(readers, person_trees);
	tcase_add_test(readers, readers_agree_on_variants);
	tcase_set_timeout(readers, 600);
	suite_add_tcase(s, readers);
	return s;
}

int main(void)
{
	return lm_test_run(cohort_fast_suite());
}
