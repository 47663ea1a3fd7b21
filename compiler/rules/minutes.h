/* minutes.h: the rules and computations of the minutes document kind. */
#ifndef CSDOC_RULES_MINUTES_H
#define CSDOC_RULES_MINUTES_H

#include "compute.h"

/*
 * Number items, sub-items, decision parts and actions; resolve attendance
 * and owners to display names; check the chair, attendance and times;
 * collect the action register.  Runs after compute_common().
 */
void minutes_compute(struct compute *c);

#endif
