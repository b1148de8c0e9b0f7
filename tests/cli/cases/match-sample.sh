"$LIBMATCH" match
