/* floor.c: the least work a cairo/pango document compiler must do — one PangoLayout per block of a print tree, simple pagination, a PDF. */
/*
 * Usage: floor PRINT.xml OUT.pdf
 *
 * PRINT.xml is what `csdoc build -f print` writes for a document: the same
 * text csdoc typesets.  Every paragraph, heading and table cell becomes one
 * PangoLayout set at the width of the column (a table cell: the column
 * divided by the row's cells), stacked down A4 pages and drawn to a PDF
 * surface.  No tags, no links, no table rules, no keep rules: the floor a
 * real typesetter's time is compared with (bench/README.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#define PT_A4_W 595.28
#define PT_A4_H 841.89
#define MARGIN 56.69

struct floor {
	cairo_surface_t      *surface;
	cairo_t              *cr;
	PangoContext         *ctx;
	PangoFontDescription *font;
	double                y;       /* next block's top on the page */
	long                  pages;
};

static int
S_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static void
S_block(struct floor *f, const xmlNode *n, double x, double width)
{
	xmlChar *text = xmlNodeGetContent(n);
	PangoLayout *layout = pango_layout_new(f->ctx);
	int w, h;
	double height;

	pango_layout_set_font_description(layout, f->font);
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(layout, text ? (const char *)text : "", -1);
	pango_layout_get_size(layout, &w, &h);
	height = (double)h / PANGO_SCALE + 4;
	if (f->y + height > PT_A4_H - MARGIN && f->y > MARGIN) {
		cairo_show_page(f->cr);
		f->pages++;
		f->y = MARGIN;
	}
	cairo_move_to(f->cr, x, f->y);
	pango_cairo_show_layout(f->cr, layout);
	f->y += height;
	g_object_unref(layout);
	xmlFree(text);
}

static void
S_walk(struct floor *f, const xmlNode *n)
{
	double body = PT_A4_W - 2 * MARGIN;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (S_is(n, "para") || S_is(n, "heading"))
			S_block(f, n, MARGIN, body);
		else if (S_is(n, "row")) {
			int cells = 0, i = 0;

			for (const xmlNode *c = n->children; c; c = c->next)
				cells += S_is(c, "cell");
			for (const xmlNode *c = n->children; c; c = c->next)
				if (S_is(c, "cell")) {
					double y = f->y;

					/* cells side by side: each from the row's top */
					S_block(f, c, MARGIN + body * i / cells, body / cells);
					if (++i < cells)
						f->y = y;
				}
		} else if (!S_is(n, "page-master"))
			S_walk(f, n->children);
	}
}

int
main(int argc, char **argv)
{
	struct floor f;
	cairo_font_options_t *fo;
	PangoFontMap *map;
	xmlDocPtr doc;

	if (argc != 3) {
		fputs("usage: floor PRINT.xml OUT.pdf\n", stderr);
		return 2;
	}
	doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
	if (doc == NULL) {
		fprintf(stderr, "floor: cannot read %s\n", argv[1]);
		return 1;
	}
	memset(&f, 0, sizeof(f));
	f.surface = cairo_pdf_surface_create(argv[2], PT_A4_W, PT_A4_H);
	f.cr = cairo_create(f.surface);
	map = pango_cairo_font_map_new();
	f.ctx = pango_font_map_create_context(map);
	/* the same exact metrics csdoc's typesetter uses */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(f.ctx, fo);
	pango_context_set_round_glyph_positions(f.ctx, FALSE);
	f.font = pango_font_description_from_string("Liberation Sans 10.5");
	f.y = MARGIN;
	f.pages = 1;
	S_walk(&f, xmlDocGetRootElement(doc));
	cairo_show_page(f.cr);
	cairo_destroy(f.cr);
	cairo_surface_finish(f.surface);
	cairo_surface_destroy(f.surface);
	pango_font_description_free(f.font);
	cairo_font_options_destroy(fo);
	g_object_unref(f.ctx);
	g_object_unref(map);
	xmlFreeDoc(doc);
	printf("%ld pages\n", f.pages);
	return 0;
}
