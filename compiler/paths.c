/* paths.c: locate the data directory once, from the environment, the binary's place or the install prefix. */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#ifndef CSDOC_DATADIR
#define CSDOC_DATADIR "/usr/local/share/csdoc"
#endif

static char *datadir;

static int
S_has_schemas(const char *dir)
{
	char *p = xasprintf("%s/schemas/common.xsd", dir);
	int ok = access(p, R_OK) == 0;

	free(p);
	return ok;
}

/*
 * Beside the running binary: the source tree it was built in (compiler/csdoc
 * or build/…/csdoc below a directory with schemas/), or an install tree
 * (PREFIX/bin/csdoc with PREFIX/share/csdoc), wherever it was moved.
 */
static char *
S_from_binary(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int up = 0; up < 4; up++) {
		char *slash = strrchr(exe, '/'), *share;

		if (slash == NULL || slash == exe)
			return NULL;
		*slash = '\0';
		if (up == 0)
			continue;
		if (S_has_schemas(exe))
			return xstrdup(exe);
		share = xasprintf("%s/share/csdoc", exe);
		if (S_has_schemas(share))
			return share;
		free(share);
	}
	return NULL;
}

const char *
paths_datadir(void)
{
	const char *env;

	if (datadir != NULL)
		return datadir;
	env = getenv("CSDOC_DATA");
	if (env != NULL && *env != '\0')
		datadir = xstrdup(env);
	else if ((datadir = S_from_binary()) == NULL)
		datadir = xstrdup(CSDOC_DATADIR);
	return datadir;
}

char *
paths_data(const char *rel)
{
	return xasprintf("%s/%s", paths_datadir(), rel);
}
