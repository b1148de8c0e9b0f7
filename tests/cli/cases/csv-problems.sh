# Every problem of a CSV cohort, one per line, as FILE:LINE: column NAME:
# message; a header cell that is no column is named by its position.
printf 'id,role,gendr,goals,capacity,languages\nm-1,mentee,female,finance;finance,2,ko:9\nm-1,mentor,,,x,\n,tutor,,,,\nr-2,mentor\n' >"$TMP/people.csv"
cd "$TMP" && "$LIBMATCH" validate people.csv
