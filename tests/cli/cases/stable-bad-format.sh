"$LIBMATCH" stable --format html valid/prefs-nrmp.json
