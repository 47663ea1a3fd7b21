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
	default:
		return NULL;
	}
}

static int
S_textblk(const struct ts_blk *b)
{
	return b->kind == BK_HEADING || b->kind == BK_PARA || b->kind == BK_LABEL ||
	    b->kind == BK_CAPTION || b->kind == BK_SIDE;
}

/* Drawn as Span/Link children rather than as a leaf of its own. */
static int
S_spanned(const struct ts_blk *b)
{
	return b->first_page != b->last_page || b->nlinks > 0;
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

/* Open the tags from the document down to B, closing those not on the way. */
static void
S_sync(struct dr *D, struct ts_blk *b)
{
	struct ts_blk *chain[MAXTAGS];
	int n = 0, k = 0;

	for (struct ts_blk *a = b; a != NULL; a = a->parent)
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

/* A line with links, run by run, each run in a Span or a Link. */
static void
S_draw_runs(struct dr *D, const struct ts_box *bx)
{
	const char *text = pango_layout_get_text(bx->lay);
	struct ts_blk *b = bx->blk;
	double rx = bx->x;
	int cur = -2;

	for (GSList *l = bx->pl->runs; l != NULL; l = l->next) {
		PangoGlyphItem *run = l->data;
		double w = (double)pango_glyph_string_get_width(run->glyphs) / PANGO_SCALE;
		int li = S_link_at(b, run->item->offset), ul = 0;
		long colour = bx->colour;
		double y = bx->base - (double)run->y_offset / PANGO_SCALE;

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
		cairo_move_to(D->cr, rx, y);
		pango_cairo_show_glyph_item(D->cr, text, run);
		if (ul) {
			PangoFontMetrics *fm = pango_font_get_metrics(run->item->analysis.font, NULL);
			double pos = (double)pango_font_metrics_get_underline_position(fm) / PANGO_SCALE;
			double th = (double)pango_font_metrics_get_underline_thickness(fm) / PANGO_SCALE;

			cairo_rectangle(D->cr, rx, y - pos, w, th > 0 ? th : 0.5);
			cairo_fill(D->cr);
			pango_font_metrics_unref(fm);
		}
		rx += w;
	}
	if (cur != -2)
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

static void
S_draw_text(struct dr *D, const struct ts_box *bx)
{
	struct ts_blk *b = bx->blk;

	S_sync(D, b);
	S_colour(D->cr, bx->colour);
	if (!S_spanned(b)) {
		cairo_move_to(D->cr, bx->x, bx->base);
		pango_cairo_show_layout_line(D->cr, bx->pl);
	} else if (!S_line_links(b, bx->pl)) {
		S_begin(D, "Span", NULL);
		cairo_move_to(D->cr, bx->x, bx->base);
		pango_cairo_show_layout_line(D->cr, bx->pl);
		S_end(D, "Span");
	} else
		S_draw_runs(D, bx);
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

			if (b->text != NULL && b->text[0] != '\0') {
				buf_puts(&t, b->text);
				buf_putc(&t, ' ');
			}
			for (const char *s = pango_layout_get_text(b->lay); *s != '\0'; s++)
				if (strncmp(s, "\xe2\x80\xa8", 3) == 0) {
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

int
ts_draw(struct ts_doc *doc, struct ts_pages *P, const char *path, long long epoch,
    struct diag *d)
{
	struct dr D;
	struct ts_blk **dests = NULL;
	size_t ndest = 0, destcap = 0, di = 0;
	int ids[7] = { 0 }, rc = -1, has_text = 0;
	char date[40];
	cairo_status_t st;

	memset(&D, 0, sizeof(D));
	D.doc = doc;
	D.d = d;
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
	S_date(doc, epoch, date, sizeof(date));
	cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(D.s, CAIRO_PDF_METADATA_MOD_DATE, date);
	D.cr = cairo_create(D.s);

	S_collect(doc->root, &dests, &ndest, &destcap);
	if (ndest > 1)
		qsort(dests, ndest, sizeof(*dests), S_bypage);
	for (size_t p = 0; p < P->pv.n && !has_text; p++)
		for (size_t i = 0; i < P->pv.p[p].n && !has_text; i++)
			has_text = P->pv.p[p].b[i].kind == TB_TEXT && P->pv.p[p].b[i].blk != NULL &&
			    S_visible(&P->pv.p[p].b[i]);
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
		for (size_t i = 0; i < pg->n && has_text; i++)
			if (pg->b[i].kind == TB_TEXT && pg->b[i].blk != NULL && S_visible(&pg->b[i]))
				S_draw_text(&D, &pg->b[i]);
		/* Leaves must not stay open over the page break (see above). */
		while (D.nopen > 0 && S_textblk(D.open[D.nopen - 1]) &&
		    !S_spanned(D.open[D.nopen - 1]))
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
