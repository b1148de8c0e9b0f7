# A cohort on standard input gives the same result as the same file.
"$LIBMATCH" match - < ../../data/sample/role_model.json > "$TMP/stdin.json" || exit 1
"$LIBMATCH" match ../../data/sample/role_model.json > "$TMP/file.json" || exit 1
"$LIBMATCH" match > "$TMP/bundled.json" || exit 1
cmp "$TMP/stdin.json" "$TMP/file.json" && cmp "$TMP/file.json" "$TMP/bundled.json" && echo identical
