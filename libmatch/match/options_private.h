/* Run options. Not API. */
#ifndef LM_OPTIONS_PRIVATE_H
#define LM_OPTIONS_PRIVATE_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/match.h"

struct lm_options {
	int algorithm;
	int objective;
	int threads;
	uint64_t seed;
	long top_k;
	int proposers;        /* LM_PROPOSERS_* */
	int audience;         /* LM_AUDIENCE_* */
	gboolean keep_current;
	lm_score break_cost;
	gboolean what_if;
	gboolean algorithm_set, objective_set, top_k_set; /* override the model's defaults */
};

/* The defaults used when a caller passes NULL options. */
void lm_options_init_defaults(lm_options *o);

#endif
