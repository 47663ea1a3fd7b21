/* tree.h: small helpers over libxml2 trees for csdoc's source and compiled namespaces. */
#ifndef CSDOC_TREE_H
#define CSDOC_TREE_H

#include <libxml/tree.h>

/* Namespace of the attributes and elements csdoc adds to make the compiled tree. */
#define CSDOC_C_NS "urn:csdoc:compiled:1"

/* Non-zero if N is an element named NAME in the source namespace. */
int tree_is(const xmlNode *n, const char *name);

/* First child element of N named NAME in the source namespace, or NULL. */
xmlNodePtr tree_child(const xmlNode *n, const char *name);

/* Next sibling element of N (any name), or NULL. */
xmlNodePtr tree_next_elem(const xmlNode *n);

/* First child element of N (any name), or NULL. */
xmlNodePtr tree_first_elem(const xmlNode *n);

/* Attribute NAME (no namespace) of N, or NULL; points into the tree, not to be freed. */
const char *tree_attr(const xmlNode *n, const char *name);

/* The text content of N as a new string (caller frees), whitespace as is. */
char *tree_text(const xmlNode *n);

/* The text content of N with runs of white space folded to one space and trimmed. */
char *tree_text_folded(const xmlNode *n);

/* Set the compiled attribute c:NAME on N to VALUE (replacing any). */
void tree_set(xmlNodePtr n, const char *name, const char *value);

/* As tree_set() with a new string VALUE, which it frees; nothing is set if VALUE is NULL. */
void tree_take(xmlNodePtr n, const char *name, char *value);

/* As tree_set() with a number. */
void tree_set_long(xmlNodePtr n, const char *name, long value);

/* The compiled attribute c:NAME of N, or NULL; not to be freed. */
const char *tree_get(const xmlNode *n, const char *name);

/* The compiled namespace declared on DOC's root (declared on first use). */
xmlNsPtr tree_cns(xmlDocPtr doc);

/* The line of N (libxml2 keeps it with XML_PARSE_BIG_LINES). */
long tree_line(const xmlNode *n);

#endif
