/* render.h: staging a compiled document's outputs — HTML, PDF, compiled XML, figures as CSV and JSON. */
#ifndef CSDOC_RENDER_H
#define CSDOC_RENDER_H

#include "output.h"
#include "source.h"
#include "validate.h"

/* Output formats, as bits. */
enum {
	F_PDF   = 1 << 0,   /* NAME.pdf: the typeset document */
	F_HTML  = 1 << 1,   /* NAME.html and csdoc.css */
	F_XML   = 1 << 2,   /* NAME.compiled.xml: the compiled tree */
	F_BOXES = 1 << 3,   /* NAME.boxes: the typesetter's page and box dump */
	F_PRINT = 1 << 4,   /* NAME.print.xml: the print tree the typesetter reads */
	F_CSV   = 1 << 5,   /* NAME.figures.csv: every figure as open data */
	F_JSON  = 1 << 6    /* NAME.figures.json: the same figures as JSON */
};


/* Where and what to render. */
struct render_opts {
	const char *outdir;   /* the folder the outputs go in */
	int         formats;  /* F_* bits */
	const char *stem;     /* the outputs' base name; NULL: the source's file name without .xml */
	const char *css;      /* a stylesheet to publish as csdoc.css beside HTML pages; NULL: csdoc's own */
	int         keep;     /* the process ends after this document: leave the memory of
	                         its print tree and pages to the operating system */
};

/*
 * Stage every output OP asks for of the compiled SRC (of KIND) in O, to be
 * committed by the caller when everything succeeded.  Returns 0, or -1
 * after reporting in SRC's diagnostics.
 */
int render_doc(struct source *src, enum doc_kind kind, const struct render_opts *op,
    struct output *o);

#endif
