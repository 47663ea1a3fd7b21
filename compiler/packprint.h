/* packprint.h: joining a meeting pack's papers into one print tree. */
#ifndef CSDOC_PACKPRINT_H
#define CSDOC_PACKPRINT_H

#include <libxml/tree.h>

/* One paper as the pack prints it. */
struct packprint_paper {
	const char *prefix;         /* put before its ids and page-master names: "p4-" */
	const char *anchor;         /* the id of its opening heading, which the agenda's page-refs name */
	const char *heading;        /* that heading: "Item 4: Performance Report" */
	const char *running_left;   /* its running header: the pack */
	const char *running_right;  /* and the item */
	xmlNodePtr  before;         /* a flow of PACK to put the paper's flows before (an item after it), or NULL for the end */
};

/*
 * Append PAPER's page masters and flows (its own print tree, as its kind's
 * stylesheet made it) to the print tree PACK: masters renamed with the
 * prefix and given the pack's running header where they had one, ids and
 * internal links prefixed, headings one level down under an opening
 * heading for the item, contents lists left out.  PAPER is not changed.
 * Returns 0, or -1 if either tree is not a print document.
 */
int packprint_add(xmlDocPtr pack, xmlDocPtr paper, const struct packprint_paper *pp);

#endif
