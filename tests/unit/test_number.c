/* test_number.c: exact figures — every author form, each operation, each rounding mode, overflow, display. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "figures/number.h"

static struct num
S_parse(const char *s, enum num_kind k)
{
	struct num r;
	const char *why;

	if (num_parse(s, k, &r, NULL, &why) != 0)
		fail_msg("'%s' did not parse: %s", s, why);
	return r;
}

static void
S_shows(struct num v, enum num_kind k, int places, enum num_round m, const char *want)
{
	char *s = NULL;

	assert_int_equal(num_display(v, k, places, m, 1000, &s), NUM_OK);
	assert_string_equal(s, want);
	free(s);
}

static void
S_exact(struct num v, const char *want)
{
	char *s = num_exact(v);

	assert_string_equal(s, want);
	free(s);
}

static void
test_parse_forms(void **state)
{
	(void)state;
	/* the same pot written three ways */
	S_exact(S_parse("£1,115,160", NK_MONEY), "1115160");
	S_exact(S_parse("1115160", NK_MONEY), "1115160");
	S_exact(S_parse("£1,115,160.00", NK_MONEY), "1115160");
	S_exact(S_parse(" £70,950.51 ", NK_MONEY), "7095051/100");
	S_exact(S_parse("-1.99", NK_NUMBER), "-199/100");
	S_exact(S_parse("-£80,000", NK_MONEY), "-80000");
	/* a percent is kept as a fraction */
	S_exact(S_parse("14.11%", NK_PERCENT), "1411/10000");
	S_exact(S_parse("14.11", NK_PERCENT), "1411/10000");
	S_exact(S_parse("-18%", NK_PERCENT), "-9/50");
	S_exact(S_parse("+10%", NK_PERCENT), "1/10");
	S_exact(S_parse("1,226", NK_COUNT), "1226");
	/* thousands and millions, as councils write them */
	S_exact(S_parse("£892k", NK_MONEY), "892000");
	S_exact(S_parse("£1.4m", NK_MONEY), "1400000");
	{
		struct num r;
		int places;
		const char *why;

		assert_int_equal(num_parse("£22k", NK_MONEY, &r, &places, &why), 0);
		assert_int_equal(places, -3);
		/* what num_exact() writes reads back the same */
		assert_int_equal(num_from_exact("-761860/3", &r), 0);
		S_exact(r, "-761860/3");
		assert_int_equal(num_from_exact("1/0", &r), -1);
		assert_int_equal(num_from_exact("1.5", &r), -1);
	}
}

static void
test_parse_rejects(void **state)
{
	static const struct { const char *s; enum num_kind k; const char *why; } bad[] = {
		{ "", NK_MONEY, "empty" },
		{ "£1,11,5", NK_MONEY, "every three digits" },
		{ "1,2345", NK_NUMBER, "every three digits" },
		{ ",123", NK_NUMBER, "expected a number" },
		{ "1.2.3", NK_NUMBER, "expected a number" },
		{ "12abc", NK_NUMBER, "expected a number" },
		{ "1.", NK_NUMBER, "expected a number" },
		{ "£1,000", NK_NUMBER, "expected a number" },
		{ "5%", NK_MONEY, "money" },
		{ "5k%", NK_PERCENT, "percentage" },
		{ "1.5", NK_COUNT, "whole number" },
		{ "1.0000000000001", NK_NUMBER, "at most 12" },
		{ "123456789012345678901234567890", NK_NUMBER, "too many digits" },
		{ "--1", NK_NUMBER, "expected a number" },
		{ "+-1", NK_NUMBER, "expected a number" },
		{ "1/3", NK_NUMBER, "expected a number" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct num r;
		const char *why = NULL;

		if (num_parse(bad[i].s, bad[i].k, &r, NULL, &why) == 0)
			fail_msg("'%s' was accepted", bad[i].s);
		assert_non_null(why);
		if (strstr(why, bad[i].why) == NULL)
			fail_msg("'%s': '%s' does not say '%s'", bad[i].s, why, bad[i].why);
	}
}

static void
test_operations(void **state)
{
	struct num a = S_parse("761860", NK_MONEY), b, r;

	(void)state;
	assert_int_equal(num_div(a, num_of(3), &r), NUM_OK);
	S_exact(r, "761860/3");
	assert_int_equal(num_mul(r, num_of(3), &b), NUM_OK);
	assert_int_equal(num_cmp(a, b), 0);
	assert_int_equal(num_add(S_parse("0.1", NK_NUMBER), S_parse("0.2", NK_NUMBER), &r), NUM_OK);
	assert_int_equal(num_cmp(r, S_parse("0.3", NK_NUMBER)), 0);
	assert_int_equal(num_sub(num_of(5), num_of(8), &r), NUM_OK);
	S_exact(r, "-3");
	assert_int_equal(num_div(num_of(1), num_of(0), &r), NUM_DIVZERO);
}

static void
test_compare(void **state)
{
	struct num third, big1, big2;

	(void)state;
	assert_int_equal(num_frac(1, 3, &third), NUM_OK);
	assert_int_equal(num_cmp(third, S_parse("0.333333333333", NK_NUMBER)), 1);
	assert_int_equal(num_cmp(num_neg(third), S_parse("-0.333333333333", NK_NUMBER)), -1);
	/* values whose cross products would overflow still compare exactly */
	assert_int_equal(num_frac((num_int)1 << 120, ((num_int)1 << 120) + 1, &big1), NUM_OK);
	assert_int_equal(num_frac(((num_int)1 << 120) - 1, (num_int)1 << 120, &big2), NUM_OK);
	assert_int_equal(num_cmp(big1, big2), 1);
	assert_int_equal(num_cmp(big2, big1), -1);
}

static void
test_overflow(void **state)
{
	struct num huge, r;

	(void)state;
	assert_int_equal(num_frac(((num_int)1 << 125), 1, &huge), NUM_OK);
	assert_int_equal(num_mul(huge, num_of(4), &r), NUM_OVERFLOW);
	assert_int_equal(num_add(huge, huge, &r), NUM_OK);
	assert_int_equal(num_add(r, r, &r), NUM_OVERFLOW);
	assert_int_equal(num_round(huge, 12, NR_HALF_UP, &r), NUM_OVERFLOW);
}

static void
test_rounding(void **state)
{
	static const struct {
		const char *in;
		enum num_round m;
		const char *out;
	} t[] = {
		{ "2.5", NR_HALF_UP, "3" }, { "-2.5", NR_HALF_UP, "-3" },
		{ "2.5", NR_HALF_EVEN, "2" }, { "3.5", NR_HALF_EVEN, "4" },
		{ "-2.5", NR_HALF_EVEN, "-2" }, { "2.51", NR_HALF_EVEN, "3" },
		{ "2.1", NR_UP, "3" }, { "-2.1", NR_UP, "-3" },
		{ "2.9", NR_DOWN, "2" }, { "-2.9", NR_DOWN, "-2" },
		{ "2.4999", NR_HALF_UP, "2" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct num r;

		assert_int_equal(num_round(S_parse(t[i].in, NK_NUMBER), 0, t[i].m, &r), NUM_OK);
		S_exact(r, t[i].out);
	}
}

static void
test_display(void **state)
{
	struct num share;

	(void)state;
	S_shows(S_parse("1226905", NK_MONEY), NK_MONEY, 0, NR_HALF_UP, "£1,226,905");
	S_shows(S_parse("70950.505", NK_MONEY), NK_MONEY, 2, NR_HALF_UP, "£70,950.51");
	S_shows(S_parse("70950.505", NK_MONEY), NK_MONEY, 2, NR_HALF_EVEN, "£70,950.50");
	S_shows(S_parse("-80000", NK_MONEY), NK_MONEY, 0, NR_HALF_UP, "-£80,000");
	S_shows(S_parse("-18%", NK_PERCENT), NK_PERCENT, 0, NR_HALF_UP, "-18%");
	assert_int_equal(num_frac(173120, 1226905, &share), NUM_OK);
	S_shows(share, NK_PERCENT, 2, NR_HALF_UP, "14.11%");
	S_shows(S_parse("4.6", NK_RATE), NK_RATE, 1, NR_HALF_UP, "4.6 per 1,000");
	S_shows(S_parse("1226", NK_COUNT), NK_COUNT, 0, NR_HALF_UP, "1,226");
	S_shows(S_parse("0.5", NK_NUMBER), NK_NUMBER, 2, NR_HALF_UP, "0.50");
	/* a value that rounds to zero prints no minus sign */
	S_shows(S_parse("-0.004", NK_NUMBER), NK_NUMBER, 2, NR_HALF_UP, "0.00");
	S_shows(S_parse("999", NK_NUMBER), NK_NUMBER, 0, NR_HALF_UP, "999");
	S_shows(S_parse("1000", NK_NUMBER), NK_NUMBER, 0, NR_HALF_UP, "1,000");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_operations),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_display),
	};

	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
