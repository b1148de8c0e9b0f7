/* The region criterion: meeting in person in the same or a neighbouring
 * region, or online. Formulas: docs/criteria.md. */
#include <string.h>
#include "core/vocab.h"
#include "score/criteria.h"

/* South Korea's provinces and metropolitan cities that share a border (or,
 * for the metropolitan cities, sit inside or against a province). Jeju is
 * an island and has no neighbours. Each pair is listed once. */
static const char *const korea_adjacency[][2] = {
	{"seoul", "gyeonggi"},       {"seoul", "incheon"},       {"incheon", "gyeonggi"},
	{"gyeonggi", "gangwon"},     {"gyeonggi", "chungbuk"},   {"gyeonggi", "chungnam"},
	{"gangwon", "chungbuk"},     {"gangwon", "gyeongbuk"},   {"chungbuk", "chungnam"},
	{"chungbuk", "sejong"},      {"chungbuk", "daejeon"},    {"chungbuk", "jeonbuk"},
	{"chungbuk", "gyeongbuk"},   {"chungnam", "sejong"},     {"chungnam", "daejeon"},
	{"chungnam", "jeonbuk"},     {"sejong", "daejeon"},      {"jeonbuk", "jeonnam"},
	{"jeonbuk", "gyeongbuk"},    {"jeonbuk", "gyeongnam"},   {"jeonnam", "gwangju"},
	{"jeonnam", "gyeongnam"},    {"gyeongbuk", "gyeongnam"}, {"gyeongbuk", "daegu"},
	{"gyeongbuk", "ulsan"},      {"gyeongnam", "daegu"},     {"gyeongnam", "ulsan"},
	{"gyeongnam", "busan"},      {"ulsan", "busan"},
};

void lm_crit_region_reset(lm_model_params *p)
{
	if (p->region.neighbours)
		g_ptr_array_unref(p->region.neighbours);
	p->region.neighbours = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < G_N_ELEMENTS(korea_adjacency); i++) {
		g_ptr_array_add(p->region.neighbours, g_strdup(korea_adjacency[i][0]));
		g_ptr_array_add(p->region.neighbours, g_strdup(korea_adjacency[i][1]));
	}
	p->region.neighbour_score = LM_UNIT / 2;
	p->region.online_score = LM_UNIT / 10 * 3;
}

/* Whether a region name in the model is usable: not empty, and known when
 * the model declares its regions. */
static gboolean region_known(lm_json_doc *doc, const char *name, const char *path,
			     const lm_model *m)
{
	GPtrArray *known = m->vocab[LM_VOCAB_REGIONS];
	if (*name == '\0') {
		lm_json_problem(doc, path, LM_EPARSE,
				"expected a region name, not an empty string");
		return FALSE;
	}
	if (!known || g_ptr_array_find_with_equal_func(known, name, g_str_equal, NULL))
		return TRUE;
	const char *near = lm_vocab_closest(name, (const char *const *)known->pdata, known->len);
	if (near)
		lm_json_problem(doc, path, LM_EPARSE, "unknown region; did you mean '%s'?", near);
	else
		lm_json_problem(doc, path, LM_EPARSE,
				"unknown region (not in the model's regions)");
	return FALSE;
}

static const char *region_name(lm_json_doc *doc, const cJSON *item, const char *path,
			       const lm_model *m)
{
	const char *name = lm_json_get_string(doc, item, path, 256);
	return name && region_known(doc, name, path, m) ? name : NULL;
}

/* One "region": [neighbours...] member, appended as pairs to out. */
static gboolean parse_neighbour_list(lm_json_doc *doc, const cJSON *member, const char *path,
				     const char *region, const lm_model *m, GPtrArray *out)
{
	if (!lm_json_expect_type(doc, member, path, cJSON_Array, "an array of region names"))
		return FALSE;
	gboolean ok = TRUE;
	size_t i = 0;
	for (const cJSON *it = member->child; it; it = it->next, i++) {
		g_autofree char *at = lm_json_path_index(path, i);
		const char *other = region_name(doc, it, at, m);
		if (!other) {
			ok = FALSE;
		} else if (region && strcmp(other, region) == 0) {
			lm_json_problem(doc, at, LM_EPARSE, "a region cannot be its own neighbour");
			ok = FALSE;
		} else if (region) {
			g_ptr_array_add(out, g_strdup(region));
			g_ptr_array_add(out, g_strdup(other));
		}
	}
	return ok;
}

static gboolean parse_neighbours(lm_json_doc *doc, const cJSON *obj, const char *path,
				 lm_model *m)
{
	if (!lm_json_expect_type(doc, obj, path, cJSON_Object,
				 "an object mapping each region to its neighbours"))
		return FALSE;
	g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(g_free);
	/* A region named twice is reported at the repeat by the key check. */
	gboolean ok = lm_json_check_keys(doc, obj, path, NULL);
	for (const cJSON *it = obj->child; it; it = it->next) {
		g_autofree char *at = lm_json_path_key(path, it->string);
		const char *region = region_known(doc, it->string, at, m) ? it->string : NULL;
		ok = parse_neighbour_list(doc, it, at, region, m, pairs) && region && ok;
	}
	if (!ok)
		return FALSE;
	g_ptr_array_unref(m->p.region.neighbours);
	m->p.region.neighbours = g_steal_pointer(&pairs);
	return TRUE;
}

gboolean lm_crit_region_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
			      lm_model *m)
{
	static const char *const fractions[] = {"neighbour_score", "online_score"};
	uint32_t *targets[] = {&m->p.region.neighbour_score, &m->p.region.online_score};
	gboolean ok = TRUE;
	for (size_t i = 0; i < G_N_ELEMENTS(fractions); i++) {
		const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, fractions[i]);
		g_autofree char *at = lm_json_path_key(path, fractions[i]);
		int64_t v;
		if (!item)
			continue;
		if (lm_model_json_micro(doc, item, at, 0, 1, &v))
			*targets[i] = (uint32_t)(v * LM_UNIT_PER_MICRO);
		else
			ok = FALSE;
	}
	const cJSON *nb = cJSON_GetObjectItemCaseSensitive(obj, "neighbours");
	if (nb) {
		g_autofree char *at = lm_json_path_key(path, "neighbours");
		ok = parse_neighbours(doc, nb, at, m) && ok;
	}
	return ok;
}

/* The neighbour relation over the cohort's region ids as a bit matrix,
 * made symmetric; names the cohort never uses are dropped. */
int lm_crit_region_bind(lm_scorer *s, lm_error **err)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = lm_vocab_size(c->regions);
	const GPtrArray *nb = s->p->region.neighbours;
	s->region_words = MAX(1u, (n + 63) / 64);
	s->region_adj = g_new0(uint64_t, (gsize)MAX(n, 1u) * s->region_words);
	for (guint i = 0; i + 1 < nb->len; i += 2) {
		int32_t a = lm_vocab_lookup(c->regions, g_ptr_array_index(nb, i));
		int32_t b = lm_vocab_lookup(c->regions, g_ptr_array_index(nb, i + 1));
		if (a < 0 || b < 0)
			continue;
		s->region_adj[(size_t)a * s->region_words + b / 64] |= UINT64_C(1) << (b % 64);
		s->region_adj[(size_t)b * s->region_words + a / 64] |= UINT64_C(1) << (a % 64);
	}
	return 0;
}

/* Whether the pair can meet at all, and the raw score of the best way. */
static gboolean region_eval(const lm_scorer *s, const lm_pair_ref *pair, uint32_t *raw)
{
	const lm_person *a = pair->mentee, *b = pair->mentor;

	return lm_region_eval(s, a->modes, a->region, b->modes, b->region, raw);
}

gboolean lm_crit_region_filter(const lm_scorer *s, const lm_pair_ref *pair)
{
	uint32_t raw;
	return region_eval(s, pair, &raw);
}

uint32_t lm_crit_region_score(const lm_scorer *s, const lm_pair_ref *pair)
{
	uint32_t raw;
	region_eval(s, pair, &raw);
	return raw;
}
