/* Binding a model to a cohort, and the hot loop: hard filters and weighted
 * criteria over the criteria table (criteria_table.c). */
#include <string.h>
#include "core/error_private.h"
#include "core/vocab.h"
#include "score/criteria.h"

static const lm_vocab *cohort_vocab(const lm_cohort *c, lm_vocab_kind kind)
{
	switch (kind) {
	case LM_VOCAB_GOALS: return c->goals;
	case LM_VOCAB_REGIONS: return c->regions;
	case LM_VOCAB_LANGUAGES: return c->languages;
	default: return c->stages;
	}
}

/* One problem per cohort value outside a declared vocabulary, located at
 * the value's first use. The suggestion comes from the model; the cohort's
 * own value is never repeated (it is profile data). */
static void check_vocab(const lm_model *m, const lm_cohort *c, lm_vocab_kind kind,
			lm_problems *problems)
{
	const GPtrArray *known = m->vocab[kind];
	const lm_vocab *v = cohort_vocab(c, kind);
	if (!known || !v)
		return;
	g_autoptr(GHashTable) set = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < known->len; i++)
		g_hash_table_add(set, g_ptr_array_index(known, i));
	for (uint32_t id = 0; id < lm_vocab_size(v); id++) {
		const char *value = lm_vocab_string(v, id);
		if (g_hash_table_contains(set, value))
			continue;
		const char *noun = lm_vocab_kind_noun(kind);
		const char *near =
			lm_vocab_closest(value, (const char *const *)known->pdata, known->len);
		lm_error *e = near ? lm_error_new(LM_EPARSE, "unknown %s; did you mean '%s'?", noun,
						  near)
				   : lm_error_new(LM_EPARSE, "unknown %s (not in the model's %s)",
						  noun, lm_vocab_kind_key(kind));
		const char *path = lm_vocab_first_path(v, id);
		if (path)
			lm_cohort_locate_error(c, e, path);
		else
			lm_error_locate_json(e, c->name, 0, 0, NULL);
		lm_problems_add(problems, e);
	}
}

static int check_vocabularies(const lm_model *m, const lm_cohort *c, lm_error **err)
{
	lm_problems problems = {0};
	for (int k = 0; k < LM_VOCAB_KINDS; k++)
		check_vocab(m, c, (lm_vocab_kind)k, &problems);
	return lm_problems_finish(&problems, err);
}

/* Orders the required filters by rank (ties by table order). */
static void plan_filters(lm_scorer *s)
{
	s->n_filters = 0;
	for (unsigned rank = 0; rank <= G_MAXUINT8 && s->n_filters < LM_CRIT_COUNT; rank++) {
		for (int c = 0; c < LM_CRIT_COUNT; c++) {
			if ((s->required & (1u << c)) && lm_criteria[c].filter_rank == rank)
				s->filters[s->n_filters++] = (uint8_t)c;
		}
	}
}

int lm_scorer_new(lm_scorer **out, const lm_model *model, const lm_cohort *cohort,
		  lm_error **err)
{
	if (out)
		*out = NULL;
	if (!out || !model || !cohort)
		return lm_set_error(err, LM_EINVAL, "lm_scorer_new: %s is NULL",
				    !out ? "out" : !model ? "model" : "cohort");
	int rc = check_vocabularies(model, cohort, err);
	if (rc < 0)
		return rc;
	lm_scorer *s = g_new0(lm_scorer, 1);
	s->model = model;
	s->cohort = cohort;
	s->p = &model->p;
	for (int c = 0; c < LM_CRIT_COUNT; c++) {
		const lm_criterion *row = &lm_criteria[c];
		s->weight[c] = row->score ? model->p.base[c].weight : 0;
		if (row->filter && model->p.base[c].required)
			s->required |= 1u << c;
		if (s->weight[c] > 0)
			s->scores[s->n_scores++] = (uint8_t)c;
	}
	plan_filters(s);
	lm_scorer_scan_bind(s);
	for (int c = 0; c < LM_CRIT_COUNT; c++) {
		gboolean active = s->weight[c] > 0 || (s->required & (1u << c));
		if (active && lm_criteria[c].bind && (rc = lm_criteria[c].bind(s, err)) < 0) {
			lm_scorer_free(s);
			return rc;
		}
	}
	lm_scorer_fast_bind(s);
	*out = s;
	return 0;
}

void lm_scorer_free(lm_scorer *s)
{
	if (!s)
		return;
	g_free(s->region_adj);
	g_free(s->lang_ok[0]);
	g_free(s->lang_ok[1]);
	g_free(s->prefer_trained);
	g_free(s->scan_avail);
	g_free(s->scan_none);
	g_free(s->scan_cols);
	g_free(s->scan_none_bits);
	g_free(s->scan_modes);
	g_free(s->scan_region);
	g_free(s->scan_class);
	lm_scorer_fast_free(s);
	g_free(s);
}

const lm_cohort *lm_scorer_cohort(const lm_scorer *s)
{
	return s->cohort;
}

size_t lm_scorer_count(const lm_scorer *s)
{
	return LM_CRIT_COUNT;
}

const char *lm_scorer_name(const lm_scorer *s, size_t c)
{
	return c < LM_CRIT_COUNT ? lm_criteria[c].name : NULL;
}

lm_score lm_scorer_weight(const lm_scorer *s, size_t c)
{
	return c < LM_CRIT_COUNT ? s->weight[c] : 0;
}

gboolean lm_scorer_required(const lm_scorer *s, size_t c)
{
	return c < LM_CRIT_COUNT && (s->required & (1u << c));
}

static inline lm_pair_ref pair_ref(const lm_scorer *s, uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = {lm_cohort_mentee(s->cohort, mentee), lm_cohort_mentor(s->cohort, mentor),
			 mentee, mentor};
	return p;
}

uint32_t lm_scorer_check(const lm_scorer *s, uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = pair_ref(s, mentee, mentor);
	uint32_t failed = 0;
	for (uint32_t i = 0; i < s->n_filters; i++) {
		unsigned c = s->filters[i];
		if (!lm_criteria[c].filter(s, &p))
			failed |= 1u << c;
	}
	return failed;
}

gboolean lm_scorer_feasible(const lm_scorer *s, uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = pair_ref(s, mentee, mentor);
	for (uint32_t i = 0; i < s->n_filters; i++) {
		if (!lm_criteria[s->filters[i]].filter(s, &p))
			return FALSE;
	}
	return TRUE;
}

gboolean lm_scorer_feasible_scanned(const lm_scorer *s, uint32_t mentee, uint32_t mentor)
{
	lm_pair_ref p = pair_ref(s, mentee, mentor);

	for (uint32_t i = 0; i < s->n_rest; i++) {
		if (!lm_criteria[s->rest[i]].filter(s, &p))
			return FALSE;
	}
	return TRUE;
}

lm_score lm_scorer_score(const lm_scorer *s, uint32_t mentee, uint32_t mentor,
			 lm_score *components)
{
	lm_pair_ref p = pair_ref(s, mentee, mentor);
	lm_score total = 0;
	if (components)
		memset(components, 0, sizeof *components * LM_CRIT_COUNT);
	for (uint32_t i = 0; i < s->n_scores; i++) {
		unsigned c = s->scores[i];
		uint32_t raw = lm_criteria[c].score(s, &p);
		/* Rounded per criterion; the total is the sum of the parts, so
		 * they add up exactly. */
		lm_score part = lm_part(s, c, raw);
		total += part;
		if (components)
			components[c] = part;
	}
	return total;
}

int lm_scorer_default_algorithm(const lm_scorer *s)
{
	return s->model->algorithm;
}

int lm_scorer_default_objective(const lm_scorer *s)
{
	return s->model->objective;
}

long lm_scorer_default_top_k(const lm_scorer *s)
{
	return s->model->top_k;
}
