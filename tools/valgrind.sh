#!/bin/sh
# Runs the CLI cases and every Check suite of a normal (not sanitized) build
# under valgrind memcheck. Any invalid read or write, use of uninitialised
# memory, bad free, or definitely or indirectly lost block fails the run and
# prints valgrind's report. "Still reachable" and "possibly lost" blocks are
# not counted: GLib keeps its type system, thread pool and per-thread caches
# until exit by design; no suppression file is needed.
#
#   sh tools/valgrind.sh [BUILD]      BUILD: the build folder, default build
#
# The Check suites run with CK_FORK=no, so each suite is one process that
# valgrind follows from start to exit. The CLI cases (tests/cli/run.sh with
# LM_CLI_VALGRIND=1) run alongside the suites, one valgrind at a time each.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
start=$(date +%s)

LM_CLI_VALGRIND=1 sh tests/cli/run.sh "$build/libmatch" tests/cli/cases tests/data \
	>"$logs/cli.out" 2>&1 &
cli=$!

failed=""
for suite in "$build"/tests/test_*; do
	[ -x "$suite" ] || continue
	name=${suite##*/}
	rc=0
	LM_TEST_DATA=$(pwd)/tests/data CK_FORK=no \
		valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
		--log-file="$logs/$name.vg" "$suite" >"$logs/$name.out" 2>&1 || rc=$?
	if [ "$rc" != 0 ] || [ -s "$logs/$name.vg" ]; then
		echo "valgrind: $name: FAILED (exit $rc)"
		cat "$logs/$name.out" "$logs/$name.vg"
		failed="$failed $name"
	fi
done

rc=0
wait "$cli" || rc=$?
if [ "$rc" != 0 ]; then
	echo "valgrind: CLI cases: FAILED"
	grep -v '^PASS' "$logs/cli.out"
	failed="$failed cli"
else
	echo "valgrind: CLI cases: $(tail -n 1 "$logs/cli.out")"
fi
echo "valgrind: $(($(date +%s) - start)) s"
if [ -n "$failed" ]; then
	echo "valgrind: errors or leaks in:$failed" >&2
	exit 1
fi
echo "valgrind: no memory errors, no leaks"
