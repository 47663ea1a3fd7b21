/* label.c: counters in decimal, letters, roman numerals and words inside a label format. */
#include "label.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The code point of the UTF-8 sequence at S (a stray byte stands for itself). */
static unsigned long
S_decode(const unsigned char *s)
{
	if (s[0] < 0xC0)
		return s[0];
	if (s[0] < 0xE0 && (s[1] & 0xC0) == 0x80)
		return ((unsigned long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	if (s[0] < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
		return ((unsigned long)(s[0] & 0x0F) << 12) | ((unsigned long)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	if ((s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
		return ((unsigned long)(s[0] & 0x07) << 18) | ((unsigned long)(s[1] & 0x3F) << 12) |
		    ((unsigned long)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return s[0];
}

/*
 * Whether code point C is a letter or digit, as the schema's \p{L}\p{N}
 * sees it, near enough: "é1" has no standalone counter, but a no-break
 * space or a dash pasted from a word processor stands apart like a space.
 */
static int
S_alnum_cp(unsigned long c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c <= 0xBF)   /* Latin-1 spaces, punctuation and signs; ª ² ³ µ ¹ º ¼ ½ ¾ are not */
		return strchr("\xAA\xB2\xB3\xB5\xB9\xBA\xBC\xBD\xBE", (int)c) != NULL;
	if (c == 0xD7 || c == 0xF7)
		return 0;
	if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x2BFF) ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F))
		return 0;
	return 1;
}

/* Whether the character ending just before byte I of S is a letter or digit. */
static int
S_alnum_before(const char *s, size_t i)
{
	size_t j = i;

	if (i == 0)
		return 0;
	do
		j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4);
	return S_alnum_cp(S_decode((const unsigned char *)s + j));
}

/* Whether the character starting at byte I of S is a letter or digit. */
static int
S_alnum_at(const char *s, size_t i)
{
	return s[i] != '\0' && S_alnum_cp(S_decode((const unsigned char *)s + i));
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

		if (S_alnum_before(fmt, i))
			continue;
		if (strchr("1aAiI", c) == NULL) {
			/* "ONE" but not "ONEROUS" nor "DONE" */
			if ((kind = S_word_kind(fmt + i)) == 0)
				continue;
			len = 3;
		}
		if (i + len < n && S_alnum_at(fmt, i + len))
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
