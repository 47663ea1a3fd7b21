/* test_csv.c: the CSV reader — quoting, byte order mark, separators, line ends, UK number forms, and errors at their row and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csv.h"
#include "util.h"

/* Parse TEXT with separator SEP (0 to detect); the messages printed into *MSGS (caller frees). */
static int
S_parse(const char *text, char sep, struct csv *c, char **msgs)
{
	struct diag d;
	size_t n = 0;
	FILE *f = open_memstream(msgs, &n);
	int rc;

	assert_non_null(f);
	diag_init(&d, "t.csv");
	rc = csv_parse(text, strlen(text), sep, c, &d);
	diag_print(&d, f);
	fclose(f);
	diag_free(&d);
	return rc;
}

static void
S_field(const struct csv *c, size_t row, size_t k, const char *want)
{
	assert_true(row < c->nrows);
	assert_true(k < c->rows[row].nfields);
	assert_string_equal(c->rows[row].fields[k], want);
}

static void
test_quoting(void **state)
{
	struct csv c;
	char *m;

	(void)state;
	/* commas, doubled quotes and a line break inside quotes; CRLF between rows */
	assert_int_equal(S_parse("Name,Note\r\n\"Castle Point, Rochford\",\"say \"\"hi\"\"\"\r\n"
	    "Harlow,\"line one\r\nline two\"\r\n", 0, &c, &m), 0);
	assert_string_equal(m, "");
	assert_int_equal(c.nrows, 3);
	assert_int_equal(c.sep, ',');
	S_field(&c, 1, 0, "Castle Point, Rochford");
	S_field(&c, 1, 1, "say \"hi\"");
	S_field(&c, 2, 1, "line one\nline two");
	/* the spreadsheet row of each record counts the lines inside quotes as one row */
	assert_int_equal(c.rows[2].row, 3);
	csv_free(&c);
	free(m);
	/* an empty quoted cell, an empty last cell, no line end at the end */
	assert_int_equal(S_parse("a,\"\",\nb,c,d", 0, &c, &m), 0);
	S_field(&c, 0, 1, "");
	S_field(&c, 0, 2, "");
	S_field(&c, 1, 2, "d");
	csv_free(&c);
	free(m);
}

static void
test_bom_and_separators(void **state)
{
	struct csv c;
	char *m;

	(void)state;
	/* a byte order mark is not part of the first cell; semicolons are detected */
	assert_int_equal(S_parse("\xef\xbb\xbf" "District;Grant\nBasildon;\"1,5\"\n", 0, &c, &m), 0);
	assert_int_equal(c.sep, ';');
	S_field(&c, 0, 0, "District");
	S_field(&c, 1, 1, "1,5");
	csv_free(&c);
	free(m);
	/* tabs, detected; and a separator given wins over detection */
	assert_int_equal(S_parse("a\tb\n1\t2\n", 0, &c, &m), 0);
	assert_int_equal(c.sep, '\t');
	csv_free(&c);
	free(m);
	assert_int_equal(S_parse("a;b,c\n", ',', &c, &m), 0);
	S_field(&c, 0, 0, "a;b");
	csv_free(&c);
	free(m);
	/* blank rows, however many separators, are left out but still counted */
	assert_int_equal(S_parse("a,b\n,\n\n c , \n", 0, &c, &m), 0);
	assert_int_equal(c.nrows, 2);
	assert_int_equal(c.rows[1].row, 4);
	csv_free(&c);
	free(m);
}

static void
test_errors(void **state)
{
	struct csv c;
	char *m;

	(void)state;
	assert_int_equal(S_parse("a,b\n1,2,3\n4\n5,6\n", 0, &c, &m), -1);
	assert_string_equal(m,
	    "t.csv:2:3: error: this row has 3 cells, the first row 2: every row needs as many (quote a cell that holds the separator)\n"
	    "t.csv:3:1: error: this row has 1 cells, the first row 2: every row needs as many (quote a cell that holds the separator)\n");
	csv_free(&c);
	free(m);
	assert_int_equal(S_parse("a,b\n1,\"2\n", 0, &c, &m), -1);
	assert_string_equal(m, "t.csv:2:2: error: a quoted cell is not closed: the file ends inside its quotes\n");
	csv_free(&c);
	free(m);
	assert_int_equal(S_parse("a,b\n1,2\"x\n", 0, &c, &m), -1);
	assert_non_null(strstr(m, "t.csv:2:2: error: a quote in the middle of a cell"));
	csv_free(&c);
	free(m);
	assert_int_equal(S_parse("a,b\n1,\"2\"x\n", 0, &c, &m), -1);
	assert_non_null(strstr(m, "t.csv:2:2: error: a quote in the middle of a cell"));
	csv_free(&c);
	free(m);
	/* Windows-1252's pound sign, an overlong form, a control character */
	assert_int_equal(S_parse("a,b\nx,\xa3" "5\nc\xc0\xaf,d\ne,f\x01\n", 0, &c, &m), -1);
	assert_string_equal(m,
	    "t.csv:2:2: error: the cell's bytes are not UTF-8 (the file may be Windows-1252): save it from the spreadsheet as \"CSV UTF-8\"\n"
	    "t.csv:3:1: error: the cell's bytes are not UTF-8 (the file may be Windows-1252): save it from the spreadsheet as \"CSV UTF-8\"\n"
	    "t.csv:4:2: error: character U+0001 is not allowed in a cell\n");
	csv_free(&c);
	free(m);
	assert_int_equal(S_parse("\xff\xfe" "a\0", 0, &c, &m), -1);
	assert_non_null(strstr(m, "t.csv:1:1: error: the file is UTF-16"));
	csv_free(&c);
	free(m);
}

static void
test_limits(void **state)
{
	struct buf b = { 0 };
	struct csv c;
	char *m;

	(void)state;
	for (int k = 0; k < 65; k++)
		buf_puts(&b, k ? ",x" : "x");
	assert_int_equal(S_parse(buf_str(&b), 0, &c, &m), -1);
	assert_string_equal(m, "t.csv:1:65: error: a row has more than 64 cells: a table has at most 64 columns\n");
	csv_free(&c);
	free(m);
	buf_free(&b);
	/* a heading row and 10,000 rows of data fit; one more does not */
	for (int k = 0; k <= CSV_MAX_ROWS; k++)
		buf_puts(&b, "1\n");
	assert_int_equal(S_parse(buf_str(&b), 0, &c, &m), 0);
	assert_int_equal(c.nrows, CSV_MAX_ROWS + 1);
	csv_free(&c);
	free(m);
	buf_puts(&b, "1\n");
	assert_int_equal(S_parse(buf_str(&b), 0, &c, &m), -1);
	assert_string_equal(m, "t.csv:10002:1: error: the file has more than 10001 rows: a heading and 10000 rows of data at most\n");
	csv_free(&c);
	free(m);
	buf_free(&b);
}

static void
test_message_limit(void **state)
{
	struct buf b = { 0 };
	struct csv c;
	char *m;
	size_t lines = 0;

	(void)state;
	/* a million short rows give 100 messages and one saying reading stopped, not a million */
	buf_puts(&b, "a,b\n");
	for (int k = 0; k < 1000000; k++)
		buf_puts(&b, "x\n");
	assert_int_equal(S_parse(buf_str(&b), 0, &c, &m), -1);
	for (const char *p = m; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	assert_int_equal(lines, CSV_MAX_MSGS + 1);
	assert_non_null(strstr(m, "t.csv:102:1: error: more than 100 problems in the file: reading stopped here\n"));
	csv_free(&c);
	free(m);
	buf_free(&b);
	/* rows dropped for a bad cell count toward the 10,001 rows, so reading stops there */
	buf_puts(&b, "a,b\n");
	for (int k = 0; k < 50; k++)
		buf_puts(&b, "x\n");
	for (int k = 0; k < CSV_MAX_ROWS; k++)
		buf_puts(&b, "1,2\n");
	assert_int_equal(S_parse(buf_str(&b), 0, &c, &m), -1);
	assert_non_null(strstr(m, "t.csv:10002:1: error: the file has more than 10001 rows"));
	csv_free(&c);
	free(m);
	buf_free(&b);
}

static void
test_separator_detection(void **state)
{
	struct csv c;
	char *m;

	(void)state;
	/* semicolons, and commas only as UK thousands separators: no heading row to go by */
	assert_int_equal(S_parse("Basildon;£173,120\nHarlow;£1,000\n", 0, &c, &m), 0);
	assert_string_equal(m, "");
	assert_int_equal(c.sep, ';');
	S_field(&c, 0, 1, "£173,120");
	S_field(&c, 1, 1, "£1,000");
	csv_free(&c);
	free(m);
	assert_int_equal(S_parse("District;Grant;Spend\nBasildon;£1,173,120;£5\n", 0, &c, &m), 0);
	assert_int_equal(c.sep, ';');
	S_field(&c, 1, 1, "£1,173,120");
	csv_free(&c);
	free(m);
	/* tabs likewise */
	assert_int_equal(S_parse("Basildon\t1,000\nHarlow\t2,500\n", 0, &c, &m), 0);
	assert_int_equal(c.sep, '\t');
	csv_free(&c);
	free(m);
	/* the first line alone would say semicolon; the records say comma */
	assert_int_equal(S_parse("Note; more,Grant\nBasildon,5\nHarlow,6\n", 0, &c, &m), 0);
	assert_int_equal(c.sep, ',');
	S_field(&c, 0, 0, "Note; more");
	csv_free(&c);
	free(m);
	/* commas that are not thousands separators keep a file that both split alike comma-separated */
	assert_int_equal(S_parse("a,b;c\nd,e;f\n", 0, &c, &m), 0);
	assert_int_equal(c.sep, ',');
	csv_free(&c);
	free(m);
	/* nothing consistent: the first line decides, and the odd row is named */
	assert_int_equal(S_parse("a;b;c\n1;2\n", 0, &c, &m), -1);
	assert_int_equal(c.sep, ';');
	csv_free(&c);
	free(m);
}

/* csv_figure(TEXT, TYPE) gives WANT, or fails when WANT is NULL. */
static void
S_fig(const char *text, const char *type, const char *want)
{
	char *out = NULL;
	const char *why = NULL;
	int rc = csv_figure(text, type, &out, &why);

	if (want == NULL) {
		assert_int_equal(rc, -1);
		assert_non_null(why);
		assert_null(out);
		return;
	}
	assert_int_equal(rc, 0);
	assert_string_equal(out, want);
	free(out);
}

static void
test_number_forms(void **state)
{
	(void)state;
	S_fig(" £1,234.56 ", "money", "£1,234.56");
	S_fig("1234", "money", "1234");
	S_fig("(1,234)", "money", "-1,234");
	S_fig("(£1,234)", "money", "-£1,234");
	S_fig("£-1,234", "money", "-£1,234");
	S_fig("-£1,234", "money", "-£1,234");
	S_fig("12.5%", "percent", "12.5%");
	S_fig("(3%)", "percent", "-3%");
	S_fig("", "money", "");
	S_fig("  ", "count", "");
	S_fig("-", "money", "-");
	S_fig("tbc", "money", "tbc");
	S_fig("n/a", "percent", "n/a");
	/* the words for a figure not known in any case; no-break spaces and a CR trimmed */
	S_fig("Tbc", "money", "Tbc");
	S_fig(" N/a ", "money", "N/a");
	S_fig("\xc2\xa0£5\xc2\xa0\r", "money", "£5");
	S_fig("1,2345", "money", NULL);
	S_fig("(-5)", "money", NULL);
	S_fig("()", "money", NULL);
	S_fig("twelve", "percent", NULL);
	S_fig("12.5%", "money", NULL);
	S_fig("1.5", "count", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_bom_and_separators),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_message_limit),
		cmocka_unit_test(test_separator_detection),
		cmocka_unit_test(test_number_forms),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
