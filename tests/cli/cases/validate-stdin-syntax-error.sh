printf "{\"format\": \"libmatch-cohort\",\n \"version\": 1,,\n}" | "$LIBMATCH" validate -
