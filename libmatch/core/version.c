/* Run-time version. */
#include "libmatch/version.h"

#define LM_STR_(x) #x
#define LM_STR(x) LM_STR_(x)

unsigned lm_version_number(void)
{
	return LM_VERSION_NUMBER;
}

const char *lm_version_string(void)
{
	return LM_STR(LM_VERSION_MAJOR) "." LM_STR(LM_VERSION_MINOR) "." LM_STR(LM_VERSION_PATCH);
}
