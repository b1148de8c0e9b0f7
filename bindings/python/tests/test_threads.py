"""Several Python threads at once, each on its own objects (ctypes releases
the GIL during calls), give exactly the results of a serial run; read-only
sharing of one cohort and one model works too."""

import threading
import time
import unittest

import glob
import os

from support import DATA, ROLE_MODEL, TUTORING
import libmatch

HAS_PREFS = libmatch._native.lib().has("lm_prefs_solve")
PREFS = sorted(glob.glob(os.path.join(DATA, "valid", "prefs-*.json")))

THREADS = 6
RUNS_PER_THREAD = 15


def job(k):
    """One run, different per k: returns everything that should be identical."""
    path, model = (ROLE_MODEL, "role_model") if k % 2 == 0 else (TUTORING, "tutoring")
    with libmatch.Cohort.from_file(path) as cohort:
        with libmatch.match(cohort, model=model, seed=k % 5, objective=("coverage", "score")[k % 3 == 0],
                            threads=1 + k % 3) as r:
            p = r.pairs[k % len(r.pairs)]
            e = r.explain(p.mentee, p.mentor)
            edges = [(q.mentee, q.mentor, q.score) for q in r.pairs]
            with libmatch.assign(edges, seed=k) as a:
                assigned = a.to_json()
            stable = None
            if HAS_PREFS and PREFS:
                with libmatch.stable(PREFS[k % len(PREFS)],
                                     proposers=("mentees", "mentors")[k % 2]) as s:
                    stable = s.to_json()
            return r.to_json(), r.to_csv(), str(e), assigned, stable


class Threads(unittest.TestCase):
    def run_threads(self, target, n):
        errors = []
        out = [None] * n

        def wrapper(t):
            try:
                out[t] = target(t)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=wrapper, args=(t,)) for t in range(n)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        if errors:
            raise errors[0]
        return out

    def test_separate_objects(self):
        ks = list(range(THREADS * RUNS_PER_THREAD))
        serial = {k: job(k) for k in ks}
        t0 = time.monotonic()
        results = self.run_threads(
            lambda t: {k: job(k) for k in ks[t::THREADS]}, THREADS)
        elapsed = time.monotonic() - t0
        merged = {}
        for r in results:
            merged.update(r)
        self.assertEqual(sorted(merged), ks)
        for k in ks:
            self.assertEqual(merged[k], serial[k], "run %d differs from the serial run" % k)
        print("\n%d runs on %d threads in %.2f s" % (len(ks), THREADS, elapsed))

    def test_shared_read_only(self):
        with libmatch.Cohort.from_file(ROLE_MODEL) as cohort, \
                libmatch.Model.preset("role_model") as model:
            with libmatch.match(cohort, model=model) as r:
                expected = r.to_json()

            def run(t):
                outs = []
                for _ in range(10):
                    with libmatch.match(cohort, model=model, threads=1 + t % 2) as r:
                        outs.append(r.to_json())
                return outs

            for outs in self.run_threads(run, 4):
                self.assertEqual(outs, [expected] * 10)


if __name__ == "__main__":
    unittest.main()
