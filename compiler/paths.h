/* paths.h: where csdoc finds its schemas and stylesheets, in the source tree or installed. */
#ifndef CSDOC_PATHS_H
#define CSDOC_PATHS_H

/*
 * The data directory holding schemas/ and stylesheets/: $CSDOC_DATA if set;
 * else found beside the binary (the source tree it was built in, or
 * PREFIX/share/csdoc for PREFIX/bin/csdoc); else the configured
 * CSDOC_DATADIR.  Computed once; not to be freed.
 */
const char *paths_datadir(void);

/* DATADIR/REL as a new string (caller frees). */
char *paths_data(const char *rel);

#endif
