/* CSV cohorts: the same compiled cohort as JSON (field by field and on the
 * bundled samples, whose match results must be byte-identical), spreadsheet
 * habits, located problems that never quote a cell, golden files. */
#include <string.h>
#include "lm_test.h"
#include <libmatch/libmatch.h>
#include "core/cohort_private.h"
#include "core/vocab.h"

#define HEADER "id,role,gender,birth_year,arrival_year,origin_region,region,stage,modes," \
	       "languages,goals,tz,availability,prefers_gender,prefers_gender_required,"   \
	       "prefers_origin,choices,exclude,current,previous,waiting_since,consent,"     \
	       "wants,capacity,offers,teaches,trained\n"

static lm_cohort *load_ok(const char *text, size_t len, const char *name)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	if (lm_cohort_load_buffer(&c, text, len, name, &err) < 0)
		ck_abort_msg("%s: %s", name, lm_error_message(err));
	return c;
}

static lm_error *load_bad(const char *text, int code)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, text, strlen(text), "t.csv", &err), code);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(err);
	return err;
}

/* The first problem's message contains want. */
static void first_problem(const char *text, int code, const char *want)
{
	lm_error *err = load_bad(text, code);

	ck_assert_msg(strstr(lm_error_message(err), want), "'%s' not in '%s'", want,
		      lm_error_message(err));
	lm_error_free(err);
}

/* ---- the same cohort as JSON ---- */

static void same_vocab(const lm_vocab *a, const lm_vocab *b)
{
	ck_assert_uint_eq(lm_vocab_size(a), lm_vocab_size(b));
	for (uint32_t i = 0; i < lm_vocab_size(a); i++)
		ck_assert_str_eq(lm_vocab_string(a, i), lm_vocab_string(b, i));
}

static void same_span(const lm_cohort *a, lm_span x, const lm_cohort *b, lm_span y)
{
	ck_assert_uint_eq(x.len, y.len);
	if (x.len)
		ck_assert(memcmp(lm_span_refs(a, x), lm_span_refs(b, y), x.len * 4) == 0);
}

static void same_person(const lm_cohort *a, const lm_person *p, const lm_cohort *b,
			const lm_person *q)
{
	ck_assert_str_eq(p->id, q->id);
	ck_assert_uint_eq(p->gender, q->gender);
	ck_assert_uint_eq(p->modes, q->modes);
	ck_assert_uint_eq(p->consent, q->consent);
	ck_assert_uint_eq(p->has_avail, q->has_avail);
	ck_assert_uint_eq(p->has_languages, q->has_languages);
	ck_assert_uint_eq(p->has_offers, q->has_offers);
	ck_assert_uint_eq(p->pref_gender, q->pref_gender);
	ck_assert_uint_eq(p->pref_gender_required, q->pref_gender_required);
	ck_assert_uint_eq(p->pref_origin, q->pref_origin);
	ck_assert_int_eq(p->birth_year, q->birth_year);
	ck_assert_int_eq(p->arrival_year, q->arrival_year);
	ck_assert_int_eq(p->region, q->region);
	ck_assert_int_eq(p->origin, q->origin);
	ck_assert_int_eq(p->stage, q->stage);
	ck_assert_uint_eq(p->capacity, q->capacity);
	ck_assert_uint_eq(p->wants, q->wants);
	ck_assert_int_eq(p->waiting_days, q->waiting_days);
	ck_assert(memcmp(p->avail, q->avail, sizeof p->avail) == 0);
	ck_assert_uint_eq(p->goals.len, q->goals.len);
	for (uint32_t i = 0; i < p->goals.len; i++)
		ck_assert_uint_eq(a->goal_pool[p->goals.off + i], b->goal_pool[q->goals.off + i]);
	ck_assert(memcmp(lm_person_offers(a, p), lm_person_offers(b, q), a->goal_words * 8) == 0);
	ck_assert(memcmp(lm_person_trained(a, p), lm_person_trained(b, q),
			 a->training_words * 8) == 0);
	if (p->has_languages)
		ck_assert(memcmp(a->level_pool + p->levels, b->level_pool + q->levels,
				 a->n_languages) == 0);
	ck_assert_uint_eq(p->teaches.len, q->teaches.len);
	for (uint32_t i = 0; i < p->teaches.len; i++) {
		const lm_teach *s = &a->teach_pool[p->teaches.off + i];
		const lm_teach *t = &b->teach_pool[q->teaches.off + i];

		ck_assert(s->language == t->language && s->lo == t->lo && s->hi == t->hi);
	}
	same_span(a, p->choices, b, q->choices);
	same_span(a, p->veto, b, q->veto);
	same_span(a, p->current, b, q->current);
	same_span(a, p->good_previous, b, q->good_previous);
}

/* Everything a later stage reads is equal (not the digest or the name). */
static void same_cohort(const lm_cohort *a, const lm_cohort *b)
{
	ck_assert_uint_eq(a->as_of_julian, b->as_of_julian);
	ck_assert_uint_eq(a->goal_words, b->goal_words);
	ck_assert_uint_eq(a->training_words, b->training_words);
	ck_assert_uint_eq(a->n_languages, b->n_languages);
	same_vocab(a->goals, b->goals);
	same_vocab(a->regions, b->regions);
	same_vocab(a->origins, b->origins);
	same_vocab(a->languages, b->languages);
	same_vocab(a->stages, b->stages);
	same_vocab(a->trainings, b->trainings);
	for (int r = 0; r < 2; r++) {
		ck_assert_uint_eq(a->count[r], b->count[r]);
		for (uint32_t i = 0; i < a->count[r]; i++)
			same_person(a, &a->people[r][i], b, &b->people[r][i]);
	}
}

static const char *every_field_json =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"2025-03-03\",\n"
	" \"mentees\": [\n"
	"  {\"id\": \"m-1\", \"gender\": \"female\", \"birth_year\": 1990, \"arrival_year\": 2021,\n"
	"   \"origin_region\": \"ryanggang\", \"region\": \"incheon\", \"stage\": \"parent\",\n"
	"   \"modes\": [\"online\", \"in_person\"], \"languages\": {\"zh\": 4, \"ko\": 5},\n"
	"   \"goals\": [\"housing\", \"finance\"], \"availability\": {\"tz\": \"Asia/Seoul\",\n"
	"   \"weekly\": [\"tue 20:00-22:30\", \"sun 09:00-10:00\"]}, \"prefers\": {\"gender\":\n"
	"   \"female\", \"gender_required\": false, \"origin\": \"prefer_same\"},\n"
	"   \"choices\": [\"r-2\", \"r-1\"], \"exclude\": [\"r-3\", \"nobody\"], \"wants\": 2,\n"
	"   \"current\": [\"r-1\"], \"previous\": [{\"id\": \"r-2\", \"outcome\": \"good\"},\n"
	"   {\"id\": \"r-3\", \"outcome\": \"bad\"}], \"waiting_since\": \"2024-12-24\",\n"
	"   \"consent\": true},\n"
	"  {\"id\": \"m-2\", \"availability\": {\"tz\": \"Europe/London\", \"weekly\": []},\n"
	"   \"prefers\": {\"origin\": \"avoid_same\"}, \"consent\": false}],\n"
	" \"mentors\": [\n"
	"  {\"id\": \"r-1\", \"capacity\": 3, \"offers\": [\"finance\", \"legal\"],\n"
	"   \"teaches\": {\"en\": [0, 2], \"ko\": [4, 5]}, \"trained\": [\"first_aid\"],\n"
	"   \"languages\": {\"en\": 5}, \"current\": [\"m-2\"], \"prefers\": {\"gender\": \"male\"}},\n"
	"  {\"id\": \"r-2\", \"capacity\": 0, \"goals\": [\"health\"]},\n"
	"  {\"id\": \"r-3\", \"exclude\": [\"m-2\"], \"previous\": [{\"id\": \"m-1\", \"outcome\":\n"
	"   \"ended\"}]}]}\n";

static const char *every_field_csv =
	HEADER
	"m-1,mentee,female,1990,2021,ryanggang,incheon,parent,online;in_person,zh:4;ko:5,"
	"housing;finance,Asia/Seoul,tue 20:00-22:30;sun 09:00-10:00,female,false,prefer_same,"
	"r-2;r-1,r-3;nobody,r-1,r-2:good;r-3:bad,2024-12-24,true,2,,,,\n"
	"r-1,mentor,,,,,,,,en:5,,,,male,,,,,m-2,,,,,3,finance;legal,en:0-2;ko:4-5,first_aid\n"
	"m-2,mentee,,,,,,,,,,Europe/London,,,,avoid_same,,,,,,false,,,,,\n"
	"r-2,mentor,,,,,,,,,health,,,,,,,,,,,,,0,,,\n"
	"r-3,mentor,,,,,,,,,,,,,,,,m-2,,m-1:ended,,,,,,,\n";

START_TEST(every_field_as_json)
{
	/* The as_of column: the same date on every row that gives it. */
	GString *csv = g_string_new(NULL);
	g_auto(GStrv) lines = g_strsplit(every_field_csv, "\n", -1);

	for (int i = 0; lines[i] && lines[i][0]; i++)
		g_string_append_printf(csv, "%s,%s\n", lines[i],
				       i == 0 ? "as_of" : i % 2 ? "2025-03-03" : "");

	lm_cohort *j = load_ok(every_field_json, strlen(every_field_json), "t.json");
	lm_cohort *c = load_ok(csv->str, csv->len, "t.csv");

	same_cohort(j, c);
	ck_assert_int_eq(c->as_of_year, 2025);
	ck_assert_str_eq(c->name, "t.csv");
	lm_cohort_free(c);
	g_string_free(csv, TRUE);
	lm_cohort_free(j);
}
END_TEST

/* valid/cohort-full.csv is valid/cohort-full.json, but for an empty list
 * (r-0007's "offers": []) that CSV cannot write. */
START_TEST(full_file_as_json)
{
	g_autofree char *json_path = lm_test_data("valid/cohort-full.json");
	g_autofree char *csv_path = lm_test_data("valid/cohort-full.csv");
	g_autofree char *json = NULL;
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert(g_file_get_contents(json_path, &json, NULL, NULL));
	char *at = strstr(json, "\"offers\": [], ");
	ck_assert_ptr_nonnull(at);
	memmove(at, at + strlen("\"offers\": [], "), strlen(at + strlen("\"offers\": [], ")) + 1);

	lm_cohort *j = load_ok(json, strlen(json), "full.json");

	ck_assert_int_eq(lm_cohort_load_file(&c, csv_path, &err), 0);
	same_cohort(j, c);
	lm_cohort_free(c);
	lm_cohort_free(j);
}
END_TEST

/* A sample cohort through tools/cohort-to-csv.py. */
static char *convert_sample(const char *name)
{
	g_autofree char *data = lm_test_data("");
	g_autofree char *root = g_build_filename(data, "..", "..", NULL);
	g_autofree char *sample = g_strdup_printf("data/sample/%s.json", name);
	char *argv[] = { "python3", "tools/cohort-to-csv.py", sample, NULL };
	char *out = NULL, *errs = NULL;
	int status = 0;

	ck_assert(g_spawn_sync(root, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &errs,
			       &status, NULL));
	ck_assert_msg(g_spawn_check_wait_status(status, NULL), "%s", errs);
	g_free(errs);
	return out;
}

static char *result_text(const lm_cohort *c, const lm_model *m, int format)
{
	lm_result *r = NULL;
	char *text = NULL;

	ck_assert_int_eq(lm_match(&r, c, m, NULL, NULL), 0);
	ck_assert_int_eq(lm_result_write(r, format, &text, NULL, NULL), 0);
	lm_result_free(r);
	return text;
}

/* The JSON result without its input_sha256 line: the files differ. */
static void drop_digest(char *text)
{
	char *at = strstr(text, "  \"input_sha256\"");
	char *end = at ? strchr(at, '\n') : NULL;

	ck_assert_ptr_nonnull(end);
	memmove(at, end + 1, strlen(end + 1) + 1);
}

START_TEST(samples_match_as_json)
{
	static const char *const names[] = { "role_model", "tutoring" };
	const char *name = names[_i];
	g_autofree char *csv = convert_sample(name);
	g_autofree char *path = lm_test_data("");
	g_autofree char *json_path = g_strdup_printf("%s/../../data/sample/%s.json", path, name);
	lm_cohort *j = NULL, *c = load_ok(csv, strlen(csv), "sample.csv");
	lm_model *m = NULL;

	ck_assert_int_eq(lm_cohort_load_file(&j, json_path, NULL), 0);
	ck_assert_int_eq(lm_model_new_named(&m, name, NULL), 0);
	same_cohort(j, c);
	for (int format = LM_FORMAT_JSON; format <= LM_FORMAT_CSV; format++) {
		g_autofree char *a = result_text(j, m, format);
		g_autofree char *b = result_text(c, m, format);

		if (format == LM_FORMAT_JSON) {
			drop_digest(a);
			drop_digest(b);
		}
		ck_assert_str_eq(a, b);
	}
	lm_model_free(m);
	lm_cohort_free(c);
	lm_cohort_free(j);
}
END_TEST

/* ---- spreadsheet habits ---- */

START_TEST(spreadsheet_file)
{
	g_autofree char *path = lm_test_data("valid/cohort-spreadsheet.csv");
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_cohort_load_file(&c, path, &err) == 0, "%s", lm_error_message(err));
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTEE), 1);
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTOR), 2);

	const lm_person *m = lm_cohort_mentee(c, 0), *r1 = lm_cohort_mentor(c, 0);
	int32_t ko = lm_vocab_lookup(c->languages, "ko"), en = lm_vocab_lookup(c->languages, "en");

	/* Cells and list entries are trimmed; TRUE/False in any case. */
	ck_assert_str_eq(m->id, "m-1");
	ck_assert_uint_eq(lm_person_level(c, m, (uint32_t)ko), 5);
	ck_assert_uint_eq(lm_person_level(c, m, (uint32_t)en), 1);
	ck_assert_uint_eq(m->goals.len, 2);
	ck_assert_uint_eq(m->consent, 1);
	ck_assert_uint_eq(m->pref_gender, LM_GENDER_FEMALE);
	ck_assert_uint_eq(m->pref_gender_required, 1);
	ck_assert(m->avail[0] | m->avail[1] | m->avail[2] | m->avail[3] | m->avail[4] |
		  m->avail[5]);
	ck_assert_uint_eq(r1->consent, 0);
	ck_assert_uint_eq(r1->capacity, 2);
	/* A zone with no slots: availability given, never free. */
	ck_assert_uint_eq(r1->has_avail, 1);
	ck_assert_uint_eq(r1->avail[0] | r1->avail[3], 0);
	ck_assert_uint_eq(lm_cohort_mentor(c, 1)->capacity, 1);
	ck_assert_int_eq(c->as_of_year, 2025);
	lm_cohort_free(c);
}
END_TEST

START_TEST(header_only_and_minimal)
{
	lm_cohort *c = load_ok("role,id\n", 8, "t.csv");

	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTEE) + lm_cohort_count(c, LM_ROLE_MENTOR),
			  0);
	lm_cohort_free(c);
	/* No header line end, a final row without one either. */
	c = load_ok("id,role\r\nm-1,mentee", 19, "t.csv");
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTEE), 1);
	ck_assert_uint_eq(lm_cohort_mentee(c, 0)->wants, 1);
	ck_assert_int_eq(lm_cohort_mentee(c, 0)->waiting_days, -1);
	lm_cohort_free(c);
}
END_TEST

START_TEST(format_detection)
{
	static const char csv[] = "id,role\nm-1,mentee\nr-1,mentor\n";
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	/* By name first (any case), then by the first byte. */
	c = load_ok(csv, sizeof csv - 1, NULL);
	lm_cohort_free(c);
	c = load_ok(csv, sizeof csv - 1, "PEOPLE.CSV");
	lm_cohort_free(c);
	c = load_ok(csv, sizeof csv - 1, "<stdin>");
	lm_cohort_free(c);
	c = NULL;
	ck_assert_int_eq(lm_cohort_load_buffer(&c, csv, sizeof csv - 1, "people.json", &err),
			 LM_EPARSE);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "people.json:1:1: invalid JSON"));
	lm_error_free(err);
	err = NULL;
	/* JSON by its first byte, even with a BOM and white space first. */
	ck_assert_int_eq(lm_cohort_load_buffer(&c, "\xEF\xBB\xBF \n[", 6, NULL, &err), LM_EPARSE);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "<memory>:2:"));
	lm_error_free(err);
}
END_TEST

/* ---- problems ---- */

START_TEST(problems_located_by_column)
{
	first_problem("id,role\nm-1,mentee\n\"r,1\",mentor\n", LM_EPARSE,
		      "t.csv:3: column id: expected an id");
	first_problem("id,role,capacity\n\nm-1,mentee,\nr-1,mentor,x\n", LM_EPARSE,
		      "t.csv:4: column capacity: expected an integer from 0 to 1000");
	first_problem("id,role,x-a,sex\nm-1,mentee,,f\n", LM_EPARSE,
		      "t.csv:1: column 4: unknown column (extra columns must start with \"x-\")");
	first_problem("id,role,languages\nm-1,mentee,ko:5;zh\n", LM_EPARSE,
		      "t.csv:2: column languages: entry 2: expected a language code of 1 to 16");
	first_problem("id,role,teaches\nr-1,mentor,en:0-9\n", LM_EPARSE,
		      "t.csv:2: column teaches: entry 1: expected a level range");
	first_problem("id,role,previous\nm-1,mentee,r-1\n", LM_EPARSE,
		      "t.csv:2: column previous: entry 1: expected ID:OUTCOME");
	first_problem("id,role,current\nm-1,mentee,r-1;r-2\nr-1,mentor,\nr-2,mentor,\n",
		      LM_EPARSE, "t.csv:2: column current: entry 2: more current pairs than mentee "
		      "\"m-1\" wants");
	first_problem("id,role,offers\nm-1,mentee,finance\n", LM_EPARSE,
		      "t.csv:2: column offers: field only for mentors");
	first_problem("id,role,as_of,birth_year\nm-1,mentee,2000-01-01,2001\n", LM_EPARSE,
		      "t.csv:2: column birth_year: expected an integer from 1900 to 2000");
}
END_TEST

START_TEST(rows_go_on_after_problems)
{
	lm_error *err = load_bad("id,role,gender\nm-1,mentee,x\nm-2,mentee\n\"m-3,mentee,\n",
				 LM_EPARSE);
	const char *want[] = {
		"t.csv:3: expected 3 fields as in the header, found 2",
		"t.csv:4: quoted field not closed",
		"t.csv:2: column gender: expected one of",
	};
	const lm_error *e = err;

	for (size_t i = 0; i < G_N_ELEMENTS(want); i++, e = lm_error_next(e)) {
		ck_assert_msg(e != NULL, "missing: %s", want[i]);
		ck_assert_msg(strstr(lm_error_message(e), want[i]), "%s != %s",
			      lm_error_message(e), want[i]);
	}
	ck_assert_ptr_null(e);
	ck_assert_ptr_null(lm_error_path(err)); /* a row's shape has no column */
	lm_error_free(err);
}
END_TEST

START_TEST(many_problems_stop)
{
	GString *s = g_string_new("id,role,gender\n");

	for (int i = 0; i < 5000; i++)
		g_string_append_printf(s, "m-%d,mentee,x\n", i);

	lm_error *err = load_bad(s->str, LM_EPARSE);
	const lm_error *last = err;
	int n = 1;

	while (lm_error_next(last)) {
		last = lm_error_next(last);
		n++;
	}
	ck_assert_int_eq(n, 51);
	ck_assert_ptr_nonnull(strstr(lm_error_message(last), "more than 50 problems"));
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

/* Problems found after loading (vocabularies, kept pairs) are located by
 * line and column too. */
START_TEST(late_problems_located)
{
	static const char csv[] = "id,role,goals,current,consent\n"
				  "r-1,mentor,,,true\n"
				  "m-1,mentee,finance;cooking,r-1,false\n";
	lm_cohort *c = load_ok(csv, sizeof csv - 1, "t.csv");
	lm_model *m = NULL;
	lm_error *err = NULL;
	unsigned long line = 0, column = 9;

	ck_assert_int_eq(lm_model_new_preset(&m, LM_PRESET_ROLE_MODEL, NULL), 0);
	ck_assert_int_eq(lm_validate(c, m, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_message(err), "t.csv:3: column goals: unknown goal (not in the "
			 "model's goals)");
	ck_assert_uint_eq(lm_error_line(err), 3);
	ck_assert_uint_eq(lm_error_column(err), 0);
	ck_assert_str_eq(lm_error_path(err), "goals");
	lm_error_free(err);
	err = NULL;
	ck_assert(lm_cohort_locate(c, "$.mentees[0].goals[1]", &line, &column));
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_eq(column, 0);
	ck_assert(lm_cohort_locate(c, "$.mentors[0].availability.tz", &line, &column));
	ck_assert_uint_eq(line, 2);
	ck_assert(!lm_cohort_locate(c, "$.mentors[7].goals", &line, &column));
	ck_assert(!lm_cohort_locate(c, "$.nobody[0]", &line, &column));
	lm_model_free(m);
	lm_cohort_free(c);

	/* A kept pair that breaks a rule: at the mentee's row, column current. */
	static const char kept[] = "id,role,current,consent\nr-1,mentor,,true\n"
				   "m-1,mentee,r-1,false\n";
	lm_result *r = NULL;

	c = load_ok(kept, sizeof kept - 1, "k.csv");
	ck_assert_int_eq(lm_model_new_preset(&m, LM_PRESET_ROLE_MODEL, NULL), 0);
	ck_assert_int_eq(lm_match(&r, c, m, NULL, &err), LM_EINFEASIBLE);
	ck_assert_msg(g_str_has_prefix(lm_error_message(err), "k.csv:3: column current: current "
				       "pair m-1 / r-1 breaks"), "%s", lm_error_message(err));
	lm_error_free(err);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

/* Every column holding a wrong value that carries a marker: no message
 * repeats it, nor a header name that is not a column. */
START_TEST(messages_never_show_cells)
{
	GString *s = g_string_new("id,role,SENTINEL_7f3a,x-SENTINEL_7f3a,as_of,gender,birth_year,"
				  "arrival_year,origin_region,region,stage,modes,languages,goals,"
				  "tz,availability,prefers_gender,prefers_gender_required,"
				  "prefers_origin,choices,exclude,current,previous,waiting_since,"
				  "consent,wants,capacity,offers,teaches,trained\n");
	const char *bad = "SENTINEL_7f3a";

	for (int row = 0; row < 2; row++) {
		g_string_append_printf(s, "%s!,%s", bad, row ? "mentor" : "mentee");
		for (int col = 2; col < 30; col++)
			g_string_append_printf(s, ",%s%s", col == 12 || col == 28 ? "SENTINEL:" : "",
					       col == 13 ? "SENTINEL_7f3a;SENTINEL_7f3a" : bad);
		g_string_append_c(s, '\n');
	}
	g_string_append(s, "m-1,SENTINEL_7f3a,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n");

	lm_error *err = load_bad(s->str, LM_EPARSE);
	int n = 0;

	for (const lm_error *e = err; e; e = lm_error_next(e), n++)
		ck_assert_msg(!strstr(lm_error_message(e), "SENTINEL"), "%s", lm_error_message(e));
	ck_assert_int_ge(n, 40);
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

/* ---- golden files ---- */

static GPtrArray *golden_files(const char *dir)
{
	g_autofree char *path = lm_test_data(dir);
	GDir *d = g_dir_open(path, 0, NULL);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	ck_assert_ptr_nonnull(d);
	while ((name = g_dir_read_name(d)))
		if (g_str_has_prefix(name, "cohort-") && g_str_has_suffix(name, ".csv"))
			g_ptr_array_add(files, g_build_filename(path, name, NULL));
	g_dir_close(d);
	g_ptr_array_sort(files, (GCompareFunc)(void (*)(void))g_strcmp0);
	return files;
}

START_TEST(golden_invalid)
{
	g_autoptr(GPtrArray) files = golden_files("invalid");

	ck_assert_uint_ge(files->len, 40);
	for (guint i = 0; i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		g_autofree char *stem = g_strndup(file, strlen(file) - 4);
		g_autofree char *expect_path = g_strconcat(stem, ".expect", NULL);
		g_autofree char *expect = NULL;
		lm_cohort *c = NULL;
		lm_error *err = NULL;

		ck_assert_msg(g_file_get_contents(expect_path, &expect, NULL, NULL), "no %s",
			      expect_path);

		g_auto(GStrv) lines = g_strsplit(expect, "\n", -1);
		int rc = lm_cohort_load_file(&c, file, &err);

		ck_assert_msg(rc < 0 && !c, "%s loaded", file);
		ck_assert_msg(strcmp(lm_status_name(rc), lines[0]) == 0, "%s: %s: %s", file,
			      lm_status_name(rc), lm_error_message(err));
		for (int k = 1; lines[k]; k++)
			ck_assert_msg(!lines[k][0] || strstr(lm_error_message(err), lines[k]),
				      "%s: '%s' not in '%s'", file, lines[k], lm_error_message(err));
		lm_error_free(err);
	}
}
END_TEST

START_TEST(golden_valid)
{
	g_autoptr(GPtrArray) files = golden_files("valid");

	ck_assert_uint_ge(files->len, 4);
	for (guint i = 0; i < files->len; i++) {
		lm_cohort *c = NULL;
		lm_error *err = NULL;

		ck_assert_msg(lm_cohort_load_file(&c, g_ptr_array_index(files, i), &err) == 0, "%s",
			      lm_error_message(err));
		lm_cohort_free(c);
	}
}
END_TEST

static Suite *cohort_csv_suite(void)
{
	Suite *s = suite_create("cohort_csv");
	TCase *same = tcase_create("same_as_json");
	TCase *habits = tcase_create("habits");
	TCase *bad = tcase_create("problems");

	tcase_set_timeout(same, 120);
	tcase_add_test(same, every_field_as_json);
	tcase_add_test(same, full_file_as_json);
	tcase_add_loop_test(same, samples_match_as_json, 0, 2);
	tcase_add_test(habits, spreadsheet_file);
	tcase_add_test(habits, header_only_and_minimal);
	tcase_add_test(habits, format_detection);
	tcase_add_test(bad, problems_located_by_column);
	tcase_add_test(bad, rows_go_on_after_problems);
	tcase_add_test(bad, many_problems_stop);
	tcase_add_test(bad, late_problems_located);
	tcase_add_test(bad, messages_never_show_cells);
	tcase_add_test(bad, golden_invalid);
	tcase_add_test(bad, golden_valid);
	suite_add_tcase(s, same);
	suite_add_tcase(s, habits);
	suite_add_tcase(s, bad);
	return s;
}

int main(void)
{
	return lm_test_run(cohort_csv_suite());
}
