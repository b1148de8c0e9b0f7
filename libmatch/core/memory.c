/* Memory advice (core/memory.h). */
/* madvise(MADV_HUGEPAGE) is hidden by the strict C11 headers. Before any header. */
#ifdef __linux__
#define _DEFAULT_SOURCE
#endif
#include <stdint.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif
#include "core/memory.h"

void lm_advise_huge_pages(void *data, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	long page = sysconf(_SC_PAGESIZE);

	if (!data || size < LM_HUGE_PAGE_MIN || page <= 0)
		return;

	uintptr_t mask = (uintptr_t)page - 1;
	uintptr_t start = ((uintptr_t)data + mask) & ~mask;
	uintptr_t end = ((uintptr_t)data + size) & ~mask;

	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)data;
	(void)size;
#endif
}
