# Preferences on standard input give the same result as the same file.
"$LIBMATCH" stable - < valid/prefs-wants.json > "$TMP/stdin.json" || exit 1
"$LIBMATCH" stable valid/prefs-wants.json > "$TMP/file.json" || exit 1
cmp "$TMP/stdin.json" "$TMP/file.json" && echo identical
