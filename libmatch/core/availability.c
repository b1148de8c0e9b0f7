/* Weekly availability: local slots to UTC half-hour slots.
 *
 * Each person's slots are read in their own time zone during one reference
 * week (the week of the cohort's as_of date, never "now"), so results do
 * not depend on the clock and daylight saving time is applied as it is in
 * that week: a New York evening is one hour earlier in UTC in July than in
 * January. */
#include <string.h>
#include "core/availability.h"

#define MINUTES_PER_DAY (24 * 60)
#define SECONDS_PER_SLOT (30 * 60)

static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* "HH:MM" with 00 <= HH <= 24 and 00 <= MM <= 59; minutes after midnight or -1. */
static int parse_clock(const char *s)
{
	for (int i = 0; i < 5; i++) {
		if (i == 2 ? s[i] != ':' : !g_ascii_isdigit(s[i]))
			return -1;
	}
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');

	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

gboolean lm_slot_parse(const char *text, lm_slot *out)
{
	/* Exactly "ddd HH:MM-HH:MM": 15 bytes. */
	if (!text || strlen(text) != 15 || text[3] != ' ' || text[9] != '-')
		return FALSE;

	int day = -1;
	for (int i = 0; i < 7; i++) {
		if (strncmp(text, day_names[i], 3) == 0)
			day = i;
	}
	int start = parse_clock(text + 4), end = parse_clock(text + 10);

	if (day < 0 || start < 0 || end < 0 || start >= end || start >= MINUTES_PER_DAY)
		return FALSE;
	out->day = day;
	out->start = start;
	out->end = end;
	return TRUE;
}

GTimeZone *lm_time_zone_new(const char *name)
{
	size_t len = name ? strlen(name) : 0;

	/* No absolute paths, no "..": GLib would read any file it is given. */
	if (len == 0 || len > 64 || name[0] == '/' || strstr(name, ".."))
		return NULL;
	for (const char *p = name; *p; p++) {
		if (!g_ascii_isalnum(*p) && !strchr("/_-+", *p))
			return NULL;
	}
	return g_time_zone_new_identifier(name);
}

uint32_t lm_week_monday(uint32_t julian)
{
	GDate d;

	g_date_clear(&d, 1);
	g_date_set_julian(&d, julian);
	return julian - (uint32_t)(g_date_get_weekday(&d) - G_DATE_MONDAY);
}

/* Seconds since the Unix epoch of local time `minute` (may be 24:00) on
 * julian day `day` in tz; FALSE past the range GDateTime covers (year
 * 9999). Local times skipped by a DST change are moved forward by GLib,
 * ambiguous ones take the earlier interval. */
static gboolean local_to_unix(GTimeZone *tz, uint32_t day, int minute, gint64 *out)
{
	GDate d;

	g_date_clear(&d, 1);
	g_date_set_julian(&d, day + (uint32_t)(minute / MINUTES_PER_DAY));
	minute %= MINUTES_PER_DAY;

	GDateTime *dt = g_date_time_new(tz, g_date_get_year(&d), g_date_get_month(&d),
					g_date_get_day(&d), minute / 60, minute % 60, 0);

	if (!dt)
		return FALSE;
	*out = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return TRUE;
}

/* Floor division for possibly negative numerators. */
static gint64 floor_div(gint64 a, gint64 b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

void lm_avail_add(uint64_t avail[LM_AVAIL_WORDS], GTimeZone *tz, uint32_t monday,
		  const lm_slot *slot)
{
	/* Monday 00:00 UTC of the reference week; 719163 = julian 1970-01-01. */
	gint64 week = ((gint64)monday - 719163) * 86400;
	gint64 start, end;

	if (!local_to_unix(tz, monday + (uint32_t)slot->day, slot->start, &start) ||
	    !local_to_unix(tz, monday + (uint32_t)slot->day, slot->end, &end))
		return;
	start -= week;
	end -= week;

	/* Only whole half hours count as available: the start is rounded up and
	 * the end down, so "10:10-11:00" gives 10:30-11:00 and a slot shorter
	 * than its aligned half hours gives nothing. Zones with a half-hour
	 * offset (India) convert exactly; 45-minute ones (Nepal) lose the partial
	 * half hours at both ends. */
	gint64 first = -floor_div(-start, SECONDS_PER_SLOT);
	gint64 last = floor_div(end, SECONDS_PER_SLOT);

	/* A day and a DST hour at most; anything longer would be a bug. */
	if (last - first > LM_AVAIL_SLOTS)
		return;

	for (gint64 s = first; s < last; s++) {
		/* Wrap modulo one week: Monday morning in Seoul is Sunday in UTC. */
		gint64 bit = ((s % LM_AVAIL_SLOTS) + LM_AVAIL_SLOTS) % LM_AVAIL_SLOTS;

		avail[bit / 64] |= UINT64_C(1) << (bit % 64);
	}
}

/* ---- memo ---------------------------------------------------------------------- */

struct lm_avail_memo {
	uint32_t monday;
	GHashTable *done; /* memo_entry, its own key */
};

typedef struct memo_entry {
	GTimeZone *tz;
	lm_slot slot;
	uint64_t bits[LM_AVAIL_WORDS]; /* what lm_avail_add sets for it */
} memo_entry;

static guint memo_hash(gconstpointer key)
{
	const memo_entry *e = key;
	guint h = g_direct_hash(e->tz);

	h = h * 31 + (guint)e->slot.day;
	h = h * 31 + (guint)e->slot.start;
	return h * 31 + (guint)e->slot.end;
}

static gboolean memo_equal(gconstpointer a, gconstpointer b)
{
	const memo_entry *x = a, *y = b;

	return x->tz == y->tz && x->slot.day == y->slot.day && x->slot.start == y->slot.start &&
	       x->slot.end == y->slot.end;
}

lm_avail_memo *lm_avail_memo_new(uint32_t monday)
{
	lm_avail_memo *m = g_new0(lm_avail_memo, 1);

	m->monday = monday;
	m->done = g_hash_table_new_full(memo_hash, memo_equal, g_free, NULL);
	return m;
}

void lm_avail_memo_free(lm_avail_memo *m)
{
	if (!m)
		return;
	g_hash_table_destroy(m->done);
	g_free(m);
}

void lm_avail_memo_add(lm_avail_memo *m, uint64_t avail[LM_AVAIL_WORDS], GTimeZone *tz,
		       const lm_slot *slot)
{
	memo_entry want = { .tz = tz, .slot = *slot };
	memo_entry *e = g_hash_table_lookup(m->done, &want);

	if (!e) {
		e = g_new0(memo_entry, 1);
		e->tz = tz;
		e->slot = *slot;
		/* lm_avail_add only ORs in, so the bits of an empty map are the slot's. */
		lm_avail_add(e->bits, tz, m->monday, slot);
		g_hash_table_add(m->done, e);
	}
	for (int w = 0; w < LM_AVAIL_WORDS; w++)
		avail[w] |= e->bits[w];
}
