# Absurd input is refused before it is parsed, with one located error
# (docs/limits.md): strings or cells over 65,536 bytes, lists or maps of
# more than 100,000 entries.
long=$(head -c 70000 /dev/zero | tr '\0' 'a')
printf '{"format": "libmatch-cohort", "version": 1,\n "mentees": [], "mentors": [{"id": "r", "x-note": "%s"}]}\n' "$long" >"$TMP/long.json"
printf 'id,role,x-note\nr,mentor,%s\n' "$long" >"$TMP/long.csv"
{
	printf '{"format": "libmatch-cohort", "version": 1, "mentors": [],\n "mentees": [{"id": "m", "exclude": ['
	seq 100001 | sed 's/.*/"r&"/' | paste -sd, -
	printf ']}]}\n'
} >"$TMP/many.json"
{
	printf 'id,role,exclude\nm,mentee,'
	seq 100001 | sed 's/^/r/' | paste -sd';' -
} >"$TMP/many.csv"
cd "$TMP" || exit 1
for f in long.json long.csv many.json many.csv; do
	"$LIBMATCH" validate $f
	echo "exit $?"
done
