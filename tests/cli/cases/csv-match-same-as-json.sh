# A sample cohort written as CSV (tools/cohort-to-csv.py) gives the same
# result as the JSON file, byte for byte but for the input's digest, also
# from standard input.
for s in role_model tutoring; do
	python3 ../../tools/cohort-to-csv.py ../../data/sample/$s.json >"$TMP/$s.csv" || exit 1
	"$LIBMATCH" match ../../data/sample/$s.json --model $s | grep -v input_sha256 >"$TMP/json.out"
	"$LIBMATCH" match "$TMP/$s.csv" --model $s | grep -v input_sha256 >"$TMP/csv.out"
	"$LIBMATCH" match - --model $s <"$TMP/$s.csv" | grep -v input_sha256 >"$TMP/stdin.out"
	cmp "$TMP/json.out" "$TMP/csv.out" && cmp "$TMP/json.out" "$TMP/stdin.out" &&
		echo "$s: $(wc -l <"$TMP/$s.csv") CSV lines, the same $(grep -c '"mentee"' "$TMP/json.out") entries"
	"$LIBMATCH" match ../../data/sample/$s.json --model $s -f csv >"$TMP/json.csv"
	"$LIBMATCH" match "$TMP/$s.csv" --model $s -f csv | cmp - "$TMP/json.csv" && echo "$s: same CSV result"
done
