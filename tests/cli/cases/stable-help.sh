"$LIBMATCH" stable --help
