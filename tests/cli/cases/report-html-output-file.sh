# -o report.html: mode 0600, nothing on standard output; one table row per
# pair and per unmatched mentee, the headings staff look for, no script.
"$LIBMATCH" match --format html -o "$TMP/report.html" || exit $?
stat -c '%a' "$TMP/report.html"
head -n 1 "$TMP/report.html"
echo "pair rows: $(grep -o '<tr class="pair">' "$TMP/report.html" | wc -l)"
echo "unmatched rows: $(grep -o '<tr class="unmatched">' "$TMP/report.html" | wc -l)"
grep -o '<h[12]>[^<]*</h[12]>' "$TMP/report.html"
grep -q '<script' "$TMP/report.html" || echo "no script"
