/* diag.c: the message table and the collector that prints diagnostics in source order. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct diag_msg {
	long            line;   /* 1-based, 0 if unknown */
	long            col;    /* 1-based, 0 if unknown */
	long            kline;  /* sort key: own line, or the line of the message a note belongs to */
	long            kcol;   /* sort key: column, likewise */
	size_t          seq;    /* order of reporting, to keep the sort stable */
	enum diag_level level;
	char           *text;   /* formatted message (owned) */
	char           *file;   /* another file's name (owned; see diag_absorb()), NULL for the diag's own */
	size_t          ford;   /* sort key before the line: 0 the diag's own file, then absorbed files in order */
};

/*
 * One text per id, indexed by enum diag_id.  Texts are printf formats; the
 * caller supplies the arguments.  Keep them short, say what is wrong and what
 * was expected.
 */
static const char *const texts[DIAG_ID_MAX] = {
	[DN_FIRST_DECLARED] = "'%s' was first declared here",
	[DN_FIRST_LISTED] = "'%s' was first listed here",
	[DN_FIRST_GIVEN] = "%s %s was first given here",
	[DN_NOTE] = "%s",

	[DW_EMPTY_ITEM] = "item has no title and no content",
	[DW_FIG_MISMATCH] = "%s",
	[DW_PARTIAL_TOTAL] = "this %s leaves out %zu row(s) with no value: it adds up the others",
	[DW_NO_CHAIR] = "the minutes do not say who chaired the meeting: mark the chair with chair=\"yes\"",
	[DW_FOOTNOTE_UNCITED] = "footnote '%s' is never cited: cite it with <fn ref=\"%s\"/> where it applies, or remove it",
	[DW_ABBR_UNDECLARED] = "abbreviation '%s' is not in the glossary: declare it as <term abbr=\"%s\">…</term> or give it a title",
	[DW_RANKING] = "column '%s' should rank its %zu rows 1 to %zu, each once: %s",
	[DW_ACTIONS_OPEN] = "%s",
	[DW_WARNING] = "%s",

	[DE_EMPTY] = "the file is empty: expected an XML document",
	[DE_TOO_BIG] = "the file is larger than the limit of %zu bytes",
	[DE_DOCTYPE] = "a DOCTYPE declaration is not allowed: csdoc sources use no DTD and no entities",
	[DE_XML] = "%s",
	[DE_ENCODING] = "%s",
	[DE_NUL] = "a NUL byte is not allowed in an XML document",
	[DE_DEPTH] = "elements are nested more than %d deep",
	[DE_NOT_CSDOC] = "%s",
	[DE_SCHEMA] = "%s",
	[DE_DUP_ID] = "duplicate id '%s'",
	[DE_DUP_TERM] = "abbreviation '%s' is declared twice in the glossary",
	[DE_UNKNOWN_REF] = "%s '%s' is not declared: expected the id of %s",
	[DE_UNKNOWN_REF_NEAR] = "%s '%s' is not declared: expected the id of %s; did you mean %s?",
	[DE_WRONG_REF] = "%s '%s' names %s, not %s",
	[DE_CHAIR_ABSENT] = "the chair '%s' is not among those present",
	[DE_TWO_CHAIRS] = "'%s' is a second chair: only one person chairs a meeting",
	[DE_ATTENDANCE_TWICE] = "'%s' is listed twice in the attendance",
	[DE_ATTENDANCE_COUNT] = "a second attendance: list everyone in one attendance element",
	[DE_TIME_ORDER] = "the meeting ends (%s) before it starts (%s)",
	[DE_GIVEN_TWICE] = "%s %s is given twice: each must be different",
	[DE_NO_PRIORITY] = "indicator '%s' is under no priority: give it priority=\"ID\" naming one of the <priorities>",
	[DE_XREF] = "cross-reference to '%s': %s",
	[DE_BAD_LINK] = "link '%s' is not allowed: expected an http, https or mailto address or a relative path",
	[DE_LIMIT] = "%s",
	[DE_EXPR] = "bad expression: %s",
	[DE_FIG_UNKNOWN] = "'%s' is not a figure, a column of this table or a cell (TABLE.ROW.COLUMN)%s",
	[DE_FIG_CYCLE] = "figures depend on themselves: %s",
	[DE_FIG_DIVZERO] = "division by zero in %s",
	[DE_FIG_OVERFLOW] = "a figure is too large to compute exactly in %s",
	[DE_FIG_VALUE] = "bad figure '%s': %s",
	[DE_FIG_USE] = "%s",
	[DE_USES] = "cannot use '%s': %s",
	[DE_IMAGE] = "image '%s': %s",
	[DE_CHART_TABLE] = "%s draws from '%s', which is not the id of a table in this document",
	[DE_CHART_COLUMN] = "%s: table '%s' has no column '%s' (its columns are %s)",
	[DE_CHART_TYPE] = "%s: column '%s' holds %s, not figures: a %s chart draws money, count, percent, number, rate or ratio columns",
	[DE_CHART_EMPTY] = "%s has no data: %s",
	[DE_RISK_MATRIX] = "risk matrix '%s': %s",
	[DE_RISK] = "risk '%s': %s",
	[DE_PAPER] = "paper '%s': %s",
	[DE_CSV_FILE] = "spreadsheet '%s': %s",
	[DE_CSV_ENCODING] = "%s: save it from the spreadsheet as \"CSV UTF-8\"",
	[DE_CSV_CHAR] = "character U+%s is not allowed in a cell",
	[DE_CSV_UNCLOSED] = "a quoted cell is not closed: the file ends inside its quotes",
	[DE_CSV_STRAY] = "a quote in the middle of a cell: quote the whole cell and double each quote inside it (\"\")",
	[DE_CSV_FIELDS] = "this row has %zu cells, the first row %zu: every row needs as many (quote a cell that holds the separator)",
	[DE_ERROR] = "%s",

	[DF_READ] = "cannot read: %s",
	[DF_WRITE] = "cannot write %s: %s",
	[DF_INTERNAL] = "internal error: %s",
	[DF_FONT] = "%s",
	[DF_HYPHEN] = "%s",
};

void
diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->file = file;
}

void
diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->msgs[i].text);
		free(d->msgs[i].file);
	}
	free(d->msgs);
	d->msgs = NULL;
	d->n = d->cap = 0;
}

enum diag_level
diag_level_of(enum diag_id id)
{
	if (id >= DF_FIRST)
		return DIAG_FATAL;
	if (id >= DE_FIRST)
		return DIAG_ERROR;
	if (id >= DW_FIRST)
		return DIAG_WARNING;
	return DIAG_NOTE;
}

const char *
diag_text(enum diag_id id)
{
	if (id >= DIAG_ID_MAX || texts[id] == NULL)
		return NULL;
	return texts[id];
}

/*
 * A message quoting a huge value (a figure of 12 million digits, a link of
 * a million characters) keeps its start and its end, where the explanation
 * is, around an ellipsis: one message is never megabytes long.  Cuts fall
 * between UTF-8 characters.  Takes and returns a malloc'd string.
 */
#define DIAG_MAX_TEXT 1000

static char *
S_elide(char *t)
{
	size_t n = strlen(t), head = DIAG_MAX_TEXT / 2, tail = DIAG_MAX_TEXT / 2;
	char *out;

	if (n <= DIAG_MAX_TEXT + 8)
		return t;
	while (head > 0 && ((unsigned char)t[head] & 0xC0) == 0x80)
		head--;
	while (tail > 0 && ((unsigned char)t[n - tail] & 0xC0) == 0x80)
		tail--;
	out = xasprintf("%.*s … %s", (int)head, t, t + n - tail);
	free(t);
	return out;
}

void
diag_vmsg(struct diag *d, enum diag_id id, long line, long col, va_list ap)
{
	const char *fmt = diag_text(id);
	struct diag_msg *m;

	if (fmt == NULL)
		fmt = "(unknown message)";
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->msgs = xreallocarray(d->msgs, d->cap, sizeof(*d->msgs));
	}
	m = &d->msgs[d->n];
	m->line = line < 0 ? 0 : line;
	m->col = col < 0 ? 0 : col;
	m->seq = d->n;
	m->level = diag_level_of(id);
	/* A note explains the message before it and is printed right after it,
	 * wherever its own position is. */
	if (m->level == DIAG_NOTE && d->n > 0) {
		m->kline = d->msgs[d->n - 1].kline;
		m->kcol = d->msgs[d->n - 1].kcol;
	} else {
		m->kline = m->line ? m->line : (long)1 << 40;
		m->kcol = m->col;
	}
	m->text = S_elide(xvasprintf(fmt, ap));
	m->file = NULL;
	m->ford = 0;
	d->n++;
	if (m->level > d->worst)
		d->worst = m->level;
}

void
diag_absorb(struct diag *d, struct diag *from)
{
	size_t ford = 1;

	for (size_t i = 0; i < d->n; i++)
		if (d->msgs[i].ford >= ford)
			ford = d->msgs[i].ford + 1;
	for (size_t i = 0; i < from->n; i++) {
		struct diag_msg *m;

		if (d->n == d->cap) {
			d->cap = d->cap ? d->cap * 2 : 16;
			d->msgs = xreallocarray(d->msgs, d->cap, sizeof(*d->msgs));
		}
		m = &d->msgs[d->n];
		*m = from->msgs[i];
		m->file = xstrdup(from->msgs[i].file ? from->msgs[i].file : from->file);
		/* a file absorbed into FROM keeps its place after FROM's own */
		m->ford = ford + from->msgs[i].ford;
		m->seq = d->n;
		m->text = from->msgs[i].text;
		from->msgs[i].text = NULL;
		free(from->msgs[i].file);
		from->msgs[i].file = NULL;
		d->n++;
	}
	if (from->worst > d->worst)
		d->worst = from->worst;
	from->n = 0;
}

void
diag_msg(struct diag *d, enum diag_id id, long line, long col, ...)
{
	va_list ap;

	va_start(ap, col);
	diag_vmsg(d, id, line, col, ap);
	va_end(ap);
}

/* Source order; a message with no position sorts after those with one. */
static int
S_cmp(const void *a, const void *b)
{
	const struct diag_msg *x = a, *y = b;

	if (x->ford != y->ford)
		return x->ford < y->ford ? -1 : 1;
	if (x->kline != y->kline)
		return x->kline < y->kline ? -1 : 1;
	if (x->kcol != y->kcol)
		return x->kcol < y->kcol ? -1 : 1;
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static const char *
S_level_name(enum diag_level l)
{
	switch (l) {
	case DIAG_NOTE:
		return "note";
	case DIAG_WARNING:
		return "warning";
	default:
		return "error";
	}
}

/*
 * A message's text on one line: a value quoted from the source may hold a
 * line end or a tab (a link 'java<LF>script:'), which would break the
 * one-line-per-message form tools and tests read; such characters are
 * written as \n, \t or \xHH.
 */
static void
S_put_text(const char *t, FILE *out)
{
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\x%02X", *p);
		else
			putc(*p, out);
	}
}

void
diag_print(struct diag *d, FILE *out)
{
	if (d->n > 1)
		qsort(d->msgs, d->n, sizeof(*d->msgs), S_cmp);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag_msg *m = &d->msgs[i];

		fputs(m->file ? m->file : d->file, out);
		if (m->line > 0) {
			fprintf(out, ":%ld", m->line);
			if (m->col > 0)
				fprintf(out, ":%ld", m->col);
		}
		fprintf(out, ": %s: ", S_level_name(m->level));
		S_put_text(m->text, out);
		putc('\n', out);
	}
	fflush(out);
}

int
diag_failed(const struct diag *d)
{
	if (d->worst >= DIAG_ERROR)
		return 1;
	return d->strict && d->worst >= DIAG_WARNING;
}

int
diag_exit_status(const struct diag *d)
{
	if (d->worst >= DIAG_FATAL)
		return 3;
	return diag_failed(d) ? 1 : 0;
}
