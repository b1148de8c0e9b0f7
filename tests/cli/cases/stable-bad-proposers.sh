"$LIBMATCH" stable --proposers tutors valid/prefs-nrmp.json
