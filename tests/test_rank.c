/* Rankings for stable matching and rounds: own choices first, then the
 * model's score, ties by the seeded key; infeasible, zero-score (objective
 * score) and kept pairs left out; the rounds order by time waiting. */
#include "lm_test_cohort.h"
#include "core/cohort_private.h"
#include "match/rank.h"

static const char *model_json =
	"{\"format\": \"libmatch-model\", \"version\": 1, \"criteria\": {"
	"\"goals\": {\"weight\": 30}, \"availability\": {}, \"choice\": {\"weight\": 10},"
	" \"region\": {}, \"stage\": {}, \"seniority\": {}, \"language\": {}, \"continuity\": {},"
	" \"waiting\": {}}}";

static const char *cohort_json =
	"{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": \"2026-01-05\", \"mentees\": ["
	"{\"id\": \"A\", \"consent\": true, \"goals\": [\"finance\"], \"choices\": [\"Z\"],"
	" \"waiting_since\": \"2025-06-01\"},"
	"{\"id\": \"B\", \"consent\": true, \"waiting_since\": \"2025-01-01\"},"
	"{\"id\": \"C\", \"consent\": true, \"current\": [\"X\"]},"
	"{\"id\": \"D\", \"consent\": true}],"
	" \"mentors\": ["
	"{\"id\": \"X\", \"consent\": true, \"offers\": [\"finance\"], \"capacity\": 2,"
	" \"choices\": [\"D\"]},"
	"{\"id\": \"Y\", \"consent\": true, \"offers\": [\"housing\"]},"
	"{\"id\": \"Z\", \"consent\": true, \"offers\": [\"housing\"]},"
	"{\"id\": \"N\", \"consent\": false}]}";

typedef struct fixture {
	lm_cohort *c;
	lm_model *m;
	lm_scorer *s;
	lm_rank_lists l;
} fixture;

static void setup(fixture *f, int objective, uint64_t seed)
{
	uint32_t demand[] = { 1, 1, 1, 1 }, cap[] = { 2, 1, 1, 1 };

	f->c = lmt_load(cohort_json);
	ck_assert_int_eq(lm_model_load_buffer(&f->m, model_json, strlen(model_json), "m", NULL), 0);
	ck_assert_int_eq(lm_scorer_new(&f->s, f->m, f->c, NULL), 0);
	ck_assert_int_eq(lm_rank_build(&f->l, f->s, demand, cap, objective, seed, TRUE, NULL), 0);
}

static void teardown(fixture *f)
{
	lm_rank_clear(&f->l);
	lm_scorer_free(f->s);
	lm_model_free(f->m);
	lm_cohort_free(f->c);
}

static GString *list_of(const fixture *f, int side, uint32_t who)
{
	const size_t *start = side ? f->l.r.mentor_start : f->l.r.mentee_start;
	const uint32_t *list = side ? f->l.r.mentor_list : f->l.r.mentee_list;
	GString *s = g_string_new(NULL);

	for (size_t i = start[who]; i < start[who + 1]; i++)
		g_string_append(s, f->c->people[!side][list[i]].id);
	return s;
}

static void expect_list(const fixture *f, int side, uint32_t who, const char *want)
{
	GString *got = list_of(f, side, who);

	ck_assert_str_eq(got->str, want);
	g_string_free(got, TRUE);
}

/* A chose Z: Z first, then X (30 points for goals), then Y. N gave no
 * consent. C keeps X, so X is not on C's list. */
START_TEST(choices_first_then_scores)
{
	fixture f = { 0 };

	setup(&f, LM_OBJECTIVE_COVERAGE, 1);
	expect_list(&f, 0, 0, "ZXY");
	ck_assert_uint_eq(f.l.r.mentee_start[3] - f.l.r.mentee_start[2], 2);
	/* X chose D: D first, then A (30 points), then B by score and key. */
	GString *x = list_of(&f, 1, 0);
	ck_assert(g_str_has_prefix(x->str, "DA"));
	ck_assert_uint_eq(x->len, 3);
	g_string_free(x, TRUE);
	expect_list(&f, 1, 3, "");
	teardown(&f);
}
END_TEST

/* B scores every mentor alike: the seeded key decides, and the same seed
 * always gives the same order. */
START_TEST(ties_follow_the_seeded_key)
{
	for (uint64_t seed = 1; seed < 40; seed++) {
		fixture f = { 0 };
		const size_t *start;
		const uint32_t *list;

		setup(&f, LM_OBJECTIVE_COVERAGE, seed);
		start = f.l.r.mentee_start;
		list = f.l.r.mentee_list;
		ck_assert_uint_eq(start[2] - start[1], 3);
		for (size_t i = start[1] + 1; i < start[2]; i++) {
			lm_score a = lm_scorer_score(f.s, 1, list[i - 1], NULL);
			lm_score b = lm_scorer_score(f.s, 1, list[i], NULL);

			ck_assert_int_ge(a, b);
			if (a == b)
				ck_assert_uint_lt(lm_rank_key(seed, 1, list[i - 1]),
						  lm_rank_key(seed, 1, list[i]));
		}
		teardown(&f);
	}
	ck_assert_uint_ne(lm_rank_key(1, 0, 0), lm_rank_key(1, 1, 0));
	ck_assert_uint_ne(lm_rank_key(1, 0, 0), lm_rank_key(2, 0, 0));
}
END_TEST

/* Under objective score a pair scoring 0 is acceptable to nobody. */
START_TEST(objective_score_drops_zero_pairs)
{
	fixture f = { 0 };

	setup(&f, LM_OBJECTIVE_SCORE, 1);
	/* A-Y: no common goal, not chosen: 0 points. */
	expect_list(&f, 0, 0, "ZX");
	teardown(&f);
}
END_TEST

START_TEST(rounds_order_by_time_waiting)
{
	fixture f = { 0 };
	uint32_t *order;

	setup(&f, LM_OBJECTIVE_COVERAGE, 1);
	order = lm_rank_rounds_order(f.c, 1);
	ck_assert_uint_eq(order[0], 1); /* B waited since January */
	ck_assert_uint_eq(order[1], 0); /* A since June */
	/* C and D gave no date: last, by seeded key. */
	ck_assert(lm_rank_key(1, 0, order[2]) < lm_rank_key(1, 0, order[3]));
	g_free(order);
	teardown(&f);
}
END_TEST

START_TEST(demand_zero_and_errors)
{
	fixture f = { 0 };
	uint32_t demand[] = { 0, 1, 0, 1 }, cap[] = { 1, 1, 1, 1 };
	lm_rank_lists l;
	lm_error *err = NULL;

	setup(&f, LM_OBJECTIVE_COVERAGE, 1);
	ck_assert_int_eq(lm_rank_build(&l, f.s, demand, cap, 0, 1, TRUE, NULL), 0);
	ck_assert_uint_eq(l.r.mentee_start[1], 0);
	ck_assert_uint_eq(l.r.mentee_start[4] - l.r.mentee_start[3], 3);
	lm_rank_clear(&l);
	ck_assert_int_eq(lm_rank_build(&l, f.s, NULL, cap, 0, 1, TRUE, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(err);
	lm_error_free(err);
	ck_assert_int_eq(lm_rank_build(NULL, f.s, demand, cap, 0, 1, TRUE, NULL), LM_EINVAL);
	lm_rank_clear(NULL);
	teardown(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rank");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, choices_first_then_scores);
	tcase_add_test(tc, ties_follow_the_seeded_key);
	tcase_add_test(tc, objective_score_drops_zero_pairs);
	tcase_add_test(tc, rounds_order_by_time_waiting);
	tcase_add_test(tc, demand_zero_and_errors);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
