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

struct ts_options {
	long long  epoch;  /* PDF creation/modification time, seconds since 1970;
	                      -1: the print tree's date attribute, else 0 */
	FILE      *boxes;  /* non-NULL: write the text dump of pages and boxes here */
};

/*
 * Lay out PRINT and write the PDF to PDF_PATH (NULL: lay out only, e.g. for
 * the box dump).  The caller writes to a temporary name and renames it.
 * Returns 0 on success; -1 after reporting the reason in D.
 */
int ts_render(xmlDocPtr print, const char *pdf_path,
    const struct ts_options *opt, struct diag *d);

#endif
