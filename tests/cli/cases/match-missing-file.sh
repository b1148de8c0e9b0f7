"$LIBMATCH" match no-such-cohort.json
