/* refgen.c: the vocabulary reference (make docs): one HTML page per kind from the schemas' annotations, with examples from the samples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "diag.h"
#include "load.h"
#include "paths.h"
#include "util.h"
#include "xslt.h"

#define NS_CSDOC "urn:csdoc:1"
#define NS_REF   "urn:csdoc:reference"
#define SHEET    "stylesheets/docs/reference.xsl"

/* The pages, in the index's order; common holds what every kind shares. */
static const char *const kinds[] = {
	"minutes", "agreement", "performance-report", "report", "meeting-pack", "common",
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

/*
 * An example is kept short enough to read at a glance: a few levels, a few
 * children of each, short texts, and at most EX_LINES lines in all.
 */
#define EX_DEPTH    3
#define EX_CHILDREN 4
#define EX_TEXT     70
#define EX_LINES    24

static int
S_blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* A text cut at about MAX bytes, between UTF-8 characters, with an ellipsis. */
static char *
S_cut(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return xstrdup(s);
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return xasprintf("%.*s…", (int)max, s);
}

/*
 * Copy SRC into PARENT without namespaces (the example shows what the author
 * types inside the document, where the namespace is already declared),
 * dropping indentation so the serializer can lay it out again, and trimming.
 */
static void
S_trim_copy(xmlNodePtr parent, xmlNodePtr src, int depth)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, src->name, NULL);
	int kept = 0, more = 0;

	for (xmlAttrPtr a = src->properties; a; a = a->next) {
		xmlChar *v;
		char *c;

		/* csdoc's attributes have no prefix; xsi:schemaLocation and the
		   like are for editors, not part of the vocabulary shown */
		if (a->ns != NULL)
			continue;
		v = xmlNodeGetContent((xmlNodePtr)a);
		c = S_cut((const char *)(v ? v : (const xmlChar *)""), EX_TEXT);

		xmlNewProp(n, a->name, (const xmlChar *)c);
		free(c);
		xmlFree(v);
	}
	for (xmlNodePtr c = src->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			char *t;

			if (S_blank(c->content))
				continue;
			t = S_cut((const char *)c->content, EX_TEXT);
			xmlAddChild(n, xmlNewText((const xmlChar *)t));
			free(t);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (depth >= EX_DEPTH || kept >= EX_CHILDREN) {
				more = 1;
				continue;
			}
			S_trim_copy(n, c, depth + 1);
			kept++;
		}
	}
	if (more)
		xmlAddChild(n, xmlNewComment((const xmlChar *)" … "));
}

/* The trimmed, indented text of element E. */
static char *
S_example(xmlNodePtr e)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr holder = xmlNewNode(NULL, (const xmlChar *)"x");
	xmlBufferPtr xb = xmlBufferCreate();
	struct buf b = { 0 };
	const char *s;
	int lines = 0;

	xmlDocSetRootElement(doc, holder);
	S_trim_copy(holder, e, 1);
	xmlNodeDump(xb, doc, holder->children, 0, 1);
	s = (const char *)xmlBufferContent(xb);
	for (const char *p = s; *p; p++) {
		if (*p == '\n' && ++lines >= EX_LINES) {
			buf_puts(&b, "\n…");
			break;
		}
		buf_putc(&b, *p);
	}
	xmlBufferFree(xb);
	xmlFreeDoc(doc);
	{
		char *r = xstrdup(buf_str(&b));

		buf_free(&b);
		return r;
	}
}

/*
 * Record the first occurrence of each element, by its name and by its
 * parent's name and its own ("meeting/date"), so that an element declared in
 * one place (a meeting's date) shows itself there, not the first date seen.
 */
static void
S_collect(xmlNodePtr n, xmlNodePtr examples, xmlHashTablePtr seen, const char *from)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)NS_CSDOC)) {
			char *keys[2];

			keys[0] = xstrdup((const char *)n->name);
			keys[1] = n->parent && n->parent->type == XML_ELEMENT_NODE ?
			    xasprintf("%s/%s", n->parent->name, n->name) : NULL;
			for (int i = 0; i < 2; i++) {
				if (keys[i] == NULL || xmlHashLookup(seen, (const xmlChar *)keys[i]))
					continue;
				char *text = S_example(n);
				xmlNodePtr ex = xmlNewTextChild(examples, NULL, (const xmlChar *)"example",
				    (const xmlChar *)text);

				xmlNewProp(ex, (const xmlChar *)"key", (const xmlChar *)keys[i]);
				xmlNewProp(ex, (const xmlChar *)"from", (const xmlChar *)from);
				xmlHashAddEntry(seen, (const xmlChar *)keys[i], ex);
				free(text);
			}
			free(keys[0]);
			free(keys[1]);
		}
		S_collect(n->children, examples, seen, from);
	}
}

static int
S_write(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(b->s, 1, b->len, f) != b->len) {
		if (f)
			fclose(f);
		fprintf(stderr, "refgen: cannot write %s\n", path);
		return -1;
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "refgen: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct diag d;
	xmlDocPtr in;
	xmlNodePtr root, examples;
	xmlHashTablePtr seen;
	int rc = 0;

	if (argc < 2) {
		fputs("usage: refgen OUTDIR [SAMPLE.xml...]\n", stderr);
		return 2;
	}
	load_init();
	diag_init(&d, "refgen");

	/* one input for the stylesheet: every schema, and the samples' examples */
	in = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewNode(NULL, (const xmlChar *)"reference");
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)NS_REF, NULL));
	xmlDocSetRootElement(in, root);
	for (size_t i = 0; i < NKINDS; i++) {
		char *rel = xasprintf("schemas/%s.xsd", kinds[i]);
		char *path = paths_data(rel);
		xmlDocPtr xsd = load_file(path, &d);
		xmlNodePtr s;

		free(rel);
		free(path);
		if (xsd == NULL) {
			rc = 3;
			continue;
		}
		s = xmlNewChild(root, NULL, (const xmlChar *)"schema", NULL);
		xmlNewProp(s, (const xmlChar *)"kind", (const xmlChar *)kinds[i]);
		xmlAddChild(s, xmlDocCopyNode(xmlDocGetRootElement(xsd), in, 1));
		xmlFreeDoc(xsd);
	}
	examples = xmlNewChild(root, NULL, (const xmlChar *)"examples", NULL);
	seen = xmlHashCreate(256);
	for (int i = 2; i < argc; i++) {
		xmlDocPtr s = load_file(argv[i], &d);

		if (s == NULL) {
			rc = 3;
			continue;
		}
		S_collect(xmlDocGetRootElement(s), examples, seen, argv[i]);
		xmlFreeDoc(s);
	}
	xmlHashFree(seen, NULL);

	if (rc == 0 && mkdir(argv[1], 0777) != 0) {
		struct stat st;

		if (stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, "refgen: cannot make the directory %s\n", argv[1]);
			rc = 3;
		}
	}
	for (size_t i = 0; rc == 0 && i <= NKINDS; i++) {
		const char *page = i < NKINDS ? kinds[i] : "index";
		const char *params[] = { "page", page, NULL };
		xmlDocPtr res = xslt_apply_params(SHEET, in, params, &d);
		struct buf b = { 0 };

		if (res == NULL || xslt_serialize(SHEET, res, &b, &d) != 0) {
			rc = 3;
		} else {
			char *out = xasprintf("%s/%s.html", argv[1], page);

			if (S_write(out, &b) != 0)
				rc = 3;
			free(out);
		}
		buf_free(&b);
		if (res)
			xmlFreeDoc(res);
	}
	diag_print(&d, stderr);
	if (diag_failed(&d) && rc == 0)
		rc = 3;
	diag_free(&d);
	xmlFreeDoc(in);
	xslt_cleanup();
	xmlCleanupParser();
	return rc;
}
