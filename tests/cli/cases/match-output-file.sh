# -o writes the file with mode 0600 and prints nothing.
"$LIBMATCH" match -o "$TMP/pairs.json" || exit $?
stat -c '%a' "$TMP/pairs.json"
head -n 2 "$TMP/pairs.json"
