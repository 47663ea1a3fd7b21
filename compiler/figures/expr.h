/* expr.h: the figures expression language — parsed once into a small tree, no loops, no I/O, bounded depth. */
#ifndef CSDOC_EXPR_H
#define CSDOC_EXPR_H

#include <stddef.h>

#include "figures/number.h"

/*
 * Grammar (white space between tokens is free):
 *
 *   expr    = term { ("+" | "-") term }
 *   term    = unary { ("*" | "/") unary }
 *   unary   = "-" unary | primary
 *   primary = NUMBER | NAME | NAME "(" [ arg { "," arg } ] ")" | "(" expr ")"
 *   arg     = expr | STRING
 *
 * NUMBER is digits with an optional fraction, optionally "£" before or "%"
 * after ("£80000", "40%", "0.5"); no thousands separators, since the comma
 * separates arguments.  NAME is a figure, column or cell id: letters,
 * digits, "_", "." and "-" inside (write spaces around a minus that
 * subtracts), and "PREFIX:ID" for a figure of a document named by <uses>.  STRING is "text" in double quotes, for band labels and
 * count.
 */

/* Node types. */
enum expr_op {
	EX_NUM,     /* a literal number */
	EX_STR,     /* a quoted string (only as a function argument) */
	EX_NAME,    /* a figure, column or cell */
	EX_NEG,     /* -a */
	EX_ADD,     /* a + b */
	EX_SUB,     /* a - b */
	EX_MUL,     /* a * b */
	EX_DIV,     /* a / b */
	EX_CALL     /* name(args) */
};

/* One node of an expression tree.  Free the whole tree with expr_free(). */
struct expr {
	enum expr_op   op;
	size_t         pos;    /* byte offset in the source text, for messages */
	struct num     num;    /* EX_NUM */
	enum num_kind  kind;   /* EX_NUM: money for £…, percent for …%, else number */
	char          *name;   /* EX_NAME, EX_CALL: the name; EX_STR: the text (owned) */
	struct expr  **args;   /* EX_CALL: arguments; binary ops: [0] and [1] (owned) */
	size_t         nargs;
};

/* The most nested parentheses, calls and unary minuses in one expression. */
#define EXPR_MAX_DEPTH 64
/* The most tokens in one expression. */
#define EXPR_MAX_TOKENS 2000

/*
 * Parse TEXT.  Returns the tree, or NULL with *ERRPOS (byte offset) and
 * *WHY (a new string, caller frees) saying what is wrong and what was
 * expected.
 */
struct expr *expr_parse(const char *text, size_t *errpos, char **why);

void expr_free(struct expr *e);

/* Call F on every EX_NAME in E (depth first, left to right). */
void expr_names(const struct expr *e,
    void (*f)(const struct expr *name, void *arg), void *arg);

#endif
