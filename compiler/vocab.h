/* vocab.h: the names a schema declares (elements, the attributes and children of each), read from its XSD files to suggest corrections. */
#ifndef CSDOC_VOCAB_H
#define CSDOC_VOCAB_H

#include <stddef.h>

/*
 * libxml2's compiled schema keeps its attribute uses private and lists at
 * most ten expected elements in a message, so the names are read from the
 * XSD text itself.  Declarations of the same name in different places are
 * merged: the result says what an element of that name may hold anywhere;
 * vocab_attr_in() tells them apart for attributes.
 */
struct vocab;

/* Read the schema file PATH and the files it includes; NULL if it cannot be read. */
struct vocab *vocab_load(const char *path);

void vocab_free(struct vocab *v);

/* Non-zero if some element of the schema is called NAME. */
int vocab_is_element(const struct vocab *v, const char *name);

/*
 * The Ith attribute declared on element ELEM, the Ith element declared as a
 * child of ELEM, or the Ith element that declares NAME as a child: NULL
 * after the last.  Each name once.
 */
const char *vocab_attr(const struct vocab *v, const char *elem, size_t i);
const char *vocab_child(const struct vocab *v, const char *elem, size_t i);
/*
 * The Ith attribute of the declaration of ELEM that applies under element
 * PARENT (NULL: at the top): the one declared in PARENT's content, else
 * the global one, else every declaration of ELEM merged.  A cover's <date>
 * (a plain date) thus has none, while the <date> of running text has when
 * and style.
 */
const char *vocab_attr_in(const struct vocab *v, const char *parent, const char *elem, size_t i);
const char *vocab_parent(const struct vocab *v, const char *name, size_t i);

#endif
