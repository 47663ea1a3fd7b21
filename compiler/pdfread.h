/* pdfread.h: a small reader for PDF files with one classic cross-reference table, as cairo writes them: objects by number, dictionary entries, references. */
#ifndef CSDOC_PDFREAD_H
#define CSDOC_PDFREAD_H

#include <stddef.h>

/*
 * pdfpost.c edits a handful of objects of cairo's fresh output; parsing the
 * whole file with qpdf to reach them cost a tenth of a build.  This reader
 * looks only at the bytes it is asked about.  It is deliberately narrow:
 * whatever it does not expect (a cross-reference stream, an earlier update,
 * encryption, a malformed token) makes it fail, and the caller falls back
 * to qpdf, which reads anything and reports properly.
 *
 * A span is a pair of byte offsets [at, end) into the file held in memory.
 */
struct pdfread {
	const char *b;       /* the file's bytes (not owned) */
	size_t      n;       /* their number */
	long long  *offs;    /* offset of object i (generation 0, in use), or -1 (owned) */
	size_t      size;    /* entries in offs: the trailer's /Size */
	long long   xref;    /* offset of the "xref" the file ends with */
	size_t      tr_at;   /* the trailer dictionary's span */
	size_t      tr_end;
};

/*
 * Read the cross-reference table and trailer of the N BYTES.  Returns 0, or
 * -1 if the file is not one this reader handles (R is then empty).
 */
int pdfread_open(struct pdfread *r, const char *bytes, size_t n);
void pdfread_close(struct pdfread *r);

/* The end of the value (one token, or a whole array or dictionary) starting at or after AT; 0 on a malformed value. */
size_t pdfread_value_end(const struct pdfread *r, size_t at);

/* AT past white space and comments. */
size_t pdfread_skip(const struct pdfread *r, size_t at);

/*
 * The span of indirect object NUM's value (generation 0 only, and not a
 * stream).  Returns 0, or -1.
 */
int pdfread_object(const struct pdfread *r, int num, size_t *at, size_t *end);

/* Non-zero if the value at AT (after white space) is a reference "N 0 R"; its number in *NUM. */
int pdfread_is_ref(const struct pdfread *r, size_t at, int *num);

/*
 * The span of the value at [AT, END), with a reference followed to its
 * object (once: a reference to a reference is returned as it is), in
 * *VAT, *VEND; *NUM is the object number followed, or 0.  Returns 0, or -1.
 */
int pdfread_resolve(const struct pdfread *r, size_t at, size_t end, size_t *vat, size_t *vend, int *num);

/*
 * The next entry of the dictionary whose span starts at AT (a "<<"): call
 * first with *POS = 0.  Key and value spans in *KAT, *KEND and *VAT, *VEND.
 * Returns 1 for an entry, 0 at the end, -1 on a malformed dictionary.
 */
int pdfread_dict_next(const struct pdfread *r, size_t at, size_t *pos,
    size_t *kat, size_t *kend, size_t *vat, size_t *vend);

/* The value of KEY ("/S") in the dictionary at AT, in *VAT, *VEND.  Returns 1 if found, 0 if not, -1 on a malformed dictionary. */
int pdfread_dict_get(const struct pdfread *r, size_t at, const char *key, size_t *vat, size_t *vend);

/* The element span of the next item of the array at AT (a "["): as pdfread_dict_next. */
int pdfread_array_next(const struct pdfread *r, size_t at, size_t *pos, size_t *iat, size_t *iend);

/*
 * The name at [AT, END) with its #xx escapes decoded, with its "/", in OUT
 * (SIZE bytes).  Returns 0, or -1 if it is not a name or does not fit.
 */
int pdfread_name(const struct pdfread *r, size_t at, size_t end, char *out, size_t size);

/* The non-negative integer at [AT, END) in *V.  Returns 0, or -1 if it is not one. */
int pdfread_int(const struct pdfread *r, size_t at, size_t end, long long *v);

#endif
