"$LIBMATCH" pair people.json
