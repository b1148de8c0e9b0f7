/* Comparing two compiled cohorts: the check that the fast reader
 * (cohort_fast.c) and the full one read a file to the same cohort, used by
 * the tests and the fuzz_cohort_diff harness. Field by field rather than
 * memcmp: structs have padding, and ids are pointers into each cohort. */
#include <string.h>
#include "io/cohort_json.h"

static gboolean same_vocab(const lm_vocab *a, const lm_vocab *b)
{
	if (lm_vocab_size(a) != lm_vocab_size(b))
		return FALSE;
	for (uint32_t i = 0; i < lm_vocab_size(a); i++) {
		if (g_strcmp0(lm_vocab_string(a, i), lm_vocab_string(b, i)) != 0 ||
		    g_strcmp0(lm_vocab_first_path(a, i), lm_vocab_first_path(b, i)) != 0)
			return FALSE;
	}
	return TRUE;
}

static gboolean same_span(lm_span a, lm_span b)
{
	return a.off == b.off && a.len == b.len;
}

static gboolean same_person(const lm_person *a, const lm_person *b)
{
	return strcmp(a->id, b->id) == 0 && a->gender == b->gender && a->modes == b->modes &&
	       a->consent == b->consent && a->has_avail == b->has_avail &&
	       a->has_languages == b->has_languages && a->has_offers == b->has_offers &&
	       a->pref_gender == b->pref_gender &&
	       a->pref_gender_required == b->pref_gender_required &&
	       a->pref_origin == b->pref_origin && a->birth_year == b->birth_year &&
	       a->arrival_year == b->arrival_year && a->region == b->region &&
	       a->origin == b->origin && a->stage == b->stage && a->capacity == b->capacity &&
	       a->wants == b->wants && a->waiting_days == b->waiting_days &&
	       memcmp(a->avail, b->avail, sizeof a->avail) == 0 && same_span(a->goals, b->goals) &&
	       a->offers == b->offers && a->trained == b->trained &&
	       (!a->has_languages || a->levels == b->levels) &&
	       same_span(a->teaches, b->teaches) && same_span(a->choices, b->choices) &&
	       same_span(a->veto, b->veto) && same_span(a->current, b->current) &&
	       same_span(a->good_previous, b->good_previous);
}

/* Pool lengths, from the people (the pools keep no length of their own). */
typedef struct extent {
	size_t goals, refs, bits, levels, teaches;
} extent;

static void span_end(size_t *end, lm_span s)
{
	if (s.len > 0 && (size_t)s.off + s.len > *end)
		*end = (size_t)s.off + s.len;
}

static extent measure(const lm_cohort *c)
{
	extent x = { 0 };

	for (int r = 0; r < 2; r++) {
		for (uint32_t i = 0; i < c->count[r]; i++) {
			const lm_person *p = &c->people[r][i];

			span_end(&x.goals, p->goals);
			span_end(&x.teaches, p->teaches);
			span_end(&x.refs, p->choices);
			span_end(&x.refs, p->veto);
			span_end(&x.refs, p->current);
			span_end(&x.refs, p->good_previous);
			x.bits = MAX(x.bits, (size_t)p->trained + c->training_words);
			if (p->has_languages)
				x.levels = MAX(x.levels, (size_t)p->levels + c->n_languages);
		}
	}
	return x;
}

static gboolean same_teaches(const lm_teach *a, const lm_teach *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].language != b[i].language || a[i].lo != b[i].lo || a[i].hi != b[i].hi)
			return FALSE;
	return TRUE;
}

static gboolean same_pools(const lm_cohort *a, const lm_cohort *b)
{
	extent x = measure(a), y = measure(b);

	return memcmp(&x, &y, sizeof x) == 0 &&
	       memcmp(a->goal_pool, b->goal_pool, x.goals * sizeof *a->goal_pool) == 0 &&
	       memcmp(a->ref_pool, b->ref_pool, x.refs * sizeof *a->ref_pool) == 0 &&
	       memcmp(a->bits_pool, b->bits_pool, x.bits * sizeof *a->bits_pool) == 0 &&
	       memcmp(a->level_pool, b->level_pool, x.levels) == 0 &&
	       same_teaches(a->teach_pool, b->teach_pool, x.teaches);
}

static gboolean same_ids(const lm_cohort *a, const lm_cohort *b)
{
	GHashTableIter it;
	gpointer key, code;

	if (g_hash_table_size(a->by_id) != g_hash_table_size(b->by_id))
		return FALSE;
	g_hash_table_iter_init(&it, a->by_id);
	while (g_hash_table_iter_next(&it, &key, &code))
		if (g_hash_table_lookup(b->by_id, key) != code)
			return FALSE;
	return TRUE;
}

gboolean lm_cohort_same(const lm_cohort *a, const lm_cohort *b)
{
	if (g_strcmp0(a->name, b->name) != 0 || a->as_of_year != b->as_of_year ||
	    a->as_of_julian != b->as_of_julian || a->count[0] != b->count[0] ||
	    a->count[1] != b->count[1] || a->goal_words != b->goal_words ||
	    a->training_words != b->training_words || a->n_languages != b->n_languages)
		return FALSE;
	if (!same_vocab(a->goals, b->goals) || !same_vocab(a->regions, b->regions) ||
	    !same_vocab(a->origins, b->origins) || !same_vocab(a->languages, b->languages) ||
	    !same_vocab(a->stages, b->stages) || !same_vocab(a->trainings, b->trainings))
		return FALSE;
	for (int r = 0; r < 2; r++)
		for (uint32_t i = 0; i < a->count[r]; i++)
			if (!same_person(&a->people[r][i], &b->people[r][i]))
				return FALSE;
	return same_ids(a, b) && same_pools(a, b);
}
