/* test_performance.c: statuses from a policy — each polarity, each band edge, missing figures, a zero target, improvement rules, direction of travel, counts in words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "compile.h"
#include "compile_run.h"
#include "tree.h"
#include "util.h"

/* Compile a report with POLICY (may be empty) and the measures MEASURES, current period q3. */
static struct run *
S_compile(const char *policy, const char *measures, const char *prose)
{
	return run_compile(xasprintf(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<performance-report xmlns=\"urn:csdoc:1\" id=\"t\">\n"
	    "<report-header><body>B</body><title>T</title></report-header>\n"
	    "<registry/>\n%s"
	    "<periods current=\"q3\" per-year=\"2\"><period id=\"q1\">Q1</period><period id=\"q2\">Q2</period>"
	    "<period id=\"q3\">Q3</period></periods>\n"
	    "<indicator-set>\n%s</indicator-set>\n"
	    "<report-section><title>S</title><p>%s</p><overview/></report-section>\n"
	    "</performance-report>\n", policy, measures, prose));
}

/* The measure with id ID. */
static xmlNodePtr
S_measure(const struct run *r, const char *id)
{
	xmlNodePtr set;

	if (r->src.doc == NULL)
		fail_msg("did not compile:\n%s", r->diag);
	set = tree_child(xmlDocGetRootElement(r->src.doc), "indicator-set");
	for (xmlNodePtr m = tree_first_elem(set); m != NULL; m = tree_next_elem(m))
		if (tree_is(m, "measure") && strcmp(tree_attr(m, "id"), id) == 0)
			return m;
	fail_msg("no measure %s", id);
	return NULL;
}

/* The c:display of the figure ID under measure M's c:derived. */
static const char *
S_fig(xmlNodePtr m, const char *id)
{
	for (xmlNodePtr d = m->children; d != NULL; d = d->next)
		if (d->type == XML_ELEMENT_NODE && strcmp((const char *)d->name, "derived") == 0)
			for (xmlNodePtr f = d->children; f != NULL; f = f->next)
				if (f->type == XML_ELEMENT_NODE && strcmp(tree_attr(f, "id"), id) == 0)
					return tree_get(f, "display");
	fail_msg("no figure %s", id);
	return NULL;
}

static char *
S_m(const char *id, const char *pol, const char *actual, const char *target, const char *extra)
{
	return xasprintf("<measure id=\"%s\" code=\"%s\" polarity=\"%s\"><description>D</description>"
	    "%s%s%s%s%s%s%s</measure>\n", id, id, pol,
	    actual ? "<actual>" : "", actual ? actual : "", actual ? "</actual>" : "",
	    target ? "<target>" : "", target ? target : "", target ? "</target>" : "", extra);
}

/* Both polarities, and every edge of the default bands. */
static void
test_bands(void **state)
{
	static const struct { const char *pol, *actual, *target, *status, *diff; } c[] = {
		{ "lower", "100", "100", "G", "0.00" },      /* on target */
		{ "lower", "95", "100", "G", "-5.00" },      /* better */
		{ "lower", "105", "100", "A", "5.00" },      /* exactly 5% off: still Amber */
		{ "lower", "105.01", "100", "R", "5.01" },   /* just over */
		{ "higher", "95", "100", "A", "5.00" },      /* short of a higher target: worse, positive */
		{ "higher", "110", "100", "G", "-10.00" },
		{ "higher", "94.99", "100", "R", "5.01" },
		{ "lower", "-3", "-2", "G", "-1.00" },       /* a negative target: -3 is lower, so better, by half its size */
	};
	struct buf b = { 0 };
	struct run *r;

	(void)state;
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		char id[8], *m;

		snprintf(id, sizeof(id), "m%zu", i);
		m = S_m(id, c[i].pol, c[i].actual, c[i].target, "");
		buf_puts(&b, m);
		free(m);
	}
	r = S_compile("", buf_str(&b), "x");
	assert_int_equal(r->rc, 0);
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		char id[8];
		xmlNodePtr m;

		snprintf(id, sizeof(id), "m%zu", i);
		m = S_measure(r, id);
		if (strcmp(tree_get(m, "status"), c[i].status) != 0)
			fail_msg("%s: status %s, expected %s (%s)", id, tree_get(m, "status"), c[i].status, tree_get(m, "reason"));
		{
			char *fid = xasprintf("%s.difference", id);

			assert_string_equal(S_fig(m, fid), c[i].diff);
			free(fid);
		}
	}
	/* the reason says how far and which way */
	assert_string_equal(tree_get(S_measure(r, "m2"), "reason"), "Amber: 5.0% off target, within 5%");
	assert_string_equal(tree_get(S_measure(r, "m1"), "reason"), "Green: 5.0% better than target");
	assert_string_equal(tree_get(S_measure(r, "m0"), "reason"), "Green: exactly on target");
	assert_string_equal(tree_get(S_measure(r, "m0"), "polarity-symbol"), "▼");
	/* the performance agrees with the status in sign, a negative target too */
	assert_string_equal(S_fig(S_measure(r, "m3"), "m3.performance"), "5%");
	assert_string_equal(S_fig(S_measure(r, "m5"), "m5.performance"), "-10%");
	assert_string_equal(S_fig(S_measure(r, "m7"), "m7.performance"), "-50%");
	assert_string_equal(tree_get(S_measure(r, "m4"), "polarity-symbol"), "▲");
	run_free(r);
	buf_free(&b);
}

/* No actual or no target: the missing status, and no difference to show. */
static void
test_missing(void **state)
{
	char *a = S_m("noact", "lower", NULL, "10", ""), *t = S_m("notgt", "lower", "10", NULL, "<stated status=\"A\"/>");
	char *both = xasprintf("%s%s", a, t);
	struct run *r = S_compile("", both, "x");

	(void)state;
	assert_int_equal(r->rc, 0);
	assert_string_equal(tree_get(S_measure(r, "noact"), "status"), "NA");
	assert_string_equal(tree_get(S_measure(r, "notgt"), "status"), "NA");
	run_says(r, "stated status A (Amber), but the policy gives NA");
	run_free(r);
	free(a);
	free(t);
	free(both);
}

static void
test_zero_target(void **state)
{
	char *m = S_m("z", "lower", "3", "0", "");
	struct run *r = S_compile("", m, "x");

	(void)state;
	assert_int_not_equal(r->rc, 0);
	run_says(r, "a target of zero");
	run_free(r);
	free(m);
}

/* Amber when off target but better than last period; the direction of travel; counts in words. */
static void
test_improved_and_travel(void **state)
{
	static const char policy[] =
	    "<status-policy>"
	    "<status id=\"G\" name=\"Green\" colour=\"green\">On target</status>"
	    "<status id=\"A\" name=\"Amber\" colour=\"amber\">Off target but improving</status>"
	    "<status id=\"R\" name=\"Red\" colour=\"red\">Off target</status>"
	    "<status id=\"NA\" name=\"Grey\" colour=\"grey\" missing=\"yes\">Not available</status>"
	    "<rule gives=\"G\" off-max=\"0%\"/>"
	    "<rule gives=\"A\" improved=\"last-year\"/>"
	    "<rule gives=\"R\"/>"
	    "</status-policy>\n";
	/* 20% off, but lower than a year ago (125): Amber by the improvement rule; worse than last quarter (95) */
	char *m1 = S_m("same", "lower", "120", "100",
	    "<history><was period=\"q1\" status=\"R\" value=\"125\"/><was period=\"q2\" status=\"G\" value=\"95\"/></history>");
	/* on target, and better than last quarter's red */
	char *m2 = S_m("better", "lower", "90", "100",
	    "<history><was period=\"q1\" status=\"R\"/><was period=\"q2\" status=\"R\" value=\"110\"/></history>");
	/* 20% off and no better than a year ago (115): Red */
	char *m3 = S_m("noimp", "lower", "120", "100",
	    "<history><was period=\"q1\" status=\"R\" value=\"115\"/><was period=\"q2\" status=\"R\"/></history>");
	char *all = xasprintf("%s%s%s", m1, m2, m3);
	struct run *r = S_compile(policy, all, "<figure ref=\"status.G\" words=\"yes\"/> green, <figure ref=\"status.R\" words=\"yes\"/> red");
	xmlNodePtr s, b;

	(void)state;
	assert_int_equal(r->rc, 0);
	s = S_measure(r, "same");
	b = S_measure(r, "better");
	assert_string_equal(tree_get(s, "status"), "A");
	assert_string_equal(tree_get(s, "reason"), "Amber: 20.0% off target, but better than a year before; worse than last quarter");
	assert_string_equal(tree_get(s, "travel-previous"), "worse");
	assert_string_equal(tree_get(s, "travel-last-year"), "better");
	assert_string_equal(tree_get(S_measure(r, "noimp"), "status"), "R");
	assert_string_equal(tree_get(b, "status"), "G");
	assert_string_equal(tree_get(b, "travel-previous"), "better");
	assert_non_null(strstr(tree_get(b, "reason"), "better than last quarter"));
	/* the counts, in words where asked */
	{
		xmlNodePtr p = tree_child(tree_child(xmlDocGetRootElement(r->src.doc), "report-section"), "p");
		char *words = NULL;

		for (xmlNodePtr f = p->children; f != NULL; f = f->next)
			if (f->type == XML_ELEMENT_NODE) {
				char *w = xasprintf("%s%s ", words ? words : "", tree_get(f, "display"));

				free(words);
				words = w;
			}
		assert_string_equal(words, "one one ");
		free(words);
	}
	run_free(r);
	free(m1);
	free(m2);
	free(m3);
	free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_zero_target),
		cmocka_unit_test(test_improved_and_travel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
