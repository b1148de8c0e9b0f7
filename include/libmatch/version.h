/**
 * @file version.h
 * @brief Compile-time and run-time version of libmatch.
 *
 * @defgroup version Version
 * @{
 */
#ifndef LIBMATCH_VERSION_H
#define LIBMATCH_VERSION_H

#include <libmatch/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Major version: changes on incompatible API or format changes. @since 0.1.0 */
#define LM_VERSION_MAJOR 0
/** Minor version: new features, backwards compatible. @since 0.1.0 */
#define LM_VERSION_MINOR 1
/** Patch version: bug fixes only. @since 0.1.0 */
#define LM_VERSION_PATCH 0
/** The version as one number, MAJOR*10000 + MINOR*100 + PATCH. @since 0.1.0 */
#define LM_VERSION_NUMBER (LM_VERSION_MAJOR * 10000 + LM_VERSION_MINOR * 100 + LM_VERSION_PATCH)

/**
 * @brief The version of the library loaded at run time.
 * @return LM_VERSION_NUMBER as it was when the library was built; compare it
 *         with the header's value to detect a mismatched library.
 * @since 0.1.0
 */
LM_EXPORT unsigned lm_version_number(void);

/**
 * @brief The run-time version as text, e.g. "0.1.0".
 * @return A static string; never NULL; not to be freed.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_version_string(void);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
