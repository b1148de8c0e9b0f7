/* The pure solver's input files (FORMATS.md): an edge list with header
 * mentee,mentor,score and an optional capacity list with header
 * mentor,capacity, columns in any order. Every problem is collected, up to
 * the limit, as `FILE:LINE: column NAME: message`; messages name ids (they
 * are pseudonyms) but never quote a rejected value. */
#include <string.h>
#include "core/id.h"
#include "core/error_private.h"
#include "assign/graph_private.h"
#include "io/csv.h"
#include "io/json_util.h"

#define MAX_COLUMNS 3

/* A file being read: its reader, the header's column positions, problems. */
typedef struct sheet {
	lm_csv *csv;
	char *data;
	const char *const *names;   /* the expected columns, NULL-terminated */
	int pos[MAX_COLUMNS];       /* field index of each expected column */
	lm_problems *problems;
	GArray *lines;              /* uint32 per edge or per mentor: the line it came from */
} sheet;

static void problem(sheet *sh, unsigned long line, const char *column, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

static void problem(sheet *sh, unsigned long line, const char *column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(LM_EPARSE, fmt, ap);
	va_end(ap);
	lm_error_locate_csv(e, lm_csv_file(sh->csv), line, column);
	lm_problems_add(sh->problems, e);
}

static int find_name(const char *const *names, const char *s)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* The header may order the expected columns freely; anything else is an
 * error. A header naming none of them is taken for a missing header. */
static gboolean read_header(sheet *sh, const char *const *f, size_t n, const char *expected)
{
	int known = 0;

	for (int i = 0; sh->names[i]; i++)
		sh->pos[i] = -1;
	for (size_t i = 0; i < n; i++)
		known += find_name(sh->names, f[i]) >= 0;
	if (known == 0) {
		problem(sh, 1, NULL, "missing header: the first line must name the columns %s",
			expected);
		return FALSE;
	}
	for (size_t i = 0; i < n; i++) {
		int k = find_name(sh->names, f[i]);
		char label[32];

		g_snprintf(label, sizeof(label), "%zu", i + 1);
		if (k < 0)
			problem(sh, 1, lm_id_valid(f[i]) ? f[i] : label,
				"unknown column (expected %s)", expected);
		else if (sh->pos[k] >= 0)
			problem(sh, 1, f[i], "column named twice");
		else
			sh->pos[k] = (int)i;
	}
	for (int i = 0; sh->names[i]; i++)
		if (sh->pos[i] < 0)
			problem(sh, 1, sh->names[i], "missing from the header (expected %s)", expected);
	return sh->problems->count == 0;
}

/* A reader's own error: a problem of the file when it is about the
 * content, otherwise passed on (the caller stops). */
static int reader_error(sheet *sh, int rc, lm_error *e, lm_error **err)
{
	if (rc != LM_EPARSE)
		return lm_error_propagate(err, e);
	lm_problems_add(sh->problems, e);
	return rc;
}

/* Reads the file and its header: 0, LM_EPARSE (recorded as a problem), or
 * another code in *err. */
static int open_sheet(sheet *sh, const char *path, const char *expected, lm_error **err)
{
	size_t len = 0, n = 0;
	const char *const *f;
	lm_error *e = NULL;
	int rc = lm_read_input(path, LM_INPUT_MAX_BYTES, &sh->data, &len, err);

	if (rc < 0)
		return rc;
	if ((rc = lm_csv_open(&sh->csv, strcmp(path, "-") == 0 ? "<stdin>" : path, sh->data, len,
			      &e)) < 0)
		return reader_error(sh, rc, e, err);
	if ((rc = lm_csv_next(sh->csv, &f, &n, &e)) < 0)
		return reader_error(sh, rc, e, err);
	if (rc == 0) {
		problem(sh, 1, NULL, "empty file: expected the header %s", expected);
		return LM_EPARSE;
	}
	return read_header(sh, f, n, expected) ? 0 : LM_EPARSE;
}

static void close_sheet(sheet *sh)
{
	lm_csv_free(sh->csv);
	g_free(sh->data);
	g_array_free(sh->lines, TRUE);
}

/* Calls row() on every record; a malformed record is a problem and skipped. */
static int each_row(sheet *sh, lm_graph *g, int (*row)(sheet *, lm_graph *, const char *const *,
						     lm_error **), lm_error **err)
{
	const char *const *f;
	size_t n;

	/* Past the limit one more problem sets `truncated`; then stop looking. */
	while (!sh->problems->truncated) {
		lm_error *e = NULL;
		int rc = lm_csv_next(sh->csv, &f, &n, &e);

		if (rc == 0)
			return 0;
		if (rc < 0 && reader_error(sh, rc, e, err) != LM_EPARSE)
			return rc;
		if (rc > 0 && (rc = row(sh, g, f, err)) < 0)
			return rc; /* out of memory or a limit: stop */
	}
	return 0;
}

/* ---- values ------------------------------------------------------------------- */

/* A decimal number of points, at most 6 decimals, into millionths, exactly. */
static gboolean parse_score(const char *s, lm_score *out)
{
	int64_t whole = 0, frac = 0;
	int digits = 0;

	if (!g_ascii_isdigit(*s))
		return FALSE;
	for (; g_ascii_isdigit(*s); s++)
		if ((whole = whole * 10 + (*s - '0')) > LM_GRAPH_SCORE_MAX / LM_SCORE_SCALE)
			return FALSE;
	if (*s == '.') {
		if (!g_ascii_isdigit(*++s))
			return FALSE;
		for (; g_ascii_isdigit(*s); s++, digits++)
			if (digits == 6)
				return FALSE;
			else
				frac = frac * 10 + (*s - '0');
	}
	for (; digits < 6; digits++)
		frac *= 10;
	*out = whole * LM_SCORE_SCALE + frac;
	return *s == '\0' && *out <= LM_GRAPH_SCORE_MAX;
}

static gboolean parse_capacity(const char *s, long *out)
{
	long v = 0;

	if (!*s)
		return FALSE;
	for (; *s; s++)
		if (!g_ascii_isdigit(*s) || (v = v * 10 + (*s - '0')) > LM_GRAPH_CAPACITY_MAX)
			return FALSE;
	*out = v;
	return TRUE;
}

static gboolean check_id(sheet *sh, const char *id, const char *column)
{
	if (lm_id_valid(id))
		return TRUE;
	problem(sh, lm_csv_line(sh->csv), column, "expected an id of 1-64 characters "
		"from A-Z a-z 0-9 . _ -");
	return FALSE;
}

/* ---- the edge list -------------------------------------------------------------- */

static const char *const edge_columns[] = { "mentee", "mentor", "score", NULL };
#define EDGE_HEADER "mentee,mentor,score"

static int edge_row(sheet *sh, lm_graph *g, const char *const *f, lm_error **err)
{
	const char *mentee = f[sh->pos[0]], *mentor = f[sh->pos[1]];
	uint32_t line = (uint32_t)lm_csv_line(sh->csv), r, c;
	lm_score score = 0;
	size_t earlier;
	int rc;
	/* Both ids are checked so that both problems are reported. */
	gboolean ok = check_id(sh, mentee, "mentee") & check_id(sh, mentor, "mentor");

	if (!parse_score(f[sh->pos[2]], &score)) {
		problem(sh, line, "score", "expected a number of points from 0 to 1000000 "
			"with at most 6 decimals, like 81.25");
		ok = FALSE;
	}
	if (!ok)
		return 0;
	if ((rc = lm_graph_intern(g, LM_ROLE_MENTEE, mentee, &r, err)) < 0 ||
	    (rc = lm_graph_intern(g, LM_ROLE_MENTOR, mentor, &c, err)) < 0)
		return rc;
	rc = lm_graph_insert_edge(g, r, c, score, &earlier, err);
	if (rc == LM_EPARSE) {
		problem(sh, line, NULL, "mentee %s and mentor %s are listed twice (first on line %u)",
			mentee, mentor, g_array_index(sh->lines, uint32_t, earlier));
		return 0;
	}
	if (rc == 0)
		g_array_append_val(sh->lines, line);
	return rc;
}

/* ---- the capacity list ------------------------------------------------------------ */

static const char *const cap_columns[] = { "mentor", "capacity", NULL };
#define CAP_HEADER "mentor,capacity"

static int cap_row(sheet *sh, lm_graph *g, const char *const *f, lm_error **err)
{
	const char *mentor = f[sh->pos[0]];
	uint32_t line = (uint32_t)lm_csv_line(sh->csv), c, zero = 0;
	long cap = 0;
	int rc;
	gboolean ok = check_id(sh, mentor, "mentor");

	if (!parse_capacity(f[sh->pos[1]], &cap)) {
		problem(sh, line, "capacity", "expected a whole number from 0 to %ld",
			LM_GRAPH_CAPACITY_MAX);
		ok = FALSE;
	}
	if (!ok)
		return 0;
	if ((rc = lm_graph_intern(g, LM_ROLE_MENTOR, mentor, &c, err)) < 0)
		return rc;
	/* lines[c]: where mentor c's capacity was given, 0 = not yet. */
	while (sh->lines->len <= c)
		g_array_append_val(sh->lines, zero);
	if (g_array_index(sh->lines, uint32_t, c)) {
		problem(sh, line, "mentor", "mentor %s is listed twice (first on line %u)", mentor,
			g_array_index(sh->lines, uint32_t, c));
		return 0;
	}
	g_array_index(sh->lines, uint32_t, c) = line;
	g->capacity[c] = (uint32_t)cap;
	return 0;
}

/* ---- loading --------------------------------------------------------------------- */

static int load(lm_graph *g, const char *path, const char *const *names, const char *header,
		int (*row)(sheet *, lm_graph *, const char *const *, lm_error **),
		lm_problems *problems, lm_error **err)
{
	sheet sh = { .names = names, .problems = problems,
		     .lines = g_array_new(FALSE, FALSE, sizeof(uint32_t)) };
	int rc = open_sheet(&sh, path, header, err);

	if (rc == 0)
		rc = each_row(&sh, g, row, err);
	close_sheet(&sh);
	/* Problems are reported together by the caller; other codes stop now. */
	return rc == LM_EPARSE && problems->count > 0 ? 0 : rc;
}

int lm_graph_load_csv(lm_graph **out, const char *edges_path, const char *capacities_path,
		      lm_error **err)
{
	lm_problems problems = { 0 };
	lm_graph *g = NULL;
	int rc;

	if (!out || !edges_path)
		return lm_set_error(err, LM_EINVAL, "lm_graph_load_csv: NULL argument");
	if ((rc = lm_graph_new(&g, 0, 0, err)) < 0)
		return rc;
	rc = load(g, edges_path, edge_columns, EDGE_HEADER, edge_row, &problems, err);
	if (rc == 0 && capacities_path)
		rc = load(g, capacities_path, cap_columns, CAP_HEADER, cap_row, &problems, err);
	if (rc == 0)
		rc = lm_problems_finish(&problems, err);
	lm_problems_clear(&problems);
	if (rc < 0) {
		lm_graph_free(g);
		return rc;
	}
	*out = g;
	return 0;
}
