# Gale and Shapley 1962, Example 1: the women-optimal stable matching.
"$LIBMATCH" stable --proposers mentors valid/prefs-gale-shapley-1962.json
