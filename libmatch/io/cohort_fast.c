/* A fast reader for large, plain cohort files.
 *
 * The full reader (cohort_json.c) parses the whole document into one cJSON
 * tree: for 100,000 mentees that is millions of small allocations, several
 * times the file's size in memory, and most of the time spent loading. This
 * reader walks the top level itself and hands cJSON one value at a time,
 * each person only while it is read: the same cJSON parse of the same bytes
 * (at the same offset, with the same bytes after it) gives the same tree,
 * and the same field readers (cohort_json_fields.c) read it into the draft.
 * A person plainer still is not even given to cJSON: the reader builds the
 * same tree itself, without an allocation per node (see person()).
 *
 * It accepts only the plain form: the text passes the full reader's checks
 * (lm_json_text_ok); the root is an object whose member names have no
 * escapes, each named once: format, version, as_of and "x-" members
 * anywhere, as_of before the people, mentees before mentors, both present;
 * JSON white space between tokens; nothing after the root. At the first
 * thing outside that form, any problem a reader records, or a failed
 * build, it gives up and the full reader runs, which accepts exactly what
 * it accepts and locates every problem. So it never decides what is valid,
 * only how fast a valid file is read; the tests and the fuzz_cohort_diff
 * harness compare both readers. */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "io/cohort_json.h"

/* The nodes and strings of one person's tree when the fast reader builds
 * it itself (see person()): reused person after person, never freed
 * node by node. */
#define ARENA_BLOCK 256

typedef struct arena {
	GPtrArray *blocks; /* cJSON[ARENA_BLOCK] each, owned; they never move */
	size_t used;       /* nodes handed out for the current person */
	char *strings;     /* NUL-terminated copies of its strings */
	size_t cap, len;
} arena;

typedef struct fast {
	lm_cohort_parser p;
	arena a;
	const char *text;
	size_t len, at;
	cJSON *format, *version, *as_of; /* owned */
	GPtrArray *extra;                /* "x-" member names seen, owned */
	gboolean started;                /* the draft has begun: as_of is final */
	int people;                      /* people arrays read: mentees, then mentors */
} fast;

/* JSON white space only: cJSON also skips other bytes below 0x21, which
 * are not plain. */
static void ws(fast *f)
{
	while (f->at < f->len && (f->text[f->at] == ' ' || f->text[f->at] == '\n' ||
				  f->text[f->at] == '\r' || f->text[f->at] == '\t'))
		f->at++;
}

static gboolean lit(fast *f, char c)
{
	ws(f);
	if (f->at < f->len && f->text[f->at] == c) {
		f->at++;
		return TRUE;
	}
	return FALSE;
}

/* A member name without escapes: the bytes cJSON would copy. */
static gboolean name(fast *f, const char **key, size_t *n)
{
	if (!lit(f, '"'))
		return FALSE;

	size_t start = f->at;

	while (f->at < f->len && f->text[f->at] != '"' && f->text[f->at] != '\\')
		f->at++;
	if (f->at >= f->len || f->text[f->at] != '"')
		return FALSE;
	*key = f->text + start;
	*n = f->at - start;
	f->at++;
	return lit(f, ':');
}

static gboolean is(const char *key, size_t n, const char *want)
{
	return strlen(want) == n && memcmp(key, want, n) == 0;
}

/* One value, parsed by cJSON where it stands. Only a byte that starts a
 * value is handed over: cJSON would skip a byte order mark or white space
 * that the document's own parse would not. */
static cJSON *value(fast *f)
{
	const char *end = NULL;

	ws(f);
	if (f->at >= f->len || !f->text[f->at] || !strchr("{[\"-0123456789tfn", f->text[f->at]))
		return NULL;

	cJSON *v = cJSON_ParseWithLengthOpts(f->text + f->at, f->len - f->at, &end, 0);

	if (v)
		f->at = (size_t)(end - f->text);
	return v;
}

/* ---- people without cJSON's allocations ------------------------------------ */

/* Most of the time cJSON took on a person went to allocating and freeing
 * its nodes and strings one by one. For the plainest JSON, whose tree is
 * obvious, person() builds the very tree cJSON would (same types, values,
 * member order, valueint and prev links) in an arena instead; on anything
 * else in the person it lets cJSON parse it from the same offset. Plain
 * here: no escape in any string, integers of at most 15 digits without a
 * leading zero, fraction or exponent, and only JSON white space. */

/* The end of the object or array at text[at], or 0 when a string in it
 * has an escape or the text ends first. Its strings and their NULs fit in
 * that many bytes: the arena's room for the person. */
static size_t extent(const char *t, size_t len, size_t at)
{
	unsigned depth = 0;

	for (size_t i = at; i < len; i++) {
		char c = t[i];

		if (c == '"') {
			/* Byte by byte: strings here are short, two memchr calls
			 * per string cost more. */
			for (i++; i < len && t[i] != '"'; i++)
				if (t[i] == '\\')
					return 0;
			if (i == len)
				return 0;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if ((c == '}' || c == ']') && --depth == 0) {
			return i + 1;
		}
	}
	return 0;
}

typedef struct direct {
	const char *t;
	size_t at, end;
	arena *a;
} direct;

static cJSON *node(arena *a)
{
	size_t b = a->used / ARENA_BLOCK;

	if (b == a->blocks->len)
		g_ptr_array_add(a->blocks, g_new(cJSON, ARENA_BLOCK));

	cJSON *n = (cJSON *)g_ptr_array_index(a->blocks, b) + a->used % ARENA_BLOCK;

	a->used++;
	memset(n, 0, sizeof *n);
	return n;
}

static void d_ws(direct *d)
{
	while (d->at < d->end && (d->t[d->at] == ' ' || d->t[d->at] == '\n' ||
				  d->t[d->at] == '\r' || d->t[d->at] == '\t'))
		d->at++;
}

static gboolean d_is(direct *d, char c)
{
	return d->at < d->end && d->t[d->at] == c;
}

/* A string at d->at (its quote): no escapes, as extent() made sure. */
static char *d_string(direct *d)
{
	const char *open = d->t + d->at + 1;
	const char *close = memchr(open, '"', d->end - d->at - 1);

	if (!close)
		return NULL;

	size_t n = (size_t)(close - open);
	char *s = d->a->strings + d->a->len;

	memcpy(s, open, n);
	s[n] = '\0';
	d->a->len += n + 1;
	d->at = (size_t)(close - d->t) + 1;
	return s;
}

/* An integer as cJSON reads it: strtod's double (exact below 2^53) and
 * valueint clamped to int. FALSE for any other number. */
static gboolean d_number(direct *d, cJSON *n)
{
	size_t i = d->at, first;
	gboolean negative = d_is(d, '-');
	int64_t v = 0;

	if (negative)
		i++;
	for (first = i; i < d->end && g_ascii_isdigit(d->t[i]); i++) {
		if (i - first == 15) /* a 16th digit: before v can overflow */
			return FALSE;
		v = v * 10 + (d->t[i] - '0');
	}
	if (i == first || (d->t[first] == '0' && i - first > 1) ||
	    (i < d->end && strchr("+-.eE", d->t[i]) && d->t[i] != '\0'))
		return FALSE;

	double x = negative ? -(double)v : (double)v;

	n->type = cJSON_Number;
	n->valuedouble = x;
	n->valueint = x >= INT_MAX ? INT_MAX : x <= (double)INT_MIN ? INT_MIN : (int)x;
	d->at = i;
	return TRUE;
}

static gboolean d_word(direct *d, const char *w)
{
	size_t n = strlen(w);

	if (d->end - d->at < n || memcmp(d->t + d->at, w, n) != 0)
		return FALSE;
	d->at += n;
	return TRUE;
}

static cJSON *d_value(direct *d, unsigned depth);

static cJSON *d_container(direct *d, gboolean object, unsigned depth)
{
	char close = object ? '}' : ']';
	cJSON *c = node(d->a), *last = NULL;

	c->type = object ? cJSON_Object : cJSON_Array;
	d->at++;
	d_ws(d);
	if (d_is(d, close)) {
		d->at++;
		return c;
	}
	for (;;) {
		char *key = NULL;

		if (object) {
			if (!d_is(d, '"'))
				return NULL;
			key = d_string(d);
			d_ws(d);
			if (!key || !d_is(d, ':'))
				return NULL;
			d->at++;
			d_ws(d);
		}

		cJSON *v = d_value(d, depth + 1);

		if (!v)
			return NULL;
		v->string = key;
		if (last) {
			last->next = v;
			v->prev = last;
		} else {
			c->child = v;
		}
		last = v;
		d_ws(d);
		if (d_is(d, ',')) {
			d->at++;
			d_ws(d);
		} else if (d_is(d, close)) {
			d->at++;
			c->child->prev = last; /* cJSON's link to the last child */
			return c;
		} else {
			return NULL;
		}
	}
}

static cJSON *d_value(direct *d, unsigned depth)
{
	cJSON *n;

	if (depth > LM_JSON_MAX_DEPTH || d->at >= d->end)
		return NULL;
	switch (d->t[d->at]) {
	case '{':
	case '[':
		return d_container(d, d->t[d->at] == '{', depth);
	case '"':
		n = node(d->a);
		n->type = cJSON_String;
		n->valuestring = d_string(d);
		return n->valuestring ? n : NULL;
	case 't':
	case 'f':
	case 'n':
		n = node(d->a);
		if (d_word(d, "true")) {
			n->type = cJSON_True;
			n->valueint = 1;
		} else if (d_word(d, "false")) {
			n->type = cJSON_False;
		} else if (d_word(d, "null")) {
			n->type = cJSON_NULL;
		} else {
			return NULL;
		}
		return n;
	default:
		n = node(d->a);
		return d_number(d, n) ? n : NULL;
	}
}

/* One person: in the arena when plain (*owned FALSE), else by cJSON
 * (*owned TRUE: the caller deletes it); NULL when cJSON fails too. */
static cJSON *person(fast *f, gboolean *owned)
{
	arena *a = &f->a;
	size_t end;

	ws(f);
	*owned = FALSE;
	if (f->at < f->len && f->text[f->at] == '{' && (end = extent(f->text, f->len, f->at))) {
		direct d = { f->text, f->at, end, a };

		if (end - f->at > a->cap) {
			a->cap = MAX(end - f->at, 2 * a->cap);
			a->strings = g_realloc(a->strings, a->cap);
		}
		a->used = a->len = 0;

		cJSON *v = d_value(&d, 1);

		if (v && d.at == end) {
			f->at = end;
			return v;
		}
	}
	*owned = TRUE;
	return value(f);
}

/* A header member, kept for the checks; FALSE when named twice or broken. */
static gboolean header(fast *f, cJSON **slot)
{
	if (*slot)
		return FALSE;
	*slot = value(f);
	return *slot != NULL;
}

/* An "x-" member: any value, named once. */
static gboolean extra(fast *f, const char *key, size_t n)
{
	for (guint i = 0; i < f->extra->len; i++)
		if (is(key, n, g_ptr_array_index(f->extra, i)))
			return FALSE;
	g_ptr_array_add(f->extra, g_strndup(key, n));

	cJSON *v = value(f);

	cJSON_Delete(v);
	return v != NULL;
}

/* People read before the arrays are sized for the rest. */
#define SAMPLE_PEOPLE 256

/* Sizes the draft's arrays for this side after its first SAMPLE_PEOPLE
 * people, from their bytes and the bytes left in the file: a guess that
 * counts the mentors' bytes as mentees too, so rather too large. Only
 * memory depends on it: too large is address space never touched, too
 * small leaves the arrays to grow as before. */
static void reserve(fast *f, lm_role role, size_t start)
{
	size_t used = f->at - start, left = f->len - f->at;
	double guess = SAMPLE_PEOPLE + (double)left / (double)MAX(used, 1) * SAMPLE_PEOPLE;

	lm_cohort_draft_reserve(&f->p.draft, role, (size_t)MIN(guess, (double)LM_MAX_PEOPLE));
}

/* A people array, each person read and freed in turn; FALSE at the first
 * problem. */
static gboolean people(fast *f, lm_role role)
{
	static const char *const keys[] = { "mentees", "mentors" };
	lm_cohort_parser *p = &f->p;

	if (f->people != (int)role)
		return FALSE;
	f->people++;
	if (!f->started) {
		uint32_t as_of = 0;

		lm_cp_read_as_of(p, f->as_of, &as_of);
		lm_cp_begin_people(p, as_of);
		f->started = TRUE;
	}
	if (!lit(f, '['))
		return FALSE;
	if (lit(f, ']'))
		return p->doc.problems.count == 0;

	size_t mark = lm_cp_push(p, keys[role]);
	size_t start = f->at;
	uint32_t i = 0;
	gboolean ok = TRUE;

	do {
		if (i == SAMPLE_PEOPLE)
			reserve(f, role, start);

		gboolean owned = FALSE;
		cJSON *item = i < LM_MAX_PEOPLE ? person(f, &owned) : NULL;
		size_t person_mark = lm_cp_push_index(p, i);

		if (item)
			lm_cp_read_person(p, role, i++, item);
		lm_cp_pop(p, person_mark);
		if (owned)
			cJSON_Delete(item);
		ok = item && p->doc.problems.count == 0;
	} while (ok && lit(f, ','));
	lm_cp_pop(p, mark);
	return ok && lit(f, ']');
}

static gboolean member(fast *f)
{
	const char *key = NULL;
	size_t n = 0;

	if (!name(f, &key, &n))
		return FALSE;
	if (is(key, n, "format"))
		return header(f, &f->format);
	if (is(key, n, "version"))
		return header(f, &f->version);
	if (is(key, n, "as_of"))
		return !f->started && header(f, &f->as_of);
	if (is(key, n, "mentees"))
		return people(f, LM_ROLE_MENTEE);
	if (is(key, n, "mentors"))
		return people(f, LM_ROLE_MENTOR);
	if (n >= 2 && key[0] == 'x' && key[1] == '-')
		return extra(f, key, n);
	return FALSE;
}

/* The whole document; FALSE when it is not plain or has a problem. */
static gboolean document(fast *f, lm_cohort **out)
{
	if (!lm_json_text_ok(f->text, f->len) || !lit(f, '{'))
		return FALSE;
	do {
		if (!member(f))
			return FALSE;
	} while (lit(f, ','));
	if (!lit(f, '}') || f->people != 2)
		return FALSE;
	ws(f);
	if (f->at != f->len || !lm_cp_check_format(&f->p, f->format, f->version))
		return FALSE;
	return lm_cp_finish(&f->p, out) == 0 && *out;
}

int lm_cohort_parse_json_fast(lm_cohort **out, GBytes *source, const char *name)
{
	fast f = { 0 };
	gsize len = 0;
	lm_cohort *c = NULL;

	f.text = g_bytes_get_data(source, &len);
	f.len = len;
	f.p.doc.file = name ? name : "<memory>";
	f.p.doc.text = f.text ? f.text : "";
	f.p.doc.len = len;
	f.extra = g_ptr_array_new_with_free_func(g_free);
	f.a.blocks = g_ptr_array_new_with_free_func(g_free);
	lm_cp_init(&f.p);

	gboolean ok = f.text && document(&f, &c);

	lm_cp_clear(&f.p);
	cJSON_Delete(f.format);
	cJSON_Delete(f.version);
	cJSON_Delete(f.as_of);
	g_ptr_array_free(f.extra, TRUE);
	g_ptr_array_free(f.a.blocks, TRUE);
	g_free(f.a.strings);
	if (!ok)
		return 0;
	*out = c;
	return 1;
}
