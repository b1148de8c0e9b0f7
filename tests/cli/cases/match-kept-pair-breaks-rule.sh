"$LIBMATCH" match - < valid/cohort-full.json
