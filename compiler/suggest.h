/* suggest.h: "did you mean …?" — the closest name to a misspelt one, and dates and times put in the form csdoc reads. */
#ifndef CSDOC_SUGGEST_H
#define CSDOC_SUGGEST_H

#include <stddef.h>

/*
 * Edits (insert, delete, substitute, swap two neighbours) that turn A into
 * B, ignoring ASCII case: the optimal-string-alignment form of the
 * Damerau-Levenshtein distance.  Counted on bytes; names are ASCII.
 * When either is longer than 64 letters, 65: no name is that long.
 */
size_t suggest_distance(const char *a, const char *b);

/*
 * suggest_distance(A, B) when it is at most LIMIT, else LIMIT + 1: only the
 * band of the table within LIMIT of its diagonal is filled, and the work
 * stops at the first row all of whose cells exceed LIMIT.  The cells it
 * filled are added to *CELLS when CELLS is not NULL.
 */
size_t suggest_distance_within(const char *a, const char *b, size_t limit, size_t *cells);

/* Most edits still counted as a slip for a word of LEN bytes. */
size_t suggest_limit(size_t len);

/*
 * Table cells all the suggestions of one compile may fill, the documents
 * it pulls in with <uses> included: a hostile source of 20,000 long ids
 * and hundreds of unknown references would otherwise cost minutes.  Past
 * it, messages come without a suggestion.
 */
#define SUGGEST_BUDGET 50000000

/* Give the next compile the whole budget again. */
void suggest_budget_reset(void);

/* Cells of the budget left. */
size_t suggest_budget_left(void);

#define SUGGEST_MAX 3

/*
 * The closest candidates to one word offered so far.  The strings are not
 * copied: they must outlive the struct.
 */
struct suggest {
	const char *word;
	size_t      best;                /* their distance */
	const char *picks[SUGGEST_MAX];  /* the candidates at that distance */
	const char *notes[SUGGEST_MAX];  /* a word shown after each, or NULL */
	size_t      n;
	int         cut;                 /* the budget ran out: the picks may not be the closest */
};

void suggest_init(struct suggest *s, const char *word);

/*
 * Consider CAND (shown with NOTE after it, may be NULL) as a correction;
 * kept if within suggest_limit() and no farther than the best so far.
 * AS is the text compared with the word, CAND what is suggested (they
 * differ when a person is found by name but suggested by id); AS NULL
 * compares CAND itself.  An exact match is no correction.  Once the
 * budget is spent, nothing more is compared and the word gets no
 * suggestion at all.
 */
void suggest_offer(struct suggest *s, const char *cand, const char *as, const char *note);

/*
 * "; did you mean 'a'?" or "; did you mean 'a' or 'b'?", each candidate
 * between OPEN and CLOSE and its note after it in parentheses; a new
 * string, or NULL when nothing was close.
 */
char *suggest_text(const struct suggest *s, const char *open, const char *close);

/* The candidates alone, as suggest_text() shows them: "'a' (A) or 'b'"; NULL if none. */
char *suggest_list(const struct suggest *s, const char *open, const char *close);

/*
 * A date the author wrote another way (17/11/2010, 17.11.2010, 2010/11/17,
 * 17 November 2010, 17th Nov 2010, November 17, 2010, 2010-11-7), as
 * YYYY-MM-DD; day before month as in the UK.  A new string, or NULL when
 * the value is not a date that can be read one way only, or names a
 * weekday that is not the date's.  When NOTE is not NULL, *NOTE becomes
 * "day first" when the numbers could be read the other way round too
 * (04/03/2011), else NULL.
 */
char *suggest_date(const char *v, const char **note);

/* A time the author wrote another way (2pm, 9.30am, 9.30, 1400, noon) as HH:MM; a new string or NULL. */
char *suggest_time(const char *v);

#endif
