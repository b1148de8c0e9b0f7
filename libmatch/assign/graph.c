/* The public score graph: people, ids, capacities and scored pairs.
 * Solving is in graph_solve.c. */
#include <string.h>
#include "core/error_private.h"
#include "assign/graph_private.h"
#include "core/id.h"

static const char *const side_name[2] = { "mentee", "mentor" };

/* ---- people ------------------------------------------------------------------ */

/* Room for at least `need` people on a side (ids and, for mentors, capacities). */
static gboolean side_reserve(lm_graph *g, lm_role role, size_t need)
{
	lm_graph_side *s = &g->side[role];

	if (need <= s->alloc)
		return TRUE;
	size_t alloc = MAX(need, MIN((size_t)s->alloc * 2, LM_GRAPH_SIDE_MAX));
	alloc = MAX(alloc, (size_t)16);

	if (s->ids) {
		char **ids = g_try_realloc_n(s->ids, alloc, sizeof(char *));

		if (!ids)
			return FALSE;
		memset(ids + s->alloc, 0, (alloc - s->alloc) * sizeof(char *));
		s->ids = ids;
	}
	if (role == LM_ROLE_MENTOR) {
		uint32_t *cap = g_try_realloc_n(g->capacity, alloc, sizeof(uint32_t));

		if (!cap)
			return FALSE;
		g->capacity = cap;
	}
	s->alloc = (uint32_t)alloc;
	return TRUE;
}

/* Appends n unnamed people (mentors with capacity 1). */
static gboolean side_grow(lm_graph *g, lm_role role, size_t n)
{
	lm_graph_side *s = &g->side[role];

	if (!side_reserve(g, role, (size_t)s->n + n))
		return FALSE;
	if (role == LM_ROLE_MENTOR)
		for (size_t i = s->n; i < (size_t)s->n + n; i++)
			g->capacity[i] = 1;
	s->n += (uint32_t)n;
	return TRUE;
}

int lm_graph_new(lm_graph **out, size_t mentees, size_t mentors, lm_error **err)
{
	if (!out)
		return lm_set_error(err, LM_EINVAL, "lm_graph_new: out is NULL");
	if (mentees > LM_GRAPH_SIDE_MAX || mentors > LM_GRAPH_SIDE_MAX)
		return lm_set_error(err, LM_EINVAL, "a graph holds at most 2^31 - 1 mentees and "
				    "2^31 - 1 mentors");

	lm_graph *g = g_new0(lm_graph, 1);

	for (int role = 0; role < 2; role++)
		g->side[role].by_id = g_hash_table_new(g_str_hash, g_str_equal);
	if (!side_grow(g, LM_ROLE_MENTEE, mentees) || !side_grow(g, LM_ROLE_MENTOR, mentors)) {
		lm_graph_free(g);
		return lm_set_error(err, LM_ENOMEM, "out of memory for %zu mentees and %zu mentors",
				    mentees, mentors);
	}
	*out = g;
	return 0;
}

void lm_graph_free(lm_graph *graph)
{
	if (!graph)
		return;
	for (int role = 0; role < 2; role++) {
		lm_graph_side *s = &graph->side[role];

		if (s->ids)
			for (uint32_t i = 0; i < s->n; i++)
				g_free(s->ids[i]);
		g_free(s->ids);
		if (s->by_id)
			g_hash_table_unref(s->by_id);
	}
	g_free(graph->capacity);
	g_free(graph->edges);
	g_free(graph->pair_key);
	g_free(graph->pair_edge);
	g_free(graph);
}

int64_t lm_graph_find(const lm_graph *g, lm_role role, const char *id)
{
	gpointer v = g_hash_table_lookup(g->side[role].by_id, id);

	return v ? (int64_t)GPOINTER_TO_UINT(v) - 1 : -1;
}

/* Names person i (the id is valid and unused on that side). */
static gboolean name_person(lm_graph *g, lm_role role, uint32_t i, const char *id)
{
	lm_graph_side *s = &g->side[role];

	if (!s->ids && !(s->ids = g_try_new0(char *, MAX(s->alloc, 1u))))
		return FALSE;
	if (s->ids[i])
		g_hash_table_remove(s->by_id, s->ids[i]);
	g_free(s->ids[i]);
	s->ids[i] = g_strdup(id);
	g_hash_table_insert(s->by_id, s->ids[i], GUINT_TO_POINTER(i + 1));
	return TRUE;
}

int lm_graph_intern(lm_graph *g, lm_role role, const char *id, uint32_t *index, lm_error **err)
{
	int64_t found = lm_graph_find(g, role, id);

	if (found >= 0) {
		*index = (uint32_t)found;
		return 0;
	}
	if (g->side[role].n >= LM_GRAPH_SIDE_MAX)
		return lm_set_error(err, LM_ELIMIT, "more than 2^31 - 1 %ss", side_name[role]);
	if (!side_grow(g, role, 1))
		return lm_set_error(err, LM_ENOMEM, "out of memory adding a %s", side_name[role]);
	*index = g->side[role].n - 1;
	if (!name_person(g, role, *index, id)) {
		g->side[role].n--;
		return lm_set_error(err, LM_ENOMEM, "out of memory naming a %s", side_name[role]);
	}
	return 0;
}

int lm_graph_set_id(lm_graph *graph, lm_role role, size_t index, const char *id, lm_error **err)
{
	if (!graph || !id)
		return lm_set_error(err, LM_EINVAL, "lm_graph_set_id: NULL argument");
	if (role != LM_ROLE_MENTEE && role != LM_ROLE_MENTOR)
		return lm_set_error(err, LM_EINVAL, "unknown role %d", (int)role);
	if (index >= graph->side[role].n)
		return lm_set_error(err, LM_EINVAL, "%s index %zu out of range (%u %ss)",
				    side_name[role], index, graph->side[role].n, side_name[role]);
	if (!lm_id_valid(id))
		return lm_set_error(err, LM_EINVAL, "%s %zu: an id must be 1-64 characters of "
				    "A-Z a-z 0-9 . _ -", side_name[role], index);

	int64_t other = lm_graph_find(graph, role, id);

	if (other == (int64_t)index)
		return 0;
	if (other >= 0)
		return lm_set_error(err, LM_EPARSE, "%s id %s is already used by %s %" G_GINT64_FORMAT,
				    side_name[role], id, side_name[role], other);
	if (!name_person(graph, role, (uint32_t)index, id))
		return lm_set_error(err, LM_ENOMEM, "out of memory naming a %s", side_name[role]);
	return 0;
}

int lm_graph_set_capacity(lm_graph *graph, size_t mentor, long capacity, lm_error **err)
{
	if (!graph)
		return lm_set_error(err, LM_EINVAL, "lm_graph_set_capacity: graph is NULL");
	if (mentor >= graph->side[LM_ROLE_MENTOR].n)
		return lm_set_error(err, LM_EINVAL, "mentor index %zu out of range (%u mentors)",
				    mentor, graph->side[LM_ROLE_MENTOR].n);
	if (capacity < 0 || capacity > LM_GRAPH_CAPACITY_MAX)
		return lm_set_error(err, LM_EINVAL, "mentor %zu: capacity must be from 0 to %ld",
				    mentor, LM_GRAPH_CAPACITY_MAX);
	graph->capacity[mentor] = (uint32_t)capacity;
	return 0;
}

/* ---- edges ------------------------------------------------------------------- */

static inline size_t pair_slot(const lm_graph *g, uint64_t key)
{
	uint64_t h = key * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h ^ (h >> 29)) & g->pair_mask;
}

/* Doubles the pair map (or makes the first one) and re-inserts every edge. */
static gboolean pairs_grow(lm_graph *g)
{
	size_t slots = g->pair_mask ? (g->pair_mask + 1) * 2 : 64;
	uint64_t *key = g_try_new(uint64_t, slots);
	size_t *edge = g_try_new(size_t, slots);

	if (!key || !edge || slots > SIZE_MAX / 4) {
		g_free(key);
		g_free(edge);
		return FALSE;
	}
	memset(key, 0xff, slots * sizeof(uint64_t));
	g_free(g->pair_key);
	g_free(g->pair_edge);
	g->pair_key = key;
	g->pair_edge = edge;
	g->pair_mask = slots - 1;
	for (size_t e = 0; e < g->n_edges; e++) {
		uint64_t k = ((uint64_t)g->edges[e].mentee << 32) | g->edges[e].mentor;
		size_t i = pair_slot(g, k);

		while (key[i] != UINT64_MAX)
			i = (i + 1) & g->pair_mask;
		key[i] = k;
		edge[i] = e;
	}
	return TRUE;
}

int lm_graph_insert_edge(lm_graph *g, uint32_t mentee, uint32_t mentor, lm_score score,
			 size_t *earlier, lm_error **err)
{
	if (g->n_edges == g->edges_alloc) {
		size_t alloc = MAX(g->edges_alloc * 2, (size_t)64);
		lm_graph_edge *edges = g_try_realloc_n(g->edges, alloc, sizeof(lm_graph_edge));

		if (!edges)
			return lm_set_error(err, LM_ENOMEM, "out of memory adding an edge");
		g->edges = edges;
		g->edges_alloc = alloc;
	}
	if ((g->n_edges + 1) * 2 > g->pair_mask && !pairs_grow(g))
		return lm_set_error(err, LM_ENOMEM, "out of memory adding an edge");

	uint64_t k = ((uint64_t)mentee << 32) | mentor;
	size_t i = pair_slot(g, k);

	for (; g->pair_key[i] != UINT64_MAX; i = (i + 1) & g->pair_mask) {
		if (g->pair_key[i] == k) {
			*earlier = g->pair_edge[i];
			return LM_EPARSE;
		}
	}
	g->pair_key[i] = k;
	g->pair_edge[i] = g->n_edges;
	g->edges[g->n_edges++] = (lm_graph_edge){ mentee, mentor, score };
	return 0;
}

int lm_graph_add_edge(lm_graph *graph, size_t mentee, size_t mentor, lm_score score,
		      lm_error **err)
{
	size_t earlier;

	if (!graph)
		return lm_set_error(err, LM_EINVAL, "lm_graph_add_edge: graph is NULL");
	if (mentee >= graph->side[LM_ROLE_MENTEE].n || mentor >= graph->side[LM_ROLE_MENTOR].n)
		return lm_set_error(err, LM_EINVAL, "edge %zu-%zu out of range (%u mentees, %u mentors)",
				    mentee, mentor, graph->side[LM_ROLE_MENTEE].n,
				    graph->side[LM_ROLE_MENTOR].n);
	if (score < 0 || score > LM_GRAPH_SCORE_MAX)
		return lm_set_error(err, LM_EINVAL, "edge %zu-%zu: score must be from 0 to 10^12 "
				    "millionths (10^6 points)", mentee, mentor);

	int rc = lm_graph_insert_edge(graph, (uint32_t)mentee, (uint32_t)mentor, score, &earlier, err);

	if (rc == LM_EPARSE)
		return lm_set_error(err, LM_EPARSE, "edge %zu-%zu was already added", mentee, mentor);
	return rc;
}

size_t lm_graph_edge_count(const lm_graph *graph)
{
	return graph ? graph->n_edges : 0;
}
