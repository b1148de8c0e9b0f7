/* Models: the presets, the engine defaults a model file starts from, and
 * the public getters. Parsing model files is in io/model_json.c. */
#include <string.h>
#include "core/error_private.h"
#include "core/vocab.h"
#include "score/criteria.h"

static const char *const preset_names[] = {"role_model", "tutoring"};

/* Weights in points per preset, out of 100 (DOMAIN.md). */
static const int preset_weights[2][LM_CRIT_COUNT] = {
	[LM_PRESET_ROLE_MODEL] = {[LM_CRIT_GOALS] = 30, [LM_CRIT_AVAILABILITY] = 15,
				  [LM_CRIT_CHOICE] = 10, [LM_CRIT_REGION] = 15,
				  [LM_CRIT_STAGE] = 10, [LM_CRIT_SENIORITY] = 10,
				  [LM_CRIT_LANGUAGE] = 5, [LM_CRIT_CONTINUITY] = 3,
				  [LM_CRIT_WAITING] = 2},
	[LM_PRESET_TUTORING] = {[LM_CRIT_GOALS] = 30, [LM_CRIT_AVAILABILITY] = 20,
				[LM_CRIT_CHOICE] = 20, [LM_CRIT_REGION] = 5, [LM_CRIT_STAGE] = 5,
				[LM_CRIT_LEVEL] = 10, [LM_CRIT_CONTINUITY] = 6,
				[LM_CRIT_WAITING] = 4},
};

static const char *const role_model_goals[] = {
	"employment", "education", "stress_coping", "finance", "health", "housing",
	"daily_life", "family", "legal", "language", "parenting", "career_change"};
static const char *const tutoring_goals[] = {
	"test_prep", "conversation", "interviews", "writing", "public_speaking", "grammar",
	"reading", "pronunciation", "business_english"};
static const char *const known_regions[] = {
	"seoul", "gyeonggi", "incheon", "gangwon", "chungbuk", "chungnam", "daejeon",
	"sejong", "jeonbuk", "jeonnam", "gwangju", "gyeongbuk", "gyeongnam", "daegu",
	"ulsan", "busan", "jeju", "abroad"};
static const char *const known_languages[] = {"ko", "en", "zh", "ru", "ja", "vi",
					      "th", "mn", "fr", "de", "es"};
static const char *const known_stages[] = {"student", "working", "job_seeking", "parent",
					   "retired"};

static const char *const vocab_keys[LM_VOCAB_KINDS] = {"goals", "regions", "languages",
							"stages"};
static const char *const vocab_nouns[LM_VOCAB_KINDS] = {"goal", "region", "language",
							 "stage"};

const char *lm_vocab_kind_key(lm_vocab_kind kind)
{
	return vocab_keys[kind];
}

const char *lm_vocab_kind_noun(lm_vocab_kind kind)
{
	return vocab_nouns[kind];
}

const char *lm_model_preset_name(lm_preset preset)
{
	return preset_names[preset];
}

int lm_model_preset_lookup(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(preset_names); i++) {
		if (strcmp(preset_names[i], name) == 0)
			return (int)i;
	}
	return -1;
}

void lm_model_reset_criterion(lm_model *m, lm_crit_id c)
{
	m->p.base[c].weight = 0;
	m->p.base[c].required = lm_criteria[c].filter != NULL && lm_criteria[c].default_required;
	if (lm_criteria[c].reset)
		lm_criteria[c].reset(&m->p);
}

void lm_model_set_vocab(lm_model *m, lm_vocab_kind kind, const char *const *values, size_t n)
{
	g_clear_pointer(&m->vocab[kind], g_ptr_array_unref);
	if (!values)
		return;
	m->vocab[kind] = g_ptr_array_new_full((guint)n, g_free);
	for (size_t i = 0; i < n; i++)
		g_ptr_array_add(m->vocab[kind], g_strdup(values[i]));
}

lm_model *lm_model_alloc_preset(lm_preset preset)
{
	lm_model *m = g_new0(lm_model, 1);
	m->name = g_strdup(preset_names[preset]);
	for (int c = 0; c < LM_CRIT_COUNT; c++) {
		lm_model_reset_criterion(m, (lm_crit_id)c);
		m->p.base[c].weight = (lm_score)preset_weights[preset][c] * LM_SCORE_SCALE;
	}
	if (preset == LM_PRESET_TUTORING) {
		/* A tutor teaching English to a beginner shares no working
		 * language by design; tutors are not expected to have arrived
		 * earlier; weekly online sessions need only an hour. */
		m->p.base[LM_CRIT_LANGUAGE].required = FALSE;
		m->p.base[LM_CRIT_SENIORITY].required = FALSE;
		m->p.availability.min_slots = 2;
		lm_model_set_vocab(m, LM_VOCAB_GOALS, tutoring_goals, G_N_ELEMENTS(tutoring_goals));
	} else {
		lm_model_set_vocab(m, LM_VOCAB_GOALS, role_model_goals,
				   G_N_ELEMENTS(role_model_goals));
	}
	lm_model_set_vocab(m, LM_VOCAB_REGIONS, known_regions, G_N_ELEMENTS(known_regions));
	lm_model_set_vocab(m, LM_VOCAB_LANGUAGES, known_languages, G_N_ELEMENTS(known_languages));
	lm_model_set_vocab(m, LM_VOCAB_STAGES, known_stages, G_N_ELEMENTS(known_stages));
	m->algorithm = LM_ALGORITHM_OPTIMAL;
	m->objective = LM_OBJECTIVE_COVERAGE;
	/* Exact for any k (pricing adds back every pair that could help); 50
	 * keeps national cohorts to N x 50 arcs instead of every feasible pair. */
	m->top_k = 50;
	return m;
}

int lm_model_new_preset(lm_model **out, lm_preset preset, lm_error **err)
{
	if (!out)
		return lm_set_error(err, LM_EINVAL, "lm_model_new_preset: out is NULL");
	*out = NULL;
	if ((int)preset < 0 || (size_t)preset >= G_N_ELEMENTS(preset_names))
		return lm_set_error(err, LM_EINVAL, "unknown preset number %d", (int)preset);
	*out = lm_model_alloc_preset(preset);
	return 0;
}

int lm_model_new_named(lm_model **out, const char *name, lm_error **err)
{
	if (out)
		*out = NULL;
	if (!out || !name)
		return lm_set_error(err, LM_EINVAL, "lm_model_new_named: %s is NULL",
				    out ? "name" : "out");
	int preset = lm_model_preset_lookup(name);
	if (preset < 0) {
		const char *near = lm_vocab_closest(name, preset_names, G_N_ELEMENTS(preset_names));
		if (near)
			return lm_set_error(err, LM_ENOTFOUND, "unknown preset; did you mean '%s'?",
					    near);
		return lm_set_error(err, LM_ENOTFOUND,
				    "unknown preset; expected 'role_model' or 'tutoring'");
	}
	*out = lm_model_alloc_preset((lm_preset)preset);
	return 0;
}

void lm_model_free(lm_model *model)
{
	if (!model)
		return;
	g_free(model->name);
	g_clear_pointer(&model->p.region.neighbours, g_ptr_array_unref);
	g_clear_pointer(&model->p.trained.prefer, g_ptr_array_unref);
	for (int k = 0; k < LM_VOCAB_KINDS; k++)
		g_clear_pointer(&model->vocab[k], g_ptr_array_unref);
	g_free(model);
}

const char *lm_model_name(const lm_model *model)
{
	return model ? model->name : "";
}

size_t lm_model_criterion_count(const lm_model *model)
{
	return model ? LM_CRIT_COUNT : 0;
}

const char *lm_model_criterion_name(const lm_model *model, size_t index)
{
	return model && index < LM_CRIT_COUNT ? lm_criteria[index].name : NULL;
}

double lm_model_criterion_weight(const lm_model *model, size_t index)
{
	if (!model || index >= LM_CRIT_COUNT)
		return -1;
	return (double)model->p.base[index].weight / LM_SCORE_SCALE;
}

int lm_model_criterion_required(const lm_model *model, size_t index)
{
	return model && index < LM_CRIT_COUNT && model->p.base[index].required;
}
