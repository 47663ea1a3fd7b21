/* test_author.c: csdoc fmt's layout rules and csdoc new's placeholder filling, case by case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "author.h"
#include "util.h"

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* fmt of IN must be WANT, and fmt of WANT must be WANT again. */
static void
S_fmt(const char *in, const char *want)
{
	for (int pass = 0; pass < 2; pass++) {
		const char *src = pass == 0 ? in : want;
		xmlDocPtr doc = xmlReadMemory(src, (int)strlen(src), "t.xml", NULL, XML_PARSE_NONET);
		struct buf b = { 0 };

		assert_non_null(doc);
		author_fmt_doc(doc, &b);
		assert_string_equal(buf_str(&b), want);
		buf_free(&b);
		xmlFreeDoc(doc);
	}
}

static void
test_fmt_indent(void **state)
{
	(void)state;
	/* element-only content, however indented, comes out two spaces a level */
	S_fmt("<a>\n<b>\n\t\t<c/>\n      </b>\n<!-- k -->\n</a>",
	    DECL "<a>\n  <b>\n    <c/>\n  </b>\n  <!-- k -->\n</a>\n");
	/* an empty element is written short */
	S_fmt("<a></a>", DECL "<a/>\n");
}

static void
test_fmt_mixed(void **state)
{
	(void)state;
	/* text with inline markup keeps every space and line break */
	S_fmt("<a>\n  <p>One <em>two</em>  three\n four<b>x</b></p>\n</a>",
	    DECL "<a>\n  <p>One <em>two</em>  three\n four<b>x</b></p>\n</a>\n");
	/* elements side by side with no line between them stay side by side */
	S_fmt("<a><b/><c/></a>", DECL "<a><b/><c/></a>\n");
	/* a space between two inline elements is text: kept */
	S_fmt("<p><em>a</em> <em>b</em></p>", DECL "<p><em>a</em> <em>b</em></p>\n");
	/* a gap without a line break is not layout */
	S_fmt("<a>\n  <b/> <c/>\n</a>", DECL "<a>\n  <b/> <c/>\n</a>\n");
}

static void
test_fmt_schema(void **state)
{
	(void)state;
	/* csdoc elements the schema gives only elements are laid out even when written on one line */
	S_fmt("<minutes xmlns=\"urn:csdoc:1\"><meeting><body>B  C</body> <date>2012-01-01</date></meeting><apologies>\n </apologies></minutes>",
	    DECL "<minutes xmlns=\"urn:csdoc:1\">\n  <meeting>\n    <body>B  C</body>\n    <date>2012-01-01</date>\n  </meeting>\n  <apologies/>\n</minutes>\n");
	/* but not one that holds text, nor the same names in another namespace */
	S_fmt("<p xmlns=\"urn:csdoc:1\"><em>a</em> <em>b</em></p>", DECL "<p xmlns=\"urn:csdoc:1\"><em>a</em> <em>b</em></p>\n");
	S_fmt("<meeting xmlns=\"urn:other\"><body>B</body></meeting>", DECL "<meeting xmlns=\"urn:other\"><body>B</body></meeting>\n");
}

static void
test_fmt_attributes(void **state)
{
	(void)state;
	/* namespaces, then id, then by name, then prefixed */
	S_fmt("<a xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" z=\"1\" xsi:schemaLocation=\"u s\" b=\"2\" id=\"i\" xmlns=\"urn:x\"/>",
	    DECL "<a xmlns=\"urn:x\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"i\" b=\"2\" z=\"1\" xsi:schemaLocation=\"u s\"/>\n");
	/* values that need references keep their meaning */
	S_fmt("<a t='say \"hi\" &amp; &lt;go&gt;' n=\"x&#10;y&#9;z\"/>",
	    DECL "<a n=\"x&#10;y&#9;z\" t=\"say &quot;hi&quot; &amp; &lt;go&gt;\"/>\n");
	/* text escapes: & and < always, > too */
	S_fmt("<a>1 &lt; 2 &amp; 3 &gt; 2</a>", DECL "<a>1 &lt; 2 &amp; 3 &gt; 2</a>\n");
}

static void
test_fmt_prolog(void **state)
{
	(void)state;
	/* the declaration is replaced; comments and processing instructions keep their place and text */
	S_fmt("<?xml version='1.0' encoding='ISO-8859-1'?>\n<?xml-model href=\"csdoc.xsd\"?>\n<!--  top  -->\n<a/>\n<!-- end -->",
	    DECL "<?xml-model href=\"csdoc.xsd\"?>\n<!--  top  -->\n<a/>\n<!-- end -->\n");
}

static void
test_fill(void **state)
{
	char *s;

	(void)state;
	s = author_fill("<p>@PARTNERSHIP@</p><d>@DATE@</d><y>@PERIOD@</y>@OTHER@", "A & B <\"'>", "2012-04-01");
	assert_string_equal(s, "<p>A &amp; B &lt;&quot;&apos;&gt;</p><d>2012-04-01</d><y>2012/13</y>@OTHER@");
	free(s);
	/* before April the financial year began the year before */
	s = author_fill("@PERIOD@", "x", "2000-03-31");
	assert_string_equal(s, "1999/00");
	free(s);
	assert_null(author_fill("@DATE@", "x", "2011-02-29"));
}

/* csdoc new takes only names that make a well-formed, valid scaffold. */
static void
test_check_name(void **state)
{
	(void)state;
	assert_int_equal(author_check_name("Safer Testshire"), AUTHOR_NAME_OK);
	assert_int_equal(author_check_name("Caf\xc3\xa9 \xf0\x9f\x98\x80 \xef\xbf\xbd"), AUTHOR_NAME_OK);
	assert_int_equal(author_check_name(""), AUTHOR_NAME_BLANK);
	assert_int_equal(author_check_name("   "), AUTHOR_NAME_BLANK);
	assert_int_equal(author_check_name("a\tb"), AUTHOR_NAME_CONTROL);
	assert_int_equal(author_check_name("a\x7f"), AUTHOR_NAME_CONTROL);
	/* U+FFFE, U+FFFF and an encoded surrogate: UTF-8 in form, not XML */
	assert_int_equal(author_check_name("A\xef\xbf\xbe" "B"), AUTHOR_NAME_NOT_XML);
	assert_int_equal(author_check_name("A\xef\xbf\xbf"), AUTHOR_NAME_NOT_XML);
	assert_int_equal(author_check_name("\xed\xa0\x80"), AUTHOR_NAME_NOT_XML);
	/* overlong, past U+10FFFF, truncated, a stray continuation byte */
	assert_int_equal(author_check_name("\xc0\xaf"), AUTHOR_NAME_BAD_UTF8);
	assert_int_equal(author_check_name("\xe0\x80\xaf"), AUTHOR_NAME_BAD_UTF8);
	assert_int_equal(author_check_name("\xf4\x90\x80\x80"), AUTHOR_NAME_BAD_UTF8);
	assert_int_equal(author_check_name("A\xe2\x82"), AUTHOR_NAME_BAD_UTF8);
	assert_int_equal(author_check_name("\x80"), AUTHOR_NAME_BAD_UTF8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fmt_indent),
		cmocka_unit_test(test_fmt_mixed),
		cmocka_unit_test(test_fmt_schema),
		cmocka_unit_test(test_fmt_attributes),
		cmocka_unit_test(test_fmt_prolog),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_check_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
