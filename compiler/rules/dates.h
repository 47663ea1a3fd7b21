/* dates.h: calendar dates and times of day, parsed strictly and printed the British way. */
#ifndef CSDOC_DATES_H
#define CSDOC_DATES_H

struct date {
	int y;   /* year, 1000–9999 */
	int m;   /* month, 1–12 */
	int d;   /* day of month, 1–31 as the month allows */
};

enum date_style {
	DATE_LONG,      /* 10 March 2011 */
	DATE_WEEKDAY,   /* Thursday, 10 March 2011 */
	DATE_SHORT      /* 10/03/2011 */
};

/* Parse "YYYY-MM-DD" (a time zone suffix is not accepted).  Returns 0, or -1. */
int date_parse(const char *s, struct date *out);

/* Day of the week, 0 = Sunday. */
int date_weekday(const struct date *d);

/* Days since 1970-01-01 (negative before); for comparing and for PDF dates. */
long date_days(const struct date *d);

/* The date in STYLE as a new string. */
char *date_display(const struct date *d, enum date_style style);

/* STYLE from a source attribute value ("long", "weekday", "short"; NULL: long). */
enum date_style date_style_of(const char *s);

/* Parse "HH:MM" on the 24-hour clock into minutes after midnight; -1 if bad. */
int time_parse(const char *s);

/* "9.30am", "2pm", "12 noon", "12.15pm", "midnight": a new string. */
char *time_display(int minutes);

#endif
