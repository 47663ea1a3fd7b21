/* compute.c: the computations every document kind shares, written onto the tree as c: attributes. */
#include "compute.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <libxml/hash.h>

#include "deps.h"
#include "rules/dates.h"
#include "rules/label.h"
#include "tree.h"
#include "util.h"

static xmlNodePtr
S_entry(const struct compute *c, const char *id)
{
	xmlNodePtr n = resolve_get(c->ids, id);

	return (resolve_kind_of(n) & REF_ANY) ? n : NULL;
}

char *
who_plain(const struct compute *c, const char *id)
{
	xmlNodePtr n = S_entry(c, id);
	const char *name = n ? tree_attr(n, "name") : NULL;

	return name ? xstrdup(name) : NULL;
}

char *
who_display(const struct compute *c, const char *id)
{
	xmlNodePtr n = S_entry(c, id);
	const char *name, *title;

	if (n == NULL || (name = tree_attr(n, "name")) == NULL)
		return NULL;
	title = tree_attr(n, "title");
	if (resolve_kind_of(n) == REF_PERSON && title != NULL)
		return xasprintf("%s %s", title, name);
	return xstrdup(name);
}

/* "Sally Goodwin" → "SG"; "B Murray-Carr" → "BMC": each word's and part's first letter. */
static char *
S_make_initials(const char *name)
{
	struct buf b = { 0 };
	int start = 1;
	char *s;

	for (const char *p = name; *p; p++) {
		if (*p == ' ' || *p == '-') {
			start = 1;
			continue;
		}
		if (start && isalpha((unsigned char)*p))
			buf_putc(&b, (char)toupper((unsigned char)*p));
		start = 0;
	}
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

char *
who_initials(const struct compute *c, const char *id)
{
	xmlNodePtr n = S_entry(c, id);
	const char *v;

	if (n == NULL)
		return NULL;
	switch (resolve_kind_of(n)) {
	case REF_PERSON:
		if ((v = tree_attr(n, "initials")) != NULL)
			return xstrdup(v);
		return S_make_initials(tree_attr(n, "name"));
	case REF_ORG:
		v = tree_attr(n, "short");
		return xstrdup(v ? v : tree_attr(n, "name"));
	default:
		return xstrdup(tree_attr(n, "name"));
	}
}

char *
who_join(const struct compute *c, const char *ids,
    char *(*fn)(const struct compute *, const char *))
{
	struct buf b = { 0 };
	const char *p = ids ? ids : "";
	char *s, *one;

	while ((one = str_token(&p)) != NULL) {
		char *shown = fn(c, one);

		if (shown != NULL) {
			if (b.len > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, shown);
		}
		free(shown);
		free(one);
	}
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

void
compute_date_attr(struct compute *c, xmlNodePtr n, const char *attr,
    const char *name, int style)
{
	const char *v = tree_attr(n, attr);
	struct date d;
	char *shown;

	if (v == NULL)
		return;
	/* the schema checked the form; this catches what a schema cannot */
	if (date_parse(v, &d) != 0) {
		source_msg(c->src, n, attr, DE_ERROR, "bad date: expected YYYY-MM-DD with a year from 1000");
		return;
	}
	shown = date_display(&d, (enum date_style)style);
	tree_set(n, name, shown);
	free(shown);
}

/* ------------------------------------------------------------ passes */

static void
S_registry(struct compute *c, xmlNodePtr reg)
{
	for (xmlNodePtr n = tree_first_elem(reg); n != NULL; n = tree_next_elem(n)) {
		const char *id = tree_attr(n, "id");

		if (id == NULL)
			continue;
		tree_take(n, "display", who_display(c, id));
		if (resolve_kind_of(n) == REF_PERSON) {
			const char *org = tree_attr(n, "org");

			tree_take(n, "initials", who_initials(c, id));
			if (org != NULL && S_entry(c, org) != NULL) {
				tree_take(n, "org-name", who_plain(c, org));
				tree_take(n, "org-short", who_initials(c, org));
			}
		}
	}
}

/*
 * Only http, https and mailto addresses or relative paths are links csdoc
 * will publish; anything with another scheme (javascript:, data:, file:)
 * is refused, whatever its case or leading spaces.
 */
static int
S_link_ok(const char *href)
{
	size_t scheme;

	if (href[0] == '\0' || isspace((unsigned char)href[0]))
		return 0;
	/*
	 * Browsers read a backslash as a slash, so "\\host\share\x.doc" is
	 * a link to another machine (on Windows, a file share that is sent the
	 * reader's credentials), not a relative path.
	 */
	for (const char *p = href; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == ' ' || *p == '\\')
			return 0;
	scheme = strcspn(href, ":/?#");
	if (href[scheme] != ':')
		return 1;   /* relative */
	return (scheme == 4 && strncasecmp(href, "http", 4) == 0) ||
	    (scheme == 5 && strncasecmp(href, "https", 5) == 0) ||
	    (scheme == 6 && strncasecmp(href, "mailto", 6) == 0);
}

/* The alignment of a table's columns; its cells take theirs in the figures pass, which knows the grid. */
static void
S_table(xmlNodePtr t)
{
	for (xmlNodePtr n = tree_first_elem(t); n != NULL; n = tree_next_elem(n))
		if (tree_is(n, "column")) {
			const char *type = tree_attr(n, "type");
			int fig = type && strcmp(type, "text") != 0 && strcmp(type, "date") != 0;

			tree_set(n, "align", fig ? "right" : "left");
		}
}

static void S_image(struct compute *, xmlNodePtr);

static void
S_walk(struct compute *c, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "registry"))
			S_registry(c, n);
		else if (tree_is(n, "date") && tree_attr(n, "when"))
			compute_date_attr(c, n, "when", "display",
			    date_style_of(tree_attr(n, "style")));
		else if (tree_is(n, "name")) {
			const char *ref = tree_attr(n, "ref");
			const char *form = tree_attr(n, "form");
			char *s = NULL;

			if (S_entry(c, ref) == NULL)
				;   /* reported by resolve */
			else if (form == NULL || strcmp(form, "name") == 0)
				s = who_plain(c, ref);
			else if (strcmp(form, "initials") == 0 || strcmp(form, "short") == 0)
				s = who_initials(c, ref);
			else {
				/* full: title, name, post, organisation */
				xmlNodePtr e = S_entry(c, ref);
				char *d = who_display(c, ref);
				const char *post = tree_attr(e, "post");
				const char *org = tree_attr(e, "org");
				char *on = org ? who_plain(c, org) : NULL;

				s = xasprintf("%s%s%s%s%s", d, post ? ", " : "", post ? post : "",
				    on ? ", " : "", on ? on : "");
				free(d);
				free(on);
			}
			if (s)
				tree_set(n, "display", s);
			free(s);
		} else if ((tree_is(n, "q") || tree_is(n, "quote") || tree_is(n, "declaration")) &&
		    tree_attr(n, "by")) {
			char *s = who_display(c, tree_attr(n, "by"));
			xmlNodePtr p = resolve_get(c->ids, tree_attr(n, "by"));

			if (s)
				tree_set(n, "by-name", s);
			free(s);
			/* a quotation set apart is credited with the speaker's post */
			if (tree_is(n, "quote") && p != NULL && tree_attr(p, "post") != NULL)
				tree_set(n, "by-post", tree_attr(p, "post"));
		} else if (tree_is(n, "a")) {
			const char *href = tree_attr(n, "href");

			if (href && !S_link_ok(href))
				source_msg(c->src, n, "href", DE_BAD_LINK, href);
		} else if (tree_is(n, "ol")) {
			const char *fmt = tree_attr(n, "format");
			const char *start = tree_attr(n, "start");
			long i = start ? strtol(start, NULL, 10) : 1;
			struct label_fmt f;

			if (label_parse(fmt ? fmt : "1.", &f) == 0) {
				for (xmlNodePtr li = tree_first_elem(n); li; li = tree_next_elem(li)) {
					char *l = label_make(&f, i++);

					tree_set(li, "label", l);
					free(l);
				}
				label_free(&f);
			}
		} else if (tree_is(n, "table"))
			S_table(n);
		else if (tree_is(n, "image") && tree_attr(n, "src"))
			S_image(c, n);
		S_walk(c, n->children);
	}
}

/* ------------------------------------------------------------ images */

/* The largest image file csdoc takes, and the largest picture in pixels. */
#define IMAGE_MAX_BYTES (20L * 1024 * 1024)
#define IMAGE_MAX_PIXELS 10000

/*
 * An image must be a PNG file really inside the source's folder (a link may
 * not lead out), of bounded size: csdoc reads it (for the PDF, and to copy
 * it beside the HTML), so it checks it as carefully as a source.
 */
static void
S_image(struct compute *c, xmlNodePtr n)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	const char *src = tree_attr(n, "src"), *slash = strrchr(c->src->path, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash - c->src->path), c->src->path) : xstrdup(".");
	char *path = xasprintf("%s/%s", dir, src);
	char *rdir = realpath(dir, NULL), *rfile = realpath(path, NULL);
	const char *why = NULL;
	unsigned char head[24];
	struct stat st;
	FILE *f = NULL;

	deps_add(path);
	if (rfile == NULL)
		why = "the file cannot be found";
	else if (rdir == NULL || strncmp(rfile, rdir, strlen(rdir)) != 0 || rfile[strlen(rdir)] != '/')
		why = "it is not in this document's folder or below it (a link may not lead out)";
	else if (stat(rfile, &st) != 0 || !S_ISREG(st.st_mode))
		why = "it is not a regular file";
	else if (st.st_size > IMAGE_MAX_BYTES)
		why = "it is larger than 20 MiB";
	else if ((f = fopen(rfile, "rb")) == NULL || fread(head, 1, sizeof(head), f) != sizeof(head) ||
	    memcmp(head, sig, sizeof(sig)) != 0 || memcmp(head + 12, "IHDR", 4) != 0)
		why = "it is not a PNG picture";
	if (f != NULL)
		fclose(f);
	if (why == NULL) {
		/* the picture's size in pixels, from its header, for the HTML's width and height */
		unsigned long w = ((unsigned long)head[16] << 24) | ((unsigned long)head[17] << 16) |
		    ((unsigned long)head[18] << 8) | head[19];
		unsigned long h = ((unsigned long)head[20] << 24) | ((unsigned long)head[21] << 16) |
		    ((unsigned long)head[22] << 8) | head[23];
		const char *base = strrchr(src, '/');

		if (w == 0 || h == 0 || w > IMAGE_MAX_PIXELS || h > IMAGE_MAX_PIXELS)
			why = "its width and height must be 1 to 10,000 pixels";
		else {
			/* no local path in the compiled tree: it is published */
			tree_set(n, "file", base ? base + 1 : src);
			tree_set_long(n, "pixel-width", (long)w);
			tree_set_long(n, "pixel-height", (long)h);
		}
	}
	if (why != NULL)
		source_msg(c->src, n, "src", DE_IMAGE, src, why);
	free(dir);
	free(path);
	free(rdir);
	free(rfile);
}

/* ------------------------------------------------------------ glossary */

/* Whether the text just before abbreviation N ends with its expansion EXP and "(". */
static int
S_spelt_out(const xmlNode *n, const char *exp)
{
	const xmlNode *prev = n->prev;
	char *before;
	size_t len, elen = strlen(exp);
	int yes = 0;

	if (prev == NULL || prev->type != XML_TEXT_NODE || prev->content == NULL)
		return 0;
	before = tree_text_folded(prev);
	len = strlen(before);
	if (len > 0 && before[len - 1] == '(') {
		len--;
		while (len > 0 && before[len - 1] == ' ')
			len--;
		/* "Crime and Disorder Reduction Partnerships (<abbr>CDRP</abbr>s)" */
		if (len > elen && before[len - 1] == 's' && strncasecmp(before + len - 1 - elen, exp, elen) == 0)
			len--;
		yes = len >= elen && strncasecmp(before + len - elen, exp, elen) == 0 &&
		    (len == elen || !isalnum((unsigned char)before[len - elen - 1]));
	}
	free(before);
	return yes;
}

static void
S_abbrs(struct compute *c, xmlNodePtr n, xmlHashTablePtr terms, xmlHashTablePtr seen)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "abbr")) {
			char *key = tree_text_folded(n);
			const char *title = tree_attr(n, "title");
			const char *exp = title ? title : xmlHashLookup(terms, (const xmlChar *)key);

			if (exp != NULL) {
				tree_set(n, "title", exp);
				/*
				 * The first use of each abbreviation is spelt out in print,
				 * unless the author already did: "Drug Intervention
				 * Programme (<abbr>DIP</abbr>)".
				 */
				if (xmlHashLookup(seen, (const xmlChar *)key) == NULL) {
					if (!S_spelt_out(n, exp))
						tree_set(n, "first", "yes");
					xmlHashAddEntry(seen, (const xmlChar *)key, n);
				}
			} else
				source_msg(c->src, n, NULL, DW_ABBR_UNDECLARED, key, key);
			free(key);
			continue;
		}
		S_abbrs(c, n->children, terms, seen);
	}
}

/*
 * Abbreviations: the glossary's terms and the organisations' short names
 * give each <abbr> its expansion (c:title), and mark its first use.
 */
static void
S_glossary(struct compute *c, xmlNodePtr root)
{
	xmlHashTablePtr terms = xmlHashCreate(64), seen = xmlHashCreate(64);
	xmlNodePtr reg = tree_child(root, "registry"), glo = tree_child(root, "glossary");

	for (xmlNodePtr t = tree_first_elem(glo); t != NULL; t = tree_next_elem(t)) {
		const char *abbr = tree_attr(t, "abbr");
		char *exp = tree_text_folded(t);

		if (abbr != NULL && xmlHashLookup(terms, (const xmlChar *)abbr) != NULL)
			source_msg(c->src, t, "abbr", DE_DUP_TERM, abbr);
		else if (abbr != NULL)
			xmlHashAddEntry(terms, (const xmlChar *)abbr, xmlStrdup((const xmlChar *)exp));
		free(exp);
	}
	for (xmlNodePtr o = tree_first_elem(reg); o != NULL; o = tree_next_elem(o)) {
		const char *abbr = tree_attr(o, "short");

		if (tree_is(o, "organisation") && abbr != NULL && tree_attr(o, "name") != NULL &&
		    xmlHashLookup(terms, (const xmlChar *)abbr) == NULL)
			xmlHashAddEntry(terms, (const xmlChar *)abbr, xmlStrdup((const xmlChar *)tree_attr(o, "name")));
	}
	S_abbrs(c, root, terms, seen);
	xmlHashFree(terms, xmlHashDefaultDeallocator);
	xmlHashFree(seen, NULL);
}

/* Two different pictures with one file name would overwrite each other beside the HTML. */
static void
S_image_names(struct compute *c, xmlNodePtr n, xmlHashTablePtr seen)
{
	for (; n != NULL; n = n->next) {
		const char *file, *path;
		xmlNodePtr first;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "image") && (file = tree_get(n, "file")) != NULL &&
		    (path = tree_attr(n, "src")) != NULL) {
			if ((first = xmlHashLookup(seen, (const xmlChar *)file)) == NULL)
				xmlHashAddEntry(seen, (const xmlChar *)file, n);
			else if (strcmp(tree_attr(first, "src"), path) != 0)
				source_msg(c->src, n, "src", DE_IMAGE, tree_attr(n, "src"),
				    "another picture has the same file name: rename one of them");
		}
		S_image_names(c, n->children, seen);
	}
}

/* ------------------------------------------------------------ footnotes and cross-references */

/* The anchor of N: the id csdoc gave it, or its author's. */
static const char *
S_first_id(const xmlNode *n)
{
	const char *id = tree_get(n, "id");

	return id ? id : tree_attr(n, "id");
}

/* The words of N as printed: figures, dates and names as csdoc shows them, footnote marks left out. */
static void
S_fold(struct buf *b, const xmlNode *n)
{
	for (n = n->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			buf_puts(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || tree_is(n, "fn"))
			continue;
		if ((tree_is(n, "figure") || tree_is(n, "date") || tree_is(n, "name")) && tree_get(n, "display"))
			buf_puts(b, tree_get(n, "display"));
		else if (tree_is(n, "xref") && tree_get(n, "text"))
			buf_puts(b, tree_get(n, "text"));
		else if (tree_is(n, "br"))
			buf_putc(b, ' ');
		else
			S_fold(b, n);
	}
}

/* S_fold() with white space folded and trimmed, as a new string. */
static char *
S_folded(const xmlNode *n)
{
	struct buf b = { 0 }, o = { 0 };
	const char *p;
	char *s;
	int space = 0;

	S_fold(&b, n);
	for (p = buf_str(&b); *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = o.len > 0;
			continue;
		}
		if (space)
			buf_putc(&o, ' ');
		space = 0;
		buf_putc(&o, *p);
	}
	s = xstrdup(buf_str(&o));
	buf_free(&b);
	buf_free(&o);
	return s;
}

/*
 * The first citation of each footnote in N, in reading order: it gets the
 * next number (or keeps its mark) and carries c:first, where the PDF sets
 * the note's words.
 */
static void
S_citations(struct compute *c, xmlNodePtr n, long *next)
{
	for (; n != NULL; n = n->next) {
		xmlNodePtr fn;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		/* read where they are cited, and priorities wherever they are listed */
		if (tree_is(n, "footnotes") || tree_is(n, "priorities"))
			continue;
		if (tree_is(n, "fn") && (fn = resolve_get(c->ids, tree_attr(n, "ref"))) != NULL &&
		    tree_is(fn, "footnote")) {
			if (tree_get(fn, "mark") == NULL) {
				if (tree_attr(fn, "mark") != NULL)
					tree_set(fn, "mark", tree_attr(fn, "mark"));
				else
					tree_take(fn, "mark", xasprintf("%ld", ++*next));
				tree_set(fn, "cited", "yes");
				tree_set(n, "first", "yes");
			}
			tree_set(n, "mark", tree_get(fn, "mark"));
			tree_set(n, "target", tree_attr(fn, "id"));
			continue;
		}
		S_citations(c, n->children, next);
	}
}

/*
 * Places a footnote cannot be cited from (WHY says which): a priority's
 * title or outcome is printed wherever the priority is listed, and a note
 * at the foot of a page cannot carry notes of its own.
 */
static void
S_no_notes(struct compute *c, xmlNodePtr n, const char *why)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "fn")) {
			source_msg(c->src, n, "ref", DE_ERROR, why);
			continue;
		}
		S_no_notes(c, n->children, why);
	}
}

static void
S_footnotes(struct compute *c, xmlNodePtr root)
{
	xmlNodePtr notes = tree_child(root, "footnotes"), pr;
	long next = 0;

	if ((pr = tree_child(root, "priorities")) != NULL)
		S_no_notes(c, pr->children,
		    "a footnote cannot be cited in a priority, which is printed wherever it is listed: cite it in the text");
	if (notes != NULL)
		S_no_notes(c, notes->children,
		    "a footnote cannot cite another footnote: put the words in this one, or cite the other from the text");
	S_citations(c, root, &next);
	for (xmlNodePtr f = tree_first_elem(notes); f != NULL; f = tree_next_elem(f)) {
		const char *id = tree_attr(f, "id");

		if (!tree_is(f, "footnote"))
			continue;
		/*
		 * One mark may serve several notes: as in print, a table's or
		 * chart's "*" is read with the block it is set under.
		 */
		if (tree_get(f, "cited") != NULL)
			continue;
		/* printed nowhere: it has no page and no place in the list */
		tree_set(f, "cited", "no");
		source_msg(c->src, f, "id", DW_FOOTNOTE_UNCITED, id, id);
	}
}

/* Each <xref> gets the words it prints (c:text) and the anchor it links to (c:target). */
static void
S_xrefs(struct compute *c, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlNodePtr t, title;
		const char *text;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "xref") && (t = resolve_get(c->ids, tree_attr(n, "ref"))) != NULL) {
			const char *ref = tree_attr(n, "ref");

			text = tree_get(t, "xref");
			if (text == NULL && tree_is(t, "footnote") && tree_get(t, "mark") != NULL) {
				tree_take(n, "text", xasprintf("note %s", tree_get(t, "mark")));
				tree_set(n, "target", tree_attr(t, "id"));
			} else if (text == NULL && tree_is(t, "footnote"))
				source_msg(c->src, n, "ref", DE_XREF, ref,
				    "the footnote is never cited, so it has no number: cite it with <fn ref=\"ID\"/>");
			else if (text == NULL && (tree_is(t, "section") || tree_is(t, "appendix") ||
			    tree_is(t, "priority-actions") || tree_is(t, "item") || tree_is(t, "paper-section") ||
			    tree_is(t, "report-section")) &&
			    (title = tree_child(t, "title")) != NULL) {
				/* a part with no number is cited by its title, as printed */
				char *words = S_folded(title);

				tree_take(n, "text", xasprintf("‘%s’", words));
				tree_set(n, "target", S_first_id(t));
				free(words);
			} else if (text == NULL && (tree_is(t, "table") || tree_is(t, "chart")))
				source_msg(c->src, n, "ref", DE_XREF, ref,
				    "only a table or chart with a caption has a number: give it a <caption>");
			else if (text == NULL)
				source_msg(c->src, n, "ref", DE_XREF, ref,
				    "it has no number or title to print: refer to a section, appendix, table, chart, priority or footnote");
			else {
				tree_set(n, "text", text);
				tree_set(n, "target", S_first_id(t));
			}
			continue;
		}
		S_xrefs(c, n->children);
	}
}

/* The c:derived element of PARENT, made on first use: figures csdoc adds. */
static xmlNodePtr
S_derived(xmlDocPtr doc, xmlNodePtr parent)
{
	xmlNsPtr cns = tree_cns(doc);
	xmlNodePtr d;

	for (d = parent->children; d != NULL; d = d->next)
		if (d->type == XML_ELEMENT_NODE && d->ns == cns &&
		    strcmp((const char *)d->name, "derived") == 0)
			return d;
	d = xmlNewDocNode(doc, cns, (const xmlChar *)"derived", NULL);
	xmlAddChild(parent, d);
	return d;
}

xmlNodePtr
compute_add_figure(struct compute *c, xmlNodePtr parent, const char *id, const char *type,
    const char *role, const char *text, const char *expr)
{
	xmlDocPtr doc = c->src->doc;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr f = xmlNewDocNode(doc, root->ns, (const xmlChar *)"figure", NULL), mine;

	/* the name is csdoc's: an author's element with it is the one to rename */
	if ((mine = resolve_get(c->ids, id)) != NULL) {
		char *m = xasprintf("'%s' is a figure csdoc adds for this document's <%s>: give your element another id",
		    id, (const char *)parent->name);

		source_msg(c->src, mine, "id", DE_ERROR, m);
		free(m);
	}
	/*
	 * Messages about it point at the element it belongs to (or where the
	 * caller moves them, in _private); it has no line of its own, so it
	 * takes no tag of the source's in the positions of others.
	 */
	f->line = 0;
	f->_private = parent;
	xmlAddChild(S_derived(doc, parent), f);
	xmlSetProp(f, (const xmlChar *)"id", (const xmlChar *)id);
	xmlSetProp(f, (const xmlChar *)"type", (const xmlChar *)type);
	if (expr != NULL)
		xmlSetProp(f, (const xmlChar *)"compute", (const xmlChar *)expr);
	if (text != NULL)
		xmlNodeAddContent(f, (const xmlChar *)text);
	tree_set(f, "role", role);
	return f;
}

/* Figures asked for in words ("four"): a whole number from 0 to 999, else as it is. */
static void
S_words(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		const char *v;
		char *end;
		long x;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		/* a count or a plain number: "four"; a sum of money or a percentage keeps its figures */
		if (tree_is(n, "figure") && (v = tree_attr(n, "words")) != NULL && v[0] == 'y' &&
		    tree_get(n, "kind") != NULL && (strcmp(tree_get(n, "kind"), "count") == 0 ||
		    strcmp(tree_get(n, "kind"), "number") == 0) &&
		    (v = tree_get(n, "value")) != NULL) {
			x = strtol(v, &end, 10);
			if (*end == '\0' && end != v && x >= 0 && x <= 999)
				tree_take(n, "display", x == 0 ? xstrdup("none") : label_for("one", x));
			continue;
		}
		S_words(n->children);
	}
}

void
compute_references(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);

	S_footnotes(c, root);
	S_xrefs(c, root);
	S_words(root);
}

void
compute_common(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);
	xmlHashTablePtr seen = xmlHashCreate(16);

	S_walk(c, root);
	S_glossary(c, root);
	S_image_names(c, root, seen);
	xmlHashFree(seen, NULL);
}

void
compute_report_header(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);
	xmlNodePtr hdr = tree_child(root, "report-header"), n;

	if (hdr == NULL)
		return;
	if ((n = tree_child(hdr, "title")) != NULL)
		tree_take(root, "title", tree_text_folded(n));
	if ((n = tree_child(hdr, "body")) != NULL)
		tree_take(root, "body", tree_text_folded(n));
	if ((n = tree_child(hdr, "date")) != NULL) {
		char *v = tree_text_folded(n);
		struct date d;

		if (date_parse(v, &d) == 0)
			tree_take(root, "date-display", date_display(&d, DATE_LONG));
		free(v);
	}
}
