/* draw.c: typesetter stage 3 — pages of boxes onto a tagged PDF with cairo (tags, links, outline, metadata). */
#include "typeset/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "util.h"

/*
 * How cairo 1.16 builds the structure tree, and what that asks of us
 * (read from cairo-pdf-interchange.c):
 *  - Only leaf structure elements get marked content.  Text drawn inside an
 *    element that also has child elements is lost from the tree, so a
 *    paragraph with links is drawn as Span and Link children, never as text
 *    of its own.
 *  - An element may stay open over cairo_show_page(): cairo closes the marked
 *    content at the page's end and, if the element is a leaf, reopens it
 *    when the next page starts, so everything drawn before the next tag
 *    change would belong to it.  So at a page's end only non-leaf elements
 *    stay open, and a text block whose lines run over a page break is drawn
 *    as one Span per line: it stays one element on both pages.
 *  - There is no Artifact tag in 1.16.  Running headers and footers, the
 *    watermark, repeated table headers, rules and shading are drawn before
 *    any text of the page, while only non-leaf elements are open, so they
 *    are outside all marked content.
 *  - Only PDF 1.7 structure types are accepted; any other name makes the
 *    output untagged.  Tags must nest; a link to a destination that does not
 *    exist is written anyway.  Both are checked here (DF_INTERNAL).
 */

#define MAXTAGS 512

struct dr {
	cairo_t         *cr;
	cairo_surface_t *s;
	struct ts_doc   *doc;
	struct diag     *d;
	const char      *tags[MAXTAGS];  /* open tag names, our own check of the nesting */
	int              ntags;
	struct ts_blk   *open[MAXTAGS];  /* blocks whose tags are open, outermost first */
	int              nopen;
	unsigned char   *done;           /* by serial: its destination was written */
	unsigned char   *used;           /* by serial: a link or bookmark names it */
	struct ts_drawn *out;            /* the Figures' alts go here */
	int              page;           /* the page being drawn, 1-based */
	size_t           altcap;
	int              err;
};

const char *
ts_tag(const struct ts_blk *b)
{
	static const char *const h[6] = { "H1", "H2", "H3", "H4", "H5", "H6" };

	switch (b->kind) {
	case BK_ROOT:
		return "Document";
	case BK_HEADING:
		return h[b->level >= 1 && b->level <= 6 ? b->level - 1 : 0];
	case BK_PARA:
	case BK_SIDE:
		return "P";
	case BK_LIST:
		return "L";
	case BK_ITEM:
		return "LI";
	case BK_LABEL:
		return "Lbl";
	case BK_LBODY:
		return "LBody";
	case BK_TABLE:
		return "Table";
	case BK_CAPTION:
		return "Caption";
	case BK_ROW:
		return "TR";
	case BK_CELL:
		return b->header ? "TH" : "TD";
	case BK_BOX:
		return b->role;
	case BK_GRAPHIC:
	case BK_IMAGE:
		return "Figure";
	case BK_THEAD:
		return "THead";
	case BK_TBODY:
		return "TBody";
	case BK_NOTE:
		return "Note";
	case BK_TOC:
		return "TOC";
	case BK_TOCI:
		return "TOCI";
	default:
		return NULL;
	}
}

static int
S_textblk(const struct ts_blk *b)
{
	return b->kind == BK_HEADING || b->kind == BK_PARA || b->kind == BK_LABEL ||
	    b->kind == BK_CAPTION || b->kind == BK_SIDE || b->kind == BK_NOTE ||
	    b->kind == BK_TOCI;
}

/* Drawn as Span/Link children (and Note children) rather than as a leaf of its own. */
static int
S_spanned(const struct ts_blk *b)
{
	return b->first_page != b->last_page || b->nlinks > 0 || b->nrefs > 0;
}

/* A leaf of the structure tree: its content is marked, so it must not stay open over a page break. */
static int
S_leaf(const struct ts_blk *b)
{
	return b->kind == BK_GRAPHIC || b->kind == BK_IMAGE || (S_textblk(b) && !S_spanned(b));
}

static void
S_begin(struct dr *D, const char *name, const char *attrs)
{
	if (D->ntags == MAXTAGS) {
		if (!D->err)
			diag_msg(D->d, DF_INTERNAL, 0, 0, "structure tags nested too deeply");
		D->err = 1;
		return;
	}
	D->tags[D->ntags++] = name;
	cairo_tag_begin(D->cr, name, attrs);
}

static void
S_end(struct dr *D, const char *name)
{
	if (D->ntags == 0 || strcmp(D->tags[D->ntags - 1], name) != 0) {
		if (!D->err)
			diag_msg(D->d, DF_INTERNAL, 0, 0, "structure tag nesting is broken");
		D->err = 1;
		return;
	}
	D->ntags--;
	cairo_tag_end(D->cr, name);
}

static void
S_pop(struct dr *D)
{
	S_end(D, ts_tag(D->open[--D->nopen]));
}

/*
 * B's parent in the structure tree: a table's row is under its THead or
 * TBody, which the block tree does not have (layout.h).  A repeated header
 * row is drawn as an artefact, so only the first copy reaches THead.
 */
static struct ts_blk *
S_tag_parent(const struct ts_blk *b)
{
	struct ts_blk *t = b->parent;

	if (b->kind == BK_ROW && t != NULL && t->kind == BK_TABLE) {
		if (b->header && t->thead != NULL)
			return t->thead;
		if (!b->header && t->tbody != NULL)
			return t->tbody;
	}
	return t;
}

/* Open the tags from the document down to B, closing those not on the way. */
static void
S_sync(struct dr *D, struct ts_blk *b)
{
	struct ts_blk *chain[MAXTAGS];
	int n = 0, k = 0;

	for (struct ts_blk *a = b; a != NULL; a = S_tag_parent(a))
		if (ts_tag(a) != NULL && n < MAXTAGS)
			chain[n++] = a;
	/* chain is innermost first; compare from the outside. */
	while (k < D->nopen && k < n && D->open[k] == chain[n - 1 - k])
		k++;
	while (D->nopen > k)
		S_pop(D);
	for (int i = n - 1 - k; i >= 0 && D->nopen < MAXTAGS; i--) {
		D->open[D->nopen++] = chain[i];
		S_begin(D, ts_tag(chain[i]), NULL);
	}
}

static void
S_colour(cairo_t *cr, long c)
{
	if (c == TS_NOCOLOUR)
		c = 0;
	cairo_set_source_rgb(cr, (c >> 16 & 0xff) / 255.0, (c >> 8 & 0xff) / 255.0,
	    (c & 0xff) / 255.0);
}

static void
S_dest(struct dr *D, struct ts_blk *b)
{
	char attrs[64];

	/* Integers: cairo parses attributes with the C locale's notion of a
	 * decimal point only when the program has not changed it. */
	snprintf(attrs, sizeof(attrs), "name='d%d' x=%d y=%d", b->serial,
	    (int)b->dest_x, (int)(b->dest_y > 4 ? b->dest_y - 4 : 0));
	cairo_tag_begin(D->cr, CAIRO_TAG_DEST, attrs);
	cairo_tag_end(D->cr, CAIRO_TAG_DEST);
	D->done[b->serial] = 1;
}

/* The link of B whose range holds byte OFF, -1 if none (or its target has no place). */
static int
S_link_at(const struct ts_blk *b, int off)
{
	for (size_t i = 0; i < b->nlinks; i++)
		if ((unsigned)off >= b->links[i].start && (unsigned)off < b->links[i].end) {
			if (b->links[i].target != NULL && b->links[i].target->dest_page == 0)
				return -1;
			return (int)i;
		}
	return -1;
}

static void
S_open_run(struct dr *D, struct ts_blk *b, int li)
{
	const struct ts_link *l;
	char *attrs;

	if (li < 0) {
		S_begin(D, "Span", NULL);
		return;
	}
	l = &b->links[li];
	if (l->target != NULL) {
		attrs = xasprintf("dest='d%d'", l->target->serial);
		D->used[l->target->serial] = 1;
	} else
		attrs = xasprintf("uri='%s'", l->uri ? l->uri : "");
	S_begin(D, CAIRO_TAG_LINK, attrs);
	free(attrs);
}

/*
 * Page number N ("?" if 0) as a layout in FONT, sharing LAY's context so
 * that its metrics are the typesetter's; its width in *W.  Caller unrefs.
 */
static PangoLayout *
S_number_layout(PangoLayout *lay, const PangoFontDescription *font, int n, double *w)
{
	PangoLayout *nl = pango_layout_new(pango_layout_get_context(lay));
	PangoRectangle log;
	char num[16];

	if (n > 0)
		snprintf(num, sizeof(num), "%d", n);
	else
		snprintf(num, sizeof(num), "?");
	pango_layout_set_font_description(nl, font);
	pango_layout_set_text(nl, num, -1);
	pango_layout_get_extents(nl, NULL, &log);
	*w = (double)log.width / PANGO_SCALE;
	return nl;
}

/*
 * Page number N from X on the baseline BASE, squeezed into MAXW if wider
 * (a slot is as wide as the numbers can be); right aligned at X if RIGHT.
 * Returns the width drawn.
 */
static double
S_draw_number(cairo_t *cr, PangoLayout *lay, const PangoFontDescription *font, int n,
    double x, double base, double maxw, int right)
{
	double w, bl;
	PangoLayout *nl = S_number_layout(lay, font, n, &w);

	bl = (double)pango_layout_get_baseline(nl) / PANGO_SCALE;
	cairo_save(cr);
	cairo_translate(cr, right ? x - (w < maxw ? w : maxw) : x, base - bl);
	if (w > maxw && maxw > 0)
		cairo_scale(cr, maxw / w, 1);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, nl);
	cairo_restore(cr);
	g_object_unref(nl);
	return w < maxw ? w : maxw;
}

/* The page reference of B whose slot holds byte OFF, or NULL. */
static const struct ts_pageref *
S_pref_at(const struct ts_blk *b, int off)
{
	for (size_t i = 0; i < b->nprefs; i++)
		if ((unsigned)off >= b->prefs[i].off && (unsigned)off < b->prefs[i].off + b->prefs[i].len)
			return &b->prefs[i];
	return NULL;
}

/* Does line PL of B hold a page reference's slot? */
static int
S_line_prefs(const struct ts_blk *b, const PangoLayoutLine *pl)
{
	unsigned s = (unsigned)pl->start_index, e = s + (unsigned)pl->length;

	for (size_t i = 0; i < b->nprefs; i++)
		if (b->prefs[i].off < e && b->prefs[i].off + b->prefs[i].len > s)
			return 1;
	return 0;
}

/*
 * A line run by run: with TAGS, each run in a Span or a Link (a line with
 * links); page references' slots get their numbers, in reading order.
 */
static void
S_draw_runs(struct dr *D, const struct ts_box *bx, int tags)
{
	const char *text = pango_layout_get_text(bx->lay);
	struct ts_blk *b = bx->blk;
	double rx = bx->x, spare = 0;
	int cur = -2;

	/*
	 * A number narrower than its slot leaves room: the rest of the line
	 * closes up behind it, and a centred or right-aligned line moves by
	 * half or all of what it lost, so that no gap shows.
	 */
	for (GSList *l = bx->pl->runs; l != NULL && b->nprefs > 0; l = l->next) {
		PangoGlyphItem *run = l->data;
		const struct ts_pageref *pr = S_pref_at(b, run->item->offset);

		if (pr != NULL && run->item->offset == (int)pr->off) {
			PangoFontDescription *fd =
			    pango_font_describe_with_absolute_size(run->item->analysis.font);
			double w = (double)pango_glyph_string_get_width(run->glyphs) / PANGO_SCALE, nw;

			g_object_unref(S_number_layout(bx->lay, fd, pr->target->dest_page, &nw));
			pango_font_description_free(fd);
			if (nw < w)
				spare += w - nw;
		}
	}
	if (b->st.align == 1)
		rx += spare;
	else if (b->st.align == 2)
		rx += spare / 2;
	for (GSList *l = bx->pl->runs; l != NULL; l = l->next) {
		PangoGlyphItem *run = l->data;
		double w = (double)pango_glyph_string_get_width(run->glyphs) / PANGO_SCALE;
		int li = tags ? S_link_at(b, run->item->offset) : cur, ul = 0;
		long colour = bx->colour;
		double y = bx->base - (double)run->y_offset / PANGO_SCALE;
		const struct ts_pageref *pr = S_pref_at(b, run->item->offset);

		if (li != cur) {
			if (cur != -2)
				S_end(D, cur < 0 ? "Span" : CAIRO_TAG_LINK);
			S_open_run(D, b, li);
			cur = li;
		}
		/* What pango's renderer would do for these attributes. */
		for (GSList *a = run->item->analysis.extra_attrs; a != NULL; a = a->next) {
			PangoAttribute *at = a->data;

			if (at->klass->type == PANGO_ATTR_FOREGROUND) {
				PangoColor *c = &((PangoAttrColor *)at)->color;
				colour = (long)(c->red >> 8) << 16 | (c->green >> 8) << 8 | c->blue >> 8;
			} else if (at->klass->type == PANGO_ATTR_UNDERLINE)
				ul = ((PangoAttrInt *)at)->value != PANGO_UNDERLINE_NONE;
			else if (at->klass->type == PANGO_ATTR_RISE && run->y_offset == 0)
				y -= (double)((PangoAttrInt *)at)->value / PANGO_SCALE;
		}
		S_colour(D->cr, colour);
		if (pr != NULL && run->item->offset == (int)pr->off) {
			PangoFontDescription *fd =
			    pango_font_describe_with_absolute_size(run->item->analysis.font);

			w = S_draw_number(D->cr, bx->lay, fd, pr->target->dest_page, rx, y, w, 0);
			pango_font_description_free(fd);
		} else if (pr != NULL)
			w = 0;   /* more of a slot pango made two runs of */
		else {
			cairo_move_to(D->cr, rx, y);
			pango_cairo_show_glyph_item(D->cr, text, run);
		}
		if (ul) {
			PangoFontMetrics *fm = pango_font_get_metrics(run->item->analysis.font,
			    run->item->analysis.language);
			double pos = (double)pango_font_metrics_get_underline_position(fm) / PANGO_SCALE;
			double th = (double)pango_font_metrics_get_underline_thickness(fm) / PANGO_SCALE;

			cairo_rectangle(D->cr, rx, y - pos, w, th > 0 ? th : 0.5);
			cairo_fill(D->cr);
			pango_font_metrics_unref(fm);
		}
		rx += w;
	}
	if (cur != -2 && tags)
		S_end(D, cur < 0 ? "Span" : CAIRO_TAG_LINK);
}

static int
S_line_links(const struct ts_blk *b, const PangoLayoutLine *pl)
{
	unsigned s = (unsigned)pl->start_index, e = s + (unsigned)pl->length;

	for (size_t i = 0; i < b->nlinks; i++)
		if (b->links[i].start < e && b->links[i].end > s)
			return 1;
	return 0;
}

/*
 * Does the line draw anything?  A line of nothing but a line separator or a
 * zero-width space puts no marked content on the page, and cairo 1.16 then
 * fails on the structure element opened for it ("invalid tag name,
 * attributes, or nesting", or an assertion in cairo-array.c) or writes no
 * structure tree at all.  Such lines are left out of the tags.
 */
static int
S_visible(const struct ts_box *bx)
{
	PangoRectangle ink;

	if (bx->pl == NULL || bx->pl->length == 0)
		return 0;
	pango_layout_line_get_extents(bx->pl, &ink, NULL);
	return ink.width > 0 && ink.height > 0;
}

/* A line in the element open now: whole, or run by run if it has page references. */
static void
S_draw_line(struct dr *D, const struct ts_box *bx)
{
	if (bx->blk->nprefs > 0 && S_line_prefs(bx->blk, bx->pl))
		S_draw_runs(D, bx, 0);
	else {
		cairo_move_to(D->cr, bx->x, bx->base);
		pango_cairo_show_layout_line(D->cr, bx->pl);
	}
}

/*
 * Leaders: dots on the baseline BASE between X0 and X1, on a grid so that
 * they line up down the page.  One dashed line with round caps and dashes
 * of no length, not a circle per dot: cairo writes a circle as four curves,
 * and the dots of a long contents page were half the numbers in its content
 * streams.  The line runs half a step past the last dot, so that rounding
 * cannot drop it.
 */
static void
S_leaders(cairo_t *cr, double x0, double x1, double base, double size)
{
	double step = size * 0.45, r = size * 0.055, dash[2] = { 0, step };
	double first = ceil(x0 / step) * step, last = first;

	if (first + r > x1)
		return;
	while (last + step + r <= x1)
		last += step;
	cairo_save(cr);
	cairo_set_line_width(cr, 2 * r);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, first, base - r);
	cairo_line_to(cr, last + step / 2, base - r);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/*
 * A contents entry's line, a Link to its heading; after its last line,
 * the dot leaders and the heading's page number at the column's right
 * edge, in the same Link, so that the whole row is the link.
 */
static void
S_draw_toci(struct dr *D, const struct ts_box *bx)
{
	struct ts_blk *b = bx->blk, *h = b->ref;
	PangoLayout *lay = bx->lay;
	int li = S_link_at(b, bx->pl->start_index);

	S_open_run(D, b, li);
	S_draw_line(D, bx);
	if (h->dest_page > 0 &&
	    bx->pl == pango_layout_get_line_readonly(lay, pango_layout_get_line_count(lay) - 1)) {
		const PangoFontDescription *fd = pango_layout_get_font_description(lay);
		double size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
		double slot = bx->right - (bx->x + bx->w), numw;
		PangoLayout *nl = pango_layout_new(pango_layout_get_context(lay));
		PangoRectangle log;
		char num[16];

		snprintf(num, sizeof(num), "%d", h->dest_page);
		pango_layout_set_font_description(nl, fd);
		pango_layout_set_text(nl, num, -1);
		pango_layout_get_extents(nl, NULL, &log);
		numw = (double)log.width / PANGO_SCALE;
		g_object_unref(nl);
		if (numw > slot)
			numw = slot;
		S_leaders(D->cr, bx->x + bx->w + size * 0.4, bx->right - numw - size * 0.4,
		    bx->base, size);
		S_draw_number(D->cr, lay, fd, h->dest_page, bx->right, bx->base, slot, 1);
	}
	S_end(D, li < 0 ? "Span" : CAIRO_TAG_LINK);
}

static void
S_draw_text(struct dr *D, const struct ts_page *pg, const struct ts_box *bx)
{
	struct ts_blk *b = bx->blk;

	S_sync(D, b);
	S_colour(D->cr, bx->colour);
	if (b->kind == BK_TOCI)
		S_draw_toci(D, bx);
	else if (!S_spanned(b))
		S_draw_line(D, bx);
	else if (!S_line_links(b, bx->pl)) {
		S_begin(D, "Span", NULL);
		S_draw_line(D, bx);
		S_end(D, "Span");
	} else
		S_draw_runs(D, bx, 1);
	/*
	 * The notes this line refers to, right after it: each a Note element
	 * inside the paragraph, next to its reference in reading order, though
	 * its lines are at the page's foot.  (Never for a heading's label.)
	 */
	if (b->nrefs > 0 && bx->lay != b->lay2) {
		unsigned s = (unsigned)bx->pl->start_index, e = s + (unsigned)bx->pl->length;

		for (size_t i = 0; i < b->nrefs; i++) {
			struct ts_blk *note = b->refs[i].note;

			if (b->refs[i].off < s || b->refs[i].off >= e ||
			    note->foot_page != D->page)
				continue;
			for (size_t k = note->foot_first; k < note->foot_first + note->foot_n; k++)
				if (S_visible(&pg->b[k]))
					S_draw_text(D, pg, &pg->b[k]);
			note->foot_page = 0;
		}
	}
}

/*
 * Where the notes of page P are, for drawing them with their references;
 * lines continued from an earlier page are drawn where they stand.
 */
static void
S_find_notes(const struct ts_page *pg, int p)
{
	for (size_t i = 0; i < pg->n; i++) {
		struct ts_blk *b = pg->b[i].blk;

		if (pg->b[i].kind != TB_TEXT || b == NULL || b->kind != BK_NOTE || pg->b[i].cont)
			continue;
		if (b->foot_page != p) {
			b->foot_page = p;
			b->foot_first = i;
			b->foot_n = 0;
		}
		b->foot_n++;
	}
}

/* ------------------------------------------------------------ graphics */

/* Where text P's ink is, relative to its anchor point, unrotated. */
static void
S_prim_text_pos(const struct ts_prim *p, double *dx, double *base, PangoRectangle *ink)
{
	PangoRectangle log;

	pango_layout_get_extents(p->lay, ink, &log);
	*dx = (p->anchor == 1 ? -(double)log.width / 2 : p->anchor == 2 ? -(double)log.width : 0) /
	    PANGO_SCALE - (double)log.x / PANGO_SCALE;
	*base = (double)pango_layout_get_baseline(p->lay) / PANGO_SCALE;
}

static void
S_draw_prims(cairo_t *cr, const struct ts_blk *b)
{
	for (size_t i = 0; i < b->nprims; i++) {
		const struct ts_prim *p = &b->prims[i];

		switch (p->k) {
		case TP_RECT:
			cairo_rectangle(cr, p->x, p->y, p->w, p->h);
			if (p->fill != TS_NOCOLOUR) {
				S_colour(cr, p->fill);
				cairo_fill_preserve(cr);
			}
			if (p->stroke != TS_NOCOLOUR && p->sw > 0) {
				S_colour(cr, p->stroke);
				cairo_set_line_width(cr, p->sw);
				cairo_stroke_preserve(cr);
			}
			cairo_new_path(cr);
			break;
		case TP_LINE:
			if (p->npts < 2 || p->sw <= 0)
				break;
			for (size_t k = 0; k < p->npts; k++)
				(k ? cairo_line_to : cairo_move_to)(cr, p->pts[2 * k], p->pts[2 * k + 1]);
			S_colour(cr, p->stroke);
			cairo_set_line_width(cr, p->sw);
			cairo_set_dash(cr, p->dash, p->ndash, 0);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
			break;
		case TP_CIRCLE:
			if (p->w <= 0)
				break;
			cairo_new_sub_path(cr);
			cairo_arc(cr, p->x, p->y, p->w, 0, 2 * M_PI);
			S_colour(cr, p->fill);
			cairo_fill(cr);
			break;
		case TP_TEXT: {
			PangoRectangle ink;
			double dx, base;

			if (p->lay == NULL)
				break;
			S_prim_text_pos(p, &dx, &base, &ink);
			cairo_save(cr);
			cairo_translate(cr, p->x, p->y);
			/* SVG's rotate(): degrees, clockwise on a page whose y runs down, as cairo's. */
			if (p->rotate != 0)
				cairo_rotate(cr, p->rotate * M_PI / 180);
			S_colour(cr, p->fill);
			cairo_move_to(cr, dx, -base);
			pango_cairo_show_layout(cr, p->lay);
			cairo_restore(cr);
			break;
		}
		}
	}
}

/*
 * Does graphic B surely put ink inside its box of W x H (its own units)?
 * Not if it is empty or draws only outside the box (clipped away): cairo
 * then writes no content for its Figure and fails on the element (see
 * above).  Conservative: what is not surely visible does not count.
 */
static int
S_graphic_inked(const struct ts_blk *b, double w, double h)
{
	for (size_t i = 0; i < b->nprims; i++) {
		const struct ts_prim *p = &b->prims[i];

		switch (p->k) {
		case TP_RECT: {
			double x0 = p->w < 0 ? p->x + p->w : p->x, y0 = p->h < 0 ? p->y + p->h : p->y;
			double x1 = x0 + fabs(p->w), y1 = y0 + fabs(p->h);

			if (p->fill != TS_NOCOLOUR && x1 > 0.01 && x0 < w - 0.01 && y1 > 0.01 &&
			    y0 < h - 0.01 && x1 - x0 > 0.01 && y1 - y0 > 0.01)
				return 1;
			break;
		}
		case TP_CIRCLE:
			if (p->w > 0.01 && p->x > 0 && p->x < w && p->y > 0 && p->y < h)
				return 1;
			break;
		case TP_LINE:
			for (size_t k = 0; p->sw > 0.01 && k + 1 < p->npts; k++) {
				const double *a = &p->pts[2 * k], *c = &p->pts[2 * k + 2];

				if (a[0] > 0 && a[0] < w && a[1] > 0 && a[1] < h && c[0] > 0 && c[0] < w &&
				    c[1] > 0 && c[1] < h && fabs(a[0] - c[0]) + fabs(a[1] - c[1]) > 0.01)
					return 1;
			}
			break;
		case TP_TEXT: {
			PangoRectangle ink;
			double dx, base, x0, y0;

			if (p->lay == NULL || p->rotate != 0)
				break;
			S_prim_text_pos(p, &dx, &base, &ink);
			x0 = p->x + dx + (double)ink.x / PANGO_SCALE;
			y0 = p->y - base + (double)ink.y / PANGO_SCALE;
			if (ink.width > 0 && ink.height > 0 && x0 >= 0 && y0 >= 0 &&
			    x0 + (double)ink.width / PANGO_SCALE <= w &&
			    y0 + (double)ink.height / PANGO_SCALE <= h)
				return 1;
			break;
		}
		}
	}
	return 0;
}

/* Does box BX of an image have an area to draw in? */
static int
S_image_shows(const struct ts_box *bx)
{
	return bx->blk->img != NULL && bx->w > 0.001 && bx->h > 0.001;
}

/*
 * A graphic: clipped to its box, scaled to its drawn size.  An image: its
 * pixels stretched over the box; cairo embeds the surface at its full
 * resolution whatever the scale.
 */
static void
S_draw_graphic(cairo_t *cr, const struct ts_box *bx)
{
	const struct ts_blk *b = bx->blk;

	cairo_save(cr);
	cairo_rectangle(cr, bx->x, bx->y, bx->w, bx->h);
	cairo_clip(cr);
	cairo_translate(cr, bx->x, bx->y);
	if (b->kind == BK_IMAGE) {
		/* a zero scale would put cairo into an error state */
		if (S_image_shows(bx)) {
			cairo_scale(cr, bx->w / b->pw, bx->h / b->ph);
			cairo_set_source_surface(cr, b->img, 0, 0);
			cairo_paint(cr);
		}
	} else {
		if (bx->scale > 0)
			cairo_scale(cr, bx->scale, bx->scale);
		S_draw_prims(cr, b);
	}
	cairo_restore(cr);
}

/*
 * A graphic or image as one Figure element, its shapes and text or its
 * pixels the element's own content (no P or Span inside it), its alt given
 * to the post-processing in the order the Figures are drawn, which is
 * their reading order.
 */
static void
S_figure(struct dr *D, const struct ts_box *bx)
{
	struct ts_blk *b = bx->blk;

	S_sync(D, b);
	if (D->out->nalts == D->altcap) {
		D->altcap = D->altcap ? D->altcap * 2 : 8;
		D->out->alts = xreallocarray(D->out->alts, D->altcap, sizeof(*D->out->alts));
	}
	D->out->alts[D->out->nalts++] = b->text;
	S_draw_graphic(D->cr, bx);
	if (b->kind == BK_IMAGE ? !S_image_shows(bx) :
	    !S_graphic_inked(b, b->gw, b->gh) || bx->scale <= 0) {
		/* Something for the element to hold: a speck of paper colour
		 * in the page's corner, as for an empty document. */
		cairo_set_source_rgb(D->cr, 1, 1, 1);
		cairo_rectangle(D->cr, 0, 0, 1, 1);
		cairo_fill(D->cr);
	}
}

/* Everything that is not tagged text: drawn first, outside marked content. */
static void
S_draw_plain(struct dr *D, const struct ts_page *pg)
{
	cairo_t *cr = D->cr;

	for (int pass = 0; pass < 4; pass++)
		for (size_t i = 0; i < pg->n; i++) {
			const struct ts_box *bx = &pg->b[i];

			if (pass == 0 && bx->kind == TB_MARK) {
				cairo_save(cr);
				cairo_translate(cr, pg->m->w / 2, pg->m->h / 2);
				cairo_rotate(cr, -atan2(pg->m->h, pg->m->w));
				S_colour(cr, bx->colour);
				cairo_move_to(cr, -bx->w / 2, -bx->h / 2);
				pango_cairo_show_layout(cr, bx->lay);
				cairo_restore(cr);
			} else if (pass == 1 && bx->kind == TB_FILL) {
				S_colour(cr, bx->colour);
				cairo_rectangle(cr, bx->x, bx->y, bx->w, bx->h);
				cairo_fill(cr);
			} else if (pass == 2 && bx->kind == TB_RULE) {
				S_colour(cr, bx->colour);
				cairo_rectangle(cr, bx->x, bx->y, bx->w, bx->h);
				cairo_fill(cr);
			} else if (pass == 2 && bx->kind == TB_FRAME) {
				S_colour(cr, bx->colour);
				cairo_set_line_width(cr, bx->lw);
				cairo_rectangle(cr, bx->x, bx->y, bx->w, bx->h);
				cairo_stroke(cr);
			} else if (pass == 3 && bx->kind == TB_GRAPHIC && bx->rept) {
				S_draw_graphic(cr, bx);
			} else if (pass == 3 && (bx->kind == TB_RUN || bx->kind == TB_REPT)) {
				S_colour(cr, bx->colour);
				cairo_move_to(cr, bx->x, bx->base);
				pango_cairo_show_layout_line(cr, bx->pl);
			}
		}
}

/* Blocks that get a destination: those with an id, and headings (bookmarks). */
static void
S_collect(struct ts_blk *b, struct ts_blk ***v, size_t *n, size_t *cap)
{
	for (; b != NULL; b = b->next) {
		if (b->serial > 0 && b->dest_page > 0) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 64;
				*v = xreallocarray(*v, *cap, sizeof(**v));
			}
			(*v)[(*n)++] = b;
		}
		S_collect(b->first, v, n, cap);
	}
}

static int
S_bypage(const void *a, const void *b)
{
	const struct ts_blk *const *x = a, *const *y = b;

	if ((*x)->dest_page != (*y)->dest_page)
		return (*x)->dest_page < (*y)->dest_page ? -1 : 1;
	return (*x)->serial < (*y)->serial ? -1 : (*x)->serial > (*y)->serial;
}

static void
S_outline(struct dr *D, struct ts_blk *b, int *ids)
{
	for (; b != NULL; b = b->next) {
		if (b->kind == BK_HEADING && b->dest_page > 0 && b->lay != NULL) {
			struct buf t = { NULL, 0, 0 };
			char attrs[32];
			int parent = CAIRO_PDF_OUTLINE_ROOT;
			const char *text;
			size_t r;

			if (b->text != NULL && b->text[0] != '\0') {
				buf_puts(&t, b->text);
				buf_putc(&t, ' ');
			}
			text = pango_layout_get_text(b->lay);
			r = 0;
			for (const char *s = text; *s != '\0'; s++)
				if (r < b->nrefs && (size_t)(s - text) == b->refs[r].off) {
					/* a footnote's number is no part of the heading's words */
					s += b->refs[r++].len - 1;
				} else if (strncmp(s, "\xe2\x80\xa8", 3) == 0) {
					buf_putc(&t, ' ');
					s += 2;
				} else
					buf_putc(&t, *s);
			for (int l = b->level - 1; l >= 1; l--)
				if (ids[l] != 0) {
					parent = ids[l];
					break;
				}
			snprintf(attrs, sizeof(attrs), "dest='d%d'", b->serial);
			D->used[b->serial] = 1;
			ids[b->level] = cairo_pdf_surface_add_outline(D->s, parent, buf_str(&t),
			    attrs, CAIRO_PDF_OUTLINE_FLAG_OPEN);
			for (int l = b->level + 1; l <= 6; l++)
				ids[l] = 0;
			buf_free(&t);
		}
		S_outline(D, b->first, ids);
	}
}

/* The PDF dates: EPOCH if not -1, else the document's date, else 1970. */
static void
S_date(const struct ts_doc *doc, long long epoch, char *out, size_t sz)
{
	const char *d = doc->date;
	struct tm tm;
	time_t t;

	if (epoch == -1 && d != NULL && strlen(d) >= 10 && d[4] == '-' && d[7] == '-') {
		snprintf(out, sz, "%.10sT00:00:00Z", d);
		return;
	}
	t = epoch < 0 ? 0 : (time_t)epoch;
	gmtime_r(&t, &tm);
	strftime(out, sz, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Drawn in reading order with the tags: body text and graphics. */
static int
S_tagged(const struct ts_box *bx)
{
	if (bx->blk == NULL)
		return 0;
	if (bx->kind == TB_GRAPHIC)
		return !bx->rept;
	return bx->kind == TB_TEXT && S_visible(bx);
}

int
ts_draw(struct ts_doc *doc, struct ts_pages *P, const char *path, long long epoch,
    struct ts_drawn *out, struct diag *d)
{
	struct dr D;
	struct ts_blk **dests = NULL;
	size_t ndest = 0, destcap = 0, di = 0;
	int ids[7] = { 0 }, rc = -1, has_text = 0;
	cairo_status_t st;

	memset(&D, 0, sizeof(D));
	D.doc = doc;
	D.d = d;
	D.out = out;
	D.done = xcalloc((size_t)doc->nserial + 1, 1);
	D.used = xcalloc((size_t)doc->nserial + 1, 1);
	if (P->pv.n == 0) {
		diag_msg(d, DF_INTERNAL, 0, 0, "no pages to draw");
		goto out;
	}
	D.s = cairo_pdf_surface_create(path, P->pv.p[0].m->w, P->pv.p[0].m->h);
	if ((st = cairo_surface_status(D.s)) != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DF_WRITE, 0, 0, path, cairo_status_to_string(st));
		goto out;
	}
	if (doc->title != NULL)
		cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_TITLE, doc->title);
	if (doc->author != NULL)
		cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_AUTHOR, doc->author);
	if (doc->subject != NULL)
		cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
	if (doc->keywords != NULL)
		cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_KEYWORDS, doc->keywords);
	cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_CREATOR, "csdoc");
	S_date(doc, epoch, out->date, sizeof(out->date));
	cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_CREATE_DATE, out->date);
	cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_MOD_DATE, out->date);
	D.cr = cairo_create(D.s);

	S_collect(doc->root, &dests, &ndest, &destcap);
	if (ndest > 1)
		qsort(dests, ndest, sizeof(*dests), S_bypage);
	for (size_t p = 0; p < P->pv.n && !has_text; p++)
		for (size_t i = 0; i < P->pv.p[p].n && !has_text; i++)
			has_text = S_tagged(&P->pv.p[p].b[i]);
	for (size_t p = 0; p < P->pv.n && !D.err; p++) {
		const struct ts_page *pg = &P->pv.p[p];

		/* Document opens with the first text (S_sync): opened on a page
		 * with no text it would be a leaf there, which cairo 1.16 cannot
		 * finish (an assertion fails). */
		cairo_pdf_surface_set_size(D.s, pg->m->w, pg->m->h);
		S_draw_plain(&D, pg);
		for (; di < ndest && dests[di]->dest_page == (int)p + 1; di++)
			S_dest(&D, dests[di]);
		if (!has_text && p == 0) {
			/* No visible text anywhere: cairo writes no structure
			 * tree for elements without content, and the PDF would
			 * not be tagged.  The Document gets an invisible speck of
			 * paper colour in the page's corner as its content. */
			S_sync(&D, doc->root);
			cairo_set_source_rgb(D.cr, 1, 1, 1);
			cairo_rectangle(D.cr, 0, 0, 1, 1);
			cairo_fill(D.cr);
		}
		D.page = (int)p + 1;
		S_find_notes(pg, D.page);
		for (size_t i = 0; i < pg->n && has_text; i++) {
			const struct ts_box *bx = &pg->b[i];

			if (bx->kind == TB_GRAPHIC && S_tagged(bx))
				S_figure(&D, bx);
			else if (bx->blk != NULL && bx->blk->kind == BK_NOTE && !bx->cont)
				continue;   /* drawn with the line that refers to it */
			else if (S_tagged(bx))
				S_draw_text(&D, pg, bx);
		}
		/* A note whose reference was not drawn is still drawn, in place. */
		for (size_t i = 0; i < pg->n && has_text; i++) {
			const struct ts_box *bx = &pg->b[i];

			if (bx->kind == TB_TEXT && bx->blk != NULL && bx->blk->kind == BK_NOTE &&
			    !bx->cont && bx->blk->foot_page == D.page && S_visible(bx))
				S_draw_text(&D, pg, bx);
		}
		/* Leaves must not stay open over the page break (see above). */
		while (D.nopen > 0 && S_leaf(D.open[D.nopen - 1]))
			S_pop(&D);
		if (p + 1 == P->pv.n)
			while (D.nopen > 0)
				S_pop(&D);
		cairo_show_page(D.cr);
	}
	S_outline(&D, doc->root, ids);
	for (int i = 1; i <= doc->nserial; i++)
		if (D.used[i] && !D.done[i] && !D.err) {
			diag_msg(d, DF_INTERNAL, 0, 0, "a link or bookmark names a destination that was not written");
			D.err = 1;
		}
	if (D.ntags != 0 && !D.err) {
		diag_msg(d, DF_INTERNAL, 0, 0, "structure tags left open");
		D.err = 1;
	}
	if ((st = cairo_status(D.cr)) != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DF_INTERNAL, 0, 0, cairo_status_to_string(st));
		D.err = 1;
	}
	cairo_destroy(D.cr);
	D.cr = NULL;
	cairo_surface_finish(D.s);
	if ((st = cairo_surface_status(D.s)) != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, st == CAIRO_STATUS_WRITE_ERROR ? DF_WRITE : DF_INTERNAL, 0, 0,
		    st == CAIRO_STATUS_WRITE_ERROR ? path : cairo_status_to_string(st),
		    cairo_status_to_string(st));
		D.err = 1;
	}
	rc = D.err ? -1 : 0;
out:
	if (D.cr != NULL)
		cairo_destroy(D.cr);
	if (D.s != NULL)
		cairo_surface_destroy(D.s);
	free(dests);
	free(D.done);
	free(D.used);
	return rc;
}
