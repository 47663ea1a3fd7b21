/* typeset.h: the print back-end's one entry point — a print tree in, a PDF out. */
#ifndef CSDOC_TYPESET_H
#define CSDOC_TYPESET_H

#include <stdio.h>
#include <libxml/tree.h>

#include "diag.h"

/*
 * The print tree is a document in the print vocabulary (schemas/print.xsd,
 * namespace urn:csdoc:print:1) made by a stylesheet in stylesheets/print.
 * The typesetter never sees the source or the compiled tree.
 */
#define TS_NS "urn:csdoc:print:1"

/*
 * A font map and context made ready before the print tree exists: the ones
 * ts_render() would make for a document in Liberation Sans and British
 * English, with the fonts nearly every print tree is set in already loaded
 * and shaped once (the slow part of a first layout in a font: fontconfig's
 * match, the font file, HarfBuzz's shaping plan).  render.c makes them in
 * a thread of its own while the print stylesheet runs; nothing else may
 * touch them until that thread is joined.
 */
struct ts_fonts {
	void *fm;   /* PangoFontMap *, owned */
	void *ctx;  /* PangoContext *, owned */
};

/* Fill F (see above); may run in any one thread. */
void ts_fonts_warm(struct ts_fonts *f);
/* Release F's font map and context, if any. */
void ts_fonts_drop(struct ts_fonts *f);

struct ts_options {
	long long        epoch;  /* PDF creation/modification time, seconds since 1970;
	                            -1: the print tree's date attribute, else 0 */
	FILE            *boxes;  /* non-NULL: write the text dump of pages and boxes here */
	struct ts_fonts *fonts;  /* non-NULL: fonts made ready (taken over, left empty) */
	int              keep;   /* the process ends after this run: leave its memory
	                            to the operating system rather than free it */
};

/*
 * Lay out PRINT and write the PDF to PDF_PATH (NULL: lay out only, e.g. for
 * the box dump).  The caller writes to a temporary name and renames it.
 * Returns 0 on success; -1 after reporting the reason in D.
 */
int ts_render(xmlDocPtr print, const char *pdf_path,
    const struct ts_options *opt, struct diag *d);

#endif
