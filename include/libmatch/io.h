/**
 * @file io.h
 * @brief Writing results: `libmatch-result` JSON, CSV and the HTML report.
 *
 * Output is byte-identical for identical results: pairs sorted by mentee
 * then mentor id, scores printed exactly with at most six decimals.
 *
 * The HTML report is one self-contained page for program staff: summary
 * figures, every pair with its score broken down by criterion, the
 * unmatched with their reasons, and charts. It has no scripts and loads
 * nothing from the network. It names ids, criteria and counts; when the
 * cohort is passed (lm_report_write()), it also shows how many mentees of
 * each region and each goal were matched: region and goal names are
 * vocabulary values, shown only as totals, never per person.
 *
 * @defgroup io Output
 * @{
 */
#ifndef LIBMATCH_IO_H
#define LIBMATCH_IO_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/cohort.h>
#include <libmatch/match.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. @since 0.1.0 */
typedef enum lm_format {
	LM_FORMAT_JSON = 0, /**< `libmatch-result` v1 JSON. */
	LM_FORMAT_CSV = 1,  /**< One row per pair, then one per unmatched mentee. */
	LM_FORMAT_HTML = 2  /**< The staff report, without the coverage charts that need
				 the cohort (see lm_report_write()). @since 0.1.0 */
} lm_format;

/**
 * @brief Parses a format name ("json", "csv", "html").
 * @param[in] name the name.
 * @return an ::lm_format, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_format_from_name(const char *name);

/**
 * @brief Writes a result to memory.
 * @param[in] result the result.
 * @param[in] format an ::lm_format.
 * @param[out] out receives a NUL-terminated buffer; caller owns it (lm_free()).
 * @param[out] len optional, receives the length without the NUL.
 * @param[out] err optional error report.
 * @return 0, LM_EINVAL, LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_write(const lm_result *result, int format, char **out, size_t *len,
			      lm_error **err);

/**
 * @brief Writes a result to a file atomically: a temporary file in the same
 *        folder, created with mode 0600, renamed over @p path only when
 *        complete. On failure @p path is neither created nor changed.
 * @param[in] result the result.
 * @param[in] format an ::lm_format.
 * @param[in] path the file.
 * @param[out] err optional error report.
 * @return 0, LM_EIO, LM_EINVAL, LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_write_file(const lm_result *result, int format, const char *path,
				   lm_error **err);

/**
 * @brief Writes the HTML report of a result to memory, with the coverage
 *        by region and by goal when @p cohort is given.
 *
 * The page is UTF-8 HTML with inline CSS and SVG only: no scripts, no
 * external resources, printable. Every text taken from the input is
 * escaped. Equal inputs give byte-identical pages (no date or time).
 *
 * @param[in] result the result.
 * @param[in] cohort optional: the cohort @p result was computed from (read
 *            only), for the coverage charts; NULL leaves them out. Region
 *            and goal names appear only as totals over mentees.
 * @param[out] out receives a NUL-terminated buffer; caller owns it (lm_free()).
 *             Untouched on failure.
 * @param[out] len optional, receives the length without the NUL.
 * @param[out] err optional error report.
 * @return 0; LM_EINVAL for a NULL @p result or @p out, or a @p cohort whose
 *         digest differs from the result's input (another file); LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_report_write(const lm_result *result, const lm_cohort *cohort, char **out,
			      size_t *len, lm_error **err);

/**
 * @brief Writes the HTML report of a result to a file, atomically and with
 *        mode 0600, as lm_result_write_file() does.
 * @param[in] result the result.
 * @param[in] cohort optional: the cohort @p result was computed from, as in
 *            lm_report_write(); NULL leaves the coverage charts out.
 * @param[in] path the file.
 * @param[out] err optional error report.
 * @return 0, LM_EIO, LM_EINVAL, LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_report_write_file(const lm_result *result, const lm_cohort *cohort,
				   const char *path, lm_error **err);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
