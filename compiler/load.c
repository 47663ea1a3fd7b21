/* load.c: read a source file and parse it with libxml2 under csdoc's security rules. */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "paths.h"
#include "util.h"

/* What one parse has seen, reached from the parser context's _private. */
struct load_state {
	struct diag *d;
	int          errors;    /* errors reported by libxml2 */
	int          doctype;   /* a DOCTYPE was seen (the parse was stopped) */
	int          stopped;   /* a limit or encoding error stopped the parse */
};

/*
 * The loader is process-wide: it is asked for every external entity, DTD,
 * schema include and stylesheet import.  It loads csdoc's own files (under
 * the data directory: schemas and stylesheets) and nothing else, so no
 * source can make csdoc read a local file or touch the network.
 */
/* One more file the loader may read: the web team's page wrapper (load_allow()). */
static char *allowed;

static xmlParserInputPtr
S_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	char *path = NULL, *real = NULL, *data = NULL;
	xmlParserInputPtr in = NULL;

	if (url == NULL)
		return NULL;
	if (strncmp(url, "file://", 7) == 0)
		url += 7;
	if (url[0] != '/')
		return NULL;
	path = xstrdup(url);
	real = realpath(path, NULL);
	data = realpath(paths_datadir(), NULL);
	if (real != NULL && data != NULL && strncmp(real, data, strlen(data)) == 0 &&
	    real[strlen(data)] == '/')
		in = xmlNoNetExternalEntityLoader(real, id, ctxt);
	else if (real != NULL && allowed != NULL && strcmp(real, allowed) == 0)
		in = xmlNoNetExternalEntityLoader(real, id, ctxt);
	free(path);
	free(real);
	free(data);
	return in;
}

/* libxml2 prints generic errors to stderr by default; csdoc reports its own. */
static void
S_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
load_allow(const char *path)
{
	char *real = realpath(path, NULL);

	if (real == NULL)
		return -1;
	free(allowed);
	allowed = real;
	return 0;
}

void
load_thread_init(void)
{
	xmlSetGenericErrorFunc(NULL, S_silent);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

void
load_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(S_deny_loader);
	load_thread_init();
	xmlLineNumbersDefault(1);
}

char *
load_read(const char *path, size_t max, size_t *lenp, struct diag *d)
{
	struct stat st;
	char *bytes = NULL;
	size_t len = 0, cap;
	int fd;

	/* non-blocking, so that a FIFO cannot hang csdoc before it is refused */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd == -1) {
		diag_msg(d, DF_READ, 0, 0, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		diag_msg(d, DF_READ, 0, 0, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_msg(d, DF_READ, 0, 0, "not a regular file");
		goto fail;
	}
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((unsigned long long)st.st_size > max) {
		diag_msg(d, DE_TOO_BIG, 0, 0, max);
		goto fail;
	}
	/*
	 * Read to the end rather than trusting st_size (the file may grow),
	 * but never more than one byte past the limit.
	 */
	cap = (size_t)st.st_size + 1;
	bytes = xmalloc(cap + 1);
	while (len <= max) {
		ssize_t r;

		if (len == cap) {
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			bytes = xreallocarray(bytes, cap + 1, 1);
		}
		r = read(fd, bytes + len, cap - len);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			diag_msg(d, DF_READ, 0, 0, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len > max) {
		diag_msg(d, DE_TOO_BIG, 0, 0, max);
		goto fail;
	}
	close(fd);
	bytes[len] = '\0';
	*lenp = len;
	return bytes;
fail:
	close(fd);
	free(bytes);
	return NULL;
}

/* Line and column (1-based) of byte offset OFF, for errors found before parsing. */
static void
S_position(const char *bytes, size_t off, long *line, long *col)
{
	long l = 1, c = 1;

	for (size_t i = 0; i < off; i++) {
		if (bytes[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)bytes[i] & 0xC0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

/*
 * The DOCTYPE callback runs as soon as the declaration's name is read, before
 * any of its internal subset: stopping here means no entity is ever declared,
 * so no entity can be expanded or fetched.
 */
static void
S_internal_subset(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load_state *st = ctxt->_private;

	(void)name;
	(void)eid;
	(void)sid;
	if (!st->doctype) {
		st->doctype = 1;
		diag_msg(st->d, DE_DOCTYPE, ctxt->input ? ctxt->input->line : 0,
		    ctxt->input ? ctxt->input->col : 0);
	}
	xmlStopParser(ctxt);
}

/* libxml2's message, trimmed of its trailing newline and full stop. */
static char *
S_clean(const char *msg)
{
	char *s = xstrdup(msg ? msg : "XML error");
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '.'))
		s[--n] = '\0';
	return s;
}

/*
 * Say the parser's complaint in a user's words where libxml2's are unclear.
 * Returns a new string.
 */
static char *
S_reword(const xmlError *e)
{
	const char *s1 = e->str1, *s2 = e->str2, *p;

	switch (e->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		if (s1 && s2)
			return xasprintf("end tag </%s> does not match the open element <%s> (started on line %d)",
			    s2, s1, e->int1);
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		if (s1)
			return xasprintf("the file ends before element <%s> (line %d) is closed", s1, e->int1);
		break;
	case XML_ERR_DOCUMENT_EMPTY:
		return xstrdup("the file has no XML element: expected a csdoc document such as <minutes xmlns=\"urn:csdoc:1\">");
	case XML_ERR_DOCUMENT_END:
		return xstrdup("text or elements after the end of the root element: a document has one root element");
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		if (s1)
			return xasprintf("unknown entity '&%s;': csdoc sources may use only &amp; &lt; &gt; &quot; &apos; and character references: type the character itself", s1);
		break;
	case XML_ERR_INVALID_CHAR:
		/*
		 * libxml2 says this of characters XML forbids, which are valid
		 * UTF-8: a control character typed or given as &#N;.
		 */
		if (e->message != NULL && strstr(e->message, "CharRef") != NULL &&
		    (p = strstr(e->message, "value ")) != NULL)
			return xasprintf("the character reference &#%ld; is not allowed: XML has no character %ld (control characters other than tab and line ends, surrogates and zero cannot appear in a document)",
			    strtol(p + 6, NULL, 10), strtol(p + 6, NULL, 10));
		if (e->message != NULL && (p = strstr(e->message, "Char value ")) != NULL)
			return xasprintf("character U+%04lX is not allowed in XML: control characters other than tab and line ends cannot appear in a document",
			    (unsigned long)strtol(p + 11, NULL, 10));
		return xstrdup("bytes that are not valid UTF-8: save the file as UTF-8 (or declare its real encoding in the XML declaration)");
	case XML_ERR_INVALID_ENCODING:
		if (e->message != NULL && strstr(e->message, "labelled UTF-16") != NULL)
			return xstrdup("the XML declaration says encoding=\"UTF-16\" but the file is not UTF-16: declare the encoding it is saved in (UTF-8)");
		return xstrdup("bytes that are not valid UTF-8: save the file as UTF-8 (or declare its real encoding in the XML declaration)");
	case XML_ERR_UNSUPPORTED_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING:
		if (e->message != NULL && (p = strstr(e->message, "encoding ")) != NULL)
			return xasprintf("the XML declaration names an encoding csdoc cannot read ('%.*s'): save the file as UTF-8 and declare encoding=\"UTF-8\"",
			    (int)(strcspn(p + 9, "\n") > 40 ? 40 : strcspn(p + 9, "\n")), p + 9);
		return xstrdup("the XML declaration names an encoding csdoc cannot read: save the file as UTF-8 and declare encoding=\"UTF-8\"");
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		if (e->message != NULL && strstr(e->message, "too long") != NULL)
			return xstrdup("an attribute value is longer than 10000000 characters");
		break;
	case XML_ERR_GT_REQUIRED:
		return xstrdup("a start tag is not finished: expected '>' or '/>'");
	case XML_ERR_NAME_REQUIRED:
		return xstrdup("expected an element name after '<' (write &lt; for a literal '<')");
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return xstrdup("an entity reference is not finished: expected ';' (write &amp; for a literal '&')");
	case XML_ERR_LT_IN_ATTRIBUTE:
		return xstrdup("'<' is not allowed in an attribute value: write &lt;");
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		return xstrdup("an attribute has no value in quotes: expected name=\"value\"");
	case XML_ERR_ATTRIBUTE_REDEFINED:
		if (s1)
			return xasprintf("attribute '%s' is given twice on one element", s1);
		break;
	case XML_ERR_INTERNAL_ERROR:
		if (e->message && strstr(e->message, "Excessive depth"))
			return xasprintf("elements are nested more than %d deep", LOAD_MAX_DEPTH);
		break;
	default:
		break;
	}
	return S_clean(e->message);
}

static void
S_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load_state *st = ctxt ? ctxt->_private : NULL;
	char *text;

	if (st == NULL || e == NULL)
		return;
	/* After a DOCTYPE the parse was stopped on purpose: what follows is noise. */
	if (st->doctype || st->stopped)
		return;
	/*
	 * Bytes that do not convert from the encoding the declaration names
	 * (EBCDIC declared over ASCII, say): libxml2 reports them with no
	 * position and then a cascade of errors about the garbage it read.
	 * One error, at the declaration, and nothing after it is reported.
	 */
	if (e->domain == XML_FROM_I18N || (e->domain == XML_FROM_IO &&
	    e->code == XML_IO_ENCODER)) {
		const char *enc = ctxt->encoding ? (const char *)ctxt->encoding :
		    ctxt->input && ctxt->input->encoding ? (const char *)ctxt->input->encoding : NULL;

		text = enc ? xasprintf("the file does not read as the encoding its XML declaration names ('%.40s'): save it as UTF-8 and declare encoding=\"UTF-8\"", enc) :
		    xstrdup("the file does not read as the encoding its XML declaration names: save it as UTF-8 and declare encoding=\"UTF-8\"");
		diag_msg(st->d, DE_ENCODING, 1, 1, text);
		free(text);
		st->errors++;
		/* not xmlStopParser(): libxml2 2.9 is switching encodings here
		 * and crashes if the parser stops under it */
		st->stopped = 1;
		return;
	}
	text = S_reword(e);
	if (e->level == XML_ERR_WARNING) {
		diag_msg(st->d, DW_WARNING, e->line, e->int2, text);
	} else {
		enum diag_id id = DE_XML;

		if ((e->code == XML_ERR_INVALID_CHAR && strncmp(text, "bytes", 5) == 0) ||
		    e->code == XML_ERR_INVALID_ENCODING || e->code == XML_ERR_UNSUPPORTED_ENCODING ||
		    e->code == XML_ERR_UNKNOWN_ENCODING)
			id = DE_ENCODING;
		diag_msg(st->d, id, e->line, e->int2, text);
		st->errors++;
		/* past one of libxml2's limits what follows is a cascade: stop */
		if (e->code == XML_ERR_ATTRIBUTE_NOT_FINISHED && strstr(text, "longer than") != NULL) {
			st->stopped = 1;
			xmlStopParser(ctxt);
		}
	}
	free(text);
}

int
load_is_wide(const char *bytes, size_t len)
{
	const unsigned char *b = (const unsigned char *)bytes;

	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return 1;
	/* "<?" in UTF-16 without a byte order mark */
	if (len >= 4 && ((b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') ||
	    (b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0)))
		return 1;
	return 0;
}

/*
 * A NUL character (U+0000) in a UTF-16 file, with its line and column:
 * libxml2 would call it bytes that are not UTF-8 and then lose its place.
 */
static int
S_wide_nul(const char *bytes, size_t len, long *line, long *col)
{
	const unsigned char *b = (const unsigned char *)bytes;
	int be = b[0] == 0xFE || b[0] == 0;   /* byte order: BOM, or "<?" as 00 3C */
	size_t i = b[0] == 0xFE || b[0] == 0xFF ? 2 : 0;
	long l = 1, c = 1;

	for (; i + 1 < len; i += 2) {
		unsigned u = be ? (unsigned)b[i] << 8 | b[i + 1] : (unsigned)b[i + 1] << 8 | b[i];

		if (u == 0) {
			*line = l;
			*col = c;
			return 1;
		}
		if (u == '\n') {
			l++;
			c = 1;
		} else if (u < 0xDC00 || u > 0xDFFF)
			c++;
	}
	return 0;
}

/* Files that are not XML text, known by their first bytes. */
static const struct {
	const char *magic;
	size_t      n;
	const char *what;
} binary[] = {
	{ "\x1f\x8b", 2, "the file is compressed (gzip), not an XML document: csdoc reads an uncompressed source; gunzip it first" },
	{ "BZh", 3, "the file is compressed (bzip2), not an XML document: csdoc reads an uncompressed source" },
	{ "\xfd" "7zXZ", 5, "the file is compressed (xz), not an XML document: csdoc reads an uncompressed source" },
	{ "\x28\xb5\x2f\xfd", 4, "the file is compressed (zstd), not an XML document: csdoc reads an uncompressed source" },
	{ "PK\x03\x04", 4, "the file is a ZIP archive (such as a .docx or .odt), not an XML document: csdoc reads an XML source" },
	{ "%PDF-", 5, "the file is a PDF, not an XML document: csdoc reads an XML source" },
};

xmlDocPtr
load_memory(const char *bytes, size_t len, const char *name, struct diag *d)
{
	struct load_state st = { d, 0, 0, 0 };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	const char *nul;
	long wline, wcol;
	int opts;

	if (len == 0) {
		diag_msg(d, DE_EMPTY, 0, 0);
		return NULL;
	}
	if (len > (size_t)LOAD_MAX_BYTES) {
		diag_msg(d, DE_TOO_BIG, 0, 0, (size_t)LOAD_MAX_BYTES);
		return NULL;
	}
	/*
	 * A compressed or packaged file is refused by name before its bytes
	 * are read as text: libxml2 would inflate gzip (it is not asked to:
	 * csdoc parses from memory), and otherwise the first NUL byte would
	 * be the only complaint.
	 */
	for (size_t i = 0; i < sizeof(binary) / sizeof(binary[0]); i++)
		if (len >= binary[i].n && memcmp(bytes, binary[i].magic, binary[i].n) == 0) {
			diag_msg(d, DE_XML, 0, 0, binary[i].what);
			return NULL;
		}
	if (!load_is_wide(bytes, len) &&
	    (nul = memchr(bytes, '\0', len)) != NULL) {
		long line, col;

		S_position(bytes, (size_t)(nul - bytes), &line, &col);
		diag_msg(d, DE_NUL, line, col);
		return NULL;
	}
	if (load_is_wide(bytes, len) && S_wide_nul(bytes, len, &wline, &wcol)) {
		diag_msg(d, DE_NUL, wline, wcol);
		return NULL;
	}

	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		diag_msg(d, DF_INTERNAL, 0, 0, "cannot create an XML parser");
		return NULL;
	}
	ctxt->_private = &st;
	ctxt->sax->internalSubset = S_internal_subset;
	ctxt->sax->serror = S_error;
	ctxt->sax->initialized = XML_SAX2_MAGIC;
	ctxt->vctxt.error = S_silent;
	ctxt->vctxt.warning = S_silent;

	/*
	 * NONET: never fetch; BIG_LINES: true line numbers past 65535;
	 * NOCDATA merges CDATA into text, so back-ends see one kind of text.
	 * Never NOENT, DTDLOAD, DTDATTR, DTDVALID, HUGE, RECOVER or XINCLUDE.
	 */
	opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
	/* Keep the parser from reporting through the global handlers too. */
	xmlSetStructuredErrorFunc(ctxt, S_error);
	doc = xmlCtxtReadMemory(ctxt, bytes, (int)len, name, NULL, opts);
	xmlSetStructuredErrorFunc(NULL, NULL);

	if (doc != NULL && (st.errors > 0 || st.doctype || st.stopped || !ctxt->wellFormed ||
	    doc->intSubset != NULL || doc->extSubset != NULL)) {
		if (st.errors == 0 && !st.doctype)
			diag_msg(d, DE_XML, 0, 0, "the XML parser rejected the file");
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (doc == NULL && st.errors == 0 && !st.doctype) {
		diag_msg(d, DE_XML, 0, 0, "the XML parser rejected the file");
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr
load_file(const char *path, struct diag *d)
{
	size_t len = 0;
	char *bytes;
	xmlDocPtr doc;

	bytes = load_read(path, (size_t)LOAD_MAX_BYTES, &len, d);
	if (bytes == NULL)
		return NULL;
	doc = load_memory(bytes, len, path, d);
	free(bytes);
	return doc;
}
