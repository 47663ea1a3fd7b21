/* deps.h: the files a document's build reads — its source, the documents it uses or attaches, its pictures — for incremental rebuilds. */
#ifndef CSDOC_DEPS_H
#define CSDOC_DEPS_H

#include <stddef.h>

/* Start recording (forgetting anything recorded before). Until then deps_add() does nothing. */
void deps_start(void);

/* Record that the build read PATH (a path as the build named it; duplicates kept once). */
void deps_add(const char *path);

/* The paths recorded so far, in the order first read; *N gets their number. Owned by the recorder. */
const char *const *deps_list(size_t *n);

/* Stop recording and forget. */
void deps_stop(void);

#endif
