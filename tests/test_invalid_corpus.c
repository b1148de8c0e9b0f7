/* The invalid corpus through the command line: every tests/data/invalid
 * file runs through the subcommand that reads its kind, which must exit 65
 * (66 when the input cannot be read), print nothing on standard output, and
 * print every line of the file's .expect (after the status name) on
 * standard error. The CLI is the libmatch binary next to the tests folder
 * of the build, or $LM_CLI. */
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include "lm_test.h"
#include <libmatch/libmatch.h>

/* The subcommand for each kind of file, by name prefix; NULL ends. */
static const struct kind {
	const char *prefix;
	const char *argv[6]; /* "FILE" is replaced by the file */
} kinds[] = {
	{ "cohort-", { "validate", "FILE", NULL } },
	{ "model-", { "validate", "--model", "FILE", "valid/cohort-minimal.json", NULL } },
	{ "edges-", { "assign", "FILE", NULL } },
	{ "caps-", { "assign", "valid/edges-basic.csv", "--capacities", "FILE", NULL } },
	{ "prefs-", { "stable", "FILE", NULL } },
};

static char *cli_path(void)
{
	const char *env = getenv("LM_CLI");
	g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
	g_autofree char *dir = self ? g_path_get_dirname(self) : NULL;

	if (env)
		return g_strdup(env);
	ck_assert_ptr_nonnull(dir);
	return g_build_filename(dir, "..", "libmatch", NULL);
}

typedef struct run {
	char *out, *err;
	int code;
} run;

/* Runs the CLI from tests/data. */
static run run_cli(const char *const *args)
{
	g_autofree char *cli = cli_path();
	g_autofree char *data = lm_test_data("");
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GError) gerr = NULL;
	run r = { NULL, NULL, -1 };
	int status = 0;

	g_ptr_array_add(argv, cli);
	for (int i = 0; args[i]; i++)
		g_ptr_array_add(argv, (char *)args[i]);
	g_ptr_array_add(argv, NULL);
	ck_assert_msg(g_spawn_sync(data, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
				   &r.out, &r.err, &status, &gerr),
		      "%s: %s", cli, gerr ? gerr->message : "");
	ck_assert_msg(WIFEXITED(status), "%s did not exit", cli);
	r.code = WEXITSTATUS(status);
	return r;
}

static void run_clear(run *r)
{
	g_free(r->out);
	g_free(r->err);
}

static int exit_code(const char *status)
{
	if (strcmp(status, "LM_EIO") == 0)
		return EX_NOINPUT;
	if (strcmp(status, "LM_EINVAL") == 0)
		return EX_USAGE;
	return EX_DATAERR;
}

/* One invalid file; FALSE when its kind has no subcommand. */
static gboolean check_file(const char *name)
{
	const struct kind *k = NULL;

	for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (g_str_has_prefix(name, kinds[i].prefix))
			k = &kinds[i];
	if (!k)
		return FALSE;

	g_autofree char *rel = g_build_filename("invalid", name, NULL);
	g_autofree char *stem = g_strndup(name, strrchr(name, '.') - name);
	g_autofree char *expect_name = g_strconcat("invalid/", stem, ".expect", NULL);
	g_autofree char *expect_path = lm_test_data(expect_name);
	g_autofree char *expect = NULL;
	const char *args[6] = { NULL };

	ck_assert_msg(g_file_get_contents(expect_path, &expect, NULL, NULL), "no %s", expect_path);
	for (int i = 0; k->argv[i]; i++)
		args[i] = strcmp(k->argv[i], "FILE") == 0 ? rel : k->argv[i];

	g_auto(GStrv) lines = g_strsplit(expect, "\n", -1);
	run r = run_cli(args);

	ck_assert_msg(r.code == exit_code(lines[0]), "%s: exit %d, expected %d for %s: %s", name,
		      r.code, exit_code(lines[0]), lines[0], r.err);
	ck_assert_msg(r.out[0] == '\0', "%s: standard output not empty: %s", name, r.out);
	for (int i = 1; lines[i]; i++)
		ck_assert_msg(!lines[i][0] || strstr(r.err, lines[i]), "%s: '%s' not in: %s", name,
			      lines[i], r.err);
	run_clear(&r);
	return TRUE;
}

START_TEST(every_invalid_file)
{
	g_autofree char *dir = lm_test_data("invalid");
	GDir *d = g_dir_open(dir, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	guint checked = 0;

	ck_assert_ptr_nonnull(d);
	while ((name = g_dir_read_name(d)))
		if (!g_str_has_suffix(name, ".expect"))
			g_ptr_array_add(names, g_strdup(name));
	g_dir_close(d);
	g_ptr_array_sort(names, (GCompareFunc)(void (*)(void))g_strcmp0);
	for (guint i = 0; i < names->len; i++) {
		const char *file = g_ptr_array_index(names, i);

		ck_assert_msg(check_file(file), "%s: no subcommand reads this kind of file", file);
		checked++;
	}
	ck_assert_uint_ge(checked, 60);
}
END_TEST

/* Input that cannot be read: exit 66, nothing on standard output. */
START_TEST(unreadable_inputs)
{
	static const char *const cases[][5] = {
		{ "validate", "invalid/no-such-file.json", NULL },
		{ "validate", "invalid", NULL }, /* a folder */
		{ "match", "no-such-file.csv", NULL },
		{ "explain", "invalid", "m-1", "r-1", NULL },
		{ "validate", "--model", "no-such-model.json", "valid/cohort-minimal.json", NULL },
		{ "assign", "no-such-edges.csv", NULL },
		{ "assign", "valid/edges-basic.csv", "--capacities", "invalid", NULL },
		{ "stable", "no-such-prefs.json", NULL },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		run r = run_cli(cases[i]);

		ck_assert_msg(r.code == EX_NOINPUT, "%s %s: exit %d: %s", cases[i][0], cases[i][1],
			      r.code, r.err);
		ck_assert_str_eq(r.out, "");
		ck_assert_msg(strstr(r.err, "cannot read"), "%s", r.err);
		run_clear(&r);
	}
}
END_TEST

static Suite *invalid_corpus_suite(void)
{
	Suite *s = suite_create("invalid_corpus");
	TCase *tc = tcase_create("cli");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, every_invalid_file);
	tcase_add_test(tc, unreadable_inputs);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return lm_test_run(invalid_corpus_suite());
}
