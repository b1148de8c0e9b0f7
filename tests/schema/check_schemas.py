#!/usr/bin/env python3
"""The JSON Schemas in docs/schema/ against libmatch itself.

Usage: check_schemas.py LIBMATCH_CLI SOURCE_DIR

1. Every schema is a valid JSON Schema (draft 2020-12).
2. The bundled samples and the golden valid cohorts and models match their schema,
   and so do the complete JSON examples in the docs.
3. Golden invalid files whose fault is structural are rejected by the schema.
4. Schema and CLI agree: small cohorts, each valid or broken in one way, are accepted
   or rejected by both the cohort schema and `libmatch validate`.
5. What the CLI writes (`match` on both samples with every algorithm and audience, `stable`
   and `assign`, JSON and CSV) matches the
   result schema and the rules a schema cannot state: numbers with 1 to 6 decimals,
   sorted pairs, contributions adding up to each score, a consistent summary, and a
   CSV holding the same rows as the JSON.

Uses only the standard library and Debian's python3-jsonschema (4.10 or later).
"""
import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal

try:
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("schema: the Python module jsonschema is missing; on Debian: "
             "apt-get install python3-jsonschema (tools/setup-debian.sh does it)")

CLI, SRC = sys.argv[1], sys.argv[2]
failures = []
checked = 0


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def rel(path):
    return os.path.relpath(path, SRC)


def load_schema(name):
    path = os.path.join(SRC, "docs", "schema", name + ".schema.json")
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
    except Exception as e:  # SchemaError
        fail(f"{rel(path)}: not a valid JSON Schema: {e}")
        return None
    return Draft202012Validator(schema)


def first_error(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if not errors:
        return None
    e = errors[0]
    where = "$" + "".join(f"[{p!r}]" for p in e.path)
    return f"{where}: {e.message[:160]}"


def expect_valid(validator, doc, what):
    global checked
    checked += 1
    err = first_error(validator, doc)
    if err:
        fail(f"{what}: rejected by the schema: {err}")


def expect_invalid(validator, doc, what):
    global checked
    checked += 1
    if first_error(validator, doc) is None:
        fail(f"{what}: accepted by the schema, expected a rejection")


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def run(args, data=None):
    return subprocess.run([CLI] + args, input=data, capture_output=True, timeout=300)


SCHEMAS = {name: load_schema(name) for name in ("cohort", "model", "result", "preferences")}
if any(v is None for v in SCHEMAS.values()):
    sys.exit(1)
COHORT, MODEL, RESULT = SCHEMAS["cohort"], SCHEMAS["model"], SCHEMAS["result"]
BY_FORMAT = {"libmatch-cohort": COHORT, "libmatch-model": MODEL, "libmatch-result": RESULT}

# ---- 2. valid files and documented examples --------------------------------------------

for path in sorted(glob.glob(os.path.join(SRC, "data", "sample", "*.json")) +
                   glob.glob(os.path.join(SRC, "tests", "data", "valid", "cohort-*.json"))):
    expect_valid(COHORT, read_json(path), rel(path))
for path in sorted(glob.glob(os.path.join(SRC, "tests", "data", "valid", "model-*.json"))):
    expect_valid(MODEL, read_json(path), rel(path))

# Every ```json block of the docs that is a whole document (it parses and names a
# format) must match its schema; fragments are skipped.
for path in sorted(glob.glob(os.path.join(SRC, "docs", "*.md")) +
                   glob.glob(os.path.join(SRC, "docs", "schema", "*.md"))):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for n, block in enumerate(re.findall(r"```json\n(.*?)```", text, re.S)):
        try:
            doc = json.loads(block)
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("format") in BY_FORMAT:
            expect_valid(BY_FORMAT[doc["format"]], doc, f"{rel(path)}: JSON example {n + 1}")
        elif isinstance(doc, dict) and set(doc) == {"mentees", "mentors"} and \
                isinstance(doc["mentees"], dict):
            expect_valid(SCHEMAS["preferences"], doc, f"{rel(path)}: JSON example {n + 1}")

# ---- 3. golden invalid files with a structural fault ---------------------------------

# Faults the schema can see. The other golden invalid files break rules only libmatch
# checks (duplicate ids, unknown references, capacities, dates that do not exist,
# unknown time zones, JSON syntax), listed in each schema's description.
INVALID_COHORTS = """
arrival-year-range as-of-number as-of-too-early birth-year-range birth-year-string capacity-bool
capacity-fraction capacity-huge capacity-negative capacity-on-mentee capacity-too-large
choices-duplicate choices-too-many consent-string exclude-not-id gender-required-type
gender-value goal-empty goals-duplicate goals-too-many id-characters id-empty id-number
id-too-long language-code languages-array level-fraction level-negative level-range
mentees-not-array missing-format missing-id missing-mentors modes-duplicate modes-empty
modes-value offers-on-mentee person-not-object prefers-gender prefers-origin
previous-missing-id previous-outcome region-too-long slot-after-midnight slot-day
slot-minutes slot-not-string slots-too-many teaches-level top-level-array top-level-string
trained-duplicate tz-absolute tz-missing tz-path unknown-field unknown-nested-field
unknown-top-field version-string waiting-since wants-on-mentor wants-zero weekly-missing
wrong-format wrong-version
""".split()
INVALID_MODELS = """
bad-algorithm bad-objective bad-preset bad-top-k consent-weight criterion-not-object
exclude-required half-hours huge-weight ideal-length min-level-range missing-format
negative-weight neighbour-score-range neighbours-array neighbours-not-list not-object
required-string trained-prefer-type unknown-criterion unknown-param unknown-top-field
version-string vocabulary-duplicate vocabulary-unknown weight-string wrong-format
wrong-version
""".split()

for kind, names, validator in (("cohort", INVALID_COHORTS, COHORT),
                               ("model", INVALID_MODELS, MODEL)):
    for name in names:
        path = os.path.join(SRC, "tests", "data", "invalid", f"{kind}-{name}.json")
        if not os.path.exists(path):
            fail(f"{rel(path)}: missing (renamed? update tests/schema/check_schemas.py)")
            continue
        expect_invalid(validator, read_json(path), rel(path))

# ---- 4. the schema and `libmatch validate` agree ------------------------------------

BASE = {
    "format": "libmatch-cohort", "version": 1, "as_of": "2025-01-06",
    "mentees": [{
        "id": "m-1", "gender": "female", "birth_year": 1996, "arrival_year": 2024,
        "origin_region": "north_hamgyong", "region": "seoul", "stage": "job_seeking",
        "modes": ["in_person", "online"], "languages": {"ko": 5, "en": 1},
        "goals": ["employment", "finance"],
        "availability": {"tz": "Asia/Seoul", "weekly": ["mon 19:00-21:00"]},
        "prefers": {"gender": "female", "gender_required": True, "origin": "avoid_same"},
        "choices": ["r-1"], "exclude": ["r-gone"], "wants": 1,
        "previous": [{"id": "r-old", "outcome": "good"}],
        "waiting_since": "2024-09-01", "consent": True}],
    "mentors": [{
        "id": "r-1", "capacity": 2, "gender": "female", "birth_year": 1985,
        "arrival_year": 2010, "region": "seoul", "modes": ["in_person"],
        "languages": {"ko": 5, "en": 3}, "offers": ["employment"],
        "teaches": {"en": [0, 2]}, "trained": ["trauma_informed"],
        "availability": {"tz": "America/New_York", "weekly": ["mon 06:00-08:00"]},
        "consent": True}],
}


def mentee(doc):
    return doc["mentees"][0]


def mentor(doc):
    return doc["mentors"][0]


def setter(get, key, value):
    def change(doc):
        get(doc)[key] = value
    return change


def remover(get, key):
    def change(doc):
        del get(doc)[key]
    return change


def avail(doc):
    return mentee(doc)["availability"]


VALID_CASES = {
    "as given": lambda d: None,
    "only ids": lambda d: d.update(mentees=[{"id": "m-1"}], mentors=[{"id": "r-1"}]),
    "no people": lambda d: d.update(mentees=[], mentors=[]),
    "x- keys everywhere": lambda d: (
        d.update({"x-run": {"any": ["thing"]}}), mentee(d).update({"x-note": 1}),
        avail(d).update({"x-a": None}), mentee(d)["prefers"].update({"x-b": True}),
        mentee(d)["previous"][0].update({"x-c": "d"})),
    "version 1.0": setter(lambda d: d, "version", 1.0),
    "no as_of": remover(lambda d: d, "as_of"),
    "slot to 24:00": setter(avail, "weekly", ["sun 22:00-24:00"]),
    "no slots": setter(avail, "weekly", []),
    "language code with -": setter(mentee, "languages", {"zh-Hant": 3}),
    "limits": lambda d: (mentee(d).update(wants=16, birth_year=2025, arrival_year=2025),
                         mentor(d).update(capacity=1000)),
    "capacity 0": setter(mentor, "capacity", 0),
    "unknown history ids": setter(mentee, "previous", [{"id": "r-x", "outcome": "bad"}]),
    "gender request, soft": setter(mentee, "prefers", {"gender": "male",
                                                       "gender_required": False}),
}

INVALID_CASES = {
    "unknown top field": setter(lambda d: d, "mentess", []),
    "unknown person field": setter(mentee, "gendr", "female"),
    "unknown availability field": setter(avail, "zone", "UTC"),
    "wrong format": setter(lambda d: d, "format", "libmatch-model"),
    "version 2": setter(lambda d: d, "version", 2),
    "mentors missing": remover(lambda d: d, "mentors"),
    "as_of not a date": setter(lambda d: d, "as_of", "2025-1-6"),
    "id with a space": setter(mentee, "id", "m 1"),
    "id of 65 characters": setter(mentee, "id", "m" * 65),
    "id missing": remover(mentee, "id"),
    "gender other": setter(mentee, "gender", "other"),
    "birth_year 1899": setter(mentee, "birth_year", 1899),
    "arrival_year 1949": setter(mentee, "arrival_year", 1949),
    "birth_year text": setter(mentee, "birth_year", "1996"),
    "level 6": setter(mentee, "languages", {"ko": 6}),
    "level 2.5": setter(mentee, "languages", {"ko": 2.5}),
    "language code with a space": setter(mentee, "languages", {"k o": 5}),
    "modes empty": setter(mentee, "modes", []),
    "modes unknown": setter(mentee, "modes", ["by_phone"]),
    "goals repeated": setter(mentee, "goals", ["finance", "finance"]),
    "33 goals": setter(mentee, "goals", [f"g{i}" for i in range(33)]),
    "empty goal": setter(mentee, "goals", [""]),
    "region of 65 bytes": setter(mentee, "region", "r" * 65),
    "tz missing": remover(avail, "tz"),
    "tz a path": setter(avail, "tz", "/etc/localtime"),
    "weekly missing": remover(avail, "weekly"),
    "slot past 24:00": setter(avail, "weekly", ["mon 19:00-25:00"]),
    "slot with a day name": setter(avail, "weekly", ["Monday 19:00-21:00"]),
    "65 slots": setter(avail, "weekly", ["mon 10:00-11:00"] * 65),
    "prefers undisclosed": setter(mentee, "prefers", {"gender": "undisclosed"}),
    "prefers unknown field": setter(mentee, "prefers", {"strict": True}),
    "previous without outcome": setter(mentee, "previous", [{"id": "r-1"}]),
    "previous outcome great": setter(mentee, "previous", [{"id": "r-1", "outcome": "great"}]),
    "choices repeated": setter(mentee, "choices", ["r-1", "r-1"]),
    "exclude bad id": setter(mentee, "exclude", ["r 1"]),
    "waiting_since d/m/y": setter(mentee, "waiting_since", "01/09/2024"),
    "consent yes": setter(mentee, "consent", "yes"),
    "wants 0": setter(mentee, "wants", 0),
    "wants 17": setter(mentee, "wants", 17),
    "capacity -1": setter(mentor, "capacity", -1),
    "capacity 1001": setter(mentor, "capacity", 1001),
    "capacity 1.5": setter(mentor, "capacity", 1.5),
    "capacity on a mentee": setter(mentee, "capacity", 1),
    "offers on a mentee": setter(mentee, "offers", ["finance"]),
    "teaches on a mentee": setter(mentee, "teaches", {"en": [0, 2]}),
    "trained on a mentee": setter(mentee, "trained", ["first_aid"]),
    "wants on a mentor": setter(mentor, "wants", 1),
    "teaches level 6": setter(mentor, "teaches", {"en": [0, 6]}),
    "teaches one level": setter(mentor, "teaches", {"en": [2]}),
}

with tempfile.TemporaryDirectory() as tmp:
    # Vocabularies open: this compares the format, not a model's word lists.
    open_model = os.path.join(tmp, "open-model.json")
    with open(open_model, "w", encoding="utf-8") as f:
        json.dump({"format": "libmatch-model", "version": 1, "vocabulary": {
            "goals": None, "regions": None, "languages": None, "stages": None}}, f)
    for cases, want_valid in ((VALID_CASES, True), (INVALID_CASES, False)):
        for name, change in cases.items():
            doc = copy.deepcopy(BASE)
            change(doc)
            what = f"cohort case '{name}'"
            (expect_valid if want_valid else expect_invalid)(COHORT, doc, what)
            r = run(["validate", "--model", open_model, "-"], json.dumps(doc).encode())
            if want_valid and r.returncode != 0:
                fail(f"{what}: libmatch validate exits {r.returncode}, expected 0: "
                     f"{r.stderr.decode(errors='replace').strip()}")
            if not want_valid and r.returncode != 65:
                fail(f"{what}: libmatch validate exits {r.returncode}, expected 65")

    # ---- 5. what the CLI writes ------------------------------------------------------

    def parse_decimal(text):
        if not re.fullmatch(r"\d+\.\d{1,6}", text):
            raise ValueError(f"number {text} is not printed with 1 to 6 decimals")
        return Decimal(text)

    def check_result(text, what):
        """Validates a JSON result; returns it (numbers as Decimal) or None."""
        global checked
        checked += 1
        try:
            doc = json.loads(text, parse_float=parse_decimal)
        except ValueError as e:
            fail(f"{what}: {e}")
            return None
        err = first_error(RESULT, doc)
        if err:
            fail(f"{what}: rejected by the result schema: {err}")
            return None
        pairs, unmatched, summary = doc["pairs"], doc["unmatched"], doc["summary"]
        scores = [p["score"] for p in pairs]
        numbers = scores + [summary[k] for k in ("total_score", "mean_score", "min_score")]
        numbers += [v for p in pairs for v in p.get("criteria", {}).values()]
        if not all(isinstance(x, Decimal) for x in numbers):
            fail(f"{what}: a score is printed without decimals")
            return None
        keys = [(p["mentee"], p["mentor"]) for p in pairs]
        if keys != sorted(keys) or len(set(keys)) != len(keys):
            fail(f"{what}: pairs not sorted by mentee, then mentor, or repeated")
        mentees = [u["mentee"] for u in unmatched]
        if mentees != sorted(mentees) or len(set(mentees)) != len(mentees):
            fail(f"{what}: unmatched not sorted by mentee, or repeated")
        for p in pairs:
            if "criteria" in p and sum(p["criteria"].values(), Decimal(0)) != p["score"]:
                fail(f"{what}: pair {p['mentee']}/{p['mentor']}: contributions do not add "
                     f"up to the score")
        if (doc["model"] is None) != all("criteria" not in p for p in pairs) and pairs:
            fail(f"{what}: criteria must be given exactly when there is a model")
        total = sum(scores, Decimal(0))
        mean = (total / len(scores)).quantize(Decimal("0.000001"), ROUND_HALF_UP) \
            if scores else Decimal(0)
        want = {"pairs": len(pairs), "matched": len({p["mentee"] for p in pairs}),
                "total_score": total, "mean_score": mean,
                "min_score": min(scores) if scores else Decimal(0)}
        for key, value in want.items():
            if summary[key] != value:
                fail(f"{what}: summary.{key} is {summary[key]}, expected {value}")
        return doc

    def check_csv(data, doc, what):
        """The CSV of the same run holds the JSON's rows."""
        global checked
        checked += 1
        text = data.decode("utf-8")
        if not text.endswith("\r\n") or "\n" in text.replace("\r\n", ""):
            fail(f"{what}: every line must end with CRLF")
            return
        rows = [line.split(",") for line in text[:-2].split("\r\n")]
        criteria = list(pairs_criteria(doc))
        header = ["mentee", "mentor", "score", "status", "reason"] + criteria
        if rows[0] != header:
            fail(f"{what}: header {rows[0]}, expected {header}")
            return
        want = []
        for p in doc["pairs"]:
            comps = [str(p["criteria"][c]) for c in criteria] if "criteria" in p else []
            want.append([p["mentee"], p["mentor"], str(p["score"]),
                         "kept" if p.get("kept") else "new", ""] + comps)
        for u in doc["unmatched"]:
            want.append([u["mentee"], u.get("best_feasible", ""), "", "unmatched",
                         u["reason"]] + [""] * len(criteria))
        for b in doc.get("broken", []):
            want.append([b["mentee"], b["mentor"], "", "broken", ""] + [""] * len(criteria))
        if rows[1:] != want:
            bad = next((i for i, (a, b) in enumerate(zip(rows[1:], want)) if a != b),
                       min(len(rows) - 1, len(want)))
            fail(f"{what}: CSV row {bad + 2} differs from the JSON result")

    def pairs_criteria(doc):
        for p in doc["pairs"]:
            return p.get("criteria", {}).keys()
        return []

    edges = os.path.join(tmp, "edges.csv")
    caps = os.path.join(tmp, "caps.csv")
    with open(edges, "w", encoding="utf-8") as f:
        f.write("mentee,mentor,score\r\na,x,10\r\na,y,4.5\r\nb,x,8\r\nc,x,1.000001\r\n"
                "d,z,0\r\ne,w,3\r\n")
    with open(caps, "w", encoding="utf-8") as f:
        f.write("mentor,capacity\nx,1\ny,1\nz,1\nw,0\nv,5\n")

    runs = {
        "match (role_model sample)": ["match"],
        "match --model tutoring (tutoring sample)": ["match", "--model", "tutoring"],
        "match role_model.json --objective score":
            ["match", os.path.join(SRC, "data", "sample", "role_model.json"),
             "--objective", "score"],
        "match --algorithm stable": ["match", "--algorithm", "stable"],
        "match --algorithm stable --proposers mentors":
            ["match", "-a", "stable", "--proposers", "mentors"],
        "match --algorithm greedy": ["match", "-a", "greedy"],
        "match --algorithm fair": ["match", "-a", "fair"],
        "match --algorithm rounds --model tutoring": ["match", "-a", "rounds", "-m", "tutoring"],
        "match --rematch": ["match", "--rematch", "--break-cost", "5"],
        # Redacted results: no blocked_by, no best_feasible, no private criteria.
        "match --audience mentor": ["match", "--audience", "mentor"],
        "match --audience mentee --algorithm stable":
            ["match", "--audience", "mentee", "-a", "stable"],
        "stable (preferences file)":
            ["stable", os.path.join(SRC, "tests", "data", "valid", "prefs-nrmp.json")],
        "stable (edge cases: empty lists, capacity 0)":
            ["stable", os.path.join(SRC, "tests", "data", "valid", "prefs-edge-cases.json")],
        "assign": ["assign", edges, "--capacities", caps],
        "assign --objective score": ["assign", edges, "-c", caps, "--objective", "score"],
        "assign --algorithm greedy": ["assign", edges, "-c", caps, "-a", "greedy"],
    }
    reasons = set()
    for name, args in runs.items():
        r = run(args + ["--format", "json"])
        if r.returncode != 0:
            fail(f"libmatch {' '.join(args[:1])} ({name}) exits {r.returncode}: "
                 f"{r.stderr.decode(errors='replace').strip()[:300]}")
            continue
        doc = check_result(r.stdout.decode("utf-8"), name)
        if doc is None:
            continue
        reasons |= {u["reason"] for u in doc["unmatched"]}
        if args[0] == "assign" and (doc["model"] is not None or doc["input_sha256"] != ""):
            fail(f"{name}: an assign result has model null and input_sha256 \"\"")
        r = run(args + ["--format", "csv"])
        if r.returncode != 0:
            fail(f"{name} --format csv exits {r.returncode}")
            continue
        check_csv(r.stdout, doc, name + " --format csv")
    # The runs above are chosen to show every reason; if one goes missing the
    # schema's rules for it are no longer exercised.
    for reason in ("no_feasible_mentor", "capacity_taken", "not_worth_it", "outranked",
                   "no_acceptable_mentor"):
        if reason not in reasons:
            fail(f"no run gave an unmatched mentee with reason {reason}")

print(f"schema: {checked} checks, {len(failures)} failed")
sys.exit(1 if failures else 0)
