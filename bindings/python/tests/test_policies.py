"""What a result says about its run (algorithm, broken pairs, optimum,
what-if), verify(), and cohorts loaded under input limits."""

import json
import unittest

from support import ROLE_MODEL, cli, small_people
import libmatch


def doc_unmatched(result):
    return result.to_dict()["unmatched"]


class RunFacts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cohort = libmatch.Cohort.from_file(ROLE_MODEL)

    @classmethod
    def tearDownClass(cls):
        cls.cohort.close()

    def test_names(self):
        with libmatch.match(self.cohort, objective="score") as r:
            self.assertEqual((r.algorithm, r.objective, r.proposers), ("optimal", "score", None))
            doc = r.to_dict()
            self.assertEqual((doc["algorithm"], doc["objective"]), ("optimal", "score"))

    def test_optimum_of_greedy(self):
        with libmatch.match(self.cohort) as best, \
                libmatch.match(self.cohort, algorithm="greedy") as greedy:
            self.assertIsNone(best.optimum)
            o = greedy.optimum
            self.assertIsInstance(o, libmatch.Optimum)
            self.assertEqual(o.total_score_micro, best.total_score_micro)
            self.assertEqual(o.pairs, len(best.pairs))
            self.assertLessEqual(greedy.total_score_micro, o.total_score_micro)

    def test_what_if(self):
        with libmatch.match(self.cohort) as r:
            w = r.what_if
            doc = r.to_dict()["summary"].get("what_if")
            if w is None:
                self.assertIsNone(doc)
            else:
                self.assertEqual(w, libmatch.WhatIf(doc["constraint"], doc["would_match"]))
                self.assertEqual(r.what_if_count(w.constraint), w.would_match)
            self.assertIsNone(r.what_if_count("goals"))   # not a hard constraint
            # every constraint by name, as `libmatch explain COHORT` lists them
            self.assertIn("consent", r.constraints)
            self.assertIn("gender", r.constraints)
            for u in r.unmatched:
                self.assertLessEqual(set(u.blocked_by), set(r.constraints))
            blocked = {u.mentee: u.blocked_by for u in r.unmatched}
            for u in doc_unmatched(r):
                self.assertEqual(blocked[u["mentee"]], u.get("blocked_by", {}))
        with libmatch.assign([("a", "x", 1)]) as r:
            self.assertIsNone(r.what_if)
            self.assertEqual(r.constraints, [])
        with libmatch.match(self.cohort) as on, \
                libmatch.match(self.cohort, what_if=False) as off:
            self.assertIsNotNone(on.what_if)
            self.assertIsNone(off.what_if)
            self.assertIsNone(off.what_if_count("availability"))
            self.assertEqual(off.to_json(), cli("match", "--no-what-if").stdout.decode())
            self.assertEqual([(p.mentee, p.mentor) for p in off.pairs],
                             [(p.mentee, p.mentor) for p in on.pairs])
        with self.assertRaises(TypeError):
            libmatch.match(self.cohort, what_if="no")

    def test_broken_pairs(self):
        # r-1 (one place) holds m-2, who could go to r-2; m-1 can only have r-1.
        mentees, mentors = small_people()
        mentors[0]["capacity"] = 1
        mentees[1]["current"] = ["r-1"]
        with libmatch.Cohort.from_dicts(mentees, mentors, as_of="2026-01-05") as c:
            with libmatch.match(c) as kept:
                self.assertEqual(kept.broken, [])
                self.assertEqual([(p.mentee, p.mentor) for p in kept.pairs if p.kept],
                                 [("m-2", "r-1")])
                self.assertIn("m-1", [u.mentee for u in kept.unmatched])
            with libmatch.match(c, keep_current=False, break_cost=1.5) as free:
                self.assertEqual(free.broken, [("m-2", "r-1")])
                self.assertEqual([(p.mentee, p.mentor, p.kept) for p in free.pairs],
                                 [("m-1", "r-1", False), ("m-2", "r-2", False)])


class Verify(unittest.TestCase):
    def test_verify_passes(self):
        with libmatch.Cohort.from_file(ROLE_MODEL) as c:
            for algorithm in ("optimal", "greedy"):
                with libmatch.match(c, algorithm=algorithm) as r:
                    self.assertIsNone(libmatch.verify(c, r))
                    self.assertIsNone(libmatch.verify(c, r.to_json().encode()))
                    self.assertIsNone(libmatch.verify(ROLE_MODEL, r, model="role_model"))

    def test_verify_finds_violations(self):
        with libmatch.Cohort.from_file(ROLE_MODEL) as c, libmatch.match(c) as r:
            doc = json.loads(r.to_json())
        blocked = next(u for u in doc["unmatched"] if u["reason"] == "no_feasible_mentor")
        doc["pairs"][0]["mentee"] = blocked["mentee"]   # a pair that breaks hard constraints
        with self.assertRaises(libmatch.Error) as cm:
            libmatch.verify(ROLE_MODEL, json.dumps(doc, indent=1).encode())
        e = cm.exception
        self.assertIn(type(e), (libmatch.InfeasibleError, libmatch.ParseError))
        self.assertEqual(e.file, "result")
        self.assertTrue(e.problems)

    def test_verify_not_a_result(self):
        with self.assertRaises(libmatch.ParseError):
            libmatch.verify(ROLE_MODEL, b'{"format": "something else"}')
        with self.assertRaises(TypeError):
            libmatch.verify(ROLE_MODEL, 42)


class Limits(unittest.TestCase):
    def test_limits(self):
        with self.assertRaises(libmatch.LimitError) as cm:
            libmatch.Cohort.from_file(ROLE_MODEL, limits={"max_people": 10})
        self.assertEqual(cm.exception.code, libmatch.errors.LM_ELIMIT)
        self.assertEqual(cm.exception.path, "$.mentees")
        with libmatch.Cohort.from_file(ROLE_MODEL, limits={"max_people": 1000,
                                                           "max_depth": 16}) as c:
            self.assertEqual(len(c.mentees), 200)
        mentees, mentors = small_people()
        with self.assertRaises(libmatch.LimitError):
            libmatch.Cohort.from_dicts(mentees, mentors, limits={"max_file_bytes": 100})
        with self.assertRaises(TypeError):
            libmatch.Cohort.from_file(ROLE_MODEL, limits={"max_persons": 1})
        with self.assertRaises(libmatch.InvalidArgumentError):
            libmatch.Cohort.from_file(ROLE_MODEL, limits={"max_people": -1})


if __name__ == "__main__":
    unittest.main()
