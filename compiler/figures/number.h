/* number.h: exact rational numbers for figures — parse the author's forms, compute without overflow, round and print the UK way. */
#ifndef CSDOC_NUMBER_H
#define CSDOC_NUMBER_H

#include <stddef.h>

/*
 * A figure is an exact fraction n/d in lowest terms with d > 0, held in
 * 128-bit integers.  No binary floating point is used anywhere on the path
 * from a source to a display string.  Every operation checks overflow and
 * reports it instead of wrapping.
 */
__extension__ typedef __int128 num_int;

struct num {
	num_int n;   /* numerator, any sign */
	num_int d;   /* denominator, > 0 */
};

/* Results of operations. */
enum num_status {
	NUM_OK = 0,
	NUM_OVERFLOW,   /* a result would not fit */
	NUM_DIVZERO     /* division by zero */
};

/* What a figure measures; decides how it is read and printed. */
enum num_kind {
	NK_NUMBER = 0,  /* a plain number: 12.5 */
	NK_MONEY,       /* pounds sterling: £1,115,160 or £70,950.51 */
	NK_COUNT,       /* a whole number of things: 1,226 */
	NK_PERCENT,     /* a fraction shown ×100 with %: stored 0.1411, shown 14.11% */
	NK_RATE,        /* so many per N people: 4.6 per 1,000 */
	NK_RATIO        /* a proportion, shown as a number (0.34) or read as a fraction "1/3" */
};

/* How a figure is rounded where it is displayed or where the author asks. */
enum num_round {
	NR_HALF_UP = 0, /* 2.5 → 3, -2.5 → -3: the spreadsheet habit (default) */
	NR_HALF_EVEN,   /* 2.5 → 2, 3.5 → 4: banker's rounding */
	NR_UP,          /* away from zero */
	NR_DOWN         /* towards zero */
};

/* The most decimal places csdoc reads, rounds to or prints. */
#define NUM_MAX_PLACES 12

struct num num_of(long long v);

/* n/d; NUM_DIVZERO if d is 0. */
enum num_status num_frac(num_int n, num_int d, struct num *r);

enum num_status num_add(struct num a, struct num b, struct num *r);
enum num_status num_sub(struct num a, struct num b, struct num *r);
enum num_status num_mul(struct num a, struct num b, struct num *r);
enum num_status num_div(struct num a, struct num b, struct num *r);

/* -1, 0 or 1; exact for every pair of values, without overflow. */
int num_cmp(struct num a, struct num b);

int num_is_zero(struct num a);
int num_sign(struct num a);
struct num num_neg(struct num a);
struct num num_abs(struct num a);

/* A round to PLACES decimal places (0–NUM_MAX_PLACES) in MODE. */
enum num_status num_round(struct num a, int places, enum num_round mode,
    struct num *r);

/* Floor of A (the largest integer not above it), as an integer. */
num_int num_floor(struct num a);

/*
 * Read an author's figure S of kind KIND: "£1,115,160", "1115160",
 * "£1,115,160.00", "£892k", "£1.4m", "14.11%", "-1.99", "+10%".  Thousands separators must be
 * commas every three digits; a percent figure may end in %; money may
 * start with £ (after any minus).  On success returns 0, the value in *R
 * (a percent as a fraction) and the number of decimal places written in
 * *PLACES (may be NULL; negative for "£22k", written to the nearest
 * thousand: -3).  On failure returns -1 and, in *WHY, a static
 * sentence saying what was expected.
 */
int num_parse(const char *s, enum num_kind kind, struct num *r, int *places,
    const char **why);

/*
 * The display form of A as KIND in *OUT (a new string): a percent is shown
 * ×100; the shown value is rounded to PLACES decimals in MODE and printed
 * with exactly that many, the UK way: "£1,226,905", "-£80,000", "14.11%",
 * "-18%", "4.6 per 1,000" (PER is a rate's base), "1,226".
 */
enum num_status num_display(struct num a, enum num_kind kind, int places,
    enum num_round mode, long per, char **out);

/* The exact value, as "n/d" or "n" when whole: for the figures listing. */
char *num_exact(struct num a);

/* Read back what num_exact() wrote.  Returns 0, or -1 if S is not that form. */
int num_from_exact(const char *s, struct num *r);

/* Name of a kind or mode, and back; -1 when unknown. */
const char *num_kind_name(enum num_kind k);
int num_kind_of(const char *name);
int num_round_of(const char *name);

#endif
