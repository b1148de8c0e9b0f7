"$LIBMATCH" assign valid/edges-basic.csv --algorithm stable
