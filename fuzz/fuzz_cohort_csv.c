/* libFuzzer harness: libmatch-cohort CSV (docs/fuzzing.md). */
#define LM_FUZZ_NAME "fuzz.csv"
#include "fuzz_cohort.h"
