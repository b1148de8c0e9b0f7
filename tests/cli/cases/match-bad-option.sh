"$LIBMATCH" match --colour
