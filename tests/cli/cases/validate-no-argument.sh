"$LIBMATCH" validate
