/* xslt.h: run csdoc's stylesheets over a compiled tree with libxslt, every security preference set to forbid. */
#ifndef CSDOC_XSLT_H
#define CSDOC_XSLT_H

#include <libxml/tree.h>

#include "diag.h"
#include "util.h"

/*
 * Apply the stylesheet REL (relative to the data directory, e.g.
 * "stylesheets/html/minutes.xsl") to DOC.  Returns the result (caller frees
 * with xmlFreeDoc) or NULL after reporting in D.  Stylesheets are parsed
 * once and kept until xslt_cleanup().
 */
xmlDocPtr xslt_apply(const char *rel, xmlDocPtr doc, struct diag *d);

/*
 * As xslt_apply(), with string parameters: PARAMS holds name, value pairs
 * ending with NULL (values are passed as strings, never as expressions).
 */
xmlDocPtr xslt_apply_params(const char *rel, xmlDocPtr doc, const char **params,
    struct diag *d);

/* Serialize RES as stylesheet REL's xsl:output says, into OUT.  Returns 0 or -1. */
int xslt_serialize(const char *rel, xmlDocPtr res, struct buf *out, struct diag *d);

void xslt_cleanup(void);

/*
 * Wrap every HTML page with the web team's stylesheet PATH (its named
 * templates site-header and site-footer replace csdoc's empty ones); the
 * file must also be allowed to the loader (load_allow()).  Call before the
 * first transform.
 */
void xslt_set_wrap(const char *path);

#endif
