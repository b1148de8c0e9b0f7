# --no-what-if: the same pairs and reasons, without the summary's what_if
# (it checks every pair, costly on national cohorts); explain COHORT, which
# is the what-if, refuses it.
"$LIBMATCH" match >"$TMP/with.json" || exit $?
"$LIBMATCH" match --no-what-if >"$TMP/without.json" || exit $?
echo "what_if with: $(grep -c '"what_if"' "$TMP/with.json"), without: $(grep -c '"what_if"' "$TMP/without.json")"
sed 's/, "what_if": {[^}]*}//' "$TMP/with.json" | cmp -s - "$TMP/without.json" &&
	echo "otherwise identical"
"$LIBMATCH" explain ../../data/sample/role_model.json m-00014 --no-what-if | head -2
"$LIBMATCH" explain ../../data/sample/role_model.json --no-what-if
