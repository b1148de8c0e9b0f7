"""No leaks: thousands of load/match/explain/assign/error cycles keep the
resident set size flat.

A leaked cohort of the main loop would cost about 80 KB a cycle, a leaked
result about 18 KB (over 50 MB in 3,000 cycles); a leaked error report a
few hundred bytes, so error paths get a loop of their own, 20,000 cycles of
four errors (over 20 MB if one leaked). The tolerances are allocator noise.
"""

import gc
import json
import os
import unittest

from support import rss_bytes, sample_subset, small_people
import libmatch

ROUNDS = int(os.environ.get("LM_LEAK_ROUNDS", "3000"))
WARMUP = 300
TOLERANCE = 8 * 1024 * 1024


def cycle(data, edges, mentees, mentors, i):
    # handles freed by close() and by `with`
    with libmatch.Cohort.from_json(data, name="people.json") as cohort:
        result = libmatch.match(cohort, seed=i % 7)
        pairs = result.pairs
        result.unmatched
        result.to_json()
        result.summary
        e = result.explain(pairs[i % len(pairs)].mentee, pairs[i % len(pairs)].mentor)
        assert e.feasible
        result.close()
    # handles freed by the garbage collector
    libmatch.assign(edges, capacities={"x": 2}).to_csv()
    libmatch.Cohort.from_dicts(mentees, mentors).mentees
    if HAS_PREFS:
        libmatch.stable(PREFS, proposers=("mentees", "mentors")[i % 2]).pairs
    error_cycle(cohort_small)


def error_cycle(cohort):
    """Error paths: the lm_error reports must be freed too."""
    for bad in (lambda: libmatch.Cohort.from_json('{"format": "libmatch-cohort", "x": 1}'),
                lambda: libmatch.match(cohort, threads=0),
                lambda: libmatch.explain(cohort, "m-1", "nobody"),
                lambda: libmatch.assign([("a", "x", 1), ("a", "x", 1)])):
        try:
            bad()
        except libmatch.Error:
            pass
        else:
            raise AssertionError("no error")


cohort_small = None
HAS_PREFS = libmatch._native.lib().has("lm_prefs_solve")
PREFS = {"mentees": {"a": ["x", "y"], "b": ["y", "x"], "c": ["x"]},
         "mentors": {"x": {"capacity": 2, "ranking": ["c", "b", "a"]},
                     "y": {"ranking": ["a", "b"]}}}
ERROR_ROUNDS = int(os.environ.get("LM_LEAK_ERROR_ROUNDS", "20000"))


class Leaks(unittest.TestCase):
    def test_rss_stays_flat(self):
        global cohort_small
        data = json.dumps(sample_subset(60, 30)).encode()
        mentees, mentors = small_people()
        cohort_small = libmatch.Cohort.from_dicts(mentees, mentors)
        edges = [("a", "x", 10.5), ("b", "x", 3.25), ("c", "y", 1), ("a", "y", 2.000001)]
        for i in range(WARMUP):
            cycle(data, edges, mentees, mentors, i)
        gc.collect()
        before = rss_bytes()
        for i in range(ROUNDS):
            cycle(data, edges, mentees, mentors, i)
        gc.collect()
        after = rss_bytes()
        cohort_small.close()
        print("\nleak test: %d cycles, RSS before %.1f MB, after %.1f MB, growth %+.1f KB"
              % (ROUNDS, before / 2 ** 20, after / 2 ** 20, (after - before) / 1024))
        self.assertLess(after - before, TOLERANCE,
                        "RSS grew by %d KB over %d cycles" % ((after - before) // 1024, ROUNDS))

    def test_error_paths(self):
        mentees, mentors = small_people()
        with libmatch.Cohort.from_dicts(mentees, mentors) as cohort:
            for _ in range(WARMUP):
                error_cycle(cohort)
            gc.collect()
            before = rss_bytes()
            for _ in range(ERROR_ROUNDS):
                error_cycle(cohort)
            gc.collect()
            after = rss_bytes()
        print("\nleak test, errors: %d cycles, RSS before %.1f MB, after %.1f MB, growth %+.1f KB"
              % (ERROR_ROUNDS, before / 2 ** 20, after / 2 ** 20, (after - before) / 1024))
        self.assertLess(after - before, 2 * 1024 * 1024,
                        "RSS grew by %d KB over %d error cycles"
                        % ((after - before) // 1024, ERROR_ROUNDS))


if __name__ == "__main__":
    unittest.main()
