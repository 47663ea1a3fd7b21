/* compile.c: the pipeline's front half, from a file to the compiled tree every back-end reads. */
#include "compile.h"

#include <stdlib.h>
#include <string.h>

#include "compute.h"
#include "load.h"
#include "resolve.h"
#include "rules/minutes.h"
#include "tree.h"
#include "util.h"

/* The kind-specific rules, one row per kind. */
static const struct {
	enum doc_kind kind;
	void (*compute)(struct compute *);
} rules[] = {
	{ KIND_MINUTES, minutes_compute },
};

/* UTF-16 and UTF-32 sources parse fine but their byte offsets are not characters. */
static int
S_utf8ish(const char *b, size_t len)
{
	return !(len >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
	    ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF))) &&
	    memchr(b, '\0', len) == NULL;
}

int
compile_bytes(struct source *src, const char *name, char *bytes, size_t len,
    enum doc_kind *kind)
{
	struct compute c;
	struct resolve *ids;
	xmlNodePtr root;
	const char *base;

	src->path = name;
	src->doc = load_memory(bytes, len, name, src->d);
	if (S_utf8ish(bytes, len))
		source_index(src, bytes, len);
	else {
		/* positions fall back to libxml2's lines */
		free(bytes);
	}
	if (src->doc == NULL)
		return -1;
	if ((*kind = validate_kind(src->doc, src->d)) == KIND_NONE)
		return -1;
	/* a tree that breaks the schema may have any shape: stop here */
	if (validate_doc(src, *kind) != 0)
		return -1;
	if ((ids = resolve_doc(src)) == NULL)
		return -1;
	c.src = src;
	c.ids = ids;
	compute_common(&c);
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].kind == *kind)
			rules[i].compute(&c);
	resolve_free(ids);

	root = xmlDocGetRootElement(src->doc);
	tree_set(root, "kind", validate_kind_name(*kind));
	tree_set(root, "generator", "csdoc " CSDOC_VERSION);
	tree_set(root, "lang", "en-GB");
	base = strrchr(name, '/');
	tree_set(root, "source", base ? base + 1 : name);
	return diag_failed(src->d) ? -1 : 0;
}

int
compile_file(struct source *src, const char *path, enum doc_kind *kind)
{
	size_t len = 0;
	char *bytes = load_read(path, (size_t)LOAD_MAX_BYTES, &len, src->d);

	src->path = path;
	if (bytes == NULL)
		return -1;
	return compile_bytes(src, path, bytes, len, kind);
}
