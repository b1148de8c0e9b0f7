# Bad input: exit 65, and an existing output file is left exactly as it was.
echo "previous result" > "$TMP/pairs.json"
"$LIBMATCH" stable invalid/prefs-id-both-sides.json -o "$TMP/pairs.json"
rc=$?
cat "$TMP/pairs.json"
ls "$TMP"
exit $rc
