/* compute.h: what csdoc adds to every document kind's tree — display forms of dates, names, labels. */
#ifndef CSDOC_COMPUTE_H
#define CSDOC_COMPUTE_H

#include <libxml/tree.h>

#include "resolve.h"
#include "source.h"

/* Everything a compute or rules pass needs about the document it works on. */
struct compute {
	struct source  *src;   /* the document, its positions and diagnostics */
	struct resolve *ids;   /* the id table */
	xmlDocPtr      *used;  /* compiled documents named by <uses> (not owned) */
	const char    **as;    /* the prefix each is known by (not owned) */
	size_t          nused;
};

/*
 * The passes every kind shares: registry display names, inline dates and
 * names, list labels, table alignment, link checks.  Errors go to the
 * source's diagnostics.
 */
void compute_common(struct compute *c);

/*
 * After the kind's rules: number footnotes by first citation (warning on
 * one never cited) and give each cross-reference the label it prints.
 */
void compute_references(struct compute *c);

/*
 * Add a figure ID of TYPE in PARENT's c:derived child (made on first use),
 * before the figures are computed: with TEXT typed inside (an input, or a
 * stated value when EXPR is given) and/or the formula EXPR.  ROLE (c:role)
 * tells stylesheets what it is.  An author's element with the id ID is an
 * error: the name is csdoc's.  Messages about the figure are reported at
 * PARENT, or at the element its _private is set to.  Returns the new element.
 */
xmlNodePtr compute_add_figure(struct compute *c, xmlNodePtr parent, const char *id,
    const char *type, const char *role, const char *text, const char *expr);

/*
 * A board paper's standard header (<report-header>): its title, body and
 * date on the root as c:title, c:body and c:date-display, for stylesheets
 * and for a meeting pack naming the paper.
 */
void compute_report_header(struct compute *c);

/* Registry entry ID's display name ("Cllr Tracey Chapman"), or NULL. New string. */
char *who_display(const struct compute *c, const char *id);

/* Registry entry ID's name without title ("Tracey Chapman"), or NULL. New string. */
char *who_plain(const struct compute *c, const char *id);

/* Initials for a person, the short name for an organisation, the name for a group. */
char *who_initials(const struct compute *c, const char *id);

/*
 * Each id in the space-separated list IDS through FN, joined by ", ".
 * A new string.
 */
char *who_join(const struct compute *c, const char *ids,
    char *(*fn)(const struct compute *, const char *));

/* Set c:NAME on N to the display form of the date in attribute ATTR, if present. */
void compute_date_attr(struct compute *c, xmlNodePtr n, const char *attr,
    const char *name, int style);

#endif
