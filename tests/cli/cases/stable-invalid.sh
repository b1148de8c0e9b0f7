# Every problem of the file, one per line, located; exit 65.
printf "{\"mentees\": {\"a\": [\"x\", \"x\"], \"b b\": []},\n \"mentors\": {\"x\": {\"capacity\": -1, \"ranking\": [\"a\", \"c\"]}}}" | "$LIBMATCH" stable -
