/* test_apportion.c: largest-remainder apportionment — the seed's pot to the penny, and a property test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "figures/apportion.h"

static struct num
S_money(const char *s)
{
	struct num r;
	const char *why;

	assert_int_equal(num_parse(s, NK_MONEY, &r, NULL, &why), 0);
	return r;
}

/*
 * Safer Essex 2011/12: £502,828 split pro rata to the twelve CSPs' 2010/11
 * grants.  The exact shares, rounded to the penny by largest remainder, sum
 * to the pot; the seed's typed allocations are a few pence off each (its
 * Basildon £70,950.51 is really £70,950.55) and sum to £502,828.01.
 */
static void
test_safer_essex(void **state)
{
	static const char *const grants[] = {
		"173120", "105989", "83326", "87434", "116104", "121372",
		"109893", "94984", "71877", "78818", "109918", "74070",
	};
	static const char *const exact[] = {
		"70950.55", "43437.95", "34149.87", "35833.47", "47583.43", "49742.43",
		"45037.94", "38927.72", "29457.67", "32302.34", "45048.19", "30356.44",
	};
	struct num w[12], out[12], sum = num_of(0);

	(void)state;
	for (int i = 0; i < 12; i++)
		w[i] = S_money(grants[i]);
	assert_int_equal(apportion(S_money("502828"), w, 12, 2, out), AP_OK);
	for (int i = 0; i < 12; i++) {
		assert_int_equal(num_add(sum, out[i], &sum), NUM_OK);
		assert_int_equal(num_cmp(out[i], S_money(exact[i])), 0);
	}
	assert_int_equal(num_cmp(sum, S_money("502828")), 0);
}

/* Three equal weights: the leftover penny goes to the first part. */
static void
test_thirds(void **state)
{
	struct num w[3] = { { 1, 1 }, { 1, 1 }, { 1, 1 } }, out[3];

	(void)state;
	assert_int_equal(apportion(S_money("100"), w, 3, 2, out), AP_OK);
	assert_int_equal(num_cmp(out[0], S_money("33.34")), 0);
	assert_int_equal(num_cmp(out[1], S_money("33.33")), 0);
	assert_int_equal(num_cmp(out[2], S_money("33.33")), 0);
}

static void
test_errors(void **state)
{
	struct num w[2] = { { 0, 1 }, { 0, 1 } }, out[2];

	(void)state;
	assert_int_equal(apportion(num_of(100), w, 2, 0, out), AP_NO_WEIGHT);
	w[0] = num_of(-1);
	w[1] = num_of(2);
	assert_int_equal(apportion(num_of(100), w, 2, 0, out), AP_NEGATIVE);
	w[0] = num_of(1);
	assert_int_equal(apportion(S_money("100.005"), w, 2, 2, out), AP_UNIT);
	assert_int_equal(apportion(num_of(-5), w, 2, 0, out), AP_NEGATIVE);
}

/* A small deterministic generator, so a failure can be replayed. */
static uint64_t
S_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void
test_property(void **state)
{
	uint64_t seed = 0x5eedc5d0c0ffeeULL;

	(void)state;
	for (int round = 0; round < 5000; round++) {
		size_t n = 1 + S_rand(&seed) % 40;
		int places = (int)(S_rand(&seed) % 3);
		struct num w[40], out[40], sum = num_of(0), pot, unit = num_of(1);
		int nonzero = 0;

		for (int p = 0; p < places; p++)
			assert_int_equal(num_div(unit, num_of(10), &unit), NUM_OK);
		/* a pot of up to £10 million in units */
		assert_int_equal(num_mul(num_of((long long)(S_rand(&seed) % 1000000000ULL)), unit, &pot), NUM_OK);
		for (size_t i = 0; i < n; i++) {
			w[i] = num_of((long long)(S_rand(&seed) % (round % 7 == 0 ? 3 : 1000000)));
			nonzero |= !num_is_zero(w[i]);
		}
		if (!nonzero)
			w[0] = num_of(1);
		assert_int_equal(apportion(pot, w, n, places, out), AP_OK);
		for (size_t i = 0; i < n; i++) {
			struct num scaled;

			/* each part is a whole number of units and never negative */
			assert_int_equal(num_div(out[i], unit, &scaled), NUM_OK);
			assert_int_equal((int)scaled.d, 1);
			assert_true(num_sign(out[i]) >= 0);
			assert_int_equal(num_add(sum, out[i], &sum), NUM_OK);
		}
		if (num_cmp(sum, pot) != 0)
			fail_msg("round %d: parts do not sum to the pot", round);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safer_essex),
		cmocka_unit_test(test_thirds),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests_name("apportion", tests, NULL, NULL);
}
