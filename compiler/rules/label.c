/* label.c: counters in decimal, letters, roman numerals and words inside a label format. */
#include "label.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Bytes of UTF-8 sequences count as letters: "é1" has no standalone counter. */
static int
S_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * The kind of the word counter at FMT, or 0: only the three spellings the
 * schema allows (ONE, One, one), since the spelling sets the labels' case.
 */
static char
S_word_kind(const char *fmt)
{
	if (strncmp(fmt, "ONE", 3) == 0)
		return 'W';
	if (strncmp(fmt, "One", 3) == 0)
		return 'T';
	if (strncmp(fmt, "one", 3) == 0)
		return 'w';
	return 0;
}

int
label_parse(const char *fmt, struct label_fmt *f)
{
	size_t n = strlen(fmt);

	memset(f, 0, sizeof(*f));
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)fmt[i];
		size_t len = 1;
		char kind = (char)c;

		if (i > 0 && S_alnum((unsigned char)fmt[i - 1]))
			continue;
		if (strchr("1aAiI", c) == NULL) {
			/* "ONE" but not "ONEROUS" nor "DONE" */
			if ((kind = S_word_kind(fmt + i)) == 0)
				continue;
			len = 3;
		}
		if (i + len < n && S_alnum((unsigned char)fmt[i + len]))
			continue;
		f->prefix = xstrndup(fmt, i);
		f->suffix = xstrdup(fmt + i + len);
		f->kind = kind;
		return 0;
	}
	return -1;
}

void
label_free(struct label_fmt *f)
{
	free(f->prefix);
	free(f->suffix);
	f->prefix = f->suffix = NULL;
}

static void
S_letters(struct buf *b, long n, char base)
{
	char tmp[32];
	int len = 0;

	/* bijective base 26: 1 a, 26 z, 27 aa */
	while (n > 0 && len < (int)sizeof(tmp)) {
		n--;
		tmp[len++] = (char)(base + n % 26);
		n /= 26;
	}
	while (len > 0)
		buf_putc(b, tmp[--len]);
}

static void
S_roman(struct buf *b, long n, int upper)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};

	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		while (n >= r[i].v) {
			for (const char *p = r[i].s; *p; p++)
				buf_putc(b, upper ? (char)(*p - 'a' + 'A') : *p);
			n -= r[i].v;
		}
}

static const char *const S_ones[] = {
	"", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen",
};

static const char *const S_tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety",
};

/* One word W in the case of KIND: 'W' ONE, 'T' One, 'w' one. */
static void
S_word(struct buf *b, const char *w, char kind)
{
	for (const char *p = w; *p != '\0'; p++)
		buf_putc(b, kind == 'W' || (kind == 'T' && p == w) ?
		    (char)(*p - 'a' + 'A') : *p);
}

/*
 * N (1 … 999) in words, British style: "one hundred and five".  Title case
 * capitalises each part of a hyphenated number ("Twenty-One") but leaves
 * "and" small, as headings do ("One Hundred and One").
 */
static void
S_words(struct buf *b, long n, char kind)
{
	if (n >= 100) {
		S_word(b, S_ones[n / 100], kind);
		buf_putc(b, ' ');
		S_word(b, "hundred", kind);
		if ((n %= 100) == 0)
			return;
		buf_puts(b, kind == 'W' ? " AND " : " and ");
	}
	if (n < 20)
		S_word(b, S_ones[n], kind);
	else {
		S_word(b, S_tens[n / 10], kind);
		if (n % 10 != 0) {
			buf_putc(b, '-');
			S_word(b, S_ones[n % 10], kind);
		}
	}
}

char *
label_make(const struct label_fmt *f, long n)
{
	struct buf b = { 0 };
	char *s;
	int words = f->kind == 'W' || f->kind == 'T' || f->kind == 'w';

	buf_puts(&b, f->prefix ? f->prefix : "");
	/* past what the counter can spell, digits still tell the entries apart */
	if (n < 1 || f->kind == '1' ||
	    ((f->kind == 'i' || f->kind == 'I') && n > 3999) ||
	    (words && n > 999))
		buf_printf(&b, "%ld", n);
	else if (f->kind == 'a' || f->kind == 'A')
		S_letters(&b, n, f->kind);
	else if (words)
		S_words(&b, n, f->kind);
	else
		S_roman(&b, n, f->kind == 'I');
	buf_puts(&b, f->suffix ? f->suffix : "");
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

char *
label_for(const char *fmt, long n)
{
	struct label_fmt f;
	char *s;

	if (label_parse(fmt, &f) != 0)
		return NULL;
	s = label_make(&f, n);
	label_free(&f);
	return s;
}
