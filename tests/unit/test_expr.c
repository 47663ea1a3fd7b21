/* test_expr.c: the figures expression parser — trees for good input, positioned reasons for bad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "figures/expr.h"
#include "util.h"

/* The tree as prefix text: (- pot (+ a b)), sum(col), 40%. */
static void
S_show(const struct expr *e, struct buf *b)
{
	static const char *const ops[] = {
		[EX_NEG] = "neg", [EX_ADD] = "+", [EX_SUB] = "-", [EX_MUL] = "*", [EX_DIV] = "/",
	};
	char *n;

	switch (e->op) {
	case EX_NUM:
		n = num_exact(e->num);
		buf_printf(b, "%s%s", n, e->kind == NK_MONEY ? "£" : e->kind == NK_PERCENT ? "%" : "");
		free(n);
		return;
	case EX_STR:
		buf_printf(b, "\"%s\"", e->name);
		return;
	case EX_NAME:
		buf_puts(b, e->name);
		return;
	case EX_CALL:
		buf_printf(b, "%s(", e->name);
		for (size_t i = 0; i < e->nargs; i++) {
			if (i)
				buf_puts(b, " ");
			S_show(e->args[i], b);
		}
		buf_puts(b, ")");
		return;
	default:
		buf_printf(b, "(%s", ops[e->op]);
		for (size_t i = 0; i < e->nargs; i++) {
			buf_puts(b, " ");
			S_show(e->args[i], b);
		}
		buf_puts(b, ")");
	}
}

static void
S_parses(const char *text, const char *want)
{
	size_t pos;
	char *why = NULL;
	struct expr *e = expr_parse(text, &pos, &why);
	struct buf b = { 0 };

	if (e == NULL)
		fail_msg("'%s' did not parse: %s at %zu", text, why, pos);
	S_show(e, &b);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
	expr_free(e);
}

static void
S_rejects(const char *text, size_t wantpos, const char *wantwhy)
{
	size_t pos = 999;
	char *why = NULL;
	struct expr *e = expr_parse(text, &pos, &why);

	if (e != NULL)
		fail_msg("'%s' was accepted", text);
	assert_non_null(why);
	if (strstr(why, wantwhy) == NULL)
		fail_msg("'%s': '%s' does not say '%s'", text, why, wantwhy);
	assert_int_equal(pos, wantpos);
	free(why);
}

static void
test_good(void **state)
{
	(void)state;
	S_parses("pot - ypt - daat", "(- (- pot ypt) daat)");
	S_parses("a + b * c", "(+ a (* b c))");
	S_parses("(a + b) * c", "(* (+ a b) c)");
	S_parses("-a - -b", "(- (neg a) (neg b))");
	S_parses("cut(budget, 40%)", "cut(budget 2/5%)");
	S_parses("apportion(csp-pot, grant)", "apportion(csp-pot grant)");
	S_parses("£80000 / 4", "(/ 80000£ 4)");
	S_parses("sum(csp-allocations.grant)", "sum(csp-allocations.grant)");
	S_parses("band(score, 20, \"Very High\", 10, \"High\", \"Low\")",
	    "band(score 20 \"Very High\" 10 \"High\" \"Low\")");
	S_parses("f()", "f()");
	S_parses("  1.5  ", "3/2");
	/* a name does not swallow a trailing minus */
	S_parses("a- b", "(- a b)");
}

static void
test_bad(void **state)
{
	(void)state;
	S_rejects("", 0, "ends too soon");
	S_rejects("pot -", 5, "ends too soon");
	S_rejects("(a + b", 0, "never closed");
	S_rejects("a + b)", 5, "no matching '('");
	S_rejects("a b", 2, "expected an operator");
	S_rejects("a + $", 4, "unexpected '$'");
	S_rejects("80,000 + a", 2, "without thousands separators");
	S_rejects("sum(a b)", 6, "expected ',' or ')'");
	S_rejects("\"x\" + 1", 0, "only be an argument");
	S_rejects("£", 0, "expected digits after");
	S_rejects("1.2.3", 0, "bad number 1.2.3");
	S_rejects("£5%", 0, "both money and a percentage");
}

static void
test_limits(void **state)
{
	char deep[400], *p = deep;
	struct buf b = { 0 };

	(void)state;
	for (int i = 0; i < 100; i++)
		*p++ = '(';
	*p++ = '1';
	for (int i = 0; i < 100; i++)
		*p++ = ')';
	*p = '\0';
	S_rejects(deep, 64, "nests more than 64 deep");
	/* 10,000 terms: refused as too long, not by running out of stack */
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, i ? " + a" : "a");
	{
		size_t pos;
		char *why = NULL;

		assert_null(expr_parse(buf_str(&b), &pos, &why));
		assert_non_null(strstr(why, "too long"));
		free(why);
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests_name("expr", tests, NULL, NULL);
}
