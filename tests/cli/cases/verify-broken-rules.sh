# Over capacity, a broken hard rule and a wrong score, each named with its ids.
"$LIBMATCH" match ../../data/sample/role_model.json | sed '11s/"mentor": "r-00032"/"mentor": "r-00063"/; 12s/"score": 65.163699/"score": 75.163699/' > "$TMP/r.json"
cd "$TMP" && "$LIBMATCH" verify "$OLDPWD/../../data/sample/role_model.json" r.json
