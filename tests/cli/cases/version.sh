"$LIBMATCH" --version
