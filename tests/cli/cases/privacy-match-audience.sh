# A result written for mentors keeps pairs and reasons but no blocked_by
# counts, no best_feasible and no private criterion.
"$LIBMATCH" match --audience mentor > "$TMP/m.json" || exit $?
grep -c '"blocked_by"\|"best_feasible"\|"gender"\|"origin"\|"exclude"' "$TMP/m.json"
grep -o '"reason": "[a-z_]*"' "$TMP/m.json" | sort | uniq -c
