# Choice rounds passed off as stable: the blocking pairs are named.
"$LIBMATCH" match ../../data/sample/role_model.json -a rounds | sed 's/"algorithm": "rounds"/"algorithm": "stable"/' > "$TMP/r.json"
cd "$TMP" && "$LIBMATCH" verify "$OLDPWD/../../data/sample/role_model.json" r.json 2>&1 | head -n 3
"$LIBMATCH" verify "$OLDPWD/../../data/sample/role_model.json" r.json 2>/dev/null
