/* The criteria table: the engine's fixed criterion order and, per row, how
 * a criterion is configured, filters and scores. See criteria.h. */
#include <string.h>
#include "score/criteria.h"

static const char *const no_params[] = {NULL};
static const char *const availability_params[] = {"min_common_hours", "full_hours", NULL};
static const char *const region_params[] = {"neighbours", "neighbour_score", "online_score",
					    NULL};
static const char *const stage_params[] = {"max_age_gap", NULL};
static const char *const seniority_params[] = {"min_years", "ideal", "adult_age", NULL};
static const char *const language_params[] = {"min_level", NULL};
static const char *const waiting_params[] = {"full_days", NULL};
static const char *const trained_params[] = {"prefer", NULL};

/* filter_rank: tests that rule out many pairs cheaply come first, so that
 * lm_scorer_feasible usually stops after one or two of them. On generated
 * cohorts of both programs, too few common hours rules out about 80% of
 * all pairs, region about a quarter of role-model pairs, each other rule
 * a few percent at most. */
const lm_criterion lm_criteria[LM_CRIT_COUNT] = {
	[LM_CRIT_GOALS] = {"goals", NULL, FALSE, no_params, NULL, NULL, NULL, NULL,
			   lm_crit_goals_score, 0},
	[LM_CRIT_AVAILABILITY] = {"availability", "required", TRUE, availability_params,
				  lm_crit_availability_parse, lm_crit_availability_reset, NULL,
				  lm_crit_availability_filter, lm_crit_availability_score, 0},
	[LM_CRIT_CHOICE] = {"choice", "required", FALSE, no_params, NULL, NULL, NULL,
			    lm_crit_choice_filter, lm_crit_choice_score, 9},
	[LM_CRIT_REGION] = {"region", "required", TRUE, region_params, lm_crit_region_parse,
			    lm_crit_region_reset, lm_crit_region_bind, lm_crit_region_filter,
			    lm_crit_region_score, 1},
	[LM_CRIT_STAGE] = {"stage", NULL, FALSE, stage_params, lm_crit_stage_parse,
			   lm_crit_stage_reset, NULL, NULL, lm_crit_stage_score, 0},
	[LM_CRIT_SENIORITY] = {"seniority", "required", TRUE, seniority_params,
			       lm_crit_seniority_parse, lm_crit_seniority_reset, NULL,
			       lm_crit_seniority_filter, lm_crit_seniority_score, 4},
	[LM_CRIT_LEVEL] = {"level", "required", FALSE, no_params, NULL, NULL, NULL,
			   lm_crit_level_filter, lm_crit_level_score, 7},
	[LM_CRIT_LANGUAGE] = {"language", "required", TRUE, language_params,
			      lm_crit_language_parse, lm_crit_language_reset, lm_crit_language_bind,
			      lm_crit_language_filter, lm_crit_language_score, 5},
	[LM_CRIT_CONTINUITY] = {"continuity", NULL, FALSE, no_params, NULL, NULL, NULL, NULL,
				lm_crit_continuity_score, 0},
	[LM_CRIT_WAITING] = {"waiting", NULL, FALSE, waiting_params, lm_crit_waiting_parse,
			     lm_crit_waiting_reset, NULL, NULL, lm_crit_waiting_score, 0},
	[LM_CRIT_GENDER] = {"gender", "honour_requests", TRUE, no_params, NULL, NULL, NULL,
			    lm_crit_gender_filter, lm_crit_gender_score, 3},
	[LM_CRIT_ORIGIN] = {"origin", "required", TRUE, no_params, NULL, NULL, NULL,
			    lm_crit_origin_filter, lm_crit_origin_score, 6},
	[LM_CRIT_TRAINED] = {"trained", NULL, FALSE, trained_params, lm_crit_trained_parse,
			     lm_crit_trained_reset, lm_crit_trained_bind, NULL,
			     lm_crit_trained_score, 0},
	[LM_CRIT_EXCLUDE] = {"exclude", NULL, TRUE, no_params, NULL, NULL, NULL,
			     lm_crit_exclude_filter, NULL, 8},
	[LM_CRIT_CONSENT] = {"consent", "required", TRUE, no_params, NULL, NULL, NULL,
			     lm_crit_consent_filter, NULL, 2},
};

int lm_criterion_lookup(const char *name)
{
	for (int c = 0; c < LM_CRIT_COUNT; c++) {
		if (strcmp(lm_criteria[c].name, name) == 0)
			return c;
	}
	return -1;
}
