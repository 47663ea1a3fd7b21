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
		unsigned long c = s[i];
		size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		static const unsigned long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };

		if (len == 0 || i + len > n)
			return 1;
		if (len > 1)
			c &= 0x3f >> (len - 1);
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 1;
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 1;
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xfffe || c == 0xffff) {
			*cp = c;
			return 2;
		}
		i += len;
	}
	return 0;
}

/* The separator the first line uses most outside quotes: comma on a tie. */
static char
S_detect(const char *s, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			comma += s[i] == ',', semi += s[i] == ';', tab += s[i] == '\t';
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
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
	size_t i = 0, width = 0;
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
		if (bad || S_blank_row(&r)) {
			failed |= bad;
			S_drop_row(&r);
			continue;
		}
		if (out->nrows == 0)
			width = r.nfields;
		else if (r.nfields != width) {
			diag_msg(d, DE_CSV_FIELDS, r.row, (long)(r.nfields < width ? r.nfields : width + 1),
			    r.nfields, width);
			failed = 1;
			S_drop_row(&r);
			continue;
		}
		if (out->nrows >= CSV_MAX_ROWS + 1) {
			/* one more than the limit: a heading row and 10,000 rows of data fit */
			diag_msg(d, DE_LIMIT, r.row, 1L, "the file has more than 10000 rows");
			S_drop_row(&r);
			return -1;
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

/* TEXT without the spaces around it, as a new string. */
static char *
S_trim(const char *text)
{
	size_t a = strspn(text, " \t\n"), b = strlen(text);

	while (b > a && strchr(" \t\n", text[b - 1]) != NULL)
		b--;
	return xstrndup(text + a, b - a);
}

int
csv_figure(const char *text, const char *type, char **out, const char **why)
{
	static const char *const unknown[] = { "tbc", "TBC", "n/a", "N/A", "–", "-" };
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
		if (strcmp(t, unknown[i]) == 0)
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
 * The <row> of record R for columns COLS (NCOLS of them) in DOC under
 * namespace NS: a first cell reading "Total" or "Subtotal" makes a total
 * row, whose figures csdoc then checks.  Bad figures go to D at their
 * spreadsheet row and column; returns NULL after reporting.
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

			if (j == 0 && (strcasecmp(v, "total") == 0 || strcasecmp(v, "subtotal") == 0))
				xmlNewProp(row, (const xmlChar *)"kind", (const xmlChar *)(v[0] == 't' || v[0] == 'T' ? "total" : "subtotal"));
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
			char *title = tree_text_folded(n);

			for (size_t k = 0; k < width && cols[ncols].field < 0; k++) {
				char *h = S_trim(c->rows[0].fields[k]);

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

/* Replace ROWS (inside TABLE) by the rows of its file; 0, or -1 after reporting. */
static int
S_rows(struct source *src, xmlNodePtr table, xmlNodePtr rows)
{
	const char *href = tree_attr(rows, "src"), *why = NULL;
	const char *h = tree_attr(rows, "header");
	int header = h == NULL || strcmp(h, "yes") == 0;
	char *path = NULL, *real = compile_confined(src, href, &path, &why);
	struct diag cd;
	struct csv c;
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
	if (S_load(real, S_sep(tree_attr(rows, "separator")), &c, &cd, &why) != 0) {
		if (why != NULL)
			source_msg(src, rows, "src", DE_CSV_FILE, href, why);
		rc = -1;
	} else if (c.nrows <= (size_t)header)
		source_msg(src, rows, "src", DE_CSV_FILE, href, header ? "it has no rows below its headings" : "it has no rows"), rc = -1;
	else if ((ncols = S_map(src, table, rows, href, &c, header, cols)) < 0)
		rc = -1;
	else {
		/* the rows go where <rows> was, each after the white space that came before it */
		if (ws == NULL || ws->type != XML_TEXT_NODE || !xmlIsBlankNode(ws))
			ws = NULL;
		for (size_t i = (size_t)header; i < c.nrows; i++) {
			xmlNodePtr r = S_row(src->doc, table->ns, &c.rows[i], cols, (size_t)ncols, &cd);

			if (r == NULL) {
				rc = -1;
				continue;
			}
			S_set_line(r, rows->line);
			S_origins(src, r, &c.rows[i], cols, (size_t)ncols);
			if (ws != NULL && i > (size_t)header)
				xmlAddPrevSibling(rows, xmlCopyNode(ws, 1));
			xmlAddPrevSibling(rows, r);
		}
		if (rc == 0) {
			xmlUnlinkNode(rows);
			xmlFreeNode(rows);
		}
	}
	csv_free(&c);
	diag_absorb(src->d, &cd);
	diag_free(&cd);
	free(real);
	free(path);
	return rc;
}

/* Every <rows> below N, in document order. */
static int
S_walk(struct source *src, xmlNodePtr n)
{
	int rc = 0;

	for (xmlNodePtr k = tree_first_elem(n), next; k != NULL; k = next) {
		next = tree_next_elem(k);
		if (tree_is(k, "rows") && tree_is(n, "table"))
			rc |= S_rows(src, n, k);
		else
			rc |= S_walk(src, k);
	}
	return rc;
}

int
csv_tables(struct source *src)
{
	int rc = S_walk(src, xmlDocGetRootElement(src->doc));

	source_origins_sort(src);
	return rc ? -1 : 0;
}

/* ------------------------------------------------------------ import-csv */

/* An id for a heading: its letters and digits, lower case, joined by hyphens ("col-N" if none). */
static char *
S_slug(const char *heading, size_t n)
{
	struct buf b = { 0 };
	int dash = 0;

	for (const unsigned char *p = (const unsigned char *)heading; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z')) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			buf_putc(&b, (char)(*p | 0x20));
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
		if (why != NULL)
			diag_msg(d, DF_READ, 0L, 0L, why);
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

		for (size_t i = (size_t)header; i < c.nrows; i++)
			if ((made[i] = S_row(doc, NULL, &c.rows[i], cols, width, d)) == NULL)
				rc = -1;
		if (rc == 0) {
			if (header)
				for (size_t j = 0; j < width; j++) {
					char *h = S_trim(c.rows[0].fields[j]), *id = S_slug(h, j + 1);
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
