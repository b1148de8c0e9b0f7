"$LIBMATCH" match --format xml
