# Every subcommand with -o replaces an existing file (here readable by all)
# with the whole result, readable by its owner only, and leaves no
# temporary file behind.
for cmd in "match ../../data/sample/tutoring.json --model tutoring" \
	"match valid/cohort-spreadsheet.csv -f csv" \
	"assign valid/edges-basic.csv --capacities valid/caps-basic.csv" \
	"stable valid/prefs-wants.json"; do
	rm -f "$TMP"/*
	printf 'previous result\n' >"$TMP/out"
	chmod 644 "$TMP/out"
	# shellcheck disable=SC2086
	"$LIBMATCH" $cmd -o "$TMP/out" || echo "failed: $cmd"
	# shellcheck disable=SC2086
	"$LIBMATCH" $cmd >"$TMP/stdout"
	cmp -s "$TMP/out" "$TMP/stdout" && same=same || same=DIFFERENT
	echo "$cmd: $(stat -c %a "$TMP/out"), $same as standard output," \
		"files: $(ls "$TMP" | tr '\n' ' ')"
done
