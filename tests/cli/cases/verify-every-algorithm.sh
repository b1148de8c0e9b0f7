# verify accepts what match writes, for every algorithm.
for a in optimal greedy fair stable rounds; do
	"$LIBMATCH" match ../../data/sample/role_model.json -a $a -o "$TMP/r.json" && "$LIBMATCH" verify ../../data/sample/role_model.json "$TMP/r.json" | sed "s|$TMP|TMP|"
done
"$LIBMATCH" match ../../data/sample/tutoring.json -m tutoring --objective score -o "$TMP/t.json"
"$LIBMATCH" verify ../../data/sample/tutoring.json "$TMP/t.json" | sed "s|$TMP|TMP|"
