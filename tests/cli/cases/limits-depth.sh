# Nesting deeper than 64 is malformed JSON for every reader.
{
	printf '{"format": "libmatch-cohort", "version": 1, "mentees": [], "mentors": [], "x-a": '
	head -c 70 /dev/zero | tr '\0' '['
} >"$TMP/deep.json"
cd "$TMP" && "$LIBMATCH" validate deep.json
