/* source.c: line index over a source's bytes, used to give columns to messages about nodes. */
#include "source.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "util.h"

/* Each element's ordinal among same-named elements on its line (see S_ordinal()). */
struct ordinals {
	const xmlNode **node;   /* open addressing by pointer */
	long           *k;
	size_t          cap;
};


static void S_free_tagoffs(void *, const xmlChar *);

void
source_index(struct source *s, char *bytes, size_t len)
{
	size_t cap = 64;

	s->bytes = bytes;
	s->len = len;
	s->lines = xreallocarray(NULL, cap, sizeof(*s->lines));
	s->nlines = 0;
	s->lines[s->nlines++] = 0;
	for (size_t i = 0; i < len; i++)
		if (bytes[i] == '\n') {
			if (s->nlines == cap) {
				cap *= 2;
				s->lines = xreallocarray(s->lines, cap, sizeof(*s->lines));
			}
			s->lines[s->nlines++] = i + 1;
		}
}

void
source_free(struct source *s)
{
	if (s->tagoffs != NULL) {
		xmlHashFree(s->tagoffs, S_free_tagoffs);
		s->tagoffs = NULL;
	}
	if (s->ordinals != NULL) {
		free(s->ordinals->node);
		free(s->ordinals->k);
		free(s->ordinals);
		s->ordinals = NULL;
	}
	free(s->origins);
	for (size_t i = 0; i < s->nofiles; i++)
		free(s->ofiles[i]);
	free(s->ofiles);
	s->origins = NULL;
	s->ofiles = NULL;
	s->norigins = s->nofiles = 0;
	free(s->bytes);
	free(s->lines);
	if (s->doc != NULL)
		xmlFreeDoc(s->doc);
	s->bytes = NULL;
	s->lines = NULL;
	s->doc = NULL;
}

static int
S_namechar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':' ||
	    (unsigned char)c >= 0x80;
}

/* Offset to line and UTF-8 character column, both 1-based. */
static void
S_linecol(const struct source *cs, size_t off, long *line, long *col)
{
	struct source *s = (struct source *)cs;
	size_t lo = 0, hi = s->nlines, from;
	long c = 1;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	/*
	 * Count characters on from the last position asked for on this line,
	 * when it is before this one: messages come mostly in order, and a long
	 * line must not be counted again from its start each time.
	 */
	from = s->lines[lo];
	if (s->lc_off >= from && s->lc_off <= off && s->lc_col > 0) {
		from = s->lc_off;
		c = s->lc_col;
	}
	for (size_t i = from; i < off; i++)
		if (((unsigned char)s->bytes[i] & 0xC0) != 0x80)
			c++;
	s->lc_off = off;
	s->lc_col = c;
	*line = (long)lo + 1;
	*col = c;
}

/*
 * How many elements named like N start on N's line before it, in document
 * order: several <figure>s on one line each get their own column.  The
 * ordinals of the whole document are counted once, on the first message,
 * so that many messages stay linear.
 */
static size_t
S_slot(const struct ordinals *o, const xmlNode *n)
{
	size_t h = ((size_t)(uintptr_t)n >> 4) * 2654435761u;

	for (h &= o->cap - 1; o->node[h] != NULL && o->node[h] != n; h = (h + 1) & (o->cap - 1))
		;
	return h;
}

static size_t
S_elements(const xmlNode *cur)
{
	size_t count = 0;

	for (; cur != NULL; cur = cur->next)
		if (cur->type == XML_ELEMENT_NODE)
			count += 1 + S_elements(cur->children);
	return count;
}

static void
S_count(struct ordinals *o, xmlHashTablePtr last, const xmlNode *cur)
{
	for (; cur != NULL; cur = cur->next) {
		char key[300];
		long *seen;
		size_t h;

		if (cur->type != XML_ELEMENT_NODE)
			continue;
		/* the ordinal of this element among same-named ones on its line */
		snprintf(key, sizeof(key), "%ld %s", xmlGetLineNo(cur), (const char *)cur->name);
		seen = xmlHashLookup(last, (const xmlChar *)key);
		if (seen == NULL) {
			seen = xcalloc(1, sizeof(*seen));
			xmlHashAddEntry(last, (const xmlChar *)key, seen);
		}
		h = S_slot(o, cur);
		o->node[h] = cur;
		o->k[h] = (*seen)++;
		S_count(o, last, cur->children);
	}
}

static void
S_free_seen(void *p, const xmlChar *name)
{
	(void)name;
	free(p);
}

static long
S_ordinal(const struct source *cs, const xmlNode *n)
{
	struct source *s = (struct source *)cs;
	struct ordinals *o = s->ordinals;
	size_t h;

	if (o == NULL) {
		size_t count = S_elements(xmlDocGetRootElement(n->doc));
		xmlHashTablePtr last = xmlHashCreate(256);

		o = xcalloc(1, sizeof(*o));
		for (o->cap = 64; o->cap < count * 2; o->cap *= 2)
			;
		o->node = xcalloc(o->cap, sizeof(*o->node));
		o->k = xcalloc(o->cap, sizeof(*o->k));
		S_count(o, last, xmlDocGetRootElement(n->doc));
		xmlHashFree(last, S_free_seen);
		s->ordinals = o;
	}
	h = S_slot(o, n);
	return o->node[h] == n ? o->k[h] : 0;
}

/* Where one tag name starts on one line (see S_offset()). */
struct tagoffs {
	size_t *off;
	size_t  n;
};

static void
S_free_tagoffs(void *p, const xmlChar *name)
{
	struct tagoffs *to = p;

	(void)name;
	free(to->off);
	free(to);
}

static const struct tagoffs *
S_tagoffs(struct source *s, long l, const char *tag, size_t taglen, size_t end)
{
	char key[300];
	struct tagoffs *to;
	size_t cap = 0;

	if (s->tagoffs == NULL)
		s->tagoffs = xmlHashCreate(256);
	snprintf(key, sizeof(key), "%ld %s", l, tag);
	if ((to = xmlHashLookup(s->tagoffs, (const xmlChar *)key)) != NULL)
		return to;
	to = xcalloc(1, sizeof(*to));
	for (size_t i = s->lines[l - 1]; i + taglen <= end; i++)
		if (s->bytes[i] == '<' && memcmp(s->bytes + i, tag, taglen) == 0 &&
		    (i + taglen == s->len || !S_namechar(s->bytes[i + taglen]))) {
			if (to->n == cap) {
				cap = cap ? cap * 2 : 8;
				to->off = xreallocarray(to->off, cap, sizeof(*to->off));
			}
			to->off[to->n++] = i;
		}
	xmlHashAddEntry(s->tagoffs, (const xmlChar *)key, to);
	return to;
}

/*
 * The byte offset of element N's start tag or, with ATTR, of that
 * attribute's name on it; (size_t)-1 when the source text does not show it.
 */
static size_t
S_offset(const struct source *s, const xmlNode *n, const char *attr)
{
	long l;

	/* an element csdoc made is reported where its node says (compute_add_figure) */
	if (n != NULL && n->type == XML_ELEMENT_NODE && n->_private != NULL) {
		n = n->_private;
		attr = NULL;
	}
	l = n ? xmlGetLineNo(n) : 0;
	char tag[256];
	size_t taglen, end, start = (size_t)-1;

	if (s == NULL || s->bytes == NULL || n == NULL || l <= 0 || (size_t)l > s->nlines)
		return (size_t)-1;
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(tag, sizeof(tag), "<%s:%s", n->ns->prefix, n->name);
	else
		snprintf(tag, sizeof(tag), "<%s", n->name);
	taglen = strlen(tag);

	end = (size_t)l < s->nlines ? s->lines[l] : s->len;
	/*
	 * The k-th "<name" on the line, when the start tag is on one line.  The
	 * offsets of each tag on a line are found once: a document written on
	 * one long line must not be rescanned for every message.
	 */
	{
		long k = S_ordinal(s, n);
		const struct tagoffs *to = S_tagoffs((struct source *)s, l, tag, taglen, end);

		if (k >= 0 && (size_t)k < to->n)
			start = to->off[k];
	}
	/*
	 * Otherwise the tag began on an earlier line (libxml2 gives the line
	 * where the start tag ends): look back from the end of that line for
	 * the last "<name" that is a whole tag name.
	 */
	for (size_t i = end; start == (size_t)-1 && i-- > 0;) {
		if (s->bytes[i] == '<' && i + taglen <= s->len &&
		    memcmp(s->bytes + i, tag, taglen) == 0 &&
		    (i + taglen == s->len || !S_namechar(s->bytes[i + taglen]))) {
			start = i;
			break;
		}
		/* do not wander further back than a few dozen lines */
		if (s->lines[l - 1] > i && s->lines[l - 1] - i > 8192)
			break;
	}
	if (start == (size_t)-1 || attr == NULL)
		return start;
	{
		size_t alen = strlen(attr);

		for (size_t i = start + taglen; i < s->len && s->bytes[i] != '>'; i++) {
			if (s->bytes[i] == '"' || s->bytes[i] == '\'') {
				/* skip a quoted value */
				char q = s->bytes[i];

				for (i++; i < s->len && s->bytes[i] != q; i++)
					;
				continue;
			}
			if (!S_namechar(s->bytes[i - 1]) && i + alen < s->len &&
			    memcmp(s->bytes + i, attr, alen) == 0 &&
			    !S_namechar(s->bytes[i + alen]))
				return i;
		}
	}
	return start;
}

void
source_pos(const struct source *s, const xmlNode *n, const char *attr,
    long *line, long *col)
{
	long l;
	size_t off;

	if (n != NULL && n->type == XML_ELEMENT_NODE && n->_private != NULL) {
		n = n->_private;
		attr = NULL;
	}
	l = n ? xmlGetLineNo(n) : 0;
	off = S_offset(s, n, attr);

	*line = l > 0 ? l : 0;
	*col = 0;
	if (off != (size_t)-1)
		S_linecol(s, off, line, col);
}

/* Bytes of the UTF-8 encoding of code point CP. */
static size_t
S_utf8len(unsigned long cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

void
source_value_pos(const struct source *s, const xmlNode *n, const char *attr,
    size_t off, long *line, long *col)
{
	size_t i = S_offset(s, n, attr), got = 0;
	char q;

	source_pos(s, n, attr, line, col);
	if (i == (size_t)-1 || attr == NULL)
		return;
	/* past the name, "=" and white space to the opening quote */
	i += strlen(attr);
	while (i < s->len && (s->bytes[i] == ' ' || s->bytes[i] == '\t' || s->bytes[i] == '\n' ||
	    s->bytes[i] == '\r' || s->bytes[i] == '='))
		i++;
	if (i >= s->len || (s->bytes[i] != '"' && s->bytes[i] != '\''))
		return;
	q = s->bytes[i++];
	/*
	 * Walk the raw value as the parser read it: an entity or character
	 * reference is one character, a line end or tab is one space.
	 */
	while (i < s->len && s->bytes[i] != q && got < off) {
		if (s->bytes[i] == '&') {
			const char *semi = memchr(s->bytes + i, ';', s->len - i);
			unsigned long cp = 0;

			if (semi == NULL)
				break;
			if (s->bytes[i + 1] == '#')
				cp = s->bytes[i + 2] == 'x' ? strtoul(s->bytes + i + 3, NULL, 16) :
				    strtoul(s->bytes + i + 2, NULL, 10);
			got += S_utf8len(cp);
			i = (size_t)(semi - s->bytes) + 1;
		} else if (s->bytes[i] == '\r' && i + 1 < s->len && s->bytes[i + 1] == '\n') {
			got++;
			i += 2;
		} else {
			got++;
			i++;
		}
	}
	S_linecol(s, i, line, col);
}

static int
S_origin_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct source_origin *)a)->node;
	uintptr_t y = (uintptr_t)((const struct source_origin *)b)->node;

	return x < y ? -1 : x > y;
}

void
source_origins_sort(struct source *s)
{
	if (s->norigins > 1)
		qsort(s->origins, s->norigins, sizeof(*s->origins), S_origin_cmp);
}

/* The origin of N, or of the element it is in, if it was made from another file. */
static const struct source_origin *
S_origin(const struct source *s, const xmlNode *n)
{
	for (int up = 0; s->norigins > 0 && n != NULL && up < 3; up++, n = n->parent) {
		struct source_origin key = { n, NULL, 0, 0 };
		const struct source_origin *o = bsearch(&key, s->origins, s->norigins, sizeof(key), S_origin_cmp);

		if (o != NULL)
			return o;
	}
	return NULL;
}

void
source_msg(struct source *s, const xmlNode *n, const char *attr,
    enum diag_id id, ...)
{
	va_list ap;
	long line, col;

	const struct source_origin *o = S_origin(s, n);

	va_start(ap, id);
	if (o != NULL) {
		/* a message about a cell of a CSV file is reported in that file */
		struct diag od;

		diag_init(&od, o->file);
		diag_vmsg(&od, id, o->line, o->col, ap);
		diag_absorb(s->d, &od);
		diag_free(&od);
	} else {
		source_pos(s, n, attr, &line, &col);
		diag_vmsg(s->d, id, line, col, ap);
	}
	va_end(ap);
}
