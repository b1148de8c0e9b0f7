"""stable(): ranked preferences, deferred acceptance and choice rounds, against
the golden files of the C test suite (tests/data/{valid,invalid}/prefs-*)."""

import glob
import json
import os
import shutil
import tempfile
import unittest

from support import DATA, cli
import libmatch

HAS_PREFS = libmatch._native.lib().has("lm_prefs_solve")

# Small markets of their own, so these tests need no data file.
NRMP_DOC = {
    "format": "libmatch-preferences", "version": 1,
    "mentees": {"arthur": ["city"], "sunny": ["city", "mercy"],
                "joseph": ["city", "general", "mercy"], "latha": ["mercy", "city", "general"],
                "darrius": ["city", "mercy", "general"]},
    "mentors": {"mercy": {"capacity": 2, "ranking": ["darrius", "joseph"]},
                "city": {"capacity": 2,
                         "ranking": ["darrius", "arthur", "sunny", "latha", "joseph"]},
                "general": {"capacity": 2, "ranking": ["darrius", "arthur", "joseph", "latha"]}},
}
GALE_SHAPLEY_DOC = {   # Gale and Shapley 1962, example 1: three stable matchings
    "mentees": {"alpha": ["A", "B", "C"], "beta": ["B", "C", "A"], "gamma": ["C", "A", "B"]},
    "mentors": {"A": {"ranking": ["beta", "gamma", "alpha"]},
                "B": {"ranking": ["gamma", "alpha", "beta"]},
                "C": {"ranking": ["alpha", "beta", "gamma"]}},
}

# An .expect line kind -> stable() arguments and what to describe.
KINDS = {
    "mentees": (dict(proposers="mentees"), False),
    "mentors": (dict(proposers="mentors"), False),
    "unmatched": (dict(proposers="mentees"), True),
    "rounds": (dict(algorithm="rounds"), False),
    "rounds-unmatched": (dict(algorithm="rounds"), True),
}


def describe(result, unmatched):
    if unmatched:
        return " ".join("%s:%s:%s" % (u.mentee, u.reason, u.best_feasible or "")
                        if u.best_feasible else "%s:%s" % (u.mentee, u.reason)
                        for u in result.unmatched)
    return " ".join("%s=%s" % (p.mentee, p.mentor) for p in result.pairs)


@unittest.skipUnless(HAS_PREFS, "this libmatch has no stable-matching API")
class Stable(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.nrmp = os.path.join(cls.tmp, "nrmp.json")
        with open(cls.nrmp, "w", encoding="utf-8") as f:
            json.dump(NRMP_DOC, f, indent=1)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_golden_valid(self):
        files = sorted(glob.glob(os.path.join(DATA, "valid", "prefs-*.json")))
        if not files:
            self.skipTest("no golden preferences files")
        for path in files:
            with open(path[:-len(".json")] + ".expect", encoding="utf-8") as f:
                lines = [ln for ln in f.read().split("\n") if ln]
            self.assertEqual(lines[0], "LM_OK")
            with libmatch.Preferences.from_file(path) as prefs:
                self.assertEqual(len(prefs.digest), 64)
                for line in lines[1:]:
                    kind, _, want = line.partition(":")
                    kwargs, unmatched = KINDS[kind]
                    with self.subTest(file=os.path.basename(path), kind=kind):
                        with libmatch.stable(prefs, **kwargs) as r:
                            self.assertEqual(describe(r, unmatched), want.strip())

    def test_golden_invalid(self):
        files = sorted(glob.glob(os.path.join(DATA, "invalid", "prefs-*.json")))
        if not files:
            self.skipTest("no golden preferences files")
        for path in files:
            with open(path[:-len(".json")] + ".expect", encoding="utf-8") as f:
                lines = f.read().split("\n")
            with self.subTest(file=os.path.basename(path)):
                with self.assertRaises(libmatch.Error) as cm:
                    libmatch.stable(path)
                e = cm.exception
                self.assertEqual(e.status_name, lines[0])
                self.assertIs(type(e), libmatch.errors.error_class(e.code))
                self.assertEqual(e.file, path)
                for want in lines[1:]:
                    if want:
                        self.assertIn(want, e.problems[0].message)

    def test_dict(self):
        prefs = {"mentees": {"a": ["x", "y"], "b": {"wants": 1, "ranking": ["x"]}},
                 "mentors": {"x": {"capacity": 1, "ranking": ["b", "a"]},
                             "y": {"ranking": ["a"]}}}
        with libmatch.stable(prefs) as r:
            self.assertEqual([(p.mentee, p.mentor, p.score, p.criteria) for p in r.pairs],
                             [("a", "y", 0.0, {}), ("b", "x", 0.0, {})])
            self.assertEqual(r.unmatched, [])
            self.assertEqual(r.algorithm, "stable")
            self.assertEqual(r.proposers, "mentees")
            self.assertFalse(r.optimal)
            doc = json.loads(r.to_json())
            self.assertEqual(doc["algorithm"], "stable")
            self.assertIsNone(doc["model"])
            with self.assertRaises(libmatch.InvalidArgumentError):
                r.explain("a", "y")

    def test_proposing_sides_differ(self):
        with libmatch.stable(GALE_SHAPLEY_DOC) as a, \
                libmatch.stable(GALE_SHAPLEY_DOC, proposers="mentors") as b:
            self.assertNotEqual(describe(a, False), describe(b, False))
            self.assertEqual(b.proposers, "mentors")

    def test_preferences_object(self):
        with libmatch.Preferences.from_file(self.nrmp) as p:
            self.assertEqual(p.mentees, ("arthur", "sunny", "joseph", "latha", "darrius"))
            self.assertEqual(len(p.mentors), 3)
            self.assertIn("5 mentees", repr(p))
            with open(self.nrmp, "rb") as f:
                data = f.read()
            with libmatch.Preferences.from_json(data, name="nrmp.json") as q:
                self.assertEqual(q.digest, p.digest)
        self.assertIn("closed", repr(p))

    def test_located_errors(self):
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.stable({"mentees": {"a": ["x", "zz"]},
                             "mentors": {"x": {"ranking": ["a"]}}})
        e = cm.exception
        self.assertEqual(e.file, "<dict>")
        self.assertEqual(e.path, "$.mentees.a[1]")
        self.assertGreater(e.line, 0)
        self.assertGreater(e.column, 0)
        with self.assertRaises(libmatch.FileError):
            libmatch.stable("/nonexistent/prefs.json")

    def test_same_as_cli(self):
        for args, kwargs in (([], {}), (["--proposers", "mentors"], dict(proposers="mentors")),
                             (["--algorithm", "rounds"], dict(algorithm="rounds")),
                             (["--seed", "9"], dict(seed=9))):
            with self.subTest(args=args):
                with libmatch.stable(self.nrmp, **kwargs) as r:
                    self.assertEqual(r.to_json().encode(), cli("stable", self.nrmp, *args).stdout)
                    self.assertEqual(r.to_csv().encode(),
                                     cli("stable", self.nrmp, "--format", "csv", *args).stdout)

    def test_bad_options(self):
        for kwargs in (dict(proposers="both"), dict(algorithm="optimal"),
                       dict(algorithm="bogus"), dict(seed=-1)):
            with self.subTest(**kwargs):
                with self.assertRaises(libmatch.InvalidArgumentError):
                    libmatch.stable(self.nrmp, **kwargs)
        with self.assertRaises(TypeError):
            libmatch.stable(42)


if __name__ == "__main__":
    unittest.main()
