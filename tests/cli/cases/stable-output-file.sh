# -o writes the file with mode 0600 and prints nothing.
"$LIBMATCH" stable -q -o "$TMP/pairs.json" valid/prefs-wants.json || exit $?
stat -c '%a' "$TMP/pairs.json"
grep -c mentee "$TMP/pairs.json"
