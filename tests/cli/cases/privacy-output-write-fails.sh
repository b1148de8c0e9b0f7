# A result that cannot be written whole (files limited to 512 bytes here)
# never replaces the existing file and leaves no partial file: exit 73.
for cmd in "match ../../data/sample/role_model.json" \
	"assign valid/edges-basic.csv --capacities valid/caps-basic.csv" \
	"stable valid/prefs-nrmp.json"; do
	rm -f "$TMP"/*
	printf 'previous result\n' >"$TMP/out"
	# shellcheck disable=SC2086
	(trap '' XFSZ; ulimit -f 1; exec "$LIBMATCH" $cmd -o "$TMP/out" 2>"$TMP/err")
	rc=$?
	echo "$cmd: exit $rc; out: $(cat "$TMP/out"); files: $(ls "$TMP" | tr '\n' ' ')"
	sed "s|$TMP|TMP|g" "$TMP/err"
done
