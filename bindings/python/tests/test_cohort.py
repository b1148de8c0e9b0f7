"""Cohorts and models: loading from files, dicts and text; located errors."""

import datetime
import glob
import os
import unittest

from support import DATA, ROLE_MODEL, TUTORING, small_people
import libmatch


class CohortLoading(unittest.TestCase):
    def test_from_file(self):
        with libmatch.Cohort.from_file(ROLE_MODEL) as c:
            self.assertEqual(len(c.mentees), 200)
            self.assertEqual(len(c.mentors), 100)
            self.assertEqual(c.mentees[0], "m-00001")
            self.assertIsInstance(c.mentees, tuple)
            self.assertEqual(len(c.digest), 64)
            self.assertEqual(c.find("r-00002"), ("mentor", 1))
            self.assertEqual(c.find("m-00001"), ("mentee", 0))
            self.assertIn("m-00001", c)
            self.assertNotIn("nobody", c)
            self.assertIn("200 mentees", repr(c))
        self.assertTrue(c.closed)
        self.assertIn("closed", repr(c))

    def test_from_pathlike(self):
        import pathlib
        with libmatch.Cohort.from_file(pathlib.Path(TUTORING)) as c:
            self.assertGreater(len(c.mentees), 0)

    def test_from_dicts(self):
        mentees, mentors = small_people()
        with libmatch.Cohort.from_dicts(mentees, mentors, as_of=datetime.date(2026, 1, 5)) as c:
            self.assertEqual(c.mentees, ("m-1", "m-2", "m-3"))
            self.assertEqual(c.mentors, ("r-1", "r-2"))
        # The same people from a string date give the same document bytes.
        a = libmatch.Cohort.from_dicts(mentees, mentors, as_of="2026-01-05")
        b = libmatch.Cohort.from_dicts(mentees, mentors, as_of=datetime.date(2026, 1, 5))
        self.assertEqual(a.digest, b.digest)
        a.close()
        b.close()

    def test_from_dicts_dates_in_profiles(self):
        mentees, mentors = small_people()
        mentees[0]["waiting_since"] = datetime.date(2025, 3, 1)
        with libmatch.Cohort.from_dicts(mentees, mentors) as c:
            self.assertEqual(len(c.mentees), 3)

    def test_from_dict_and_json(self):
        mentees, mentors = small_people()
        with libmatch.Cohort.from_dict({"mentees": mentees, "mentors": mentors}) as c:
            self.assertEqual(len(c.mentors), 2)
        with open(ROLE_MODEL, "rb") as f:
            data = f.read()
        with libmatch.Cohort.from_json(data, name="people.json") as c, \
                libmatch.Cohort.from_file(ROLE_MODEL) as d:
            self.assertEqual(c.digest, d.digest)
            self.assertEqual(c.mentees, d.mentees)
        with libmatch.Cohort.from_json(data.decode("utf-8")) as c:
            self.assertEqual(len(c.mentees), 200)

    def test_empty_sides(self):
        with libmatch.Cohort.from_dicts([], []) as c:
            self.assertEqual(c.mentees, ())
            self.assertEqual(c.mentors, ())

    def test_find_unknown_id(self):
        with libmatch.Cohort.from_file(ROLE_MODEL) as c:
            with self.assertRaises(libmatch.NotFoundError) as cm:
                c.find("m-99999")
            self.assertEqual(cm.exception.code, libmatch.errors.LM_ENOTFOUND)
            self.assertIsInstance(cm.exception, LookupError)
            self.assertIn("m-99999", str(cm.exception))

    def test_closed_cohort(self):
        c = libmatch.Cohort.from_file(ROLE_MODEL)
        c.close()
        c.close()  # twice is fine
        with self.assertRaises(ValueError):
            c.mentees
        with self.assertRaises(ValueError):
            libmatch.match(c)
        with self.assertRaises(ValueError):
            with c:
                pass

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            libmatch.Cohort.from_file(42)
        with self.assertRaises(TypeError):
            libmatch.Cohort.from_json(42)
        with self.assertRaises(ValueError):
            libmatch.Cohort.from_file("a\0b")


class CohortErrors(unittest.TestCase):
    def test_located_parse_error(self):
        mentees, mentors = small_people()
        mentees[1]["languages"]["ko"] = 9
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.Cohort.from_dicts(mentees, mentors, name="people")
        e = cm.exception
        self.assertEqual(e.code, libmatch.errors.LM_EPARSE)
        self.assertEqual(e.status_name, "LM_EPARSE")
        self.assertEqual(e.file, "people")
        self.assertEqual(e.path, "$.mentees[1].languages.ko")
        self.assertGreater(e.line, 1)
        self.assertGreater(e.column, 1)
        self.assertEqual(e.message, "people:%d:%d: $.mentees[1].languages.ko: %s"
                         % (e.line, e.column, e.text))
        self.assertEqual(len(e.problems), 1)
        self.assertIsInstance(e, libmatch.Error)

    def test_located_parse_error_in_file(self):
        path = os.path.join(DATA, "invalid", "cohort-as-of-date.json")
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.Cohort.from_file(path)
        e = cm.exception
        self.assertEqual((e.file, e.line, e.column, e.path), (path, 3, 12, "$.as_of"))
        self.assertTrue(e.text.startswith('expected a date as "YYYY-MM-DD"'), e.text)
        self.assertEqual(str(e), "%s:3:12: $.as_of: %s" % (path, e.text))

    def test_every_problem_reported(self):
        mentees, mentors = small_people()
        mentees[0]["gender"] = "unknown"
        mentees[2]["wants"] = 99
        mentors[1]["capacity"] = -1
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.Cohort.from_dicts(mentees, mentors)
        e = cm.exception
        paths = [p.path for p in e.problems]
        self.assertEqual(paths, ["$.mentees[0].gender", "$.mentees[2].wants",
                                 "$.mentors[1].capacity"])
        self.assertEqual(str(e).count("\n"), 2)
        self.assertEqual(e.path, paths[0])
        for p in e.problems:
            self.assertEqual(p.file, "<dicts>")
            self.assertEqual(p.code, libmatch.errors.LM_EPARSE)

    def test_missing_file(self):
        with self.assertRaises(libmatch.FileError) as cm:
            libmatch.Cohort.from_file("/nonexistent/people.json")
        e = cm.exception
        self.assertIsInstance(e, OSError)
        self.assertEqual(e.code, libmatch.errors.LM_EIO)
        self.assertIn("/nonexistent/people.json", str(e))

    def test_malformed_json(self):
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.Cohort.from_json('{"format": "libmatch-cohort",\n "version": 1,\n  x}',
                                      name="t.json")
        e = cm.exception
        self.assertEqual((e.file, e.line), ("t.json", 3))
        self.assertGreater(e.column, 0)

    def test_golden_invalid_files(self):
        """Every invalid cohort file of the C test suite raises the class of
        its expected status, with the expected located message."""
        files = sorted(glob.glob(os.path.join(DATA, "invalid", "cohort-*.json")))
        self.assertGreaterEqual(len(files), 30)
        for path in files:
            with open(path[:-len(".json")] + ".expect", encoding="utf-8") as f:
                lines = [ln for ln in f.read().split("\n")]
            with self.subTest(file=os.path.basename(path)):
                with self.assertRaises(libmatch.Error) as cm:
                    libmatch.Cohort.from_file(path)
                e = cm.exception
                self.assertEqual(e.status_name, lines[0])
                self.assertIs(type(e), libmatch.errors.error_class(e.code))
                self.assertEqual(e.file, path)
                for expected in lines[1:]:
                    if expected:
                        self.assertIn(expected, e.problems[0].message)


class Models(unittest.TestCase):
    def test_presets(self):
        for name in libmatch.PRESETS:
            with libmatch.Model.preset(name) as m:
                self.assertEqual(m.name, name)
                crit = {c.name: c for c in m.criteria}
                self.assertIn("goals", crit)
                self.assertGreater(crit["goals"].weight, 0)
                self.assertTrue(crit["consent"].required)

    def test_unknown_preset(self):
        with self.assertRaises(libmatch.NotFoundError):
            libmatch.Model.preset("rolemodel")

    def test_model_files(self):
        for path in sorted(glob.glob(os.path.join(DATA, "valid", "model-*.json"))):
            with self.subTest(file=os.path.basename(path)):
                with libmatch.Model.from_file(path) as m:
                    self.assertTrue(m.name)

    def test_model_from_dict(self):
        with libmatch.Model.from_dict({"preset": "tutoring",
                                       "criteria": {"goals": {"weight": 50}}}) as m:
            crit = {c.name: c for c in m.criteria}
            self.assertEqual(crit["goals"].weight, 50)

    def test_model_errors_located(self):
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.Model.from_dict({"preset": "role_model",
                                      "criteria": {"goals": {"weight": "heavy"}}})
        e = cm.exception
        self.assertEqual(e.path, "$.criteria.goals.weight")
        self.assertEqual(e.file, "<dict>")
        self.assertGreater(e.line, 0)
        for path in sorted(glob.glob(os.path.join(DATA, "invalid", "model-*.json"))):
            with open(path[:-len(".json")] + ".expect", encoding="utf-8") as f:
                lines = f.read().split("\n")
            with self.subTest(file=os.path.basename(path)):
                with self.assertRaises(libmatch.Error) as cm:
                    libmatch.Model.from_file(path)
                self.assertEqual(cm.exception.status_name, lines[0])
                self.assertEqual(cm.exception.file, path)

    def test_validate(self):
        with libmatch.Cohort.from_file(TUTORING) as c:
            c.validate("tutoring")
            with libmatch.Model.preset("tutoring") as m:
                c.validate(m)


if __name__ == "__main__":
    unittest.main()
