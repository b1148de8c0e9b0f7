/* The libmatch-cohort v1 JSON reader: the document, its header and people.
 * The person fields themselves are read in cohort_json_fields.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "io/cohort_json.h"
#include "core/availability.h"

static const char *const top_keys[] = { "format", "version", "as_of", "mentees", "mentors", NULL };
static const char *const role_keys[] = { "mentees", "mentors" };

/* ---- helpers shared with cohort_json_fields.c ------------------------------ */

size_t lm_cp_push(lm_cohort_parser *p, const char *key)
{
	size_t mark = p->path->len;

	lm_json_path_append_key(p->path, key);
	return mark;
}

size_t lm_cp_push_index(lm_cohort_parser *p, size_t index)
{
	/* "[%zu]" by hand: pushed for every person and list entry, where
	 * printf was a twentieth of the fast reader's time. */
	char buf[2 + 3 * sizeof index];
	size_t at = sizeof buf, mark = p->path->len;

	buf[--at] = ']';
	do {
		buf[--at] = (char)('0' + index % 10);
		index /= 10;
	} while (index > 0);
	buf[--at] = '[';
	g_string_append_len(p->path, buf + at, (gssize)(sizeof buf - at));
	return mark;
}

void lm_cp_pop(lm_cohort_parser *p, size_t mark)
{
	g_string_truncate(p->path, mark);
}

void lm_cp_problem(lm_cohort_parser *p, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_autofree char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	lm_json_problem(&p->doc, p->path->str, code, "%s", msg);
}

gboolean lm_cp_date(lm_cohort_parser *p, const cJSON *v, uint32_t *julian)
{
	if (cJSON_IsString(v) && lm_date_parse(v->valuestring, julian))
		return TRUE;
	lm_cp_problem(p, LM_EPARSE, "expected a date as \"YYYY-MM-DD\"");
	return FALSE;
}

/* ---- header ------------------------------------------------------------------- */

static const cJSON *member(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* The earliest as_of: every year range of a person starts at 1950 or before. */
static uint32_t first_as_of(void)
{
	uint32_t julian = 0;

	lm_date_parse("1950-01-01", &julian);
	return julian;
}

gboolean lm_cp_check_format(lm_cohort_parser *p, const cJSON *format, const cJSON *version)
{
	gboolean ok = TRUE;

	if (!cJSON_IsString(format) || strcmp(format->valuestring, "libmatch-cohort") != 0) {
		lm_json_problem(&p->doc, "$.format", LM_EPARSE, "%sexpected \"libmatch-cohort\"",
				format ? "" : "missing field: ");
		ok = FALSE;
	}
	if (!cJSON_IsNumber(version) || version->valuedouble != 1) {
		lm_json_problem(&p->doc, "$.version", LM_EPARSE,
				"%sexpected 1 (the only version this libmatch reads)",
				version ? "unsupported version: " : "missing field: ");
		ok = FALSE;
	}
	return ok;
}

void lm_cp_read_as_of(lm_cohort_parser *p, const cJSON *date, uint32_t *as_of)
{
	lm_date_parse(LM_DEFAULT_AS_OF, as_of);
	if (date) {
		size_t mark = lm_cp_push(p, "as_of");
		/* A bad date is reported; reading goes on with the default. */
		if (!cJSON_IsString(date) || !lm_date_parse(date->valuestring, as_of) ||
		    *as_of < first_as_of()) {
			lm_cp_problem(p, LM_EPARSE, "expected a date as \"YYYY-MM-DD\" from "
				      "1950-01-01 on");
			lm_date_parse(LM_DEFAULT_AS_OF, as_of);
		}
		lm_cp_pop(p, mark);
	}
}

/* format, version and as_of. A file that is not a cohort v1 is not read
 * further: its other problems would only be noise. */
static gboolean read_header(lm_cohort_parser *p, uint32_t *as_of)
{
	const cJSON *root = p->doc.root;

	if (!lm_json_expect_type(&p->doc, root, "$", cJSON_Object,
				 "a JSON object (a libmatch-cohort file)"))
		return FALSE;
	lm_json_check_keys(&p->doc, root, "$", top_keys);

	gboolean ok = lm_cp_check_format(p, member(root, "format"), member(root, "version"));

	lm_cp_read_as_of(p, member(root, "as_of"), as_of);
	return ok;
}

/* ---- people ------------------------------------------------------------------- */

void lm_cp_read_person(lm_cohort_parser *p, lm_role role, uint32_t index, const cJSON *obj)
{
	const cJSON *values[LM_COHORT_MAX_FIELDS] = { NULL };
	gboolean plain = TRUE; /* every member a known field, named once */

	p->role = role;
	p->index = index;
	p->person = lm_cohort_draft_add(&p->draft, role, &p->lists);
	if (!lm_json_expect_type(&p->doc, obj, p->path->str, cJSON_Object, "an object (a person)"))
		return;
	/* One pass over the members instead of a search per field: each field
	 * gets its first member, as cJSON_GetObjectItemCaseSensitive would. */
	for (const cJSON *m = obj->child; m; m = m->next) {
		guint k = GPOINTER_TO_UINT(g_hash_table_lookup(p->field_index, m->string));

		if (k > 0 && !values[k - 1])
			values[k - 1] = m;
		else
			plain = FALSE;
	}
	/* A plain person has nothing to report; only others pay for the check. */
	if (!plain)
		lm_json_check_keys(&p->doc, obj, p->path->str, p->field_names);

	for (size_t i = 0; i < lm_cohort_n_fields; i++) {
		const lm_cohort_field *f = &lm_cohort_fields[i];
		const cJSON *value = values[i];

		/* Only a missing id is a problem: skip the path work for the rest. */
		if (!value && strcmp(f->name, "id") != 0)
			continue;

		size_t mark = lm_cp_push(p, f->name);

		if (!value && strcmp(f->name, "id") == 0)
			lm_cp_problem(p, LM_EPARSE, "missing field: %s", LM_ID_EXPECTED);
		else if (value && !(f->roles & (1u << role)))
			lm_cp_problem(p, LM_EPARSE, "field only for %s",
				      role == LM_ROLE_MENTEE ? "mentors" : "mentees");
		else if (value)
			f->read(p, value);
		lm_cp_pop(p, mark);
	}
	if (p->person->birth_year && p->person->arrival_year &&
	    p->person->arrival_year < p->person->birth_year) {
		size_t mark = lm_cp_push(p, "arrival_year");
		lm_cp_problem(p, LM_EPARSE, "expected an arrival_year not before birth_year");
		lm_cp_pop(p, mark);
	}
}

static void read_people(lm_cohort_parser *p, lm_role role)
{
	const cJSON *list = member(p->doc.root, role_keys[role]);
	size_t mark = lm_cp_push(p, role_keys[role]);

	if (!lm_json_expect_type(&p->doc, list, p->path->str, cJSON_Array, "an array")) {
		lm_cp_pop(p, mark);
		return;
	}
	if (cJSON_GetArraySize(list) > LM_MAX_PEOPLE) {
		lm_cp_problem(p, LM_ELIMIT, "more than %d %s", LM_MAX_PEOPLE, role_keys[role]);
		lm_cp_pop(p, mark);
		return;
	}
	uint32_t i = 0;
	for (const cJSON *item = list->child; item; item = item->next, i++) {
		size_t person_mark = lm_cp_push_index(p, i);

		lm_cp_read_person(p, role, i, item);
		lm_cp_pop(p, person_mark);
	}
	lm_cp_pop(p, mark);
}

/* Locates a reference problem found after reading (core/cohort_build.c). */
static void report_ref(void *user_data, int code, lm_role role, uint32_t person,
		       lm_ref_kind kind, uint32_t elem, const char *message)
{
	static const char *const lists[] = { "choices", "exclude", "current", "previous" };
	lm_cohort_parser *p = user_data;
	g_autofree char *path = g_strdup_printf("$.%s[%u].%s[%u]%s", role_keys[role], person,
						lists[kind], elem,
						kind == LM_REF_PREVIOUS ? ".id" : "");

	lm_json_problem(&p->doc, path, code, "%s", message);
}

static int fail_whole(const char *name, int code, lm_error **err)
{
	lm_error *e = lm_error_new(code, code == LM_ENOMEM ? "out of memory"
							    : "cohort too large for its vocabularies");

	lm_error_locate_file(e, name);
	return lm_error_propagate(err, e);
}

void lm_cp_begin_people(lm_cohort_parser *p, uint32_t as_of)
{
	lm_cohort_draft_init(&p->draft, p->doc.file, as_of);
	p->monday = lm_week_monday(as_of);
	p->slots = lm_avail_memo_new(p->monday);
}

int lm_cp_finish(lm_cohort_parser *p, lm_cohort **out)
{
	gboolean clean = p->doc.problems.count == 0 && !p->doc.problems.truncated;
	lm_cohort *c = NULL;
	int rc = lm_cohort_draft_finish(&p->draft, clean, report_ref, p, &c);

	if (rc < 0)
		return rc;
	if (c && p->doc.problems.count > 0) {
		lm_cohort_destroy(c);
		c = NULL;
	}
	*out = c;
	return 0;
}

void lm_cp_init(lm_cohort_parser *p)
{
	p->doc.private_keys = TRUE; /* member names may be values typed in the wrong place */
	memset(&p->draft, 0, sizeof p->draft);
	p->path = g_string_new("$");
	p->field_index = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < lm_cohort_n_fields; i++) {
		p->field_names[i] = lm_cohort_fields[i].name;
		g_hash_table_insert(p->field_index, (gpointer)lm_cohort_fields[i].name,
				    GUINT_TO_POINTER(i + 1));
	}
	p->field_names[lm_cohort_n_fields] = NULL;
	p->zones = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					(GDestroyNotify)g_time_zone_unref);
	p->ref_ids = g_string_chunk_new(4096);
	p->slots = NULL;
}

void lm_cp_clear(lm_cohort_parser *p)
{
	lm_cohort_draft_clear(&p->draft);
	lm_json_doc_clear(&p->doc);
	g_string_free(p->path, TRUE);
	g_hash_table_destroy(p->field_index);
	g_hash_table_destroy(p->zones);
	g_string_chunk_free(p->ref_ids);
	lm_avail_memo_free(p->slots);
}

int lm_cohort_parse_json_full(lm_cohort **out, GBytes *source, const char *name, lm_error **err)
{
	gsize len = 0;
	const char *text = g_bytes_get_data(source, &len);
	lm_cohort_parser p;
	int rc = lm_json_doc_parse(&p.doc, name, text, len, err);

	if (rc < 0)
		return rc;
	lm_cp_init(&p);

	uint32_t as_of = 0;
	lm_cohort *c = NULL;

	if (read_header(&p, &as_of)) {
		lm_cp_begin_people(&p, as_of);
		read_people(&p, LM_ROLE_MENTEE);
		read_people(&p, LM_ROLE_MENTOR);
		rc = lm_cp_finish(&p, &c);
	}
	if (rc < 0) {
		rc = fail_whole(p.doc.file, rc, err);
	} else if (c) {
		c->source = g_bytes_ref(source);
		*out = c;
	} else {
		rc = lm_problems_finish(&p.doc.problems, err);
	}
	lm_cp_clear(&p);
	return rc;
}

int lm_cohort_parse_json(lm_cohort **out, GBytes *source, const char *name, lm_error **err)
{
	lm_cohort *c = NULL;

	/* Most files are plain and valid: read them without a tree of the
	 * whole document. Anything else, every error included, is the full
	 * reader's to decide. */
	if (lm_cohort_parse_json_fast(&c, source, name) == 1) {
		c->source = g_bytes_ref(source);
		*out = c;
		return 0;
	}
	return lm_cohort_parse_json_full(out, source, name, err);
}
