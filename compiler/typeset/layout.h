/* layout.h: the typesetter's internals — block tree, pages of boxes, the three stages — shared by the typesetter's files and the unit tests. */
#ifndef CSDOC_TYPESET_LAYOUT_H
#define CSDOC_TYPESET_LAYOUT_H

#include <stdio.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "diag.h"

/*
 * Not a public interface: typeset.h is.  The stages are
 *   ts_read()   print tree -> struct ts_doc (blocks with resolved styles)
 *   ts_layout() blocks -> struct ts_pages (positioned boxes, no drawing)
 *   ts_draw()   pages -> PDF with cairo
 * and ts_dump() writes stage 2 as text for the tests.
 */

#define TS_MM          (72.0 / 25.4)   /* points per millimetre */
#define TS_MAX_BLOCKS  250000          /* more blocks than this: DE_LIMIT (a 1,700-page agreement has 155,000; about 3.7 KB of memory each) */
#define TS_MAX_DEPTH   100             /* deeper element nesting: DE_LIMIT */
#define TS_MAX_COLS    64              /* wider tables: DE_LIMIT */
#define TS_MAX_PAGES   10000           /* longer documents: DE_LIMIT */
#define TS_CELL_PAD    4.0             /* cell padding on every side */
#define TS_SIDE_W      (28 * TS_MM + 7) /* a box's side column (action owners), its gap included */
#define TS_SIDE_GAP    13.0            /* between a box's text and its side column */
#define TS_HANG        (15 * TS_MM)    /* a heading label's hanging column, at least */
#define TS_NOCOLOUR    (-1L)           /* colour field unset */
#define TS_MAX_IMAGE_BYTES (20L << 20) /* larger PNG files: DE_LIMIT */
#define TS_MAX_IMAGE_PX 10000          /* wider or taller PNGs, in pixels: DE_LIMIT */

/* Block kinds.  Some have no element of their own but mirror a PDF structure tag. */
enum ts_bkind {
	BK_ROOT,     /* the document: children are flows; tag Document */
	BK_FLOW,     /* a flow: starts a new page of its master; no tag */
	BK_HEADING,  /* text block, tag H1..H6 */
	BK_PARA,     /* text block, tag P */
	BK_LIST,     /* tag L; children are items */
	BK_ITEM,     /* tag LI; children: one BK_LABEL, one BK_LBODY */
	BK_LABEL,    /* text block: an item's label, tag Lbl */
	BK_LBODY,    /* tag LBody: an item's blocks */
	BK_TABLE,    /* tag Table; children: optional BK_CAPTION, then rows */
	BK_CAPTION,  /* text block, tag Caption */
	BK_ROW,      /* tag TR; children are cells */
	BK_CELL,     /* tag TH or TD; children are blocks */
	BK_BOX,      /* tag from role; children: optional BK_SIDE, then blocks */
	BK_SIDE,     /* text block: a box's side note, tag P */
	BK_RULE,     /* a horizontal line; no tag */
	BK_BREAK,    /* page-break; no tag */
	BK_GRAPHIC,  /* a drawing of shapes (prims), kept on one page; tag Figure */
	BK_NOTE,     /* text block: a footnote, child of the text block that refers to it; tag Note */
	BK_TOC,      /* a table of contents: tag TOC; children are entries */
	BK_TOCI,     /* text block: a contents entry, a heading's label and words; tag TOCI */
	BK_IMAGE,    /* a PNG picture, kept on one page; tag Figure */
	BK_THEAD,    /* a table's header rows' group: tag THead; not a child (see thead) */
	BK_TBODY     /* a table's other rows' group: tag TBody; not a child (see thead) */
};

/* Shapes of a graphic, in the graphic's own points, y down from its top-left corner. */
enum ts_primkind {
	TP_RECT,     /* x, y, w, h; fill and/or stroke */
	TP_LINE,     /* pts; stroke */
	TP_CIRCLE,   /* centre x, y; radius w; fill */
	TP_TEXT      /* text with its anchor point x and baseline y */
};

struct ts_prim {
	enum ts_primkind  k;
	double            x, y, w, h;    /* see enum ts_primkind */
	double           *pts;           /* line: x,y pairs (owned) */
	size_t            npts;          /* line: number of points */
	long              fill, stroke;  /* colours or TS_NOCOLOUR for none */
	double            sw;            /* stroke width */
	double            dash[8];       /* line: dash and gap lengths */
	int               ndash;         /* entries in dash; 0: solid */
	char             *text;          /* text (owned) */
	double            size;          /* text size, points */
	int               anchor;        /* text: 0 start, 1 middle, 2 end */
	int               bold;          /* text: non-zero for bold */
	double            rotate;        /* text: degrees clockwise about (x, y), as in SVG */
	PangoLayout      *lay;           /* text: made in stage 2 (owned by ts_pages) */
};

/* Styles that children inherit. */
struct ts_style {
	double size;    /* font size, points */
	int    bold;    /* non-zero: bold */
	int    italic;  /* non-zero: italic */
	int    align;   /* 0 left, 1 right, 2 center, 3 justify */
	long   colour;  /* 0xrrggbb, or TS_NOCOLOUR for black */
};

/* A link in a text block: a byte range of its text. */
struct ts_link {
	unsigned       start, end;  /* byte range in the layout's text */
	char          *uri;         /* external: percent-encoded URI (owned), else NULL */
	struct ts_blk *target;      /* internal: the block named by "#id", else NULL */
};

/* A footnote's reference in a text block: its number, a byte range of the layout's text. */
struct ts_noteref {
	unsigned       off, len;    /* the number's byte range in the layout's text */
	struct ts_blk *note;        /* the BK_NOTE block */
};

/* A page reference: a slot of blank digits in a layout's text, the number drawn into it. */
struct ts_pageref {
	unsigned       off, len;    /* the slot's byte range in the layout's text */
	struct ts_blk *target;      /* the block whose page it shows */
};

/* Page masters in one print tree (print.xsd's bound): a meeting pack brings each paper's. */
#define TS_MAX_MASTERS 256

/* A page master. */
struct ts_master {
	char       *name;                /* owned */
	double      w, h;                /* page size, points */
	double      mt, mb, ml, mr;      /* margins, points */
	xmlNodePtr  header, footer;      /* running elements or NULL (the tree owns them) */
	int         hrule, frule;        /* non-zero: a rule under the header / over the footer */
	char       *watermark;           /* its own watermark (owned), NULL for the document's */
};

struct ts_blk {
	enum ts_bkind     kind;
	xmlNodePtr        node;          /* source element, NULL for synthetic blocks; its
	                                    inline children are the text of text blocks */
	long              line;          /* source line for diagnostics */
	struct ts_blk    *parent, *first, *last, *next;
	struct ts_style   st;            /* resolved style */
	double            indent;        /* left indent, points */
	double            before, after; /* space before and after, points */
	int               keep;          /* keep with next */
	char             *id;            /* link target name or NULL (owned) */
	int               serial;        /* dest name is "d<serial>"; 0: none wanted */
	char             *text;          /* plain text of LABEL and SIDE blocks, heading label,
	                                    graphic's or image's alt (owned) */
	int               level;         /* heading level 1..6 */
	double            label_w;       /* list: width of the label column */
	double            label_need;    /* list: widest label and its gap, 0 until measured */
	const struct ts_master *master;  /* flow: its page master */
	/* tables */
	int               ncols, nrows, nhead; /* table: columns, rows, leading header rows */
	double           *pct;           /* table: given widths in percent (owned) or NULL */
	int               borders;       /* table: 0 grid, 1 rows, 2 none */
	int               header;        /* row: a header row; cell: a header cell (TH) */
	long              shade;         /* row, cell, box: fill colour or TS_NOCOLOUR */
	int               colspan, rowspan, col, row; /* cell: span and grid position */
	double            h;             /* cell: content height in the unit being built;
	                                    note: height of its text at lay_w */
	/* boxes */
	int               together;      /* keep-together */
	long              border;        /* frame colour or TS_NOCOLOUR */
	double            padding;       /* inside the frame */
	const char       *role;          /* structure tag (static string) */
	/* graphics */
	double            gw, gh;        /* size as given, points */
	struct ts_prim   *prims;         /* its shapes in drawing order (owned) */
	size_t            nprims;
	/* images (gw, gh as for graphics; text is the alt) */
	cairo_surface_t  *img;           /* the decoded PNG (owned reference) */
	int               pw, ph;        /* its size in pixels */
	/* Table: the THead and TBody structure elements (owned, either NULL
	 * if it would be empty).  The rows stay the table's children, as
	 * layout wants them; only the drawing's tag chain puts a row under
	 * its group, so the groups are not in the child list. */
	struct ts_blk    *thead, *tbody;
	/* stage 2 caches and results */
	PangoLayout      *lay;           /* text blocks: layout at lay_w (owned by ts_pages) */
	double            lay_w;
	PangoLayout      *lay2;          /* heading label layout (owned by ts_pages) */
	struct ts_link   *links;         /* links of the current layout (owned) */
	size_t            nlinks;
	struct ts_noteref *refs;         /* footnote references of the current layout, in
	                                    text order (owned) */
	size_t            nrefs;
	struct ts_pageref *prefs;        /* page references of the current layout, in text
	                                    order (owned) */
	size_t            nprefs;
	struct ts_blk    *ref;           /* toc entry: the heading it lists */
	double            toc_hang;      /* toc: the labels' column, 0 until measured */
	double            toc_slot;      /* toc: the page numbers' column and the least
	                                    room for leaders, 0 until measured */
	int               number;        /* note: its number, 1-based through the document */
	int               foot_page;     /* note, while drawing: the page of its lines drawn
	                                    with the reference, 1-based; 0: none */
	size_t            foot_first, foot_n; /* note, while drawing: those lines' boxes */
	int               dynamic;       /* text has page-number/page-count: never cached */
	int               first_page, last_page; /* pages of its first and last text line, 1-based; 0: none */
	double            dest_x, dest_y; /* where its first box is */
	int               dest_page;     /* page of its first box, 0: none */
};

/* Kinds of placed box. */
enum ts_boxkind {
	TB_TEXT,   /* a line of body text (tagged) */
	TB_RUN,    /* a line of a running header or footer (artefact) */
	TB_REPT,   /* a line of a repeated table header or continued caption (artefact) */
	TB_MARK,   /* the watermark (artefact) */
	TB_RULE,   /* a filled thin rectangle: rules and table borders */
	TB_FILL,   /* a shaded rectangle */
	TB_FRAME,  /* a stroked rectangle */
	TB_GRAPHIC /* a graphic or an image (tagged Figure, or an artefact if rept) */
};

struct ts_box {
	enum ts_boxkind   kind;
	double            x, y, w, h;    /* top-left and size, points; for lines x is the origin */
	double            base;          /* lines: baseline y */
	double            lw;            /* frames: line width */
	double            scale;         /* graphics: drawing scale (at most 1); images: unused */
	int               rept;          /* graphics: a repeated copy (table header): an artefact */
	int               cont;          /* note lines: continued from the page of the reference */
	double            right;         /* toc entry lines: where the page number ends */
	long              colour;        /* fill/stroke/text colour or TS_NOCOLOUR */
	PangoLayout      *lay;           /* lines: the layout (owned by ts_pages) */
	PangoLayoutLine  *pl;            /* lines: the line (owned by lay) */
	struct ts_blk    *blk;           /* owner block or NULL */
};

struct ts_page {
	struct ts_box          *b;       /* boxes in document order (owned) */
	size_t                  n, cap;
	const struct ts_master *m;       /* its master */
	double                  used;    /* y where the body content ends */
};

struct ts_pagevec {
	struct ts_page *p;               /* owned */
	size_t          n, cap;
};

/* Stage 2's result. */
struct ts_pages {
	struct ts_pagevec  pv;
	PangoLayout      **lays;         /* every layout made (owned references) */
	size_t             nlays, laycap;
};

/* Stage 1's result. */
struct ts_doc {
	char             *title, *author, *subject, *keywords, *date, *lang; /* owned or NULL */
	char             *watermark, *font;  /* owned or NULL / owned */
	double            size;              /* body font size */
	struct ts_master  m[TS_MAX_MASTERS];
	size_t            nm;
	struct ts_blk    *root;              /* BK_ROOT (owned, free is recursive) */
	size_t            nblocks;
	struct ts_blk   **ids;               /* blocks with an id, sorted by id (owned array) */
	size_t            nids;
	int               body_count;        /* body text uses page-count */
	int               graphics;          /* the document has graphics (their text is Liberation Sans) */
	struct ts_blk   **notes;             /* BK_NOTE blocks by number - 1 (owned array) */
	struct ts_blk   **notes_by_node;     /* the same, sorted by element address (owned array) */
	size_t            nnotes;
	int               nserial;           /* dest serials given out */
	int               has_prefs;         /* page-ref or toc: page numbers drawn in slots */
	int               ref_digits;        /* digits a page number's slot holds (stage 2 sets it) */
	int               justify;           /* some paragraph is justified */
	void             *hyph;              /* libhyphen's HyphenDict for justified paragraphs,
	                                        or NULL for none (owned by ts_render) */
};

/* read.c: stage 1.  Returns 0, or -1 after reporting in D; free DOC either way. */
int ts_read(xmlDocPtr print, struct ts_doc *doc, struct diag *d);
void ts_doc_free(struct ts_doc *doc);
struct ts_blk *ts_find_id(const struct ts_doc *doc, const char *id);
/* The BK_NOTE block of <note> element NODE, or NULL (a note inside a note has none). */
struct ts_blk *ts_find_note(const struct ts_doc *doc, const void *node);

/*
 * inline.c: a layout of inline content: the inline children of NODE, else
 * the plain text PLAIN, then SUFFIX, in style ST.  If B is non-NULL its links
 * are replaced by those found.  PAGE and COUNT fill page-number and
 * page-count.  The caller owns the layout; its width is unset.
 */
PangoLayout *ts_inline_layout(PangoContext *ctx, const struct ts_doc *doc,
    struct ts_blk *b, const struct ts_style *st, xmlNodePtr node,
    const char *plain, const char *suffix, int page, int count);
/*
 * Footnote B's text at the foot of the page: its number, then a tab to
 * HANG points, then the note's inline content; later lines hang at HANG.
 */
PangoLayout *ts_note_layout(PangoContext *ctx, const struct ts_doc *doc,
    struct ts_blk *b, double hang, int page, int count);
/*
 * Contents entry B (BK_TOCI): its heading's label, a tab to HANG points,
 * the heading's words (without its notes); later lines hang at HANG.
 */
PangoLayout *ts_toc_layout(PangoContext *ctx, const struct ts_doc *doc,
    struct ts_blk *b, double hang);
/*
 * Text in FAMILY at SIZE points: every layout's font is described by this,
 * so that fonts loaded ahead of a run (ts_fonts_warm) are the ones found.
 */
PangoFontDescription *ts_font_desc(const char *family, double size, int bold, int italic);
/* The running header or footer slot NODE as a layout (unwrapped). */
PangoLayout *ts_running_layout(PangoContext *ctx, const struct ts_doc *doc,
    xmlNodePtr node, int page, int count);

/* layout.c: stage 2.  Returns 0, or -1 after reporting in D; free P either way. */
int ts_layout(struct ts_doc *doc, PangoContext *ctx, struct ts_pages *p,
    struct diag *d);
void ts_pages_free(struct ts_pages *p);

/*
 * Column widths from content (CSS automatic table layout at 100% width):
 * MIN[i] the widest unbreakable word, MAX[i] the content unbroken, AVAIL the
 * width to fill; OUT[i] receives the widths.
 */
void ts_col_widths(const double *min, const double *max, int n, double avail,
    double *out);

/* What stage 3 did that the PDF post-processing needs to know. */
struct ts_drawn {
	char         date[40];   /* the ISO 8601 date given to cairo */
	const char **alts;       /* each tagged Figure's alt (NULL: none), in the order
	                            cairo was given them (owned array; the strings are
	                            the blocks') */
	size_t       nalts;
};

/* draw.c: stage 3.  Returns 0, or -1 after reporting in D; free OUT's alts either way. */
int ts_draw(struct ts_doc *doc, struct ts_pages *p, const char *path,
    long long epoch, struct ts_drawn *out, struct diag *d);

/* dump.c: the box dump (format documented there). */
void ts_dump(const struct ts_pages *p, FILE *out);

/*
 * typeset.c: the run's font map and context (unref both) for a document set
 * in FAMILY (NULL: Liberation Sans), and whether the font map has FAMILY
 * itself rather than a substitute.
 */
PangoContext *ts_context(PangoFontMap **fm, const char *family, const char *lang);
int ts_font_ok(PangoFontMap *fm, PangoContext *ctx, const char *family);

/* The tag of a block, or NULL if it has none. */
const char *ts_tag(const struct ts_blk *b);

#endif
