"$LIBMATCH" assign valid/edges-basic.csv --objective score --format csv
