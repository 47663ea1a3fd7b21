/* figures.c: collect figures and table cells, evaluate them in dependency order, check stated figures, annotate the tree. */
#include "figures/figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "figures/apportion.h"
#include "figures/expr.h"
#include "figures/number.h"
#include "suggest.h"
#include "tree.h"
#include "util.h"

/* ------------------------------------------------------------ model */

/* A value while computing. */
struct val {
	enum { V_NUM, V_TEXT, V_NA } t;
	struct num     num;
	enum num_kind  kind;   /* of the number: money, percent, … */
	long           per;    /* a rate's base */
	const char    *text;   /* V_TEXT (points into an expression; not owned) */
};

enum row_kind { ROW_DATA, ROW_TOTAL, ROW_SUBTOTAL, ROW_HEADING };

struct table;

/* One figure: an inline <figure> or a cell of a figure column. */
struct fig {
	int            own_expr;    /* expr is this figure's own (a cell's compute), freed with it */
	xmlNodePtr     node;        /* <figure> or <cell> */
	char          *id;          /* stable id (owned) */
	enum num_kind  kind;        /* declared kind, decides the display */
	int            places;      /* declared places, -1 for the default */
	enum num_round mode;        /* rounding where displayed and checked */
	long           per;         /* rate base */
	int            has_tol;
	struct num     tol;         /* tolerance of the stated check */
	int            tol_rel;     /* tol is a fraction of the computed value */
	struct expr   *expr;        /* what computes it (not owned), NULL for inputs */
	const char    *expr_text;   /* its source text, for messages */
	xmlNodePtr     expr_node;   /* where the expression was written */
	const char    *expr_attr;   /* in which attribute */
	int            total;       /* a cell of a total (1) or subtotal (2) row */
	int            has_stated;  /* the author typed a value */
	struct num     stated;
	int            stated_places;
	int            stated_fraction;  /* typed as a fraction "1/3" */
	char          *stated_text; /* as typed, trimmed (owned) */
	int            state;       /* 0 not yet, 1 computing, 2 done */
	int            ok;          /* computed without error */
	struct val     val;         /* the computed value */
	struct table  *table;       /* a cell's table, NULL for inline figures */
	size_t         row, col;    /* a cell's place */
};

struct column {
	char          *id;          /* column id, or "cN" (owned) */
	xmlNodePtr     node;
	int            figure;      /* a figure column (not text or date) */
	enum num_kind  kind;
	int            places;      /* declared, -1 for the default */
	enum num_round mode;
	long           per;
	int            has_tol;
	struct num     tol;
	int            tol_rel;
	struct expr   *expr;        /* compute (owned) */
	struct expr   *texpr;       /* total-compute (owned) */
	int            no_total;    /* total="none" */
	int            avg_total;   /* total="average" */
	int            apportioned; /* filled by apportion() */
	int            ap_state;    /* 0 not yet, 1 computing, 2 done, -1 failed */
	int            shown_places; /* places every cell is shown with; -1 until known */
	int            pounds;      /* money typed with "£" in some input cell: 1, none: 0, -1 until known */
	struct colcache *cc;        /* its values, once computed (owned) */
};

/*
 * A column's values, gathered once: aggregates over a column (share, rank,
 * running totals) for every row must not rescan the column for each row.
 */
struct colcache {
	struct val *v;         /* values of the data rows that have one, in order */
	size_t     *row;       /* the row of each */
	size_t      n;
	struct num *prefix;    /* running totals; NULL unless every value is a number and none overflowed */
	struct num *sorted;    /* the values in ascending order, for ranks; NULL likewise */
};

struct row {
	xmlNodePtr     node;
	enum row_kind  kind;
	char          *id;          /* row id, "rN", "total" … (owned) */
	struct fig   **cells;       /* per column; NULL where no figure */
	struct fig   **covered;     /* per column: the figure of a cell spanning down into this row */
	xmlNodePtr    *text;        /* per column: the cell element there, if any */
};

struct table {
	xmlNodePtr     node;
	char          *id;
	struct column *cols;
	size_t         ncols;
	struct row    *rows;
	size_t         nrows;
};

struct figs {
	struct compute  *c;
	struct fig     **v;         /* every figure, in document order */
	size_t           n, cap;
	struct table   **tables;
	size_t           ntables;
	xmlHashTablePtr  byid;      /* fig id → struct fig */
	enum num_round   mode;      /* the document's rounding */
	xmlHashTablePtr  said;      /* errors in column formulas already reported: once, not once per row */
	struct fig     **ext;       /* figures of documents this one uses */
	size_t           next;
	size_t           depth;     /* current dependency chain length */
	size_t           edepth;    /* current depth of S_eval calls, across figures */
	struct fig      *chain[FIGURES_MAX_CHAIN + 1];
	int              too_many;
	int              guesses;   /* unknown names still to be given a suggestion */
};

/* ------------------------------------------------------------ helpers */

static enum num_kind
S_kind(const char *type)
{
	int k = type ? num_kind_of(type) : -1;

	return k < 0 ? NK_NUMBER : (enum num_kind)k;
}

static int
S_is_figure_type(const char *type)
{
	return type != NULL && strcmp(type, "text") != 0 && strcmp(type, "date") != 0;
}

/* Report ID about figure F (at its expression when it has one). */
static void
S_err(struct figs *fs, struct fig *f, size_t off, enum diag_id id, ...)
{
	long line, col;
	va_list ap;

	if (f->table != NULL && f->expr_node != NULL) {
		char key[64];

		snprintf(key, sizeof(key), "%p %zu %d", (void *)f->expr_node, off, (int)id);
		if (xmlHashLookup(fs->said, (const xmlChar *)key) != NULL)
			return;
		xmlHashAddEntry(fs->said, (const xmlChar *)key, fs);
	}
	if (f->expr_node != NULL)
		source_value_pos(fs->c->src, f->expr_node, f->expr_attr, off, &line, &col);
	else
		source_pos(fs->c->src, f->node, NULL, &line, &col);
	va_start(ap, id);
	diag_vmsg(fs->c->src->d, id, line, col, ap);
	va_end(ap);
}

static struct val
S_num(struct num n, enum num_kind k)
{
	struct val v;

	memset(&v, 0, sizeof(v));
	v.t = V_NUM;
	v.num = n;
	v.kind = k;
	return v;
}

static struct val
S_na(void)
{
	struct val v;

	memset(&v, 0, sizeof(v));
	v.t = V_NA;
	return v;
}

/* Places needed to show V exactly in display units, capped at 2 (money, percent). */
static int
S_needed_places(struct num v, enum num_kind k)
{
	struct num x = v;

	if (k == NK_PERCENT && num_mul(v, num_of(100), &x) != NUM_OK)
		return 2;
	if (x.d == 1)
		return 0;
	if (k == NK_RATE)
		return 1;
	return 2;
}

/* The effective value of F: what the author typed if anything, else computed. */
static struct val
S_effective(const struct fig *f)
{
	if (f->has_stated)
		return S_num(f->stated, f->kind);
	return f->val;
}

static struct fig *
S_add(struct figs *fs, xmlNodePtr node, const char *id)
{
	struct fig *f;

	if (fs->n >= FIGURES_MAX) {
		if (!fs->too_many) {
			char *m = xasprintf("more than %d figures in one document", FIGURES_MAX);

			source_msg(fs->c->src, node, NULL, DE_LIMIT, m);
			free(m);
		}
		fs->too_many = 1;
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->node = node;
	f->id = xstrdup(id);
	f->places = -1;
	f->mode = fs->mode;
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 64;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof(*fs->v));
	}
	fs->v[fs->n++] = f;
	if (xmlHashLookup(fs->byid, (const xmlChar *)id) == NULL)
		xmlHashAddEntry(fs->byid, (const xmlChar *)id, f);
	else {
		/* one name, two figures: a formula could not tell them apart */
		char *m = xasprintf("the figure id '%s' is taken already (by another figure or a table cell "
		    "TABLE.ROW.COLUMN): give this one another id", id);

		source_msg(fs->c->src, node, tree_attr(node, "id") ? "id" : NULL, DE_FIG_USE, m);
		free(m);
	}
	return f;
}

/* Read typed TEXT as the stated value of F; 0, or -1 after reporting. */
static int
S_read_stated(struct figs *fs, struct fig *f, const char *text)
{
	const char *why;
	const char *slash = strchr(text, '/');

	f->stated_text = xstrdup(text);
	/* "1/3", "2/3": a share written as a fraction */
	if (slash != NULL && (f->kind == NK_PERCENT || f->kind == NK_RATIO)) {
		struct num a, b;
		char *top = xstrndup(text, (size_t)(slash - text));

		if (num_parse(top, NK_COUNT, &a, NULL, &why) == 0 &&
		    num_parse(slash + 1, NK_COUNT, &b, NULL, &why) == 0 &&
		    num_div(a, b, &f->stated) == NUM_OK) {
			free(top);
			f->has_stated = 1;
			f->stated_fraction = 1;
			return 0;
		}
		free(top);
		source_msg(fs->c->src, f->node, NULL, DE_FIG_VALUE, text,
		    "expected a fraction of two whole numbers such as 1/3");
		return -1;
	}
	if (num_parse(text, f->kind, &f->stated, &f->stated_places, &why) != 0) {
		source_msg(fs->c->src, f->node, NULL, DE_FIG_VALUE, text, why);
		return -1;
	}
	f->has_stated = 1;
	return 0;
}

/*
 * Whether TEXT, typed in an input cell, marks a known unknown ("tbc", "n/a",
 * a dash): a table often has a figure not yet known, and the author should
 * not have to leave the cell blank to say so.  Inline figures do not take
 * these: a sentence's figure cannot silently read n/a.
 */
static int
S_unknown(const char *text)
{
	static const char *const words[] = {
		"tbc", "TBC", "n/a", "N/A", "–", "-",
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(text, words[i]) == 0)
			return 1;
	return 0;
}

/* Read the attributes shared by <figure> and <column>: places, round, per, tolerance. */
static void
S_read_format(struct figs *fs, xmlNodePtr n, enum num_kind kind, int *places,
    enum num_round *mode, long *per, int *has_tol, struct num *tol, int *tol_rel)
{
	const char *v;

	if ((v = tree_attr(n, "places")) != NULL)
		*places = atoi(v);
	if ((v = tree_attr(n, "round")) != NULL && num_round_of(v) >= 0)
		*mode = (enum num_round)num_round_of(v);
	if ((v = tree_attr(n, "per")) != NULL)
		*per = strtol(v, NULL, 10);
	if ((v = tree_attr(n, "tolerance")) != NULL) {
		const char *why;
		enum num_kind tk = strchr(v, '%') ? NK_PERCENT : kind == NK_PERCENT ? NK_NUMBER : kind;

		if (num_parse(v, tk, tol, NULL, &why) != 0)
			source_msg(fs->c->src, n, "tolerance", DE_FIG_VALUE, v, why);
		else {
			/* on a percent figure a tolerance is in percentage points; on
			 * anything else "0.5%" is a share of the computed value */
			if (kind == NK_PERCENT && tk == NK_NUMBER)
				(void)num_div(*tol, num_of(100), tol);
			*tol_rel = kind != NK_PERCENT && tk == NK_PERCENT;
			*tol = num_abs(*tol);
			*has_tol = 1;
		}
	}
}

/* Parse the expression in attribute ATTR of N; NULL (after reporting) if bad or absent. */
static struct expr *
S_parse(struct figs *fs, xmlNodePtr n, const char *attr)
{
	const char *text = tree_attr(n, attr);
	struct expr *e;
	size_t off;
	char *why;

	if (text == NULL)
		return NULL;
	e = expr_parse(text, &off, &why);
	if (e == NULL) {
		long line, col;

		source_value_pos(fs->c->src, n, attr, off, &line, &col);
		diag_msg(fs->c->src->d, DE_EXPR, line, col, why);
		free(why);
	}
	return e;
}

/* ------------------------------------------------------------ collecting */

static void
S_inline_figure(struct figs *fs, xmlNodePtr n, long *anon)
{
	const char *id = tree_attr(n, "id");
	char gen[32];
	struct fig *f;
	char *text;

	if (tree_attr(n, "ref") != NULL)
		return;   /* a reference, resolved after evaluation */
	/* a rules pass may have named a figure the author did not (c:id) */
	if (id == NULL)
		id = tree_get(n, "id");
	if (id == NULL) {
		/* a name no author's id already has */
		do
			snprintf(gen, sizeof(gen), "figure-%ld", ++*anon);
		while (resolve_get(fs->c->ids, gen) != NULL);
		id = gen;
	}
	if ((f = S_add(fs, n, id)) == NULL)
		return;
	f->kind = S_kind(tree_attr(n, "type"));
	S_read_format(fs, n, f->kind, &f->places, &f->mode, &f->per, &f->has_tol, &f->tol, &f->tol_rel);
	f->expr_text = tree_attr(n, "compute");
	if (f->expr_text != NULL) {
		f->expr = S_parse(fs, n, "compute");
		f->expr_node = n;
		f->expr_attr = "compute";
		if (f->expr == NULL)
			f->state = 2;   /* reported; nothing to compute */
	}
	text = tree_text_folded(n);
	if (text[0] != '\0')
		(void)S_read_stated(fs, f, text);
	else if (f->expr_text == NULL)
		source_msg(fs->c->src, n, NULL, DE_FIG_VALUE, "",
		    "a figure needs a value typed inside it or a compute attribute");
	free(text);
	/* an input is its own value */
	if (f->expr_text == NULL) {
		f->state = 2;
		f->ok = f->has_stated;
		f->val = S_num(f->stated, f->kind);
		f->has_stated = 0;
	}
}

static enum row_kind
S_row_kind(xmlNodePtr r)
{
	const char *k = tree_attr(r, "kind");

	if (k == NULL)
		return ROW_DATA;
	if (strcmp(k, "total") == 0)
		return ROW_TOTAL;
	if (strcmp(k, "subtotal") == 0)
		return ROW_SUBTOTAL;
	if (strcmp(k, "heading") == 0)
		return ROW_HEADING;
	return ROW_DATA;
}

/* Lay the cells of a table out on its grid, row and column spans included. */
static void
S_table(struct figs *fs, xmlNodePtr tn)
{
	struct table *t = xcalloc(1, sizeof(*t));
	size_t *busy;   /* per column: rows a span from above still covers */
	xmlHashTablePtr keys;   /* row names seen, to refuse a second */
	size_t ndata = 0, ntotal = 0, nsub = 0;
	char gen[64];

	t->node = tn;
	snprintf(gen, sizeof(gen), "table-%zu", fs->ntables + 1);
	t->id = xstrdup(tree_attr(tn, "id") ? tree_attr(tn, "id") : gen);
	fs->tables = xreallocarray(fs->tables, fs->ntables + 1, sizeof(*fs->tables));
	fs->tables[fs->ntables++] = t;

	for (xmlNodePtr n = tree_first_elem(tn); n; n = tree_next_elem(n))
		if (tree_is(n, "column"))
			t->ncols++;
		else if (tree_is(n, "row"))
			t->nrows++;
	t->cols = xcalloc(t->ncols ? t->ncols : 1, sizeof(*t->cols));
	t->rows = xcalloc(t->nrows ? t->nrows : 1, sizeof(*t->rows));
	busy = xcalloc(t->ncols ? t->ncols : 1, sizeof(*busy));

	{
		size_t ci = 0;

		for (xmlNodePtr n = tree_first_elem(tn); n; n = tree_next_elem(n)) {
			struct column *c;
			const char *type, *tot;

			if (!tree_is(n, "column"))
				continue;
			c = &t->cols[ci++];
			c->node = n;
			snprintf(gen, sizeof(gen), "c%zu", ci);
			c->id = xstrdup(tree_attr(n, "id") ? tree_attr(n, "id") : gen);
			type = tree_attr(n, "type");
			c->figure = S_is_figure_type(type);
			c->kind = S_kind(type);
			c->places = -1;
			c->shown_places = -1;
			c->pounds = -1;
			c->mode = fs->mode;
			S_read_format(fs, n, c->kind, &c->places, &c->mode, &c->per, &c->has_tol, &c->tol, &c->tol_rel);
			if (c->figure) {
				c->expr = S_parse(fs, n, "compute");
				c->texpr = S_parse(fs, n, "total-compute");
			} else if (tree_attr(n, "compute"))
				source_msg(fs->c->src, n, "compute", DE_FIG_USE,
				    "only a figure column (money, count, percent, number, rate, ratio) can be computed");
			tot = tree_attr(n, "total");
			/* ranks are never added up: a total row leaves a column of ranks blank */
			c->no_total = (tot && strcmp(tot, "none") == 0) ||
			    (tree_attr(n, "ranking") != NULL && strcmp(tree_attr(n, "ranking"), "yes") == 0);
			c->avg_total = tot && strcmp(tot, "average") == 0;
		}
	}

	keys = xmlHashCreate(64);
	{
		size_t i = 0;

		for (xmlNodePtr rn = tree_first_elem(tn); rn; rn = tree_next_elem(rn)) {
		struct row *r;
		size_t col = 0;

		if (!tree_is(rn, "row"))
			continue;
		r = &t->rows[i];
		r->node = rn;
		r->kind = S_row_kind(rn);
		r->cells = xcalloc(t->ncols ? t->ncols : 1, sizeof(*r->cells));
		r->covered = xcalloc(t->ncols ? t->ncols : 1, sizeof(*r->covered));
		r->text = xcalloc(t->ncols ? t->ncols : 1, sizeof(*r->text));
		/* a row's key names it within its table; an id names it in the document */
		if (tree_attr(rn, "key"))
			r->id = xstrdup(tree_attr(rn, "key"));
		else if (tree_attr(rn, "id"))
			r->id = xstrdup(tree_attr(rn, "id"));
		else if (r->kind == ROW_DATA)
			r->id = xasprintf("r%zu", ++ndata);
		else if (r->kind == ROW_TOTAL)
			r->id = ++ntotal == 1 ? xstrdup("total") : xasprintf("total-%zu", ntotal);
		else if (r->kind == ROW_SUBTOTAL)
			r->id = xasprintf("subtotal-%zu", ++nsub);
		else
			r->id = xasprintf("heading-%zu", i + 1);
		if (r->kind == ROW_DATA && (tree_attr(rn, "key") || tree_attr(rn, "id")))
			ndata++;
		if (xmlHashLookup(keys, (const xmlChar *)r->id) != NULL) {
			char *m = xasprintf("two rows of table '%s' are named '%s': a row's key must be unique in its table",
			    t->id, r->id);

			source_msg(fs->c->src, rn, tree_attr(rn, "key") ? "key" : "id", DE_FIG_USE, m);
			free(m);
		} else
			xmlHashAddEntry(keys, (const xmlChar *)r->id, r);

		for (xmlNodePtr cn = tree_first_elem(rn); cn; cn = tree_next_elem(cn)) {
			const char *cs = tree_attr(cn, "colspan"), *rs = tree_attr(cn, "rowspan");
			long cspan = cs ? strtol(cs, NULL, 10) : 1, rspan = rs ? strtol(rs, NULL, 10) : 1;

			while (col < t->ncols && busy[col] > 0)
				col++;
			if (col >= t->ncols)
				break;   /* more cells than columns: the typesetter copes */
			r->text[col] = cn;
			for (long s = 0; s < cspan && col + (size_t)s < t->ncols; s++)
				busy[col + (size_t)s] = (size_t)(rspan > 1 ? rspan : 1);
			col += (size_t)(cspan > 0 ? cspan : 1);
		}
		for (size_t c2 = 0; c2 < t->ncols; c2++)
			if (busy[c2] > 0)
				busy[c2]--;
		i++;
		}
	}
	free(busy);
	xmlHashFree(keys, NULL);

	/* a cell's own formula has a meaning only where a data row meets a figure column */
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t j = 0; j < t->ncols; j++) {
			xmlNodePtr cn = t->rows[i].text[j];

			if (cn == NULL || tree_attr(cn, "compute") == NULL || (t->rows[i].kind == ROW_DATA && t->cols[j].figure))
				continue;
			source_msg(fs->c->src, cn, "compute", DE_FIG_USE, t->cols[j].figure ?
			    "a cell's own formula works only in a data row: a total or subtotal row adds up its column (use total-compute on the column), and a heading row holds no figures" :
			    "a cell's own formula works only in a figure column (money, count, percent, number, rate or ratio): this column holds text");
		}
	/* ranks are checked on figures: a column of ranks must hold numbers */
	for (size_t j = 0; j < t->ncols; j++)
		if (!t->cols[j].figure && tree_attr(t->cols[j].node, "ranking") != NULL &&
		    strcmp(tree_attr(t->cols[j].node, "ranking"), "yes") == 0)
			source_msg(fs->c->src, t->cols[j].node, "ranking", DE_FIG_USE,
			    "ranking=\"yes\" needs a column of numbers: give it type=\"count\"");
	/* every cell of a figure column in a data, total or subtotal row is a figure */
	for (size_t i = 0; i < t->nrows; i++) {
		struct row *r = &t->rows[i];

		if (r->kind == ROW_HEADING)
			continue;
		for (size_t j = 0; j < t->ncols; j++) {
			struct column *c = &t->cols[j];
			xmlNodePtr cn = r->text[j];
			struct fig *f;
			char *id, *text;

			if (!c->figure || cn == NULL)
				continue;
			id = xasprintf("%s.%s.%s", t->id, r->id, c->id);
			f = S_add(fs, cn, id);
			free(id);
			if (f == NULL)
				continue;
			f->table = t;
			f->row = i;
			f->col = j;
			f->kind = c->kind;
			f->places = c->places;
			f->mode = c->mode;
			f->per = c->per;
			f->has_tol = c->has_tol;
			f->tol = c->tol;
			f->tol_rel = c->tol_rel;
			/* a cell may refine its column's format */
			S_read_format(fs, cn, f->kind, &f->places, &f->mode, &f->per, &f->has_tol, &f->tol, &f->tol_rel);
			r->cells[j] = f;
			text = tree_text_folded(cn);
			if (r->kind == ROW_DATA && tree_attr(cn, "compute") != NULL) {
				/* a cell's own formula, where one row is not like the others */
				f->expr = S_parse(fs, cn, "compute");
				f->own_expr = 1;
				f->expr_text = tree_attr(cn, "compute");
				f->expr_node = cn;
				f->expr_attr = "compute";
				if (f->expr == NULL)
					f->state = 2;
				if (text[0] != '\0')
					(void)S_read_stated(fs, f, text);
			} else if (r->kind == ROW_DATA && c->expr == NULL && tree_attr(c->node, "compute") == NULL) {
				/* an input cell */
				f->state = 2;
				/* a blank cell has no value; totals add up the others */
				if (text[0] == '\0') {
					f->val = S_na();
					f->ok = 1;
				}
				/* "tbc" has none either, but is printed as typed */
				else if (S_unknown(text)) {
					f->stated_text = xstrdup(text);
					f->val = S_na();
					f->ok = 1;
				}
				else if (S_read_stated(fs, f, text) == 0) {
					f->val = S_num(f->stated, f->kind);
					f->ok = 1;
				}
				f->has_stated = 0;
			} else {
				if (r->kind == ROW_DATA) {
					f->expr = c->expr;
					f->expr_text = tree_attr(c->node, "compute");
					f->expr_node = c->node;
					f->expr_attr = "compute";
					if (c->expr == NULL)
						f->state = 2;   /* the bad expression was reported */
				} else {
					f->total = r->kind == ROW_TOTAL ? 1 : 2;
					if (c->texpr) {
						f->expr = c->texpr;
						f->expr_text = tree_attr(c->node, "total-compute");
						f->expr_node = c->node;
						f->expr_attr = "total-compute";
					} else if (c->no_total) {
						f->state = 2;
						f->val = S_na();
					}
				}
				if (text[0] != '\0')
					(void)S_read_stated(fs, f, text);
			}
			free(text);
		}
	}
	/*
	 * Each cell aligns as its column does (figures right, text left); a row
	 * of headings inside the body reads as text whatever the column.  The
	 * grid above knows where row spans put each cell.
	 */
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t j = 0; j < t->ncols; j++) {
			xmlNodePtr cn = t->rows[i].text[j];

			if (cn == NULL)
				continue;
			if (t->rows[i].kind == ROW_HEADING) {
				tree_set(cn, "align", "left");
				tree_set(cn, "header", "yes");
			} else
				tree_set(cn, "align", t->cols[j].figure ? "right" : "left");
		}

	/* a cell spanning rows stands in each of them for their formulas */
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t j = 0; j < t->ncols; j++) {
			xmlNodePtr cn = t->rows[i].text[j];
			const char *rs = cn ? tree_attr(cn, "rowspan") : NULL;
			long rspan = rs ? strtol(rs, NULL, 10) : 1;

			for (long k = 1; k < rspan && i + (size_t)k < t->nrows; k++)
				if (t->rows[i + (size_t)k].text[j] == NULL)
					t->rows[i + (size_t)k].covered[j] = t->rows[i].cells[j];
		}
}

static void
S_collect(struct figs *fs, xmlNodePtr n, long *anon)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "figure")) {
			S_inline_figure(fs, n, anon);
			continue;
		}
		if (tree_is(n, "table")) {
			/* figures inside cells of text columns are still figures */
			S_collect(fs, n->children, anon);
			S_table(fs, n);
			continue;
		}
		S_collect(fs, n->children, anon);
	}
}

/* ------------------------------------------------------------ evaluation */

static int S_eval_fig(struct figs *, struct fig *);
static int S_eval(struct figs *, struct fig *, const struct expr *, struct val *);

/* A column named by NAME: of the current table, or "TABLE.COLUMN". */
static struct column *
S_column(struct figs *fs, struct fig *at, const char *name, struct table **tp)
{
	const char *dot = strchr(name, '.');

	if (at->table != NULL)
		for (size_t j = 0; j < at->table->ncols; j++)
			if (strcmp(at->table->cols[j].id, name) == 0) {
				*tp = at->table;
				return &at->table->cols[j];
			}
	if (dot != NULL && strchr(dot + 1, '.') == NULL)
		for (size_t i = 0; i < fs->ntables; i++) {
			struct table *t = fs->tables[i];

			if (strlen(t->id) != (size_t)(dot - name) || strncmp(t->id, name, (size_t)(dot - name)) != 0)
				continue;
			for (size_t j = 0; j < t->ncols; j++)
				if (strcmp(t->cols[j].id, dot + 1) == 0) {
					*tp = t;
					return &t->cols[j];
				}
		}
	return NULL;
}

static size_t
S_colindex(const struct table *t, const struct column *c)
{
	return (size_t)(c - t->cols);
}

/*
 * F's effective value, for a figure that uses it; -1 if it could not be
 * computed.  What the author typed is used as typed: its own formula only
 * checks it (when F itself is evaluated), so it adds no dependency.
 */
static int
S_use(struct figs *fs, struct fig *f, struct val *out)
{
	if (f->has_stated) {
		*out = S_effective(f);
		return 0;
	}
	if (S_eval_fig(fs, f) != 0)
		return -1;
	*out = S_effective(f);
	return 0;
}

static int
S_status(struct figs *fs, struct fig *at, const struct expr *e, enum num_status st)
{
	if (st == NUM_OK)
		return 0;
	if (st == NUM_DIVZERO)
		S_err(fs, at, e->pos, DE_FIG_DIVZERO, at->expr_text ? at->expr_text : at->id);
	else
		S_err(fs, at, e->pos, DE_FIG_OVERFLOW, at->expr_text ? at->expr_text : at->id);
	return -1;
}

/* The values of column C of table T in data rows (blank cells left out). */
static int
S_numcmp(const void *a, const void *b)
{
	return num_cmp(*(const struct num *)a, *(const struct num *)b);
}

/* The values of column C of table T, computed once; NULL after reporting why not. */
static struct colcache *
S_column_cache(struct figs *fs, struct table *t, struct column *c)
{
	size_t j = S_colindex(t, c);
	struct colcache *cc;
	int numeric = 1;

	if (c->cc != NULL)
		return c->cc;
	cc = xcalloc(1, sizeof(*cc));
	cc->v = xcalloc(t->nrows ? t->nrows : 1, sizeof(*cc->v));
	cc->row = xcalloc(t->nrows ? t->nrows : 1, sizeof(*cc->row));
	for (size_t i = 0; i < t->nrows; i++) {
		struct fig *f = t->rows[i].cells[j];
		struct val v;

		if (t->rows[i].kind != ROW_DATA || f == NULL)
			continue;
		if (S_use(fs, f, &v) != 0) {
			free(cc->v);
			free(cc->row);
			free(cc);
			return NULL;
		}
		if (v.t == V_NA)
			continue;
		numeric &= v.t == V_NUM;
		cc->v[cc->n] = v;
		cc->row[cc->n] = i;
		cc->n++;
	}
	if (numeric && cc->n > 0) {
		struct num sum = num_of(0);

		cc->prefix = xcalloc(cc->n, sizeof(*cc->prefix));
		for (size_t k = 0; k < cc->n && cc->prefix != NULL; k++)
			if (num_add(sum, cc->v[k].num, &sum) != NUM_OK) {
				free(cc->prefix);
				cc->prefix = NULL;
			} else
				cc->prefix[k] = sum;
		cc->sorted = xcalloc(cc->n, sizeof(*cc->sorted));
		for (size_t k = 0; k < cc->n; k++)
			cc->sorted[k] = cc->v[k].num;
		qsort(cc->sorted, cc->n, sizeof(*cc->sorted), S_numcmp);
	}
	c->cc = cc;
	return cc;
}

/* How many of CC's values come from rows up to UPTO (the rows are in order). */
static size_t
S_upto(const struct colcache *cc, size_t upto)
{
	size_t lo = 0, hi = cc->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cc->row[mid] <= upto)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The values of column C of table T in data rows up to UPTO (blank cells
 * left out).  *VALS and *ROWS point into the column's cache: not to be
 * freed.
 */
static int
S_column_values(struct figs *fs, struct table *t, struct column *c, size_t upto,
    struct val **vals, size_t **rows, size_t *n)
{
	struct colcache *cc = S_column_cache(fs, t, c);

	if (cc == NULL)
		return -1;
	*vals = cc->v;
	*rows = cc->row;
	*n = S_upto(cc, upto);
	return 0;
}

static int
S_sum(struct figs *fs, struct fig *at, const struct expr *e, struct val *vals,
    size_t n, struct val *out)
{
	struct num s = num_of(0);
	enum num_kind k = n ? vals[0].kind : NK_NUMBER;

	for (size_t i = 0; i < n; i++) {
		if (vals[i].t == V_TEXT) {
			S_err(fs, at, e->pos, DE_FIG_USE, "a text value cannot be added up");
			return -1;
		}
		if (S_status(fs, at, e, num_add(s, vals[i].num, &s)) != 0)
			return -1;
	}
	*out = S_num(s, k);
	return 0;
}

/* Largest-remainder apportionment of a column, all its rows at once. */
static int
S_apportion(struct figs *fs, struct fig *at, const struct expr *e, struct val *out)
{
	struct table *t = at->table, *wt = NULL;
	struct column *target, *wcol;
	struct val pot;
	struct num *w = NULL, *parts = NULL;
	size_t *rows = NULL, n = 0, j;
	int places, rc = -1;

	/*
	 * The parts are made for the whole column at once, so apportion() must
	 * be the column's whole formula: inside a larger one, each row would
	 * need its own part before the rest of its formula.
	 */
	if (t == NULL || at->total || e != at->expr) {
		S_err(fs, at, e->pos, DE_FIG_USE,
		    "apportion(POT, COLUMN) must be the whole formula of a column (compute=\"apportion(pot, weights)\")");
		return -1;
	}
	if (e->nargs != 2 || e->args[1]->op != EX_NAME ||
	    (wcol = S_column(fs, at, e->args[1]->name, &wt)) == NULL || wt != t || !wcol->figure) {
		S_err(fs, at, e->pos, DE_FIG_USE,
		    "apportion(POT, COLUMN) splits POT over a column's rows pro rata to a figure COLUMN of the same table");
		return -1;
	}
	j = at->col;
	target = &t->cols[j];
	if (target->ap_state == 2) {
		*out = at->val;
		return 0;
	}
	if (target->ap_state == -1)
		return -1;
	if (S_eval(fs, at, e->args[0], &pot) != 0)
		goto done;
	if (pot.t != V_NUM) {
		S_err(fs, at, e->args[0]->pos, DE_FIG_USE, "the pot to apportion must be a number");
		goto done;
	}
	{
		struct val *vals;

		if (S_column_values(fs, t, wcol, t->nrows, &vals, &rows, &n) != 0)
			goto done;
		w = xcalloc(n ? n : 1, sizeof(*w));
		for (size_t i = 0; i < n; i++)
			w[i] = vals[i].num;
	}
	places = target->places >= 0 ? target->places : target->kind == NK_MONEY ? 2 : 0;
	/* a percentage's places count in per cent; the parts are fractions */
	if (target->kind == NK_PERCENT)
		places += 2;
	parts = xcalloc(n ? n : 1, sizeof(*parts));
	switch (apportion(pot.num, w, n, places, parts)) {
	case AP_OK:
		break;
	case AP_NO_WEIGHT:
		S_err(fs, at, e->pos, DE_FIG_DIVZERO, "apportion(): the weights sum to zero");
		goto done;
	case AP_NEGATIVE:
		S_err(fs, at, e->pos, DE_FIG_USE, "apportion() needs a pot and weights that are not negative");
		goto done;
	case AP_UNIT: {
		char *m = xasprintf("apportion(): the pot is not a whole number of units of %d decimal places", places);

		S_err(fs, at, e->pos, DE_FIG_USE, m);
		free(m);
		goto done;
	}
	default:
		S_err(fs, at, e->pos, DE_FIG_OVERFLOW, at->expr_text);
		goto done;
	}
	/* every data row of the target column takes its part */
	for (size_t i = 0; i < n; i++) {
		struct fig *f = t->rows[rows[i]].cells[j];

		if (f == NULL || f->expr != at->expr)
			continue;
		f->val = S_num(parts[i], target->kind);
		f->ok = 1;
		f->state = 2;
	}
	/* rows with no weight get no part */
	for (size_t i = 0; i < t->nrows; i++) {
		struct fig *f = t->rows[i].cells[j];

		if (t->rows[i].kind == ROW_DATA && f != NULL && f->expr == at->expr && f->state != 2) {
			f->val = S_na();
			f->ok = 1;
			f->state = 2;
		}
	}
	target->apportioned = 1;
	target->ap_state = 2;
	*out = at->val;
	rc = 0;
done:
	if (rc != 0)
		target->ap_state = -1;
	free(w);
	free(parts);
	return rc;
}

/* Evaluate every argument as a scalar. */
static int
S_args(struct figs *fs, struct fig *at, const struct expr *e, struct val *v)
{
	for (size_t i = 0; i < e->nargs; i++)
		if (S_eval(fs, at, e->args[i], &v[i]) != 0)
			return -1;
	return 0;
}

/*
 * The column argument of an aggregate: its values in data rows (all of
 * them, or up to ROW for a running total).  Returns -1 if ARG is not a
 * column.
 */
static int
S_agg_column(struct figs *fs, struct fig *at, const struct expr *arg, size_t upto,
    struct val **vals, size_t **rows, size_t *n, struct table **tp, struct column **cp)
{
	struct column *c;

	if (arg->op != EX_NAME || (c = S_column(fs, at, arg->name, tp)) == NULL)
		return -1;
	*cp = c;
	if (!c->figure) {
		char *m = xasprintf("column '%s' holds text, not figures", arg->name);

		S_err(fs, at, arg->pos, DE_FIG_USE, m);
		free(m);
		return -2;
	}
	return S_column_values(fs, *tp, c, upto, vals, rows, n) == 0 ? 0 : -2;
}

static int
S_call(struct figs *fs, struct fig *at, const struct expr *e, struct val *out)
{
	const char *fn = e->name;
	struct val *v = NULL, *vals = NULL, *own = NULL;
	size_t *rows = NULL, n = 0;
	struct table *t = NULL;
	struct column *col = NULL;
	int rc = -1, agg;
	char *m;

	/* sum, average, min, max: over a column or over their arguments */
	if (strcmp(fn, "sum") == 0 || strcmp(fn, "average") == 0 ||
	    strcmp(fn, "min") == 0 || strcmp(fn, "max") == 0) {
		if (e->nargs == 0)
			goto usage;
		agg = e->nargs == 1 ? S_agg_column(fs, at, e->args[0], (size_t)-1, &vals, &rows, &n, &t, &col) : -1;
		if (agg == -2)
			goto done;
		if (agg == -1) {
			own = xcalloc(e->nargs, sizeof(*own));
			if (S_args(fs, at, e, own) != 0)
				goto done;
			vals = own;
			n = e->nargs;
			for (size_t i = 0; i < n; i++)
				if (vals[i].t == V_NA) {
					*out = S_na();
					rc = 0;
					goto done;
				}
		}
		if (strcmp(fn, "sum") == 0 || strcmp(fn, "average") == 0) {
			if (own == NULL && col->cc->prefix != NULL && n > 0)
				*out = S_num(col->cc->prefix[n - 1], vals[0].kind);
			else if (S_sum(fs, at, e, vals, n, out) != 0)
				goto done;
			if (fn[0] == 'a') {
				if (n == 0) {
					S_err(fs, at, e->pos, DE_FIG_DIVZERO, "average(): there is nothing to average");
					goto done;
				}
				if (S_status(fs, at, e, num_div(out->num, num_of((long long)n), &out->num)) != 0)
					goto done;
			}
		} else {
			if (n == 0) {
				*out = S_na();
				rc = 0;
				goto done;
			}
			for (size_t i = 0; i < n; i++)
				if (vals[i].t == V_TEXT) {
					S_err(fs, at, e->pos, DE_FIG_USE, "a text value (from band()) has no size to compare");
					goto done;
				}
			*out = vals[0];
			for (size_t i = 1; i < n; i++)
				if ((num_cmp(vals[i].num, out->num) < 0) == (fn[1] == 'i'))
					if (num_cmp(vals[i].num, out->num) != 0)
						*out = vals[i];
		}
		rc = 0;
		goto done;
	}
	/* share(COLUMN): this row's part of the column's total */
	if (strcmp(fn, "share") == 0 || strcmp(fn, "cumulative") == 0 || strcmp(fn, "rank") == 0) {
		struct fig *mine;
		struct val here, total;
		int asc = 0;

		if (at->table == NULL || e->nargs < 1 ||
		    (e->nargs == 2 && !(fn[0] == 'r' && e->args[1]->op == EX_STR)) || e->nargs > 2)
			goto usage;
		if (e->nargs == 2)
			asc = strcmp(e->args[1]->name, "ascending") == 0 || strcmp(e->args[1]->name, "asc") == 0;
		agg = S_agg_column(fs, at, e->args[0], fn[0] == 'c' ? at->row : (size_t)-1, &vals, &rows, &n, &t, &col);
		if (agg == -1 || t != at->table)
			goto usage;
		if (agg == -2)
			goto done;
		mine = t->rows[at->row].cells[S_colindex(t, col)];
		if (mine == NULL || S_use(fs, mine, &here) != 0)
			goto done;
		if (fn[0] == 'c') {
			if (col->cc->prefix != NULL)
				*out = n > 0 ? S_num(col->cc->prefix[n - 1], vals[0].kind) : S_num(num_of(0), col->kind);
			else if (S_sum(fs, at, e, vals, n, out) != 0)
				goto done;
			rc = 0;
			goto done;
		}
		if (here.t != V_NUM) {
			*out = S_na();
			rc = 0;
			goto done;
		}
		if (fn[0] == 'r') {
			const struct num *sv = col->cc->sorted;
			size_t lo = 0, hi = n, below, above;

			if (sv == NULL) {
				S_err(fs, at, e->pos, DE_FIG_USE, "rank() needs a column of numbers");
				goto done;
			}
			/* ties share a rank: count the values strictly above (or below) */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;

				if (num_cmp(sv[mid], here.num) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			below = lo;
			for (hi = n; lo < hi;) {
				size_t mid = lo + (hi - lo) / 2;

				if (num_cmp(sv[mid], here.num) <= 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			above = n - lo;
			*out = S_num(num_of((long long)(1 + (asc ? below : above))), NK_COUNT);
			rc = 0;
			goto done;
		}
		if (col->cc->prefix != NULL && n > 0)
			total = S_num(col->cc->prefix[n - 1], vals[0].kind);
		else if (S_sum(fs, at, e, vals, n, &total) != 0)
			goto done;
		if (S_status(fs, at, e, num_div(here.num, total.num, &out->num)) != 0)
			goto done;
		out->t = V_NUM;
		out->kind = NK_PERCENT;
		rc = 0;
		goto done;
	}
	if (strcmp(fn, "apportion") == 0)
		return S_apportion(fs, at, e, out);
	/* remainder(POT): this column's rows must meet POT; remainder(POT, a, b…) */
	if (strcmp(fn, "remainder") == 0) {
		struct val pot;

		if (e->nargs < 1)
			goto usage;
		if (S_eval(fs, at, e->args[0], &pot) != 0)
			goto done;
		if (pot.t != V_NUM)
			goto usage;
		*out = pot;
		if (e->nargs == 1) {
			size_t j;

			if (at->table == NULL)
				goto usage;
			j = at->col;
			for (size_t i = 0; i < at->table->nrows; i++) {
				struct fig *f = at->table->rows[i].cells[j];
				struct val o;

				if (i == at->row || at->table->rows[i].kind != ROW_DATA || f == NULL)
					continue;
				if (S_use(fs, f, &o) != 0)
					goto done;
				if (o.t == V_NUM && S_status(fs, at, e, num_sub(out->num, o.num, &out->num)) != 0)
					goto done;
			}
		} else {
			for (size_t i = 1; i < e->nargs; i++) {
				struct val o;

				if (S_eval(fs, at, e->args[i], &o) != 0)
					goto done;
				if (o.t == V_NUM && S_status(fs, at, e, num_sub(out->num, o.num, &out->num)) != 0)
					goto done;
			}
		}
		rc = 0;
		goto done;
	}
	/* count(COLUMN, "value"): rows whose cell reads value */
	if (strcmp(fn, "count") == 0) {
		long k = 0;

		if (e->nargs != 2 || e->args[1]->op != EX_STR || e->args[0]->op != EX_NAME ||
		    (col = S_column(fs, at, e->args[0]->name, &t)) == NULL)
			goto usage;
		for (size_t i = 0; i < t->nrows; i++) {
			size_t j = S_colindex(t, col);
			xmlNodePtr cn = t->rows[i].text[j];
			struct fig *f = t->rows[i].cells[j];
			char *s;

			if (t->rows[i].kind != ROW_DATA || cn == NULL)
				continue;
			/* a computed cell counts by what it computes to */
			if (f != NULL && !f->has_stated && f->expr != NULL) {
				struct val got;

				if (S_use(fs, f, &got) != 0)
					goto done;
				k += got.t == V_TEXT && strcmp(got.text, e->args[1]->name) == 0;
				continue;
			}
			s = tree_text_folded(cn);
			k += strcmp(s, e->args[1]->name) == 0;
			free(s);
		}
		*out = S_num(num_of(k), NK_COUNT);
		rc = 0;
		goto done;
	}
	/* band(X, T1, "L1", T2, "L2", …, "ELSE"): the first label whose threshold X reaches */
	if (strcmp(fn, "band") == 0) {
		struct val x;

		if (e->nargs < 2 || e->nargs % 2 != 0 || e->args[e->nargs - 1]->op != EX_STR)
			goto usage;
		if (S_eval(fs, at, e->args[0], &x) != 0)
			goto done;
		if (x.t != V_NUM) {
			*out = S_na();
			rc = 0;
			goto done;
		}
		for (size_t i = 1; i + 1 < e->nargs; i += 2) {
			struct val th;

			if (e->args[i + 1]->op != EX_STR)
				goto usage;
			if (S_eval(fs, at, e->args[i], &th) != 0)
				goto done;
			if (th.t == V_NUM && num_cmp(x.num, th.num) >= 0) {
				memset(out, 0, sizeof(*out));
				out->t = V_TEXT;
				out->text = e->args[i + 1]->name;
				rc = 0;
				goto done;
			}
		}
		memset(out, 0, sizeof(*out));
		out->t = V_TEXT;
		out->text = e->args[e->nargs - 1]->name;
		rc = 0;
		goto done;
	}
	/* the scalar functions */
	v = xcalloc(e->nargs ? e->nargs : 1, sizeof(*v));
	for (size_t i = 0; i < e->nargs; i++)
		if (e->args[i]->op == EX_STR)
			goto usage;
	if (S_args(fs, at, e, v) != 0)
		goto done;
	for (size_t i = 0; i < e->nargs; i++)
		if (v[i].t == V_NA) {
			*out = S_na();
			rc = 0;
			goto done;
		} else if (v[i].t == V_TEXT)
			goto usage;
	if (strcmp(fn, "difference") == 0 && e->nargs == 2) {
		rc = S_status(fs, at, e, num_sub(v[0].num, v[1].num, &out->num));
		out->t = V_NUM;
		out->kind = v[0].kind;
	} else if (strcmp(fn, "cut") == 0 && e->nargs == 2) {
		struct num keep;

		if (v[1].kind != NK_PERCENT) {
			S_err(fs, at, e->args[1]->pos, DE_FIG_USE, "cut(X, P): P is a percentage such as 40%");
			goto done;
		}
		if (S_status(fs, at, e, num_sub(num_of(1), v[1].num, &keep)) != 0 ||
		    S_status(fs, at, e, num_mul(v[0].num, keep, &out->num)) != 0)
			goto done;
		out->t = V_NUM;
		out->kind = v[0].kind;
		rc = 0;
	} else if (strcmp(fn, "change") == 0 && e->nargs == 2) {
		/* change from nothing is not a percentage: the figure reads n/a */
		if (num_is_zero(v[1].num)) {
			*out = S_na();
			rc = 0;
			goto done;
		}
		if (S_status(fs, at, e, num_sub(v[0].num, v[1].num, &out->num)) != 0 ||
		    S_status(fs, at, e, num_div(out->num, num_abs(v[1].num), &out->num)) != 0)
			goto done;
		out->t = V_NUM;
		out->kind = NK_PERCENT;
		rc = 0;
	} else if (strcmp(fn, "rate") == 0 && e->nargs == 3) {
		struct num r;

		if (e->args[2]->op != EX_NUM || e->args[2]->num.d != 1 || num_sign(e->args[2]->num) <= 0 ||
		    num_cmp(e->args[2]->num, num_of(10000000)) > 0) {
			S_err(fs, at, e->args[2]->pos, DE_FIG_USE, "rate(COUNT, POPULATION, PER): PER is a whole number such as 1000 or 100000");
			goto done;
		}
		if (S_status(fs, at, e, num_div(v[0].num, v[1].num, &r)) != 0 ||
		    S_status(fs, at, e, num_mul(r, e->args[2]->num, &out->num)) != 0)
			goto done;
		out->t = V_NUM;
		out->kind = NK_RATE;
		out->per = (long)e->args[2]->num.n;
		rc = 0;
	} else if (strcmp(fn, "round") == 0 && e->nargs == 2) {
		if (e->args[1]->op != EX_NUM || e->args[1]->num.d != 1 ||
		    num_sign(e->args[1]->num) < 0 || num_cmp(e->args[1]->num, num_of(NUM_MAX_PLACES)) > 0) {
			S_err(fs, at, e->args[1]->pos, DE_FIG_USE, "round(X, PLACES): PLACES is a whole number from 0 to 12");
			goto done;
		}
		rc = S_status(fs, at, e, num_round(v[0].num, (int)e->args[1]->num.n, at->mode, &out->num));
		out->t = V_NUM;
		out->kind = v[0].kind;
	} else if (strcmp(fn, "abs") == 0 && e->nargs == 1) {
		/* how far off a negative target is, as a size */
		out->t = V_NUM;
		out->kind = v[0].kind;
		out->per = v[0].per;
		out->num = num_abs(v[0].num);
		rc = 0;
	} else if (strcmp(fn, "difference") == 0 || strcmp(fn, "cut") == 0 || strcmp(fn, "change") == 0 ||
	    strcmp(fn, "rate") == 0 || strcmp(fn, "round") == 0 || strcmp(fn, "abs") == 0) {
		goto usage;
	} else {
		m = xasprintf("unknown function %s(): csdoc knows sum, average, min, max, share, apportion, "
		    "cut, cumulative, difference, change, rate, rank, band, count, remainder, round and abs", fn);
		S_err(fs, at, e->pos, DE_FIG_USE, m);
		free(m);
		goto done;
	}
	goto done;
usage:
	m = xasprintf("%s() is used with the wrong arguments: see the figures section of README.md", fn);
	S_err(fs, at, e->pos, DE_FIG_USE, m);
	free(m);
	rc = -1;
done:
	free(v);
	free(own);
	return rc;
}

/*
 * Suggestions for unknown names are bounded: a formula of a column is
 * evaluated once per row, and a hostile document may hold a million
 * figures; past these, the message comes without one.
 */
#define FIGURES_MAX_GUESSES 200
#define FIGURES_MAX_OFFERS  20000

/* "; did you mean 'x'?" for NAME among the figure columns of AT's table and the named figures; NULL if none. */
static char *
S_near_name(struct figs *fs, struct fig *at, const char *name)
{
	struct suggest sg;

	if (fs->guesses <= 0)
		return NULL;
	fs->guesses--;
	suggest_init(&sg, name);
	if (at->table != NULL)
		for (size_t j = 0; j < at->table->ncols; j++)
			if (at->table->cols[j].figure)
				suggest_offer(&sg, at->table->cols[j].id, NULL, NULL);
	for (size_t i = 0; i < fs->n && i < FIGURES_MAX_OFFERS; i++)
		if (fs->v[i]->table == NULL)
			suggest_offer(&sg, tree_attr(fs->v[i]->node, "id"), NULL, NULL);
	return suggest_text(&sg, "'", "'");
}

/* A name: a column of this row's table, a figure, or a cell TABLE.ROW.COLUMN. */
static int
S_name(struct figs *fs, struct fig *at, const struct expr *e, struct val *out)
{
	struct fig *f = NULL;

	/* in a data row a column names this row's cell; in a total row, its total */
	if (at->table != NULL)
		for (size_t j = 0; j < at->table->ncols; j++)
			if (strcmp(at->table->cols[j].id, e->name) == 0) {
				struct row *r = &at->table->rows[at->row];

				if (!at->table->cols[j].figure) {
					char *m = xasprintf("column '%s' holds text, not figures", e->name);

					S_err(fs, at, e->pos, DE_FIG_USE, m);
					free(m);
					return -1;
				}
				f = r->cells[j] ? r->cells[j] : r->covered[j];
				if (f == NULL) {
					*out = S_na();
					return 0;
				}
				break;
			}
	if (f == NULL)
		f = xmlHashLookup(fs->byid, (const xmlChar *)e->name);
	if (f == NULL) {
		const char *colon = strchr(e->name, ':');
		const char *hint = strchr(e->name, '-') ? " (write spaces around '-' to subtract)" : "";
		char *h = NULL;

		/* a name from another document: say which part is wrong */
		if (colon != NULL) {
			int known = 0;

			for (size_t i = 0; i < fs->c->nused; i++)
				known |= strlen(fs->c->as[i]) == (size_t)(colon - e->name) &&
				    strncmp(fs->c->as[i], e->name, (size_t)(colon - e->name)) == 0;
			h = known ? xasprintf(" (that document has no figure '%s')", colon + 1) :
			    xasprintf(" (no usable <uses> has the prefix '%.*s')", (int)(colon - e->name), e->name);
			hint = h;
		} else if (*hint == '\0' && (h = S_near_name(fs, at, e->name)) != NULL)
			hint = h;
		S_err(fs, at, e->pos, DE_FIG_UNKNOWN, e->name, hint);
		free(h);
		return -1;
	}
	return S_use(fs, f, out);
}

static int S_eval1(struct figs *, struct fig *, const struct expr *, struct val *);

/*
 * Every formula node and every figure a formula names adds a level of C
 * recursion: long chains of long sums could exhaust the stack, so the
 * depth over all of them is bounded.
 */
static int
S_eval(struct figs *fs, struct fig *at, const struct expr *e, struct val *out)
{
	int rc;

	if (fs->edepth >= FIGURES_MAX_EVAL) {
		char *m = xasprintf("figures and their formulas nest more than %d deep", FIGURES_MAX_EVAL);

		S_err(fs, at, e->pos, DE_LIMIT, m);
		free(m);
		return -1;
	}
	/* every part of a value is known, even where a function sets only some */
	memset(out, 0, sizeof(*out));
	fs->edepth++;
	rc = S_eval1(fs, at, e, out);
	fs->edepth--;
	return rc;
}

static int
S_eval1(struct figs *fs, struct fig *at, const struct expr *e, struct val *out)
{
	struct val a, b;
	enum num_status st;

	switch (e->op) {
	case EX_NUM:
		*out = S_num(e->num, e->kind);
		return 0;
	case EX_STR:
		S_err(fs, at, e->pos, DE_FIG_USE, "a quoted string is not a figure");
		return -1;
	case EX_NAME:
		return S_name(fs, at, e, out);
	case EX_CALL:
		return S_call(fs, at, e, out);
	default:
		break;
	}
	if (S_eval(fs, at, e->args[0], &a) != 0)
		return -1;
	if (e->op == EX_NEG) {
		*out = a;
		if (a.t == V_NUM)
			out->num = num_neg(a.num);
		else if (a.t == V_TEXT)
			goto text;
		return 0;
	}
	if (S_eval(fs, at, e->args[1], &b) != 0)
		return -1;
	if (a.t == V_TEXT || b.t == V_TEXT)
		goto text;
	if (a.t == V_NA || b.t == V_NA) {
		*out = S_na();
		return 0;
	}
	*out = S_num(a.num, a.kind);
	switch (e->op) {
	case EX_ADD:
	case EX_SUB:
		if ((a.kind == NK_MONEY && b.kind == NK_PERCENT) || (a.kind == NK_PERCENT && b.kind == NK_MONEY)) {
			S_err(fs, at, e->pos, DE_FIG_USE,
			    "money and a percentage cannot be added or subtracted: multiply by the percentage, or use cut()");
			return -1;
		}
		/* 10% + 5 is not 15%: a plain number beside a percentage is a mistake */
		if ((a.kind == NK_PERCENT) != (b.kind == NK_PERCENT)) {
			S_err(fs, at, e->pos, DE_FIG_USE,
			    "a percentage and a number that is not one cannot be added or subtracted: write 5% for five per cent");
			return -1;
		}
		st = e->op == EX_ADD ? num_add(a.num, b.num, &out->num) : num_sub(a.num, b.num, &out->num);
		out->kind = a.kind == NK_MONEY || b.kind == NK_MONEY ? NK_MONEY : a.kind;
		break;
	case EX_MUL:
		st = num_mul(a.num, b.num, &out->num);
		out->kind = a.kind == NK_MONEY || b.kind == NK_MONEY ? NK_MONEY :
		    a.kind == NK_PERCENT && b.kind == NK_PERCENT ? NK_PERCENT : NK_NUMBER;
		break;
	default:
		st = num_div(a.num, b.num, &out->num);
		out->kind = a.kind == NK_MONEY && b.kind != NK_MONEY ? NK_MONEY : NK_NUMBER;
		break;
	}
	return S_status(fs, at, e, st);
text:
	S_err(fs, at, e->pos, DE_FIG_USE, "a text value (from band()) cannot be used in arithmetic");
	return -1;
}

/* The default total of a cell in a total (all data rows) or subtotal row. */
static int
S_total(struct figs *fs, struct fig *f)
{
	struct table *t = f->table;
	struct num s = num_of(0);
	size_t from = 0, n = 0, missing = 0;
	int any = 0;

	if (f->total == 2)
		for (size_t i = f->row; i-- > 0;)
			if (t->rows[i].kind == ROW_SUBTOTAL || t->rows[i].kind == ROW_TOTAL) {
				from = i + 1;
				break;
			}
	for (size_t i = from; i < f->row; i++) {
		struct fig *c = t->rows[i].cells[f->col];
		struct val v;

		if (t->rows[i].kind != ROW_DATA || c == NULL)
			continue;
		if (S_use(fs, c, &v) != 0)
			return -1;
		if (v.t != V_NUM) {
			missing++;
			continue;
		}
		any = 1;
		n++;
		if (num_add(s, v.num, &s) != NUM_OK) {
			source_msg(fs->c->src, f->node, NULL, DE_FIG_OVERFLOW, "the column's total");
			return -1;
		}
	}
	if (t->cols[f->col].avg_total && n > 0)
		(void)num_div(s, num_of((long long)n), &s);
	/* a total that silently left rows out would read as complete */
	if (any && missing > 0)
		source_msg(fs->c->src, f->node, NULL, DW_PARTIAL_TOTAL,
		    f->total == 1 ? "total" : "subtotal", missing);
	f->val = any ? S_num(s, f->kind) : S_na();
	return 0;
}

/* The dependency chain from F's first appearance, for a cycle message. */
static char *
S_cycle(struct figs *fs, struct fig *f)
{
	struct buf b = { 0 };
	size_t start = 0;
	char *s;

	for (size_t i = 0; i < fs->depth; i++)
		if (fs->chain[i] == f) {
			start = i;
			break;
		}
	for (size_t i = start; i < fs->depth; i++)
		buf_printf(&b, "%s → ", fs->chain[i]->id);
	buf_puts(&b, f->id);
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static int
S_eval_fig(struct figs *fs, struct fig *f)
{
	int rc;

	if (f->state == 2)
		return f->ok ? 0 : -1;
	if (f->state == 1) {
		char *c = S_cycle(fs, f);

		S_err(fs, f, 0, DE_FIG_CYCLE, c);
		free(c);
		/* every figure on the cycle fails once, quietly */
		return -1;
	}
	if (fs->depth >= FIGURES_MAX_CHAIN) {
		char *m = xasprintf("figures depend on figures more than %d deep", FIGURES_MAX_CHAIN);

		S_err(fs, f, 0, DE_LIMIT, m);
		free(m);
		return -1;
	}
	f->state = 1;
	fs->chain[fs->depth++] = f;
	if (f->expr != NULL)
		rc = S_eval(fs, f, f->expr, &f->val);
	else if (f->total)
		rc = S_total(fs, f);
	else
		rc = -1;
	fs->depth--;
	/* apportion() may have finished this figure while computing its column */
	if (f->state != 2) {
		f->state = 2;
		f->ok = rc == 0;
	}
	if (f->ok && f->val.t == V_NUM) {
		/* a rate says what it is per; the figure may not say otherwise */
		if (f->val.per && f->per && f->val.per != f->per) {
			char *m = xasprintf("the formula gives a rate per %ld, but the figure says per=\"%ld\"",
			    f->val.per, f->per);

			S_err(fs, f, 0, DE_FIG_USE, m);
			free(m);
			f->ok = 0;
		}
		/* from here on the figure is what its author declared it to be */
		f->val.kind = f->kind;
	}
	return f->ok ? 0 : -1;
}

/* ------------------------------------------------------------ results */

/* Places to show F with: declared, else what its column or value needs. */
static int
S_places(const struct figs *fs, struct fig *f)
{
	int p = 0;

	(void)fs;
	if (f->places >= 0)
		return f->places > NUM_MAX_PLACES ? NUM_MAX_PLACES : f->places;
	if (f->table != NULL) {
		/* one format down a column: the most any of its values needs */
		struct table *t = f->table;
		struct column *col = &t->cols[f->col];

		if (col->shown_places >= 0)
			return col->shown_places;
		for (size_t i = 0; i < t->nrows; i++) {
			const struct fig *c = t->rows[i].cells[f->col];
			struct val v;

			if (c == NULL || !c->ok || c->places >= 0)
				continue;
			v = S_effective(c);
			if (v.t == V_NUM) {
				int q = c->has_stated ? c->stated_places : S_needed_places(v.num, c->kind);

				if (q < 0)
					q = 0;

				if (q > p)
					p = q;
			}
		}
		if (col->apportioned && p < 2 && f->kind == NK_MONEY)
			p = 2;
		col->shown_places = p;
		return p;
	}
	if (f->val.t == V_NUM)
		p = S_needed_places(f->val.num, f->kind);
	return p;
}

static char *
S_show(const struct fig *f, struct val v, int places)
{
	char *s = NULL;

	if (v.t == V_NA)
		return xstrdup("n/a");
	if (v.t == V_TEXT)
		return xstrdup(v.text);
	if (num_display(v.num, f->kind, places, f->mode, v.per ? v.per : f->per, &s) != NUM_OK)
		return xstrdup("(too large)");
	return s;
}

/* Round V to PLACES decimals; negative places round to tens, hundreds, thousands. */
static enum num_status
S_round_to(struct num v, int places, enum num_round mode, struct num *out)
{
	struct num scale = num_of(1);
	enum num_status st;

	if (places >= 0)
		return num_round(v, places, mode, out);
	for (int i = places; i < 0; i++)
		if ((st = num_mul(scale, num_of(10), &scale)) != NUM_OK)
			return st;
	if ((st = num_div(v, scale, &v)) != NUM_OK || (st = num_round(v, 0, mode, &v)) != NUM_OK)
		return st;
	return num_mul(v, scale, out);
}

/* Compare a stated figure with its computed value, as finely as the author wrote it. */
static void
S_check(struct figs *fs, struct fig *f)
{
	struct num shown, stated = f->stated, diff;
	int places = f->stated_places, same;
	char *got, *typed, *m;

	if (f->val.t != V_NUM) {
		/* a stated figure where nothing can be computed is not confirmed */
		if (f->val.t == V_NA) {
			tree_set(f->node, "check", "mismatch");
			m = xasprintf("stated %s; %s gives n/a (a value it needs is missing or its base is zero)",
			    f->stated_text, f->total ? "the total" : f->expr_text ? f->expr_text : "the formula");
			source_msg(fs->c->src, f->node, NULL, DW_FIG_MISMATCH, m);
			free(m);
		} else
			tree_set(f->node, "check", "ok");
		return;
	}
	if (f->stated_fraction) {
		/* "1/3" is read to the nearest whole per cent */
		struct num a, b;

		(void)num_round(f->val.num, 2, f->mode, &a);
		(void)num_round(f->stated, 2, f->mode, &b);
		same = num_cmp(a, b) == 0;
		places = 0;
	} else {
		struct num v = f->val.num;

		/* a percentage's places are those of the per cent figure */
		if (f->kind == NK_PERCENT) {
			(void)num_mul(v, num_of(100), &v);
			(void)num_mul(stated, num_of(100), &stated);
		}
		if (S_round_to(v, places, f->mode, &shown) != NUM_OK)
			shown = v;
		same = num_cmp(shown, stated) == 0;
	}
	if (!same && f->has_tol && num_sub(f->val.num, f->stated, &diff) == NUM_OK) {
		struct num allowed = f->tol;

		if (f->tol_rel && num_mul(num_abs(f->val.num), f->tol, &allowed) != NUM_OK)
			allowed = num_of(0);
		same = num_cmp(num_abs(diff), allowed) <= 0;
	}
	tree_set(f->node, "check", same ? "ok" : "mismatch");
	if (same)
		return;
	got = S_show(f, f->val, places < 0 ? 0 : places);
	if (f->stated_fraction) {
		char *pc = NULL;

		(void)num_display(f->stated, NK_PERCENT, 0, f->mode, 0, &pc);
		typed = xasprintf("%s (%s)", f->stated_text, pc ? pc : "?");
		free(pc);
	} else
		typed = xstrdup(f->stated_text);
	if (f->total && f->table->cols[f->col].avg_total && f->expr == NULL)
		m = xasprintf("stated %s %s; the rows average %s", f->total == 1 ? "total" : "subtotal", typed, got);
	else if (f->total && f->expr == NULL)
		m = xasprintf("stated %s %s; the rows sum to %s", f->total == 1 ? "total" : "subtotal", typed, got);
	else if (f->table && f->table->cols[f->col].apportioned)
		m = xasprintf("stated %s; %s gives %s (largest remainder)", typed, f->expr_text, got);
	else
		m = xasprintf("stated %s; %s gives %s", typed, f->expr_text ? f->expr_text : "the formula", got);
	source_msg(fs->c->src, f->node, NULL, DW_FIG_MISMATCH, m);
	free(m);
	free(got);
	free(typed);
}

/* Whether any input cell of column COL of T was typed with a pound sign. */
static int
S_column_pounds(struct table *t, size_t col)
{
	struct column *c = &t->cols[col];

	if (c->pounds < 0) {
		c->pounds = 0;
		for (size_t i = 0; i < t->nrows; i++) {
			struct fig *f = t->rows[i].cells[col];

			if (f != NULL && f->expr == NULL && !f->total && f->stated_text != NULL &&
			    strstr(f->stated_text, "£") != NULL)
				c->pounds = 1;
		}
		/* a column with no typed money at all keeps the usual form */
		if (c->pounds == 0) {
			int typed = 0;

			for (size_t i = 0; i < t->nrows; i++) {
				struct fig *f = t->rows[i].cells[col];

				typed |= f != NULL && f->expr == NULL && !f->total && f->stated_text != NULL;
			}
			c->pounds = !typed;
		}
	}
	return c->pounds;
}

static void
S_annotate(struct figs *fs, struct fig *f)
{
	struct val eff = S_effective(f);
	int places = S_places(fs, f);
	char *s;

	tree_set(f->node, "fig-id", f->id);
	tree_set(f->node, "kind", num_kind_name(f->kind));
	if (!f->ok && !f->has_stated) {
		tree_set(f->node, "value", "n/a");
		tree_set(f->node, "display", "n/a");
		tree_set(f->node, "source", f->expr || f->total ? "computed" : "input");
		return;
	}
	if (eff.t == V_NUM) {
		tree_take(f->node, "value", num_exact(eff.num));
	} else
		tree_set(f->node, "value", eff.t == V_TEXT ? eff.text : "n/a");
	/* a stated figure is printed as the author typed it */
	if (f->has_stated) {
		tree_set(f->node, "display", f->stated_text);
		tree_set(f->node, "source", "stated");
		if (f->ok) {
			s = num_exact(f->val.num);
			tree_set(f->node, "computed", f->val.t == V_NUM ? s : "n/a");
			free(s);
			tree_take(f->node, "computed-display", S_show(f, f->val, places));
			S_check(fs, f);
		}
		return;
	}
	/* an input is printed as typed too ("£892k" stays "£892k") */
	if (f->expr == NULL && !f->total && f->stated_text != NULL)
		s = xstrdup(f->stated_text);
	/* a blank input cell shows nothing, not "n/a": the author left it empty */
	else if (f->table != NULL && f->expr == NULL && !f->total && eff.t == V_NA)
		s = xstrdup("");
	else {
		s = S_show(f, eff, places);
		/* a money column typed without "£" (the heading says "£") shows its sums so too */
		if (f->table != NULL && f->kind == NK_MONEY && !S_column_pounds(f->table, f->col)) {
			char *p = strstr(s, "£");

			if (p != NULL)
				memmove(p, p + strlen("£"), strlen(p + strlen("£")) + 1);
		}
	}
	tree_take(f->node, "display", s);
	tree_set(f->node, "source", f->expr || f->total ? "computed" : "input");
}

/*
 * The figures of the documents this one uses, as constants named
 * PREFIX:ID.  They are read from those documents' compiled trees, so this
 * document sees exactly what they print.
 */
static void
S_import(struct figs *fs, const char *as, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		const char *id, *src, *value;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = tree_get(n, "fig-id");
		src = tree_get(n, "source");
		value = tree_get(n, "value");
		if (id != NULL && value != NULL && !(src && strcmp(src, "reference") == 0)) {
			struct fig *f = xcalloc(1, sizeof(*f));

			f->id = xasprintf("%s:%s", as, id);
			f->node = n;
			f->kind = S_kind(tree_get(n, "kind"));
			f->places = -1;
			f->state = 2;
			f->ok = 1;
			if (strcmp(value, "n/a") == 0)
				f->val = S_na();
			else if (num_from_exact(value, &f->val.num) == 0) {
				f->val.t = V_NUM;
				f->val.kind = f->kind;
			} else {
				/* a label from band() */
				f->val.t = V_TEXT;
				f->val.text = value;
			}
			fs->ext = xreallocarray(fs->ext, fs->next + 1, sizeof(*fs->ext));
			fs->ext[fs->next++] = f;
			if (xmlHashLookup(fs->byid, (const xmlChar *)f->id) == NULL)
				xmlHashAddEntry(fs->byid, (const xmlChar *)f->id, f);
		}
		S_import(fs, as, n->children);
	}
}

/* <figure ref="id"/>: print what the figure it names prints. */
static void
S_refs(struct figs *fs, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		const char *ref;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "figure") && (ref = tree_attr(n, "ref")) != NULL) {
			struct fig *f = xmlHashLookup(fs->byid, (const xmlChar *)ref);

			if (f == NULL) {
				struct fig here = { 0 };
				char *hint = S_near_name(fs, &here, ref);

				source_msg(fs->c->src, n, "ref", DE_FIG_UNKNOWN, ref, hint ? hint : "");
				free(hint);
			} else {
				static const char *const copy[] = { "fig-id", "kind", "value", "display" };

				for (size_t i = 0; i < sizeof(copy) / sizeof(copy[0]); i++)
					if (tree_get(f->node, copy[i]))
						tree_set(n, copy[i], tree_get(f->node, copy[i]));
				tree_set(n, "source", "reference");
			}
		}
		S_refs(fs, n->children);
	}
}

static void
S_free(struct figs *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i]->id);
		free(fs->v[i]->stated_text);
		free(fs->v[i]);
	}
	free(fs->v);
	for (size_t i = 0; i < fs->next; i++) {
		free(fs->ext[i]->id);
		free(fs->ext[i]);
	}
	free(fs->ext);
	for (size_t i = 0; i < fs->ntables; i++) {
		struct table *t = fs->tables[i];

		for (size_t j = 0; j < t->ncols; j++) {
			if (t->cols[j].cc != NULL) {
				free(t->cols[j].cc->v);
				free(t->cols[j].cc->row);
				free(t->cols[j].cc->prefix);
				free(t->cols[j].cc->sorted);
				free(t->cols[j].cc);
			}
			free(t->cols[j].id);
			expr_free(t->cols[j].expr);
			expr_free(t->cols[j].texpr);
		}
		for (size_t r = 0; r < t->nrows; r++) {
			free(t->rows[r].id);
			free(t->rows[r].cells);
			free(t->rows[r].covered);
			free(t->rows[r].text);
		}
		free(t->cols);
		free(t->rows);
		free(t->id);
		free(t);
	}
	free(fs->tables);
	xmlHashFree(fs->byid, NULL);
	xmlHashFree(fs->said, NULL);
}

/* Non-zero if the cell figure F was left blank. */
static int
S_blank(const struct fig *f)
{
	char *text = tree_text_folded(f->node);
	int blank = text[0] == '\0';

	free(text);
	return blank;
}

/*
 * A column of ranks (ranking="yes") ranks its data rows 1 to N, each once:
 * say which ranks are missing, repeated or out of range.
 */
static void
S_check_ranking(struct figs *fs, struct table *t, size_t j)
{
	size_t n = 0, *seen;
	struct buf why = { 0 };
	xmlNodePtr at = NULL;

	/* a blank cell ranks nothing: the rows with a rank are ranked 1 to N */
	for (size_t k = 0; k < t->nrows; k++)
		if (t->rows[k].kind == ROW_DATA && t->rows[k].cells[j] != NULL && !S_blank(t->rows[k].cells[j]))
			n++;
	if (n == 0)
		return;
	seen = xcalloc(n + 1, sizeof(*seen));
	for (size_t k = 0; k < t->nrows; k++) {
		struct fig *f = t->rows[k].cells[j];

		if (t->rows[k].kind != ROW_DATA || f == NULL || S_blank(f))
			continue;
		if (!f->ok || f->val.t != V_NUM || f->val.num.d != 1 || f->val.num.n < 1 ||
		    f->val.num.n > (num_int)n) {
			char *text = tree_text_folded(f->node);

			buf_printf(&why, "%s'%s' is not a rank from 1 to %zu", why.len ? "; " : "", text, n);
			free(text);
			if (at == NULL)
				at = f->node;
			continue;
		}
		if (seen[(size_t)f->val.num.n]++ == 1) {
			buf_printf(&why, "%s%ld is given twice", why.len ? "; " : "", (long)f->val.num.n);
			if (at == NULL)
				at = f->node;
		}
	}
	for (size_t r = 1; r <= n; r++)
		if (seen[r] == 0)
			buf_printf(&why, "%s%zu is missing", why.len ? "; " : "", r);
	if (why.len) {
		char *head = tree_text_folded(t->cols[j].node);

		source_msg(fs->c->src, at ? at : t->cols[j].node, NULL, DW_RANKING,
		    head[0] ? head : t->cols[j].id, n, n, buf_str(&why));
		free(head);
	}
	buf_free(&why);
	free(seen);
}

void
figures_compute(struct compute *c)
{
	struct figs fs;
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);
	const char *r = tree_attr(root, "rounding");
	long anon = 0;

	memset(&fs, 0, sizeof(fs));
	fs.c = c;
	fs.byid = xmlHashCreate(256);
	fs.said = xmlHashCreate(16);
	fs.guesses = FIGURES_MAX_GUESSES;
	fs.mode = r && num_round_of(r) >= 0 ? (enum num_round)num_round_of(r) : NR_HALF_UP;
	for (size_t i = 0; i < c->nused; i++)
		S_import(&fs, c->as[i], xmlDocGetRootElement(c->used[i]));
	S_collect(&fs, root, &anon);

	/* inline figures own their parsed expressions; cells share their column's */
	for (size_t i = 0; i < fs.n; i++)
		(void)S_eval_fig(&fs, fs.v[i]);
	for (size_t i = 0; i < fs.n; i++)
		S_annotate(&fs, fs.v[i]);
	for (size_t i = 0; i < fs.ntables; i++) {
		struct table *t = fs.tables[i];

		for (size_t j = 0; j < t->ncols; j++)
			if (t->cols[j].figure && tree_attr(t->cols[j].node, "ranking") != NULL &&
			    strcmp(tree_attr(t->cols[j].node, "ranking"), "yes") == 0)
				S_check_ranking(&fs, t, j);
		for (size_t j = 0; j < t->ncols; j++)
			if (t->cols[j].apportioned) {
				struct num sum = num_of(0);
				char *shown = NULL, *m;

				for (size_t k = 0; k < t->nrows; k++) {
					struct fig *f = t->rows[k].cells[j];

					if (f && t->rows[k].kind == ROW_DATA && f->ok && f->val.t == V_NUM)
						(void)num_add(sum, f->val.num, &sum);
				}
				(void)num_display(sum, t->cols[j].kind, 2, NR_HALF_UP, 0, &shown);
				m = xasprintf("Apportioned pro rata by the largest remainder method: the parts sum exactly to %s.",
				    shown ? shown : "the pot");
				tree_set(t->node, "note", m);
				free(m);
				free(shown);
			}
	}
	S_refs(&fs, root);
	/* inline figures' expressions */
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i]->table == NULL || fs.v[i]->own_expr)
			expr_free(fs.v[i]->expr);
	S_free(&fs);
}
