# Every subcommand with -o: on bad input, an existing output file is left
# exactly as it was, and a new one is never created.
for cmd in "match invalid/cohort-gender-value.json" "match invalid/cohort-csv-slot.csv" \
	"assign invalid/edges-bad-id.csv" \
	"assign valid/edges-basic.csv --capacities invalid/caps-negative.csv" \
	"stable invalid/prefs-id-both-sides.json"; do
	rm -f "$TMP"/*
	printf 'previous result\n' >"$TMP/old.json"
	chmod 644 "$TMP/old.json"
	# shellcheck disable=SC2086
	"$LIBMATCH" $cmd -o "$TMP/old.json" 2>/dev/null
	a=$?
	# shellcheck disable=SC2086
	"$LIBMATCH" $cmd -o "$TMP/new.json" 2>/dev/null
	b=$?
	echo "$cmd: exit $a $b; old: $(cat "$TMP/old.json") $(stat -c %a "$TMP/old.json");" \
		"files: $(ls "$TMP" | tr '\n' ' ')"
done
