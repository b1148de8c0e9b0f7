# A folder that does not exist: exit 73, nothing created.
"$LIBMATCH" match -o "$TMP/no/such/pairs.json" 2>"$TMP/err"
rc=$?
sed "s|$TMP|TMP|" "$TMP/err" >&2
test -e "$TMP/no" && echo "created something"
exit $rc
