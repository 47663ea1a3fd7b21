/* apportion.h: split a pot pro rata to weights so that the rounded parts sum exactly to the pot. */
#ifndef CSDOC_APPORTION_H
#define CSDOC_APPORTION_H

#include <stddef.h>

#include "figures/number.h"

/* Why an apportionment could not be made. */
enum apportion_status {
	AP_OK = 0,
	AP_OVERFLOW,     /* a value would not fit */
	AP_NO_WEIGHT,    /* the weights sum to zero */
	AP_NEGATIVE,     /* a weight or the pot is negative */
	AP_UNIT          /* the pot is not a whole number of units (pence) */
};

/*
 * The largest remainder method: each of the N parts gets POT × w[i] / Σw
 * rounded down to PLACES decimal places; the units left over go one each
 * to the parts with the largest remainders (ties: the larger weight, then
 * the earlier part).  The parts in OUT sum exactly to POT.
 */
enum apportion_status apportion(struct num pot, const struct num *w, size_t n,
    int places, struct num *out);

#endif
