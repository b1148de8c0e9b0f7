/* A fast reader for large, plain preferences files.
 *
 * The full reader (prefs_json.c) builds a cJSON tree: for a market of
 * 100,000 mentees ranking 50 mentors each that is ten million strings and
 * most of the run. This reader scans the text itself, in two passes (the
 * ids of both sides, then the rankings, which may name people defined
 * later), and builds the arrays directly.
 *
 * It accepts only the plain form: the known members (and "x-" members
 * whose values are plain too), ids without escapes, integers written as
 * plain digits, JSON whitespace, printable ASCII. At
 * the first thing outside that form, or any broken rule, it gives up and
 * the full reader runs, which accepts exactly what it accepts and locates
 * every problem. So it never decides what is valid, only how fast a valid
 * file is read; the tests compare both readers on every valid file. */
#include <string.h>
#include "core/id.h"
#include "io/prefs_json.h"

typedef struct scan {
	const char *p, *end;
} scan;

/* The ids of one side, by open addressing over the text's slices: ten
 * million lookups at 100,000 x 10,000 x 50, so no key copies, no string
 * hashing through a function pointer, one probe most of the time. */
typedef struct idtab {
	uint32_t *slot;     /* index + 1, 0 empty */
	uint32_t mask;
	GArray *len;        /* uint8_t per id */
} idtab;

typedef struct fast {
	scan s;
	lm_prefs_parts parts;
	idtab tab[2];
	GArray *value[2];   /* per person, where its value starts in the text */
	size_t entries[2];  /* ranking entries per side, counted in the first pass */
	uint32_t *list;     /* second pass: the side's list, entries[role] long */
	size_t at;          /* and where the next entry goes */
	uint32_t *seen;     /* stamps over the other side, per list */
	gboolean resolve;   /* second pass: look rankings up and append them */
} fast;

static void ws(scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
		s->p++;
}

static gboolean lit(scan *s, char c)
{
	ws(s);
	if (s->p < s->end && *s->p == c) {
		s->p++;
		return TRUE;
	}
	return FALSE;
}

/* A string without escapes, of printable ASCII; the slice, unquoted. */
static gboolean str(scan *s, const char **b, size_t *n)
{
	const char *q;

	if (!lit(s, '"'))
		return FALSE;
	for (q = s->p; q < s->end && *q != '"'; q++)
		if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7f || *q == '\\')
			return FALSE;
	if (q >= s->end)
		return FALSE;
	*b = s->p;
	*n = (size_t)(q - s->p);
	s->p = q + 1;
	return TRUE;
}

static gboolean key_is(const char *b, size_t n, const char *name)
{
	return n == strlen(name) && memcmp(b, name, n) == 0;
}

/* Plain digits, no leading zero, at most max; not followed by a fraction
 * or exponent (those are left to the full reader). */
static gboolean integer(scan *s, uint32_t max, uint32_t *v)
{
	uint64_t x = 0;
	const char *b;

	ws(s);
	b = s->p;
	while (s->p < s->end && *s->p >= '0' && *s->p <= '9' && s->p - b < 9)
		x = x * 10 + (uint64_t)(*s->p++ - '0');
	if (s->p == b || (s->p - b > 1 && *b == '0') || x > max ||
	    (s->p < s->end && strchr("0123456789.eE", *s->p)))
		return FALSE;
	*v = (uint32_t)x;
	return TRUE;
}

/* A number in strict JSON form, short enough for any cJSON. */
static gboolean number(scan *s)
{
	const char *b = s->p, *q = s->p, *e = s->end;

	if (q < e && *q == '-')
		q++;
	if (q < e && *q == '0')
		q++;
	else if (q < e && *q >= '1' && *q <= '9')
		while (q < e && g_ascii_isdigit(*q))
			q++;
	else
		return FALSE;
	if (q < e && *q == '.') {
		if (++q >= e || !g_ascii_isdigit(*q))
			return FALSE;
		while (q < e && g_ascii_isdigit(*q))
			q++;
	}
	if (q < e && (*q == 'e' || *q == 'E')) {
		if (++q < e && (*q == '+' || *q == '-'))
			q++;
		if (q >= e || !g_ascii_isdigit(*q))
			return FALSE;
		while (q < e && g_ascii_isdigit(*q))
			q++;
	}
	s->p = q;
	return q - b <= 32;
}

static gboolean word(scan *s, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
		return FALSE;
	s->p += n;
	return TRUE;
}

/* Any plain value (an "x-" member's, ignored), a few levels deep. */
static gboolean skip_value(scan *s, int depth)
{
	const char *b;
	size_t n;

	ws(s);
	if (s->p >= s->end || depth > 8)
		return FALSE;
	switch (*s->p) {
	case '"':
		return str(s, &b, &n);
	case 't':
		return word(s, "true");
	case 'f':
		return word(s, "false");
	case 'n':
		return word(s, "null");
	case '[':
		s->p++;
		if (lit(s, ']'))
			return TRUE;
		do {
			if (!skip_value(s, depth + 1))
				return FALSE;
		} while (lit(s, ','));
		return lit(s, ']');
	case '{':
		s->p++;
		if (lit(s, '}'))
			return TRUE;
		do {
			if (!str(s, &b, &n) || !lit(s, ':') || !skip_value(s, depth + 1))
				return FALSE;
		} while (lit(s, ','));
		return lit(s, '}');
	default:
		return number(s);
	}
}

/* The "x-" members of one object, to give up on a repeated one (the full
 * reader reports it). */
typedef struct extras {
	const char *b[8];
	size_t n[8];
	int count;
} extras;

/* An "x-" member, first seen in this object: its value skipped. */
static gboolean extra(scan *s, extras *x, const char *b, size_t n)
{
	if (n < 2 || memcmp(b, "x-", 2) != 0 || (size_t)x->count == G_N_ELEMENTS(x->b))
		return FALSE;
	for (int i = 0; i < x->count; i++)
		if (x->n[i] == n && memcmp(x->b[i], b, n) == 0)
			return FALSE;
	x->b[x->count] = b;
	x->n[x->count++] = n;
	return skip_value(s, 0);
}

static uint32_t hash(const char *b, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)b[i]) * 0x100000001b3u;
	return (uint32_t)(h ^ (h >> 29));
}

/* Ids are short: a loop beats a call to memcmp. */
static inline gboolean same(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return FALSE;
	return TRUE;
}

/* The index + 1 of an id of side `role`, 0 when unknown. */
static guint find(const fast *f, int role, const char *b, size_t n)
{
	const idtab *t = &f->tab[role];
	const char *const *ids = (const char *const *)f->parts.ids[role]->pdata;
	const uint8_t *len = (const uint8_t *)(void *)t->len->data;

	for (uint32_t h = hash(b, n) & t->mask;; h = (h + 1) & t->mask) {
		uint32_t ix = t->slot[h];

		if (!ix || (len[ix - 1] == n && same(ids[ix - 1], b, n)))
			return ix;
	}
}

static void tab_put(idtab *t, const char *b, size_t n, uint32_t ix)
{
	uint32_t h = hash(b, n) & t->mask;

	while (t->slot[h])
		h = (h + 1) & t->mask;
	t->slot[h] = ix;
}

/* Adds id number ix (1-based, already in parts.ids), doubling the table
 * when it is half full. */
static void tab_add(fast *f, int role, const char *b, size_t n, uint32_t ix)
{
	idtab *t = &f->tab[role];
	uint8_t l = (uint8_t)n;

	g_array_append_val(t->len, l);
	if (2 * (size_t)ix > t->mask) {
		const char *const *ids = (const char *const *)f->parts.ids[role]->pdata;
		const uint8_t *len = (const uint8_t *)(void *)t->len->data;

		g_free(t->slot);
		t->mask = 2 * t->mask + 1;
		t->slot = g_new0(uint32_t, (size_t)t->mask + 1);
		for (uint32_t i = 0; i + 1 < ix; i++)
			tab_put(t, ids[i], len[i], i + 1);
	}
	tab_put(t, b, n, ix);
}

/* ---- one person ----------------------------------------------------------------------- */

/* A ranking of ids of the other side; in the second pass, appended. */
static gboolean ranking(fast *f, int role, uint32_t who)
{
	const char *b;
	size_t n;

	if (!lit(&f->s, '['))
		return FALSE;
	if (lit(&f->s, ']'))
		return TRUE;
	do {
		if (!str(&f->s, &b, &n) || !lm_id_valid_len(b, n))
			return FALSE;
		if (f->resolve) {
			guint ix = find(f, 1 - role, b, n);

			/* The same text as pass one, so never more entries than
			 * it counted; checked all the same, it costs nothing. */
			if (!ix || f->seen[ix - 1] == who || f->at == f->entries[role])
				return FALSE;
			f->seen[ix - 1] = who;
			f->list[f->at++] = ix - 1;
		} else {
			f->entries[role]++;
		}
	} while (lit(&f->s, ','));
	return lit(&f->s, ']');
}

/* {"wants"|"capacity": n, "ranking": [...]}, each member at most once. */
static gboolean person_object(fast *f, int role, uint32_t who, uint32_t *number)
{
	const char *name = role == LM_ROLE_MENTEE ? "wants" : "capacity";
	uint32_t lo = role == LM_ROLE_MENTEE ? 1 : 0;
	uint32_t hi = role == LM_ROLE_MENTEE ? LM_PREFS_MAX_WANTS : LM_PREFS_MAX_CAPACITY;
	gboolean have_number = FALSE, have_ranking = FALSE;
	extras x = { .count = 0 };
	const char *b;
	size_t n;

	if (lit(&f->s, '}'))
		return FALSE;
	do {
		if (!str(&f->s, &b, &n) || !lit(&f->s, ':'))
			return FALSE;
		if (key_is(b, n, name) && !have_number) {
			if (!integer(&f->s, hi, number) || *number < lo)
				return FALSE;
			have_number = TRUE;
		} else if (key_is(b, n, "ranking") && !have_ranking) {
			if (!ranking(f, role, who))
				return FALSE;
			have_ranking = TRUE;
		} else if (!extra(&f->s, &x, b, n)) {
			return FALSE;
		}
	} while (lit(&f->s, ','));
	return have_ranking && lit(&f->s, '}');
}

/* A person's value: a mentee's bare ranking or object, a mentor's object. */
static gboolean person(fast *f, int role, uint32_t who)
{
	uint32_t number = 1;

	ws(&f->s);
	if (role == LM_ROLE_MENTEE && f->s.p < f->s.end && *f->s.p == '[') {
		if (!ranking(f, role, who))
			return FALSE;
	} else if (!lit(&f->s, '{') || !person_object(f, role, who, &number)) {
		return FALSE;
	}
	if (f->resolve) {
		g_array_append_val(role == LM_ROLE_MENTEE ? f->parts.wants : f->parts.cap, number);
		g_array_append_val(f->parts.start[role], f->at);
	}
	return TRUE;
}

/* ---- the maps of people and the document ---------------------------------------------- */

/* First pass over one map: numbers the ids in file order (a repeated or
 * bad id gives up) and checks each value's form. */
static gboolean people(fast *f, int role)
{
	const char *b;
	size_t n;

	if (!lit(&f->s, '{'))
		return FALSE;
	if (lit(&f->s, '}'))
		return TRUE;
	do {
		if (!str(&f->s, &b, &n) || !lm_id_valid_len(b, n) || find(f, role, b, n) ||
		    f->parts.ids[role]->len >= LM_PREFS_MAX_PEOPLE || !lit(&f->s, ':'))
			return FALSE;

		char *id = g_string_chunk_insert_len(f->parts.strings, b, (gssize)n);
		const char *at = f->s.p;

		g_ptr_array_add(f->parts.ids[role], id);
		tab_add(f, role, b, n, f->parts.ids[role]->len);
		g_array_append_val(f->value[role], at);
		if (!person(f, role, f->parts.ids[role]->len - 1))
			return FALSE;
	} while (lit(&f->s, ','));
	return lit(&f->s, '}');
}

/* The top-level object: optional format and version, the two maps once each. */
static gboolean document(fast *f)
{
	gboolean seen[4] = { FALSE };
	extras x = { .count = 0 };
	const char *b;
	size_t n;
	uint32_t version;

	if (!lit(&f->s, '{') || lit(&f->s, '}'))
		return FALSE;
	do {
		int k = -1;

		if (!str(&f->s, &b, &n) || !lit(&f->s, ':'))
			return FALSE;
		k = key_is(b, n, "mentees") ? 0 : key_is(b, n, "mentors") ? 1 :
		    key_is(b, n, "format") ? 2 : key_is(b, n, "version") ? 3 : -1;
		if (k < 0) {
			if (!extra(&f->s, &x, b, n))
				return FALSE;
			continue;
		}
		if (seen[k])
			return FALSE;
		seen[k] = TRUE;
		if (k < 2 && !people(f, k))
			return FALSE;
		if (k == 2 && (!str(&f->s, &b, &n) || !key_is(b, n, "libmatch-preferences")))
			return FALSE;
		if (k == 3 && (!integer(&f->s, 1, &version) || version != 1))
			return FALSE;
	} while (lit(&f->s, ','));
	if (!lit(&f->s, '}') || !seen[0] || !seen[1])
		return FALSE;
	ws(&f->s);
	return f->s.p == f->s.end;
}

/* Second pass: each person's value again, from where it starts, now
 * resolving rankings; and no id may be on both sides. */
static gboolean resolve(fast *f)
{
	const uint8_t *len = (const uint8_t *)(void *)f->tab[1].len->data;

	for (guint i = 0; i < f->parts.ids[1]->len; i++)
		if (find(f, 0, g_ptr_array_index(f->parts.ids[1], i), len[i]))
			return FALSE;
	f->resolve = TRUE;
	for (int role = 0; role < 2; role++) {
		uint32_t n_other = f->parts.ids[1 - role]->len;

		/* The list is written in place, its length known from pass one. */
		g_array_set_size(f->parts.list[role], f->entries[role]);
		f->list = (uint32_t *)(void *)f->parts.list[role]->data;
		f->at = 0;
		/* Room for every start at once; person() appends them. */
		g_array_set_size(f->parts.start[role], 1 + f->value[role]->len);
		g_array_set_size(f->parts.start[role], 1);

		g_free(f->seen);
		f->seen = g_new(uint32_t, MAX(n_other, 1u));
		memset(f->seen, 0xff, sizeof(uint32_t) * MAX(n_other, 1u));
		for (guint i = 0; i < f->value[role]->len; i++) {
			f->s.p = g_array_index(f->value[role], const char *, i);
			if (!person(f, role, i))
				return FALSE;
		}
	}
	return TRUE;
}

int lm_prefs_parse_fast(lm_prefs **out, const char *text, size_t len)
{
	fast f = { .s = { text, text + len } };
	gboolean ok;

	if (!text)
		return 0;
	lm_prefs_parts_init(&f.parts);
	for (int role = 0; role < 2; role++) {
		f.value[role] = g_array_new(FALSE, FALSE, sizeof(const char *));
		f.tab[role].mask = 15;
		f.tab[role].slot = g_new0(uint32_t, 16);
		f.tab[role].len = g_array_new(FALSE, FALSE, sizeof(uint8_t));
	}
	ok = document(&f) && resolve(&f);
	if (ok)
		*out = lm_prefs_take(&f.parts, text, len);
	lm_prefs_parts_clear(&f.parts);
	for (int role = 0; role < 2; role++) {
		g_array_free(f.value[role], TRUE);
		g_free(f.tab[role].slot);
		g_array_free(f.tab[role].len, TRUE);
	}
	g_free(f.seen);
	return ok ? 1 : 0;
}
