/* Shared pieces of the libFuzzer harnesses (docs/fuzzing.md).
 *
 * Each harness feeds one input to one reader and then, when the input was
 * accepted, drives the stages that read what it produced, so that a reader
 * bug that only shows later (a bad offset, an unchecked count) is caught
 * here too. Contract violations trap, so libFuzzer records them as crashes. */
#ifndef LM_FUZZ_COMMON_H
#define LM_FUZZ_COMMON_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memfd_create; also set for every harness in CMakeLists.txt */
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <libmatch/libmatch.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A failed call must leave a report with a message and a known code. */
static inline void lm_fuzz_check_error(int rc, const lm_error *err)
{
	if (rc >= 0)
		return;
	if (!err || lm_error_code(err) != rc || !lm_error_message(err)[0] ||
	    strcmp(lm_status_name(rc), "LM_EUNKNOWN") == 0)
		__builtin_trap();
	/* Walk the whole chain: every problem must be readable. */
	for (const lm_error *e = err; e; e = lm_error_next(e))
		if (!lm_error_message(e) || lm_error_code(e) >= 0)
			__builtin_trap();
}

/* Bytes as a file the readers can open by name: an anonymous memory file
 * reached through /proc, so nothing touches the disk. Returns the
 * descriptor (close it after use) and fills path, or -1. */
static inline int lm_fuzz_memfile(const uint8_t *data, size_t size, char *path, size_t cap)
{
	int fd = memfd_create("lm-fuzz", 0);

	if (fd < 0)
		return -1;
	for (size_t done = 0; done < size;) {
		ssize_t n = write(fd, data + done, size - done);

		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	snprintf(path, cap, "/proc/self/fd/%d", fd);
	return fd;
}

/* The input as text NUL-terminated at its length, as loading makes it
 * (free() it), or NULL when out of memory. */
static inline char *lm_fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (text) {
		memcpy(text, data, size);
		text[size] = '\0';
	}
	return text;
}

/* Writes a result both ways; it must succeed on any result. */
static inline void lm_fuzz_write_result(const lm_result *result)
{
	for (int format = LM_FORMAT_JSON; format <= LM_FORMAT_CSV; format++) {
		char *text = NULL;

		if (lm_result_write(result, format, &text, NULL, NULL) < 0 || !text)
			__builtin_trap();
		lm_free(text);
	}
}

#endif
