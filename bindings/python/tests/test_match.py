"""match(): results, explanations, output identical to the CLI's, errors."""

import json
import os
import stat
import tempfile
import unittest

from support import DATA, ROLE_MODEL, TUTORING, cli, small_people
import libmatch

MODEL_FILE = os.path.join(DATA, "valid", "model-role-model-example.json")


class MatchResult(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cohort = libmatch.Cohort.from_file(ROLE_MODEL)
        cls.result = libmatch.match(cls.cohort)

    @classmethod
    def tearDownClass(cls):
        cls.result.close()
        cls.cohort.close()

    def test_pairs(self):
        doc = json.loads(self.result.to_json())
        pairs = self.result.pairs
        self.assertEqual(len(pairs), len(doc["pairs"]))
        for p, d in zip(pairs, doc["pairs"]):
            self.assertEqual((p.mentee, p.mentor), (d["mentee"], d["mentor"]))
            self.assertEqual(p.score, d["score"])
            self.assertEqual(p.kept, d.get("kept", False))
            self.assertEqual(p.criteria, d["criteria"])
            self.assertEqual(list(p.criteria), list(d["criteria"]))
            self.assertEqual(sum(p.criteria_micro.values()), p.score_micro)
            self.assertEqual(p.score_micro, round(p.score * 1000000))
            self.assertIsInstance(p.score_micro, int)
        self.assertEqual(pairs, sorted(pairs, key=lambda p: (p.mentee, p.mentor)))

    def test_strongest(self):
        p = self.result.pairs[0]
        top = p.strongest(3)
        self.assertLessEqual(len(top), 3)
        values = [v for _, v in top]
        self.assertEqual(values, sorted(values, reverse=True))
        self.assertEqual(top[0][1], max(p.criteria.values()))

    def test_unmatched(self):
        doc = json.loads(self.result.to_json())
        got = [(u.mentee, u.reason, u.blocked_by, u.best_feasible)
               for u in self.result.unmatched]
        want = [(u["mentee"], u["reason"], u.get("blocked_by", {}), u.get("best_feasible"))
                for u in doc["unmatched"]]
        self.assertEqual(got, want)
        reasons = {u.reason for u in self.result.unmatched}
        self.assertIn("no_feasible_mentor", reasons)
        self.assertIn("capacity_taken", reasons)

    def test_summary(self):
        s = self.result.summary
        self.assertEqual(s["mentees"], 200)
        self.assertEqual(s["mentors"], 100)
        self.assertEqual(s["pairs"], len(self.result.pairs))
        self.assertEqual(s["total_score"], self.result.total_score)
        self.assertEqual(self.result.total_score_micro,
                         sum(p.score_micro for p in self.result.pairs))
        self.assertTrue(s["optimal"])
        self.assertTrue(self.result.optimal)
        s["pairs"] = -1  # a copy: the result is not changed
        self.assertEqual(self.result.summary["pairs"], len(self.result.pairs))
        self.assertEqual(self.result.to_dict()["summary"], self.result.summary)

    def test_criteria(self):
        self.assertEqual(self.result.criteria, list(self.result.pairs[0].criteria))

    def test_csv(self):
        text = self.result.to_csv()
        lines = text.splitlines()
        self.assertTrue(lines[0].startswith("mentee,mentor,score"))
        self.assertEqual(len(lines), 1 + len(self.result.pairs) + len(self.result.unmatched))

    def test_repr(self):
        self.assertIn("pairs", repr(self.result))


class SameAsCli(unittest.TestCase):
    """to_json()/to_csv() are byte-identical to the CLI for the same input and options."""

    def check(self, cohort_path, cli_args, **kwargs):
        with libmatch.Cohort.from_file(cohort_path) as c:
            try:
                r = libmatch.match(c, **kwargs)
            except libmatch.InvalidArgumentError as e:
                # An algorithm this library does not offer yet: the CLI says no too.
                proc = cli("match", cohort_path, *cli_args, check=False)
                self.assertEqual(proc.returncode, 64, proc.stderr)
                self.assertIn(e.text.encode(), proc.stderr)
                return
            with r:
                ours_json, ours_csv = r.to_json(), r.to_csv()
        self.assertEqual(ours_json.encode("utf-8"),
                         cli("match", cohort_path, *cli_args).stdout)
        self.assertEqual(ours_csv.encode("utf-8"),
                         cli("match", cohort_path, "--format", "csv", *cli_args).stdout)

    def test_default(self):
        self.check(ROLE_MODEL, [])

    def test_tutoring(self):
        self.check(TUTORING, ["--model", "tutoring"], model="tutoring")

    def test_options(self):
        self.check(ROLE_MODEL, ["--seed", "7", "--objective", "score", "--top-k", "5",
                                "--threads", "3"],
                   seed=7, objective="score", top_k=5, threads=3)
        for algorithm in ("greedy", "fair", "stable"):
            self.check(ROLE_MODEL, ["--algorithm", algorithm], algorithm=algorithm)
        self.check(ROLE_MODEL, ["--algorithm", "optimal", "--objective", "coverage"],
                   algorithm="optimal", objective="coverage")

    def test_model_file(self):
        self.check(ROLE_MODEL, ["--model", MODEL_FILE], model=MODEL_FILE)
        with libmatch.Model.from_file(MODEL_FILE) as m:
            self.check(ROLE_MODEL, ["--model", MODEL_FILE], model=m)

    def test_cohort_path(self):
        with libmatch.match(ROLE_MODEL) as r:
            self.assertEqual(r.to_json().encode(), cli("match", ROLE_MODEL).stdout)

    def test_explain_text(self):
        with libmatch.Cohort.from_file(ROLE_MODEL) as c:
            for mentee, mentor in (("m-00001", "r-00032"), ("m-00014", "r-00001")):
                e = libmatch.explain(c, mentee, mentor)
                self.assertEqual((str(e) + "\n").encode(),
                                 cli("explain", ROLE_MODEL, mentee, mentor).stdout)

    def test_explain_audiences(self):
        if not libmatch._native.lib().has("lm_explain_for"):
            self.skipTest("this libmatch has no lm_explain_for")
        with libmatch.Cohort.from_file(ROLE_MODEL) as c:
            for audience in ("staff", "mentee", "mentor"):
                for mentee, mentor in (("m-00001", "r-00032"), ("m-00014", "r-00001")):
                    with self.subTest(audience=audience, pair=(mentee, mentor)):
                        e = libmatch.explain(c, mentee, mentor, audience=audience)
                        self.assertEqual(e.audience, audience)
                        want = cli("explain", ROLE_MODEL, mentee, mentor, "--audience",
                                   audience).stdout
                        self.assertEqual((str(e) + "\n").encode(), want)
            # m-00014 / r-00001 fails hard constraints: withheld from either side
            e = libmatch.explain(c, "m-00014", "r-00001", audience="mentee")
            self.assertTrue(e.withheld)
            self.assertEqual(e.criteria, {})
            self.assertFalse(libmatch.explain(c, "m-00014", "r-00001").withheld)
            with libmatch.match(c, audience="mentor") as r:       # the run's audience
                self.assertEqual(r.explain("m-00014", "r-00001").audience, "mentor")
                self.assertFalse(r.explain("m-00014", "r-00001", audience="staff").withheld)
            with self.assertRaises(libmatch.InvalidArgumentError):
                libmatch.explain(c, "m-00014", "r-00001", audience="public")

    def test_html(self):
        if not libmatch._native.lib().has("lm_report_write"):
            self.skipTest("this libmatch has no HTML report")
        with libmatch.Cohort.from_file(ROLE_MODEL) as c, libmatch.match(c) as r, \
                tempfile.TemporaryDirectory() as tmp:
            page = r.to_html()       # with the coverage charts of the cohort
            # the CLI passes its cohort to the report too
            self.assertEqual(page.encode(),
                             cli("match", ROLE_MODEL, "--format", "html").stdout)
            self.assertIn("Coverage by goal", page)
            self.assertNotIn("Coverage by goal", r.write("html"))  # no cohort: a note
            self.assertTrue(page.startswith("<!DOCTYPE html>"))
            self.assertNotIn("<script", page)
            path = os.path.join(tmp, "report.html")
            r.save(path, format="html")
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), page)
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)

    def test_save(self):
        with tempfile.TemporaryDirectory() as tmp, libmatch.match(ROLE_MODEL) as r:
            for fmt in ("json", "csv"):
                path = os.path.join(tmp, "out." + fmt)
                r.save(path, format=fmt)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), cli("match", ROLE_MODEL, "--format", fmt).stdout)
                self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
            self.assertEqual(sorted(os.listdir(tmp)), ["out.csv", "out.json"])


class Explain(unittest.TestCase):
    def test_explain_pair(self):
        with libmatch.match(ROLE_MODEL) as r:
            p = r.pairs[0]
            e = r.explain(p.mentee, p.mentor)
            self.assertTrue(e.feasible)
            self.assertEqual(e.score_micro, p.score_micro)
            self.assertEqual(e.score, p.score)
            self.assertEqual(e.failed, [])
            for name, points in p.criteria.items():
                self.assertEqual(e.criteria[name].contribution, points)
            self.assertEqual(e.contributions,
                             {k: v for k, v in p.criteria.items() if v != 0})
            self.assertTrue(e.criteria["consent"].passed)
            self.assertIsNone(e.criteria["goals"].passed)
            self.assertIn("feasible", repr(e))

    def test_explain_infeasible(self):
        with libmatch.match(ROLE_MODEL) as r:
            u = next(u for u in r.unmatched if u.reason == "no_feasible_mentor")
            e = r.explain(u.mentee, "r-00001")
            self.assertFalse(e.feasible)
            self.assertTrue(e.failed)
            for name in e.failed:
                self.assertIn(name, u.blocked_by)

    def test_explain_unknown_id(self):
        with libmatch.match(ROLE_MODEL) as r:
            with self.assertRaises(libmatch.NotFoundError) as cm:
                r.explain("m-00001", "r-99999")
            self.assertEqual(cm.exception.code, libmatch.errors.LM_ENOTFOUND)
            self.assertIn("r-99999", str(cm.exception))
            with self.assertRaises(libmatch.NotFoundError):
                r.explain("nobody", "r-00001")

    def test_explain_after_cohort_closed(self):
        c = libmatch.Cohort.from_file(ROLE_MODEL)
        r = libmatch.match(c)
        c.close()
        self.assertTrue(r.pairs)       # the result stands alone
        with self.assertRaises(ValueError):
            r.explain("m-00001", "r-00032")
        r.close()

    def test_explain_model(self):
        with libmatch.Cohort.from_file(TUTORING) as c:
            e = libmatch.explain(c, c.mentees[0], c.mentors[0], model="tutoring")
            self.assertEqual(len(e.criteria), len(libmatch.Model.preset("tutoring").criteria))


class Options(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        mentees, mentors = small_people()
        cls.cohort = libmatch.Cohort.from_dicts(mentees, mentors, as_of="2026-01-05")

    @classmethod
    def tearDownClass(cls):
        cls.cohort.close()

    def test_bad_values_raise_from_c(self):
        cases = [dict(threads=0), dict(threads=257), dict(top_k=-1), dict(top_k=1000001),
                 dict(algorithm="bogus"), dict(objective="most"), dict(proposers="both"),
                 dict(audience="public"), dict(keep_current=2), dict(break_cost=-1),
                 dict(break_cost=1001), dict(seed=-1), dict(threads=2 ** 40)]
        for kwargs in cases:
            with self.subTest(**kwargs):
                with self.assertRaises(libmatch.InvalidArgumentError) as cm:
                    libmatch.match(self.cohort, **kwargs)
                self.assertEqual(cm.exception.code, libmatch.errors.LM_EINVAL)
                self.assertIsInstance(cm.exception, ValueError)

    def test_c_messages(self):
        with self.assertRaises(libmatch.InvalidArgumentError) as cm:
            libmatch.match(self.cohort, threads=0)
        self.assertIn("threads must be from 1 to 256", str(cm.exception))
        with self.assertRaises(libmatch.InvalidArgumentError) as cm:
            libmatch.match(self.cohort, top_k=-5)
        self.assertIn("top-k", str(cm.exception))

    def test_type_errors(self):
        for kwargs in (dict(threads="2"), dict(algorithm=1), dict(seed=1.5),
                       dict(keep_current="yes")):
            with self.subTest(**kwargs):
                with self.assertRaises(TypeError):
                    libmatch.match(self.cohort, **kwargs)
        with self.assertRaises(TypeError):
            libmatch.match(42)
        with self.assertRaises(TypeError):
            libmatch.match(self.cohort, model=42)

    def test_every_option_accepted(self):
        with libmatch.match(self.cohort, algorithm="optimal", objective="score", seed=2 ** 64 - 1,
                            threads=4, top_k=0, proposers="mentors", audience="mentee",
                            keep_current=False, break_cost=2.5) as r:
            self.assertEqual(r.to_dict()["seed"], 2 ** 64 - 1)
            self.assertEqual(r.to_dict()["objective"], "score")
        for algorithm in ("greedy", "fair", "stable", "rounds"):
            try:
                r = libmatch.match(self.cohort, algorithm=algorithm)
            except libmatch.InvalidArgumentError as e:   # not offered by lm_match yet
                self.assertIn(algorithm, str(e))
                continue
            with r:
                self.assertEqual(r.to_dict()["algorithm"], algorithm)

    def test_model_forms(self):
        with libmatch.match(self.cohort, model={"preset": "role_model"}) as r:
            self.assertTrue(r.pairs)
        with self.assertRaises(libmatch.NotFoundError):
            libmatch.match(self.cohort, model="tutor")
        with self.assertRaises(libmatch.FileError):
            libmatch.match(self.cohort, model="/nonexistent/model.json")
        with self.assertRaises(libmatch.ParseError):
            libmatch.match(self.cohort, model={"criteria": {"nonsense": {}}})

    def test_kept_pairs(self):
        mentees, mentors = small_people()
        mentees[0]["current"] = ["r-1"]
        with libmatch.Cohort.from_dicts(mentees, mentors, as_of="2026-01-05") as c:
            with libmatch.match(c) as r:
                kept = [p for p in r.pairs if p.kept]
                self.assertEqual([(p.mentee, p.mentor) for p in kept], [("m-1", "r-1")])

    def test_infeasible_kept_pair(self):
        mentees, mentors = small_people()
        mentees[2]["current"] = ["r-2"]   # m-3 is in person in busan: r-2 is online only
        with libmatch.Cohort.from_dicts(mentees, mentors, as_of="2026-01-05") as c:
            with self.assertRaises(libmatch.InfeasibleError) as cm:
                libmatch.match(c)
            self.assertEqual(cm.exception.code, libmatch.errors.LM_EINFEASIBLE)
            self.assertIn("mentees[2]", str(cm.exception))

    def test_save_errors(self):
        with libmatch.match(self.cohort) as r:
            with self.assertRaises(libmatch.FileError):
                r.save("/nonexistent/dir/out.json")
            with self.assertRaises(libmatch.InvalidArgumentError):
                r.save("/tmp/x.out", format="yaml")
            with self.assertRaises(libmatch.InvalidArgumentError):
                r.write("yaml")

    def test_closed_result(self):
        r = libmatch.match(self.cohort)
        pairs = r.pairs
        r.close()
        self.assertTrue(r.closed)
        self.assertEqual(r.pairs, pairs)   # read before closing: kept
        with self.assertRaises(ValueError):
            r.to_json()
        self.assertIn("closed", repr(r))

    def test_owned_model_closed_with_result(self):
        r = libmatch.match(self.cohort, model="role_model")
        model = r._model
        r.close()
        self.assertTrue(model.closed)
        self.assertFalse(self.cohort.closed)


if __name__ == "__main__":
    unittest.main()
