/* tree.c: libxml2 tree helpers shared by every stage after loading. */
#include "tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "validate.h"

int
tree_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, CSDOC_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr
tree_child(const xmlNode *n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c != NULL; c = c->next)
		if (tree_is(c, name))
			return c;
	return NULL;
}

xmlNodePtr
tree_next_elem(const xmlNode *n)
{
	for (n = n ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return (xmlNodePtr)n;
	return NULL;
}

xmlNodePtr
tree_first_elem(const xmlNode *n)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return (xmlNodePtr)n;
	return NULL;
}

const char *
tree_attr(const xmlNode *n, const char *name)
{
	/* Attributes of csdoc sources are unqualified: look in no namespace only. */
	for (xmlAttrPtr a = n ? n->properties : NULL; a != NULL; a = a->next)
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0 &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

char *
tree_text(const xmlNode *n)
{
	xmlChar *s = xmlNodeGetContent(n);
	char *r = xstrdup(s ? (const char *)s : "");

	xmlFree(s);
	return r;
}

char *
tree_text_folded(const xmlNode *n)
{
	char *s = tree_text(n), *w = s;
	int space = 1;

	for (const char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			if (!space)
				*w++ = ' ';
			space = 1;
		} else {
			*w++ = *r;
			space = 0;
		}
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

xmlNsPtr
tree_cns(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNsPtr ns = xmlSearchNsByHref(doc, root, (const xmlChar *)CSDOC_C_NS);

	if (ns == NULL)
		ns = xmlNewNs(root, (const xmlChar *)CSDOC_C_NS, (const xmlChar *)"c");
	return ns;
}

void
tree_set(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetNsProp(n, tree_cns(n->doc), (const xmlChar *)name, (const xmlChar *)value);
}

void
tree_take(xmlNodePtr n, const char *name, char *value)
{
	if (value != NULL)
		tree_set(n, name, value);
	free(value);
}

void
tree_set_long(xmlNodePtr n, const char *name, long value)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", value);
	tree_set(n, name, num);
}

const char *
tree_get(const xmlNode *n, const char *name)
{
	for (xmlAttrPtr a = n ? n->properties : NULL; a != NULL; a = a->next)
		if (a->ns != NULL && strcmp((const char *)a->ns->href, CSDOC_C_NS) == 0 &&
		    strcmp((const char *)a->name, name) == 0 &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

long
tree_line(const xmlNode *n)
{
	return n ? xmlGetLineNo(n) : 0;
}
