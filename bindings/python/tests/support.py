"""Shared by the binding's tests: where things are, and small fixtures.

CTest (tests/python.cmake) sets LIBMATCH_LIBRARY to the freshly built
library, LM_CLI to the built `libmatch` program and LM_BUILD_DIR to the
build tree, and runs from a folder that holds no libmatch.so (which
`import libmatch` would take for an extension module). Run by hand:

    cd /tmp && LIBMATCH_LIBRARY=$REPO/build/libmatch.so LM_CLI=$REPO/build/libmatch \\
      PYTHONPATH=$REPO/bindings/python python3 -m unittest discover -s $REPO/bindings/python/tests
"""

import os
import subprocess
import sys
import unittest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(TESTS_DIR)                 # bindings/python
REPO = os.environ.get("LM_SOURCE_DIR") or os.path.dirname(os.path.dirname(PACKAGE_ROOT))
DATA = os.path.join(REPO, "tests", "data")
SAMPLE = os.path.join(REPO, "data", "sample")
ROLE_MODEL = os.path.join(SAMPLE, "role_model.json")
TUTORING = os.path.join(SAMPLE, "tutoring.json")
CLI = os.environ.get("LM_CLI")
BUILD_DIR = os.environ.get("LM_BUILD_DIR")

if PACKAGE_ROOT not in sys.path:
    sys.path.insert(0, PACKAGE_ROOT)

import libmatch  # noqa: E402  (after the path is set)


def cli(*args, check=True):
    """Runs the built CLI; returns the CompletedProcess (bytes)."""
    if not CLI:
        raise unittest.SkipTest("LM_CLI is not set (the built libmatch program)")
    proc = subprocess.run([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and proc.returncode != 0:
        raise AssertionError("libmatch %s: exit %d: %s" % (" ".join(args), proc.returncode,
                                                           proc.stderr.decode()))
    return proc


def small_people():
    """A tiny cohort as two lists of dicts: 3 mentees, 2 mentors."""
    mentees = [
        {"id": "m-1", "gender": "female", "birth_year": 1995, "arrival_year": 2024,
         "region": "seoul", "modes": ["in_person", "online"], "languages": {"ko": 5},
         "goals": ["employment", "finance"], "consent": True,
         "availability": {"tz": "Asia/Seoul", "weekly": ["mon 19:00-21:00"]}},
        {"id": "m-2", "gender": "male", "birth_year": 1990, "arrival_year": 2023,
         "region": "incheon", "modes": ["online"], "languages": {"ko": 5, "zh": 3},
         "goals": ["stress_coping"], "consent": True,
         "availability": {"tz": "Asia/Seoul", "weekly": ["sat 10:00-13:00"]}},
        {"id": "m-3", "gender": "female", "birth_year": 2000, "arrival_year": 2024,
         "region": "busan", "modes": ["in_person"], "languages": {"ko": 5},
         "goals": ["education"], "consent": True,
         "availability": {"tz": "Asia/Seoul", "weekly": ["sun 10:00-12:00"]}},
    ]
    mentors = [
        {"id": "r-1", "capacity": 2, "gender": "female", "birth_year": 1980,
         "arrival_year": 2010, "region": "seoul", "modes": ["in_person", "online"],
         "languages": {"ko": 5}, "offers": ["employment", "finance", "stress_coping"],
         "consent": True,
         "availability": {"tz": "Asia/Seoul", "weekly": ["mon 18:00-22:00",
                                                         "sat 09:00-13:00"]}},
        {"id": "r-2", "capacity": 1, "gender": "male", "birth_year": 1975,
         "arrival_year": 2008, "region": "incheon", "modes": ["online"],
         "languages": {"ko": 5, "zh": 4}, "offers": ["stress_coping"], "consent": True,
         "availability": {"tz": "Asia/Seoul", "weekly": ["sat 10:00-12:00"]}},
    ]
    return mentees, mentors


def rss_bytes():
    """The resident set size of this process, from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def sample_subset(n_mentees, n_mentors, path=ROLE_MODEL):
    """The first people of a bundled sample as a smaller cohort document (a
    dict), without the fields that name people left out."""
    import json
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    keep = {p["id"] for p in doc["mentees"][:n_mentees] + doc["mentors"][:n_mentors]}
    for side, n in (("mentees", n_mentees), ("mentors", n_mentors)):
        people = doc[side][:n]
        for p in people:
            for key in ("choices", "exclude", "current"):
                if key in p:
                    p[key] = [x for x in p[key] if x in keep]
            if "previous" in p:
                p["previous"] = [x for x in p["previous"] if x["id"] in keep]
        doc[side] = people
    return doc
