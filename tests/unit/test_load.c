/* test_load.c: safe loading — hostile and broken XML is refused with a clear message, nothing expanded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "diag.h"
#include "load.h"
#include "validate.h"

/* Load BYTES; return the printed diagnostics (caller frees) and the doc in *DOC. */
static char *
S_load(const char *bytes, size_t len, xmlDocPtr *doc)
{
	struct diag d;
	char *out = NULL;
	size_t n = 0;
	FILE *f;

	diag_init(&d, "t.xml");
	*doc = load_memory(bytes, len, "t.xml", &d);
	f = open_memstream(&out, &n);
	diag_print(&d, f);
	fclose(f);
	diag_free(&d);
	return out;
}

static void
S_refused(const char *bytes, size_t len, const char *want)
{
	xmlDocPtr doc;
	char *out = S_load(bytes, len, &doc);

	assert_null(doc);
	if (strstr(out, want) == NULL)
		fail_msg("expected '%s' in: %s", want, out);
	free(out);
}

static void
test_good(void **state)
{
	static const char x[] = "<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:csdoc:1\"/>\n";
	xmlDocPtr doc;
	char *out = S_load(x, sizeof(x) - 1, &doc);

	(void)state;
	assert_non_null(doc);
	assert_string_equal(out, "");
	xmlFreeDoc(doc);
	free(out);
}

static void
test_doctype_refused(void **state)
{
	static const char xxe[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE minutes [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	    "<minutes xmlns=\"urn:csdoc:1\">&x;</minutes>\n";
	static const char bomb[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
	    " <!ENTITY lol \"lol\">\n"
	    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    "]>\n<lolz>&lol2;</lolz>\n";
	static const char net[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE minutes SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
	    "<minutes xmlns=\"urn:csdoc:1\"/>\n";

	(void)state;
	S_refused(xxe, sizeof(xxe) - 1, "t.xml:2:");
	S_refused(xxe, sizeof(xxe) - 1, "a DOCTYPE declaration is not allowed");
	S_refused(bomb, sizeof(bomb) - 1, "a DOCTYPE declaration is not allowed");
	S_refused(net, sizeof(net) - 1, "a DOCTYPE declaration is not allowed");
}

static void
test_broken(void **state)
{
	static const char mismatch[] = "<minutes xmlns=\"urn:csdoc:1\">\n<p>text</item>\n</minutes>\n";
	static const char nul[] = "<minutes>\nab\0c</minutes>";
	static const char badutf8[] = "<minutes>\xff\xfe\xfd</minutes>";
	static const char entity[] = "<minutes>&nbsp;</minutes>";

	(void)state;
	S_refused("", 0, "error: the file is empty");
	S_refused(mismatch, sizeof(mismatch) - 1,
	    "t.xml:2:15: error: end tag </item> does not match the open element <p>");
	S_refused(nul, sizeof(nul) - 1, "t.xml:2:3: error: a NUL byte is not allowed");
	S_refused(badutf8, sizeof(badutf8) - 1, "not valid UTF-8");
	S_refused(entity, sizeof(entity) - 1, "unknown entity '&nbsp;'");
}

static void
test_depth(void **state)
{
	size_t n = 10000;
	char *x = malloc(n * 7 + 64), *p = x;

	(void)state;
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<a>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "</a>");
	S_refused(x, (size_t)(p - x), "nested more than 256 deep");
	free(x);
}

static void
test_too_big(void **state)
{
	size_t n = (size_t)LOAD_MAX_BYTES + 1;
	char *x = malloc(n);

	(void)state;
	memset(x, ' ', n);
	S_refused(x, n, "larger than the limit of 16777216 bytes");
	free(x);
}

/* UTF-8 (BMP characters only) to UTF-16LE with a byte order mark; returns the length. */
static size_t
S_utf16(const char *u8, char *out)
{
	size_t n = 0;

	out[n++] = (char)0xFF;
	out[n++] = (char)0xFE;
	for (const unsigned char *p = (const unsigned char *)u8; *p;) {
		unsigned cp;

		if (*p < 0x80)
			cp = *p++;
		else if ((*p & 0xE0) == 0xC0) {
			cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3Fu);
			p += 2;
		} else {
			cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
			p += 3;
		}
		out[n++] = (char)(cp & 0xFF);
		out[n++] = (char)(cp >> 8);
	}
	return n;
}

/* A UTF-16 file with a byte order mark gives the same tree as its UTF-8 twin. */
static void
test_utf16(void **state)
{
	static const char u8[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<minutes xmlns=\"urn:csdoc:1\">£1,115,160 – café</minutes>\n";
	static const char u16src[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
	    "<minutes xmlns=\"urn:csdoc:1\">£1,115,160 – café</minutes>\n";
	char u16[512];
	size_t n = S_utf16(u16src, u16);
	xmlDocPtr a, b;
	xmlChar *da, *db;
	int la, lb;
	char *out;

	(void)state;
	out = S_load(u8, sizeof(u8) - 1, &a);
	free(out);
	out = S_load(u16, n, &b);
	assert_string_equal(out, "");
	free(out);
	assert_non_null(a);
	assert_non_null(b);
	xmlDocDumpMemoryEnc(a, &da, &la, "UTF-8");
	xmlDocDumpMemoryEnc(b, &db, &lb, "UTF-8");
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, (size_t)la);
	xmlFree(da);
	xmlFree(db);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
}

static void
test_kind(void **state)
{
	static const char other[] = "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>";
	static const char nons[] = "<minutes/>";
	struct diag d;
	xmlDocPtr doc;

	(void)state;
	diag_init(&d, "k.xml");
	doc = load_memory(other, sizeof(other) - 1, "k.xml", &d);
	assert_non_null(doc);
	assert_int_equal(validate_kind(doc, &d), KIND_NONE);
	xmlFreeDoc(doc);
	doc = load_memory(nons, sizeof(nons) - 1, "k.xml", &d);
	assert_int_equal(validate_kind(doc, &d), KIND_NONE);
	xmlFreeDoc(doc);
	assert_int_equal(diag_exit_status(&d), 1);
	diag_free(&d);
}

static int
S_setup(void **state)
{
	(void)state;
	load_init();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_doctype_refused),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_kind),
	};

	return cmocka_run_group_tests_name("load", tests, S_setup, NULL);
}
