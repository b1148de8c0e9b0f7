"$LIBMATCH" stable valid/prefs-nrmp.json
