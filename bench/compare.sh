#!/bin/sh
# libmatch and the peer solvers on identical seeded instances, side by side:
# times, peak memory and the optimal total weight, failing loudly (exit 1)
# when any solver's total differs from libmatch's.
#
#   bench/compare.sh [quick|full|CASE ...]
#
# CASE is flow:ROWS:COLS:CAP:uniform|popular (a sparse graph of 50 random
# mentors per mentee, lm-bench-flow) or cohort:PROGRAM:MENTEES:MENTORS:POPULAR
# (a generated cohort, the whole problem: lm-bench-exact with top-k 50 and
# pricing; the peers get every feasible pair). Peers: LEMON NetworkSimplex
# and CostScaling (lm-bench-lemon), scipy's linear_sum_assignment on the
# capacity-expanded matrix (up to LM_BENCH_SCIPY_CELLS cells, default 1.2e8)
# and networkx (up to LM_BENCH_NX_ARCS arcs, default 150000). Each peer run
# is limited to LM_BENCH_TIMEOUT seconds (default 900). Outside CI the peers
# are installed with apt-get first. Rows also go to $build/compare.csv for
# bench/plot.py.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${LM_BENCH_BUILD:-$root/build-bench}
limit=${LM_BENCH_TIMEOUT:-900}
scipy_cells=${LM_BENCH_SCIPY_CELLS:-120000000}
nx_arcs=${LM_BENCH_NX_ARCS:-150000}
py=/usr/bin/python3
data=$build/instances

quick="flow:2000:500:4:uniform flow:2000:500:4:popular flow:10000:2500:4:uniform
flow:10000:2500:4:popular cohort:role_model:2000:500:0 cohort:role_model:10000:2500:0
cohort:role_model:10000:2500:0.5"
full="$quick flow:10000:2500:8:uniform flow:10000:2500:8:popular flow:100000:10000:10:uniform
flow:100000:10000:10:popular cohort:role_model:34000:10000:0 cohort:role_model:100000:10000:0
cohort:role_model:100000:10000:0.5"

cases=
for arg in "${@:-quick}"; do
	case $arg in
	quick) cases="$cases $quick" ;;
	full) cases="$cases $full" ;;
	flow:*:*:*:* | cohort:*:*:*:*) cases="$cases $arg" ;;
	*) echo "usage: bench/compare.sh [quick|full|CASE ...]" >&2; exit 64 ;;
	esac
done

if [ -z "${CI:-}" ] && command -v apt-get >/dev/null; then
	sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
	echo "installing the peers (liblemon-dev python3-scipy python3-networkx python3-matplotlib) ..." >&2
	$sudo apt-get install -y -q liblemon-dev python3-scipy python3-networkx python3-matplotlib \
		>/dev/null || echo "apt-get failed: peers that are missing are skipped" >&2
fi

echo "building Release in $build ..." >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
mkdir -p "$data"
csv=$build/compare.csv
[ -f "$csv" ] || echo "case,solver,time_s,rss_mib,weight,rounds" >"$csv"

field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
status=0

echo "| case | solver | time s | peak RSS MiB | optimal total weight | same |"
echo "|---|---|---:|---:|---:|---|"
for c in $cases; do
	IFS=: read -r kind a b d e <<EOF2
$c
EOF2
	inst=$data/$(echo "$c" | tr ':' '-').txt
	echo "running $c ..." >&2
	if [ "$kind" = flow ]; then
		pop=; [ "$e" = popular ] && pop=--popular
		out=$("$build/bench/lm-bench-flow" --rows "$a" --cols "$b" --cap "$d" $pop \
			--write "$inst" | grep '^RESULT')
		rows=$a; places=$((b * d))
	else
		cohort=$data/$a-$b-$d-$e.json
		"$build/lm-gen-cohort" --program "$a" --mentees "$b" --mentors "$d" --seed 1 \
			--popular "$e" -o "$cohort"
		out=$("$build/bench/lm-bench-exact" "$cohort" --model "$a" --top-k 50 \
			--write "$inst" | grep '^RESULT')
		rows=$b; places=$(sed -n 4p "$inst" | tr ' ' '\n' | awk '{s += $1} END {print s}')
	fi
	ref=$(field weight "$out")
	t=$(field time_s "$out"); [ -n "$t" ] || t=$(field exact_s "$out")
	echo "| $c | libmatch | $t | $(field rss_mib "$out") | $ref | |"
	echo "$c,libmatch,$t,$(field rss_mib "$out"),$ref,$(field rounds "$out")" >>"$csv"
	arcs=$(sed -n 2p "$inst" | awk '{print $3}')
	peers=
	[ -x "$build/bench/lm-bench-lemon" ] &&
		peers="$peers lemon:ns lemon:cs"
	$py -c 'import scipy' 2>/dev/null && [ $((rows * places)) -le "$scipy_cells" ] &&
		peers="$peers py:scipy"
	$py -c 'import networkx' 2>/dev/null && [ "$arcs" -le "$nx_arcs" ] &&
		peers="$peers py:networkx"
	for p in $peers; do
		case $p in
		lemon:*) cmd="$build/bench/lm-bench-lemon $inst ${p#lemon:}" ;;
		py:*) cmd="$py $root/bench/peers.py $inst ${p#py:}" ;;
		esac
		res=$(timeout "$limit" $cmd | grep '^RESULT') || res="RESULT solver=$p timeout=$limit"
		for line in $(printf '%s\n' "$res" | tr ' ' '~'); do
			line=$(printf '%s' "$line" | tr '~' ' ')
			w=$(field weight "$line")
			same=yes
			if [ -z "$w" ]; then
				same="skipped ($(printf '%s' "$line" | cut -d' ' -f3-))"
			elif [ "$w" != "$ref" ]; then
				same="**DIFFERS**"; status=1
				echo "compare.sh: $(field solver "$line") total $w differs from libmatch $ref on $c" >&2
			fi
			echo "| $c | $(field solver "$line") | $(field time_s "$line") |" \
			     "$(field rss_mib "$line") | $w | $same |"
			echo "$c,$(field solver "$line"),$(field time_s "$line"),$(field rss_mib "$line"),$w," >>"$csv"
		done
	done
done
exit $status
