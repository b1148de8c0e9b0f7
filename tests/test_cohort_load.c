/* The shortcuts of the cohort load path give what the plain code gave:
 * paths with indices, weekly slots converted once per zone, the draft's
 * arrays sized ahead, large files read into huge-page memory. */
#include <stdint.h>
#include <string.h>
#include <glib/gstdio.h>
#include "lm_test.h"
#include "core/availability.h"
#include "core/date.h"
#include "core/cohort_build.h"
#include "io/cohort_json.h"

/* ---- lm_cp_push_index ---- */

START_TEST(push_index_as_printf)
{
	static const size_t values[] = { 0, 1, 9, 10, 99, 100, 12345, 999999, 1000000,
					 UINT32_MAX, SIZE_MAX };
	lm_cohort_parser p;

	memset(&p.doc, 0, sizeof p.doc);
	lm_cp_init(&p);
	for (size_t i = 0; i < G_N_ELEMENTS(values); i++) {
		size_t outer = lm_cp_push(&p, "mentees");
		size_t mark = lm_cp_push_index(&p, values[i]);
		g_autofree char *want = g_strdup_printf("$.mentees[%zu]", values[i]);

		ck_assert_str_eq(p.path->str, want);
		ck_assert_uint_eq(mark, strlen("$.mentees"));
		lm_cp_pop(&p, mark);
		ck_assert_str_eq(p.path->str, "$.mentees");
		lm_cp_pop(&p, outer);
		ck_assert_str_eq(p.path->str, "$");
	}
	lm_cp_clear(&p);
}
END_TEST

/* ---- lm_avail_memo ---- */

START_TEST(memo_as_avail_add)
{
	/* A DST week in New York (2025-03-09), a half-hour zone, one that
	 * wraps to Sunday in UTC, and UTC. */
	static const char *const zones[] = { "America/New_York", "Asia/Kolkata", "Asia/Seoul",
					     "UTC" };
	static const char *const slots[] = { "mon 19:00-21:00", "sun 01:00-04:00",
					     "mon 00:00-24:00", "wed 10:10-11:00",
					     "sat 23:30-24:00", "tue 02:00-02:20" };
	uint32_t monday = 0;
	GTimeZone *tz[G_N_ELEMENTS(zones)];

	ck_assert(lm_date_parse("2025-03-10", &monday));
	monday = lm_week_monday(monday) - 7; /* the week holding 2025-03-09 */
	for (size_t z = 0; z < G_N_ELEMENTS(zones); z++)
		ck_assert_ptr_nonnull(tz[z] = lm_time_zone_new(zones[z]));

	lm_avail_memo *memo = lm_avail_memo_new(monday);

	/* Twice over, so that the second round reads only remembered slots,
	 * and into maps that already hold bits. */
	for (int round = 0; round < 2; round++) {
		for (size_t z = 0; z < G_N_ELEMENTS(zones); z++) {
			uint64_t plain[LM_AVAIL_WORDS] = { 0 }, memo_bits[LM_AVAIL_WORDS] = { 0 };

			for (size_t s = 0; s < G_N_ELEMENTS(slots); s++) {
				lm_slot slot;

				ck_assert(lm_slot_parse(slots[(s + z + (size_t)round) %
							    G_N_ELEMENTS(slots)], &slot));
				lm_avail_add(plain, tz[z], monday, &slot);
				lm_avail_memo_add(memo, memo_bits, tz[z], &slot);
				ck_assert_mem_eq(plain, memo_bits, sizeof plain);
			}
		}
	}
	/* One slot in two zones: remembered apart. */
	uint64_t a[LM_AVAIL_WORDS] = { 0 }, b[LM_AVAIL_WORDS] = { 0 };
	lm_slot slot;

	ck_assert(lm_slot_parse("mon 19:00-21:00", &slot));
	lm_avail_memo_add(memo, a, tz[0], &slot);
	lm_avail_memo_add(memo, b, tz[2], &slot);
	ck_assert(memcmp(a, b, sizeof a) != 0);
	lm_avail_memo_free(memo);
	lm_avail_memo_free(NULL);
	for (size_t z = 0; z < G_N_ELEMENTS(zones); z++)
		g_time_zone_unref(tz[z]);
}
END_TEST

/* ---- reserving the draft's arrays ---- */

START_TEST(draft_reserve_keeps_people)
{
	lm_cohort_draft d;
	lm_draft_lists *lists = NULL;

	lm_cohort_draft_init(&d, "t.json", 2460000);
	for (uint32_t i = 0; i < 300; i++) {
		lm_person *p = lm_cohort_draft_add(&d, LM_ROLE_MENTOR, &lists);

		p->capacity = i;
		lists->goals = (lm_span){ i, i + 1 };
		if (i == 100) /* smaller than what it holds: no change */
			lm_cohort_draft_reserve(&d, LM_ROLE_MENTOR, 50);
		if (i == 200) /* larger than a huge page */
			lm_cohort_draft_reserve(&d, LM_ROLE_MENTOR, 100000);
	}
	ck_assert_uint_eq(d.people[LM_ROLE_MENTOR]->len, 300);
	ck_assert_uint_eq(d.lists[LM_ROLE_MENTOR]->len, 300);
	ck_assert_uint_eq(d.people[LM_ROLE_MENTEE]->len, 0);
	for (uint32_t i = 0; i < 300; i++) {
		const lm_person *p = &g_array_index(d.people[LM_ROLE_MENTOR], lm_person, i);
		const lm_draft_lists *l = &g_array_index(d.lists[LM_ROLE_MENTOR], lm_draft_lists, i);

		ck_assert_uint_eq(p->capacity, i);
		ck_assert_int_eq(p->region, -1); /* the defaults of lm_cohort_draft_add */
		ck_assert_uint_eq(l->goals.off, i);
		ck_assert_uint_eq(l->goals.len, i + 1);
	}
	lm_cohort_draft_clear(&d);
}
END_TEST

/* A cohort with more people on each side than the fast reader reads
 * before it sizes the arrays, with references across both. */
static GString *many_people(int mentees, int mentors)
{
	static const char *const goals[] = { "employment", "health", "family", "study" };
	GString *t = g_string_new("{\"format\": \"libmatch-cohort\", \"version\": 1, "
				  "\"as_of\": \"2026-01-05\",\n \"mentees\": [");

	for (int i = 0; i < mentees; i++)
		g_string_append_printf(t, "%s\n  {\"id\": \"m-%05d\", \"region\": \"r%d\", "
				       "\"goals\": [\"%s\"], \"languages\": {\"ko\": %d}, "
				       "\"availability\": {\"tz\": \"Asia/Seoul\", \"weekly\": "
				       "[\"mon %02d:00-%02d:30\"]}, \"choices\": [\"r-%05d\"]}",
				       i ? "," : "", i, i % 7, goals[i % 4], i % 6, i % 20, i % 20,
				       i % mentors);
	g_string_append(t, "],\n \"mentors\": [");
	for (int i = 0; i < mentors; i++)
		g_string_append_printf(t, "%s\n  {\"id\": \"r-%05d\", \"capacity\": %d, "
				       "\"offers\": [\"%s\"], \"exclude\": [\"m-%05d\"]}",
				       i ? "," : "", i, 1 + i % 5, goals[(i + 1) % 4], (i * 3) % mentees);
	g_string_append(t, "]}\n");
	return t;
}

START_TEST(fast_reader_past_sample)
{
	static const int sizes[][2] = { { 257, 3 }, { 1500, 700 }, { 10, 2000 } };

	for (size_t k = 0; k < G_N_ELEMENTS(sizes); k++) {
		g_autoptr(GString) t = many_people(sizes[k][0], sizes[k][1]);
		GBytes *source = g_bytes_new(t->str, t->len + 1);
		GBytes *text = g_bytes_new_from_bytes(source, 0, t->len);
		lm_cohort *fast = NULL, *full = NULL;
		lm_error *err = NULL;

		ck_assert_int_eq(lm_cohort_parse_json_fast(&fast, text, "t.json"), 1);
		ck_assert_int_eq(lm_cohort_parse_json_full(&full, text, "t.json", &err), 0);
		ck_assert_uint_eq(lm_cohort_count(fast, LM_ROLE_MENTEE), (size_t)sizes[k][0]);
		ck_assert_uint_eq(lm_cohort_count(fast, LM_ROLE_MENTOR), (size_t)sizes[k][1]);
		ck_assert(lm_cohort_same(fast, full));
		lm_cohort_destroy(fast);
		lm_cohort_destroy(full);
		g_bytes_unref(text);
		g_bytes_unref(source);
	}
}
END_TEST

/* ---- lm_read_input: large files ---- */

START_TEST(large_file_read_whole)
{
	/* Past the size from which huge pages are asked for. */
	size_t size = ((size_t)9 << 20) + 12345;
	g_autofree char *want = g_malloc(size);
	g_autofree char *dir = g_dir_make_tmp("lm-load-XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "big.json", NULL);
	char *data = NULL;
	size_t len = 0;
	lm_error *err = NULL;

	for (size_t i = 0; i < size; i++)
		want[i] = (char)('a' + (i * 7 + i / 4096) % 26);
	ck_assert(g_file_set_contents(path, want, (gssize)size, NULL));
	ck_assert_int_eq(lm_read_input(path, LM_INPUT_MAX_BYTES, &data, &len, &err), 0);
	ck_assert_uint_eq(len, size);
	ck_assert(memcmp(data, want, size) == 0);
	ck_assert_int_eq(data[len], '\0');
	g_free(data);
	/* And refused past a limit just under its size. */
	ck_assert_int_eq(lm_read_input(path, size - 1, &data, &len, &err), LM_ELIMIT);
	lm_error_free(err);
	g_unlink(path);
	g_rmdir(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cohort_load");
	TCase *tc = tcase_create("shortcuts");

	tcase_add_test(tc, push_index_as_printf);
	tcase_add_test(tc, memo_as_avail_add);
	tcase_add_test(tc, draft_reserve_keeps_people);
	tcase_add_test(tc, fast_reader_past_sample);
	tcase_add_test(tc, large_file_read_whole);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
