/* Choice rounds (lm_rounds_solve): hand-checked examples, the order of
 * choosing, edge cases, a naive replay of the rule on random markets, the
 * end-state property, and argument errors. */
#include <string.h>
#include "lm_test.h"
#include "assign/stable.h"
#include "stable_fixture.h"

static GArray *rounds(const lm_fixture *f, const uint32_t *order)
{
	GArray *pairs = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_rounds_solve(&f->r, order, &pairs, &err) == 0, "%s",
		      lm_error_message(err));
	return pairs;
}

static void expect(const lm_fixture *f, const uint32_t *order, const char *expected)
{
	GArray *pairs = rounds(f, order);

	lm_fixture_expect_pairs(f, pairs, expected);
	g_array_free(pairs, TRUE);
}

/* a wants 2 (X Y Z), b wants 1 (X Y), c wants 2 (X Z); X and Y have one
 * place, Z two. In the order a b c: round 1, a takes X, b finds X full and
 * takes Y, c takes Z; round 2, a takes Z's last place, c has nothing left
 * (X full, Z already hers). In the order c b a: c takes X, b Y, a Z; then
 * c takes Z's last place and a has nothing left. */
START_TEST(by_hand)
{
	const char *mentees[] = { "XYZ", "XY", "XZ" };
	const char *mentors[] = { "", "", "" }; /* ignored by the rule */
	uint32_t wants[] = { 2, 1, 2 }, cap[] = { 1, 1, 2 };
	uint32_t abc[] = { 0, 1, 2 }, cba[] = { 2, 1, 0 };
	lm_fixture f;

	lm_fixture_letters(&f, "abc", mentees, "XYZ", mentors, wants, cap);
	expect(&f, abc, "aX aZ bY cZ");
	expect(&f, NULL, "aX aZ bY cZ");
	expect(&f, cba, "aZ bY cX cZ");
	lm_fixture_clear(&f);
}
END_TEST

/* One per round: a wants 3 but b, who comes second, still gets her first
 * choice in round 1 before a takes a second mentor. */
START_TEST(one_per_round)
{
	const char *mentees[] = { "XYZ", "YX" };
	const char *mentors[] = { "ab", "ab", "ab" };
	uint32_t wants[] = { 3, 1 };
	lm_fixture f;

	lm_fixture_letters(&f, "ab", mentees, "XYZ", mentors, wants, NULL);
	expect(&f, NULL, "aX aZ bY");
	lm_fixture_clear(&f);
}
END_TEST

START_TEST(edge_cases)
{
	const char *mentees[] = { "", "X", "XY", "Y" };
	const char *mentors[] = { "", "" };
	uint32_t cap[] = { 0, 1 }, wants[] = { 1, 1, 16, 1 };
	lm_fixture f;

	/* Nobody listed, capacity 0, more wanting than places. */
	lm_fixture_letters(&f, "abcd", mentees, "XY", mentors, wants, cap);
	expect(&f, NULL, "cY");
	lm_fixture_clear(&f);
	lm_fixture_letters(&f, "", NULL, "", NULL, NULL, NULL);
	expect(&f, NULL, "");
	lm_fixture_clear(&f);
}
END_TEST

/* The rule written plainly: rounds of full scans for the best mentor with
 * a free place that the mentee does not hold yet. */
static GArray *naive_rounds(const lm_fixture *f, const uint32_t *order)
{
	const lm_rankings *r = &f->r;
	uint32_t free_[64], got[64];
	gboolean held[64][64] = { { 0 } }, progress = TRUE;
	GArray *pairs = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));

	for (uint32_t i = 0; i < r->n_mentors; i++)
		free_[i] = lm_fixture_cap(f, i);
	memset(got, 0, sizeof(got));
	while (progress) {
		progress = FALSE;
		for (uint32_t k = 0; k < r->n_mentees; k++) {
			uint32_t m = order[k];

			if (got[m] >= lm_fixture_wants(f, m))
				continue;
			for (size_t j = r->mentee_start[m]; j < r->mentee_start[m + 1]; j++) {
				uint32_t x = r->mentee_list[j];

				if (held[m][x] || free_[x] == 0)
					continue;
				held[m][x] = TRUE;
				free_[x]--;
				got[m]++;
				progress = TRUE;
				g_array_append_val(pairs, ((lm_pair_ix){ m, x }));
				break;
			}
		}
	}
	lm_pair_ix_sort(pairs, r->n_mentees, r->n_mentors);
	return pairs;
}

/* Random markets in random orders: the engine equals the naive replay, and
 * at the end every mentee short of what they want finds every other mentor
 * on their list full. */
START_TEST(random_against_naive)
{
	GRand *rng = g_rand_new_with_seed(42);

	for (int t = 0; t < 3000; t++) {
		lm_fixture f;
		uint32_t order[64], load[64] = { 0 }, got[64] = { 0 };

		lm_fixture_random(&f, rng, 1 + g_rand_int_range(rng, 0, 40),
				  1 + g_rand_int_range(rng, 0, 15), 0, t % 4 != 0);
		for (uint32_t i = 0; i < f.r.n_mentees; i++)
			order[i] = i;
		for (uint32_t i = f.r.n_mentees; i > 1; i--) {
			uint32_t j = (uint32_t)g_rand_int_range(rng, 0, (gint32)i), x = order[i - 1];

			order[i - 1] = order[j];
			order[j] = x;
		}
		GArray *a = rounds(&f, order), *b = naive_rounds(&f, order);

		ck_assert_uint_eq(a->len, b->len);
		ck_assert(a->len == 0 || memcmp(a->data, b->data, a->len * sizeof(lm_pair_ix)) == 0);
		for (guint i = 0; i < a->len; i++) {
			const lm_pair_ix *p = &g_array_index(a, lm_pair_ix, i);

			ck_assert_int_ge(f.rk_me[p->mentee * f.r.n_mentors + p->mentor], 0);
			ck_assert_uint_le(++load[p->mentor], lm_fixture_cap(&f, p->mentor));
			ck_assert_uint_le(++got[p->mentee], lm_fixture_wants(&f, p->mentee));
		}
		for (uint32_t m = 0; m < f.r.n_mentees; m++) {
			if (got[m] == lm_fixture_wants(&f, m))
				continue;
			for (size_t j = f.r.mentee_start[m]; j < f.r.mentee_start[m + 1]; j++) {
				uint32_t x = f.r.mentee_list[j];
				gboolean holds = FALSE;

				for (guint i = 0; i < a->len; i++)
					holds |= g_array_index(a, lm_pair_ix, i).mentee == m &&
						 g_array_index(a, lm_pair_ix, i).mentor == x;
				ck_assert(holds || load[x] == lm_fixture_cap(&f, x));
			}
		}
		g_array_free(a, TRUE);
		g_array_free(b, TRUE);
		lm_fixture_clear(&f);
	}
	g_rand_free(rng);
}
END_TEST

START_TEST(errors)
{
	const char *mentees[] = { "X", "X" };
	const char *mentors[] = { "ab" };
	uint32_t dup[] = { 0, 0 }, oob[] = { 0, 2 };
	lm_fixture f;
	GArray *pairs = NULL;
	lm_error *err = NULL;

	lm_fixture_letters(&f, "ab", mentees, "X", mentors, NULL, NULL);
	ck_assert_int_eq(lm_rounds_solve(&f.r, NULL, NULL, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "NULL"));
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_rounds_solve(NULL, NULL, &pairs, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_rounds_solve(&f.r, dup, &pairs, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "twice"));
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_rounds_solve(&f.r, oob, &pairs, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "not a mentee"));
	lm_error_free(err);
	ck_assert_ptr_null(pairs);
	f.r.n_mentors = 0; /* a mentee now lists a mentor out of range */
	ck_assert_int_eq(lm_rounds_solve(&f.r, NULL, &pairs, NULL), LM_EINVAL);
	lm_fixture_clear(&f);
}
END_TEST

static Suite *rounds_suite(void)
{
	Suite *s = suite_create("rounds");
	TCase *tc = tcase_create("rounds");

	tcase_add_test(tc, by_hand);
	tcase_add_test(tc, one_per_round);
	tcase_add_test(tc, edge_cases);
	tcase_add_test(tc, random_against_naive);
	tcase_add_test(tc, errors);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(rounds_suite());
}
