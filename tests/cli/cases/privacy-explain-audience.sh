# m-1 asked privately for a woman of another province and never r-ex;
# r-veto and r-picky asked privately about m-1; r-weak fails a public rule.
# Staff see each reason; either side sees the same "not available" for all.
for r in r-ok r-ex r-man r-same r-veto r-picky r-weak; do
	"$LIBMATCH" explain valid/cohort-private.csv m-1 $r | grep -E '^pair|FAIL'
	for who in mentee mentor; do
		"$LIBMATCH" explain valid/cohort-private.csv m-1 $r --audience $who >"$TMP/$who"
	done
	cmp -s "$TMP/mentee" "$TMP/mentor" && echo "  mentee and mentor see the same:"
	sed 's/^/  /' "$TMP/mentor"
done
"$LIBMATCH" explain valid/cohort-private.csv m-1 r-same --audience mentor --format json
"$LIBMATCH" explain valid/cohort-private.csv m-1 r-ok --audience mentee --format json
"$LIBMATCH" explain valid/cohort-private.csv m-1 r-ok --audience nobody
