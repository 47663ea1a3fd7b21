/* test_pdfpost.c: PDF post-processing — /Lang, Figure /Alt, DisplayDocTitle and XMP added to cairo's tagged PDF, deterministically and atomically. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "pdfpost.h"
#include "util.h"

#define TITLE "Community Safety Partnership"

static const char *const two_alts[] = {
	"Bar chart of incidents by quarter",
	"Line chart of response times",
};

/* A scratch directory per test, removed with everything in it afterwards. */
static int
S_setup(void **state)
{
	char *dir = xstrdup("/tmp/test_pdfpost-XXXXXX");

	if (mkdtemp(dir) == NULL) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

static int
S_teardown(void **state)
{
	char *dir = *state;
	DIR *dh = opendir(dir);
	struct dirent *e;

	while (dh != NULL && (e = readdir(dh)) != NULL) {
		char *p;

		if (e->d_name[0] == '.')
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		(void)unlink(p);
		free(p);
	}
	if (dh != NULL)
		closedir(dh);
	(void)rmdir(dir);
	free(dir);
	return 0;
}

/* Number of entries in DIR, to see that no temporary file was left. */
static int
S_count_files(const char *dir)
{
	DIR *dh = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(dh);
	while ((e = readdir(dh)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(dh);
	return n;
}

/* The whole of file PATH into a new string (caller frees); its length in *LEN. */
static char *
S_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.s != NULL ? b.s : xstrdup("");
}

static void
S_copy(const char *from, const char *to)
{
	size_t n;
	char *s = S_slurp(from, &n);
	FILE *f = fopen(to, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	fclose(f);
	free(s);
}

/*
 * A two-page tagged PDF as the typesetter draws it: a Document with
 * paragraphs and two Figures.  cairo 1.16 breaks its structure tree if a
 * tag is open without drawing inside it, so every tag wraps drawing.
 */
static void
S_cairo_pdf(const char *path, const char *title)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);
	cairo_t *cr = cairo_create(s);

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "Clerk");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2011-03-10T00:00:00Z");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, "2011-03-10T00:00:00Z");
	cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 12);

	cairo_tag_begin(cr, "Document", NULL);
	cairo_tag_begin(cr, "P", NULL);
	cairo_move_to(cr, 72, 72);
	cairo_show_text(cr, "Minutes of the meeting.");
	cairo_tag_end(cr, "P");
	cairo_tag_begin(cr, "Figure", NULL);
	cairo_rectangle(cr, 72, 100, 200, 100);
	cairo_fill(cr);
	cairo_tag_end(cr, "Figure");
	cairo_show_page(cr);
	cairo_tag_begin(cr, "P", NULL);
	cairo_move_to(cr, 72, 72);
	cairo_show_text(cr, "Response times improved.");
	cairo_tag_end(cr, "P");
	cairo_tag_begin(cr, "Figure", NULL);
	cairo_rectangle(cr, 72, 100, 150, 80);
	cairo_fill(cr);
	cairo_tag_end(cr, "Figure");
	cairo_tag_end(cr, "Document");

	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* pdfpost_apply with the usual values and TITLE; returns its result, the diagnostics printed into *MSGS if asked. */
static int
S_apply(const char *path, const char *title, const char *const *alts, size_t nalts, char **msgs)
{
	struct pdfpost p = {
		.lang = "en-GB", .title = title, .author = "Clerk",
		.subject = "Minutes", .keywords = "safety, minutes",
		.creator = "csdoc 0.1.0", .date = "2011-03-10T00:00:00Z",
		.alts = alts, .nalts = nalts,
	};
	struct diag d;
	char *m = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&m, &n);
	int rc;

	diag_init(&d, "test.xml");
	rc = pdfpost_apply(path, &p, &d);
	/* failure and a fatal diagnostic go together */
	assert_int_equal(rc != 0, d.worst == DIAG_FATAL);
	diag_print(&d, f);
	diag_free(&d);
	fclose(f);
	if (msgs != NULL)
		*msgs = m;
	else
		free(m);
	return rc;
}

/* Open PATH with qpdf for checking; the caller calls qpdf_cleanup. */
static qpdf_data
S_open(const char *path)
{
	qpdf_data q = qpdf_init();

	qpdf_silence_errors(q);
	assert_int_equal(qpdf_read(q, path, NULL) & QPDF_ERRORS, 0);
	return q;
}

/* The /Alt of every Figure under K, in order, appended to OUT ("-" for none). */
static void
S_figure_alts(qpdf_data q, qpdf_oh k, struct buf *out, int depth)
{
	assert_true(depth < 50);
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);

		for (int i = 0; i < n; i++)
			S_figure_alts(q, qpdf_oh_get_array_item(q, k, i), out, depth + 1);
		return;
	}
	if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
		return;
	if (strcmp(qpdf_oh_get_name(q, qpdf_oh_get_key(q, k, "/S")), "/Figure") == 0) {
		if (qpdf_oh_has_key(q, k, "/Alt"))
			buf_puts(out, qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, k, "/Alt")));
		else
			buf_puts(out, "-");
		buf_putc(out, '|');
	}
	if (qpdf_oh_has_key(q, k, "/K"))
		S_figure_alts(q, qpdf_oh_get_key(q, k, "/K"), out, depth + 1);
}

/* The Figure alts of PATH as "a|b|". (caller frees) */
static char *
S_alts_of(const char *path)
{
	qpdf_data q = S_open(path);
	qpdf_oh root = qpdf_get_root(q);
	struct buf b = { 0 };

	S_figure_alts(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K"), &b, 0);
	char *r;

	assert_false(qpdf_has_error(q));
	qpdf_cleanup(&q);
	r = xstrdup(buf_str(&b));
	buf_free(&b);
	return r;
}

/* The raw (unfiltered) XMP of PATH (caller frees); fails the test if the stream is filtered. */
static char *
S_xmp_of(const char *path)
{
	qpdf_data q = S_open(path);
	qpdf_oh root = qpdf_get_root(q), md, dict;
	unsigned char *data = NULL;
	size_t len = 0;
	char *s;

	assert_true(qpdf_oh_has_key(q, root, "/Metadata"));
	md = qpdf_oh_get_key(q, root, "/Metadata");
	assert_true(qpdf_oh_is_stream(q, md));
	assert_true(qpdf_oh_is_indirect(q, md));
	dict = qpdf_oh_get_dict(q, md);
	assert_string_equal(qpdf_oh_get_name(q, qpdf_oh_get_key(q, dict, "/Type")), "/Metadata");
	assert_string_equal(qpdf_oh_get_name(q, qpdf_oh_get_key(q, dict, "/Subtype")), "/XML");
	/* uncompressed, so that tools that do not parse PDF find it */
	assert_false(qpdf_oh_has_key(q, dict, "/Filter"));
	assert_int_equal(qpdf_oh_get_stream_data(q, md, qpdf_dl_none, NULL, &data, &len) & QPDF_ERRORS, 0);
	s = xstrndup((const char *)data, len);
	free(data);
	qpdf_cleanup(&q);
	return s;
}

/* The text of the first element named LOCAL in namespace NS under N, or NULL. (libxml2 owns nothing returned: caller frees) */
static char *
S_xml_text(xmlNodePtr n, const char *ns, const char *local)
{
	for (; n != NULL; n = n->next) {
		char *t;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, local) == 0 && n->ns != NULL &&
		    strcmp((const char *)n->ns->href, ns) == 0) {
			xmlChar *c = xmlNodeGetContent(n);
			char *r = xstrdup((const char *)c);

			xmlFree(c);
			return r;
		}
		if ((t = S_xml_text(n->children, ns, local)) != NULL)
			return t;
	}
	return NULL;
}

/* Run a shell command; its exit status. */
static int
S_sh(const char *fmt, const char *arg)
{
	char *cmd = xasprintf(fmt, arg);
	int rc = system(cmd);

	free(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

static void
test_catalog_and_alts(void **state)
{
	const char *dir = *state;
	char *pdf = xasprintf("%s/a.pdf", dir), *alts, *xmp, *msgs;
	qpdf_data q;
	qpdf_oh root, vp;
	xmlDocPtr x;
	char *t;

	S_cairo_pdf(pdf, TITLE);
	assert_int_equal(S_apply(pdf, TITLE, two_alts, 2, &msgs), 0);
	assert_string_equal(msgs, "");
	free(msgs);

	q = S_open(pdf);
	root = qpdf_get_root(q);
	assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, root, "/Lang")), "en-GB");
	vp = qpdf_oh_get_key(q, root, "/ViewerPreferences");
	assert_true(qpdf_oh_is_dictionary(q, vp));
	assert_true(qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, vp, "/DisplayDocTitle")));
	/* still tagged, as cairo wrote it */
	assert_true(qpdf_oh_has_key(q, root, "/StructTreeRoot"));
	assert_true(qpdf_oh_has_key(q, root, "/MarkInfo"));
	/* the Info dictionary is cairo's, untouched */
	assert_string_equal(qpdf_get_info_key(q, "/Title"), TITLE);
	assert_false(qpdf_has_error(q));
	qpdf_cleanup(&q);

	alts = S_alts_of(pdf);
	assert_string_equal(alts, "Bar chart of incidents by quarter|Line chart of response times|");
	free(alts);

	xmp = S_xmp_of(pdf);
	assert_non_null(strstr(xmp, TITLE));
	assert_non_null(strstr(xmp, "en-GB"));
	assert_null(strstr(xmp, "pdfuaid"));
	/* a well-formed packet whose values are where XMP puts them */
	x = xmlReadMemory(xmp, (int)strlen(xmp), "xmp.xml", NULL, XML_PARSE_NONET);
	assert_non_null(x);
	t = S_xml_text(xmlDocGetRootElement(x), "http://purl.org/dc/elements/1.1/", "title");
	assert_string_equal(t, TITLE);
	free(t);
	t = S_xml_text(xmlDocGetRootElement(x), "http://purl.org/dc/elements/1.1/", "language");
	assert_string_equal(t, "en-GB");
	free(t);
	t = S_xml_text(xmlDocGetRootElement(x), "http://ns.adobe.com/pdf/1.3/", "Producer");
	assert_string_equal(t, "csdoc");
	free(t);
	t = S_xml_text(xmlDocGetRootElement(x), "http://ns.adobe.com/xap/1.0/", "ModifyDate");
	assert_string_equal(t, "2011-03-10T00:00:00Z");
	free(t);
	xmlFreeDoc(x);
	free(xmp);

	assert_int_equal(S_sh("qpdf --check '%s' >/dev/null 2>&1", pdf), 0);
	assert_int_equal(S_sh("pdfinfo '%s' 2>/dev/null | grep -q '^Tagged: *yes'", pdf), 0);
	/* nothing left beside it */
	assert_int_equal(S_count_files(dir), 1);
	free(pdf);
}

/* A cairo PDF titled TITLE at PATH given the N ALTS: its Figures' alts must read WANT ("a|b|", "-" for none). */
static void
S_expect_alts(const char *path, const char *title, const char *const *alts, size_t n, const char *want)
{
	char *got;

	S_cairo_pdf(path, title);
	assert_int_equal(S_apply(path, title, alts, n, NULL), 0);
	got = S_alts_of(path);
	assert_string_equal(got, want);
	free(got);
}

static void
test_alt_counts(void **state)
{
	const char *dir = *state;
	char *a = xasprintf("%s/few.pdf", dir), *b = xasprintf("%s/many.pdf", dir);
	const char *const three[] = { "one", "two", "three" };

	/* fewer alts than Figures: the rest are left alone */
	S_expect_alts(a, TITLE, three, 1, "one|-|");
	/* more alts than Figures: the extra ones are ignored */
	S_expect_alts(b, TITLE, three, 3, "one|two|");
	free(a);
	free(b);
}

/*
 * As many alts as Figures, in a file cairo wrote: the Figures are found by
 * their objects' bytes rather than by walking the tree.  Names and strings
 * that hold "/Figure" elsewhere (the title here) are not Figures, and a
 * Figure without an alt keeps none.
 */
static void
test_alt_scan(void **state)
{
	const char *dir = *state;
	char *a = xasprintf("%s/scan.pdf", dir);
	const char *const two[] = { "first chart", "second chart" };
	const char *const second[] = { NULL, "second chart" };

	S_expect_alts(a, "/Figure and /FigureX", two, 2, "first chart|second chart|");
	assert_int_equal(S_sh("qpdf --check '%s' >/dev/null 2>&1", a), 0);
	S_expect_alts(a, TITLE, second, 2, "-|second chart|");
	free(a);
}

static void
test_deterministic(void **state)
{
	const char *dir = *state;
	char *src = xasprintf("%s/src.pdf", dir), *a = xasprintf("%s/a.pdf", dir),
	    *b = xasprintf("%s/b.pdf", dir), *sa, *sb;
	size_t na, nb;

	S_cairo_pdf(src, TITLE);
	S_copy(src, a);
	S_copy(src, b);
	assert_int_equal(S_apply(a, TITLE, two_alts, 2, NULL), 0);
	assert_int_equal(S_apply(b, TITLE, two_alts, 2, NULL), 0);
	sa = S_slurp(a, &na);
	sb = S_slurp(b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(sa, sb, na);
	free(sa);
	free(sb);
	free(src);
	free(a);
	free(b);
}

static void
test_escaping(void **state)
{
	const char *dir = *state;
	const char *title = "Fish & <Chips> \"Ltd\" 'Co'";
	char *pdf = xasprintf("%s/esc.pdf", dir), *xmp, *t;
	xmlDocPtr x;

	S_cairo_pdf(pdf, title);
	assert_int_equal(S_apply(pdf, title, two_alts, 2, NULL), 0);
	xmp = S_xmp_of(pdf);
	assert_non_null(strstr(xmp, "Fish &amp; &lt;Chips&gt; &quot;Ltd&quot; &apos;Co&apos;"));
	assert_null(strstr(xmp, "<Chips>"));
	x = xmlReadMemory(xmp, (int)strlen(xmp), "xmp.xml", NULL, XML_PARSE_NONET);
	assert_non_null(x);
	t = S_xml_text(xmlDocGetRootElement(x), "http://purl.org/dc/elements/1.1/", "title");
	assert_string_equal(t, title);
	free(t);
	xmlFreeDoc(x);
	free(xmp);
	free(pdf);
}

/*
 * Alts that need escaping or are not ASCII come back from qpdf as they went
 * in: cairo's file is updated without qpdf, which writes its own strings.
 */
static void
test_alt_text(void **state)
{
	const char *dir = *state;
	const char *const alts[] = {
		"Rates (2010) \\ 2011: 5% up",
		"\xC2\xA3" "5 \xE2\x80\x93 \xF0\x9F\x93\x88 chart",
	};
	char *pdf = xasprintf("%s/text.pdf", dir);

	S_expect_alts(pdf, TITLE, alts, 2, "Rates (2010) \\ 2011: 5% up|\xC2\xA3" "5 \xE2\x80\x93 \xF0\x9F\x93\x88 chart|");
	assert_int_equal(S_sh("qpdf --check '%s' >/dev/null 2>&1", pdf), 0);
	/* one update on cairo's table, not a rewrite */
	assert_int_equal(S_sh("test $(grep -a -c startxref '%s') = 2", pdf), 0);
	free(pdf);
}

static void
test_bad_inputs(void **state)
{
	const char *dir = *state;
	char *missing = xasprintf("%s/missing.pdf", dir), *text = xasprintf("%s/text.pdf", dir);
	char *msgs, *s;
	size_t n;
	FILE *f;

	/* a missing file: a diagnostic, and nothing created */
	assert_int_equal(S_apply(missing, TITLE, two_alts, 2, &msgs), -1);
	assert_non_null(strstr(msgs, "test.xml: error: cannot read: "));
	assert_non_null(strstr(msgs, "missing.pdf"));
	free(msgs);
	assert_int_equal(access(missing, F_OK), -1);
	assert_int_equal(S_count_files(dir), 0);

	/* not a PDF: a diagnostic, and the file as it was, with no temporary beside it */
	f = fopen(text, "wb");
	assert_non_null(f);
	fputs("this is not a PDF\n", f);
	fclose(f);
	assert_int_equal(S_apply(text, TITLE, two_alts, 2, &msgs), -1);
	assert_non_null(strstr(msgs, "test.xml: error: "));
	free(msgs);
	s = S_slurp(text, &n);
	assert_string_equal(s, "this is not a PDF\n");
	free(s);
	assert_int_equal(S_count_files(dir), 1);

	/*
	 * The update is appended to cairo's file, so a name with no room for a
	 * temporary beside it is no obstacle; a write that fails half way
	 * (here: over the file size limit, which binds root too) leaves
	 * cairo's file exactly as it was.
	 */
	{
		char name[251], *pdf, *before, *after;
		size_t nb, na;
		struct rlimit rl, old;
		pid_t pid;
		int status;

		memset(name, 'x', sizeof(name) - 5);
		memcpy(name + sizeof(name) - 5, ".pdf", 5);
		pdf = xasprintf("%s/%s", dir, name);
		S_cairo_pdf(pdf, TITLE);
		before = S_slurp(pdf, &nb);
		assert_int_equal(S_apply(pdf, TITLE, two_alts, 2, NULL), 0);
		after = S_slurp(pdf, &na);
		/* cairo's bytes first, untouched, then the update */
		assert_true(na > nb);
		assert_memory_equal(before, after, nb);
		assert_int_equal(S_sh("qpdf --check '%s' >/dev/null 2>&1", pdf), 0);
		free(after);

		S_cairo_pdf(pdf, TITLE);
		free(before);
		before = S_slurp(pdf, &nb);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			char *m = NULL;

			signal(SIGXFSZ, SIG_IGN);
			getrlimit(RLIMIT_FSIZE, &old);
			rl = old;
			rl.rlim_cur = (rlim_t)nb + 100;
			setrlimit(RLIMIT_FSIZE, &rl);
			int ok = S_apply(pdf, TITLE, two_alts, 2, &m) == -1 &&
			    strstr(m, "error: cannot write ") != NULL;

			/* what the child inherited is its own to free (valgrind checks it too) */
			free(m);
			free(before);
			free(pdf);
			free(missing);
			free(text);
			_exit(ok ? 0 : 1);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		after = S_slurp(pdf, &na);
		assert_int_equal(na, nb);
		assert_memory_equal(before, after, na);
		assert_int_equal(unlink(pdf), 0);
		free(before);
		free(after);
		free(pdf);
	}

	/* a file that cannot be written (root writes anyway) */
	if (geteuid() != 0) {
		char *pdf = xasprintf("%s/ro.pdf", dir), *before, *after;
		size_t nb, na;

		S_cairo_pdf(pdf, TITLE);
		before = S_slurp(pdf, &nb);
		assert_int_equal(chmod(pdf, 0444), 0);
		assert_int_equal(S_apply(pdf, TITLE, two_alts, 2, &msgs), -1);
		assert_int_equal(chmod(pdf, 0644), 0);
		assert_non_null(strstr(msgs, "error: cannot write "));
		free(msgs);
		after = S_slurp(pdf, &na);
		assert_int_equal(na, nb);
		assert_memory_equal(before, after, na);
		assert_int_equal(unlink(pdf), 0);
		free(before);
		free(after);
		free(pdf);
	}
	free(missing);
	free(text);
}

/*
 * A structure tree cairo does not write, built with qpdf: a role-mapped
 * Figure, an element reached twice through a cycle, an existing
 * ViewerPreferences, and (if DEEP) a chain of elements deeper than the limit.
 */
static void
S_qpdf_pdf(const char *path, int deep)
{
	qpdf_data q = qpdf_init();
	qpdf_oh root, tree, a, b, c, k;

	qpdf_silence_errors(q);
	assert_int_equal(qpdf_empty_pdf(q), 0);
	root = qpdf_get_root(q);
	qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", qpdf_oh_parse(q, "<< /HideToolbar true >>"));
	tree = qpdf_make_indirect_object(q, qpdf_oh_parse(q,
	    "<< /Type /StructTreeRoot /RoleMap << /Chart /Picture /Picture /Figure /Loop /Loop2 /Loop2 /Loop >> >>"));
	a = qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /S /Sect >>"));
	b = qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /S /Chart >>"));
	c = qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /S /Figure /K 0 >>"));
	/* a -> [b, 3, a, c, MCR] and b -> a: a and b are each reached twice */
	k = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, k, b);
	qpdf_oh_append_item(q, k, qpdf_oh_new_integer(q, 3));
	qpdf_oh_append_item(q, k, a);
	qpdf_oh_append_item(q, k, qpdf_oh_parse(q, "<< /S /Loop /K [ << /Type /MCR /MCID 1 >> ] >>"));
	qpdf_oh_append_item(q, k, c);
	if (deep) {
		qpdf_oh e = qpdf_oh_parse(q, "<< /S /Figure >>");

		for (int i = 0; i < 1100; i++) {
			qpdf_oh p = qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /S /Div >>"));

			qpdf_oh_replace_key(q, p, "/K", e);
			e = p;
		}
		qpdf_oh_append_item(q, k, e);
	}
	qpdf_oh_replace_key(q, a, "/K", k);
	qpdf_oh_replace_key(q, b, "/K", a);
	qpdf_oh_replace_key(q, tree, "/K", a);
	qpdf_oh_replace_key(q, root, "/StructTreeRoot", tree);
	assert_false(qpdf_has_error(q));
	assert_int_equal(qpdf_init_write(q, path), 0);
	assert_int_equal(qpdf_write(q) & QPDF_ERRORS, 0);
	qpdf_cleanup(&q);
}

static void
test_tree_shapes(void **state)
{
	const char *dir = *state;
	char *pdf = xasprintf("%s/shapes.pdf", dir), *deep = xasprintf("%s/deep.pdf", dir);
	const char *const alts[] = { "chart", "figure", "spare" };
	char *msgs, *before, *after;
	size_t nb, na;
	qpdf_data q;
	qpdf_oh vp;

	/* the role-mapped Chart comes first; the cycle and the role-map loop end */
	S_qpdf_pdf(pdf, 0);
	assert_int_equal(S_apply(pdf, TITLE, alts, 3, &msgs), 0);
	assert_string_equal(msgs, "");
	free(msgs);
	q = S_open(pdf);
	{
		qpdf_oh a = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot"), "/K");
		qpdf_oh k = qpdf_oh_get_key(q, a, "/K");

		assert_string_equal(qpdf_oh_get_utf8_value(q,
		    qpdf_oh_get_key(q, qpdf_oh_get_array_item(q, k, 0), "/Alt")), "chart");
		assert_string_equal(qpdf_oh_get_utf8_value(q,
		    qpdf_oh_get_key(q, qpdf_oh_get_array_item(q, k, 4), "/Alt")), "figure");
		assert_false(qpdf_oh_has_key(q, qpdf_oh_get_array_item(q, k, 3), "/Alt"));
	}
	/* an existing ViewerPreferences keeps its entries */
	vp = qpdf_oh_get_key(q, qpdf_get_root(q), "/ViewerPreferences");
	assert_true(qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, vp, "/HideToolbar")));
	assert_true(qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, vp, "/DisplayDocTitle")));
	assert_false(qpdf_has_error(q));
	qpdf_cleanup(&q);

	/* deeper than the limit: an error, the file unchanged */
	S_qpdf_pdf(deep, 1);
	before = S_slurp(deep, &nb);
	assert_int_equal(S_apply(deep, TITLE, alts, 3, &msgs), -1);
	assert_non_null(strstr(msgs, "nested more than 1000 deep"));
	free(msgs);
	after = S_slurp(deep, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, na);
	free(before);
	free(after);
	assert_int_equal(S_count_files(dir), 2);

	/*
	 * A file whose cross-references are a stream (not cairo's table) is
	 * rewritten whole rather than updated: the entries are there all the
	 * same, in one cross-reference section.
	 */
	{
		char *xs = xasprintf("%s/xrefstream.pdf", dir);

		S_cairo_pdf(pdf, TITLE);
		{
			char *cmd = xasprintf("qpdf --object-streams=generate '%s' '%%s'", pdf);

			assert_int_equal(S_sh(cmd, xs), 0);
			free(cmd);
		}
		assert_int_equal(S_apply(xs, TITLE, alts, 3, NULL), 0);
		assert_int_equal(S_sh("qpdf --check '%s' >/dev/null 2>&1", xs), 0);
		assert_int_equal(S_sh("test $(grep -a -c startxref '%s') = 1", xs), 0);
		q = S_open(xs);
		assert_string_equal(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/Lang")), "en-GB");
		assert_true(qpdf_oh_has_key(q, qpdf_get_root(q), "/Metadata"));
		qpdf_cleanup(&q);
		/* and cairo's own file is updated: two sections */
		assert_int_equal(S_apply(pdf, TITLE, alts, 3, NULL), 0);
		assert_int_equal(S_sh("test $(grep -a -c startxref '%s') = 2", pdf), 0);
		free(xs);
	}
	free(pdf);
	free(deep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_catalog_and_alts, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_alt_scan, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_alt_counts, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_deterministic, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_escaping, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_alt_text, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_bad_inputs, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_tree_shapes, S_setup, S_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
