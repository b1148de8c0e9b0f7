/* The person fields of libmatch-cohort v1: one reader per field, in a table.
 *
 * Each reader validates its value and stores it in the draft; on a problem
 * it records a message naming the field and what was expected (never the
 * value found) and leaves the field "not given". */
#include <string.h>
#include "core/id.h"
#include "io/cohort_json.h"
#include "core/availability.h"

#define MENTEE (1u << LM_ROLE_MENTEE)
#define MENTOR (1u << LM_ROLE_MENTOR)
#define BOTH (MENTEE | MENTOR)

#define WORD_MAX 64       /* bytes in a goal, region, stage, training... */
#define LIST_MAX 32       /* goals, offers, trained */
#define MAP_MAX 64        /* languages, teaches */
#define CODE_MAX 16       /* language code */
#define CHOICES_MAX 64
#define HISTORY_MAX 4096  /* exclude, previous */
#define CURRENT_MAX 1000  /* the largest capacity */

static lm_json_doc *doc(lm_cohort_parser *p)
{
	return &p->doc;
}

/* ---- small values -------------------------------------------------------------- */

/* The 1-based position of the string value in names (NULL-terminated), or 0. */
static int read_enum(lm_cohort_parser *p, const cJSON *v, const char *const *names)
{
	for (int i = 0; cJSON_IsString(v) && names[i]; i++) {
		if (strcmp(v->valuestring, names[i]) == 0)
			return i + 1;
	}
	g_autofree char *list = g_strjoinv(", ", (char **)names);
	lm_cp_problem(p, LM_EPARSE, "expected one of: %s", list);
	return 0;
}

static const char *const genders[] = { "female", "male", "undisclosed", NULL };

static void read_id(lm_cohort_parser *p, const cJSON *v)
{
	if (!cJSON_IsString(v) || !lm_id_valid(v->valuestring)) {
		lm_cp_problem(p, LM_EPARSE, LM_ID_EXPECTED);
		return;
	}

	lm_role first_role;
	uint32_t first;

	if (!lm_cohort_draft_set_id(&p->draft, p->role, p->index, v->valuestring, &first_role,
				    &first))
		lm_cp_problem(p, LM_EPARSE, "duplicate id: first used at $.%s[%u].id",
			      first_role == LM_ROLE_MENTEE ? "mentees" : "mentors", first);
}

static void read_gender(lm_cohort_parser *p, const cJSON *v)
{
	p->person->gender = (uint8_t)read_enum(p, v, genders);
}

static long long read_int(lm_cohort_parser *p, const cJSON *v, long long min, long long max,
			  long long fallback)
{
	long long x = fallback;

	lm_json_get_int(doc(p), v, p->path->str, min, max, &x);
	return x;
}

static void read_birth_year(lm_cohort_parser *p, const cJSON *v)
{
	p->person->birth_year = (int16_t)read_int(p, v, 1900, p->draft.cohort->as_of_year, 0);
}

static void read_arrival_year(lm_cohort_parser *p, const cJSON *v)
{
	p->person->arrival_year = (int16_t)read_int(p, v, 1950, p->draft.cohort->as_of_year, 0);
}

static void read_wants(lm_cohort_parser *p, const cJSON *v)
{
	p->person->wants = (uint32_t)read_int(p, v, 1, 16, 1);
}

static void read_capacity(lm_cohort_parser *p, const cJSON *v)
{
	p->person->capacity = (uint32_t)read_int(p, v, 0, 1000, 1);
}

static void read_consent(lm_cohort_parser *p, const cJSON *v)
{
	gboolean yes = FALSE;

	if (lm_json_get_bool(doc(p), v, p->path->str, &yes))
		p->person->consent = yes ? 1 : 0;
}

static void read_waiting_since(lm_cohort_parser *p, const cJSON *v)
{
	uint32_t julian, as_of = p->draft.cohort->as_of_julian;

	if (lm_cp_date(p, v, &julian))
		p->person->waiting_days = julian < as_of ? (int32_t)(as_of - julian) : 0;
}

/* A 1-64 byte string, or NULL with a problem recorded. */
static const char *read_word(lm_cohort_parser *p, const cJSON *v)
{
	if (cJSON_IsString(v) && v->valuestring[0] && strlen(v->valuestring) <= WORD_MAX)
		return v->valuestring;
	lm_cp_problem(p, LM_EPARSE, "expected a string of 1 to %d bytes", WORD_MAX);
	return NULL;
}

/* The vocabulary id of a word, remembering where it was first seen; -1
 * past `limit` distinct words (pools are as wide as the vocabulary). */
static int32_t intern(lm_cohort_parser *p, lm_vocab *vocab, const char *s, uint32_t limit,
		      const char *noun)
{
	int32_t id = lm_vocab_lookup(vocab, s);

	if (id >= 0)
		return id;
	if (lm_vocab_size(vocab) >= limit) {
		lm_cp_problem(p, LM_ELIMIT, "more than %u distinct %s in one cohort", limit, noun);
		return -1;
	}
	return (int32_t)lm_vocab_intern(vocab, s, p->path->str);
}

static int32_t read_vocab_word(lm_cohort_parser *p, const cJSON *v, lm_vocab *vocab)
{
	const char *s = read_word(p, v);

	return s ? intern(p, vocab, s, G_MAXINT32, "values") : -1;
}

static void read_origin(lm_cohort_parser *p, const cJSON *v)
{
	p->person->origin = read_vocab_word(p, v, p->draft.cohort->origins);
}

static void read_region(lm_cohort_parser *p, const cJSON *v)
{
	p->person->region = read_vocab_word(p, v, p->draft.cohort->regions);
}

static void read_stage(lm_cohort_parser *p, const cJSON *v)
{
	p->person->stage = read_vocab_word(p, v, p->draft.cohort->stages);
}

/* ---- lists ------------------------------------------------------------------------ */

/* An array of at most max entries; FALSE (with a problem) otherwise. */
static gboolean expect_list(lm_cohort_parser *p, const cJSON *v, int max, const char *what)
{
	if (!cJSON_IsArray(v)) {
		lm_cp_problem(p, LM_EPARSE, "expected an array of %s", what);
		return FALSE;
	}
	if (cJSON_GetArraySize(v) > max) {
		lm_cp_problem(p, LM_EPARSE, "expected at most %d %s", max, what);
		return FALSE;
	}
	return TRUE;
}

static void read_modes(lm_cohort_parser *p, const cJSON *v)
{
	static const char *const modes[] = { "in_person", "online", NULL };

	if (!expect_list(p, v, 2, "modes (in_person, online)"))
		return;
	if (!v->child)
		lm_cp_problem(p, LM_EPARSE, "expected at least one of: in_person, online");

	size_t k = 0;
	for (const cJSON *e = v->child; e; e = e->next, k++) {
		size_t mark = lm_cp_push_index(p, k);
		int mode = read_enum(p, e, modes);
		unsigned bit = mode ? 1u << (mode - 1) : 0;

		if (p->person->modes & bit)
			lm_cp_problem(p, LM_EPARSE, "duplicate entry");
		p->person->modes |= (uint8_t)bit;
		lm_cp_pop(p, mark);
	}
}

/* goals, offers, trained: unique words of one vocabulary into draft->ids. */
static void read_word_set(lm_cohort_parser *p, const cJSON *v, lm_vocab *vocab, uint32_t limit,
			  const char *noun, lm_span *out)
{
	GArray *ids = p->draft.ids;
	size_t k = 0;

	out->off = ids->len;
	if (!expect_list(p, v, LIST_MAX, "strings"))
		return;
	for (const cJSON *e = v->child; e; e = e->next, k++) {
		size_t mark = lm_cp_push_index(p, k);
		const char *s = read_word(p, e);
		int32_t id = s ? intern(p, vocab, s, limit, noun) : -1;

		for (guint i = out->off; id >= 0 && i < ids->len; i++) {
			if (g_array_index(ids, uint32_t, i) == (uint32_t)id) {
				lm_cp_problem(p, LM_EPARSE, "duplicate entry");
				id = -1;
			}
		}
		if (id >= 0)
			g_array_append_val(ids, id);
		lm_cp_pop(p, mark);
	}
	out->len = ids->len - out->off;
}

static void read_goals(lm_cohort_parser *p, const cJSON *v)
{
	read_word_set(p, v, p->draft.cohort->goals, LM_MAX_GOALS, "goals and offers",
		      &p->lists->goals);
}

static void read_offers(lm_cohort_parser *p, const cJSON *v)
{
	p->person->has_offers = 1;
	read_word_set(p, v, p->draft.cohort->goals, LM_MAX_GOALS, "goals and offers",
		      &p->lists->offers);
}

static void read_trained(lm_cohort_parser *p, const cJSON *v)
{
	read_word_set(p, v, p->draft.cohort->trainings, LM_MAX_TRAININGS, "trainings",
		      &p->lists->trained);
}

/* ---- maps of languages -------------------------------------------------------------- */

static gboolean valid_code(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

	return n > 0 && n <= CODE_MAX && s[n] == '\0';
}

/* Checks a language map; FALSE when it cannot be read entry by entry. Bad
 * codes are reported at the map, since a key's path would show the code. */
static gboolean expect_language_map(lm_cohort_parser *p, const cJSON *v, const char *what)
{
	if (!cJSON_IsObject(v)) {
		lm_cp_problem(p, LM_EPARSE, "expected an object of %s", what);
		return FALSE;
	}
	if (cJSON_GetArraySize(v) > MAP_MAX) {
		lm_cp_problem(p, LM_EPARSE, "expected at most %d languages", MAP_MAX);
		return FALSE;
	}
	lm_json_check_keys(doc(p), v, p->path->str, NULL);
	for (const cJSON *e = v->child; e; e = e->next) {
		if (!valid_code(e->string)) {
			lm_cp_problem(p, LM_EPARSE, "expected language codes of 1 to %d letters "
				      "or '-' as keys", CODE_MAX);
			return FALSE;
		}
	}
	return TRUE;
}

/* A map entry's path step: the code when it reads as one (two or three
 * lowercase letters), else the entry's position, since a longer key may be
 * a value typed in the wrong place and paths are printed. */
static size_t push_entry(lm_cohort_parser *p, const char *code, size_t k)
{
	size_t n = strspn(code, "abcdefghijklmnopqrstuvwxyz");

	return n >= 2 && n <= 3 && code[n] == '\0' ? lm_cp_push(p, code) : lm_cp_push_index(p, k);
}

static int32_t language_id(lm_cohort_parser *p, const char *code)
{
	return intern(p, p->draft.cohort->languages, code, LM_MAX_LANGUAGES, "languages");
}

static void read_languages(lm_cohort_parser *p, const cJSON *v)
{
	lm_span *out = &p->lists->levels;

	out->off = p->draft.levels->len;
	if (!expect_language_map(p, v, "language levels"))
		return;
	p->person->has_languages = 1;
	size_t k = 0;
	for (const cJSON *e = v->child; e; e = e->next, k++) {
		size_t mark = push_entry(p, e->string, k);
		long long level;

		if (lm_json_get_int(doc(p), e, p->path->str, 0, LM_LEVEL_MAX, &level)) {
			int32_t id = language_id(p, e->string);
			lm_draft_level l = { (uint32_t)id, (uint8_t)level };

			if (id >= 0)
				g_array_append_val(p->draft.levels, l);
		}
		lm_cp_pop(p, mark);
	}
	out->len = p->draft.levels->len - out->off;
}

/* [lo, hi] with 0 <= lo <= hi <= 5. */
static gboolean read_level_range(const cJSON *v, lm_teach *t)
{
	if (cJSON_GetArraySize(v) != 2 || !cJSON_IsArray(v))
		return FALSE;

	const cJSON *a = v->child, *b = v->child->next;

	/* Range first: converting a huge double to an integer is undefined. */
	if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b) || !(a->valuedouble >= 0) ||
	    !(b->valuedouble <= LM_LEVEL_MAX) || a->valuedouble > b->valuedouble)
		return FALSE;

	double lo = a->valuedouble, hi = b->valuedouble;

	if (lo != (int)lo || hi != (int)hi)
		return FALSE;
	t->lo = (uint8_t)lo;
	t->hi = (uint8_t)hi;
	return TRUE;
}

static void read_teaches(lm_cohort_parser *p, const cJSON *v)
{
	lm_span *out = &p->lists->teaches;

	out->off = p->draft.teaches->len;
	if (!expect_language_map(p, v, "level ranges"))
		return;
	size_t k = 0;
	for (const cJSON *e = v->child; e; e = e->next, k++) {
		size_t mark = push_entry(p, e->string, k);
		lm_teach t = { 0 };

		if (!read_level_range(e, &t)) {
			lm_cp_problem(p, LM_EPARSE, "expected [lo, hi]: integers from 0 to %d, "
				      "lo <= hi", LM_LEVEL_MAX);
		} else {
			int32_t id = language_id(p, e->string);

			t.language = (uint32_t)id;
			if (id >= 0)
				g_array_append_val(p->draft.teaches, t);
		}
		lm_cp_pop(p, mark);
	}
	out->len = p->draft.teaches->len - out->off;
}

/* ---- availability and preferences ------------------------------------------------ */

/* One GTimeZone per name per file: loading a zone reads the tz database. */
static GTimeZone *zone(lm_cohort_parser *p, const char *name)
{
	GTimeZone *tz = g_hash_table_lookup(p->zones, name);

	if (!tz && (tz = lm_time_zone_new(name)))
		g_hash_table_insert(p->zones, g_strdup(name), tz);
	return tz;
}

static GTimeZone *read_zone(lm_cohort_parser *p, const cJSON *obj)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "tz");
	size_t mark = lm_cp_push(p, "tz");
	GTimeZone *tz = cJSON_IsString(v) ? zone(p, v->valuestring) : NULL;

	if (!tz)
		lm_cp_problem(p, LM_EPARSE, "%sexpected an IANA time zone name such as "
			      "\"Asia/Seoul\"", v ? "" : "missing field: ");
	lm_cp_pop(p, mark);
	return tz;
}

static void read_availability(lm_cohort_parser *p, const cJSON *v)
{
	static const char *const keys[] = { "tz", "weekly", NULL };

	if (!lm_json_expect_type(doc(p), v, p->path->str, cJSON_Object,
				 "an object with \"tz\" and \"weekly\""))
		return;
	lm_json_check_keys(doc(p), v, p->path->str, keys);
	p->person->has_avail = 1;

	GTimeZone *tz = read_zone(p, v);
	const cJSON *weekly = cJSON_GetObjectItemCaseSensitive(v, "weekly");
	size_t mark = lm_cp_push(p, "weekly");
	size_t k = 0;

	if (!weekly)
		lm_cp_problem(p, LM_EPARSE, "missing field: expected an array of weekly slots");
	else if (expect_list(p, weekly, LM_MAX_SLOTS, "weekly slots")) {
		for (const cJSON *e = weekly->child; e; e = e->next, k++) {
			size_t slot_mark = lm_cp_push_index(p, k);
			lm_slot slot;

			if (!cJSON_IsString(e) || !lm_slot_parse(e->valuestring, &slot))
				lm_cp_problem(p, LM_EPARSE, "expected a weekly slot like "
					      "\"mon 19:00-21:00\" (mon..sun, "
					      "00:00 <= start < end <= 24:00)");
			else if (tz)
				lm_avail_memo_add(p->slots, p->person->avail, tz, &slot);
			lm_cp_pop(p, slot_mark);
		}
	}
	lm_cp_pop(p, mark);
}

static void read_prefers(lm_cohort_parser *p, const cJSON *v)
{
	static const char *const keys[] = { "gender", "gender_required", "origin", NULL };
	static const char *const wanted[] = { "female", "male", NULL };
	static const char *const origins[] = { "avoid_same", "prefer_same", "any", NULL };
	static const uint8_t origin_codes[] = { 0, LM_ORIGIN_AVOID_SAME, LM_ORIGIN_PREFER_SAME,
						LM_ORIGIN_ANY };

	if (!lm_json_expect_type(doc(p), v, p->path->str, cJSON_Object, "an object"))
		return;
	lm_json_check_keys(doc(p), v, p->path->str, keys);

	const cJSON *gender = cJSON_GetObjectItemCaseSensitive(v, "gender");
	const cJSON *required = cJSON_GetObjectItemCaseSensitive(v, "gender_required");
	const cJSON *origin = cJSON_GetObjectItemCaseSensitive(v, "origin");
	gboolean hard = TRUE; /* a requested gender is a hard constraint unless said otherwise */
	size_t mark;

	if (gender) {
		mark = lm_cp_push(p, "gender");
		p->person->pref_gender = (uint8_t)read_enum(p, gender, wanted);
		lm_cp_pop(p, mark);
	}
	if (required) {
		mark = lm_cp_push(p, "gender_required");
		lm_json_get_bool(doc(p), required, p->path->str, &hard);
		lm_cp_pop(p, mark);
	}
	p->person->pref_gender_required = p->person->pref_gender && hard;
	if (origin) {
		mark = lm_cp_push(p, "origin");
		p->person->pref_origin = origin_codes[read_enum(p, origin, origins)];
		lm_cp_pop(p, mark);
	}
}

/* ---- references to other people ---------------------------------------------------- */

static void add_ref(lm_cohort_parser *p, const char *id, lm_ref_kind kind, size_t elem,
		    int outcome)
{
	/* A copy: the fast reader frees each person's values once read. */
	lm_draft_ref r = { g_string_chunk_insert(p->ref_ids, id), p->index, (uint32_t)elem,
			   (uint8_t)p->role, (uint8_t)kind, (uint8_t)outcome };

	g_array_append_val(p->draft.refs, r);
}

/* A valid id string, or NULL with a problem recorded. */
static const char *read_ref_id(lm_cohort_parser *p, const cJSON *v)
{
	if (cJSON_IsString(v) && lm_id_valid(v->valuestring))
		return v->valuestring;
	lm_cp_problem(p, LM_EPARSE, LM_ID_EXPECTED);
	return NULL;
}

static gboolean seen_before(const cJSON *list, const cJSON *e)
{
	for (const cJSON *s = list->child; s != e; s = s->next) {
		if (cJSON_IsString(s) && strcmp(s->valuestring, e->valuestring) == 0)
			return TRUE;
	}
	return FALSE;
}

static void read_ref_list(lm_cohort_parser *p, const cJSON *v, lm_ref_kind kind, int max,
			  gboolean unique)
{
	size_t k = 0;

	if (!expect_list(p, v, max, "ids"))
		return;
	for (const cJSON *e = v->child; e; e = e->next, k++) {
		size_t mark = lm_cp_push_index(p, k);
		const char *id = read_ref_id(p, e);

		if (id && unique && seen_before(v, e))
			lm_cp_problem(p, LM_EPARSE, "duplicate id");
		else if (id)
			add_ref(p, id, kind, k, 0);
		lm_cp_pop(p, mark);
	}
}

static void read_choices(lm_cohort_parser *p, const cJSON *v)
{
	read_ref_list(p, v, LM_REF_CHOICE, CHOICES_MAX, TRUE);
}

static void read_exclude(lm_cohort_parser *p, const cJSON *v)
{
	read_ref_list(p, v, LM_REF_EXCLUDE, HISTORY_MAX, FALSE);
}

static void read_current(lm_cohort_parser *p, const cJSON *v)
{
	read_ref_list(p, v, LM_REF_CURRENT, CURRENT_MAX, FALSE);
}

static void read_previous_entry(lm_cohort_parser *p, const cJSON *e, size_t k)
{
	static const char *const keys[] = { "id", "outcome", NULL };
	static const char *const outcomes[] = { "good", "ended", "bad", NULL };

	if (!lm_json_expect_type(doc(p), e, p->path->str, cJSON_Object,
				 "an object with \"id\" and \"outcome\""))
		return;
	lm_json_check_keys(doc(p), e, p->path->str, keys);

	const cJSON *idv = cJSON_GetObjectItemCaseSensitive(e, "id");
	const cJSON *outv = cJSON_GetObjectItemCaseSensitive(e, "outcome");
	size_t mark = lm_cp_push(p, "id");
	const char *id = idv ? read_ref_id(p, idv) : NULL;

	if (!idv)
		lm_cp_problem(p, LM_EPARSE, "missing field: %s", LM_ID_EXPECTED);
	lm_cp_pop(p, mark);
	mark = lm_cp_push(p, "outcome");
	int outcome = outv ? read_enum(p, outv, outcomes) : 0;
	if (!outv)
		lm_cp_problem(p, LM_EPARSE, "missing field: expected one of: good, ended, bad");
	lm_cp_pop(p, mark);
	/* LM_OUTCOME_* follow the order of outcomes[]. */
	if (id && outcome)
		add_ref(p, id, LM_REF_PREVIOUS, k, outcome);
}

static void read_previous(lm_cohort_parser *p, const cJSON *v)
{
	size_t k = 0;

	if (!expect_list(p, v, HISTORY_MAX, "previous pairs"))
		return;
	for (const cJSON *e = v->child; e; e = e->next, k++) {
		size_t mark = lm_cp_push_index(p, k);

		read_previous_entry(p, e, k);
		lm_cp_pop(p, mark);
	}
}

/* ---- the table ---------------------------------------------------------------------- */

const lm_cohort_field lm_cohort_fields[] = {
	{ "id", read_id, BOTH },
	{ "gender", read_gender, BOTH },
	{ "birth_year", read_birth_year, BOTH },
	{ "arrival_year", read_arrival_year, BOTH },
	{ "origin_region", read_origin, BOTH },
	{ "region", read_region, BOTH },
	{ "stage", read_stage, BOTH },
	{ "modes", read_modes, BOTH },
	{ "languages", read_languages, BOTH },
	{ "goals", read_goals, BOTH },
	{ "availability", read_availability, BOTH },
	{ "prefers", read_prefers, BOTH },
	{ "choices", read_choices, BOTH },
	{ "exclude", read_exclude, BOTH },
	{ "current", read_current, BOTH },
	{ "previous", read_previous, BOTH },
	{ "waiting_since", read_waiting_since, BOTH },
	{ "consent", read_consent, BOTH },
	{ "wants", read_wants, MENTEE },
	{ "capacity", read_capacity, MENTOR },
	{ "offers", read_offers, MENTOR },
	{ "teaches", read_teaches, MENTOR },
	{ "trained", read_trained, MENTOR },
};

const size_t lm_cohort_n_fields = G_N_ELEMENTS(lm_cohort_fields);

G_STATIC_ASSERT(G_N_ELEMENTS(lm_cohort_fields) <= LM_COHORT_MAX_FIELDS);
G_STATIC_ASSERT(LM_OUTCOME_GOOD == 1 && LM_OUTCOME_ENDED == 2 && LM_OUTCOME_BAD == 3);
