/* apportion.c: largest-remainder apportionment in exact arithmetic. */
#include "figures/apportion.h"

#include <stdlib.h>

#include "util.h"

struct part {
	size_t     i;     /* index of the part */
	struct num rem;   /* what rounding down took off, in units */
};

/* Weights for the tie-break, set before sorting (qsort has no context). */
static const struct num *S_w;

static int
S_by_remainder(const void *a, const void *b)
{
	const struct part *x = a, *y = b;
	int c = num_cmp(y->rem, x->rem);

	if (c != 0)
		return c;
	c = num_cmp(S_w[y->i], S_w[x->i]);
	if (c != 0)
		return c;
	return x->i < y->i ? -1 : (x->i > y->i);
}

enum apportion_status
apportion(struct num pot, const struct num *w, size_t n, int places,
    struct num *out)
{
	struct num total = num_of(0), unit, units, sum = num_of(0), left;
	struct part *parts;
	num_int k;
	enum apportion_status st = AP_OK;

	if (num_sign(pot) < 0)
		return AP_NEGATIVE;
	if (num_frac(1, 1, &unit) != NUM_OK)
		return AP_OVERFLOW;
	for (int p = 0; p < places; p++)
		if (num_div(unit, num_of(10), &unit) != NUM_OK)
			return AP_OVERFLOW;
	/* the pot itself must be a whole number of units */
	if (num_div(pot, unit, &units) != NUM_OK)
		return AP_OVERFLOW;
	if (units.d != 1)
		return AP_UNIT;
	for (size_t i = 0; i < n; i++) {
		if (num_sign(w[i]) < 0)
			return AP_NEGATIVE;
		if (num_add(total, w[i], &total) != NUM_OK)
			return AP_OVERFLOW;
	}
	if (num_is_zero(total))
		return AP_NO_WEIGHT;

	parts = xcalloc(n ? n : 1, sizeof(*parts));
	for (size_t i = 0; i < n; i++) {
		struct num quota, q_units, floor_units;

		/* quota in units = pot × w / total / unit */
		if (num_mul(pot, w[i], &quota) != NUM_OK ||
		    num_div(quota, total, &quota) != NUM_OK ||
		    num_div(quota, unit, &q_units) != NUM_OK) {
			st = AP_OVERFLOW;
			goto done;
		}
		floor_units = num_of(0);
		floor_units.n = num_floor(q_units);
		if (num_sub(q_units, floor_units, &parts[i].rem) != NUM_OK ||
		    num_mul(floor_units, unit, &out[i]) != NUM_OK ||
		    num_add(sum, out[i], &sum) != NUM_OK) {
			st = AP_OVERFLOW;
			goto done;
		}
		parts[i].i = i;
	}
	/* the units rounding down left over: fewer than n, by construction */
	if (num_sub(pot, sum, &left) != NUM_OK || num_div(left, unit, &left) != NUM_OK) {
		st = AP_OVERFLOW;
		goto done;
	}
	k = left.n;
	S_w = w;
	qsort(parts, n, sizeof(*parts), S_by_remainder);
	S_w = NULL;
	for (size_t j = 0; j < n && k > 0; j++, k--)
		if (num_add(out[parts[j].i], unit, &out[parts[j].i]) != NUM_OK) {
			st = AP_OVERFLOW;
			goto done;
		}
done:
	free(parts);
	return st;
}
