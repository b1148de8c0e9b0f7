"$LIBMATCH" match --algorithm best
