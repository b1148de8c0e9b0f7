/* Pseudonymous ids (docs/formats.md): short, and free of anything that
 * would need escaping in JSON, CSV or HTML. */
#include "core/id.h"

static gboolean id_char(char c)
{
	return g_ascii_isalnum(c) || c == '.' || c == '_' || c == '-';
}

gboolean lm_id_valid(const char *s)
{
	size_t n = 0;

	if (!s)
		return FALSE;
	for (; s[n]; n++)
		if (n >= LM_ID_MAX || !id_char(s[n]))
			return FALSE;
	return n > 0;
}

gboolean lm_id_valid_len(const char *s, size_t n)
{
	if (n < 1 || n > LM_ID_MAX)
		return FALSE;
	for (size_t i = 0; i < n; i++)
		if (!id_char(s[i]))
			return FALSE;
	return TRUE;
}
