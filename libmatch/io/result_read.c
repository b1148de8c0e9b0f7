/* Reading a libmatch-result v1 JSON back for verify: the run's facts, the
 * pairs with their scores and criteria, and the broken pairs. Problems are
 * located in the file (line, column, JSON path) and never quote values. */
#include <math.h>
#include <string.h>
#include "io/result_read.h"

#define SCORE_MAX 1e9 /* points; the engine's scores stay far below */

lm_score lm_read_score(double v)
{
	return (lm_score)llround(v * LM_SCORE_SCALE);
}

static int read_name(lm_read_result *r, const char *key, int (*parse)(const char *),
		     gboolean required)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(r->doc.root, key);
	g_autofree char *path = lm_json_path_key("$", key);
	const char *s;
	int v;

	if (!item && !required)
		return -1;
	if (!(s = lm_json_get_string(&r->doc, item, path, 64)))
		return -1;
	if ((v = parse(s)) < 0)
		lm_json_problem(&r->doc, path, LM_EPARSE, "unknown %s", key);
	return v;
}

static gboolean read_score(lm_read_result *r, const cJSON *item, const char *path,
			   lm_score *out)
{
	double v = 0;

	if (!lm_json_get_number(&r->doc, item, path, -SCORE_MAX, SCORE_MAX, &v))
		return FALSE;
	*out = lm_read_score(v);
	return TRUE;
}

static void read_pair(lm_read_result *r, const cJSON *item, size_t i)
{
	lm_read_pair p = { .path = lm_json_path_index("$.pairs", i) };
	g_autofree char *mentee = lm_json_path_key(p.path, "mentee");
	g_autofree char *mentor = lm_json_path_key(p.path, "mentor");
	g_autofree char *score = lm_json_path_key(p.path, "score");
	g_autofree char *kept = lm_json_path_key(p.path, "kept");
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(item, "kept");
	gboolean ok;

	if (!lm_json_expect_type(&r->doc, item, p.path, cJSON_Object, "an object")) {
		g_free(p.path);
		return;
	}
	p.mentee = lm_json_get_string(&r->doc, cJSON_GetObjectItemCaseSensitive(item, "mentee"),
				      mentee, 64);
	p.mentor = lm_json_get_string(&r->doc, cJSON_GetObjectItemCaseSensitive(item, "mentor"),
				      mentor, 64);
	ok = read_score(r, cJSON_GetObjectItemCaseSensitive(item, "score"), score, &p.score);
	if (k && !lm_json_get_bool(&r->doc, k, kept, &p.kept))
		ok = FALSE;
	p.criteria = cJSON_GetObjectItemCaseSensitive(item, "criteria");
	if (p.criteria && !cJSON_IsObject(p.criteria))
		lm_json_problem(&r->doc, p.path, LM_EPARSE, "criteria: expected an object");
	if (ok && p.mentee && p.mentor)
		g_array_append_val(r->pairs, p);
	else
		g_free(p.path);
}

static void read_broken(lm_read_result *r, const cJSON *list)
{
	const cJSON *item;
	size_t i = 0;

	r->reoptimised = TRUE;
	if (!lm_json_expect_type(&r->doc, list, "$.broken", cJSON_Array, "an array"))
		return;
	cJSON_ArrayForEach(item, list) {
		lm_read_broken b = { .path = lm_json_path_index("$.broken", i++) };
		g_autofree char *mentee = lm_json_path_key(b.path, "mentee");
		g_autofree char *mentor = lm_json_path_key(b.path, "mentor");

		b.mentee = lm_json_get_string(&r->doc, cJSON_GetObjectItem(item, "mentee"), mentee,
					      64);
		b.mentor = lm_json_get_string(&r->doc, cJSON_GetObjectItem(item, "mentor"), mentor,
					      64);
		if (b.mentee && b.mentor)
			g_array_append_val(r->broken, b);
		else
			g_free(b.path);
	}
}

static void read_summary(lm_read_result *r)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(r->doc.root, "summary");

	if (!lm_json_expect_type(&r->doc, s, "$.summary", cJSON_Object, "an object"))
		return;
	lm_json_get_bool(&r->doc, cJSON_GetObjectItemCaseSensitive(s, "optimal"),
			 "$.summary.optimal", &r->optimal);
	r->has_total = read_score(r, cJSON_GetObjectItemCaseSensitive(s, "total_score"),
				  "$.summary.total_score", &r->total);
}

static void read_top(lm_read_result *r)
{
	const cJSON *root = r->doc.root, *v;
	long long n = 0;

	if (!(v = cJSON_GetObjectItemCaseSensitive(root, "format")) || !cJSON_IsString(v) ||
	    !g_str_equal(v->valuestring, "libmatch-result"))
		lm_json_problem(&r->doc, "$.format", LM_EPARSE, "expected \"libmatch-result\"");
	if (lm_json_get_int(&r->doc, cJSON_GetObjectItemCaseSensitive(root, "version"),
			    "$.version", 1, 1, &n) && n != 1)
		lm_json_problem(&r->doc, "$.version", LM_EPARSE, "expected version 1");
	v = cJSON_GetObjectItemCaseSensitive(root, "model");
	r->model = v && cJSON_IsNull(v) ? NULL : lm_json_get_string(&r->doc, v, "$.model", 256);
	v = cJSON_GetObjectItemCaseSensitive(root, "input_sha256");
	r->input_sha256 = v ? lm_json_get_string(&r->doc, v, "$.input_sha256", 64) : NULL;
	r->algorithm = read_name(r, "algorithm", lm_algorithm_from_name, TRUE);
	r->objective = read_name(r, "objective", lm_objective_from_name, TRUE);
	r->proposers = read_name(r, "proposers", lm_proposers_from_name, FALSE);
	if (lm_json_get_int(&r->doc, cJSON_GetObjectItemCaseSensitive(root, "seed"), "$.seed", 0,
			    G_MAXINT64, &n))
		r->seed = (uint64_t)n;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "break_cost")))
		read_score(r, v, "$.break_cost", &r->break_cost);
}

int lm_result_read(lm_read_result *out, const char *text, size_t len, const char *name,
		   lm_error **err)
{
	const cJSON *list, *item;
	size_t i = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->pairs = g_array_new(FALSE, FALSE, sizeof(lm_read_pair));
	out->broken = g_array_new(FALSE, FALSE, sizeof(lm_read_broken));
	if ((rc = lm_json_doc_parse(&out->doc, name, text, len, err)) < 0)
		return rc;
	if (!lm_json_expect_type(&out->doc, out->doc.root, "$", cJSON_Object, "an object"))
		return lm_problems_finish(&out->doc.problems, err);
	read_top(out);
	list = cJSON_GetObjectItemCaseSensitive(out->doc.root, "pairs");
	if (lm_json_expect_type(&out->doc, list, "$.pairs", cJSON_Array, "an array"))
		cJSON_ArrayForEach(item, list)
			read_pair(out, item, i++);
	if ((list = cJSON_GetObjectItemCaseSensitive(out->doc.root, "broken")))
		read_broken(out, list);
	read_summary(out);
	return lm_problems_finish(&out->doc.problems, err);
}

void lm_read_result_clear(lm_read_result *r)
{
	if (!r)
		return;
	for (guint i = 0; r->pairs && i < r->pairs->len; i++)
		g_free(g_array_index(r->pairs, lm_read_pair, i).path);
	for (guint i = 0; r->broken && i < r->broken->len; i++)
		g_free(g_array_index(r->broken, lm_read_broken, i).path);
	if (r->pairs)
		g_array_free(r->pairs, TRUE);
	if (r->broken)
		g_array_free(r->broken, TRUE);
	lm_json_doc_clear(&r->doc);
	memset(r, 0, sizeof *r);
}
