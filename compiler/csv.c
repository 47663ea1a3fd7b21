/* csv.c: tables from a spreadsheet — the CSV reader, the cell forms of figures, and <rows src> made into the table's rows. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "compile.h"
#include "deps.h"
#include "figures/number.h"
#include "tree.h"
#include "util.h"

/* ------------------------------------------------------------ reading */

void
csv_free(struct csv *c)
{
	for (size_t i = 0; i < c->nrows; i++) {
		for (size_t k = 0; k < c->rows[i].nfields; k++)
			free(c->rows[i].fields[k]);
		free(c->rows[i].fields);
	}
	free(c->rows);
	c->rows = NULL;
	c->nrows = 0;
}

/*
 * Whether S (N bytes) is text a cell may hold: valid UTF-8 (no overlong
 * form, no surrogate) of characters XML allows.  Returns 0; 1 for bytes
 * that are not UTF-8; 2 for a character that is not allowed, its code in
 * *CP.
 */
static int
S_text_ok(const unsigned char *s, size_t n, unsigned long *cp)
{
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t len = utf8_next(s + i, n - i, &c);

		if (len == 0 || (c >= 0xd800 && c <= 0xdfff))
			return 1;
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xfffe || c == 0xffff) {
			*cp = c;
			return 2;
		}
		i += len;
	}
	return 0;
}

/*
 * How many cells separator SEP makes of each of the first records of S
 * (LEN bytes), at most N of them, into COUNTS; quotes are followed as the
 * parser follows them.  Returns the number of records counted.  *FIGURE is
 * cleared if a comma outside quotes is not one between a digit and three
 * more (a UK thousands separator, as in 173,120).
 */
static size_t
S_count(const char *s, size_t len, char sep, size_t *counts, size_t n, int *figure)
{
	size_t rec = 0, cells = 1;
	int quoted = 0, any = 0;

	for (size_t i = 0; i < len && rec < n; i++) {
		char ch = s[i];

		if (ch == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (ch == '\n' || ch == '\r') {
			if (ch == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			/* a blank line is no record: the parser drops it too */
			if (any)
				counts[rec++] = cells;
			cells = 1;
			any = 0;
			continue;
		} else if (ch == sep)
			cells++;
		if (ch == ',' && !quoted && figure != NULL) {
			int digits = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';

			for (size_t k = 1; k <= 3 && digits; k++)
				digits = i + k < len && s[i + k] >= '0' && s[i + k] <= '9';
			if (!digits || (i + 4 < len && s[i + 4] >= '0' && s[i + 4] <= '9'))
				*figure = 0;
		}
		any = 1;
	}
	if (any && rec < n)
		counts[rec++] = cells;
	return rec;
}

/* How many records the separator is judged on: enough to see a pattern, few enough to be quick. */
#define CSV_DETECT_RECORDS 20

/*
 * The separator of S (LEN bytes).  The one that gives the same number of
 * cells (more than one) to each of the first records wins; when comma and
 * another both do, the other if every comma is a thousands separator
 * (Basildon;£173,120), else the one making more cells (comma, then
 * semicolon, on a tie).  When none is
 * consistent, the one the first line uses most (comma on a tie), so that
 * the parser names the row that differs.
 */
static char
S_detect(const char *s, size_t len)
{
	static const char seps[3] = { ',', ';', '\t' };
	size_t counts[CSV_DETECT_RECORDS], width[3] = { 0, 0, 0 }, first[3] = { 0, 0, 0 };
	int figure = 1, best = -1;

	for (int k = 0; k < 3; k++) {
		size_t n = S_count(s, len, seps[k], counts, CSV_DETECT_RECORDS, k == 0 ? &figure : NULL);
		int same = n > 0 && counts[0] > 1;

		for (size_t r = 1; r < n && same; r++)
			same = counts[r] == counts[0];
		first[k] = n > 0 ? counts[0] : 0;
		width[k] = same ? counts[0] : 0;
	}
	/* commas that are all thousands separators lose to another separator that is consistent */
	if (figure && (width[1] > 0 || width[2] > 0))
		width[0] = 0;
	for (int k = 0; k < 3; k++)
		if (width[k] > 0 && (best < 0 || width[k] > width[best]))
			best = k;
	if (best >= 0)
		return seps[best];
	if (first[1] > first[0] && first[1] >= first[2])
		return ';';
	if (first[2] > first[0] && first[2] > first[1])
		return '\t';
	return ',';
}

/* Whether every field of R is empty or spaces: a blank spreadsheet row. */
static int
S_blank_row(const struct csv_row *r)
{
	for (size_t k = 0; k < r->nfields; k++)
		if (r->fields[k][strspn(r->fields[k], " \t")] != '\0')
			return 0;
	return 1;
}

static void
S_drop_row(struct csv_row *r)
{
	for (size_t k = 0; k < r->nfields; k++)
		free(r->fields[k]);
	free(r->fields);
	memset(r, 0, sizeof(*r));
}

int
csv_parse(const char *bytes, size_t len, char sep, struct csv *out, struct diag *d)
{
	const char *s = bytes;
	size_t i = 0, width = 0, records = 0, nmsg = 0;
	long row = 1;
	int failed = 0;

	memset(out, 0, sizeof(*out));
	if (len >= 2 && ((unsigned char)s[0] == 0xff && (unsigned char)s[1] == 0xfe)) {
		diag_msg(d, DE_CSV_ENCODING, 1L, 1L, "the file is UTF-16 (Excel's \"Unicode Text\")");
		return -1;
	}
	if (len >= 2 && ((unsigned char)s[0] == 0xfe && (unsigned char)s[1] == 0xff)) {
		diag_msg(d, DE_CSV_ENCODING, 1L, 1L, "the file is UTF-16 (Excel's \"Unicode Text\")");
		return -1;
	}
	/* Excel's "CSV UTF-8" starts with a byte order mark */
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	out->sep = sep != 0 ? sep : S_detect(s + i, len - i);
	while (i < len) {
		struct csv_row r = { NULL, 0, row };
		int end = 0, bad = 0;

		while (!end) {
			struct buf f = { 0 };
			long col = (long)r.nfields + 1;
			unsigned long cp = 0;
			int quoted = 0, problem;

			if (i < len && s[i] == '"') {
				quoted = 1;
				i++;
			}
			for (;;) {
				if (quoted) {
					if (i >= len) {
						diag_msg(d, DE_CSV_UNCLOSED, row, col);
						buf_free(&f);
						S_drop_row(&r);
						return -1;
					}
					if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
						buf_putc(&f, '"');
						i += 2;
					} else if (s[i] == '"') {
						quoted = 0;
						i++;
						/* after the closing quote: the separator or the row's end */
						if (i < len && s[i] != out->sep && s[i] != '\n' && s[i] != '\r') {
							diag_msg(d, DE_CSV_STRAY, row, col);
							buf_free(&f);
							S_drop_row(&r);
							return -1;
						}
					} else if (s[i] == '\r') {
						/* a line break inside a cell, whichever way the file writes it */
						buf_putc(&f, '\n');
						i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
					} else
						buf_putc(&f, s[i++]);
					continue;
				}
				if (i >= len || s[i] == '\n' || s[i] == '\r') {
					if (i < len)
						i += (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
					end = 1;
					break;
				}
				if (s[i] == out->sep) {
					i++;
					break;
				}
				if (s[i] == '"') {
					diag_msg(d, DE_CSV_STRAY, row, col);
					buf_free(&f);
					S_drop_row(&r);
					return -1;
				}
				buf_putc(&f, s[i++]);
			}
			if (r.nfields >= CSV_MAX_FIELDS) {
				diag_msg(d, DE_LIMIT, row, col, "a row has more than 64 cells: a table has at most 64 columns");
				buf_free(&f);
				S_drop_row(&r);
				return -1;
			}
			problem = S_text_ok((const unsigned char *)(f.s ? f.s : ""), f.len, &cp);
			if ((problem != 0 || f.len > CSV_MAX_FIELD) && nmsg++ >= CSV_MAX_MSGS) {
				/* a file of a million bad rows should not make a million messages */
				diag_msg(d, DE_LIMIT, row, col, "more than 100 problems in the file: reading stopped here");
				buf_free(&f);
				S_drop_row(&r);
				return -1;
			}
			if (problem == 1) {
				diag_msg(d, DE_CSV_ENCODING, row, col, "the cell's bytes are not UTF-8 (the file may be Windows-1252)");
				bad = 1;
			} else if (problem == 2) {
				char hex[16];

				snprintf(hex, sizeof(hex), "%04lX", cp);
				diag_msg(d, DE_CSV_CHAR, row, col, hex);
				bad = 1;
			} else if (f.len > CSV_MAX_FIELD) {
				diag_msg(d, DE_LIMIT, row, col, "a cell is longer than 10000 bytes");
				bad = 1;
			}
			r.fields = xreallocarray(r.fields, r.nfields + 1, sizeof(*r.fields));
			r.fields[r.nfields++] = f.s ? f.s : xstrdup("");
		}
		row++;
		if (S_blank_row(&r) && !bad) {
			S_drop_row(&r);
			continue;
		}
		/* every record counts, a dropped one too: the limit bounds the reading, not only the table */
		if (++records > CSV_MAX_ROWS + 1) {
			/* one more than the limit: a heading row and 10,000 rows of data fit */
			diag_msg(d, DE_LIMIT, r.row, 1L, "the file has more than 10001 rows: a heading and 10000 rows of data at most");
			S_drop_row(&r);
			return -1;
		}
		if (bad) {
			failed = 1;
			S_drop_row(&r);
			continue;
		}
		if (out->nrows == 0)
			width = r.nfields;
		else if (r.nfields != width) {
			if (nmsg++ >= CSV_MAX_MSGS) {
				diag_msg(d, DE_LIMIT, r.row, 1L, "more than 100 problems in the file: reading stopped here");
				S_drop_row(&r);
				return -1;
			}
			diag_msg(d, DE_CSV_FIELDS, r.row, (long)(r.nfields < width ? r.nfields : width + 1),
			    r.nfields, width);
			failed = 1;
			S_drop_row(&r);
			continue;
		}
		out->rows = xreallocarray(out->rows, out->nrows + 1, sizeof(*out->rows));
		out->rows[out->nrows++] = r;
	}
	return failed ? -1 : 0;
}

/* ------------------------------------------------------------ cells */

static const struct {
	const char   *name;
	enum num_kind kind;
} kinds[] = {
	{ "money", NK_MONEY }, { "count", NK_COUNT }, { "percent", NK_PERCENT },
	{ "number", NK_NUMBER }, { "rate", NK_RATE }, { "ratio", NK_RATIO },
};

/* Whether column type TYPE is a figure's, its kind in *K. */
static int
S_figure_type(const char *type, enum num_kind *k)
{
	for (size_t i = 0; type != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(type, kinds[i].name) == 0) {
			*k = kinds[i].kind;
			return 1;
		}
	return 0;
}

/* The length of the white space at P: a space, tab, line end or no-break space (U+00A0); 0 if none. */
static size_t
S_space(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		return 1;
	return (unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0 ? 2 : 0;
}

/* TEXT without the white space around it (see S_space()), as a new string. */
static char *
S_trim(const char *text)
{
	size_t a = 0, b = strlen(text), n;

	while ((n = S_space(text + a)) > 0)
		a += n;
	for (;;) {
		if (b > a && strchr(" \t\n\r", text[b - 1]) != NULL)
			b--;
		else if (b >= a + 2 && (unsigned char)text[b - 2] == 0xc2 && (unsigned char)text[b - 1] == 0xa0)
			b -= 2;
		else
			break;
	}
	return xstrndup(text + a, b - a);
}

/*
 * TEXT trimmed, each run of white space inside it one space: a heading
 * the spreadsheet wrapped over two lines, or typed with two spaces, reads
 * as the column's title does.
 */
static char *
S_fold(const char *text)
{
	char *t = S_trim(text), *w = t;
	int space = 0;

	for (const char *r = t; *r;) {
		size_t n = S_space(r);

		if (n > 0) {
			r += n;
			space = 1;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r++;
	}
	*w = '\0';
	return t;
}

int
csv_figure(const char *text, const char *type, char **out, const char **why)
{
	static const char *const unknown[] = { "tbc", "n/a", "–", "-" };
	enum num_kind kind = NK_NUMBER;
	char *t = S_trim(text), *v;
	struct num r;
	int neg = 0;

	*out = NULL;
	(void)S_figure_type(type, &kind);
	if (t[0] == '\0')
		return *out = t, 0;
	/* the words a table takes for a figure not known; the figures pass reads them */
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		if (strcasecmp(t, unknown[i]) == 0)
			return *out = t, 0;
	/* accountants' negatives: (1,234) is -1,234 */
	if (t[0] == '(' && t[strlen(t) - 1] == ')') {
		char *in = xstrndup(t + 1, strlen(t) - 2), *tr = S_trim(in);

		free(in);
		free(t);
		t = tr;
		neg = 1;
		if (t[0] == '-' || t[0] == '+' || t[0] == '\0') {
			free(t);
			*why = "expected a figure in brackets with no sign, such as (1,234) for -1,234";
			return -1;
		}
	}
	/* some spreadsheets write a negative sum of money £-5 */
	if (strncmp(t, "£-", 3) == 0)
		memcpy(t, "-£", 3);
	v = neg ? xasprintf("-%s", t) : xstrdup(t);
	free(t);
	if (num_parse(v, kind, &r, NULL, why) != 0) {
		free(v);
		return -1;
	}
	*out = v;
	return 0;
}

/* ------------------------------------------------------------ rows */

/* What one table column needs: its type, whether computed, and which CSV field fills it (-1 none). */
struct col {
	const char *type;
	int         computed;
	long        field;
};

/* Give N and everything in it LINE: messages about a row from a file point at its <rows>. */
static void
S_set_line(xmlNodePtr n, unsigned short line)
{
	for (; n != NULL; n = n->next) {
		n->line = line;
		S_set_line(n->children, line);
	}
}

/* Put TEXT into element CELL, each line break inside it a <br/>. */
static void
S_cell_text(xmlNodePtr cell, const char *text)
{
	const char *p = text;

	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n > 0)
			xmlAddChild(cell, xmlNewDocTextLen(cell->doc, (const xmlChar *)p, (int)n));
		if (nl == NULL)
			break;
		xmlAddChild(cell, xmlNewDocNode(cell->doc, cell->ns, (const xmlChar *)"br", NULL));
		p = nl + 1;
	}
}

/*
 * The kind of row a first cell V makes: "total" for Total, Totals or Grand
 * Total, "subtotal" for Subtotal, Sub-total or Sub total, in any case and
 * with or without a colon after; NULL for a row of data.
 */
static const char *
S_total(const char *v)
{
	static const struct {
		const char *name, *kind;
	} names[] = {
		{ "total", "total" }, { "totals", "total" }, { "grand total", "total" },
		{ "subtotal", "subtotal" }, { "sub-total", "subtotal" }, { "sub total", "subtotal" },
	};
	char *f = S_fold(v);
	size_t n = strlen(f);
	const char *kind = NULL;

	/* "Total:" and "Total :" alike */
	if (n > 0 && f[n - 1] == ':') {
		char *g;

		f[n - 1] = '\0';
		g = S_fold(f);
		free(f);
		f = g;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && kind == NULL; i++)
		if (strcasecmp(f, names[i].name) == 0)
			kind = names[i].kind;
	free(f);
	return kind;
}

/*
 * The <row> of record R for columns COLS (NCOLS of them) in DOC under
 * namespace NS: a first cell reading a total's name (see S_total()) makes
 * a total row, whose figures csdoc then checks.  Bad figures go to D at
 * their spreadsheet row and column; returns NULL after reporting.
 */
static xmlNodePtr
S_row(xmlDocPtr doc, xmlNsPtr ns, const struct csv_row *r, const struct col *cols, size_t ncols,
    struct diag *d)
{
	xmlNodePtr row = xmlNewDocNode(doc, ns, (const xmlChar *)"row", NULL);
	int bad = 0;

	for (size_t j = 0; j < ncols; j++) {
		const char *text = cols[j].field >= 0 ? r->fields[cols[j].field] : "";
		xmlNodePtr cell = xmlNewDocNode(doc, ns, (const xmlChar *)"cell", NULL);
		enum num_kind k;

		xmlAddChild(row, cell);
		if (S_figure_type(cols[j].type, &k)) {
			char *v;
			const char *why = NULL;

			if (csv_figure(text, cols[j].type, &v, &why) != 0) {
				diag_msg(d, DE_FIG_VALUE, r->row, cols[j].field + 1, text, why);
				bad = 1;
				continue;
			}
			if (v[0] != '\0')
				xmlNodeAddContent(cell, (const xmlChar *)v);
			free(v);
		} else {
			char *v = S_trim(text);

			const char *kind = j == 0 ? S_total(v) : NULL;

			if (kind != NULL)
				xmlNewProp(row, (const xmlChar *)"kind", (const xmlChar *)kind);
			S_cell_text(cell, v);
			free(v);
		}
	}
	if (bad) {
		xmlFreeNode(row);
		return NULL;
	}
	return row;
}

/*
 * Whether D already holds CSV_MAX_MSGS messages about a file's cells: if
 * so, says that reading stopped at spreadsheet row ROW.  A file of 10,000
 * bad figures should not make 10,000 messages.
 */
static int
S_too_many(struct diag *d, long row)
{
	if (d->n < CSV_MAX_MSGS)
		return 0;
	diag_msg(d, DE_LIMIT, row, 1L, "more than 100 problems in the file: reading stopped here");
	return 1;
}

/* Read PATH (at most CSV_MAX_BYTES) and parse it; file problems in *WHY (with D untouched). */
static int
S_load(const char *path, char sep, struct csv *c, struct diag *d, const char **why)
{
	struct stat st;
	FILE *f;
	char *bytes;
	size_t n;
	int rc;

	memset(c, 0, sizeof(*c));
	*why = NULL;
	if (stat(path, &st) != 0)
		return *why = "there is no such file", -1;
	if (!S_ISREG(st.st_mode))
		return *why = "it is not a regular file", -1;
	if (st.st_size > CSV_MAX_BYTES)
		return *why = "it is larger than the limit of 8 MiB", -1;
	if ((f = fopen(path, "rb")) == NULL)
		return *why = "it cannot be read", -1;
	bytes = xmalloc((size_t)st.st_size + 1);
	n = fread(bytes, 1, (size_t)st.st_size + 1, f);
	fclose(f);
	if (n > (size_t)CSV_MAX_BYTES) {
		free(bytes);
		return *why = "it is larger than the limit of 8 MiB", -1;
	}
	if (n == 0) {
		free(bytes);
		return *why = "the file is empty", -1;
	}
	rc = csv_parse(bytes, n, sep, c, d);
	free(bytes);
	return rc;
}

/* The separator an attribute or option names: comma, semicolon or tab; 0 to detect. */
static char
S_sep(const char *name)
{
	if (name == NULL)
		return 0;
	return strcmp(name, "semicolon") == 0 ? ';' : strcmp(name, "tab") == 0 ? '\t' : strcmp(name, "comma") == 0 ? ',' : 0;
}

/*
 * Which CSV field fills each of TABLE's columns.  With a heading row, a
 * column takes the field headed by its id or its heading (in any case); a
 * computed column nobody heads stays empty.  Without one, the fields fill
 * every column in order, or only the columns that are not computed.
 * Returns the number of columns, or -1 after reporting at ROWS.
 */
static long
S_map(struct source *src, xmlNodePtr table, xmlNodePtr rows, const char *href, const struct csv *c,
    int header, struct col *cols)
{
	size_t ncols = 0, ninput = 0, width = c->rows[0].nfields;
	struct buf heads = { 0 };
	int failed = 0;

	for (xmlNodePtr n = tree_first_elem(table); n != NULL; n = tree_next_elem(n)) {
		if (!tree_is(n, "column") || ncols >= CSV_MAX_FIELDS)
			continue;
		cols[ncols].type = str_or(tree_attr(n, "type"), "text");
		cols[ncols].computed = tree_attr(n, "compute") != NULL;
		cols[ncols].field = -1;
		ninput += !cols[ncols].computed;
		if (header) {
			const char *id = tree_attr(n, "id");
			char *title0 = tree_text_folded(n), *title = S_fold(title0);

			free(title0);
			for (size_t k = 0; k < width && cols[ncols].field < 0; k++) {
				char *h = S_fold(c->rows[0].fields[k]);

				if ((id != NULL && strcasecmp(h, id) == 0) || (title[0] != '\0' && strcasecmp(h, title) == 0))
					cols[ncols].field = (long)k;
				free(h);
			}
			if (cols[ncols].field < 0 && !cols[ncols].computed) {
				char *why;

				if (heads.len == 0)
					for (size_t k = 0; k < width; k++)
						buf_printf(&heads, "%s'%s'", k ? ", " : "", c->rows[0].fields[k]);
				why = id != NULL && strcasecmp(id, title) != 0 ?
				    xasprintf("no column of the file is headed '%s' or '%s' (its headings are %s)", title, id, buf_str(&heads)) :
				    xasprintf("no column of the file is headed '%s' (its headings are %s)", title, buf_str(&heads));
				source_msg(src, rows, "src", DE_CSV_FILE, href, why);
				free(why);
				failed = 1;
			}
			free(title);
		}
		ncols++;
	}
	buf_free(&heads);
	if (failed)
		return -1;
	if (!header) {
		if (width == ncols)
			for (size_t j = 0; j < ncols; j++)
				cols[j].field = (long)j;
		else if (width == ninput)
			for (size_t j = 0, k = 0; j < ncols; j++)
				cols[j].field = cols[j].computed ? -1 : (long)k++;
		else {
			char *why = xasprintf("its rows have %zu cells, but the table has %zu columns (%zu not computed): "
			    "give every column a cell, or every column that is not computed", width, ncols, ninput);

			source_msg(src, rows, "src", DE_CSV_FILE, href, why);
			free(why);
			return -1;
		}
	}
	return (long)ncols;
}

/*
 * Record where ROW (made from record R) and its cells came from, so that a
 * check of a cell (a typed total that is not the sum) names the CSV's row
 * and column; a cell no field fills stays the <rows> element's.
 */
static void
S_origins(struct source *src, xmlNodePtr row, const struct csv_row *r, const struct col *cols, size_t ncols)
{
	const char *file = src->ofiles[src->nofiles - 1];
	size_t j = 0;

	src->origins = xreallocarray(src->origins, src->norigins + ncols + 1, sizeof(*src->origins));
	src->origins[src->norigins++] = (struct source_origin){ row, file, r->row, 1 };
	for (xmlNodePtr cell = tree_first_elem(row); cell != NULL && j < ncols; cell = tree_next_elem(cell), j++)
		if (cols[j].field >= 0)
			src->origins[src->norigins++] = (struct source_origin){ cell, file, r->row, cols[j].field + 1 };
}

/*
 * What the <rows> of one document share: each file read once, however many
 * tables name it (keyed by its real path and separator), and the cells
 * made from them all so far, which CSV_MAX_DOC_CELLS bounds.
 */
struct files {
	struct loaded {
		char       *real;
		char        sep;
		int         rc;    /* S_load()'s */
		const char *why;   /* S_load()'s file problem, NULL if none */
		struct csv  c;
	}     *v;
	size_t n;
	size_t cells;
};

/* The file REAL read with separator SEP (0 to detect): read now if not yet, its messages into CD. */
static struct loaded *
S_file(struct files *fs, const char *real, char sep, struct diag *cd)
{
	struct loaded *l;

	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].sep == sep && strcmp(fs->v[i].real, real) == 0)
			return &fs->v[i];
	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof(*fs->v));
	l = &fs->v[fs->n++];
	l->real = xstrdup(real);
	l->sep = sep;
	l->rc = S_load(real, sep, &l->c, cd, &l->why);
	return l;
}

static void
S_files_free(struct files *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		csv_free(&fs->v[i].c);
		free(fs->v[i].real);
	}
	free(fs->v);
}

/* Replace ROWS (inside TABLE) by the rows of its file; 0, or -1 after reporting. */
static int
S_rows(struct source *src, struct files *fs, xmlNodePtr table, xmlNodePtr rows)
{
	const char *href = tree_attr(rows, "src"), *why = NULL;
	const char *h = tree_attr(rows, "header");
	int header = h == NULL || strcmp(h, "yes") == 0;
	char *path = NULL, *real = compile_confined(src, href, &path, &why);
	struct diag cd;
	struct loaded *l;
	const struct csv *c;
	struct col cols[CSV_MAX_FIELDS];
	xmlNodePtr ws = rows->prev;
	long ncols;
	int rc = 0;

	deps_add(path);
	if (real == NULL) {
		source_msg(src, rows, "src", DE_CSV_FILE, href, why);
		free(path);
		return -1;
	}
	/* the file's name lives as long as the source: messages about its cells name it */
	src->ofiles = xreallocarray(src->ofiles, src->nofiles + 1, sizeof(*src->ofiles));
	src->ofiles[src->nofiles++] = xstrdup(path);
	diag_init(&cd, path);
	l = S_file(fs, real, S_sep(tree_attr(rows, "separator")), &cd);
	c = &l->c;
	if (l->rc != 0) {
		/* a problem of the file is said at each <rows> naming it; its cells' problems once */
		if (l->why != NULL)
			source_msg(src, rows, "src", DE_CSV_FILE, href, l->why);
		rc = -1;
	} else if (c->nrows <= (size_t)header)
		source_msg(src, rows, "src", DE_CSV_FILE, href, header ? "it has no rows below its headings" : "it has no rows"), rc = -1;
	else if ((ncols = S_map(src, table, rows, href, c, header, cols)) < 0)
		rc = -1;
	else if ((c->nrows - (size_t)header) * (size_t)ncols > CSV_MAX_DOC_CELLS - fs->cells) {
		/* one small source naming one large file many times must not make csdoc build millions of cells */
		source_msg(src, rows, "src", DE_CSV_FILE, href,
		    "with it the document's tables would have more than 640000 cells from spreadsheets");
		rc = -1;
	} else {
		fs->cells += (c->nrows - (size_t)header) * (size_t)ncols;
		/* the rows go where <rows> was, each after the white space that came before it */
		if (ws == NULL || ws->type != XML_TEXT_NODE || !xmlIsBlankNode(ws))
			ws = NULL;
		for (size_t i = (size_t)header; i < c->nrows; i++) {
			xmlNodePtr r;

			if (S_too_many(&cd, c->rows[i].row)) {
				rc = -1;
				break;
			}
			if ((r = S_row(src->doc, table->ns, &c->rows[i], cols, (size_t)ncols, &cd)) == NULL) {
				rc = -1;
				continue;
			}
			S_set_line(r, rows->line);
			S_origins(src, r, &c->rows[i], cols, (size_t)ncols);
			if (ws != NULL && i > (size_t)header)
				xmlAddPrevSibling(rows, xmlCopyNode(ws, 1));
			xmlAddPrevSibling(rows, r);
		}
		if (rc == 0) {
			xmlUnlinkNode(rows);
			xmlFreeNode(rows);
		}
	}
	diag_absorb(src->d, &cd);
	diag_free(&cd);
	free(real);
	free(path);
	return rc;
}

/* Every <rows> below N, in document order. */
static int
S_walk(struct source *src, struct files *fs, xmlNodePtr n)
{
	int rc = 0;

	for (xmlNodePtr k = tree_first_elem(n), next; k != NULL; k = next) {
		next = tree_next_elem(k);
		if (tree_is(k, "rows") && tree_is(n, "table"))
			rc |= S_rows(src, fs, n, k);
		else
			rc |= S_walk(src, fs, k);
	}
	return rc;
}

int
csv_tables(struct source *src)
{
	struct files fs = { NULL, 0, 0 };
	int rc = S_walk(src, &fs, xmlDocGetRootElement(src->doc));

	S_files_free(&fs);
	source_origins_sort(src);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------ import-csv */

/*
 * The ASCII letters for the Latin-1 letter whose UTF-8 form is 0xC3 then
 * B (0x80 to 0xBF): "Année" makes the id annee, not ann-e.  "" for × and ÷.
 */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* An id for a heading: its letters and digits, lower case, joined by hyphens ("col-N" if none). */
static char *
S_slug(const char *heading, size_t n)
{
	struct buf b = { 0 };
	int dash = 0;

	for (const unsigned char *p = (const unsigned char *)heading; *p; p++) {
		const char *letters = NULL;
		char one[2] = { 0, 0 };

		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z'))
			one[0] = (char)(*p | 0x20), letters = one;
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf && latin1[p[1] - 0x80][0] != '\0')
			letters = latin1[*++p - 0x80];
		if (letters != NULL) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			buf_puts(&b, letters);
			dash = 0;
		} else
			dash = 1;
	}
	if (b.len == 0 || (b.s[0] >= '0' && b.s[0] <= '9')) {
		char *s = xasprintf("col-%zu%s%s", n, b.len ? "-" : "", b.len ? b.s : "");

		buf_free(&b);
		return s;
	}
	return b.s;
}

/* ID made unique among the first N of IDS: grant, then grant-2, grant-3 … (ID is freed if replaced). */
static char *
S_unique(char *id, char *const *ids, size_t n)
{
	for (unsigned long k = 1;; k++) {
		char *try = k == 1 ? xstrdup(id) : xasprintf("%s-%lu", id, k);
		size_t i = 0;

		while (i < n && strcmp(ids[i], try) != 0)
			i++;
		if (i == n) {
			free(id);
			return try;
		}
		free(try);
	}
}

/* Print node N as XML, then a line end. */
static void
S_dump(xmlNodePtr n, FILE *out)
{
	xmlBufferPtr b = xmlBufferCreate();

	xmlNodeDump(b, n->doc, n, 0, 0);
	fprintf(out, "%s\n", (const char *)xmlBufferContent(b));
	xmlBufferFree(b);
}

int
csv_import(const char *path, int header, const char *types, char sep, FILE *out, struct diag *d)
{
	struct col cols[CSV_MAX_FIELDS];
	const char *why = NULL;
	size_t ntypes = 0, width;
	struct csv c;
	xmlDocPtr doc;
	int rc = 0;

	/* the types first: a wrong one is the command line's fault */
	for (const char *p = types; p != NULL && *p != '\0';) {
		size_t n = strcspn(p, ",");
		enum num_kind k;
		char *t = xstrndup(p, n);
		int ok = strcmp(t, "text") == 0 || strcmp(t, "date") == 0 || S_figure_type(t, &k);

		free(t);
		if (!ok || ntypes >= CSV_MAX_FIELDS)
			return -2;
		ntypes++;
		p += n + (p[n] == ',');
	}
	if (S_load(path, sep, &c, d, &why) != 0) {
		/* a file read but unusable (empty, too large) is the input's fault, not the system's */
		if (why != NULL && (strcmp(why, "there is no such file") == 0 || strcmp(why, "it cannot be read") == 0))
			diag_msg(d, DF_READ, 0L, 0L, why);
		else if (why != NULL)
			diag_msg(d, DE_CSV_FILE, 0L, 0L, path, why);
		csv_free(&c);
		return -1;
	}
	if (c.nrows == 0) {
		csv_free(&c);
		diag_msg(d, DE_CSV_FILE, 0L, 0L, path, "it has no rows");
		return -1;
	}
	width = c.rows[0].nfields;
	if (types != NULL && ntypes != width) {
		char *m = xasprintf("its rows have %zu cells, but --columns names %zu types", width, ntypes);

		diag_msg(d, DE_CSV_FILE, 0L, 0L, path, m);
		free(m);
		csv_free(&c);
		return -1;
	}
	{
		const char *p = types;

		for (size_t j = 0; j < width; j++) {
			size_t n = p ? strcspn(p, ",") : 0;

			cols[j].type = "text";
			if (p != NULL) {
				for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
					if (strlen(kinds[k].name) == n && strncmp(p, kinds[k].name, n) == 0)
						cols[j].type = kinds[k].name;
				if (n == 4 && strncmp(p, "date", 4) == 0)
					cols[j].type = "date";
				p += n + (p[n] == ',');
			}
			cols[j].computed = 0;
			cols[j].field = (long)j;
		}
	}
	doc = xmlNewDoc((const xmlChar *)"1.0");
	/* the rows are checked before any is printed: a bad file prints nothing */
	{
		xmlNodePtr *made = xcalloc(c.nrows, sizeof(*made));

		for (size_t i = (size_t)header; i < c.nrows; i++) {
			if (S_too_many(d, c.rows[i].row)) {
				rc = -1;
				break;
			}
			if ((made[i] = S_row(doc, NULL, &c.rows[i], cols, width, d)) == NULL)
				rc = -1;
		}
		if (rc == 0) {
			char *ids[CSV_MAX_FIELDS];

			for (size_t j = 0; header && j < width; j++) {
				char *h = S_fold(c.rows[0].fields[j]);

				/* two columns headed alike still need two ids */
				ids[j] = S_unique(S_slug(h, j + 1), ids, j);
				free(h);
			}
			if (header)
				for (size_t j = 0; j < width; j++) {
					char *h = S_trim(c.rows[0].fields[j]), *id = ids[j];
					xmlNodePtr col = xmlNewDocNode(doc, NULL, (const xmlChar *)"column", NULL);

					xmlNewProp(col, (const xmlChar *)"id", (const xmlChar *)id);
					if (strcmp(cols[j].type, "text") != 0)
						xmlNewProp(col, (const xmlChar *)"type", (const xmlChar *)cols[j].type);
					xmlNodeAddContent(col, (const xmlChar *)h);
					S_dump(col, out);
					xmlFreeNode(col);
					free(h);
					free(id);
				}
			for (size_t i = (size_t)header; i < c.nrows; i++)
				S_dump(made[i], out);
		}
		for (size_t i = 0; i < c.nrows; i++)
			if (made[i] != NULL)
				xmlFreeNode(made[i]);
		free(made);
	}
	xmlFreeDoc(doc);
	csv_free(&c);
	return rc;
}
