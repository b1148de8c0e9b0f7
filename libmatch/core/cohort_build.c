/* Building a compiled cohort: references resolved, pools laid out once. */
#include <stddef.h>
#include <string.h>
#include "core/cohort_build.h"
#include "core/memory.h"

void lm_cohort_draft_init(lm_cohort_draft *d, const char *name, uint32_t as_of_julian)
{
	lm_cohort *c = g_new0(lm_cohort, 1);
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_julian(&date, as_of_julian);
	c->name = g_strdup(name);
	c->as_of_julian = as_of_julian;
	c->as_of_year = g_date_get_year(&date);
	c->strings = g_string_chunk_new(4096);
	c->by_id = g_hash_table_new(g_str_hash, g_str_equal);
	c->goals = lm_vocab_new();
	c->regions = lm_vocab_new();
	c->origins = lm_vocab_new();
	c->languages = lm_vocab_new();
	c->stages = lm_vocab_new();
	c->trainings = lm_vocab_new();

	memset(d, 0, sizeof *d);
	d->cohort = c;
	for (int r = 0; r < 2; r++) {
		d->people[r] = g_array_new(FALSE, TRUE, sizeof(lm_person));
		d->lists[r] = g_array_new(FALSE, TRUE, sizeof(lm_draft_lists));
	}
	d->ids = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	d->levels = g_array_new(FALSE, FALSE, sizeof(lm_draft_level));
	d->teaches = g_array_new(FALSE, FALSE, sizeof(lm_teach));
	d->refs = g_array_new(FALSE, FALSE, sizeof(lm_draft_ref));
}

static void free_array(GArray **a)
{
	if (*a)
		g_array_free(*a, TRUE);
	*a = NULL;
}

void lm_cohort_draft_clear(lm_cohort_draft *d)
{
	lm_cohort_destroy(d->cohort);
	d->cohort = NULL;
	for (int r = 0; r < 2; r++) {
		free_array(&d->people[r]);
		free_array(&d->lists[r]);
	}
	free_array(&d->ids);
	free_array(&d->levels);
	free_array(&d->teaches);
	free_array(&d->refs);
}

void lm_cohort_destroy(lm_cohort *c)
{
	if (!c)
		return;
	g_free(c->name);
	if (c->source)
		g_bytes_unref(c->source);
	if (c->by_id)
		g_hash_table_destroy(c->by_id);
	if (c->strings)
		g_string_chunk_free(c->strings);
	for (int r = 0; r < 2; r++)
		g_free(c->people[r]);
	lm_vocab_free(c->goals);
	lm_vocab_free(c->regions);
	lm_vocab_free(c->origins);
	lm_vocab_free(c->languages);
	lm_vocab_free(c->stages);
	lm_vocab_free(c->trainings);
	g_free(c->goal_pool);
	g_free(c->ref_pool);
	g_free(c->bits_pool);
	g_free(c->level_pool);
	g_free(c->teach_pool);
	g_free(c);
}

lm_person *lm_cohort_draft_add(lm_cohort_draft *d, lm_role role, lm_draft_lists **lists)
{
	lm_person p = { 0 };
	lm_draft_lists l = { 0 };

	p.region = p.origin = p.stage = -1;
	p.waiting_days = -1;
	p.capacity = role == LM_ROLE_MENTOR ? 1 : 0;
	p.wants = role == LM_ROLE_MENTEE ? 1 : 0;
	g_array_append_val(d->people[role], p);
	g_array_append_val(d->lists[role], l);
	*lists = &g_array_index(d->lists[role], lm_draft_lists, d->lists[role]->len - 1);
	return &g_array_index(d->people[role], lm_person, d->people[role]->len - 1);
}

/* A copy of *a with room for n elements, its pages advised huge. */
static void reserve(GArray **a, size_t n)
{
	GArray *old = *a;
	guint elt = g_array_get_element_size(old);

	if (n <= old->len || n > G_MAXUINT / elt)
		return;

	GArray *b = g_array_sized_new(FALSE, TRUE, elt, (guint)n);

	lm_advise_huge_pages(b->data, n * elt);
	g_array_append_vals(b, old->data, old->len);
	g_array_free(old, TRUE);
	*a = b;
}

void lm_cohort_draft_reserve(lm_cohort_draft *d, lm_role role, size_t n)
{
	reserve(&d->people[role], n);
	reserve(&d->lists[role], n);
}

static gboolean lookup(const lm_cohort *c, const char *id, lm_role *role, uint32_t *index)
{
	gpointer v = g_hash_table_lookup(c->by_id, id);

	if (!v)
		return FALSE;
	guint code = GPOINTER_TO_UINT(v) - 1;
	*role = (lm_role)(code & 1);
	*index = code >> 1;
	return TRUE;
}

gboolean lm_cohort_draft_set_id(lm_cohort_draft *d, lm_role role, uint32_t index,
				const char *id, lm_role *first_role, uint32_t *first_index)
{
	lm_cohort *c = d->cohort;

	if (lookup(c, id, first_role, first_index))
		return FALSE;

	/* Plain insert: ids are unique here, so the chunk's own const table
	 * would only be a second hash per person. */
	char *copy = g_string_chunk_insert(c->strings, id);

	g_hash_table_insert(c->by_id, copy, GUINT_TO_POINTER(((index << 1) | (guint)role) + 1));
	g_array_index(d->people[role], lm_person, index).id = copy;
	return TRUE;
}

/* ---- references ------------------------------------------------------------ */

/* A pair named by a reference; ref is its index in draft->refs. */
typedef struct edge {
	uint32_t mentee, mentor, ref;
} edge;

/* A resolved choice: the person, the chosen one, and file order. */
typedef struct choice {
	uint32_t person, other, seq;
	uint8_t role;
} choice;

typedef struct resolved {
	GArray *choices; /* choice */
	GArray *veto, *current, *good; /* edge */
} resolved;

static edge make_edge(const lm_draft_ref *r, uint32_t other, uint32_t ref)
{
	edge e = { r->person, other, ref };

	if (r->role == LM_ROLE_MENTOR) {
		e.mentee = other;
		e.mentor = r->person;
	}
	return e;
}

static const char *side_noun(lm_role role)
{
	return role == LM_ROLE_MENTEE ? "mentee" : "mentor";
}

/* choices and current must name someone of the other side. */
static gboolean check_required(const lm_draft_ref *r, gboolean found, lm_role other_role,
			       lm_draft_report report, void *user)
{
	const char *want = side_noun(r->role == LM_ROLE_MENTEE ? LM_ROLE_MENTOR : LM_ROLE_MENTEE);
	g_autofree char *msg = NULL;

	if (!found)
		msg = g_strdup_printf("unknown id: no %s in this cohort has it", want);
	else if (other_role == r->role)
		msg = g_strdup_printf("expected the id of a %s, not of a %s", want,
				      side_noun(r->role));
	else
		return TRUE;
	report(user, LM_EPARSE, (lm_role)r->role, r->person, (lm_ref_kind)r->kind, r->elem, msg);
	return FALSE;
}

static int resolve_refs(const lm_cohort_draft *d, resolved *out, lm_draft_report report,
			void *user)
{
	int problems = 0;

	for (guint i = 0; i < d->refs->len; i++) {
		const lm_draft_ref *r = &g_array_index(d->refs, lm_draft_ref, i);
		lm_role other_role = LM_ROLE_MENTEE;
		uint32_t other = 0;
		gboolean found = lookup(d->cohort, r->id, &other_role, &other);
		gboolean usable = found && other_role != r->role;
		edge e = make_edge(r, other, i);

		switch ((lm_ref_kind)r->kind) {
		case LM_REF_CHOICE:
			if (check_required(r, found, other_role, report, user)) {
				choice ch = { r->person, other, i, r->role };
				g_array_append_val(out->choices, ch);
			} else {
				problems++;
			}
			break;
		case LM_REF_CURRENT:
			if (check_required(r, found, other_role, report, user))
				g_array_append_val(out->current, e);
			else
				problems++;
			break;
		case LM_REF_EXCLUDE:
			/* History may name people outside this cohort: not an error. */
			if (usable)
				g_array_append_val(out->veto, e);
			break;
		case LM_REF_PREVIOUS:
			if (usable && r->outcome == LM_OUTCOME_BAD)
				g_array_append_val(out->veto, e);
			else if (usable && r->outcome == LM_OUTCOME_GOOD)
				g_array_append_val(out->good, e);
			break;
		}
	}
	return problems;
}

static int cmp_by_mentee(gconstpointer a, gconstpointer b)
{
	const edge *x = a, *y = b;

	if (x->mentee != y->mentee)
		return x->mentee < y->mentee ? -1 : 1;
	if (x->mentor != y->mentor)
		return x->mentor < y->mentor ? -1 : 1;
	return (x->ref > y->ref) - (x->ref < y->ref);
}

static int cmp_by_mentor(gconstpointer a, gconstpointer b)
{
	const edge *x = a, *y = b;

	if (x->mentor != y->mentor)
		return x->mentor < y->mentor ? -1 : 1;
	if (x->mentee != y->mentee)
		return x->mentee < y->mentee ? -1 : 1;
	return (x->ref > y->ref) - (x->ref < y->ref);
}

static int cmp_by_ref(gconstpointer a, gconstpointer b)
{
	const edge *x = a, *y = b;

	return (x->ref > y->ref) - (x->ref < y->ref);
}

/* Keeps the first mention of each pair, in file order. */
static GArray *unique_pairs(const GArray *edges)
{
	GArray *u = g_array_sized_new(FALSE, FALSE, sizeof(edge), edges->len);

	g_array_append_vals(u, edges->data, edges->len);
	g_array_sort(u, cmp_by_mentee);
	guint kept = 0;
	for (guint i = 0; i < u->len; i++) {
		edge *e = &g_array_index(u, edge, i);

		if (kept == 0 || e->mentee != g_array_index(u, edge, kept - 1).mentee ||
		    e->mentor != g_array_index(u, edge, kept - 1).mentor)
			g_array_index(u, edge, kept++) = *e;
	}
	g_array_set_size(u, kept);
	g_array_sort(u, cmp_by_ref);
	return u;
}

/* Current pairs count against the mentor's capacity and the mentee's
 * wants; the entry that goes past either is the one reported. */
static int check_current(const lm_cohort_draft *d, const GArray *current,
			 lm_draft_report report, void *user)
{
	g_autoptr(GArray) pairs = unique_pairs(current);
	g_autofree uint32_t *taken = g_new0(uint32_t, d->people[LM_ROLE_MENTOR]->len + 1);
	g_autofree uint32_t *held = g_new0(uint32_t, d->people[LM_ROLE_MENTEE]->len + 1);
	int problems = 0;

	for (guint i = 0; i < pairs->len; i++) {
		const edge *e = &g_array_index(pairs, edge, i);
		const lm_draft_ref *r = &g_array_index(d->refs, lm_draft_ref, e->ref);
		const lm_person *mentor = &g_array_index(d->people[LM_ROLE_MENTOR], lm_person,
							 e->mentor);
		const lm_person *mentee = &g_array_index(d->people[LM_ROLE_MENTEE], lm_person,
							 e->mentee);
		gboolean over_capacity = ++taken[e->mentor] > mentor->capacity;
		gboolean over_wants = ++held[e->mentee] > mentee->wants;
		g_autofree char *msg = NULL;

		if (over_capacity)
			msg = g_strdup_printf("more current pairs than the capacity of mentor \"%s\"",
					      mentor->id);
		else if (over_wants)
			msg = g_strdup_printf("more current pairs than mentee \"%s\" wants",
					      mentee->id);
		if (msg) {
			report(user, LM_EPARSE, (lm_role)r->role, r->person, LM_REF_CURRENT,
			       r->elem, msg);
			problems++;
		}
	}
	return problems;
}

/* ---- pools ------------------------------------------------------------------- */

static uint32_t owner_of(const edge *e, lm_role role)
{
	return role == LM_ROLE_MENTEE ? e->mentee : e->mentor;
}

/* Writes, for both sides, each person's partners in `edges` (ascending,
 * unique) to the ref pool, and points the span at `field` of lm_person at them. */
static void add_spans(lm_cohort_draft *d, GArray *edges, size_t field, GArray *pool)
{
	for (int role = 0; role < 2; role++) {
		lm_person *people = (lm_person *)(void *)d->people[role]->data;
		const edge *e = (const edge *)(void *)edges->data;

		g_array_sort(edges, role == LM_ROLE_MENTEE ? cmp_by_mentee : cmp_by_mentor);
		for (guint k = 0; k < edges->len;) {
			uint32_t owner = owner_of(&e[k], (lm_role)role);
			lm_span *span = (lm_span *)(void *)((char *)&people[owner] + field);
			uint32_t last = UINT32_MAX;

			span->off = pool->len;
			for (; k < edges->len && owner_of(&e[k], (lm_role)role) == owner; k++) {
				uint32_t other = owner_of(&e[k], (lm_role)!role);

				if (other != last)
					g_array_append_val(pool, other);
				last = other;
			}
			span->len = pool->len - span->off;
		}
	}
}

static int cmp_choice(gconstpointer a, gconstpointer b)
{
	const choice *x = a, *y = b;

	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Choices keep their rank order: grouped by person, in file order within. */
static void add_choices(lm_cohort_draft *d, GArray *choices, GArray *pool)
{
	g_array_sort(choices, cmp_choice);
	for (guint k = 0; k < choices->len;) {
		const choice *first = &g_array_index(choices, choice, k);
		lm_person *p = &g_array_index(d->people[first->role], lm_person, first->person);
		uint8_t role = first->role;
		uint32_t person = first->person;

		p->choices.off = pool->len;
		for (; k < choices->len; k++) {
			const choice *c = &g_array_index(choices, choice, k);

			if (c->role != role || c->person != person)
				break;
			g_array_append_val(pool, c->other);
		}
		p->choices.len = pool->len - p->choices.off;
	}
}

static void set_bits(uint64_t *words, const GArray *ids, lm_span s)
{
	for (uint32_t i = 0; i < s.len; i++) {
		uint32_t id = g_array_index(ids, uint32_t, s.off + i);

		words[id / 64] |= UINT64_C(1) << (id % 64);
	}
}

/* Sizes of the pools; FALSE when an offset would not fit in 32 bits. */
typedef struct pool_sizes {
	size_t bits, levels, goals, teaches;
} pool_sizes;

static gboolean measure(const lm_cohort_draft *d, pool_sizes *z)
{
	const lm_cohort *c = d->cohort;
	size_t per_person = (size_t)c->goal_words + c->training_words;

	memset(z, 0, sizeof *z);
	for (int r = 0; r < 2; r++) {
		for (guint i = 0; i < d->people[r]->len; i++) {
			const lm_person *p = &g_array_index(d->people[r], lm_person, i);
			const lm_draft_lists *l = &g_array_index(d->lists[r], lm_draft_lists, i);

			z->bits += per_person;
			z->levels += p->has_languages ? c->n_languages : 0;
			z->goals += l->goals.len;
			z->teaches += l->teaches.len;
		}
	}
	return z->bits <= UINT32_MAX && z->levels <= UINT32_MAX && z->goals <= UINT32_MAX &&
	       z->teaches <= UINT32_MAX;
}

static void fill_person(lm_cohort_draft *d, lm_person *p, const lm_draft_lists *l,
			pool_sizes *at)
{
	lm_cohort *c = d->cohort;

	p->offers = (uint32_t)at->bits;
	set_bits(c->bits_pool + at->bits, d->ids, l->offers);
	at->bits += c->goal_words;
	p->trained = (uint32_t)at->bits;
	set_bits(c->bits_pool + at->bits, d->ids, l->trained);
	at->bits += c->training_words;
	if (p->has_languages) {
		p->levels = (uint32_t)at->levels;
		for (uint32_t i = 0; i < l->levels.len; i++) {
			const lm_draft_level *lv =
				&g_array_index(d->levels, lm_draft_level, l->levels.off + i);
			c->level_pool[at->levels + lv->language] = lv->level;
		}
		at->levels += c->n_languages;
	}
	p->goals = (lm_span){ (uint32_t)at->goals, l->goals.len };
	for (uint32_t i = 0; i < l->goals.len; i++)
		c->goal_pool[at->goals++] = (uint16_t)g_array_index(d->ids, uint32_t, l->goals.off + i);
	p->teaches = (lm_span){ (uint32_t)at->teaches, l->teaches.len };
	for (uint32_t i = 0; i < l->teaches.len; i++)
		c->teach_pool[at->teaches++] = g_array_index(d->teaches, lm_teach, l->teaches.off + i);
}

static int build_pools(lm_cohort_draft *d, resolved *res)
{
	lm_cohort *c = d->cohort;
	pool_sizes z, at = { 0 };

	c->goal_words = MAX(1u, (lm_vocab_size(c->goals) + 63) / 64);
	c->training_words = MAX(1u, (lm_vocab_size(c->trainings) + 63) / 64);
	c->n_languages = lm_vocab_size(c->languages);
	if (!measure(d, &z))
		return LM_ELIMIT;
	/* Never empty, so that a person's offsets are always valid pointers. */
	c->bits_pool = g_try_new0(uint64_t, z.bits + 1);
	c->level_pool = g_try_malloc0(z.levels + 1);
	c->goal_pool = g_try_new(uint16_t, z.goals + 1);
	c->teach_pool = g_try_new(lm_teach, z.teaches + 1);
	if (!c->bits_pool || !c->level_pool || !c->goal_pool || !c->teach_pool)
		return LM_ENOMEM;
	for (int r = 0; r < 2; r++) {
		for (guint i = 0; i < d->people[r]->len; i++)
			fill_person(d, &g_array_index(d->people[r], lm_person, i),
				    &g_array_index(d->lists[r], lm_draft_lists, i), &at);
	}

	GArray *pool = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	add_choices(d, res->choices, pool);
	add_spans(d, res->veto, offsetof(lm_person, veto), pool);
	add_spans(d, res->current, offsetof(lm_person, current), pool);
	add_spans(d, res->good, offsetof(lm_person, good_previous), pool);
	g_array_append_val(pool, (uint32_t){ 0 }); /* never empty */
	if (pool->len > UINT32_MAX) {
		g_array_free(pool, TRUE);
		return LM_ELIMIT;
	}
	c->ref_pool = (uint32_t *)(void *)g_array_free(pool, FALSE);
	return 0;
}

static void resolved_clear(resolved *res)
{
	free_array(&res->choices);
	free_array(&res->veto);
	free_array(&res->current);
	free_array(&res->good);
}

int lm_cohort_draft_finish(lm_cohort_draft *d, gboolean check_capacity, lm_draft_report report,
			   void *user_data, lm_cohort **out)
{
	resolved res = {
		g_array_new(FALSE, FALSE, sizeof(choice)), g_array_new(FALSE, FALSE, sizeof(edge)),
		g_array_new(FALSE, FALSE, sizeof(edge)), g_array_new(FALSE, FALSE, sizeof(edge)),
	};
	int problems = resolve_refs(d, &res, report, user_data);

	if (problems == 0 && check_capacity)
		problems = check_current(d, res.current, report, user_data);
	if (problems == 0) {
		int rc = build_pools(d, &res);

		if (rc < 0) {
			resolved_clear(&res);
			return rc;
		}
	}
	resolved_clear(&res);
	if (problems > 0)
		return problems;

	lm_cohort *c = d->cohort;
	for (int r = 0; r < 2; r++) {
		c->count[r] = d->people[r]->len;
		c->people[r] = (lm_person *)(void *)g_array_free(d->people[r], FALSE);
		d->people[r] = NULL;
	}
	d->cohort = NULL;
	*out = c;
	return 0;
}
