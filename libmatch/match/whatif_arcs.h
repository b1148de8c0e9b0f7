/* The what-if's tagged graph, never built: an assignment, and augmenting
 * paths found by checking a pair only when a search reaches it
 * (whatif_arcs.c). Not API; lm_what_if (whatif.c) drives it. */
#ifndef LM_WHATIF_ARCS_H
#define LM_WHATIF_ARCS_H

#include "score/scorer.h"

/* Rows are mentees, columns mentors; side 0 and 1 below. */
typedef struct lm_wi_side {
	uint32_t n;
	const uint32_t *room;  /* demand or capacity */
	/* The assigned partners of node i: mate[start[i] .. start[i] + len[i]),
	 * room for MIN(room[i], other side's n) of them. */
	size_t *start;
	uint32_t *len, *mate;
	/* Per node, once a search reached it: the tags of its pairs with every
	 * node of the other side, the first filled[i] of them checked (a
	 * search checks in index order). NULL past the memory budget: then
	 * checked again on each visit. */
	uint8_t **tag;
	uint32_t *filled;
	uint32_t *seen, *via;  /* per search: epoch when reached, node reached from */
	uint32_t *dead;        /* pass in which a failed search reached the node */
} lm_wi_side;

typedef struct lm_wi_graph {
	const lm_scorer *s;
	const uint32_t *demand, *cap;
	gboolean keep_current;
	uint32_t relaxable;    /* bit c: constraint c may be relaxed */
	lm_wi_side side[2];
	size_t cached, budget; /* bytes of tags kept, and the most to keep */
	uint32_t epoch, pass;  /* searches, calls of lm_wi_augment */
	uint32_t *queue;
} lm_wi_graph;

/* The assignment to return to after a relaxation: lengths and partners of
 * both sides. */
typedef struct lm_wi_state {
	uint32_t *len[2], *mate[2];
} lm_wi_state;

/* Empty assignment. FALSE when out of memory; lm_wi_clear() in any case. */
gboolean lm_wi_init(lm_wi_graph *g, const lm_scorer *s, const uint32_t *demand,
		    const uint32_t *cap, gboolean keep_current, uint32_t relaxable);
void lm_wi_clear(lm_wi_graph *g);

/* Whether pair (mentee r, mentor t) may be assigned at all: r wants
 * someone, t has a place, and keep_current does not leave their current
 * pair alone. */
gboolean lm_wi_pair_open(const lm_wi_graph *g, uint32_t r, uint32_t t);

/* The tag of pair (mentee r, mentor t): LM_UNITS_UNTAGGED when feasible,
 * the constraint when it fails that relaxable one alone, LM_WI_NO_ARC
 * otherwise and when the pair is not open. */
#define LM_WI_NO_ARC 0xfeu
uint8_t lm_wi_pair_tag(const lm_wi_graph *g, uint32_t r, uint32_t t);

/* Assigns t to r; the pair must be feasible, not assigned, with room on
 * both sides. */
void lm_wi_link(lm_wi_graph *g, uint32_t r, uint32_t t);

/* Adds as many pairs as arcs untagged or tagged `relaxed` allow (with
 * LM_UNITS_UNTAGGED, feasible arcs only); returns how many. */
uint64_t lm_wi_augment(lm_wi_graph *g, unsigned relaxed);

gboolean lm_wi_save(const lm_wi_graph *g, lm_wi_state *st);
void lm_wi_restore(lm_wi_graph *g, const lm_wi_state *st);
void lm_wi_state_clear(lm_wi_state *st);

#endif
