/* figout.h: the figures of a compiled tree as tab-separated lines or CSV open data; reads only the compiled tree. */
#ifndef CSDOC_FIGOUT_H
#define CSDOC_FIGOUT_H

#include <libxml/tree.h>

#include "util.h"

/*
 * One line per figure, in document order: "DOC/ID<TAB>VALUE<TAB>DISPLAY",
 * where DOC is the document's id (or its file name without .xml), ID the
 * figure's stable id, VALUE the exact value ("761860", "761860/3", "n/a").
 */
void figout_lines(xmlDocPtr compiled, struct buf *out);

/*
 * The same figures as CSV with a header row: document, id, kind, source
 * (input, computed, stated), value, display, computed, check.
 */
void figout_csv(xmlDocPtr compiled, struct buf *out);

/*
 * The same figures as JSON: {"document": DOC, "figures": [{document, id,
 * kind, source, value, display, computed, check}, …]}, computed and check
 * null where the CSV leaves them empty.
 */
void figout_json(xmlDocPtr compiled, struct buf *out);

#endif
