/* inline.c: inline content (b, i, u, sup, sub, link, br, page numbers, page references, note references) into pango text and attributes. */
#include "typeset/layout.h"

#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

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
	struct ts_blk        *b;      /* receives the links and note references; NULL for running text */
	int                   running; /* a running header or footer: notes print nothing,
	                                  page references their number (pages are known) */
	int                   toc;     /* a contents entry: no notes, no links of its own */
	HyphenDict           *hyph;    /* a justified paragraph's hyphenation patterns, else NULL */
	int                   page, count;
};

#define LINK_COLOUR 0x1a4f9c

/* Words shorter than this are never hyphenated. */
#define HYPH_MIN 6

static int
S_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
S_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Append the word W (N bytes) with a soft hyphen (U+00AD) at each of the
 * dictionary's points, if it is one to hyphenate: English letters only
 * (the en-GB patterns know no others), HYPH_MIN or more, not all capitals
 * (an acronym).  Pango breaks a line at a soft hyphen and shows a hyphen
 * only there.
 */
static void
S_hyph_word(struct ib *ib, const char *w, size_t n)
{
	char *low, *marks, **rep = NULL;
	int upper = 1, *pos = NULL, *cut = NULL;

	for (size_t i = 0; i < n; i++)
		upper &= !(w[i] >= 'a' && w[i] <= 'z');
	if (n < HYPH_MIN || upper || n > 1000) {
		buf_add(&ib->t, w, n);
		return;
	}
	/* the patterns are lower case */
	low = xmalloc(n + 1);
	marks = xcalloc(n + 5, 1);
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
	low[n] = '\0';
	/* rep, pos, cut: used (and allocated) by non-standard patterns,
	 * which the en-GB file has none of; the library needs them all the same */
	if (hnj_hyphen_hyphenate3(ib->hyph, low, (int)n, marks, NULL, &rep, &pos, &cut,
	    2, 3, 2, 3) != 0 || rep != NULL)
		memset(marks, 0, n);
	if (rep != NULL)
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
	free(rep);
	free(pos);
	free(cut);
	for (size_t i = 0; i < n; i++) {
		buf_putc(&ib->t, w[i]);
		/* an odd mark after letter i: a point; never at the ends */
		if ((marks[i] & 1) && i + 1 < n)
			buf_puts(&ib->t, "\xc2\xad");
	}
	free(low);
	free(marks);
}

/*
 * The non-space run S (N bytes) of a justified paragraph: its words of
 * English letters hyphenated, unless it holds a figure (a date, an
 * amount, a reference like NI30), which is never broken.
 */
static void
S_hyph_run(struct ib *ib, const char *s, size_t n)
{
	size_t i = 0;

	for (size_t k = 0; k < n; k++)
		if (s[k] >= '0' && s[k] <= '9') {
			buf_add(&ib->t, s, n);
			return;
		}
	while (i < n) {
		size_t j = i;

		/* a word: letters, and any non-ASCII byte, which keeps an
		 * accented word whole (and unhyphenated) */
		while (j < n && (S_ascii_letter(s[j]) || (unsigned char)s[j] >= 0x80))
			j++;
		if (j > i) {
			int ascii = 1;

			for (size_t k = i; k < j; k++)
				ascii &= S_ascii_letter(s[k]);
			if (ascii)
				S_hyph_word(ib, s + i, j - i);
			else
				buf_add(&ib->t, s + i, j - i);
			i = j;
		} else
			buf_putc(&ib->t, s[i++]);
	}
}

/* Append S, collapsing runs of XML white space into one space as HTML does. */
static void
S_text(struct ib *ib, const char *s)
{
	while (*s != '\0') {
		if (S_space(*s)) {
			if (!ib->space)
				buf_putc(&ib->t, ' ');
			ib->space = 1;
			s++;
		} else {
			size_t n = 0;

			while (s[n] != '\0' && !S_space(s[n]))
				n++;
			if (ib->hyph != NULL)
				S_hyph_run(ib, s, n);
			else
				buf_add(&ib->t, s, n);
			ib->space = 0;
			s += n;
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

/*
 * A page reference.  Pages are not known while lines are broken, so the
 * text holds a slot of doc->ref_digits figure-width zeros, an item of its
 * own (a distinct attribute), and the number is drawn into it (draw.c).
 * Running headers and footers are made after pagination: there the
 * number itself.
 */
static void
S_page_ref(struct ib *ib, xmlNodePtr c)
{
	xmlChar *id = xmlGetNoNsProp(c, (const xmlChar *)"ref");
	struct ts_blk *t = id != NULL ? ts_find_id(ib->doc, (const char *)id) : NULL;
	size_t start = ib->t.len;

	xmlFree(id);
	ib->space = 0;
	if (ib->running || t == NULL) {
		if (t != NULL && t->dest_page > 0)
			buf_printf(&ib->t, "%d", t->dest_page);
		else
			buf_puts(&ib->t, "?");
		return;
	}
	for (int i = 0; i < (ib->doc->ref_digits > 0 ? ib->doc->ref_digits : 1); i++)
		buf_putc(&ib->t, '0');
	S_attr(ib, pango_attr_fallback_new(TRUE), start, ib->t.len);
	if (ib->b != NULL) {
		struct ts_pageref *r;

		ib->b->prefs = xreallocarray(ib->b->prefs, ib->b->nprefs + 1, sizeof(*ib->b->prefs));
		r = &ib->b->prefs[ib->b->nprefs++];
		r->off = (unsigned)start;
		r->len = (unsigned)(ib->t.len - start);
		r->target = t;
	}
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
		if (S_is(c, "page-ref")) {
			S_page_ref(ib, c);
			continue;
		}
		if (S_is(c, "note")) {
			struct ts_blk *note = ts_find_note(ib->doc, c);

			if (ib->running || ib->toc)
				continue;
			if (note == NULL) {
				/* a note inside a note has no number of its own: its words stay in place */
				S_inline(ib, c);
				continue;
			}
			/* The reference: the note's number or mark, raised and small as sup. */
			buf_puts(&ib->t, note->text);
			ib->space = 0;
			S_attr(ib, pango_attr_rise_new((int)(ib->doc->size / 3 * PANGO_SCALE)), start,
			    ib->t.len);
			S_attr(ib, pango_attr_scale_new(0.7), start, ib->t.len);
			if (ib->b != NULL) {
				struct ts_noteref *r;

				ib->b->refs = xreallocarray(ib->b->refs, ib->b->nrefs + 1,
				    sizeof(*ib->b->refs));
				r = &ib->b->refs[ib->b->nrefs++];
				r->off = (unsigned)start;
				r->len = (unsigned)(ib->t.len - start);
				r->note = note;
			}
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
			if (ib->b != NULL && href != NULL && !ib->toc) {
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

PangoFontDescription *
ts_font_desc(const char *family, double size, int bold, int italic)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}

static PangoFontDescription *
S_font(const struct ts_doc *doc, const struct ts_style *st)
{
	return ts_font_desc(doc->font, st->size, st->bold, st->italic);
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
		/*
		 * No hyphen where such a run is broken: Pango 1.50 leaves the
		 * hyphen's width out of a line that ends where an item ends,
		 * so one line in about fifteen of a 100,000-character word
		 * stuck out past the column; and a run this long is a
		 * reference or an address, not a word to hyphenate.
		 */
		S_attr(ib, pango_attr_insert_hyphens_new(FALSE), start, end);
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

/* B's links and note references belong to its last layout: a new one finds them again. */
static void
S_forget(struct ts_blk *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->nlinks; i++)
		free(b->links[i].uri);
	free(b->links);
	b->links = NULL;
	b->nlinks = 0;
	free(b->refs);
	b->refs = NULL;
	b->nrefs = 0;
	free(b->prefs);
	b->prefs = NULL;
	b->nprefs = 0;
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
	/* Only justified paragraphs are hyphenated: a ragged line loses
	 * nothing by ending early, and readers prefer whole words. */
	if (b != NULL && b->kind == BK_PARA && st->align == 3)
		ib.hyph = doc->hyph;
	S_forget(b);
	if (node != NULL)
		S_inline(&ib, node);
	if (plain != NULL)
		S_text(&ib, plain);
	if (suffix != NULL)
		buf_puts(&ib.t, suffix);
	return S_finish(ctx, doc, &ib, st);
}

PangoLayout *
ts_note_layout(PangoContext *ctx, const struct ts_doc *doc, struct ts_blk *b, double hang,
    int page, int count)
{
	struct ib ib;
	PangoLayout *lay;
	PangoTabArray *tabs;

	memset(&ib, 0, sizeof(ib));
	ib.al = pango_attr_list_new();
	ib.doc = doc;
	ib.b = b;
	ib.page = page;
	ib.count = count;
	S_forget(b);
	/* The tab, not spaces, so that the text starts at HANG after any number. */
	buf_printf(&ib.t, "%s\t", b->text);
	ib.space = 1;
	S_inline(&ib, b->node);
	lay = S_finish(ctx, doc, &ib, &b->st);
	tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
	    (int)(hang * PANGO_SCALE));
	pango_layout_set_tabs(lay, tabs);
	pango_tab_array_free(tabs);
	/* Negative: a hanging indent, the lines after the first start at HANG. */
	pango_layout_set_indent(lay, -(int)(hang * PANGO_SCALE));
	return lay;
}

PangoLayout *
ts_toc_layout(PangoContext *ctx, const struct ts_doc *doc, struct ts_blk *b, double hang)
{
	struct ib ib;
	PangoLayout *lay;
	PangoTabArray *tabs;
	struct ts_link *l;

	memset(&ib, 0, sizeof(ib));
	ib.al = pango_attr_list_new();
	ib.doc = doc;
	ib.b = b;
	ib.toc = 1;
	S_forget(b);
	if (b->text != NULL && b->text[0] != '\0')
		buf_printf(&ib.t, "%s\t", b->text);
	ib.space = 1;
	S_inline(&ib, b->node);
	/* The whole entry is one link to its heading. */
	b->links = xcalloc(1, sizeof(*b->links));
	b->nlinks = 1;
	l = &b->links[0];
	l->start = 0;
	l->end = (unsigned)ib.t.len;
	l->target = b->ref;
	lay = S_finish(ctx, doc, &ib, &b->st);
	/* A labelled entry's words hang after the label; others are plain. */
	if (b->text != NULL && b->text[0] != '\0') {
		tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
		    (int)(hang * PANGO_SCALE));
		pango_layout_set_tabs(lay, tabs);
		pango_tab_array_free(tabs);
		pango_layout_set_indent(lay, -(int)(hang * PANGO_SCALE));
	}
	return lay;
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
	ib.running = 1;
	ib.page = page;
	ib.count = count;
	S_inline(&ib, node);
	lay = S_finish(ctx, doc, &ib, &st);
	pango_layout_set_width(lay, -1);
	return lay;
}
