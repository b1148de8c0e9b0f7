/* Tests of the scorer (score/scorer.c): binding a model to a cohort,
 * vocabulary errors located in the cohort, exact contributions, the
 * check bitmask, and a property test of every hard rule against a
 * straightforward re-implementation on random cohorts. */
#include <string.h>
#include "lm_test_cohort.h"
#include "libmatch/libmatch.h"
#include "score/criteria.h"

#define COHORT_HEAD "{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"2025-01-06\""

static lm_cohort *cohort_of(const char *json)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;
	int rc = lm_cohort_load_buffer(&c, json, strlen(json), "c.json", &err);
	ck_assert_msg(rc == 0, "cohort: %s", lm_error_message(err));
	return c;
}

static lm_scorer *scorer_of(const lm_model *m, const lm_cohort *c)
{
	lm_scorer *s = NULL;
	lm_error *err = NULL;
	int rc = lm_scorer_new(&s, m, c, &err);
	ck_assert_msg(rc == 0, "scorer: %s", lm_error_message(err));
	return s;
}

/* ---- binding ---- */

START_TEST(new_argument_errors)
{
	lm_model *m = lmt_model("role_model");
	lm_cohort *c = cohort_of(COHORT_HEAD ", \"mentees\": [], \"mentors\": []}");
	lm_scorer *s = (lm_scorer *)&s;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_scorer_new(&s, NULL, c, &err), LM_EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(lm_error_code(err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_int_eq(lm_scorer_new(&s, m, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_scorer_new(NULL, m, c, NULL), LM_EINVAL);
	s = scorer_of(m, c); /* an empty cohort binds */
	ck_assert_ptr_eq(lm_scorer_cohort(s), c);
	lm_scorer_free(s);
	lm_scorer_free(NULL);
	lm_cohort_free(c);
	lm_model_free(m);
}
END_TEST

START_TEST(accessors)
{
	lm_model *m = lmt_model("{\"format\": \"libmatch-model\", \"version\": 1,"
			       " \"criteria\": {\"consent\": {\"required\": false},"
			       " \"level\": {\"weight\": 1.5}},"
			       " \"assignment\": {\"algorithm\": \"greedy\", \"objective\": \"score\","
			       " \"top_k\": 12}}");
	lm_cohort *c = cohort_of(COHORT_HEAD ", \"mentees\": [{\"id\": \"a\"}], \"mentors\": []}");
	lm_scorer *s = scorer_of(m, c);
	ck_assert_uint_eq(lm_scorer_count(s), LM_CRIT_COUNT);
	for (size_t i = 0; i < lm_scorer_count(s); i++)
		ck_assert_str_eq(lm_scorer_name(s, i), lm_model_criterion_name(m, i));
	ck_assert_ptr_null(lm_scorer_name(s, LM_CRIT_COUNT));
	ck_assert_int_eq(lm_scorer_weight(s, LM_CRIT_GOALS), 30 * LM_SCORE_SCALE);
	ck_assert_int_eq(lm_scorer_weight(s, LM_CRIT_LEVEL), 1500000);
	ck_assert_int_eq(lm_scorer_weight(s, LM_CRIT_EXCLUDE), 0);
	ck_assert_int_eq(lm_scorer_weight(s, LM_CRIT_COUNT), 0);
	ck_assert(lm_scorer_required(s, LM_CRIT_EXCLUDE));
	ck_assert(lm_scorer_required(s, LM_CRIT_LANGUAGE));
	ck_assert(!lm_scorer_required(s, LM_CRIT_CONSENT));
	ck_assert(!lm_scorer_required(s, LM_CRIT_LEVEL));
	ck_assert(!lm_scorer_required(s, LM_CRIT_GOALS));
	ck_assert(!lm_scorer_required(s, LM_CRIT_COUNT));
	ck_assert_int_eq(lm_scorer_default_algorithm(s), LM_ALGORITHM_GREEDY);
	ck_assert_int_eq(lm_scorer_default_objective(s), LM_OBJECTIVE_SCORE);
	ck_assert_int_eq(lm_scorer_default_top_k(s), 12);
	lm_scorer_free(s);
	lm_model_free(m);
	m = lmt_model("tutoring");
	s = scorer_of(m, c);
	ck_assert_int_eq(lm_scorer_default_algorithm(s), LM_ALGORITHM_OPTIMAL);
	ck_assert_int_eq(lm_scorer_default_objective(s), LM_OBJECTIVE_COVERAGE);
	ck_assert_int_eq(lm_scorer_default_top_k(s), 50);
	ck_assert(!lm_scorer_required(s, LM_CRIT_SENIORITY));
	ck_assert_int_eq(lm_scorer_weight(s, LM_CRIT_SENIORITY), 0);
	lm_scorer_free(s);
	lm_cohort_free(c);
	lm_model_free(m);
}
END_TEST

/* ---- vocabularies ---- */

static const char vocab_cohort[] =
	"{\"format\": \"libmatch-cohort\", \"version\": 1,\n"
	"  \"mentees\": [\n"
	"    {\"id\": \"a\", \"goals\": [\"employment\", \"employmnt\"], \"region\": \"seoul\"},\n"
	"    {\"id\": \"b\", \"goals\": [\"employmnt\"], \"languages\": {\"qq\": 3}}\n"
	"  ],\n"
	"  \"mentors\": [\n"
	"    {\"id\": \"x\", \"region\": \"sejongg\", \"offers\": [\"finanse\"],"
	" \"stage\": \"astronaut_pilot\"}\n"
	"  ]\n"
	"}\n";

START_TEST(vocabulary_errors_located)
{
	lm_model *m = lmt_model("role_model");
	lm_cohort *c = cohort_of(vocab_cohort);
	lm_scorer *s = NULL;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_scorer_new(&s, m, c, &err), LM_EPARSE);
	ck_assert_ptr_null(s);
	/* One problem per unknown value, at its first use; goals and offers share one vocabulary. */
	static const struct { const char *path, *text; unsigned long line, col; } want[] = {
		{"$.mentees[0].goals[1]", "unknown goal; did you mean 'employment'?", 3, 41},
		{"$.mentors[0].offers[0]", "unknown goal; did you mean 'finance'?", 7, 49},
		{"$.mentors[0].region", "unknown region; did you mean 'sejong'?", 7, 27},
		{"$.mentees[1].languages.qq", "unknown language; did you mean 'ko'?", 4, 61},
		{"$.mentors[0].stage", "unknown stage (not in the model's stages)", 7, 70},
	};
	const lm_error *e = err;
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++, e = lm_error_next(e)) {
		ck_assert_ptr_nonnull(e);
		ck_assert_int_eq(lm_error_code(e), LM_EPARSE);
		ck_assert_str_eq(lm_error_file(e), "c.json");
		ck_assert_str_eq(lm_error_path(e), want[i].path);
		ck_assert_str_eq(lm_error_text(e), want[i].text);
		ck_assert_msg(lm_error_line(e) == want[i].line && lm_error_column(e) == want[i].col,
			      "%s at %lu:%lu", want[i].path, lm_error_line(e), lm_error_column(e));
		/* The cohort's own values are profile data: never repeated. */
		ck_assert_ptr_null(strstr(lm_error_message(e), "employmnt"));
		ck_assert_ptr_null(strstr(lm_error_message(e), "finanse"));
		ck_assert_ptr_null(strstr(lm_error_message(e), "sejongg"));
	}
	ck_assert_ptr_null(e);
	lm_error_free(err);
	lm_model_free(m);
	/* Open vocabularies accept anything. */
	m = lmt_model("{\"format\": \"libmatch-model\", \"version\": 1, \"vocabulary\":"
		     " {\"goals\": null, \"regions\": null, \"languages\": null, \"stages\": null}}");
	s = scorer_of(m, c);
	lm_scorer_free(s);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

START_TEST(vocabulary_replaced)
{
	lm_model *m = lmt_model("{\"format\": \"libmatch-model\", \"version\": 1, \"vocabulary\":"
			       " {\"stages\": [\"pupil\"]}}");
	lm_cohort *c = cohort_of(COHORT_HEAD ", \"mentees\": [{\"id\": \"a\", \"stage\": \"pupil\"}],"
					     " \"mentors\": [{\"id\": \"x\", \"stage\": \"student\"}]}");
	lm_scorer *s = NULL;
	lm_error *err = NULL;
	ck_assert_int_eq(lm_scorer_new(&s, m, c, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_path(err), "$.mentors[0].stage");
	ck_assert_ptr_null(lm_error_next(err));
	lm_error_free(err);
	lm_model_free(m);
	lm_cohort_free(c);
}
END_TEST

/* ---- scores ---- */

/* A role-model pair that meets every criterion fully. */
static const char perfect[] =
	COHORT_HEAD ", \"mentees\": [{\"id\": \"a\", \"consent\": true, \"gender\": \"female\","
	" \"birth_year\": 1990, \"arrival_year\": 2024, \"region\": \"seoul\","
	" \"modes\": [\"in_person\"], \"languages\": {\"ko\": 5, \"zh\": 4},"
	" \"goals\": [\"employment\", \"finance\"], \"stage\": \"working\","
	" \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": [\"sat 08:00-18:00\"]},"
	" \"choices\": [\"x\"], \"previous\": [{\"id\": \"x\", \"outcome\": \"good\"}],"
	" \"waiting_since\": \"2023-01-01\"}, {\"id\": \"b\", \"consent\": true}],"
	" \"mentors\": [{\"id\": \"x\", \"consent\": true, \"gender\": \"female\","
	" \"birth_year\": 1990, \"arrival_year\": 2016, \"region\": \"seoul\","
	" \"modes\": [\"in_person\", \"online\"], \"languages\": {\"ko\": 5, \"zh\": 3},"
	" \"offers\": [\"employment\", \"finance\"], \"stage\": \"working\","
	" \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": [\"sat 09:00-19:00\"]}},"
	" {\"id\": \"y\", \"consent\": true}]}";

START_TEST(perfect_pair_scores_100)
{
	lm_model *m = lmt_model("role_model");
	lm_cohort *c = cohort_of(perfect);
	lm_scorer *s = scorer_of(m, c);
	lm_score parts[LM_CRIT_COUNT];
	ck_assert_uint_eq(lm_scorer_check(s, 0, 0), 0);
	ck_assert(lm_scorer_feasible(s, 0, 0));
	ck_assert_int_eq(lm_scorer_score(s, 0, 0, parts), 100 * (lm_score)LM_SCORE_SCALE);
	for (int i = 0; i < LM_CRIT_COUNT; i++)
		ck_assert_int_eq(parts[i], lm_scorer_weight(s, i));
	/* b and y give nothing: every criterion with data-free defaults. */
	lm_score total = lm_scorer_score(s, 1, 1, parts);
	lm_score sum = 0;
	for (int i = 0; i < LM_CRIT_COUNT; i++)
		sum += parts[i];
	ck_assert_int_eq(total, sum);
	ck_assert_int_eq(parts[LM_CRIT_GOALS], 15 * LM_SCORE_SCALE);
	ck_assert_int_eq(parts[LM_CRIT_WAITING], 0);
	ck_assert_int_eq(parts[LM_CRIT_CONTINUITY], 0);
	ck_assert_int_eq(lm_scorer_score(s, 1, 1, NULL), total);
	lm_scorer_free(s);
	lm_cohort_free(c);
	lm_model_free(m);
}
END_TEST

START_TEST(contributions_round_and_add_up)
{
	/* choice raw 2/3 (666666666 billionths) times 1.000001 points:
	 * 666667.332 millionths -> 666667; goals raw 1/3 times 7.000003 points:
	 * 2333334.333 -> 2333334. */
	lm_model *m = lmt_model("{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {"
			       "\"choice\": {\"weight\": 1.000001}, \"goals\": {\"weight\": 7.000003}}}");
	lm_cohort *c = cohort_of(COHORT_HEAD ", \"mentees\": [{\"id\": \"a\", \"choices\": [\"y\","
					     " \"x\", \"z\"], \"goals\": [\"employment\", \"finance\","
					     " \"health\"]}], \"mentors\": [{\"id\": \"x\", \"offers\":"
					     " [\"finance\"]}, {\"id\": \"y\"}, {\"id\": \"z\"}]}");
	lm_scorer *s = scorer_of(m, c);
	lm_score parts[LM_CRIT_COUNT];
	lm_score total = lm_scorer_score(s, 0, 0, parts);
	ck_assert_int_eq(parts[LM_CRIT_CHOICE], 666667);
	ck_assert_int_eq(parts[LM_CRIT_GOALS], 2333334);
	lm_score sum = 0;
	for (int i = 0; i < LM_CRIT_COUNT; i++)
		sum += parts[i];
	ck_assert_int_eq(sum, total);
	lm_scorer_free(s);
	lm_cohort_free(c);
	lm_model_free(m);
}
END_TEST

START_TEST(check_reports_each_failure)
{
	lm_model *m = lmt_model("role_model");
	lm_cohort *c = cohort_of(
		COHORT_HEAD ", \"mentees\": [{\"id\": \"a\", \"consent\": true, \"arrival_year\": 2024,"
		" \"prefers\": {\"gender\": \"female\"}, \"languages\": {\"ko\": 5},"
		" \"exclude\": [\"x\"]}],"
		" \"mentors\": [{\"id\": \"x\", \"gender\": \"male\", \"arrival_year\": 2023,"
		" \"languages\": {\"en\": 5}}, {\"id\": \"y\", \"consent\": true,"
		" \"gender\": \"female\"}]}");
	lm_scorer *s = scorer_of(m, c);
	uint32_t want = 1u << LM_CRIT_CONSENT | 1u << LM_CRIT_GENDER | 1u << LM_CRIT_LANGUAGE |
			1u << LM_CRIT_SENIORITY | 1u << LM_CRIT_EXCLUDE;
	ck_assert_uint_eq(lm_scorer_check(s, 0, 0), want);
	ck_assert(!lm_scorer_feasible(s, 0, 0));
	ck_assert_uint_eq(lm_scorer_check(s, 0, 1), 0);
	ck_assert(lm_scorer_feasible(s, 0, 1));
	lm_scorer_free(s);
	lm_cohort_free(c);
	lm_model_free(m);
}
END_TEST

/* ---- property: check == the hard rules, re-implemented ---- */

#define N_SIDE 7
static const char *const regions[] = {"seoul", "gyeonggi", "incheon", "busan", "ulsan", "jeju"};
/* The default adjacency restricted to the regions above. */
static const int adjacent[][2] = {{0, 1}, {0, 2}, {1, 2}, {3, 4}};
static const char *const genders[] = {NULL, "female", "male", "undisclosed"};
static const char *const langs[] = {"ko", "en", "zh"};
static const char *const origins[] = {"north_hamgyong", "ryanggang", "south_hamgyong"};
static const char *const days[] = {"tue", "wed", "thu", "fri", "sat"};

typedef struct gen_person {
	int consent;          /* 0 missing, 1 true, 2 false */
	int gender;           /* index in genders */
	int pref_gender;      /* 0 none, else index in genders */
	int gender_required;  /* 0 missing (hard), 1 true, 2 false */
	int pref_origin;      /* 0 none, 1 avoid_same, 2 prefer_same */
	int origin;           /* -1 or index in origins */
	int birth, arrival;   /* 0 = missing */
	int region;           /* -1 or index in regions */
	int modes;            /* LM_MODE_* bits, 0 missing */
	int has_lang, level[3];
	int has_avail, utc_hours[168];
	int exclude[N_SIDE];  /* other-side indices */
	int bad_prev[N_SIDE]; /* mentees only */
	int teach_lo, teach_hi; /* mentors; -1 = no teaches */
} gen_person;

static void gen_avail(GRand *r, gen_person *p, GString *j)
{
	/* Seoul (UTC+9) or UTC; Tuesday to Saturday 10:00-23:00 local, so that
	 * no slot crosses the week's edge in UTC. */
	gboolean seoul = g_rand_boolean(r);
	int n = g_rand_int_range(r, 0, 4), used = 0, written = 0;
	g_string_append_printf(j, ", \"availability\": {\"tz\": \"%s\", \"weekly\": [",
			       seoul ? "Asia/Seoul" : "UTC");
	for (int i = 0; i < n; i++) {
		int d = g_rand_int_range(r, 0, 5);
		if (used & (1 << d))
			continue;
		used |= 1 << d;
		int h = g_rand_int_range(r, 10, 21), len = g_rand_int_range(r, 1, 4);
		g_string_append_printf(j, "%s\"%s %02d:00-%02d:00\"", written++ ? ", " : "",
				       days[d], h, h + len);
		for (int k = h; k < h + len; k++)
			p->utc_hours[(d + 1) * 24 + k - (seoul ? 9 : 0)] = 1;
	}
	g_string_append(j, "]}");
	p->has_avail = 1;
}

static void gen_prefers(GRand *r, gen_person *p, GString *j)
{
	p->pref_gender = g_rand_int_range(r, 0, 3) == 0 ? g_rand_int_range(r, 1, 3) : 0;
	p->gender_required = p->pref_gender ? g_rand_int_range(r, 0, 3) : 0;
	p->pref_origin = g_rand_int_range(r, 0, 4) == 0 ? g_rand_int_range(r, 1, 3) : 0;
	if (!p->pref_gender && !p->pref_origin)
		return;
	g_string_append(j, ", \"prefers\": {");
	const char *sep = "";
	if (p->pref_gender) {
		g_string_append_printf(j, "\"gender\": \"%s\"", genders[p->pref_gender]);
		if (p->gender_required)
			g_string_append_printf(j, ", \"gender_required\": %s",
					       p->gender_required == 1 ? "true" : "false");
		sep = ", ";
	}
	if (p->pref_origin)
		g_string_append_printf(j, "%s\"origin\": \"%s\"", sep,
				       p->pref_origin == 1 ? "avoid_same" : "prefer_same");
	g_string_append(j, "}");
}

static void gen_modes_languages(GRand *r, gen_person *p, GString *j)
{
	p->modes = g_rand_int_range(r, 0, 4);
	if (p->modes)
		g_string_append_printf(j, ", \"modes\": [%s%s%s]",
				       p->modes & LM_MODE_IN_PERSON ? "\"in_person\"" : "",
				       p->modes == 3 ? ", " : "",
				       p->modes & LM_MODE_ONLINE ? "\"online\"" : "");
	p->has_lang = g_rand_int_range(r, 0, 5) != 0;
	if (!p->has_lang)
		return;
	g_string_append(j, ", \"languages\": {");
	const char *sep = "";
	for (int l = 0; l < 3; l++) {
		if (g_rand_boolean(r)) {
			p->level[l] = g_rand_int_range(r, 0, 6);
			g_string_append_printf(j, "%s\"%s\": %d", sep, langs[l], p->level[l]);
			sep = ", ";
		}
	}
	g_string_append(j, "}");
}

/* One person as JSON; fills p with what the reference rules need. */
static void gen_person_json(GRand *r, int role, int index, gen_person *p, GString *j)
{
	memset(p, 0, sizeof *p);
	p->teach_lo = -1;
	g_string_append_printf(j, "%s{\"id\": \"%c%d\"", index ? ", " : "", role ? 'r' : 'm', index);
	p->consent = g_rand_int_range(r, 0, 10) < 8 ? 1 : g_rand_int_range(r, 0, 3) == 0 ? 2 : 0;
	if (p->consent)
		g_string_append_printf(j, ", \"consent\": %s", p->consent == 1 ? "true" : "false");
	p->gender = g_rand_int_range(r, 0, 4);
	if (p->gender)
		g_string_append_printf(j, ", \"gender\": \"%s\"", genders[p->gender]);
	p->origin = g_rand_int_range(r, -1, 3);
	if (p->origin >= 0)
		g_string_append_printf(j, ", \"origin_region\": \"%s\"", origins[p->origin]);
	if (g_rand_int_range(r, 0, 5)) {
		p->birth = g_rand_int_range(r, 1950, 2011);
		g_string_append_printf(j, ", \"birth_year\": %d", p->birth);
	}
	if (g_rand_int_range(r, 0, 5)) {
		p->arrival = g_rand_int_range(r, MAX(p->birth + 1, 1998), 2025);
		g_string_append_printf(j, ", \"arrival_year\": %d", p->arrival);
	}
	p->region = g_rand_int_range(r, -1, G_N_ELEMENTS(regions));
	if (p->region >= 0)
		g_string_append_printf(j, ", \"region\": \"%s\"", regions[p->region]);
	gen_modes_languages(r, p, j);
	gen_prefers(r, p, j);
	if (g_rand_int_range(r, 0, 4))
		gen_avail(r, p, j);
	if (role == LM_ROLE_MENTOR && g_rand_boolean(r)) {
		p->teach_lo = g_rand_int_range(r, 0, 6);
		p->teach_hi = g_rand_int_range(r, p->teach_lo, 6);
		g_string_append_printf(j, ", \"teaches\": {\"en\": [%d, %d]}", p->teach_lo,
				       p->teach_hi);
	}
}

/* Exclusions and bad histories, which name the other side. */
static void gen_refs(GRand *r, int role, gen_person *p, GString *j)
{
	GString *ex = g_string_new(NULL), *prev = g_string_new(NULL);
	for (int o = 0; o < N_SIDE; o++) {
		if (g_rand_int_range(r, 0, 12) == 0) {
			p->exclude[o] = 1;
			g_string_append_printf(ex, "%s\"%c%d\"", ex->len ? ", " : "",
					       role ? 'm' : 'r', o);
		} else if (role == LM_ROLE_MENTEE && g_rand_int_range(r, 0, 10) == 0) {
			gboolean bad = g_rand_boolean(r);
			p->bad_prev[o] = bad;
			g_string_append_printf(prev, "%s{\"id\": \"r%d\", \"outcome\": \"%s\"}",
					       prev->len ? ", " : "", o, bad ? "bad" : "good");
		}
	}
	if (ex->len)
		g_string_append_printf(j, ", \"exclude\": [%s]", ex->str);
	if (prev->len)
		g_string_append_printf(j, ", \"previous\": [%s]", prev->str);
	g_string_append(j, "}");
	g_string_free(ex, TRUE);
	g_string_free(prev, TRUE);
}

static char *gen_cohort(GRand *r, gen_person people[2][N_SIDE])
{
	GString *j = g_string_new(COHORT_HEAD);
	for (int role = 0; role < 2; role++) {
		g_string_append_printf(j, ", \"%s\": [", role ? "mentors" : "mentees");
		for (int i = 0; i < N_SIDE; i++) {
			gen_person_json(r, role, i, &people[role][i], j);
			gen_refs(r, role, &people[role][i], j);
		}
		g_string_append(j, "]");
	}
	g_string_append(j, "}");
	return g_string_free(j, FALSE);
}

/* Reference settings of the hard rules for one model. */
typedef struct ref_rules {
	uint32_t required; /* bits of lm_crit_id */
	int min_level, min_hours, min_years, adult_age;
} ref_rules;

static gboolean ref_adjacent(int a, int b)
{
	if (a == b)
		return TRUE;
	for (size_t i = 0; i < G_N_ELEMENTS(adjacent); i++) {
		if ((adjacent[i][0] == a && adjacent[i][1] == b) ||
		    (adjacent[i][0] == b && adjacent[i][1] == a))
			return TRUE;
	}
	return FALSE;
}

static gboolean ref_region(const gen_person *a, const gen_person *b)
{
	if (!a->modes || !b->modes)
		return TRUE;
	if ((a->modes & b->modes & LM_MODE_ONLINE))
		return TRUE;
	if (!(a->modes & b->modes & LM_MODE_IN_PERSON))
		return FALSE;
	return a->region < 0 || b->region < 0 || ref_adjacent(a->region, b->region);
}

static gboolean ref_gender_request(const gen_person *asker, const gen_person *other)
{
	gboolean hard = asker->pref_gender && asker->gender_required != 2;
	return !hard || other->gender == asker->pref_gender;
}

static gboolean ref_language(const gen_person *a, const gen_person *b, int min)
{
	if (!a->has_lang || !b->has_lang)
		return TRUE;
	for (int l = 0; l < 3; l++) {
		if (a->level[l] >= min && b->level[l] >= min)
			return TRUE;
	}
	return FALSE;
}

static gboolean ref_availability(const gen_person *a, const gen_person *b, int min_hours)
{
	if (!a->has_avail || !b->has_avail)
		return TRUE;
	int common = 0;
	for (int h = 0; h < 168; h++)
		common += a->utc_hours[h] && b->utc_hours[h];
	return common >= min_hours;
}

static gboolean ref_seniority(const gen_person *a, const gen_person *b, const ref_rules *rr)
{
	if (a->arrival && b->arrival && b->arrival > a->arrival - rr->min_years)
		return FALSE;
	return !b->birth || 2025 - b->birth >= rr->adult_age;
}

static gboolean ref_level(const gen_person *a, const gen_person *b)
{
	if (b->teach_lo < 0 || !a->has_lang)
		return TRUE;
	return a->level[1] >= b->teach_lo && a->level[1] <= b->teach_hi;
}

/* The hard rules pair (i, j) breaks, computed from the generator's data. */
static uint32_t ref_check(gen_person people[2][N_SIDE], int i, int j, const ref_rules *rr)
{
	const gen_person *a = &people[0][i], *b = &people[1][j];
	gboolean ok[LM_CRIT_COUNT];
	for (int c = 0; c < LM_CRIT_COUNT; c++)
		ok[c] = TRUE;
	ok[LM_CRIT_CONSENT] = a->consent == 1 && b->consent == 1;
	ok[LM_CRIT_EXCLUDE] = !a->exclude[j] && !b->exclude[i] && !a->bad_prev[j];
	ok[LM_CRIT_GENDER] = ref_gender_request(a, b) && ref_gender_request(b, a);
	ok[LM_CRIT_ORIGIN] = !(a->origin >= 0 && a->origin == b->origin &&
			       (a->pref_origin == 1 || b->pref_origin == 1));
	ok[LM_CRIT_LANGUAGE] = ref_language(a, b, rr->min_level);
	ok[LM_CRIT_REGION] = ref_region(a, b);
	ok[LM_CRIT_AVAILABILITY] = ref_availability(a, b, rr->min_hours);
	ok[LM_CRIT_SENIORITY] = ref_seniority(a, b, rr);
	ok[LM_CRIT_LEVEL] = ref_level(a, b);
	uint32_t failed = 0;
	for (int c = 0; c < LM_CRIT_COUNT; c++) {
		if (!ok[c] && (rr->required & (1u << c)))
			failed |= 1u << c;
	}
	return failed;
}

#define BIT(c) (1u << (c))
#define ALWAYS (BIT(LM_CRIT_CONSENT) | BIT(LM_CRIT_EXCLUDE) | BIT(LM_CRIT_GENDER) | \
		BIT(LM_CRIT_ORIGIN) | BIT(LM_CRIT_REGION) | BIT(LM_CRIT_AVAILABILITY))

START_TEST(property_check_matches_rules)
{
	static const struct { const char *model; ref_rules rr; } models[] = {
		{"role_model", {ALWAYS | BIT(LM_CRIT_LANGUAGE) | BIT(LM_CRIT_SENIORITY), 3, 2, 3, 19}},
		{"tutoring", {ALWAYS, 3, 1, 3, 19}},
		{"{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {"
		 "\"language\": {\"min_level\": 2}, \"availability\": {\"min_common_hours\": 3},"
		 "\"seniority\": {\"min_years\": 5, \"adult_age\": 21},"
		 "\"level\": {\"required\": true}}}",
		 {ALWAYS | BIT(LM_CRIT_LANGUAGE) | BIT(LM_CRIT_SENIORITY) | BIT(LM_CRIT_LEVEL), 2, 3,
		  5, 21}},
		{"{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {"
		 "\"consent\": {\"required\": false}, \"gender\": {\"honour_requests\": false},"
		 "\"origin\": {\"required\": false}, \"region\": {\"required\": false},"
		 "\"availability\": {\"required\": false}, \"language\": {\"required\": false},"
		 "\"seniority\": {\"required\": false}}}",
		 {BIT(LM_CRIT_EXCLUDE), 3, 2, 3, 19}},
	};
	lm_model *m[G_N_ELEMENTS(models)];
	for (size_t k = 0; k < G_N_ELEMENTS(models); k++)
		m[k] = lmt_model(models[k].model);
	GRand *r = g_rand_new_with_seed(20250106);
	static gen_person people[2][N_SIDE];
	unsigned long pairs = 0, feasible = 0;
	uint32_t seen[G_N_ELEMENTS(models)] = {0};
	for (int round = 0; round < 300; round++) {
		g_autofree char *json = gen_cohort(r, people);
		lm_cohort *c = cohort_of(json);
		for (size_t k = 0; k < G_N_ELEMENTS(models); k++) {
			lm_scorer *s = scorer_of(m[k], c);
			for (int i = 0; i < N_SIDE; i++) {
				/* The scan (vector code where the CPU has it) keeps exactly
				 * the mentors the availability and region rules allow, in
				 * order, and the rest of the rules then decide as
				 * lm_scorer_feasible. */
				uint32_t scan[N_SIDE], n_scan = lm_scorer_scan(s, i, scan), at = 0;
				for (int j = 0; j < N_SIDE; j++) {
					uint32_t want = ref_check(people, i, j, &models[k].rr);
					if (want & (BIT(LM_CRIT_AVAILABILITY) | BIT(LM_CRIT_REGION)))
						continue;
					ck_assert_msg(at < n_scan && scan[at] == (uint32_t)j,
						      "round %d model %zu: m%d-r%d not scanned", round,
						      k, i, j);
					ck_assert(lm_scorer_feasible_scanned(s, i, j) == (want == 0));
					at++;
				}
				ck_assert_uint_eq(at, n_scan);
				for (int j = 0; j < N_SIDE; j++) {
					uint32_t want = ref_check(people, i, j, &models[k].rr);
					uint32_t got = lm_scorer_check(s, i, j);
					ck_assert_msg(got == want,
						      "round %d model %zu pair m%d-r%d: got %#x want %#x\n%s",
						      round, k, i, j, got, want, json);
					ck_assert(lm_scorer_feasible(s, i, j) == (want == 0));
					pairs++;
					feasible += want == 0;
					seen[k] |= want;
				}
			}
			lm_scorer_free(s);
		}
		lm_cohort_free(c);
	}
	/* The generator must exercise both outcomes, and every rule must fail somewhere. */
	for (size_t k = 0; k < G_N_ELEMENTS(models); k++)
		ck_assert_msg(seen[k] == models[k].rr.required, "model %zu: %#x", k, seen[k]);
	ck_assert_uint_gt(feasible, pairs / 20);
	ck_assert_uint_lt(feasible, pairs - pairs / 20);
	g_rand_free(r);
	for (size_t k = 0; k < G_N_ELEMENTS(models); k++)
		lm_model_free(m[k]);
}
END_TEST

static Suite *scorer_suite(void)
{
	Suite *s = suite_create("scorer");
	TCase *tc = tcase_create("bind");
	tcase_add_test(tc, new_argument_errors);
	tcase_add_test(tc, accessors);
	tcase_add_test(tc, vocabulary_errors_located);
	tcase_add_test(tc, vocabulary_replaced);
	suite_add_tcase(s, tc);
	tc = tcase_create("score");
	tcase_add_test(tc, perfect_pair_scores_100);
	tcase_add_test(tc, contributions_round_and_add_up);
	tcase_add_test(tc, check_reports_each_failure);
	suite_add_tcase(s, tc);
	tc = tcase_create("property");
	tcase_add_test(tc, property_check_matches_rules);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(scorer_suite());
}
