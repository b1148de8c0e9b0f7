/* Run options: an opaque struct with range-checked setters (easy from ctypes). */
#include "core/error_private.h"
#include "match/options_private.h"

#define LM_MAX_THREADS 256
#define LM_MAX_TOP_K 1000000L

void lm_options_init_defaults(lm_options *o)
{
	*o = (lm_options){
		.algorithm = LM_ALGORITHM_OPTIMAL,
		.objective = LM_OBJECTIVE_COVERAGE,
		.threads = 1,
		.seed = 1,
		.top_k = 0,
		.proposers = LM_PROPOSERS_MENTEES,
		.audience = LM_AUDIENCE_STAFF,
		.keep_current = TRUE,
		.break_cost = 10 * (lm_score)LM_SCORE_SCALE,
		.what_if = TRUE,
	};
}

int lm_options_new(lm_options **out, lm_error **err)
{
	if (!out)
		return lm_set_error(err, LM_EINVAL, "lm_options_new: out is NULL");
	*out = g_new(lm_options, 1);
	lm_options_init_defaults(*out);
	return 0;
}

void lm_options_free(lm_options *options)
{
	g_free(options);
}

int lm_options_set_algorithm(lm_options *options, int algorithm, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (!lm_algorithm_name(algorithm))
		return lm_set_error(err, LM_EINVAL, "unknown algorithm %d", algorithm);
	options->algorithm = algorithm;
	options->algorithm_set = TRUE;
	return 0;
}

int lm_options_set_objective(lm_options *options, int objective, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (!lm_objective_name(objective))
		return lm_set_error(err, LM_EINVAL, "unknown objective %d", objective);
	options->objective = objective;
	options->objective_set = TRUE;
	return 0;
}

int lm_options_set_threads(lm_options *options, int threads, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (threads < 1 || threads > LM_MAX_THREADS)
		return lm_set_error(err, LM_EINVAL, "threads must be from 1 to %d", LM_MAX_THREADS);
	options->threads = threads;
	return 0;
}

int lm_options_set_seed(lm_options *options, uint64_t seed, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	options->seed = seed;
	return 0;
}

int lm_options_set_top_k(lm_options *options, long top_k, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (top_k < 0 || top_k > LM_MAX_TOP_K)
		return lm_set_error(err, LM_EINVAL, "top-k must be from 0 to %ld", LM_MAX_TOP_K);
	options->top_k = top_k;
	options->top_k_set = TRUE;
	return 0;
}

int lm_options_set_proposers(lm_options *options, int proposers, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (!lm_proposers_name(proposers))
		return lm_set_error(err, LM_EINVAL, "unknown proposing side %d", proposers);
	options->proposers = proposers;
	return 0;
}

int lm_options_set_audience(lm_options *options, int audience, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (!lm_audience_name(audience))
		return lm_set_error(err, LM_EINVAL, "unknown audience %d", audience);
	options->audience = audience;
	return 0;
}

int lm_options_set_keep_current(lm_options *options, int keep, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (keep != 0 && keep != 1)
		return lm_set_error(err, LM_EINVAL, "keep_current must be 0 or 1");
	options->keep_current = keep;
	return 0;
}

int lm_options_set_what_if(lm_options *options, int what_if, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (what_if != 0 && what_if != 1)
		return lm_set_error(err, LM_EINVAL, "what_if must be 0 or 1");
	options->what_if = what_if;
	return 0;
}

int lm_options_set_break_cost(lm_options *options, lm_score cost, lm_error **err)
{
	if (!options)
		return lm_set_error(err, LM_EINVAL, "options is NULL");
	if (cost < 0 || cost > 1000 * (lm_score)LM_SCORE_SCALE)
		return lm_set_error(err, LM_EINVAL, "break cost must be from 0 to 1000 points");
	options->break_cost = cost;
	return 0;
}

static const char *const algorithm_names[] = { "optimal", "stable", "greedy", "fair", "rounds" };
static const char *const objective_names[] = { "coverage", "score" };
static const char *const proposer_names[] = { "mentees", "mentors" };
static const char *const audience_names[] = { "staff", "mentee", "mentor" };

static int index_of(const char *name, const char *const *names, int n)
{
	if (!name)
		return LM_EINVAL;
	for (int i = 0; i < n; i++)
		if (g_str_equal(name, names[i]))
			return i;
	return LM_EINVAL;
}

int lm_algorithm_from_name(const char *name)
{
	return index_of(name, algorithm_names, G_N_ELEMENTS(algorithm_names));
}

const char *lm_algorithm_name(int algorithm)
{
	return algorithm >= 0 && algorithm < (int)G_N_ELEMENTS(algorithm_names)
		       ? algorithm_names[algorithm] : NULL;
}

int lm_objective_from_name(const char *name)
{
	return index_of(name, objective_names, G_N_ELEMENTS(objective_names));
}

int lm_proposers_from_name(const char *name)
{
	return index_of(name, proposer_names, G_N_ELEMENTS(proposer_names));
}

const char *lm_proposers_name(int proposers)
{
	return proposers >= 0 && proposers < (int)G_N_ELEMENTS(proposer_names)
		       ? proposer_names[proposers] : NULL;
}

int lm_audience_from_name(const char *name)
{
	return index_of(name, audience_names, G_N_ELEMENTS(audience_names));
}

const char *lm_audience_name(int audience)
{
	return audience >= 0 && audience < (int)G_N_ELEMENTS(audience_names)
		       ? audience_names[audience] : NULL;
}

const char *lm_objective_name(int objective)
{
	return objective >= 0 && objective < (int)G_N_ELEMENTS(objective_names)
		       ? objective_names[objective] : NULL;
}
