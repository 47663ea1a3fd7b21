/* expr.c: lexer and recursive-descent parser of figure expressions, with positioned errors. */
#include "figures/expr.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum tok {
	T_END, T_NUM, T_NAME, T_STR, T_PLUS, T_MINUS, T_STAR, T_SLASH,
	T_LPAREN, T_RPAREN, T_COMMA, T_BAD
};

struct parser {
	const char   *s;       /* the whole text */
	size_t        p;       /* scan position */
	enum tok      tok;     /* current token */
	size_t        tpos;    /* its offset */
	size_t        tlen;    /* its length */
	struct num    num;     /* T_NUM: value */
	enum num_kind kind;    /* T_NUM: money, percent or number */
	char         *why;     /* first error (owned), NULL while all is well */
	size_t        errpos;
	int           depth;
	int           ntok;
};

static int
S_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
S_namestart(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
S_namechar(char c)
{
	return S_namestart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
}

static void
S_error(struct parser *ps, size_t pos, const char *fmt, const char *arg)
{
	if (ps->why != NULL)
		return;
	ps->why = xasprintf(fmt, arg);
	ps->errpos = pos;
}

/* Read a number at ps->p: digits [. digits], with £ before or % after. */
static void
S_number(struct parser *ps)
{
	const char *s = ps->s;
	size_t start = ps->p, q = ps->p;
	enum num_kind kind = NK_NUMBER;
	char *text;
	const char *why;

	if ((unsigned char)s[q] == 0xC2 && (unsigned char)s[q + 1] == 0xA3) {
		kind = NK_MONEY;
		q += 2;
	}
	if (s[q] < '0' || s[q] > '9') {
		S_error(ps, start, "expected digits after '£'%s", "");
		ps->tok = T_BAD;
		return;
	}
	while ((s[q] >= '0' && s[q] <= '9') || s[q] == '.')
		q++;
	if (s[q] == ',' && S_digit(s[q + 1]) && S_digit(s[q + 2]) && S_digit(s[q + 3]) &&
	    !S_digit(s[q + 4])) {
		/* 1,000 in an expression is almost surely a thousands separator */
		S_error(ps, q, "write numbers without thousands separators in an expression (80000, not 80,000)%s", "");
		ps->tok = T_BAD;
		return;
	}
	if (s[q] == '%') {
		if (kind == NK_MONEY) {
			S_error(ps, start, "a figure cannot be both money and a percentage%s", "");
			ps->tok = T_BAD;
			return;
		}
		kind = NK_PERCENT;
		q++;
	}
	text = xstrndup(s + start, q - start);
	if (num_parse(text, kind, &ps->num, NULL, &why) != 0) {
		char *both = xasprintf("%s: %s", text, why ? why : "expected a number");

		S_error(ps, start, "bad number %s", both);
		free(both);
		ps->tok = T_BAD;
	} else {
		ps->tok = T_NUM;
		ps->kind = kind;
	}
	free(text);
	ps->tlen = q - start;
	ps->p = q;
}

static void
S_next(struct parser *ps)
{
	const char *s = ps->s;
	char c;

	while (s[ps->p] == ' ' || s[ps->p] == '\t' || s[ps->p] == '\n' || s[ps->p] == '\r')
		ps->p++;
	ps->tpos = ps->p;
	ps->tlen = 1;
	if (++ps->ntok > EXPR_MAX_TOKENS) {
		S_error(ps, ps->p, "the expression is too long: at most %s tokens", "2,000");
		ps->tok = T_BAD;
		return;
	}
	c = s[ps->p];
	switch (c) {
	case '\0':
		ps->tok = T_END;
		ps->tlen = 0;
		return;
	case '+': ps->tok = T_PLUS; break;
	case '-': ps->tok = T_MINUS; break;
	case '*': ps->tok = T_STAR; break;
	case '/': ps->tok = T_SLASH; break;
	case '(': ps->tok = T_LPAREN; break;
	case ')': ps->tok = T_RPAREN; break;
	case ',': ps->tok = T_COMMA; break;
	case '"': {
		const char *end = strchr(s + ps->p + 1, '"');

		if (end == NULL) {
			S_error(ps, ps->p, "a string is not closed: expected '\"'%s", "");
			ps->tok = T_BAD;
			return;
		}
		ps->tok = T_STR;
		ps->tlen = (size_t)(end - (s + ps->p)) + 1;
		ps->p += ps->tlen;
		return;
	}
	default:
		if (S_digit(c) || ((unsigned char)c == 0xC2 && (unsigned char)s[ps->p + 1] == 0xA3)) {
			S_number(ps);
			return;
		}
		if (S_namestart(c)) {
			size_t q = ps->p;

			while (S_namechar(s[q]))
				q++;
			/* a name does not end in '-', '.' or ':': "a-" is "a" then minus */
			while (q > ps->p + 1 && (s[q - 1] == '-' || s[q - 1] == '.' || s[q - 1] == ':'))
				q--;
			ps->tok = T_NAME;
			ps->tlen = q - ps->p;
			ps->p = q;
			return;
		}
		{
			char bad[8] = { 0 };
			size_t n = 1;

			/* quote a whole UTF-8 character */
			while (n < 4 && ((unsigned char)s[ps->p + n] & 0xC0) == 0x80)
				n++;
			memcpy(bad, s + ps->p, n);
			S_error(ps, ps->p, "unexpected '%s': expected a number, a name, an operator (+ - * /) or parentheses", bad);
		}
		ps->tok = T_BAD;
		return;
	}
	ps->p++;
}

static struct expr *
S_node(enum expr_op op, size_t pos)
{
	struct expr *e = xcalloc(1, sizeof(*e));

	e->op = op;
	e->pos = pos;
	return e;
}

static struct expr *
S_binary(enum expr_op op, size_t pos, struct expr *a, struct expr *b)
{
	struct expr *e = S_node(op, pos);

	e->args = xreallocarray(NULL, 2, sizeof(*e->args));
	e->args[0] = a;
	e->args[1] = b;
	e->nargs = 2;
	return e;
}

static struct expr *S_expr(struct parser *);

static struct expr *
S_primary(struct parser *ps)
{
	struct expr *e;

	if (ps->why)
		return NULL;
	switch (ps->tok) {
	case T_NUM:
		e = S_node(EX_NUM, ps->tpos);
		e->num = ps->num;
		e->kind = ps->kind;
		S_next(ps);
		return e;
	case T_NAME:
		e = S_node(EX_NAME, ps->tpos);
		e->name = xstrndup(ps->s + ps->tpos, ps->tlen);
		S_next(ps);
		if (ps->tok != T_LPAREN)
			return e;
		e->op = EX_CALL;
		if (++ps->depth > EXPR_MAX_DEPTH) {
			S_error(ps, ps->tpos, "the expression nests more than %s deep", "64");
			return e;
		}
		S_next(ps);
		if (ps->tok != T_RPAREN) {
			for (;;) {
				struct expr *a;

				if (ps->tok == T_STR) {
					a = S_node(EX_STR, ps->tpos);
					a->name = xstrndup(ps->s + ps->tpos + 1, ps->tlen - 2);
					S_next(ps);
				} else
					a = S_expr(ps);
				e->args = xreallocarray(e->args, e->nargs + 1, sizeof(*e->args));
				e->args[e->nargs++] = a;
				if (ps->why)
					return e;
				if (ps->tok == T_COMMA) {
					S_next(ps);
					continue;
				}
				break;
			}
		}
		if (ps->tok != T_RPAREN)
			S_error(ps, ps->tpos, "expected ',' or ')' to end the arguments of %s()", e->name);
		else
			S_next(ps);
		ps->depth--;
		return e;
	case T_LPAREN: {
		size_t open = ps->tpos;

		if (++ps->depth > EXPR_MAX_DEPTH) {
			S_error(ps, ps->tpos, "the expression nests more than %s deep", "64");
			return NULL;
		}
		S_next(ps);
		e = S_expr(ps);
		if (ps->tok != T_RPAREN)
			S_error(ps, ps->tok == T_END ? open : ps->tpos,
			    ps->tok == T_END ? "'(' is never closed%s" : "expected ')'%s", "");
		else
			S_next(ps);
		ps->depth--;
		return e;
	}
	case T_STR:
		S_error(ps, ps->tpos, "a quoted string can only be an argument, as in band(score, 20, \"High\")%s", "");
		return NULL;
	case T_END:
		S_error(ps, ps->tpos, "the expression ends too soon: expected a number or a name%s", "");
		return NULL;
	case T_BAD:
		return NULL;
	default: {
		char t[2] = { ps->s[ps->tpos], 0 };

		S_error(ps, ps->tpos, "unexpected '%s': expected a number or a name", t);
		return NULL;
	}
	}
}

static struct expr *
S_unary(struct parser *ps)
{
	if (ps->tok == T_MINUS) {
		size_t pos = ps->tpos;
		struct expr *e;

		if (++ps->depth > EXPR_MAX_DEPTH) {
			S_error(ps, pos, "the expression nests more than %s deep", "64");
			return NULL;
		}
		S_next(ps);
		e = S_node(EX_NEG, pos);
		e->args = xreallocarray(NULL, 1, sizeof(*e->args));
		e->args[0] = S_unary(ps);
		e->nargs = 1;
		ps->depth--;
		return e;
	}
	return S_primary(ps);
}

static struct expr *
S_term(struct parser *ps)
{
	struct expr *e = S_unary(ps);

	while (!ps->why && (ps->tok == T_STAR || ps->tok == T_SLASH)) {
		enum expr_op op = ps->tok == T_STAR ? EX_MUL : EX_DIV;
		size_t pos = ps->tpos;

		S_next(ps);
		e = S_binary(op, pos, e, S_unary(ps));
	}
	return e;
}

static struct expr *
S_expr(struct parser *ps)
{
	struct expr *e = S_term(ps);

	while (!ps->why && (ps->tok == T_PLUS || ps->tok == T_MINUS)) {
		enum expr_op op = ps->tok == T_PLUS ? EX_ADD : EX_SUB;
		size_t pos = ps->tpos;

		S_next(ps);
		e = S_binary(op, pos, e, S_term(ps));
	}
	return e;
}

struct expr *
expr_parse(const char *text, size_t *errpos, char **why)
{
	struct parser ps;
	struct expr *e;

	memset(&ps, 0, sizeof(ps));
	ps.s = text;
	S_next(&ps);
	e = S_expr(&ps);
	if (!ps.why && ps.tok != T_END) {
		if (ps.tok == T_NAME || ps.tok == T_NUM)
			S_error(&ps, ps.tpos, "expected an operator (+ - * /) before '%s'",
			    ps.tok == T_NAME ? "this name" : "this number");
		else if (ps.tok == T_RPAREN)
			S_error(&ps, ps.tpos, "')' has no matching '('%s", "");
		else if (ps.tok == T_COMMA)
			S_error(&ps, ps.tpos, "',' separates the arguments of a function call%s", "");
		else if (ps.tok == T_STR)
			S_error(&ps, ps.tpos, "a quoted string can only be an argument%s", "");
		else
			S_error(&ps, ps.tpos, "unexpected text at the end of the expression%s", "");
	}
	if (ps.why) {
		expr_free(e);
		*errpos = ps.errpos;
		*why = ps.why;
		return NULL;
	}
	return e;
}

void
expr_free(struct expr *e)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < e->nargs; i++)
		expr_free(e->args[i]);
	free(e->args);
	free(e->name);
	free(e);
}

void
expr_names(const struct expr *e, void (*f)(const struct expr *, void *), void *arg)
{
	if (e == NULL)
		return;
	if (e->op == EX_NAME)
		f(e, arg);
	for (size_t i = 0; i < e->nargs; i++)
		expr_names(e->args[i], f, arg);
}
