/* packprint.c: a meeting pack's print tree — each paper's print tree joined to the agenda's under the pack's running header. */
#include "packprint.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define PRINT_NS "urn:csdoc:print:1"

/* Non-zero if N is the print element NAME. */
static int
S_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, PRINT_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

/* Set attribute NAME of N to PREFIX + its value, if it has one; with HASH, only "#…" values. */
static void
S_prefix_attr(xmlNodePtr n, const char *name, const char *prefix, int hash)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *nv;

	if (v == NULL)
		return;
	if (hash && v[0] != '#') {
		xmlFree(v);
		return;
	}
	nv = hash ? xasprintf("#%s%s", prefix, (const char *)v + 1) : xasprintf("%s%s", prefix, (const char *)v);
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)nv);
	free(nv);
	xmlFree(v);
}

/*
 * Make a paper's blocks fit the pack: ids, page references and internal
 * links get the paper's prefix (two papers may use one id); headings go one
 * level down, under the item's heading; a contents list goes (it would list
 * the whole pack).
 */
static void
S_rewrite(xmlNodePtr n, const char *prefix)
{
	xmlNodePtr next;

	for (; n != NULL; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (S_is(n, "toc")) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			continue;
		}
		S_prefix_attr(n, "id", prefix, 0);
		if (S_is(n, "page-ref"))
			S_prefix_attr(n, "ref", prefix, 0);
		if (S_is(n, "link"))
			S_prefix_attr(n, "href", prefix, 1);
		if (S_is(n, "heading")) {
			xmlChar *l = xmlGetProp(n, (const xmlChar *)"level");
			long level = l ? strtol((const char *)l, NULL, 10) : 1;
			char num[24];

			xmlFree(l);
			snprintf(num, sizeof(num), "%ld", level < 6 ? level + 1 : 6);
			xmlSetProp(n, (const xmlChar *)"level", (const xmlChar *)num);
		}
		S_rewrite(n->children, prefix);
	}
}

/* Replace the slots of running header H with LEFT and RIGHT. */
static void
S_running(xmlNodePtr h, xmlNsPtr ns, const char *left, const char *right)
{
	xmlNodePtr c, next;

	for (c = h->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlNewTextChild(h, ns, (const xmlChar *)"left", (const xmlChar *)left);
	xmlNewTextChild(h, ns, (const xmlChar *)"right", (const xmlChar *)right);
}

int
packprint_add(xmlDocPtr pack, xmlDocPtr paper, const struct packprint_paper *pp)
{
	xmlNodePtr proot = xmlDocGetRootElement(pack), root = xmlDocGetRootElement(paper);
	xmlNodePtr last_master = NULL, first_flow = NULL;
	xmlNsPtr ns;
	xmlChar *mark;

	if (proot == NULL || root == NULL || !S_is(proot, "document") || !S_is(root, "document"))
		return -1;
	ns = proot->ns;
	for (xmlNodePtr n = proot->children; n != NULL; n = n->next)
		if (S_is(n, "page-master"))
			last_master = n;
	if (last_master == NULL)
		return -1;
	/* the paper's watermark (DRAFT) stays on its own pages, and the pack's stays off them */
	mark = xmlGetProp(root, (const xmlChar *)"watermark");
	for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
		xmlNodePtr copy;

		if (S_is(n, "page-master")) {
			xmlNodePtr h;

			copy = xmlDocCopyNode(n, pack, 1);
			S_prefix_attr(copy, "name", pp->prefix, 0);
			xmlSetProp(copy, (const xmlChar *)"watermark", mark ? mark : (const xmlChar *)"");
			/* a master with a running header carries the pack's; a cover keeps none */
			for (h = copy->children; h != NULL; h = h->next)
				if (S_is(h, "header"))
					S_running(h, ns, pp->running_left, pp->running_right);
			last_master = xmlAddNextSibling(last_master, copy);
		} else if (S_is(n, "flow")) {
			copy = xmlDocCopyNode(n, pack, 1);
			S_prefix_attr(copy, "master", pp->prefix, 0);
			S_rewrite(copy->children, pp->prefix);
			if (pp->before != NULL)
				xmlAddPrevSibling(pp->before, copy);
			else
				xmlAddChild(proot, copy);
			if (first_flow == NULL)
				first_flow = copy;
		}
	}
	xmlFree(mark);
	if (first_flow != NULL) {
		/* the item's heading opens the paper: the agenda's page numbers and links point at it */
		xmlNodePtr h = xmlNewDocNode(pack, ns, (const xmlChar *)"heading", NULL);

		xmlNodeAddContent(h, (const xmlChar *)pp->heading);
		xmlSetProp(h, (const xmlChar *)"level", (const xmlChar *)"1");
		xmlSetProp(h, (const xmlChar *)"id", (const xmlChar *)pp->anchor);
		xmlSetProp(h, (const xmlChar *)"toc", (const xmlChar *)"no");
		xmlSetProp(h, (const xmlChar *)"size", (const xmlChar *)"9");
		xmlSetProp(h, (const xmlChar *)"space-after", (const xmlChar *)"6");
		if (first_flow->children != NULL)
			xmlAddPrevSibling(first_flow->children, h);
		else
			xmlAddChild(first_flow, h);
	}
	return 0;
}
