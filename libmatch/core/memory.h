/* Memory advice for the large buffers of a load. Not API. */
#ifndef LM_MEMORY_H
#define LM_MEMORY_H

#include <stddef.h>

/* Sizes from which lm_advise_huge_pages asks for anything. */
#define LM_HUGE_PAGE_MIN ((size_t)4 << 20)

/* Asks the kernel to back [data, data + size) with transparent huge pages
 * (Linux: MADV_HUGEPAGE on the whole pages inside it). Freshly allocated
 * memory faults in 4 KiB at a time on first touch, and on a virtual
 * machine each fault costs more than filling the page; where huge pages
 * are given only on request (THP "madvise", a common default) asking cuts
 * the faults of a large buffer 512-fold. Advice only: the memory and its
 * contents are the same whatever the kernel does; smaller ranges and
 * other systems are left alone. */
void lm_advise_huge_pages(void *data, size_t size);

#endif
