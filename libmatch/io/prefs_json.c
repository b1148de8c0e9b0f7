/* The ranked-preferences JSON reader (FORMATS.md, docs/stable.md):
 *
 *   {"format": "libmatch-preferences", "version": 1,          (both optional)
 *    "mentees": {"a": ["x", "y"], "b": {"wants": 2, "ranking": ["y"]}},
 *    "mentors": {"x": {"capacity": 2, "ranking": ["b", "a"]}}}
 *
 * Ids are read first (both maps), so that rankings can be checked against
 * the other side whatever the order of the maps in the file. Every problem
 * is collected and located; paths are only built when a person has one. */
#include <stdarg.h>
#include <string.h>
#include "core/id.h"
#include "core/error_private.h"
#include "io/json_util.h"
#include "io/prefs_json.h"

#define NO_INDEX UINT32_MAX
#define ID_EXPECTED "expected an id of 1 to 64 characters from A-Z a-z 0-9 . _ -"

static const char *const top_keys[] = { "format", "version", "mentees", "mentors", NULL };
static const char *const mentee_keys[] = { "wants", "ranking", NULL };
static const char *const mentor_keys[] = { "capacity", "ranking", NULL };
static const char *const side_key[2] = { "mentees", "mentors" };
static const char *const side_one[2] = { "mentee", "mentor" };
static const char *const side_path[2] = { "$.mentees", "$.mentors" };

typedef struct parser {
	lm_json_doc doc;
	lm_prefs_parts parts;
	GPtrArray *member[2];      /* cJSON member of each person, in index order */
	uint32_t *seen;            /* stamps over the other side, per list */
} parser;

static const cJSON *member(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* A problem at base.key, or at base.key[index] when index >= 0. */
static void problem_at(parser *ps, const char *base, const char *key, long index,
		       const char *fmt, ...) G_GNUC_PRINTF(5, 6);
static void problem_at(parser *ps, const char *base, const char *key, long index,
		       const char *fmt, ...)
{
	g_autofree char *path = lm_json_path_key(base, key ? key : "");
	g_autofree char *item = index >= 0 ? lm_json_path_index(path, (size_t)index) : NULL;
	g_autofree char *msg = NULL;
	va_list ap;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	lm_json_problem(&ps->doc, item ? item : path, LM_EPARSE, "%s", msg);
}

/* ---- header and ids ---------------------------------------------------------------- */

/* format and version are optional; when present they must be ours. */
static gboolean read_header(parser *ps)
{
	const cJSON *root = ps->doc.root, *format, *version;

	if (!lm_json_expect_type(&ps->doc, root, "$", cJSON_Object,
				 "a JSON object (a libmatch-preferences file)"))
		return FALSE;
	lm_json_check_keys(&ps->doc, root, "$", top_keys);
	format = member(root, "format");
	version = member(root, "version");
	if (format && (!cJSON_IsString(format) ||
		       strcmp(format->valuestring, "libmatch-preferences") != 0))
		lm_json_problem(&ps->doc, "$.format", LM_EPARSE,
				"expected \"libmatch-preferences\"");
	if (version && (!cJSON_IsNumber(version) || version->valuedouble != 1))
		lm_json_problem(&ps->doc, "$.version", LM_EPARSE,
				"unsupported version: expected 1 (the only version this libmatch "
				"reads)");
	return ps->doc.problems.count == 0;
}

/* Numbers the people of one side in file order. A bad or repeated id is
 * reported and left out; an id on both sides is reported at the mentor. */
static void read_ids(parser *ps, int role)
{
	const cJSON *map = member(ps->doc.root, side_key[role]);
	g_autofree char *what = g_strdup_printf("an object mapping each %s id to %s",
						side_one[role], role ? "{\"capacity\", \"ranking\"}"
								     : "a ranking of mentor ids");

	if (!lm_json_expect_type(&ps->doc, map, side_path[role], cJSON_Object, what))
		return;
	lm_json_check_keys(&ps->doc, map, side_path[role], NULL);
	if (cJSON_GetArraySize(map) > LM_PREFS_MAX_PEOPLE) {
		lm_json_problem(&ps->doc, side_path[role], LM_ELIMIT, "more than %d %s",
				LM_PREFS_MAX_PEOPLE, side_key[role]);
		return;
	}
	for (const cJSON *m = map->child; m; m = m->next) {
		const char *id = m->string ? m->string : "";

		if (!lm_id_valid(id)) {
			problem_at(ps, side_path[role], id, -1, ID_EXPECTED);
		} else if (role == LM_ROLE_MENTOR && g_hash_table_contains(ps->parts.index[0], id)) {
			problem_at(ps, side_path[role], id, -1,
				   "id also used by a mentee: an id names one person");
		} else if (!g_hash_table_contains(ps->parts.index[role], id)) {
			char *copy = g_string_chunk_insert(ps->parts.strings, id);

			g_ptr_array_add(ps->member[role], (gpointer)m);
			g_ptr_array_add(ps->parts.ids[role], copy);
			g_hash_table_insert(ps->parts.index[role], copy,
					    GUINT_TO_POINTER(ps->member[role]->len));
		}
	}
}

/* ---- rankings ------------------------------------------------------------------------ */

/* One person's ranking of the other side, at base.key; `who` is the
 * person's index, stamped on the ids seen in this list. */
static void read_ranking(parser *ps, int role, uint32_t who, const char *base, const char *key,
			 const cJSON *ranking)
{
	int other = 1 - role;
	long k = 0;

	if (!cJSON_IsArray(ranking)) {
		problem_at(ps, base, key, -1, "%sexpected an array of ids, best first",
			   ranking ? "" : "missing field: ");
		return;
	}
	for (const cJSON *v = ranking->child; v; v = v->next, k++) {
		const char *id = cJSON_IsString(v) ? v->valuestring : NULL;
		guint ix = id ? GPOINTER_TO_UINT(g_hash_table_lookup(ps->parts.index[other], id)) : 0;

		if (!id || !lm_id_valid(id))
			problem_at(ps, base, key, k, ID_EXPECTED);
		else if (!ix)
			problem_at(ps, base, key, k, "unknown id: no %s in this file has it",
				   side_one[other]);
		else if (ps->seen[ix - 1] == who)
			problem_at(ps, base, key, k, "duplicate id");
		else {
			uint32_t o = ix - 1;

			ps->seen[o] = who;
			g_array_append_val(ps->parts.list[role], o);
		}
	}
}

/* A mentee: a bare ranking, or {"wants": k, "ranking": [...]}. */
static void read_mentee(parser *ps, uint32_t i, const cJSON *m)
{
	uint32_t wants = 1;

	if (cJSON_IsArray(m)) {
		read_ranking(ps, LM_ROLE_MENTEE, i, side_path[0], m->string, m);
	} else if (cJSON_IsObject(m)) {
		g_autofree char *path = lm_json_path_key(side_path[0], m->string);
		const cJSON *w = member(m, "wants");
		long long v = 1;

		lm_json_check_keys(&ps->doc, m, path, mentee_keys);
		if (w) {
			g_autofree char *wpath = lm_json_path_key(path, "wants");

			if (lm_json_get_int(&ps->doc, w, wpath, 1, LM_PREFS_MAX_WANTS, &v))
				wants = (uint32_t)v;
		}
		read_ranking(ps, LM_ROLE_MENTEE, i, path, "ranking", member(m, "ranking"));
	} else {
		problem_at(ps, side_path[0], m->string, -1,
			   "expected a ranking of mentor ids, or an object with \"ranking\" "
			   "and \"wants\"");
	}
	g_array_append_val(ps->parts.wants, wants);
}

/* A mentor: {"capacity": c, "ranking": [...]}, capacity 1 by default. */
static void read_mentor(parser *ps, uint32_t i, const cJSON *m)
{
	uint32_t cap = 1;

	if (cJSON_IsObject(m)) {
		g_autofree char *path = lm_json_path_key(side_path[1], m->string);
		const cJSON *c = member(m, "capacity");
		long long v = 1;

		lm_json_check_keys(&ps->doc, m, path, mentor_keys);
		if (c) {
			g_autofree char *cpath = lm_json_path_key(path, "capacity");

			if (lm_json_get_int(&ps->doc, c, cpath, 0, LM_PREFS_MAX_CAPACITY, &v))
				cap = (uint32_t)v;
		}
		read_ranking(ps, LM_ROLE_MENTOR, i, path, "ranking", member(m, "ranking"));
	} else {
		problem_at(ps, side_path[1], m->string, -1,
			   "expected an object with \"ranking\" (and \"capacity\", default 1)");
	}
	g_array_append_val(ps->parts.cap, cap);
}

static void read_side(parser *ps, int role)
{
	GPtrArray *people = ps->member[role];
	uint32_t n_other = ps->member[1 - role]->len;

	g_free(ps->seen);
	ps->seen = g_new(uint32_t, MAX(n_other, 1u));
	memset(ps->seen, 0xff, sizeof(uint32_t) * MAX(n_other, 1u));
	for (uint32_t i = 0; i < people->len; i++) {
		const cJSON *m = g_ptr_array_index(people, i);

		if (role == LM_ROLE_MENTEE)
			read_mentee(ps, i, m);
		else
			read_mentor(ps, i, m);

		size_t end = ps->parts.list[role]->len;
		g_array_append_val(ps->parts.start[role], end);
	}
}

/* ---- the whole document ---------------------------------------------------------------- */

void lm_prefs_parts_init(lm_prefs_parts *pp)
{
	size_t zero = 0;

	for (int s = 0; s < 2; s++) {
		pp->index[s] = g_hash_table_new(g_str_hash, g_str_equal);
		pp->ids[s] = g_ptr_array_new();
		pp->start[s] = g_array_new(FALSE, FALSE, sizeof(size_t));
		pp->list[s] = g_array_new(FALSE, FALSE, sizeof(uint32_t));
		g_array_append_val(pp->start[s], zero);
	}
	pp->wants = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	pp->cap = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	pp->strings = g_string_chunk_new(65536);
}

void lm_prefs_parts_clear(lm_prefs_parts *pp)
{
	for (int s = 0; s < 2; s++) {
		if (pp->index[s])
			g_hash_table_destroy(pp->index[s]);
		if (pp->ids[s])
			g_ptr_array_free(pp->ids[s], TRUE);
		if (pp->start[s])
			g_array_free(pp->start[s], TRUE);
		if (pp->list[s])
			g_array_free(pp->list[s], TRUE);
	}
	if (pp->wants)
		g_array_free(pp->wants, TRUE);
	if (pp->cap)
		g_array_free(pp->cap, TRUE);
	if (pp->strings)
		g_string_chunk_free(pp->strings);
	memset(pp, 0, sizeof(*pp));
}

lm_prefs *lm_prefs_take(lm_prefs_parts *pp, const char *text, size_t len)
{
	lm_prefs *p = g_new0(lm_prefs, 1);
	g_autofree char *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
							      (const guchar *)text, len);

	p->strings = pp->strings;
	pp->strings = NULL;
	for (int s = 0; s < 2; s++) {
		p->n[s] = pp->ids[s]->len;
		p->ids[s] = g_new(const char *, MAX(p->n[s], 1u));
		if (p->n[s])
			memcpy(p->ids[s], pp->ids[s]->pdata, p->n[s] * sizeof(char *));
		p->start[s] = (size_t *)(void *)g_array_free(pp->start[s], FALSE);
		p->list[s] = (uint32_t *)(void *)g_array_free(pp->list[s], FALSE);
		pp->start[s] = NULL;
		pp->list[s] = NULL;
	}
	p->wants = (uint32_t *)(void *)g_array_free(pp->wants, FALSE);
	p->cap = (uint32_t *)(void *)g_array_free(pp->cap, FALSE);
	pp->wants = pp->cap = NULL;
	g_strlcpy(p->sha256, digest, sizeof(p->sha256));
	lm_prefs_parts_clear(pp);
	return p;
}

int lm_prefs_parse_full(lm_prefs **out, const char *text, size_t len, const char *name,
			lm_error **err)
{
	parser ps;
	int rc;

	memset(&ps, 0, sizeof ps);
	if ((rc = lm_json_doc_parse(&ps.doc, name, text, len, err)) < 0)
		return rc;
	lm_prefs_parts_init(&ps.parts);
	for (int s = 0; s < 2; s++)
		ps.member[s] = g_ptr_array_new();
	if (read_header(&ps)) {
		read_ids(&ps, LM_ROLE_MENTEE);
		read_ids(&ps, LM_ROLE_MENTOR);
		read_side(&ps, LM_ROLE_MENTEE);
		read_side(&ps, LM_ROLE_MENTOR);
	}
	if (ps.doc.problems.count > 0 || ps.doc.problems.truncated)
		rc = lm_problems_finish(&ps.doc.problems, err);
	else
		*out = lm_prefs_take(&ps.parts, text, len);
	lm_prefs_parts_clear(&ps.parts);
	for (int s = 0; s < 2; s++)
		g_ptr_array_free(ps.member[s], TRUE);
	g_free(ps.seen);
	lm_json_doc_clear(&ps.doc);
	return rc;
}

int lm_prefs_parse_json(lm_prefs **out, const char *text, size_t len, const char *name,
			lm_error **err)
{
	/* Large plain files are read without a tree; anything else, and every
	 * file with a problem, goes through the full reader that locates it. */
	if (lm_prefs_parse_fast(out, text, len) == 1)
		return 0;
	return lm_prefs_parse_full(out, text, len, name, err);
}

void lm_prefs_rankings(const lm_prefs *p, lm_rankings *out)
{
	*out = (lm_rankings){
		.n_mentees = p->n[LM_ROLE_MENTEE],
		.n_mentors = p->n[LM_ROLE_MENTOR],
		.mentee_wants = p->wants,
		.mentor_cap = p->cap,
		.mentee_start = p->start[LM_ROLE_MENTEE],
		.mentee_list = p->list[LM_ROLE_MENTEE],
		.mentor_start = p->start[LM_ROLE_MENTOR],
		.mentor_list = p->list[LM_ROLE_MENTOR],
	};
}

/* ---- the public loaders ------------------------------------------------------------------ */

int lm_prefs_load_file(lm_prefs **out, const char *path, lm_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (!out || !path)
		return lm_set_error(err, LM_EINVAL, "%s is NULL", out ? "path" : "out");
	if ((rc = lm_read_input(path, LM_INPUT_MAX_BYTES, &data, &len, err)) < 0)
		return rc;
	rc = lm_prefs_parse_json(out, data, len, strcmp(path, "-") == 0 ? "<stdin>" : path, err);
	g_free(data);
	return rc;
}

int lm_prefs_load_buffer(lm_prefs **out, const char *data, size_t len, const char *name,
			 lm_error **err)
{
	char *copy;
	int rc;

	if (!out || (!data && len > 0))
		return lm_set_error(err, LM_EINVAL, "%s is NULL", out ? "data" : "out");
	name = name ? name : "<memory>";
	if (len > LM_INPUT_MAX_BYTES) {
		lm_error *e = lm_error_new(LM_ELIMIT, "input is larger than the limit of %zu bytes",
					   LM_INPUT_MAX_BYTES);

		lm_error_locate_file(e, name);
		return lm_error_propagate(err, e);
	}
	/* NUL-terminated for the parser; the caller's buffer need not be. */
	copy = g_malloc(len + 1);
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	rc = lm_prefs_parse_json(out, copy, len, name, err);
	g_free(copy);
	return rc;
}

void lm_prefs_free(lm_prefs *prefs)
{
	if (!prefs)
		return;
	for (int s = 0; s < 2; s++) {
		g_free(prefs->ids[s]);
		g_free(prefs->start[s]);
		g_free(prefs->list[s]);
	}
	g_free(prefs->wants);
	g_free(prefs->cap);
	g_string_chunk_free(prefs->strings);
	g_free(prefs);
}

size_t lm_prefs_count(const lm_prefs *prefs, lm_role role)
{
	return prefs && (role == LM_ROLE_MENTEE || role == LM_ROLE_MENTOR) ? prefs->n[role] : 0;
}

const char *lm_prefs_id(const lm_prefs *prefs, lm_role role, size_t index)
{
	if (!prefs || (role != LM_ROLE_MENTEE && role != LM_ROLE_MENTOR) || index >= prefs->n[role])
		return NULL;
	return prefs->ids[role][index];
}

const char *lm_prefs_digest(const lm_prefs *prefs)
{
	return prefs ? prefs->sha256 : NULL;
}
