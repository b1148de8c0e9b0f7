"$LIBMATCH" assign valid/edges-basic.csv --capacities valid/caps-basic.csv
