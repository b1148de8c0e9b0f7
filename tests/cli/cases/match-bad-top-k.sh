"$LIBMATCH" match --top-k -3
