"$LIBMATCH" stable --seed -3 valid/prefs-nrmp.json
