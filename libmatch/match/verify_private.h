/* Shared by verify.c (the checks) and verify_proof.c (the proofs). Not API. */
#ifndef LM_VERIFY_PRIVATE_H
#define LM_VERIFY_PRIVATE_H

#include "assign/stable.h"
#include "io/result_read.h"
#include "score/scorer.h"

typedef struct lm_verifier {
	const lm_cohort *cohort;
	const lm_scorer *scorer;
	lm_read_result *rr;
	uint32_t n_rows, n_cols;
	lm_pair_ix *ix;       /* per read pair; mentee UINT32_MAX when an id is unknown */
	gboolean *given_kept; /* per read pair: kept as given (not re-optimised) */
	/* As lm_match has them: after kept pairs, or the full wants and
	 * capacities when the result re-optimised everyone. */
	uint32_t *demand, *cap;
	gboolean sound;       /* no violation yet: a proof is meaningful */
} lm_verifier;

/* Records a violation located at `path` of the result file. */
void lm_verify_problem(lm_verifier *v, const char *path, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

/* What the result's algorithm promises: optimality (optimal, fair) or
 * stability (stable). Violations are recorded; returns < 0 only on errors
 * of its own (memory). */
int lm_verify_prove(lm_verifier *v, lm_error **err);

#endif
