/* suggest.c: edit distance between names, the closest candidates, and dates and times read in the forms people write them. */
#include "suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/dates.h"
#include "util.h"

/* Longer words are not names anyone misspelt: comparing them costs for nothing. */
#define SUGGEST_MAX_LEN 64

static int
S_fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

size_t
suggest_distance_within(const char *a, const char *b, size_t limit, size_t *cells)
{
	size_t la = strlen(a), lb = strlen(b), inf = limit + 1, spent = 0;
	size_t rows[3][SUGGEST_MAX_LEN + 1];
	size_t *pp, *p, *c;

	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return inf;
	/* each edit changes the length by one at most */
	if ((la > lb ? la - lb : lb - la) > limit)
		return inf;
	/*
	 * Cells farther than LIMIT from the diagonal need more than LIMIT
	 * edits: they stay at INF, which every sum is capped to, so the
	 * table is a band of 2 * LIMIT + 1 cells a row.
	 */
	for (size_t r = 0; r < 3; r++)
		for (size_t j = 0; j <= lb; j++)
			rows[r][j] = inf;
	pp = rows[0];
	p = rows[1];
	c = rows[2];
	for (size_t j = 0; j <= lb && j <= limit; j++)
		p[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t lo = i > limit ? i - limit : 1, hi = i + limit < lb ? i + limit : lb;
		size_t least;

		/* the cell left of the band: I deletions, or out of reach */
		c[lo - 1] = lo == 1 && i <= limit ? i : inf;
		least = c[lo - 1];
		for (size_t j = lo; j <= hi; j++) {
			int ca = S_fold((unsigned char)a[i - 1]), cb = S_fold((unsigned char)b[j - 1]);
			size_t cost = ca != cb, v = p[j - 1] + cost;

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && ca == S_fold((unsigned char)b[j - 2]) &&
			    S_fold((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			if (v > inf)
				v = inf;
			c[j] = v;
			if (v < least)
				least = v;
		}
		if (hi < lb)
			c[hi + 1] = inf;
		spent += hi >= lo ? hi - lo + 1 : 0;
		/*
		 * A row all past LIMIT ends it: the next row builds on this
		 * one, or by a swap on the one before, none of whose cells
		 * can be below LIMIT when all of this row is above it.
		 */
		if (least > limit) {
			if (cells != NULL)
				*cells += spent;
			return inf;
		}
		{
			size_t *t = pp;

			pp = p;
			p = c;
			c = t;
		}
	}
	if (cells != NULL)
		*cells += spent;
	return p[lb] > limit ? inf : p[lb];
}

/* Two names of at most SUGGEST_MAX_LEN letters are never further apart than that. */
size_t
suggest_distance(const char *a, const char *b)
{
	return suggest_distance_within(a, b, SUGGEST_MAX_LEN, NULL);
}

/* Cells the suggestions of this compile may still fill. */
static size_t S_budget = SUGGEST_BUDGET;

void
suggest_budget_reset(void)
{
	S_budget = SUGGEST_BUDGET;
}

size_t
suggest_budget_left(void)
{
	return S_budget;
}

size_t
suggest_limit(size_t len)
{
	/*
	 * One slip in three letters: "titel" and "apologys" are close to
	 * "title" and "apologies", but two-letter ids like "pw" and "sh" are
	 * never guessed at (any other pair is one edit away).  Case alone is
	 * always a slip.
	 */
	if (len < 3)
		return 0;
	return len / 3 < 3 ? len / 3 : 3;
}

void
suggest_init(struct suggest *s, const char *word)
{
	memset(s, 0, sizeof(*s));
	s->word = word;
	s->best = (size_t)-1;
}

void
suggest_offer(struct suggest *s, const char *cand, const char *as, const char *note)
{
	size_t d;

	if (s->word == NULL || cand == NULL)
		return;
	if (as == NULL)
		as = cand;
	if (strcmp(as, s->word) == 0 && strcmp(cand, s->word) == 0)
		return;
	if (s->cut)
		return;
	if (S_budget == 0) {
		s->cut = 1;
		return;
	}
	{
		size_t limit = suggest_limit(strlen(s->word)), cells = 0;

		/* nothing farther than the best so far is kept: no need to measure it */
		if (s->best < limit)
			limit = s->best;
		d = suggest_distance_within(s->word, as, limit, &cells);
		/* a comparison that was refused at once still costs a look */
		if (cells == 0)
			cells = 1;
		S_budget -= cells < S_budget ? cells : S_budget;
		if (d > limit)
			return;
	}
	if (d < s->best) {
		s->best = d;
		s->n = 0;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->picks[i], cand) == 0)
			return;
	if (s->n < SUGGEST_MAX) {
		s->picks[s->n] = cand;
		s->notes[s->n] = note;
		s->n++;
	}
}

char *
suggest_text(const struct suggest *s, const char *open, const char *close)
{
	char *list = suggest_list(s, open, close), *out;

	if (list == NULL)
		return NULL;
	out = xasprintf("; did you mean %s?", list);
	free(list);
	return out;
}

char *
suggest_list(const struct suggest *s, const char *open, const char *close)
{
	struct buf b = { 0 };
	char *out;

	/* picks made before the budget ran out may not be the closest */
	if (s->n == 0 || s->cut)
		return NULL;
	for (size_t i = 0; i < s->n; i++) {
		if (i > 0)
			buf_puts(&b, i + 1 == s->n ? " or " : ", ");
		buf_printf(&b, "%s%s%s", open, s->picks[i], close);
		if (s->notes[i] != NULL)
			buf_printf(&b, " (%s)", s->notes[i]);
	}
	out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* ------------------------------------------------------------ dates */

struct tok {
	int  num;      /* a number: its value; else -1 */
	int  digits;   /* how many digits it had */
	char word[16]; /* a word, lower case */
};

#define MAX_TOKS 8

/* Split V into numbers and words; -1 if it holds anything else or too much. */
static int
S_tokens(const char *v, struct tok *t, int *n)
{
	*n = 0;
	while (*v != '\0') {
		struct tok *k;
		size_t len = 0;

		if (strchr(" \t\r\n/-.,", *v) != NULL) {
			v++;
			continue;
		}
		if (*n == MAX_TOKS)
			return -1;
		k = &t[(*n)++];
		memset(k, 0, sizeof(*k));
		k->num = -1;
		if (isdigit((unsigned char)*v)) {
			k->num = 0;
			while (isdigit((unsigned char)*v)) {
				if (++k->digits > 4)
					return -1;
				k->num = k->num * 10 + (*v++ - '0');
			}
		} else if (isalpha((unsigned char)*v)) {
			while (isalpha((unsigned char)*v)) {
				if (len + 1 >= sizeof(k->word))
					return -1;
				k->word[len++] = (char)S_fold((unsigned char)*v++);
			}
		} else
			return -1;
	}
	return 0;
}

/* 1–12 for a month's name or its first three letters ("sept" too); 0 if none. */
static int
S_month(const char *w)
{
	static const char *const names[] = { "january", "february", "march", "april",
		"may", "june", "july", "august", "september", "october", "november", "december" };

	for (int i = 0; i < 12; i++)
		if (strcmp(w, names[i]) == 0 || (strlen(w) == 3 && strncmp(w, names[i], 3) == 0))
			return i + 1;
	return strcmp(w, "sept") == 0 ? 9 : 0;
}

/* 0–6 (Sunday first, as date_weekday()) for a weekday's name or its first three letters; -1 if none. */
static int
S_weekday(const char *w)
{
	static const char *const days[] = { "sunday", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday" };

	for (int i = 0; i < 7; i++)
		if (strcmp(w, days[i]) == 0 || (strlen(w) == 3 && strncmp(w, days[i], 3) == 0))
			return i;
	return -1;
}

/* A word that adds nothing to a date: an ordinal's ending, "of". */
static int
S_filler(const char *w)
{
	return strcmp(w, "st") == 0 || strcmp(w, "nd") == 0 || strcmp(w, "rd") == 0 ||
	    strcmp(w, "th") == 0 || strcmp(w, "of") == 0;
}

char *
suggest_date(const char *v, const char **note)
{
	struct tok t[MAX_TOKS];
	int n, nums[3], digits[3], nn = 0, month = 0, y, m, d, wday = -1;
	struct date check;
	char *out;

	if (note != NULL)
		*note = NULL;
	if (v == NULL || S_tokens(v, t, &n) != 0)
		return NULL;
	for (int i = 0; i < n; i++) {
		if (t[i].num >= 0) {
			if (nn == 3)
				return NULL;
			nums[nn] = t[i].num;
			digits[nn++] = t[i].digits;
		} else if (S_month(t[i].word) && month == 0)
			month = S_month(t[i].word);
		else if (S_weekday(t[i].word) >= 0 && wday < 0)
			wday = S_weekday(t[i].word);
		else if (!S_filler(t[i].word))
			return NULL;
	}
	if (month != 0 && nn == 2) {
		/* "17 November 2010", "November 17, 2010": the four-digit number is the year */
		if (digits[0] == 4 && digits[1] <= 2)
			y = nums[0], d = nums[1];
		else if (digits[1] == 4 && digits[0] <= 2)
			y = nums[1], d = nums[0];
		else
			return NULL;
		m = month;
	} else if (month == 0 && nn == 3) {
		if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2)
			y = nums[0], m = nums[1], d = nums[2];
		else if (digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2) {
			/* day first, as written in the UK */
			d = nums[0], m = nums[1], y = nums[2];
			/* 04/03/2011 is 4 March here, 3 April in America: say which */
			if (d <= 12 && m <= 12 && d != m && note != NULL)
				*note = "day first";
		} else
			return NULL;   /* a two-digit year could be any century */
	} else
		return NULL;
	out = xasprintf("%04d-%02d-%02d", y, m, d);
	/* a weekday that is not that date's means one of the two is wrong: which is unknown */
	if (date_parse(out, &check) != 0 || strcmp(out, v) == 0 ||
	    (wday >= 0 && date_weekday(&check) != wday)) {
		free(out);
		if (note != NULL)
			*note = NULL;
		return NULL;
	}
	return out;
}

char *
suggest_time(const char *v)
{
	char low[32], *p, *e;
	size_t len;
	int h, m = 0, half = 0;   /* half: 1 am, 2 pm */

	if (v == NULL)
		return NULL;
	while (isspace((unsigned char)*v))
		v++;
	len = strlen(v);
	while (len > 0 && isspace((unsigned char)v[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(low))
		return NULL;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)S_fold((unsigned char)v[i]);
	low[len] = '\0';
	if (strcmp(low, "noon") == 0 || strcmp(low, "midday") == 0 || strcmp(low, "12 noon") == 0)
		return xstrdup("12:00");
	if (strcmp(low, "midnight") == 0)
		return xstrdup("00:00");
	/* the ending first: am, pm, a.m., p.m., with or without a space */
	e = low + len;
	if (len >= 4 && (strcmp(e - 4, "a.m.") == 0 || strcmp(e - 4, "p.m.") == 0)) {
		half = e[-4] == 'a' ? 1 : 2;
		e[-4] = '\0';
	} else if (len >= 2 && (strcmp(e - 2, "am") == 0 || strcmp(e - 2, "pm") == 0)) {
		half = e[-2] == 'a' ? 1 : 2;
		e[-2] = '\0';
	}
	len = strlen(low);
	while (len > 0 && low[len - 1] == ' ')
		low[--len] = '\0';
	p = low;
	if (!isdigit((unsigned char)*p))
		return NULL;
	if (len == 4 && strspn(p, "0123456789") == 4 && half == 0) {
		/* "1400", "0930" */
		h = (p[0] - '0') * 10 + (p[1] - '0');
		m = (p[2] - '0') * 10 + (p[3] - '0');
	} else {
		int two;

		h = *p++ - '0';
		two = isdigit((unsigned char)*p);
		if (two)
			h = h * 10 + (*p++ - '0');
		if (*p == '.' || *p == ':' || *p == 'h') {
			p++;
			if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
				return NULL;
			m = (p[0] - '0') * 10 + (p[1] - '0');
			p += 2;
		}
		if (*p != '\0')
			return NULL;
		/*
		 * "14.00" and "09.30" name the 24-hour clock; "2.30" alone
		 * could be either half of the day, and a meeting at 2.30 is
		 * more likely 14:30 than 02:30: no guess.
		 */
		if (half == 0 && !two)
			return NULL;
	}
	if (m > 59)
		return NULL;
	if (half != 0) {
		if (h < 1 || h > 12)
			return NULL;
		h = half == 2 ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
	} else if (h > 23)
		return NULL;
	{
		char out[16];

		snprintf(out, sizeof(out), "%02d:%02d", h, m);
		if (strcmp(out, v) == 0)
			return NULL;
		return xstrdup(out);
	}
}
