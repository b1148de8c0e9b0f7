/* Calendar dates of the input formats. */
#include <stdlib.h>
#include <string.h>
#include "core/date.h"

gboolean lm_date_parse(const char *s, uint32_t *julian)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return FALSE;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !g_ascii_isdigit(s[i]))
			return FALSE;

	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);

	if (y < 1 || !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return FALSE;

	GDate date;
	g_date_clear(&date, 1);
	g_date_set_dmy(&date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
	*julian = g_date_get_julian(&date);
	return TRUE;
}
