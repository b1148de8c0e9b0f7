/* Writing results and reports to memory or, atomically and privately, to
 * a file. */
#include "libmatch/io.h"
#include "core/error_private.h"
#include "io/report_private.h"
#include "io/result_format.h"

void lm_append_score(GString *s, lm_score score)
{
	/* Print from the integer so that output is exact and the same on every
	 * machine: no float formatting, no locale. The digits are made here
	 * rather than by printf: a national result has a million scores. */
	G_STATIC_ASSERT(LM_SCORE_SCALE == 1000000);
	guint64 magnitude = score < 0 ? -(guint64)score : (guint64)score;
	guint64 whole = magnitude / LM_SCORE_SCALE, frac = magnitude % LM_SCORE_SCALE;
	char buf[48], *end = buf + sizeof buf, *p = end - 6;
	int n = 6;

	/* Six decimals, then trailing zeros dropped down to one. */
	for (int i = 5; i >= 0; i--, frac /= 10)
		p[i] = (char)('0' + frac % 10);
	while (n > 1 && p[n - 1] == '0')
		n--;
	end = p + n;
	*--p = '.';
	do {
		*--p = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	if (score < 0)
		*--p = '-';
	g_string_append_len(s, p, end - p);
}

int lm_format_from_name(const char *name)
{
	if (name && g_str_equal(name, "json"))
		return LM_FORMAT_JSON;
	if (name && g_str_equal(name, "csv"))
		return LM_FORMAT_CSV;
	if (name && g_str_equal(name, "html"))
		return LM_FORMAT_HTML;
	return LM_EINVAL;
}

static int render(const lm_result *result, int format, GString **out, lm_error **err)
{
	if (!result)
		return lm_set_error(err, LM_EINVAL, "result is NULL");
	switch (format) {
	case LM_FORMAT_JSON:
		*out = g_string_sized_new(4096);
		lm_result_write_json(result, *out);
		return 0;
	case LM_FORMAT_CSV:
		*out = g_string_sized_new(4096);
		lm_result_write_csv(result, *out);
		return 0;
	case LM_FORMAT_HTML:
		*out = g_string_sized_new(65536);
		lm_report_html(result, NULL, *out);
		return 0;
	default:
		return lm_set_error(err, LM_EINVAL, "unknown output format %d", format);
	}
}

int lm_result_write(const lm_result *result, int format, char **out, size_t *len,
		    lm_error **err)
{
	GString *s = NULL;
	int rc;

	if (!out)
		return lm_set_error(err, LM_EINVAL, "out is NULL");
	rc = render(result, format, &s, err);
	if (rc < 0)
		return rc;
	if (len)
		*len = s->len;
	*out = g_string_free(s, FALSE);
	return 0;
}

/* GLib's own message names the temporary file; say only why. */
static const char *file_error_reason(const GError *e)
{
	if (e->domain != G_FILE_ERROR)
		return "input/output error";
	switch (e->code) {
	case G_FILE_ERROR_ACCES:
	case G_FILE_ERROR_PERM:
		return "permission denied";
	case G_FILE_ERROR_NOENT:
		return "no such folder";
	case G_FILE_ERROR_NOTDIR:
		return "a part of the path is not a folder";
	case G_FILE_ERROR_ISDIR:
		return "is a folder";
	case G_FILE_ERROR_NOSPC:
		return "no space left on device";
	case G_FILE_ERROR_ROFS:
		return "read-only file system";
	default:
		return "input/output error";
	}
}

/* A temporary file in the target folder, mode 0600, renamed over the
 * target only once complete: a reader never sees half a result and a
 * failed run leaves the old file as it was. Frees s. */
static int write_atomically(GString *s, const char *path, lm_error **err)
{
	g_autoptr(GError) gerr = NULL;
	gboolean ok = g_file_set_contents_full(path, s->str, s->len,
					       G_FILE_SET_CONTENTS_CONSISTENT, 0600, &gerr);

	g_string_free(s, TRUE);
	if (!ok) {
		lm_error *e = lm_error_new(LM_EIO, "cannot write file: %s",
					   file_error_reason(gerr));
		lm_error_locate_file(e, path);
		return lm_error_propagate(err, e);
	}
	return 0;
}

int lm_result_write_file(const lm_result *result, int format, const char *path,
			 lm_error **err)
{
	GString *s = NULL;
	int rc;

	if (!path)
		return lm_set_error(err, LM_EINVAL, "path is NULL");
	rc = render(result, format, &s, err);
	if (rc < 0)
		return rc;
	return write_atomically(s, path, err);
}

/* The report with the cohort's breakdown when a cohort is given. */
static int render_report(const lm_result *result, const lm_cohort *cohort, GString **out,
			 lm_error **err)
{
	lm_report_breakdown *b = NULL;

	if (!result)
		return lm_set_error(err, LM_EINVAL, "result is NULL");
	if (cohort) {
		int rc = lm_report_breakdown_new(&b, result, cohort, err);

		if (rc < 0)
			return rc;
	}
	*out = g_string_sized_new(65536);
	lm_report_html(result, b, *out);
	lm_report_breakdown_free(b);
	return 0;
}

int lm_report_write(const lm_result *result, const lm_cohort *cohort, char **out, size_t *len,
		    lm_error **err)
{
	GString *s = NULL;
	int rc;

	if (!out)
		return lm_set_error(err, LM_EINVAL, "out is NULL");
	rc = render_report(result, cohort, &s, err);
	if (rc < 0)
		return rc;
	if (len)
		*len = s->len;
	*out = g_string_free(s, FALSE);
	return 0;
}

int lm_report_write_file(const lm_result *result, const lm_cohort *cohort, const char *path,
			 lm_error **err)
{
	GString *s = NULL;
	int rc;

	if (!path)
		return lm_set_error(err, LM_EINVAL, "path is NULL");
	rc = render_report(result, cohort, &s, err);
	if (rc < 0)
		return rc;
	return write_atomically(s, path, err);
}
