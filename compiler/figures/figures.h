/* figures.h: the figures pass — compute every derived figure in a document exactly and check the ones authors typed. */
#ifndef CSDOC_FIGURES_H
#define CSDOC_FIGURES_H

#include "compute.h"

/*
 * Find every figure: inline <figure> elements and the cells of figure
 * columns in tables.  Evaluate each computed figure once, in dependency
 * order (a cycle is an error naming it), compare every stated figure with
 * its computed value (a mismatch is a warning showing both and the
 * formula), and write onto the tree, for every figure:
 *
 *   c:fig-id     a stable id: "pot", "TABLE.ROW.COLUMN"
 *   c:kind       money, count, percent, number, rate, ratio
 *   c:value      the exact value used ("1115160", "761860/3"), or "n/a"
 *   c:display    what to print ("£761,860", "14.11%")
 *   c:source     input, computed, or stated (typed and checked)
 *   c:computed, c:computed-display   for stated figures, what csdoc got
 *   c:check      ok or mismatch, for stated figures
 *
 * and c:note on a table whose column was apportioned.  Runs after
 * compute_common(), before the kind's own rules.
 */
void figures_compute(struct compute *c);

/* The most figures (inline figures and figure cells) in one document. */
#define FIGURES_MAX 200000
/* The longest chain of figures depending on figures. */
#define FIGURES_MAX_CHAIN 1000
/* The deepest nesting of formula nodes and figures, all chains together. */
#define FIGURES_MAX_EVAL 4000

#endif
