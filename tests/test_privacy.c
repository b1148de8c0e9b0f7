/* Privacy (docs/privacy.md): no profile value in any message of any reader
 * or later stage; private requests (exclude, gender, origin) invisible to
 * the other side in explanations and results, even by elimination; output
 * files private and atomic. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "lm_test.h"
#include <libmatch/libmatch.h>
#include "match/redact.h"

#define S "SENTINEL_7f3a"
/* Language codes are letters only. */
#define S_CODE "sentinelqz"

static gboolean leaks(const char *text)
{
	return strstr(text, "SENTINEL") || strstr(text, S_CODE);
}

/* Every problem of err is free of the sentinel; returns how many. */
static int clean_report(const lm_error *err)
{
	int n = 0;

	for (const lm_error *e = err; e; e = lm_error_next(e), n++)
		ck_assert_msg(!leaks(lm_error_message(e)), "%s", lm_error_message(e));
	return n;
}

static int load_cohort(const char *text, const char *name, lm_cohort **c, lm_error **err)
{
	return lm_cohort_load_buffer(c, text, strlen(text), name, err);
}

/* ---- no values in messages ---- */

/* Every field wrong, with the sentinel in its value and in every member
 * name a value could be typed into. */
static const char *sentinel_json =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"" S "\", \"" S "\": 1,\n"
	" \"mentees\": [{\"id\": \"" S "!\", \"gender\": \"" S "\", \"birth_year\": \"" S "\",\n"
	"  \"arrival_year\": [\"" S "\"], \"origin_region\": {\"a\": \"" S "\"}, \"region\": \"" S
	S S S S S "\",\n"
	"  \"stage\": 7, \"modes\": [\"" S "\"], \"languages\": {\"" S_CODE "\": \"" S "\"},\n"
	"  \"goals\": [\"" S "\", \"" S "\"], \"availability\": {\"tz\": \"" S "\", \"weekly\": [\""
	S "\"], \"" S "\": 0},\n"
	"  \"prefers\": {\"gender\": \"" S "\", \"gender_required\": \"" S "\", \"origin\": \"" S
	"\", \"" S "\": 1},\n"
	"  \"choices\": [\"" S "\", \"" S "\"], \"exclude\": [\"" S "!\"], \"current\": [\"" S "?\"],\n"
	"  \"previous\": [{\"id\": \"" S "#\", \"outcome\": \"" S "\", \"" S "\": 1}],\n"
	"  \"wants\": \"" S "\", \"waiting_since\": \"" S "\", \"consent\": \"" S "\", \"" S "\": 2}],\n"
	" \"mentors\": [{\"id\": \"r1\", \"capacity\": \"" S "\", \"offers\": [\"" S "\", 3],\n"
	"  \"teaches\": {\"" S_CODE "\": [\"" S "\", 1], \"" S "\": [0, 1]}, \"trained\": \"" S
	"\"}]}\n";

/* The same in CSV: a wrong value in every column, and a header name that
 * is not a column. */
static char *sentinel_csv(void)
{
	static const char *const cells[][2] = {
		{ "id", S "!" }, { "role", "mentee" }, { "as_of", S }, { "gender", S },
		{ "birth_year", S }, { "arrival_year", S }, { "origin_region", S S S S S S },
		{ "region", "" }, { "stage", S S S S S S }, { "modes", S }, { "languages", S_CODE ":" S },
		{ "goals", S ";" S }, { "tz", S }, { "availability", S }, { "prefers_gender", S },
		{ "prefers_gender_required", S }, { "prefers_origin", S }, { "choices", S ";" S },
		{ "exclude", S "!" }, { "current", S "?" }, { "previous", S ":" S },
		{ "waiting_since", S }, { "consent", S }, { "wants", S }, { "capacity", S },
		{ "offers", S }, { "teaches", S_CODE ":" S ";" S ":1-2" }, { "trained", S ";;" },
		{ S, S },
	};
	GString *text = g_string_new(NULL);

	/* The header, a mentee, a mentor, someone of no role. */
	for (int row = 0; row < 4; row++) {
		for (size_t c = 0; c < G_N_ELEMENTS(cells); c++) {
			const char *cell = cells[c][row == 0 ? 0 : 1];

			if (c == 1 && row >= 2)
				cell = row == 2 ? "mentor" : S;
			g_string_append_printf(text, "%s%s", c ? "," : "", cell);
		}
		g_string_append_c(text, '\n');
	}
	return g_string_free(text, FALSE);
}

START_TEST(cohort_readers)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(load_cohort(sentinel_json, "s.json", &c, &err), LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 30);
	lm_error_free(err);
	err = NULL;
	g_autofree char *csv = sentinel_csv();

	ck_assert_int_eq(load_cohort(csv, "s.csv", &c, &err), LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 30);
	lm_error_free(err);
	err = NULL;
	/* A text that is not a cohort at all, in either format. */
	ck_assert_int_eq(load_cohort("{\"format\": " S "}", "s.json", &c, &err), LM_EPARSE);
	clean_report(err);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(load_cohort(S "," S "\n" S ",\"" S, "s.csv", &c, &err), LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 3);
	lm_error_free(err);
}
END_TEST

/* Values that load (open vocabularies) and come back in later problems:
 * vocabulary checks against a model, kept pairs that break a rule. */
static const char *open_json =
	"{\"format\": \"libmatch-cohort\", \"version\": 1,\n"
	" \"mentees\": [{\"id\": \"m1\", \"goals\": [\"" S "\"], \"region\": \"" S "\",\n"
	"  \"origin_region\": \"" S "\", \"stage\": \"" S "\", \"languages\": {\"" S_CODE "\": 5},\n"
	"  \"current\": [\"r1\"], \"consent\": true}],\n"
	" \"mentors\": [{\"id\": \"r1\", \"offers\": [\"" S "\"], \"trained\": [\"" S "\"],\n"
	"  \"teaches\": {\"" S_CODE "\": [0, 1]}, \"consent\": false}]}\n";

static const char *open_csv =
	"id,role,goals,region,origin_region,stage,languages,current,consent,offers,trained,teaches\n"
	"m1,mentee," S "," S "," S "," S "," S_CODE ":5,r1,true,,,\n"
	"r1,mentor,,,,,,,false," S "," S "," S_CODE ":0-1\n";

static void later_stages(const char *text, const char *name)
{
	lm_cohort *c = NULL;
	lm_model *m = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;
	g_autofree char *open_model = lm_test_data("valid/model-open-custom.json");

	ck_assert_int_eq(load_cohort(text, name, &c, NULL), 0);
	ck_assert_int_eq(lm_model_new_preset(&m, LM_PRESET_ROLE_MODEL, NULL), 0);
	ck_assert_int_eq(lm_validate(c, m, &err), LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 4);
	lm_error_free(err);
	err = NULL;
	lm_model_free(m);
	/* A model with open vocabularies: the kept pair breaks consent. */
	ck_assert_int_eq(lm_model_load_file(&m, open_model, NULL), 0);
	ck_assert_int_eq(lm_match(&r, c, m, NULL, &err), LM_EINFEASIBLE);
	ck_assert_int_eq(clean_report(err), 1);
	lm_error_free(err);
	lm_model_free(m);
	lm_cohort_free(c);
}

START_TEST(later_stages_json_and_csv)
{
	later_stages(open_json, "o.json");
	later_stages(open_csv, "o.csv");
}
END_TEST

START_TEST(results_and_explanations)
{
	/* The same cohort without the kept pair: it matches; ids only come out. */
	g_autofree char *text = g_strdup(open_json);
	g_autofree char *open_model = lm_test_data("valid/model-open-custom.json");
	char *cur = strstr(text, "\"current\": [\"r1\"], ");
	lm_cohort *c = NULL;
	lm_model *m = NULL;
	lm_result *r = NULL;

	memset(cur, ' ', strlen("\"current\": [\"r1\"], "));
	ck_assert_int_eq(load_cohort(text, "o.json", &c, NULL), 0);
	ck_assert_int_eq(lm_model_load_file(&m, open_model, NULL), 0);
	ck_assert_int_eq(lm_match(&r, c, m, NULL, NULL), 0);
	for (int f = LM_FORMAT_JSON; f <= LM_FORMAT_CSV; f++) {
		char *out = NULL;

		ck_assert_int_eq(lm_result_write(r, f, &out, NULL, NULL), 0);
		ck_assert(!leaks(out));
		lm_free(out);
	}
	for (int a = LM_AUDIENCE_STAFF; a <= LM_AUDIENCE_MENTOR; a++) {
		lm_explanation *e = NULL;

		ck_assert_int_eq(lm_explain_for(&e, c, m, "m1", "r1", a, NULL), 0);
		for (size_t k = 0; k < lm_explanation_criterion_count(e); k++)
			ck_assert(!leaks(lm_explanation_criterion_name(e, k)));
		lm_explanation_free(e);
	}
	lm_result_free(r);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

START_TEST(other_readers)
{
	static const char model[] =
		"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"" S "\",\n"
		" \"criteria\": {\"goals\": {\"weight\": \"" S "\"}, \"gender\": {\"honour_requests\": \""
		S "\"}},\n \"assignment\": {\"algorithm\": \"" S "\", \"objective\": \"" S "\","
		" \"top_k\": \"" S "\"}}";
	static const char prefs[] =
		"{\"mentees\": {\"a\": [\"" S "!\", \"" S "\", 3], \"b\": {\"ranking\": \"" S "\","
		" \"wants\": \"" S "\"}},\n \"mentors\": {\"x\": {\"capacity\": \"" S "\", \"ranking\":"
		" [\"" S "\"]}}}";
	g_autofree char *dir = g_dir_make_tmp("lm-privacy-XXXXXX", NULL);
	g_autofree char *edges = g_build_filename(dir, "e.csv", NULL);
	g_autofree char *caps = g_build_filename(dir, "c.csv", NULL);
	lm_model *mo = NULL;
	lm_prefs *p = NULL;
	lm_graph *g = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_model_load_buffer(&mo, model, sizeof model - 1, "m.json", &err),
			 LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 5);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_prefs_load_buffer(&p, prefs, sizeof prefs - 1, "p.json", &err),
			 LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 5);
	lm_error_free(err);
	err = NULL;
	ck_assert(g_file_set_contents(edges, "mentee,mentor,score\n" S "!,r1,1\nm1," S "?," S "\n"
				      "\"" S "\n\",r2,1\n", -1, NULL));
	ck_assert(g_file_set_contents(caps, "mentor,capacity\n" S "!," S "\n", -1, NULL));
	ck_assert_int_eq(lm_graph_load_csv(&g, edges, caps, &err), LM_EPARSE);
	ck_assert_int_ge(clean_report(err), 4);
	lm_error_free(err);
	g_unlink(edges);
	g_unlink(caps);
	g_rmdir(dir);
}
END_TEST

/* ---- private requests and audiences ---- */

#define COMMON "\"region\": \"seoul\", \"modes\": [\"online\"], \"consent\": true, "     \
	       "\"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": [\"mon 18:00-22:00\"]}"
#define PERSON COMMON ", \"birth_year\": 1980, \"arrival_year\": 2010"
#define NEWCOMER COMMON ", \"birth_year\": 1995, \"arrival_year\": 2023"

/* m-1 asks privately for a woman, for a mentor of another province, and
 * never r-ex. Each r-* but r-ok fails one rule: r-ex, r-man and r-same
 * m-1's private ones, r-veto and r-picky their own private ones, r-weak
 * a public one (language). */
static const char *audience_json =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": [\n"
	" {\"id\": \"m-1\", \"gender\": \"female\", \"origin_region\": \"north_hamgyong\","
	"  \"languages\": {\"ko\": 5}, \"exclude\": [\"r-ex\"], \"prefers\": {\"gender\": \"female\","
	"  \"origin\": \"avoid_same\"}, " NEWCOMER "},\n"
	" {\"id\": \"m-2\", \"gender\": \"male\", \"origin_region\": \"ryanggang\", \"languages\":"
	"  {\"ko\": 5}, \"prefers\": {\"gender\": \"male\"}, \"exclude\": [\"r-man\"], " NEWCOMER
	"}],\n"
	" \"mentors\": [\n"
	" {\"id\": \"r-ok\", \"gender\": \"female\", \"origin_region\": \"ryanggang\","
	"  \"languages\": {\"ko\": 5}, " PERSON "},\n"
	" {\"id\": \"r-ex\", \"gender\": \"female\", \"origin_region\": \"ryanggang\","
	"  \"languages\": {\"ko\": 5}, " PERSON "},\n"
	" {\"id\": \"r-man\", \"gender\": \"male\", \"origin_region\": \"ryanggang\","
	"  \"languages\": {\"ko\": 5}, " PERSON "},\n"
	" {\"id\": \"r-same\", \"gender\": \"female\", \"origin_region\": \"north_hamgyong\","
	"  \"languages\": {\"ko\": 5}, " PERSON "},\n"
	" {\"id\": \"r-veto\", \"gender\": \"female\", \"origin_region\": \"ryanggang\","
	"  \"languages\": {\"ko\": 5}, \"exclude\": [\"m-1\"], " PERSON "},\n"
	" {\"id\": \"r-picky\", \"gender\": \"female\", \"origin_region\": \"ryanggang\","
	"  \"languages\": {\"ko\": 5}, \"prefers\": {\"gender\": \"male\"}, " PERSON "},\n"
	" {\"id\": \"r-weak\", \"gender\": \"female\", \"origin_region\": \"ryanggang\","
	"  \"languages\": {\"ko\": 1}, " PERSON "}]}\n";

/* role_model with weights on the private criteria, so they score too. */
static const char *weighted_model =
	"{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"role_model\",\n"
	" \"criteria\": {\"gender\": {\"weight\": 10}, \"origin\": {\"weight\": 10}}}";

typedef struct fixture {
	lm_cohort *c;
	lm_model *m;
} fixture;

static fixture setup_fixture(void)
{
	fixture f = { NULL, NULL };
	lm_error *err = NULL;

	ck_assert_msg(load_cohort(audience_json, "a.json", &f.c, &err) == 0, "%s",
		      lm_error_message(err));
	ck_assert_int_eq(lm_model_load_buffer(&f.m, weighted_model, strlen(weighted_model), NULL,
					      NULL), 0);
	return f;
}

static void teardown_fixture(fixture *f)
{
	lm_model_free(f->m);
	lm_cohort_free(f->c);
}

static lm_explanation *explain(const fixture *f, const char *mentor, int audience)
{
	lm_explanation *e = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_explain_for(&e, f->c, f->m, "m-1", mentor, audience, &err) == 0, "%s",
		      lm_error_message(err));
	return e;
}

/* The only hard constraint the pair fails, for staff. */
static const char *failing(const lm_explanation *e)
{
	const char *name = NULL;

	for (size_t k = 0; k < lm_explanation_criterion_count(e); k++) {
		if (lm_explanation_passed(e, k) == 0) {
			ck_assert_ptr_null(name);
			name = lm_explanation_criterion_name(e, k);
		}
	}
	return name;
}

START_TEST(staff_see_every_reason)
{
	static const char *const want[][2] = {
		{ "r-ex", "exclude" }, { "r-man", "gender" }, { "r-same", "origin" },
		{ "r-veto", "exclude" }, { "r-picky", "gender" }, { "r-weak", "language" },
	};
	fixture f = setup_fixture();
	lm_explanation *e = explain(&f, "r-ok", LM_AUDIENCE_STAFF);

	ck_assert(lm_explanation_feasible(e) && !lm_explanation_withheld(e));
	ck_assert_ptr_null(failing(e));
	lm_explanation_free(e);
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		e = explain(&f, want[i][0], LM_AUDIENCE_STAFF);
		ck_assert(!lm_explanation_feasible(e) && !lm_explanation_withheld(e));
		ck_assert_str_eq(failing(e), want[i][1]);
		lm_explanation_free(e);
	}
	teardown_fixture(&f);
}
END_TEST

/* For either side, a pair failing a private rule (whoever asked) looks
 * exactly like one failing a public rule: "not available", nothing more. */
START_TEST(sides_cannot_tell_why)
{
	static const char *const mentors[] = { "r-ex", "r-man", "r-same", "r-veto", "r-picky",
					       "r-weak" };
	fixture f = setup_fixture();

	for (int a = LM_AUDIENCE_MENTEE; a <= LM_AUDIENCE_MENTOR; a++) {
		for (size_t i = 0; i < G_N_ELEMENTS(mentors); i++) {
			lm_explanation *e = explain(&f, mentors[i], a);

			ck_assert(lm_explanation_withheld(e));
			ck_assert(!lm_explanation_feasible(e));
			ck_assert_uint_eq(lm_explanation_criterion_count(e), 0);
			ck_assert_int_eq(lm_explanation_score(e), 0);
			ck_assert_ptr_null(lm_explanation_criterion_name(e, 0));
			ck_assert_int_eq(lm_explanation_passed(e, 0), -1);
			ck_assert_int_eq(lm_explanation_contribution(e, 0), -1);
			lm_explanation_free(e);
		}
	}
	teardown_fixture(&f);
}
END_TEST

/* An available pair: no private criterion listed, and the score is the sum
 * of what is shown, so the private share cannot be worked out. */
START_TEST(available_pair_hides_private_scores)
{
	fixture f = setup_fixture();
	lm_explanation *staff = explain(&f, "r-ok", LM_AUDIENCE_STAFF);
	lm_score private_share = 0;

	for (size_t k = 0; k < lm_explanation_criterion_count(staff); k++)
		if (lm_criterion_is_private(lm_explanation_criterion_name(staff, k)))
			private_share += lm_explanation_contribution(staff, k);
	ck_assert_int_gt(private_share, 0);
	for (int a = LM_AUDIENCE_MENTEE; a <= LM_AUDIENCE_MENTOR; a++) {
		lm_explanation *e = explain(&f, "r-ok", a);
		lm_score sum = 0;

		ck_assert(lm_explanation_feasible(e) && !lm_explanation_withheld(e));
		ck_assert_uint_eq(lm_explanation_criterion_count(e),
				  lm_explanation_criterion_count(staff) - 3);
		for (size_t k = 0; k < lm_explanation_criterion_count(e); k++) {
			ck_assert(!lm_criterion_is_private(lm_explanation_criterion_name(e, k)));
			sum += lm_explanation_contribution(e, k);
		}
		ck_assert_int_eq(lm_explanation_score(e), sum);
		ck_assert_int_eq(lm_explanation_score(e),
				 lm_explanation_score(staff) - private_share);
		lm_explanation_free(e);
	}
	lm_explanation_free(staff);
	teardown_fixture(&f);
}
END_TEST

START_TEST(explain_arguments)
{
	fixture f = setup_fixture();
	lm_explanation *e = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_explain_for(&e, f.c, f.m, "m-1", "r-ok", 3, &err), LM_EINVAL);
	ck_assert_ptr_null(e);
	lm_error_free(err);
	ck_assert_int_eq(lm_explain_for(&e, f.c, f.m, "m-1", "r-ok", -1, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_explain_for(NULL, f.c, f.m, "m-1", "r-ok", 0, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_explain_for(&e, f.c, f.m, "m-1", "m-2", 1, NULL), LM_ENOTFOUND);
	ck_assert_int_eq(lm_explanation_withheld(NULL), 0);
	teardown_fixture(&f);
}
END_TEST

/* ---- results for an audience ---- */

static lm_result *match_for(const fixture *f, int audience)
{
	lm_result *r = NULL;

	ck_assert_int_eq(lm_match(&r, f->c, f->m, NULL, NULL), 0);
	ck_assert_int_eq(lm_result_redact(r, audience, NULL), 0);
	return r;
}

static char *written(const lm_result *r, int format)
{
	char *text = NULL;

	ck_assert_int_eq(lm_result_write(r, format, &text, NULL, NULL), 0);
	return text;
}

START_TEST(redacted_results)
{
	fixture f = setup_fixture();
	lm_result *staff = match_for(&f, LM_AUDIENCE_STAFF);
	g_autofree char *staff_json = written(staff, LM_FORMAT_JSON);

	/* For staff, m-2 (who excluded the only man) has no feasible mentor
	 * and the counts say which rules took them. */
	ck_assert_ptr_nonnull(strstr(staff_json, "\"blocked_by\": {"));
	ck_assert_ptr_nonnull(strstr(staff_json, "\"gender\": "));
	ck_assert_int_gt(lm_result_unmatched_blocked_by(staff, 0, "gender"), 0);
	for (int a = LM_AUDIENCE_MENTEE; a <= LM_AUDIENCE_MENTOR; a++) {
		lm_result *r = match_for(&f, a);
		g_autofree char *json = written(r, LM_FORMAT_JSON);
		g_autofree char *csv = written(r, LM_FORMAT_CSV);
		lm_score total = 0;

		ck_assert_msg(!strstr(json, "gender") && !strstr(json, "origin") &&
			      !strstr(json, "exclude") && !strstr(json, "blocked_by") &&
			      !strstr(json, "best_feasible"), "%s", json);
		ck_assert(!strstr(csv, "gender") && !strstr(csv, "origin"));
		ck_assert_uint_eq(lm_result_pair_count(r), lm_result_pair_count(staff));
		ck_assert_uint_eq(lm_result_criterion_count(r), lm_result_criterion_count(staff) - 2);
		for (size_t i = 0; i < lm_result_pair_count(r); i++) {
			lm_score sum = 0;

			for (size_t k = 0; k < lm_result_criterion_count(r); k++)
				sum += lm_result_pair_contribution(r, i, k);
			ck_assert_int_eq(lm_result_pair_score(r, i), sum);
			ck_assert_int_lt(lm_result_pair_score(r, i), lm_result_pair_score(staff, i));
			total += sum;
		}
		ck_assert_int_eq(lm_result_total_score(r), total);
		ck_assert_uint_eq(lm_result_unmatched_count(r), lm_result_unmatched_count(staff));
		for (size_t i = 0; i < lm_result_unmatched_count(r); i++) {
			ck_assert_int_eq(lm_result_unmatched_reason(r, i),
					 lm_result_unmatched_reason(staff, i));
			ck_assert_int_eq(lm_result_unmatched_blocked_by(r, i, "gender"), 0);
			ck_assert_int_eq(lm_result_unmatched_blocked_by(r, i, "language"), 0);
			ck_assert_ptr_null(lm_result_unmatched_best_feasible(r, i));
		}
		lm_result_free(r);
	}
	ck_assert_int_eq(lm_result_redact(staff, 7, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_redact(NULL, LM_AUDIENCE_MENTOR, NULL), LM_EINVAL);
	/* Staff results are left as they are. */
	g_autofree char *again = written(staff, LM_FORMAT_JSON);
	ck_assert_str_eq(again, staff_json);
	lm_result_free(staff);
	teardown_fixture(&f);
}
END_TEST

/* ---- output files ---- */

START_TEST(output_files_private_and_atomic)
{
	fixture f = setup_fixture();
	lm_result *r = match_for(&f, LM_AUDIENCE_STAFF);
	g_autofree char *dir = g_dir_make_tmp("lm-output-XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "pairs.json", NULL);
	g_autofree char *missing = g_build_filename(dir, "no", "pairs.json", NULL);
	g_autofree char *want = written(r, LM_FORMAT_JSON);
	g_autofree char *got = NULL;
	lm_error *err = NULL;
	GStatBuf st;

	/* Nothing is created when writing fails. */
	ck_assert_int_eq(lm_result_write_file(r, LM_FORMAT_JSON, missing, &err), LM_EIO);
	lm_error_free(err);
	err = NULL;
	ck_assert(!g_file_test(missing, G_FILE_TEST_EXISTS));
	ck_assert_int_eq(lm_result_write_file(r, LM_FORMAT_JSON, dir, &err), LM_EIO);
	lm_error_free(err);
	ck_assert(g_file_test(dir, G_FILE_TEST_IS_DIR));
	/* An existing file, readable by all, is replaced by the whole result,
	 * readable by its owner only. */
	ck_assert(g_file_set_contents(path, "previous result\n", -1, NULL));
	ck_assert_int_eq(g_chmod(path, 0644), 0);
	ck_assert_int_eq(lm_result_write_file(r, LM_FORMAT_JSON, path, NULL), 0);
	ck_assert(g_file_get_contents(path, &got, NULL, NULL));
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(g_stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);

	/* Only pairs.json is left: no temporary file behind. */
	GDir *d = g_dir_open(dir, 0, NULL);
	int files = 0;

	while (g_dir_read_name(d))
		files++;
	g_dir_close(d);
	ck_assert_int_eq(files, 1);
	g_unlink(path);
	g_rmdir(dir);
	lm_result_free(r);
	teardown_fixture(&f);
}
END_TEST

static Suite *privacy_suite(void)
{
	Suite *s = suite_create("privacy");
	TCase *values = tcase_create("no_values");
	TCase *sides = tcase_create("audiences");
	TCase *files = tcase_create("files");

	tcase_add_test(values, cohort_readers);
	tcase_add_test(values, later_stages_json_and_csv);
	tcase_add_test(values, results_and_explanations);
	tcase_add_test(values, other_readers);
	tcase_add_test(sides, staff_see_every_reason);
	tcase_add_test(sides, sides_cannot_tell_why);
	tcase_add_test(sides, available_pair_hides_private_scores);
	tcase_add_test(sides, explain_arguments);
	tcase_add_test(sides, redacted_results);
	tcase_add_test(files, output_files_private_and_atomic);
	suite_add_tcase(s, values);
	suite_add_tcase(s, sides);
	suite_add_tcase(s, files);
	return s;
}

int main(void)
{
	return lm_test_run(privacy_suite());
}
