/* load.h: safe loading of a source file — size cap, no DTD, no entities, no network, errors captured. */
#ifndef CSDOC_LOAD_H
#define CSDOC_LOAD_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag.h"

/* Sources larger than this are refused before parsing (documented in README). */
#define LOAD_MAX_BYTES   (16L * 1024 * 1024)
/* libxml2's own nesting limit without XML_PARSE_HUGE, which csdoc never sets. */
#define LOAD_MAX_DEPTH   256

/*
 * Once per process, before any parsing: install the deny-all external entity
 * loader and silence libxml2's default error printing (every message goes
 * through diag instead).
 */
void load_init(void);
/*
 * libxml2's error handlers are per thread: a thread of csdoc's own (render.c)
 * calls this so that libxml2 prints nothing there either.
 */
void load_thread_init(void);

/*
 * Let the loader read the file PATH too (and nothing else besides csdoc's
 * own): the web team's stylesheet wrapping every page.  Returns 0, or -1 if
 * PATH does not exist.
 */
int load_allow(const char *path);

/*
 * Read and parse PATH.  Returns the document (caller frees with xmlFreeDoc),
 * or NULL after reporting every reason in D.  A parse that reported any error
 * returns NULL even if libxml2 built a tree.
 */
xmlDocPtr load_file(const char *path, struct diag *d);

/* As load_file() for bytes already in memory; NAME is the document's URL. */
xmlDocPtr load_memory(const char *bytes, size_t len, const char *name,
    struct diag *d);

/*
 * Non-zero if BYTES are UTF-16 or UTF-32 (with or without a byte order
 * mark): such text holds NUL bytes, and its byte offsets are not characters.
 */
int load_is_wide(const char *bytes, size_t len);

/*
 * Read all of PATH into a new buffer (caller frees), refusing anything larger
 * than MAX bytes.  Returns NULL after reporting in D.
 */
char *load_read(const char *path, size_t max, size_t *lenp, struct diag *d);

#endif
