/* pdfpost.c: add /Lang, Figure /Alt, DisplayDocTitle and XMP to cairo's tagged PDF as an incremental update, by hand or (for other files) with qpdf. */
#include "pdfpost.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#include "pdfread.h"
#include "qpdfdl.h"
#include "util.h"

/* libqpdf, once a file has needed it (qpdfdl.c). */
static const struct qpdfdl *Q;

/* Deeper than any real structure tree: past it the file is damaged. */
#define MAX_DEPTH 1000

/* Role-map chains longer than this are taken to be loops. */
#define MAX_ROLES 16

/*
 * The objects changed, for the incremental update: qpdf reads cairo's
 * file lazily and serialises each changed object; csdoc appends them,
 * a cross-reference section and a trailer (ISO 32000-1, 7.5.6).  qpdf
 * cannot write an incremental update itself, and rewriting the whole
 * file with it took a fifth of a build's time.
 */
struct changed {
	int                  *ids;     /* object numbers (owned) */
	size_t                n, cap;
	int                   rewrite; /* a changed object the update cannot name (direct, or not generation 0) */
};

/* One walk over the structure tree. */
struct walk {
	qpdf_data             q;
	const struct pdfpost *p;
	struct changed       *ch;
	qpdf_oh               rolemap; /* the tree's /RoleMap dictionary, or 0 */
	size_t                next;    /* index of the next alt to give */
	unsigned char        *seen;    /* one bit per object number already visited (owned) */
	size_t                nseen;   /* bytes in seen */
	int                   toodeep; /* set once MAX_DEPTH was passed */
};

/*
 * Warnings mean qpdf met something odd in a file cairo has just written;
 * the output is still complete, so they are passed on, not fatal.
 */
static void
S_qpdf_warnings(qpdf_data q, struct diag *d)
{
	while (Q->qpdf_more_warnings(q)) {
		qpdf_error w = Q->qpdf_next_warning(q);
		char *text;

		if (w == NULL)
			break;
		text = xasprintf("PDF post-processing: %s", Q->qpdf_get_error_full_text(q, w));
		diag_msg(d, DW_WARNING, 0, 0, text);
		free(text);
	}
}

/*
 * Report qpdf's pending error as ID.  The full text names the file and the
 * offset, which is what a bug report about a damaged PDF needs.
 */
static void
S_qpdf_error(qpdf_data q, struct diag *d, enum diag_id id, const char *path)
{
	const char *text = "unknown qpdf error";
	char *copy;

	/* the warnings came first and often explain the error */
	S_qpdf_warnings(q, d);
	if (Q->qpdf_has_error(q)) {
		qpdf_error e = Q->qpdf_get_error(q);

		if (e != NULL)
			text = Q->qpdf_get_error_full_text(q, e);
	}
	/* qpdf's strings live only until its next call */
	copy = xstrdup(text);
	/* qpdf's text names the file, except when writing, where PATH is the one that matters */
	if (id == DF_WRITE)
		diag_msg(d, id, 0, 0, path, copy);
	else if (id == DF_INTERNAL) {
		char *t = xasprintf("PDF post-processing: %s", copy);

		diag_msg(d, id, 0, 0, t);
		free(t);
	} else
		diag_msg(d, id, 0, 0, copy);
	free(copy);
}

/* Append S to B with the five XML specials escaped; control characters XML 1.0 cannot hold are dropped. */
static void
S_xml_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&apos;");
			break;
		default:
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				break;
			buf_putc(b, (char)c);
		}
	}
}

/* One simple property, <NAME>VALUE</NAME>, left out when VALUE is NULL. */
static void
S_xmp_simple(struct buf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_printf(b, "   <%s>", name);
	S_xml_escape(b, value);
	buf_printf(b, "</%s>\n", name);
}

/*
 * One array property with a single item: KIND is Alt (language
 * alternatives, which need xml:lang), Seq or Bag, as XMP fixes per property.
 */
static void
S_xmp_array(struct buf *b, const char *name, const char *kind, const char *value)
{
	int alt = strcmp(kind, "Alt") == 0;

	if (value == NULL)
		return;
	buf_printf(b, "   <%s><rdf:%s><rdf:li%s>", name, kind,
	    alt ? " xml:lang=\"x-default\"" : "");
	S_xml_escape(b, value);
	buf_printf(b, "</rdf:li></rdf:%s></%s>\n", kind, name);
}

/*
 * The XMP packet.  pdfuaid:part is not claimed: csdoc does not check every
 * PDF/UA rule, and a false claim is worse than none.
 */
static void
S_xmp(struct buf *b, const struct pdfpost *p)
{
	/* the packet header carries a UTF-8 byte-order mark, as XMP requires */
	buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	S_xmp_simple(b, "dc:format", "application/pdf");
	S_xmp_array(b, "dc:title", "Alt", p->title);
	S_xmp_array(b, "dc:creator", "Seq", p->author);
	S_xmp_array(b, "dc:description", "Alt", p->subject);
	S_xmp_array(b, "dc:language", "Bag", p->lang);
	S_xmp_simple(b, "pdf:Producer", "csdoc");
	S_xmp_simple(b, "pdf:Keywords", p->keywords);
	S_xmp_simple(b, "xmp:CreatorTool", p->creator);
	S_xmp_simple(b, "xmp:CreateDate", p->date);
	S_xmp_simple(b, "xmp:ModifyDate", p->date);
	S_xmp_simple(b, "xmp:MetadataDate", p->date);
	buf_puts(b, "  </rdf:Description>\n"
	    " </rdf:RDF>\n"
	    "</x:xmpmeta>\n");
	/* padding lets an editor update the packet in place, as XMP recommends */
	for (int i = 0; i < 20; i++)
		buf_puts(b, "                                                                               \n");
	buf_puts(b, "<?xpacket end=\"w\"?>");
}

static void
S_changed(struct changed *ch, int id)
{
	if (ch->n == ch->cap) {
		ch->cap = ch->cap ? ch->cap * 2 : 16;
		ch->ids = xreallocarray(ch->ids, ch->cap, sizeof(*ch->ids));
	}
	ch->ids[ch->n++] = id;
}

/* Non-zero if object number OBJ was visited before; marks it visited. */
static int
S_seen(struct walk *w, int obj)
{
	size_t byte = (size_t)obj / 8;
	unsigned char bit = (unsigned char)(1u << (obj % 8));

	if (byte >= w->nseen) {
		size_t n = byte + 1 > w->nseen * 2 ? byte + 1 : w->nseen * 2;

		w->seen = xreallocarray(w->seen, n, 1);
		memset(w->seen + w->nseen, 0, n - w->nseen);
		w->nseen = n;
	}
	if (w->seen[byte] & bit)
		return 1;
	w->seen[byte] |= bit;
	return 0;
}

/*
 * Non-zero if structure type NAME ("/Figure", "/Custom") is a Figure,
 * directly or through the tree's role map.
 */
static int
S_is_figure(struct walk *w, const char *name)
{
	char *cur = xstrdup(name);
	int yes = 0;

	for (int i = 0; i < MAX_ROLES; i++) {
		qpdf_oh to;

		if (strcmp(cur, "/Figure") == 0) {
			yes = 1;
			break;
		}
		if (w->rolemap == 0 || !Q->qpdf_oh_has_key(w->q, w->rolemap, cur))
			break;
		to = Q->qpdf_oh_get_key(w->q, w->rolemap, cur);
		if (!Q->qpdf_oh_is_name(w->q, to)) {
			Q->qpdf_oh_release(w->q, to);
			break;
		}
		free(cur);
		cur = xstrdup(Q->qpdf_oh_get_name(w->q, to));
		Q->qpdf_oh_release(w->q, to);
	}
	free(cur);
	return yes;
}

static void S_walk_kids(struct walk *w, qpdf_oh k, int depth);

/*
 * Visit one kid: a structure element is a dictionary with /S; marked-content
 * references (/MCR), object references (/OBJR) and bare MCIDs hold no
 * elements and are passed over.
 */
static void
S_walk_elem(struct walk *w, qpdf_oh e, int depth)
{
	qpdf_oh s, k;

	if (!Q->qpdf_oh_is_dictionary(w->q, e) || !Q->qpdf_oh_has_key(w->q, e, "/S"))
		return;
	/* an element reached twice would get two alts and could loop */
	if (Q->qpdf_oh_is_indirect(w->q, e) && S_seen(w, Q->qpdf_oh_get_object_id(w->q, e)))
		return;
	s = Q->qpdf_oh_get_key(w->q, e, "/S");
	if (Q->qpdf_oh_is_name(w->q, s) && S_is_figure(w, Q->qpdf_oh_get_name(w->q, s)) &&
	    w->p->alts != NULL && w->next < w->p->nalts) {
		const char *alt = w->p->alts[w->next++];

		if (alt != NULL) {
			qpdf_oh str = Q->qpdf_oh_new_unicode_string(w->q, alt);

			Q->qpdf_oh_replace_key(w->q, e, "/Alt", str);
			Q->qpdf_oh_release(w->q, str);
			if (!Q->qpdf_oh_is_indirect(w->q, e) || Q->qpdf_oh_get_generation(w->q, e) != 0)
				w->ch->rewrite = 1;
			else
				S_changed(w->ch, Q->qpdf_oh_get_object_id(w->q, e));
		}
	}
	Q->qpdf_oh_release(w->q, s);
	if (Q->qpdf_oh_has_key(w->q, e, "/K")) {
		k = Q->qpdf_oh_get_key(w->q, e, "/K");
		S_walk_kids(w, k, depth + 1);
		Q->qpdf_oh_release(w->q, k);
	}
}

/* Visit /K, which is one kid or an array of kids, in order. */
static void
S_walk_kids(struct walk *w, qpdf_oh k, int depth)
{
	if (depth > MAX_DEPTH) {
		w->toodeep = 1;
		return;
	}
	if (Q->qpdf_oh_is_array(w->q, k)) {
		int n = Q->qpdf_oh_get_array_n_items(w->q, k);

		/* once every alt is given, the rest of the tree need not be read */
		for (int i = 0; i < n && !w->toodeep && w->next < w->p->nalts; i++) {
			qpdf_oh item = Q->qpdf_oh_get_array_item(w->q, k, i);

			S_walk_elem(w, item, depth);
			Q->qpdf_oh_release(w->q, item);
		}
	} else
		S_walk_elem(w, k, depth);
}

/*
 * Give the Figure elements their alts in reading order, which is the order
 * of the structure tree.  Returns 0, or -1 if the tree is too deep.
 */
static int
S_alts(qpdf_data q, qpdf_oh root, const struct pdfpost *p, struct changed *ch)
{
	struct walk w;
	qpdf_oh tree = 0, k = 0;
	int rc = 0;

	memset(&w, 0, sizeof(w));
	w.q = q;
	w.p = p;
	w.ch = ch;
	if (p->nalts == 0 || !Q->qpdf_oh_has_key(q, root, "/StructTreeRoot"))
		return 0;
	tree = Q->qpdf_oh_get_key(q, root, "/StructTreeRoot");
	if (!Q->qpdf_oh_is_dictionary(q, tree) || !Q->qpdf_oh_has_key(q, tree, "/K"))
		goto out;
	if (Q->qpdf_oh_has_key(q, tree, "/RoleMap")) {
		w.rolemap = Q->qpdf_oh_get_key(q, tree, "/RoleMap");
		if (!Q->qpdf_oh_is_dictionary(q, w.rolemap)) {
			Q->qpdf_oh_release(q, w.rolemap);
			w.rolemap = 0;
		}
	}
	k = Q->qpdf_oh_get_key(q, tree, "/K");
	S_walk_kids(&w, k, 1);
	if (w.toodeep)
		rc = -1;
out:
	if (w.rolemap != 0)
		Q->qpdf_oh_release(q, w.rolemap);
	if (k != 0)
		Q->qpdf_oh_release(q, k);
	Q->qpdf_oh_release(q, tree);
	free(w.seen);
	return rc;
}

/* /Lang and /ViewerPreferences on the catalog; an existing ViewerPreferences keeps its other entries. */
static void
S_catalog(qpdf_data q, qpdf_oh root, const struct pdfpost *p, struct changed *ch)
{
	qpdf_oh vp, t;

	if (p->lang != NULL) {
		qpdf_oh lang = Q->qpdf_oh_new_unicode_string(q, p->lang);

		Q->qpdf_oh_replace_key(q, root, "/Lang", lang);
		Q->qpdf_oh_release(q, lang);
	}
	vp = Q->qpdf_oh_get_key(q, root, "/ViewerPreferences");
	if (!Q->qpdf_oh_is_dictionary(q, vp)) {
		Q->qpdf_oh_release(q, vp);
		vp = Q->qpdf_oh_new_dictionary(q);
		Q->qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
	} else if (Q->qpdf_oh_is_indirect(q, vp)) {
		if (Q->qpdf_oh_get_generation(q, vp) != 0)
			ch->rewrite = 1;
		S_changed(ch, Q->qpdf_oh_get_object_id(q, vp));
	}
	t = Q->qpdf_oh_new_bool(q, QPDF_TRUE);
	Q->qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", t);
	Q->qpdf_oh_release(q, t);
	Q->qpdf_oh_release(q, vp);
}

/*
 * A new /Metadata stream on the catalog, replacing any there was.  It is
 * left unfiltered: XMP is meant to be found by tools that do not parse PDF,
 * and qpdf does not compress metadata streams when it writes.
 */
static void
S_metadata(qpdf_data q, qpdf_oh root, const struct pdfpost *p)
{
	struct buf xmp = { 0 };
	qpdf_oh st, dict, v, null;

	S_xmp(&xmp, p);
	st = Q->qpdf_oh_new_stream(q);
	null = Q->qpdf_oh_new_null(q);
	Q->qpdf_oh_replace_stream_data(q, st, (const unsigned char *)buf_str(&xmp), xmp.len, null, null);
	dict = Q->qpdf_oh_get_dict(q, st);
	v = Q->qpdf_oh_new_name(q, "/Metadata");
	Q->qpdf_oh_replace_key(q, dict, "/Type", v);
	Q->qpdf_oh_release(q, v);
	v = Q->qpdf_oh_new_name(q, "/XML");
	Q->qpdf_oh_replace_key(q, dict, "/Subtype", v);
	Q->qpdf_oh_release(q, v);
	Q->qpdf_oh_replace_key(q, root, "/Metadata", st);
	Q->qpdf_oh_release(q, dict);
	Q->qpdf_oh_release(q, null);
	Q->qpdf_oh_release(q, st);
	buf_free(&xmp);
}

/* The whole file at PATH, or NULL with errno set. */
static char *
S_slurp(const char *path, size_t *n)
{
	struct stat sb;
	char *b;
	ssize_t r;
	size_t got = 0;
	int fd = open(path, O_RDONLY);

	if (fd == -1)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		if (errno == 0)
			errno = EINVAL;
		close(fd);
		return NULL;
	}
	b = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size && (r = read(fd, b + got, (size_t)sb.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	*n = got;
	return b;
}

/*
 * Where the cross-reference table of the file held in BYTES (N bytes)
 * starts, in *PREV: 0 when the file ends "startxref N %%EOF" and N is a
 * classic "xref" table, which an incremental update can extend; -1
 * otherwise.
 */
static int
S_tail(const char *bytes, size_t n, long long *prev)
{
	char tail[1025];
	const char *k, *hit = NULL;
	size_t from = n > 1024 ? n - 1024 : 0;

	if (n < 32)
		return -1;
	/* a copy ending in NUL, for strstr() */
	memcpy(tail, bytes + from, n - from);
	tail[n - from] = '\0';
	for (k = tail; (k = strstr(k, "startxref")) != NULL; k++)
		hit = k;
	if (hit == NULL)
		return -1;
	*prev = strtoll(hit + 9, NULL, 10);
	if (*prev <= 0 || (unsigned long long)*prev + 4 > n || memcmp(bytes + *prev, "xref", 4) != 0)
		return -1;
	return 0;
}

/*
 * 128 bits of an FNV-1a-style hash over N BYTES as 32 hex digits: the
 * file's /ID.  Eight bytes a step: a byte a step cost a whole percent of a
 * build, and the /ID only has to follow the bytes.
 */
static void
S_file_id(const char *bytes, size_t n, char out[33])
{
	uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, bytes + i, 8);
		h1 = (h1 ^ w) * 0x100000001b3ULL;
		h2 = (h2 ^ (w + 0x5b5b5b5b5b5b5b5bULL)) * 0x100000001b3ULL;
		h2 ^= h2 >> 29;
	}
	for (; i < n; i++) {
		unsigned char b = (unsigned char)bytes[i];

		h1 = (h1 ^ b) * 0x100000001b3ULL;
		h2 = (h2 ^ (unsigned char)(b + 0x5b)) * 0x100000001b3ULL;
	}
	/* the length too, so that files differing only in trailing zeros differ */
	h1 = (h1 ^ (uint64_t)n) * 0x100000001b3ULL;
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

static int
S_intcmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* One object of an incremental update: its number and its whole value. */
struct upd {
	int   id;
	char *text; /* owned */
};

static int
S_updcmp(const void *a, const void *b)
{
	int x = ((const struct upd *)a)->id, y = ((const struct upd *)b)->id;

	return (x > y) - (x < y);
}

/*
 * Append the objects U (N of them, in increasing number), the metadata
 * stream as object META, a cross-reference section and the trailer
 * dictionary TRAILER to PATH, whose bytes as read were LEN.  On a failure
 * the file is cut back to LEN.  Returns 0, or -1 after reporting.
 */
static int
S_write_update(const char *path, const struct upd *u, size_t n, int meta, const struct pdfpost *p,
    const char *trailer, off_t len, struct diag *d)
{
	struct buf b = { 0 }, xmp = { 0 }, xref = { 0 };
	long long at;
	int fd, rc = -1;

	/* one subsection per object: each entry exactly 20 bytes */
	buf_puts(&xref, "xref\n");
	for (size_t i = 0; i < n; i++) {
		at = (long long)len + (long long)b.len;
		buf_printf(&xref, "%d 1\n%010lld 00000 n \n", u[i].id, at);
		buf_printf(&b, "%d 0 obj\n%s\nendobj\n", u[i].id, u[i].text);
	}
	/* the XMP, unfiltered so that tools that do not parse PDF find it */
	S_xmp(&xmp, p);
	at = (long long)len + (long long)b.len;
	buf_printf(&xref, "%d 1\n%010lld 00000 n \n", meta, at);
	buf_printf(&b, "%d 0 obj\n<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n", meta, xmp.len);
	buf_add(&b, buf_str(&xmp), xmp.len);
	buf_puts(&b, "\nendstream\nendobj\n");
	buf_printf(&xref, "trailer\n%s\nstartxref\n%lld\n%%%%EOF\n", trailer, (long long)len + (long long)b.len);
	buf_add(&b, buf_str(&xref), xref.len);

	if ((fd = open(path, O_WRONLY | O_APPEND)) == -1) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		goto out;
	}
	if (write_all(fd, buf_str(&b), b.len) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		/* a half update would be a damaged file: cairo's is still whole below it */
		(void)ftruncate(fd, len);
		close(fd);
		goto out;
	}
	if (close(fd) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		(void)truncate(path, len);
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	buf_free(&xmp);
	buf_free(&xref);
	return rc;
}

/*
 * Append the changed objects CH (and the catalog ROOT), the metadata stream
 * as object META, a cross-reference section and a trailer to PATH, whose
 * bytes as read are BYTES (LEN of them) and whose previous table is at
 * PREV, the objects as qpdf writes them.  Returns 0, or -1 after reporting.
 */
static int
S_append(qpdf_data q, const char *path, qpdf_oh root, struct changed *ch, int meta,
    const struct pdfpost *p, long long prev, const char *bytes, off_t len, struct diag *d)
{
	struct upd *u;
	qpdf_oh trailer, v;
	char id[33], *ids, *tt = NULL;
	size_t nobj = 0;
	int rc = -1, rootid = Q->qpdf_oh_get_object_id(q, root);

	S_changed(ch, rootid);
	qsort(ch->ids, ch->n, sizeof(*ch->ids), S_intcmp);
	u = xcalloc(ch->n, sizeof(*u));
	for (size_t i = 0; i < ch->n; i++) {
		qpdf_oh o;
		const char *text;

		if (i > 0 && ch->ids[i] == ch->ids[i - 1])
			continue;
		o = Q->qpdf_get_object_by_id(q, ch->ids[i], 0);
		text = Q->qpdf_oh_unparse_resolved(q, o);
		if (Q->qpdf_has_error(q) || text == NULL) {
			Q->qpdf_oh_release(q, o);
			S_qpdf_error(q, d, DF_INTERNAL, path);
			goto out;
		}
		u[nobj].id = ch->ids[i];
		if (ch->ids[i] == rootid) {
			/* the catalog's dictionary, closed after the entry for the metadata */
			size_t tl = strlen(text);

			while (tl > 0 && (text[tl - 1] == ' ' || text[tl - 1] == '\n'))
				tl--;
			if (tl < 4 || strncmp(text, "<<", 2) != 0 || strncmp(text + tl - 2, ">>", 2) != 0) {
				Q->qpdf_oh_release(q, o);
				diag_msg(d, DF_INTERNAL, 0, 0, "PDF post-processing: the catalog is not a dictionary");
				goto out;
			}
			u[nobj].text = xasprintf("%.*s /Metadata %d 0 R >>", (int)(tl - 2), text, meta);
		} else
			u[nobj].text = xstrdup(text);
		nobj++;
		Q->qpdf_oh_release(q, o);
	}

	/* the same bytes in give the same /ID out */
	S_file_id(bytes, (size_t)len, id);
	trailer = Q->qpdf_get_trailer(q);
	v = Q->qpdf_oh_new_integer(q, meta + 1);
	Q->qpdf_oh_replace_key(q, trailer, "/Size", v);
	Q->qpdf_oh_release(q, v);
	v = Q->qpdf_oh_new_integer(q, prev);
	Q->qpdf_oh_replace_key(q, trailer, "/Prev", v);
	Q->qpdf_oh_release(q, v);
	ids = xasprintf("[<%s> <%s>]", id, id);
	v = Q->qpdf_oh_parse(q, ids);
	free(ids);
	Q->qpdf_oh_replace_key(q, trailer, "/ID", v);
	Q->qpdf_oh_release(q, v);
	{
		const char *t = Q->qpdf_oh_unparse_resolved(q, trailer);

		if (Q->qpdf_has_error(q) || t == NULL) {
			Q->qpdf_oh_release(q, trailer);
			S_qpdf_error(q, d, DF_INTERNAL, path);
			goto out;
		}
		tt = xstrdup(t);
	}
	Q->qpdf_oh_release(q, trailer);
	rc = S_write_update(path, u, nobj, meta, p, tt, len, d);
out:
	for (size_t i = 0; i < nobj; i++)
		free(u[i].text);
	free(u);
	free(tt);
	return rc;
}

/*
 * The fast path: cairo's file read with pdfread.c, the few changed objects
 * written by hand.  qpdf parsed every structure element on the way to the
 * Figures, a tenth of a build; here only the tree's own objects are read,
 * as tokens.  Whatever pdfread or this walk does not expect sends the file
 * to the qpdf path instead, which handles (and reports) everything.
 */
struct fast {
	const struct pdfread *r;
	const struct pdfpost *p;
	size_t                next;     /* index of the next alt to give */
	struct upd           *figs;     /* Figures given an alt: number and alt index in text (owned) */
	size_t                nfigs, cap;
	size_t                rm_at;    /* the role map's dictionary, or 0 */
	unsigned char        *seen;     /* one bit per object number already visited (owned) */
	int                   fail;     /* set when the qpdf path must take over */
};

/* Non-zero if structure type NAME is a Figure, directly or through the role map. */
static int
S_fast_is_figure(struct fast *f, const char *name)
{
	char cur[128];

	if (strlen(name) >= sizeof(cur))
		return 0;
	strcpy(cur, name);
	for (int i = 0; i < MAX_ROLES; i++) {
		size_t vat, vend, at, end;
		int num, rc;

		if (strcmp(cur, "/Figure") == 0)
			return 1;
		if (f->rm_at == 0)
			return 0;
		if ((rc = pdfread_dict_get(f->r, f->rm_at, cur, &vat, &vend)) <= 0) {
			f->fail |= rc < 0;
			return 0;
		}
		if (pdfread_resolve(f->r, vat, vend, &at, &end, &num) != 0) {
			f->fail = 1;
			return 0;
		}
		if (pdfread_name(f->r, at, end, cur, sizeof(cur)) != 0)
			return 0;
	}
	return 0;
}

static void S_fast_kids(struct fast *f, size_t at, size_t end, int depth);

/* As S_walk_elem: one kid at [AT, END), a reference or a direct value. */
static void
S_fast_elem(struct fast *f, size_t at, size_t end, int depth)
{
	size_t vat, vend, sat, send, s2at, s2end;
	char name[128];
	int num, snum, rc;

	if (pdfread_resolve(f->r, at, end, &vat, &vend, &num) != 0) {
		f->fail = 1;
		return;
	}
	if (vat + 1 >= vend || f->r->b[vat] != '<' || f->r->b[vat + 1] != '<')
		return;
	if ((rc = pdfread_dict_get(f->r, vat, "/S", &sat, &send)) <= 0) {
		f->fail |= rc < 0;
		return;
	}
	/* an element reached twice would get two alts and could loop */
	if (num != 0) {
		if (f->seen[num / 8] & (1u << (num % 8)))
			return;
		f->seen[num / 8] |= (unsigned char)(1u << (num % 8));
	}
	if (pdfread_resolve(f->r, sat, send, &s2at, &s2end, &snum) != 0) {
		f->fail = 1;
		return;
	}
	if (pdfread_name(f->r, s2at, s2end, name, sizeof(name)) == 0 && S_fast_is_figure(f, name) &&
	    f->p->alts != NULL && f->next < f->p->nalts) {
		size_t i = f->next++;

		if (f->p->alts[i] != NULL) {
			/* a direct element cannot be updated on its own: qpdf rewrites the file */
			if (num == 0) {
				f->fail = 1;
				return;
			}
			if (f->nfigs == f->cap) {
				f->cap = f->cap ? f->cap * 2 : 8;
				f->figs = xreallocarray(f->figs, f->cap, sizeof(*f->figs));
			}
			f->figs[f->nfigs].id = num;
			/* the alt's index, until the object's text is made */
			f->figs[f->nfigs++].text = (char *)(uintptr_t)i;
		}
	}
	if (f->fail)
		return;
	if ((rc = pdfread_dict_get(f->r, vat, "/K", &sat, &send)) < 0)
		f->fail = 1;
	else if (rc == 1)
		S_fast_kids(f, sat, send, depth + 1);
}

/* As S_walk_kids: /K at [AT, END), one kid or an array of kids. */
static void
S_fast_kids(struct fast *f, size_t at, size_t end, int depth)
{
	size_t vat, vend, pos = 0, iat, iend;
	int num, rc;

	/* too deep: the qpdf path reports it */
	if (depth > MAX_DEPTH) {
		f->fail = 1;
		return;
	}
	if (pdfread_resolve(f->r, at, end, &vat, &vend, &num) != 0) {
		f->fail = 1;
		return;
	}
	if (vat < vend && f->r->b[vat] == '[') {
		/* once every alt is given, the rest of the tree need not be read */
		while (!f->fail && f->next < f->p->nalts &&
		    (rc = pdfread_array_next(f->r, vat, &pos, &iat, &iend)) != 0) {
			if (rc < 0) {
				f->fail = 1;
				break;
			}
			S_fast_elem(f, iat, iend, depth);
		}
	} else
		S_fast_elem(f, at, end, depth);
}

/* Object numbers in the order of their offsets: the object holding a byte. */
struct objat {
	long long off;
	int       num;
};

static int
S_objatcmp(const void *a, const void *b)
{
	long long x = ((const struct objat *)a)->off, y = ((const struct objat *)b)->off;

	return (x > y) - (x < y);
}

/* Non-zero if the Info dictionary names cairo as the producer. */
static int
S_by_cairo(const struct pdfread *r)
{
	size_t vat, vend, iat, iend;
	int num;

	return pdfread_dict_get(r, r->tr_at, "/Info", &vat, &vend) == 1 &&
	    pdfread_resolve(r, vat, vend, &iat, &iend, &num) == 0 && r->b[iat] == '<' &&
	    pdfread_dict_get(r, iat, "/Producer", &vat, &vend) == 1 &&
	    vend - vat > 7 && memcmp(r->b + vat, "(cairo ", 7) == 0;
}

/*
 * The Figures of the structure tree of a file cairo wrote, in the tree's
 * order, without walking the tree (reading its 2,000 elements one by one
 * was most of the post-processing of an Agreement).  cairo numbers each
 * structure element as its tag opens and maps no roles, so the tree's
 * order is the order of the object numbers; each Figure's object holds
 * the bytes "/Figure".  Every object holding them is read, and counts if
 * it is a StructElem whose /S is /Figure.  Returns the number found, with
 * their object numbers ascending in *FIGS (caller frees), or -1 if the
 * file is not cairo's.  The caller walks the tree instead unless the count
 * is the number of Figures it drew.
 */
static long
S_scan_figures(const struct pdfread *r, int **figs)
{
	static const char pat[] = "/Figure";
	struct objat *ix;
	size_t nix = 0, cap = 0;
	long found = 0;
	const char *at = r->b, *end = r->b + r->n;
	int last = 0;

	*figs = NULL;
	if (!S_by_cairo(r))
		return -1;
	ix = xcalloc(r->size ? r->size : 1, sizeof(*ix));
	for (size_t i = 1; i < r->size; i++)
		if (r->offs[i] >= 0) {
			ix[nix].off = r->offs[i];
			ix[nix++].num = (int)i;
		}
	qsort(ix, nix, sizeof(*ix), S_objatcmp);
	while ((at = memchr(at, '/', (size_t)(end - at))) != NULL) {
		size_t hit = (size_t)(at - r->b), lo = 0, hi = nix, oat, oend, sat, send;
		char name[16];

		if ((size_t)(end - at) < sizeof(pat) - 1 || memcmp(at, pat, sizeof(pat) - 1) != 0) {
			at++;
			continue;
		}
		at += sizeof(pat) - 1;
		/* "/FigureX" is another name: a name ends at white space or a delimiter */
		if (at < end && *at != '\0' && strchr("\t\n\f\r ()<>[]{}/%", *at) == NULL)
			continue;
		/* the last object starting at or before the hit */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (ix[mid].off <= (long long)hit)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == 0 || ix[lo - 1].num == last)
			continue;
		last = ix[lo - 1].num;
		if (pdfread_object(r, last, &oat, &oend) != 0 || hit >= oend || r->b[oat] != '<' ||
		    pdfread_dict_get(r, oat, "/Type", &sat, &send) != 1 ||
		    pdfread_name(r, sat, send, name, sizeof(name)) != 0 || strcmp(name, "/StructElem") != 0 ||
		    pdfread_dict_get(r, oat, "/S", &sat, &send) != 1 ||
		    pdfread_name(r, sat, send, name, sizeof(name)) != 0 || strcmp(name, "/Figure") != 0)
			continue;
		if ((size_t)found == cap) {
			cap = cap ? cap * 2 : 8;
			*figs = xreallocarray(*figs, cap, sizeof(**figs));
		}
		(*figs)[found++] = last;
	}
	free(ix);
	if (found > 0)
		qsort(*figs, (size_t)found, sizeof(**figs), S_intcmp);
	return found;
}

/* One UTF-16 code unit as four hex digits. */
static void
S_hex16(struct buf *b, unsigned u)
{
	static const char hex[] = "0123456789ABCDEF";
	char s[4] = { hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15] };

	buf_add(b, s, 4);
}

/*
 * UTF-8 S as a PDF text string: a literal string if it is printable ASCII,
 * else UTF-16BE with its byte-order mark, in hex (ISO 32000-1, 7.9.2.2).
 */
static void
S_text_string(struct buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	int ascii = 1;

	for (const unsigned char *c = u; *c != '\0'; c++)
		if (*c < 0x20 || *c > 0x7e)
			ascii = 0;
	if (ascii) {
		buf_putc(b, '(');
		for (; *u != '\0'; u++) {
			if (*u == '(' || *u == ')' || *u == '\\')
				buf_putc(b, '\\');
			buf_putc(b, (char)*u);
		}
		buf_putc(b, ')');
		return;
	}
	buf_puts(b, "<FEFF");
	while (*u != '\0') {
		uint32_t cp;
		int more;

		/* malformed UTF-8 becomes U+FFFD, one per byte */
		if (*u < 0x80) {
			cp = *u;
			more = 0;
		} else if (*u >= 0xc2 && *u < 0xe0) {
			cp = *u & 0x1fu;
			more = 1;
		} else if (*u >= 0xe0 && *u < 0xf0) {
			cp = *u & 0x0fu;
			more = 2;
		} else if (*u >= 0xf0 && *u < 0xf5) {
			cp = *u & 0x07u;
			more = 3;
		} else {
			cp = 0xfffd;
			more = -1;
		}
		u++;
		for (int i = 0; i < more; i++) {
			if ((u[i] & 0xc0) != 0x80) {
				cp = 0xfffd;
				more = -1;
				break;
			}
			cp = (cp << 6) | (u[i] & 0x3fu);
		}
		if (more > 0) {
			u += more;
			/* overlong forms, surrogates and values past Unicode */
			if ((more == 2 && cp < 0x800) || (more == 3 && cp < 0x10000) ||
			    (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff)
				cp = 0xfffd;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			S_hex16(b, 0xd800u + (unsigned)(cp >> 10));
			S_hex16(b, 0xdc00u + (unsigned)(cp & 0x3ff));
		} else
			S_hex16(b, (unsigned)cp);
	}
	buf_putc(b, '>');
}

/*
 * The dictionary at AT with the entries named in DROP (a NULL-terminated
 * list) left out and the text ADD ("/Key value ...") added, as a new
 * string.  NULL if the dictionary is malformed.
 */
static char *
S_dict_edit(const struct pdfread *r, size_t at, const char *const *drop, const char *add)
{
	struct buf b = { 0 };
	size_t pos = 0, kat, kend, vat, vend;
	char name[128];
	int rc;

	buf_puts(&b, "<<");
	while ((rc = pdfread_dict_next(r, at, &pos, &kat, &kend, &vat, &vend)) == 1) {
		int keep = 1;

		if (pdfread_name(r, kat, kend, name, sizeof(name)) == 0)
			for (size_t i = 0; drop[i] != NULL; i++)
				if (strcmp(name, drop[i]) == 0)
					keep = 0;
		if (!keep)
			continue;
		buf_putc(&b, ' ');
		buf_add(&b, r->b + kat, kend - kat);
		buf_putc(&b, ' ');
		buf_add(&b, r->b + vat, vend - vat);
	}
	if (rc < 0) {
		buf_free(&b);
		return NULL;
	}
	buf_printf(&b, " %s >>", add);
	return b.s;
}

/*
 * The incremental update of the N BYTES at PATH without qpdf.  Returns 0
 * when done, -1 after reporting an error, 1 when the file is not one this
 * path handles (nothing written, nothing reported).
 */
static int
S_fast(const char *path, const char *bytes, size_t n, const struct pdfpost *p, struct diag *d)
{
	static const char *const cat_drop[] = { "/Lang", "/ViewerPreferences", "/Metadata", NULL };
	static const char *const cat_drop_nolang[] = { "/ViewerPreferences", "/Metadata", NULL };
	static const char *const alt_drop[] = { "/Alt", NULL };
	static const char *const tr_drop[] = { "/Size", "/Prev", "/ID", NULL };
	struct pdfread r;
	struct fast f;
	struct upd *u = NULL;
	struct buf add = { 0 };
	size_t vat, vend, cat, cend, nu = 0;
	long long meta;
	char id[33], *trailer = NULL;
	int root, num, rc = 1;

	if (pdfread_open(&r, bytes, n) != 0)
		return 1;
	memset(&f, 0, sizeof(f));
	f.r = &r;
	f.p = p;
	/* the catalog: an indirect dictionary without ViewerPreferences (which would need merging) */
	if (pdfread_dict_get(&r, r.tr_at, "/Root", &vat, &vend) != 1 || !pdfread_is_ref(&r, vat, &root) ||
	    pdfread_object(&r, root, &cat, &cend) != 0 || r.b[cat] != '<' ||
	    pdfread_dict_get(&r, cat, "/ViewerPreferences", &vat, &vend) != 0)
		goto out;
	/* the metadata stream is the next object number */
	if (pdfread_dict_get(&r, r.tr_at, "/Size", &vat, &vend) != 1 || pdfread_int(&r, vat, vend, &meta) != 0 ||
	    meta < 1 || meta > 8000000 || (size_t)meta < r.size)
		goto out;
	if (p->nalts > 0 && pdfread_dict_get(&r, cat, "/StructTreeRoot", &vat, &vend) == 1) {
		size_t tat, tend, kat, kend;

		if (pdfread_resolve(&r, vat, vend, &tat, &tend, &num) != 0)
			goto out;
		if (r.b[tat] == '<' && pdfread_dict_get(&r, tat, "/K", &kat, &kend) == 1) {
			if (pdfread_dict_get(&r, tat, "/RoleMap", &vat, &vend) == 1) {
				size_t mat, mend;

				if (pdfread_resolve(&r, vat, vend, &mat, &mend, &num) != 0)
					goto out;
				if (mend - mat >= 2 && r.b[mat] == '<' && r.b[mat + 1] == '<')
					f.rm_at = mat;
			}
			int *figs = NULL;
			long nf = f.rm_at == 0 ? S_scan_figures(&r, &figs) : -1;

			if (nf >= 0 && (size_t)nf == p->nalts) {
				/* as the walk gives them: the Nth Figure the Nth alt, if it has one */
				for (long i = 0; i < nf; i++) {
					if (p->alts[i] == NULL)
						continue;
					if (f.nfigs == f.cap) {
						f.cap = f.cap ? f.cap * 2 : 8;
						f.figs = xreallocarray(f.figs, f.cap, sizeof(*f.figs));
					}
					f.figs[f.nfigs].id = figs[i];
					f.figs[f.nfigs++].text = (char *)(uintptr_t)i;
				}
			} else {
				f.seen = xcalloc(r.size / 8 + 1, 1);
				S_fast_kids(&f, kat, kend, 1);
			}
			free(figs);
			if (f.fail)
				goto out;
		}
	}

	u = xcalloc(f.nfigs + 1, sizeof(*u));
	for (size_t i = 0; i < f.nfigs; i++) {
		size_t eat, eend;

		/* a Figure that is the catalog too is nothing cairo writes */
		if (f.figs[i].id == root || pdfread_object(&r, f.figs[i].id, &eat, &eend) != 0)
			goto out;
		add.len = 0;
		buf_puts(&add, "/Alt ");
		S_text_string(&add, p->alts[(uintptr_t)f.figs[i].text]);
		u[nu].id = f.figs[i].id;
		if ((u[nu].text = S_dict_edit(&r, eat, alt_drop, buf_str(&add))) == NULL)
			goto out;
		nu++;
	}
	/* the catalog: /Lang, DisplayDocTitle, and the metadata stream that follows */
	add.len = 0;
	if (p->lang != NULL) {
		buf_puts(&add, "/Lang ");
		S_text_string(&add, p->lang);
		buf_putc(&add, ' ');
	}
	buf_printf(&add, "/ViewerPreferences << /DisplayDocTitle true >> /Metadata %lld 0 R", meta);
	u[nu].id = root;
	if ((u[nu].text = S_dict_edit(&r, cat, p->lang != NULL ? cat_drop : cat_drop_nolang, buf_str(&add))) == NULL)
		goto out;
	nu++;
	qsort(u, nu, sizeof(*u), S_updcmp);

	/* the same bytes in give the same /ID out */
	S_file_id(bytes, n, id);
	add.len = 0;
	buf_printf(&add, "/ID [<%s> <%s>] /Prev %lld /Size %lld", id, id, r.xref, meta + 1);
	if ((trailer = S_dict_edit(&r, r.tr_at, tr_drop, buf_str(&add))) == NULL)
		goto out;
	rc = S_write_update(path, u, nu, (int)meta, p, trailer, (off_t)n, d) == 0 ? 0 : -1;
out:
	for (size_t i = 0; i < nu; i++)
		free(u[i].text);
	free(u);
	free(f.figs);
	free(f.seen);
	free(trailer);
	buf_free(&add);
	pdfread_close(&r);
	return rc;
}

/* Write the whole file anew with qpdf, beside PATH, and rename it over PATH. */
static int
S_rewrite(qpdf_data q, const char *path, struct diag *d)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	struct stat sb;
	int fd, rc = -1;

	if ((fd = mkstemp(tmp)) == -1) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		free(tmp);
		return -1;
	}
	/* mkstemp makes 0600; the rewritten file keeps the mode the original had */
	if (stat(path, &sb) == 0)
		(void)fchmod(fd, sb.st_mode & 07777);
	close(fd);
	if (Q->qpdf_init_write(q, tmp) & QPDF_ERRORS) {
		S_qpdf_error(q, d, DF_WRITE, path);
		goto out;
	}
	/* the /ID is a hash of the contents, so the same input gives the same bytes */
	Q->qpdf_set_deterministic_ID(q, QPDF_TRUE);
	Q->qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	/* cairo compressed its streams already: copy them as they are */
	Q->qpdf_set_decode_level(q, qpdf_dl_none);
	if (Q->qpdf_write(q) & QPDF_ERRORS) {
		S_qpdf_error(q, d, DF_WRITE, path);
		goto out;
	}
	if (rename(tmp, path) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	(void)unlink(tmp);
	free(tmp);
	return rc;
}

int
pdfpost_apply(const char *path, const struct pdfpost *p, struct diag *d)
{
	qpdf_data q = NULL;
	struct changed ch = { 0 };
	qpdf_oh root, trailer, size;
	const char *dlwhy;
	char *bytes = NULL;
	size_t nbytes = 0;
	long long prev = 0, meta = 0;
	int incremental, rc = -1;

	/*
	 * From memory: qpdf reads each object it resolves with a seek and
	 * small reads, tens of thousands of system calls on a file.
	 */
	if ((bytes = S_slurp(path, &nbytes)) == NULL) {
		char *why = xasprintf("%s: %s", path, strerror(errno));

		diag_msg(d, DF_READ, 0, 0, why);
		free(why);
		goto out;
	}
	/* cairo's own file needs no qpdf at all */
	if ((rc = S_fast(path, bytes, nbytes, p, d)) != 1)
		goto out;
	rc = -1;
	if ((Q = qpdfdl_get(&dlwhy)) == NULL) {
		char *t = xasprintf("PDF post-processing: libqpdf cannot be loaded: %s", dlwhy);

		diag_msg(d, DF_INTERNAL, 0, 0, t);
		free(t);
		goto out;
	}
	q = Q->qpdf_init();
	/* errors are checked after each step here, not printed by the library */
	Q->qpdf_silence_errors(q);
	/* warnings are collected and reported below, never printed by qpdf itself */
	Q->qpdf_set_suppress_warnings(q, QPDF_TRUE);
	/* the input is cairo's fresh output: a file that needs repair is a bug upstream, not something to paper over */
	Q->qpdf_set_attempt_recovery(q, QPDF_FALSE);
	/* cairo writes a classic cross-reference table: anything else is rewritten whole */
	incremental = S_tail(bytes, nbytes, &prev) == 0;
	if (Q->qpdf_read_memory(q, path, bytes, (unsigned long long)nbytes, NULL) & QPDF_ERRORS) {
		S_qpdf_error(q, d, DF_READ, path);
		goto out;
	}
	if (Q->qpdf_is_encrypted(q)) {
		diag_msg(d, DF_INTERNAL, 0, 0, "PDF post-processing: the PDF is encrypted");
		goto out;
	}
	root = Q->qpdf_get_root(q);
	if (Q->qpdf_has_error(q)) {
		S_qpdf_error(q, d, DF_INTERNAL, path);
		goto out;
	}
	if (!Q->qpdf_oh_is_dictionary(q, root) || !Q->qpdf_oh_is_indirect(q, root)) {
		diag_msg(d, DF_INTERNAL, 0, 0, "PDF post-processing: the PDF has no catalog");
		goto out;
	}
	/* the metadata stream is the next object number */
	trailer = Q->qpdf_get_trailer(q);
	size = Q->qpdf_oh_get_key(q, trailer, "/Size");
	if (Q->qpdf_oh_is_integer(q, size))
		meta = Q->qpdf_oh_get_int_value(q, size);
	Q->qpdf_oh_release(q, size);
	Q->qpdf_oh_release(q, trailer);
	if (meta < 1 || meta > 8000000)
		incremental = 0;
	S_catalog(q, root, p, &ch);
	if (S_alts(q, root, p, &ch) != 0) {
		char *t = xasprintf("PDF post-processing: the structure tree is nested more than %d deep",
		    MAX_DEPTH);

		diag_msg(d, DF_INTERNAL, 0, 0, t);
		free(t);
		goto out;
	}
	if (ch.rewrite || Q->qpdf_oh_get_generation(q, root) != 0)
		incremental = 0;
	/*
	 * Appended, the catalog names the metadata stream it is followed by
	 * (S_append); qpdf cannot hold a reference to an object it has not
	 * made (it fails as it frees the document), so it is written there.
	 */
	if (incremental)
		Q->qpdf_oh_remove_key(q, root, "/Metadata");
	else
		S_metadata(q, root, p);
	if (Q->qpdf_has_error(q)) {
		S_qpdf_error(q, d, DF_INTERNAL, path);
		goto out;
	}
	rc = incremental ? S_append(q, path, root, &ch, (int)meta, p, prev, bytes, (off_t)nbytes, d) :
	    S_rewrite(q, path, d);
out:
	if (q != NULL) {
		S_qpdf_warnings(q, d);
		Q->qpdf_cleanup(&q);
	}
	free(ch.ids);
	/* qpdf reads from it until it is cleaned up */
	free(bytes);
	return rc;
}
