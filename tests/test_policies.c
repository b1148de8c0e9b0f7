/* Every matching policy through lm_match: stable results have no blocking
 * pair on thousands of random cohorts and favour the proposing side;
 * choice rounds go by time waiting; re-matching keeps or breaks current
 * pairs by the break cost; a previous pair that ended badly is never made
 * again; what-if; the edge cases (capacity 0, more applicants than places,
 * empty sides, two people who only rank each other); new accessors. */
#include "lm_test_cohort.h"
#include "core/cohort_private.h"
#include "match/rank.h"
#include "match/options_private.h"
#include "score/scorer.h"

typedef struct idx_pairs {
	uint32_t n;
	lm_pair_ix p[64];
} idx_pairs;

static idx_pairs pairs_of(const lm_cohort *c, const lm_result *r)
{
	idx_pairs out = { 0 };

	for (size_t i = 0; i < lm_result_pair_count(r); i++) {
		size_t m = 0, t = 0;

		lm_cohort_find(c, lm_result_pair_mentee(r, i), NULL, &m, NULL);
		lm_cohort_find(c, lm_result_pair_mentor(r, i), NULL, &t, NULL);
		out.p[out.n++] = (lm_pair_ix){ (uint32_t)m, (uint32_t)t };
	}
	return out;
}

/* Position of x in a CSR list, or SIZE_MAX. */
static size_t pos(const size_t *start, const uint32_t *list, uint32_t who, uint32_t x)
{
	for (size_t i = start[who]; i < start[who + 1]; i++)
		if (list[i] == x)
			return i - start[who];
	return SIZE_MAX;
}

/* Whether `who` (holding `held` partners out of `room`, worst at rank
 * `worst`) would take a partner at rank `rank`. */
static gboolean would_take(uint32_t held, uint32_t room, size_t worst, size_t rank)
{
	return rank != SIZE_MAX && (held < room || rank < worst);
}

/* An independent blocking-pair check on the rankings lm_match used. */
static int count_blocking(const lm_rankings *k, const idx_pairs *ps)
{
	int blocking = 0;

	for (uint32_t m = 0; m < k->n_mentees; m++)
		for (size_t i = k->mentee_start[m]; i < k->mentee_start[m + 1]; i++) {
			uint32_t t = k->mentee_list[i], held_m = 0, held_t = 0;
			size_t worst_m = 0, worst_t = 0;
			gboolean together = FALSE;

			for (uint32_t j = 0; j < ps->n; j++) {
				if (ps->p[j].mentee == m && ps->p[j].mentor == t)
					together = TRUE;
				if (ps->p[j].mentee == m) {
					held_m++;
					worst_m = MAX(worst_m, pos(k->mentee_start, k->mentee_list, m,
								   ps->p[j].mentor));
				}
				if (ps->p[j].mentor == t) {
					held_t++;
					worst_t = MAX(worst_t, pos(k->mentor_start, k->mentor_list, t,
								   ps->p[j].mentee));
				}
			}
			if (!together &&
			    would_take(held_m, k->mentee_wants[m], worst_m, i - k->mentee_start[m]) &&
			    would_take(held_t, k->mentor_cap[t], worst_t,
				       pos(k->mentor_start, k->mentor_list, t, m)))
				blocking++;
		}
	return blocking;
}

static void rankings_for(const lm_cohort *c, const lm_model *model, int objective,
			 lm_rank_lists *lists, lm_scorer **s)
{
	uint32_t demand[64], cap[64];

	ck_assert_int_eq(lm_scorer_new(s, model, c, NULL), 0);
	for (uint32_t m = 0; m < lm_cohort_count(c, LM_ROLE_MENTEE); m++)
		demand[m] = c->people[LM_ROLE_MENTEE][m].wants;
	for (uint32_t t = 0; t < lm_cohort_count(c, LM_ROLE_MENTOR); t++)
		cap[t] = c->people[LM_ROLE_MENTOR][t].capacity;
	ck_assert_int_eq(lm_rank_build(lists, *s, demand, cap, objective, 1, TRUE, NULL), 0);
}

START_TEST(stable_results_have_no_blocking_pair)
{
	GRand *rng = g_rand_new_with_seed(20261123);
	lmt_shape shape = { .max_wants = 2, .max_cap = 2, .choices = TRUE };
	lm_model *model = NULL;

	lm_model_new_named(&model, "role_model", NULL);
	for (int i = 0; i < 2000; i++) {
		g_autofree char *json = lmt_random_cohort(rng, g_rand_int_range(rng, 0, 9),
							  g_rand_int_range(rng, 0, 7), &shape);
		lm_cohort *c = lmt_load(json);
		int objective = i % 2, side = (i / 2) % 2;
		lm_result *r = lmt_match(c, model, LM_ALGORITHM_STABLE, objective, side);
		idx_pairs ps = pairs_of(c, r);
		lm_rank_lists lists;
		lm_scorer *s = NULL;

		rankings_for(c, model, objective, &lists, &s);
		ck_assert_int_eq(count_blocking(&lists.r, &ps), 0);
		ck_assert_int_eq(lm_result_proposers(r), side);
		ck_assert_int_eq(lm_result_optimal(r), 0);
		lm_rank_clear(&lists);
		lm_scorer_free(s);
		lm_result_free(r);
		lm_cohort_free(c);
	}
	lm_model_free(model);
	g_rand_free(rng);
}
END_TEST

/* With one mentor each, every mentee does at least as well when mentees
 * propose as when mentors do, and every mentor the other way round. */
START_TEST(proposing_side_gets_its_optimum)
{
	GRand *rng = g_rand_new_with_seed(77);
	lmt_shape shape = { .max_wants = 1, .max_cap = 1, .choices = TRUE };
	lm_model *model = NULL;

	lm_model_new_named(&model, "role_model", NULL);
	for (int i = 0; i < 500; i++) {
		g_autofree char *json = lmt_random_cohort(rng, 6, 5, &shape);
		lm_cohort *c = lmt_load(json);
		lm_result *a = lmt_match(c, model, LM_ALGORITHM_STABLE, 0, LM_PROPOSERS_MENTEES);
		lm_result *b = lmt_match(c, model, LM_ALGORITHM_STABLE, 0, LM_PROPOSERS_MENTORS);
		idx_pairs pa = pairs_of(c, a), pb = pairs_of(c, b);
		lm_rank_lists lists;
		lm_scorer *s = NULL;

		rankings_for(c, model, 0, &lists, &s);
		for (uint32_t m = 0; m < lists.r.n_mentees; m++) {
			size_t ra = SIZE_MAX, rb = SIZE_MAX;

			for (uint32_t j = 0; j < pa.n; j++)
				if (pa.p[j].mentee == m)
					ra = pos(lists.r.mentee_start, lists.r.mentee_list, m,
						 pa.p[j].mentor);
			for (uint32_t j = 0; j < pb.n; j++)
				if (pb.p[j].mentee == m)
					rb = pos(lists.r.mentee_start, lists.r.mentee_list, m,
						 pb.p[j].mentor);
			ck_assert_uint_le(ra, rb);
		}
		/* Stable matchings match the same people (rural hospitals theorem). */
		ck_assert_uint_eq(pa.n, pb.n);
		lm_rank_clear(&lists);
		lm_scorer_free(s);
		lm_result_free(a);
		lm_result_free(b);
		lm_cohort_free(c);
	}
	lm_model_free(model);
	g_rand_free(rng);
}
END_TEST

/* ---- hand-made cohorts ------------------------------------------------------ */

static const char *goals_only =
	"{\"format\": \"libmatch-model\", \"version\": 1, \"name\": \"goals\", \"criteria\": {"
	"\"goals\": {\"weight\": 30}, \"availability\": {}, \"choice\": {\"weight\": 10},"
	" \"region\": {}, \"stage\": {}, \"seniority\": {}, \"language\": {}, \"continuity\": {},"
	" \"waiting\": {}}}";

static lm_model *goals_model(void)
{
	lm_model *m = NULL;
	lm_error *err = NULL;

	ck_assert_msg(lm_model_load_buffer(&m, goals_only, strlen(goals_only), "m", &err) == 0,
		      "%s", lm_error_message(err));
	return m;
}

static char *cohort(const char *mentees, const char *mentors)
{
	return g_strdup_printf("{\"format\": \"libmatch-cohort\", \"version\": 1, \"as_of\": "
			       "\"2026-01-05\", \"mentees\": [%s], \"mentors\": [%s]}",
			       mentees, mentors);
}

static lm_result *run(const char *json, lm_model *model, int algorithm, int keep,
		      lm_score break_cost)
{
	lm_cohort *c = lmt_load(json);
	lm_options *opt = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;

	lm_options_new(&opt, NULL);
	lm_options_set_algorithm(opt, algorithm, NULL);
	lm_options_set_keep_current(opt, keep, NULL);
	lm_options_set_break_cost(opt, break_cost, NULL);
	ck_assert_msg(lm_match(&r, c, model, opt, &err) == 0, "%s", lm_error_message(err));
	lm_options_free(opt);
	lm_cohort_free(c);
	return r;
}

static const char *mentor_of(const lm_result *r, const char *mentee)
{
	for (size_t i = 0; i < lm_result_pair_count(r); i++)
		if (g_str_equal(lm_result_pair_mentee(r, i), mentee))
			return lm_result_pair_mentor(r, i);
	return NULL;
}

/* Both choose X first; B has waited longer, so B takes X in round one. */
START_TEST(rounds_go_by_time_waiting)
{
	g_autofree char *json = cohort(
		"{\"id\": \"A\", \"consent\": true, \"choices\": [\"X\", \"Y\"], \"waiting_since\": \"2025-06-01\"},"
		"{\"id\": \"B\", \"consent\": true, \"choices\": [\"X\"], \"waiting_since\": \"2025-01-01\"},"
		"{\"id\": \"C\", \"consent\": true, \"choices\": [\"X\"]}",
		"{\"id\": \"X\", \"consent\": true}, {\"id\": \"Y\", \"consent\": true}");
	lm_model *model = goals_model();
	lm_result *r = run(json, model, LM_ALGORITHM_ROUNDS, 1, 0);

	ck_assert_str_eq(mentor_of(r, "B"), "X");
	ck_assert_str_eq(mentor_of(r, "A"), "Y");
	ck_assert_ptr_null(mentor_of(r, "C"));
	ck_assert_uint_eq(lm_result_unmatched_count(r), 1);
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_CAPACITY_TAKEN);
	ck_assert_str_eq(lm_result_unmatched_best_feasible(r, 0), "X");
	ck_assert_int_eq(lm_result_algorithm(r), LM_ALGORITHM_ROUNDS);
	ck_assert_int_eq(lm_result_proposers(r), LM_EINVAL);
	lm_result_free(r);
	lm_model_free(model);
}
END_TEST

START_TEST(bad_previous_pair_is_never_made_again)
{
	g_autofree char *json = cohort(
		"{\"id\": \"M\", \"consent\": true, \"goals\": [\"finance\"],"
		" \"previous\": [{\"id\": \"X\", \"outcome\": \"bad\"}]}",
		"{\"id\": \"X\", \"consent\": true, \"offers\": [\"finance\"], \"capacity\": 3}");
	lm_model *model = goals_model();

	for (int a = LM_ALGORITHM_OPTIMAL; a <= LM_ALGORITHM_ROUNDS; a++) {
		lm_result *r = run(json, model, a, 1, 0);
		const char *constraint = "x";
		size_t n = 9;

		ck_assert_uint_eq(lm_result_pair_count(r), 0);
		ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_NO_FEASIBLE_MENTOR);
		ck_assert_int_eq(lm_result_unmatched_blocked_by(r, 0, "exclude"), 1);
		/* A veto is never offered as a relaxation. */
		ck_assert_int_eq(lm_result_what_if(r, &constraint, &n), 0);
		ck_assert_ptr_null(constraint);
		ck_assert_uint_eq(n, 0);
		ck_assert_int_eq(lm_result_what_if_count(r, "exclude"), -1);
		lm_result_free(r);
	}
	lm_model_free(model);
}
END_TEST

/* M1 keeps X (no common goal); M1-Y and M2-X would score 60 points more. */
static const char *rematch_mentees =
	"{\"id\": \"M1\", \"consent\": true, \"goals\": [\"finance\"], \"current\": [\"X\"]},"
	"{\"id\": \"M2\", \"consent\": true, \"goals\": [\"employment\"]}";
static const char *rematch_mentors =
	"{\"id\": \"X\", \"consent\": true, \"offers\": [\"employment\"]},"
	"{\"id\": \"Y\", \"consent\": true, \"offers\": [\"finance\"]}";

START_TEST(rematch_breaks_a_pair_only_when_clearly_better)
{
	g_autofree char *json = cohort(rematch_mentees, rematch_mentors);
	lm_model *model = goals_model();
	lm_result *r = run(json, model, LM_ALGORITHM_OPTIMAL, 1, 0);

	ck_assert_str_eq(mentor_of(r, "M1"), "X");
	ck_assert_int_eq(lm_result_pair_kept(r, 0), 1);
	ck_assert_uint_eq(lm_result_broken_count(r), 0);
	lm_result_free(r);

	/* Breaking costs 10 points and gains 60: broken. */
	for (int a = LM_ALGORITHM_OPTIMAL; a <= LM_ALGORITHM_GREEDY; a += 2) {
		r = run(json, model, a, 0, 10 * LM_SCORE_SCALE);
		ck_assert_str_eq(mentor_of(r, "M1"), "Y");
		ck_assert_str_eq(mentor_of(r, "M2"), "X");
		ck_assert_uint_eq(lm_result_broken_count(r), 1);
		ck_assert_str_eq(lm_result_broken_mentee(r, 0), "M1");
		ck_assert_str_eq(lm_result_broken_mentor(r, 0), "X");
		ck_assert_ptr_null(lm_result_broken_mentee(r, 1));
		ck_assert_ptr_null(lm_result_broken_mentor(r, 1));
		/* 30 + 30 for goals, 5 + 5 for choices (neutral: none made). */
		ck_assert_int_eq(lm_result_total_score(r), 70 * LM_SCORE_SCALE);
		lm_result_free(r);
	}
	/* Breaking costs 100 points: kept, and marked kept. */
	r = run(json, model, LM_ALGORITHM_OPTIMAL, 0, 100 * LM_SCORE_SCALE);
	ck_assert_str_eq(mentor_of(r, "M1"), "X");
	ck_assert_int_eq(lm_result_pair_kept(r, 0), 1);
	ck_assert_int_eq(lm_result_pair_kept(r, 1), 0);
	ck_assert_uint_eq(lm_result_broken_count(r), 0);
	ck_assert_int_eq(lm_result_optimal(r), 1);
	lm_result_free(r);
	lm_model_free(model);
}
END_TEST

START_TEST(rematch_is_refused_where_it_has_no_meaning)
{
	g_autofree char *json = cohort(rematch_mentees, rematch_mentors);
	lm_model *model = goals_model();
	lm_cohort *c = lmt_load(json);
	lm_options *opt = NULL;
	lm_result *r = NULL;
	lm_error *err = NULL;

	lm_options_new(&opt, NULL);
	lm_options_set_keep_current(opt, 0, NULL);
	for (int a = LM_ALGORITHM_STABLE; a <= LM_ALGORITHM_ROUNDS; a++) {
		if (a == LM_ALGORITHM_GREEDY)
			continue;
		lm_options_set_algorithm(opt, a, NULL);
		ck_assert_int_eq(lm_match(&r, c, model, opt, &err), LM_EINVAL);
		ck_assert_ptr_null(r);
		ck_assert_ptr_nonnull(strstr(lm_error_message(err), lm_algorithm_name(a)));
		lm_error_free(err);
		err = NULL;
	}
	lm_options_free(opt);
	lm_cohort_free(c);
	lm_model_free(model);
}
END_TEST

/* ---- edge cases ------------------------------------------------------------- */

static void every_algorithm(const char *json, size_t want_pairs)
{
	lm_model *model = goals_model();

	for (int a = LM_ALGORITHM_OPTIMAL; a <= LM_ALGORITHM_ROUNDS; a++) {
		lm_result *r = run(json, model, a, 1, 0);

		ck_assert_msg(lm_result_pair_count(r) == want_pairs, "%s: %zu pairs",
			      lm_algorithm_name(a), lm_result_pair_count(r));
		lm_result_free(r);
	}
	lm_model_free(model);
}

START_TEST(capacity_zero_matches_nobody)
{
	g_autofree char *json = cohort("{\"id\": \"A\", \"consent\": true}",
				       "{\"id\": \"X\", \"consent\": true, \"capacity\": 0}");
	lm_model *model = goals_model();
	lm_result *r = run(json, model, LM_ALGORITHM_STABLE, 1, 0);

	every_algorithm(json, 0);
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_NO_ACCEPTABLE_MENTOR);
	ck_assert_ptr_null(lm_result_unmatched_best_feasible(r, 0));
	ck_assert_str_eq(lm_unmatched_reason_name(LM_UNMATCHED_NO_ACCEPTABLE_MENTOR),
			 "no_acceptable_mentor");
	lm_result_free(r);
	lm_model_free(model);
}
END_TEST

START_TEST(more_applicants_than_places)
{
	g_autofree char *json = cohort(
		"{\"id\": \"A\", \"consent\": true, \"goals\": [\"finance\"]},"
		"{\"id\": \"B\", \"consent\": true}, {\"id\": \"C\", \"consent\": true},"
		"{\"id\": \"D\", \"consent\": true}, {\"id\": \"E\", \"consent\": true}",
		"{\"id\": \"X\", \"consent\": true, \"offers\": [\"finance\"], \"capacity\": 2}");
	lm_model *model = goals_model();
	lm_result *r = run(json, model, LM_ALGORITHM_STABLE, 1, 0);

	every_algorithm(json, 2);
	ck_assert_str_eq(mentor_of(r, "A"), "X");
	ck_assert_uint_eq(lm_result_unmatched_count(r), 3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(lm_result_unmatched_reason(r, i), LM_UNMATCHED_OUTRANKED);
		ck_assert_str_eq(lm_result_unmatched_best_feasible(r, i), "X");
	}
	ck_assert_str_eq(lm_unmatched_reason_name(LM_UNMATCHED_OUTRANKED), "outranked");
	lm_result_free(r);
	lm_model_free(model);
}
END_TEST

START_TEST(empty_sides)
{
	g_autofree char *none = cohort("", "");
	g_autofree char *no_mentors = cohort("{\"id\": \"A\", \"consent\": true}", "");
	g_autofree char *no_mentees = cohort("", "{\"id\": \"X\", \"consent\": true}");

	every_algorithm(none, 0);
	every_algorithm(no_mentors, 0);
	every_algorithm(no_mentees, 0);
}
END_TEST

/* A and X rank only each other; everyone else prefers them too. */
START_TEST(two_who_only_rank_each_other)
{
	g_autofree char *json = cohort(
		"{\"id\": \"A\", \"consent\": true, \"choices\": [\"X\"]},"
		"{\"id\": \"B\", \"consent\": true, \"choices\": [\"X\", \"Y\"]}",
		"{\"id\": \"X\", \"consent\": true, \"choices\": [\"A\"]},"
		"{\"id\": \"Y\", \"consent\": true, \"choices\": [\"B\"]}");
	lm_model *model = goals_model();

	for (int side = 0; side < 2; side++) {
		lm_cohort *c = lmt_load(json);
		lm_result *r = lmt_match(c, model, LM_ALGORITHM_STABLE, 0, side);

		ck_assert_str_eq(mentor_of(r, "A"), "X");
		ck_assert_str_eq(mentor_of(r, "B"), "Y");
		lm_result_free(r);
		lm_cohort_free(c);
	}
	lm_model_free(model);
}
END_TEST

/* Only a man is free; a woman who asked for a woman waits. Relaxing the
 * gender request alone would match her; consent is never relaxed. */
START_TEST(what_if_names_the_constraint)
{
	g_autofree char *json = cohort(
		"{\"id\": \"A\", \"consent\": true, \"prefers\": {\"gender\": \"female\"}},"
		"{\"id\": \"B\", \"consent\": true}",
		"{\"id\": \"X\", \"gender\": \"male\", \"consent\": true},"
		"{\"id\": \"Y\", \"gender\": \"male\", \"consent\": true}");
	lm_model *model = goals_model();
	lm_result *r = run(json, model, LM_ALGORITHM_OPTIMAL, 1, 0);
	const char *constraint = NULL;
	size_t n = 0;

	ck_assert_int_eq(lm_result_what_if(r, &constraint, &n), 1);
	ck_assert_str_eq(constraint, "gender");
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(lm_result_what_if(r, NULL, NULL), 1);
	ck_assert_int_eq(lm_result_what_if_count(r, "gender"), 1);
	ck_assert_int_eq(lm_result_what_if_count(r, "availability"), 0);
	ck_assert_int_eq(lm_result_what_if_count(r, "consent"), -1);
	ck_assert_int_eq(lm_result_what_if_count(r, "no-such"), -1);
	ck_assert_int_eq(lm_result_what_if_count(r, NULL), -1);
	ck_assert_int_eq(lm_result_what_if_count(NULL, "gender"), -1);
	ck_assert_int_eq(lm_result_what_if(NULL, &constraint, &n), LM_EINVAL);

	/* The constraints are listed by name, each once, gender and consent among them. */
	size_t nc = lm_result_constraint_count(r);
	gboolean seen_gender = FALSE, seen_consent = FALSE;

	ck_assert_uint_gt(nc, 2);
	for (size_t c = 0; c < nc; c++) {
		const char *name = lm_result_constraint_name(r, c);

		ck_assert_ptr_nonnull(name);
		for (size_t d = 0; d < c; d++)
			ck_assert_str_ne(name, lm_result_constraint_name(r, d));
		seen_gender |= strcmp(name, "gender") == 0;
		seen_consent |= strcmp(name, "consent") == 0;
	}
	ck_assert(seen_gender && seen_consent);
	ck_assert_ptr_null(lm_result_constraint_name(r, nc));
	ck_assert_ptr_null(lm_result_constraint_name(NULL, 0));
	ck_assert_uint_eq(lm_result_constraint_count(NULL), 0);
	ck_assert_ptr_null(constraint);

	/* Left out by the options: the same pairs, no what-if. */
	lm_options *no = NULL;
	lm_cohort *coh = NULL;
	lm_result *without = NULL;

	ck_assert_int_eq(lm_options_new(&no, NULL), 0);
	ck_assert_int_eq(lm_options_set_what_if(no, 0, NULL), 0);
	coh = lmt_load(json);
	ck_assert_int_eq(lm_match(&without, coh, model, no, NULL), 0);
	ck_assert_int_eq(lm_result_what_if(without, NULL, NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_what_if_count(without, "gender"), -1);
	ck_assert_uint_eq(lm_result_pair_count(without), lm_result_pair_count(r));
	ck_assert_uint_eq(lm_result_unmatched_count(without), 1);
	lm_result_free(without);
	lm_cohort_free(coh);
	lm_options_free(no);
	lm_result_free(r);

	/* Nobody unmatched: no what-if. */
	g_autofree char *all = cohort("{\"id\": \"B\", \"consent\": true}",
				      "{\"id\": \"X\", \"consent\": true}");
	r = run(all, model, LM_ALGORITHM_OPTIMAL, 1, 0);
	ck_assert_int_eq(lm_result_what_if(r, NULL, NULL), LM_EINVAL);
	lm_result_free(r);
	lm_model_free(model);
}
END_TEST

START_TEST(accessors_of_the_run)
{
	/* A-X scores 0; A's only other mentor, Y, has no place. */
	g_autofree char *json = cohort(
		"{\"id\": \"A\", \"consent\": true, \"goals\": [\"finance\"], \"choices\": [\"Y\"]}",
		"{\"id\": \"X\", \"consent\": true, \"offers\": [\"employment\"]},"
		"{\"id\": \"Y\", \"consent\": true, \"capacity\": 0}");
	lm_model *model = goals_model();
	lm_cohort *c = lmt_load(json);
	lm_result *r = lmt_match(c, model, LM_ALGORITHM_STABLE, LM_OBJECTIVE_SCORE,
				 LM_PROPOSERS_MENTORS);

	ck_assert_int_eq(lm_result_algorithm(r), LM_ALGORITHM_STABLE);
	ck_assert_int_eq(lm_result_objective(r), LM_OBJECTIVE_SCORE);
	ck_assert_int_eq(lm_result_proposers(r), LM_PROPOSERS_MENTORS);
	/* Under score, a pair that scores 0 is not acceptable. */
	ck_assert_uint_eq(lm_result_pair_count(r), 0);
	ck_assert_int_eq(lm_result_unmatched_reason(r, 0), LM_UNMATCHED_NO_ACCEPTABLE_MENTOR);
	ck_assert_int_eq(lm_result_algorithm(NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_objective(NULL), LM_EINVAL);
	ck_assert_int_eq(lm_result_proposers(NULL), LM_EINVAL);
	ck_assert_uint_eq(lm_result_broken_count(NULL), 0);
	ck_assert_ptr_null(lm_result_broken_mentee(NULL, 0));
	ck_assert_ptr_null(lm_result_broken_mentor(r, 0));
	lm_result_free(r);
	lm_cohort_free(c);
	lm_model_free(model);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("policies");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, stable_results_have_no_blocking_pair);
	tcase_add_test(tc, proposing_side_gets_its_optimum);
	tcase_add_test(tc, rounds_go_by_time_waiting);
	tcase_add_test(tc, bad_previous_pair_is_never_made_again);
	tcase_add_test(tc, rematch_breaks_a_pair_only_when_clearly_better);
	tcase_add_test(tc, rematch_is_refused_where_it_has_no_meaning);
	tcase_add_test(tc, capacity_zero_matches_nobody);
	tcase_add_test(tc, more_applicants_than_places);
	tcase_add_test(tc, empty_sides);
	tcase_add_test(tc, two_who_only_rank_each_other);
	tcase_add_test(tc, what_if_names_the_constraint);
	tcase_add_test(tc, accessors_of_the_run);
	suite_add_tcase(s, tc);
	return lm_test_run(s);
}
