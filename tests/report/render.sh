#!/bin/sh
# The HTML report in a real browser: headless Chromium (Debian's
# `chromium`) loads each page, dumps its DOM and takes a screenshot.
#
#   render.sh CHROMIUM LIBMATCH MAKE_REPORT SAMPLE_DIR OUT_DIR
#
# Pages: the full report (with the cohort's coverage) of both samples, and
# `libmatch match --format html`. Each must load without a console message
# (the page's Content-Security-Policy turns any script or outside resource
# into one), show the expected headings and as many pair and unmatched
# rows as the JSON result, and give a non-empty PNG. The PNGs stay in
# OUT_DIR for a person to look at. Chromium never reaches the network:
# every host name resolves to nothing and the proxy is a closed local port.
set -u
CHROMIUM=$1
LIBMATCH=$2
MAKE_REPORT=$3
SAMPLES=$4
OUT=$5
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
	echo "chromium not found: 'sh tools/setup-debian.sh' installs it" >&2
	exit 1
fi
mkdir -p "$OUT"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
pass=0
fail=0

browser() {
	# The profile is fresh for every run so that nothing carries over.
	rm -rf "$PROFILE" && mkdir -p "$PROFILE"
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --disable-extensions \
		--disable-default-apps --no-pings --disable-breakpad --hide-scrollbars \
		--host-resolver-rules='MAP * ~NOTFOUND' --proxy-server=127.0.0.1:9 \
		--user-data-dir="$PROFILE" --enable-logging=stderr --v=0 "$@"
}

check() {
	if eval "$2"; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: $3"
		fail=$((fail + 1))
	fi
}

# page NAME COVERAGE(yes|no|either): OUT/NAME.html and OUT/NAME.json exist.
page() {
	name=$1
	html=$OUT/$name.html
	dom=$OUT/$name.dom.html
	png=$OUT/$name.png
	pairs=$(sed -n 's/.*"pairs": \([0-9][0-9]*\).*/\1/p' "$OUT/$name.json")
	unmatched=$(grep -c '"reason":' "$OUT/$name.json")

	# What the page is made of, before any browser sees it.
	check "$name" '! grep -qi "<script\|https\?:\|url(\|@import\|<link\|<img\|<iframe" "$html"' \
		"the page refers to a script or an outside resource"
	check "$name" 'grep -q "Content-Security-Policy\" content=\"default-src .none.;" "$html"' \
		"no Content-Security-Policy"

	browser --dump-dom "file://$html" >"$dom" 2>"$OUT/$name.dom.log"
	rc=$?
	check "$name" '[ "$rc" = 0 ] && grep -q "</html>" "$dom"' "chromium failed ($rc) or gave no DOM"
	check "$name" '! grep -q "CONSOLE" "$OUT/$name.dom.log"' \
		"console messages: $(grep CONSOLE "$OUT/$name.dom.log" | head -n 3)"
	for h in '<h1>Matching report</h1>' '<h2>Summary</h2>' '<h2>Pairs</h2>' \
		'<h2>Unmatched mentees</h2>' '<h2>Score distribution</h2>'; do
		check "$name" 'grep -qF "$h" "$dom"' "missing $h"
	done
	# The CLI's page has the coverage once `libmatch match` passes the cohort
	# to lm_report_write_file(); until then it has the note instead.
	cov=$2
	[ "$cov" = either ] && { grep -qF "<h2>Coverage by region</h2>" "$dom" && cov=yes || cov=no; }
	if [ "$cov" = yes ]; then
		check "$name" 'grep -qF "<h2>Coverage by region</h2>" "$dom"' "no region coverage"
		check "$name" 'grep -qF "<h2>Coverage by goal</h2>" "$dom"' "no goal coverage"
		check "$name" '[ "$(grep -o "<tr class=\"region\">" "$dom" | wc -l)" -gt 0 ]' \
			"no region rows"
	else
		check "$name" 'grep -qF "<h2>Coverage by region and goal</h2>" "$dom"' "no coverage note"
	fi
	n=$(grep -o '<tr class="pair">' "$dom" | wc -l)
	check "$name" '[ "$n" = "$pairs" ]' "$n pair rows, the result has $pairs pairs"
	n=$(grep -o '<tr class="unmatched">' "$dom" | wc -l)
	check "$name" '[ "$n" = "$unmatched" ]' "$n unmatched rows, the result has $unmatched"

	browser --window-size=1280,1800 --screenshot="$png" "file://$html" \
		>"$OUT/$name.png.log" 2>&1
	check "$name" '! grep -q "CONSOLE" "$OUT/$name.png.log"' "console messages in the screenshot run"
	check "$name" '[ -s "$png" ] && [ "$(wc -c <"$png")" -gt 20000 ]' "no screenshot, or an empty one"
	check "$name" '[ "$(head -c 4 "$png" | od -An -c | tr -d " ")" = "211PNG" ]' \
		"the screenshot is not a PNG"
	echo "$name: $pairs pairs, $unmatched unmatched; screenshot $png"
}

for program in role_model tutoring; do
	if "$MAKE_REPORT" "$SAMPLES/$program.json" $program "$OUT/$program.html" "$OUT/$program.json"
	then
		page $program yes
	else
		echo "FAIL $program: make_report failed"
		fail=$((fail + 1))
	fi
done
if "$LIBMATCH" match --format html -o "$OUT/cli.html" && "$LIBMATCH" match -o "$OUT/cli.json"; then
	page cli either
else
	echo "FAIL cli: libmatch match failed"
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
