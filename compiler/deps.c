/* deps.c: a list of the files one document's build read, kept only while csdoc site asks for it. */
#include "deps.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static int    on;
static char **paths;
static size_t npaths;

void
deps_start(void)
{
	deps_stop();
	on = 1;
}

void
deps_add(const char *path)
{
	if (!on || path == NULL)
		return;
	for (size_t i = 0; i < npaths; i++)
		if (strcmp(paths[i], path) == 0)
			return;
	paths = xreallocarray(paths, npaths + 1, sizeof(*paths));
	paths[npaths++] = xstrdup(path);
}

const char *const *
deps_list(size_t *n)
{
	*n = npaths;
	return (const char *const *)paths;
}

void
deps_stop(void)
{
	for (size_t i = 0; i < npaths; i++)
		free(paths[i]);
	free(paths);
	paths = NULL;
	npaths = 0;
	on = 0;
}
