"$LIBMATCH" match --help
