/* What each audience may see of private requests. Not API.
 *
 * A mentee's exclude list, gender request and origin wish are private: they
 * act as hard rules (and, with a weight, as scores) but nothing produced
 * for the other side may show them or let them be worked out. The same
 * holds for a mentor's. The criteria built on them are "exclude" (which
 * also carries pairs that ended badly), "gender" and "origin". The
 * guarantee is written in docs/privacy.md. */
#ifndef LM_REDACT_H
#define LM_REDACT_H

#include <glib.h>
#include "libmatch/match.h"

/* Whether a criterion or hard constraint rests on private requests. */
gboolean lm_criterion_is_private(const char *name);

/* Rewrites a finished result (after lm_result_finish()) for an audience;
 * staff results are left as they are. For LM_AUDIENCE_MENTEE and
 * LM_AUDIENCE_MENTOR:
 *  - private criteria leave every pair's breakdown and its score (the
 *    score is the sum of the criteria shown), and the totals follow;
 *  - unmatched mentees keep their reason but lose blocked_by (any count
 *    compared with the number of mentors would show how many a private
 *    rule took away) and best_feasible (it tells who passes the private
 *    rules); what_if forgets the private constraints;
 *  - the optimal solver's comparison figures go when private scores were
 *    taken out (they would no longer be comparable).
 * 0, or LM_EINVAL for a NULL result or an unknown audience. */
int lm_result_redact(lm_result *r, int audience, lm_error **err);

#endif
