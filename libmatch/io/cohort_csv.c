/* The libmatch-cohort v1 CSV reader: the file, its header and its rows.
 * The person columns themselves are read in cohort_csv_fields.c.
 *
 * The file is read three times, which costs far less than keeping its rows:
 * first the header, the shape of every row, the roles, as_of and the
 * limits; then the mentee rows; then the mentor rows. Reading the sides
 * apart gives the order of the JSON reader (all mentees, then all mentors),
 * hence the same vocabularies and the same compiled cohort. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "io/cohort_csv.h"
#include "io/cohort_json.h"
#include "io/json_locate.h"
#include "core/availability.h"
#include "core/vocab.h"

#define HEADER_HINT "id,role,gender,..."
#define SKIP 2 /* a record that is not a person, in the kinds array */

static const char *const role_names[] = { "mentee", "mentor" };
static const char *const side_names[] = { "mentees", "mentors" };

void lm_csv_problem(lm_csv_reader *r, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(code, fmt, ap);
	va_end(ap);
	lm_error_locate_csv(e, r->file, r->line, r->column);
	lm_problems_add(&r->problems, e);
}

static int column_index(const char *name)
{
	for (size_t c = 0; c < lm_csv_n_columns; c++)
		if (strcmp(lm_csv_columns[c].name, name) == 0)
			return (int)c;
	return -1;
}

const char *lm_csv_cell(const lm_csv_reader *r, const char *column)
{
	int c = column_index(column);
	int pos = c >= 0 ? r->pos[c] : -1;

	return pos >= 0 ? r->cells[pos] : "";
}

/* Copies a record's cells, trimmed of spaces and tabs, into r->cells;
 * FALSE when every cell is empty (spreadsheets export such rows). */
static gboolean load_row(lm_csv_reader *r, const char *const *f, size_t n)
{
	gboolean any = FALSE;

	g_string_truncate(r->row, 0);
	g_array_set_size(r->offsets, 0);
	for (size_t i = 0; i < n; i++) {
		const char *s = f[i], *end = s + strlen(s);

		while (*s == ' ' || *s == '\t')
			s++;
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		g_array_append_val(r->offsets, r->row->len);
		g_string_append_len(r->row, s, end - s);
		g_string_append_c(r->row, '\0');
		any |= end > s;
	}
	r->cells = g_renew(const char *, r->cells, n + 1);
	for (size_t i = 0; i < n; i++)
		r->cells[i] = r->row->str + g_array_index(r->offsets, size_t, i);
	return any;
}

static int parse_role(const char *cell)
{
	for (int i = 0; i < 2; i++)
		if (strcmp(cell, role_names[i]) == 0)
			return i;
	return -1;
}

/* ---- header -------------------------------------------------------------------- */

/* Column positions; unknown columns are named by number, since a header
 * line may hold values pasted by mistake. FALSE without id and role. */
static gboolean read_header(lm_csv_reader *r, const char *const *f, size_t n)
{
	g_autofree const char **names = g_new(const char *, lm_csv_n_columns);

	for (size_t c = 0; c < lm_csv_n_columns; c++) {
		r->pos[c] = -1;
		names[c] = lm_csv_columns[c].name;
	}
	load_row(r, f, n);
	r->line = 1;
	for (size_t i = 0; i < n; i++) {
		const char *name = r->cells[i];
		int c = column_index(name);
		char label[32];

		g_snprintf(label, sizeof label, "%zu", i + 1);
		r->column = c >= 0 ? name : label;
		if (g_str_has_prefix(name, "x-"))
			continue;
		if (c >= 0 && r->pos[c] >= 0) {
			lm_csv_problem(r, LM_EPARSE, "column named twice (first as column %d)",
				       r->pos[c] + 1);
			continue;
		}
		if (c >= 0) {
			r->pos[c] = (int)i;
			continue;
		}

		const char *near = lm_vocab_closest(name, names, lm_csv_n_columns);

		if (near)
			lm_csv_problem(r, LM_EPARSE, "unknown column; did you mean \"%s\"? (extra "
				       "columns must start with \"x-\")", near);
		else
			lm_csv_problem(r, LM_EPARSE, "unknown column (extra columns must start "
				       "with \"x-\")");
	}
	for (int c = 0; c < 2; c++) {
		r->column = c == 0 ? "id" : "role";
		if (r->pos[column_index(r->column)] < 0)
			lm_csv_problem(r, LM_EPARSE, "missing from the header: the first line must "
				       "name the columns, e.g. " HEADER_HINT);
	}
	return r->pos[column_index("id")] >= 0 && r->pos[column_index("role")] >= 0;
}

/* ---- first pass: shape, roles, as_of, limits -------------------------------------- */

static const char *const list_columns[] = { "modes", "languages", "goals", "availability",
					    "choices", "exclude", "current", "previous",
					    "offers", "teaches", "trained", NULL };

/* A limit broken by the row: the error alone (other problems would only be
 * noise next to it), or NULL. */
static lm_error *row_limits(lm_csv_reader *r, const char *const *f, size_t n,
			    uint32_t *count, int role)
{
	const lm_limits *l = lm_limits_get(r->limits);
	lm_error *e = NULL;

	for (size_t i = 0; i < n && !e; i++) {
		int c = -1;
		size_t entries = 1;

		for (size_t k = 0; k < lm_csv_n_columns; k++)
			if (r->pos[k] == (int)i)
				c = (int)k;
		if (strlen(f[i]) > l->string_bytes) {
			e = lm_error_new(LM_ELIMIT, "cell longer than the limit of %zu bytes",
					 l->string_bytes);
		} else if (c >= 0 && g_strv_contains(list_columns, lm_csv_columns[c].name)) {
			for (const char *p = f[i]; *p; p++)
				entries += *p == ';';
			if (entries > l->list_length)
				e = lm_error_new(LM_ELIMIT, "more than %zu entries in one list (the "
						 "limit)", l->list_length);
		}
		if (e) {
			g_autofree char *label = g_strdup_printf("%zu", i + 1);

			lm_error_locate_csv(e, r->file, r->line, c >= 0 ? lm_csv_columns[c].name
									 : label);
		}
	}
	if (!e && role >= 0 && ++count[role] > l->people) {
		e = lm_error_new(LM_ELIMIT, "more than %zu %s", l->people, side_names[role]);
		lm_error_locate_csv(e, r->file, r->line, "role");
	}
	return e;
}

/* Reads as_of from one row: every row giving it must give the same date. */
static void row_as_of(lm_csv_reader *r, uint32_t *as_of, unsigned long *as_of_line)
{
	const char *cell = lm_csv_cell(r, "as_of");
	uint32_t julian = 0, earliest = 0;

	if (!*cell)
		return;
	lm_date_parse("1950-01-01", &earliest);
	r->column = "as_of";
	if (!lm_date_parse(cell, &julian) || julian < earliest)
		lm_csv_problem(r, LM_EPARSE, "expected a date as \"YYYY-MM-DD\" from 1950-01-01 on");
	else if (*as_of_line && julian != *as_of)
		lm_csv_problem(r, LM_EPARSE, "expected the same as_of on every row (first given "
			       "on line %lu)", *as_of_line);
	else if (!*as_of_line) {
		*as_of = julian;
		*as_of_line = r->line;
	}
}

/* Records each record's kind (role or SKIP) in kinds. Returns 0, or a
 * broken limit's code with *err set. */
static int first_pass(lm_csv_reader *r, GArray *kinds, uint32_t *as_of, lm_error **err)
{
	uint32_t count[2] = { 0, 0 };
	unsigned long as_of_line = 0;
	const char *const *f;
	size_t n;
	int rc;

	lm_date_parse(LM_DEFAULT_AS_OF, as_of);
	while (!r->problems.truncated) {
		lm_error *e = NULL;
		uint8_t kind = SKIP;

		if ((rc = lm_csv_next(r->csv, &f, &n, &e)) == 0)
			break;
		if (rc < 0) {
			lm_problems_add(&r->problems, e);
			g_array_append_val(kinds, kind);
			continue;
		}
		r->line = lm_csv_line(r->csv);
		if (load_row(r, f, n)) {
			const char *role = lm_csv_cell(r, "role");
			int k = parse_role(role);

			if ((e = row_limits(r, f, n, count, k)))
				return lm_error_propagate(err, e);
			r->column = "role";
			if (k < 0)
				lm_csv_problem(r, LM_EPARSE, "%sexpected mentee or mentor",
					       *role ? "" : "missing value: ");
			kind = k < 0 ? SKIP : (uint8_t)k;
			row_as_of(r, as_of, &as_of_line);
		}
		g_array_append_val(kinds, kind);
	}
	return 0;
}

/* ---- the people --------------------------------------------------------------------- */

static void read_person(lm_csv_reader *r, lm_role role)
{
	uint32_t line = (uint32_t)r->line;

	r->role = role;
	r->index = r->draft.people[role]->len;
	r->person = lm_cohort_draft_add(&r->draft, role, &r->lists);
	g_array_append_val(r->lines[role], line);
	for (size_t c = 0; c < lm_csv_n_columns; c++) {
		const lm_csv_column *col = &lm_csv_columns[c];
		const char *cell = r->pos[c] >= 0 ? r->cells[r->pos[c]] : "";

		r->column = col->name;
		if (!col->read)
			continue;
		if (col->roles & LM_CSV_ALWAYS)
			col->read(r, cell);
		else if (!*cell && strcmp(col->name, "id") == 0)
			lm_csv_problem(r, LM_EPARSE, "missing value: %s", LM_ID_EXPECTED);
		else if (*cell && !(col->roles & (1u << role)))
			lm_csv_problem(r, LM_EPARSE, "field only for %s", side_names[!role]);
		else if (*cell)
			col->read(r, cell);
	}
	if (r->person->birth_year && r->person->arrival_year &&
	    r->person->arrival_year < r->person->birth_year) {
		r->column = "arrival_year";
		lm_csv_problem(r, LM_EPARSE, "expected an arrival_year not before birth_year");
	}
}

/* Reads the rows of one side, in file order. */
static void read_side(lm_csv_reader *r, const char *text, size_t len, lm_role role,
		      const GArray *kinds)
{
	const char *const *f;
	size_t n;
	guint k = 0;

	lm_csv_free(r->csv);
	r->csv = NULL;
	if (lm_csv_open(&r->csv, r->file, text, len, NULL) < 0 ||
	    lm_csv_next(r->csv, &f, &n, NULL) <= 0)
		return; /* cannot happen: the first pass read it */
	while (!r->problems.truncated && k < kinds->len) {
		int rc = lm_csv_next(r->csv, &f, &n, NULL);

		if (rc == 0)
			break;
		if (g_array_index(kinds, uint8_t, k++) != role || rc < 0)
			continue;
		r->line = lm_csv_line(r->csv);
		load_row(r, f, n);
		read_person(r, role);
	}
}

/* Locates a reference problem found after reading (core/cohort_build.c). */
static void report_ref(void *user_data, int code, lm_role role, uint32_t person,
		       lm_ref_kind kind, uint32_t elem, const char *message)
{
	static const char *const lists[] = { "choices", "exclude", "current", "previous" };
	lm_csv_reader *r = user_data;

	r->line = g_array_index(r->lines[role], uint32_t, person);
	r->column = lists[kind];
	lm_csv_problem(r, code, "entry %u: %s", elem + 1, message);
}

static int fail_whole(const char *name, int code, lm_error **err)
{
	lm_error *e = lm_error_new(code, code == LM_ENOMEM ? "out of memory"
							    : "cohort too large for its vocabularies");

	lm_error_locate_file(e, name);
	return lm_error_propagate(err, e);
}

/* The people, then the cohort; *out stays NULL when there were problems. */
static int read_cohort(lm_csv_reader *r, const char *text, size_t len, const GArray *kinds,
		       uint32_t as_of, lm_cohort **out)
{
	lm_cohort_draft_init(&r->draft, r->file, as_of);
	r->monday = lm_week_monday(as_of);
	for (int role = 0; role < 2; role++)
		read_side(r, text, len, (lm_role)role, kinds);

	gboolean clean = r->problems.count == 0 && !r->problems.truncated;
	lm_cohort *c = NULL;
	int rc = lm_cohort_draft_finish(&r->draft, clean, report_ref, r, &c);

	if (rc < 0)
		return rc;
	if (c && r->problems.count > 0) {
		lm_cohort_destroy(c);
		c = NULL;
	}
	*out = c;
	return 0;
}

static void reader_clear(lm_csv_reader *r)
{
	lm_csv_free(r->csv);
	lm_cohort_draft_clear(&r->draft);
	lm_problems_clear(&r->problems);
	g_hash_table_destroy(r->zones);
	g_string_chunk_free(r->ids);
	g_free(r->pos);
	g_free(r->cells);
	g_string_free(r->row, TRUE);
	g_array_free(r->offsets, TRUE);
	for (int i = 0; i < 2; i++)
		g_array_free(r->lines[i], TRUE);
}

int lm_cohort_parse_csv(lm_cohort **out, GBytes *source, const char *name,
			const lm_limits *limits, lm_error **err)
{
	gsize len = 0;
	const char *text = g_bytes_get_data(source, &len);
	lm_csv_reader r = { .file = name, .limits = limits };
	g_autoptr(GArray) kinds = g_array_new(FALSE, FALSE, sizeof(uint8_t));
	const char *const *f;
	size_t n;
	uint32_t as_of = 0;
	lm_cohort *c = NULL;
	lm_error *e = NULL;
	int rc;

	if ((rc = lm_limits_check_size(limits, name, len, err)) < 0 ||
	    (rc = lm_csv_open(&r.csv, name, text, len, err)) < 0)
		return rc;
	memset(&r.draft, 0, sizeof r.draft);
	r.zones = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					(GDestroyNotify)g_time_zone_unref);
	r.ids = g_string_chunk_new(4096);
	r.pos = g_new(int, lm_csv_n_columns);
	r.row = g_string_new(NULL);
	r.offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
	for (int i = 0; i < 2; i++)
		r.lines[i] = g_array_new(FALSE, FALSE, sizeof(uint32_t));

	int limit_rc = 0, build_rc = 0;

	if ((rc = lm_csv_next(r.csv, &f, &n, &e)) < 0) {
		lm_problems_add(&r.problems, e);
	} else if (rc == 0) {
		r.line = 1;
		lm_csv_problem(&r, LM_EPARSE, "empty file: expected a header line naming the "
			       "columns, e.g. " HEADER_HINT);
	} else if (read_header(&r, f, n)) {
		limit_rc = first_pass(&r, kinds, &as_of, err);
		if (limit_rc == 0)
			build_rc = read_cohort(&r, text, len, kinds, as_of, &c);
	}
	if (limit_rc < 0) {
		rc = limit_rc;
	} else if (build_rc < 0) {
		rc = fail_whole(name, build_rc, err);
	} else if (c) {
		c->source = g_bytes_ref(source);
		*out = c;
		rc = 0;
	} else {
		rc = lm_problems_finish(&r.problems, err);
	}
	reader_clear(&r);
	return rc;
}

/* ---- format detection and locating ---------------------------------------------------- */

gboolean lm_cohort_source_is_csv(const char *text, size_t len)
{
	size_t i = lm_json_skip_space(text, len, 0);

	/* Nothing at all reads as JSON, whose message says "empty document". */
	return i < len && text[i] != '{' && text[i] != '[';
}

static gboolean has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n >= k && g_ascii_strcasecmp(name + n - k, suffix) == 0;
}

int lm_cohort_parse_any(lm_cohort **out, GBytes *source, const char *name,
			const lm_limits *limits, lm_error **err)
{
	gsize len = 0;
	const char *text = g_bytes_get_data(source, &len);
	int rc = lm_limits_check_size(limits, name, len, err);

	if (rc < 0)
		return rc;
	if (has_suffix(name, ".csv") ||
	    (!has_suffix(name, ".json") && lm_cohort_source_is_csv(text, len)))
		return lm_cohort_parse_csv(out, source, name, limits, err);
	if ((rc = lm_limits_check_json(limits, name, text, len, err)) < 0)
		return rc;
	return lm_cohort_parse_json(out, source, name, err);
}

/* The column a JSON-style path names: "availability.tz" -> "tz", ... */
static const char *path_column(const char *field)
{
	const char *best = NULL;
	size_t best_len = 0;

	for (size_t c = 0; c < lm_csv_n_columns; c++) {
		const char *json = lm_csv_columns[c].json;
		size_t k = json ? strlen(json) : 0;

		/* The longest JSON name that the path starts with, as a whole step. */
		if (k > best_len && strncmp(field, json, k) == 0 &&
		    (field[k] == '\0' || field[k] == '.' || field[k] == '[')) {
			best = lm_csv_columns[c].name;
			best_len = k;
		}
	}
	return best;
}

gboolean lm_cohort_csv_locate(const char *text, size_t len, const char *path,
			      unsigned long *line, const char **column)
{
	const char *const *f;
	size_t n;
	int role = -1;

	for (int i = 0; i < 2; i++)
		if (g_str_has_prefix(path, "$.") && g_str_has_prefix(path + 2, side_names[i]) &&
		    path[2 + strlen(side_names[i])] == '[')
			role = i;
	if (role < 0)
		return FALSE;

	char *end = NULL;
	const char *at = path + 3 + strlen(side_names[role]);
	guint64 index = g_ascii_strtoull(at, &end, 10);

	if (end == at || *end != ']')
		return FALSE;
	*column = end[1] == '.' ? path_column(end + 2) : NULL;

	/* Errors are rare: read the file again rather than keep every line. */
	lm_csv *csv = NULL;
	int pos = -1;
	gboolean found = FALSE;

	if (lm_csv_open(&csv, NULL, text, len, NULL) < 0)
		return FALSE;
	if (lm_csv_next(csv, &f, &n, NULL) > 0) {
		for (size_t i = 0; i < n && pos < 0; i++) {
			g_autofree char *name = g_strstrip(g_strdup(f[i]));

			if (strcmp(name, "role") == 0)
				pos = (int)i;
		}
	}
	for (int rc; pos >= 0 && !found && (rc = lm_csv_next(csv, &f, &n, NULL)) != 0;) {
		if (rc < 0)
			continue;

		g_autofree char *cell = g_strstrip(g_strdup(f[pos]));

		if (parse_role(cell) == role && index-- == 0) {
			*line = lm_csv_line(csv);
			found = TRUE;
		}
	}
	lm_csv_free(csv);
	return found;
}
