/**
 * @file solver.h
 * @brief The pure assignment solver on a caller-supplied score graph.
 *
 * For callers who compute their own scores (for example in Python): build a
 * bipartite graph of mentees and mentors with a score on every allowed pair
 * and a capacity on every mentor, then solve it with the same exact
 * min-cost-flow engine lm_match() uses. A pair that is not added is
 * forbidden. The answer is an ::lm_result like lm_match()'s, without
 * per-criterion explanations.
 *
 * @defgroup solver Pure solver
 * @{
 */
#ifndef LIBMATCH_SOLVER_H
#define LIBMATCH_SOLVER_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/match.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A bipartite score graph. Opaque. @since 0.1.0 */
typedef struct lm_graph lm_graph;

/**
 * @brief Makes an empty graph with a fixed number of mentees and mentors.
 *        Mentees and mentors are named by their index ("0", "1", ...) until
 *        lm_graph_set_id() names them; every mentor's capacity is 1.
 * @param[out] out receives the graph; caller owns it (lm_graph_free()).
 * @param[in] mentees the number of mentees (at most 2^31 - 1).
 * @param[in] mentors the number of mentors (at most 2^31 - 1).
 * @param[out] err optional error report.
 * @return 0, LM_EINVAL, LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_graph_new(lm_graph **out, size_t mentees, size_t mentors, lm_error **err);

/**
 * @brief Loads a graph from an edge-list CSV (`mentee,mentor,score`) and an
 *        optional capacity CSV (`mentor,capacity`), as in FORMATS.md.
 * @param[out] out receives the graph; caller owns it.
 * @param[in] edges_path the edge list; "-" reads standard input.
 * @param[in] capacities_path the capacity list, or NULL (every capacity 1).
 * @param[out] err optional error report (`FILE:LINE: column NAME: message`).
 * @return 0, LM_EIO, LM_EPARSE, LM_ELIMIT, LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_graph_load_csv(lm_graph **out, const char *edges_path,
				const char *capacities_path, lm_error **err);

/**
 * @brief Frees a graph.
 * @param[in] graph NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_graph_free(lm_graph *graph);

/**
 * @brief Names a mentee or mentor; names appear in the result.
 * @param[in,out] graph the graph.
 * @param[in] role which side.
 * @param[in] index the person's index on that side.
 * @param[in] id 1-64 characters of [A-Za-z0-9._-]; copied.
 * @param[out] err optional error report.
 * @return 0, LM_EINVAL (bad index or id), LM_EPARSE (id already used on that side).
 * @since 0.1.0
 */
LM_EXPORT int lm_graph_set_id(lm_graph *graph, lm_role role, size_t index, const char *id,
			      lm_error **err);

/**
 * @brief Sets a mentor's capacity.
 * @param[in,out] graph the graph.
 * @param[in] mentor the mentor's index.
 * @param[in] capacity 0 to 1000000.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_graph_set_capacity(lm_graph *graph, size_t mentor, long capacity,
				    lm_error **err);

/**
 * @brief Allows a pair with a score.
 * @param[in,out] graph the graph.
 * @param[in] mentee the mentee's index.
 * @param[in] mentor the mentor's index.
 * @param[in] score 0 to 10^12 millionths of a point.
 * @param[out] err optional error report.
 * @return 0; LM_EINVAL (index or score out of range); LM_EPARSE (the pair
 *         was already added).
 * @since 0.1.0
 */
LM_EXPORT int lm_graph_add_edge(lm_graph *graph, size_t mentee, size_t mentor,
				lm_score score, lm_error **err);

/**
 * @brief The number of edges added.
 * @param[in] graph the graph.
 * @return the count; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_graph_edge_count(const lm_graph *graph);

/**
 * @brief Solves the graph exactly: the assignment with the most mentees
 *        matched and then the highest total (objective coverage), or the
 *        highest total (objective score), never exceeding a capacity.
 *        Algorithm `greedy` gives the greedy baseline instead.
 * @param[out] out receives the result; caller owns it (lm_result_free()).
 * @param[in] graph the graph (read only; may be solved again).
 * @param[in] options NULL for defaults (optimal, coverage, seed 1).
 * @param[out] err optional error report.
 * @return 0, LM_EINVAL (e.g. algorithm not available for a graph), LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_graph_solve(lm_result **out, const lm_graph *graph, const lm_options *options,
			     lm_error **err);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
