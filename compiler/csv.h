/* csv.h: tables from a spreadsheet — read a CSV file, check its cells as a table's figures, and make them the table's rows. */
#ifndef CSDOC_CSV_H
#define CSDOC_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "source.h"

/* The documented limits of one CSV file (README, "Limits"). */
#define CSV_MAX_BYTES  (8L * 1024 * 1024)
#define CSV_MAX_ROWS   10000
#define CSV_MAX_FIELDS 64
#define CSV_MAX_FIELD  10000
/* The cells one document's tables may take from CSV files, all together: one file at its limits. */
#define CSV_MAX_DOC_CELLS ((size_t)CSV_MAX_ROWS * CSV_MAX_FIELDS)
/* At most this many messages about one file's cells before reading stops. */
#define CSV_MAX_MSGS   100

/* One record of the file: its fields and its row in the spreadsheet (1-based). */
struct csv_row {
	char  **fields;  /* NUL-terminated UTF-8 (owned) */
	size_t  nfields;
	long    row;
};

struct csv {
	struct csv_row *rows;  /* records in file order, rows whose every cell is blank left out (owned) */
	size_t          nrows;
	char            sep;   /* the separator used: ',', ';' or '\t' */
};

/*
 * Parse a CSV file's BYTES (LEN of them): UTF-8 with or without a byte
 * order mark, RFC 4180 quoting, CRLF or LF.  SEP is ',', ';' or '\t', or 0
 * to take the one that splits the first records (up to 20) into the same
 * number of cells (see S_detect()).  Problems go to D at their spreadsheet
 * row and column, at most CSV_MAX_MSGS of them.  Returns
 * 0, or -1 after reporting; free OUT with csv_free() either way.
 */
int csv_parse(const char *bytes, size_t len, char sep, struct csv *out, struct diag *d);

void csv_free(struct csv *c);

/*
 * A cell of a figure column of type TYPE ("money", "percent", …) as the
 * table's cell text in *OUT (a new string): spaces trimmed, "(1,234)" read
 * as -1,234 and "£-5" as -£5, blanks and "-", "tbc", "n/a" kept.  Returns
 * 0, or -1 with *WHY saying what was expected (and *OUT NULL).
 */
int csv_figure(const char *text, const char *type, char **out, const char **why);

/*
 * Replace every <rows src="…"/> of SRC's tree by the rows of its CSV file,
 * made as if typed.  Each file is recorded as a dependency.  Returns 0, or
 * -1 after reporting every problem (in the CSV's own file where it is one).
 */
int csv_tables(struct source *src);

/*
 * csdoc import-csv: print PATH's rows as XML <row> elements to OUT, each
 * cell read as TYPES names it (a comma-separated list of column types, or
 * NULL for text); with HEADER, the first row becomes <column> elements.
 * Problems go to D.  Returns 0, or -1 after reporting.
 */
int csv_import(const char *path, int header, const char *types, char sep, FILE *out, struct diag *d);

#endif
