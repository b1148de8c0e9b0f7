/* The deferred-acceptance engine (libmatch/assign/stable.h): published
 * instances with known answers, brute-force enumeration of every stable
 * matching on small instances (proposer-optimality, the other side's
 * pessimality, one size for all), no blocking pairs on thousands of random
 * instances, the blocking-pair check against a naive one, edge cases, and
 * argument errors. */
#include <string.h>
#include "lm_test.h"
#include "assign/stable.h"
#include "stable_fixture.h"

/* ---- published instances ------------------------------------------------------------ */

/* The NRMP's illustration of its algorithm ("How the Matching Algorithm
 * Works", National Resident Matching Program; also the README example of
 * the Python `matching` library): residents Arthur, Sunny, Joseph, Latha,
 * Darrius; programs Mercy, City, General with 2 places each. By hand,
 * residents proposing: A, S, J, D -> City; L -> Mercy. City keeps D, A;
 * Mercy does not rank L. S -> Mercy (not ranked), S is left out; J ->
 * General (held); L -> City (worse than A), L -> General (held). Programs
 * proposing: Mercy -> D, J; City -> D, A; General -> D, A. D keeps City,
 * A keeps City; J keeps Mercy, then General (J prefers it) -> J; Mercy has
 * nobody left; General -> L, held. Both give City {A, D}, General {J, L},
 * Sunny unmatched and Mercy empty: the instance has one stable matching,
 * which brute force confirms. */
START_TEST(nrmp_hospitals_residents)
{
	const char *res[] = { "C", "CM", "CGM", "MCG", "CMG" };     /* A S J L D */
	const char *hosp[] = { "DJ", "DASLJ", "DAJL" };             /* M C G */
	uint32_t cap[] = { 2, 2, 2 };
	lm_fixture f;

	lm_fixture_letters(&f, "ASJLD", res, "MCG", hosp, NULL, cap);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "AC JG LG DC");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "AC JG LG DC");
	ck_assert_uint_eq(lm_fixture_count_stable(&f), 1);
	lm_fixture_clear(&f);
}
END_TEST

/* Gale and Shapley 1962, "College admissions and the stability of
 * marriage", Example 1: men a, b, c (alpha, beta, gamma), women A, B, C,
 * a Latin square of rankings. The paper lists three stable matchings:
 * every man gets his first choice (aA bB cC, men-optimal), every woman
 * gets hers (aC bA cB, women-optimal), everyone gets a second choice
 * (aB bC cA). Men proposing and women proposing give the two extremes. */
START_TEST(gale_shapley_example_1)
{
	const char *men[] = { "ABC", "BCA", "CAB" };
	const char *women[] = { "bca", "cab", "abc" };
	lm_fixture f;

	lm_fixture_letters(&f, "abc", men, "ABC", women, NULL, NULL);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "aA bB cC");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "aC bA cB");
	ck_assert_uint_eq(lm_fixture_count_stable(&f), 3);
	lm_fixture_check_optimal(&f);
	lm_fixture_clear(&f);
}
END_TEST

/* Four men, four women, ten stable matchings (the example in Gusfield and
 * Irving 1989, and J. Malkevitch, "Gale-Shapley example with ten stable
 * marriages"): m_i ranks w_i first; the women's lists reverse that. Men
 * proposing gives every man his first choice; women proposing every woman
 * hers. */
START_TEST(ten_stable_marriages)
{
	const char *men[] = { "ABCD", "BADC", "CDAB", "DCBA" };
	const char *women[] = { "dcba", "cdab", "badc", "abcd" };
	lm_fixture f;

	lm_fixture_letters(&f, "abcd", men, "ABCD", women, NULL, NULL);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "aA bB cC dD");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "aD bC cB dA");
	ck_assert_uint_eq(lm_fixture_count_stable(&f), 10);
	lm_fixture_check_optimal(&f);
	lm_fixture_clear(&f);
}
END_TEST

/* Many-to-one where the sides disagree: mentor X (2 places) and Y (1);
 * a and b prefer X, c prefers Y; X prefers c, Y prefers a. */
START_TEST(sides_differ_with_capacities)
{
	const char *mentees[] = { "XY", "XY", "YX" };
	const char *mentors[] = { "cab", "abc" };
	uint32_t cap[] = { 2, 1 };
	lm_fixture f;

	lm_fixture_letters(&f, "abc", mentees, "XY", mentors, NULL, cap);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "aX bX cY");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "aX bY cX");
	lm_fixture_check_optimal(&f);
	lm_fixture_clear(&f);
}
END_TEST

/* A mentee wanting two mentors. Mentees proposing: a -> X, Y; b -> X
 * (X keeps a); b -> Y (Y prefers b, a goes); a -> Z (Z prefers a, c
 * goes); c -> Y (Y keeps b): a holds X and Z, never the same mentor twice,
 * and c is outranked everywhere. Mentors proposing ends the same way. */
START_TEST(wants_two)
{
	const char *mentees[] = { "XYZ", "XY", "ZY" };
	const char *mentors[] = { "abc", "bac", "acb" };
	uint32_t wants[] = { 2, 1, 1 };
	lm_fixture f;

	lm_fixture_letters(&f, "abc", mentees, "XYZ", mentors, wants, NULL);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "aX aZ bY");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "aX aZ bY");
	lm_fixture_check_optimal(&f);
	lm_fixture_clear(&f);
}
END_TEST

/* ---- edge cases that crash other libraries ------------------------------------------- */

START_TEST(edge_cases)
{
	lm_fixture f;
	const char *none[] = { "", "" };
	const char *one[] = { "" };
	/* Capacity 0: X takes nobody, even the mentee who only wants X. */
	const char *me0[] = { "X", "XY" }, *mr0[] = { "ab", "ab" };
	uint32_t cap0[] = { 0, 1 };
	/* More applicants than places. */
	const char *me1[] = { "X", "X", "X", "X" }, *mr1[] = { "dcba" };
	uint32_t cap1[] = { 2 };
	/* Two people who only rank each other, and lists naming people who do
	 * not list back: a lists X and Y, Y lists only b, b lists only Z. */
	const char *me2[] = { "XY", "Z", "" }, *mr2[] = { "a", "b", "c" };

	lm_fixture_letters(&f, "ab", none, "X", one, NULL, NULL);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "");
	lm_fixture_clear(&f);
	lm_fixture_letters(&f, "", NULL, "", NULL, NULL, NULL);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "");
	lm_fixture_clear(&f);
	lm_fixture_letters(&f, "ab", me0, "XY", mr0, NULL, cap0);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "bY");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "bY");
	lm_fixture_check_optimal(&f);
	lm_fixture_clear(&f);
	lm_fixture_letters(&f, "abcd", me1, "X", mr1, NULL, cap1);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "cX dX");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "cX dX");
	lm_fixture_clear(&f);
	lm_fixture_letters(&f, "abc", me2, "XYZ", mr2, NULL, NULL);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "aX");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "aX");
	lm_fixture_clear(&f);
}
END_TEST

/* Wants 0 on one side and capacities far beyond the market. */
START_TEST(zero_wants_huge_capacity)
{
	const char *mentees[] = { "X", "X", "X" };
	const char *mentors[] = { "abc" };
	uint32_t wants[] = { 1, 0, 1 }, cap[] = { 1000000 };
	lm_fixture f;

	lm_fixture_letters(&f, "abc", mentees, "X", mentors, wants, cap);
	lm_fixture_expect(&f, LM_PROPOSERS_MENTEES, "aX cX");
	lm_fixture_expect(&f, LM_PROPOSERS_MENTORS, "aX cX");
	lm_fixture_clear(&f);
}
END_TEST

/* ---- random instances ------------------------------------------------------------------ */

/* Small random markets: DA from either side is a feasible matching with no
 * blocking pair, and it is the proposers' best and the other side's worst
 * among all stable matchings enumerated by brute force. */
START_TEST(random_small_brute_force)
{
	GRand *rng = g_rand_new_with_seed(20260901);
	unsigned total_stable = 0;

	for (int t = 0; t < 1500; t++) {
		lm_fixture f;

		lm_fixture_random(&f, rng, 1 + g_rand_int_range(rng, 0, 5),
				  1 + g_rand_int_range(rng, 0, 4), 12, t % 3 == 0);
		total_stable += lm_fixture_check_optimal(&f);
		lm_fixture_clear(&f);
	}
	ck_assert_uint_ge(total_stable, 1500);
	g_rand_free(rng);
}
END_TEST

/* Thousands of larger random markets: no blocking pairs, feasible, and the
 * engine's blocking-pair check agrees with the naive one on corrupted
 * matchings. */
START_TEST(random_no_blocking_pairs)
{
	GRand *rng = g_rand_new_with_seed(7);

	for (int t = 0; t < 3000; t++) {
		lm_fixture f;

		lm_fixture_random(&f, rng, 1 + g_rand_int_range(rng, 0, 40),
				  1 + g_rand_int_range(rng, 0, 15), 0, t % 2 == 0);
		for (int side = 0; side < 2; side++) {
			GArray *pairs = lm_fixture_solve(&f, side);

			lm_fixture_check_feasible(&f, pairs);
			ck_assert_uint_eq(lm_fixture_naive_blocking(&f, pairs), 0);
			lm_fixture_corrupt(&f, rng, pairs);
			lm_fixture_compare_blocking(&f, pairs);
			g_array_free(pairs, TRUE);
		}
		lm_fixture_clear(&f);
	}
	g_rand_free(rng);
}
END_TEST

/* ---- the blocking-pair check ------------------------------------------------------------ */

START_TEST(blocking_pairs_by_hand)
{
	const char *men[] = { "ABC", "BCA", "CAB" };
	const char *women[] = { "bca", "cab", "abc" };
	lm_fixture f;
	GArray *b = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));
	/* aA bC cB: only (c, A) blocks: c holds his last choice B and A holds
	 * her last choice a, and each ranks the other above that. */
	lm_pair_ix m1[] = { { 0, 0 }, { 1, 2 }, { 2, 1 } };
	lm_pair_ix bad[] = { { 7, 0 }, { 0, 9 } };

	lm_fixture_letters(&f, "abc", men, "ABC", women, NULL, NULL);
	ck_assert_uint_eq(lm_stable_blocking_pairs(&f.r, m1, 3, b), 1);
	ck_assert_uint_eq(lm_fixture_naive_blocking_array(&f, m1, 3), 1);
	ck_assert_uint_eq(g_array_index(b, lm_pair_ix, 0).mentee, 2);
	ck_assert_uint_eq(g_array_index(b, lm_pair_ix, 0).mentor, 0);
	g_array_set_size(b, 0);
	/* Nobody matched: every pair blocks. */
	ck_assert_uint_eq(lm_stable_blocking_pairs(&f.r, NULL, 0, b), 9);
	ck_assert_uint_eq(b->len, 9);
	ck_assert_uint_eq(g_array_index(b, lm_pair_ix, 0).mentee, 0);
	ck_assert_uint_eq(g_array_index(b, lm_pair_ix, 0).mentor, 0);
	ck_assert_uint_eq(g_array_index(b, lm_pair_ix, 1).mentor, 1);
	ck_assert_uint_eq(g_array_index(b, lm_pair_ix, 8).mentee, 2);
	g_array_set_size(b, 0);
	/* Out-of-range pairs are ignored. */
	ck_assert_uint_eq(lm_stable_blocking_pairs(&f.r, bad, 2, b), 9);
	g_array_free(b, TRUE);
	lm_fixture_clear(&f);
}
END_TEST

/* ---- errors ------------------------------------------------------------------------------ */

START_TEST(errors)
{
	size_t start2[] = { 0, 1 }, bad_start[] = { 0, 2, 1 }, start0[] = { 1, 1 };
	uint32_t list_oob[] = { 5 }, list_dup[] = { 0, 0 };
	size_t dup_start[] = { 0, 2 };
	lm_rankings r = { 0 };
	GArray *pairs = NULL;
	lm_error *err = NULL;

	ck_assert_int_eq(lm_stable_solve(NULL, 0, &pairs, &err), LM_EINVAL);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_stable_solve(&r, 0, NULL, &err), LM_EINVAL);
	lm_error_free(err);
	err = NULL;
	ck_assert_int_eq(lm_stable_solve(&r, 2, &pairs, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "proposing side"));
	lm_error_free(err);
	err = NULL;
	r.n_mentees = 1;
	r.n_mentors = 1;
	ck_assert_int_eq(lm_stable_solve(&r, 0, &pairs, NULL), LM_EINVAL); /* NULL lists */
	r.mentee_start = start2;
	r.mentee_list = list_oob;
	r.mentor_start = start2;
	r.mentor_list = list_oob;
	ck_assert_int_eq(lm_stable_solve(&r, 0, &pairs, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "out of range"));
	lm_error_free(err);
	err = NULL;
	r.n_mentors = 2;
	r.mentee_start = dup_start;
	r.mentee_list = list_dup;
	ck_assert_int_eq(lm_stable_solve(&r, 0, &pairs, &err), LM_EINVAL);
	ck_assert_ptr_nonnull(strstr(lm_error_message(err), "twice"));
	lm_error_free(err);
	err = NULL;
	r.n_mentees = 2;
	r.mentee_start = bad_start;
	ck_assert_int_eq(lm_stable_solve(&r, 0, &pairs, NULL), LM_EINVAL);
	r.mentee_start = start0;
	r.n_mentees = 0;
	r.n_mentors = 0;
	ck_assert_int_eq(lm_rankings_check(&r, NULL), 0);
	r.n_mentees = 1;
	ck_assert_int_eq(lm_rankings_check(&r, NULL), LM_EINVAL); /* offset 0 */
	r.n_mentees = UINT32_MAX;
	ck_assert_int_eq(lm_rankings_check(&r, NULL), LM_EINVAL);
	ck_assert_ptr_null(pairs);
	/* lm_stable_blocking_pairs: SIZE_MAX on invalid rankings. */
	GArray *b = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));

	ck_assert_uint_eq(lm_stable_blocking_pairs(&r, NULL, 0, b), SIZE_MAX);
	ck_assert_uint_eq(b->len, 0);
	g_array_free(b, TRUE);
}
END_TEST

static Suite *stable_suite(void)
{
	Suite *s = suite_create("stable");
	TCase *known = tcase_create("known");
	TCase *random = tcase_create("random");

	tcase_add_test(known, nrmp_hospitals_residents);
	tcase_add_test(known, gale_shapley_example_1);
	tcase_add_test(known, ten_stable_marriages);
	tcase_add_test(known, sides_differ_with_capacities);
	tcase_add_test(known, wants_two);
	tcase_add_test(known, edge_cases);
	tcase_add_test(known, zero_wants_huge_capacity);
	tcase_add_test(known, blocking_pairs_by_hand);
	tcase_add_test(known, errors);
	suite_add_tcase(s, known);
	tcase_add_test(random, random_small_brute_force);
	tcase_add_test(random, random_no_blocking_pairs);
	tcase_set_timeout(random, 300);
	suite_add_tcase(s, random);
	return s;
}

int main(void)
{
	return lm_test_run(stable_suite());
}
