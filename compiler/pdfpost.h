/* pdfpost.h: add what cairo cannot write to a tagged PDF — /Lang, Figure /Alt, DisplayDocTitle, XMP metadata. */
#ifndef CSDOC_PDFPOST_H
#define CSDOC_PDFPOST_H

#include <stddef.h>

#include "diag.h"

/*
 * What to add.  Every string is UTF-8 and may be NULL, which leaves that
 * entry out; none is owned.  The XMP values must match those given to cairo
 * for the Info dictionary, which pdfpost_apply() leaves as cairo wrote it.
 */
struct pdfpost {
	const char  *lang;      /* "en-GB": /Lang in the catalog and dc:language */
	const char  *title;     /* dc:title */
	const char  *author;    /* dc:creator */
	const char  *subject;   /* dc:description */
	const char  *keywords;  /* pdf:Keywords */
	const char  *creator;   /* xmp:CreatorTool */
	const char  *date;      /* ISO 8601 ("2011-03-10T00:00:00Z"): xmp:CreateDate, ModifyDate, MetadataDate */
	const char *const *alts;/* /Alt of the Figure structure elements, in reading order; a NULL entry skips its Figure */
	size_t       nalts;     /* entries in alts; extra ones are ignored, missing ones leave a Figure as it is */
};

/*
 * Add P to the PDF at PATH.  cairo's file (a classic cross-reference
 * table) gets an incremental update appended: the changed objects, the
 * metadata and a new table, the original bytes untouched; a failed append
 * is cut off again.  Any other file is rewritten beside PATH and renamed
 * over it, so PATH is either the old file or the complete new one.
 * The same input and P give byte-identical output.  Returns 0, or -1 after
 * reporting DF_READ (PATH is not a readable PDF), DF_WRITE or DF_INTERNAL
 * in D.
 */
int pdfpost_apply(const char *path, const struct pdfpost *p, struct diag *d);

#endif
