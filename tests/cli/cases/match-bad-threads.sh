"$LIBMATCH" match --threads 0
