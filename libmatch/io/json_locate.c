/* Finding a JSON path's line and column in the original text.
 *
 * cJSON keeps no positions, so when a problem is reported the text is
 * walked again along the path with a small tokenizer that skips values
 * without building them. Errors are rare; the happy path pays nothing. */
#include <stdint.h>
#include <string.h>
#include "io/json_util.h"
#include "io/json_locate.h"

/* 1-based line and byte column of text[off]. */
void lm_json_line_col(const char *text, size_t off, unsigned long *line, unsigned long *col)
{
	unsigned long l = 1;
	size_t start = 0;

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (unsigned long)(off - start + 1);
}

gboolean lm_json_is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Offset of the first byte that is not white space (or a leading BOM). */
size_t lm_json_skip_space(const char *text, size_t len, size_t off)
{
	if (off == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	while (off < len && lm_json_is_space(text[off]))
		off++;
	return off;
}

/* ---- walking the text ---------------------------------------------------- */

/* A read position in a document already accepted by lm_json_doc_parse;
 * every step is still bounds-checked so that any text is safe. */
typedef struct cursor {
	const char *t;
	size_t len, pos;
} cursor;

static void cur_space(cursor *c)
{
	while (c->pos < c->len && lm_json_is_space(c->t[c->pos]))
		c->pos++;
}

static gboolean cur_at(const cursor *c, char ch)
{
	return c->pos < c->len && c->t[c->pos] == ch;
}

/* From the opening quote to just past the closing one. */
static gboolean cur_skip_string(cursor *c)
{
	for (size_t i = c->pos + 1; i < c->len; i++) {
		if (c->t[i] == '\\')
			i++;
		else if (c->t[i] == '"') {
			c->pos = i + 1;
			return TRUE;
		}
	}
	return FALSE;
}

static gboolean is_delimiter(char ch)
{
	return ch == ',' || ch == '}' || ch == ']' || lm_json_is_space(ch);
}

static gboolean cur_skip_value(cursor *c)
{
	if (c->pos >= c->len)
		return FALSE;
	if (c->t[c->pos] == '"')
		return cur_skip_string(c);
	if (c->t[c->pos] != '{' && c->t[c->pos] != '[') {
		while (c->pos < c->len && !is_delimiter(c->t[c->pos]))
			c->pos++;
		return TRUE;
	}
	size_t depth = 0;
	while (c->pos < c->len) {
		char ch = c->t[c->pos];

		if (ch == '"') {
			if (!cur_skip_string(c))
				return FALSE;
			continue;
		}
		c->pos++;
		if (ch == '{' || ch == '[')
			depth++;
		else if ((ch == '}' || ch == ']') && --depth == 0)
			return TRUE;
	}
	return FALSE;
}

/* Decodes a JSON string literal (quotes included) with cJSON itself, so
 * that keys compare exactly as the parser saw them. */
static char *decode_literal(const char *lit, size_t n)
{
	cJSON *s = cJSON_ParseWithLength(lit, n);
	char *out = cJSON_IsString(s) ? g_strdup(s->valuestring) : NULL;

	cJSON_Delete(s);
	return out;
}

static gboolean key_equals(const char *lit, size_t n, const char *key)
{
	if (!memchr(lit, '\\', n))
		return strlen(key) == n - 2 && memcmp(lit + 1, key, n - 2) == 0;

	g_autofree char *decoded = decode_literal(lit, n);
	return decoded && strcmp(decoded, key) == 0;
}

/* Position of the nth (1-based) member named key of the object at c, or SIZE_MAX. */
static size_t find_member(cursor c, const char *key, unsigned nth)
{
	if (!cur_at(&c, '{'))
		return SIZE_MAX;
	c.pos++;
	for (;;) {
		cur_space(&c);
		size_t start = c.pos;

		if (!cur_at(&c, '"') || !cur_skip_string(&c))
			return SIZE_MAX;
		gboolean match = key_equals(c.t + start, c.pos - start, key);

		cur_space(&c);
		if (!cur_at(&c, ':'))
			return SIZE_MAX;
		c.pos++;
		cur_space(&c);
		if (match && --nth == 0)
			return c.pos;
		if (!cur_skip_value(&c))
			return SIZE_MAX;
		cur_space(&c);
		if (!cur_at(&c, ','))
			return SIZE_MAX;
		c.pos++;
	}
}

/* The index-th element of an array, or the value of the index-th member of
 * an object (members whose names are not shown are named by position). */
static size_t find_element(cursor c, size_t index)
{
	gboolean object = cur_at(&c, '{');

	if (!cur_at(&c, '[') && !object)
		return SIZE_MAX;
	c.pos++;
	for (size_t i = 0;; i++) {
		cur_space(&c);
		if (cur_at(&c, object ? '}' : ']'))
			return SIZE_MAX;
		if (object) {
			if (!cur_at(&c, '"') || !cur_skip_string(&c))
				return SIZE_MAX;
			cur_space(&c);
			if (!cur_at(&c, ':'))
				return SIZE_MAX;
			c.pos++;
			cur_space(&c);
		}
		if (i == index)
			return c.pos;
		if (!cur_skip_value(&c))
			return SIZE_MAX;
		cur_space(&c);
		if (!cur_at(&c, ','))
			return SIZE_MAX;
		c.pos++;
	}
}

/* One step of a path: ".key", "[\"key\"]" or "[index]". */
typedef struct path_step {
	char *key; /* NULL for an index */
	size_t index;
} path_step;

static gboolean next_step(const char **pp, path_step *step)
{
	const char *p = *pp;

	step->key = NULL;
	step->index = 0;
	if (*p == '.') {
		size_t n = strcspn(p + 1, ".[");

		if (n == 0)
			return FALSE;
		step->key = g_strndup(p + 1, n);
		*pp = p + 1 + n;
		return TRUE;
	}
	if (*p != '[')
		return FALSE;
	if (p[1] == '"') {
		cursor c = { p + 1, strlen(p + 1), 0 };

		if (!cur_skip_string(&c) || p[1 + c.pos] != ']')
			return FALSE;
		step->key = decode_literal(p + 1, c.pos);
		*pp = p + 2 + c.pos;
		return step->key != NULL;
	}
	size_t n = strspn(p + 1, "0123456789");
	g_autofree char *digits = g_strndup(p + 1, n);
	guint64 index;

	if (n == 0 || p[1 + n] != ']' ||
	    !g_ascii_string_to_unsigned(digits, 10, 0, G_MAXSIZE, &index, NULL))
		return FALSE;
	step->index = (size_t)index;
	*pp = p + 2 + n;
	return TRUE;
}

gboolean lm_json_locate_nth(const char *text, size_t len, const char *path, unsigned nth,
			   unsigned long *line, unsigned long *column)
{
	if (!text || !path || path[0] != '$')
		return FALSE;

	cursor c = { text, len, lm_json_skip_space(text, len, 0) };
	const char *p = path + 1;

	while (*p) {
		path_step step;

		if (!next_step(&p, &step))
			return FALSE;
		size_t found = step.key ? find_member(c, step.key, *p ? 1 : nth)
					: find_element(c, step.index);
		g_free(step.key);
		if (found == SIZE_MAX)
			break; /* missing: report the enclosing value */
		c.pos = found;
	}
	lm_json_line_col(text, MIN(c.pos, len), line, column);
	return TRUE;
}

gboolean lm_json_locate(const char *text, size_t len, const char *path, unsigned long *line,
			unsigned long *column)
{
	unsigned long l, c;

	if (!lm_json_locate_nth(text, len, path, 1, &l, &c))
		return FALSE;
	if (line)
		*line = l;
	if (column)
		*column = c;
	return TRUE;
}
