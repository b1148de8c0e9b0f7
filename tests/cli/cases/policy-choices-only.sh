# choice.required: a student who ranked tutors is paired only among them
# (explicit rankings from the cohort, for stable matching and choice
# rounds); one who ranked nobody, with anyone who fits. Checked against the
# cohort's choices, proved by verify, and the what-if names the rule.
S=../../data/sample/tutoring.json
"$LIBMATCH" match $S --model valid/model-choices-only.json -o "$TMP/r.json" || exit $?
python3 - "$S" "$TMP/r.json" <<'PY'
import json, sys
cohort, result = (json.load(open(f)) for f in sys.argv[1:3])
chose = {m["id"]: m.get("choices", []) for m in cohort["mentees"]}
pairs = result["pairs"]
outside = [p for p in pairs if chose[p["mentee"]] and p["mentor"] not in chose[p["mentee"]]]
print(result["algorithm"], len(pairs), "pairs,",
      sum(1 for p in pairs if chose[p["mentee"]]), "of them by choice, outside the choices:",
      len(outside))
PY
"$LIBMATCH" verify $S "$TMP/r.json" --model valid/model-choices-only.json | sed "s|$TMP/||"
"$LIBMATCH" explain $S --model valid/model-choices-only.json --algorithm rounds | grep -E 'pairs|choice'
