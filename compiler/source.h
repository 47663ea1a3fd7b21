/* source.h: one source file being compiled — its bytes, tree and diagnostics, and positions of nodes in it. */
#ifndef CSDOC_SOURCE_H
#define CSDOC_SOURCE_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag.h"

struct ordinals;

/*
 * Where an element made from another file came from: a table's rows read
 * from a CSV file are reported at the file's own row and column.
 */
struct source_origin {
	const xmlNode *node;
	const char    *file;   /* one of the source's ofiles */
	long           line;
	long           col;
};

/*
 * libxml2 keeps a line per element but no column; csdoc finds the column by
 * looking at the source text, so that every message can say FILE:LINE:COL.
 */
struct source {
	const char  *path;    /* as given on the command line (not owned) */
	char        *bytes;   /* the file's bytes (owned); NULL if not UTF-8 text */
	size_t       len;
	size_t      *lines;   /* byte offset of each line's start (owned) */
	size_t       nlines;
	xmlDocPtr    doc;     /* the parsed tree (owned), later the compiled tree */
	struct diag *d;       /* where messages go (not owned) */
	struct ordinals *ordinals; /* elements' places on their lines, counted on first use (owned) */
	void        *tagoffs; /* where tags start on lines already searched (owned hash table) */
	size_t       lc_off;  /* the last offset given a column, and that column: */
	long         lc_col;  /* counting on from there keeps long lines linear */
	struct source_origin *origins; /* elements made from other files, sorted by node once made (owned) */
	size_t       norigins;
	char       **ofiles;  /* those files' names (owned) */
	size_t       nofiles;
};

/* Index the lines of BYTES (taken over by S) for positions. */
void source_index(struct source *s, char *bytes, size_t len);

/* Free what the source owns (bytes, line index, tree). */
void source_free(struct source *s);

/*
 * Line and column of element N's start tag or, with ATTR, of that attribute
 * on it.  Falls back to libxml2's line and column 0.
 */
void source_pos(const struct source *s, const xmlNode *n, const char *attr,
    long *line, long *col);

/*
 * Line and column of byte OFF of attribute ATTR's value as libxml2 gives it
 * (entities decoded, line ends made spaces), in the source text: where in a
 * formula an error is.
 */
void source_value_pos(const struct source *s, const xmlNode *n, const char *attr,
    size_t off, long *line, long *col);

/* Sort the origins recorded so far, for source_msg() to find them. */
void source_origins_sort(struct source *s);

/* Report ID at node N (and attribute ATTR, or NULL) with printf arguments. */
void source_msg(struct source *s, const xmlNode *n, const char *attr,
    enum diag_id id, ...);

#endif
