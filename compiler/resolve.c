/* resolve.c: the id table of a document and the check of every reference in it. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "tree.h"
#include "util.h"
#include "validate.h"

struct resolve {
	xmlHashTablePtr ids;   /* id → declaring element (not owned) */
};

/*
 * Every attribute that refers to something, one row each: adding a
 * reference to the vocabulary is one line here.  A list attribute holds
 * several ids separated by spaces.
 */
static const struct {
	const char    *elem;   /* element, in the source namespace */
	const char    *attr;
	int            list;   /* several ids allowed */
	enum ref_kind  want;
	const char    *what;   /* how the message names the attribute */
} refs[] = {
	{ "person",      "org",          0, REF_ORG,    "organisation" },
	{ "attendee",    "person",       0, REF_PERSON, "attendee" },
	{ "attendee",    "representing", 0, REF_PERSON, "representing" },
	{ "action",      "owner",        1, REF_ANY,    "action owner" },
	{ "carried",     "lead",         1, REF_ANY,    "lead" },
	{ "item",        "presenter",    1, REF_ANY,    "presenter" },
	{ "name",        "ref",          0, REF_ANY,    "name" },
	{ "q",           "by",           0, REF_PERSON, "speaker" },
	{ "quote",       "by",           0, REF_PERSON, "speaker" },
	{ "declaration", "by",           0, REF_PERSON, "declaration by" },
	{ "fn",          "ref",          0, REF_FOOTNOTE, "footnote" },
	{ "xref",        "ref",          0, REF_ELEMENT, "cross-reference" },
	{ "indicator",   "priority",     0, REF_PRIORITY, "priority" },
	{ "indicator",   "lead",         1, REF_ANY,    "lead" },
	{ "target",      "indicator",    0, REF_INDICATOR, "indicator" },
	{ "target",      "lead",         1, REF_ANY,    "lead" },
	{ "target-area", "lead",         1, REF_ANY,    "lead" },
	{ "priority-actions", "priority", 0, REF_PRIORITY, "priority" },
	{ "activity",    "lead",         1, REF_ANY,    "lead" },
	{ "member",      "org",          0, REF_ORG,    "member organisation" },
	{ "risks",       "matrix",       0, REF_MATRIX, "risk matrix" },
	{ "agenda-item", "presenter",    1, REF_ANY,    "presenter" },
	{ "matters-arising", "paper",    0, REF_PAPER,  "paper" },
};

enum ref_kind
resolve_kind_of(const xmlNode *n)
{
	if (tree_is(n, "person"))
		return REF_PERSON;
	if (tree_is(n, "organisation"))
		return REF_ORG;
	if (tree_is(n, "group"))
		return REF_GROUP;
	if (tree_is(n, "priority"))
		return REF_PRIORITY;
	if (tree_is(n, "indicator"))
		return REF_INDICATOR;
	if (tree_is(n, "footnote"))
		return REF_FOOTNOTE;
	if (tree_is(n, "risk-matrix"))
		return REF_MATRIX;
	if (tree_is(n, "paper"))
		return REF_PAPER;
	return 0;
}

static const char *
S_kind_words(enum ref_kind k)
{
	switch ((int)k) {
	case REF_PERSON:
		return "a person";
	case REF_ORG:
		return "an organisation";
	case REF_GROUP:
		return "a group";
	case REF_ANY:
		return "a person, organisation or group in <registry>";
	case REF_PRIORITY:
		return "a <priority> in <priorities>";
	case REF_INDICATOR:
		return "an <indicator>";
	case REF_FOOTNOTE:
		return "a <footnote> in <footnotes>";
	case REF_ELEMENT:
		return "an element of this document";
	case REF_MATRIX:
		return "a <risk-matrix>";
	case REF_PAPER:
		return "a <paper> of this agenda";
	default:
		return "something else";
	}
}

static void
S_collect(struct source *src, struct resolve *r, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		const char *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = tree_attr(n, "id");
		if (id != NULL) {
			xmlNodePtr first = xmlHashLookup(r->ids, (const xmlChar *)id);

			if (first != NULL) {
				source_msg(src, n, "id", DE_DUP_ID, id);
				source_msg(src, first, "id", DN_FIRST_DECLARED, id);
			} else
				xmlHashAddEntry(r->ids, (const xmlChar *)id, n);
		}
		S_collect(src, r, n->children);
	}
}

static void
S_check_one(struct source *src, struct resolve *r, xmlNodePtr n, size_t row,
    const char *id)
{
	xmlNodePtr target = xmlHashLookup(r->ids, (const xmlChar *)id);
	enum ref_kind k;

	if (target == NULL) {
		source_msg(src, n, refs[row].attr, DE_UNKNOWN_REF, refs[row].what, id,
		    S_kind_words(refs[row].want));
		return;
	}
	if (refs[row].want == REF_ELEMENT)
		return;   /* anything with an id can be cross-referred to */
	k = resolve_kind_of(target);
	if ((k & refs[row].want) == 0) {
		char *what = xasprintf("<%s>", (const char *)target->name);

		source_msg(src, n, refs[row].attr, DE_WRONG_REF, refs[row].what, id,
		    k ? S_kind_words(k) : what, S_kind_words(refs[row].want));
		free(what);
	}
}

static void
S_check(struct source *src, struct resolve *r, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
			const char *v;

			if (!tree_is(n, refs[i].elem) || (v = tree_attr(n, refs[i].attr)) == NULL)
				continue;
			if (!refs[i].list) {
				S_check_one(src, r, n, i, v);
				continue;
			}
			/* a list: each space-separated id on its own */
			for (char *one; (one = str_token(&v)) != NULL; free(one))
				S_check_one(src, r, n, i, one);
		}
		S_check(src, r, n->children);
	}
}

struct resolve *
resolve_doc(struct source *src)
{
	struct resolve *r = xcalloc(1, sizeof(*r));

	r->ids = xmlHashCreate(64);
	if (r->ids == NULL) {
		diag_msg(src->d, DF_INTERNAL, 0, 0, "cannot create the id table");
		free(r);
		return NULL;
	}
	S_collect(src, r, xmlDocGetRootElement(src->doc));
	S_check(src, r, xmlDocGetRootElement(src->doc));
	return r;
}

xmlNodePtr
resolve_get(const struct resolve *r, const char *id)
{
	if (r == NULL || id == NULL)
		return NULL;
	return xmlHashLookup(r->ids, (const xmlChar *)id);
}

void
resolve_free(struct resolve *r)
{
	if (r == NULL)
		return;
	xmlHashFree(r->ids, NULL);
	free(r);
}
