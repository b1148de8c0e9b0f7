/* Reading `libmatch-model` v1 JSON (FORMATS.md): a preset to start from,
 * then per-criterion settings, declared vocabularies and assignment
 * defaults. Every problem is collected with its JSON path; a model is
 * returned only when there are none. */
#include <math.h>
#include <string.h>
#include "core/error_private.h"
#include "core/vocab.h"
#include "io/json_util.h"
#include "score/criteria.h"

/* Models are small; anything bigger is a mistake, not a model. */
#define LM_MODEL_MAX_BYTES ((size_t)16 << 20)
/* Longest name or vocabulary value, in bytes. */
#define LM_MODEL_MAX_NAME 256

/* In lm_algorithm order. */
static const char *const algorithm_names[] = {"optimal", "stable", "greedy", "fair", "rounds"};
static const char *const objective_names[] = {"coverage", "score"};

gboolean lm_model_json_micro(lm_json_doc *doc, const cJSON *item, const char *path, double min,
			     double max, int64_t *out)
{
	double v;
	if (!lm_json_get_number(doc, item, path, min, max, &v))
		return FALSE;
	/* strtod and this division both round correctly, so v has at most six
	 * decimals exactly when it is the double nearest to micro / 10^6. */
	int64_t micro = (int64_t)llround(v * 1e6);
	if ((double)micro / 1e6 != v) {
		lm_json_problem(doc, path, LM_EPARSE, "too precise: at most 6 decimals");
		return FALSE;
	}
	*out = micro;
	return TRUE;
}

gboolean lm_model_json_int(lm_json_doc *doc, const cJSON *item, const char *path, int min,
			   int max, int *out)
{
	long long v;
	if (!lm_json_get_int(doc, item, path, min, max, &v))
		return FALSE;
	*out = (int)v;
	return TRUE;
}

GPtrArray *lm_model_json_strings(lm_json_doc *doc, const cJSON *item, const char *path)
{
	if (!lm_json_expect_type(doc, item, path, cJSON_Array, "an array of strings"))
		return NULL;
	g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(g_free);
	gboolean ok = TRUE;
	size_t i = 0;
	for (const cJSON *it = item->child; it; it = it->next, i++) {
		g_autofree char *at = lm_json_path_index(path, i);
		const char *s = lm_json_get_string(doc, it, at, LM_MODEL_MAX_NAME);
		if (!s) {
			ok = FALSE;
		} else if (*s == '\0') {
			lm_json_problem(doc, at, LM_EPARSE, "expected a non-empty string");
			ok = FALSE;
		} else if (g_ptr_array_find_with_equal_func(out, s, g_str_equal, NULL)) {
			lm_json_problem(doc, at, LM_EPARSE, "listed twice");
			ok = FALSE;
		} else {
			g_ptr_array_add(out, g_strdup(s));
		}
	}
	return ok ? g_steal_pointer(&out) : NULL;
}

/* A string that must be one of names[0..n); its index, or -1 after a problem. */
static int parse_choice(lm_json_doc *doc, const cJSON *item, const char *path, const char *what,
			const char *const *names, size_t n)
{
	const char *s = lm_json_get_string(doc, item, path, LM_MODEL_MAX_NAME);
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	}
	g_autoptr(GString) list = g_string_new(NULL);
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(list, "%s'%s'", i ? ", " : "", names[i]);
	const char *near = lm_vocab_closest(s, names, n);
	if (near)
		lm_json_problem(doc, path, LM_EPARSE, "unknown %s; did you mean '%s'? (one of %s)",
				what, near, list->str);
	else
		lm_json_problem(doc, path, LM_EPARSE, "unknown %s; expected one of %s", what,
				list->str);
	return -1;
}

static void parse_header(lm_json_doc *doc, const cJSON *root)
{
	const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (!format) {
		lm_json_problem(doc, "$.format", LM_EPARSE,
				"missing field 'format'; expected \"libmatch-model\"");
	} else {
		const char *s = lm_json_get_string(doc, format, "$.format", LM_MODEL_MAX_NAME);
		if (s && strcmp(s, "libmatch-model") != 0)
			lm_json_problem(doc, "$.format", LM_EPARSE,
					"not a model file; expected \"libmatch-model\"");
	}
	long long v;
	if (!version)
		lm_json_problem(doc, "$.version", LM_EPARSE, "missing field 'version'; expected 1");
	else if (!cJSON_IsNumber(version))
		lm_json_get_int(doc, version, "$.version", 1, 1, &v);
	else if (lm_json_get_int(doc, version, "$.version", 0, G_MAXINT32, &v) && v != 1)
		lm_json_problem(doc, "$.version", LM_EPARSE,
				"unsupported version; this libmatch reads version 1");
}

/* The preset the file starts from; role_model when absent or invalid (so
 * the rest of the file is still checked). */
static lm_preset parse_preset(lm_json_doc *doc, const cJSON *root)
{
	static const char *const names[] = {"role_model", "tutoring"};
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, "preset");
	if (!item)
		return LM_PRESET_ROLE_MODEL;
	int p = parse_choice(doc, item, "$.preset", "preset", names, 2);
	return p < 0 ? LM_PRESET_ROLE_MODEL : (lm_preset)p;
}

static void parse_name(lm_json_doc *doc, const cJSON *root, lm_model *m)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, "name");
	const char *name = item ? lm_json_get_string(doc, item, "$.name", 128) : NULL;
	if (name && *name == '\0') {
		lm_json_problem(doc, "$.name", LM_EPARSE, "expected a non-empty name");
		name = NULL;
	}
	g_free(m->name);
	m->name = g_strdup(name ? name : "custom");
}

static void parse_vocabulary(lm_json_doc *doc, const cJSON *obj, lm_model *m)
{
	static const char *const keys[] = {"goals", "regions", "languages", "stages", NULL};
	if (!lm_json_expect_type(doc, obj, "$.vocabulary", cJSON_Object, "an object"))
		return;
	lm_json_check_keys(doc, obj, "$.vocabulary", keys);
	for (int k = 0; k < LM_VOCAB_KINDS; k++) {
		const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, lm_vocab_kind_key(k));
		g_autofree char *at = lm_json_path_key("$.vocabulary", lm_vocab_kind_key(k));
		if (!item)
			continue;
		if (cJSON_IsNull(item)) {
			lm_model_set_vocab(m, k, NULL, 0);
			continue;
		}
		GPtrArray *values = lm_model_json_strings(doc, item, at);
		if (values) {
			lm_model_set_vocab(m, k, NULL, 0);
			m->vocab[k] = values;
		}
	}
}

/* Rejects the generic keys a criterion does not have, with a reason. */
static void check_generic_keys(lm_json_doc *doc, const cJSON *obj, const char *path,
			       const lm_criterion *row)
{
	if (!row->score && cJSON_GetObjectItemCaseSensitive(obj, "weight")) {
		g_autofree char *at = lm_json_path_key(path, "weight");
		lm_json_problem(doc, at, LM_EPARSE,
				"%s is a hard constraint only; it has no weight",
				row->name);
	}
	if (!row->required_key && cJSON_GetObjectItemCaseSensitive(obj, "required")) {
		g_autofree char *at = lm_json_path_key(path, "required");
		lm_json_problem(doc, at, LM_EPARSE, "%s is always required", row->name);
	}
}

static void parse_criterion(lm_json_doc *doc, const cJSON *obj, const char *path, lm_model *m,
			    lm_crit_id c)
{
	const lm_criterion *row = &lm_criteria[c];
	if (!lm_json_expect_type(doc, obj, path, cJSON_Object, "an object of parameters"))
		return;
	const char *allowed[16];
	size_t n = 0;
	allowed[n++] = "weight";
	allowed[n++] = row->required_key ? row->required_key : "required";
	for (const char *const *p = row->params; *p && n < G_N_ELEMENTS(allowed) - 1; p++)
		allowed[n++] = *p;
	allowed[n] = NULL;
	check_generic_keys(doc, obj, path, row);
	lm_json_check_keys(doc, obj, path, allowed);

	/* Naming a criterion replaces its preset settings entirely. */
	lm_model_reset_criterion(m, c);
	const cJSON *w = cJSON_GetObjectItemCaseSensitive(obj, "weight");
	if (w && row->score) {
		g_autofree char *at = lm_json_path_key(path, "weight");
		lm_model_json_micro(doc, w, at, 0, LM_WEIGHT_MAX, &m->p.base[c].weight);
	}
	const cJSON *r = row->required_key ?
				 cJSON_GetObjectItemCaseSensitive(obj, row->required_key) : NULL;
	if (r) {
		g_autofree char *at = lm_json_path_key(path, row->required_key);
		gboolean b;
		if (lm_json_get_bool(doc, r, at, &b))
			m->p.base[c].required = b;
	}
	if (row->parse)
		row->parse(doc, obj, path, m);
}

static void parse_criteria(lm_json_doc *doc, const cJSON *obj, lm_model *m)
{
	const char *names[LM_CRIT_COUNT];
	gboolean seen[LM_CRIT_COUNT] = {FALSE};
	for (int c = 0; c < LM_CRIT_COUNT; c++)
		names[c] = lm_criteria[c].name;
	if (!lm_json_expect_type(doc, obj, "$.criteria", cJSON_Object, "an object"))
		return;
	/* Repeated names are reported (at the repeat) by the key check. */
	lm_json_check_keys(doc, obj, "$.criteria", NULL);
	for (const cJSON *it = obj->child; it; it = it->next) {
		if (g_str_has_prefix(it->string, "x-"))
			continue;
		g_autofree char *at = lm_json_path_key("$.criteria", it->string);
		int c = lm_criterion_lookup(it->string);
		if (c < 0) {
			const char *near = lm_vocab_closest(it->string, names, LM_CRIT_COUNT);
			if (near)
				lm_json_problem(doc, at, LM_EPARSE,
						"unknown criterion; did you mean '%s'?", near);
			else
				lm_json_problem(doc, at, LM_EPARSE, "unknown criterion");
		} else if (!seen[c]) {
			seen[c] = TRUE;
			parse_criterion(doc, it, at, m, (lm_crit_id)c);
		}
	}
}

static void parse_assignment(lm_json_doc *doc, const cJSON *obj, lm_model *m)
{
	static const char *const keys[] = {"algorithm", "objective", "top_k", NULL};
	if (!lm_json_expect_type(doc, obj, "$.assignment", cJSON_Object, "an object"))
		return;
	lm_json_check_keys(doc, obj, "$.assignment", keys);
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, "algorithm");
	int v;
	if (item && (v = parse_choice(doc, item, "$.assignment.algorithm", "algorithm",
				      algorithm_names, G_N_ELEMENTS(algorithm_names))) >= 0)
		m->algorithm = v;
	item = cJSON_GetObjectItemCaseSensitive(obj, "objective");
	if (item && (v = parse_choice(doc, item, "$.assignment.objective", "objective",
				      objective_names, G_N_ELEMENTS(objective_names))) >= 0)
		m->objective = v;
	item = cJSON_GetObjectItemCaseSensitive(obj, "top_k");
	if (item && lm_model_json_int(doc, item, "$.assignment.top_k", 0, 1000000, &v))
		m->top_k = v;
}

/* The model the document describes; problems are left in doc. */
static lm_model *parse_model(lm_json_doc *doc)
{
	static const char *const keys[] = {"format",     "version",    "name",      "preset",
					   "criteria",   "vocabulary", "assignment", NULL};
	const cJSON *root = doc->root;
	if (!lm_json_expect_type(doc, root, "$", cJSON_Object, "a libmatch-model object"))
		return NULL;
	lm_json_check_keys(doc, root, "$", keys);
	parse_header(doc, root);
	lm_model *m = lm_model_alloc_preset(parse_preset(doc, root));
	parse_name(doc, root, m);
	/* Vocabularies first: region names in the criteria are checked against them. */
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, "vocabulary");
	if (item)
		parse_vocabulary(doc, item, m);
	if ((item = cJSON_GetObjectItemCaseSensitive(root, "criteria")))
		parse_criteria(doc, item, m);
	if ((item = cJSON_GetObjectItemCaseSensitive(root, "assignment")))
		parse_assignment(doc, item, m);
	return m;
}

int lm_model_load_buffer(lm_model **out, const char *data, size_t len, const char *name,
			 lm_error **err)
{
	if (out)
		*out = NULL;
	if (!out || (!data && len > 0))
		return lm_set_error(err, LM_EINVAL, "lm_model_load_buffer: %s is NULL",
				    out ? "data" : "out");
	if (!name)
		name = "<memory>";
	if (len > LM_MODEL_MAX_BYTES) {
		lm_error *e = lm_error_new(LM_ELIMIT, "model larger than %zu bytes",
					   LM_MODEL_MAX_BYTES);
		lm_error_locate_file(e, name);
		return lm_error_propagate(err, e);
	}
	/* A private NUL-terminated copy: the caller's buffer need not be. */
	g_autofree char *text = g_malloc(len + 1);
	if (len)
		memcpy(text, data, len);
	text[len] = '\0';
	lm_json_doc doc;
	memset(&doc, 0, sizeof doc);
	int rc = lm_json_doc_parse(&doc, name, text, len, err);
	if (rc < 0) {
		lm_json_doc_clear(&doc);
		return rc;
	}
	lm_model *m = parse_model(&doc);
	rc = lm_problems_finish(&doc.problems, err);
	lm_json_doc_clear(&doc);
	if (rc < 0 || !m) {
		lm_model_free(m);
		return rc < 0 ? rc : lm_set_error(err, LM_EINTERNAL, "model parser lost an error");
	}
	*out = m;
	return 0;
}

int lm_model_load_file(lm_model **out, const char *path, lm_error **err)
{
	if (out)
		*out = NULL;
	if (!out || !path)
		return lm_set_error(err, LM_EINVAL, "lm_model_load_file: %s is NULL",
				    out ? "path" : "out");
	g_autofree char *data = NULL;
	size_t len = 0;
	int rc = lm_read_input(path, LM_MODEL_MAX_BYTES, &data, &len, err);
	if (rc < 0)
		return rc;
	return lm_model_load_buffer(out, data, len, strcmp(path, "-") == 0 ? "<stdin>" : path,
				    err);
}
