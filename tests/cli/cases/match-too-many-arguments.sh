"$LIBMATCH" match a.json b.json
