/* compile.c: the pipeline's front half, from a file to the compiled tree every back-end reads. */
#include "compile.h"

#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "compute.h"
#include "figures/figures.h"
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

/* Documents using documents: deeper than this is an error (and ends a circle). */
#define COMPILE_MAX_USES_DEPTH 4

static int uses_depth;

/* The documents SRC names with <uses>, compiled into SUBS (caller frees). */
static size_t
S_uses(struct source *src, struct compute *c, struct source **subs, struct diag **subd)
{
	xmlNodePtr root = xmlDocGetRootElement(src->doc);
	const char *slash = strrchr(src->path, '/');
	size_t n = 0;

	for (xmlNodePtr u = tree_first_elem(root); u != NULL; u = tree_next_elem(u)) {
		const char *href = tree_attr(u, "href"), *as = tree_attr(u, "as");
		enum doc_kind kind;
		char *path;
		struct source *s2;

		if (!tree_is(u, "uses") || href == NULL || as == NULL)
			continue;
		/* the schema allows only names below this folder; say so again here */
		if (href[0] == '/' || strstr(href, "..") != NULL) {
			source_msg(src, u, "href", DE_USES, href, "only files in this document's folder or below it can be used");
			continue;
		}
		for (size_t i = 0; i < n; i++)
			if (strcmp(c->as[i], as) == 0)
				source_msg(src, u, "as", DE_USES, href, "another <uses> has the same prefix");
		if (uses_depth >= COMPILE_MAX_USES_DEPTH) {
			source_msg(src, u, "href", DE_USES, href,
			    "documents use one another more than 4 deep, or in a circle");
			continue;
		}
		path = slash ? xasprintf("%.*s/%s", (int)(slash - src->path), src->path, href) : xstrdup(href);
		subs[n] = s2 = xcalloc(1, sizeof(*s2));
		subd[n] = xcalloc(1, sizeof(**subd));
		diag_init(subd[n], path);
		s2->d = subd[n];
		uses_depth++;
		if (compile_file(s2, path, &kind) != 0) {
			source_msg(src, u, "href", DE_USES, href, subd[n]->worst >= DIAG_FATAL ?
			    "it cannot be read" : "it has errors (run csdoc check on it)");
			uses_depth--;
			source_free(s2);
			free(s2);
			diag_free(subd[n]);
			free(subd[n]);
			free(path);
			continue;
		}
		uses_depth--;
		/* the path stays with the source; keep it until the source goes */
		s2->path = path;
		c->used[n] = s2->doc;
		c->as[n] = as;
		n++;
	}
	return n;
}

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
	/* <uses> is bounded by the schema: at most 16 */
	struct source *subs[16];
	struct diag *subd[16];
	xmlDocPtr used[16];
	const char *as[16];
	size_t nsubs;

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
	memset(&c, 0, sizeof(c));
	c.src = src;
	c.ids = ids;
	c.used = used;
	c.as = as;
	compute_common(&c);
	nsubs = S_uses(src, &c, subs, subd);
	c.nused = nsubs;
	figures_compute(&c);
	charts_compute(&c);
	for (size_t i = 0; i < nsubs; i++) {
		free((char *)subs[i]->path);
		source_free(subs[i]);
		free(subs[i]);
		diag_free(subd[i]);
		free(subd[i]);
	}
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
