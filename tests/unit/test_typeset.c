/* test_typeset.c: the typesetter — line breaking, pagination rules, tables, page numbers, and the PDF it writes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>

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
	struct ts_options opt = { -1, NULL };
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
	r->ctx = ts_context(&r->fm, "en-GB");
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
	PangoContext *ctx = ts_context(&fm, "en-GB");
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
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
