/**
 * @file verify.h
 * @brief Checking a result against its cohort and model, with proof.
 *
 * lm_verify() re-reads a `libmatch-result` file and checks it without
 * trusting anything it claims: capacities and wants, every hard constraint
 * of every pair, every score and criterion contribution, the kept and
 * broken `current` pairs, and the total. It then proves what the result's
 * algorithm promises: for an `optimal` result marked optimal, dual prices
 * computed from the result's own pairs (a certificate checked in integer
 * arithmetic, not a second solve compared by total); for `fair`, maximum
 * coverage, that no higher lowest score keeps it, and the certificate above
 * that threshold; for `stable`, that no pair would both rather be together
 * (every blocking pair is named). See docs/policies.md.
 *
 * @defgroup verify Verification
 * @{
 */
#ifndef LIBMATCH_VERIFY_H
#define LIBMATCH_VERIFY_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/cohort.h>
#include <libmatch/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Verifies a result against the cohort and model it was made from.
 * @param[in] cohort the cohort.
 * @param[in] model the model (its name must be the result's).
 * @param[in] result_json the `libmatch-result` v1 text (need not be
 *            NUL-terminated; borrowed for the call only).
 * @param[in] len its length in bytes.
 * @param[in] name the file name used in messages, or NULL for "result".
 * @param[out] err optional error report, caller owns it: one chained
 *             problem per violation, located in the result file
 *             (line, column, JSON path), naming ids and the rule broken,
 *             never profile values.
 * @return 0 when every check passes; LM_EINFEASIBLE on any violation;
 *         LM_EPARSE for a file that is not a well-formed result (or a
 *         cohort outside the model's vocabulary); LM_EINVAL for NULL
 *         arguments; LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_verify(const lm_cohort *cohort, const lm_model *model, const char *result_json,
			size_t len, const char *name, lm_error **err);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
