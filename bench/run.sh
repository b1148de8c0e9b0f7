#!/bin/sh
# Builds libmatch in Release, generates seeded cohorts with lm-gen-cohort and
# times lm-bench-match on each, then prints one Markdown table row per cohort
# (the table of docs/performance.md).
#
#   bench/run.sh [quick|full|PROGRAM:MENTEES:MENTORS:POPULAR ...]
#   bench/run.sh peers [quick|full|CASE ...]
#
# "peers" runs bench/compare.sh instead: libmatch against LEMON, scipy and
# networkx on identical instances (it installs them with apt-get outside CI).
#
# quick (the default) is the issue's 2,000 x 1,000 role-model cohort and the
# samples' sizes; full adds national sizes up to 100,000 x 10,000.
# Environment: LM_BENCH_BUILD (build folder, default build-bench),
# LM_BENCH_THREADS (default 1), LM_BENCH_REPEAT (best of, default 3),
# LM_BENCH_SEED (default 1).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = peers ]; then
	shift
	exec "$root/bench/compare.sh" "$@"
fi
build=${LM_BENCH_BUILD:-$root/build-bench}
threads=${LM_BENCH_THREADS:-1}
repeat=${LM_BENCH_REPEAT:-3}
seed=${LM_BENCH_SEED:-1}
data=$build/cohorts

quick="role_model:200:100:0 tutoring:60:60:0 role_model:2000:1000:0 role_model:2000:1000:0.5"
full="$quick tutoring:2000:1000:0 role_model:10000:2500:0 role_model:10000:2500:0.5
role_model:34000:10000:0 role_model:100000:10000:0 role_model:100000:10000:0.5"

cases=
for arg in "${@:-quick}"; do
	case $arg in
	quick) cases="$cases $quick" ;;
	full) cases="$cases $full" ;;
	*:*:*:*) cases="$cases $arg" ;;
	*) echo "usage: bench/run.sh [quick|full|PROGRAM:MENTEES:MENTORS:POPULAR ...]" >&2; exit 64 ;;
	esac
done

echo "building Release in $build ..." >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target lm-gen-cohort lm-bench-match >/dev/null
mkdir -p "$data"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The value of key $1 in the RESULT line $2.
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

echo "| program | mentees × mentors | popular | generate ms | load ms | match ms | write ms | pairs | total score | optimal | peak RSS MiB |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|"
for c in $cases; do
	IFS=: read -r program mentees mentors popular <<EOF
$c
EOF
	file=$data/$program-$mentees-$mentors-$popular-$seed.json
	t0=$(now_ms)
	"$build/lm-gen-cohort" --program "$program" --mentees "$mentees" --mentors "$mentors" \
		--seed "$seed" --popular "$popular" -o "$file"
	gen=$(($(now_ms) - t0))
	echo "matching $file ..." >&2
	out=$("$build/bench/lm-bench-match" "$file" --model "$program" --threads "$threads" \
		--repeat "$repeat" | grep '^RESULT') || {
		echo "| $program | $mentees × $mentors | $popular | $gen | failed | | | | | | |"
		continue
	}
	echo "| $program | $mentees × $mentors | $popular | $gen | $(field load_ms "$out") |" \
	     "$(field match_ms "$out") | $(field write_ms "$out") | $(field pairs "$out") |" \
	     "$(field total "$out") | $(field optimal "$out" | sed 's/1/yes/;s/0/no/') |" \
	     "$(field rss_mib "$out") |"
done
