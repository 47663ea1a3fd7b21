/* author.c: csdoc new (a ready-to-fill source per kind), csdoc fmt (one canonical layout) and csdoc watch (rebuild on every save). */
#include "author.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlstring.h>

#include "deps.h"
#include "diag.h"
#include "load.h"
#include "output.h"
#include "paths.h"
#include "rules/dates.h"

static const char *const kinds[] = {
	"agreement", "minutes", "performance-report", "report", "meeting-pack",
};

static int
S_usage(const char *usage, const char *fmt, const char *arg)
{
	fputs("csdoc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage, stderr);
	return 2;
}

/* ---- csdoc new ---- */

/* S with & < > " ' as references, so that any name is safe in text and attributes. */
static void
S_escape(struct buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		default: buf_putc(b, *s); break;
		}
}

char *
author_fill(const char *text, const char *partnership, const char *date)
{
	struct buf b = { 0 };
	struct date dt;
	char period[16];

	/* an Agreement covers the financial year (April to March) its date falls in */
	if (date_parse(date, &dt) != 0)
		return NULL;
	if (dt.m >= 4)
		snprintf(period, sizeof(period), "%d/%02d", dt.y, (dt.y + 1) % 100);
	else
		snprintf(period, sizeof(period), "%d/%02d", dt.y - 1, dt.y % 100);
	for (const char *p = text; *p; ) {
		if (strncmp(p, "@PARTNERSHIP@", 13) == 0) {
			S_escape(&b, partnership);
			p += 13;
		} else if (strncmp(p, "@DATE@", 6) == 0) {
			buf_puts(&b, date);
			p += 6;
		} else if (strncmp(p, "@PERIOD@", 8) == 0) {
			buf_puts(&b, period);
			p += 8;
		} else
			buf_putc(&b, *p++);
	}
	return b.s ? b.s : xstrdup("");
}

int
author_check_name(const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t left = strlen(name);
	int blank = 1;

	while (left > 0) {
		unsigned long c;
		size_t n = utf8_next(p, left, &c);

		if (n == 0)
			return AUTHOR_NAME_BAD_UTF8;
		if (c < 0x20 || c == 0x7f)
			return AUTHOR_NAME_CONTROL;
		/* XML 1.0's Char production leaves these out */
		if ((c >= 0xd800 && c <= 0xdfff) || c == 0xfffe || c == 0xffff)
			return AUTHOR_NAME_NOT_XML;
		if (c != ' ')
			blank = 0;
		p += n;
		left -= n;
	}
	return blank ? AUTHOR_NAME_BLANK : AUTHOR_NAME_OK;
}

/* Write BYTES to PATH only if PATH does not exist yet: staged, then linked (link() refuses an existing name), so no half-written file is ever seen. */
static int
S_create(const char *path, const char *bytes, size_t len)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp), rc = 3;
	mode_t um = umask(0);

	umask(um);
	if (fd == -1) {
		fprintf(stderr, "csdoc: cannot write %s: %s\n", path, strerror(errno));
		free(tmp);
		return 3;
	}
	(void)fchmod(fd, 0666 & ~um);
	if (write(fd, bytes, len) != (ssize_t)len || close(fd) != 0)
		fprintf(stderr, "csdoc: cannot write %s: %s\n", path, strerror(errno));
	else if (link(tmp, path) != 0) {
		if (errno == EEXIST) {
			fprintf(stderr, "csdoc: %s already exists: csdoc new never writes over a file; choose another name\n", path);
			rc = 2;
		} else
			fprintf(stderr, "csdoc: cannot write %s: %s\n", path, strerror(errno));
	} else
		rc = 0;
	(void)unlink(tmp);
	free(tmp);
	return rc;
}

int
author_new(int argc, char **argv)
{
	static const char usage[] =
	    "usage: csdoc new KIND [--partnership NAME] [--date YYYY-MM-DD] [-o FILE]\n"
	    "       KIND: agreement, minutes, performance-report, report or meeting-pack\n";
	static const struct option longopts[] = {
		{ "partnership", required_argument, NULL, 'P' },
		{ "date", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *partnership = "Your Partnership", *date = NULL, *outfile = NULL, *kind;
	char today[16], *rel, *path, *text, *filled;
	struct date dt;
	struct diag d;
	size_t len, i;
	int ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'P':
			partnership = optarg;
			break;
		case 'D':
			date = optarg;
			break;
		case 'o':
			if (optarg[0] == '\0')
				return S_usage(usage, "%s", "-o needs a file name");
			outfile = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (optind != argc - 1)
		return S_usage(usage, "%s", "give one KIND");
	kind = argv[optind];
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		return S_usage(usage, "unknown kind '%s': expected agreement, minutes, performance-report, report or meeting-pack", kind);
	if (date == NULL) {
		time_t now = time(NULL);
		struct tm tm;

		if (localtime_r(&now, &tm) == NULL ||
		    strftime(today, sizeof(today), "%Y-%m-%d", &tm) == 0)
			return S_usage(usage, "%s", "today's date is unknown: give --date");
		date = today;
	}
	if (date_parse(date, &dt) != 0)
		return S_usage(usage, "bad date '%s' for --date: expected a date written YYYY-MM-DD, e.g. 2011-03-10", date);
	/* the name goes into XML text: it must be characters XML allows, and
	 * the schema wants a name, not white space */
	switch (author_check_name(partnership)) {
	case AUTHOR_NAME_OK:
		break;
	case AUTHOR_NAME_BLANK:
		return S_usage(usage, "%s", "--partnership needs a name, not only spaces");
	case AUTHOR_NAME_CONTROL:
		return S_usage(usage, "%s", "--partnership: a name cannot hold control characters or line breaks");
	case AUTHOR_NAME_NOT_XML:
		return S_usage(usage, "%s", "--partnership: a name cannot hold U+FFFE, U+FFFF or a surrogate (XML does not allow them)");
	default:
		return S_usage(usage, "%s", "--partnership needs a name in UTF-8");
	}

	rel = xasprintf("templates/%s.xml", kind);
	path = paths_data(rel);
	free(rel);
	diag_init(&d, path);
	text = load_read(path, (size_t)LOAD_MAX_BYTES, &len, &d);
	if (text == NULL) {
		diag_print(&d, stderr);
		diag_free(&d);
		free(path);
		return 3;
	}
	diag_free(&d);
	free(path);
	filled = author_fill(text, partnership, date);
	free(text);
	if (outfile == NULL) {
		fputs(filled, stdout);
		rc = fflush(stdout) == 0 ? 0 : 3;
	} else
		rc = S_create(outfile, filled, strlen(filled));
	free(filled);
	return rc;
}

/* ---- csdoc fmt ---- */

/*
 * Which csdoc elements hold only elements (never text), read from the
 * schemas themselves: in such an element white space between children means
 * nothing, so fmt may lay the children out one per line however they were
 * written.  An element name declared anywhere with text or mixed content is
 * not one of them.  Loaded once; an empty list if the schemas cannot be read
 * (fmt then relies on the source's own line breaks alone).
 */
static char **elem_only;
static size_t nelem_only;
static char **elem_text;
static size_t nelem_text;

static const char csdoc_ns[] = "urn:csdoc:1";
static const char xsd_ns[] = "http://www.w3.org/2001/XMLSchema";

static int
S_is_xs(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST xsd_ns) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

static const xmlNode *
S_xs_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (S_is_xs(c, name))
			return c;
	return NULL;
}

/* The top-level xs:complexType or xs:simpleType called NAME in any of DOCS, or NULL. */
static const xmlNode *
S_named_type(xmlDocPtr *docs, size_t ndocs, const char *name, int *simple)
{
	for (size_t i = 0; i < ndocs; i++)
		for (const xmlNode *c = xmlDocGetRootElement(docs[i])->children; c; c = c->next)
			if ((S_is_xs(c, "complexType") || S_is_xs(c, "simpleType"))) {
				xmlChar *nm = xmlGetProp(c, BAD_CAST "name");
				int same = nm && xmlStrEqual(nm, BAD_CAST name);

				xmlFree(nm);
				if (same) {
					*simple = S_is_xs(c, "simpleType");
					return c;
				}
			}
	return NULL;
}

static int
S_attr_is(const xmlNode *n, const char *attr, const char *value)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	int same = v && xmlStrEqual(v, BAD_CAST value);

	xmlFree(v);
	return same;
}

/* 1 if a type named NAME holds only elements, 0 if text may appear in it. */
static int S_type_name_only(xmlDocPtr *docs, size_t ndocs, const char *name, int depth);

/* 1 if the xs:complexType CT holds only elements. */
static int
S_complex_only(xmlDocPtr *docs, size_t ndocs, const xmlNode *ct, int depth)
{
	const xmlNode *cc;

	if (S_attr_is(ct, "mixed", "true") || S_xs_child(ct, "simpleContent"))
		return 0;
	if ((cc = S_xs_child(ct, "complexContent")) != NULL) {
		const xmlNode *der = S_xs_child(cc, "extension");
		xmlChar *base;
		int only;

		if (S_attr_is(cc, "mixed", "true"))
			return 0;
		if (der == NULL)
			der = S_xs_child(cc, "restriction");
		if (der == NULL || (base = xmlGetProp(der, BAD_CAST "base")) == NULL)
			return 0;
		only = S_type_name_only(docs, ndocs, (const char *)base, depth + 1);
		xmlFree(base);
		return only;
	}
	return 1;
}

static int
S_type_name_only(xmlDocPtr *docs, size_t ndocs, const char *name, int depth)
{
	const xmlNode *t;
	int simple = 0;

	/* xs: types are simple; a chain of derivations this long is not csdoc's */
	if (strncmp(name, "xs:", 3) == 0 || depth > 16)
		return 0;
	if ((t = S_named_type(docs, ndocs, name, &simple)) == NULL || simple)
		return 0;
	return S_complex_only(docs, ndocs, t, depth);
}

static void
S_note_decl(const char *name, int only)
{
	char ***list = only ? &elem_only : &elem_text;
	size_t *n = only ? &nelem_only : &nelem_text;

	for (size_t i = 0; i < *n; i++)
		if (strcmp((*list)[i], name) == 0)
			return;
	*list = xreallocarray(*list, *n + 1, sizeof(**list));
	(*list)[(*n)++] = xstrdup(name);
}

/* Every xs:element with a name at or below N. */
static void
S_walk_decls(xmlDocPtr *docs, size_t ndocs, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (S_is_xs(n, "element")) {
			xmlChar *name = xmlGetProp(n, BAD_CAST "name"), *type = xmlGetProp(n, BAD_CAST "type");
			const xmlNode *ct = S_xs_child(n, "complexType");

			if (name != NULL) {
				int only = type ? S_type_name_only(docs, ndocs, (const char *)type, 0) :
				    ct ? S_complex_only(docs, ndocs, ct, 0) : 0;

				S_note_decl((const char *)name, only);
			}
			xmlFree(name);
			xmlFree(type);
		}
		if (n->type == XML_ELEMENT_NODE)
			S_walk_decls(docs, ndocs, n->children);
	}
}

static void
S_load_element_only(void)
{
	static const char *const files[] = {
		"common.xsd", "minutes.xsd", "agreement.xsd", "performance-report.xsd",
		"report.xsd", "meeting-pack.xsd",
	};
	xmlDocPtr docs[sizeof(files) / sizeof(files[0])];
	size_t ndocs = 0;
	static int loaded;

	if (loaded)
		return;
	loaded = 1;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *rel = xasprintf("schemas/%s", files[i]), *path = paths_data(rel), *bytes;
		size_t len = 0;
		struct diag d;

		diag_init(&d, path);
		bytes = load_read(path, (size_t)LOAD_MAX_BYTES, &len, &d);
		if (bytes != NULL) {
			docs[ndocs] = xmlReadMemory(bytes, (int)len, path, NULL, XML_PARSE_NONET);
			if (docs[ndocs] != NULL && xmlDocGetRootElement(docs[ndocs]) != NULL)
				ndocs++;
			else if (docs[ndocs] != NULL)
				xmlFreeDoc(docs[ndocs]);
		}
		free(bytes);
		diag_free(&d);
		free(path);
		free(rel);
	}
	for (size_t i = 0; i < ndocs; i++)
		S_walk_decls(docs, ndocs, xmlDocGetRootElement(docs[i]));
	for (size_t i = 0; i < ndocs; i++)
		xmlFreeDoc(docs[i]);
}

/* Non-zero if every declaration of N's name in the schemas holds only elements. */
static int
S_schema_element_only(const xmlNode *n)
{
	int only = 0;

	if (n->ns == NULL || !xmlStrEqual(n->ns->href, BAD_CAST csdoc_ns))
		return 0;
	for (size_t i = 0; i < nelem_only && !only; i++)
		only = strcmp(elem_only[i], (const char *)n->name) == 0;
	for (size_t i = 0; i < nelem_text && only; i++)
		if (strcmp(elem_text[i], (const char *)n->name) == 0)
			only = 0;
	return only;
}

/* Text with & < > escaped; a carriage return as a reference, since a parser turns a literal one into a line feed. */
static void
S_text(struct buf *b, const xmlChar *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '\r': buf_puts(b, "&#13;"); break;
		default: buf_putc(b, (char)*s); break;
		}
}

/* An attribute value in double quotes; tabs and line ends as references, so that attribute normalisation gives the same value back. */
static void
S_attr_value(struct buf *b, const xmlChar *s)
{
	buf_putc(b, '"');
	for (; s && *s; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\t': buf_puts(b, "&#9;"); break;
		case '\n': buf_puts(b, "&#10;"); break;
		case '\r': buf_puts(b, "&#13;"); break;
		default: buf_putc(b, (char)*s); break;
		}
	buf_putc(b, '"');
}

static void
S_name(struct buf *b, const xmlNode *n)
{
	if (n->ns && n->ns->prefix) {
		buf_puts(b, (const char *)n->ns->prefix);
		buf_putc(b, ':');
	}
	buf_puts(b, (const char *)n->name);
}

/* The order attributes are written in: id, then the rest by name; prefixed (xsi:…) after unprefixed. */
static int
S_attr_cmp(const void *pa, const void *pb)
{
	const xmlAttr *a = *(const xmlAttr *const *)pa, *b = *(const xmlAttr *const *)pb;
	const char *ap = a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "";
	const char *bp = b->ns && b->ns->prefix ? (const char *)b->ns->prefix : "";
	int aid = ap[0] == '\0' && strcmp((const char *)a->name, "id") == 0;
	int bid = bp[0] == '\0' && strcmp((const char *)b->name, "id") == 0;
	int c;

	if (aid != bid)
		return bid - aid;
	if ((c = strcmp(ap, bp)) != 0)
		return c;
	return strcmp((const char *)a->name, (const char *)b->name);
}

static int
S_ns_cmp(const void *pa, const void *pb)
{
	const xmlNs *a = *(const xmlNs *const *)pa, *b = *(const xmlNs *const *)pb;

	/* the default namespace first */
	return strcmp(a->prefix ? (const char *)a->prefix : "", b->prefix ? (const char *)b->prefix : "");
}

static void
S_start_tag(struct buf *b, const xmlNode *n)
{
	size_t nns = 0, nat = 0, k;
	const xmlNs **ns;
	const xmlAttr **at;

	for (const xmlNs *x = n->nsDef; x; x = x->next)
		nns++;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		nat++;
	ns = xcalloc(nns + 1, sizeof(*ns));
	at = xcalloc(nat + 1, sizeof(*at));
	k = 0;
	for (const xmlNs *x = n->nsDef; x; x = x->next)
		ns[k++] = x;
	k = 0;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		at[k++] = a;
	qsort(ns, nns, sizeof(*ns), S_ns_cmp);
	qsort(at, nat, sizeof(*at), S_attr_cmp);
	buf_putc(b, '<');
	S_name(b, n);
	for (k = 0; k < nns; k++) {
		buf_puts(b, " xmlns");
		if (ns[k]->prefix) {
			buf_putc(b, ':');
			buf_puts(b, (const char *)ns[k]->prefix);
		}
		buf_putc(b, '=');
		S_attr_value(b, ns[k]->href);
	}
	for (k = 0; k < nat; k++) {
		struct buf raw = { 0 };

		buf_putc(b, ' ');
		if (at[k]->ns && at[k]->ns->prefix) {
			buf_puts(b, (const char *)at[k]->ns->prefix);
			buf_putc(b, ':');
		}
		buf_puts(b, (const char *)at[k]->name);
		buf_putc(b, '=');
		/* the parsed value: references already replaced, white space normalised */
		for (const xmlNode *c = at[k]->children; c; c = c->next)
			if (c->content)
				buf_puts(&raw, (const char *)c->content);
		S_attr_value(b, (const xmlChar *)buf_str(&raw));
		buf_free(&raw);
	}
	free(ns);
	free(at);
}

static int
S_blank_with_newline(const xmlNode *n)
{
	const xmlChar *s = n->content;
	int nl = 0;

	if (n->type != XML_TEXT_NODE || s == NULL)
		return 0;
	for (; *s; s++) {
		if (*s == '\n')
			nl = 1;
		else if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	}
	return nl;
}

/*
 * An element laid out one child per line: every gap around and between its
 * children is white space holding a line break, and it has a child that is
 * not text.  Only such white space is ever changed (its amount, never its
 * presence), so text in mixed content and every space between inline
 * elements stays as written.
 */
static int
S_is_block(const xmlNode *n)
{
	int want_gap = 1, others = 0;

	/* the schema says no text belongs here: only white space can be, and it means nothing */
	if (S_schema_element_only(n)) {
		for (const xmlNode *c = n->children; c; c = c->next) {
			const xmlChar *t = c->content;

			if (c->type == XML_TEXT_NODE) {
				for (; t && *t; t++)
					if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
						return 0;
			} else if (c->type == XML_CDATA_SECTION_NODE || c->type == XML_ENTITY_REF_NODE)
				return 0;
		}
		return 1;
	}

	for (const xmlNode *c = n->children; c; c = c->next) {
		if (want_gap) {
			if (!S_blank_with_newline(c))
				return 0;
		} else {
			if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
			    c->type == XML_ENTITY_REF_NODE)
				return 0;
			others++;
		}
		want_gap = !want_gap;
	}
	return others > 0 && !want_gap;
}

static void
S_indent(struct buf *b, int depth)
{
	buf_putc(b, '\n');
	for (int i = 0; i < depth; i++)
		buf_puts(b, "  ");
}

static void S_node(struct buf *b, const xmlNode *n, int depth);

static void
S_element(struct buf *b, const xmlNode *n, int depth)
{
	S_start_tag(b, n);
	if (n->children == NULL) {
		buf_puts(b, "/>");
		return;
	}
	if (S_is_block(n)) {
		int any = 0;

		for (const xmlNode *c = n->children; c; c = c->next)
			any |= c->type != XML_TEXT_NODE;
		if (!any) {
			/* nothing but white space where only elements belong */
			buf_puts(b, "/>");
			return;
		}
		buf_putc(b, '>');
		for (const xmlNode *c = n->children; c; c = c->next) {
			if (c->type == XML_TEXT_NODE)
				continue;
			S_indent(b, depth + 1);
			S_node(b, c, depth + 1);
		}
		S_indent(b, depth);
	} else {
		buf_putc(b, '>');
		for (const xmlNode *c = n->children; c; c = c->next)
			S_node(b, c, depth + 1);
	}
	buf_puts(b, "</");
	S_name(b, n);
	buf_putc(b, '>');
}

static void
S_node(struct buf *b, const xmlNode *n, int depth)
{
	switch (n->type) {
	case XML_ELEMENT_NODE:
		S_element(b, n, depth);
		break;
	case XML_TEXT_NODE:
		S_text(b, n->content);
		break;
	case XML_CDATA_SECTION_NODE:
		/* csdoc fmt never meets one: its loader parses with
		 * XML_PARSE_NOCDATA, so a CDATA section arrives as text and is
		 * written escaped (README says so).  Only a caller that parsed
		 * the tree itself gets here; it is written back as a section,
		 * "]]>" being unable to occur inside one */
		buf_puts(b, "<![CDATA[");
		buf_puts(b, (const char *)n->content);
		buf_puts(b, "]]>");
		break;
	case XML_COMMENT_NODE:
		buf_puts(b, "<!--");
		buf_puts(b, (const char *)n->content);
		buf_puts(b, "-->");
		break;
	case XML_PI_NODE:
		buf_puts(b, "<?");
		buf_puts(b, (const char *)n->name);
		if (n->content && n->content[0]) {
			buf_putc(b, ' ');
			buf_puts(b, (const char *)n->content);
		}
		buf_puts(b, "?>");
		break;
	default:
		/* no DTD is ever loaded, so there are no entity references or other kinds */
		break;
	}
}

void
author_fmt_doc(xmlDocPtr doc, struct buf *out)
{
	S_load_element_only();
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	for (const xmlNode *c = doc->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE && c->type != XML_COMMENT_NODE &&
		    c->type != XML_PI_NODE)
			continue;
		S_node(out, c, 0);
		buf_putc(out, '\n');
	}
}

/*
 * Put BYTES in place of the file PATH names.  Staged beside the file and
 * renamed over it, so that the file is either the old one or the new one,
 * never half of each.  A symbolic link is followed, so that the link stays
 * a link and the file it names is the one rewritten.  A file with other hard
 * links is refused: a rename would leave them with the old text, and writing
 * into the file itself could leave it half written.
 */
static int
S_replace(const char *path, const char *bytes, size_t len, struct diag *d)
{
	char *target = realpath(path, NULL), *tmp;
	struct stat st;
	sigset_t block, old;
	mode_t mode;
	int fd, rc = -1;

	if (target == NULL || stat(target, &st) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		free(target);
		return -1;
	}
	if (st.st_nlink > 1) {
		diag_msg(d, DF_WRITE, 0, 0, path,
		    "it has more than one hard link, and fmt -i replaces a file, which would split them "
		    "(csdoc fmt FILE prints the layout to copy into it)");
		free(target);
		return -1;
	}
	/* Ctrl-C while the staged file exists would leave it behind: hold the
	 * signals until it is renamed or removed (a moment) */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	(void)sigprocmask(SIG_BLOCK, &block, &old);
	tmp = xasprintf("%s.tmp-XXXXXX", target);
	/* mkstemp makes the file 0600, and its mode is narrowed to the
	 * file's own before any byte is in it: no one who cannot read the
	 * file can read its new text, even for a moment */
	if ((fd = mkstemp(tmp)) == -1) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		goto done;
	}
	mode = st.st_mode & 07777;
	/* keep the file's group; if it cannot be kept, the group's rights
	 * would go to another group, so they go */
	if (fchown(fd, (uid_t)-1, st.st_gid) != 0) {
		struct stat now;

		if (fstat(fd, &now) != 0 || now.st_gid != st.st_gid)
			mode &= ~(mode_t)070;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, bytes, len) != 0 || fsync(fd) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		(void)close(fd);
		(void)unlink(tmp);
		goto done;
	}
	if (close(fd) != 0 || rename(tmp, target) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		(void)unlink(tmp);
		goto done;
	}
	rc = 0;
done:
	(void)sigprocmask(SIG_SETMASK, &old, NULL);
	free(tmp);
	free(target);
	return rc;
}

/* Format one file: to standard output, or (IN_PLACE) over itself when it changed. */
static int
S_fmt_one(const char *path, int in_place)
{
	struct diag d;
	struct buf b = { 0 };
	size_t len = 0;
	char *bytes;
	xmlDocPtr doc = NULL;
	int status;

	diag_init(&d, path);
	bytes = load_read(path, (size_t)LOAD_MAX_BYTES, &len, &d);
	if (bytes != NULL)
		doc = load_memory(bytes, len, path, &d);
	if (doc != NULL) {
		author_fmt_doc(doc, &b);
		if (!in_place) {
			fwrite(buf_str(&b), 1, b.len, stdout);
			if (fflush(stdout) != 0)
				diag_msg(&d, DF_WRITE, 0, 0, "standard output", strerror(errno));
		} else if (b.len != len || memcmp(buf_str(&b), bytes, len) != 0)
			(void)S_replace(path, buf_str(&b), b.len, &d);
		xmlFreeDoc(doc);
	}
	free(bytes);
	buf_free(&b);
	diag_print(&d, stderr);
	status = diag_exit_status(&d);
	diag_free(&d);
	return status;
}

int
author_fmt(int argc, char **argv)
{
	static const char usage[] = "usage: csdoc fmt FILE\n       csdoc fmt -i FILE...\n";
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch, in_place = 0, worst = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "ih", longopts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			in_place = 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (optind >= argc)
		return S_usage(usage, "%s", "give a FILE");
	if (!in_place && optind != argc - 1)
		return S_usage(usage, "%s", "without -i, give one FILE (its layout goes to standard output)");
	for (int i = optind; i < argc; i++) {
		int st = S_fmt_one(argv[i], in_place);

		if (st > worst)
			worst = st;
	}
	return worst;
}

/* ---- csdoc watch ---- */

static volatile sig_atomic_t stop_watching;
/* the write end of a pipe that the stop handler writes to, so that a signal
 * arriving just before poll() still wakes it (poll() watches the read end) */
static int stop_pipe = -1;

static void
S_on_stop(int sig)
{
	int saved = errno;
	char c = 0;

	(void)sig;
	stop_watching = 1;
	if (stop_pipe >= 0)
		(void)!write(stop_pipe, &c, 1);
	errno = saved;
}

/* The folders watched and the files in them that a rebuild depends on. */
struct watched {
	int    wd;    /* inotify's watch on the folder; -1 once inotify has ended it */
	char  *dir;   /* the folder (owned) */
	char **names; /* file names in it that matter (owned) */
	size_t n;     /* number of names */
};

struct watchset {
	int             fd;  /* the inotify descriptor */
	struct watched *w;   /* one per folder (owned) */
	size_t          n;   /* folders watched */
};

/* Split PATH into its folder and file name (both new strings). */
static void
S_split(const char *path, char **dir, char **name)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*name = xstrdup(path);
	} else {
		*dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
		*name = xstrdup(slash + 1);
	}
}

/*
 * Watch PATH's folder, not PATH: an editor that saves by writing a new file
 * and renaming it over the old one replaces the file, and a watch on the old
 * one would see nothing after the first save.  Adding a watch on a folder
 * already watched gives back the same watch, so the events queued on it
 * stay queued.  Returns 0, or -1 after a message if the folder cannot be
 * watched (the watch would then wait for events that never come).
 */
static int
S_watch_file(struct watchset *ws, const char *path)
{
	char *dir, *name;
	struct watched *w = NULL;
	int wd;

	S_split(path, &dir, &name);
	wd = inotify_add_watch(ws->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
	if (wd < 0) {
		fprintf(stderr, "csdoc: cannot watch %s: %s\n", dir, strerror(errno));
		free(dir);
		free(name);
		return -1;
	}
	for (size_t i = 0; i < ws->n; i++)
		if (ws->w[i].wd == wd)
			w = &ws->w[i];
	if (w == NULL) {
		ws->w = xreallocarray(ws->w, ws->n + 1, sizeof(*ws->w));
		w = &ws->w[ws->n++];
		memset(w, 0, sizeof(*w));
		w->wd = wd;
		w->dir = dir;
	} else
		free(dir);
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->names[i], name) == 0) {
			free(name);
			return 0;
		}
	w->names = xreallocarray(w->names, w->n + 1, sizeof(*w->names));
	w->names[w->n++] = name;
	return 0;
}

/* Forget which files matter, keeping the watches: events that came while
 * the names are being noted again are still queued, not lost. */
static void
S_names_clear(struct watchset *ws)
{
	for (size_t i = 0; i < ws->n; i++) {
		for (size_t j = 0; j < ws->w[i].n; j++)
			free(ws->w[i].names[j]);
		free(ws->w[i].names);
		ws->w[i].names = NULL;
		ws->w[i].n = 0;
	}
}

static void
S_watch_free(struct watchset *ws)
{
	S_names_clear(ws);
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i].dir);
	free(ws->w);
	ws->w = NULL;
	ws->n = 0;
}

/*
 * Non-zero if the events in BUF call for a rebuild: one names a file a
 * rebuild depends on; or the queue overflowed, so events were lost; or a
 * folder holding such a file is gone (its watch ended), which the rebuild
 * reports.
 */
static int
S_matters(struct watchset *ws, const char *buf, ssize_t len)
{
	int hit = 0;

	for (const char *p = buf; p < buf + len; ) {
		const struct inotify_event *ev = (const struct inotify_event *)(const void *)p;

		if (ev->mask & IN_Q_OVERFLOW)
			hit = 1;
		for (size_t i = 0; i < ws->n; i++) {
			if (ws->w[i].wd != ev->wd || ev->wd < 0)
				continue;
			if (ev->mask & IN_IGNORED) {
				hit |= ws->w[i].n > 0;
				ws->w[i].wd = -1;
			} else if (ev->len > 0)
				for (size_t j = 0; j < ws->w[i].n; j++)
					if (strcmp(ws->w[i].names[j], ev->name) == 0)
						hit = 1;
		}
		p += sizeof(struct inotify_event) + ev->len;
	}
	return hit;
}

/* Non-zero if PATH changed at or after START (or cannot be looked at now). */
static int
S_changed_since(const char *path, const struct timespec *start)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return errno != ENOENT;
	/* ctime: a write, and a rename that put a new file in its place, both set it */
	return st.st_ctim.tv_sec > start->tv_sec ||
	    (st.st_ctim.tv_sec == start->tv_sec && st.st_ctim.tv_nsec >= start->tv_nsec);
}

/* A line saying WHAT happened to PATH, after the time of day: each build's messages stand between two of them. */
static void
S_stamp(const char *what, const char *path, const char *after)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL || strftime(when, sizeof(when), "%H:%M:%S", &tm) == 0)
		strcpy(when, "--:--:--");
	fprintf(stderr, "[%s] %s %s%s\n", when, what, path, after);
	fflush(stderr);
}

/* Both ends of a pipe, not blocking and closed on exec.  Returns 0 or -1. */
static int
S_pipe(int fds[2])
{
	if (pipe(fds) != 0)
		return -1;
	for (int i = 0; i < 2; i++)
		if (fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK) != 0 ||
		    fcntl(fds[i], F_SETFD, FD_CLOEXEC) != 0) {
			close(fds[0]);
			close(fds[1]);
			return -1;
		}
	return 0;
}

int
author_watch(int argc, char **argv, author_build_fn build,
    int (*parse_formats)(const char *list, int *out))
{
	static const char usage[] = "usage: csdoc watch [-o DIR] [-f pdf,html,...] FILE\n";
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *outdir = "out", *path;
	int ch, formats = 0, rc = 0, wake[2];
	struct watchset ws = { -1, NULL, 0 };
	struct sigaction sa;
	struct diag d;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			if (optarg[0] == '\0')
				return S_usage(usage, "%s", "-o needs a directory name");
			outdir = optarg;
			break;
		case 'f':
			if (parse_formats(optarg, &formats) != 0)
				return 2;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (optind != argc - 1)
		return S_usage(usage, "%s", "give one FILE to watch");
	path = argv[optind];
	/* the default of csdoc build */
	if (formats == 0 && parse_formats("pdf,html", &formats) != 0)
		return 2;
	diag_init(&d, outdir);
	if (output_mkdir(outdir, &d) != 0) {
		diag_print(&d, stderr);
		diag_free(&d);
		return 3;
	}
	diag_free(&d);
	ws.fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (ws.fd < 0) {
		fprintf(stderr, "csdoc: cannot watch files: %s\n", strerror(errno));
		return 3;
	}
	if (S_pipe(wake) != 0) {
		fprintf(stderr, "csdoc: cannot watch files: %s\n", strerror(errno));
		close(ws.fd);
		return 3;
	}
	stop_pipe = wake[1];
	/* watched before the first build, so that a save during it is seen */
	if (S_watch_file(&ws, path) != 0) {
		rc = 3;
		goto out;
	}
	fprintf(stderr, "csdoc: watching %s; every save rebuilds it into %s (Ctrl-C stops)\n", path, outdir);
	while (!stop_watching) {
		char evbuf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
		char drain[64];
		size_t ndeps;
		const char *const *deps;
		struct pollfd pfd[2];
		struct timespec start;
		int st, again = 0, unwatchable;

		/* a file whose change time is this or later changed during the
		 * build: the coarse clock is the one the kernel stamps files with */
		if (clock_gettime(CLOCK_REALTIME_COARSE, &start) != 0 &&
		    clock_gettime(CLOCK_REALTIME, &start) != 0)
			start.tv_sec = time(NULL), start.tv_nsec = 0;
		/* a build is stopped by Ctrl-C as csdoc build is, its temporary files removed */
		output_signals();
		S_stamp("building", path, "");
		deps_start();
		st = build(path, outdir, formats);
		/* the watches stay: a save during the build is queued on them; a
		 * file first read by this build is checked by its change time */
		S_names_clear(&ws);
		unwatchable = S_watch_file(&ws, path) != 0;
		again = S_changed_since(path, &start);
		deps = deps_list(&ndeps);
		for (size_t i = 0; i < ndeps; i++) {
			unwatchable |= S_watch_file(&ws, deps[i]) != 0;
			again |= S_changed_since(deps[i], &start);
		}
		deps_stop();
		if (st == 0)
			S_stamp("built", path, "");
		else if (st == 1)
			S_stamp("errors in", path, ": the last good outputs are kept");
		else
			S_stamp("could not build", path, ": the last good outputs are kept");
		if (unwatchable) {
			/* a save there would never be seen: say so rather than wait */
			fprintf(stderr, "csdoc: a file %s depends on cannot be watched\n", path);
			rc = 3;
			break;
		}

		/* between builds Ctrl-C ends the watch and nothing else */
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = S_on_stop;
		sigemptyset(&sa.sa_mask);
		(void)sigaction(SIGINT, &sa, NULL);
		(void)sigaction(SIGTERM, &sa, NULL);
		(void)sigaction(SIGHUP, &sa, NULL);
		pfd[0].fd = ws.fd;
		pfd[0].events = POLLIN;
		pfd[1].fd = wake[0];
		pfd[1].events = POLLIN;
		while (!stop_watching && !again) {
			int r = poll(pfd, 2, -1);
			ssize_t len;

			if (r < 0 && errno != EINTR) {
				fprintf(stderr, "csdoc: cannot watch files: %s\n", strerror(errno));
				rc = 3;
				break;
			}
			while ((len = read(ws.fd, evbuf, sizeof(evbuf))) > 0)
				again |= S_matters(&ws, evbuf, len);
		}
		if (!again)
			break;
		/* an editor's save is often several events: let them settle, then build once */
		while (!stop_watching && poll(pfd, 2, 150) > 0)
			while (read(ws.fd, evbuf, sizeof(evbuf)) > 0)
				;
		while (read(wake[0], drain, sizeof(drain)) > 0)
			;
	}
out:
	stop_pipe = -1;
	S_watch_free(&ws);
	close(ws.fd);
	close(wake[0]);
	close(wake[1]);
	fprintf(stderr, "csdoc: stopped watching %s\n", path);
	return rc;
}
