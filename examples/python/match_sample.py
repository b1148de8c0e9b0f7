#!/usr/bin/env python3
"""Match the bundled role-model sample cohort and show what came out.

Run from the repository (after building libmatch):

    LIBMATCH_LIBRARY=build/libmatch.so PYTHONPATH=bindings/python \\
        python3 examples/python/match_sample.py [COHORT.json] [N]

With the package installed (pip install ./bindings/python) and libmatch
installed where the dynamic linker finds it, `python3 match_sample.py` is
enough.
"""

import os
import sys

import libmatch

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "data", "sample", "role_model.json")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else SAMPLE
    show = int(sys.argv[2]) if len(sys.argv) > 2 else 5

    try:
        # Loading validates the whole file; every problem is reported at once.
        cohort = libmatch.Cohort.from_file(path)
    except libmatch.ParseError as e:
        for problem in e.problems:         # FILE:LINE:COLUMN: JSON-PATH: message
            print(problem.message, file=sys.stderr)
        return 65
    except libmatch.FileError as e:
        print(e, file=sys.stderr)
        return 66

    # `with` frees the C objects as soon as we are done with them.
    with cohort, libmatch.match(cohort, model="role_model", seed=1) as result:
        s = result.summary
        print("%d mentees, %d mentors: %d pairs, %d mentees matched, mean score %.2f%s"
              % (s["mentees"], s["mentors"], s["pairs"], s["matched"], s["mean_score"],
                 " (proved optimal)" if s["optimal"] else ""))

        # Pairs, each with the criteria that contributed most to its score.
        print("\nFirst %d pairs:" % show)
        for pair in result.pairs[:show]:
            strongest = ", ".join("%s %.2f" % kv for kv in pair.strongest(3))
            print("  %-8s -> %-8s %6.2f  (%s)" % (pair.mentee, pair.mentor, pair.score,
                                                  strongest))

        # Unmatched mentees and why: which hard constraints ruled out how many
        # mentors, or the best feasible mentor whose places went to others.
        print("\nUnmatched (%d), first %d:" % (len(result.unmatched), show))
        for u in result.unmatched[:show]:
            if u.reason == "no_feasible_mentor":
                why = ", ".join("%s rules out %d" % kv for kv in
                                sorted(u.blocked_by.items(), key=lambda kv: -kv[1]))
            elif u.reason == "capacity_taken":
                why = "best feasible mentor %s is full" % u.best_feasible
            else:
                why = ""
            print("  %-8s %s: %s" % (u.mentee, u.reason, why))

        # Any pair can be explained, criterion by criterion.
        first = result.pairs[0]
        print("\nWhy %s / %s:" % (first.mentee, first.mentor))
        print(result.explain(first.mentee, first.mentor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
