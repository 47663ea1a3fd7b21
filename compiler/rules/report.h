/* report.h: the rules of the board paper kind (report) — appendices, risk matrices, risks. */
#ifndef CSDOC_RULES_REPORT_H
#define CSDOC_RULES_REPORT_H

#include "compute.h"

/*
 * Before the figures: label appendices ("Appendix A"; a label given twice
 * is an error); check every risk matrix (band scores distinct, levels not
 * overlapping and covering every score of the grid) and add its grid
 * (c:grid) with each cell's score and level; score every risk from its
 * likelihood and impact, or place a typed score in the grid, give it its
 * level, and check what the author typed.  Runs after compute_common().
 */
void report_prepare(struct compute *c);

#endif
