/* label.h: numbering labels — "1.", "a)", "(iv)", "38/10", "Item 3" — from a format and a count. */
#ifndef CSDOC_LABEL_H
#define CSDOC_LABEL_H

/*
 * A format holds one counter token: 1 (decimal), a or A (letters: a … z,
 * aa …), i or I (roman numerals), or the word ONE, One or one (numbers in
 * words: "SECTION ONE", "Part Twenty-One"), standing apart from other
 * letters and digits; everything else is printed as it is ("Item 1":
 * "Item " + counter).  The first counter from the left is the counter.
 */
struct label_fmt {
	char *prefix;   /* text before the counter (owned) */
	char  kind;     /* '1', 'a', 'A', 'i', 'I', or for words 'W' (ONE), 'T' (One), 'w' (one) */
	char *suffix;   /* text after the counter (owned) */
};

/* Parse FMT into F.  Returns 0, or -1 if FMT has no counter token. */
int label_parse(const char *fmt, struct label_fmt *f);

/* Free what label_parse() allocated. */
void label_free(struct label_fmt *f);

/*
 * The label for count N (1-based) as a new string; below 1, roman past 3999
 * and words past 999 fall back to decimal.
 */
char *label_make(const struct label_fmt *f, long n);

/* Convenience: format FMT (must be valid) for N; NULL if FMT has no counter. */
char *label_for(const char *fmt, long n);

#endif
