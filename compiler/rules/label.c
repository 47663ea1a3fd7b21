/* label.c: counters in decimal, letters and roman numerals inside a label format. */
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

int
label_parse(const char *fmt, struct label_fmt *f)
{
	size_t n = strlen(fmt);

	memset(f, 0, sizeof(*f));
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)fmt[i];

		if (strchr("1aAiI", c) == NULL || c == '\0')
			continue;
		if (i > 0 && S_alnum((unsigned char)fmt[i - 1]))
			continue;
		if (i + 1 < n && S_alnum((unsigned char)fmt[i + 1]))
			continue;
		f->prefix = xstrndup(fmt, i);
		f->suffix = xstrdup(fmt + i + 1);
		f->kind = (char)c;
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

char *
label_make(const struct label_fmt *f, long n)
{
	struct buf b = { 0 };
	char *s;

	buf_puts(&b, f->prefix ? f->prefix : "");
	if (n < 1 || f->kind == '1' ||
	    ((f->kind == 'i' || f->kind == 'I') && n > 3999))
		buf_printf(&b, "%ld", n);
	else if (f->kind == 'a' || f->kind == 'A')
		S_letters(&b, n, f->kind);
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
