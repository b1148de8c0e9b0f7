/* Shared JSON reading: input files, checked parsing, paths and typed getters.
 *
 * The text is checked before cJSON sees it (NUL bytes, UTF-8, nesting
 * depth, control characters and escaped NULs in strings), so that every
 * rejection is located at the offending byte and cJSON's recursion is
 * bounded by our limit rather than its own. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "io/json_util.h"
#include "io/json_locate.h"
#include "core/memory.h"
#include "core/vocab.h"

#define READ_CHUNK 65536

/* ---- reading input ------------------------------------------------------- */

static int read_failed(lm_error **err, const char *name, int errnum)
{
	lm_error *e = lm_error_new(LM_EIO, "cannot read file: %s", g_strerror(errnum));

	lm_error_locate_file(e, name);
	return lm_error_propagate(err, e);
}

static int too_large(lm_error **err, const char *name, size_t max_bytes)
{
	lm_error *e = lm_error_new(LM_ELIMIT, "input is larger than the limit of %zu bytes",
				   max_bytes);

	lm_error_locate_file(e, name);
	return lm_error_propagate(err, e);
}

/* Reads f to the end into buf; 0 or an errno value (-1 past max_bytes). */
static int read_stream(FILE *f, size_t max_bytes, GString *buf)
{
	size_t n, old;

	/* Straight into buf: no second copy of a large file. */
	do {
		old = buf->len;
		g_string_set_size(buf, old + READ_CHUNK);
		n = fread(buf->str + old, 1, READ_CHUNK, f);
		g_string_set_size(buf, old + n);
		if (n > max_bytes - old) /* old never exceeds max_bytes */
			return -1;
	} while (n > 0);
	return ferror(f) ? (errno ? errno : EIO) : 0;
}

int lm_read_input(const char *path, size_t max_bytes, char **data, size_t *len, lm_error **err)
{
	if (!path || !data || !len)
		return lm_set_error(err, LM_EINVAL, "no input file or output buffer given");

	gboolean is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");

	if (!f)
		return read_failed(err, name, errno);

	/* A regular file that is too large is refused before reading it. */
	GStatBuf st;
	gboolean regular = !is_stdin && g_stat(path, &st) == 0 && S_ISREG(st.st_mode);
	if (regular && (unsigned long long)st.st_size > max_bytes) {
		fclose(f);
		return too_large(err, name, max_bytes);
	}

	/* Sized once for a regular file: growing by doubling copies and
	 * first-touches twice the memory (a 100 MB file: a third of a second). */
	GString *buf = g_string_sized_new(regular ? (gsize)st.st_size + READ_CHUNK + 1 : 0);

	/* Every 4 KiB page of a large buffer faults on first touch: on a
	 * virtual machine that cost more than the copy (47 MB: 0.2 s of CPU). */
	lm_advise_huge_pages(buf->str, buf->allocated_len);
	int rc = read_stream(f, max_bytes, buf);

	if (!is_stdin)
		fclose(f);
	if (rc != 0) {
		g_string_free(buf, TRUE);
		return rc < 0 ? too_large(err, name, max_bytes) : read_failed(err, name, rc);
	}
	*len = buf->len;
	*data = g_string_free(buf, FALSE);
	return 0;
}

static int syntax_error(lm_error **err, const lm_json_doc *doc, size_t off, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

static int syntax_error(lm_error **err, const lm_json_doc *doc, size_t off, const char *fmt, ...)
{
	va_list ap;
	unsigned long line, col;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(LM_EPARSE, fmt, ap);
	va_end(ap);
	lm_json_line_col(doc->text, off, &line, &col);
	lm_error_locate_json(e, doc->file, line, col, NULL);
	return lm_error_propagate(err, e);
}

/* ---- parsing -------------------------------------------------------------- */

typedef struct scan_state {
	gboolean in_string;
	gboolean mismatched;  /* a bracket closed the wrong kind: a syntax error, not truncation */
	size_t string_start;  /* where the last string began */
	unsigned depth;       /* unclosed arrays and objects at the end */
	char open[LM_JSON_MAX_DEPTH]; /* the closer each open bracket expects */
} scan_state;

/* The checks cJSON does not make (or makes without a position). Returns
 * the offset of the first bad byte and why, or SIZE_MAX. */
static size_t prescan(const char *text, size_t len, scan_state *st, const char **why)
{
	const char *bad = memchr(text, '\0', len);

	if (bad) {
		*why = "NUL byte in input";
		return (size_t)(bad - text);
	}
	if (!g_utf8_validate_len(text, len, &bad)) {
		*why = "invalid UTF-8";
		return (size_t)(bad - text);
	}
	memset(st, 0, sizeof *st);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)text[i];

		if (st->in_string) {
			if (ch == '\\' && i + 5 < len && memcmp(text + i + 1, "u0000", 5) == 0) {
				*why = "escaped NUL character (\\u0000) in a string";
				return i;
			} else if (ch == '\\') {
				i++;
			} else if (ch == '"') {
				st->in_string = FALSE;
			} else if (ch < 0x20) {
				*why = "control character in a string (escape it)";
				return i;
			}
		} else if (ch == '"') {
			st->in_string = TRUE;
			st->string_start = i;
		} else if (ch == '[' || ch == '{') {
			if (st->depth == LM_JSON_MAX_DEPTH) {
				*why = "nesting too deep";
				return i;
			}
			st->open[st->depth++] = ch == '[' ? ']' : '}';
		} else if (ch == ']' || ch == '}') {
			if (st->depth == 0 || st->open[--st->depth] != ch)
				st->mismatched = TRUE;
		}
	}
	return SIZE_MAX;
}

/* Explains where cJSON stopped: running out of text inside an open string,
 * array or object reads as a truncated document, anything else as a syntax error. */
static int parse_failed(lm_json_doc *doc, const scan_state *st, size_t off, lm_error **err)
{
	size_t last = doc->len;

	while (last > 0 && lm_json_is_space(doc->text[last - 1]))
		last--;
	if (st->in_string && off >= st->string_start)
		return syntax_error(err, doc, doc->len,
				    "unexpected end of input inside a string (truncated file?)");
	if (st->depth > 0 && !st->mismatched && last > 0 && off >= last - 1)
		return syntax_error(err, doc, doc->len,
				    "unexpected end of input: %u unclosed array(s) or object(s) "
				    "(truncated file?)", st->depth);
	return syntax_error(err, doc, off, "invalid JSON syntax");
}

gboolean lm_json_text_ok(const char *text, size_t len)
{
	scan_state st;
	const char *why = NULL;

	return text && prescan(text, len, &st, &why) == SIZE_MAX &&
	       lm_json_skip_space(text, len, 0) < len;
}

int lm_json_doc_parse(lm_json_doc *doc, const char *file, const char *text, size_t len,
		      lm_error **err)
{
	if (!doc || (!text && len > 0))
		return lm_set_error(err, LM_EINVAL, "no document given");

	memset(doc, 0, sizeof *doc);
	doc->file = file ? file : "<memory>";
	doc->text = text ? text : "";
	doc->len = len;

	scan_state st;
	const char *why = NULL;
	size_t bad = prescan(doc->text, len, &st, &why);

	if (bad != SIZE_MAX)
		return syntax_error(err, doc, bad, "%s", why);
	if (lm_json_skip_space(doc->text, len, 0) >= len)
		return syntax_error(err, doc, len, "empty document: expected a JSON object");

	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(doc->text, len, &end, 0);
	size_t off = end ? (size_t)(end - doc->text) : 0;

	if (!root)
		return parse_failed(doc, &st, off, err);
	off = lm_json_skip_space(doc->text, len, off);
	if (off < len) {
		cJSON_Delete(root);
		return syntax_error(err, doc, off, "unexpected content after the JSON value");
	}
	doc->root = root;
	return 0;
}

void lm_json_doc_clear(lm_json_doc *doc)
{
	if (!doc)
		return;
	cJSON_Delete(doc->root);
	lm_problems_clear(&doc->problems);
	memset(doc, 0, sizeof *doc);
}

/* ---- paths ------------------------------------------------------------------ */

static gboolean is_plain_key(const char *key)
{
	if (!g_ascii_isalpha(key[0]) && key[0] != '_')
		return FALSE;
	for (const char *p = key; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-')
			return FALSE;
	return TRUE;
}

void lm_json_path_append_key(GString *path, const char *key)
{
	if (is_plain_key(key)) {
		g_string_append_c(path, '.');
		g_string_append(path, key);
		return;
	}
	g_string_append(path, "[\"");
	for (const char *p = key; *p; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(path, '\\');
		if ((unsigned char)*p < 0x20)
			g_string_append_printf(path, "\\u%04x", (unsigned)*p);
		else
			g_string_append_c(path, *p);
	}
	g_string_append(path, "\"]");
}

char *lm_json_path_key(const char *base, const char *key)
{
	GString *s = g_string_new(base);

	lm_json_path_append_key(s, key);
	return g_string_free(s, FALSE);
}

char *lm_json_path_index(const char *base, size_t index)
{
	return g_strdup_printf("%s[%zu]", base, index);
}

/* ---- problems --------------------------------------------------------------- */

static void add_problem(lm_json_doc *doc, const char *path, unsigned nth, int code,
			const char *fmt, va_list ap) G_GNUC_PRINTF(5, 0);

static void add_problem(lm_json_doc *doc, const char *path, unsigned nth, int code,
			const char *fmt, va_list ap)
{
	/* Past the limit nothing more is shown, so skip the cost of locating. */
	if (doc->problems.count >= LM_MAX_PROBLEMS) {
		doc->problems.truncated = TRUE;
		return;
	}

	lm_error *e = lm_error_newv(code, fmt, ap);
	unsigned long line = 0, col = 0;

	if (!lm_json_locate_nth(doc->text, doc->len, path, nth, &line, &col))
		line = col = 0;
	lm_error_locate_json(e, doc->file, line, col, path);
	lm_problems_add(&doc->problems, e);
}

void lm_json_problem(lm_json_doc *doc, const char *path, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_problem(doc, path, 1, code, fmt, ap);
	va_end(ap);
}

static void problem_nth(lm_json_doc *doc, const char *path, unsigned nth, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

static void problem_nth(lm_json_doc *doc, const char *path, unsigned nth, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_problem(doc, path, nth, LM_EPARSE, fmt, ap);
	va_end(ap);
}

/* ---- member names ------------------------------------------------------------ */

/* Objects up to this size find repeated names by comparing siblings; larger
 * ones use a hash table so that a hostile file cannot cost n^2. */
#define SMALL_OBJECT 32

/* 1 for the first member named like m, 2 for the second... */
static unsigned occurrence(const cJSON *obj, const cJSON *m, GHashTable *counts)
{
	const char *key = m->string ? m->string : "";

	if (counts) {
		unsigned n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key)) + 1;

		g_hash_table_insert(counts, (gpointer)key, GUINT_TO_POINTER(n));
		return n;
	}
	unsigned n = 1;
	for (const cJSON *s = obj->child; s != m; s = s->next)
		n += strcmp(s->string ? s->string : "", key) == 0;
	return n;
}

static void unknown_key(lm_json_doc *doc, const char *path, const char *key,
			const char *const *allowed)
{
	const char *near = lm_vocab_closest(key, allowed, g_strv_length((char **)allowed));

	if (near)
		lm_json_problem(doc, path, LM_EPARSE, "unknown field (did you mean \"%s\"?)", near);
	else
		lm_json_problem(doc, path, LM_EPARSE, "unknown field");
}

/* The 0-based position of member m in obj. */
static size_t member_index(const cJSON *obj, const cJSON *m)
{
	size_t i = 0;

	for (const cJSON *s = obj->child; s != m; s = s->next)
		i++;
	return i;
}

/* allowed == NULL accepts any name (maps such as "languages") and only
 * looks for duplicates. */
gboolean lm_json_check_keys(lm_json_doc *doc, const cJSON *obj, const char *path,
			    const char *const *allowed)
{
	if (!cJSON_IsObject(obj))
		return TRUE;

	int size = cJSON_GetArraySize(obj);
	g_autoptr(GHashTable) counts =
		size > SMALL_OBJECT ? g_hash_table_new(g_str_hash, g_str_equal) : NULL;
	gboolean ok = TRUE;

	for (const cJSON *m = obj->child; m; m = m->next) {
		const char *key = m->string ? m->string : "";
		unsigned n = occurrence(obj, m, counts);

		if (n == 1 && (!allowed || g_str_has_prefix(key, "x-") ||
			       g_strv_contains(allowed, key)))
			continue;

		gboolean named = !doc->private_keys ||
				 (allowed && (g_strv_contains(allowed, key) ||
					      lm_vocab_closest(key, allowed,
							       g_strv_length((char **)allowed))));
		g_autofree char *mpath = named ? lm_json_path_key(path, key)
					       : lm_json_path_index(path, member_index(obj, m));

		if (!named) {
			lm_json_problem(doc, mpath, LM_EPARSE, "%s field (name not repeated: it "
					"may hold personal data)", n > 1 ? "duplicate" : "unknown");
			ok = FALSE;
			continue;
		}
		if (n > 1)
			problem_nth(doc, mpath, n, "duplicate field");
		else
			unknown_key(doc, mpath, key, allowed);
		ok = FALSE;
	}
	return ok;
}

/* ---- typed getters ------------------------------------------------------------- */

static void expected(lm_json_doc *doc, const cJSON *item, const char *path, const char *what)
{
	if (item)
		lm_json_problem(doc, path, LM_EPARSE, "expected %s", what);
	else
		lm_json_problem(doc, path, LM_EPARSE, "missing field: expected %s", what);
}

static char *describe_int(long long min, long long max)
{
	if (min == max)
		return g_strdup_printf("the integer %lld", min);
	if (min == LLONG_MIN && max == LLONG_MAX)
		return g_strdup("an integer");
	if (max == LLONG_MAX)
		return g_strdup_printf("an integer of at least %lld", min);
	if (min == LLONG_MIN)
		return g_strdup_printf("an integer of at most %lld", max);
	return g_strdup_printf("an integer from %lld to %lld", min, max);
}

/* Integers beyond 2^53 are not exact in a double, so none are accepted. */
#define EXACT_LIMIT 9007199254740992.0

gboolean lm_json_get_int(lm_json_doc *doc, const cJSON *item, const char *path, long long min,
			 long long max, long long *out)
{
	if (cJSON_IsNumber(item)) {
		double d = item->valuedouble;

		if (isfinite(d) && d == floor(d) && fabs(d) <= EXACT_LIMIT &&
		    (long long)d >= min && (long long)d <= max) {
			if (out)
				*out = (long long)d;
			return TRUE;
		}
	}
	g_autofree char *what = describe_int(min, max);
	expected(doc, item, path, what);
	return FALSE;
}

gboolean lm_json_get_number(lm_json_doc *doc, const cJSON *item, const char *path, double min,
			    double max, double *out)
{
	if (cJSON_IsNumber(item) && isfinite(item->valuedouble) && item->valuedouble >= min &&
	    item->valuedouble <= max) {
		if (out)
			*out = item->valuedouble;
		return TRUE;
	}
	g_autofree char *what = g_strdup_printf("a number from %g to %g", min, max);
	expected(doc, item, path, what);
	return FALSE;
}

gboolean lm_json_get_bool(lm_json_doc *doc, const cJSON *item, const char *path, gboolean *out)
{
	if (cJSON_IsBool(item)) {
		if (out)
			*out = cJSON_IsTrue(item);
		return TRUE;
	}
	expected(doc, item, path, "true or false");
	return FALSE;
}

const char *lm_json_get_string(lm_json_doc *doc, const cJSON *item, const char *path,
			       size_t max_len)
{
	if (cJSON_IsString(item) && item->valuestring && strlen(item->valuestring) <= max_len)
		return item->valuestring;
	if (cJSON_IsString(item)) {
		g_autofree char *what = g_strdup_printf("a string of at most %zu bytes", max_len);
		expected(doc, item, path, what);
	} else {
		expected(doc, item, path, "a string");
	}
	return NULL;
}

gboolean lm_json_expect_type(lm_json_doc *doc, const cJSON *item, const char *path, int cjson_type,
			     const char *what)
{
	if (item && (item->type & 0xFF & cjson_type))
		return TRUE;
	expected(doc, item, path, what);
	return FALSE;
}
