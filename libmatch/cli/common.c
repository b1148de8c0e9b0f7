/* Helpers shared by the subcommands: option parsing, loading inputs,
 * writing outputs, and turning errors into exit codes. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

extern const unsigned char lm_sample_role_model[], lm_sample_tutoring[];
extern const size_t lm_sample_role_model_len, lm_sample_tutoring_len;

gboolean lm_cli_parse(GOptionContext *ctx, GOptionEntry *entries, lm_cli_common *common,
		      int *argc, char ***argv)
{
	GOptionEntry logging[] = {
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &common->quiet, "Print nothing but errors", NULL },
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &common->verbose,
		  "Print progress and timings to standard error", NULL },
		{ NULL },
	};
	g_autoptr(GError) gerr = NULL;
	g_autofree char *prgname = g_strdup_printf("libmatch %s", (*argv)[0]);

	g_set_prgname(prgname); /* "Usage: libmatch match [OPTION…]" */
	if (entries)
		g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_add_main_entries(ctx, logging, NULL);
	if (!g_option_context_parse(ctx, argc, argv, &gerr)) {
		fprintf(stderr, "libmatch %s: %s\nTry 'libmatch %s --help'.\n", (*argv)[0],
			gerr->message, (*argv)[0]);
		return FALSE;
	}
	return TRUE;
}

void lm_cli_common_clear(lm_cli_common *common)
{
	g_free(common->model);
	g_free(common->output);
	g_free(common->format);
}

int lm_cli_usage(const char *command, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_autofree char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "libmatch %s: %s\nTry 'libmatch %s --help'.\n", command, msg, command);
	return EX_USAGE;
}

static void print_report(const lm_error *err)
{
	for (const lm_error *e = err; e; e = lm_error_next(e))
		fprintf(stderr, "%s\n", lm_error_message(e));
}

int lm_cli_input_error(lm_error *err)
{
	int code = lm_error_code(err);

	print_report(err);
	lm_error_free(err);
	switch (code) {
	case LM_EIO:
		return EX_NOINPUT;
	case LM_EINVAL:
		return EX_USAGE;
	case LM_ENOMEM:
	case LM_EINTERNAL:
		return EX_SOFTWARE;
	default:
		return EX_DATAERR;
	}
}

int lm_cli_output_error(lm_error *err)
{
	int code = lm_error_code(err);

	print_report(err);
	lm_error_free(err);
	return code == LM_EIO ? EX_CANTCREAT : EX_SOFTWARE;
}

int lm_cli_load_model(lm_model **out, const char *name_or_path, lm_error **err)
{
	const char *name = name_or_path ? name_or_path : "role_model";

	if (g_str_equal(name, "role_model") || g_str_equal(name, "tutoring"))
		return lm_model_new_named(out, name, err);
	return lm_model_load_file(out, name, err);
}

int lm_cli_load_cohort(lm_cohort **out, const char *path, const char *model, lm_error **err)
{
	if (path)
		return lm_cohort_load_file(out, path, err);
	/* No cohort given: the bundled sample of the program the model names. */
	if (model && g_str_equal(model, "tutoring"))
		return lm_cohort_load_buffer(out, (const char *)lm_sample_tutoring,
					     lm_sample_tutoring_len, "sample:tutoring", err);
	return lm_cohort_load_buffer(out, (const char *)lm_sample_role_model,
				     lm_sample_role_model_len, "sample:role_model", err);
}

int lm_cli_write_result(const lm_result *result, const lm_cohort *cohort,
			const lm_cli_common *common)
{
	lm_error *err = NULL;
	int format = lm_format_from_name(common->format ? common->format : "json");
	/* The report shows coverage by region and goal when it has the cohort. */
	gboolean report = format == LM_FORMAT_HTML && cohort;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (common->output) {
		rc = report ? lm_report_write_file(result, cohort, common->output, &err)
			    : lm_result_write_file(result, format, common->output, &err);
		return rc < 0 ? lm_cli_output_error(err) : EX_OK;
	}
	rc = report ? lm_report_write(result, cohort, &text, &len, &err)
		    : lm_result_write(result, format, &text, &len, &err);
	if (rc < 0)
		return lm_cli_output_error(err);
	gboolean ok = fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0;
	lm_free(text);
	if (!ok) {
		fprintf(stderr, "libmatch: cannot write to standard output\n");
		return EX_IOERR;
	}
	return EX_OK;
}

void lm_cli_print_score(lm_score s)
{
	lm_score a = s < 0 ? -s : s;

	printf("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, s < 0 ? "-" : "", a / LM_SCORE_SCALE,
	       a % LM_SCORE_SCALE);
}

void lm_cli_note(const lm_cli_common *common, const char *fmt, ...)
{
	va_list ap;

	if (!common->verbose || common->quiet)
		return;
	va_start(ap, fmt);
	fputs("libmatch: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
