/* test_chart.c: charts on small documents — axis scales and tick labels, bar and line geometry, n/a gaps, timelines, text alternatives, and each error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "chart.h"
#include "compile.h"
#include "compile_run.h"
#include "tree.h"
#include "util.h"

/* Compile a minutes document whose first item holds BODY. */
static struct run *
S_compile(const char *body)
{
	return run_compile(xasprintf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<minutes xmlns=\"urn:csdoc:1\" id=\"t\">\n"
	    "<meeting><body>B</body><date>2011-03-10</date></meeting>\n"
	    "<registry><person id=\"p\" name=\"P Q\"/></registry>\n"
	    "<item><title>T</title>\n%s\n</item>\n</minutes>\n", body));
}

/* The first element named NAME (any namespace) at or below N, in document order. */
static xmlNodePtr
S_find(xmlNodePtr n, const char *name)
{
	for (; n != NULL; n = n->next) {
		xmlNodePtr k;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, name) == 0)
			return n;
		if ((k = S_find(n->children, name)) != NULL)
			return k;
	}
	return NULL;
}

/* The c:graphic of the compiled document's first chart (fails the test if none). */
static xmlNodePtr
S_graphic(const struct run *r)
{
	xmlNodePtr g;

	if (r->rc != 0 || r->src.doc == NULL)
		fail_msg("did not compile:\n%s", r->diag);
	g = S_find(xmlDocGetRootElement(r->src.doc), "graphic");
	assert_non_null(g);
	return g;
}

static double
S_num(const xmlNode *n, const char *attr)
{
	const char *v = tree_attr(n, attr);

	if (v == NULL)
		fail_msg("no %s on <%s>", attr, n->name);
	return strtod(v, NULL);
}

/* Children of G named NAME whose attribute ATTR is VALUE (NULL: any), up to MAX. */
static size_t
S_shapes(xmlNodePtr g, const char *name, const char *attr, const char *value,
    xmlNodePtr *out, size_t max)
{
	size_t n = 0;

	for (xmlNodePtr k = g->children; k != NULL; k = k->next) {
		const char *v;

		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, name) != 0)
			continue;
		v = attr ? tree_attr(k, attr) : NULL;
		if (attr && (v == NULL || (value && strcmp(v, value) != 0)))
			continue;
		if (n < max)
			out[n] = k;
		n++;
	}
	return n;
}

/* The text element of G reading TEXT, or NULL. */
static xmlNodePtr
S_text(xmlNodePtr g, const char *text)
{
	for (xmlNodePtr k = g->children; k != NULL; k = k->next) {
		char *t;
		int same;

		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "text") != 0)
			continue;
		t = tree_text(k);
		same = strcmp(t, text) == 0;
		free(t);
		if (same)
			return k;
	}
	return NULL;
}

/* Ticks: 1-2-5 steps, zero for bars, at most 7 intervals; UK tick labels. */
static void
test_scale(void **state)
{
	struct chart_scale sc;
	char *s;

	(void)state;
	chart_scale(0, 987, 1, 1, &sc);
	assert_true(sc.lo == 0 && sc.hi == 1000 && sc.step == 200);
	assert_int_equal(sc.decimals, 0);
	chart_scale(160, 1204, 1, 1, &sc);
	assert_true(sc.lo == 0 && sc.hi == 1400 && sc.step == 200);
	/* negative values: the axis takes them in */
	chart_scale(-18, 9.5, 1, 0, &sc);
	assert_true(sc.lo == -20 && sc.hi == 10 && sc.step == 5);
	/* a line far from zero need not start there */
	chart_scale(611, 955, 0, 1, &sc);
	assert_true(sc.lo == 600 && sc.hi == 1000 && sc.step == 100);
	/* small fractions need places */
	chart_scale(0.2, 0.9, 1, 0, &sc);
	assert_true(fabs(sc.step - 0.2) < 1e-12 && fabs(sc.hi - 1) < 1e-12);
	assert_int_equal(sc.decimals, 1);
	/* all zero, or one value: still an axis with height */
	chart_scale(0, 0, 1, 1, &sc);
	assert_true(sc.hi > sc.lo && sc.step >= 1);
	chart_scale(-5, -5, 1, 1, &sc);
	assert_true(sc.lo <= -5 && sc.hi == 0);
	chart_scale(42, 42, 0, 1, &sc);
	assert_true(sc.lo <= 42 && sc.hi >= 42 && sc.hi > sc.lo);

	chart_scale(0, 1234567, 1, 1, &sc);
	s = chart_tick_label(&sc, 1000000, NULL, NULL);
	assert_string_equal(s, "1,000,000");
	free(s);
	chart_scale(-2000, 10000, 1, 1, &sc);
	s = chart_tick_label(&sc, -2000, "£", NULL);
	assert_string_equal(s, "-£2,000");
	free(s);
	chart_scale(-18, 9.5, 1, 0, &sc);
	s = chart_tick_label(&sc, -15, NULL, "%");
	assert_string_equal(s, "-15%");
	free(s);
	s = chart_tick_label(&sc, -1e-12, NULL, "%");
	assert_string_equal(s, "0%");
	free(s);
	chart_scale(0, 0.9, 1, 0, &sc);
	s = chart_tick_label(&sc, 0.4, NULL, NULL);
	assert_string_equal(s, "0.4");
	free(s);
}

/* Bars: inside the plot, heights proportional to values, negatives below the zero line. */
static void
test_bars(void **state)
{
	struct run *r = S_compile(
	    "<chart id=\"ch\" type=\"bar\" data=\"tb\" label=\"yr\" axis=\"Offences\">"
	    "<caption>C</caption><series column=\"n\"/></chart>"
	    "<table id=\"tb\"><column id=\"yr\">Year</column><column id=\"n\" type=\"count\">Offences</column>"
	    "<row><cell>2007/08</cell><cell>987</cell></row>"
	    "<row><cell>2008/09</cell><cell>500</cell></row>"
	    "<row><cell>2009/10</cell><cell>-200</cell></row>"
	    "<row><cell>2010/11</cell><cell>0</cell></row>"
	    "</table>");
	xmlNodePtr g = S_graphic(r), bars[8];
	double w, h, y0;

	(void)state;
	w = S_num(g, "width");
	h = S_num(g, "height");
	assert_true(w == 450 && h == 250);
	/* three bars: a zero value has no height */
	assert_int_equal(S_shapes(g, "rect", "fill", "#1f5f8b", bars, 8), 3);
	for (size_t i = 0; i < 3; i++) {
		double x = S_num(bars[i], "x"), y = S_num(bars[i], "y");

		assert_true(x > 30 && x + S_num(bars[i], "w") <= w && y >= 0 && y + S_num(bars[i], "h") <= h - 10);
	}
	/* proportional, to the rounding of coordinates */
	assert_true(fabs(S_num(bars[0], "h") / S_num(bars[1], "h") - 987.0 / 500) < 0.01);
	assert_true(fabs(S_num(bars[2], "h") / S_num(bars[1], "h") - 200.0 / 500) < 0.01);
	/* the positive bars stand on the zero line; the negative one hangs from it */
	y0 = S_num(bars[0], "y") + S_num(bars[0], "h");
	assert_true(fabs(S_num(bars[1], "y") + S_num(bars[1], "h") - y0) < 0.02);
	assert_true(fabs(S_num(bars[2], "y") - y0) < 0.02);
	/* ticks from -200 to 1,000, values on the bars, the axis title turned */
	assert_non_null(S_text(g, "1,000"));
	assert_non_null(S_text(g, "-200"));
	assert_null(S_text(g, "1,200"));
	assert_non_null(S_text(g, "987"));
	assert_string_equal(tree_attr(S_text(g, "Offences"), "rotate"), "-90");
	assert_non_null(S_text(g, "2009/10"));
	/* the alt text: type, range, key values */
	{
		const char *alt = tree_get(g->parent, "alt");

		assert_non_null(alt);
		assert_non_null(strstr(alt, "Bar chart of Offences by year, 2007/08 to 2010/11"));
		assert_non_null(strstr(alt, "fell from 987 in 2007/08 to 0 in 2010/11"));
		assert_string_equal(tree_attr(g, "alt"), alt);
	}
	run_free(r);
}

/* The SVG paints the same primitives as c:graphic, one for one, and is titled by the alt text. */
static void
test_svg_matches(void **state)
{
	struct run *r = S_compile(
	    "<chart type=\"line\" data=\"tb\" label=\"yr\"><caption>C</caption>"
	    "<series column=\"a\"/><series column=\"tg\" role=\"target\"/></chart>"
	    "<table id=\"tb\"><column id=\"yr\">Year</column><column id=\"a\" type=\"money\">Actual</column>"
	    "<column id=\"tg\" type=\"money\">Target</column>"
	    "<row><cell>2009</cell><cell>£1,000</cell><cell>£900</cell></row>"
	    "<row><cell>2010</cell><cell>£1,100.50</cell><cell>£900</cell></row>"
	    "</table>");
	xmlNodePtr g = S_graphic(r), svg = S_find(g->parent, "svg"), inner, title;
	size_t ng = 0, ns = 0;

	(void)state;
	assert_non_null(svg);
	inner = S_find(svg->children, "svg");
	assert_non_null(inner);
	assert_string_equal((const char *)inner->ns->href, "http://www.w3.org/2000/svg");
	assert_string_equal(tree_attr(inner, "viewBox"), "0 0 450 250");
	assert_string_equal(tree_attr(inner, "role"), "img");
	title = S_find(inner->children, "title");
	assert_non_null(title);
	assert_string_equal(tree_attr(inner, "aria-labelledby"), tree_attr(title, "id"));
	for (xmlNodePtr k = g->children; k; k = k->next)
		ng += k->type == XML_ELEMENT_NODE;
	for (xmlNodePtr k = inner->children; k; k = k->next)
		ns += k->type == XML_ELEMENT_NODE && k != title;
	assert_int_equal(ng, ns);
	/* money ticks, a dashed target, a legend */
	assert_non_null(S_text(g, "£1,000"));
	assert_int_equal(S_shapes(g, "line", "dash", NULL, NULL, 0), 2);   /* line and its swatch */
	assert_non_null(S_text(g, "Target"));
	assert_non_null(strstr(tree_get(g->parent, "alt"), "the Target is £900 throughout"));
	run_free(r);
}

/* n/a: a line stops and starts again; a missing bar says n/a. */
static void
test_gaps(void **state)
{
	struct run *r = S_compile(
	    "<chart type=\"line\" data=\"tb\" label=\"q\"><caption>C</caption><series column=\"v\"/></chart>"
	    "<table id=\"tb\"><column id=\"q\">Quarter</column><column id=\"v\" type=\"number\">V</column>"
	    "<row><cell>Q1 2010</cell><cell>1</cell></row>"
	    "<row><cell>Q2 2010</cell><cell>2</cell></row>"
	    "<row><cell>Q3 2010</cell><cell></cell></row>"
	    "<row><cell>Q4 2010</cell><cell>4</cell></row>"
	    "<row><cell>Q1 2011</cell><cell>5</cell></row>"
	    "</table>");
	xmlNodePtr g = S_graphic(r), lines[4];
	struct run *b;

	(void)state;
	assert_int_equal(S_shapes(g, "line", "stroke", "#1f5f8b", lines, 4), 2);
	assert_null(strchr(strchr(tree_attr(lines[0], "points"), ' ') + 1, ' '));   /* two points */
	assert_int_equal(S_shapes(g, "circle", "fill", "#1f5f8b", NULL, 0), 4);
	assert_non_null(strstr(tree_get(g->parent, "alt"), "no value for Q3 2010"));
	run_free(r);

	b = S_compile(
	    "<chart type=\"bar\" data=\"tb\" label=\"q\"><caption>C</caption><series column=\"v\"/></chart>"
	    "<table id=\"tb\"><column id=\"q\">Area</column><column id=\"v\" type=\"count\">V</column>"
	    "<row><cell>North</cell><cell>10</cell></row>"
	    "<row><cell>South</cell><cell></cell></row>"
	    "<row><cell>East</cell><cell>30</cell></row>"
	    "</table>");
	g = S_graphic(b);
	assert_int_equal(S_shapes(g, "rect", "fill", "#1f5f8b", NULL, 0), 2);
	assert_non_null(S_text(g, "n/a"));
	/* areas have no order: the alt names each value, highest and lowest */
	assert_non_null(strstr(tree_get(g->parent, "alt"), "North 10 and East 30 (highest in East, lowest in North)"));
	run_free(b);
}

/* Timelines: a coloured cell per status, with its word, dark text on amber. */
static void
test_timeline(void **state)
{
	struct run *r = S_compile(
	    "<chart type=\"timeline\" data=\"tb\" label=\"ind\"><caption>C</caption>"
	    "<series column=\"q1\" name=\"Q1\"/><series column=\"q2\" name=\"Q2\"/></chart>"
	    "<table id=\"tb\"><column id=\"ind\">Indicator</column><column id=\"q1\">Q1</column><column id=\"q2\">Q2</column>"
	    "<row><cell>Burglary</cell><cell>R</cell><cell>amber</cell></row>"
	    "<row><cell>Robbery</cell><cell>Green</cell><cell>Not due</cell></row>"
	    "<row><cell>Assault</cell><cell>Grey</cell><cell></cell></row>"
	    "</table>");
	xmlNodePtr g = S_graphic(r), t;

	(void)state;
	assert_true(S_num(g, "height") > 3 * 14 && S_num(g, "height") < 250);
	assert_int_equal(S_shapes(g, "rect", "fill", "#c0392b", NULL, 0), 1);
	assert_int_equal(S_shapes(g, "rect", "fill", "#e6a100", NULL, 0), 1);
	assert_int_equal(S_shapes(g, "rect", "fill", "#2e7d32", NULL, 0), 1);
	/* Grey and words that are no status: both grey */
	assert_int_equal(S_shapes(g, "rect", "fill", "#8a8a8a", NULL, 0), 2);
	assert_non_null(t = S_text(g, "Red"));
	assert_string_equal(tree_attr(t, "fill"), "#ffffff");
	assert_non_null(t = S_text(g, "Amber"));
	assert_string_equal(tree_attr(t, "fill"), "#1a1a1a");
	assert_non_null(S_text(g, "Green"));
	assert_non_null(S_text(g, "Not due"));
	assert_non_null(S_text(g, "Burglary"));
	assert_non_null(strstr(tree_get(g->parent, "alt"), "Status timeline of 3 indicators from Q1 to Q2"));
	assert_non_null(strstr(tree_get(g->parent, "alt"), "Burglary: Red, Amber"));
	run_free(r);
}

/* The marks of a chart with every palette colour are 3:1 on white or better. */
static double
S_lum(const char *hex)
{
	double c[3];

	for (int i = 0; i < 3; i++) {
		char part[3] = { hex[1 + i * 2], hex[2 + i * 2], '\0' };
		double v = strtol(part, NULL, 16) / 255.0;

		c[i] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static void
test_contrast(void **state)
{
	struct buf b = { 0 };
	struct run *r;
	xmlNodePtr g;
	size_t marks = 0;

	(void)state;
	buf_puts(&b, "<chart type=\"bar\" data=\"tb\" label=\"a\"><caption>C</caption>");
	for (int i = 1; i <= 9; i++)
		buf_printf(&b, "<series column=\"s%d\"/>", i);
	buf_puts(&b, "</chart><table id=\"tb\"><column id=\"a\">Area</column>");
	for (int i = 1; i <= 9; i++)
		buf_printf(&b, "<column id=\"s%d\" type=\"count\">S%d</column>", i, i);
	buf_puts(&b, "<row><cell>X</cell>");
	for (int i = 1; i <= 9; i++)
		buf_printf(&b, "<cell>%d</cell>", i * 10);
	buf_puts(&b, "</row></table>");
	r = S_compile(buf_str(&b));
	g = S_graphic(r);
	for (xmlNodePtr k = g->children; k; k = k->next) {
		const char *fill = tree_attr(k, "fill");

		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "rect") != 0 || fill == NULL)
			continue;
		marks++;
		if (1.05 / (S_lum(fill) + 0.05) < 3)
			fail_msg("bar colour %s is below 3:1 on white", fill);
	}
	assert_true(marks >= 18);   /* nine bars and nine legend swatches */
	run_free(r);
	buf_free(&b);
}

/* Each error, at the chart, and nothing drawn. */
static void
test_errors(void **state)
{
	static const char table[] =
	    "<table id=\"tb\"><column id=\"yr\">Year</column><column id=\"n\" type=\"count\">N</column>"
	    "<column id=\"note\">Note</column>"
	    "<row><cell>2010</cell><cell>1</cell><cell>x</cell></row></table>";
	struct run *r;
	char *doc;

	(void)state;
	doc = xasprintf("<chart id=\"c1\" type=\"bar\" data=\"nope\" label=\"yr\"><caption>C</caption>"
	    "<series column=\"n\"/></chart>%s", table);
	r = S_compile(doc);
	assert_int_not_equal(r->rc, 0);
	run_says(r, "t.xml:6:");
	run_says(r, "error: chart 'c1' draws from 'nope', which is not the id of a table in this document");
	run_free(r);
	free(doc);

	doc = xasprintf("<chart type=\"bar\" data=\"tb\" label=\"year\"><caption>C</caption>"
	    "<series column=\"n\"/><series column=\"m\"/></chart>%s", table);
	r = S_compile(doc);
	run_says(r, "error: the chart: table 'tb' has no column 'year' (its columns are 'yr', 'n', 'note')");
	run_says(r, "error: the chart: table 'tb' has no column 'm'");
	run_free(r);
	free(doc);

	doc = xasprintf("<chart type=\"line\" data=\"tb\" label=\"yr\"><caption>C</caption>"
	    "<series column=\"note\"/></chart>%s", table);
	r = S_compile(doc);
	run_says(r, "error: the chart: column 'note' holds text, not figures");
	run_free(r);
	free(doc);

	/* a table with no data rows, and one whose values are all n/a */
	r = S_compile("<chart type=\"bar\" data=\"tb\" label=\"yr\"><caption>C</caption><series column=\"n\"/></chart>"
	    "<table id=\"tb\"><column id=\"yr\">Year</column><column id=\"n\" type=\"count\">N</column>"
	    "<row kind=\"heading\"><cell>Year</cell><cell>N</cell></row></table>");
	run_says(r, "error: the chart has no data: table 'tb' has no data rows");
	run_free(r);
	r = S_compile("<chart type=\"bar\" data=\"tb\" label=\"yr\"><caption>C</caption><series column=\"n\"/></chart>"
	    "<table id=\"tb\"><column id=\"yr\">Year</column><column id=\"n\" type=\"count\">N</column>"
	    "<row><cell>2010</cell><cell></cell></row></table>");
	run_says(r, "error: the chart has no data: every value it draws from table 'tb' is n/a or blank");
	assert_null(S_find(xmlDocGetRootElement(r->src.doc), "graphic"));
	run_free(r);
}

/* More categories than the limit is an error that says the limit. */
static void
test_limit(void **state)
{
	struct buf b = { 0 };
	struct run *r;

	(void)state;
	buf_puts(&b, "<chart id=\"big\" type=\"bar\" data=\"tb\" label=\"k\"><caption>C</caption><series column=\"n\"/></chart>"
	    "<table id=\"tb\"><column id=\"k\">K</column><column id=\"n\" type=\"count\">N</column>");
	for (int i = 0; i <= CHART_MAX_CATEGORIES; i++)
		buf_printf(&b, "<row><cell>r%d</cell><cell>%d</cell></row>", i, i);
	buf_puts(&b, "</table>");
	r = S_compile(buf_str(&b));
	run_says(r, "error: chart 'big' has 501 categories (data rows of table 'tb'): a chart draws at most 500");
	run_free(r);
	buf_free(&b);

	/* 500 is fine: labels are thinned, markers left out, nothing overflows */
	buf_puts(&b, "<chart type=\"line\" data=\"tb\" label=\"k\"><caption>C</caption><series column=\"n\"/></chart>"
	    "<table id=\"tb\"><column id=\"k\">K</column><column id=\"n\" type=\"count\">N</column>");
	for (int i = 0; i < CHART_MAX_CATEGORIES; i++)
		buf_printf(&b, "<row><cell>Week %d</cell><cell>%d</cell></row>", i + 1, (i * 37) % 101);
	buf_puts(&b, "</table>");
	r = S_compile(buf_str(&b));
	{
		xmlNodePtr g = S_graphic(r);
		size_t labels = 0;

		for (xmlNodePtr k = g->children; k; k = k->next)
			labels += k->type == XML_ELEMENT_NODE && tree_attr(k, "rotate") != NULL;
		assert_true(labels > 10 && labels < 100);
	}
	run_free(r);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_svg_matches),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_contrast),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
