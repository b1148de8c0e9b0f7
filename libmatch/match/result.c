/* Results: building, sorting, summary, and the public accessors. */
#include <string.h>
#include "core/error_private.h"
#include "match/result_private.h"

lm_result *lm_result_new(const char *const *mentee_ids, uint32_t n_mentees,
			 const char *const *mentor_ids, uint32_t n_mentors, size_t n_criteria,
			 const char *const *criteria, size_t n_constraints,
			 const char *const *constraints)
{
	lm_result *r = g_new0(lm_result, 1);

	r->strings = g_string_chunk_new(4096);
	r->n_mentees = n_mentees;
	r->n_mentors = n_mentors;
	r->mentee_ids = g_new(const char *, n_mentees ? n_mentees : 1);
	r->mentor_ids = g_new(const char *, n_mentors ? n_mentors : 1);
	for (uint32_t i = 0; i < n_mentees; i++)
		r->mentee_ids[i] = g_string_chunk_insert_const(r->strings, mentee_ids[i]);
	for (uint32_t i = 0; i < n_mentors; i++)
		r->mentor_ids[i] = g_string_chunk_insert_const(r->strings, mentor_ids[i]);
	r->n_criteria = n_criteria;
	r->criteria = g_memdup2(criteria, n_criteria * sizeof(*criteria));
	r->n_constraints = n_constraints;
	r->constraints = g_memdup2(constraints, n_constraints * sizeof(*constraints));
	r->pairs = g_array_new(FALSE, FALSE, sizeof(lm_result_pair));
	r->unmatched = g_array_new(FALSE, FALSE, sizeof(lm_result_unmatched));
	r->input_sha256 = g_strdup("");
	r->optimal = TRUE;
	r->proposers = -1;
	r->broken = g_array_new(FALSE, FALSE, sizeof(lm_result_broken));
	return r;
}

void lm_result_add_pair(lm_result *r, uint32_t mentee, uint32_t mentor, lm_score score,
			const lm_score *components, gboolean kept)
{
	lm_result_pair p = {
		.mentee = mentee,
		.mentor = mentor,
		.score = score,
		.kept = kept,
		.components = components ? g_memdup2(components, r->n_criteria * sizeof(lm_score))
					 : NULL,
	};

	g_array_append_val(r->pairs, p);
}

void lm_result_add_unmatched(lm_result *r, uint32_t mentee, int reason, int32_t best_mentor,
			     const uint32_t *blocked)
{
	lm_result_unmatched u = {
		.mentee = mentee,
		.reason = reason,
		.best_mentor = best_mentor,
		.blocked = blocked ? g_memdup2(blocked, r->n_constraints * sizeof(uint32_t)) : NULL,
	};

	g_array_append_val(r->unmatched, u);
}

void lm_result_set_run(lm_result *r, const char *model, int algorithm, int objective,
		       uint64_t seed, const char *input_sha256, gboolean optimal)
{
	g_free(r->model);
	g_free(r->input_sha256);
	r->model = g_strdup(model);
	r->input_sha256 = g_strdup(input_sha256 ? input_sha256 : "");
	r->algorithm = algorithm;
	r->objective = objective;
	r->seed = seed;
	r->optimal = optimal;
}

void lm_result_add_broken(lm_result *r, uint32_t mentee, uint32_t mentor)
{
	lm_result_broken b = { mentee, mentor };

	g_array_append_val(r->broken, b);
}

void lm_result_set_proposers(lm_result *r, int proposers)
{
	r->proposers = proposers;
}

void lm_result_set_reoptimised(lm_result *r, lm_score break_cost)
{
	r->reoptimised = TRUE;
	r->break_cost = break_cost;
}

void lm_result_set_optimum(lm_result *r, lm_score total, uint64_t pairs)
{
	r->has_optimum = TRUE;
	r->optimum_total = total;
	r->optimum_pairs = pairs;
}

void lm_result_set_what_if(lm_result *r, const long *counts)
{
	g_free(r->what_if);
	r->what_if = g_memdup2(counts, MAX(r->n_constraints, (size_t)1) * sizeof(long));
}

int lm_result_what_if_best(const lm_result *r)
{
	int best = -1;

	for (size_t c = 0; r->what_if && c < r->n_constraints; c++)
		if (r->what_if[c] > 0 && (best < 0 || r->what_if[c] > r->what_if[best]))
			best = (int)c;
	return best;
}

static gint compare_broken(gconstpointer a, gconstpointer b, gpointer data)
{
	const lm_result *r = data;
	const lm_result_broken *x = a, *y = b;
	int c = strcmp(r->mentee_ids[x->mentee], r->mentee_ids[y->mentee]);

	return c ? c : strcmp(r->mentor_ids[x->mentor], r->mentor_ids[y->mentor]);
}

static gint compare_pairs(gconstpointer a, gconstpointer b, gpointer data)
{
	const lm_result *r = data;
	const lm_result_pair *x = a, *y = b;
	int c = strcmp(r->mentee_ids[x->mentee], r->mentee_ids[y->mentee]);

	return c ? c : strcmp(r->mentor_ids[x->mentor], r->mentor_ids[y->mentor]);
}

static gint compare_unmatched(gconstpointer a, gconstpointer b, gpointer data)
{
	const lm_result *r = data;
	const lm_result_unmatched *x = a, *y = b;

	return strcmp(r->mentee_ids[x->mentee], r->mentee_ids[y->mentee]);
}

void lm_result_finish(lm_result *r)
{
	g_array_sort_with_data(r->pairs, compare_pairs, r);
	g_array_sort_with_data(r->unmatched, compare_unmatched, r);
	g_array_sort_with_data(r->broken, compare_broken, r);
	lm_result_recount(r);
}

void lm_result_recount(lm_result *r)
{
	r->total = 0;
	r->min = 0;
	for (guint i = 0; i < r->pairs->len; i++) {
		lm_score s = g_array_index(r->pairs, lm_result_pair, i).score;

		r->total += s;
		if (i == 0 || s < r->min)
			r->min = s;
	}
}

static const lm_result_pair *pair_at(const lm_result *r, size_t i)
{
	return r && i < r->pairs->len ? &g_array_index(r->pairs, lm_result_pair, i) : NULL;
}

static const lm_result_unmatched *unmatched_at(const lm_result *r, size_t i)
{
	return r && i < r->unmatched->len ? &g_array_index(r->unmatched, lm_result_unmatched, i)
					  : NULL;
}

void lm_result_free(lm_result *r)
{
	if (!r)
		return;
	for (guint i = 0; i < r->pairs->len; i++)
		g_free(g_array_index(r->pairs, lm_result_pair, i).components);
	for (guint i = 0; i < r->unmatched->len; i++)
		g_free(g_array_index(r->unmatched, lm_result_unmatched, i).blocked);
	g_array_free(r->pairs, TRUE);
	g_array_free(r->unmatched, TRUE);
	g_array_free(r->broken, TRUE);
	g_free(r->what_if);
	g_string_chunk_free(r->strings);
	g_free(r->mentee_ids);
	g_free(r->mentor_ids);
	g_free(r->criteria);
	g_free(r->constraints);
	g_free(r->model);
	g_free(r->input_sha256);
	g_free(r);
}

size_t lm_result_pair_count(const lm_result *r)
{
	return r ? r->pairs->len : 0;
}

const char *lm_result_pair_mentee(const lm_result *r, size_t i)
{
	const lm_result_pair *p = pair_at(r, i);
	return p ? r->mentee_ids[p->mentee] : NULL;
}

const char *lm_result_pair_mentor(const lm_result *r, size_t i)
{
	const lm_result_pair *p = pair_at(r, i);
	return p ? r->mentor_ids[p->mentor] : NULL;
}

lm_score lm_result_pair_score(const lm_result *r, size_t i)
{
	const lm_result_pair *p = pair_at(r, i);
	return p ? p->score : -1;
}

int lm_result_pair_kept(const lm_result *r, size_t i)
{
	const lm_result_pair *p = pair_at(r, i);
	return p && p->kept;
}

size_t lm_result_criterion_count(const lm_result *r)
{
	return r ? r->n_criteria : 0;
}

const char *lm_result_criterion_name(const lm_result *r, size_t c)
{
	return r && c < r->n_criteria ? r->criteria[c] : NULL;
}

size_t lm_result_constraint_count(const lm_result *r)
{
	return r ? r->n_constraints : 0;
}

const char *lm_result_constraint_name(const lm_result *r, size_t c)
{
	return r && c < r->n_constraints ? r->constraints[c] : NULL;
}

lm_score lm_result_pair_contribution(const lm_result *r, size_t i, size_t c)
{
	const lm_result_pair *p = pair_at(r, i);
	return p && p->components && c < r->n_criteria ? p->components[c] : -1;
}

size_t lm_result_unmatched_count(const lm_result *r)
{
	return r ? r->unmatched->len : 0;
}

const char *lm_result_unmatched_mentee(const lm_result *r, size_t i)
{
	const lm_result_unmatched *u = unmatched_at(r, i);
	return u ? r->mentee_ids[u->mentee] : NULL;
}

int lm_result_unmatched_reason(const lm_result *r, size_t i)
{
	const lm_result_unmatched *u = unmatched_at(r, i);
	return u ? u->reason : LM_EINVAL;
}

const char *lm_unmatched_reason_name(int reason)
{
	static const char *const names[] = { "no_feasible_mentor", "capacity_taken",
					     "not_worth_it", "no_acceptable_mentor",
					     "outranked" };

	return reason >= 0 && reason < (int)G_N_ELEMENTS(names) ? names[reason] : NULL;
}

long lm_result_unmatched_blocked_by(const lm_result *r, size_t i, const char *constraint)
{
	const lm_result_unmatched *u = unmatched_at(r, i);

	if (!u)
		return -1;
	if (!u->blocked || !constraint)
		return 0;
	for (size_t c = 0; c < r->n_constraints; c++)
		if (g_str_equal(r->constraints[c], constraint))
			return u->blocked[c];
	return 0;
}

const char *lm_result_unmatched_best_feasible(const lm_result *r, size_t i)
{
	const lm_result_unmatched *u = unmatched_at(r, i);
	return u && u->best_mentor >= 0 ? r->mentor_ids[u->best_mentor] : NULL;
}

lm_score lm_result_total_score(const lm_result *r)
{
	return r ? r->total : 0;
}

int lm_result_optimal(const lm_result *r)
{
	return r && r->optimal;
}

int lm_result_algorithm(const lm_result *r)
{
	return r ? r->algorithm : LM_EINVAL;
}

int lm_result_objective(const lm_result *r)
{
	return r ? r->objective : LM_EINVAL;
}

int lm_result_proposers(const lm_result *r)
{
	return r && r->proposers >= 0 ? r->proposers : LM_EINVAL;
}

size_t lm_result_broken_count(const lm_result *r)
{
	return r ? r->broken->len : 0;
}

const char *lm_result_broken_mentee(const lm_result *r, size_t i)
{
	return r && i < r->broken->len
		       ? r->mentee_ids[g_array_index(r->broken, lm_result_broken, i).mentee] : NULL;
}

const char *lm_result_broken_mentor(const lm_result *r, size_t i)
{
	return r && i < r->broken->len
		       ? r->mentor_ids[g_array_index(r->broken, lm_result_broken, i).mentor] : NULL;
}

int lm_result_optimum(const lm_result *r, lm_score *total, size_t *pairs)
{
	if (!r || !r->has_optimum)
		return 0;
	if (total)
		*total = r->optimum_total;
	if (pairs)
		*pairs = (size_t)r->optimum_pairs;
	return 1;
}

int lm_result_what_if(const lm_result *r, const char **constraint, size_t *would_match)
{
	int best;

	if (constraint)
		*constraint = NULL;
	if (would_match)
		*would_match = 0;
	if (!r || !r->what_if)
		return LM_EINVAL;
	best = lm_result_what_if_best(r);
	if (best < 0)
		return 0;
	if (constraint)
		*constraint = r->constraints[best];
	if (would_match)
		*would_match = (size_t)r->what_if[best];
	return 1;
}

long lm_result_what_if_count(const lm_result *r, const char *constraint)
{
	if (!r || !r->what_if || !constraint)
		return -1;
	for (size_t c = 0; c < r->n_constraints; c++)
		if (g_str_equal(r->constraints[c], constraint))
			return r->what_if[c];
	return -1;
}
