#!/bin/sh
# CLI tests: each tests/cli/cases/NAME.sh is a shell snippet run from
# tests/data with $LIBMATCH set to the binary and $TMP to a scratch folder.
# Its standard output, standard error and exit code must equal NAME.out,
# NAME.err and NAME.code. LM_UPDATE_GOLDEN=1 rewrites the expected files.
set -u
abspath() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
LIBMATCH=$(abspath "$1")
# LM_CLI_WRAPPER (e.g. "valgrind --error-exitcode=99 ...") runs every
# libmatch of every case under a command: a script stands in for the binary.
# LM_CLI_VALGRIND=1 uses valgrind memcheck as that command (tools/valgrind.sh):
# its reports go to log files, not to the case's standard error, so a case
# that discards standard error or exit codes still fails on any memory error
# or definite or indirect leak, and its report is printed.
vglogs=""
if [ "${LM_CLI_VALGRIND:-0}" = 1 ]; then
	vglogs=$(mktemp -d)
	LM_CLI_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full"
	LM_CLI_WRAPPER="$LM_CLI_WRAPPER --show-leak-kinds=definite,indirect"
	LM_CLI_WRAPPER="$LM_CLI_WRAPPER --errors-for-leak-kinds=definite,indirect"
	LM_CLI_WRAPPER="$LM_CLI_WRAPPER --log-file=$vglogs/%p.log"
fi
if [ -n "${LM_CLI_WRAPPER:-}" ]; then
	wrapdir=$(mktemp -d)
	trap 'rm -rf "$wrapdir" ${vglogs:+"$vglogs"}' EXIT
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$LM_CLI_WRAPPER" "$LIBMATCH" >"$wrapdir/libmatch"
	chmod +x "$wrapdir/libmatch"
	LIBMATCH=$wrapdir/libmatch
fi
CASES=$(cd "$2" && pwd)
DATA=$(cd "$3" && pwd)
export LIBMATCH
pass=0
fail=0
for case in "$CASES"/*.sh; do
	name=${case%.sh}
	TMP=$(mktemp -d)
	export TMP
	(cd "$DATA" && sh "$case" >"$TMP/.out" 2>"$TMP/.err")
	code=$?
	if [ "${LM_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$TMP/.out" "$name.out"
		cp "$TMP/.err" "$name.err"
		echo "$code" >"$name.code"
	fi
	ok=1
	if [ "$code" != "$(cat "$name.code" 2>/dev/null)" ]; then
		echo "FAIL $(basename "$name"): exit code $code, expected $(cat "$name.code" 2>/dev/null)"
		ok=0
	fi
	if ! cmp -s "$TMP/.out" "$name.out"; then
		echo "FAIL $(basename "$name"): standard output differs:"
		diff "$name.out" "$TMP/.out" | head -n 20
		ok=0
	fi
	if ! cmp -s "$TMP/.err" "$name.err"; then
		echo "FAIL $(basename "$name"): standard error differs:"
		diff "$name.err" "$TMP/.err" | head -n 20
		ok=0
	fi
	if [ -n "$vglogs" ]; then
		for log in "$vglogs"/*.log; do
			[ -s "$log" ] || continue
			echo "FAIL $(basename "$name"): valgrind:"
			cat "$log"
			ok=0
		done
		rm -f "$vglogs"/*.log
	fi
	rm -rf "$TMP"
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
