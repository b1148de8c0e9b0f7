/* libFuzzer harness: libmatch-cohort JSON (docs/fuzzing.md). */
#define LM_FUZZ_NAME "fuzz.json"
#include "fuzz_cohort.h"
