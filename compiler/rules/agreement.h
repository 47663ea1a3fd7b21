/* agreement.h: the rules and computations of the Community Safety Agreement kind. */
#ifndef CSDOC_RULES_AGREEMENT_H
#define CSDOC_RULES_AGREEMENT_H

#include "compute.h"

/*
 * Before the figures: number sections, appendices, priorities, tables and
 * charts; group indicators under priorities; number actions and the key
 * activities; resolve leads to names; and add the counts (priorities,
 * activities by progress, members) and the resources total as figures
 * inside c:derived, so prose can cite them and the figures engine checks
 * what the author typed.  Runs after compute_common().
 */
void agreement_prepare(struct compute *c);

#endif
