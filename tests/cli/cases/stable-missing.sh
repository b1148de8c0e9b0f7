"$LIBMATCH" stable no-such-prefs.json
