"$LIBMATCH" match --break-cost 5
