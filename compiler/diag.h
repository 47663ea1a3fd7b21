/* diag.h: diagnostics — one message table, severities from the message id, output in source order. */
#ifndef CSDOC_DIAG_H
#define CSDOC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Severity levels, lowest first.  The worst level a file reached decides the
 * exit status (see diag_exit_status()).
 */
enum diag_level {
	DIAG_OK = 0,    /* nothing reported */
	DIAG_NOTE,      /* context for the message before it */
	DIAG_WARNING,   /* the document still builds */
	DIAG_ERROR,     /* the document is wrong: nothing is written */
	DIAG_FATAL      /* I/O or internal failure */
};

/*
 * Message ids, grouped by severity as in mandoc: the id's position between the
 * *_FIRST markers fixes its level.  Each id has one text in diag.c; add an id
 * and its text together, and document the message in README.md.
 */
enum diag_id {
	DN_FIRST = 0,
	DN_FIRST_DECLARED,      /* where a duplicated id was first declared */
	DN_FIRST_LISTED,        /* where a person listed twice was first listed */
	DN_FIRST_GIVEN,         /* where a number or reference given twice was first given */
	DN_NOTE,                /* free-form note */

	DW_FIRST,
	DW_EMPTY_ITEM,          /* an item with no title and no content */
	DW_FIG_MISMATCH,        /* a stated figure differs from the computed one */
	DW_ABBR_UNDECLARED,     /* an abbreviation the glossary does not declare */
	DW_PARTIAL_TOTAL,       /* a total leaves out rows that have no value */
	DW_NO_CHAIR,            /* the minutes do not say who chaired */
	DW_FOOTNOTE_UNCITED,    /* a footnote nothing cites */
	DW_RANKING,             /* a ranked column that does not rank 1 to N once each */
	DW_ACTIONS_OPEN,        /* previous minutes' actions neither closed nor carried */
	DW_WARNING,             /* free-form warning */

	DE_FIRST,
	DE_EMPTY,               /* the file is empty */
	DE_TOO_BIG,             /* the file is over the size limit */
	DE_DOCTYPE,             /* a DOCTYPE declaration */
	DE_XML,                 /* the XML parser rejected the file */
	DE_ENCODING,            /* bytes that are not valid in the encoding */
	DE_NUL,                 /* a NUL byte in the file */
	DE_DEPTH,               /* elements nested too deeply */
	DE_NOT_CSDOC,           /* the root element is not a csdoc document */
	DE_SCHEMA,              /* schema validation, reworded */
	DE_DUP_ID,              /* an id declared twice */
	DE_DUP_TERM,            /* an abbreviation declared twice in the glossary */
	DE_UNKNOWN_REF,         /* a reference to an id nobody declared */
	DE_UNKNOWN_REF_NEAR,    /* the same, with a declared id close to it */
	DE_WRONG_REF,           /* a reference to the wrong kind of thing */
	DE_CHAIR_ABSENT,        /* the chair is not among those present */
	DE_TWO_CHAIRS,          /* more than one chair */
	DE_ATTENDANCE_TWICE,    /* a person listed twice in attendance */
	DE_ATTENDANCE_COUNT,    /* more than one attendance block */
	DE_TIME_ORDER,          /* the meeting ends before it starts */
	DE_GIVEN_TWICE,         /* a section number or activity reference given twice */
	DE_NO_PRIORITY,         /* an indicator under no priority */
	DE_XREF,                /* a cross-reference to something with no label */
	DE_BAD_LINK,            /* a link with a scheme that is not allowed */
	DE_LIMIT,               /* a documented limit exceeded */
	DE_EXPR,                /* an expression that does not parse */
	DE_FIG_UNKNOWN,         /* a name in an expression that names nothing */
	DE_FIG_CYCLE,           /* figures that depend on themselves */
	DE_FIG_DIVZERO,         /* division by zero while computing */
	DE_FIG_OVERFLOW,        /* a figure too large to compute exactly */
	DE_FIG_VALUE,           /* a typed figure that does not read as its kind */
	DE_FIG_USE,             /* a function used with the wrong arguments */
	DE_USES,                /* another document named by <uses> cannot be used */
	DE_IMAGE,               /* an image file that cannot be used */
	DE_CHART_TABLE,         /* a chart's data names no table */
	DE_CHART_COLUMN,        /* a chart names a column its table does not have */
	DE_CHART_TYPE,          /* a bar or line series drawn from a text or date column */
	DE_CHART_EMPTY,         /* a chart with nothing to draw */
	DE_RISK_MATRIX,         /* a risk matrix whose bands or levels do not fit */
	DE_RISK,                /* a risk whose bands or score the matrix does not have */
	DE_PAPER,               /* a meeting pack's paper that cannot be used */
	DE_CSV_FILE,            /* a table's CSV file that cannot be used as its rows */
	DE_CSV_ENCODING,        /* a CSV file that is not UTF-8 */
	DE_CSV_CHAR,            /* a control character in a CSV cell */
	DE_CSV_UNCLOSED,        /* a CSV field whose quote is never closed */
	DE_CSV_STRAY,           /* a quote inside a CSV field that is not quoted as a whole */
	DE_CSV_FIELDS,          /* a CSV row with another number of cells than the first */
	DE_ERROR,               /* free-form error */

	DF_FIRST,
	DF_READ,                /* a file could not be read */
	DF_WRITE,               /* an output could not be written */
	DF_INTERNAL,            /* a library call failed unexpectedly */
	DF_FONT,                /* a required font is missing */
	DF_HYPHEN,              /* the hyphenation patterns are missing */

	DIAG_ID_MAX
};

struct diag_msg;

/*
 * The diagnostics of one source file.  Messages are kept, not printed at
 * once, so that they can be sorted into source order before output.
 */
struct diag {
	const char      *file;   /* name printed before every message (not owned) */
	struct diag_msg *msgs;   /* collected messages (owned) */
	size_t           n;      /* number of messages */
	size_t           cap;    /* allocated slots */
	enum diag_level  worst;  /* highest level reported so far */
	int              strict; /* non-zero: warnings count as errors */
};

/* Start collecting for FILE; FILE must outlive the struct. */
void diag_init(struct diag *d, const char *file);

/* Free the collected messages. */
void diag_free(struct diag *d);

/*
 * Report message ID at LINE and COL (0 when unknown).  The id's text is a
 * printf format; the arguments fill it in.
 */
void diag_msg(struct diag *d, enum diag_id id, long line, long col, ...);

/* As diag_msg() with a va_list. */
void diag_vmsg(struct diag *d, enum diag_id id, long line, long col, va_list ap);

/*
 * Move FROM's messages into D, still naming FROM's file, sorted after D's
 * own (and after files absorbed before): a meeting pack reports its papers'
 * problems with theirs.  D's worst level takes FROM's into account.
 */
void diag_absorb(struct diag *d, struct diag *from);

/* The level message ID has, whatever the arguments. */
enum diag_level diag_level_of(enum diag_id id);

/* Sort the messages into source order (stable) and print them to OUT. */
void diag_print(struct diag *d, FILE *out);

/* Non-zero if an error (or, with strict, a warning) has been reported. */
int diag_failed(const struct diag *d);

/* 0 success, 1 document errors, 3 I/O or internal failure. */
int diag_exit_status(const struct diag *d);

/* The text of message ID (its printf format), for documentation and tests. */
const char *diag_text(enum diag_id id);

#endif
