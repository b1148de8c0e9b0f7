/**
 * @file model.h
 * @brief The matching model: criteria, weights, hard constraints, presets.
 *
 * A model says how a pair is judged. It starts from a preset (`role_model`
 * or `tutoring`) and a `libmatch-model` v1 JSON file may replace any
 * criterion's settings. A model is immutable once made and may be shared
 * read-only by several threads.
 *
 * @defgroup model Model
 * @{
 */
#ifndef LIBMATCH_MODEL_H
#define LIBMATCH_MODEL_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A matching model. Opaque. @since 0.1.0 */
typedef struct lm_model lm_model;

/** The built-in presets. @since 0.1.0 */
typedef enum lm_preset {
	LM_PRESET_ROLE_MODEL = 0, /**< Newcomers paired with role models who resettled earlier. */
	LM_PRESET_TUTORING = 1    /**< Students paired 1:1 with volunteer language tutors. */
} lm_preset;

/**
 * @brief Makes a model from a preset.
 * @param[out] out receives the model; caller owns it (lm_model_free()).
 * @param[in] preset which preset.
 * @param[out] err optional error report, caller owns it.
 * @return 0, LM_EINVAL (unknown preset or NULL @p out), LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_model_new_preset(lm_model **out, lm_preset preset, lm_error **err);

/**
 * @brief Makes a model from a preset name ("role_model" or "tutoring").
 * @param[out] out receives the model; caller owns it.
 * @param[in] name the preset's name.
 * @param[out] err optional error report, caller owns it.
 * @return 0, LM_ENOTFOUND (no such preset), LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_model_new_named(lm_model **out, const char *name, lm_error **err);

/**
 * @brief Loads a `libmatch-model` v1 JSON file.
 * @param[out] out receives the model; caller owns it.
 * @param[in] path the file; "-" reads standard input.
 * @param[out] err optional error report (file, line, column, JSON path).
 * @return 0, LM_EIO, LM_EPARSE, LM_ELIMIT, LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_model_load_file(lm_model **out, const char *path, lm_error **err);

/**
 * @brief Loads a `libmatch-model` v1 JSON document from memory.
 * @param[out] out receives the model; caller owns it.
 * @param[in] data the document (copied; need not be NUL-terminated).
 * @param[in] len its length in bytes.
 * @param[in] name the name used in error messages; NULL gives "<memory>".
 * @param[out] err optional error report.
 * @return 0, LM_EPARSE, LM_ELIMIT, LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_model_load_buffer(lm_model **out, const char *data, size_t len,
				   const char *name, lm_error **err);

/**
 * @brief Frees a model.
 * @param[in] model the model; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_model_free(lm_model *model);

/**
 * @brief The model's name: the preset's name, or the file's `name` field,
 *        or "custom".
 * @param[in] model the model.
 * @return borrowed from @p model; "" for NULL.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_model_name(const lm_model *model);

/**
 * @brief The number of criteria the engine knows (active or not).
 * @param[in] model the model.
 * @return the count; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_model_criterion_count(const lm_model *model);

/**
 * @brief The name of the i-th criterion (e.g. "goals").
 * @param[in] model the model.
 * @param[in] index 0 to lm_model_criterion_count() - 1.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_model_criterion_name(const lm_model *model, size_t index);

/**
 * @brief The weight of the i-th criterion (0 when it does not score).
 * @param[in] model the model.
 * @param[in] index 0 to lm_model_criterion_count() - 1.
 * @return the weight, or -1 when out of range.
 * @since 0.1.0
 */
LM_EXPORT double lm_model_criterion_weight(const lm_model *model, size_t index);

/**
 * @brief Whether the i-th criterion acts as a hard constraint.
 * @param[in] model the model.
 * @param[in] index 0 to lm_model_criterion_count() - 1.
 * @return 1 if hard, 0 if not or out of range.
 * @since 0.1.0
 */
LM_EXPORT int lm_model_criterion_required(const lm_model *model, size_t index);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
