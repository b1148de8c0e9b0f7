# The result is byte-identical for any thread count and any top-k.
"$LIBMATCH" match > "$TMP/one.json" || exit 1
"$LIBMATCH" match --threads 2 > "$TMP/two.json" || exit 1
"$LIBMATCH" match --threads 3 --top-k 4 > "$TMP/pruned.json" || exit 1
cmp "$TMP/one.json" "$TMP/two.json" && echo "threads: identical"
grep -o '"total_score": [0-9.]*' "$TMP/one.json" > "$TMP/t1"
grep -o '"total_score": [0-9.]*' "$TMP/pruned.json" > "$TMP/t2"
cmp "$TMP/t1" "$TMP/t2" && echo "top-k: same optimum"
