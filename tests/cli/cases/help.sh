"$LIBMATCH" --help
