# A greedy result passed off as optimal: the dual prices show a better assignment.
"$LIBMATCH" match ../../data/sample/role_model.json -a greedy | sed 's/"algorithm": "greedy"/"algorithm": "optimal"/; s/"optimal": false/"optimal": true/' > "$TMP/r.json"
cd "$TMP" && "$LIBMATCH" verify "$OLDPWD/../../data/sample/role_model.json" r.json
