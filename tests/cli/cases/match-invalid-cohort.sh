"$LIBMATCH" match invalid/cohort-gender-value.json
