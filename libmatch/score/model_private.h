/* The model's layout: every criterion's weight, hard switch and parameters,
 * the declared vocabularies and the assignment defaults. Not API.
 *
 * A model holds names (regions, trainings, vocabulary values) as strings;
 * lm_scorer_new resolves them against one cohort. Parameters that are
 * fractions of a criterion's full score are stored in LM_UNIT millionths so
 * the hot loop stays in integers. */
#ifndef LM_MODEL_PRIVATE_H
#define LM_MODEL_PRIVATE_H

#include <glib.h>
#include <stdint.h>
#include <cjson/cJSON.h>
#include "libmatch/model.h"
#include "libmatch/match.h"
#include "io/json_util.h"

/* The engine's fixed criterion order: lm_criteria[] rows, result columns
 * and the bits of lm_scorer_check all use it. */
typedef enum lm_crit_id {
	LM_CRIT_GOALS,
	LM_CRIT_AVAILABILITY,
	LM_CRIT_CHOICE,
	LM_CRIT_REGION,
	LM_CRIT_STAGE,
	LM_CRIT_SENIORITY,
	LM_CRIT_LEVEL,
	LM_CRIT_LANGUAGE,
	LM_CRIT_CONTINUITY,
	LM_CRIT_WAITING,
	LM_CRIT_GENDER,
	LM_CRIT_ORIGIN,
	LM_CRIT_TRAINED,
	LM_CRIT_EXCLUDE,
	LM_CRIT_CONSENT,
	LM_CRIT_COUNT
} lm_crit_id;

/* Vocabularies a model may declare (NULL = open). */
typedef enum lm_vocab_kind {
	LM_VOCAB_GOALS,
	LM_VOCAB_REGIONS,
	LM_VOCAB_LANGUAGES,
	LM_VOCAB_STAGES,
	LM_VOCAB_KINDS
} lm_vocab_kind;

/* Largest weight a criterion may have, in points. */
#define LM_WEIGHT_MAX 1000

typedef struct lm_crit_base {
	lm_score weight;   /* millionths of a point; 0 = does not score */
	gboolean required; /* the hard filter is on */
} lm_crit_base;

typedef struct lm_model_params {
	lm_crit_base base[LM_CRIT_COUNT];
	struct {
		uint32_t min_level; /* 1..5 */
	} language;
	struct {
		GPtrArray *neighbours;    /* owned strings in pairs: a0, b0, a1, b1, ... */
		uint32_t neighbour_score; /* of LM_UNIT */
		uint32_t online_score;    /* of LM_UNIT */
	} region;
	struct {
		int min_years;
		int ideal_lo, ideal_hi;
		int adult_age;
	} seniority;
	struct {
		int max_age_gap; /* > 0 */
	} stage;
	struct {
		uint32_t min_slots;  /* half-hours */
		uint32_t full_slots; /* half-hours, > min_slots */
	} availability;
	struct {
		int full_days; /* > 0 */
	} waiting;
	struct {
		GPtrArray *prefer; /* owned training names */
	} trained;
} lm_model_params;

struct lm_model {
	char *name;
	lm_model_params p;
	GPtrArray *vocab[LM_VOCAB_KINDS]; /* owned strings; NULL = open vocabulary */
	int algorithm;                    /* LM_ALGORITHM_* */
	int objective;                    /* LM_OBJECTIVE_* */
	long top_k;                       /* 0 = all feasible candidates */
};

/* A model holding a preset (name set to the preset's name). Never NULL. */
lm_model *lm_model_alloc_preset(lm_preset preset);
/* The preset called `name`, or -1. */
int lm_model_preset_lookup(const char *name);
const char *lm_model_preset_name(lm_preset preset);
/* Puts criterion c back to the engine defaults (weight 0, default switch,
 * default parameters): what a model file starts from for a criterion it names. */
void lm_model_reset_criterion(lm_model *m, lm_crit_id c);
/* Replaces a vocabulary with n static strings (copied); n == 0 and
 * values == NULL make it open. */
void lm_model_set_vocab(lm_model *m, lm_vocab_kind kind, const char *const *values, size_t n);
/* The singular noun used in messages ("goal", "region", ...). */
const char *lm_vocab_kind_noun(lm_vocab_kind kind);
const char *lm_vocab_kind_key(lm_vocab_kind kind);

/* Parameter readers for criterion parsers (model_json.c): they record a
 * located problem and return FALSE on a wrong type, range or precision. */

/* A number in [min, max] with at most 6 decimals, in millionths. */
gboolean lm_model_json_micro(lm_json_doc *doc, const cJSON *item, const char *path, double min,
			     double max, int64_t *out);
/* An integer in [min, max]. */
gboolean lm_model_json_int(lm_json_doc *doc, const cJSON *item, const char *path, int min,
			   int max, int *out);
/* An array of distinct non-empty strings, copied into a new owned array. */
GPtrArray *lm_model_json_strings(lm_json_doc *doc, const cJSON *item, const char *path);

#endif
