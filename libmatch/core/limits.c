/* Input limits: the public setters, and the checks the readers run on raw
 * input before parsing it, so that absurd input costs one pass over its
 * bytes and no memory. */
#include <stdarg.h>
#include <string.h>
#include "core/limits_private.h"
#include "io/json_locate.h"
#include "io/json_util.h"
#include "core/cohort_build.h"

/* Pools index people with 32-bit offsets (core/cohort_build.h). */
#define MAX_PEOPLE LM_LIMIT_DEFAULT_PEOPLE
#define MAX_FILE_BYTES ((size_t)4 << 30)
#define MAX_COUNT ((size_t)1 << 30)

G_STATIC_ASSERT(LM_LIMIT_DEFAULT_DEPTH == LM_JSON_MAX_DEPTH);
G_STATIC_ASSERT(MAX_PEOPLE == LM_MAX_PEOPLE);

static const lm_limits defaults = {
	LM_LIMIT_DEFAULT_FILE_BYTES, LM_LIMIT_DEFAULT_PEOPLE, LM_LIMIT_DEFAULT_STRING_BYTES,
	LM_LIMIT_DEFAULT_LIST_LENGTH, LM_LIMIT_DEFAULT_DEPTH,
};

const lm_limits *lm_limits_get(const lm_limits *l)
{
	return l ? l : &defaults;
}

int lm_limits_new(lm_limits **out, lm_error **err)
{
	if (!out)
		return lm_set_error(err, LM_EINVAL, "lm_limits_new: out is NULL");
	*out = g_memdup2(&defaults, sizeof defaults);
	return 0;
}

void lm_limits_free(lm_limits *limits)
{
	g_free(limits);
}

/* Range check shared by the setters; the message names the setting. */
static int check_range(const lm_limits *l, const char *what, size_t v, size_t min, size_t max,
		       lm_error **err)
{
	if (!l)
		return lm_set_error(err, LM_EINVAL, "%s: limits is NULL", what);
	if (v < min || v > max)
		return lm_set_error(err, LM_EINVAL, "%s: expected a value from %zu to %zu", what,
				    min, max);
	return 0;
}

int lm_limits_set_max_file_bytes(lm_limits *l, size_t bytes, lm_error **err)
{
	int rc = check_range(l, "max file bytes", bytes, 1, MAX_FILE_BYTES, err);

	if (rc == 0)
		l->file_bytes = bytes;
	return rc;
}

int lm_limits_set_max_people(lm_limits *l, size_t people, lm_error **err)
{
	int rc = check_range(l, "max people", people, 1, MAX_PEOPLE, err);

	if (rc == 0)
		l->people = people;
	return rc;
}

int lm_limits_set_max_string_bytes(lm_limits *l, size_t bytes, lm_error **err)
{
	int rc = check_range(l, "max string bytes", bytes, 1, MAX_COUNT, err);

	if (rc == 0)
		l->string_bytes = bytes;
	return rc;
}

int lm_limits_set_max_list_length(lm_limits *l, size_t entries, lm_error **err)
{
	int rc = check_range(l, "max list length", entries, 1, MAX_COUNT, err);

	if (rc == 0)
		l->list_length = entries;
	return rc;
}

int lm_limits_set_max_depth(lm_limits *l, int depth, lm_error **err)
{
	int rc = check_range(l, "max depth", depth < 0 ? 0 : (size_t)depth, 1,
			     LM_LIMIT_DEFAULT_DEPTH, err);

	if (rc == 0)
		l->depth = depth;
	return rc;
}

size_t lm_limits_max_file_bytes(const lm_limits *l)
{
	return lm_limits_get(l)->file_bytes;
}

size_t lm_limits_max_people(const lm_limits *l)
{
	return lm_limits_get(l)->people;
}

size_t lm_limits_max_string_bytes(const lm_limits *l)
{
	return lm_limits_get(l)->string_bytes;
}

size_t lm_limits_max_list_length(const lm_limits *l)
{
	return lm_limits_get(l)->list_length;
}

int lm_limits_max_depth(const lm_limits *l)
{
	return lm_limits_get(l)->depth;
}

/* ---- checks ------------------------------------------------------------------ */

int lm_limits_check_size(const lm_limits *l, const char *file, size_t len, lm_error **err)
{
	size_t max = lm_limits_get(l)->file_bytes;

	if (len <= max)
		return 0;

	lm_error *e = lm_error_new(LM_ELIMIT, "input is larger than the limit of %zu bytes", max);

	lm_error_locate_file(e, file);
	return lm_error_propagate(err, e);
}

/* An open array or object. */
typedef struct frame {
	size_t open;    /* offset of its bracket */
	size_t commas;  /* entries - 1, once it has any */
	int people;     /* 0, or the role + 1 of a root "mentees"/"mentors" value */
} frame;

typedef struct scan {
	const lm_limits *l;
	const char *file, *text;
	size_t len;
	frame stack[LM_LIMIT_DEFAULT_DEPTH];
	unsigned depth;
	size_t key, key_len;  /* the last string read inside the root object */
} scan;

static lm_error *limit_error(const scan *s, size_t off, const char *path, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

static lm_error *limit_error(const scan *s, size_t off, const char *path, const char *fmt, ...)
{
	va_list ap;
	unsigned long line, col;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(LM_ELIMIT, fmt, ap);
	va_end(ap);
	lm_json_line_col(s->text, off, &line, &col);
	lm_error_locate_json(e, s->file, line, col, path);
	return e;
}

/* The offset of the quote closing the string opened at text[open], or len
 * when it is not closed. */
static size_t string_end(const char *text, size_t len, size_t open)
{
	for (size_t i = open + 1; i < len; i++) {
		if (text[i] == '\\')
			i++;
		else if (text[i] == '"')
			return i;
	}
	return len;
}

static gboolean is_key(const scan *s, const char *name)
{
	size_t n = strlen(name);

	return s->key_len == n && memcmp(s->text + s->key, name, n) == 0;
}

/* An array or object opens at text[i]; NULL, or the error. */
static lm_error *open_container(scan *s, size_t i, unsigned max_depth)
{
	static const char *const sides[] = { "mentees", "mentors" };
	frame f = { i, 0, 0 };

	if (s->depth == max_depth)
		return limit_error(s, i, NULL, "nesting deeper than the limit of %d", s->l->depth);
	for (int r = 0; s->depth == 1 && r < 2; r++)
		if (s->text[s->stack[0].open] == '{' && is_key(s, sides[r]))
			f.people = r + 1;
	s->stack[s->depth++] = f;
	return NULL;
}

/* A comma inside the innermost container: one entry more. */
static lm_error *count_entry(scan *s, size_t i)
{
	static const char *const sides[] = { "mentees", "mentors" };
	frame *top = &s->stack[s->depth - 1];
	size_t max = top->people ? s->l->people : s->l->list_length;

	if (++top->commas < max)
		return NULL;
	if (top->people) {
		g_autofree char *path = g_strconcat("$.", sides[top->people - 1], NULL);

		/* Worded and placed as the cohort reader's own check. */
		return limit_error(s, top->open, path, "more than %zu %s", max,
				   sides[top->people - 1]);
	}
	return limit_error(s, i, NULL, "more than %zu entries in one list or map (the limit)",
			   max);
}

/* NULL, or the error for the first limit the text breaks. */
static lm_error *run_scan(scan *s)
{
	const lm_limits *l = s->l;
	/* Nesting past the parsers' own rule is theirs to report (LM_EPARSE). */
	gboolean check_depth = l->depth < LM_JSON_MAX_DEPTH;
	unsigned max_depth = check_depth ? (unsigned)l->depth : LM_JSON_MAX_DEPTH;
	lm_error *e = NULL;

	for (size_t i = 0; i < s->len && !e; i++) {
		char ch = s->text[i];

		if (ch == '"') {
			size_t end = string_end(s->text, s->len, i);

			if (end == s->len)
				return NULL; /* unterminated: a syntax error */
			if (end - i - 1 > l->string_bytes)
				return limit_error(s, i, NULL, "string longer than the limit of %zu "
						   "bytes", l->string_bytes);
			if (s->depth == 1) {
				s->key = i + 1;
				s->key_len = end - i - 1;
			}
			i = end;
		} else if (ch == '[' || ch == '{') {
			if (s->depth == max_depth && !check_depth)
				return NULL;
			e = open_container(s, i, max_depth);
		} else if ((ch == ']' || ch == '}') && s->depth) {
			s->depth--;
		} else if (ch == ',' && s->depth) {
			e = count_entry(s, i);
		}
	}
	return e;
}

int lm_limits_check_json(const lm_limits *l, const char *file, const char *text, size_t len,
			 lm_error **err)
{
	scan s = { .l = lm_limits_get(l), .file = file, .text = text, .len = len };
	lm_error *e = run_scan(&s);

	return e ? lm_error_propagate(err, e) : 0;
}
