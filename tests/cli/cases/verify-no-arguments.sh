"$LIBMATCH" verify
