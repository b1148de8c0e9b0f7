printf '{"format": "libmatch-result", "version": 1, "pairs": [{"mentee": 3}]}' > "$TMP/r.json"
cd "$TMP" && "$LIBMATCH" verify "$OLDPWD/../../data/sample/role_model.json" r.json
