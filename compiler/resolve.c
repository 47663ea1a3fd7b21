/* resolve.c: the id table of a document and the check of every reference in it. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "suggest.h"
#include "tree.h"
#include "util.h"
#include "validate.h"

/* A declared id and one text to compare an unknown reference with. */
struct offer {
	xmlNodePtr  node;   /* the declaring element (not owned) */
	const char *id;     /* its id (the tree's) */
	char       *as;     /* compared instead of the id (owned), or NULL */
	const char *note;   /* its name (the tree's), or NULL */
};

struct resolve {
	xmlHashTablePtr ids;      /* id → declaring element (not owned) */
	struct offer   *offers;   /* in document order, so ties come out the same every time */
	size_t          noffers, cap;
	int             guesses;  /* unknown references still to be given a suggestion */
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

/*
 * What an unknown reference is compared with, gathered once: each id, and
 * for whatever has a name (a person, an organisation) the name without
 * its spaces and each word of it ("harrison" finds Sue Harrison's id).
 * Bounded, as is the number of references given a suggestion, so that a
 * hostile document of a million ids and a million unknown references
 * does not cost a million million comparisons.
 */
#define RESOLVE_MAX_OFFERS  20000
#define RESOLVE_MAX_GUESSES 200

static void
S_add_offer(struct resolve *r, xmlNodePtr n, const char *id, char *as, const char *note)
{
	if (r->noffers == RESOLVE_MAX_OFFERS) {
		free(as);
		return;
	}
	if (r->noffers == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->offers = xreallocarray(r->offers, r->cap, sizeof(*r->offers));
	}
	r->offers[r->noffers++] = (struct offer){ n, id, as, note };
}

static void
S_free_offers(struct resolve *r)
{
	for (size_t i = 0; i < r->noffers; i++)
		free(r->offers[i].as);
	free(r->offers);
	r->offers = NULL;
	r->noffers = r->cap = 0;
}

static void
S_offers_of(struct resolve *r, xmlNodePtr n, const char *id)
{
	const char *name = tree_attr(n, "name"), *p = name;
	struct buf b = { 0 };
	char *w;

	S_add_offer(r, n, id, NULL, name);
	if (name == NULL)
		return;
	for (const char *c = name; *c; c++)
		if (*c != ' ')
			buf_putc(&b, *c);
	S_add_offer(r, n, id, xstrdup(buf_str(&b)), name);
	buf_free(&b);
	while (r->noffers < RESOLVE_MAX_OFFERS && (w = str_token(&p)) != NULL)
		S_add_offer(r, n, id, w, name);
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
			} else {
				xmlHashAddEntry(r->ids, (const xmlChar *)id, n);
				S_offers_of(r, n, id);
			}
		}
		S_collect(src, r, n->children);
	}
}

/* Offer to SG every candidate a reference wanting WANT may name, within the document's budget. */
static void
S_offer_ids(struct resolve *r, struct suggest *sg, enum ref_kind want)
{
	for (size_t i = 0; i < r->noffers; i++) {
		const struct offer *o = &r->offers[i];

		if (want == REF_ELEMENT || (resolve_kind_of(o->node) & want) != 0)
			suggest_offer(sg, o->id, o->as, o->note);
	}
}

static void
S_check_one(struct source *src, struct resolve *r, xmlNodePtr n, size_t row,
    const char *id)
{
	xmlNodePtr target = xmlHashLookup(r->ids, (const xmlChar *)id);
	enum ref_kind k;

	if (target == NULL) {
		struct suggest sg;
		char *near = NULL;

		if (r->guesses > 0) {
			r->guesses--;
			suggest_init(&sg, id);
			S_offer_ids(r, &sg, refs[row].want);
			near = suggest_list(&sg, "'", "'");
		}
		if (near != NULL)
			source_msg(src, n, refs[row].attr, DE_UNKNOWN_REF_NEAR, refs[row].what, id,
			    S_kind_words(refs[row].want), near);
		else
			source_msg(src, n, refs[row].attr, DE_UNKNOWN_REF, refs[row].what, id,
			    S_kind_words(refs[row].want));
		free(near);
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
	r->guesses = RESOLVE_MAX_GUESSES;
	S_collect(src, r, xmlDocGetRootElement(src->doc));
	S_check(src, r, xmlDocGetRootElement(src->doc));
	/* the offers point into the tree, which later passes change */
	S_free_offers(r);
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
	S_free_offers(r);
	free(r);
}
