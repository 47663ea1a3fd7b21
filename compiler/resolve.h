/* resolve.h: ids and references — every id unique, every reference names something of the right kind. */
#ifndef CSDOC_RESOLVE_H
#define CSDOC_RESOLVE_H

#include <libxml/tree.h>

#include "source.h"

/* What a reference may name. */
enum ref_kind {
	REF_PERSON = 1 << 0,
	REF_ORG    = 1 << 1,
	REF_GROUP  = 1 << 2,
	REF_ANY    = REF_PERSON | REF_ORG | REF_GROUP,   /* anyone in the registry */
	REF_PRIORITY  = 1 << 3,   /* an agreement's <priority> */
	REF_INDICATOR = 1 << 4,   /* an agreement's <indicator> */
	REF_FOOTNOTE  = 1 << 5,   /* a <footnote> */
	REF_ELEMENT   = 1 << 6,   /* any element with that id (cross-references) */
	REF_MATRIX    = 1 << 7,   /* a report's <risk-matrix> */
	REF_PAPER     = 1 << 8    /* a meeting pack's <paper> */
};

struct resolve;

/*
 * Collect every id in the source's tree, report duplicates, and check every
 * reference attribute in the table in resolve.c.  Returns the id table
 * (free with resolve_free()); errors are in the source's diagnostics.
 */
struct resolve *resolve_doc(struct source *src);

/* The element declaring ID, or NULL. */
xmlNodePtr resolve_get(const struct resolve *r, const char *id);

/* The kind of thing N is for references: a registry entry, priority, indicator or footnote (0 if none). */
enum ref_kind resolve_kind_of(const xmlNode *n);

void resolve_free(struct resolve *r);

#endif
