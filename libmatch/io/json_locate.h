/* Positions in JSON text, shared by the json_util files. Not API. */
#ifndef LM_JSON_LOCATE_H
#define LM_JSON_LOCATE_H

#include <glib.h>

/* 1-based line and byte column of text[off]. */
void lm_json_line_col(const char *text, size_t off, unsigned long *line, unsigned long *col);

gboolean lm_json_is_space(char ch);

/* Offset of the first byte from off that is not JSON white space (a UTF-8
 * byte order mark at the very start counts as space). */
size_t lm_json_skip_space(const char *text, size_t len, size_t off);

/* As lm_json_locate, but the last step names the nth (1-based) member with
 * that key: cJSON keeps duplicate keys, and a report points at the repeat. */
gboolean lm_json_locate_nth(const char *text, size_t len, const char *path, unsigned nth,
			    unsigned long *line, unsigned long *column);

#endif
