/* vocab.c: elements, attributes and children read from XSD files, for "did you mean …?". */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "util.h"

#define XS_NS "http://www.w3.org/2001/XMLSchema"

/* A schema includes a handful of files; more means a loop or a mistake. */
#define VOCAB_MAX_DOCS 16
/* Types extend types; deeper than this is a cycle. */
#define VOCAB_MAX_DEPTH 32

struct names {
	char  **v;
	size_t  n, cap;
};

struct entry {
	struct names attrs, kids, parents;
};

struct vocab {
	xmlDocPtr       docs[VOCAB_MAX_DOCS];
	size_t          ndocs;
	xmlHashTablePtr elems;   /* element name → struct entry, every declaration of it merged */
	xmlHashTablePtr decls;   /* "PARENT\tNAME" (a local declaration) or "\tNAME" (the global
	                            one) → struct entry holding that declaration's attributes */
};

static void
S_add(struct names *ns, const char *name)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 8;
		ns->v = xreallocarray(ns->v, ns->cap, sizeof(*ns->v));
	}
	ns->v[ns->n++] = xstrdup(name);
}

static void
S_free_names(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

static void
S_free_entry(void *p, const xmlChar *name)
{
	struct entry *e = p;

	(void)name;
	S_free_names(&e->attrs);
	S_free_names(&e->kids);
	S_free_names(&e->parents);
	free(e);
}

static struct entry *
S_entry_in(xmlHashTablePtr h, const char *name)
{
	struct entry *e = xmlHashLookup(h, (const xmlChar *)name);

	if (e == NULL) {
		e = xcalloc(1, sizeof(*e));
		if (xmlHashAddEntry(h, (const xmlChar *)name, e) != 0) {
			free(e);
			return NULL;
		}
	}
	return e;
}

static struct entry *
S_entry(struct vocab *v, const char *name)
{
	return S_entry_in(v->elems, name);
}

static int
S_xs(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, (const xmlChar *)XS_NS) &&
	    xmlStrEqual(n->name, (const xmlChar *)local);
}

/* ATTR of N without its prefix; NULL if absent or a built-in XML Schema type. Caller frees. */
static char *
S_local(const xmlNode *n, const char *attr)
{
	xmlChar *raw = xmlGetNoNsProp(n, (const xmlChar *)attr);
	const char *colon;
	char *out;

	if (raw == NULL)
		return NULL;
	colon = strchr((const char *)raw, ':');
	if (colon != NULL && strncmp((const char *)raw, "xs:", 3) == 0) {
		xmlFree(raw);
		return NULL;
	}
	out = xstrdup(colon ? colon + 1 : (const char *)raw);
	xmlFree(raw);
	return out;
}

/* The top-level xs:KIND called NAME in any of the files. */
static xmlNodePtr
S_global(const struct vocab *v, const char *kind, const char *name)
{
	for (size_t i = 0; i < v->ndocs; i++) {
		xmlNodePtr root = xmlDocGetRootElement(v->docs[i]);

		for (xmlNodePtr c = root ? root->children : NULL; c != NULL; c = c->next) {
			xmlChar *nm;
			int same;

			if (!S_xs(c, kind))
				continue;
			nm = xmlGetNoNsProp(c, (const xmlChar *)"name");
			same = nm != NULL && strcmp((const char *)nm, name) == 0;
			xmlFree(nm);
			if (same)
				return c;
		}
	}
	return NULL;
}

static void S_content(struct vocab *v, const char *owner, struct entry *only, xmlNodePtr n,
    int depth);

/*
 * Walk the top-level xs:KIND that N's attribute ATTR names, for OWNER (or,
 * if ONLY is non-NULL, for the attributes of one declaration into ONLY).
 */
static void
S_follow(struct vocab *v, const char *owner, struct entry *only, xmlNodePtr n,
    const char *attr, const char *kind, int depth)
{
	char *name = S_local(n, attr);
	xmlNodePtr g = name ? S_global(v, kind, name) : NULL;

	if (g != NULL)
		S_content(v, owner, only, g, depth + 1);
	free(name);
}

/* The attributes the declaration D (an xs:element) gives its element, into the entry KEY of decls. */
static void
S_decl_attrs(struct vocab *v, const char *key, xmlNodePtr d, int depth)
{
	struct entry *e;

	if (xmlHashLookup(v->decls, (const xmlChar *)key) != NULL || (e = S_entry_in(v->decls, key)) == NULL)
		return;
	S_follow(v, key, e, d, "type", "complexType", depth);
	S_content(v, key, e, d, depth);
}

/*
 * Record the attributes and children the content of N gives element
 * OWNER; with ONLY, just the attributes, into ONLY.
 */
static void
S_content(struct vocab *v, const char *owner, struct entry *only, xmlNodePtr n, int depth)
{
	if (depth > VOCAB_MAX_DEPTH)
		return;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || S_xs(c, "annotation"))
			continue;
		if (S_xs(c, "attribute") || S_xs(c, "element")) {
			char *name = S_local(c, "name");
			int local = name != NULL && S_xs(c, "element");
			struct entry *e;

			if (name == NULL)
				name = S_local(c, "ref");
			if (name != NULL && only != NULL) {
				if (S_xs(c, "attribute"))
					S_add(&only->attrs, name);
			} else if (name != NULL && (e = S_entry(v, owner)) != NULL) {
				if (S_xs(c, "attribute"))
					S_add(&e->attrs, name);
				else {
					struct entry *k = S_entry(v, name);

					S_add(&e->kids, name);
					if (k != NULL)
						S_add(&k->parents, owner);
				}
				/* an element declared here: its attributes as this parent's child */
				if (local) {
					char *key = xasprintf("%s\t%s", owner, name);

					S_decl_attrs(v, key, c, depth + 1);
					free(key);
				}
			}
			free(name);
			/* a local element's own content is its own declaration's */
			continue;
		}
		if (S_xs(c, "attributeGroup"))
			S_follow(v, owner, only, c, "ref", "attributeGroup", depth);
		else if (S_xs(c, "group"))
			S_follow(v, owner, only, c, "ref", "group", depth);
		else if (S_xs(c, "extension") || S_xs(c, "restriction"))
			S_follow(v, owner, only, c, "base", "complexType", depth);
		S_content(v, owner, only, c, depth + 1);
	}
}

/* Every xs:element declaration under N, with what its type allows. */
static void
S_declarations(struct vocab *v, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_xs(c, "element")) {
			char *name = S_local(c, "name");

			if (name != NULL) {
				S_entry(v, name);
				S_follow(v, name, NULL, c, "type", "complexType", 0);
				S_content(v, name, NULL, c, 0);
				/* the global declaration: what <NAME ref> anywhere gets */
				if (S_xs(n, "schema")) {
					char *key = xasprintf("\t%s", name);

					S_decl_attrs(v, key, c, 0);
					free(key);
				}
				free(name);
			}
		}
		S_declarations(v, c);
	}
}

/* Read PATH and, once each, the files it includes or imports. */
static void
S_read(struct vocab *v, const char *path)
{
	xmlDocPtr doc;
	xmlNodePtr root;

	for (size_t i = 0; i < v->ndocs; i++)
		if (v->docs[i]->URL && strcmp((const char *)v->docs[i]->URL, path) == 0)
			return;
	if (v->ndocs == VOCAB_MAX_DOCS)
		return;
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (doc == NULL)
		return;
	v->docs[v->ndocs++] = doc;
	root = xmlDocGetRootElement(doc);
	for (xmlNodePtr c = root ? root->children : NULL; c != NULL; c = c->next) {
		xmlChar *loc, *full;

		if (!S_xs(c, "include") && !S_xs(c, "import"))
			continue;
		loc = xmlGetNoNsProp(c, (const xmlChar *)"schemaLocation");
		full = loc ? xmlBuildURI(loc, doc->URL) : NULL;
		if (full != NULL)
			S_read(v, (const char *)full);
		xmlFree(loc);
		xmlFree(full);
	}
}

struct vocab *
vocab_load(const char *path)
{
	struct vocab *v = xcalloc(1, sizeof(*v));

	v->elems = xmlHashCreate(256);
	v->decls = xmlHashCreate(256);
	if (v->elems != NULL && v->decls != NULL)
		S_read(v, path);
	if (v->ndocs == 0) {
		vocab_free(v);
		return NULL;
	}
	for (size_t i = 0; i < v->ndocs; i++) {
		xmlNodePtr root = xmlDocGetRootElement(v->docs[i]);

		if (root != NULL)
			S_declarations(v, root);
	}
	/* the names are copied out: the files are not needed any more */
	for (size_t i = 0; i < v->ndocs; i++)
		xmlFreeDoc(v->docs[i]);
	v->ndocs = 0;
	return v;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->ndocs; i++)
		xmlFreeDoc(v->docs[i]);
	if (v->elems != NULL)
		xmlHashFree(v->elems, S_free_entry);
	if (v->decls != NULL)
		xmlHashFree(v->decls, S_free_entry);
	free(v);
}

int
vocab_is_element(const struct vocab *v, const char *name)
{
	return v != NULL && name != NULL && xmlHashLookup(v->elems, (const xmlChar *)name) != NULL;
}

static const char *
S_nth(const struct vocab *v, const char *elem, size_t i, size_t which)
{
	struct entry *e;
	const struct names *ns;

	if (v == NULL || elem == NULL || (e = xmlHashLookup(v->elems, (const xmlChar *)elem)) == NULL)
		return NULL;
	ns = which == 0 ? &e->attrs : which == 1 ? &e->kids : &e->parents;
	return i < ns->n ? ns->v[i] : NULL;
}

const char *
vocab_attr(const struct vocab *v, const char *elem, size_t i)
{
	return S_nth(v, elem, i, 0);
}

const char *
vocab_attr_in(const struct vocab *v, const char *parent, const char *elem, size_t i)
{
	struct entry *e = NULL;
	char *key;

	if (v == NULL || elem == NULL)
		return NULL;
	/* the declaration under PARENT, else the global one, else every one merged */
	if (parent != NULL) {
		key = xasprintf("%s\t%s", parent, elem);
		e = xmlHashLookup(v->decls, (const xmlChar *)key);
		free(key);
	}
	if (e == NULL) {
		key = xasprintf("\t%s", elem);
		e = xmlHashLookup(v->decls, (const xmlChar *)key);
		free(key);
	}
	if (e == NULL)
		return vocab_attr(v, elem, i);
	return i < e->attrs.n ? e->attrs.v[i] : NULL;
}

const char *
vocab_child(const struct vocab *v, const char *elem, size_t i)
{
	return S_nth(v, elem, i, 1);
}

const char *
vocab_parent(const struct vocab *v, const char *name, size_t i)
{
	return S_nth(v, name, i, 2);
}
