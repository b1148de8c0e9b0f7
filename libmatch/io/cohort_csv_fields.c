/* The person columns of a CSV cohort: one reader per column, in a table.
 *
 * Each reader checks its cell by the rules of the JSON field it stands for
 * (io/cohort_json_fields.c) and stores it in the draft; on a problem it
 * records a message naming the column and what was expected, never the
 * cell, and leaves the field "not given". Entries of a list are named by
 * their 1-based position ("entry 2: ..."). */
#include <string.h>
#include "core/date.h"
#include "core/id.h"
#include "io/cohort_csv.h"
#include "io/cohort_json.h"
#include "core/availability.h"

#define MENTEE (1u << LM_ROLE_MENTEE)
#define MENTOR (1u << LM_ROLE_MENTOR)
#define BOTH (MENTEE | MENTOR)

/* The JSON reader's bounds (io/cohort_json_fields.c). */
#define WORD_MAX 64
#define LIST_MAX 32
#define MAP_MAX 64
#define CODE_MAX 16
#define CHOICES_MAX 64
#define HISTORY_MAX 4096
#define CURRENT_MAX 1000

static const char *const genders[] = { "female", "male", "undisclosed", NULL };
static const char *const role_dirs[] = { "mentees", "mentors" };

/* ---- small values -------------------------------------------------------------- */

/* The 1-based position of s in names (NULL-terminated), or 0 with a problem. */
static int read_enum(lm_csv_reader *r, const char *s, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0)
			return i + 1;

	g_autofree char *list = g_strjoinv(", ", (char **)names);
	lm_csv_problem(r, LM_EPARSE, "expected one of: %s", list);
	return 0;
}

/* An optional '-' and up to 18 digits, within [min, max]. */
static gboolean parse_int(const char *s, long long min, long long max, long long *out)
{
	const char *d = s + (*s == '-');
	size_t n = strspn(d, "0123456789");

	if (n == 0 || n > 18 || d[n] != '\0')
		return FALSE;

	long long v = g_ascii_strtoll(s, NULL, 10);

	if (v < min || v > max)
		return FALSE;
	*out = v;
	return TRUE;
}

static long long read_int(lm_csv_reader *r, const char *s, long long min, long long max,
			  long long fallback)
{
	long long v = fallback;

	if (!parse_int(s, min, max, &v)) {
		lm_csv_problem(r, LM_EPARSE, "expected an integer from %lld to %lld", min, max);
		return fallback;
	}
	return v;
}

/* "true" or "false" in any case (spreadsheets write TRUE and FALSE). */
static gboolean read_bool(lm_csv_reader *r, const char *s, gboolean *out)
{
	if (g_ascii_strcasecmp(s, "true") == 0 || g_ascii_strcasecmp(s, "false") == 0) {
		*out = g_ascii_tolower(s[0]) == 't';
		return TRUE;
	}
	lm_csv_problem(r, LM_EPARSE, "expected true or false");
	return FALSE;
}

static int as_of_year(const lm_csv_reader *r)
{
	return r->draft.cohort->as_of_year;
}

static void read_id(lm_csv_reader *r, const char *s)
{
	lm_role first_role;
	uint32_t first;

	if (!lm_id_valid(s))
		lm_csv_problem(r, LM_EPARSE, LM_ID_EXPECTED);
	else if (!lm_cohort_draft_set_id(&r->draft, r->role, r->index, s, &first_role, &first))
		lm_csv_problem(r, LM_EPARSE, "duplicate id: first used on line %u",
			       g_array_index(r->lines[first_role], uint32_t, first));
}

static void read_gender(lm_csv_reader *r, const char *s)
{
	r->person->gender = (uint8_t)read_enum(r, s, genders);
}

static void read_birth_year(lm_csv_reader *r, const char *s)
{
	r->person->birth_year = (int16_t)read_int(r, s, 1900, as_of_year(r), 0);
}

static void read_arrival_year(lm_csv_reader *r, const char *s)
{
	r->person->arrival_year = (int16_t)read_int(r, s, 1950, as_of_year(r), 0);
}

static void read_wants(lm_csv_reader *r, const char *s)
{
	r->person->wants = (uint32_t)read_int(r, s, 1, 16, 1);
}

static void read_capacity(lm_csv_reader *r, const char *s)
{
	r->person->capacity = (uint32_t)read_int(r, s, 0, 1000, 1);
}

static void read_consent(lm_csv_reader *r, const char *s)
{
	gboolean yes = FALSE;

	if (read_bool(r, s, &yes))
		r->person->consent = yes ? 1 : 0;
}

static void read_waiting_since(lm_csv_reader *r, const char *s)
{
	uint32_t julian, as_of = r->draft.cohort->as_of_julian;

	if (!lm_date_parse(s, &julian))
		lm_csv_problem(r, LM_EPARSE, "expected a date as \"YYYY-MM-DD\"");
	else
		r->person->waiting_days = julian < as_of ? (int32_t)(as_of - julian) : 0;
}

/* Where a vocabulary value was first seen, as the JSON reader would name
 * it; lm_cohort_csv_locate() turns it back into a line and a column. */
static char *vocab_path(const lm_csv_reader *r, const char *field)
{
	return g_strdup_printf("$.%s[%u].%s", role_dirs[r->role], r->index, field);
}

/* The vocabulary id of a word, or -1 past `limit` distinct words. */
static int32_t intern(lm_csv_reader *r, lm_vocab *vocab, const char *s, uint32_t limit,
		      const char *noun, const char *field)
{
	int32_t id = lm_vocab_lookup(vocab, s);

	if (id >= 0)
		return id;
	if (lm_vocab_size(vocab) >= limit) {
		lm_csv_problem(r, LM_ELIMIT, "more than %u distinct %s in one cohort", limit, noun);
		return -1;
	}

	g_autofree char *path = vocab_path(r, field);
	return (int32_t)lm_vocab_intern(vocab, s, path);
}

static gboolean valid_word(const char *s)
{
	return s[0] && strlen(s) <= WORD_MAX;
}

static int32_t read_vocab_word(lm_csv_reader *r, const char *s, lm_vocab *vocab,
			       const char *field)
{
	if (valid_word(s))
		return intern(r, vocab, s, G_MAXINT32, "values", field);
	lm_csv_problem(r, LM_EPARSE, "expected a string of 1 to %d bytes", WORD_MAX);
	return -1;
}

static void read_origin(lm_csv_reader *r, const char *s)
{
	r->person->origin = read_vocab_word(r, s, r->draft.cohort->origins, "origin_region");
}

static void read_region(lm_csv_reader *r, const char *s)
{
	r->person->region = read_vocab_word(r, s, r->draft.cohort->regions, "region");
}

static void read_stage(lm_csv_reader *r, const char *s)
{
	r->person->stage = read_vocab_word(r, s, r->draft.cohort->stages, "stage");
}

/* ---- lists ------------------------------------------------------------------------ */

/* The `;`-separated entries of a cell, each trimmed; NULL (with a problem)
 * past the limit, past max, or with an empty entry. Caller frees. */
static char **split_list(lm_csv_reader *r, const char *s, size_t max, const char *what)
{
	size_t n = 1;

	for (const char *p = s; *p; p++)
		n += *p == ';';
	if (n > lm_limits_get(r->limits)->list_length) {
		lm_csv_problem(r, LM_ELIMIT, "more than %zu entries in one list (the limit)",
			       lm_limits_get(r->limits)->list_length);
		return NULL;
	}
	if (n > max) {
		lm_csv_problem(r, LM_EPARSE, "expected at most %zu %s", max, what);
		return NULL;
	}

	char **parts = g_strsplit(s, ";", -1);

	for (size_t i = 0; parts[i]; i++) {
		if (!*g_strstrip(parts[i])) {
			lm_csv_problem(r, LM_EPARSE, "entry %zu: empty (two ';' in a row, or one "
				       "at an end)", i + 1);
			g_strfreev(parts);
			return NULL;
		}
	}
	return parts;
}

static void read_modes(lm_csv_reader *r, const char *s)
{
	static const char *const modes[] = { "in_person", "online", NULL };
	g_auto(GStrv) parts = split_list(r, s, 2, "modes (in_person, online)");

	for (size_t k = 0; parts && parts[k]; k++) {
		int mode = 0;

		for (int i = 0; modes[i]; i++)
			if (strcmp(parts[k], modes[i]) == 0)
				mode = i + 1;

		unsigned bit = mode ? 1u << (mode - 1) : 0;

		if (!mode)
			lm_csv_problem(r, LM_EPARSE, "entry %zu: expected one of: in_person, online",
				       k + 1);
		else if (r->person->modes & bit)
			lm_csv_problem(r, LM_EPARSE, "entry %zu: duplicate entry", k + 1);
		r->person->modes |= (uint8_t)bit;
	}
}

/* goals, offers, trained: unique words of one vocabulary into draft->ids. */
static void read_word_set(lm_csv_reader *r, const char *s, lm_vocab *vocab, uint32_t limit,
			  const char *noun, const char *field, lm_span *out)
{
	GArray *ids = r->draft.ids;
	g_auto(GStrv) parts = split_list(r, s, LIST_MAX, "entries");

	out->off = ids->len;
	for (size_t k = 0; parts && parts[k]; k++) {
		int32_t id = -1;

		if (!valid_word(parts[k]))
			lm_csv_problem(r, LM_EPARSE, "entry %zu: expected a string of 1 to %d bytes",
				       k + 1, WORD_MAX);
		else
			id = intern(r, vocab, parts[k], limit, noun, field);
		for (guint i = out->off; id >= 0 && i < ids->len; i++) {
			if (g_array_index(ids, uint32_t, i) == (uint32_t)id) {
				lm_csv_problem(r, LM_EPARSE, "entry %zu: duplicate entry", k + 1);
				id = -1;
			}
		}
		if (id >= 0)
			g_array_append_val(ids, id);
	}
	out->len = ids->len - out->off;
}

static void read_goals(lm_csv_reader *r, const char *s)
{
	read_word_set(r, s, r->draft.cohort->goals, LM_MAX_GOALS, "goals and offers", "goals",
		      &r->lists->goals);
}

static void read_offers(lm_csv_reader *r, const char *s)
{
	r->person->has_offers = 1;
	read_word_set(r, s, r->draft.cohort->goals, LM_MAX_GOALS, "goals and offers", "offers",
		      &r->lists->offers);
}

static void read_trained(lm_csv_reader *r, const char *s)
{
	read_word_set(r, s, r->draft.cohort->trainings, LM_MAX_TRAININGS, "trainings", "trained",
		      &r->lists->trained);
}

/* ---- maps of languages -------------------------------------------------------------- */

static gboolean valid_code(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

	return n > 0 && n <= CODE_MAX && s[n] == '\0';
}

/* Parses the value of a map entry into t (a level: lo only); FALSE, with a
 * problem, when it is not one. */
typedef gboolean (*lm_map_value_fn)(lm_csv_reader *r, size_t k, const char *value, lm_teach *t);

/* Splits "code:value" entries and appends each good one to `to` (an array
 * of lm_draft_level or lm_teach). A repeated code is a problem, as a
 * repeated JSON key is; codes are interned only for good entries, in cell
 * order, as the JSON reader does. */
static void read_language_map(lm_csv_reader *r, const char *s, const char *field,
			      const char *value_form, lm_map_value_fn parse, GArray *to)
{
	g_auto(GStrv) parts = split_list(r, s, MAP_MAX, "languages");
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (size_t k = 0; parts && parts[k]; k++) {
		char *colon = strchr(parts[k], ':');
		lm_teach t = { 0 };

		if (colon)
			*colon = '\0';
		if (!colon || !valid_code(g_strchomp(parts[k]))) {
			lm_csv_problem(r, LM_EPARSE, "entry %zu: expected a language code of 1 to %d "
				       "letters or '-', then ':' and %s", k + 1, CODE_MAX, value_form);
			continue;
		}
		if (!g_hash_table_add(seen, parts[k])) {
			lm_csv_problem(r, LM_EPARSE, "entry %zu: duplicate language", k + 1);
			continue;
		}
		if (!parse(r, k, g_strchug(colon + 1), &t))
			continue;

		int32_t id = intern(r, r->draft.cohort->languages, parts[k], LM_MAX_LANGUAGES,
				    "languages", field);

		if (id < 0)
			continue;
		t.language = (uint32_t)id;
		if (to == r->draft.levels) {
			lm_draft_level l = { t.language, t.lo };
			g_array_append_val(to, l);
		} else {
			g_array_append_val(to, t);
		}
	}
}

static gboolean parse_level(lm_csv_reader *r, size_t k, const char *value, lm_teach *t)
{
	long long level;

	if (!parse_int(value, 0, LM_LEVEL_MAX, &level)) {
		lm_csv_problem(r, LM_EPARSE, "entry %zu: expected a level: an integer from 0 to %d",
			       k + 1, LM_LEVEL_MAX);
		return FALSE;
	}
	t->lo = (uint8_t)level;
	return TRUE;
}

/* A level range "lo-hi", 0 <= lo <= hi <= 5. */
static gboolean parse_range(lm_csv_reader *r, size_t k, const char *value, lm_teach *t)
{
	g_autofree char *copy = g_strdup(value);
	char *dash = strchr(copy, '-');
	long long lo = 0, hi = -1;

	if (dash)
		*dash = '\0';
	if (!dash || !parse_int(g_strstrip(copy), 0, LM_LEVEL_MAX, &lo) ||
	    !parse_int(g_strstrip(dash + 1), 0, LM_LEVEL_MAX, &hi) || lo > hi) {
		lm_csv_problem(r, LM_EPARSE, "entry %zu: expected a level range lo-hi: integers "
			       "from 0 to %d, lo <= hi", k + 1, LM_LEVEL_MAX);
		return FALSE;
	}
	t->lo = (uint8_t)lo;
	t->hi = (uint8_t)hi;
	return TRUE;
}

static void read_languages(lm_csv_reader *r, const char *s)
{
	lm_span *out = &r->lists->levels;

	out->off = r->draft.levels->len;
	r->person->has_languages = 1;
	read_language_map(r, s, "languages", "a level from 0 to 5", parse_level, r->draft.levels);
	out->len = r->draft.levels->len - out->off;
}

static void read_teaches(lm_csv_reader *r, const char *s)
{
	lm_span *out = &r->lists->teaches;

	out->off = r->draft.teaches->len;
	read_language_map(r, s, "teaches", "a level range lo-hi", parse_range, r->draft.teaches);
	out->len = r->draft.teaches->len - out->off;
}

/* ---- availability and preferences ------------------------------------------------ */

/* One GTimeZone per name per file: loading a zone reads the tz database. */
static GTimeZone *zone(lm_csv_reader *r, const char *name)
{
	GTimeZone *tz = g_hash_table_lookup(r->zones, name);

	if (!tz && (tz = lm_time_zone_new(name)))
		g_hash_table_insert(r->zones, g_strdup(name), tz);
	return tz;
}

/* tz and availability: availability is given when tz is, and the slots
 * (possibly none) are then read in that zone. Called for every row. */
static void read_availability(lm_csv_reader *r, const char *unused)
{
	const char *name = lm_csv_cell(r, "tz");
	const char *slots = lm_csv_cell(r, "availability");
	GTimeZone *tz = NULL;

	if (!*name && !*slots)
		return;
	r->person->has_avail = 1;
	r->column = "tz";
	if (!*name)
		lm_csv_problem(r, LM_EPARSE, "missing value: expected an IANA time zone name such "
			       "as \"Asia/Seoul\" (availability is given)");
	else if (!(tz = zone(r, name)))
		lm_csv_problem(r, LM_EPARSE, "expected an IANA time zone name such as "
			       "\"Asia/Seoul\"");
	r->column = "availability";
	if (!*slots)
		return;

	g_auto(GStrv) parts = split_list(r, slots, LM_MAX_SLOTS, "weekly slots");
	for (size_t k = 0; parts && parts[k]; k++) {
		lm_slot slot;

		if (!lm_slot_parse(parts[k], &slot))
			lm_csv_problem(r, LM_EPARSE, "entry %zu: expected a weekly slot like "
				       "\"mon 19:00-21:00\" (mon..sun, 00:00 <= start < end <= 24:00)",
				       k + 1);
		else if (tz)
			lm_avail_add(r->person->avail, tz, r->monday, &slot);
	}
}

/* prefers_gender, prefers_gender_required and prefers_origin: the JSON
 * "prefers" object. Called for every row. */
static void read_prefers(lm_csv_reader *r, const char *unused)
{
	static const char *const wanted[] = { "female", "male", NULL };
	static const char *const origins[] = { "avoid_same", "prefer_same", "any", NULL };
	static const uint8_t origin_codes[] = { 0, LM_ORIGIN_AVOID_SAME, LM_ORIGIN_PREFER_SAME,
						LM_ORIGIN_ANY };
	const char *required = lm_csv_cell(r, "prefers_gender_required");
	const char *origin = lm_csv_cell(r, "prefers_origin");
	const char *gender = lm_csv_cell(r, "prefers_gender");
	gboolean hard = TRUE; /* a requested gender is a hard constraint unless said otherwise */

	if (*gender) {
		r->column = "prefers_gender";
		r->person->pref_gender = (uint8_t)read_enum(r, gender, wanted);
	}
	if (*required) {
		r->column = "prefers_gender_required";
		read_bool(r, required, &hard);
	}
	r->person->pref_gender_required = r->person->pref_gender && hard;
	if (*origin) {
		r->column = "prefers_origin";
		r->person->pref_origin = origin_codes[read_enum(r, origin, origins)];
	}
}

/* ---- references to other people ---------------------------------------------------- */

static void add_ref(lm_csv_reader *r, const char *id, lm_ref_kind kind, size_t elem,
		    int outcome)
{
	/* The draft borrows the id until it is finished; the row does not last. */
	lm_draft_ref ref = { g_string_chunk_insert_const(r->ids, id), r->index, (uint32_t)elem,
			     (uint8_t)r->role, (uint8_t)kind, (uint8_t)outcome };

	g_array_append_val(r->draft.refs, ref);
}

static void read_ref_list(lm_csv_reader *r, const char *s, lm_ref_kind kind, size_t max,
			  gboolean unique)
{
	g_auto(GStrv) parts = split_list(r, s, max, "ids");

	for (size_t k = 0; parts && parts[k]; k++) {
		gboolean repeat = FALSE;

		for (size_t j = 0; unique && j < k; j++)
			repeat |= strcmp(parts[j], parts[k]) == 0;
		if (!lm_id_valid(parts[k]))
			lm_csv_problem(r, LM_EPARSE, "entry %zu: %s", k + 1, LM_ID_EXPECTED);
		else if (repeat)
			lm_csv_problem(r, LM_EPARSE, "entry %zu: duplicate id", k + 1);
		else
			add_ref(r, parts[k], kind, k, 0);
	}
}

static void read_choices(lm_csv_reader *r, const char *s)
{
	read_ref_list(r, s, LM_REF_CHOICE, CHOICES_MAX, TRUE);
}

static void read_exclude(lm_csv_reader *r, const char *s)
{
	read_ref_list(r, s, LM_REF_EXCLUDE, HISTORY_MAX, FALSE);
}

static void read_current(lm_csv_reader *r, const char *s)
{
	read_ref_list(r, s, LM_REF_CURRENT, CURRENT_MAX, FALSE);
}

/* "r-0005:good;r-0007:bad". */
static void read_previous(lm_csv_reader *r, const char *s)
{
	static const char *const outcomes[] = { "good", "ended", "bad", NULL };
	g_auto(GStrv) parts = split_list(r, s, HISTORY_MAX, "previous pairs");

	for (size_t k = 0; parts && parts[k]; k++) {
		char *colon = strchr(parts[k], ':');
		int outcome = 0;

		if (colon) {
			*colon = '\0';
			g_strchomp(parts[k]);
			g_strchug(colon + 1);
			for (int i = 0; outcomes[i]; i++)
				if (strcmp(colon + 1, outcomes[i]) == 0)
					outcome = i + 1;
		}
		if (!lm_id_valid(parts[k]) || !outcome)
			lm_csv_problem(r, LM_EPARSE, "entry %zu: expected ID:OUTCOME, an id of 1 to 64 "
				       "characters from A-Z a-z 0-9 . _ - and one of: good, ended, bad",
				       k + 1);
		else /* LM_OUTCOME_* follow the order of outcomes[]. */
			add_ref(r, parts[k], LM_REF_PREVIOUS, k, outcome);
	}
}

/* ---- the table ---------------------------------------------------------------------- */

const lm_csv_column lm_csv_columns[] = {
	{ "id", read_id, BOTH, "id" },
	{ "role", NULL, BOTH, NULL },
	{ "as_of", NULL, BOTH, NULL },
	{ "gender", read_gender, BOTH, "gender" },
	{ "birth_year", read_birth_year, BOTH, "birth_year" },
	{ "arrival_year", read_arrival_year, BOTH, "arrival_year" },
	{ "origin_region", read_origin, BOTH, "origin_region" },
	{ "region", read_region, BOTH, "region" },
	{ "stage", read_stage, BOTH, "stage" },
	{ "modes", read_modes, BOTH, "modes" },
	{ "languages", read_languages, BOTH, "languages" },
	{ "goals", read_goals, BOTH, "goals" },
	{ "tz", read_availability, BOTH | LM_CSV_ALWAYS, "availability.tz" },
	{ "availability", NULL, BOTH, "availability" },
	{ "prefers_gender", read_prefers, BOTH | LM_CSV_ALWAYS, "prefers.gender" },
	{ "prefers_gender_required", NULL, BOTH, "prefers.gender_required" },
	{ "prefers_origin", NULL, BOTH, "prefers.origin" },
	{ "choices", read_choices, BOTH, "choices" },
	{ "exclude", read_exclude, BOTH, "exclude" },
	{ "current", read_current, BOTH, "current" },
	{ "previous", read_previous, BOTH, "previous" },
	{ "waiting_since", read_waiting_since, BOTH, "waiting_since" },
	{ "consent", read_consent, BOTH, "consent" },
	{ "wants", read_wants, MENTEE, "wants" },
	{ "capacity", read_capacity, MENTOR, "capacity" },
	{ "offers", read_offers, MENTOR, "offers" },
	{ "teaches", read_teaches, MENTOR, "teaches" },
	{ "trained", read_trained, MENTOR, "trained" },
};

const size_t lm_csv_n_columns = G_N_ELEMENTS(lm_csv_columns);

G_STATIC_ASSERT(LM_OUTCOME_GOOD == 1 && LM_OUTCOME_ENDED == 2 && LM_OUTCOME_BAD == 3);
