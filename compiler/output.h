/* output.h: all-or-nothing output — every file goes to a temporary name and is renamed over its target only when all succeed. */
#ifndef CSDOC_OUTPUT_H
#define CSDOC_OUTPUT_H

#include <stddef.h>

#include "diag.h"

/* The outputs of one document, staged as temporary files. */
struct output {
	char   **tmp;     /* temporary paths (owned) */
	char   **final;   /* target paths (owned) */
	size_t   n;
	char    *newdir;  /* a folder made for the outputs, removed again if they are not committed (owned) */
};

/*
 * A new temporary file beside PATH (same directory, so the rename is
 * atomic), recorded in O.  Returns its name (owned by O), or NULL after
 * reporting in D.
 */
const char *output_stage(struct output *o, const char *path, struct diag *d);

/* Stage BYTES for PATH.  Returns 0 or -1. */
int output_bytes(struct output *o, const char *path, const char *bytes,
    size_t len, struct diag *d);

/* Rename every staged file over its target.  Returns 0 or -1. */
int output_commit(struct output *o, struct diag *d);

/* Remove every staged file still present and free O. */
void output_free(struct output *o);

/*
 * Make the folder DIR, inside an existing one, for staged outputs if it is
 * missing; if the outputs are never committed, output_free() removes it
 * again, so that a failed build leaves nothing behind.  One per O.
 * Returns 0 or -1.
 */
int output_subdir(struct output *o, const char *dir, struct diag *d);

/*
 * Remove every staged file when the process is interrupted or killed
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT), then end it as the signal would:
 * the previous outputs stay and no temporary file is left.  SIGKILL
 * cannot be caught; its leftovers are named TARGET.tmp-XXXXXX.
 */
void output_signals(void);

/* Make directory DIR (and its parents) if missing.  Returns 0 or -1. */
int output_mkdir(const char *dir, struct diag *d);

#endif
