#!/bin/sh
# Stable matching at scale (issue 7: 100,000 mentees x 10,000 mentors, top-50
# lists, <= 3 s end to end): generates seeded preferences files with
# lm-gen-prefs, uniform and popular, and times `libmatch stable FILE -o OUT`
# (read, solve, write) with /usr/bin/time: wall, CPU (user + sys), peak RSS.
#
#   bench/stable.sh [MENTEES MENTORS TOP CAPACITY]     (default 100000 10000 50 10)
#
# Environment: LM_BENCH_BUILD (build folder, default build-bench),
# LM_BENCH_SEED (default 1). On a shared machine compare CPU, not wall.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${LM_BENCH_BUILD:-$root/build-bench}
seed=${LM_BENCH_SEED:-1}
mentees=${1:-100000} mentors=${2:-10000} top=${3:-50} cap=${4:-10}
data=$build/prefs
time=/usr/bin/time

[ -x $time ] || { echo "bench/stable.sh needs GNU time (apt-get install time)" >&2; exit 69; }
echo "building Release in $build ..." >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target lm-gen-prefs libmatch_cli >/dev/null
mkdir -p "$data"

echo "| scores | mentees × mentors | top | capacity | MB | pairs | wall s | CPU s (user+sys) | peak RSS MiB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for popular in 0 0.5; do
	file=$data/prefs-$mentees-$mentors-$top-$cap-$popular-$seed.json
	[ -s "$file" ] || "$build/bench/lm-gen-prefs" --mentees "$mentees" --mentors "$mentors" \
		--top "$top" --capacity "$cap" --popular "$popular" --seed "$seed" -o "$file"
	$time -f "%e %U %S %M" -o "$data/time" "$build/libmatch" stable "$file" -q -o "$data/out.json"
	read -r wall user sys rss < "$data/time"
	pairs=$(grep -c '"mentor": ' "$data/out.json")
	kind=$([ "$popular" = 0 ] && echo uniform || echo "popular $popular")
	echo "| $kind | $mentees × $mentors | $top | $cap | $(($(wc -c < "$file") / 1000000)) |" \
	     "$pairs | $wall | $(echo "$user $sys" | awk '{ printf "%.2f", $1 + $2 }') |" \
	     "$((rss / 1024)) |"
done
