# The report is byte-identical for any thread count: no date, no time.
"$LIBMATCH" match --format html > "$TMP/one.html" || exit 1
"$LIBMATCH" match --format html --threads 3 > "$TMP/three.html" || exit 1
cmp "$TMP/one.html" "$TMP/three.html" && echo "identical"
