/* One mentee's outcome, and the what-if for the unmatched, from a match
 * result. Ids are [A-Za-z0-9._-] and criterion names fixed identifiers, so
 * the JSON needs no escaping. */
#include <stdio.h>
#include <string.h>
#include "cli/explain_outcome.h"

static void print_pair(const lm_result *r, size_t p, gboolean json, gboolean first)
{
	size_t n = lm_result_criterion_count(r);

	if (json) {
		printf("%s\n  {\"mentor\": \"%s\", \"kept\": %s, \"score\": ", first ? "" : ",",
		       lm_result_pair_mentor(r, p), lm_result_pair_kept(r, p) ? "true" : "false");
		lm_cli_print_score(lm_result_pair_score(r, p));
		printf(", \"criteria\": [");
		for (size_t c = 0; c < n; c++) {
			printf("%s{\"name\": \"%s\", \"contribution\": ", c ? ", " : "",
			       lm_result_criterion_name(r, c));
			lm_cli_print_score(lm_result_pair_contribution(r, p, c));
			putchar('}');
		}
		printf("]}");
		return;
	}
	printf("matched with %s%s, score ", lm_result_pair_mentor(r, p),
	       lm_result_pair_kept(r, p) ? " (kept)" : "");
	lm_cli_print_score(lm_result_pair_score(r, p));
	printf("\n  %-14s %s\n", "criterion", "contribution");
	for (size_t c = 0; c < n; c++) {
		printf("  %-14s ", lm_result_criterion_name(r, c));
		lm_cli_print_score(lm_result_pair_contribution(r, p, c));
		putchar('\n');
	}
}

/* The detail of an unmatched reason: the mentors each hard rule ruled out,
 * or the best feasible mentor whose places went to others. */
static void print_unmatched(const lm_result *r, size_t u, gboolean json)
{
	int reason = lm_result_unmatched_reason(r, u);
	const char *best = lm_result_unmatched_best_feasible(r, u);
	gboolean first = TRUE;

	if (json)
		printf(",\n \"unmatched\": {\"reason\": \"%s\"", lm_unmatched_reason_name(reason));
	else
		printf("unmatched: %s\n", lm_unmatched_reason_name(reason));
	if (reason == LM_UNMATCHED_NO_FEASIBLE_MENTOR) {
		if (json)
			printf(", \"blocked_by\": {");
		else
			printf("  %-14s %s\n", "ruled out by", "mentors");
		for (size_t c = 0; c < lm_result_constraint_count(r); c++) {
			const char *name = lm_result_constraint_name(r, c);
			long k = lm_result_unmatched_blocked_by(r, u, name);

			if (k <= 0)
				continue;
			if (json)
				printf("%s\"%s\": %ld", first ? "" : ", ", name, k);
			else
				printf("  %-14s %ld\n", name, k);
			first = FALSE;
		}
		if (json)
			putchar('}');
	}
	if (best)
		printf(json ? ", \"best_feasible\": \"%s\"" : "  best feasible mentor: %s (full)\n",
		       best);
	if (json)
		putchar('}');
}

void lm_cli_print_outcome(const lm_result *r, const char *mentee, gboolean json)
{
	gboolean first = TRUE;

	if (json)
		printf("{\"format\": \"libmatch-explanation\", \"version\": 1, \"audience\": "
		       "\"staff\",\n \"mentee\": \"%s\", \"pairs\": [",
		       mentee);
	else
		printf("mentee %s:\n", mentee);
	for (size_t p = 0; p < lm_result_pair_count(r); p++) {
		if (strcmp(lm_result_pair_mentee(r, p), mentee) != 0)
			continue;
		print_pair(r, p, json, first);
		first = FALSE;
	}
	if (json)
		printf("%s]", first ? "" : "\n ");
	for (size_t u = 0; u < lm_result_unmatched_count(r); u++)
		if (strcmp(lm_result_unmatched_mentee(r, u), mentee) == 0)
			print_unmatched(r, u, json);
	if (json)
		printf("}\n");
}

typedef struct {
	const char *name;
	long more;
} relaxation;

static gint by_more(gconstpointer a, gconstpointer b)
{
	const relaxation *x = a, *y = b;

	if (x->more != y->more)
		return x->more > y->more ? -1 : 1;
	return strcmp(x->name, y->name);
}

void lm_cli_print_what_if(const lm_result *r, gboolean json)
{
	g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(relaxation));
	size_t unmatched = lm_result_unmatched_count(r);

	for (size_t c = 0; c < lm_result_constraint_count(r); c++) {
		relaxation x = { lm_result_constraint_name(r, c), 0 };

		if ((x.more = lm_result_what_if_count(r, x.name)) >= 0)
			g_array_append_val(rows, x);
	}
	g_array_sort(rows, by_more);
	if (json)
		printf("{\"format\": \"libmatch-explanation\", \"version\": 1, \"audience\": "
		       "\"staff\",\n \"pairs\": %zu, \"unmatched\": %zu, \"what_if\": [",
		       lm_result_pair_count(r), unmatched);
	else
		printf("%zu pair%s; %zu mentee%s without all the mentors they want\n",
		       lm_result_pair_count(r), lm_result_pair_count(r) == 1 ? "" : "s", unmatched,
		       unmatched == 1 ? "" : "s");
	if (!json && rows->len > 0)
		printf("relaxing one hard rule alone would allow:\n  %-14s %s\n", "rule",
		       "more pairs");
	for (guint i = 0; i < rows->len; i++) {
		const relaxation *x = &g_array_index(rows, relaxation, i);

		if (json)
			printf("%s\n  {\"constraint\": \"%s\", \"would_match\": %ld}", i ? "," : "",
			       x->name, x->more);
		else
			printf("  %-14s %ld\n", x->name, x->more);
	}
	if (json)
		printf("%s]}\n", rows->len ? "\n " : "");
}
