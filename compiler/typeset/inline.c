/* inline.c: inline content (b, i, u, sup, sub, link, br, page numbers) into pango text and attributes. */
#include "typeset/layout.h"

#include <stdlib.h>
#include <string.h>

#include "typeset/typeset.h"
#include "util.h"

/*
 * The text is built by hand with a PangoAttrList, never as pango markup, so
 * that nothing in the source can be read as markup.
 */
struct ib {
	struct buf            t;      /* UTF-8 text so far */
	PangoAttrList        *al;     /* attributes (owned until handed to the layout) */
	int                   space;  /* text is empty or ends in a space: drop spaces */
	const struct ts_doc  *doc;
	struct ts_blk        *b;      /* receives the links; NULL for running text */
	int                   page, count;
};

#define LINK_COLOUR 0x1a4f9c

/* Append S, collapsing runs of XML white space into one space as HTML does. */
static void
S_text(struct ib *ib, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (!ib->space)
				buf_putc(&ib->t, ' ');
			ib->space = 1;
		} else {
			buf_putc(&ib->t, *s);
			ib->space = 0;
		}
	}
}

static void
S_attr(struct ib *ib, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(ib->al, a);
}

/*
 * An href as cairo needs it: cairo 1.16 writes the URI into a PDF string
 * without escaping, and its attribute parser ends strings at a quote, so
 * everything but plain ASCII is percent-encoded.
 */
static char *
S_uri(const char *s)
{
	struct buf u = { NULL, 0, 0 };
	char *r;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p > 0x20 && *p < 0x7f && strchr("()\\'\"<>{}|^`", *p) == NULL)
			buf_putc(&u, (char)*p);
		else
			buf_printf(&u, "%%%02X", *p);
	}
	r = xstrdup(buf_str(&u));
	buf_free(&u);
	return r;
}

static int
S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, TS_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

static void
S_inline(struct ib *ib, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		size_t start = ib->t.len;

		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				S_text(ib, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_is(c, "br")) {
			/* U+2028 breaks the line without starting a paragraph. */
			buf_puts(&ib->t, "\xe2\x80\xa8");
			ib->space = 1;
			continue;
		}
		if (S_is(c, "page-number") || S_is(c, "page-count")) {
			buf_printf(&ib->t, "%d", S_is(c, "page-number") ? ib->page : ib->count);
			ib->space = 0;
			continue;
		}
		S_inline(ib, c);
		if (ib->t.len == start)
			continue;
		if (S_is(c, "b"))
			S_attr(ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, ib->t.len);
		else if (S_is(c, "i"))
			S_attr(ib, pango_attr_style_new(PANGO_STYLE_ITALIC), start, ib->t.len);
		else if (S_is(c, "u"))
			S_attr(ib, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, ib->t.len);
		else if (S_is(c, "sup") || S_is(c, "sub")) {
			/* At 70%: sup raised by a third of the body size, sub lowered by a sixth. */
			int rise = (int)(ib->doc->size / 3 * PANGO_SCALE);

			S_attr(ib, pango_attr_rise_new(S_is(c, "sup") ? rise : -rise / 2),
			    start, ib->t.len);
			S_attr(ib, pango_attr_scale_new(0.7), start, ib->t.len);
		} else if (S_is(c, "link")) {
			xmlChar *href = xmlGetNoNsProp(c, (const xmlChar *)"href");
			struct ts_link *l;

			S_attr(ib, pango_attr_foreground_new((LINK_COLOUR >> 16) * 257,
			    (LINK_COLOUR >> 8 & 0xff) * 257, (LINK_COLOUR & 0xff) * 257),
			    start, ib->t.len);
			S_attr(ib, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, ib->t.len);
			if (ib->b != NULL && href != NULL) {
				ib->b->links = xreallocarray(ib->b->links, ib->b->nlinks + 1,
				    sizeof(*ib->b->links));
				l = &ib->b->links[ib->b->nlinks++];
				l->start = (unsigned)start;
				l->end = (unsigned)ib->t.len;
				l->uri = NULL;
				l->target = NULL;
				if (href[0] == '#')
					l->target = ts_find_id(ib->doc, (const char *)href + 1);
				else
					l->uri = S_uri((const char *)href);
			}
			xmlFree(href);
		}
	}
}

static PangoFontDescription *
S_font(const struct ts_doc *doc, const struct ts_style *st)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, doc->font);
	pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
	pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, st->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}

/* May a run of text be cut into two pango items before C (after PREV)? */
static int
S_cut_ok(gunichar prev, gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_ARABIC:   /* letters join their neighbours */
	case G_UNICODE_SCRIPT_SYRIAC:
	case G_UNICODE_SCRIPT_NKO:
	case G_UNICODE_SCRIPT_MONGOLIAN:
	case G_UNICODE_SCRIPT_MANDAIC:
		return 0;
	default:
		break;
	}
	return !g_unichar_ismark(c) && c != 0x200d && prev != 0x200d &&
	    !(c >= 0xfe00 && c <= 0xfe0f) && !(c >= 0x1f3fb && c <= 0x1f3ff) &&
	    !(c >= 0xe0000 && c <= 0xe01ef) && g_unichar_combining_class(prev) != 9;
}

/*
 * Pango shapes what is left of an item again for every line it breaks, so
 * a long word set a character a line in a narrow column costs the square
 * of its length (a 10,000-character word took seconds).  Runs without a
 * space longer than LONG_RUN bytes are cut into items of about CHUNK bytes
 * with an attribute that changes nothing else (fallback is on already);
 * ordinary words are never touched.
 */
#define LONG_RUN 200
#define CHUNK    64

static void
S_chunk_long_runs(struct ib *ib)
{
	const char *s = ib->t.s;
	size_t i = 0, n = ib->t.len;

	while (i < n) {
		size_t start, end, cut;
		gunichar prev = 0;

		while (i < n && s[i] == ' ')
			i++;
		start = i;
		while (i < n && s[i] != ' ' && strncmp(s + i, "\xe2\x80\xa8", 3) != 0)
			i++;
		end = i;
		if (i < n && s[i] != ' ')
			i += 3;   /* the line separator */
		if (end - start <= LONG_RUN)
			continue;
		cut = start;
		for (const char *p = s + start; p < s + end; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);
			size_t at = (size_t)(p - s);

			if (at - cut >= CHUNK && S_cut_ok(prev, c)) {
				S_attr(ib, pango_attr_fallback_new(TRUE), cut, at);
				cut = at;
			}
			prev = c;
		}
		if (cut > start)
			S_attr(ib, pango_attr_fallback_new(TRUE), cut, end);
	}
}

static PangoLayout *
S_finish(PangoContext *ctx, const struct ts_doc *doc, struct ib *ib,
    const struct ts_style *st)
{
	PangoLayout *lay = pango_layout_new(ctx);
	PangoFontDescription *fd = S_font(doc, st);

	/* Trailing space would count in the line's width and break alignment. */
	while (ib->t.len > 0 && ib->t.s[ib->t.len - 1] == ' ')
		ib->t.s[--ib->t.len] = '\0';
	if (ib->t.s != NULL && g_utf8_validate(ib->t.s, (gssize)ib->t.len, NULL))
		S_chunk_long_runs(ib);
	pango_layout_set_text(lay, buf_str(&ib->t), (int)ib->t.len);
	pango_layout_set_attributes(lay, ib->al);
	pango_attr_list_unref(ib->al);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
	/* A word longer than the line is broken rather than overflowing. */
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	/* Leading: 0.15 em between lines, about 1.27 em from baseline to baseline. */
	pango_layout_set_spacing(lay, (int)(st->size * 0.15 * PANGO_SCALE));
	switch (st->align) {
	case 1:
		pango_layout_set_alignment(lay, PANGO_ALIGN_RIGHT);
		break;
	case 2:
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
		break;
	case 3:
		pango_layout_set_justify(lay, TRUE);
		break;
	default:
		break;
	}
	buf_free(&ib->t);
	return lay;
}

PangoLayout *
ts_inline_layout(PangoContext *ctx, const struct ts_doc *doc, struct ts_blk *b,
    const struct ts_style *st, xmlNodePtr node, const char *plain,
    const char *suffix, int page, int count)
{
	struct ib ib;

	memset(&ib, 0, sizeof(ib));
	ib.al = pango_attr_list_new();
	ib.space = 1;
	ib.doc = doc;
	ib.b = b;
	ib.page = page;
	ib.count = count;
	if (b != NULL) {
		for (size_t i = 0; i < b->nlinks; i++)
			free(b->links[i].uri);
		free(b->links);
		b->links = NULL;
		b->nlinks = 0;
	}
	if (node != NULL)
		S_inline(&ib, node);
	if (plain != NULL)
		S_text(&ib, plain);
	if (suffix != NULL)
		buf_puts(&ib.t, suffix);
	return S_finish(ctx, doc, &ib, st);
}

PangoLayout *
ts_running_layout(PangoContext *ctx, const struct ts_doc *doc, xmlNodePtr node,
    int page, int count)
{
	struct ts_style st = { doc->size * 0.8, 0, 0, 0, TS_NOCOLOUR };
	struct ib ib;
	PangoLayout *lay;

	memset(&ib, 0, sizeof(ib));
	ib.al = pango_attr_list_new();
	ib.space = 1;
	ib.doc = doc;
	ib.page = page;
	ib.count = count;
	S_inline(&ib, node);
	lay = S_finish(ctx, doc, &ib, &st);
	pango_layout_set_width(lay, -1);
	return lay;
}
