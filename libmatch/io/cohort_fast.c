/* A fast reader for large, plain cohort files.
 *
 * The full reader (cohort_json.c) parses the whole document into one cJSON
 * tree: for 100,000 mentees that is millions of small allocations, several
 * times the file's size in memory, and most of the time spent loading. This
 * reader walks the top level itself and hands cJSON one value at a time,
 * each person only while it is read: the same cJSON parse of the same bytes
 * (at the same offset, with the same bytes after it) gives the same tree,
 * and the same field readers (cohort_json_fields.c) read it into the draft.
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
#include <string.h>
#include "io/cohort_json.h"

typedef struct fast {
	lm_cohort_parser p;
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

		cJSON *item = i < LM_MAX_PEOPLE ? value(f) : NULL;
		size_t person_mark = lm_cp_push_index(p, i);

		if (item)
			lm_cp_read_person(p, role, i++, item);
		lm_cp_pop(p, person_mark);
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
	lm_cp_init(&f.p);

	gboolean ok = f.text && document(&f, &c);

	lm_cp_clear(&f.p);
	cJSON_Delete(f.format);
	cJSON_Delete(f.version);
	cJSON_Delete(f.as_of);
	g_ptr_array_free(f.extra, TRUE);
	if (!ok)
		return 0;
	*out = c;
	return 1;
}
