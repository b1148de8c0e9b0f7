"$LIBMATCH" stable
