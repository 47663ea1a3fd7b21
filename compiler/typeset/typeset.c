/* typeset.c: ts_render() — one pango context, the font and hyphenation checks, the three stages in order, then the PDF's post-processing. */
#include "typeset/typeset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <hyphen.h>
#include <libxml/entities.h>
#include <pango/pangofc-fontmap.h>

#include "pdfpost.h"
#include "typeset/layout.h"
#include "util.h"

/*
 * The fontconfig configuration of a run: the system's font directories and
 * caches, but only the fonts of FAMILY (the document's), Liberation Sans
 * (graphics' text, layout.c) and DejaVu Sans (a fallback for characters the
 * others lack, if it is installed), and none of the system's substitution
 * rules.  fontconfig's own configuration parses some fifty files and every
 * lookup sorts every font on the machine, once per font description: a
 * quarter of the instructions of a long PDF build went there.  With a
 * handful of fonts a sort is cheap, and what a document is set in no longer
 * depends on what else a machine has installed.  A family that is not
 * there is still reported by ts_font_ok(): nothing stands in for it but
 * the fallback, whose name differs.
 *
 * The directories are those of Debian's fonts.conf (also the usual ones
 * elsewhere); the caches fc-cache wrote are read, so no font file is
 * opened here.  The configuration is made the current one, so that
 * pango's start-up FcInit() finds it and loads nothing; it is kept for
 * later runs of the process and rebuilt only for another family.
 */
static FcConfig *S_fc;
static char *S_fc_family;

static FcConfig *
S_fc_config(const char *family)
{
	static const char *fixed[] = { "Liberation Sans", "DejaVu Sans" };
	xmlChar *esc;
	char *xml, *accept;
	FcConfig *fc;

	if (S_fc != NULL && strcmp(S_fc_family, family) == 0)
		return S_fc;
	accept = xstrdup("");
	for (size_t i = 0; i <= sizeof(fixed) / sizeof(fixed[0]); i++) {
		const char *f = i == 0 ? family : fixed[i - 1];
		char *more;

		esc = xmlEncodeSpecialChars(NULL, (const xmlChar *)f);
		more = xasprintf("%s<pattern><patelt name=\"family\"><string>%s</string></patelt></pattern>",
		    accept, (const char *)esc);
		xmlFree(esc);
		free(accept);
		accept = more;
	}
	xml = xasprintf("<fontconfig>"
	    "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>"
	    "<dir prefix=\"xdg\">fonts</dir><dir>~/.fonts</dir>"
	    "<cachedir>/var/cache/fontconfig</cachedir>"
	    "<cachedir prefix=\"xdg\">fontconfig</cachedir><cachedir>~/.fontconfig</cachedir>"
	    "<selectfont><acceptfont>%s</acceptfont>"
	    "<rejectfont><pattern/></rejectfont></selectfont>"
	    "</fontconfig>", accept);
	free(accept);
	/* should fontconfig fail, pango keeps the system's configuration */
	fc = FcConfigCreate();
	if (fc != NULL && (!FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)xml, FcTrue) ||
	    !FcConfigBuildFonts(fc) || !FcConfigSetCurrent(fc))) {
		FcConfigDestroy(fc);
		fc = NULL;
	}
	free(xml);
	if (fc == NULL)
		return S_fc;
	/* the current configuration holds its own reference */
	if (S_fc != NULL)
		FcConfigDestroy(S_fc);
	S_fc = fc;
	free(S_fc_family);
	S_fc_family = xstrdup(family);
	return fc;
}

/*
 * The one font map and context of a run, for a document set in FAMILY
 * (NULL: Liberation Sans).  Metrics hinting and glyph position rounding
 * are off so that widths are the font's own, the same on every machine
 * and at every size: line breaks must not depend on a screen.
 */
PangoContext *
ts_context(PangoFontMap **fmp, const char *family, const char *lang)
{
	FcConfig *fc = S_fc_config(family != NULL ? family : "Liberation Sans");
	PangoFontMap *fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	PangoContext *ctx;
	cairo_font_options_t *fo = cairo_font_options_create();

	if (fc != NULL)
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), fc);
	/*
	 * The map's resolution as the context's: pango measures a font's
	 * metrics in a context of its own made at the map's resolution, and at
	 * another one than ours every font was looked up again (a fontconfig
	 * match and sort, each in a thread of its own).
	 */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72);
	ctx = pango_font_map_create_context(fm);

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
 * The fonts nearly every print tree is set in: the body (10.5 pt, the
 * typesetter's default) in each face, table cells (9.5 pt, csdoc's
 * stylesheets), headings (the default sizes of levels 1 to 3, bold) and
 * running heads and notes (8 pt).  Any other font is loaded when a layout
 * first uses it, as it would be without this list.
 */
static const struct {
	double size;
	int    bold, italic;
} S_common[] = {
	{ 10.5, 0, 0 }, { 10.5, 1, 0 }, { 10.5, 0, 1 }, { 10.5, 1, 1 },
	{ 9.5, 0, 0 }, { 9.5, 1, 0 }, { 16, 1, 0 }, { 13, 1, 0 }, { 11.5, 1, 0 },
	{ 8, 0, 0 },
};

void
ts_fonts_warm(struct ts_fonts *f)
{
	PangoFontMap *fm;
	PangoContext *ctx = ts_context(&fm, NULL, NULL);

	for (size_t i = 0; i < sizeof(S_common) / sizeof(S_common[0]); i++) {
		PangoLayout *lay = pango_layout_new(ctx);
		PangoFontDescription *fd = ts_font_desc("Liberation Sans", S_common[i].size,
		    S_common[i].bold, S_common[i].italic);
		int w, h;

		pango_layout_set_font_description(lay, fd);
		/* letters, figures and the signs figures are written with */
		pango_layout_set_text(lay, "Safer Essex 2010/11: \xc2\xa3" "1,115,160 (40%)", -1);
		pango_layout_get_size(lay, &w, &h);
		pango_font_description_free(fd);
		g_object_unref(lay);
	}
	f->fm = fm;
	f->ctx = ctx;
}

void
ts_fonts_drop(struct ts_fonts *f)
{
	if (f->ctx != NULL)
		g_object_unref(f->ctx);
	if (f->fm != NULL)
		g_object_unref(f->fm);
	f->ctx = NULL;
	f->fm = NULL;
}

/*
 * The font map and context for DOC: those made ready in OPT if they were
 * made for its font and language, else new ones.  OPT's are taken over.
 */
static PangoContext *
S_context(const struct ts_doc *doc, const struct ts_options *opt, PangoFontMap **fm)
{
	struct ts_fonts *ready = opt != NULL ? opt->fonts : NULL;
	PangoContext *ctx;

	if (ready != NULL && ready->ctx != NULL && strcmp(doc->font, "Liberation Sans") == 0 &&
	    (doc->lang == NULL || strcmp(doc->lang, "en-GB") == 0)) {
		*fm = ready->fm;
		ctx = ready->ctx;
		ready->fm = NULL;
		ready->ctx = NULL;
		return ctx;
	}
	if (ready != NULL)
		ts_fonts_drop(ready);
	return ts_context(fm, doc->font, doc->lang);
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

/* Non-zero, after reporting DF_FONT, if FAMILY is not installed. */
static int
S_font_missing(PangoFontMap *fm, PangoContext *ctx, const char *family, struct diag *d)
{
	char *msg;

	if (ts_font_ok(fm, ctx, family))
		return 0;
	msg = xasprintf("font '%s' is not installed%s", family,
	    strncasecmp(family, "Liberation ", 11) == 0 ?
	    ": install the Debian package fonts-liberation2" : "");
	diag_msg(d, DF_FONT, 0, 0, msg);
	free(msg);
	return 1;
}

/* The en-GB patterns Debian's hyphen-en-gb installs; CSDOC_HYPHEN_DIC names another file. */
#define HYPHEN_DIC "/usr/share/hyphen/hyph_en_GB.dic"

/*
 * The hyphenation patterns for DOC's justified paragraphs into doc->hyph.
 * Patterns are English: a document in another language is not
 * hyphenated.  Returns 0, or -1 after reporting DF_HYPHEN: a missing file
 * is an error that names the package, never a silent change of layout.
 */
static int
S_hyphen_load(struct ts_doc *doc, struct diag *d)
{
	const char *path = getenv("CSDOC_HYPHEN_DIC");
	FILE *f;

	if (!doc->justify || (doc->lang != NULL && strncasecmp(doc->lang, "en", 2) != 0))
		return 0;
	if (path == NULL || path[0] == '\0')
		path = HYPHEN_DIC;
	/* opened here, not by hnj_hyphen_load(), which prints its own complaint */
	if ((f = fopen(path, "r")) != NULL) {
		doc->hyph = hnj_hyphen_load_file(f);
		fclose(f);
	}
	if (doc->hyph == NULL) {
		char *msg = xasprintf("the hyphenation patterns %s cannot be read: install the Debian package hyphen-en-gb",
		    path);

		diag_msg(d, DF_HYPHEN, 0, 0, msg);
		free(msg);
		return -1;
	}
	return 0;
}

int
ts_render(xmlDocPtr print, const char *pdf_path, const struct ts_options *opt,
    struct diag *d)
{
	struct ts_doc doc;
	struct ts_pages pages;
	struct ts_drawn drawn;
	PangoFontMap *fm = NULL;
	PangoContext *ctx = NULL;
	int rc = -1;

	memset(&pages, 0, sizeof(pages));
	memset(&drawn, 0, sizeof(drawn));
	if (ts_read(print, &doc, d) != 0)
		goto out;
	ctx = S_context(&doc, opt, &fm);
	/* Graphics' text is Liberation Sans whatever the body's font (layout.c). */
	if (S_font_missing(fm, ctx, doc.font, d) ||
	    (doc.graphics && S_font_missing(fm, ctx, "Liberation Sans", d)))
		goto out;
	if (S_hyphen_load(&doc, d) != 0)
		goto out;
	if (ts_layout(&doc, ctx, &pages, d) != 0)
		goto out;
	if (opt != NULL && opt->boxes != NULL)
		ts_dump(&pages, opt->boxes);
	if (pdf_path != NULL) {
		struct pdfpost pp;

		if (ts_draw(&doc, &pages, pdf_path, opt != NULL ? opt->epoch : -1, &drawn, d) != 0)
			goto out;
		/* the pages' layouts are drawn: their memory is not needed beside qpdf's */
		if (opt == NULL || !opt->keep) {
			ts_pages_free(&pages);
			memset(&pages, 0, sizeof(pages));
		}
		/* What cairo 1.16 cannot write; the Info dictionary's values again for the XMP. */
		memset(&pp, 0, sizeof(pp));
		pp.lang = doc.lang != NULL && doc.lang[0] != '\0' ? doc.lang : "en-GB";
		pp.title = doc.title;
		pp.author = doc.author;
		pp.subject = doc.subject;
		pp.keywords = doc.keywords;
		pp.creator = "csdoc";
		pp.date = drawn.date;
		pp.alts = drawn.alts;
		pp.nalts = drawn.nalts;
		if (pdfpost_apply(pdf_path, &pp, d) != 0)
			goto out;
	}
	rc = 0;
out:
	/* fonts made ready but not taken (the print tree could not be read) */
	if (opt != NULL && opt->fonts != NULL)
		ts_fonts_drop(opt->fonts);
	free(drawn.alts);
	/* a millisecond of an Agreement's build, for memory the exit frees anyway */
	if (opt != NULL && opt->keep)
		return rc;
	ts_pages_free(&pages);
	if (doc.hyph != NULL)
		hnj_hyphen_free(doc.hyph);
	ts_doc_free(&doc);
	if (ctx != NULL)
		g_object_unref(ctx);
	if (fm != NULL)
		g_object_unref(fm);
	return rc;
}
