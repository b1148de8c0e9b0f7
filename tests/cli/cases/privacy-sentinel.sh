# A marker in every field and member name of bad inputs, for every command
# and reader: it never shows on standard output or standard error. Each
# line gives the command, its exit code and how many times the marker was
# printed (always 0).
S=SENTINEL_7f3a
cat >"$TMP/bad.json" <<JSON
{"format": "libmatch-cohort", "version": 1, "as_of": "$S", "$S": 1,
 "mentees": [{"id": "$S!", "gender": "$S", "birth_year": "$S", "arrival_year": ["$S"],
  "origin_region": {"a": "$S"}, "region": "$S$S$S$S$S$S", "stage": 7, "modes": ["$S"],
  "languages": {"sentinelqz": "$S", "$S": 1}, "goals": ["$S", "$S"],
  "availability": {"tz": "$S", "weekly": ["$S"], "$S": 0},
  "prefers": {"gender": "$S", "gender_required": "$S", "origin": "$S", "$S": 1},
  "choices": ["$S", "$S"], "exclude": ["$S!"], "current": ["$S?"],
  "previous": [{"id": "$S#", "outcome": "$S", "$S": 1}], "wants": "$S",
  "waiting_since": "$S", "consent": "$S", "$S": 2}],
 "mentors": [{"id": "r1", "capacity": "$S", "offers": ["$S", 3], "trained": "$S",
  "teaches": {"sentinelqz": ["$S", 1], "$S": [0, 1]}}]}
JSON
{
	echo "id,role,as_of,gender,birth_year,region,modes,languages,goals,tz,availability,prefers_gender,prefers_gender_required,prefers_origin,choices,exclude,current,previous,waiting_since,consent,wants,capacity,offers,teaches,trained,$S"
	echo "$S!,mentee,$S,$S,$S,$S$S$S$S$S$S,$S,sentinelqz:$S;$S,$S;$S,$S,$S,$S,$S,$S,$S;$S,$S!,$S?,$S:$S,$S,$S,$S,$S,,,,$S"
	echo "r1,mentor,,,,,,,,,,,,,,,,,,,,$S,$S;$S,sentinelqz:$S;$S:1-2,$S;;,$S"
	echo "r2,$S,,,,,,,,,,,,,,,,,,,,,,,,"
} >"$TMP/bad.csv"
# Values that load (open vocabularies) and come back in later checks.
cat >"$TMP/open.json" <<JSON
{"format": "libmatch-cohort", "version": 1,
 "mentees": [{"id": "m1", "goals": ["$S"], "region": "$S", "origin_region": "$S",
  "stage": "$S", "languages": {"sentinelqz": 5}, "consent": true}],
 "mentors": [{"id": "r1", "offers": ["$S"], "trained": ["$S"], "consent": true,
  "teaches": {"sentinelqz": [0, 1]}}]}
JSON
printf 'id,role,goals,region,current,consent\nm1,mentee,%s,%s,r1,false\nr1,mentor,,,,true\n' \
	$S $S >"$TMP/open.csv"
printf 'mentee,mentor,score\n%s!,r1,1\nm1,%s?,%s\n"%s\n",r2,1\n' $S $S $S $S >"$TMP/edges.csv"
printf 'mentor,capacity\n%s!,%s\n' $S $S >"$TMP/caps.csv"
printf '{"mentees": {"a": ["%s!", "%s", 3], "b": {"ranking": "%s", "wants": "%s"}},
 "mentors": {"x": {"capacity": "%s", "ranking": ["%s"]}}}' $S $S $S $S $S $S >"$TMP/prefs.json"
printf '{"format": "libmatch-result", "version": 1, "pairs": [{"mentee": "%s", "mentor": "r1",
 "score": "%s"}], "unmatched": [{"mentee": "%s", "reason": "%s"}]}' $S $S $S $S >"$TMP/result.json"
open_model=valid/model-open-custom.json
run() {
	"$LIBMATCH" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	n=$(cat "$TMP/out" "$TMP/err" | grep -c -i -e sentinel)
	echo "$* -> exit $rc, marker printed $n times" | sed "s|$TMP/||g"
}
run validate "$TMP/bad.json"
run validate "$TMP/bad.csv"
run validate "$TMP/open.json"
run validate "$TMP/open.csv"
run match "$TMP/bad.json"
run match "$TMP/bad.csv"
run match "$TMP/open.json"
run match "$TMP/open.json" --model $open_model
run match "$TMP/open.json" --model $open_model --format csv
run match "$TMP/open.csv" --model $open_model
for who in staff mentee mentor; do
	run explain "$TMP/open.json" m1 r1 --model $open_model --audience $who
	run explain "$TMP/open.json" m1 r1 --model $open_model --audience $who --format json
done
run explain "$TMP/bad.csv" m1 r1
run explain "$TMP/open.json" m1 --model $open_model
run explain "$TMP/open.json" m1 --model $open_model --format json
run explain "$TMP/open.json" --model $open_model
run explain "$TMP/bad.json" m1
run explain "$TMP/bad.json"
run assign "$TMP/edges.csv" --capacities "$TMP/caps.csv"
run assign valid/edges-basic.csv --capacities "$TMP/caps.csv"
run stable "$TMP/prefs.json"
run verify "$TMP/open.json" "$TMP/result.json" --model $open_model
