/* author.h: the commands that help authors start and edit sources — new (scaffolds), fmt (canonical layout), watch (rebuild on save). */
#ifndef CSDOC_AUTHOR_H
#define CSDOC_AUTHOR_H

#include <libxml/tree.h>

#include "util.h"

/* csdoc new KIND [--partnership NAME] [--date DATE] [-o FILE]; ARGV[0] is "new".  Returns the exit status. */
int author_new(int argc, char **argv);

/* csdoc fmt [-i] FILE...; ARGV[0] is "fmt".  Returns the exit status. */
int author_fmt(int argc, char **argv);

/*
 * Build one source as csdoc build would (writing FORMATS, F_* bits, into
 * OUTDIR), printing its diagnostics; returns its exit status.  The command
 * line supplies it, so that watch builds exactly as build does.
 */
typedef int (*author_build_fn)(const char *path, const char *outdir, int formats);

/* csdoc watch FILE [-o DIR] [-f LIST]; ARGV[0] is "watch".  PARSE_FORMATS reads -f's list into F_* bits (0, or -1 after a usage message). */
int author_watch(int argc, char **argv, author_build_fn build,
    int (*parse_formats)(const char *list, int *out));

/* DOC in csdoc's canonical layout, appended to OUT (see README, "csdoc fmt"). */
void author_fmt_doc(xmlDocPtr doc, struct buf *out);

/*
 * The scaffold TEXT with @PARTNERSHIP@ (escaped for XML), @DATE@ and
 * @PERIOD@ (the financial year DATE falls in, e.g. 2012/13) filled in.
 * Returns a new string (caller frees), or NULL if DATE is not a real
 * YYYY-MM-DD date.
 */
char *author_fill(const char *text, const char *partnership, const char *date);

/* What author_check_name() finds in a name given to csdoc new. */
enum {
	AUTHOR_NAME_OK,
	AUTHOR_NAME_BLANK,     /* empty, or spaces only */
	AUTHOR_NAME_CONTROL,   /* a control character or line break */
	AUTHOR_NAME_NOT_XML,   /* a surrogate, U+FFFE or U+FFFF */
	AUTHOR_NAME_BAD_UTF8,  /* not well-formed UTF-8 */
};

/* Whether NAME can go into a scaffold as the partnership's name. */
int author_check_name(const char *name);

#endif
