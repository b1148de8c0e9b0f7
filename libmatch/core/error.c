/* Located error reports. */
#include <stdarg.h>
#include "core/error_private.h"

struct lm_error {
	int code;
	char *text;        /* the bare message */
	char *file;
	unsigned long line, column;
	char *path;        /* JSON path or CSV column name */
	gboolean csv;      /* format the location the CSV way */
	char *message;     /* the formatted line, rebuilt when the location changes */
	lm_error *next;
};

static void rebuild_message(lm_error *e)
{
	GString *s = g_string_new(NULL);

	if (e->file) {
		g_string_append(s, e->file);
		if (e->line) {
			g_string_append_printf(s, ":%lu", e->line);
			if (e->column && !e->csv)
				g_string_append_printf(s, ":%lu", e->column);
		}
		g_string_append(s, ": ");
	}
	if (e->path)
		g_string_append_printf(s, e->csv ? "column %s: " : "%s: ", e->path);
	g_string_append(s, e->text);
	g_free(e->message);
	e->message = g_string_free(s, FALSE);
}

lm_error *lm_error_newv(int code, const char *fmt, va_list ap)
{
	lm_error *e = g_new0(lm_error, 1);

	e->code = code < 0 ? code : LM_EINTERNAL;
	e->text = g_strdup_vprintf(fmt, ap);
	rebuild_message(e);
	return e;
}

lm_error *lm_error_new(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(code, fmt, ap);
	va_end(ap);
	return e;
}

static void set_location(lm_error *e, const char *file, unsigned long line, unsigned long column,
			 const char *path, gboolean csv)
{
	g_free(e->file);
	g_free(e->path);
	e->file = g_strdup(file);
	e->line = line;
	e->column = column;
	e->path = g_strdup(path);
	e->csv = csv;
	rebuild_message(e);
}

void lm_error_locate_json(lm_error *e, const char *file, unsigned long line, unsigned long column,
			  const char *path)
{
	set_location(e, file, line, column, path, FALSE);
}

void lm_error_locate_csv(lm_error *e, const char *file, unsigned long line, const char *column)
{
	set_location(e, file, line, 0, column, TRUE);
}

void lm_error_locate_file(lm_error *e, const char *file)
{
	set_location(e, file, 0, 0, NULL, FALSE);
}

int lm_error_propagate(lm_error **dest, lm_error *e)
{
	int code = e->code;

	if (dest && !*dest)
		*dest = e;
	else
		lm_error_free(e);
	return code;
}

int lm_set_error(lm_error **err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lm_error *e = lm_error_newv(code, fmt, ap);
	va_end(ap);
	return lm_error_propagate(err, e);
}

void lm_problems_add(lm_problems *p, lm_error *e)
{
	if (p->count >= LM_MAX_PROBLEMS) {
		p->truncated = TRUE;
		lm_error_free(e);
		return;
	}
	if (p->tail)
		p->tail->next = e;
	else
		p->head = e;
	p->tail = e;
	p->count++;
}

int lm_problems_finish(lm_problems *p, lm_error **err)
{
	if (!p->head)
		return 0;
	if (p->truncated) {
		lm_error *more = lm_error_new(p->head->code, "more than %d problems; stopped looking",
					      LM_MAX_PROBLEMS);
		lm_error_locate_file(more, p->head->file);
		p->tail->next = more;
		p->tail = more;
	}
	lm_error *head = p->head;
	p->head = p->tail = NULL;
	p->count = 0;
	p->truncated = FALSE;
	return lm_error_propagate(err, head);
}

void lm_problems_clear(lm_problems *p)
{
	lm_error_free(p->head);
	p->head = p->tail = NULL;
	p->count = 0;
	p->truncated = FALSE;
}

int lm_error_code(const lm_error *err)
{
	return err ? err->code : LM_OK;
}

const char *lm_error_message(const lm_error *err)
{
	return err ? err->message : "";
}

const char *lm_error_text(const lm_error *err)
{
	return err ? err->text : "";
}

const char *lm_error_file(const lm_error *err)
{
	return err ? err->file : NULL;
}

unsigned long lm_error_line(const lm_error *err)
{
	return err ? err->line : 0;
}

unsigned long lm_error_column(const lm_error *err)
{
	return err && !err->csv ? err->column : 0;
}

const char *lm_error_path(const lm_error *err)
{
	return err ? err->path : NULL;
}

const lm_error *lm_error_next(const lm_error *err)
{
	return err ? err->next : NULL;
}

const char *lm_status_name(int code)
{
	static const char *const names[] = {
		"LM_OK", "LM_EINVAL", "LM_EPARSE", "LM_ENOTFOUND", "LM_EINFEASIBLE",
		"LM_ENOMEM", "LM_EIO", "LM_EUSER", "LM_ELIMIT", "LM_EINTERNAL",
	};

	if (code > 0 || -code >= (int)G_N_ELEMENTS(names))
		return "LM_EUNKNOWN";
	return names[-code];
}

void lm_error_free(lm_error *err)
{
	while (err) {
		lm_error *next = err->next;

		g_free(err->text);
		g_free(err->file);
		g_free(err->path);
		g_free(err->message);
		g_free(err);
		err = next;
	}
}

void lm_free(void *ptr)
{
	g_free(ptr);
}
