/* figout.c: walk the compiled tree for c:fig-id and write each figure as a line or a CSV record. */
#include "figout.h"

#include <stdlib.h>
#include <string.h>

#include "tree.h"
#include "util.h"

/* The document's name in figure ids: its id, else its file name without .xml. */
static char *
S_rootid(xmlNodePtr root)
{
	const char *id = tree_attr(root, "id"), *src = tree_get(root, "source");
	size_t n;

	if (id != NULL)
		return xstrdup(id);
	if (src == NULL)
		return xstrdup("document");
	n = strlen(src);
	if (n > 4 && strcmp(src + n - 4, ".xml") == 0)
		n -= 4;
	return xstrndup(src, n);
}

static char *
S_docid(xmlDocPtr doc)
{
	return S_rootid(xmlDocGetRootElement(doc));
}

/* A CSV field, quoted when it must be (RFC 4180). */
static void
S_field(struct buf *b, const char *s, int last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		buf_putc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	} else
		buf_puts(b, s);
	buf_puts(b, last ? "\r\n" : ",");
}

/* Tabs and newlines would break a line-per-figure listing. */
static void
S_plain(struct buf *b, const char *s)
{
	for (; s && *s; s++)
		buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* S as a JSON string, quoted; NULL as null. */
static void
S_json_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if (ch < 0x20)
			buf_printf(b, "\\u%04x", ch);
		else
			buf_putc(b, (char)ch);
	}
	buf_putc(b, '"');
}

/* One figure as a JSON object: the CSV's fields by name. */
static void
S_json_rec(struct buf *b, size_t *count, const char *doc, const char *id, const char *kind,
    const char *source, const char *value, const char *display, const char *computed, const char *check)
{
	const char *names[] = { "document", "id", "kind", "source", "value", "display", "computed", "check" };
	const char *vals[] = { doc, id, kind, source, value, display, computed, check };

	buf_puts(b, (*count)++ ? ",\n    {" : "\n    {");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		buf_printf(b, "%s\"%s\": ", i ? ", " : "", names[i]);
		S_json_str(b, vals[i] && vals[i][0] ? vals[i] : (i >= 6 ? NULL : vals[i] ? vals[i] : ""));
	}
	buf_putc(b, '}');
}

static void
S_walk(xmlNodePtr n, const char *doc, struct buf *out, int csv, size_t *count)
{
	for (; n != NULL; n = n->next) {
		const char *id, *src;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		/* a performance report's indicator: its status is published with its figures */
		if (tree_is(n, "measure") && tree_get(n, "status") != NULL && tree_attr(n, "id") != NULL) {
			char *sid = xasprintf("%s.status", tree_attr(n, "id"));
			const char *reported = tree_get(n, "reported");

			if (csv == 2)
				S_json_rec(out, count, doc, sid, "status", "computed", tree_get(n, "status"),
				    tree_get(n, "status-name"), reported ? tree_get(n, "reported-name") : NULL,
				    reported ? "mismatch" : NULL);
			else if (csv) {
				S_field(out, doc, 0);
				S_field(out, sid, 0);
				/* csdoc's status; where the original typed another, that one and "mismatch" */
				S_field(out, "status", 0);
				S_field(out, "computed", 0);
				S_field(out, tree_get(n, "status"), 0);
				S_field(out, tree_get(n, "status-name"), 0);
				S_field(out, reported ? tree_get(n, "reported-name") : "", 0);
				S_field(out, reported ? "mismatch" : "", 1);
			} else {
				buf_printf(out, "%s/", doc);
				S_plain(out, sid);
				buf_putc(out, '\t');
				S_plain(out, tree_get(n, "status"));
				buf_putc(out, '\t');
				S_plain(out, tree_get(n, "status-name"));
				buf_putc(out, '\n');
			}
			free(sid);
		}
		id = tree_get(n, "fig-id");
		src = tree_get(n, "source");
		/* a reference repeats a figure listed where it is defined */
		if (id != NULL && !(src && strcmp(src, "reference") == 0)) {
			char *full = xasprintf("%s/%s", doc, id);

			if (csv == 2)
				S_json_rec(out, count, doc, id, tree_get(n, "kind"), src, tree_get(n, "value"),
				    tree_get(n, "display"), tree_get(n, "computed-display"), tree_get(n, "check"));
			else if (csv) {
				S_field(out, doc, 0);
				S_field(out, id, 0);
				S_field(out, tree_get(n, "kind"), 0);
				S_field(out, src, 0);
				S_field(out, tree_get(n, "value"), 0);
				S_field(out, tree_get(n, "display"), 0);
				S_field(out, tree_get(n, "computed-display"), 0);
				S_field(out, tree_get(n, "check"), 1);
			} else {
				S_plain(out, full);
				buf_putc(out, '\t');
				S_plain(out, tree_get(n, "value"));
				buf_putc(out, '\t');
				S_plain(out, tree_get(n, "display"));
				buf_putc(out, '\n');
			}
			free(full);
		}
		/* a meeting pack's papers: each paper's figures under its own name */
		if (n->ns != NULL && strcmp((const char *)n->ns->href, CSDOC_C_NS) == 0 &&
		    strcmp((const char *)n->name, "paper") == 0 && tree_first_elem(n) != NULL) {
			char *pdoc = S_rootid(tree_first_elem(n));

			S_walk(n->children, pdoc, out, csv, count);
			free(pdoc);
		} else
			S_walk(n->children, doc, out, csv, count);
	}
}

void
figout_lines(xmlDocPtr compiled, struct buf *out)
{
	char *doc = S_docid(compiled);

	size_t count = 0;

	S_walk(xmlDocGetRootElement(compiled), doc, out, 0, &count);
	free(doc);
}

void
figout_csv(xmlDocPtr compiled, struct buf *out)
{
	char *doc = S_docid(compiled);

	size_t count = 0;

	buf_puts(out, "document,id,kind,source,value,display,computed,check\r\n");
	S_walk(xmlDocGetRootElement(compiled), doc, out, 1, &count);
	free(doc);
}

void
figout_json(xmlDocPtr compiled, struct buf *out)
{
	char *doc = S_docid(compiled);
	size_t count = 0;

	buf_puts(out, "{\n  \"document\": ");
	S_json_str(out, doc);
	buf_puts(out, ",\n  \"figures\": [");
	S_walk(xmlDocGetRootElement(compiled), doc, out, 2, &count);
	buf_puts(out, count ? "\n  ]\n}\n" : "]\n}\n");
	free(doc);
}
