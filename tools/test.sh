#!/bin/sh
# Builds libmatch and runs every test: a normal build, its CLI cases and
# Check suites again under valgrind memcheck, a build with AddressSanitizer
# and UndefinedBehaviorSanitizer, then each libFuzzer harness for
# LM_FUZZ_SECONDS (default 60) from the seeds in tests/data.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup-debian.sh
jobs=$(nproc 2>/dev/null || echo 2)
t0=$(date +%s)
step() { echo "test.sh: $1 done at $(($(date +%s) - t0)) s"; }

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure
step "normal build and tests"

sh tools/valgrind.sh build
step "valgrind"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLM_SANITIZE=address,undefined \
	-DLM_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	ctest --test-dir build-asan -j "$jobs" --output-on-failure -E install_and_consume
step "sanitizer build and tests"

# The corpus the fuzzers grow is thrown away; crashes stay in
# build-fuzz/artifacts/TARGET/ (docs/fuzzing.md).
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
LM_FUZZ_BUILD=build-fuzz LM_FUZZ_CORPUS=$corpus sh tools/fuzz.sh "${LM_FUZZ_SECONDS:-60}"
step "fuzzing"
