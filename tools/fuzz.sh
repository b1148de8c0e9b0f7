#!/bin/sh
# Builds the libFuzzer harnesses (clang, AddressSanitizer, UndefinedBehavior-
# Sanitizer, LeakSanitizer) and runs each for SECONDS (default 60), seeded
# from tests/data and the bundled samples. Fails when any harness finds a
# crash, a leak or a timeout; the input is left in BUILD/artifacts/TARGET/.
#
#   sh tools/fuzz.sh [SECONDS] [TARGET...]      TARGET: cohort_json, cohort_diff, cohort_csv,
#                                               model_json, edges_csv, prefs_json, prefs_diff
#
# The corpus each run grows is kept in CORPUS/TARGET for the next run (CORPUS
# is BUILD/corpus, or $LM_FUZZ_CORPUS: CI gives a temporary folder); seeds are
# copied afresh into BUILD/seeds/TARGET. Totals of every run are appended to
# BUILD/fuzz-stats.tsv. BUILD is build-fuzz, or $LM_FUZZ_BUILD. The corpus
# never goes into the repository: only the seeds in tests/data do.
# See docs/fuzzing.md.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
build=${LM_FUZZ_BUILD:-build-fuzz}
corpus_root=${LM_FUZZ_CORPUS:-$build/corpus}
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DLM_BUILD_FUZZ=ON -DLM_BUILD_TESTS=OFF -DLM_BUILD_BENCH=OFF \
	-DLM_SANITIZE=address,undefined >/dev/null
cmake --build "$build" --target fuzz_all -j "$jobs" >/dev/null

targets="$*"
if [ -z "$targets" ]; then
	for exe in "$build"/fuzz/fuzz_*; do
		[ -x "$exe" ] && targets="$targets ${exe##*/fuzz_}"
	done
fi

# seeds TARGET DIR: copies the seed inputs of a harness into DIR.
seeds() {
	d=tests/data
	case $1 in
	cohort_json | cohort_diff)
		cp $d/valid/cohort-*.json $d/invalid/cohort-*.json data/sample/*.json "$2" ;;
	cohort_csv)
		cp $d/valid/cohort-*.csv $d/invalid/cohort-*.csv "$2" 2>/dev/null || true
		for s in data/sample/*.json; do
			# The first rows of each sample: big enough to cover every column.
			python3 tools/cohort-to-csv.py "$s" >"$2/sample.tmp"
			head -n 40 "$2/sample.tmp" >"$2/sample-${s##*/}.csv"
			rm -f "$2/sample.tmp"
		done ;;
	model_json) cp $d/valid/model-*.json $d/invalid/model-*.json "$2" ;;
	edges_csv)
		cp $d/valid/edges-*.csv $d/invalid/edges-*.csv "$2"
		for c in $d/valid/caps-*.csv $d/invalid/caps-*.csv; do
			{ cat $d/valid/edges-basic.csv; printf '%%%%\n'; cat "$c"; } >"$2/with-${c##*/}"
		done ;;
	prefs_json | prefs_diff)
		cp $d/valid/prefs-*.json $d/invalid/prefs-*.json "$2" 2>/dev/null || true ;;
	esac
}

failed=""
total_execs=0
for t in $targets; do
	exe="$build/fuzz/fuzz_$t"
	rm -rf "$build/seeds/$t"
	mkdir -p "$build/seeds/$t" "$corpus_root/$t" "$build/artifacts/$t" "$build/logs"
	seeds "$t" "$build/seeds/$t"
	dict=""
	[ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
	[ "$t" = prefs_diff ] && dict="-dict=fuzz/prefs_json.dict"
	[ "$t" = cohort_diff ] && dict="-dict=fuzz/cohort_json.dict"
	log="$build/logs/$t.log"
	rc=0
	# shellcheck disable=SC2086
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
		"$exe" -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" $dict \
		"$corpus_root/$t" "$build/seeds/$t" >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	execs=${execs:-0}
	total_execs=$((total_execs + execs))
	corpus=$(find "$corpus_root/$t" -type f | wc -l)
	printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" "$seconds" "$execs" \
		"$rc" >>"$build/fuzz-stats.tsv"
	if [ "$rc" = 0 ]; then
		echo "fuzz: $t: ${seconds} s, $execs executions, corpus $corpus, no crash"
	else
		echo "fuzz: $t: FAILED (exit $rc) after $execs executions; input in $build/artifacts/$t/"
		grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -n 5
		failed="$failed $t"
	fi
done
echo "fuzz: $total_execs executions in all"
if [ -n "$failed" ]; then
	echo "fuzz: crashes in:$failed (reproduce: $build/fuzz/fuzz_TARGET FILE)" >&2
	exit 1
fi
