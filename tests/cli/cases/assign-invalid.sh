"$LIBMATCH" assign invalid/edges-score-exponent.csv
