/* RFC 4180 CSV reading with located errors.
 *
 * Beyond the RFC: a UTF-8 byte order mark is skipped, LF alone ends a
 * record as well as CRLF, the last record needs no line end, and empty
 * lines are skipped (editors leave them at the end of files). After an
 * error the reader resumes at the next record, so a caller can report
 * several problems of one file. */
#include <stdarg.h>
#include <string.h>
#include "io/csv.h"

struct lm_csv {
	char *file;
	const char *text;
	size_t len, pos;
	unsigned long line;        /* physical line at pos */
	unsigned long record_line; /* where the last record started */
	size_t n_header;           /* fields of the first record; 0 before it */
	GString *buf;              /* the record's unescaped fields, each NUL-terminated */
	GArray *offsets;           /* size_t: where each field starts in buf */
	GPtrArray *fields;         /* pointers into buf, rebuilt per record */
};

static int located(lm_csv *csv, unsigned long line, lm_error **err, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

static int located(lm_csv *csv, unsigned long line, lm_error **err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(LM_EPARSE, fmt, ap);
	va_end(ap);
	lm_error_locate_csv(e, csv->file, line, NULL);
	return lm_error_propagate(err, e);
}

/* NUL bytes and invalid UTF-8 are refused before parsing, located by line
 * and byte within the line (never quoting the bytes). */
static int check_bytes(lm_csv *csv, lm_error **err)
{
	const char *end = NULL;
	size_t bad = csv->len;
	const char *nul = memchr(csv->text, '\0', csv->len);

	if (!g_utf8_validate_len(csv->text, csv->len, &end))
		bad = (size_t)(end - csv->text);
	if (nul && (size_t)(nul - csv->text) <= bad)
		bad = (size_t)(nul - csv->text);
	if (bad == csv->len)
		return 0;

	unsigned long line = 1;
	size_t start = 0;

	for (size_t i = 0; i < bad; i++) {
		if (csv->text[i] == '\n') {
			line++;
			start = i + 1;
		}
	}
	return located(csv, line, err, "%s at byte %zu of the line",
		       csv->text[bad] == '\0' ? "NUL byte" : "invalid UTF-8", bad - start + 1);
}

int lm_csv_open(lm_csv **out, const char *file, const char *text, size_t len, lm_error **err)
{
	if (!out || (!text && len > 0))
		return lm_set_error(err, LM_EINVAL, "lm_csv_open: NULL argument");

	lm_csv *csv = g_new0(lm_csv, 1);

	csv->file = g_strdup(file ? file : "<memory>");
	csv->text = text ? text : "";
	csv->len = len;
	csv->line = 1;
	int rc = check_bytes(csv, err);

	if (rc < 0) {
		lm_csv_free(csv);
		return rc;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		csv->pos = 3;
	csv->buf = g_string_new(NULL);
	csv->offsets = g_array_new(FALSE, FALSE, sizeof(size_t));
	csv->fields = g_ptr_array_new();
	*out = csv;
	return 0;
}

void lm_csv_free(lm_csv *csv)
{
	if (!csv)
		return;
	g_free(csv->file);
	if (csv->buf)
		g_string_free(csv->buf, TRUE);
	if (csv->offsets)
		g_array_free(csv->offsets, TRUE);
	if (csv->fields)
		g_ptr_array_free(csv->fields, TRUE);
	g_free(csv);
}

/* The length of the line end at pos: 1 for LF, 2 for CRLF, 0 otherwise. */
static size_t line_end(const lm_csv *csv, size_t pos)
{
	if (pos < csv->len && csv->text[pos] == '\n')
		return 1;
	if (pos + 1 < csv->len && csv->text[pos] == '\r' && csv->text[pos + 1] == '\n')
		return 2;
	return 0;
}

/* After a malformed record: resume after the end of the current line. */
static void skip_line(lm_csv *csv)
{
	const char *nl = memchr(csv->text + csv->pos, '\n', csv->len - csv->pos);

	csv->pos = nl ? (size_t)(nl - csv->text) + 1 : csv->len;
	if (nl)
		csv->line++;
}

/* A quoted field from the opening quote at pos. */
static int quoted_field(lm_csv *csv, lm_error **err)
{
	unsigned long start_line = csv->line;

	csv->pos++;
	for (;;) {
		if (csv->pos >= csv->len) {
			return located(csv, start_line, err,
				       "quoted field not closed before the end of the file");
		}
		char c = csv->text[csv->pos];

		if (c == '"') {
			if (csv->pos + 1 < csv->len && csv->text[csv->pos + 1] == '"') {
				g_string_append_c(csv->buf, '"');
				csv->pos += 2;
				continue;
			}
			csv->pos++;
			break;
		}
		if (c == '\n')
			csv->line++;
		g_string_append_c(csv->buf, c);
		csv->pos++;
	}
	if (csv->pos < csv->len && csv->text[csv->pos] != ',' && !line_end(csv, csv->pos)) {
		unsigned long line = csv->line;

		skip_line(csv);
		return located(csv, line, err, "text after a closing quote (field %u)",
			       csv->offsets->len + 1);
	}
	return 0;
}

static int plain_field(lm_csv *csv, lm_error **err)
{
	size_t start = csv->pos;

	while (csv->pos < csv->len && csv->text[csv->pos] != ',' && !line_end(csv, csv->pos)) {
		if (csv->text[csv->pos] == '"') {
			unsigned long line = csv->line;

			skip_line(csv);
			return located(csv, line, err,
				       "quote inside an unquoted field (field %u); quote the "
				       "whole field and double the quote",
				       csv->offsets->len + 1);
		}
		csv->pos++;
	}
	g_string_append_len(csv->buf, csv->text + start, (gssize)(csv->pos - start));
	return 0;
}

/* Reads one record's fields into buf/offsets; pos ends after its line end. */
static int read_record(lm_csv *csv, lm_error **err)
{
	g_string_truncate(csv->buf, 0);
	g_array_set_size(csv->offsets, 0);
	for (;;) {
		size_t off = csv->buf->len;
		int rc = csv->pos < csv->len && csv->text[csv->pos] == '"' ? quoted_field(csv, err)
									   : plain_field(csv, err);

		if (rc < 0)
			return rc;
		g_string_append_c(csv->buf, '\0');
		g_array_append_val(csv->offsets, off);
		if (csv->pos < csv->len && csv->text[csv->pos] == ',') {
			csv->pos++;
			continue;
		}
		size_t nl = line_end(csv, csv->pos);

		if (nl) {
			csv->pos += nl;
			csv->line++;
		}
		return 0;
	}
}

int lm_csv_next(lm_csv *csv, const char *const **fields, size_t *n_fields, lm_error **err)
{
	if (!csv || !fields || !n_fields)
		return lm_set_error(err, LM_EINVAL, "lm_csv_next: NULL argument");
	for (size_t nl; (nl = line_end(csv, csv->pos)) > 0; csv->line++)
		csv->pos += nl;
	if (csv->pos >= csv->len)
		return 0;
	csv->record_line = csv->line;

	int rc = read_record(csv, err);

	if (rc < 0)
		return rc;
	g_ptr_array_set_size(csv->fields, 0);
	for (guint i = 0; i < csv->offsets->len; i++)
		g_ptr_array_add(csv->fields, csv->buf->str + g_array_index(csv->offsets, size_t, i));
	if (csv->n_header == 0)
		csv->n_header = csv->fields->len;
	else if (csv->fields->len != csv->n_header)
		return located(csv, csv->record_line, err, "expected %zu fields as in the header, found %u",
			       csv->n_header, csv->fields->len);
	*fields = (const char *const *)csv->fields->pdata;
	*n_fields = csv->fields->len;
	return 1;
}

unsigned long lm_csv_line(const lm_csv *csv)
{
	return csv ? csv->record_line : 0;
}

const char *lm_csv_file(const lm_csv *csv)
{
	return csv ? csv->file : NULL;
}
