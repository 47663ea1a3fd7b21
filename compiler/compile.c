/* compile.c: the pipeline's front half, from a file to the compiled tree every back-end reads. */
#include "compile.h"

#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "compute.h"
#include "csv.h"
#include "deps.h"
#include "figures/figures.h"
#include "load.h"
#include "resolve.h"
#include "rules/agreement.h"
#include "rules/minutes.h"
#include "rules/pack.h"
#include "rules/performance.h"
#include "rules/report.h"
#include "tree.h"
#include "util.h"

/*
 * The kind-specific rules, one row per kind: prepare runs before the
 * figures (what it adds can be cited as figures), compute after them,
 * finish after the footnotes and cross-references are numbered.
 */
static const struct {
	enum doc_kind kind;
	void (*prepare)(struct compute *);
	void (*compute)(struct compute *);
	void (*finish)(struct compute *);
} rules[] = {
	{ KIND_MINUTES, NULL, minutes_compute, NULL },
	{ KIND_AGREEMENT, agreement_prepare, NULL, NULL },
	{ KIND_PERFORMANCE, performance_prepare, NULL, NULL },
	{ KIND_REPORT, report_prepare, NULL, NULL },
	{ KIND_PACK, pack_prepare, NULL, pack_finish },
};

/* Documents using documents: deeper than this is an error. */
#define COMPILE_MAX_USES_DEPTH 4
/* Documents compiled for one source through <uses>, all levels together. */
#define COMPILE_MAX_USED 32

static int uses_depth;
/* The real paths of the documents being compiled, outermost first, to find a circle. */
static char *uses_stack[COMPILE_MAX_USES_DEPTH + 2];
/* Documents compiled so far for the outermost source. */
static int uses_count;

char *
compile_confined(const struct source *src, const char *href, char **path, const char **why)
{
	const char *slash = strrchr(src->path, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash - src->path), src->path) : xstrdup(".");
	char *rdir = realpath(dir, NULL), *rfile;

	*path = slash ? xasprintf("%.*s/%s", (int)(slash - src->path), src->path, href) : xstrdup(href);
	*why = NULL;
	rfile = realpath(*path, NULL);
	if (href[0] == '/' || strstr(href, "..") != NULL)
		*why = "only files in this document's folder or below it can be named";
	else if (rfile == NULL)
		*why = "it cannot be read";
	else if (rdir == NULL || strncmp(rfile, rdir, strlen(rdir)) != 0 || rfile[strlen(rdir)] != '/')
		*why = "it is not in this document's folder or below it (a link may not lead out)";
	free(dir);
	free(rdir);
	if (*why != NULL) {
		free(rfile);
		return NULL;
	}
	return rfile;
}

/* The documents SRC names with <uses>, compiled into SUBS (caller frees). */
static size_t
S_uses(struct source *src, struct compute *c, struct source **subs, struct diag **subd)
{
	xmlNodePtr root = xmlDocGetRootElement(src->doc);
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
			    "documents use one another more than 4 deep");
			continue;
		}
		if (uses_count >= COMPILE_MAX_USED) {
			source_msg(src, u, "href", DE_USES, href,
			    "more than 32 documents are used, directly or through others");
			continue;
		}
		/*
		 * The file must really be in this document's folder or below it:
		 * a symbolic link may not lead out, and a circle is refused.
		 */
		{
			const char *why = NULL;
			char *rfile = compile_confined(src, href, &path, &why);
			struct buf circle = { 0 };

			if (rfile == NULL)
				;
			else
				for (int k = 0; k <= uses_depth && uses_stack[k] != NULL; k++)
					if (strcmp(uses_stack[k], rfile) == 0) {
						for (int m = k; m <= uses_depth && uses_stack[m] != NULL; m++) {
							const char *b = strrchr(uses_stack[m], '/');

							buf_printf(&circle, "%s → ", b ? b + 1 : uses_stack[m]);
						}
						buf_puts(&circle, href);
						why = buf_str(&circle);
						break;
					}
			if (why != NULL) {
				char *m = circle.len ? xasprintf("documents use one another in a circle: %s", why) : xstrdup(why);

				source_msg(src, u, "href", DE_USES, href, m);
				free(m);
			}
			buf_free(&circle);
			if (why != NULL) {
				free(rfile);
				free(path);
				continue;
			}
			uses_stack[uses_depth + 1] = rfile;
		}
		uses_count++;
		subs[n] = s2 = xcalloc(1, sizeof(*s2));
		subd[n] = xcalloc(1, sizeof(**subd));
		diag_init(subd[n], path);
		s2->d = subd[n];
		uses_depth++;
		{
			int rc = compile_file(s2, path, &kind);
			const char *why = NULL;

			uses_depth--;
			free(uses_stack[uses_depth + 1]);
			uses_stack[uses_depth + 1] = NULL;
			if (rc != 0)
				why = subd[n]->worst >= DIAG_FATAL ? "it cannot be read" : "it has errors (run csdoc check on it)";
			else if (kind == KIND_PACK)
				/* a pack's figures are its papers': name the paper itself */
				why = "it is a meeting pack: use the paper that holds the figures";
			if (why != NULL) {
				source_msg(src, u, "href", DE_USES, href, why);
				source_free(s2);
				free(s2);
				diag_free(subd[n]);
				free(subd[n]);
				free(path);
				continue;
			}
		}
		/* the path stays with the source; keep it until the source goes */
		s2->path = path;
		c->used[n] = s2->doc;
		c->as[n] = as;
		n++;
	}
	return n;
}

int
compile_nested(void)
{
	return uses_depth > 0;
}

/* Non-zero if any attribute at or below N is in namespace NS. */
static int
S_ns_used(const xmlNode *n, const xmlNs *ns)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns == ns)
			return 1;
		for (const xmlAttr *a = n->properties; a; a = a->next)
			if (a->ns == ns)
				return 1;
		if (S_ns_used(n->children, ns))
			return 1;
	}
	return 0;
}

/*
 * Drop what only tells an editor where the schema is: <?xml-model?> before
 * the root, and xsi:schemaLocation (or xsi:noNamespaceSchemaLocation) with
 * its namespace declaration on the root.  csdoc always validates against its
 * own schemas, and a compiled tree is the same whether a source names its
 * schema or not.
 */
static void
S_strip_schema_hints(xmlDocPtr doc)
{
	static const char xsi[] = "http://www.w3.org/2001/XMLSchema-instance";
	xmlNodePtr root = xmlDocGetRootElement(doc), next;
	xmlNsPtr *link;

	for (xmlNodePtr c = doc->children; c; c = next) {
		next = c->next;
		if (c->type == XML_PI_NODE && xmlStrEqual(c->name, BAD_CAST "xml-model")) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	if (root == NULL)
		return;
	for (xmlAttrPtr a = root->properties, an; a; a = an) {
		an = a->next;
		if (a->ns && xmlStrEqual(a->ns->href, BAD_CAST xsi) &&
		    (xmlStrEqual(a->name, BAD_CAST "schemaLocation") ||
		     xmlStrEqual(a->name, BAD_CAST "noNamespaceSchemaLocation")))
			xmlRemoveProp(a);
	}
	for (link = &root->nsDef; *link; ) {
		xmlNsPtr ns = *link;

		if (xmlStrEqual(ns->href, BAD_CAST xsi) && !S_ns_used(root, ns)) {
			*link = ns->next;
			ns->next = NULL;
			xmlFreeNs(ns);
		} else
			link = &ns->next;
	}
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
	if (!load_is_wide(bytes, len) && memchr(bytes, '\0', len) == NULL)
		source_index(src, bytes, len);
	else {
		/* positions fall back to libxml2's lines */
		free(bytes);
	}
	if (src->doc == NULL)
		return -1;
	S_strip_schema_hints(src->doc);
	if ((*kind = validate_kind(src->doc, src->d)) == KIND_NONE)
		return -1;
	/* a tree that breaks the schema may have any shape: stop here */
	if (validate_doc(src, *kind) != 0)
		return -1;
	/* rows from a spreadsheet become typed rows before anything reads the tables */
	if (csv_tables(src) != 0)
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
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].kind == *kind && rules[i].prepare != NULL)
			rules[i].prepare(&c);
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
		if (rules[i].kind == *kind && rules[i].compute != NULL)
			rules[i].compute(&c);
	compute_references(&c);
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].kind == *kind && rules[i].finish != NULL)
			rules[i].finish(&c);
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
	int rc, outer = uses_depth == 0;
	/* a meeting pack compiles its papers while it compiles: each paper is
	 * an outermost document of its own, and the pack's record comes back */
	char *saved_top = uses_stack[0];
	int saved_count = uses_count;

	src->path = path;
	deps_add(path);
	if (bytes == NULL)
		return -1;
	/* the outermost document starts the record of who uses whom */
	if (outer) {
		uses_stack[0] = realpath(path, NULL);
		uses_count = 0;
	}
	rc = compile_bytes(src, path, bytes, len, kind);
	if (outer) {
		free(uses_stack[0]);
		uses_stack[0] = saved_top;
		uses_count = saved_count;
	}
	return rc;
}
