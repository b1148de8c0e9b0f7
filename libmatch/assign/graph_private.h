/* The score graph behind the public lm_graph API, shared by graph.c and
 * the edge-list loader (io/edges_csv.c). Not API. */
#ifndef LM_GRAPH_PRIVATE_H
#define LM_GRAPH_PRIVATE_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/solver.h"

/* Largest mentor capacity. */
#define LM_GRAPH_CAPACITY_MAX 1000000L
/* Largest edge score: 10^6 points. */
#define LM_GRAPH_SCORE_MAX ((lm_score)1000000000000LL)
/* Most people on one side (node numbers must fit the engine's uint32). */
#define LM_GRAPH_SIDE_MAX ((size_t)INT32_MAX)

typedef struct lm_graph_edge {
	uint32_t mentee, mentor;
	lm_score score;
} lm_graph_edge;

typedef struct lm_graph_side {
	uint32_t n, alloc;
	char **ids;         /* NULL until an id is set, then alloc entries; NULL = default name */
	GHashTable *by_id;  /* explicit id (borrowed from ids) -> GUINT_TO_POINTER(index + 1) */
} lm_graph_side;

struct lm_graph {
	lm_graph_side side[2];   /* indexed by lm_role */
	uint32_t *capacity;      /* side[LM_ROLE_MENTOR].alloc entries */
	lm_graph_edge *edges;
	size_t n_edges, edges_alloc;
	/* Open-addressing map (mentee << 32 | mentor) -> edge index, for duplicates. */
	uint64_t *pair_key;      /* UINT64_MAX = empty */
	size_t *pair_edge;
	size_t pair_mask;        /* slots - 1; 0 before the first edge */
};


/* The index of the person with explicit id `id`, or -1. */
int64_t lm_graph_find(const lm_graph *g, lm_role role, const char *id);

/* The index of `id` (a valid id), appending a new person with that id (a
 * mentor with capacity 1) when it is not there yet. LM_ELIMIT past
 * LM_GRAPH_SIDE_MAX people, LM_ENOMEM. */
int lm_graph_intern(lm_graph *g, lm_role role, const char *id, uint32_t *index, lm_error **err);

/* Adds an edge of valid indices and score. On a duplicate pair returns
 * LM_EPARSE without an error report and sets *earlier to the first edge's
 * index; LM_ENOMEM. */
int lm_graph_insert_edge(lm_graph *g, uint32_t mentee, uint32_t mentor, lm_score score,
			 size_t *earlier, lm_error **err);

#endif
