/* The greedy baseline on the engine's input. Not API. */
#ifndef LM_GREEDY_H
#define LM_GREEDY_H

#include "assign/flow.h"

/* Takes arcs by score, highest first (ties: lower row, then lower column),
 * whenever the row still wants a unit and the column has room; objective
 * score skips arcs of score 0. Fills out's arc_used, matched and total;
 * prices stay NULL (a greedy result carries no certificate). */
int lm_greedy_solve(const lm_flow_input *in, lm_flow_output *out, lm_error **err);

#endif
