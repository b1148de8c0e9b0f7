# Values outside the model's vocabularies, found after loading, are located
# by line and column as well.
printf 'id,role,goals,region,languages\nm-1,mentee,finance;housng,seoul,ko:5\nr-1,mentor,,busan_city,xx:3\n' >"$TMP/people.csv"
cd "$TMP" && "$LIBMATCH" validate people.csv
