/* chart.h: charts — geometry computed once from a table of the document, written as print primitives and as SVG. */
#ifndef CSDOC_CHART_H
#define CSDOC_CHART_H

#include "compute.h"

/* The most categories (data rows of the table) a bar or line chart draws. */
#define CHART_MAX_CATEGORIES 500
/* The most series one chart draws (the schema says so too). */
#define CHART_MAX_SERIES 12
/* The most rows of a timeline: more would not fit on one A4 page. */
#define CHART_MAX_TIMELINE_ROWS 40

/* A value axis: from lo to hi in steps of step, labels with decimals places. */
struct chart_scale {
	double lo;        /* first tick (at or below the smallest value, or 0) */
	double hi;        /* last tick (at or above the largest value, or 0) */
	double step;      /* 1, 2 or 5 times a power of ten */
	int    decimals;  /* places the tick labels need for step */
};

/*
 * The axis for values from MIN to MAX: zero is included when ZERO is set
 * (bars start at zero), steps are at least 1 when INTEGRAL is set (counts),
 * and the smallest 1-2-5 step that gives at most 7 intervals is chosen.
 * Equal or all-zero values still give an axis of some height.
 */
void chart_scale(double min, double max, int zero, int integral, struct chart_scale *sc);

/*
 * Tick label for V on SC the UK way ("1,000", "-2.5", "£20,000", "40%"),
 * with PREFIX and SUFFIX (either may be NULL).  A new string.
 */
char *chart_tick_label(const struct chart_scale *sc, double v, const char *prefix,
    const char *suffix);

/*
 * Every <chart> of the document: read its table (the label column names
 * the categories, each series is a column; bar and line series read their
 * cells' c:value, timeline series read status words), report what is
 * wrong at the chart (a missing table or column, a text column drawn as
 * numbers, no data, a limit), and write onto the s:chart element:
 *
 *   c:alt        a text alternative stating the type, range and key values
 *   c:graphic    width, height, alt, and rect/line/circle/text children with
 *                the attributes of the print vocabulary's <graphic>
 *   c:svg        one SVG element painting the same primitives
 *
 * Runs after figures_compute(): bar and line charts need the figures.
 */
void charts_compute(struct compute *c);

#endif
