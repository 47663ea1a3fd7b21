/* performance.h: the rules of the performance report kind — status policy, statuses, direction of travel, counts. */
#ifndef CSDOC_RULES_PERFORMANCE_H
#define CSDOC_RULES_PERFORMANCE_H

#include "compute.h"

/*
 * Before the figures: read the status policy (or the default one) and
 * check it; give every indicator (and area) its difference, percentage
 * off target, status, reason and direction of travel; check the statuses
 * the author typed; and add the differences, percentages and the counts
 * per status as figures, so the figures engine checks typed values and
 * prose can cite the counts.  Runs after compute_common().
 */
void performance_prepare(struct compute *c);

#endif
