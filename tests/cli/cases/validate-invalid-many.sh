"$LIBMATCH" validate invalid/cohort-duplicate-id.json
