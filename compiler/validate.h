/* validate.h: check a loaded source against its kind's XML Schema, messages in the user's words. */
#ifndef CSDOC_VALIDATE_H
#define CSDOC_VALIDATE_H

#include <libxml/tree.h>

#include "diag.h"
#include "source.h"

/* The namespace of every csdoc source. */
#define CSDOC_NS "urn:csdoc:1"

/* The document kinds csdoc knows, by root element. */
enum doc_kind {
	KIND_NONE = 0,
	KIND_MINUTES,         /* <minutes>: schemas/minutes.xsd */
	KIND_AGREEMENT,       /* <agreement>: schemas/agreement.xsd */
	KIND_PERFORMANCE,     /* <performance-report>: schemas/performance-report.xsd */
	KIND_REPORT,          /* <report>: schemas/report.xsd, a board paper */
	KIND_PACK             /* <meeting-pack>: schemas/meeting-pack.xsd, an agenda and its papers */
};

/* The kind of DOC from its root element; KIND_NONE after reporting in D. */
enum doc_kind validate_kind(xmlDocPtr doc, struct diag *d);

/* The root element name of KIND ("minutes"). */
const char *validate_kind_name(enum doc_kind kind);

/*
 * Validate SRC's tree against the schema of KIND, reporting every error in
 * its diagnostics with line and column.  Returns 0 if valid.  Schemas are
 * parsed once and kept until validate_cleanup().
 */
int validate_doc(struct source *src, enum doc_kind kind);

/*
 * Validate a print tree against schemas/print.xsd.  A failure is a stylesheet
 * bug, reported as an internal error.  Returns 0 if valid.
 */
int validate_print(xmlDocPtr print, struct diag *d);
/*
 * Parse print.xsd now, for validate_print() later; safe in a thread of its
 * own while others use libxml2 (render.c) once validate_threads_init() has
 * run in the first thread, as long as validate_print() is called after it
 * returns.  A schema that cannot be read is left for validate_print() to
 * report.
 */
void validate_threads_init(void);
void validate_print_preload(void);

/* Free the cached schemas. */
void validate_cleanup(void);

/*
 * Reword one libxml2 schema message (without position) for users; exposed
 * for the unit tests.  Returns a new string.
 */
char *validate_reword(const char *msg);

#endif
