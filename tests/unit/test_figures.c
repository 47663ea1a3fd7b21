/* test_figures.c: the figures pass on small documents — every operation, the stated checks, and each error at its place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compile.h"
#include "figout.h"
#include "load.h"
#include "util.h"
#include "xslt.h"

/* The outcome of compiling one document. */
struct run {
	int   rc;      /* compile_bytes() */
	char *diag;    /* printed diagnostics */
	char *figs;    /* figures listing, "" when it did not compile */
};

static void
S_free(struct run *r)
{
	free(r->diag);
	free(r->figs);
}

/*
 * Compile a minutes document whose first item holds BODY (and whose
 * registry may be followed by EXTRA, e.g. <uses>).
 */
static struct run
S_compile(const char *body)
{
	static const char head[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<minutes xmlns=\"urn:csdoc:1\" id=\"t\">\n"
	    "<meeting><body>B</body><date>2011-03-10</date></meeting>\n"
	    "<registry><person id=\"p\" name=\"P Q\"/></registry>\n"
	    "<item><title>T</title>\n";
	static const char tail[] = "\n</item>\n</minutes>\n";
	struct run r = { 0, NULL, NULL };
	struct diag d;
	struct source src;
	struct buf b = { 0 };
	enum doc_kind kind;
	char *bytes = xasprintf("%s%s%s", head, body, tail);
	size_t n = 0;
	FILE *f;

	diag_init(&d, "t.xml");
	memset(&src, 0, sizeof(src));
	src.d = &d;
	r.rc = compile_bytes(&src, "t.xml", bytes, strlen(bytes), &kind);
	f = open_memstream(&r.diag, &n);
	diag_print(&d, f);
	fclose(f);
	if (src.doc != NULL)
		figout_lines(src.doc, &b);
	r.figs = xstrdup(buf_str(&b));
	buf_free(&b);
	source_free(&src);
	diag_free(&d);
	return r;
}

/* The display of figure ID ("t/ID\tVALUE\tDISPLAY" line) must be WANT. */
static void
S_shows(const struct run *r, const char *id, const char *value, const char *display)
{
	char *line = xasprintf("t/%s\t%s\t%s\n", id, value, display);

	if (strstr(r->figs, line) == NULL)
		fail_msg("expected %s in:\n%s%s", line, r->figs, r->diag);
	free(line);
}

static void
S_says(const struct run *r, const char *want)
{
	if (strstr(r->diag, want) == NULL)
		fail_msg("expected '%s' in:\n%s", want, r->diag);
}

/* Figures in prose: inputs, computed, references, the 1/3 check. */
static void
test_prose(void **state)
{
	struct run r = S_compile(
	    "<p>Pot <figure id=\"pot\" type=\"money\">£1,115,160</figure>,"
	    " less <figure id=\"a\" type=\"money\">£253,093</figure>"
	    " and <figure id=\"b\" type=\"money\">£100,207</figure>"
	    " leaves <figure id=\"rest\" type=\"money\" compute=\"pot - a - b\"/>;"
	    " a third is <figure id=\"third\" type=\"money\" compute=\"rest / 3\"/>,"
	    " <figure id=\"se\" type=\"money\">£259,032</figure> is"
	    " <figure id=\"frac\" type=\"percent\" compute=\"se / rest\">1/3</figure>"
	    " of <figure ref=\"rest\"/>.</p>");

	(void)state;
	assert_int_equal(r.rc, 0);
	S_shows(&r, "pot", "1115160", "£1,115,160");
	S_shows(&r, "rest", "761860", "£761,860");
	/* exact, and shown to the penny only where it needs pence */
	S_shows(&r, "third", "761860/3", "£253,953.33");
	/* stated figures are printed as typed; the listing keeps the typed value */
	S_shows(&r, "frac", "1/3", "1/3");
	S_says(&r, "t.xml:6:");
	S_says(&r, "warning: stated 1/3 (33%); se / rest gives 34%");
	/* a reference is listed once, where the figure is */
	assert_null(strstr(r.figs, "\t761860\t£761,860\nt/rest"));
	S_free(&r);
}

/* A table: totals, shares, apportionment, the stated total check. */
static void
test_table(void **state)
{
	struct run r = S_compile(
	    "<p>Pot <figure id=\"pot\" type=\"money\">£100</figure></p>"
	    "<table id=\"t1\">"
	    "<column id=\"n\">Name</column>"
	    "<column id=\"w\" type=\"money\">Weight</column>"
	    "<column id=\"s\" type=\"percent\" compute=\"share(w)\">Share</column>"
	    "<column id=\"a\" type=\"money\" compute=\"apportion(pot, w)\">Part</column>"
	    "<column id=\"c\" type=\"money\" compute=\"cumulative(w)\">Running</column>"
	    "<column id=\"r\" type=\"count\" compute=\"rank(w)\" total=\"none\">Rank</column>"
	    "<row key=\"x\"><cell>X</cell><cell>1</cell><cell/><cell/><cell/><cell/></row>"
	    "<row key=\"y\"><cell>Y</cell><cell>1</cell><cell/><cell>£33.30</cell><cell/><cell/></row>"
	    "<row key=\"z\"><cell>Z</cell><cell>2</cell><cell/><cell/><cell/><cell/></row>"
	    "<row kind=\"total\"><cell>Total</cell><cell>£5</cell><cell/><cell/><cell/><cell/></row>"
	    "</table>");

	(void)state;
	assert_int_equal(r.rc, 0);
	S_shows(&r, "t1.x.s", "1/4", "25%");
	S_shows(&r, "t1.z.s", "1/2", "50%");
	/* largest remainder: 25.00 + 25.00 + 50.00; the typed £33.30 is checked */
	S_shows(&r, "t1.x.a", "25", "£25.00");
	S_says(&r, "warning: stated £33.30; apportion(pot, w) gives £25.00 (largest remainder)");
	S_shows(&r, "t1.z.c", "4", "£4");
	S_shows(&r, "t1.z.r", "1", "1");
	S_shows(&r, "t1.x.r", "2", "2");
	S_shows(&r, "t1.total.s", "1", "100%");
	S_says(&r, "warning: stated total £5; the rows sum to £4");
	S_shows(&r, "t1.total.r", "n/a", "n/a");
	/* the table says how it was apportioned */
	S_free(&r);
}

/* Every function on scalars. */
static void
test_functions(void **state)
{
	struct run r = S_compile(
	    "<p>"
	    "<figure id=\"b\" type=\"money\">£1,000</figure>"
	    "<figure id=\"cut\" type=\"money\" compute=\"cut(b, 40%)\"/>"
	    "<figure id=\"diff\" type=\"money\" compute=\"difference(b, £250)\"/>"
	    "<figure id=\"up\" type=\"percent\" compute=\"change(110, 100)\"/>"
	    "<figure id=\"down\" type=\"percent\" compute=\"change(82, 100)\"/>"
	    "<figure id=\"zero\" type=\"percent\" compute=\"change(5, 0)\"/>"
	    "<figure id=\"avg\" type=\"number\" compute=\"average(1, 2, 4)\"/>"
	    "<figure id=\"rt\" type=\"rate\" compute=\"rate(46, 10000, 1000)\"/>"
	    "<figure id=\"hi\" type=\"number\" compute=\"band(17, 20, &quot;Very High&quot;, 10, &quot;High&quot;, &quot;Low&quot;)\"/>"
	    "<figure id=\"rem\" type=\"money\" compute=\"remainder(b, £300, £200)\"/>"
	    "<figure id=\"mn\" type=\"number\" compute=\"min(3, 1, 2)\"/>"
	    "<figure id=\"mx\" type=\"number\" compute=\"max(3, 1, 2)\"/>"
	    "<figure id=\"rd\" type=\"number\" compute=\"round(2.5, 0)\"/>"
	    "<figure id=\"sm\" type=\"number\" compute=\"sum(1, 2, 3)\"/>"
	    "</p>");

	(void)state;
	assert_int_equal(r.rc, 0);
	S_shows(&r, "cut", "600", "£600");
	S_shows(&r, "diff", "750", "£750");
	S_shows(&r, "up", "1/10", "10%");
	S_shows(&r, "down", "-9/50", "-18%");
	/* a change from nothing has no percentage */
	S_shows(&r, "zero", "n/a", "n/a");
	S_shows(&r, "avg", "7/3", "2.33");
	S_shows(&r, "rt", "23/5", "4.6 per 1,000");
	S_shows(&r, "hi", "High", "High");
	S_shows(&r, "rem", "500", "£500");
	S_shows(&r, "mn", "1", "1");
	S_shows(&r, "mx", "3", "3");
	S_shows(&r, "rd", "3", "3");
	S_shows(&r, "sm", "6", "6");
	S_free(&r);
}

/* A column that makes up a budget, counts, subtotals, a tolerance, rounding modes. */
static void
test_columns(void **state)
{
	struct run r = S_compile(
	    "<p><figure id=\"budget\" type=\"money\">£1,000</figure></p>"
	    "<table id=\"t2\" >"
	    "<column id=\"line\">Line</column>"
	    "<column id=\"rag\">Status</column>"
	    "<column id=\"amt\" type=\"money\">Amount</column>"
	    "<row><cell>A</cell><cell>Red</cell><cell>£300</cell></row>"
	    "<row><cell>B</cell><cell>Green</cell><cell>£200</cell></row>"
	    "<row kind=\"subtotal\"><cell>Sub</cell><cell/><cell/></row>"
	    "<row><cell>C</cell><cell>Red</cell><cell>£100</cell></row>"
	    "<row kind=\"subtotal\"><cell>Sub</cell><cell/><cell/></row>"
	    "<row kind=\"total\"><cell>Total</cell><cell/><cell/></row>"
	    "</table>"
	    "<table id=\"t3\">"
	    "<column id=\"l\">Line</column>"
	    "<column id=\"v\" type=\"money\" compute=\"remainder(budget)\">Amount</column>"
	    "<row><cell>A</cell><cell>£300</cell></row>"
	    "<row><cell>Programme</cell><cell/></row>"
	    "</table>"
	    "<p><figure id=\"reds\" type=\"count\" compute=\"count(t2.rag, &quot;Red&quot;)\"/>"
	    "<figure id=\"near\" type=\"money\" compute=\"budget / 3\" tolerance=\"0.01\">£333.34</figure>"
	    "<figure id=\"even\" type=\"money\" places=\"0\" round=\"half-even\" compute=\"£2.50\"/>"
	    "<figure id=\"down\" type=\"money\" places=\"1\" round=\"down\" compute=\"£2.59\"/>"
	    "<figure id=\"thou\" type=\"money\" compute=\"budget * 22\">£22k</figure></p>");

	(void)state;
	/* a cell whose column computes remainder(budget) is an input where typed */
	assert_int_equal(r.rc, 0);
	S_shows(&r, "t2.subtotal-1.amt", "500", "£500");
	S_shows(&r, "t2.subtotal-2.amt", "100", "£100");
	S_shows(&r, "t2.total.amt", "600", "£600");
	S_shows(&r, "t3.r2.v", "700", "£700");
	S_shows(&r, "reds", "2", "2");
	S_shows(&r, "even", "5/2", "£2");
	S_shows(&r, "down", "259/100", "£2.5");
	/* within the declared tolerance: no warning */
	assert_null(strstr(r.diag, "£333.34"));
	/* "£22k" is checked to the nearest thousand */
	assert_null(strstr(r.diag, "22k"));
	S_free(&r);
}

/*
 * "tbc", "n/a" and a dash in an input cell: no value, like a blank cell, but
 * shown as typed; the total says it left the row out.
 */
static void
test_unknown_cells(void **state)
{
	struct run r = S_compile(
	    "<table id=\"t4\">"
	    "<column id=\"l\">Line</column>"
	    "<column id=\"m\" type=\"money\">Amount</column>"
	    "<column id=\"sh\" type=\"percent\">Share</column>"
	    "<row><cell>A</cell><cell>£100</cell><cell>n/a</cell></row>"
	    "<row><cell>B</cell><cell>tbc</cell><cell>–</cell></row>"
	    "<row><cell>C</cell><cell>£50</cell><cell>-</cell></row>"
	    "<row kind=\"total\"><cell>Total</cell><cell/><cell/></row>"
	    "</table>");

	(void)state;
	assert_int_equal(r.rc, 0);
	S_shows(&r, "t4.r2.m", "n/a", "tbc");
	S_shows(&r, "t4.total.m", "150", "£150");
	S_says(&r, "warning: this total leaves out 1 row(s) with no value: it adds up the others");
	/* "n/a" in a percent column is not read as a fraction */
	S_shows(&r, "t4.r1.sh", "n/a", "n/a");
	S_shows(&r, "t4.r2.sh", "n/a", "–");
	S_shows(&r, "t4.r3.sh", "n/a", "-");
	S_shows(&r, "t4.total.sh", "n/a", "n/a");
	assert_null(strstr(r.diag, "error"));
	S_free(&r);
}

/* Errors, each at the right place. */
static void
test_errors(void **state)
{
	static const struct {
		const char *body;
		const char *want;
	} cases[] = {
		{ "<p><figure id=\"x\" compute=\"1 +\"/></p>",
		  "t.xml:6:31: error: bad expression: the expression ends too soon" },
		{ "<p><figure id=\"x\" compute=\"pot - 1\"/></p>",
		  "t.xml:6:28: error: 'pot' is not a figure" },
		{ "<p><figure id=\"x\" compute=\"daat-grant\"/></p>",
		  "(write spaces around '-' to subtract)" },
		{ "<p><figure id=\"x\" compute=\"y + 1\"/><figure id=\"y\" compute=\"x\"/></p>",
		  "error: figures depend on themselves: x → y → x" },
		{ "<p><figure id=\"x\" compute=\"1 / (2 - 2)\"/></p>",
		  "t.xml:6:30: error: division by zero in 1 / (2 - 2)" },
		{ "<p><figure id=\"x\" compute=\"99999999999999999999 * 99999999999999999999\"/></p>",
		  "t.xml:6:49: error: a figure is too large to compute exactly" },
		{ "<p><figure id=\"x\" compute=\"1000000000000000000000000000000\"/></p>",
		  "error: bad expression: bad number 1000000000000000000000000000000: too many digits" },
		{ "<p><figure id=\"x\" type=\"money\">£1,11,5</figure></p>",
		  "error: bad figure '£1,11,5': thousands separators must come every three digits" },
		{ "<p><figure id=\"x\" type=\"money\" compute=\"£5 + 10%\"/></p>",
		  "error: money and a percentage cannot be added" },
		{ "<p><figure id=\"x\" compute=\"frobnicate(1)\"/></p>",
		  "error: unknown function frobnicate()" },
		{ "<p><figure id=\"x\" compute=\"cut(100, 40)\"/></p>",
		  "error: cut(X, P): P is a percentage such as 40%" },
		{ "<p><figure ref=\"nothing\"/></p>",
		  "error: 'nothing' is not a figure" },
		{ "<p><figure id=\"x\" type=\"money\"/></p>",
		  "a figure needs a value typed inside it or a compute attribute" },
		{ "<table><column id=\"a\" type=\"money\" compute=\"share(b)\"/><row><cell/></row></table>",
		  "share() is used with the wrong arguments" },
		/* a figure in a sentence must have a value: "tbc" is for cells */
		{ "<p><figure id=\"x\" type=\"money\">tbc</figure></p>",
		  "error: bad figure 'tbc': expected an amount of money" },
		{ "<p><figure id=\"x\" type=\"money\">n/a</figure></p>",
		  "error: bad figure 'n/a'" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run r = S_compile(cases[i].body);

		if (r.rc == 0)
			fail_msg("case %zu compiled: %s", i, cases[i].body);
		S_says(&r, cases[i].want);
		S_free(&r);
	}
}

static int
S_setup(void **state)
{
	(void)state;
	load_init();
	return 0;
}

static int
S_teardown(void **state)
{
	(void)state;
	validate_cleanup();
	xslt_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_functions),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_unknown_cells),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests_name("figures", tests, S_setup, S_teardown);
}
