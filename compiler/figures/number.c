/* number.c: exact rational arithmetic on 128-bit integers, with parsing and UK display forms. */
#include "figures/number.h"

#include <string.h>

#include "util.h"

/* The largest magnitude csdoc keeps, so that negation never overflows. */
#define NUM_LIMIT (((num_int)1 << 126) - 1 + ((num_int)1 << 126))

static num_int
S_abs(num_int v)
{
	return v < 0 ? -v : v;
}

static num_int
S_gcd(num_int a, num_int b)
{
	a = S_abs(a);
	b = S_abs(b);
	while (b != 0) {
		num_int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* Reduce n/d to lowest terms with d > 0; the magnitudes must be in range. */
static enum num_status
S_make(num_int n, num_int d, struct num *r)
{
	num_int g;

	if (d == 0)
		return NUM_DIVZERO;
	if (n > NUM_LIMIT || n < -NUM_LIMIT || d > NUM_LIMIT || d < -NUM_LIMIT)
		return NUM_OVERFLOW;
	if (d < 0) {
		n = -n;
		d = -d;
	}
	g = S_gcd(n, d);
	if (g > 1) {
		n /= g;
		d /= g;
	}
	if (n == 0)
		d = 1;
	r->n = n;
	r->d = d;
	return NUM_OK;
}

struct num
num_of(long long v)
{
	struct num r = { v, 1 };

	return r;
}

enum num_status
num_frac(num_int n, num_int d, struct num *r)
{
	return S_make(n, d, r);
}

enum num_status
num_add(struct num a, struct num b, struct num *r)
{
	num_int g = S_gcd(a.d, b.d), x, y, n, d;

	if (__builtin_mul_overflow(a.n, b.d / g, &x) ||
	    __builtin_mul_overflow(b.n, a.d / g, &y) ||
	    __builtin_add_overflow(x, y, &n) ||
	    __builtin_mul_overflow(a.d / g, b.d, &d))
		return NUM_OVERFLOW;
	return S_make(n, d, r);
}

enum num_status
num_sub(struct num a, struct num b, struct num *r)
{
	return num_add(a, num_neg(b), r);
}

enum num_status
num_mul(struct num a, struct num b, struct num *r)
{
	num_int g1 = S_gcd(a.n, b.d), g2 = S_gcd(b.n, a.d), n, d;

	if (g1 == 0)
		g1 = 1;
	if (g2 == 0)
		g2 = 1;
	if (__builtin_mul_overflow(a.n / g1, b.n / g2, &n) ||
	    __builtin_mul_overflow(a.d / g2, b.d / g1, &d))
		return NUM_OVERFLOW;
	return S_make(n, d, r);
}

enum num_status
num_div(struct num a, struct num b, struct num *r)
{
	struct num inv;

	if (b.n == 0)
		return NUM_DIVZERO;
	inv.n = b.n < 0 ? -b.d : b.d;
	inv.d = S_abs(b.n);
	return num_mul(a, inv, r);
}

/* Floor division for d > 0: q and r with n = q*d + r, 0 <= r < d. */
static void
S_floordiv(num_int n, num_int d, num_int *q, num_int *rem)
{
	num_int qq = n / d, rr = n % d;

	if (rr < 0) {
		qq--;
		rr += d;
	}
	*q = qq;
	*rem = rr;
}

int
num_cmp(struct num a, struct num b)
{
	/*
	 * Compare by continued fractions: integer parts first, then the
	 * reciprocals of the fractional parts, the other way round.  No
	 * product is ever formed, so no value can overflow.
	 */
	for (;;) {
		num_int qa, ra, qb, rb, t;

		S_floordiv(a.n, a.d, &qa, &ra);
		S_floordiv(b.n, b.d, &qb, &rb);
		if (qa != qb)
			return qa < qb ? -1 : 1;
		if (ra == 0 || rb == 0) {
			if (ra == rb)
				return 0;
			return ra == 0 ? -1 : 1;
		}
		/* ra/a.d vs rb/b.d  ==  b.d/rb vs a.d/ra */
		t = a.d;
		a.n = b.d;
		a.d = rb;
		b.n = t;
		b.d = ra;
	}
}

int
num_is_zero(struct num a)
{
	return a.n == 0;
}

int
num_sign(struct num a)
{
	return a.n < 0 ? -1 : a.n > 0;
}

struct num
num_neg(struct num a)
{
	a.n = -a.n;
	return a;
}

struct num
num_abs(struct num a)
{
	a.n = S_abs(a.n);
	return a;
}

num_int
num_floor(struct num a)
{
	num_int q, r;

	S_floordiv(a.n, a.d, &q, &r);
	return q;
}

static num_int
S_pow10(int p)
{
	num_int v = 1;

	while (p-- > 0)
		v *= 10;
	return v;
}

enum num_status
num_round(struct num a, int places, enum num_round mode, struct num *r)
{
	num_int scale, n, t, rem, half;
	int away;

	if (places < 0 || places > NUM_MAX_PLACES)
		return NUM_OVERFLOW;
	scale = S_pow10(places);
	if (__builtin_mul_overflow(a.n, scale, &n))
		return NUM_OVERFLOW;
	/* truncate towards zero, then decide on the remainder */
	t = n / a.d;
	rem = S_abs(n % a.d);
	half = a.d - rem;   /* rem > half ⇔ rem > d/2, without doubling */
	switch (mode) {
	case NR_HALF_EVEN:
		away = rem > half || (rem == half && rem != 0 && (t % 2 != 0));
		break;
	case NR_UP:
		away = rem != 0;
		break;
	case NR_DOWN:
		away = 0;
		break;
	default:
		away = rem != 0 && rem >= half;
		break;
	}
	if (away)
		t += n < 0 ? -1 : 1;
	return S_make(t, scale, r);
}

/* ------------------------------------------------------------ parsing */

int
num_parse(const char *s, enum num_kind kind, struct num *r, int *places,
    const char **why)
{
	static const char *const expect[] = {
		[NK_NUMBER] = "expected a number such as 1,226 or -1.99",
		[NK_MONEY] = "expected an amount of money such as £1,115,160, 1115160 or £70,950.51",
		[NK_COUNT] = "expected a whole number such as 1,226",
		[NK_PERCENT] = "expected a percentage such as 14.11% or -18%",
		[NK_RATE] = "expected a rate such as 4.6",
		[NK_RATIO] = "expected a number such as 0.34",
	};
	const char *p = s, *end;
	num_int whole = 0, frac = 0;
	int neg = 0, digits = 0, group = 0, commas = 0, dp = 0, scale3 = 0;

	*why = expect[kind];
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (p == end) {
		*why = kind == NK_MONEY ? "empty: expected an amount of money such as £1,115,160" : "empty: expected a number";
		return -1;
	}
	if (*p == '-') {
		neg = 1;
		p++;
	} else if (*p == '+')
		p++;   /* "+10%": an increase, written as authors do */
	if (kind == NK_MONEY && end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA3)
		p += 2;   /* £ */
	if (kind == NK_PERCENT && end > p && end[-1] == '%')
		end--;
	/* "£892k", "£1.4m": thousands and millions, as councils write them */
	if ((kind == NK_MONEY || kind == NK_NUMBER || kind == NK_COUNT) && end > p &&
	    (end[-1] == 'k' || end[-1] == 'm')) {
		scale3 = end[-1] == 'k' ? 3 : 6;
		end--;
	}
	if (p == end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p != '.'; p++) {
		if (*p == ',') {
			/* a comma follows 1–3 digits first, then exactly three */
			if (group == 0 || (commas > 0 && group != 3) || group > 3) {
				*why = "thousands separators must come every three digits, as in 1,115,160";
				return -1;
			}
			commas++;
			group = 0;
			continue;
		}
		if (*p < '0' || *p > '9')
			return -1;
		/* README promises 20 digits before the point: keep to it */
		if (digits >= 20) {
			*why = "too many digits: figures have at most 20 digits before the point";
			return -1;
		}
		whole = whole * 10 + (*p - '0');
		group++;
		digits++;
	}
	if (commas > 0 && group != 3) {
		*why = "thousands separators must come every three digits, as in 1,115,160";
		return -1;
	}
	if (p < end && *p == '.') {
		p++;
		if (p == end)
			return -1;
		for (; p < end; p++) {
			if (*p < '0' || *p > '9')
				return -1;
			if (++dp > NUM_MAX_PLACES) {
				*why = "too many decimal places: at most 12";
				return -1;
			}
			frac = frac * 10 + (*p - '0');
		}
	}
	if (kind == NK_COUNT && dp > scale3) {
		*why = "expected a whole number: a count has no decimal places";
		return -1;
	}
	{
		num_int scale = S_pow10(dp), n;

		n = whole * scale + frac;
		if (neg)
			n = -n;
		if (kind == NK_PERCENT)
			scale *= 100;
		if (S_make(n, scale, r) != NUM_OK)
			return -1;
		if (scale3 > 0 && num_mul(*r, num_of(scale3 == 3 ? 1000 : 1000000), r) != NUM_OK)
			return -1;
	}
	/* "£22k" is written to the nearest thousand: places -3 */
	if (places)
		*places = dp - scale3;
	*why = NULL;
	return 0;
}

/* ------------------------------------------------------------ display */

/* The decimal digits of V >= 0 into BUF (at least 40 bytes); returns BUF. */
static char *
S_digits(num_int v, char *buf)
{
	char tmp[48];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v > 0);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

/* V >= 0 with commas every three digits. */
static void
S_grouped(struct buf *b, num_int v)
{
	char d[48];
	size_t len = strlen(S_digits(v, d));

	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, d[i]);
	}
}

enum num_status
num_display(struct num a, enum num_kind kind, int places, enum num_round mode,
    long per, char **out)
{
	struct num v = a, rounded;
	struct buf b = { 0 };
	num_int scale, mag, ip, fp;
	enum num_status st;

	if (kind == NK_PERCENT && (st = num_mul(a, num_of(100), &v)) != NUM_OK)
		return st;
	if ((st = num_round(v, places, mode, &rounded)) != NUM_OK)
		return st;
	scale = S_pow10(places);
	/* rounded is an exact multiple of 1/scale */
	mag = S_abs(rounded.n) * (scale / rounded.d);
	ip = mag / scale;
	fp = mag % scale;
	if (rounded.n < 0)
		buf_putc(&b, '-');
	if (kind == NK_MONEY)
		buf_puts(&b, "£");
	S_grouped(&b, ip);
	if (places > 0) {
		char d[48];
		size_t len = strlen(S_digits(fp, d));

		buf_putc(&b, '.');
		for (size_t i = len; i < (size_t)places; i++)
			buf_putc(&b, '0');
		buf_puts(&b, d);
	}
	if (kind == NK_PERCENT)
		buf_putc(&b, '%');
	else if (kind == NK_RATE && per > 0) {
		buf_puts(&b, " per ");
		S_grouped(&b, per);
	}
	*out = xstrdup(buf_str(&b));
	buf_free(&b);
	return NUM_OK;
}

int
num_from_exact(const char *s, struct num *r)
{
	const char *slash = strchr(s, '/');
	num_int n = 0, d = 1;
	int neg = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, *s - '0', &n))
			return -1;
	if (slash != NULL) {
		if (s != slash || slash[1] < '0' || slash[1] > '9')
			return -1;
		d = 0;
		for (s = slash + 1; *s >= '0' && *s <= '9'; s++)
			if (__builtin_mul_overflow(d, 10, &d) || __builtin_add_overflow(d, *s - '0', &d))
				return -1;
	}
	if (*s != '\0')
		return -1;
	return S_make(neg ? -n : n, d, r) == NUM_OK ? 0 : -1;
}

char *
num_exact(struct num a)
{
	char n[48], d[48];

	S_digits(S_abs(a.n), n);
	if (a.d == 1)
		return xasprintf("%s%s", a.n < 0 ? "-" : "", n);
	S_digits(a.d, d);
	return xasprintf("%s%s/%s", a.n < 0 ? "-" : "", n, d);
}

static const char *const kind_names[] = {
	[NK_NUMBER] = "number", [NK_MONEY] = "money", [NK_COUNT] = "count",
	[NK_PERCENT] = "percent", [NK_RATE] = "rate", [NK_RATIO] = "ratio",
};

const char *
num_kind_name(enum num_kind k)
{
	return (unsigned)k < sizeof(kind_names) / sizeof(kind_names[0]) ? kind_names[k] : "?";
}

int
num_kind_of(const char *name)
{
	for (size_t i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (strcmp(kind_names[i], name) == 0)
			return (int)i;
	return -1;
}

int
num_round_of(const char *name)
{
	static const char *const modes[] = { "half-up", "half-even", "up", "down" };

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(modes[i], name) == 0)
			return (int)i;
	return -1;
}
