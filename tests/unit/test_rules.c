/* test_rules.c: numbering labels and dates — the small rules minutes depend on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rules/dates.h"
#include "rules/label.h"

static void
S_label(const char *fmt, long n, const char *want)
{
	char *got = label_for(fmt, n);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_labels(void **state)
{
	(void)state;
	S_label("1.", 7, "7.");
	S_label("a)", 1, "a)");
	S_label("a)", 26, "z)");
	S_label("a)", 27, "aa)");
	S_label("A.", 28, "AB.");
	S_label("(i)", 4, "(iv)");
	S_label("I.", 1994, "MCMXCIV.");
	S_label("i.", 4000, "4000.");
	/* running minute numbers: the first "1" counts, "/10" is text */
	S_label("1/10", 38, "38/10");
	S_label("1/2010", 51, "51/2010");
	/* "Item 1": the I of Item is part of a word, not a counter */
	S_label("Item 1", 3, "Item 3");
}

static void
test_label_words(void **state)
{
	static const char *const ten[] = {
		"ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
		"NINE", "TEN",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(ten) / sizeof(ten[0]); i++) {
		char want[32];

		snprintf(want, sizeof(want), "SECTION %s", ten[i]);
		S_label("SECTION ONE", (long)i + 1, want);
	}
	S_label("SECTION ONE", 11, "SECTION ELEVEN");
	S_label("SECTION ONE", 19, "SECTION NINETEEN");
	S_label("SECTION ONE", 20, "SECTION TWENTY");
	S_label("SECTION ONE", 21, "SECTION TWENTY-ONE");
	S_label("SECTION ONE", 100, "SECTION ONE HUNDRED");
	S_label("SECTION ONE", 105, "SECTION ONE HUNDRED AND FIVE");
	S_label("SECTION ONE", 999, "SECTION NINE HUNDRED AND NINETY-NINE");
	/* past what words spell, digits, as roman numerals past 3999 */
	S_label("SECTION ONE", 1000, "SECTION 1000");
	S_label("SECTION ONE", 0, "SECTION 0");
	S_label("Part One:", 21, "Part Twenty-One:");
	S_label("Part One", 342, "Part Three Hundred and Forty-Two");
	S_label("chapter one", 40, "chapter forty");
	S_label("(one)", 12, "(twelve)");
	S_label("One", 1, "One");
	/* "ONEROUS 1", "DONE 1": words that hold ONE are text; the 1 counts */
	S_label("ONEROUS 1", 5, "ONEROUS 5");
	S_label("DONE 1", 5, "DONE 5");
	S_label("ONE1 a", 2, "ONE1 b");
	/* the first counter from the left wins */
	S_label("1. ONE", 3, "3. ONE");
	S_label("ONE 1", 3, "THREE 1");
}

static void
test_label_no_counter(void **state)
{
	struct label_fmt f;

	(void)state;
	assert_int_equal(label_parse("Item", &f), -1);
	assert_int_equal(label_parse("x2", &f), -1);
	assert_null(label_for("no", 1));
	assert_int_equal(label_parse("ONEROUS", &f), -1);
	assert_int_equal(label_parse("oNE", &f), -1);
	/* a letter beside the counter is one, accented or not */
	assert_int_equal(label_parse("\xC3\xA9" "1", &f), -1);
	assert_int_equal(label_parse("1\xC3\xA9", &f), -1);
}

/* A no-break space or a dash pasted from a word processor stands apart, as the schema reads it. */
static void
test_label_unicode_apart(void **state)
{
	char *s;

	(void)state;
	s = label_for("SECTION\xC2\xA0ONE", 2);
	assert_string_equal(s, "SECTION\xC2\xA0TWO");
	free(s);
	s = label_for("Part\xE2\x80\x93" "A", 3);
	assert_string_equal(s, "Part\xE2\x80\x93" "C");
	free(s);
	s = label_for("(\xE2\x80\x9Ci\xE2\x80\x9D)", 4);
	assert_string_equal(s, "(\xE2\x80\x9Civ\xE2\x80\x9D)");
	free(s);
}

static void
test_dates(void **state)
{
	struct date d;
	char *s;

	(void)state;
	assert_int_equal(date_parse("2011-03-10", &d), 0);
	s = date_display(&d, DATE_LONG);
	assert_string_equal(s, "10 March 2011");
	free(s);
	s = date_display(&d, DATE_WEEKDAY);
	assert_string_equal(s, "Thursday, 10 March 2011");
	free(s);
	s = date_display(&d, DATE_SHORT);
	assert_string_equal(s, "10/03/2011");
	free(s);
	/* the seeds' 2011 meeting dates are Wednesdays */
	assert_int_equal(date_parse("2011-11-23", &d), 0);
	assert_int_equal(date_weekday(&d), 3);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("1900-02-29", &d), -1);
	assert_int_equal(date_parse("2011-02-30", &d), -1);
	assert_int_equal(date_parse("2011-13-01", &d), -1);
	assert_int_equal(date_parse("2011-3-10", &d), -1);
	assert_int_equal(date_parse("0999-01-01", &d), -1);
	assert_int_equal(date_parse("2011-03-10Z", &d), -1);
	assert_int_equal(date_parse("1970-01-01", &d), 0);
	assert_int_equal(date_days(&d), 0);
}

static void
test_times(void **state)
{
	static const struct { const char *in; const char *out; } t[] = {
		{ "09:30", "9.30am" }, { "14:00", "2pm" }, { "12:00", "12 noon" },
		{ "12:15", "12.15pm" }, { "00:00", "midnight" }, { "23:59", "11.59pm" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int m = time_parse(t[i].in);
		char *s;

		assert_true(m >= 0);
		s = time_display(m);
		assert_string_equal(s, t[i].out);
		free(s);
	}
	assert_int_equal(time_parse("24:00"), -1);
	assert_int_equal(time_parse("9:30"), -1);
	assert_int_equal(time_parse("09.30"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_label_words),
		cmocka_unit_test(test_label_no_counter),
		cmocka_unit_test(test_label_unicode_apart),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_times),
	};

	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
