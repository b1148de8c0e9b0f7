"""assign(): the pure solver on the caller's own scores."""

import csv
import decimal
import fractions
import os
import sys
import unittest

from support import DATA, cli
import libmatch

EDGES = os.path.join(DATA, "valid", "edges-basic.csv")
CAPS = os.path.join(DATA, "valid", "caps-basic.csv")

try:
    import numpy
except ImportError:  # numpy is optional: those tests are skipped
    numpy = None


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


class Assign(unittest.TestCase):
    def edges(self):
        return [(r["mentee"], r["mentor"], float(r["score"])) for r in read_csv(EDGES)]

    def caps(self):
        return {r["mentor"]: int(r["capacity"]) for r in read_csv(CAPS)}

    def test_tuples_same_as_cli(self):
        with libmatch.assign(self.edges(), capacities=self.caps()) as r:
            self.assertEqual(r.to_json().encode(),
                             cli("assign", EDGES, "--capacities", CAPS).stdout)
            self.assertEqual(r.to_csv().encode(),
                             cli("assign", EDGES, "--capacities", CAPS, "--format", "csv").stdout)

    def test_csv_files_same_as_cli(self):
        for args, kwargs in (([], {}), (["--objective", "score"], dict(objective="score")),
                             (["--algorithm", "greedy"], dict(algorithm="greedy")),
                             (["--seed", "5"], dict(seed=5))):
            with self.subTest(args=args):
                with libmatch.assign(EDGES, capacities=CAPS, **kwargs) as r:
                    self.assertEqual(r.to_json().encode(),
                                     cli("assign", EDGES, "--capacities", CAPS, *args).stdout)

    def test_pairs(self):
        with libmatch.assign(self.edges(), capacities=self.caps()) as r:
            got = [(p.mentee, p.mentor, p.score, p.score_micro, p.criteria) for p in r.pairs]
            self.assertEqual(got, [("m-1", "r-1", 81.25, 81250000, {}),
                                   ("m-2", "r-1", 75.5, 75500000, {}),
                                   ("m-3", "r-2", 0.0, 0, {})])
            self.assertEqual([(u.mentee, u.reason, u.best_feasible) for u in r.unmatched],
                             [("m-4", "capacity_taken", "r-3")])
            self.assertEqual(r.summary["total_score"], 156.75)
            self.assertEqual(r.criteria, [])
            with self.assertRaises(libmatch.InvalidArgumentError):
                r.explain("m-1", "r-1")

    def test_capacities_as_pairs(self):
        with libmatch.assign(self.edges(), capacities=list(self.caps().items())) as r:
            self.assertEqual(len(r.pairs), 3)

    def test_objective_score(self):
        edges = [("a", "x", 10), ("a", "y", 9), ("b", "x", 1)]
        with libmatch.assign(edges) as r:                       # coverage: both matched
            self.assertEqual([(p.mentee, p.mentor) for p in r.pairs], [("a", "y"), ("b", "x")])
        with libmatch.assign(edges, objective="score") as r:    # 10 alone < 9 + 1? equal: 10
            self.assertEqual(r.total_score, 10.0)

    def test_score_types(self):
        edges = [("a", "x", decimal.Decimal("1.000001")), ("b", "y", fractions.Fraction(1, 4)),
                 ("c", "z", 3)]
        with libmatch.assign(edges) as r:
            self.assertEqual([p.score_micro for p in r.pairs], [1000001, 250000, 3000000])

    def test_score_micro(self):
        with libmatch.assign([("a", "x", 1234567), ("b", "x", 7)], score_micro=True) as r:
            self.assertEqual([(p.mentee, p.score_micro) for p in r.pairs], [("a", 1234567)])
            self.assertEqual(r.pairs[0].score, 1.234567)

    def test_int_ids(self):
        with libmatch.assign([(0, 10, 1.5), (1, 11, 2.5)]) as r:
            self.assertEqual([(p.mentee, p.mentor) for p in r.pairs], [("0", "10"), ("1", "11")])

    def test_too_many_decimals(self):
        with self.assertRaises(ValueError) as cm:
            libmatch.assign([("a", "x", 0.1234567)])
        self.assertIn("6 decimals", str(cm.exception))
        with self.assertRaises(ValueError):
            libmatch.assign([("a", "x", float("nan"))])
        with self.assertRaises(ValueError):
            libmatch.assign([("a", "x", decimal.Decimal("0.0000001"))])

    def test_errors_from_c(self):
        with self.assertRaises(libmatch.InvalidArgumentError):       # score < 0
            libmatch.assign([("a", "x", -1)])
        with self.assertRaises(libmatch.InvalidArgumentError):       # score > 10^6 points
            libmatch.assign([("a", "x", 10 ** 7)])
        with self.assertRaises(libmatch.ParseError):                 # the same pair twice
            libmatch.assign([("a", "x", 1), ("a", "x", 2)])
        with self.assertRaises(libmatch.InvalidArgumentError):       # a bad id
            libmatch.assign([("a b", "x", 1)])
        with self.assertRaises(libmatch.InvalidArgumentError):       # capacity out of range
            libmatch.assign([("a", "x", 1)], capacities={"x": -1})
        with self.assertRaises(libmatch.InvalidArgumentError):
            libmatch.assign([("a", "x", 1)], algorithm="fair")
        with self.assertRaises(libmatch.InvalidArgumentError):
            libmatch.assign([("a", "x", 1)], objective="most")

    def test_csv_errors_located(self):
        path = os.path.join(DATA, "invalid", "edges-bad-id.csv")
        with open(path[:-4] + ".expect", encoding="utf-8") as f:
            lines = f.read().split("\n")
        with self.assertRaises(libmatch.ParseError) as cm:
            libmatch.assign(path)
        e = cm.exception
        self.assertEqual(e.status_name, lines[0])
        self.assertEqual(e.file, path)
        self.assertEqual(e.line, 2)
        self.assertEqual(e.path, "mentee")
        self.assertIn(lines[1], e.message)
        with self.assertRaises(libmatch.FileError):
            libmatch.assign("/nonexistent/edges.csv")

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            libmatch.assign([("a", "x")])
        with self.assertRaises(TypeError):
            libmatch.assign([("a", "x", "1.5")])
        with self.assertRaises(TypeError):
            libmatch.assign(EDGES, capacities={"x": 1})
        with self.assertRaises(TypeError):
            libmatch.assign([("a", "x", 1)], mentees=["a"])

    def test_empty(self):
        with libmatch.assign([]) as r:
            self.assertEqual(r.pairs, [])
            self.assertEqual(r.unmatched, [])

    def test_no_numpy_needed(self):
        """assign() never imports numpy itself."""
        saved = sys.modules.get("numpy")
        sys.modules["numpy"] = None     # any `import numpy` would now fail
        try:
            with libmatch.assign(self.edges(), capacities=self.caps()) as r:
                self.assertEqual(len(r.pairs), 3)
        finally:
            if saved is None:
                del sys.modules["numpy"]
            else:
                sys.modules["numpy"] = saved


@unittest.skipIf(numpy is None, "numpy is not installed (it is optional)")
class AssignNumpy(unittest.TestCase):
    def test_matrix(self):
        m = numpy.array([[81.25, 40.0, numpy.nan],
                         [75.5, numpy.nan, numpy.nan],
                         [numpy.nan, 0.0, numpy.nan],
                         [numpy.nan, numpy.nan, 12.000001]])
        with libmatch.assign(m, capacities=[2, 1, 0], mentees=["m-1", "m-2", "m-3", "m-4"],
                             mentors=["r-1", "r-2", "r-3"]) as r:
            self.assertEqual([(p.mentee, p.mentor, p.score) for p in r.pairs],
                             [("m-1", "r-1", 81.25), ("m-2", "r-1", 75.5), ("m-3", "r-2", 0.0)])
            self.assertEqual(r.unmatched[0].best_feasible, "r-3")

    def test_matrix_default_names(self):
        m = numpy.array([[1.0, 2.0], [3.0, 1.0]])
        with libmatch.assign(m) as r:
            self.assertEqual([(p.mentee, p.mentor) for p in r.pairs], [("0", "1"), ("1", "0")])
            self.assertEqual(r.total_score_micro, 5000000)

    def test_matrix_int_and_micro(self):
        m = numpy.array([[1, 2], [3, 1]], dtype=numpy.int32)
        with libmatch.assign(m) as r:
            self.assertEqual(r.total_score, 5.0)
        with libmatch.assign(m * 1000, score_micro=True) as r:
            self.assertEqual(r.total_score_micro, 5000)

    def test_masked_matrix(self):
        m = numpy.ma.array([[5.0, 1.0], [4.0, 1.0]], mask=[[False, True], [False, False]])
        with libmatch.assign(m) as r:
            self.assertEqual([(p.mentee, p.mentor) for p in r.pairs], [("0", "0"), ("1", "1")])

    def test_matrix_errors(self):
        with self.assertRaises(ValueError):
            libmatch.assign(numpy.array([[0.1234567]]))
        with self.assertRaises(ValueError):
            libmatch.assign(numpy.array([[1.0]]), mentees=["a", "b"])
        with self.assertRaises(ValueError):
            libmatch.assign(numpy.array([[1.0]]), capacities=[1, 2])
        with self.assertRaises(libmatch.InvalidArgumentError):
            libmatch.assign(numpy.array([[-1.0]]))

    def test_same_as_tuples(self):
        rng = numpy.random.default_rng(3)
        m = numpy.round(rng.random((30, 12)) * 100, 2)
        m[rng.random((30, 12)) < 0.5] = numpy.nan
        caps = rng.integers(0, 4, 12)
        tuples = [(str(i), str(j), float(m[i, j])) for i in range(30) for j in range(12)
                  if not numpy.isnan(m[i, j])]
        with libmatch.assign(m, capacities=caps) as a, \
                libmatch.assign(tuples, capacities={str(j): int(c) for j, c in enumerate(caps)}) as b:
            self.assertEqual([p[:4] for p in a.pairs], [p[:4] for p in b.pairs])
            self.assertEqual(a.total_score_micro, b.total_score_micro)

    def test_numpy_scalars_in_tuples(self):
        edges = [("a", "x", numpy.float64(1.5)), ("b", "y", numpy.int64(2)),
                 ("c", "z", numpy.float32(0.5))]
        with libmatch.assign(edges) as r:
            self.assertEqual([p.score_micro for p in r.pairs], [1500000, 2000000, 500000])


if __name__ == "__main__":
    unittest.main()
