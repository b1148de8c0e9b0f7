/* String interning for open vocabularies. */
#include <string.h>
#include "core/vocab.h"

struct lm_vocab {
	GHashTable *index;  /* string (owned by strings) -> GUINT_TO_POINTER(id + 1) */
	GPtrArray *strings; /* id -> string, owned */
	GPtrArray *paths;   /* id -> JSON path of the first occurrence, owned, may be NULL */
};

lm_vocab *lm_vocab_new(void)
{
	lm_vocab *v = g_new0(lm_vocab, 1);

	v->index = g_hash_table_new(g_str_hash, g_str_equal);
	v->strings = g_ptr_array_new_with_free_func(g_free);
	v->paths = g_ptr_array_new_with_free_func(g_free);
	return v;
}

void lm_vocab_free(lm_vocab *v)
{
	if (!v)
		return;
	/* The index borrows its keys from strings, so it goes first. */
	g_hash_table_destroy(v->index);
	g_ptr_array_free(v->strings, TRUE);
	g_ptr_array_free(v->paths, TRUE);
	g_free(v);
}

uint32_t lm_vocab_intern(lm_vocab *v, const char *s, const char *first_path)
{
	gpointer found = g_hash_table_lookup(v->index, s);

	if (found)
		return GPOINTER_TO_UINT(found) - 1;

	uint32_t id = v->strings->len;
	char *copy = g_strdup(s);

	g_ptr_array_add(v->strings, copy);
	g_ptr_array_add(v->paths, g_strdup(first_path));
	g_hash_table_insert(v->index, copy, GUINT_TO_POINTER(id + 1));
	return id;
}

int32_t lm_vocab_lookup(const lm_vocab *v, const char *s)
{
	gpointer found = g_hash_table_lookup(v->index, s);

	return found ? (int32_t)(GPOINTER_TO_UINT(found) - 1) : -1;
}

uint32_t lm_vocab_size(const lm_vocab *v)
{
	return v ? v->strings->len : 0;
}

const char *lm_vocab_string(const lm_vocab *v, uint32_t id)
{
	return v && id < v->strings->len ? g_ptr_array_index(v->strings, id) : NULL;
}

const char *lm_vocab_first_path(const lm_vocab *v, uint32_t id)
{
	return v && id < v->paths->len ? g_ptr_array_index(v->paths, id) : NULL;
}

/* Levenshtein distance of a and b in bytes, or bound + 1 as soon as it is
 * certain to exceed bound (suggestions only care about close strings, and
 * the cut-off keeps long unrelated strings cheap). */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t bound)
{
	if ((la > lb ? la - lb : lb - la) > bound)
		return bound + 1;

	g_autofree size_t *prev = g_new(size_t, lb + 1);
	g_autofree size_t *cur = g_new(size_t, lb + 1);

	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t row_min = cur[0] = i;

		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = MIN(sub, MIN(del, ins));
			row_min = MIN(row_min, cur[j]);
		}
		if (row_min > bound)
			return bound + 1;
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

const char *lm_vocab_closest(const char *s, const char *const *known, size_t n)
{
	if (!s || !known)
		return NULL;

	size_t len = strlen(s);
	size_t bound = MAX((size_t)2, len / 3);
	const char *best = NULL;
	size_t best_d = bound + 1;

	for (size_t i = 0; i < n; i++) {
		if (!known[i])
			continue;
		size_t d = edit_distance(s, len, known[i], strlen(known[i]), bound);

		/* Strictly smaller: ties keep the earlier entry. */
		if (d < best_d) {
			best_d = d;
			best = known[i];
		}
	}
	return best;
}
