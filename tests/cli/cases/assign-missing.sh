"$LIBMATCH" assign no-such-edges.csv
