/* compile.h: one source file from bytes to the compiled tree — load, validate, resolve, compute, check. */
#ifndef CSDOC_COMPILE_H
#define CSDOC_COMPILE_H

#include "source.h"
#include "validate.h"

/*
 * Compile PATH into SRC (zeroed by the caller, with SRC->d set).  On
 * success returns 0, SRC->doc is the compiled tree and *KIND its kind.
 * Returns -1 when the document has errors (all of them reported in
 * SRC->d) or could not be read.  Free with source_free() either way.
 */
int compile_file(struct source *src, const char *path, enum doc_kind *kind);

/* As compile_file() from bytes in memory (taken over by SRC). */
int compile_bytes(struct source *src, const char *name, char *bytes,
    size_t len, enum doc_kind *kind);

/* Non-zero while a document named by <uses> compiles (a pack then loads no papers). */
int compile_nested(void);

/*
 * Where HREF, named by SRC, really is: its real path (a new string) if it
 * is a readable file in SRC's folder or below it — no absolute name, no
 * "..", no symbolic link leading out — else NULL with *WHY saying why.
 * *PATH gets HREF joined to SRC's folder (a new string) either way.
 */
char *compile_confined(const struct source *src, const char *href, char **path,
    const char **why);

#endif
