# Fair and greedy state their gap to the optimum.
"$LIBMATCH" match ../../data/sample/role_model.json -a fair | tail -n 2
"$LIBMATCH" match ../../data/sample/role_model.json -a greedy | tail -n 2
