#!/usr/bin/env python3
"""Writes a libmatch-cohort JSON file as a CSV cohort (docs/cohort-csv.md).

    python3 tools/cohort-to-csv.py people.json > people.csv

One row per person, mentees first; the same fields, so that `libmatch match`
gives the same pairs for both files (tests/test_cohort_csv.c checks it on the
bundled samples). Lists are joined with ';', maps written as `ko:5;zh:3`,
teaching ranges as `en:0-2`, previous pairs as `r-0005:good`. Member names
starting with "x-" are kept as columns of their own. An empty list or map
cannot be written in CSV (an empty cell means "not given"): such a file is
refused rather than changed in meaning. Standard library only.
"""
import csv
import json
import sys

COLUMNS = [
    "id", "role", "as_of", "gender", "birth_year", "arrival_year", "origin_region", "region",
    "stage", "modes", "languages", "goals", "tz", "availability", "prefers_gender",
    "prefers_gender_required", "prefers_origin", "choices", "exclude", "current", "previous",
    "waiting_since", "consent", "wants", "capacity", "offers", "teaches", "trained",
]


class Unwritable(Exception):
    pass


def joined(values, what):
    if not values:
        raise Unwritable(f"an empty {what} cannot be written in CSV")
    return ";".join(values)


def boolean(value):
    return "true" if value else "false"


def person_row(person, role, as_of):
    row = {"role": role}
    if as_of is not None:
        row["as_of"] = as_of
    for key, value in person.items():
        if key.startswith("x-"):
            row[key] = json.dumps(value, ensure_ascii=False)
        elif key in ("modes", "goals", "choices", "exclude", "current", "offers", "trained"):
            row[key] = joined(value, key)
        elif key == "languages":
            row[key] = joined([f"{k}:{v}" for k, v in value.items()], key)
        elif key == "teaches":
            row[key] = joined([f"{k}:{lo}-{hi}" for k, (lo, hi) in value.items()], key)
        elif key == "previous":
            row[key] = joined([f"{p['id']}:{p['outcome']}" for p in value], key)
        elif key == "availability":
            row["tz"] = value["tz"]
            row["availability"] = ";".join(value["weekly"])
        elif key == "prefers":
            if "gender" in value:
                row["prefers_gender"] = value["gender"]
            if "gender_required" in value:
                row["prefers_gender_required"] = boolean(value["gender_required"])
            if "origin" in value:
                row["prefers_origin"] = value["origin"]
        elif key == "consent":
            row[key] = boolean(value)
        else:
            row[key] = str(value)
    return row


def convert(cohort, out):
    as_of = cohort.get("as_of")
    rows = [person_row(p, "mentee", as_of) for p in cohort["mentees"]]
    rows += [person_row(p, "mentor", as_of) for p in cohort["mentors"]]
    extra = sorted({k for r in rows for k in r if k.startswith("x-")})
    used = [c for c in COLUMNS if c in ("id", "role") or any(c in r for r in rows)]
    writer = csv.DictWriter(out, fieldnames=used + extra, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def main(argv):
    if len(argv) != 2:
        print("usage: cohort-to-csv.py COHORT.json > COHORT.csv", file=sys.stderr)
        return 64
    try:
        with open(argv[1], encoding="utf-8") as f:
            cohort = json.load(f)
        convert(cohort, sys.stdout)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"cohort-to-csv: {argv[1]}: cannot read the cohort ({type(e).__name__})",
              file=sys.stderr)
        return 65
    except Unwritable as e:
        print(f"cohort-to-csv: {argv[1]}: {e}", file=sys.stderr)
        return 65
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
