"$LIBMATCH" stable --algorithm optimal valid/prefs-nrmp.json
