/* xslt.c: stylesheet cache and a transform that can read and write nothing. */
#include "xslt.h"

#include <stdlib.h>
#include <string.h>

#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "paths.h"

#define MAX_SHEETS 16

static struct {
	char              *rel;
	xsltStylesheetPtr  style;
} sheets[MAX_SHEETS];
static size_t nsheets;
static xsltSecurityPrefsPtr prefs;
/* The web team's stylesheet of named templates wrapping every HTML page (xslt_set_wrap()). */
static char *wrap;

/* libxslt reports through a generic printf-style handler; collect the text. */
struct xerr {
	struct buf b;
};

static void
S_xerror(void *ctx, const char *fmt, ...)
{
	struct xerr *e = ctx;
	va_list ap;
	char *s;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(&e->b, s);
	free(s);
}

static void
S_silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void
S_report(struct diag *d, struct xerr *e, const char *what)
{
	char *m;
	size_t n = e->b.len;

	while (n > 0 && (e->b.s[n - 1] == '\n' || e->b.s[n - 1] == ' '))
		e->b.s[--n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (e->b.s[i] == '\n')
			e->b.s[i] = ' ';
	m = xasprintf("%s%s%s", what, n ? ": " : "", buf_str(&e->b));
	diag_msg(d, DF_INTERNAL, 0, 0, m);
	free(m);
}

static xsltSecurityPrefsPtr
S_prefs(void)
{
	if (prefs == NULL) {
		prefs = xsltNewSecurityPrefs();
		if (prefs == NULL)
			return NULL;
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	}
	return prefs;
}

static xsltStylesheetPtr
S_sheet(const char *rel, struct diag *d)
{
	struct xerr e = { { 0 } };
	xsltStylesheetPtr style;
	char *path;

	for (size_t i = 0; i < nsheets; i++)
		if (strcmp(sheets[i].rel, rel) == 0)
			return sheets[i].style;
	if (nsheets == MAX_SHEETS) {
		diag_msg(d, DF_INTERNAL, 0, 0, "too many stylesheets");
		return NULL;
	}
	path = paths_data(rel);
	xsltSetGenericErrorFunc(&e, S_xerror);
	/* pages only: not the print trees, not the feed */
	if (wrap != NULL && strncmp(rel, "stylesheets/print/", 18) != 0 && strcmp(rel, "stylesheets/site/atom.xsl") != 0) {
		/*
		 * csdoc's stylesheet imported, the web team's included: its
		 * templates (site-header, site-footer) take precedence over the
		 * empty ones csdoc's pages call.
		 */
		char *ep = url_escape_path(path), *ew = url_escape_path(wrap);
		char *text = xasprintf("<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
		    "<xsl:import href=\"file://%s\"/><xsl:include href=\"file://%s\"/></xsl:stylesheet>", ep, ew);
		/* a name of its own: the imported stylesheet must not seem to import itself */
		char *base = paths_data("stylesheets/wrapped.xsl");
		xmlDocPtr wd = xmlReadMemory(text, (int)strlen(text), base, NULL, XML_PARSE_NONET);

		free(base);

		style = wd ? xsltParseStylesheetDoc(wd) : NULL;
		if (style == NULL && wd != NULL)
			xmlFreeDoc(wd);
		free(ep);
		free(ew);
		free(text);
	} else
		style = xsltParseStylesheetFile((const xmlChar *)path);
	xsltSetGenericErrorFunc(NULL, S_silent);
	if (style == NULL) {
		char *what = xasprintf("cannot load the stylesheet %s (set CSDOC_DATA to the directory holding stylesheets/)", path);

		S_report(d, &e, what);
		free(what);
	} else {
		sheets[nsheets].rel = xstrdup(rel);
		sheets[nsheets].style = style;
		nsheets++;
	}
	buf_free(&e.b);
	free(path);
	return style;
}

xmlDocPtr
xslt_apply(const char *rel, xmlDocPtr doc, struct diag *d)
{
	return xslt_apply_params(rel, doc, NULL, d);
}

xmlDocPtr
xslt_apply_params(const char *rel, xmlDocPtr doc, const char **params,
    struct diag *d)
{
	struct xerr e = { { 0 } };
	xsltStylesheetPtr style = S_sheet(rel, d);
	xsltTransformContextPtr ctxt;
	xmlDocPtr res;

	if (style == NULL)
		return NULL;
	if (S_prefs() == NULL) {
		diag_msg(d, DF_INTERNAL, 0, 0, "cannot create XSLT security preferences");
		return NULL;
	}
	ctxt = xsltNewTransformContext(style, doc);
	if (ctxt == NULL) {
		diag_msg(d, DF_INTERNAL, 0, 0, "cannot create an XSLT transform");
		return NULL;
	}
	if (xsltSetCtxtSecurityPrefs(prefs, ctxt) != 0) {
		xsltFreeTransformContext(ctxt);
		diag_msg(d, DF_INTERNAL, 0, 0, "cannot set XSLT security preferences");
		return NULL;
	}
	xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET);
	/* quoted by libxslt, so a value is never read as an XPath expression */
	for (size_t i = 0; params != NULL && params[i] != NULL && params[i + 1] != NULL; i += 2)
		xsltQuoteOneUserParam(ctxt, (const xmlChar *)params[i], (const xmlChar *)params[i + 1]);
	xsltSetTransformErrorFunc(ctxt, &e, S_xerror);
	xsltSetGenericErrorFunc(&e, S_xerror);
	res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
	xsltSetGenericErrorFunc(NULL, S_silent);
	if (res == NULL || ctxt->state == XSLT_STATE_ERROR ||
	    ctxt->state == XSLT_STATE_STOPPED) {
		char *what = xasprintf("the stylesheet %s failed", rel);

		S_report(d, &e, what);
		free(what);
		if (res != NULL)
			xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(ctxt);
	buf_free(&e.b);
	return res;
}

int
xslt_serialize(const char *rel, xmlDocPtr res, struct buf *out, struct diag *d)
{
	xsltStylesheetPtr style = S_sheet(rel, d);
	xmlChar *s = NULL;
	int len = 0;

	if (style == NULL)
		return -1;
	if (xsltSaveResultToString(&s, &len, res, style) != 0) {
		diag_msg(d, DF_INTERNAL, 0, 0, "cannot serialize the stylesheet's result");
		return -1;
	}
	if (s != NULL)
		buf_add(out, (const char *)s, (size_t)len);
	xmlFree(s);
	return 0;
}

void
xslt_set_wrap(const char *path)
{
	free(wrap);
	wrap = path ? realpath(path, NULL) : NULL;
}

void
xslt_cleanup(void)
{
	for (size_t i = 0; i < nsheets; i++) {
		xsltFreeStylesheet(sheets[i].style);
		free(sheets[i].rel);
	}
	nsheets = 0;
	free(wrap);
	wrap = NULL;
	if (prefs != NULL)
		xsltFreeSecurityPrefs(prefs);
	prefs = NULL;
	xsltCleanupGlobals();
}
