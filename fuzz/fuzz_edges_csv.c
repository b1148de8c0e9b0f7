/* libFuzzer harness: the pure solver's edge list and capacity list (CSV,
 * docs/fuzzing.md). The input is the edge file, optionally followed by a
 * line "%%" and the capacity file. An accepted graph is solved. */
#include "fuzz_common.h"

#define SEPARATOR "\n%%\n"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep = memmem(data, size, SEPARATOR, strlen(SEPARATOR));
	size_t edges_len = sep ? (size_t)(sep - data) + 1 : size;
	char edges_path[64], caps_path[64];
	int edges_fd = lm_fuzz_memfile(data, edges_len, edges_path, sizeof edges_path);
	int caps_fd = -1;

	if (edges_fd < 0)
		return 0;
	if (sep) {
		const uint8_t *caps = sep + strlen(SEPARATOR);

		caps_fd = lm_fuzz_memfile(caps, size - (size_t)(caps - data), caps_path,
					  sizeof caps_path);
		if (caps_fd < 0) {
			close(edges_fd);
			return 0;
		}
	}

	lm_graph *graph = NULL;
	lm_result *result = NULL;
	lm_error *err = NULL;
	int rc = lm_graph_load_csv(&graph, edges_path, sep ? caps_path : NULL, &err);

	lm_fuzz_check_error(rc, err);
	if ((rc == 0) != (graph != NULL))
		__builtin_trap();
	lm_error_free(err);
	err = NULL;
	if (graph) {
		rc = lm_graph_solve(&result, graph, NULL, &err);
		lm_fuzz_check_error(rc, err);
		if (result)
			lm_fuzz_write_result(result);
	}
	lm_result_free(result);
	lm_error_free(err);
	lm_graph_free(graph);
	close(edges_fd);
	if (caps_fd >= 0)
		close(caps_fd);
	return 0;
}
