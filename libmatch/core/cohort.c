/* The public cohort API: loading, lookups, and the helpers every later
 * stage uses on the compiled layout (cohort_private.h). */
#include <string.h>
#include "core/cohort_private.h"
#include "core/cohort_build.h"
#include "core/limits_private.h"
#include "core/sha256.h"
#include "io/cohort_csv.h"
#include "io/json_util.h"

G_STATIC_ASSERT(sizeof(((lm_cohort *)NULL)->digest) == LM_SHA256_HEX + 1);

/* Parses source (JSON or CSV) and, on success, records its digest. */
static int load_bytes(lm_cohort **out, GBytes *source, const char *name,
		      const lm_limits *limits, lm_error **err)
{
	lm_cohort *c = NULL;
	int rc = lm_cohort_parse_any(&c, source, name, limits, err);

	if (rc < 0)
		return rc;

	gsize len = 0;
	const void *data = g_bytes_get_data(source, &len);

	lm_sha256_hex(data, len, c->digest);
	*out = c;
	return 0;
}

int lm_cohort_load_file(lm_cohort **out, const char *path, lm_error **err)
{
	return lm_cohort_load_file_with(out, path, NULL, err);
}

int lm_cohort_load_file_with(lm_cohort **out, const char *path, const lm_limits *limits,
			     lm_error **err)
{
	if (!out || !path)
		return lm_set_error(err, LM_EINVAL, "%s is NULL", out ? "path" : "out");

	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *data = NULL;
	size_t len = 0;
	int rc = lm_read_input(path, lm_limits_max_file_bytes(limits), &data, &len, err);

	if (rc < 0)
		return rc;

	GBytes *source = g_bytes_new_take(data, len);
	rc = load_bytes(out, source, name, limits, err);
	g_bytes_unref(source);
	return rc;
}

int lm_cohort_load_buffer(lm_cohort **out, const char *data, size_t len, const char *name,
			  lm_error **err)
{
	return lm_cohort_load_buffer_with(out, data, len, name, NULL, err);
}

int lm_cohort_load_buffer_with(lm_cohort **out, const char *data, size_t len, const char *name,
			       const lm_limits *limits, lm_error **err)
{
	if (!out || (!data && len > 0))
		return lm_set_error(err, LM_EINVAL, "%s is NULL", out ? "data" : "out");

	name = name ? name : "<memory>";
	int rc = lm_limits_check_size(limits, name, len, err);
	if (rc < 0)
		return rc;

	/* A private, NUL-terminated copy: the caller's buffer may go away. */
	char *copy = g_malloc(len + 1);
	if (len > 0)
		memcpy(copy, data, len);
	copy[len] = '\0';

	GBytes *source = g_bytes_new_take(copy, len);
	rc = load_bytes(out, source, name, limits, err);

	g_bytes_unref(source);
	return rc;
}

void lm_cohort_free(lm_cohort *cohort)
{
	lm_cohort_destroy(cohort);
}

size_t lm_cohort_count(const lm_cohort *cohort, lm_role role)
{
	if (!cohort || (role != LM_ROLE_MENTEE && role != LM_ROLE_MENTOR))
		return 0;
	return cohort->count[role];
}

const char *lm_cohort_id(const lm_cohort *cohort, lm_role role, size_t index)
{
	if (index >= lm_cohort_count(cohort, role))
		return NULL;
	return cohort->people[role][index].id;
}

int lm_cohort_find(const lm_cohort *cohort, const char *id, lm_role *role, size_t *index,
		   lm_error **err)
{
	if (!cohort || !id)
		return lm_set_error(err, LM_EINVAL, "%s is NULL", cohort ? "id" : "cohort");

	gpointer v = g_hash_table_lookup(cohort->by_id, id);

	if (!v)
		return lm_set_error(err, LM_ENOTFOUND, "no mentee or mentor has the id \"%s\"", id);

	guint code = GPOINTER_TO_UINT(v) - 1;

	if (role)
		*role = (lm_role)(code & 1);
	if (index)
		*index = code >> 1;
	return 0;
}

const char *lm_cohort_digest(const lm_cohort *cohort)
{
	return cohort ? cohort->digest : "";
}

gboolean lm_span_contains(const lm_cohort *c, lm_span s, uint32_t x)
{
	const uint32_t *refs = c->ref_pool + s.off;
	uint32_t lo = 0, hi = s.len;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (refs[mid] == x)
			return TRUE;
		if (refs[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return FALSE;
}

gboolean lm_cohort_locate(const lm_cohort *c, const char *path, unsigned long *line,
			  unsigned long *column)
{
	if (!c || !c->source || !path)
		return FALSE;

	gsize len = 0;
	const char *text = g_bytes_get_data(c->source, &len);
	const char *name = NULL;

	if (lm_cohort_source_is_csv(text, len)) {
		*column = 0;
		return lm_cohort_csv_locate(text, len, path, line, &name);
	}
	return lm_json_locate(text, len, path, line, column);
}

void lm_cohort_locate_error(const lm_cohort *c, lm_error *e, const char *path)
{
	gsize len = 0;
	const char *text = c->source ? g_bytes_get_data(c->source, &len) : "";
	unsigned long line = 0, column = 0;
	const char *name = NULL;

	/* A CSV cohort's problems read FILE:LINE: column NAME (docs/error-handling.md). */
	if (lm_cohort_source_is_csv(text, len)) {
		if (!lm_cohort_csv_locate(text, len, path, &line, &name))
			line = 0;
		lm_error_locate_csv(e, c->name, line, name);
		return;
	}
	lm_cohort_locate(c, path, &line, &column);
	lm_error_locate_json(e, c->name, line, column, path);
}
