#!/usr/bin/python3
"""Python peers on an instance written by lm-bench-flow or lm-bench-exact
(format: bench/bench_instance.h): scipy's linear_sum_assignment on the
capacity-expanded dense matrix, and networkx's min-cost flow (small sizes).

    /usr/bin/python3 bench/peers.py INSTANCE [scipy|networkx|both]

Prints one RESULT line per solver with the solve time (reading excluded),
the peak memory of the process and the maximum total weight."""
import resource
import sys
import time


def read(path):
    with open(path) as f:
        magic = f.readline().split()
        if magic != ["libmatch-instance", "1"]:
            sys.exit("peers.py: not a libmatch instance: " + path)
        rows, cols, arcs = map(int, f.readline().split())
        demand = list(map(int, f.readline().split()))
        cap = list(map(int, f.readline().split()))
        import numpy as np
        data = np.loadtxt(f, dtype=np.int64, ndmin=2) if arcs else np.zeros((0, 3), np.int64)
    return rows, cols, demand, cap, data


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def scipy_lsa(rows, cols, demand, cap, data):
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    if max(demand, default=1) > 1:
        return None  # a mentee wanting two would take two copies of one mentor
    t0 = time.monotonic()
    first = np.zeros(cols + 1, dtype=np.int64)
    first[1:] = np.cumsum(cap)
    # Column copies: mentor c becomes cap[c] identical columns; a missing
    # pair weighs 0, the same as leaving the mentee unassigned.
    m = np.zeros((rows, int(first[-1])), dtype=np.float64)
    for k in range(int(max(cap, default=0))):
        sel = np.asarray(cap)[data[:, 1]] > k
        m[data[sel, 0], first[data[sel, 1]] + k] = data[sel, 2]
    r, c = linear_sum_assignment(m, maximize=True)
    total = int(round(m[r, c].sum()))
    return time.monotonic() - t0, total


def networkx_flow(rows, cols, demand, cap, data):
    import networkx as nx
    t0 = time.monotonic()
    g = nx.DiGraph()
    total_demand = sum(demand)
    g.add_node("s", demand=-total_demand)
    g.add_node("t", demand=total_demand)
    g.add_edge("s", "t", capacity=total_demand, weight=0)
    for r, d in enumerate(demand):
        g.add_edge("s", ("r", r), capacity=d, weight=0)
    for c, k in enumerate(cap):
        g.add_edge(("c", c), "t", capacity=k, weight=0)
    for r, c, w in data:
        g.add_edge(("r", int(r)), ("c", int(c)), capacity=1, weight=-int(w))
    cost = nx.min_cost_flow_cost(g)
    return time.monotonic() - t0, -cost


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    which = sys.argv[2] if len(sys.argv) > 2 else "both"
    inst = read(sys.argv[1])
    for name, fn in (("scipy-lsa", scipy_lsa), ("networkx", networkx_flow)):
        if which not in ("both", name.split("-")[0]):
            continue
        out = fn(*inst)
        if out is None:
            print(f"RESULT solver={name} skipped=demand_above_1")
            continue
        secs, total = out
        print(f"RESULT solver={name} time_s={secs:.3f} weight={total} rss_mib={rss_mib():.1f}",
              flush=True)


if __name__ == "__main__":
    main()
