/* Weekly availability: local time slots to the UTC half-hour bitmap of
 * lm_person.avail. Not API. */
#ifndef LM_AVAILABILITY_H
#define LM_AVAILABILITY_H

#include <glib.h>
#include <stdint.h>
#include "core/cohort_private.h"

/* Most weekly slots one person may list. */
#define LM_MAX_SLOTS 64

/* One weekly slot in local time. */
typedef struct lm_slot {
	int day;   /* 0 = Monday .. 6 = Sunday */
	int start; /* minutes after local midnight, 0 <= start < end */
	int end;   /* minutes after local midnight, end <= 24 * 60 */
} lm_slot;

/* Parses "ddd HH:MM-HH:MM" (ddd = mon..sun, 00:00 <= start < end <= 24:00).
 * FALSE when the text is not such a slot. */
gboolean lm_slot_parse(const char *text, lm_slot *out);

/* A time zone from an IANA name such as "Asia/Seoul", or NULL when the
 * name is malformed or unknown. Names are restricted to the characters of
 * the tz database so that no file outside it can be named. Caller unrefs. */
GTimeZone *lm_time_zone_new(const char *name);

/* The Monday on or before a date; both are g_date_get_julian() day numbers. */
uint32_t lm_week_monday(uint32_t julian);

/* Sets the bits of avail covered by slot, read in time zone tz during the
 * week that starts on local Monday `monday` (a julian day number). */
void lm_avail_add(uint64_t avail[LM_AVAIL_WORDS], GTimeZone *tz, uint32_t monday,
		  const lm_slot *slot);

/* lm_avail_add() remembered: each distinct (zone, slot) is converted once
 * (two GDateTimes, the zone's transitions searched) and then only ORed in,
 * since a cohort's people give the same few slots in the same few zones.
 * Zones are told apart by address, so each must outlive the memo. */
typedef struct lm_avail_memo lm_avail_memo;

lm_avail_memo *lm_avail_memo_new(uint32_t monday);
void lm_avail_memo_free(lm_avail_memo *m);
/* As lm_avail_add(avail, tz, the memo's monday, slot). */
void lm_avail_memo_add(lm_avail_memo *m, uint64_t avail[LM_AVAIL_WORDS], GTimeZone *tz,
		       const lm_slot *slot);

#endif
