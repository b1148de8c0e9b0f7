"$LIBMATCH" stable valid/prefs-nrmp.json valid/prefs-wants.json
