/* Tests of each criterion's filter and formula on hand-made pairs
 * (score/criteria_*.c), boundaries and missing data included. The formulas
 * are those of docs/criteria.md. */
#include <string.h>
#include "lm_test.h"
#include "libmatch/libmatch.h"
#include "score/criteria.h"

/* One cohort bound to one model. */
static struct {
	lm_cohort *cohort;
	lm_model *model;
	lm_scorer *scorer;
} fx;

#define COHORT_HEAD "{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"2025-01-06\""

/* Binds a cohort made of the given mentee and mentor objects to a model:
 * a preset name, or a model JSON document. */
static void setup(const char *model, const char *mentees, const char *mentors)
{
	g_autofree char *json =
		g_strdup_printf(COHORT_HEAD ", \"mentees\": [%s], \"mentors\": [%s]}", mentees, mentors);
	lm_error *err = NULL;
	int rc = lm_cohort_load_buffer(&fx.cohort, json, strlen(json), "c.json", &err);
	ck_assert_msg(rc == 0, "cohort: %s", lm_error_message(err));
	if (model[0] == '{')
		rc = lm_model_load_buffer(&fx.model, model, strlen(model), "m.json", &err);
	else
		rc = lm_model_new_named(&fx.model, model, &err);
	ck_assert_msg(rc == 0, "model: %s", lm_error_message(err));
	rc = lm_scorer_new(&fx.scorer, fx.model, fx.cohort, &err);
	ck_assert_msg(rc == 0, "scorer: %s", lm_error_message(err));
}

static void teardown(void)
{
	lm_scorer_free(fx.scorer);
	lm_model_free(fx.model);
	lm_cohort_free(fx.cohort);
	memset(&fx, 0, sizeof fx);
}

static lm_pair_ref pair(uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = {lm_cohort_mentee(fx.cohort, mentee), lm_cohort_mentor(fx.cohort, mentor),
			 mentee, mentor};
	return p;
}

/* Criterion c's raw score (0..LM_UNIT) of a pair. */
static uint32_t raw(lm_crit_id c, uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = pair(mentee, mentor);
	return lm_criteria[c].score(fx.scorer, &p);
}

/* Whether criterion c's filter lets a pair through. */
static gboolean pass(lm_crit_id c, uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = pair(mentee, mentor);
	return lm_criteria[c].filter(fx.scorer, &p);
}

#define NEUTRAL (LM_UNIT / 2)

START_TEST(consent_needs_both)
{
	setup("role_model", "{\"id\": \"a\", \"consent\": true}, {\"id\": \"b\"},"
			    "{\"id\": \"c\", \"consent\": false}",
	      "{\"id\": \"x\", \"consent\": true}, {\"id\": \"y\"}");
	ck_assert(pass(LM_CRIT_CONSENT, 0, 0));
	ck_assert(!pass(LM_CRIT_CONSENT, 0, 1)); /* missing consent fails */
	ck_assert(!pass(LM_CRIT_CONSENT, 1, 0));
	ck_assert(!pass(LM_CRIT_CONSENT, 2, 0));
	teardown();
}
END_TEST

START_TEST(exclude_both_sides_and_bad_history)
{
	setup("role_model",
	      "{\"id\": \"a\", \"exclude\": [\"x\"]}, {\"id\": \"b\"},"
	      "{\"id\": \"c\", \"previous\": [{\"id\": \"z\", \"outcome\": \"bad\"},"
	      " {\"id\": \"x\", \"outcome\": \"good\"}]}",
	      "{\"id\": \"x\"}, {\"id\": \"y\", \"exclude\": [\"b\"]}, {\"id\": \"z\"}");
	ck_assert(!pass(LM_CRIT_EXCLUDE, 0, 0));
	ck_assert(pass(LM_CRIT_EXCLUDE, 0, 1));
	ck_assert(!pass(LM_CRIT_EXCLUDE, 1, 1));
	ck_assert(pass(LM_CRIT_EXCLUDE, 1, 0));
	ck_assert(!pass(LM_CRIT_EXCLUDE, 2, 2));
	ck_assert(pass(LM_CRIT_EXCLUDE, 2, 0));
	teardown();
}
END_TEST

START_TEST(gender_hard_requests)
{
	setup("role_model",
	      "{\"id\": \"a\", \"gender\": \"female\", \"prefers\": {\"gender\": \"female\","
	      " \"gender_required\": true}},"
	      "{\"id\": \"b\", \"gender\": \"male\"}, {\"id\": \"c\"}",
	      "{\"id\": \"x\", \"gender\": \"female\"}, {\"id\": \"y\", \"gender\": \"male\"},"
	      "{\"id\": \"z\"}, {\"id\": \"u\", \"gender\": \"undisclosed\"},"
	      "{\"id\": \"w\", \"gender\": \"female\", \"prefers\": {\"gender\": \"female\"}}");
	ck_assert(pass(LM_CRIT_GENDER, 0, 0));
	ck_assert(!pass(LM_CRIT_GENDER, 0, 1));
	ck_assert(!pass(LM_CRIT_GENDER, 0, 2)); /* unknown gender cannot meet a request */
	ck_assert(!pass(LM_CRIT_GENDER, 0, 3));
	ck_assert(pass(LM_CRIT_GENDER, 1, 1));
	ck_assert(pass(LM_CRIT_GENDER, 2, 2));
	/* The mentor's request binds too (required by default). */
	ck_assert(pass(LM_CRIT_GENDER, 0, 4));
	ck_assert(!pass(LM_CRIT_GENDER, 1, 4));
	ck_assert(!pass(LM_CRIT_GENDER, 2, 4));
	ck_assert(lm_scorer_required(fx.scorer, LM_CRIT_GENDER));
	/* Hard requests do not count in the soft score. */
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 1), NEUTRAL);
	teardown();
}
END_TEST

START_TEST(gender_soft_requests)
{
	setup("{\"format\": \"libmatch-model\", \"version\": 1,"
	      " \"criteria\": {\"gender\": {\"weight\": 5}}}",
	      "{\"id\": \"a\", \"prefers\": {\"gender\": \"female\", \"gender_required\": false}},"
	      "{\"id\": \"b\", \"gender\": \"male\"}",
	      "{\"id\": \"x\", \"gender\": \"female\"}, {\"id\": \"y\", \"gender\": \"male\"},"
	      "{\"id\": \"z\"},"
	      "{\"id\": \"w\", \"gender\": \"male\", \"prefers\": {\"gender\": \"female\","
	      " \"gender_required\": false}}");
	ck_assert(pass(LM_CRIT_GENDER, 0, 1));
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 0), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 1), 0);
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 2), NEUTRAL);
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 1, 0), NEUTRAL);
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 1, 3), 0);
	/* a's wish is not met; w's cannot be judged (a's gender unknown) */
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 3), 0);
	teardown();
	/* With honour_requests off, a required request only scores. */
	setup("{\"format\": \"libmatch-model\", \"version\": 1,"
	      " \"criteria\": {\"gender\": {\"weight\": 5, \"honour_requests\": false}}}",
	      "{\"id\": \"a\", \"gender\": \"female\", \"prefers\": {\"gender\": \"female\","
	      " \"gender_required\": true}}",
	      "{\"id\": \"x\", \"gender\": \"female\", \"prefers\": {\"gender\": \"male\","
	      " \"gender_required\": false}}, {\"id\": \"y\", \"gender\": \"male\"}");
	ck_assert(!lm_scorer_required(fx.scorer, LM_CRIT_GENDER));
	ck_assert_uint_eq(lm_scorer_check(fx.scorer, 0, 1) & (1u << LM_CRIT_GENDER), 0);
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 1), 0);
	ck_assert_uint_eq(raw(LM_CRIT_GENDER, 0, 0), NEUTRAL); /* met 1, not met 0 */
	teardown();
}
END_TEST

START_TEST(language_shared_at_min_level)
{
	setup("role_model", "{\"id\": \"a\", \"languages\": {\"ko\": 5, \"zh\": 3, \"en\": 1}},"
			    "{\"id\": \"b\"}",
	      "{\"id\": \"x\", \"languages\": {\"ko\": 3}},"
	      "{\"id\": \"y\", \"languages\": {\"ko\": 2, \"en\": 5}},"
	      "{\"id\": \"z\", \"languages\": {\"ko\": 4, \"zh\": 5}},"
	      "{\"id\": \"w\", \"languages\": {}}");
	ck_assert(pass(LM_CRIT_LANGUAGE, 0, 0));
	ck_assert_uint_eq(raw(LM_CRIT_LANGUAGE, 0, 0), 0);
	ck_assert(!pass(LM_CRIT_LANGUAGE, 0, 1));
	ck_assert(pass(LM_CRIT_LANGUAGE, 0, 2));
	ck_assert_uint_eq(raw(LM_CRIT_LANGUAGE, 0, 2), LM_UNIT);
	ck_assert(pass(LM_CRIT_LANGUAGE, 1, 1)); /* missing: pass, neutral */
	ck_assert_uint_eq(raw(LM_CRIT_LANGUAGE, 1, 1), NEUTRAL);
	ck_assert(!pass(LM_CRIT_LANGUAGE, 0, 3)); /* given but empty: no language */
	teardown();
	setup("{\"format\": \"libmatch-model\", \"version\": 1,"
	      " \"criteria\": {\"language\": {\"min_level\": 2}}}",
	      "{\"id\": \"a\", \"languages\": {\"ko\": 5, \"en\": 2}}",
	      "{\"id\": \"y\", \"languages\": {\"ko\": 2, \"en\": 5}}");
	ck_assert(pass(LM_CRIT_LANGUAGE, 0, 0));
	teardown();
}
END_TEST

START_TEST(region_modes_and_neighbours)
{
	setup("role_model",
	      "{\"id\": \"a\", \"region\": \"seoul\", \"modes\": [\"in_person\"]},"
	      "{\"id\": \"b\", \"region\": \"seoul\", \"modes\": [\"in_person\", \"online\"]},"
	      "{\"id\": \"c\", \"modes\": [\"in_person\"]}, {\"id\": \"d\", \"region\": \"jeju\"}",
	      "{\"id\": \"x\", \"region\": \"seoul\", \"modes\": [\"in_person\"]},"
	      "{\"id\": \"y\", \"region\": \"gyeonggi\", \"modes\": [\"in_person\", \"online\"]},"
	      "{\"id\": \"z\", \"region\": \"busan\", \"modes\": [\"in_person\", \"online\"]},"
	      "{\"id\": \"w\", \"region\": \"busan\", \"modes\": [\"online\"]}");
	ck_assert(pass(LM_CRIT_REGION, 0, 0));
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 0, 0), LM_UNIT);
	ck_assert(pass(LM_CRIT_REGION, 0, 1));
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 0, 1), NEUTRAL); /* neighbour_score 0.5 */
	ck_assert(!pass(LM_CRIT_REGION, 0, 2));
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 0, 2), 0);
	ck_assert(!pass(LM_CRIT_REGION, 0, 3));
	ck_assert(pass(LM_CRIT_REGION, 1, 2)); /* online lifts it */
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 1, 2), 300000000);
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 1, 1), NEUTRAL); /* best of neighbour and online */
	ck_assert(pass(LM_CRIT_REGION, 2, 2));                 /* region missing */
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 2, 2), NEUTRAL);
	ck_assert(pass(LM_CRIT_REGION, 3, 0)); /* modes missing */
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 3, 0), NEUTRAL);
	teardown();
	/* A custom, symmetric adjacency and scores. */
	setup("{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {\"region\": {"
	      "\"weight\": 10, \"neighbour_score\": 0.8, \"online_score\": 0.1,"
	      "\"neighbours\": {\"busan\": [\"seoul\"]}}}}",
	      "{\"id\": \"a\", \"region\": \"seoul\", \"modes\": [\"in_person\", \"online\"]}",
	      "{\"id\": \"x\", \"region\": \"busan\", \"modes\": [\"in_person\"]},"
	      "{\"id\": \"y\", \"region\": \"gyeonggi\", \"modes\": [\"in_person\", \"online\"]}");
	ck_assert(pass(LM_CRIT_REGION, 0, 0));
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 0, 0), 800000000);
	ck_assert_uint_eq(raw(LM_CRIT_REGION, 0, 1), 100000000); /* no longer neighbours */
	teardown();
}
END_TEST

#define ARRIVED(id, year) "{\"id\": \"" id "\", \"arrival_year\": " #year "}"

START_TEST(seniority_gap_and_ideal)
{
	setup("role_model", ARRIVED("a", 2024) ", {\"id\": \"b\"}",
	      ARRIVED("x", 2021) "," ARRIVED("y", 2022) "," ARRIVED("z", 2014) "," ARRIVED(
		      "w", 2013) "," ARRIVED("v", 2009) "," ARRIVED("u", 2000) ","
				   "{\"id\": \"t\", \"arrival_year\": 2010, \"birth_year\": 2007},"
				   "{\"id\": \"s\", \"arrival_year\": 2010, \"birth_year\": 2006},"
				   "{\"id\": \"r\", \"birth_year\": 2007}");
	ck_assert(pass(LM_CRIT_SENIORITY, 0, 0)); /* gap = min_years */
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 0), LM_UNIT);
	ck_assert(!pass(LM_CRIT_SENIORITY, 0, 1));
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 1), 0);
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 2), LM_UNIT);  /* gap 10: ideal top */
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 3), 900000000);   /* gap 11 */
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 4), 500000000);   /* gap 15 */
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 5), 0);        /* gap 24 */
	ck_assert(!pass(LM_CRIT_SENIORITY, 0, 6)); /* 2025 - 2007 = 18 < 19 */
	ck_assert(pass(LM_CRIT_SENIORITY, 0, 7));  /* exactly 19 */
	ck_assert(!pass(LM_CRIT_SENIORITY, 1, 8)); /* the adult rule needs no arrival year */
	ck_assert(pass(LM_CRIT_SENIORITY, 1, 0));
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 1, 0), NEUTRAL);
	teardown();
	setup("{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {\"seniority\": {"
	      "\"weight\": 10, \"min_years\": 0, \"ideal\": [5, 5], \"adult_age\": 18}}}",
	      ARRIVED("a", 2024),
	      ARRIVED("x", 2024) "," ARRIVED("y", 2019) "," ARRIVED("z", 2014) ","
				 "{\"id\": \"t\", \"birth_year\": 2007}");
	ck_assert(pass(LM_CRIT_SENIORITY, 0, 0));
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 0), 0);
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 1), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_SENIORITY, 0, 2), 500000000);
	ck_assert(pass(LM_CRIT_SENIORITY, 0, 3));
	teardown();
}
END_TEST

START_TEST(stage_and_age)
{
	setup("role_model",
	      "{\"id\": \"a\", \"stage\": \"working\", \"birth_year\": 1990}, {\"id\": \"b\"}",
	      "{\"id\": \"x\", \"stage\": \"working\", \"birth_year\": 1990},"
	      "{\"id\": \"y\", \"stage\": \"parent\", \"birth_year\": 1980},"
	      "{\"id\": \"z\", \"birth_year\": 1960}, {\"id\": \"w\", \"stage\": \"working\"}");
	ck_assert_uint_eq(raw(LM_CRIT_STAGE, 0, 0), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_STAGE, 0, 1), 250000000);
	ck_assert_uint_eq(raw(LM_CRIT_STAGE, 0, 2), 250000000); /* stage missing 0.5, age 0 */
	ck_assert_uint_eq(raw(LM_CRIT_STAGE, 0, 3), 750000000);
	ck_assert_uint_eq(raw(LM_CRIT_STAGE, 1, 0), NEUTRAL);
	teardown();
}
END_TEST

#define AVAIL(id, ...) "{\"id\": \"" id "\", \"availability\": {\"tz\": \"Asia/Seoul\", " \
		       "\"weekly\": [" __VA_ARGS__ "]}}"

START_TEST(availability_common_hours)
{
	setup("role_model", AVAIL("a", "\"mon 18:00-23:00\", \"sat 08:00-14:00\"") ", {\"id\": \"b\"}",
	      AVAIL("x", "\"mon 19:00-21:00\"") "," AVAIL("y", "\"mon 19:00-20:30\"") ","
	      AVAIL("z", "\"mon 17:00-23:00\", \"sat 06:00-20:00\"") ","
	      AVAIL("w", "\"mon 18:00-23:00\"") "," AVAIL("v", "\"tue 18:00-23:00\""));
	ck_assert(pass(LM_CRIT_AVAILABILITY, 0, 0)); /* exactly 2 h */
	ck_assert_uint_eq(raw(LM_CRIT_AVAILABILITY, 0, 0), 0);
	ck_assert(!pass(LM_CRIT_AVAILABILITY, 0, 1)); /* 1.5 h */
	ck_assert_uint_eq(raw(LM_CRIT_AVAILABILITY, 0, 1), 0);
	ck_assert_uint_eq(raw(LM_CRIT_AVAILABILITY, 0, 2), LM_UNIT); /* 11 h >= 8 */
	ck_assert_uint_eq(raw(LM_CRIT_AVAILABILITY, 0, 3), NEUTRAL); /* 5 h: (5-2)/(8-2) */
	ck_assert(!pass(LM_CRIT_AVAILABILITY, 0, 4));
	ck_assert(pass(LM_CRIT_AVAILABILITY, 1, 4));
	ck_assert_uint_eq(raw(LM_CRIT_AVAILABILITY, 1, 4), NEUTRAL);
	teardown();
	/* Time zones: 19:00 in Seoul is 10:00 UTC, 10:00 in London in winter. */
	setup("tutoring",
	      "{\"id\": \"a\", \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\":"
	      " [\"sat 19:00-20:00\"]}}",
	      "{\"id\": \"x\", \"availability\": {\"tz\": \"Europe/London\", \"weekly\":"
	      " [\"sat 10:00-11:00\"]}},"
	      "{\"id\": \"y\", \"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\":"
	      " [\"sat 10:00-11:00\"]}}");
	ck_assert(pass(LM_CRIT_AVAILABILITY, 0, 0));
	ck_assert(!pass(LM_CRIT_AVAILABILITY, 0, 1));
	teardown();
}
END_TEST

START_TEST(goals_priority_weighted)
{
	setup("role_model",
	      "{\"id\": \"a\", \"goals\": [\"employment\", \"finance\", \"health\"]}, {\"id\": \"b\"}",
	      "{\"id\": \"x\", \"offers\": [\"finance\"]},"
	      "{\"id\": \"y\", \"offers\": [\"employment\", \"health\", \"housing\"]},"
	      "{\"id\": \"z\"}, {\"id\": \"w\", \"offers\": [\"employment\", \"finance\", \"health\"]},"
	      "{\"id\": \"v\", \"offers\": [\"legal\"]}");
	ck_assert_uint_eq(raw(LM_CRIT_GOALS, 0, 0), 333333333);
	ck_assert_uint_eq(raw(LM_CRIT_GOALS, 0, 1), 666666666);
	ck_assert_uint_eq(raw(LM_CRIT_GOALS, 0, 2), NEUTRAL);
	ck_assert_uint_eq(raw(LM_CRIT_GOALS, 0, 3), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_GOALS, 0, 4), 0);
	ck_assert_uint_eq(raw(LM_CRIT_GOALS, 1, 3), NEUTRAL);
	teardown();
}
END_TEST

START_TEST(level_fit)
{
	setup("{\"format\": \"libmatch-model\", \"version\": 1, \"preset\": \"tutoring\","
	      " \"criteria\": {\"level\": {\"weight\": 10, \"required\": true}}}",
	      "{\"id\": \"a\", \"languages\": {\"ko\": 5, \"en\": 1}},"
	      "{\"id\": \"b\", \"languages\": {\"ko\": 5, \"en\": 3}},"
	      "{\"id\": \"c\", \"languages\": {\"ko\": 5, \"en\": 5}},"
	      "{\"id\": \"d\", \"languages\": {\"ko\": 5}}, {\"id\": \"e\"}",
	      "{\"id\": \"x\", \"teaches\": {\"en\": [0, 2]}}, {\"id\": \"y\"},"
	      "{\"id\": \"z\", \"teaches\": {\"en\": [4, 5], \"zh\": [0, 0]}}");
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 0, 0), LM_UNIT);
	ck_assert(pass(LM_CRIT_LEVEL, 0, 0));
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 1, 0), NEUTRAL); /* one level above */
	ck_assert(!pass(LM_CRIT_LEVEL, 1, 0));
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 2, 0), 0);
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 3, 0), LM_UNIT); /* en not listed: level 0 */
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 4, 0), NEUTRAL); /* no languages at all */
	ck_assert(pass(LM_CRIT_LEVEL, 4, 0));
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 0, 1), NEUTRAL); /* teaches nothing */
	ck_assert(pass(LM_CRIT_LEVEL, 0, 1));
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 0, 2), LM_UNIT); /* zh level 0 fits [0, 0] */
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 1, 2), LM_UNIT); /* en 3: one below; zh 0 fits */
	ck_assert_uint_eq(raw(LM_CRIT_LEVEL, 2, 2), LM_UNIT);
	teardown();
}
END_TEST

START_TEST(choice_rank)
{
	setup("role_model", "{\"id\": \"a\", \"choices\": [\"y\", \"x\", \"z\"]}, {\"id\": \"b\"}",
	      "{\"id\": \"x\"}, {\"id\": \"y\"}, {\"id\": \"z\"}, {\"id\": \"w\"}");
	ck_assert_uint_eq(raw(LM_CRIT_CHOICE, 0, 1), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_CHOICE, 0, 0), 666666666);
	ck_assert_uint_eq(raw(LM_CRIT_CHOICE, 0, 2), 333333333);
	ck_assert_uint_eq(raw(LM_CRIT_CHOICE, 0, 3), 0);
	ck_assert_uint_eq(raw(LM_CRIT_CHOICE, 1, 0), NEUTRAL);
	/* No filter by default: an unchosen mentor is only a lower score. */
	ck_assert(!lm_scorer_required(fx.scorer, LM_CRIT_CHOICE));
	ck_assert_uint_eq(lm_scorer_check(fx.scorer, 0, 3) & (1u << LM_CRIT_CHOICE), 0);
	teardown();

	/* Required: a mentee who chose is paired only among their choices; one
	 * who did not choose, with anyone. */
	setup("{\"format\": \"libmatch-model\", \"version\": 1,"
	      " \"criteria\": {\"choice\": {\"weight\": 5, \"required\": true}}}",
	      "{\"id\": \"a\", \"choices\": [\"y\", \"x\"]}, {\"id\": \"b\"}",
	      "{\"id\": \"x\"}, {\"id\": \"y\"}, {\"id\": \"z\"}");
	ck_assert(lm_scorer_required(fx.scorer, LM_CRIT_CHOICE));
	ck_assert(pass(LM_CRIT_CHOICE, 0, 0));
	ck_assert(pass(LM_CRIT_CHOICE, 0, 1));
	ck_assert(!pass(LM_CRIT_CHOICE, 0, 2));
	ck_assert(pass(LM_CRIT_CHOICE, 1, 2));
	ck_assert_uint_ne(lm_scorer_check(fx.scorer, 0, 2) & (1u << LM_CRIT_CHOICE), 0);
	ck_assert_uint_eq(lm_scorer_check(fx.scorer, 1, 2) & (1u << LM_CRIT_CHOICE), 0);
	teardown();
}
END_TEST

START_TEST(continuity_and_waiting)
{
	setup("role_model",
	      "{\"id\": \"a\", \"previous\": [{\"id\": \"x\", \"outcome\": \"good\"},"
	      " {\"id\": \"y\", \"outcome\": \"ended\"}], \"waiting_since\": \"2024-01-07\"},"
	      "{\"id\": \"b\", \"current\": [\"z\"], \"waiting_since\": \"2024-10-25\"},"
	      "{\"id\": \"c\", \"waiting_since\": \"2025-01-06\"}",
	      "{\"id\": \"x\"}, {\"id\": \"y\"}, {\"id\": \"z\", \"capacity\": 2}");
	ck_assert_uint_eq(raw(LM_CRIT_CONTINUITY, 0, 0), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_CONTINUITY, 0, 1), 0);
	ck_assert_uint_eq(raw(LM_CRIT_CONTINUITY, 1, 2), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_CONTINUITY, 2, 0), 0);
	ck_assert_uint_eq(raw(LM_CRIT_WAITING, 0, 0), LM_UNIT);  /* 365 days */
	ck_assert_uint_eq(raw(LM_CRIT_WAITING, 1, 0), 200000000);   /* 73 days */
	ck_assert_uint_eq(raw(LM_CRIT_WAITING, 2, 0), 0);
	teardown();
}
END_TEST

START_TEST(origin_wishes)
{
	setup("{\"format\": \"libmatch-model\", \"version\": 1,"
	      " \"criteria\": {\"origin\": {\"weight\": 1}}}",
	      "{\"id\": \"a\", \"origin_region\": \"north_hamgyong\", \"prefers\":"
	      " {\"origin\": \"avoid_same\"}},"
	      "{\"id\": \"b\", \"origin_region\": \"ryanggang\", \"prefers\":"
	      " {\"origin\": \"prefer_same\"}}, {\"id\": \"c\", \"prefers\":"
	      " {\"origin\": \"avoid_same\"}}",
	      "{\"id\": \"x\", \"origin_region\": \"north_hamgyong\"},"
	      "{\"id\": \"y\", \"origin_region\": \"ryanggang\"}, {\"id\": \"z\"}");
	ck_assert(!pass(LM_CRIT_ORIGIN, 0, 0));
	ck_assert(pass(LM_CRIT_ORIGIN, 0, 1));
	ck_assert(pass(LM_CRIT_ORIGIN, 0, 2));
	ck_assert(pass(LM_CRIT_ORIGIN, 2, 0));
	ck_assert_uint_eq(raw(LM_CRIT_ORIGIN, 0, 1), NEUTRAL); /* avoid_same is hard here */
	ck_assert_uint_eq(raw(LM_CRIT_ORIGIN, 1, 1), LM_UNIT);
	ck_assert_uint_eq(raw(LM_CRIT_ORIGIN, 1, 0), 0);
	ck_assert_uint_eq(raw(LM_CRIT_ORIGIN, 1, 2), NEUTRAL);
	teardown();
	setup("{\"format\": \"libmatch-model\", \"version\": 1,"
	      " \"criteria\": {\"origin\": {\"weight\": 1, \"required\": false}}}",
	      "{\"id\": \"a\", \"origin_region\": \"north_hamgyong\", \"prefers\":"
	      " {\"origin\": \"avoid_same\"}}",
	      "{\"id\": \"x\", \"origin_region\": \"north_hamgyong\"},"
	      "{\"id\": \"y\", \"origin_region\": \"ryanggang\"}");
	ck_assert_uint_eq(lm_scorer_check(fx.scorer, 0, 0) & (1u << LM_CRIT_ORIGIN), 0);
	ck_assert_uint_eq(raw(LM_CRIT_ORIGIN, 0, 0), 0);
	ck_assert_uint_eq(raw(LM_CRIT_ORIGIN, 0, 1), LM_UNIT);
	teardown();
}
END_TEST

START_TEST(trained_share)
{
	setup("{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {\"trained\":"
	      " {\"weight\": 4, \"prefer\": [\"trauma_informed\", \"first_aid\", \"unseen\"]}}}",
	      "{\"id\": \"a\"}",
	      "{\"id\": \"x\", \"trained\": [\"trauma_informed\", \"first_aid\"]},"
	      "{\"id\": \"y\", \"trained\": [\"cooking\"]}, {\"id\": \"z\"}");
	ck_assert_uint_eq(raw(LM_CRIT_TRAINED, 0, 0), 666666666);
	ck_assert_uint_eq(raw(LM_CRIT_TRAINED, 0, 1), 0);
	ck_assert_uint_eq(raw(LM_CRIT_TRAINED, 0, 2), 0);
	teardown();
	setup("role_model", "{\"id\": \"a\"}", "{\"id\": \"x\", \"trained\": [\"first_aid\"]}");
	ck_assert_uint_eq(raw(LM_CRIT_TRAINED, 0, 0), NEUTRAL); /* nothing preferred */
	teardown();
}
END_TEST

static Suite *criteria_suite(void)
{
	Suite *s = suite_create("criteria");
	TCase *tc = tcase_create("people");
	tcase_add_test(tc, consent_needs_both);
	tcase_add_test(tc, exclude_both_sides_and_bad_history);
	tcase_add_test(tc, gender_hard_requests);
	tcase_add_test(tc, gender_soft_requests);
	tcase_add_test(tc, stage_and_age);
	tcase_add_test(tc, origin_wishes);
	tcase_add_test(tc, trained_share);
	suite_add_tcase(s, tc);
	tc = tcase_create("fit");
	tcase_add_test(tc, goals_priority_weighted);
	tcase_add_test(tc, language_shared_at_min_level);
	tcase_add_test(tc, level_fit);
	tcase_add_test(tc, region_modes_and_neighbours);
	suite_add_tcase(s, tc);
	tc = tcase_create("time");
	tcase_add_test(tc, availability_common_hours);
	tcase_add_test(tc, seniority_gap_and_ideal);
	tcase_add_test(tc, choice_rank);
	tcase_add_test(tc, continuity_and_waiting);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(criteria_suite());
}
