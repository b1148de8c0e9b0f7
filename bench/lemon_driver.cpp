// lm-bench-lemon: LEMON's NetworkSimplex and CostScaling on an instance
// written by lm-bench-flow or lm-bench-exact (format: bench_instance.h).
//
//   lm-bench-lemon FILE [ns|cs|both]
//
// The assignment becomes a min-cost flow: source -> mentee (capacity =
// demand), mentee -> mentor (capacity 1, cost -weight), mentor -> sink
// (capacity), source -> sink (free, so units may stay unassigned). The
// maximum total weight is minus the minimum cost. Prints one RESULT line
// per algorithm with the solve time (reading excluded) and peak memory.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <vector>

using Graph = lemon::SmartDigraph;
using Cost = long long;

struct instance {
	Graph g;
	Graph::ArcMap<Cost> cap{g}, cost{g};
	Graph::NodeMap<Cost> supply{g};
	long long pairs = 0;
};

static bool read_instance(const char *path, instance &x)
{
	FILE *f = std::fopen(path, "r");
	char magic[64];
	int version;
	unsigned rows, cols;
	size_t arcs;

	if (!f || std::fscanf(f, "%63s %d %u %u %zu", magic, &version, &rows, &cols, &arcs) != 5 ||
	    std::strcmp(magic, "libmatch-instance") != 0)
		return false;
	x.g.reserveNode(rows + cols + 2);
	x.g.reserveArc(arcs + rows + cols + 1);

	Graph::Node s = x.g.addNode(), t = x.g.addNode();
	std::vector<Graph::Node> rn(rows), cn(cols);
	long long demand = 0;

	for (unsigned r = 0; r < rows; r++) {
		unsigned d;

		if (std::fscanf(f, "%u", &d) != 1)
			return false;
		rn[r] = x.g.addNode();
		Graph::Arc a = x.g.addArc(s, rn[r]);
		x.cap[a] = d;
		x.cost[a] = 0;
		demand += d;
	}
	for (unsigned c = 0; c < cols; c++) {
		unsigned k;

		if (std::fscanf(f, "%u", &k) != 1)
			return false;
		cn[c] = x.g.addNode();
		Graph::Arc a = x.g.addArc(cn[c], t);
		x.cap[a] = k;
		x.cost[a] = 0;
	}
	for (size_t i = 0; i < arcs; i++) {
		unsigned r, c;
		long long w;

		if (std::fscanf(f, "%u %u %lld", &r, &c, &w) != 3 || r >= rows || c >= cols)
			return false;
		Graph::Arc a = x.g.addArc(rn[r], cn[c]);
		x.cap[a] = 1;
		x.cost[a] = -w;
	}
	Graph::Arc bypass = x.g.addArc(s, t);
	x.cap[bypass] = demand;
	x.cost[bypass] = 0;
	for (Graph::NodeIt n(x.g); n != lemon::INVALID; ++n)
		x.supply[n] = 0;
	x.supply[s] = demand;
	x.supply[t] = -demand;
	std::fclose(f);
	return true;
}

static double rss_mib()
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024.0;
}

template <class Algo> static int run(instance &x, const char *name)
{
	auto t0 = std::chrono::steady_clock::now();
	Algo algo(x.g);

	algo.upperMap(x.cap).costMap(x.cost).supplyMap(x.supply);
	if (algo.run() != Algo::OPTIMAL) {
		std::fprintf(stderr, "lm-bench-lemon: %s found no optimum\n", name);
		return 1;
	}
	double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
	long long weight = -static_cast<long long>(algo.totalCost());

	std::printf("RESULT solver=lemon-%s time_s=%.3f weight=%lld rss_mib=%.1f\n", name, secs,
		    weight, rss_mib());
	return 0;
}

int main(int argc, char **argv)
{
	instance x;
	const char *which = argc > 2 ? argv[2] : "both";

	if (argc < 2 || !read_instance(argv[1], x)) {
		std::fprintf(stderr, "usage: lm-bench-lemon INSTANCE [ns|cs|both]\n");
		return 64;
	}
	int rc = 0;

	if (!std::strcmp(which, "ns") || !std::strcmp(which, "both"))
		rc |= run<lemon::NetworkSimplex<Graph, Cost, Cost>>(x, "networksimplex");
	if (!std::strcmp(which, "cs") || !std::strcmp(which, "both"))
		rc |= run<lemon::CostScaling<Graph, Cost, Cost>>(x, "costscaling");
	return rc;
}
