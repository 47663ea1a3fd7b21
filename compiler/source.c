/* source.c: line index over a source's bytes, used to give columns to messages about nodes. */
#include "source.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

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
S_linecol(const struct source *s, size_t off, long *line, long *col)
{
	size_t lo = 0, hi = s->nlines;
	long c = 1;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (size_t i = s->lines[lo]; i < off; i++)
		if (((unsigned char)s->bytes[i] & 0xC0) != 0x80)
			c++;
	*line = (long)lo + 1;
	*col = c;
}

/*
 * How many elements named like N start on N's line before it, in document
 * order: several <figure>s on one line each get their own column.
 */
static int
S_count_before(const xmlNode *cur, const xmlNode *n, long line, long *k)
{
	for (; cur != NULL; cur = cur->next) {
		if (cur == n)
			return 1;
		if (cur->type != XML_ELEMENT_NODE)
			continue;
		if (xmlGetLineNo(cur) == line && strcmp((const char *)cur->name, (const char *)n->name) == 0)
			(*k)++;
		if (S_count_before(cur->children, n, line, k))
			return 1;
	}
	return 0;
}

void
source_pos(const struct source *s, const xmlNode *n, const char *attr,
    long *line, long *col)
{
	long l = n ? xmlGetLineNo(n) : 0;
	char tag[256];
	size_t taglen, end, start = (size_t)-1;

	*line = l > 0 ? l : 0;
	*col = 0;
	if (s == NULL || s->bytes == NULL || n == NULL || l <= 0 || (size_t)l > s->nlines)
		return;
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(tag, sizeof(tag), "<%s:%s", n->ns->prefix, n->name);
	else
		snprintf(tag, sizeof(tag), "<%s", n->name);
	taglen = strlen(tag);

	end = (size_t)l < s->nlines ? s->lines[l] : s->len;
	/* the k-th "<name" on the line, when the start tag is on one line */
	{
		long k = 0, seen = 0;

		S_count_before(xmlDocGetRootElement(n->doc), n, l, &k);
		for (size_t i = s->lines[l - 1]; i + taglen <= end; i++)
			if (s->bytes[i] == '<' && memcmp(s->bytes + i, tag, taglen) == 0 &&
			    !S_namechar(s->bytes[i + taglen]) && seen++ == k) {
				start = i;
				break;
			}
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
	if (start == (size_t)-1)
		return;
	if (attr != NULL) {
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
			    !S_namechar(s->bytes[i + alen])) {
				S_linecol(s, i, line, col);
				return;
			}
		}
	}
	S_linecol(s, start, line, col);
}

void
source_msg(struct source *s, const xmlNode *n, const char *attr,
    enum diag_id id, ...)
{
	va_list ap;
	long line, col;

	source_pos(s, n, attr, &line, &col);
	va_start(ap, id);
	diag_vmsg(s->d, id, line, col, ap);
	va_end(ap);
}
