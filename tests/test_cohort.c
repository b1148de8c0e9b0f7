/* Tests of cohort loading: the public API, the compiled layout, and the
 * golden valid and invalid files under tests/data. */
#include <stdio.h>
#include <string.h>
#include "lm_test.h"
#include "core/cohort_private.h"
#include "core/availability.h"
#include "io/json_util.h"

static const char tiny[] = "{\"format\":\"libmatch-cohort\",\"version\":1,\"mentees\":[],\"mentors\":[]}";

static lm_cohort *load_valid(const char *relative)
{
	g_autofree char *path = lm_test_data(relative);
	lm_cohort *c = NULL;
	lm_error *err = NULL;
	int rc = lm_cohort_load_file(&c, path, &err);

	ck_assert_msg(rc == 0, "%s: %s", relative, lm_error_message(err));
	ck_assert_ptr_null(err);
	ck_assert_ptr_nonnull(c);
	return c;
}

/* Loads text from memory, expecting failure; returns the report. */
static lm_error *load_bad(const char *text, int code)
{
	int dummy;
	lm_cohort *c = (lm_cohort *)(void *)&dummy;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, text, strlen(text), "t.json", &err), code);
	ck_assert_ptr_eq(c, (lm_cohort *)(void *)&dummy); /* untouched */
	ck_assert_ptr_nonnull(err);
	return err;
}

static const lm_person *person(const lm_cohort *c, lm_role role, const char *id)
{
	lm_role r;
	size_t i;

	ck_assert_msg(lm_cohort_find(c, id, &r, &i, NULL) == 0, "%s", id);
	ck_assert_int_eq(r, role);
	return &c->people[role][i];
}

static void assert_span(const lm_cohort *c, lm_span s, const uint32_t *want, uint32_t n)
{
	ck_assert_uint_eq(s.len, n);
	for (uint32_t i = 0; i < n; i++)
		ck_assert_uint_eq(lm_span_refs(c, s)[i], want[i]);
}

#define ASSERT_SPAN(c, s, ...)                                                       \
	do {                                                                         \
		const uint32_t want_[] = { __VA_ARGS__ };                            \
		assert_span(c, s, want_, G_N_ELEMENTS(want_));                       \
	} while (0)

static gboolean has_slot(const lm_person *p, int slot)
{
	return (p->avail[slot / 64] >> (slot % 64)) & 1;
}

/* The set slots of p, as a string like "20-23 242-247". */
static char *slots(const lm_person *p)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < LM_AVAIL_SLOTS; i++) {
		if (!has_slot(p, i) || (i > 0 && has_slot(p, i - 1)))
			continue;
		int j = i;
		while (j + 1 < LM_AVAIL_SLOTS && has_slot(p, j + 1))
			j++;
		g_string_append_printf(s, "%s%d-%d", s->len ? " " : "", i, j);
	}
	return g_string_free(s, FALSE);
}

static void assert_slots(const lm_cohort *c, lm_role role, const char *id, const char *want)
{
	g_autofree char *got = slots(person(c, role, id));

	ck_assert_msg(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"", id, got, want);
}

/* ---- public API ---- */

START_TEST(api_null_arguments)
{
	lm_cohort *c = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_file(NULL, "x.json", &err), LM_EINVAL);
	ck_assert_ptr_nonnull(err);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_cohort_load_file(&c, NULL, &err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_int_eq(lm_cohort_load_buffer(NULL, tiny, sizeof tiny - 1, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_cohort_load_buffer(&c, NULL, 5, NULL, NULL), LM_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(lm_cohort_count(NULL, LM_ROLE_MENTEE), 0);
	ck_assert_ptr_null(lm_cohort_id(NULL, LM_ROLE_MENTOR, 0));
	ck_assert_str_eq(lm_cohort_digest(NULL), "");
	ck_assert_int_eq(lm_cohort_find(NULL, "x", NULL, NULL, NULL), LM_EINVAL);
	lm_cohort_free(NULL);
	ck_assert(!lm_cohort_locate(NULL, "$", NULL, NULL));

	ck_assert_int_eq(lm_cohort_load_buffer(&c, tiny, sizeof tiny - 1, NULL, NULL), 0);
	err = NULL;
	ck_assert_int_eq(lm_cohort_find(c, NULL, NULL, NULL, &err), LM_EINVAL);
	lm_error_free(err);
	ck_assert_uint_eq(lm_cohort_count(c, (lm_role)7), 0);
	lm_cohort_free(c);
}
END_TEST

START_TEST(api_digest_and_counts)
{
	lm_cohort *c = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, tiny, sizeof tiny - 1, "tiny", NULL), 0);
	ck_assert_str_eq(lm_cohort_digest(c),
			 "11c08b921d29ee8aecdf491e773c5d281caf2e9a4772b6205881bab724c2385c");
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTEE), 0);
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTOR), 0);
	ck_assert_ptr_null(lm_cohort_id(c, LM_ROLE_MENTEE, 0));
	lm_cohort_free(c);
}
END_TEST

START_TEST(api_find_and_ids)
{
	lm_cohort *c = load_valid("valid/cohort-full.json");
	lm_role role = LM_ROLE_MENTEE;
	size_t index = 99;
	lm_error *err = NULL;

	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTEE), 3);
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTOR), 5);
	ck_assert_str_eq(lm_cohort_id(c, LM_ROLE_MENTEE, 0), "m-0001");
	ck_assert_str_eq(lm_cohort_id(c, LM_ROLE_MENTEE, 2), "m.0003_x");
	ck_assert_str_eq(lm_cohort_id(c, LM_ROLE_MENTOR, 4), "r-0005");
	ck_assert_ptr_null(lm_cohort_id(c, LM_ROLE_MENTOR, 5));
	ck_assert_int_eq(lm_cohort_find(c, "r-0013", &role, &index, &err), 0);
	ck_assert_int_eq(role, LM_ROLE_MENTOR);
	ck_assert_uint_eq(index, 3);
	ck_assert_int_eq(lm_cohort_find(c, "m-0002", NULL, NULL, NULL), 0);
	ck_assert_int_eq(lm_cohort_find(c, "nobody", &role, &index, &err), LM_ENOTFOUND);
	ck_assert_int_eq(role, LM_ROLE_MENTOR); /* untouched */
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "nobody"));
	lm_error_free(err);
	ck_assert_uint_eq(strlen(lm_cohort_digest(c)), 64);
	lm_cohort_free(c);
}
END_TEST

START_TEST(api_missing_file)
{
	int dummy;
	lm_cohort *c = (lm_cohort *)(void *)&dummy;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_cohort_load_file(&c, "/nonexistent/cohort.json", &err), LM_EIO);
	ck_assert_ptr_eq(c, (lm_cohort *)(void *)&dummy);
	ck_assert_str_eq(lm_error_file(err), "/nonexistent/cohort.json");
	ck_assert_ptr_nonnull(strstr(lm_error_message(err),
				     "cannot read file: No such file or directory"));
	lm_error_free(err);
}
END_TEST

START_TEST(api_stdin)
{
	g_autofree char *path = lm_test_data("valid/cohort-minimal.json");
	lm_cohort *c = NULL;

	ck_assert_ptr_nonnull(freopen(path, "rb", stdin));
	ck_assert_int_eq(lm_cohort_load_file(&c, "-", NULL), 0);
	ck_assert_uint_eq(lm_cohort_count(c, LM_ROLE_MENTEE), 1);
	ck_assert_str_eq(c->name, "<stdin>");
	lm_cohort_free(c);
}
END_TEST

START_TEST(api_buffer_names_and_limits)
{
	lm_error *err = NULL;
	lm_cohort *c = NULL;

	ck_assert_int_eq(lm_cohort_load_buffer(&c, "[", 1, NULL, &err), LM_EPARSE);
	ck_assert_str_eq(lm_error_file(err), "<memory>");
	lm_error_free(err);
	err = NULL;
	/* The size is checked before the bytes are read. */
	ck_assert_int_eq(lm_cohort_load_buffer(&c, "x", LM_INPUT_MAX_BYTES + 1, "big", &err),
			 LM_ELIMIT);
	ck_assert_str_eq(lm_error_file(err), "big");
	lm_error_free(err);
	/* Not NUL-terminated: only len bytes are read. */
	char buf[sizeof tiny + 3];
	memcpy(buf, tiny, sizeof tiny - 1);
	memcpy(buf + sizeof tiny - 1, "xyz", 3);
	ck_assert_int_eq(lm_cohort_load_buffer(&c, buf, sizeof tiny - 1, NULL, NULL), 0);
	ck_assert_ptr_nonnull(c->source);
	ck_assert_uint_eq(g_bytes_get_size(c->source), sizeof tiny - 1);
	lm_cohort_free(c);
	err = NULL;
	ck_assert_int_eq(lm_cohort_load_buffer(&c, buf, 0, NULL, &err), LM_EPARSE);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "empty document"));
	lm_error_free(err);
}
END_TEST

/* ---- compiled fields ---- */

START_TEST(full_profile)
{
	lm_cohort *c = load_valid("valid/cohort-full.json");
	const lm_person *m = person(c, LM_ROLE_MENTEE, "m-0001");

	ck_assert_int_eq(c->as_of_year, 2025);
	ck_assert_uint_eq(m->gender, LM_GENDER_FEMALE);
	ck_assert_int_eq(m->birth_year, 1996);
	ck_assert_int_eq(m->arrival_year, 2024);
	ck_assert_str_eq(lm_vocab_string(c->origins, (uint32_t)m->origin), "north_hamgyong");
	ck_assert_str_eq(lm_vocab_string(c->regions, (uint32_t)m->region), "seoul");
	ck_assert_str_eq(lm_vocab_string(c->stages, (uint32_t)m->stage), "job_seeking");
	ck_assert_uint_eq(m->modes, LM_MODE_IN_PERSON | LM_MODE_ONLINE);
	ck_assert(m->has_languages);
	ck_assert_uint_eq(c->n_languages, 3);
	uint32_t ko = (uint32_t)lm_vocab_lookup(c->languages, "ko");
	uint32_t zh = (uint32_t)lm_vocab_lookup(c->languages, "zh");
	uint32_t en = (uint32_t)lm_vocab_lookup(c->languages, "en");
	ck_assert_uint_eq(lm_person_level(c, m, ko), 5);
	ck_assert_uint_eq(lm_person_level(c, m, zh), 3);
	ck_assert_uint_eq(lm_person_level(c, m, en), 1);
	/* Goals in priority order. */
	ck_assert_uint_eq(m->goals.len, 3);
	ck_assert_str_eq(lm_vocab_string(c->goals, c->goal_pool[m->goals.off]), "employment");
	ck_assert_str_eq(lm_vocab_string(c->goals, c->goal_pool[m->goals.off + 2]), "finance");
	ck_assert_str_eq(lm_vocab_first_path(c->goals, c->goal_pool[m->goals.off + 1]),
			 "$.mentees[0].goals[1]");
	/* Seoul is UTC+9: mon 19-21 is mon 10-12 UTC, sat 10-13 is sat 01-04 UTC. */
	ck_assert(m->has_avail);
	assert_slots(c, LM_ROLE_MENTEE, "m-0001", "20-23 242-247");
	ck_assert_uint_eq(m->pref_gender, LM_GENDER_FEMALE);
	ck_assert(m->pref_gender_required);
	ck_assert_uint_eq(m->pref_origin, LM_ORIGIN_AVOID_SAME);
	ASSERT_SPAN(c, m->choices, 0, 1);
	ASSERT_SPAN(c, m->veto, 2);            /* r-0099; unknown and same-side ids ignored */
	ASSERT_SPAN(c, m->current, 3);         /* named by both sides, kept once */
	ASSERT_SPAN(c, m->good_previous, 1, 4); /* r-0007's own record and m-0001's */
	ck_assert_uint_eq(m->wants, 2);
	ck_assert_uint_eq(m->capacity, 0);
	ck_assert_int_eq(m->waiting_days, 129);
	ck_assert_uint_eq(m->consent, 1);
	ck_assert(!m->has_offers);
	lm_cohort_free(c);
}
END_TEST

START_TEST(full_other_people)
{
	lm_cohort *c = load_valid("valid/cohort-full.json");
	const lm_person *m2 = person(c, LM_ROLE_MENTEE, "m-0002");
	const lm_person *m3 = person(c, LM_ROLE_MENTEE, "m.0003_x");

	ck_assert_uint_eq(m2->pref_gender, LM_GENDER_MALE);
	ck_assert(!m2->pref_gender_required);
	ck_assert_uint_eq(m2->pref_origin, LM_ORIGIN_PREFER_SAME);
	ck_assert_int_eq(m2->waiting_days, 0); /* waiting_since after as_of */
	ck_assert_uint_eq(m2->consent, 0);
	ASSERT_SPAN(c, m2->veto, 0);            /* previous outcome bad */
	ASSERT_SPAN(c, m2->current, 3);         /* from r-0013's list */
	/* Nothing given: sentinels, never guesses. */
	ck_assert_uint_eq(m3->gender, LM_GENDER_UNKNOWN);
	ck_assert_int_eq(m3->birth_year, 0);
	ck_assert_int_eq(m3->region, -1);
	ck_assert_int_eq(m3->origin, -1);
	ck_assert_int_eq(m3->stage, -1);
	ck_assert_int_eq(m3->waiting_days, -1);
	ck_assert_uint_eq(m3->modes, 0);
	ck_assert(!m3->has_avail && !m3->has_languages);
	ck_assert_uint_eq(m3->wants, 1);
	ck_assert_uint_eq(m3->pref_origin, LM_ORIGIN_ANY);
	ASSERT_SPAN(c, m3->veto, 4);            /* r-0005's exclude */
	ck_assert_uint_eq(m3->choices.len, 0);
	lm_cohort_free(c);
}
END_TEST

START_TEST(full_mentors)
{
	lm_cohort *c = load_valid("valid/cohort-full.json");
	const lm_person *r = person(c, LM_ROLE_MENTOR, "r-0042");
	uint32_t employment = (uint32_t)lm_vocab_lookup(c->goals, "employment");
	uint32_t finance = (uint32_t)lm_vocab_lookup(c->goals, "finance");
	uint32_t en = (uint32_t)lm_vocab_lookup(c->languages, "en");

	ck_assert_uint_eq(c->goal_words, 1);
	ck_assert_uint_eq(c->training_words, 1);
	ck_assert_uint_eq(r->capacity, 2);
	ck_assert_uint_eq(r->wants, 0);
	ck_assert(r->has_offers);
	ck_assert_uint_eq(lm_person_offers(c, r)[0], (1u << employment) | (1u << finance));
	ck_assert_uint_eq(lm_person_trained(c, r)[0], 3);
	ck_assert_uint_eq(lm_person_level(c, r, en), 3);
	ck_assert_uint_eq(lm_person_level(c, r, (uint32_t)lm_vocab_lookup(c->languages, "zh")), 0);
	ck_assert_uint_eq(r->teaches.len, 2);
	ck_assert_uint_eq(c->teach_pool[r->teaches.off].language, en);
	ck_assert_uint_eq(c->teach_pool[r->teaches.off].lo, 0);
	ck_assert_uint_eq(c->teach_pool[r->teaches.off].hi, 2);
	ck_assert_uint_eq(c->teach_pool[r->teaches.off + 1].lo, 3);
	assert_slots(c, LM_ROLE_MENTOR, "r-0042", "18-25");
	ASSERT_SPAN(c, r->veto, 1);              /* m-0002's bad previous pair */

	const lm_person *r7 = person(c, LM_ROLE_MENTOR, "r-0007");
	ck_assert_uint_eq(r7->capacity, 0);
	ck_assert(r7->has_offers);
	ck_assert_uint_eq(lm_person_offers(c, r7)[0], 0);
	ASSERT_SPAN(c, r7->good_previous, 0);
	ASSERT_SPAN(c, person(c, LM_ROLE_MENTOR, "r-0099")->veto, 0);
	ck_assert_uint_eq(lm_person_trained(c, person(c, LM_ROLE_MENTOR, "r-0099"))[0], 2);
	ASSERT_SPAN(c, person(c, LM_ROLE_MENTOR, "r-0013")->current, 0, 1);
	ck_assert_uint_eq(person(c, LM_ROLE_MENTOR, "r-0013")->capacity, 3);
	ASSERT_SPAN(c, person(c, LM_ROLE_MENTOR, "r-0005")->veto, 2);
	ASSERT_SPAN(c, person(c, LM_ROLE_MENTOR, "r-0005")->good_previous, 0);
	ck_assert_uint_eq(person(c, LM_ROLE_MENTOR, "r-0005")->capacity, 1);
	lm_cohort_free(c);
}
END_TEST

START_TEST(minimal_defaults)
{
	lm_cohort *c = load_valid("valid/cohort-minimal.json");
	const lm_person *m = &c->people[LM_ROLE_MENTEE][0], *r = &c->people[LM_ROLE_MENTOR][0];

	ck_assert_int_eq(c->as_of_year, 2025);
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, c->as_of_julian);
	ck_assert_int_eq(g_date_get_day(&d), 6);
	ck_assert_int_eq(g_date_get_month(&d), G_DATE_JANUARY);
	ck_assert_uint_eq(m->wants, 1);
	ck_assert_uint_eq(r->capacity, 1);
	ck_assert_uint_eq(m->consent, 0);
	ck_assert_uint_eq(c->goal_words, 1);
	ck_assert_uint_eq(c->n_languages, 0);
	ck_assert_uint_eq(lm_person_offers(c, r)[0], 0);
	ck_assert(!lm_span_contains(c, m->veto, 0));
	ck_assert_str_eq(c->name + strlen(c->name) - strlen("cohort-minimal.json"),
			 "cohort-minimal.json");
	lm_cohort_free(c);
}
END_TEST

START_TEST(span_contains_and_locate)
{
	lm_cohort *c = load_valid("valid/cohort-full.json");
	const lm_person *m = person(c, LM_ROLE_MENTEE, "m-0001");
	unsigned long line = 0, col = 0;

	ck_assert(lm_span_contains(c, m->good_previous, 1));
	ck_assert(lm_span_contains(c, m->good_previous, 4));
	ck_assert(!lm_span_contains(c, m->good_previous, 0));
	ck_assert(!lm_span_contains(c, m->good_previous, 2));
	ck_assert(!lm_span_contains(c, m->good_previous, 5));
	ck_assert(!lm_span_contains(c, person(c, LM_ROLE_MENTEE, "m.0003_x")->current, 0));
	ck_assert(lm_cohort_locate(c, "$.mentees[0].goals[1]", &line, &col));
	ck_assert_uint_eq(line, 13);
	ck_assert_uint_eq(col, 31);
	ck_assert(!lm_cohort_locate(c, "nonsense", &line, &col));
	ck_assert(!lm_cohort_locate(c, NULL, &line, &col));
	lm_cohort_free(c);
}
END_TEST

START_TEST(span_contains_long)
{
	/* Binary search over a longer span: every other mentor excluded. */
	GString *s = g_string_new("{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentees\": "
				  "[{\"id\": \"m\", \"exclude\": [");
	for (int i = 99; i >= 0; i -= 2)
		g_string_append_printf(s, "%s\"r%d\"", i == 99 ? "" : ", ", i);
	g_string_append(s, "]}], \"mentors\": [");
	for (int i = 0; i < 100; i++)
		g_string_append_printf(s, "%s{\"id\": \"r%d\"}", i ? ", " : "", i);
	g_string_append(s, "]}");
	lm_cohort *c = NULL;
	ck_assert_int_eq(lm_cohort_load_buffer(&c, s->str, s->len, NULL, NULL), 0);
	const lm_person *m = &c->people[LM_ROLE_MENTEE][0];
	ck_assert_uint_eq(m->veto.len, 50);
	for (uint32_t i = 0; i < 100; i++) {
		ck_assert(lm_span_contains(c, m->veto, i) == (i % 2 == 1));
		ck_assert(lm_span_contains(c, c->people[LM_ROLE_MENTOR][i].veto, 0) == (i % 2 == 1));
	}
	lm_cohort_free(c);
	g_string_free(s, TRUE);
}
END_TEST

/* ---- time zones ---- */

START_TEST(tz_january)
{
	lm_cohort *c = load_valid("valid/cohort-tz-january.json");

	/* EST (UTC-5): mon 09:00-10:00 is 14:00-15:00 UTC. */
	assert_slots(c, LM_ROLE_MENTEE, "m-ny", "28-29");
	/* IST (UTC+5:30): tue 10:00-11:30 is tue 04:30-06:00 UTC, exactly. */
	assert_slots(c, LM_ROLE_MENTEE, "m-in", "57-59");
	/* KST (UTC+9): mon 08:00-10:00 wraps to sun 23:00 - mon 01:00 UTC. */
	assert_slots(c, LM_ROLE_MENTEE, "m-kr", "0-1 334-335");
	/* NPT (UTC+5:45): wed 10:00-11:00 is 04:15-05:15 UTC; whole half hours only. */
	assert_slots(c, LM_ROLE_MENTEE, "m-np", "105-105");
	/* PST (UTC-8): sun 20:00-24:00 is mon 04:00-08:00 UTC, past the week's end. */
	assert_slots(c, LM_ROLE_MENTEE, "m-la", "8-15");
	/* Given but empty: has_avail with no slots. */
	ck_assert(person(c, LM_ROLE_MENTEE, "m-none")->has_avail);
	assert_slots(c, LM_ROLE_MENTEE, "m-none", "");
	/* fri all day; thu 10:10-11:00 rounds to 10:30-11:00; sat 10:00-10:20 gives nothing. */
	assert_slots(c, LM_ROLE_MENTOR, "r-utc", "165-165 192-239");
	lm_cohort_free(c);
}
END_TEST

START_TEST(tz_july)
{
	lm_cohort *c = load_valid("valid/cohort-tz-july.json");

	/* EDT (UTC-4): the same local hour is one hour earlier in UTC. */
	assert_slots(c, LM_ROLE_MENTEE, "m-ny", "26-27");
	assert_slots(c, LM_ROLE_MENTEE, "m-la", "6-13");
	/* No DST in India, Korea or Nepal. */
	assert_slots(c, LM_ROLE_MENTEE, "m-in", "57-59");
	assert_slots(c, LM_ROLE_MENTEE, "m-kr", "0-1 334-335");
	assert_slots(c, LM_ROLE_MENTEE, "m-np", "105-105");
	lm_cohort_free(c);
}
END_TEST

START_TEST(tz_dst_within_week)
{
	/* as_of 2025-03-09: the reference week is Mon 3 - Sun 9 March, and New
	 * York moves to EDT at 02:00 on Sunday. */
	lm_cohort *c = load_valid("valid/cohort-tz-dst-week.json");

	/* mon 09:00 EST = 14:00 UTC; sun 01:00 EST = 06:00 UTC to 04:00 EDT = 08:00
	 * UTC (two real hours); sun 09:00 EDT = 13:00 UTC. */
	assert_slots(c, LM_ROLE_MENTEE, "m-ny", "28-29 300-303 314-315");
	lm_cohort_free(c);
}
END_TEST

START_TEST(tz_far_future)
{
	/* GDateTime ends with year 9999: a slot past it is left out, not wrapped. */
	lm_cohort *c = load_valid("valid/cohort-far-future.json");

	ck_assert_int_eq(c->as_of_year, 9999);
	ck_assert_int_eq(c->people[LM_ROLE_MENTEE][0].birth_year, 9980);
	assert_slots(c, LM_ROLE_MENTEE, "m-1", "212-213");
	lm_cohort_free(c);
}
END_TEST

START_TEST(availability_helpers)
{
	lm_slot s;

	ck_assert(lm_slot_parse("sun 00:00-24:00", &s));
	ck_assert_int_eq(s.day, 6);
	ck_assert_int_eq(s.start, 0);
	ck_assert_int_eq(s.end, 1440);
	ck_assert(lm_slot_parse("wed 09:05-09:06", &s));
	const char *bad[] = { "mon 10:00-10:00", "mon 24:00-24:00", "mon 9:00-10:00",
			      "mon 09:00-10:00 ", "Mon 09:00-10:00", "mon 09:00_10:00",
			      "mon 09:00-24:01", "xyz 09:00-10:00", "", NULL };
	for (int i = 0; bad[i]; i++)
		ck_assert_msg(!lm_slot_parse(bad[i], &s), "%s", bad[i]);
	ck_assert(!lm_slot_parse(NULL, &s));

	ck_assert_ptr_null(lm_time_zone_new(NULL));
	ck_assert_ptr_null(lm_time_zone_new("Asia/Nowhere"));
	ck_assert_ptr_null(lm_time_zone_new("Asia/../Asia/Seoul"));
	ck_assert_ptr_null(lm_time_zone_new("Asia/Seoul\n"));
	GTimeZone *tz = lm_time_zone_new("Europe/London");
	ck_assert_ptr_nonnull(tz);
	g_time_zone_unref(tz);

	GDate d;
	g_date_clear(&d, 1);
	g_date_set_dmy(&d, 12, G_DATE_JANUARY, 2025); /* a Sunday */
	uint32_t monday = lm_week_monday(g_date_get_julian(&d));
	ck_assert_uint_eq(g_date_get_julian(&d) - monday, 6);
	ck_assert_uint_eq(lm_week_monday(monday), monday);
}
END_TEST

/* ---- problems ---- */

START_TEST(many_problems_stop)
{
	GString *s = g_string_new("{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentors\": [], "
				  "\"mentees\": [");
	for (int i = 0; i < 80; i++)
		g_string_append_printf(s, "%s{\"id\": \"m%d\", \"gender\": \"x\"}", i ? ", " : "", i);
	g_string_append(s, "]}");
	lm_error *err = load_bad(s->str, LM_EPARSE);
	int n = 0;
	const lm_error *last = NULL;

	for (const lm_error *e = err; e; e = lm_error_next(e), n++)
		last = e;
	ck_assert_int_eq(n, LM_MAX_PROBLEMS + 1);
	ck_assert_ptr_nonnull(strstr(lm_error_message(last), "more than 50 problems"));
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "$.mentees[0].gender"));
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

START_TEST(every_problem_reported)
{
	/* Problems of different kinds, people and phases, all in one report. */
	lm_error *err = load_bad(
		"{\"format\": \"libmatch-cohort\", \"version\": 1,\n"
		" \"mentees\": [{\"id\": \"m1\", \"gender\": \"x\", \"choices\": [\"r9\"]},\n"
		"              {\"id\": \"m1\", \"wants\": 0}],\n"
		" \"mentors\": [{\"id\": \"r1\", \"capacity\": -2, \"zzz\": 1}]}\n",
		LM_EPARSE);
	const char *want[] = {
		"t.json:2:37: $.mentees[0].gender: expected one of",
		"t.json:3:22: $.mentees[1].id: duplicate id: first used at $.mentees[0].id",
		"t.json:3:37: $.mentees[1].wants: expected an integer from 1 to 16",
		"t.json:4:50: $.mentors[0][2]: unknown field (name not repeated",
		"t.json:4:39: $.mentors[0].capacity: expected an integer from 0 to 1000",
		"t.json:2:54: $.mentees[0].choices[0]: unknown id",
	};
	const lm_error *e = err;

	for (size_t i = 0; i < G_N_ELEMENTS(want); i++, e = lm_error_next(e)) {
		ck_assert_msg(e != NULL, "missing: %s", want[i]);
		ck_assert_msg(strstr(lm_error_message(e), want[i]), "%s != %s",
			      lm_error_message(e), want[i]);
	}
	ck_assert_ptr_null(e);
	lm_error_free(err);
}
END_TEST

START_TEST(people_limit)
{
	GString *s = g_string_new("{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentors\": [], "
				  "\"mentees\": [");
	for (int i = 0; i <= 1000000; i++)
		g_string_append(s, i ? ",0" : "0");
	g_string_append(s, "]}");
	lm_error *err = load_bad(s->str, LM_ELIMIT);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "$.mentees: more than 1000000 mentees"));
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

START_TEST(vocabulary_limit)
{
	GString *s = g_string_new("{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentors\": [], "
				  "\"mentees\": [");
	for (int i = 0; i < 130; i++) {
		g_string_append_printf(s, "%s{\"id\": \"m%d\", \"goals\": [", i ? "," : "", i);
		for (int j = 0; j < 32; j++)
			g_string_append_printf(s, "%s\"g%d\"", j ? "," : "", i * 32 + j);
		g_string_append(s, "]}");
	}
	g_string_append(s, "]}");
	lm_error *err = load_bad(s->str, LM_ELIMIT);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err),
				     "$.mentees[128].goals[0]: more than 4096 distinct goals"));
	lm_error_free(err);
	g_string_free(s, TRUE);
}
END_TEST

/* Wrong or invalid values carrying a marker: no message may repeat it. */
static const char *sentinel_cohort =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"SENTINEL_VALUE_93\",\n"
	" \"mentees\": [{\"id\": \"SENTINEL_VALUE_93 \", \"gender\": \"SENTINEL_VALUE_93\",\n"
	"   \"birth_year\": \"SENTINEL_VALUE_93\", \"arrival_year\": 93931,\n"
	"   \"region\": [\"SENTINEL_VALUE_93\"], \"origin_region\": {\"a\": \"SENTINEL_VALUE_93\"},\n"
	"   \"stage\": \"SENTINEL_VALUE_93SENTINEL_VALUE_93SENTINEL_VALUE_93SENTINEL_VALUE_93\",\n"
	"   \"modes\": [\"SENTINEL_VALUE_93\"], \"languages\": {\"ko\": \"SENTINEL_VALUE_93\",\n"
	"   \"SENTINEL_VALUE_93 x\": 1}, \"goals\": [\"SENTINEL_VALUE_93\", \"SENTINEL_VALUE_93\"],\n"
	"   \"availability\": {\"tz\": \"SENTINEL_VALUE_93\", \"weekly\": [\"SENTINEL_VALUE_93\"]},\n"
	"   \"prefers\": {\"gender\": \"SENTINEL_VALUE_93\", \"origin\": \"SENTINEL_VALUE_93\",\n"
	"   \"gender_required\": \"SENTINEL_VALUE_93\"}, \"choices\": [\"SENTINEL_VALUE_93\"],\n"
	"   \"current\": [\"SENTINEL_VALUE_93\"], \"exclude\": [\"SENTINEL_VALUE_93 \"],\n"
	"   \"previous\": [{\"id\": \"SENTINEL_VALUE_93\", \"outcome\": \"SENTINEL_VALUE_93\"}],\n"
	"   \"wants\": \"SENTINEL_VALUE_93\", \"waiting_since\": \"SENTINEL_VALUE_93\",\n"
	"   \"consent\": \"SENTINEL_VALUE_93\"}],\n"
	" \"mentors\": [{\"id\": \"r1\", \"capacity\": \"SENTINEL_VALUE_93\",\n"
	"   \"teaches\": {\"en\": [\"SENTINEL_VALUE_93\", 1]}, \"trained\": [93.93],\n"
	"   \"offers\": \"SENTINEL_VALUE_93\"}]}\n";

START_TEST(messages_never_show_values)
{
	lm_error *err = load_bad(sentinel_cohort, LM_EPARSE);
	int n = 0;

	for (const lm_error *e = err; e; e = lm_error_next(e), n++) {
		ck_assert_msg(!strstr(lm_error_message(e), "SENTINEL"), "%s", lm_error_message(e));
		ck_assert_msg(!strstr(lm_error_message(e), "9393"), "%s", lm_error_message(e));
	}
	ck_assert_int_ge(n, 20);
	lm_error_free(err);

	/* Phase two (references) and syntax errors too. */
	err = load_bad("{\"format\": \"libmatch-cohort\", \"version\": 1, \"mentors\": [],\n"
		       " \"mentees\": [{\"id\": \"m\", \"choices\": [\"SENTINEL_VALUE_93\"],\n"
		       "  \"current\": [\"SENTINEL_VALUE_93\"]}]}", LM_EPARSE);
	for (const lm_error *e = err; e; e = lm_error_next(e))
		ck_assert_msg(!strstr(lm_error_message(e), "SENTINEL"), "%s", lm_error_message(e));
	lm_error_free(err);
	err = load_bad("{\"format\": \"libmatch-cohort\", \"x\": SENTINEL_VALUE_93}", LM_EPARSE);
	ck_assert(!strstr(lm_error_message(err), "SENTINEL"));
	lm_error_free(err);
}
END_TEST

/* ---- golden files ---- */

/* Names of tests/data/<dir>/cohort-*.json, sorted. */
static GPtrArray *golden_files(const char *dir)
{
	g_autofree char *path = lm_test_data(dir);
	GDir *d = g_dir_open(path, 0, NULL);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	ck_assert_ptr_nonnull(d);
	while ((name = g_dir_read_name(d))) {
		if (g_str_has_prefix(name, "cohort-") && g_str_has_suffix(name, ".json"))
			g_ptr_array_add(files, g_build_filename(path, name, NULL));
	}
	g_dir_close(d);
	g_ptr_array_sort(files, (GCompareFunc)(void (*)(void))g_strcmp0);
	return files;
}

/* Checks one invalid file against its .expect: status name, then substrings
 * of the first message. */
static void check_invalid(const char *file)
{
	g_autofree char *stem = g_strndup(file, strlen(file) - strlen(".json"));
	g_autofree char *expect_path = g_strconcat(stem, ".expect", NULL);
	g_autofree char *expect = NULL;

	ck_assert_msg(g_file_get_contents(expect_path, &expect, NULL, NULL), "no %s", expect_path);
	g_auto(GStrv) lines = g_strsplit(expect, "\n", -1);
	int dummy;
	lm_cohort *c = (lm_cohort *)(void *)&dummy;
	lm_error *err = NULL;
	int rc = lm_cohort_load_file(&c, file, &err);

	ck_assert_msg(c == (lm_cohort *)(void *)&dummy, "%s: out changed", file);
	ck_assert_msg(err != NULL, "%s: loaded", file);
	ck_assert_msg(strcmp(lm_status_name(rc), lines[0]) == 0, "%s: %s, expected %s: %s", file,
		      lm_status_name(rc), lines[0], lm_error_message(err));
	ck_assert_msg(strcmp(lm_error_file(err), file) == 0, "%s: file %s", file,
		      lm_error_file(err));
	for (int i = 1; lines[i]; i++) {
		if (lines[i][0])
			ck_assert_msg(strstr(lm_error_message(err), lines[i]), "%s: \"%s\" not in %s",
				      file, lines[i], lm_error_message(err));
	}
	lm_error_free(err);
}

START_TEST(golden_invalid)
{
	g_autoptr(GPtrArray) files = golden_files("invalid");

	ck_assert_uint_ge(files->len, 30);
	for (guint i = 0; i < files->len; i++)
		check_invalid(g_ptr_array_index(files, i));
}
END_TEST

START_TEST(golden_valid)
{
	g_autoptr(GPtrArray) files = golden_files("valid");

	ck_assert_uint_ge(files->len, 4);
	for (guint i = 0; i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		lm_cohort *c = NULL;
		lm_error *err = NULL;

		ck_assert_msg(lm_cohort_load_file(&c, file, &err) == 0, "%s",
			      lm_error_message(err));
		ck_assert_uint_eq(strlen(lm_cohort_digest(c)), 64);
		lm_cohort_free(c);
	}
}
END_TEST

static Suite *cohort_suite(void)
{
	Suite *s = suite_create("cohort");
	TCase *api = tcase_create("api");
	TCase *fields = tcase_create("fields");
	TCase *bad = tcase_create("problems");

	tcase_add_test(api, api_null_arguments);
	tcase_add_test(api, api_digest_and_counts);
	tcase_add_test(api, api_find_and_ids);
	tcase_add_test(api, api_missing_file);
	tcase_add_test(api, api_stdin);
	tcase_add_test(api, api_buffer_names_and_limits);
	tcase_add_test(fields, full_profile);
	tcase_add_test(fields, full_other_people);
	tcase_add_test(fields, full_mentors);
	tcase_add_test(fields, minimal_defaults);
	tcase_add_test(fields, span_contains_and_locate);
	tcase_add_test(fields, span_contains_long);
	tcase_add_test(fields, tz_january);
	tcase_add_test(fields, tz_july);
	tcase_add_test(fields, tz_dst_within_week);
	tcase_add_test(fields, tz_far_future);
	tcase_add_test(fields, availability_helpers);
	tcase_add_test(bad, many_problems_stop);
	tcase_add_test(bad, every_problem_reported);
	tcase_add_test(bad, people_limit);
	tcase_add_test(bad, vocabulary_limit);
	tcase_add_test(bad, messages_never_show_values);
	tcase_add_test(bad, golden_invalid);
	tcase_add_test(bad, golden_valid);
	suite_add_tcase(s, api);
	suite_add_tcase(s, fields);
	suite_add_tcase(s, bad);
	return s;
}

int main(void)
{
	return lm_test_run(cohort_suite());
}
