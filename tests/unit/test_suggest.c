/* test_suggest.c: edit distance, the closest names to common misspellings, and dates and times read in other forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "suggest.h"
#include "util.h"
#include "vocab.h"

static int
S_fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * The whole table, filled cell by cell: the reference the banded
 * distance of suggest.c is checked against.
 */
static size_t
S_full(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t rows[3][64 + 1];
	size_t *pp, *p, *c;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	/* three rows: the one before the previous is needed for a swap */
	pp = rows[0];
	p = rows[1];
	c = rows[2];
	for (size_t j = 0; j <= lb; j++)
		p[j] = j;
	for (size_t i = 1; i <= la; i++) {
		c[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			int ca = S_fold((unsigned char)a[i - 1]), cb = S_fold((unsigned char)b[j - 1]);
			size_t cost = ca != cb, v = p[j - 1] + cost;

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && ca == S_fold((unsigned char)b[j - 2]) &&
			    S_fold((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
		}
		{
			size_t *t = pp;

			pp = p;
			p = c;
			c = t;
		}
	}
	return p[lb];
}

static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("", ""), 0);
	assert_int_equal(suggest_distance("title", "title"), 0);
	assert_int_equal(suggest_distance("Title", "title"), 0);         /* case is ignored */
	assert_int_equal(suggest_distance("titel", "title"), 1);         /* a swap is one edit */
	assert_int_equal(suggest_distance("tittle", "title"), 1);
	assert_int_equal(suggest_distance("apologys", "apologies"), 2);
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	assert_int_equal(suggest_distance("", "abc"), 3);
	assert_int_equal(suggest_distance("ca", "abc"), 3);             /* optimal string alignment, not full Damerau */
	/* too long to be a name: never close */
	{
		char big[100];

		memset(big, 'a', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		assert_true(suggest_distance(big, "a") > 10);
	}
}

/*
 * The banded distance agrees with the full table wherever the answer is
 * within the limit, and says "more than the limit" elsewhere: every pair of
 * words of up to six letters over a three-letter alphabet, a few thousand.
 */
static void
test_distance_within(void **state)
{
	char a[8], b[8];
	size_t cells;

	(void)state;
	for (unsigned x = 0; x < 2000; x++)
		for (unsigned y = 0; y < 400; y++) {
			unsigned xa = x, yb = y * 5 + 1;
			size_t la = x % 7, lb = y % 7, full;

			for (size_t i = 0; i < la; i++, xa /= 3)
				a[i] = (char)('a' + xa % 3);
			a[la] = '\0';
			for (size_t i = 0; i < lb; i++, yb /= 3)
				b[i] = (char)('a' + yb % 3);
			b[lb] = '\0';
			full = S_full(a, b);
			for (size_t lim = 0; lim <= 3; lim++) {
				size_t d = suggest_distance_within(a, b, lim, NULL);

				if (full <= lim)
					assert_int_equal(d, full);
				else
					assert_int_equal(d, lim + 1);
			}
		}
	/* a swap at the edge of the band */
	assert_int_equal(suggest_distance_within("titel", "title", 1, NULL), 1);
	assert_int_equal(suggest_distance_within("ca", "abc", 3, NULL), 3);
	/*
	 * Two 64-letter ids that differ at once stop within a few rows; lengths
	 * farther apart than the limit are not compared at all.
	 */
	{
		char f[65], g[65];

		memset(f, 'x', 64);
		memset(g, 'y', 64);
		f[64] = g[64] = '\0';
		cells = 0;
		assert_int_equal(suggest_distance_within(f, g, 3, &cells), 4);
		assert_true(cells <= 4 * 7);
		cells = 0;
		assert_int_equal(suggest_distance_within("abcdefgh", "abcd", 3, &cells), 4);
		assert_int_equal(cells, 0);
		/* even the same 64 letters fill only the band: 64 rows of 7 at most */
		cells = 0;
		assert_int_equal(suggest_distance_within(f, f, 3, &cells), 0);
		assert_true(cells <= 64 * 7);
	}
}

/*
 * One budget for a compile: once it is spent, no suggestion is made, even
 * for a word whose closest name was among those compared (it may not be
 * the closest of all), until the budget is given back.
 */
static void
test_budget(void **state)
{
	char w[65], c[65];
	struct suggest sg;
	char *got;
	size_t n = 0;

	(void)state;
	suggest_budget_reset();
	assert_int_equal(suggest_budget_left(), SUGGEST_BUDGET);
	memset(w, 'g', 64);
	memset(c, 'g', 64);
	w[64] = c[64] = '\0';
	c[0] = 'f';
	/* the worst case: candidates as long as the word and one edit from it */
	while (suggest_budget_left() > 0) {
		suggest_init(&sg, w);
		suggest_offer(&sg, c, NULL, NULL);
		got = suggest_text(&sg, "'", "'");
		assert_non_null(got);
		free(got);
		n++;
		assert_true(n <= SUGGEST_BUDGET / 64);
	}
	suggest_init(&sg, w);
	suggest_offer(&sg, c, NULL, NULL);
	assert_true(sg.cut);
	assert_null(suggest_text(&sg, "'", "'"));
	suggest_budget_reset();
	suggest_init(&sg, w);
	suggest_offer(&sg, c, NULL, NULL);
	got = suggest_text(&sg, "'", "'");
	assert_non_null(got);
	free(got);
}

/* The suggestion for WORD among the NULL-terminated candidates, or "" if none. */
static void
S_near(const char *word, const char *want, ...)
{
	struct suggest sg;
	va_list ap;
	const char *c;
	char *got;

	suggest_init(&sg, word);
	va_start(ap, want);
	while ((c = va_arg(ap, const char *)) != NULL)
		suggest_offer(&sg, c, NULL, NULL);
	va_end(ap);
	got = suggest_text(&sg, "<", ">");
	assert_string_equal(got ? got : "", want);
	free(got);
}

static void
test_misspellings(void **state)
{
	(void)state;
	/* the common slips: a swap, a letter missing, doubled or wrong, the case */
	S_near("titel", "; did you mean <title>?", "title", "p", "ul", "table", NULL);
	S_near("apologys", "; did you mean <apologies>?", "in-attendance", "observers", "apologies", NULL);
	S_near("apologise", "; did you mean <apologies>?", "apologies", "present", NULL);
	S_near("attendence", "; did you mean <attendance>?", "attendance", "item", NULL);
	S_near("atendee", "; did you mean <attendee>?", "attendee", NULL);
	S_near("presnt", "; did you mean <present>?", "present", "apologies", NULL);
	S_near("decison", "; did you mean <decision>?", "decision", "action", NULL);
	S_near("Item", "; did you mean <item>?", "item", NULL);
	S_near("PARA", "; did you mean <para>?", "para", NULL);
	S_near("registery", "; did you mean <registry>?", "registry", NULL);
	S_near("persn", "; did you mean <person>?", "person", "chair", NULL);
	/* ties are all shown, in the order offered */
	S_near("cel", "; did you mean <cell> or <col>?", "cell", "col", "row", NULL);
	/* nothing close: no guess */
	S_near("bogus", "", "title", "p", "ul", NULL);
	S_near("emph", "", "em", "strong", NULL);
	S_near("xq", "", "pw", "sh", NULL);     /* two letters: any pair is one edit away */
	S_near("title", "", "title", NULL);     /* the same name is no correction */
	S_near("", "", "a", NULL);
}

static void
test_notes(void **state)
{
	struct suggest sg;
	char *got;

	(void)state;
	/* a person found by a word of the name is suggested by id, with the name */
	suggest_init(&sg, "harrison");
	suggest_offer(&sg, "pw", NULL, "Paul Warren");
	suggest_offer(&sg, "pw", "Warren", "Paul Warren");
	suggest_offer(&sg, "sh", NULL, "Sue Harrison");
	suggest_offer(&sg, "sh", "Harrison", "Sue Harrison");
	got = suggest_list(&sg, "'", "'");
	assert_string_equal(got, "'sh' (Sue Harrison)");
	free(got);
}

/* WANT for IN, with " (day first)" after it when IN could be read month first too. */
static void
S_date(const char *in, const char *want)
{
	const char *note = "unset";
	char *got = suggest_date(in, &note);

	if (want == NULL) {
		assert_null(got);
		assert_null(note);
	} else {
		char *both = note ? xasprintf("%s (%s)", got ? got : "(none)", note) :
		    xstrdup(got ? got : "(none)");

		assert_string_equal(both, want);
		free(both);
	}
	free(got);
}

static void
test_dates(void **state)
{
	(void)state;
	S_date("17/11/2010", "2010-11-17");        /* day first, as in the UK */
	S_date("7/3/2011", "2011-03-07 (day first)");   /* 3 July in America: say how it was read */
	S_date("04/03/2011", "2011-03-04 (day first)");
	S_date("4/4/2011", "2011-04-04");          /* either way round */
	S_date("17.11.2010", "2010-11-17");
	S_date("17-11-2010", "2010-11-17");
	S_date("2010/11/17", "2010-11-17");
	S_date("2010-11-7", "2010-11-07");
	S_date("17 November 2010", "2010-11-17");
	S_date("17th Nov 2010", "2010-11-17");
	S_date("Wednesday 17th of November, 2010", "2010-11-17");
	S_date("Sat 5 March 2011", "2011-03-05");
	S_date("November 17, 2010", "2010-11-17");
	S_date("1 Sept 2010", "2010-09-01");
	/* no one reading: no guess */
	S_date("11/17/2010", NULL);                /* a month 17: American, or a slip */
	S_date("17/11/10", NULL);                  /* which century */
	S_date("31/02/2011", NULL);                /* no such day */
	S_date("2011-02-30", NULL);
	S_date("2010-11-17", NULL);                /* already right */
	S_date("next Tuesday", NULL);
	S_date("Monday 5 March 2011", NULL);       /* a Saturday: the day or the date is wrong */
	S_date("17 Novembre 2010", NULL);
	S_date("", NULL);
}

static void
S_time(const char *in, const char *want)
{
	char *got = suggest_time(in);

	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got ? got : "(none)", want);
	free(got);
}

static void
test_times(void **state)
{
	(void)state;
	S_time("2pm", "14:00");
	S_time("2 PM", "14:00");
	S_time("2.30pm", "14:30");
	S_time("9.30am", "09:30");
	S_time("9:30 a.m.", "09:30");
	S_time("12pm", "12:00");
	S_time("12am", "00:00");
	S_time("12.15am", "00:15");
	S_time("noon", "12:00");
	S_time("Midnight", "00:00");
	S_time("14.00", "14:00");
	S_time("09.30", "09:30");
	S_time("1400", "14:00");
	S_time("9:30", NULL);                      /* morning or evening */
	S_time("2.30", NULL);
	S_time("13pm", NULL);
	S_time("24:00", NULL);
	S_time("14:75", NULL);
	S_time("14:00", NULL);                     /* already right */
	S_time("teatime", NULL);
}

/* Read the minutes schema's names and check a few the suggestions rely on. */
static void
test_vocab(void **state)
{
	struct vocab *v = vocab_load("schemas/minutes.xsd");
	int person = 0, apologies = 0;

	(void)state;
	assert_non_null(v);
	assert_true(vocab_is_element(v, "attendee"));
	assert_true(vocab_is_element(v, "title"));      /* declared in the included common.xsd */
	assert_false(vocab_is_element(v, "bogus"));
	for (size_t i = 0; vocab_attr(v, "attendee", i) != NULL; i++)
		person += strcmp(vocab_attr(v, "attendee", i), "person") == 0;
	assert_int_equal(person, 1);
	for (size_t i = 0; vocab_child(v, "attendance", i) != NULL; i++)
		apologies += strcmp(vocab_child(v, "attendance", i), "apologies") == 0;
	assert_int_equal(apologies, 1);
	assert_string_equal(vocab_parent(v, "apologies", 0), "attendance");
	assert_null(vocab_parent(v, "apologies", 1));
	/* figure's attributes come through an attribute group */
	{
		int found = 0;

		for (size_t i = 0; vocab_attr(v, "figure", i) != NULL; i++)
			found += strcmp(vocab_attr(v, "figure", i), "places") == 0;
		assert_int_equal(found, 1);
	}
	vocab_free(v);
	assert_null(vocab_load("schemas/no-such-file.xsd"));

	/*
	 * Attributes by declaration: the cover's own <date> is a plain date,
	 * the <date> of running text (global, reached through the inline
	 * group) has when and style; merged, <date> has both.
	 */
	v = vocab_load("schemas/agreement.xsd");
	assert_non_null(v);
	assert_null(vocab_attr_in(v, "cover", "date", 0));
	{
		int style = 0, when = 0;

		for (size_t i = 0; vocab_attr_in(v, "p", "date", i) != NULL; i++) {
			style += strcmp(vocab_attr_in(v, "p", "date", i), "style") == 0;
			when += strcmp(vocab_attr_in(v, "p", "date", i), "when") == 0;
		}
		assert_int_equal(style, 1);
		assert_int_equal(when, 1);
		/* at the top, or under an element with no declaration of its own, the global one */
		assert_string_equal(vocab_attr_in(v, NULL, "date", 0), vocab_attr_in(v, "p", "date", 0));
		style = 0;
		for (size_t i = 0; vocab_attr(v, "date", i) != NULL; i++)
			style += strcmp(vocab_attr(v, "date", i), "style") == 0;
		assert_int_equal(style, 1);
	}
	/* a name with no global declaration: the merged attributes */
	assert_null(vocab_attr_in(v, "nowhere", "no-such-element", 0));
	vocab_free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_distance_within),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_misspellings),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_vocab),
	};

	return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
