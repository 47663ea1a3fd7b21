/* chart.c: read each chart's table, lay the chart out once as a list of primitives, write them as c:graphic (print) and c:svg (HTML) with a text alternative. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "resolve.h"
#include "tree.h"
#include "util.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Size of bar and line charts in points; a timeline is as tall as its rows. */
#define CHART_W 450.0
#define CHART_H 250.0

/* Lines of more points than this have no markers: they would merge into a band. */
#define CHART_MARKERS_MAX 60

/* Longest category or legend label, in points; longer ones end in "…". */
#define LABEL_MAX_W 90.0

/* Text sizes in points: ticks and categories, legend, axis title, values. */
#define SZ_TICK 7.5
#define SZ_LEGEND 8.0
#define SZ_TITLE 8.0
#define SZ_VALUE 6.5
#define SZ_STATUS 7.0

/*
 * Series colours, each at least 3:1 against white (test_chart.c checks), in
 * an order where neighbours differ in hue and lightness.  A target series
 * is grey and dashed: the dash, not the colour, says it is a target.
 */
static const char *const palette[] = {
	"#1f5f8b", "#d95f02", "#7570b3", "#1b7f5f",
	"#b5306e", "#8c6d1f", "#2b8cbe", "#5b8c2a",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))
#define C_TARGET "#4d4d4d"
#define C_INK    "#333333"    /* text, 12.6:1 on white */
#define C_GRID   "#d9d9d9"    /* gridlines: quiet on purpose */
#define C_BASE   "#4d4d4d"    /* the zero line */
#define C_DARK   "#1a1a1a"    /* text on amber and grey cells */
#define C_WHITE  "#ffffff"

/* RAG statuses: the word is printed in the cell, so colour never carries it alone. */
static const struct {
	const char *word;    /* printed in the cell */
	const char *letter;  /* printed where the word does not fit */
	const char *fill;
	const char *ink;     /* text colour, 4.5:1 on fill at least */
} rag[] = {
	{ "Red",   "R", "#c0392b", C_WHITE },
	{ "Amber", "A", "#e6a100", C_DARK },
	{ "Green", "G", "#2e7d32", C_WHITE },
	{ "Grey",  "–", "#8a8a8a", C_DARK },
};
enum { RAG_RED, RAG_AMBER, RAG_GREEN, RAG_GREY, RAG_OTHER, RAG_NONE };

/* ------------------------------------------------------------ primitives */

enum prim_kind { P_RECT, P_LINE, P_CIRCLE, P_TEXT };

/*
 * One shape of a chart, in points, y down: the print vocabulary's <graphic>
 * children.  Both writers read only this, so PDF and HTML cannot disagree.
 */
struct prim {
	enum prim_kind  k;
	double          x, y;       /* rect corner, circle centre, text anchor on the baseline */
	double          w, h;       /* rect size; w is a circle's radius */
	double         *pts;        /* line: x,y pairs (owned) */
	size_t          npts;       /* line: number of points */
	const char     *fill;       /* static colour or NULL */
	const char     *stroke;     /* static colour or NULL */
	double          sw;         /* stroke width */
	const char     *dash;       /* static dash pattern or NULL */
	char           *text;       /* text (owned) */
	double          size;       /* text size */
	int             anchor;     /* 0 start, 1 middle, 2 end */
	int             bold;
	double          rotate;     /* degrees about (x, y); 0 for none */
};

struct graphic {
	double        w, h;
	struct prim  *v;
	size_t        n, cap;
};

static struct prim *
S_prim(struct graphic *g, enum prim_kind k)
{
	struct prim *p;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = xreallocarray(g->v, g->cap, sizeof(*g->v));
	}
	p = &g->v[g->n++];
	memset(p, 0, sizeof(*p));
	p->k = k;
	return p;
}

static void
S_rect(struct graphic *g, double x, double y, double w, double h, const char *fill,
    const char *stroke)
{
	struct prim *p = S_prim(g, P_RECT);

	p->x = x;
	p->y = y;
	p->w = w;
	p->h = h;
	p->fill = fill;
	p->stroke = stroke;
	p->sw = 0.5;
}

/* A line through N points PTS (copied). */
static void
S_line(struct graphic *g, const double *pts, size_t n, const char *stroke, double sw,
    const char *dash)
{
	struct prim *p = S_prim(g, P_LINE);

	p->pts = xreallocarray(NULL, n * 2, sizeof(double));
	memcpy(p->pts, pts, n * 2 * sizeof(double));
	p->npts = n;
	p->stroke = stroke;
	p->sw = sw;
	p->dash = dash;
}

static void
S_line2(struct graphic *g, double x1, double y1, double x2, double y2, const char *stroke,
    double sw, const char *dash)
{
	double pts[4] = { x1, y1, x2, y2 };

	S_line(g, pts, 2, stroke, sw, dash);
}

static void
S_circle(struct graphic *g, double cx, double cy, double r, const char *fill)
{
	struct prim *p = S_prim(g, P_CIRCLE);

	p->x = cx;
	p->y = cy;
	p->w = r;
	p->fill = fill;
}

static struct prim *
S_text(struct graphic *g, double x, double y, const char *text, double size, int anchor,
    const char *fill)
{
	struct prim *p = S_prim(g, P_TEXT);

	p->x = x;
	p->y = y;
	p->text = xstrdup(text);
	p->size = size;
	p->anchor = anchor;
	p->fill = fill;
	return p;
}

static void
S_graphic_free(struct graphic *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].pts);
		free(g->v[i].text);
	}
	free(g->v);
}

/* ------------------------------------------------------------ text widths */

/*
 * Advance widths of Helvetica (= Arial = Liberation Sans) for ASCII 32-126,
 * in 1/1000 em.  Geometry needs widths before any font is loaded (the HTML
 * never loads one), and these metrics are what both outputs print with.
 */
static const unsigned short widths[95] = {
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
};

/* Width of UTF-8 TEXT at SIZE points; bold is about 8% wider. */
static double
S_width(const char *text, double size, int bold)
{
	double w = 0;

	for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
		if (*s >= 32 && *s < 127)
			w += widths[*s - 32];
		else if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6)
			w += 1000;  /* the ellipsis S_fit() adds */
		else if ((*s & 0xC0) != 0x80)
			w += 556;   /* £, –, accented letters: about a digit wide */
	}
	return w * size / 1000.0 * (bold ? 1.08 : 1.0);
}

/* TEXT cut (at a character) to fit MAXW at SIZE, ending in "…" if cut. A new string. */
static char *
S_fit(const char *text, double size, int bold, double maxw)
{
	size_t len = strlen(text);

	if (S_width(text, size, bold) <= maxw)
		return xstrdup(text);
	while (len > 0) {
		char *t;

		do
			len--;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
		t = xasprintf("%.*s…", (int)len, text);
		if (S_width(t, size, bold) <= maxw || len == 0)
			return t;
		free(t);
	}
	return xstrdup("…");
}

/* ------------------------------------------------------------ scale */

void
chart_scale(double min, double max, int zero, int integral, struct chart_scale *sc)
{
	static const double mult[] = { 1, 2, 5 };
	double range, base;

	if (zero) {
		if (min > 0)
			min = 0;
		if (max < 0)
			max = 0;
	}
	if (max - min <= 0) {
		/* one value (or all zero): an axis from zero to it, or a unit around it */
		if (min > 0)
			min = 0;
		else if (max < 0)
			max = 0;
		else
			max = integral ? 5 : 1;
	}
	range = max - min;
	base = pow(10, floor(log10(range / 7)));
	sc->step = base;
	for (int e = 0; e < 4; e++) {
		int found = 0;

		for (size_t i = 0; i < 3; i++) {
			double step = base * pow(10, e) * mult[i];
			double lo, hi;

			if (integral && step < 1)
				continue;
			lo = floor(min / step + 1e-9) * step;
			hi = ceil(max / step - 1e-9) * step;
			if ((hi - lo) / step <= 7 + 1e-9) {
				sc->step = step;
				found = 1;
				break;
			}
		}
		if (found)
			break;
	}
	sc->lo = floor(min / sc->step + 1e-9) * sc->step;
	sc->hi = ceil(max / sc->step - 1e-9) * sc->step;
	if (sc->hi <= sc->lo)
		sc->hi = sc->lo + sc->step;
	sc->decimals = sc->step >= 1 ? 0 : (int)ceil(-log10(sc->step) - 1e-9);
}

char *
chart_tick_label(const struct chart_scale *sc, double v, const char *prefix, const char *suffix)
{
	char num[64], out[96];
	const char *digits, *dot;
	size_t o = 0, intlen;

	if (fabs(v) < sc->step * 1e-6)
		v = 0;   /* never "-0" */
	snprintf(num, sizeof(num), "%.*f", sc->decimals, fabs(v));
	if (v < 0)
		out[o++] = '-';
	if (prefix != NULL)
		for (const char *p = prefix; *p && o < sizeof(out) - 40; p++)
			out[o++] = *p;
	digits = num;
	dot = strchr(digits, '.');
	intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	for (size_t i = 0; i < intlen && o < sizeof(out) - 8; i++) {
		/* thousands separated by commas, the UK way */
		if (i > 0 && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return xasprintf("%s%s%s", out, dot ? dot : "", suffix ? suffix : "");
}

/* ------------------------------------------------------------ reading the table */

enum chart_type { CH_BAR, CH_LINE, CH_TIMELINE };

struct series {
	xmlNodePtr   node;       /* <series> */
	char        *name;       /* legend name (owned) */
	int          target;     /* role="target": dashed, and compared with in the alt */
	size_t       col;        /* index among the table's columns */
	const char  *kind;       /* the column's type */
	const char  *colour;
	const char  *dash;       /* lines: NULL for solid */
	double      *v;          /* per category, plotted (percent × 100) */
	int         *have;       /* per category: 0 for n/a or blank */
	char       **disp;       /* per category: c:display, or the status text (owned) */
	int         *status;     /* timeline: RAG_* per category */
};

struct chart {
	struct compute  *c;
	xmlNodePtr       node;         /* <chart> */
	xmlNodePtr       table;
	enum chart_type  type;
	char            *name;         /* "chart 'x'" or "the chart", for messages (owned) */
	char            *label;        /* the label column's heading (owned) */
	char           **cats;         /* category names (owned) */
	size_t           ncats;
	struct series   *s;
	size_t           ns;
	const char      *prefix, *suffix;  /* of tick labels: "£", "%" */
	int              integral;     /* every value a whole number */
	struct graphic   g;
};

/* The columns of table T, and the id each is named by ("cN" when it has none). */
static size_t
S_columns(xmlNodePtr t, xmlNodePtr *cols, char (*ids)[64], size_t max)
{
	size_t n = 0;

	for (xmlNodePtr k = tree_first_elem(t); k && n < max; k = tree_next_elem(k))
		if (tree_is(k, "column")) {
			const char *id = tree_attr(k, "id");

			cols[n] = k;
			/* figures names a column without an id "cN"; so does a chart */
			if (id != NULL)
				snprintf(ids[n], sizeof(ids[n]), "%s", id);
			else
				snprintf(ids[n], sizeof(ids[n]), "c%zu", n + 1);
			n++;
		}
	return n;
}

/*
 * The cell of each column in each data row of table T (NCOLS columns), row
 * and column spans taken into account: a cell spanning rows stands in every
 * row it covers.  Returns the data rows' cells, NROWS × NCOLS (caller frees).
 */
static xmlNodePtr *
S_grid(xmlNodePtr t, size_t ncols, size_t *nrows)
{
	size_t cap = 0, n = 0;
	xmlNodePtr *grid = NULL;
	size_t *busy = xcalloc(ncols + 1, sizeof(*busy));
	xmlNodePtr *span = xcalloc(ncols + 1, sizeof(*span));

	for (xmlNodePtr r = tree_first_elem(t); r; r = tree_next_elem(r)) {
		const char *kind = tree_attr(r, "kind");
		int data = kind == NULL || strcmp(kind, "data") == 0;
		xmlNodePtr cn = tree_first_elem(r);
		xmlNodePtr *row;

		if (!tree_is(r, "row"))
			continue;
		if (data && n == cap) {
			cap = cap ? cap * 2 : 16;
			grid = xreallocarray(grid, cap, (ncols ? ncols : 1) * sizeof(*grid));
		}
		row = data ? grid + n * ncols : NULL;
		for (size_t col = 0; col < ncols; col++) {
			if (busy[col] > 0) {
				if (row)
					row[col] = span[col];
				busy[col]--;
				continue;
			}
			while (cn != NULL && !tree_is(cn, "cell"))
				cn = tree_next_elem(cn);
			if (cn == NULL) {
				if (row)
					row[col] = NULL;
				continue;
			}
			{
				const char *cs = tree_attr(cn, "colspan"), *rs = tree_attr(cn, "rowspan");
				long cspan = cs ? strtol(cs, NULL, 10) : 1, rspan = rs ? strtol(rs, NULL, 10) : 1;

				for (long k = 0; k < (cspan > 0 ? cspan : 1) && col + (size_t)k < ncols; k++) {
					if (row)
						row[col + (size_t)k] = cn;
					if (rspan > 1) {
						busy[col + (size_t)k] = (size_t)rspan - 1;
						span[col + (size_t)k] = cn;
					}
				}
				col += (size_t)(cspan > 0 ? cspan : 1) - 1;
			}
			cn = tree_next_elem(cn);
		}
		if (data)
			n++;
	}
	free(busy);
	free(span);
	*nrows = n;
	return grid;
}

/* "1226", "761860/3", "-1/10" as a double; 0 for "n/a" or anything unreadable. */
static int
S_value(const char *s, double *v)
{
	char *end;
	double num, den = 1;

	if (s == NULL || strcmp(s, "n/a") == 0)
		return 0;
	num = strtod(s, &end);
	if (end == s)
		return 0;
	if (*end == '/') {
		const char *d = end + 1;

		den = strtod(d, &end);
		if (end == d || den == 0)
			return 0;
	}
	if (*end != '\0')
		return 0;
	*v = num / den;
	return isfinite(*v);
}

/* The RAG status a cell's words name, RAG_OTHER for other words, RAG_NONE if blank. */
static int
S_status(const char *s)
{
	static const struct { const char *w; int st; } names[] = {
		{ "r", RAG_RED }, { "red", RAG_RED }, { "a", RAG_AMBER }, { "amber", RAG_AMBER },
		{ "g", RAG_GREEN }, { "green", RAG_GREEN }, { "grey", RAG_GREY }, { "gray", RAG_GREY },
	};

	if (s[0] == '\0')
		return RAG_NONE;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].w) == 0)
			return names[i].st;
	return RAG_OTHER;
}

/* The text of cell N: csdoc's display form where there is one. A new string. */
static char *
S_cell_text(const xmlNode *n)
{
	const char *d;

	if (n == NULL)
		return xstrdup("");
	d = tree_get(n, "display");
	return d ? xstrdup(d) : tree_text_folded(n);
}

static void
S_chart_free(struct chart *ch)
{
	for (size_t i = 0; i < ch->ns; i++) {
		struct series *s = &ch->s[i];

		for (size_t j = 0; j < ch->ncats && s->disp; j++)
			free(s->disp[j]);
		free(s->name);
		free(s->v);
		free(s->have);
		free(s->disp);
		free(s->status);
	}
	for (size_t j = 0; j < ch->ncats; j++)
		free(ch->cats[j]);
	free(ch->cats);
	free(ch->s);
	free(ch->name);
	free(ch->label);
	S_graphic_free(&ch->g);
}

/* "a, b, c" of the column ids, for a message naming what exists. */
static char *
S_id_list(char (*ids)[64], size_t n)
{
	struct buf b = { 0 };
	char *s;

	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s'%s'", i ? ", " : "", ids[i]);
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

/* Read the chart's table into CH.  Returns 0, or -1 after reporting why not. */
static int
S_read(struct chart *ch)
{
	struct source *src = ch->c->src;
	const char *data = tree_attr(ch->node, "data"), *label = tree_attr(ch->node, "label");
	xmlNodePtr cols[64], *grid;
	char ids[64][64];
	size_t ncols, nrows, lcol = 0, nseries = 0;
	int bad = 0, integral = 1, allpercent = 1, allmoney = 1, any = 0;

	ch->table = data ? resolve_get(ch->c->ids, data) : NULL;
	if (ch->table == NULL || !tree_is(ch->table, "table")) {
		source_msg(src, ch->node, "data", DE_CHART_TABLE, ch->name, data ? data : "");
		return -1;
	}
	ncols = S_columns(ch->table, cols, ids, 64);
	{
		size_t j;

		for (j = 0; j < ncols && strcmp(ids[j], label ? label : "") != 0; j++)
			;
		if (j == ncols) {
			char *list = S_id_list(ids, ncols);

			source_msg(src, ch->node, "label", DE_CHART_COLUMN, ch->name, data, label ? label : "", list);
			free(list);
			bad = 1;
		}
		lcol = j;
	}
	for (xmlNodePtr k = tree_first_elem(ch->node); k; k = tree_next_elem(k))
		if (tree_is(k, "series"))
			nseries++;
	if (nseries > CHART_MAX_SERIES) {
		char *m = xasprintf("%s has %zu series: a chart draws at most %d", ch->name, nseries,
		    CHART_MAX_SERIES);

		source_msg(src, ch->node, NULL, DE_LIMIT, m);
		free(m);
		return -1;
	}
	ch->s = xcalloc(nseries ? nseries : 1, sizeof(*ch->s));
	for (xmlNodePtr k = tree_first_elem(ch->node); k; k = tree_next_elem(k)) {
		const char *col = tree_attr(k, "column"), *role = tree_attr(k, "role");
		struct series *s;
		size_t j;

		if (!tree_is(k, "series"))
			continue;
		for (j = 0; j < ncols && strcmp(ids[j], col ? col : "") != 0; j++)
			;
		if (j == ncols) {
			char *list = S_id_list(ids, ncols);

			source_msg(src, k, "column", DE_CHART_COLUMN, ch->name, data, col ? col : "", list);
			free(list);
			bad = 1;
			continue;
		}
		s = &ch->s[ch->ns++];
		s->node = k;
		s->col = j;
		s->target = role != NULL && strcmp(role, "target") == 0;
		s->kind = tree_attr(cols[j], "type") ? tree_attr(cols[j], "type") : "text";
		s->name = tree_attr(k, "name") ? xstrdup(tree_attr(k, "name")) : tree_text_folded(cols[j]);
		if (s->name[0] == '\0') {
			free(s->name);
			s->name = xstrdup(ids[j]);
		}
		if (ch->type != CH_TIMELINE && (strcmp(s->kind, "text") == 0 || strcmp(s->kind, "date") == 0)) {
			source_msg(src, k, "column", DE_CHART_TYPE, ch->name, ids[j], s->kind,
			    ch->type == CH_BAR ? "bar" : "line");
			bad = 1;
		}
	}
	if (bad)
		return -1;

	grid = S_grid(ch->table, ncols, &nrows);
	if (nrows == 0) {
		char *m = xasprintf("table '%s' has no data rows", data);

		source_msg(src, ch->node, NULL, DE_CHART_EMPTY, ch->name, m);
		free(m);
		free(grid);
		return -1;
	}
	if (nrows > (ch->type == CH_TIMELINE ? CHART_MAX_TIMELINE_ROWS : CHART_MAX_CATEGORIES)) {
		char *m = ch->type == CH_TIMELINE ?
		    xasprintf("%s has %zu rows: a timeline shows at most %d, so that it fits on a page; split the table",
			ch->name, nrows, CHART_MAX_TIMELINE_ROWS) :
		    xasprintf("%s has %zu categories (data rows of table '%s'): a chart draws at most %d",
			ch->name, nrows, data, CHART_MAX_CATEGORIES);

		source_msg(src, ch->node, NULL, DE_LIMIT, m);
		free(m);
		free(grid);
		return -1;
	}

	ch->ncats = nrows;
	ch->cats = xcalloc(nrows, sizeof(*ch->cats));
	for (size_t i = 0; i < nrows; i++) {
		ch->cats[i] = S_cell_text(grid[i * ncols + lcol]);
		if (ch->cats[i][0] == '\0') {
			free(ch->cats[i]);
			ch->cats[i] = xasprintf("row %zu", i + 1);
		}
	}
	ch->label = tree_text_folded(cols[lcol]);
	for (size_t k = 0; k < ch->ns; k++) {
		struct series *s = &ch->s[k];

		s->v = xcalloc(nrows, sizeof(*s->v));
		s->have = xcalloc(nrows, sizeof(*s->have));
		s->disp = xcalloc(nrows, sizeof(*s->disp));
		s->status = xcalloc(nrows, sizeof(*s->status));
		if (strcmp(s->kind, "percent") != 0)
			allpercent = 0;
		if (strcmp(s->kind, "money") != 0)
			allmoney = 0;
		for (size_t i = 0; i < nrows; i++) {
			xmlNodePtr cell = grid[i * ncols + s->col];

			s->disp[i] = S_cell_text(cell);
			if (ch->type == CH_TIMELINE) {
				s->status[i] = S_status(s->disp[i]);
				s->have[i] = s->status[i] != RAG_NONE;
				any |= s->have[i];
				continue;
			}
			s->have[i] = cell != NULL && S_value(tree_get(cell, "value"), &s->v[i]);
			if (s->have[i] && strcmp(s->kind, "percent") == 0)
				s->v[i] *= 100;   /* a percent's value is a fraction; its axis reads 0-100 */
			if (s->have[i] && s->v[i] != floor(s->v[i]))
				integral = 0;
			any |= s->have[i];
		}
	}
	free(grid);
	if (!any) {
		char *m = xasprintf(ch->type == CH_TIMELINE ? "every status cell of table '%s' is blank" :
		    "every value it draws from table '%s' is n/a or blank", data);

		source_msg(src, ch->node, NULL, DE_CHART_EMPTY, ch->name, m);
		free(m);
		return -1;
	}
	ch->integral = integral;
	ch->prefix = allmoney && ch->ns ? "£" : NULL;
	ch->suffix = allpercent && ch->ns ? "%" : NULL;
	{
		size_t d = 0, t = 0;

		for (size_t k = 0; k < ch->ns; k++) {
			struct series *s = &ch->s[k];

			if (s->target) {
				s->colour = t == 0 ? C_TARGET : palette[(ch->ns + t) % NPALETTE];
				s->dash = "5 3";
				t++;
			} else {
				s->colour = palette[d % NPALETTE];
				/* beyond the palette, lines differ by dash as well */
				s->dash = d >= NPALETTE ? "1.5 1.5" : NULL;
				d++;
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------ layout */

/* Lay out the legend from (X, Y) to RIGHT; returns the height used. */
static double
S_legend(struct chart *ch, double x, double y, double right, int draw)
{
	double cx = x, rows = 1;

	for (size_t k = 0; k < ch->ns; k++) {
		struct series *s = &ch->s[k];
		char *name = S_fit(s->name, SZ_LEGEND, 0, 120);
		double w = 18 + S_width(name, SZ_LEGEND, 0);

		if (cx > x && cx + w > right) {
			cx = x;
			y += 13;
			rows++;
		}
		if (draw) {
			/* the swatch shows how the series is drawn: a bar, a line, a dashed target */
			if (ch->type == CH_BAR && !s->target)
				S_rect(&ch->g, cx, y - 7.5, 10, 8, s->colour, NULL);
			else {
				S_line2(&ch->g, cx, y - 3, cx + 14, y - 3, s->colour, s->target ? 1.25 : 1.75, s->dash);
				if (ch->type == CH_LINE && !s->target && ch->ncats <= CHART_MARKERS_MAX)
					S_circle(&ch->g, cx + 7, y - 3, 2.5, s->colour);
			}
			S_text(&ch->g, cx + (ch->type == CH_BAR && !s->target ? 14 : 18), y, name, SZ_LEGEND, 0, C_INK);
		}
		cx += w + 14;
		free(name);
	}
	return rows * 13;
}

/* Y of value V on scale SC over the plot from TOP to BOTTOM. */
static double
S_y(const struct chart_scale *sc, double v, double top, double bottom)
{
	return bottom - (v - sc->lo) / (sc->hi - sc->lo) * (bottom - top);
}

/* Bar and line charts: axis, gridlines, marks, categories, legend. */
static void
S_layout_xy(struct chart *ch)
{
	struct graphic *g = &ch->g;
	struct chart_scale sc;
	const char *axis = tree_attr(ch->node, "axis");
	double min = INFINITY, max = -INFINITY, maxtick = 0, maxcat = 0;
	double left, right = CHART_W - 8, top, bottom, band;
	size_t nticks, ndata = 0, step = 1;
	int rotate = 0;
	char **ticks;

	g->w = CHART_W;
	g->h = CHART_H;
	for (size_t k = 0; k < ch->ns; k++) {
		for (size_t i = 0; i < ch->ncats; i++)
			if (ch->s[k].have[i]) {
				min = fmin(min, ch->s[k].v[i]);
				max = fmax(max, ch->s[k].v[i]);
			}
		ndata += !ch->s[k].target;
	}
	/*
	 * Bars start at zero or they lie about size.  A line's axis takes in
	 * zero unless the values sit in a narrow band far from it, where zero
	 * would flatten the line the reader came to see.
	 */
	chart_scale(min, max, ch->type == CH_BAR || min <= 0 || max <= 0 ||
	    (min > 0 && min < max * 0.6) || (max < 0 && max > min * 0.6), ch->integral, &sc);
	nticks = (size_t)llround((sc.hi - sc.lo) / sc.step) + 1;
	ticks = xcalloc(nticks, sizeof(*ticks));
	for (size_t t = 0; t < nticks; t++) {
		ticks[t] = chart_tick_label(&sc, sc.lo + (double)t * sc.step, ch->prefix, ch->suffix);
		maxtick = fmax(maxtick, S_width(ticks[t], SZ_TICK, 0));
	}
	left = (axis ? 18 : 4) + maxtick + 6;

	/* the legend on top, when there is more than one series to tell apart */
	top = 10;
	if (ch->ns > 1)
		top += S_legend(ch, left, 0, right, 0) + 6;

	/* categories: level if they fit, else at 45°, and every Nth when crowded */
	band = (right - left) / (double)ch->ncats;
	for (size_t i = 0; i < ch->ncats; i++)
		maxcat = fmax(maxcat, S_width(ch->cats[i], SZ_TICK, 0));
	maxcat = fmin(maxcat, LABEL_MAX_W);
	if (maxcat > band - 4) {
		rotate = 1;
		/*
		 * A turned label runs down to the left of its anchor: move the plot
		 * right until the first one fits whole inside the graphic.
		 */
		if (left + band * 0.5 + 2.5 < maxcat * 0.7071 + 4) {
			left = fmin(maxcat * 0.7071 + 4 - band * 0.5 - 2.5, right - 40);
			band = (right - left) / (double)ch->ncats;
			if (left + band * 0.5 + 2.5 < maxcat * 0.7071 + 4)
				left = fmin(maxcat * 0.7071 + 4 - band * 0.5 - 2.5, right - 40);
			band = (right - left) / (double)ch->ncats;
		}
		/* rotated labels need 12pt between anchors not to overlap */
		step = band >= 12 ? 1 : (size_t)ceil(12 / band);
		bottom = CHART_H - 12 - maxcat * 0.7071;
	} else
		bottom = CHART_H - 18;

	/* gridlines and tick labels */
	for (size_t t = 0; t < nticks; t++) {
		double y = S_y(&sc, sc.lo + (double)t * sc.step, top, bottom);

		S_line2(g, left, y, right, y, C_GRID, 0.5, NULL);
		S_text(g, left - 5, y + 2.6, ticks[t], SZ_TICK, 2, C_INK);
	}
	if (axis != NULL) {
		char *t = S_fit(axis, SZ_TITLE, 0, bottom - top);
		struct prim *p = S_text(g, 11, (top + bottom) / 2, t, SZ_TITLE, 1, C_INK);

		p->rotate = -90;
		free(t);
	}

	if (ch->type == CH_BAR) {
		double group = band * (ndata > 1 ? 0.8 : 0.6);
		double barw = ndata ? group / (double)ndata : 0;
		double y0 = S_y(&sc, fmax(sc.lo, fmin(sc.hi, 0)), top, bottom);
		size_t nbars = ndata * ch->ncats;

		if (barw > 48) {
			barw = 48;
			group = barw * (double)ndata;
		}
		for (size_t i = 0, d = 0; i < ch->ncats; i++, d = 0)
			for (size_t k = 0; k < ch->ns; k++) {
				struct series *s = &ch->s[k];
				double x, y;
				/* a hairline gap between the bars of a group keeps them apart */
				double gap = ndata > 1 ? fmin(1.0, barw * 0.1) : 0;

				if (s->target)
					continue;
				x = left + band * (double)i + (band - group) / 2 + barw * (double)d++;
				if (!s->have[i]) {
					/* a missing bar says so, not a zero */
					if (barw >= S_width("n/a", SZ_VALUE, 0) && nbars <= 60)
						S_text(g, x + barw / 2, y0 - 2, "n/a", SZ_VALUE, 1, C_INK);
					continue;
				}
				y = S_y(&sc, s->v[i], top, bottom);
				if (fabs(y - y0) >= 0.01)
					S_rect(g, x + gap / 2, fmin(y, y0), barw - gap, fabs(y - y0), s->colour, NULL);
				/* the value on the bar where it fits: colour then never carries it alone */
				if (nbars <= 60 && S_width(s->disp[i], SZ_VALUE, 0) <= barw + 2)
					S_text(g, x + barw / 2, s->v[i] >= 0 ? fmin(y, y0) - 2.5 : fmax(y, y0) + 7.5,
					    s->disp[i], SZ_VALUE, 1, C_INK);
			}
		/* targets: a dashed step across each category's band */
		for (size_t k = 0; k < ch->ns; k++) {
			struct series *s = &ch->s[k];
			double *pts = xcalloc(ch->ncats * 4, sizeof(double));
			size_t n = 0;

			if (!s->target) {
				free(pts);
				continue;
			}
			for (size_t i = 0; i <= ch->ncats; i++) {
				if (i < ch->ncats && s->have[i]) {
					double y = S_y(&sc, s->v[i], top, bottom);

					pts[n * 2] = left + band * (double)i;
					pts[n * 2 + 1] = y;
					pts[n * 2 + 2] = left + band * (double)(i + 1);
					pts[n * 2 + 3] = y;
					n += 2;
					continue;
				}
				if (n >= 2)
					S_line(g, pts, n, s->colour, 1.25, s->dash);
				n = 0;
			}
			free(pts);
		}
		S_line2(g, left, y0, right, y0, C_BASE, 0.75, NULL);
	} else {
		double y0 = S_y(&sc, fmax(sc.lo, fmin(sc.hi, 0)), top, bottom);
		int markers = ch->ncats <= CHART_MARKERS_MAX;

		if (sc.lo < 0 && sc.hi > 0)
			S_line2(g, left, y0, right, y0, C_BASE, 0.75, NULL);
		else
			S_line2(g, left, bottom, right, bottom, C_BASE, 0.75, NULL);
		/* targets first, so that the data lines are drawn over them */
		for (int pass = 0; pass < 2; pass++)
			for (size_t k = 0; k < ch->ns; k++) {
				struct series *s = &ch->s[k];
				double *pts = xcalloc(ch->ncats * 2, sizeof(double));
				size_t n = 0;

				if (s->target != (pass == 0)) {
					free(pts);
					continue;
				}
				for (size_t i = 0; i <= ch->ncats; i++) {
					if (i < ch->ncats && s->have[i]) {
						pts[n * 2] = left + band * ((double)i + 0.5);
						pts[n * 2 + 1] = S_y(&sc, s->v[i], top, bottom);
						n++;
						continue;
					}
					/* n/a: the line stops and starts again after it */
					if (n >= 2)
						S_line(g, pts, n, s->colour, s->target || !markers ? 1.25 : 1.75, s->dash);
					n = 0;
				}
				if (!s->target)
					for (size_t i = 0; i < ch->ncats; i++) {
						int alone = s->have[i] && (i == 0 || !s->have[i - 1]) &&
						    (i + 1 == ch->ncats || !s->have[i + 1]);

						/* a point with no neighbour has only its marker to show it */
						if (s->have[i] && (markers || alone))
							S_circle(g, left + band * ((double)i + 0.5),
							    S_y(&sc, s->v[i], top, bottom), markers ? 2.5 : 1.5, s->colour);
					}
				free(pts);
			}
	}

	/* category labels under the plot */
	for (size_t i = 0; i < ch->ncats; i += step) {
		double x = left + band * ((double)i + 0.5);
		/* a turned label runs down to the left: it must not leave the graphic */
		char *t = S_fit(ch->cats[i], SZ_TICK, 0, rotate ? fmin(LABEL_MAX_W, (x + 2.5) / 0.7071 - 2) :
		    band - 2);

		if (rotate) {
			struct prim *p = S_text(g, x + 2.5, bottom + 9, t, SZ_TICK, 2, C_INK);

			p->rotate = -45;
		} else
			S_text(g, x, bottom + 11, t, SZ_TICK, 1, C_INK);
		free(t);
	}
	if (ch->ns > 1)
		(void)S_legend(ch, left, 10, right, 1);
	for (size_t t = 0; t < nticks; t++)
		free(ticks[t]);
	free(ticks);
}

/* A timeline: a row per category, a column per series, each cell a coloured status with its word. */
static void
S_layout_timeline(struct chart *ch)
{
	struct graphic *g = &ch->g;
	const double rowh = 16, head = 20;
	double labw = 0, colw;
	int words;

	for (size_t i = 0; i < ch->ncats; i++)
		labw = fmax(labw, S_width(ch->cats[i], SZ_TICK, 0));
	labw = fmin(labw + 10, 170);
	colw = fmin((CHART_W - labw - 2) / (double)(ch->ns ? ch->ns : 1), 72);
	g->w = CHART_W;
	g->h = head + rowh * (double)ch->ncats + 4;
	/* words in every cell, or letters in every cell: a mix reads as two codes */
	words = S_width("Amber", SZ_STATUS, 1) <= colw - 4;

	for (size_t k = 0; k < ch->ns; k++) {
		char *t = S_fit(ch->s[k].name, SZ_TICK, 1, colw - 2);

		S_text(g, labw + colw * ((double)k + 0.5), 13, t, SZ_TICK, 1, C_INK)->bold = 1;
		free(t);
	}
	S_line2(g, 0, head - 2, labw + colw * (double)ch->ns, head - 2, C_GRID, 0.5, NULL);
	for (size_t i = 0; i < ch->ncats; i++) {
		double y = head + rowh * (double)i;
		char *t = S_fit(ch->cats[i], SZ_TICK, 0, labw - 8);

		S_text(g, 2, y + 11, t, SZ_TICK, 0, C_INK);
		free(t);
		for (size_t k = 0; k < ch->ns; k++) {
			struct series *s = &ch->s[k];
			int st = s->status[i];
			double x = labw + colw * (double)k;
			const char *fill, *ink, *word;
			char *w;

			if (st == RAG_NONE) {
				/* not stated: an empty outline, as the table has an empty cell */
				S_rect(g, x + 1, y + 1, colw - 2, rowh - 2, NULL, C_GRID);
				continue;
			}
			fill = rag[st == RAG_OTHER ? RAG_GREY : st].fill;
			ink = rag[st == RAG_OTHER ? RAG_GREY : st].ink;
			word = st == RAG_OTHER ? s->disp[i] : rag[st].word;
			S_rect(g, x + 1, y + 1, colw - 2, rowh - 2, fill, NULL);
			if (st != RAG_OTHER && !words)
				word = rag[st].letter;
			w = S_fit(word, SZ_STATUS, 1, colw - 4);
			S_text(g, x + colw / 2, y + 10.5, w, SZ_STATUS, 1, ink)->bold = 1;
			free(w);
		}
	}
}

/* ------------------------------------------------------------ the text alternative */

/* "Year" → "year" (but "LPA" stays): the heading inside a sentence. A new string. */
static char *
S_lower(const char *s)
{
	char *t = xstrdup(s);

	if (t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))
		t[0] = (char)(t[0] - 'A' + 'a');
	return t;
}

/* The plural of a one-word heading ("years", "quarters", "categories"). A new string. */
static char *
S_plural(const char *label)
{
	char *l = S_lower(label);
	size_t n = strlen(l);
	char *p;

	if (n == 0 || strchr(l, ' ') != NULL || !(l[0] >= 'a' && l[0] <= 'z')) {
		free(l);
		return xstrdup("categories");
	}
	if (l[n - 1] == 's')
		p = xstrdup(l);
	else if (l[n - 1] == 'y' && n > 1 && strchr("aeiou", l[n - 2]) == NULL)
		p = xasprintf("%.*sies", (int)(n - 1), l);
	else
		p = xasprintf("%ss", l);
	free(l);
	return p;
}

/* "A", "A and B", "A, B and C" of the series names (targets too). */
static void
S_names(struct buf *b, const struct chart *ch)
{
	for (size_t k = 0; k < ch->ns; k++)
		buf_printf(b, "%s%s", k == 0 ? "" : k + 1 == ch->ns ? " and " : ", ", ch->s[k].name);
}

/*
 * Categories are ordered in time when every label holds a digit ("2009/10",
 * "Q1 2011", "March 2011"): then a series rises or falls.  Districts or
 * crime types have no order, and their key values are the highest and the
 * lowest.
 */
static int
S_temporal(const struct chart *ch)
{
	if (ch->type == CH_LINE)
		return 1;
	for (size_t i = 0; i < ch->ncats; i++)
		if (strpbrk(ch->cats[i], "0123456789") == NULL)
			return 0;
	return 1;
}

/* What one data series does: its trend or its values, its peak and low, its gaps. */
static void
S_alt_series(struct buf *b, const struct chart *ch, const struct series *s, int temporal)
{
	size_t first = ch->ncats, last = 0, lo = 0, hi = 0, n = 0, gaps = 0, neg = 0;

	for (size_t i = 0; i < ch->ncats; i++) {
		if (!s->have[i]) {
			gaps++;
			continue;
		}
		if (n == 0 || s->v[i] < s->v[lo])
			lo = i;
		if (n == 0 || s->v[i] > s->v[hi])
			hi = i;
		if (first == ch->ncats)
			first = i;
		last = i;
		neg += s->v[i] < 0;
		n++;
	}
	if (n == 0) {
		buf_printf(b, "%s has no values", s->name);
		return;
	}
	if (n == 1)
		buf_printf(b, "%s is %s in %s", s->name, s->disp[first], ch->cats[first]);
	else if (!temporal) {
		if (n <= 8) {
			size_t k = 0;

			/* few enough to say them all, in the table's order */
			buf_printf(b, "%s: ", s->name);
			for (size_t i = 0; i < ch->ncats; i++)
				if (s->have[i])
					buf_printf(b, "%s%s %s", k++ == 0 ? "" : k == n ? " and " : ", ",
					    ch->cats[i], s->disp[i]);
			buf_puts(b, " (");
		} else
			buf_printf(b, "%s: ", s->name);
		if (n <= 8)
			buf_printf(b, "highest in %s, lowest in %s", ch->cats[hi], ch->cats[lo]);
		else
			buf_printf(b, "highest %s in %s, lowest %s in %s", s->disp[hi], ch->cats[hi],
			    s->disp[lo], ch->cats[lo]);
		if (neg > 0 && neg < n)
			buf_printf(b, "; %zu of %zu below zero", neg, n);
		if (n <= 8)
			buf_puts(b, ")");
	} else {
		if (s->v[last] > s->v[first])
			buf_printf(b, "%s rose from %s in %s to %s in %s", s->name, s->disp[first],
			    ch->cats[first], s->disp[last], ch->cats[last]);
		else if (s->v[last] < s->v[first])
			buf_printf(b, "%s fell from %s in %s to %s in %s", s->name, s->disp[first],
			    ch->cats[first], s->disp[last], ch->cats[last]);
		else
			buf_printf(b, "%s was %s in %s and in %s", s->name, s->disp[first], ch->cats[first],
			    ch->cats[last]);
		if (n > 2 && hi != first && hi != last && s->v[hi] > s->v[first] && s->v[hi] > s->v[last])
			buf_printf(b, ", highest %s in %s", s->disp[hi], ch->cats[hi]);
		if (n > 2 && lo != first && lo != last && s->v[lo] < s->v[first] && s->v[lo] < s->v[last])
			buf_printf(b, ", lowest %s in %s", s->disp[lo], ch->cats[lo]);
	}
	if (gaps > 0 && gaps <= 3) {
		size_t k = 0;

		buf_puts(b, "; no value for ");
		for (size_t i = 0; i < ch->ncats; i++)
			if (!s->have[i])
				buf_printf(b, "%s%s", k++ == 0 ? "" : k == gaps ? " and " : ", ", ch->cats[i]);
	} else if (gaps > 3)
		buf_printf(b, "; no value for %zu of %zu", gaps, ch->ncats);
}

/* How the last data series stood against the first, category by category. */
static void
S_alt_compare(struct buf *b, const struct chart *ch, const char *plural)
{
	const struct series *a = NULL, *z = NULL;
	size_t both = 0, above = 0, below = 0;

	for (size_t k = 0; k < ch->ns; k++)
		if (!ch->s[k].target) {
			if (a == NULL)
				a = &ch->s[k];
			z = &ch->s[k];
		}
	if (a == z)
		return;
	for (size_t i = 0; i < ch->ncats; i++)
		if (a->have[i] && z->have[i]) {
			both++;
			above += z->v[i] > a->v[i];
			below += z->v[i] < a->v[i];
		}
	if (both > 1)
		buf_printf(b, "; %s was higher than %s in %zu of %zu %s and lower in %zu", z->name,
		    a->name, above, both, plural, below);
}

/* A target: constant or its range, and how the first data series stood against it. */
static void
S_alt_target(struct buf *b, const struct chart *ch, const struct series *t, const char *plural)
{
	size_t lo = 0, hi = 0, n = 0, above = 0, below = 0, both = 0;
	const struct series *d = NULL;

	for (size_t i = 0; i < ch->ncats; i++)
		if (t->have[i]) {
			if (n == 0 || t->v[i] < t->v[lo])
				lo = i;
			if (n == 0 || t->v[i] > t->v[hi])
				hi = i;
			n++;
		}
	if (n == 0) {
		buf_printf(b, "the %s has no values", t->name);
		return;
	}
	if (t->v[lo] == t->v[hi])
		buf_printf(b, "the %s is %s%s", t->name, t->disp[lo],
		    n == ch->ncats ? " throughout" : "");
	else
		buf_printf(b, "the %s ranges from %s to %s", t->name, t->disp[lo], t->disp[hi]);
	for (size_t k = 0; k < ch->ns && d == NULL; k++)
		if (!ch->s[k].target)
			d = &ch->s[k];
	if (d == NULL)
		return;
	for (size_t i = 0; i < ch->ncats; i++)
		if (d->have[i] && t->have[i]) {
			both++;
			above += d->v[i] > t->v[i];
			below += d->v[i] < t->v[i];
		}
	if (both > 0)
		buf_printf(b, "; %s was above it in %zu of %zu %s and below it in %zu", d->name, above,
		    both, plural, below);
}

static char *
S_alt_xy(const struct chart *ch)
{
	struct buf b = { 0 };
	char *lab = S_lower(ch->label), *plural = S_plural(ch->label);
	char *s;
	int sep = 0;

	buf_printf(&b, "%s chart of ", ch->type == CH_BAR ? "Bar" : "Line");
	S_names(&b, ch);
	if (lab[0] != '\0')
		buf_printf(&b, " by %s", lab);
	if (ch->ncats > 1)
		buf_printf(&b, ", %s to %s (%zu %s)", ch->cats[0], ch->cats[ch->ncats - 1], ch->ncats, plural);
	else
		buf_printf(&b, ", %s", ch->cats[0]);
	buf_puts(&b, ": ");
	for (size_t k = 0; k < ch->ns; k++)
		if (!ch->s[k].target) {
			buf_puts(&b, sep++ ? "; " : "");
			S_alt_series(&b, ch, &ch->s[k], S_temporal(ch));
		}
	S_alt_compare(&b, ch, plural);
	for (size_t k = 0; k < ch->ns; k++)
		if (ch->s[k].target) {
			buf_puts(&b, sep++ ? "; " : "");
			S_alt_target(&b, ch, &ch->s[k], plural);
		}
	buf_puts(&b, ".");
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	free(lab);
	free(plural);
	return s;
}

/* How many cells of column K read each status, "2 Green, 1 Amber, 1 Red". */
static void
S_alt_counts(struct buf *b, const struct chart *ch, const struct series *s)
{
	static const int order[] = { RAG_GREEN, RAG_AMBER, RAG_RED, RAG_GREY, RAG_OTHER, RAG_NONE };
	static const char *const words[] = { "Red", "Amber", "Green", "Grey", "other", "blank" };
	int sep = 0;

	for (size_t o = 0; o < sizeof(order) / sizeof(order[0]); o++) {
		size_t n = 0;

		for (size_t i = 0; i < ch->ncats; i++)
			n += s->status[i] == order[o];
		if (n > 0)
			buf_printf(b, "%s%zu %s", sep++ ? ", " : "", n, words[order[o]]);
	}
}

static char *
S_alt_timeline(const struct chart *ch)
{
	struct buf b = { 0 };
	char *plural = S_plural(ch->label);
	const struct series *last = &ch->s[ch->ns - 1];
	size_t shown = ch->ncats <= 12 ? ch->ncats : 10;
	char *s;

	buf_printf(&b, "Status timeline of %zu %s", ch->ncats, ch->ncats == 1 ? "row" : plural);
	if (ch->ns > 1)
		buf_printf(&b, " from %s to %s", ch->s[0].name, last->name);
	else
		buf_printf(&b, " for %s", last->name);
	buf_printf(&b, ". %s: ", last->name);
	S_alt_counts(&b, ch, last);
	buf_puts(&b, ". ");
	for (size_t i = 0; i < shown; i++) {
		buf_printf(&b, "%s%s: ", i ? "; " : "", ch->cats[i]);
		for (size_t k = 0; k < ch->ns; k++) {
			const struct series *sr = &ch->s[k];
			int st = sr->status[i];

			buf_printf(&b, "%s%s", k ? ", " : "", st == RAG_NONE ? "blank" :
			    st == RAG_OTHER ? sr->disp[i] : rag[st].word);
		}
	}
	if (shown < ch->ncats)
		buf_printf(&b, "; and %zu more (see the table)", ch->ncats - shown);
	buf_puts(&b, ".");
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	free(plural);
	return s;
}

/* ------------------------------------------------------------ writers */

/* A coordinate: two places at most, no trailing zeros, never "-0". */
static void
S_num(char *out, size_t n, double v)
{
	size_t len;

	if (fabs(v) < 0.005)
		v = 0;
	snprintf(out, n, "%.2f", v);
	len = strlen(out);
	while (len > 0 && out[len - 1] == '0')
		out[--len] = '\0';
	if (len > 0 && out[len - 1] == '.')
		out[--len] = '\0';
}

static void
S_prop_num(xmlNodePtr n, const char *name, double v)
{
	char s[64];

	S_num(s, sizeof(s), v);
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)s);
}

static void
S_prop(xmlNodePtr n, const char *name, const char *v)
{
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)v);
}

/* "x,y x,y …" of a line's points. A new string. */
static char *
S_points(const struct prim *p)
{
	struct buf b = { 0 };
	char *s;

	for (size_t i = 0; i < p->npts; i++) {
		char x[64], y[64];

		S_num(x, sizeof(x), p->pts[i * 2]);
		S_num(y, sizeof(y), p->pts[i * 2 + 1]);
		buf_printf(&b, "%s%s,%s", i ? " " : "", x, y);
	}
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static const char *const anchors[] = { "start", "middle", "end" };

/* c:graphic: the primitives with the print vocabulary's names and attributes. */
static void
S_write_graphic(xmlNodePtr chart, xmlNsPtr cns, const struct graphic *g, const char *alt)
{
	xmlNodePtr gr = xmlNewChild(chart, cns, (const xmlChar *)"graphic", NULL);

	S_prop_num(gr, "width", g->w);
	S_prop_num(gr, "height", g->h);
	S_prop(gr, "alt", alt);
	for (size_t i = 0; i < g->n; i++) {
		const struct prim *p = &g->v[i];
		xmlNodePtr e;

		switch (p->k) {
		case P_RECT:
			e = xmlNewChild(gr, cns, (const xmlChar *)"rect", NULL);
			S_prop_num(e, "x", p->x);
			S_prop_num(e, "y", p->y);
			S_prop_num(e, "w", p->w);
			S_prop_num(e, "h", p->h);
			if (p->fill)
				S_prop(e, "fill", p->fill);
			if (p->stroke) {
				S_prop(e, "stroke", p->stroke);
				S_prop_num(e, "stroke-width", p->sw);
			}
			break;
		case P_LINE: {
			char *pts = S_points(p);

			e = xmlNewChild(gr, cns, (const xmlChar *)"line", NULL);
			S_prop(e, "points", pts);
			S_prop(e, "stroke", p->stroke);
			S_prop_num(e, "stroke-width", p->sw);
			if (p->dash)
				S_prop(e, "dash", p->dash);
			free(pts);
			break;
		}
		case P_CIRCLE:
			e = xmlNewChild(gr, cns, (const xmlChar *)"circle", NULL);
			S_prop_num(e, "cx", p->x);
			S_prop_num(e, "cy", p->y);
			S_prop_num(e, "r", p->w);
			S_prop(e, "fill", p->fill);
			break;
		case P_TEXT:
			e = xmlNewTextChild(gr, cns, (const xmlChar *)"text", (const xmlChar *)p->text);
			S_prop_num(e, "x", p->x);
			S_prop_num(e, "y", p->y);
			S_prop_num(e, "size", p->size);
			if (p->anchor != 0)
				S_prop(e, "anchor", anchors[p->anchor]);
			if (p->bold)
				S_prop(e, "bold", "yes");
			if (p->fill)
				S_prop(e, "fill", p->fill);
			if (p->rotate != 0)
				S_prop_num(e, "rotate", p->rotate);
			break;
		}
	}
}

/* c:svg: one <svg> painting the same primitives, titled by the alt text. */
static void
S_write_svg(xmlNodePtr chart, xmlNsPtr cns, const struct graphic *g, const char *alt,
    size_t ordinal)
{
	xmlNodePtr wrap = xmlNewChild(chart, cns, (const xmlChar *)"svg", NULL);
	xmlNodePtr svg = xmlNewChild(wrap, NULL, (const xmlChar *)"svg", NULL);
	xmlNsPtr ns = xmlNewNs(svg, (const xmlChar *)SVG_NS, NULL);
	char *id = xasprintf("csdoc-chart-%zu-title", ordinal);
	char w[64], h[64], *vb;
	xmlNodePtr t;

	xmlSetNs(svg, ns);
	S_num(w, sizeof(w), g->w);
	S_num(h, sizeof(h), g->h);
	vb = xasprintf("0 0 %s %s", w, h);
	S_prop(svg, "viewBox", vb);
	/* points shown as CSS pixels at 4/3: text of 7.5pt reads as 10px */
	S_prop_num(svg, "width", g->w * 4 / 3);
	S_prop_num(svg, "height", g->h * 4 / 3);
	S_prop(svg, "role", "img");
	S_prop(svg, "aria-labelledby", id);
	S_prop(svg, "font-family", "'Liberation Sans', Arial, Helvetica, sans-serif");
	t = xmlNewTextChild(svg, ns, (const xmlChar *)"title", (const xmlChar *)alt);
	S_prop(t, "id", id);
	for (size_t i = 0; i < g->n; i++) {
		const struct prim *p = &g->v[i];
		xmlNodePtr e;

		switch (p->k) {
		case P_RECT:
			e = xmlNewChild(svg, ns, (const xmlChar *)"rect", NULL);
			S_prop_num(e, "x", p->x);
			S_prop_num(e, "y", p->y);
			S_prop_num(e, "width", p->w);
			S_prop_num(e, "height", p->h);
			S_prop(e, "fill", p->fill ? p->fill : "none");
			if (p->stroke) {
				S_prop(e, "stroke", p->stroke);
				S_prop_num(e, "stroke-width", p->sw);
			}
			break;
		case P_LINE:
			if (p->npts == 2) {
				e = xmlNewChild(svg, ns, (const xmlChar *)"line", NULL);
				S_prop_num(e, "x1", p->pts[0]);
				S_prop_num(e, "y1", p->pts[1]);
				S_prop_num(e, "x2", p->pts[2]);
				S_prop_num(e, "y2", p->pts[3]);
			} else {
				char *pts = S_points(p);

				e = xmlNewChild(svg, ns, (const xmlChar *)"polyline", NULL);
				S_prop(e, "points", pts);
				S_prop(e, "fill", "none");
				S_prop(e, "stroke-linejoin", "round");
				free(pts);
			}
			S_prop(e, "stroke", p->stroke);
			S_prop_num(e, "stroke-width", p->sw);
			if (p->dash)
				S_prop(e, "stroke-dasharray", p->dash);
			break;
		case P_CIRCLE:
			e = xmlNewChild(svg, ns, (const xmlChar *)"circle", NULL);
			S_prop_num(e, "cx", p->x);
			S_prop_num(e, "cy", p->y);
			S_prop_num(e, "r", p->w);
			S_prop(e, "fill", p->fill);
			break;
		case P_TEXT:
			e = xmlNewTextChild(svg, ns, (const xmlChar *)"text", (const xmlChar *)p->text);
			S_prop_num(e, "x", p->x);
			S_prop_num(e, "y", p->y);
			S_prop_num(e, "font-size", p->size);
			if (p->anchor != 0)
				S_prop(e, "text-anchor", anchors[p->anchor]);
			if (p->bold)
				S_prop(e, "font-weight", "bold");
			S_prop(e, "fill", p->fill ? p->fill : "#000000");
			if (p->rotate != 0) {
				char r[64], x[64], y[64], *tr;

				/* about the anchor point, as the typesetter turns it */
				S_num(r, sizeof(r), p->rotate);
				S_num(x, sizeof(x), p->x);
				S_num(y, sizeof(y), p->y);
				tr = xasprintf("rotate(%s %s %s)", r, x, y);
				S_prop(e, "transform", tr);
				free(tr);
			}
			break;
		}
	}
	free(vb);
	free(id);
}

/* ------------------------------------------------------------ the pass */

static void
S_chart(struct compute *c, xmlNodePtr n, size_t ordinal)
{
	struct chart ch;
	const char *type = tree_attr(n, "type"), *id = tree_attr(n, "id");
	char *alt;

	memset(&ch, 0, sizeof(ch));
	ch.c = c;
	ch.node = n;
	ch.type = type && strcmp(type, "line") == 0 ? CH_LINE :
	    type && strcmp(type, "timeline") == 0 ? CH_TIMELINE : CH_BAR;
	ch.name = id ? xasprintf("chart '%s'", id) : xstrdup("the chart");
	if (S_read(&ch) == 0) {
		if (ch.type == CH_TIMELINE) {
			S_layout_timeline(&ch);
			alt = S_alt_timeline(&ch);
		} else {
			S_layout_xy(&ch);
			alt = S_alt_xy(&ch);
		}
		tree_set(n, "alt", alt);
		S_write_graphic(n, tree_cns(n->doc), &ch.g, alt);
		S_write_svg(n, tree_cns(n->doc), &ch.g, alt, ordinal);
		free(alt);
	}
	S_chart_free(&ch);
}

static void
S_walk(struct compute *c, xmlNodePtr n, size_t *ordinal)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "chart")) {
			S_chart(c, n, ++*ordinal);
			continue;
		}
		S_walk(c, n->children, ordinal);
	}
}

void
charts_compute(struct compute *c)
{
	size_t ordinal = 0;

	S_walk(c, xmlDocGetRootElement(c->src->doc), &ordinal);
}
