"$LIBMATCH" match --objective most
