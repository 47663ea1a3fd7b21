/* fuzz_expr.c: libFuzzer target — any bytes as a formula: parsed, its names walked, and, when it parses, evaluated against a few fixed figures. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "figures/expr.h"
#include "util.h"

#include "fuzz.h"

static void
S_name(const struct expr *e, void *arg)
{
	size_t *n = arg;

	*n += strlen(e->name);
}

/* TEXT as an attribute value (the caller has refused control characters). */
static void
S_attr(struct buf *b, const char *text)
{
	for (const char *p = text; *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch == '&')
			buf_puts(b, "&amp;");
		else if (ch == '<')
			buf_puts(b, "&lt;");
		else if (ch == '"')
			buf_puts(b, "&quot;");
		else if (ch == '\t' || ch == '\n' || ch == '\r')
			buf_printf(b, "&#%d;", ch);
		else
			buf_putc(b, (char)ch);
	}
}

/*
 * The formula F (attribute text) in a minutes document: a prose figure of
 * each kind and a computed column of a table, beside fixed figures a money
 * figure "pot", a count "n", a percentage "p", a quotient "q" and a table
 * "t" whose columns are "w" (money) and "k" (count).
 */
static void
S_evaluate(const char *f)
{
	static const char head[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<minutes xmlns=\"urn:csdoc:1\" id=\"x\">\n"
	    "<meeting><body>B</body><date>2011-03-10</date></meeting>\n"
	    "<registry><person id=\"pp\" name=\"P Q\"/></registry>\n"
	    "<item><title>T</title>\n<p>"
	    "<figure id=\"pot\" type=\"money\">£1,000</figure> "
	    "<figure id=\"n\" type=\"count\">7</figure> "
	    "<figure id=\"p\" type=\"percent\">40%</figure> "
	    "<figure id=\"q\" type=\"number\" compute=\"n / 3\"/> ";
	struct source src;
	struct diag d;
	struct buf b = { 0 };
	enum doc_kind kind;
	char *bytes;
	size_t len;

	buf_puts(&b, head);
	buf_puts(&b, "<figure id=\"f1\" type=\"number\" compute=\"");
	S_attr(&b, f);
	buf_puts(&b, "\"/> <figure id=\"f2\" type=\"money\" compute=\"");
	S_attr(&b, f);
	buf_puts(&b, "\"/> <figure id=\"f3\" type=\"percent\" compute=\"");
	S_attr(&b, f);
	buf_puts(&b, "\">12%</figure></p>\n<table id=\"t\">"
	    "<column id=\"l\">Line</column>"
	    "<column id=\"w\" type=\"money\">Weight</column>"
	    "<column id=\"k\" type=\"count\">Count</column>"
	    "<column id=\"c\" type=\"money\" compute=\"");
	S_attr(&b, f);
	buf_puts(&b, "\">Computed</column>"
	    "<row key=\"a\"><cell>A</cell><cell>£10</cell><cell>2</cell><cell/></row>"
	    "<row key=\"b\"><cell>B</cell><cell>£30</cell><cell>0</cell><cell/></row>"
	    "<row kind=\"total\"><cell>Total</cell><cell/><cell/><cell/></row>"
	    "</table>\n</item>\n</minutes>\n");
	len = b.len;
	bytes = xstrdup(buf_str(&b));
	buf_free(&b);
	diag_init(&d, "fuzz.xml");
	memset(&src, 0, sizeof(src));
	src.d = &d;
	(void)compile_bytes(&src, "fuzz.xml", bytes, len, &kind);
	diag_print(&d, diagout);
	source_free(&src);
	diag_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct expr *e;
	char *text, *why = NULL;
	size_t pos = 0, names = 0;
	int ok = 1;

	/* the parser stops at EXPR_MAX_TOKENS; longer text is only slower */
	if (size > 8192 || memchr(data, '\0', size) != NULL)
		return -1;
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	e = expr_parse(text, &pos, &why);
	if (e != NULL) {
		expr_names(e, S_name, &names);
		expr_free(e);
	} else {
		/* the reason's place is within the text */
		if (pos > size || why == NULL)
			abort();
		free(why);
		ok = 0;
	}
	/* the figures pass reports a bad formula too: evaluate those that parse */
	for (size_t i = 0; ok && i < size; i++)
		if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
			ok = 0;
	if (ok)
		S_evaluate(text);
	free(text);
	return 0;
}
