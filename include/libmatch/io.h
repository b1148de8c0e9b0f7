/**
 * @file io.h
 * @brief Writing results: `libmatch-result` JSON and CSV.
 *
 * Output is byte-identical for identical results: pairs sorted by mentee
 * then mentor id, scores printed exactly with at most six decimals.
 *
 * @defgroup io Output
 * @{
 */
#ifndef LIBMATCH_IO_H
#define LIBMATCH_IO_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/match.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. @since 0.1.0 */
typedef enum lm_format {
	LM_FORMAT_JSON = 0, /**< `libmatch-result` v1 JSON. */
	LM_FORMAT_CSV = 1   /**< One row per pair, then one per unmatched mentee. */
} lm_format;

/**
 * @brief Parses a format name ("json", "csv").
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

#ifdef __cplusplus
}
#endif

/** @} */
#endif
