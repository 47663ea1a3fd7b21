/* test_typeset.c: the typesetter — line breaking, hyphenation, pagination rules, tables, graphics, footnotes, contents and page references, page numbers, and the PDF it writes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <hyphen.h>
#include <libxml/parser.h>
#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "typeset/layout.h"
#include "typeset/typeset.h"
#include "util.h"

/* Fixtures are read relative to the top of the tree, where make runs the tests. */
#define FIX "tests/typeset/"
#define HEAD "<?xml version=\"1.0\"?><document xmlns=\"urn:csdoc:print:1\" title=\"T\">"

static const char *lorem =
    "The Partnership considered the quarterly performance report in detail and "
    "asked officers to bring forward proposals for the next meeting, taking "
    "account of the comments made by members about the reporting of anti-social "
    "behaviour and the new case management system. ";

static xmlDocPtr
S_file(const char *path)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);

	assert_non_null(doc);
	return doc;
}

static xmlDocPtr
S_mem(const char *s)
{
	xmlDocPtr doc = xmlReadMemory(s, (int)strlen(s), "test.xml", NULL, XML_PARSE_NONET);

	assert_non_null(doc);
	return doc;
}

/* Render DOC (to PDF if PDF is non-NULL); the box dump and the diagnostics into new strings. */
static int
S_render(xmlDocPtr doc, const char *pdf, char **boxes, char **msgs)
{
	struct ts_options opt = { -1, NULL, NULL, 0 };
	struct diag d;
	size_t n1 = 0, n2 = 0;
	char *b = NULL, *m = NULL;
	FILE *f1 = open_memstream(&b, &n1), *f2 = open_memstream(&m, &n2);
	int rc;

	diag_init(&d, "test.xml");
	opt.boxes = f1;
	rc = ts_render(doc, pdf, &opt, &d);
	diag_print(&d, f2);
	diag_free(&d);
	fclose(f1);
	fclose(f2);
	if (boxes)
		*boxes = b;
	else
		free(b);
	if (msgs)
		*msgs = m;
	else
		free(m);
	return rc;
}

/* Stages 1 and 2 only, to look at blocks and boxes together. */
struct run {
	struct ts_doc   doc;
	struct ts_pages pages;
	PangoFontMap   *fm;
	PangoContext   *ctx;
	struct diag     d;
};

static void
S_layout(struct run *r, xmlDocPtr xml)
{
	memset(r, 0, sizeof(*r));
	diag_init(&r->d, "test.xml");
	assert_int_equal(ts_read(xml, &r->doc, &r->d), 0);
	r->ctx = ts_context(&r->fm, r->doc.font, "en-GB");
	assert_int_equal(ts_layout(&r->doc, r->ctx, &r->pages, &r->d), 0);
}

static void
S_run_free(struct run *r)
{
	ts_pages_free(&r->pages);
	ts_doc_free(&r->doc);
	g_object_unref(r->ctx);
	g_object_unref(r->fm);
	diag_free(&r->d);
}

/* One dump record. */
struct rec {
	int    page;
	char   kind[8];
	double x, y, w, h;
	char   text[256];
};

/* The Ith record of a dump (0-based, page lines skipped); 0 if there is none. */
static int
S_rec(const char *dump, int i, struct rec *r)
{
	const char *p = dump;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, "page ", 5) != 0 && i-- == 0) {
			const char *q;

			memset(r, 0, sizeof(*r));
			assert_int_equal(sscanf(p, "%d %7s %lf %lf %lf %lf", &r->page, r->kind,
			    &r->x, &r->y, &r->w, &r->h), 6);
			q = strchr(p, '"');
			if (q != NULL && q < p + strcspn(p, "\n")) {
				size_t n = strcspn(q + 1, "\n");

				if (n > 0)
					n--;    /* the closing quote */
				if (n >= sizeof(r->text))
					n = sizeof(r->text) - 1;
				memcpy(r->text, q + 1, n);
			}
			return 1;
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return 0;
}

static int
S_pages(const char *dump)
{
	int n = 0;

	for (const char *p = dump; (p = strstr(p, "page ")) != NULL; p++)
		if (p == dump || p[-1] == '\n')
			n++;
	return n;
}

/* ------------------------------------------------------------ tests */

static void
test_col_widths(void **state)
{
	double mn[2] = { 10, 10 }, mx[2] = { 20, 200 }, out[2];

	(void)state;
	/* Room for everything: the wide column keeps more of the extra. */
	ts_col_widths(mn, mx, 2, 500, out);
	assert_true(out[0] >= 20 && out[1] >= 200 && out[1] > out[0]);
	assert_true(out[0] + out[1] > 499.99 && out[0] + out[1] < 500.01);
	/* Between minimum and maximum: the narrow column stays near its content. */
	ts_col_widths(mn, mx, 2, 100, out);
	assert_true(out[0] >= 10 && out[0] < 20 && out[1] > 70);
	assert_true(out[0] + out[1] > 99.99 && out[0] + out[1] < 100.01);
	/* Less than the minimum: shrink in proportion. */
	ts_col_widths(mn, mx, 2, 10, out);
	assert_true(out[0] > 4.99 && out[0] < 5.01);
}

static void
test_line_breaking(void **state)
{
	xmlDocPtr doc = S_file(FIX "narrow.xml");
	char *dump;
	struct rec r;
	double colw = 210 - 70 - 80;   /* mm */
	int lines = 0, full = 0;

	(void)state;
	colw *= TS_MM;
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	for (int i = 0; S_rec(dump, i, &r); i++) {
		if (strcmp(r.kind, "text") != 0)
			continue;
		lines++;
		/* No line is wider than the column, not even the one with the long word. */
		assert_true(r.w <= colw + 0.01);
		if (r.w > colw - 0.01)
			full++;
	}
	/* Two paragraphs of several lines and a broken long word. */
	assert_true(lines >= 15);
	/* Justified lines fill the column (all but the last). */
	assert_true(full >= 5);
	assert_non_null(strstr(dump, "\"Pneumonoultramicroscopicsilicovol"));
	free(dump);
	xmlFreeDoc(doc);
}

/* A document that puts paragraph and heading boundaries at every offset on the page. */
static char *
S_sweep_doc(int shift, int headings)
{
	struct buf b = { NULL, 0, 0 };
	char *s;

	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><rule space-after=\"0\"/>");
	buf_printf(&b, "<para space-before=\"%d\">%s</para>", shift, "Opening line.");
	for (int i = 0; i < 14; i++) {
		if (headings && i % 2 == 1)
			buf_printf(&b, "<heading level=\"2\" label=\"%d\">Heading number %d</heading>", i, i);
		buf_puts(&b, "<para>");
		for (int j = 0; j < (i % 4) + 1; j++)
			buf_puts(&b, lorem);
		buf_puts(&b, "</para>");
	}
	buf_puts(&b, "</flow></document>");
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static void
test_widows_orphans(void **state)
{
	int splits = 0;

	(void)state;
	for (int shift = 0; shift < 28; shift += 1) {
		char *s = S_sweep_doc(shift, 0);
		xmlDocPtr doc = S_mem(s);
		struct run r;

		free(s);
		S_layout(&r, doc);
		/* For every paragraph, the number of its lines on each page. */
		for (struct ts_blk *b = r.doc.root->first->first; b != NULL; b = b->next) {
			int per[8] = { 0 }, total = 0, pages = 0;

			if (b->kind != BK_PARA)
				continue;
			for (size_t p = 0; p < r.pages.pv.n && p < 8; p++)
				for (size_t i = 0; i < r.pages.pv.p[p].n; i++)
					if (r.pages.pv.p[p].b[i].blk == b && r.pages.pv.p[p].b[i].kind == TB_TEXT)
						per[p]++, total++;
			for (int p = 0; p < 8; p++)
				if (per[p] > 0) {
					pages++;
					if (total > 1)
						assert_true(per[p] >= 2);
				}
			splits += pages > 1;
		}
		S_run_free(&r);
		xmlFreeDoc(doc);
	}
	/* The sweep did split paragraphs, so the rule was exercised. */
	assert_true(splits > 0);
}

static void
test_heading_keep(void **state)
{
	(void)state;
	for (int shift = 0; shift < 28; shift += 1) {
		char *s = S_sweep_doc(shift, 1);
		xmlDocPtr doc = S_mem(s);
		struct run r;

		free(s);
		S_layout(&r, doc);
		assert_true(r.pages.pv.n >= 2);
		for (size_t p = 0; p < r.pages.pv.n; p++) {
			const struct ts_page *pg = &r.pages.pv.p[p];
			const struct ts_box *last = NULL;
			int after = 0;

			for (size_t i = 0; i < pg->n; i++)
				if (pg->b[i].kind == TB_TEXT) {
					if (last && last->blk->kind == BK_HEADING && pg->b[i].blk->kind != BK_HEADING)
						after = 0;
					last = &pg->b[i];
					if (last->blk->kind != BK_HEADING)
						after++;
				}
			/* A heading is never the last thing on a page ... */
			assert_non_null(last);
			assert_int_not_equal(last->blk->kind, BK_HEADING);
		}
		/* ... and what follows it starts on its page with two lines at least. */
		for (struct ts_blk *b = r.doc.root->first->first; b != NULL; b = b->next)
			if (b->kind == BK_HEADING) {
				struct ts_blk *n = b->next;
				const struct ts_page *pg = &r.pages.pv.p[b->last_page - 1];
				int k = 0;

				assert_int_equal(n->first_page, b->last_page);
				for (size_t i = 0; i < pg->n; i++)
					k += pg->b[i].kind == TB_TEXT && pg->b[i].blk == n;
				assert_true(k >= 2);
			}
		S_run_free(&r);
		xmlFreeDoc(doc);
	}
}

static void
test_table_widths(void **state)
{
	xmlDocPtr doc = S_file(FIX "widths.xml");
	double avail = (210 - 40) * TS_MM;
	struct rec a, b;
	char *dump;

	(void)state;
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	/* Records 0 and 1 are the first row's frames: content decides. */
	assert_true(S_rec(dump, 0, &a) && S_rec(dump, 1, &b));
	assert_string_equal(a.kind, "frame");
	assert_true(a.w < 40 && b.w > 400);
	assert_true(a.w + b.w > avail - 0.01 && a.w + b.w < avail + 0.01);
	/* Given widths are honoured whatever the content. */
	for (int i = 0; S_rec(dump, i, &a); i++)
		if (strcmp(a.kind, "frame") == 0 && a.y > 100) {
			assert_true(S_rec(dump, i + 1, &b));
			assert_true(a.w > 0.3 * avail - 0.01 && a.w < 0.3 * avail + 0.01);
			assert_true(b.w > 0.7 * avail - 0.01 && b.w < 0.7 * avail + 0.01);
			break;
		}
	free(dump);
	xmlFreeDoc(doc);
}

static void
test_table_split(void **state)
{
	xmlDocPtr doc = S_file(FIX "longtable.xml");
	char *dump;
	struct rec r;
	int rept2 = 0, cont = 0, head = 0, body_on_2 = 0;

	(void)state;
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	assert_int_equal(S_pages(dump), 3);
	for (int i = 0; S_rec(dump, i, &r); i++) {
		if (r.page == 1)
			/* the first page has the caption and header as real content */
			assert_string_not_equal(r.kind, "rept");
		if (r.page != 2)
			continue;
		if (strcmp(r.kind, "rept") == 0) {
			rept2++;
			/* repeated lines come before the page's own rows */
			assert_int_equal(body_on_2, 0);
			cont += strcmp(r.text, "Register of members (continued)") == 0;
			head += strcmp(r.text, "Number") == 0 || strcmp(r.text, "Entry") == 0;
		} else if (strcmp(r.kind, "text") == 0)
			body_on_2++;
	}
	assert_int_equal(cont, 1);
	assert_int_equal(head, 2);
	assert_true(body_on_2 > 20);
	/* Page N of M in the footer, M known without a second layout. */
	assert_non_null(strstr(dump, "\"Page 2 of 3\""));
	assert_non_null(strstr(dump, "\"Page 3 of 3\""));
	free(dump);
	xmlFreeDoc(doc);
}

/* The page of the first text record containing TEXT, 0 if none. */
static int
S_page_of(const char *dump, const char *text)
{
	struct rec r;

	for (int i = 0; S_rec(dump, i, &r); i++)
		if (strstr(r.text, text) != NULL)
			return r.page;
	return 0;
}

static void
test_keep_together(void **state)
{
	xmlDocPtr doc = S_file(FIX "keep.xml");
	xmlNodePtr box;
	char *dump;

	(void)state;
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	/* The box is moved whole to page 2. */
	assert_int_equal(S_page_of(dump, "Filler paragraph 35."), 1);
	assert_int_equal(S_page_of(dump, "Action 1"), 2);
	assert_int_equal(S_page_of(dump, "Fourth paragraph"), 2);
	assert_int_equal(S_page_of(dump, "JS"), 2);
	free(dump);
	/* Without keep-together it would have started on page 1. */
	box = xmlDocGetRootElement(doc)->last;
	while (box != NULL && box->type != XML_ELEMENT_NODE)
		box = box->prev;
	box = box->last;
	while (box != NULL && box->type != XML_ELEMENT_NODE)
		box = box->prev;
	assert_string_equal((const char *)box->name, "box");
	xmlSetProp(box, (const xmlChar *)"keep-together", (const xmlChar *)"no");
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	assert_int_equal(S_page_of(dump, "Action 1"), 1);
	free(dump);
	xmlFreeDoc(doc);
}

static void
test_body_page_count(void **state)
{
	struct buf b = { NULL, 0, 0 };
	xmlDocPtr doc;
	char *dump;

	(void)state;
	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<para>This document has <page-count/> pages; this is page <page-number/>.</para>");
	for (int i = 0; i < 20; i++)
		buf_printf(&b, "<para>%s%s%s%s</para>", lorem, lorem, lorem, lorem);
	buf_puts(&b, "</flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	/* The count is the real one even though it was not known when the text was first set. */
	assert_int_equal(S_pages(dump), 5);
	assert_non_null(strstr(dump, "\"This document has 5 pages; this is page 1.\""));
	free(dump);
	xmlFreeDoc(doc);
}

static char *
S_slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*n = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	s = xmalloc(*n + 1);
	assert_int_equal(fread(s, 1, *n, f), *n);
	fclose(f);
	return s;
}

/* The output of CMD, in a new string. */
static char *
S_cmd(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	struct buf b = { NULL, 0, 0 };
	char line[512];
	char *s;

	assert_non_null(p);
	while (fgets(line, sizeof(line), p) != NULL)
		buf_puts(&b, line);
	pclose(p);
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static void
test_pdf(void **state)
{
	char p1[] = "/tmp/csdoc-ts-XXXXXX", p2[] = "/tmp/csdoc-ts-XXXXXX", cmd[256];
	xmlDocPtr doc = S_file(FIX "minutes.xml");
	char *a, *b, *out, *line;
	size_t na, nb;
	int fd1 = mkstemp(p1), fd2 = mkstemp(p2), fonts = 0;

	(void)state;
	assert_true(fd1 >= 0 && fd2 >= 0);
	close(fd1);
	close(fd2);
	assert_int_equal(S_render(doc, p1, NULL, NULL), 0);
	assert_int_equal(S_render(doc, p2, NULL, NULL), 0);
	/* Reproducible: the same input gives the same bytes. */
	a = S_slurp(p1, &na);
	b = S_slurp(p2, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);

	snprintf(cmd, sizeof(cmd), "pdfinfo %s 2>&1", p1);
	out = S_cmd(cmd);
	assert_non_null(strstr(out, "Tagged:          yes"));
	assert_non_null(strstr(out, "Creator:         csdoc"));
	assert_non_null(strstr(out, "CreationDate:    Thu Mar 10 00:00:00 2011 UTC"));
	assert_non_null(strstr(out, "Title:           Safer Essex"));
	free(out);

	/* Every font embedded: the "emb" column says yes on every row. */
	snprintf(cmd, sizeof(cmd), "pdffonts %s 2>&1 | tail -n +3", p1);
	out = S_cmd(cmd);
	for (line = strtok(out, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		char emb[8], sub[8], uni[8];
		int obj, gen, n = (int)strlen(line);

		/* The type column may have two words: read the last five from the end. */
		for (int k = 0; k < 5 && n > 0; k++) {
			while (n > 0 && line[n - 1] == ' ')
				n--;
			while (n > 0 && line[n - 1] != ' ')
				n--;
		}
		assert_int_equal(sscanf(line + n, "%7s %7s %7s %d %d", emb, sub, uni, &obj, &gen), 5);
		assert_string_equal(emb, "yes");
		fonts++;
	}
	assert_true(fonts >= 2);
	free(out);

	snprintf(cmd, sizeof(cmd), "qpdf --check %s >/dev/null 2>&1 && echo ok", p1);
	out = S_cmd(cmd);
	assert_string_equal(out, "ok\n");
	free(out);

	/* Structure: headings, a table with header cells, a list, links. */
	snprintf(cmd, sizeof(cmd), "pdfinfo -struct %s 2>&1", p1);
	out = S_cmd(cmd);
	assert_non_null(strstr(out, "Document"));
	assert_non_null(strstr(out, "H2"));
	assert_non_null(strstr(out, "TH"));
	assert_non_null(strstr(out, "Lbl"));
	assert_non_null(strstr(out, "Link"));
	free(out);

	/* Bookmarks, nested by level, and the internal link's destination. */
	snprintf(cmd, sizeof(cmd), "qpdf --show-npages %s 2>&1", p1);
	out = S_cmd(cmd);
	assert_string_equal(out, "2\n");
	free(out);
	snprintf(cmd, sizeof(cmd), "qpdf --qdf --object-streams=disable %s - 2>/dev/null | grep -a -c '/Title'", p1);
	out = S_cmd(cmd);
	assert_true(atoi(out) >= 6);   /* the document's and one per heading */
	free(out);

	unlink(p1);
	unlink(p2);
	xmlFreeDoc(doc);
}

static void
test_missing_font(void **state)
{
	xmlDocPtr doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\"><para>x</para></flow></document>");
	char *msgs;

	(void)state;
	xmlSetProp(xmlDocGetRootElement(doc), (const xmlChar *)"font",
	    (const xmlChar *)"Liberation Nonexistent");
	assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
	assert_non_null(strstr(msgs, "font 'Liberation Nonexistent' is not installed: install the Debian package fonts-liberation2"));
	free(msgs);
	xmlFreeDoc(doc);
}

static void
test_limits(void **state)
{
	struct buf b = { NULL, 0, 0 };
	xmlDocPtr doc;
	char *msgs;

	(void)state;
	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><table><row>");
	for (int i = 0; i < 65; i++)
		buf_puts(&b, "<cell><para>c</para></cell>");
	buf_puts(&b, "</row></table></flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
	assert_non_null(strstr(msgs, "more than 64 columns"));
	free(msgs);
	xmlFreeDoc(doc);

	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">");
	for (int i = 0; i < 120; i++)
		buf_puts(&b, "<box>");
	buf_puts(&b, "<para>deep</para>");
	for (int i = 0; i < 120; i++)
		buf_puts(&b, "</box>");
	buf_puts(&b, "</flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
	assert_non_null(strstr(msgs, "nested more than 100"));
	free(msgs);
	xmlFreeDoc(doc);
}

/* Valid but awkward trees: empty things, spans past the end, a cell taller than a page. */
static void
test_awkward(void **state)
{
	struct buf b = { NULL, 0, 0 };
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	xmlDocPtr doc;
	char *dump;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	buf_puts(&b, HEAD "<page-master name=\"m\" orientation=\"landscape\"><header rule=\"no\"/></page-master>"
	    "<flow master=\"m\"/><flow master=\"m\"><page-break/><para/><heading level=\"6\"/>"
	    "<list><item label=\"\"/></list><box id=\"empty\"/><para><link href=\"#empty\">to nothing</link></para>"
	    "<table borders=\"none\"><row><cell rowspan=\"9\"/><cell colspan=\"3\"><para>x</para></cell></row>"
	    "<row header=\"yes\"><cell/></row></table>"
	    "<table><row header=\"yes\"><cell><para>Head</para></cell></row><row><cell>");
	for (int i = 0; i < 120; i++)
		buf_printf(&b, "<para>Line %d of a cell taller than a page.</para>", i);
	buf_puts(&b, "</cell></row></table><heading level=\"1\">Last</heading></flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, path, &dump, NULL), 0);
	/* The tall cell went on over pages, each line once, none below the body. */
	for (int i = 0; i < 120; i++) {
		char want[64];
		struct rec r;
		int seen = 0;

		snprintf(want, sizeof(want), "Line %d of a cell", i);
		for (int j = 0; S_rec(dump, j, &r); j++)
			if (strncmp(r.text, want, strlen(want)) == 0) {
				seen++;
				assert_true(r.y + r.h <= 595.28 - 25 * TS_MM + 0.01);
			}
		assert_int_equal(seen, 1);
	}
	free(dump);
	unlink(path);
	xmlFreeDoc(doc);
}

/* The PDF at PATH passes qpdf --check and is tagged. */
static void
S_pdf_ok(const char *path)
{
	char cmd[512];
	char *out;

	snprintf(cmd, sizeof(cmd), "qpdf --check %s >/dev/null 2>&1 && echo ok", path);
	out = S_cmd(cmd);
	assert_string_equal(out, "ok\n");
	free(out);
	snprintf(cmd, sizeof(cmd), "pdfinfo %s 2>&1", path);
	out = S_cmd(cmd);
	assert_non_null(strstr(out, "Tagged:          yes"));
	free(out);
}

/* Every text line of DUMP is on its page: inside the paper, and above BOTTOM points from its foot. */
static void
S_on_paper(const char *dump, double bottom)
{
	const char *p = dump;
	double pw = 0, ph = 0;

	while (p != NULL && *p != '\0') {
		struct rec r;

		if (strncmp(p, "page ", 5) == 0)
			assert_int_equal(sscanf(p, "page %*d %lf %lf", &pw, &ph), 2);
		else if (sscanf(p, "%d %7s %lf %lf %lf %lf", &r.page, r.kind, &r.x, &r.y,
		    &r.w, &r.h) == 6 && strcmp(r.kind, "text") == 0) {
			assert_true(r.x >= 0 && r.y >= 0);
			assert_true(r.x + r.w <= pw + 0.01);
			assert_true(r.y + r.h <= ph - bottom + 0.01);
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
}

/*
 * Sizes at the schema's limits.  A heading of 1000 points in a list put the
 * item's label below the paper; cairo dropped it and then failed to finish
 * the empty Lbl element ("invalid tag name, attributes, or nesting", or an
 * assertion in cairo-array.c).  Sizes are now bounded by the page body.
 */
static void
test_sizes(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	xmlDocPtr doc = S_file(FIX "sizes.xml");
	char *dump, *msgs;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(S_render(doc, path, &dump, &msgs), 0);
	assert_non_null(strstr(msgs, "font size 1000 pt does not fit the page"));
	assert_non_null(strstr(msgs, "font size 0 pt does not fit the page: 1 pt used"));
	S_on_paper(dump, 0);
	assert_true(S_page_of(dump, "After the") > 0);
	S_pdf_ok(path);
	free(dump);
	free(msgs);
	unlink(path);
	xmlFreeDoc(doc);
}

/*
 * Text set beside other text.  A side note longer than its box ran off the
 * bottom of the paper; list labels wider than label-width were drawn over
 * the items' text; a heading label wider than half the column over the
 * heading; a long watermark ran far off the page.
 */
static void
test_beside(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	xmlDocPtr doc = S_file(FIX "beside.xml");
	double bottom = 25 * TS_MM, diag = sqrt(595.28 * 595.28 + 841.89 * 841.89);
	char *dump;
	struct rec r, a, b;
	int fd = mkstemp(path), fills2 = 0;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(S_render(doc, path, &dump, NULL), 0);
	S_on_paper(dump, bottom);
	/* Every word of the side note, once, the last ones past page 1. */
	for (int i = 0; i < 150; i++) {
		char want[32];
		int seen = 0;

		snprintf(want, sizeof(want), "owner%d", i);
		for (int j = 0; S_rec(dump, j, &r); j++)
			for (const char *p = r.text; (p = strstr(p, want)) != NULL; p++)
				seen += p[strlen(want)] == '\0' || p[strlen(want)] == ' ';
		assert_int_equal(seen, 1);
	}
	assert_true(S_page_of(dump, "owner149") > 1);
	/* The box's shading follows its side note onto page 2. */
	for (int i = 0; S_rec(dump, i, &r); i++)
		fills2 += r.page == 2 && strcmp(r.kind, "fill") == 0;
	assert_int_equal(fills2, 1);
	/* Labels end before their items' text begins. */
	for (int i = 0; S_rec(dump, i, &a) && S_rec(dump, i + 1, &b); i++) {
		if (strcmp(a.text, "(viii)") == 0 || strcmp(a.text, "Schedule 12") == 0) {
			assert_true(b.y > a.y - 0.01 && b.y < a.y + 0.01);
			assert_true(a.x + a.w < b.x);
		}
		if (strncmp(b.text, "Heading with", 12) == 0) {
			/* a is the heading label's last line */
			assert_true(strncmp(a.text, "Label", 5) == 0);
			assert_true(a.x + a.w < b.x);
		}
		if (strcmp(a.kind, "mark") == 0)
			assert_true(a.w < diag);
	}
	S_pdf_ok(path);
	free(dump);
	unlink(path);
	xmlFreeDoc(doc);
}

/* Pango attributes of TYPE in LAY. */
static int
S_count_attrs(PangoLayout *lay, PangoAttrType type)
{
	GSList *all = pango_attr_list_get_attributes(pango_layout_get_attributes(lay));
	int n = 0;

	for (GSList *l = all; l != NULL; l = l->next) {
		n += ((PangoAttribute *)l->data)->klass->type == type;
		pango_attribute_destroy(l->data);
	}
	g_slist_free(all);
	return n;
}

/*
 * A 10,000-character word: pango shapes the rest of an item again for
 * every line it breaks, so set a character a line in a narrow column it
 * took seconds a cell.  Long runs are cut into short items; words of an
 * ordinary length are left alone.
 */
static void
test_long_word(void **state)
{
	struct ts_style st = { 10.5, 0, 0, 0, TS_NOCOLOUR };
	struct buf b = { NULL, 0, 0 };
	struct ts_doc tdoc;
	PangoFontMap *fm;
	PangoContext *ctx = ts_context(&fm, NULL, "en-GB");
	PangoLayout *lay;
	char *word = xmalloc(10001), *dump;
	xmlDocPtr doc;

	(void)state;
	memset(&tdoc, 0, sizeof(tdoc));
	tdoc.font = "Liberation Sans";
	tdoc.size = 10.5;
	memset(word, 'W', 10000);
	word[10000] = '\0';
	lay = ts_inline_layout(ctx, &tdoc, NULL, &st, NULL, word, NULL, 0, 0);
	assert_true(S_count_attrs(lay, PANGO_ATTR_FALLBACK) >= 100);
	g_object_unref(lay);
	word[150] = '\0';
	lay = ts_inline_layout(ctx, &tdoc, NULL, &st, NULL, word, NULL, 0, 0);
	assert_int_equal(S_count_attrs(lay, PANGO_ATTR_FALLBACK), 0);
	g_object_unref(lay);
	/* Combining marks and Arabic are never cut from what they join. */
	buf_puts(&b, "");
	for (int i = 0; i < 300; i++)
		buf_puts(&b, "e\xcc\x81");
	lay = ts_inline_layout(ctx, &tdoc, NULL, &st, NULL, buf_str(&b), NULL, 0, 0);
	{
		GSList *all = pango_attr_list_get_attributes(pango_layout_get_attributes(lay));

		assert_non_null(all);
		for (GSList *l = all; l != NULL; l = l->next) {
			PangoAttribute *at = l->data;

			/* every cut is before an 'e', never before the accent */
			if (at->start_index > 0)
				assert_int_equal(buf_str(&b)[at->start_index], 'e');
			pango_attribute_destroy(at);
		}
		g_slist_free(all);
	}
	g_object_unref(lay);
	buf_free(&b);
	g_object_unref(ctx);
	g_object_unref(fm);

	/* The word in four narrow cells, all of it set. */
	word[150] = 'W';
	word[2000] = '\0';
	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><table><row>");
	for (int i = 0; i < 12; i++)
		buf_printf(&b, "<cell><para>%s</para></cell>", i % 3 == 0 ? word : "x");
	buf_puts(&b, "</row></table></flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	{
		struct rec r;
		size_t total = 0;

		for (int i = 0; S_rec(dump, i, &r); i++)
			if (strcmp(r.kind, "text") == 0 && r.text[0] == 'W')
				total += strlen(r.text);
		assert_int_equal(total, 4 * 2000);
	}
	free(dump);
	free(word);
	xmlFreeDoc(doc);
}

/*
 * Plain PDFs: with no headings and no ids there is nothing to sort for
 * destinations (qsort was given NULL, which UBSan reports); with no text at
 * all cairo wrote no structure tree and the PDF was not tagged; a line that
 * draws nothing (a lone line break) left an element without content, and
 * cairo failed on it.
 */
static void
test_plain_pdf(void **state)
{
	static const char *const bodies[] = {
		"<para>Only a paragraph.</para>",
		"",
		"<para/><rule/><table><row><cell/></row></table><box border=\"#000000\"/>",
		"<para><br/></para><page-break/><para>x</para>",
		"<para>&#x200b;</para><box><para/></box>",
	};
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		struct buf b = { NULL, 0, 0 };
		xmlDocPtr doc;

		buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">%s</flow></document>",
		    bodies[i]);
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		assert_int_equal(S_render(doc, path, NULL, NULL), 0);
		S_pdf_ok(path);
		xmlFreeDoc(doc);
	}
	{
		xmlDocPtr doc = S_file(FIX "invisible.xml");

		assert_int_equal(S_render(doc, path, NULL, NULL), 0);
		S_pdf_ok(path);
		xmlFreeDoc(doc);
	}
	unlink(path);
}

/*
 * Header rows taller than a page: they were put down in one piece, past
 * the foot of the page.  They are cut between rows now, like body rows;
 * a table of nothing but header rows too.
 */
static void
test_tall_header(void **state)
{
	(void)state;
	for (int body = 0; body <= 5; body += 5) {
		struct buf b = { NULL, 0, 0 };
		xmlDocPtr doc;
		char *dump;

		buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><para>Before.</para>"
		    "<table><caption>Cap</caption>");
		for (int i = 0; i < 60; i++)
			buf_printf(&b, "<row header=\"yes\"><cell><para>Head %d</para></cell>"
			    "<cell><para>H</para></cell></row>", i);
		for (int i = 0; i < body; i++)
			buf_printf(&b, "<row><cell><para>Body %d</para></cell><cell><para>B</para></cell></row>", i);
		buf_puts(&b, "</table><para>After.</para></flow></document>");
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
		S_on_paper(dump, 25 * TS_MM);
		for (int i = 0; i < 60; i++) {
			char want[32];
			struct rec r;
			int seen = 0;

			snprintf(want, sizeof(want), "Head %d", i);
			for (int j = 0; S_rec(dump, j, &r); j++)
				seen += strcmp(r.text, want) == 0;
			assert_int_equal(seen, 1);
		}
		assert_true(S_page_of(dump, "Head 59") > S_page_of(dump, "Head 0"));
		assert_true(S_page_of(dump, "After.") >= S_page_of(dump, "Head 59"));
		if (body > 0)
			assert_true(S_page_of(dump, "Body 4") >= S_page_of(dump, "Head 59"));
		free(dump);
		xmlFreeDoc(doc);
	}
}


/* ------------------------------------------------------------ graphics */

/* Page PAGE of the PDF at PATH as pixels at 72 dpi: one pixel a point. */
struct img {
	int            w, h;
	unsigned char *px;   /* RGB rows (owned) */
};

static void
S_raster(const char *path, int page, struct img *im)
{
	char cmd[512], out[64];
	FILE *f;
	int max;

	snprintf(out, sizeof(out), "%s-r", path);
	snprintf(cmd, sizeof(cmd), "pdftoppm -r 72 -f %d -l %d -singlefile %s %s", page, page,
	    path, out);
	assert_int_equal(system(cmd), 0);
	strncat(out, ".ppm", sizeof(out) - strlen(out) - 1);
	f = fopen(out, "rb");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "P6 %d %d %d", &im->w, &im->h, &max), 3);
	fgetc(f);
	im->px = xmalloc((size_t)im->w * (size_t)im->h * 3);
	assert_int_equal(fread(im->px, 3, (size_t)im->w * (size_t)im->h, f),
	    (size_t)im->w * (size_t)im->h);
	fclose(f);
	unlink(out);
}

/* The colour at point (X, Y) as 0xrrggbb. */
static long
S_px(const struct img *im, double x, double y)
{
	int i = (int)x, j = (int)y;
	const unsigned char *p;

	assert_true(i >= 0 && i < im->w && j >= 0 && j < im->h);
	p = im->px + ((size_t)j * (size_t)im->w + (size_t)i) * 3;
	return (long)p[0] << 16 | (long)p[1] << 8 | p[2];
}

/* Dark pixels in the rectangle X0..X1, Y0..Y1 (points). */
static int
S_dark(const struct img *im, double x0, double y0, double x1, double y1)
{
	int n = 0;

	for (double y = y0; y < y1; y++)
		for (double x = x0; x < x1; x++) {
			long c = S_px(im, x, y);

			n += (c >> 16 & 0xff) < 128 && (c >> 8 & 0xff) < 128 && (c & 0xff) < 128;
		}
	return n;
}

/* The Nth graphic record of DUMP (0-based); 0 if there is none. */
static int
S_graphic_rec(const char *dump, int n, struct rec *g)
{
	for (int i = 0; S_rec(dump, i, g); i++)
		if (strcmp(g->kind, "graphic") == 0 && n-- == 0)
			return 1;
	return 0;
}

static void
test_graphic(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX", cmd[256];
	xmlDocPtr doc = S_file(FIX "graphic.xml");
	double colw = 595.28 - 40 * TS_MM;
	char *dump, *out, *fig;
	struct rec g, w;
	struct img im;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(S_render(doc, path, &dump, NULL), 0);
	/* Both graphics in the dump, at their drawn sizes, in the column. */
	assert_true(S_graphic_rec(dump, 0, &g) && S_graphic_rec(dump, 1, &w));
	assert_int_equal(g.page, 1);
	assert_true(fabs(g.x - 20 * TS_MM) < 0.01 && fabs(g.w - 200) < 0.01 && fabs(g.h - 100) < 0.01);
	/* Wider than the column: scaled down uniformly to its width. */
	assert_true(fabs(w.x - 20 * TS_MM) < 0.01 && fabs(w.w - colw) < 0.01);
	assert_true(fabs(w.h - 200 * colw / 1000) < 0.01);
	assert_true(w.y > g.y + g.h);
	assert_true(S_page_of(dump, "Between") == 1 && S_page_of(dump, "After the") == 1);

	S_raster(path, 1, &im);
	/* The bars where the shapes put them, the paper around them. */
	assert_int_equal(S_px(&im, g.x + 35, g.y + 80), 0xff0000);
	assert_int_equal(S_px(&im, g.x + 35, g.y + 50), 0xffffff);
	assert_int_equal(S_px(&im, g.x + 85, g.y + 30), 0x0000ff);
	assert_int_equal(S_px(&im, g.x + 85, g.y + 15), 0xffffff);
	assert_int_equal(S_px(&im, g.x + 150, g.y + 50), 0x00ff00);
	/* The turned text runs up from its anchor (180, 90), its letters to the left of it ... */
	assert_true(S_dark(&im, g.x + 170, g.y + 25, g.x + 180, g.y + 89) > 100);
	assert_int_equal(S_dark(&im, g.x + 182, g.y + 10, g.x + 200, g.y + 89), 0);
	/* ... not along the baseline, as it would run unturned. */
	assert_int_equal(S_dark(&im, g.x + 105, g.y + 70, g.x + 168, g.y + 89), 0);
	/* The middle-anchored title is centred on x = 100. */
	assert_true(S_dark(&im, g.x + 85, g.y + 4, g.x + 100, g.y + 13) > 5);
	assert_true(S_dark(&im, g.x + 100, g.y + 4, g.x + 115, g.y + 13) > 5);
	assert_int_equal(S_dark(&im, g.x + 60, g.y + 2, g.x + 80, g.y + 14), 0);
	/* The scaled graphic's bar at its right end, and nothing beyond the column. */
	assert_int_equal(S_px(&im, w.x + 0.95 * colw, w.y + w.h / 3), 0xff0000);
	assert_int_equal(S_px(&im, w.x + 0.85 * colw, w.y + w.h / 3), 0xffffff);
	assert_int_equal(S_dark(&im, w.x + colw + 1, w.y, 595, w.y + w.h), 0);
	free(im.px);

	/* Tagged Figures holding their own text: no P or Span inside them. */
	snprintf(cmd, sizeof(cmd), "pdfinfo -struct %s 2>&1", path);
	out = S_cmd(cmd);
	fig = strstr(out, "  Figure\n");
	assert_non_null(fig);
	assert_true(strncmp(fig + 9, "    ", 4) != 0);
	assert_non_null(strstr(fig + 9, "  Figure\n"));
	free(out);
	S_pdf_ok(path);
	free(dump);
	unlink(path);
	xmlFreeDoc(doc);
}

static void
test_graphic_keep(void **state)
{
	xmlDocPtr doc = S_file(FIX "keep-graphic.xml");
	double body = 841.89 - 50 * TS_MM;
	struct rec g, t;
	char *dump;

	(void)state;
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	/* The graphic does not fit under the filler: it moves, its caption with it. */
	assert_int_equal(S_page_of(dump, "Filler paragraph 32."), 1);
	assert_int_equal(S_page_of(dump, "Caption of the chart"), 2);
	assert_true(S_graphic_rec(dump, 0, &g));
	assert_int_equal(g.page, 2);
	assert_true(fabs(g.h - 300) < 0.01);
	/* Taller than a page's body: scaled to fit one, alone on its page. */
	assert_true(S_graphic_rec(dump, 1, &t));
	assert_int_equal(t.page, 3);
	assert_true(fabs(t.y - 25 * TS_MM) < 0.01 && fabs(t.h - body) < 0.01);
	assert_true(fabs(t.w - 300 * body / 1000) < 0.01);
	assert_int_equal(S_page_of(dump, "After."), 4);
	free(dump);
	xmlFreeDoc(doc);
}

/*
 * Graphics that draw nothing a Figure could hold: empty, all outside their
 * box, of no size.  cairo fails on a structure element without content, so
 * each still gets some; and graphics in table cells, header rows included.
 */
static void
test_graphic_awkward(void **state)
{
	static const char *const bodies[] = {
		"<graphic width=\"100\" height=\"50\" alt=\"empty\"/>",
		"<graphic width=\"0\" height=\"0\" alt=\"no size\"><rect x=\"0\" y=\"0\" w=\"9\" h=\"9\" fill=\"#000000\"/></graphic>",
		"<graphic width=\"100\" height=\"50\" alt=\"outside\"><rect x=\"-500\" y=\"-90000\" w=\"9\" h=\"9\" fill=\"#000000\"/>"
		"<text x=\"5000\" y=\"10\">far</text><line points=\"0,0 0,0\" stroke=\"#000000\" dash=\"0 0\"/>"
		"<circle cx=\"-5\" cy=\"5\" r=\"0\" fill=\"#000000\"/><text x=\"5\" y=\"10\"> </text></graphic>",
		"<para>Text</para><graphic width=\"100\" height=\"50\" alt=\"a\"/><para>More</para>",
		"<table><row header=\"yes\"><cell><graphic width=\"100\" height=\"50\" alt=\"head\">"
		"<rect x=\"0\" y=\"0\" w=\"100\" h=\"50\" fill=\"#ff0000\"/></graphic></cell></row>"
		"<row><cell><para>x</para><graphic width=\"800\" height=\"400\" alt=\"cell\">"
		"<rect x=\"0\" y=\"0\" w=\"800\" h=\"400\" fill=\"#00ff00\"/></graphic></cell></row>"
		"<row><cell><graphic width=\"100\" height=\"700\" alt=\"tall\">"
		"<rect x=\"0\" y=\"0\" w=\"100\" h=\"700\" fill=\"#00ff00\"/></graphic></cell></row></table>",
	};
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		struct buf b = { NULL, 0, 0 };
		xmlDocPtr doc;
		char *dump;

		buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">%s</flow></document>",
		    bodies[i]);
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		assert_int_equal(S_render(doc, path, &dump, NULL), 0);
		S_on_paper(dump, 25 * TS_MM);
		S_pdf_ok(path);
		free(dump);
		xmlFreeDoc(doc);
	}
	unlink(path);
}

/* The /Alt of every Figure under K, in order, each followed by '|'. */
static void
S_figure_alts(qpdf_data q, qpdf_oh k, struct buf *out, int depth)
{
	assert_true(depth < 100);
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);

		for (int i = 0; i < n; i++)
			S_figure_alts(q, qpdf_oh_get_array_item(q, k, i), out, depth + 1);
		return;
	}
	if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
		return;
	if (strcmp(qpdf_oh_get_name(q, qpdf_oh_get_key(q, k, "/S")), "/Figure") == 0) {
		buf_puts(out, qpdf_oh_has_key(q, k, "/Alt") ?
		    qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, k, "/Alt")) : "-");
		buf_putc(out, '|');
	}
	if (qpdf_oh_has_key(q, k, "/K"))
		S_figure_alts(q, qpdf_oh_get_key(q, k, "/K"), out, depth + 1);
}

/*
 * What cairo cannot write, added after it: /Lang, the Figures' /Alt in
 * reading order, DisplayDocTitle, XMP; still tagged, still reproducible.
 */
static void
test_pdf_post(void **state)
{
	char p1[] = "/tmp/csdoc-ts-XXXXXX", p2[] = "/tmp/csdoc-ts-XXXXXX";
	xmlDocPtr doc = S_file(FIX "graphic.xml");
	struct buf alts = { NULL, 0, 0 };
	char *a, *b;
	size_t na, nb;
	qpdf_data q;
	qpdf_oh root, vp;
	int fd1 = mkstemp(p1), fd2 = mkstemp(p2);

	(void)state;
	assert_true(fd1 >= 0 && fd2 >= 0);
	close(fd1);
	close(fd2);
	assert_int_equal(S_render(doc, p1, NULL, NULL), 0);
	assert_int_equal(S_render(doc, p2, NULL, NULL), 0);
	a = S_slurp(p1, &na);
	b = S_slurp(p2, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
	S_pdf_ok(p1);

	q = qpdf_init();
	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, p1, NULL) & QPDF_ERRORS, 0);
	root = qpdf_get_root(q);
	/* no lang on the document: en-GB */
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, root, "/Lang")), "en-GB");
	vp = qpdf_oh_get_key(q, root, "/ViewerPreferences");
	assert_true(qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, vp, "/DisplayDocTitle")));
	assert_true(qpdf_oh_is_stream(q, qpdf_oh_get_key(q, root, "/Metadata")));
	S_figure_alts(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K"),
	    &alts, 0);
	assert_string_equal(buf_str(&alts),
	    "Two bars: red 40, blue 80|A graphic twice as wide as the column|");
	assert_string_equal(qpdf_get_info_key(q, "/Title"), "Graphics");
	assert_false(qpdf_has_error(q));
	qpdf_cleanup(&q);
	buf_free(&alts);

	/* The document's own language. */
	xmlSetProp(xmlDocGetRootElement(doc), (const xmlChar *)"lang", (const xmlChar *)"cy");
	assert_int_equal(S_render(doc, p1, NULL, NULL), 0);
	q = qpdf_init();
	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, p1, NULL) & QPDF_ERRORS, 0);
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/Lang")), "cy");
	qpdf_cleanup(&q);
	unlink(p1);
	unlink(p2);
	xmlFreeDoc(doc);
}

/* ------------------------------------------------------------ images */

/* A W x H PNG at PATH: its left half red, its right half blue. */
static void
S_png(const char *path, int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);

	cairo_set_source_rgb(cr, 1, 0, 0);
	cairo_rectangle(cr, 0, 0, w / 2.0, h);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 1);
	cairo_rectangle(cr, w / 2.0, 0, w - w / 2.0, h);
	cairo_fill(cr);
	cairo_destroy(cr);
	assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* The Nth image record of DUMP (0-based); 0 if there is none. */
static int
S_image_rec(const char *dump, int n, struct rec *g)
{
	for (int i = 0; S_rec(dump, i, g); i++)
		if (strcmp(g->kind, "image") == 0 && n-- == 0)
			return 1;
	return 0;
}

/* The Figures' alts of the PDF at PATH, in reading order, each followed by '|'; a new string. */
static char *
S_pdf_alts(const char *path)
{
	struct buf alts = { NULL, 0, 0 };
	qpdf_data q = qpdf_init();
	qpdf_oh root;
	char *s;

	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, path, NULL) & QPDF_ERRORS, 0);
	root = qpdf_get_root(q);
	S_figure_alts(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K"),
	    &alts, 0);
	qpdf_cleanup(&q);
	s = xstrdup(buf_str(&alts));
	buf_free(&alts);
	return s;
}

/*
 * Images: the width given, the height from the pixels' proportions or
 * given, scaled down to the column, aligned; drawn where the dump says at
 * the file's own resolution; tagged Figure with the alt, in reading order
 * among the graphics' alts.
 */
static void
test_image(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX", png[] = "/tmp/csdoc-png-XXXXXX", cmd[256];
	double colw = 595.28 - 40 * TS_MM, x0 = 20 * TS_MM;
	struct buf b = { NULL, 0, 0 };
	struct rec a, w, r, h, n;
	xmlDocPtr doc;
	struct img im;
	char *dump, *out;
	int fd = mkstemp(path), fp = mkstemp(png);

	(void)state;
	assert_true(fd >= 0 && fp >= 0);
	close(fd);
	close(fp);
	S_png(png, 40, 20);
	buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<para>Before.</para>"
	    "<image src=\"%s\" alt=\"First picture\" width=\"200\" align=\"center\"/>"
	    "<graphic width=\"100\" height=\"50\" alt=\"A chart between\">"
	    "<rect x=\"0\" y=\"0\" w=\"100\" h=\"50\" fill=\"#00ff00\"/></graphic>"
	    "<image src=\"%s\" alt=\"Too wide\" width=\"1000\" height=\"50\"/>"
	    "<image src=\"%s\" alt=\"Right\" width=\"100\" align=\"right\"/>"
	    "<table><row header=\"yes\"><cell><para>Head</para></cell></row>"
	    "<row><cell><image src=\"%s\" alt=\"In a cell\" width=\"60\"/></cell></row></table>"
	    "<para>After.</para></flow></document>", png, png, png, png);
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, path, &dump, NULL), 0);
	assert_true(S_image_rec(dump, 0, &a) && S_image_rec(dump, 1, &w) &&
	    S_image_rec(dump, 2, &r) && S_image_rec(dump, 3, &h));
	assert_false(S_image_rec(dump, 4, &n));
	/* 40 x 20 pixels at 200 points wide: 100 high, centred. */
	assert_true(fabs(a.w - 200) < 0.01 && fabs(a.h - 100) < 0.01);
	assert_true(fabs(a.x - (x0 + (colw - 200) / 2)) < 0.01);
	/* Too wide: scaled down to the column, proportions kept. */
	assert_true(fabs(w.x - x0) < 0.01 && fabs(w.w - colw) < 0.01);
	assert_true(fabs(w.h - 50 * colw / 1000) < 0.01);
	/* Right aligned, its height from the pixels. */
	assert_true(fabs(r.x + r.w - (x0 + colw)) < 0.01 && fabs(r.h - 50) < 0.01);
	assert_true(a.y < w.y && w.y < r.y && r.page == 1);
	S_on_paper(dump, 25 * TS_MM);

	S_raster(path, 1, &im);
	assert_int_equal(S_px(&im, a.x + 50, a.y + 50), 0xff0000);
	assert_int_equal(S_px(&im, a.x + 150, a.y + 50), 0x0000ff);
	assert_int_equal(S_px(&im, a.x - 5, a.y + 50), 0xffffff);
	assert_int_equal(S_px(&im, r.x + 75, r.y + 25), 0x0000ff);
	free(im.px);
	/* Embedded at 40 x 20, not resampled to the page. */
	snprintf(cmd, sizeof(cmd), "pdfimages -list %s 2>&1 | grep -c ' 40 *20 '", path);
	out = S_cmd(cmd);
	assert_string_equal(out, "4\n");
	free(out);

	S_pdf_ok(path);
	out = S_pdf_alts(path);
	assert_string_equal(out, "First picture|A chart between|Too wide|Right|In a cell|");
	free(out);
	free(dump);
	xmlFreeDoc(doc);

	/* In a header row repeated on the next pages: one Figure, the rest artefacts. */
	buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><table><row header=\"yes\">"
	    "<cell><image src=\"%s\" alt=\"Head picture\" width=\"40\"/></cell></row>", png);
	for (int i = 0; i < 120; i++)
		buf_printf(&b, "<row><cell><para>Row %d</para></cell></row>", i);
	buf_puts(&b, "</table></flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, path, &dump, NULL), 0);
	assert_true(S_pages(dump) >= 3);
	assert_true(S_image_rec(dump, 2, &n));
	S_pdf_ok(path);
	out = S_pdf_alts(path);
	assert_string_equal(out, "Head picture|");
	free(out);
	free(dump);
	xmlFreeDoc(doc);
	unlink(path);
	unlink(png);
}

/* The typesetter's own refusals, each naming the file. */
static void
test_image_refused(void **state)
{
	char png[] = "/tmp/csdoc-png-XXXXXX", dir[] = "/tmp/csdoc-dir-XXXXXX";
	static const char sig[8] = { (char)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	struct {
		int         what;     /* 0 text, 1 missing, 2 directory, 3 too big, 4 too wide, 5 no IHDR */
		const char *msg;
	} cases[] = {
		{ 0, "not a PNG file" },
		{ 1, "No such file" },
		{ 2, "not a regular file" },
		{ 3, "larger than 20 MiB" },
		{ 4, "20000 x 2 pixels: at most 10000" },
		{ 5, "not a PNG file" },
	};
	int fd = mkstemp(png);

	(void)state;
	assert_true(fd >= 0 && mkdtemp(dir) != NULL);
	close(fd);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = { NULL, 0, 0 };
		const char *src = png;
		char *msgs;
		xmlDocPtr doc;
		FILE *f;

		switch (cases[i].what) {
		case 0:
			f = fopen(png, "w");
			fputs("not a picture at all, only some words in a file named .png\n", f);
			fclose(f);
			break;
		case 1:
			unlink(png);
			break;
		case 2:
			src = dir;
			break;
		case 3:
			f = fopen(png, "w");
			fwrite(sig, 1, 8, f);
			fclose(f);
			assert_int_equal(truncate(png, 21L << 20), 0);
			break;
		case 4:
			S_png(png, 20000, 2);
			break;
		case 5:
			f = fopen(png, "w");
			fwrite(sig, 1, 8, f);
			fwrite("\0\0\0\rIHDX\0\0\0\x01\0\0\0\x01", 1, 16, f);
			fclose(f);
			break;
		}
		buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><para>x</para>"
		    "<image src=\"%s\" alt=\"a\" width=\"100\"/></flow></document>", src);
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
		assert_non_null(strstr(msgs, cases[i].msg));
		assert_non_null(strstr(msgs, src));
		free(msgs);
		xmlFreeDoc(doc);
	}
	unlink(png);
	rmdir(dir);
}

/* ------------------------------------------------------------ table structure */

/*
 * The structure elements under K as text: a name, then its element
 * children in parentheses ("Table(THead(TR(TH)) TBody(...))").
 */
static void
S_struct(qpdf_data q, qpdf_oh k, struct buf *out, int depth)
{
	assert_true(depth < 200);
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);

		for (int i = 0; i < n; i++)
			S_struct(q, qpdf_oh_get_array_item(q, k, i), out, depth + 1);
		return;
	}
	if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
		return;
	if (out->len > 0 && out->s[out->len - 1] != '(')
		buf_putc(out, ' ');
	buf_puts(out, qpdf_oh_get_name(q, qpdf_oh_get_key(q, k, "/S")) + 1);
	if (qpdf_oh_has_key(q, k, "/K")) {
		size_t at = out->len;

		buf_putc(out, '(');
		S_struct(q, qpdf_oh_get_key(q, k, "/K"), out, depth + 1);
		if (out->len == at + 1)
			out->len = at;    /* no element children */
		else
			buf_putc(out, ')');
		out->s[out->len] = '\0';
	}
}

/* The structure tree of the PDF at PATH as S_struct() writes it; a new string. */
static char *
S_pdf_struct(const char *path)
{
	struct buf t = { NULL, 0, 0 };
	qpdf_data q = qpdf_init();
	char *s;

	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, path, NULL) & QPDF_ERRORS, 0);
	S_struct(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot"), "/K"),
	    &t, 0);
	assert_false(qpdf_has_error(q));
	qpdf_cleanup(&q);
	s = xstrdup(buf_str(&t));
	buf_free(&t);
	return s;
}

/* How often NEEDLE occurs in S. */
static int
S_count(const char *s, const char *needle)
{
	int n = 0;

	for (; (s = strstr(s, needle)) != NULL; s += strlen(needle))
		n++;
	return n;
}

/*
 * Header rows under THead, the others under TBody; a table split over
 * pages has one THead, the first copy of its header rows (the repeated
 * ones are artefacts), and one TBody with every body row.
 */
static void
test_table_tags(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	xmlDocPtr doc;
	char *t, *body;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\"><table>"
	    "<row header=\"yes\"><cell><para>Name</para></cell><cell><para>Value</para></cell></row>"
	    "<row><cell><para>a</para></cell><cell><para>1</para></cell></row>"
	    "<row><cell><para>b</para></cell><cell><para>2</para></cell></row>"
	    "</table><table><row><cell><para>no header</para></cell></row></table></flow></document>");
	assert_int_equal(S_render(doc, path, NULL, NULL), 0);
	S_pdf_ok(path);
	t = S_pdf_struct(path);
	assert_string_equal(t, "Document(Table(THead(TR(TH(P) TH(P))) "
	    "TBody(TR(TD(P) TD(P)) TR(TD(P) TD(P)))) Table(TBody(TR(TD(P)))))");
	free(t);
	xmlFreeDoc(doc);

	/* Over three pages, a caption and the header row repeated. */
	doc = S_file(FIX "longtable.xml");
	assert_int_equal(S_render(doc, path, NULL, NULL), 0);
	S_pdf_ok(path);
	t = S_pdf_struct(path);
	assert_non_null(strstr(t, "Table(Caption THead(TR(TH(P) TH(P))) TBody(TR(TD(P) TD(P)) "));
	assert_int_equal(S_count(t, "THead"), 1);
	assert_int_equal(S_count(t, "TBody"), 1);
	assert_int_equal(S_count(t, "TH"), 3);    /* THead and two TH */
	body = strstr(t, "TBody(");
	assert_int_equal(S_count(body, "TR(TD(P) TD(P))"), S_count(body, "TR("));
	assert_int_equal(S_count(body, "TR("), 80);
	free(t);
	xmlFreeDoc(doc);
	unlink(path);
}

/*
 * A box's side column (an action's owners) stands clear of the box's text:
 * the side text began 6pt after a full line, which read as if the line ran
 * on into the initials.  In a shaded box a thin rule divides the two.
 */
static void
test_side_gap(void **state)
{
	struct buf b = { NULL, 0, 0 };
	xmlDocPtr doc;
	char *dump;
	struct rec r;
	double textr = 0, sidex = 0, rulex = 0;
	int rules = 0;

	(void)state;
	buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<box side=\"SG\" shade=\"#eeeeee\" padding=\"4\"><para align=\"justify\">%s</para></box>"
	    "<box side=\"HV\"><para>Unshaded.</para></box></flow></document>", lorem);
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	for (int i = 0; S_rec(dump, i, &r); i++) {
		if (strcmp(r.kind, "text") == 0 && strcmp(r.text, "SG") == 0)
			sidex = r.x;
		else if (strcmp(r.kind, "text") == 0 && strcmp(r.text, "HV") != 0 && r.x + r.w > textr)
			textr = r.x + r.w;
		else if (strcmp(r.kind, "rule") == 0 && r.h > r.w) {
			rulex = r.x;
			rules++;
		}
	}
	assert_true(sidex > 0 && textr > 0);
	assert_true(sidex - textr >= 12);
	/* One rule, in the shaded box only, in the middle of the gap. */
	assert_int_equal(rules, 1);
	assert_true(rulex > textr + 3 && rulex + 0.5 < sidex - 3);
	free(dump);
	xmlFreeDoc(doc);
}

/* ------------------------------------------------------------ footnotes */

/* The page of the line of B that holds byte OFF of its text, 0 if none. */
static int
S_ref_page(const struct ts_pages *P, const struct ts_blk *b, unsigned off)
{
	for (size_t p = 0; p < P->pv.n; p++)
		for (size_t i = 0; i < P->pv.p[p].n; i++) {
			const struct ts_box *bx = &P->pv.p[p].b[i];

			if (bx->kind == TB_TEXT && bx->blk == b && bx->lay == b->lay &&
			    off >= (unsigned)bx->pl->start_index &&
			    off < (unsigned)(bx->pl->start_index + bx->pl->length))
				return (int)p + 1;
		}
	return 0;
}

/*
 * For every page of R: the notes are below all the body text, the rule
 * between; every note is on the page of its reference (SPLIT: a note was
 * cut as a last resort, and those after it may follow on later pages) and
 * numbered in order.  Returns the number of notes.
 */
static int
S_check_notes(struct run *r, int split)
{
	for (size_t p = 0; p < r->pages.pv.n; p++) {
		const struct ts_page *pg = &r->pages.pv.p[p];
		double body = 0, foot = 1e9, bottom = pg->m->h - pg->m->mb;

		for (size_t i = 0; i < pg->n; i++) {
			const struct ts_box *bx = &pg->b[i];

			if (bx->kind != TB_TEXT)
				continue;
			if (bx->blk->kind == BK_NOTE)
				foot = fmin(foot, bx->y);
			else
				body = fmax(body, bx->y + bx->h);
			assert_true(bx->y + bx->h <= bottom + 0.01);
		}
		if (foot < 1e9)
			assert_true(body + 11 <= foot);
	}
	for (size_t k = 0; k < r->doc.nnotes; k++) {
		struct ts_blk *note = r->doc.notes[k], *b = note->parent;
		size_t j;

		assert_int_equal(note->number, (int)k + 1);
		for (j = 0; j < b->nrefs && b->refs[j].note != note; j++)
			;
		assert_true(j < b->nrefs);
		if (!split)
			assert_int_equal(note->first_page, S_ref_page(&r->pages, b, b->refs[j].off));
		else
			assert_true(note->first_page >= S_ref_page(&r->pages, b, b->refs[j].off));
	}
	return (int)r->doc.nnotes;
}

static void
test_notes(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX", cmd[256];
	xmlDocPtr doc = S_file(FIX "notes.xml");
	struct run r;
	char *dump, *out;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	S_layout(&r, doc);
	assert_int_equal(S_check_notes(&r, 0), 15);
	S_run_free(&r);
	assert_int_equal(S_render(doc, path, &dump, NULL), 0);
	/* the number and the text at the foot, the text hanging after the number */
	assert_non_null(strstr(dump, "\"1 A note on a heading.\""));
	assert_non_null(strstr(dump, "\"15 Note on paragraph 59: a short remark.\""));
	assert_non_null(strstr(dump, "\"Footnotes1\""));
	S_pdf_ok(path);
	/* Each Note is in the paragraph, after the line that refers to it. */
	snprintf(cmd, sizeof(cmd), "pdfinfo -struct-text %s 2>&1", path);
	out = S_cmd(cmd);
	assert_non_null(strstr(out, "\n    Note (inline)\n      \"2Note on paragraph 3"));
	free(out);
	/* The heading's bookmark leaves its note's number out. */
	snprintf(cmd, sizeof(cmd), "qpdf --qdf --object-streams=disable %s - 2>/dev/null | grep -a -c '/Title (1. Footnotes)'", path);
	out = S_cmd(cmd);
	assert_string_equal(out, "1\n");
	free(out);
	free(dump);
	unlink(path);
	xmlFreeDoc(doc);
}

/* How many text records of DUMP are exactly TEXT. */
static int
S_count_text(const char *dump, const char *text)
{
	struct rec r;
	int n = 0;

	for (int i = 0; S_rec(dump, i, &r); i++)
		n += strcmp(r.text, text) == 0;
	return n;
}

/*
 * What the Agreement asks of the print vocabulary: a note with a mark of
 * its own (not counted by the numbered ones) that is a link target; a
 * heading the contents leave out; a row kept with the next (a group's
 * heading row never alone at a page's foot).
 */
static void
test_marks_toc_keep_rows(void **state)
{
	char *dump;
	xmlDocPtr doc;
	int straddled = 0;

	(void)state;
	doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<toc levels=\"2\"/>"
	    "<heading level=\"1\">Shown</heading>"
	    "<heading level=\"2\" toc=\"no\">Hidden</heading>"
	    "<para>Alpha<note>numbered one</note> beta<note mark=\"*\" id=\"star\">starred</note>"
	    " gamma<note>numbered two</note> see <link href=\"#star\">the note</link>.</para>"
	    "</flow></document>");
	{
		char path[] = "/tmp/csdoc-ts-XXXXXX";
		int fd = mkstemp(path);

		assert_true(fd >= 0);
		close(fd);
		/* the link to the marked note reaches its words: cairo wrote a sound file */
		assert_int_equal(S_render(doc, path, &dump, NULL), 0);
		S_pdf_ok(path);
		unlink(path);
	}
	/* marks at the foot: 1, *, 2 — the star does not advance the count */
	assert_int_equal(S_count_text(dump, "1 numbered one"), 1);
	assert_int_equal(S_count_text(dump, "* starred"), 1);
	assert_int_equal(S_count_text(dump, "2 numbered two"), 1);
	assert_non_null(strstr(dump, "Alpha1 beta* gamma2"));
	/* the heading and its contents entry; the hidden one only as itself */
	assert_int_equal(S_count_text(dump, "Shown"), 2);
	assert_int_equal(S_count_text(dump, "Hidden"), 1);
	free(dump);
	xmlFreeDoc(doc);

	/* a kept row moves to the next page with the row under it, wherever the page ends */
	for (int shift = 0; shift < 200; shift += 7) {
		struct buf b = { NULL, 0, 0 };
		int g, a;

		buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
		    "<para space-before=\"%d\">Start.</para><table><row header=\"yes\"><cell><para>Head</para></cell></row>", shift);
		for (int i = 0; i < 60; i++)
			buf_printf(&b, "<row%s><cell><para>%s%d</para></cell></row>",
			    i % 6 == 0 ? " keep-with-next=\"yes\" bold=\"yes\"" : "", i % 6 == 0 ? "Group" : "Row", i);
		buf_puts(&b, "</table></flow></document>");
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
		for (int i = 0; i < 60; i += 6) {
			char gt[32], at[32];

			snprintf(gt, sizeof(gt), "Group%d", i);
			snprintf(at, sizeof(at), "Row%d", i + 1);
			g = S_page_of(dump, gt);
			a = S_page_of(dump, at);
			assert_true(g > 0);
			assert_int_equal(g, a);
		}
		/* some shift put a page's end where a group row would have been last */
		for (int i = 1; i < 60; i++) {
			char t1[32], t2[32];

			snprintf(t1, sizeof(t1), "%s%d", (i - 1) % 6 == 0 ? "Group" : "Row", i - 1);
			snprintf(t2, sizeof(t2), "%s%d", i % 6 == 0 ? "Group" : "Row", i);
			if (i % 6 == 0 && S_page_of(dump, t1) != S_page_of(dump, t2))
				straddled++;
		}
		free(dump);
		xmlFreeDoc(doc);
	}
	/* pages did break before a group row: the rule was tested at a page's end */
	assert_true(straddled > 0);
}

/* A note of N words, numbered in its text. */
static void
S_note_text(struct buf *b, int n)
{
	buf_puts(b, "<note>");
	for (int i = 0; i < n; i++)
		buf_printf(b, "word%d ", i);
	buf_puts(b, "</note>");
}

/*
 * Pages full of notes: long notes at every offset on the page move the
 * line that refers to them to the next page; notes in a table's cells and
 * in a box kept together; a note longer than a page is cut as a last
 * resort and goes on over the next pages, every word once.
 */
static void
test_notes_full(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX";
	int fd = mkstemp(path), moved = 0;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	for (int shift = 0; shift < 60; shift += 6) {
		struct buf b = { NULL, 0, 0 };
		xmlDocPtr doc;
		struct run r;

		buf_printf(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
		    "<para space-before=\"%d\">Start.</para>", shift);
		for (int i = 0; i < 24; i++) {
			buf_printf(&b, "<para>%s", i % 4 == 0 ? lorem : "Short paragraph");
			if (i % 3 != 1)
				S_note_text(&b, 20 + 25 * (i % 5));
			buf_puts(&b, " and the rest of it.</para>");
			if (i == 10) {
				buf_puts(&b, "<table><row header=\"yes\"><cell><para>Head");
				S_note_text(&b, 5);
				buf_puts(&b, "</para></cell></row>");
				for (int j = 0; j < 12; j++) {
					buf_printf(&b, "<row><cell><para>Row %d", j);
					if (j % 2 == 0)
						S_note_text(&b, 30);
					buf_puts(&b, "</para></cell></row>");
				}
				buf_puts(&b, "</table><box keep-together=\"yes\" shade=\"#eeeeee\"><para>Boxed");
				S_note_text(&b, 80);
				buf_printf(&b, "</para><para>%s%s</para></box>", lorem, lorem);
			}
		}
		buf_puts(&b, "</flow></document>");
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		S_layout(&r, doc);
		assert_int_equal(S_check_notes(&r, 0), 24 - 8 + 1 + 6 + 1);
		/* a page ended early for a note that did not fit under it */
		for (size_t p = 0; p + 1 < r.pages.pv.n; p++)
			moved += r.pages.pv.p[p].used < r.pages.pv.p[p].m->h - r.pages.pv.p[p].m->mb - 150;
		S_run_free(&r);
		assert_int_equal(S_render(doc, path, NULL, NULL), 0);
		S_pdf_ok(path);
		xmlFreeDoc(doc);
	}
	assert_true(moved > 0);

	/* A note longer than a page. */
	{
		struct buf b = { NULL, 0, 0 };
		xmlDocPtr doc;
		struct run r;
		char *dump;

		buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\"><para>Before");
		S_note_text(&b, 3000);
		buf_puts(&b, " after.</para><para>Next");
		S_note_text(&b, 10);
		buf_puts(&b, "</para></flow></document>");
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		S_layout(&r, doc);
		S_check_notes(&r, 1);
		assert_true(r.doc.notes[0]->last_page > r.doc.notes[0]->first_page + 1);
		/* the second note follows the first, never before its end */
		assert_true(r.doc.notes[1]->first_page >= r.doc.notes[0]->last_page);
		S_run_free(&r);
		assert_int_equal(S_render(doc, path, &dump, NULL), 0);
		S_on_paper(dump, 25 * TS_MM);
		for (int i = 10; i < 3000; i += 7) {
			char want[32];
			struct rec rc;
			int seen = 0;

			snprintf(want, sizeof(want), "word%d", i);
			for (int j = 0; S_rec(dump, j, &rc); j++)
				for (const char *q = rc.text; (q = strstr(q, want)) != NULL; q++)
					seen += q[strlen(want)] == '\0' || q[strlen(want)] == ' ';
			assert_int_equal(seen, 1);
		}
		free(dump);
		S_pdf_ok(path);
		xmlFreeDoc(doc);
	}
	unlink(path);
}

/* ------------------------------------------------------------ contents and page references */

/* The text of PDF page by page (pdftotext -layout), split at form feeds into PAGES (at most MAX); returns how many. */
static int
S_pdf_pages(const char *path, char **pages, int max)
{
	char cmd[512], *all, *p;
	int n = 0;

	snprintf(cmd, sizeof(cmd), "pdftotext -layout %s - 2>/dev/null", path);
	all = S_cmd(cmd);
	for (p = all; n < max && *p != '\0';) {
		char *ff = strchr(p, '\f');

		if (ff != NULL)
			*ff = '\0';
		pages[n++] = xstrdup(p);
		if (ff == NULL)
			break;
		p = ff + 1;
	}
	free(all);
	return n;
}

/* The number at the end of LINE (after spaces), or 0. */
static int
S_trailing_number(const char *line, size_t len)
{
	size_t e = len, b;

	while (e > 0 && line[e - 1] == ' ')
		e--;
	b = e;
	while (b > 0 && line[b - 1] >= '0' && line[b - 1] <= '9')
		b--;
	if (b == e || b == 0 || line[b - 1] != ' ')
		return 0;
	return atoi(line + b);
}

/*
 * Print trees the fuzzer (tests/fuzz) found something with: each must
 * typeset to a sound PDF, twice in one process (the font configuration is
 * kept between runs), and `make asan` / `make valgrind` run this test for
 * leaks.  fuzz-typeset-1.xml made LeakSanitizer report glib's per-thread
 * slice memory once in 73,576 runs; it is glib's own and those runs now use
 * G_SLICE=always-malloc, but the tree stays as a test.
 */
static void
test_fuzz_found(void **state)
{
	static const char *found[] = { FIX "fuzz-typeset-1.xml" };
	char path[] = "/tmp/csdoc-ts-XXXXXX", *pages[64];
	int fd = mkstemp(path), n;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	for (size_t i = 0; i < sizeof(found) / sizeof(found[0]); i++) {
		for (int run = 0; run < 2; run++) {
			xmlDocPtr doc = S_file(found[i]);
			char *msgs = NULL;

			assert_int_equal(S_render(doc, path, NULL, &msgs), 0);
			/* warnings are the mutation's (a bad width list); no error */
			assert_null(strstr(msgs, "error"));
			free(msgs);
			S_pdf_ok(path);
			n = S_pdf_pages(path, pages, 64);
			assert_true(n >= 1);
			assert_non_null(strstr(pages[0], "Derbyshire Safer Communities Board"));
			for (int p = 0; p < n; p++)
				free(pages[p]);
			xmlFreeDoc(doc);
		}
	}
	unlink(path);
}

static void
test_toc(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX", cmd[256], *pages[64], *out;
	xmlDocPtr doc = S_file(FIX "toc.xml");
	int listed[61] = { 0 }, actual[61] = { 0 }, npages, toc_pages = 0, fd = mkstemp(path);
	int refs = 0;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(S_render(doc, path, NULL, NULL), 0);
	S_pdf_ok(path);
	npages = S_pdf_pages(path, pages, 64);
	assert_true(npages > 10);
	for (int p = 0; p < npages; p++) {
		for (char *line = pages[p], *nl; line != NULL && *line != '\0'; line = nl ? nl + 1 : NULL) {
			const char *item = strstr(line, "Item number ");
			size_t len;
			int k, num;

			nl = strchr(line, '\n');
			len = nl ? (size_t)(nl - line) : strlen(line);
			if (item == NULL || item > line + len)
				continue;
			k = atoi(item + 12);
			assert_true(k >= 1 && k <= 60);
			/* past the heading's own number: a contents entry's page */
			if ((num = S_trailing_number(item + 12 + strspn(item + 12, "0123456789"),
			    len - (size_t)(item + 12 - line) - strspn(item + 12, "0123456789"))) > 0) {
				listed[k] = num;
				toc_pages = p + 1;
			} else if (actual[k] == 0)
				actual[k] = p + 1;
		}
	}
	/* The contents take two pages and push the items on; every
	 * entry has the page its heading is on. */
	assert_int_equal(toc_pages, 2);
	for (int k = 1; k <= 60; k++) {
		assert_true(actual[k] > 2);
		assert_int_equal(listed[k], actual[k]);
	}
	/* Page references, back and forward, closed up to the number. */
	{
		char want[96];

		snprintf(want, sizeof(want), "budgets on page %d, and the last item on page %d.",
		    actual[17], actual[60]);
		assert_non_null(strstr(pages[0], want));
		snprintf(want, sizeof(want), "Back to the budget item on page %d.", actual[17]);
		for (int p = 0; p < npages; p++)
			for (const char *q = pages[p]; (q = strstr(q, want)) != NULL; q++)
				refs++;
		assert_int_equal(refs, 12);
	}
	for (int p = 0; p < npages; p++)
		free(pages[p]);
	/* Tagged TOC, a TOCI for each entry, each a link. */
	snprintf(cmd, sizeof(cmd), "pdfinfo -struct %s 2>&1 | grep -c '^    TOCI$'", path);
	out = S_cmd(cmd);
	assert_int_equal(atoi(out), 72);
	free(out);
	snprintf(cmd, sizeof(cmd), "pdfinfo -struct %s 2>&1 | grep -c '^      Link'", path);
	out = S_cmd(cmd);
	assert_true(atoi(out) >= 72);
	free(out);
	unlink(path);
	xmlFreeDoc(doc);
}

/*
 * Past 99 pages the slots need three figures: the document is laid out
 * once more with wider slots, and every number is whole.  An unknown id
 * is an error.
 */
static void
test_page_ref(void **state)
{
	char path[] = "/tmp/csdoc-ts-XXXXXX", *pages[160], *msgs;
	struct buf b = { NULL, 0, 0 };
	xmlDocPtr doc;
	int fd = mkstemp(path), n, found = 0;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<para>The end is on page <page-ref ref=\"end\"/>; this is page <page-ref ref=\"start\"/>.</para>"
	    "<toc levels=\"1\" title=\"\"/><heading level=\"1\" id=\"start\">Start</heading>");
	for (int i = 0; i < 110; i++)
		buf_printf(&b, "<para>Page filler %d.</para><page-break/>", i);
	buf_puts(&b, "<heading level=\"1\" id=\"end\">End</heading></flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, path, NULL, NULL), 0);
	n = S_pdf_pages(path, pages, 160);
	assert_int_equal(n, 111);
	assert_non_null(strstr(pages[0], "The end is on page 111; this is page 1."));
	for (const char *q = pages[0]; (q = strstr(q, "End")) != NULL; q++)
		found += S_trailing_number(q, strcspn(q, "\n")) == 111;
	assert_int_equal(found, 1);
	for (int p = 0; p < n; p++)
		free(pages[p]);
	xmlFreeDoc(doc);
	unlink(path);

	doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<para>See page <page-ref ref=\"nowhere\"/>.</para></flow></document>");
	assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
	assert_non_null(strstr(msgs, "page-ref 'nowhere' is not declared"));
	free(msgs);
	xmlFreeDoc(doc);
}

/*
 * A layout that outgrows its two-figure slots stops at page 100 and starts
 * again with as many figures as its length suggests.  A guess too wide
 * (99 pages from one paragraph, then many small blocks on few pages) is put
 * right: the slots end as wide as the page count, as if the whole document
 * had been laid out first.
 */
static void
test_page_ref_slots(void **state)
{
	struct buf b = { NULL, 0, 0 };
	struct run r;
	xmlDocPtr doc;
	size_t n;

	(void)state;
	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<toc levels=\"1\" title=\"\"/><heading level=\"1\" id=\"start\">Start</heading><para>");
	for (int i = 0; i < 7000; i++)
		buf_printf(&b, "line %d<br/>", i);
	buf_puts(&b, "</para>");
	for (int i = 0; i < 2000; i++)
		buf_printf(&b, "<para>%d</para>", i);
	buf_puts(&b, "<heading level=\"1\" id=\"end\">End</heading></flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	S_layout(&r, doc);
	n = r.pages.pv.n;
	assert_true(n >= 100 && n < 1000);
	assert_int_equal(r.doc.ref_digits, 3);
	S_run_free(&r);
	xmlFreeDoc(doc);

	/* under 100 pages: two figures, laid out once */
	doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\">"
	    "<toc levels=\"1\" title=\"\"/><heading level=\"1\" id=\"start\">Start</heading>"
	    "<para>Page <page-ref ref=\"start\"/>.</para></flow></document>");
	S_layout(&r, doc);
	assert_int_equal((int)r.pages.pv.n, 1);
	assert_int_equal(r.doc.ref_digits, 2);
	S_run_free(&r);
	xmlFreeDoc(doc);
}

/*
 * More than 250,000 blocks is refused before any layout (README, Limits):
 * the bound on the typesetter's memory for a hostile print tree.
 */
static void
test_block_limit(void **state)
{
	struct buf b = { NULL, 0, 0 };
	xmlDocPtr doc;
	char *msgs = NULL;

	(void)state;
	buf_puts(&b, HEAD "<page-master name=\"m\"/><flow master=\"m\">");
	for (int i = 0; i < 250001; i++)
		buf_puts(&b, "<para>x</para>");
	buf_puts(&b, "</flow></document>");
	doc = S_mem(buf_str(&b));
	buf_free(&b);
	assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
	assert_non_null(strstr(msgs, "the print tree has more than 250000 blocks"));
	free(msgs);
	xmlFreeDoc(doc);
}

/* ------------------------------------------------------------ fonts made ready */

/* S_render() with fonts made ready first, as render.c's thread makes them. */
static int
S_render_ready(xmlDocPtr doc, const char *pdf, char **boxes)
{
	struct ts_fonts ready = { NULL, NULL };
	struct ts_options opt = { -1, NULL, &ready, 0 };
	struct diag d;
	size_t n = 0;
	char *b = NULL;
	FILE *f = open_memstream(&b, &n);
	int rc;

	ts_fonts_warm(&ready);
	assert_non_null(ready.fm);
	assert_non_null(ready.ctx);
	diag_init(&d, "test.xml");
	opt.boxes = f;
	rc = ts_render(doc, pdf, &opt, &d);
	diag_free(&d);
	fclose(f);
	/* taken over, or dropped: ts_render() leaves nothing to free either way */
	assert_null(ready.fm);
	assert_null(ready.ctx);
	*boxes = b;
	return rc;
}

/*
 * Fonts made ready before the print tree exists serve a document in
 * Liberation Sans and British English, are dropped for another family or
 * language, and change nothing either way: the same boxes, the same PDF.
 */
static void
test_fonts_ready(void **state)
{
	static const char *const heads[] = {
		HEAD,
		"<?xml version=\"1.0\"?><document xmlns=\"urn:csdoc:print:1\" title=\"T\" font=\"Liberation Serif\">",
		"<?xml version=\"1.0\"?><document xmlns=\"urn:csdoc:print:1\" title=\"T\" lang=\"fr\">",
	};
	char pa[] = "/tmp/csdoc-ready-a-XXXXXX", pb[] = "/tmp/csdoc-ready-b-XXXXXX";

	(void)state;
	close(mkstemp(pa));
	close(mkstemp(pb));
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		struct buf b = { NULL, 0, 0 };
		char *plain = NULL, *ready = NULL, *x, *y;
		size_t nx, ny;
		xmlDocPtr doc;

		buf_puts(&b, heads[i]);
		buf_puts(&b, "<page-master name=\"m\"/><flow master=\"m\"><heading level=\"1\">Priorities</heading>");
		for (int k = 0; k < 3; k++) {
			buf_puts(&b, "<para>");
			buf_puts(&b, lorem);
			buf_puts(&b, "<strong>bold</strong> <em>italic</em></para>");
		}
		buf_puts(&b, "<table><row><cell><para size=\"9.5\">£1,115,160</para></cell></row></table></flow></document>");
		doc = S_mem(buf_str(&b));
		buf_free(&b);
		assert_int_equal(S_render(doc, pa, &plain, NULL), 0);
		assert_int_equal(S_render_ready(doc, pb, &ready), 0);
		assert_string_equal(plain, ready);
		x = S_slurp(pa, &nx);
		y = S_slurp(pb, &ny);
		assert_true(nx > 1000 && nx == ny && memcmp(x, y, nx) == 0);
		free(x);
		free(y);
		free(plain);
		free(ready);
		xmlFreeDoc(doc);
	}
	unlink(pa);
	unlink(pb);
}

/* ------------------------------------------------------------ hyphenation */

#define DIC "/usr/share/hyphen/hyph_en_GB.dic"
#define SHY "\xc2\xad"    /* U+00AD SOFT HYPHEN */

/* Does the en-GB dictionary put a point in WORD after its first N letters? */
static int
S_hyph_point(HyphenDict *dict, const char *word, size_t n)
{
	size_t len = strlen(word);
	char *low = xstrdup(word), *marks = xcalloc(len + 5, 1), **rep = NULL;
	int *pos = NULL, *cut = NULL, yes;

	for (char *p = low; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	assert_int_equal(hnj_hyphen_hyphenate3(dict, low, (int)len, marks, NULL, &rep, &pos, &cut,
	    2, 3, 2, 3), 0);
	yes = n > 0 && (marks[n - 1] & 1);
	free(low);
	free(marks);
	free(rep);
	free(pos);
	free(cut);
	return yes;
}

/*
 * A narrow justified paragraph breaks long words at the dictionary's
 * points, with a hyphen, and no line passes the column; the same words
 * ragged are never broken; acronyms and words with figures never are.
 */
static void
test_hyphenation(void **state)
{
	xmlDocPtr doc = S_file(FIX "hyphen.xml");
	HyphenDict *dict = hnj_hyphen_load(DIC);
	double colw = (210 - 70 - 95) * TS_MM;
	struct rec r, next;
	char *dump, *msgs;
	int broken = 0;

	(void)state;
	assert_non_null(dict);
	assert_int_equal(S_render(doc, NULL, &dump, NULL), 0);
	for (int i = 0; S_rec(dump, i, &r); i++) {
		size_t n = strlen(r.text);

		assert_true(r.w <= colw + 0.01);
		if (n == 0 || r.text[n - 1] != '-')
			continue;
		/* only the justified paragraph, the first twelve lines */
		assert_true(r.y < 230);
		assert_true(S_rec(dump, i + 1, &next));
		{
			const char *frag = strrchr(r.text, ' ') ? strrchr(r.text, ' ') + 1 : r.text;
			size_t fl = strlen(frag) - 1, nl = strcspn(next.text, " ,.");
			char word[128];

			snprintf(word, sizeof(word), "%.*s%.*s", (int)fl, frag, (int)nl, next.text);
			assert_true(S_hyph_point(dict, word, fl));
			broken++;
		}
	}
	assert_true(broken >= 4);
	free(dump);
	xmlFreeDoc(doc);

	/* What is and is not hyphenated, in the text given to pango. */
	{
		struct ts_doc tdoc;
		struct ts_blk b;
		struct ts_style st = { 10.5, 0, 0, 3, TS_NOCOLOUR };
		PangoFontMap *fm;
		PangoContext *ctx = ts_context(&fm, NULL, "en-GB");
		PangoLayout *lay;
		const char *t;

		memset(&tdoc, 0, sizeof(tdoc));
		memset(&b, 0, sizeof(b));
		tdoc.font = "Liberation Sans";
		tdoc.size = 10.5;
		tdoc.hyph = dict;
		b.kind = BK_PARA;
		lay = ts_inline_layout(ctx, &tdoc, &b, &st, NULL,
		    "Partnership CONSTABULARY NI30performance 2010/11 documentation's anti-social naïveties", NULL, 0, 0);
		t = pango_layout_get_text(lay);
		assert_non_null(strstr(t, "Part" SHY "ner" SHY "ship "));
		assert_non_null(strstr(t, " CONSTABULARY "));
		assert_non_null(strstr(t, " NI30performance "));
		assert_non_null(strstr(t, "doc" SHY "u" SHY "ment" SHY "a" SHY "tion's"));
		assert_non_null(strstr(t, "anti-so" SHY "cial"));
		assert_non_null(strstr(t, " naïveties"));
		g_object_unref(lay);
		/* ragged: no soft hyphens */
		st.align = 0;
		lay = ts_inline_layout(ctx, &tdoc, &b, &st, NULL, "Partnership documentation", NULL, 0, 0);
		assert_null(strstr(pango_layout_get_text(lay), SHY));
		g_object_unref(lay);
		g_object_unref(ctx);
		g_object_unref(fm);
	}
	hnj_hyphen_free(dict);

	/* Without the patterns: an error that names the package, only where they are needed. */
	setenv("CSDOC_HYPHEN_DIC", "/nonexistent/hyph_en_GB.dic", 1);
	doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\"><para align=\"justify\">x</para></flow></document>");
	assert_int_equal(S_render(doc, NULL, NULL, &msgs), -1);
	assert_non_null(strstr(msgs, "error: the hyphenation patterns /nonexistent/hyph_en_GB.dic cannot be read: install the Debian package hyphen-en-gb"));
	free(msgs);
	xmlFreeDoc(doc);
	doc = S_mem(HEAD "<page-master name=\"m\"/><flow master=\"m\"><para>x</para></flow></document>");
	assert_int_equal(S_render(doc, NULL, NULL, NULL), 0);
	xmlFreeDoc(doc);
	unsetenv("CSDOC_HYPHEN_DIC");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_col_widths),
		cmocka_unit_test(test_line_breaking),
		cmocka_unit_test(test_widows_orphans),
		cmocka_unit_test(test_heading_keep),
		cmocka_unit_test(test_table_widths),
		cmocka_unit_test(test_table_split),
		cmocka_unit_test(test_keep_together),
		cmocka_unit_test(test_body_page_count),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_missing_font),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_awkward),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_beside),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_plain_pdf),
		cmocka_unit_test(test_tall_header),
		cmocka_unit_test(test_graphic),
		cmocka_unit_test(test_graphic_keep),
		cmocka_unit_test(test_graphic_awkward),
		cmocka_unit_test(test_pdf_post),
		cmocka_unit_test(test_image),
		cmocka_unit_test(test_image_refused),
		cmocka_unit_test(test_table_tags),
		cmocka_unit_test(test_side_gap),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_marks_toc_keep_rows),
		cmocka_unit_test(test_notes_full),
		cmocka_unit_test(test_toc),
		cmocka_unit_test(test_fuzz_found),
		cmocka_unit_test(test_page_ref),
		cmocka_unit_test(test_page_ref_slots),
		cmocka_unit_test(test_block_limit),
		cmocka_unit_test(test_fonts_ready),
		cmocka_unit_test(test_hyphenation),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
