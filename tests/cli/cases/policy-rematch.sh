# Re-optimising everyone: kept pairs marked, broken ones listed, the break cost stated.
"$LIBMATCH" match ../../data/sample/role_model.json --rematch --break-cost 0 | grep -E '"break_cost"|"broken"|"kept": true' | head -n 6
