/* dates.c: strict date and time parsing, weekday arithmetic and UK display forms. */
#include "dates.h"

#include <string.h>

#include "util.h"

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static const char *const weekdays[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

static int
S_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
S_mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && S_leap(y) ? 29 : n[m - 1];
}

static int
S_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse(const char *s, struct date *out)
{
	struct date t;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    S_digits(s, 4, &t.y) || S_digits(s + 5, 2, &t.m) || S_digits(s + 8, 2, &t.d))
		return -1;
	if (t.y < 1000 || t.m < 1 || t.m > 12 || t.d < 1 || t.d > S_mdays(t.y, t.m))
		return -1;
	*out = t;
	return 0;
}

long
date_days(const struct date *d)
{
	/* days from civil, proleptic Gregorian (H. Hinnant's algorithm) */
	long y = d->y - (d->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

int
date_weekday(const struct date *d)
{
	long days = date_days(d);

	/* 1970-01-01 was a Thursday */
	return (int)(((days % 7) + 7 + 4) % 7);
}

char *
date_display(const struct date *d, enum date_style style)
{
	switch (style) {
	case DATE_WEEKDAY:
		return xasprintf("%s, %d %s %d", weekdays[date_weekday(d)], d->d,
		    months[d->m - 1], d->y);
	case DATE_SHORT:
		return xasprintf("%02d/%02d/%04d", d->d, d->m, d->y);
	default:
		return xasprintf("%d %s %d", d->d, months[d->m - 1], d->y);
	}
}

enum date_style
date_style_of(const char *s)
{
	if (s != NULL && strcmp(s, "weekday") == 0)
		return DATE_WEEKDAY;
	if (s != NULL && strcmp(s, "short") == 0)
		return DATE_SHORT;
	return DATE_LONG;
}

int
time_parse(const char *s)
{
	int h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':' ||
	    S_digits(s, 2, &h) || S_digits(s + 3, 2, &m) || h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

char *
time_display(int minutes)
{
	int h = minutes / 60, m = minutes % 60;
	int h12 = h % 12 == 0 ? 12 : h % 12;
	const char *ampm = h < 12 ? "am" : "pm";

	if (minutes == 0)
		return xstrdup("midnight");
	if (minutes == 12 * 60)
		return xstrdup("12 noon");
	if (m == 0)
		return xasprintf("%d%s", h12, ampm);
	return xasprintf("%d.%02d%s", h12, m, ampm);
}
