/* typeset.c: ts_render() — one pango context, the font check, and the three stages in order. */
#include "typeset/typeset.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "typeset/layout.h"
#include "util.h"

/*
 * The one font map and context of a run.  Metrics hinting and glyph
 * position rounding are off so that widths are the font's own, the same on
 * every machine and at every size: line breaks must not depend on a screen.
 */
PangoContext *
ts_context(PangoFontMap **fmp, const char *lang)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	PangoContext *ctx = pango_font_map_create_context(fm);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string(lang ? lang : "en-GB"));
	*fmp = fm;
	return ctx;
}

/*
 * Does the font map have FAMILY itself?  fontconfig substitutes a missing
 * family silently, so ask for it and compare the name of what came back.
 */
int
ts_font_ok(PangoFontMap *fm, PangoContext *ctx, const char *family)
{
	PangoFontDescription *want = pango_font_description_new(), *got;
	PangoFont *font;
	int ok = 0;

	pango_font_description_set_family(want, family);
	pango_font_description_set_absolute_size(want, 10 * PANGO_SCALE);
	font = pango_font_map_load_font(fm, ctx, want);
	if (font != NULL) {
		got = pango_font_describe(font);
		ok = pango_font_description_get_family(got) != NULL &&
		    strcasecmp(pango_font_description_get_family(got), family) == 0;
		pango_font_description_free(got);
		g_object_unref(font);
	}
	pango_font_description_free(want);
	return ok;
}

int
ts_render(xmlDocPtr print, const char *pdf_path, const struct ts_options *opt,
    struct diag *d)
{
	struct ts_doc doc;
	struct ts_pages pages;
	PangoFontMap *fm = NULL;
	PangoContext *ctx = NULL;
	int rc = -1;

	memset(&pages, 0, sizeof(pages));
	if (ts_read(print, &doc, d) != 0)
		goto out;
	ctx = ts_context(&fm, doc.lang);
	if (!ts_font_ok(fm, ctx, doc.font)) {
		char *msg = xasprintf("font '%s' is not installed%s", doc.font,
		    strncasecmp(doc.font, "Liberation ", 11) == 0 ?
		    ": install the Debian package fonts-liberation2" : "");

		diag_msg(d, DF_FONT, 0, 0, msg);
		free(msg);
		goto out;
	}
	if (ts_layout(&doc, ctx, &pages, d) != 0)
		goto out;
	if (opt != NULL && opt->boxes != NULL)
		ts_dump(&pages, opt->boxes);
	if (pdf_path != NULL &&
	    ts_draw(&doc, &pages, pdf_path, opt != NULL ? opt->epoch : -1, d) != 0)
		goto out;
	rc = 0;
out:
	ts_pages_free(&pages);
	ts_doc_free(&doc);
	if (ctx != NULL)
		g_object_unref(ctx);
	if (fm != NULL)
		g_object_unref(fm);
	return rc;
}
