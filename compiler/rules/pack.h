/* pack.h: the rules of the meeting pack kind — the agenda, its papers, matters arising. */
#ifndef CSDOC_RULES_PACK_H
#define CSDOC_RULES_PACK_H

#include "compute.h"

/*
 * Before the figures: number the agenda's items and name presenters; then
 * compile every paper the agenda attaches (confined to the pack's folder or
 * below, each once, of the kind the agenda says, never another pack), its
 * messages joining the pack's, and copy each compiled paper into the pack's
 * tree as c:papers/c:paper (n, href, kind), marking the <paper> with
 * c:n, c:kind, c:target (its first page's anchor in the PDF), c:html (its
 * page beside the agenda's) and c:title.  Matters arising list the last
 * minutes' actions (c:action) and report the open ones nobody updated.
 */
void pack_prepare(struct compute *c);

/* After every pass over the pack's own tree: attach the papers, list matters arising. */
void pack_finish(struct compute *c);

#endif
