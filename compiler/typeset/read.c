/* read.c: typesetter stage 1 — the print tree into a block tree with resolved styles. */
#include "typeset/layout.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "typeset/typeset.h"
#include "util.h"

struct rd {
	struct ts_doc *doc;
	double         maxsize;   /* the largest font size whose lines fit every master's body */
	struct diag   *d;
	xmlNodePtr    *links;     /* link elements seen, checked once ids are known */
	size_t         nlinks, linkcap;
	int            err;       /* an error was reported */
	int            toomany;   /* the block limit was reported */
	int            innote;    /* scanning a note's content: a note in it is plain text */
	size_t         notecap;   /* allocated entries of doc->notes */
	int            numbered;  /* notes numbered so far (marked ones are not) */
	xmlNodePtr    *prefs;     /* page-ref elements seen, checked once ids are known */
	size_t         nprefs, prefcap;
	struct ts_blk **tocs;     /* toc blocks, filled once every heading is read */
	size_t         ntocs, toccap;
};

/* Append X to the array V of N entries, CAP allocated. */
#define PUSH(v, n, cap, x) do {                                          \
	if ((n) == (cap)) {                                              \
		(cap) = (cap) ? (cap) * 2 : 16;                          \
		(v) = xreallocarray((v), (cap), sizeof(*(v)));           \
	}                                                                \
	(v)[(n)++] = (x);                                                \
} while (0)

/* Is N an element of the print namespace named NAME (NULL: any)? */
static int
S_is(xmlNodePtr n, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || n->ns == NULL ||
	    strcmp((const char *)n->ns->href, TS_NS) != 0)
		return 0;
	return name == NULL || strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value, owned by the caller, or NULL. */
static char *
S_prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/*
 * A decimal number, parsed by hand because strtod() follows LC_NUMERIC and
 * the command line may have set a locale with a decimal comma.
 */
static int
S_num(const char *s, double *out)
{
	double v = 0, scale = 1;
	int neg = 0, digits = 0;

	while (*s == ' ')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++)
			v += (*s - '0') * (scale /= 10);
	while (*s == ' ')
		s++;
	if (*s != '\0' || digits == 0)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* A points attribute, or DEF; values outside 0..1000 are clamped (the schema forbids them). */
static double
S_pt(xmlNodePtr n, const char *name, double def)
{
	char *s = S_prop(n, name);
	double v = def;

	if (s != NULL && S_num(s, &v) == 0) {
		if (v < 0)
			v = 0;
		if (v > 1000)
			v = 1000;
	} else
		v = def;
	free(s);
	return v;
}

/* yes/no attribute: 1, 0, or DEF if absent. */
static int
S_yes(xmlNodePtr n, const char *name, int def)
{
	char *s = S_prop(n, name);
	int v = def;

	if (s != NULL)
		v = strcmp(s, "yes") == 0;
	free(s);
	return v;
}

/* #rrggbb attribute, or DEF. */
static long
S_colour(xmlNodePtr n, const char *name, long def)
{
	char *s = S_prop(n, name), *end;
	long v = def;

	if (s != NULL && s[0] == '#' && strlen(s) == 7) {
		v = strtol(s + 1, &end, 16);
		if (*end != '\0')
			v = def;
	}
	free(s);
	return v;
}

static int
S_align(xmlNodePtr n, int def)
{
	static const char *const names[] = { "left", "right", "center", "justify" };
	char *s = S_prop(n, "align");
	int v = def;

	for (int i = 0; s != NULL && i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			v = i;
	free(s);
	return v;
}

/* A positive integer attribute, at most MAX. */
static int
S_int(xmlNodePtr n, const char *name, int def, int max)
{
	char *s = S_prop(n, name), *end;
	long v = def;

	if (s != NULL) {
		v = strtol(s, &end, 10);
		if (*end != '\0' || v < 1)
			v = def;
		if (v > max)
			v = max;
	}
	free(s);
	return (int)v;
}

/*
 * A font size attribute, or DEF.  A line must fit in a page's body: a
 * taller one would put its glyphs below the paper, where cairo drops them
 * and then cannot finish the structure element they belong to.  So sizes
 * are kept between 1 point and what the smallest page body can hold.
 */
static double
S_size(struct rd *R, xmlNodePtr n, const char *name, double def)
{
	double v = S_pt(n, name, def);

	if (v < 1 || v > R->maxsize) {
		double c = v < 1 ? 1 : R->maxsize;
		char *msg = xasprintf("font size %g pt does not fit the page: %g pt used", v, c);

		diag_msg(R->d, DW_WARNING, xmlGetLineNo(n), 0, msg);
		free(msg);
		v = c;
	}
	return v;
}

static struct ts_blk *
S_new(struct rd *R, struct ts_blk *parent, enum ts_bkind k, xmlNodePtr n)
{
	struct ts_blk *b;

	if (++R->doc->nblocks > TS_MAX_BLOCKS) {
		if (!R->toomany)
			diag_msg(R->d, DE_LIMIT, n ? xmlGetLineNo(n) : 0, 0,
			    "the print tree has more than 250000 blocks");
		R->toomany = R->err = 1;
		return NULL;
	}
	b = xcalloc(1, sizeof(*b));
	b->kind = k;
	b->node = n;
	b->line = n ? xmlGetLineNo(n) : (parent ? parent->line : 0);
	b->shade = b->border = TS_NOCOLOUR;
	b->colspan = b->rowspan = 1;
	b->role = "Div";
	if (parent != NULL) {
		b->parent = parent;
		b->st = parent->st;
		if (parent->last)
			parent->last->next = b;
		else
			parent->first = b;
		parent->last = b;
	}
	return b;
}

static int
S_in_cell(const struct ts_blk *b)
{
	for (; b != NULL; b = b->parent)
		if (b->kind == BK_CELL)
			return 1;
	return 0;
}

/* The spacing attributes every block has; DEFB and DEFA are the defaults. */
static void
S_spacing(struct rd *R, struct ts_blk *b, double defb, double defa)
{
	b->before = S_pt(b->node, "space-before", defb);
	b->after = S_pt(b->node, "space-after", defa);
	b->keep = S_yes(b->node, "keep-with-next", 0);
	b->id = S_prop(b->node, "id");
	if (b->id != NULL) {
		b->serial = ++R->doc->nserial;
		R->doc->nids++;
	}
}

/*
 * A footnote met in text block B: a BK_NOTE child of B, numbered through
 * the document, in small type.
 */
static struct ts_blk *
S_note(struct rd *R, struct ts_blk *b, xmlNodePtr n)
{
	struct ts_doc *doc = R->doc;
	struct ts_blk *note = S_new(R, b, BK_NOTE, n);

	if (note == NULL)
		return NULL;
	if (doc->nnotes == R->notecap) {
		R->notecap = R->notecap ? R->notecap * 2 : 16;
		doc->notes = xreallocarray(doc->notes, R->notecap, sizeof(*doc->notes));
	}
	doc->notes[doc->nnotes++] = note;
	note->number = (int)doc->nnotes;
	/* a symbol such as "*" stands instead of a number, and is not counted */
	if ((note->text = S_prop(n, "mark")) == NULL)
		note->text = xasprintf("%d", ++R->numbered);
	note->st.size = doc->size * 0.8;
	note->st.bold = note->st.italic = 0;
	note->st.align = 0;
	note->st.colour = TS_NOCOLOUR;
	/* the note's words at the foot can be a link's target */
	if ((note->id = S_prop(n, "id")) != NULL) {
		note->serial = ++doc->nserial;
		doc->nids++;
	}
	return note;
}

/* Record link elements under N for checking, footnotes, and page-count use. */
static void
S_scan_inline(struct rd *R, struct ts_blk *b, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (!S_is(c, NULL))
			continue;
		if (S_is(c, "note") && !R->innote) {
			struct ts_blk *note = S_note(R, b, c);

			if (note == NULL)
				return;
			R->innote = 1;
			S_scan_inline(R, note, c);
			R->innote = 0;
			continue;
		}
		if (S_is(c, "link")) {
			if (R->nlinks == R->linkcap) {
				R->linkcap = R->linkcap ? R->linkcap * 2 : 16;
				R->links = xreallocarray(R->links, R->linkcap, sizeof(*R->links));
			}
			R->links[R->nlinks++] = c;
		} else if (S_is(c, "page-ref")) {
			PUSH(R->prefs, R->nprefs, R->prefcap, c);
			R->doc->has_prefs = 1;
		} else if (S_is(c, "page-count")) {
			R->doc->body_count = 1;
			b->dynamic = 1;
		} else if (S_is(c, "page-number"))
			b->dynamic = 1;
		S_scan_inline(R, b, c);
	}
}

static void S_blocks(struct rd *, struct ts_blk *, xmlNodePtr);

/* A coordinate attribute (any decimal), or DEF. */
static double
S_coord(xmlNodePtr n, const char *name, double def)
{
	char *s = S_prop(n, name);
	double v;

	if (s == NULL || S_num(s, &v) != 0)
		v = def;
	free(s);
	/* The schema allows any decimal; far beyond the paper means nothing. */
	if (v < -1e5)
		v = -1e5;
	if (v > 1e5)
		v = 1e5;
	return v;
}

/*
 * Numbers separated by spaces and commas ("4 2", "1,2 3,4") into a new
 * array; *N receives how many.  NULL (and 0) if one does not read.
 */
static double *
S_numbers(const char *s, size_t *n)
{
	char *copy = xstrdup(s), *p = copy, *tok;
	double *v = NULL, x;
	size_t cap = 0;

	*n = 0;
	while ((tok = strtok_r(p, " ,\t\n\r", &p)) != NULL) {
		if (S_num(tok, &x) != 0 || x < -1e5 || x > 1e5) {
			free(v);
			v = NULL;
			*n = 0;
			break;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = x;
	}
	free(copy);
	return v;
}

/* S with runs of XML white space made one space and none at the ends, as SVG shows text; a new string. */
static char *
S_collapse(const char *s)
{
	char *r = xmalloc(strlen(s) + 1), *o = r;
	int space = 1;

	for (; *s != '\0'; s++)
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (!space)
				*o++ = ' ';
			space = 1;
		} else {
			*o++ = *s;
			space = 0;
		}
	if (o > r && o[-1] == ' ')
		o--;
	*o = '\0';
	return r;
}

/*
 * A graphic's shapes.  Each counts against the block limit: a chart is a
 * few hundred, and a print tree of millions would be a runaway.
 */
static void
S_graphic(struct rd *R, struct ts_blk *b)
{
	size_t cap = 0;

	R->doc->graphics = 1;
	b->gw = S_pt(b->node, "width", 0);
	b->gh = S_pt(b->node, "height", 0);
	b->text = S_prop(b->node, "alt");
	for (xmlNodePtr n = b->node->children; n != NULL && !R->toomany; n = n->next) {
		struct ts_prim p;
		char *s;

		if (!S_is(n, "rect") && !S_is(n, "line") && !S_is(n, "circle") && !S_is(n, "text"))
			continue;
		if (++R->doc->nblocks > TS_MAX_BLOCKS) {
			diag_msg(R->d, DE_LIMIT, xmlGetLineNo(n), 0,
			    "the print tree has more than 250000 blocks");
			R->toomany = R->err = 1;
			return;
		}
		memset(&p, 0, sizeof(p));
		p.fill = S_colour(n, "fill", TS_NOCOLOUR);
		p.stroke = S_colour(n, "stroke", TS_NOCOLOUR);
		if (S_is(n, "rect")) {
			p.k = TP_RECT;
			p.x = S_coord(n, "x", 0);
			p.y = S_coord(n, "y", 0);
			p.w = S_coord(n, "w", 0);
			p.h = S_coord(n, "h", 0);
			p.sw = S_pt(n, "stroke-width", 0.5);
		} else if (S_is(n, "line")) {
			p.k = TP_LINE;
			p.sw = S_pt(n, "stroke-width", 1);
			if ((s = S_prop(n, "points")) != NULL) {
				p.pts = S_numbers(s, &p.npts);
				free(s);
				/* x,y pairs: an odd one out is dropped */
				p.npts /= 2;
			}
			if ((s = S_prop(n, "dash")) != NULL) {
				size_t nd;
				double *d = S_numbers(s, &nd), sum = 0;
				int neg = 0;

				for (size_t i = 0; i < nd; i++) {
					sum += d[i];
					neg |= d[i] < 0;
				}
				/* cairo puts its context in an error state for a
				 * negative or all-zero dash, which would stop the
				 * whole drawing: such a dash is drawn solid */
				if (nd > 0 && nd <= 8 && sum > 0 && !neg) {
					memcpy(p.dash, d, nd * sizeof(*d));
					p.ndash = (int)nd;
				}
				free(d);
				free(s);
			}
		} else if (S_is(n, "circle")) {
			p.k = TP_CIRCLE;
			p.x = S_coord(n, "cx", 0);
			p.y = S_coord(n, "cy", 0);
			p.w = S_pt(n, "r", 0);
		} else {
			xmlChar *t = xmlNodeGetContent(n);

			p.k = TP_TEXT;
			p.x = S_coord(n, "x", 0);
			p.y = S_coord(n, "y", 0);
			p.size = S_size(R, n, "size", 8);
			p.bold = S_yes(n, "bold", 0);
			p.rotate = fmod(S_coord(n, "rotate", 0), 360);
			if ((s = S_prop(n, "anchor")) != NULL) {
				p.anchor = strcmp(s, "middle") == 0 ? 1 : strcmp(s, "end") == 0 ? 2 : 0;
				free(s);
			}
			p.text = S_collapse(t != NULL ? (const char *)t : "");
			xmlFree(t);
		}
		if (b->nprims == cap) {
			cap = cap ? cap * 2 : 32;
			b->prims = xreallocarray(b->prims, cap, sizeof(*b->prims));
		}
		b->prims[b->nprims++] = p;
	}
}

/* ------------------------------------------------------------ images */

/* cairo's PNG reader pulls bytes through this, from a file we opened. */
struct png_in {
	FILE  *f;
	long   left;   /* bytes still allowed: the file may grow after fstat() */
};

static cairo_status_t
S_png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct png_in *in = closure;

	if ((long)len > in->left || fread(data, 1, len, in->f) != len)
		return CAIRO_STATUS_READ_ERROR;
	in->left -= (long)len;
	return CAIRO_STATUS_SUCCESS;
}

/* Report DF_READ for image PATH at LINE: WHY. */
static void
S_img_fail(struct rd *R, long line, const char *path, const char *why)
{
	char *msg = xasprintf("image %s: %s", path, why);

	diag_msg(R->d, DF_READ, line, 0, msg);
	free(msg);
	R->err = 1;
}

/*
 * Image B's PNG into b->img.  csdoc has checked that src lies in the
 * source's folder; the checks here are the typesetter's own, made before
 * cairo sees a byte: a regular file (opened without blocking, so that a
 * FIFO cannot hang the run), at most TS_MAX_IMAGE_BYTES, a PNG signature,
 * and an IHDR of at most TS_MAX_IMAGE_PX each way -- the decoded surface is
 * four bytes a pixel, so a small file could otherwise ask for gigabytes.
 */
static void
S_image_load(struct rd *R, struct ts_blk *b, const char *path)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char head[24];
	struct png_in in;
	struct stat sb;
	unsigned long w, h;
	cairo_surface_t *s;
	int fd;

	if (path[0] != '/') {
		S_img_fail(R, b->line, path, "not an absolute path");
		return;
	}
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		S_img_fail(R, b->line, path, strerror(errno));
		return;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		S_img_fail(R, b->line, path, "not a regular file");
		return;
	}
	if (sb.st_size > TS_MAX_IMAGE_BYTES) {
		char *msg = xasprintf("image %s is larger than 20 MiB", path);

		close(fd);
		diag_msg(R->d, DE_LIMIT, b->line, 0, msg);
		free(msg);
		R->err = 1;
		return;
	}
	if ((in.f = fdopen(fd, "rb")) == NULL) {
		close(fd);
		S_img_fail(R, b->line, path, strerror(errno));
		return;
	}
	/* The signature, then IHDR: its length 13, its name, width, height. */
	if (fread(head, 1, sizeof(head), in.f) != sizeof(head) ||
	    memcmp(head, sig, sizeof(sig)) != 0 || memcmp(head + 12, "IHDR", 4) != 0) {
		fclose(in.f);
		S_img_fail(R, b->line, path, "not a PNG file");
		return;
	}
	w = (unsigned long)head[16] << 24 | (unsigned long)head[17] << 16 |
	    (unsigned long)head[18] << 8 | head[19];
	h = (unsigned long)head[20] << 24 | (unsigned long)head[21] << 16 |
	    (unsigned long)head[22] << 8 | head[23];
	if (w == 0 || h == 0 || w > TS_MAX_IMAGE_PX || h > TS_MAX_IMAGE_PX) {
		char *msg = xasprintf("image %s is %lu x %lu pixels: at most 10000 each way",
		    path, w, h);

		fclose(in.f);
		diag_msg(R->d, DE_LIMIT, b->line, 0, msg);
		free(msg);
		R->err = 1;
		return;
	}
	rewind(in.f);
	in.left = TS_MAX_IMAGE_BYTES;
	s = cairo_image_surface_create_from_png_stream(S_png_read, &in);
	fclose(in.f);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		S_img_fail(R, b->line, path, cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return;
	}
	/* cairo read the same IHDR; a file changed under us would differ. */
	if ((unsigned long)cairo_image_surface_get_width(s) != w ||
	    (unsigned long)cairo_image_surface_get_height(s) != h) {
		S_img_fail(R, b->line, path, "changed while it was read");
		cairo_surface_destroy(s);
		return;
	}
	b->img = s;
	b->pw = (int)w;
	b->ph = (int)h;
}

/*
 * An image: its size in points is the width given and the height given or
 * kept in proportion to the pixels; layout scales it down to the column.
 */
static void
S_image(struct rd *R, struct ts_blk *b)
{
	char *src = S_prop(b->node, "src");

	b->text = S_prop(b->node, "alt");
	b->st.align = S_align(b->node, 0);
	S_image_load(R, b, src != NULL ? src : "");
	free(src);
	if (b->img == NULL)
		return;
	b->gw = S_pt(b->node, "width", 0);
	b->gh = S_pt(b->node, "height", -1);
	if (b->gh < 0)
		b->gh = b->gw * b->ph / b->pw;
}

static void
S_table(struct rd *R, struct ts_blk *t)
{
	uint64_t *occ;       /* occupied columns per row */
	struct ts_blk *row, *cell;
	char *w;
	int nrows = 0, r, c, ncols = 0, body_seen = 0;

	w = S_prop(t->node, "borders");
	t->borders = w == NULL ? 0 : strcmp(w, "rows") == 0 ? 1 : strcmp(w, "none") == 0 ? 2 : 0;
	free(w);
	for (xmlNodePtr n = t->node->children; n != NULL; n = n->next) {
		if (S_is(n, "caption")) {
			struct ts_blk *cap = S_new(R, t, BK_CAPTION, n);
			if (cap == NULL)
				return;
			cap->st.bold = 1;
			cap->after = 4;
			S_scan_inline(R, cap, n);
		} else if (S_is(n, "row")) {
			if ((row = S_new(R, t, BK_ROW, n)) == NULL)
				return;
			row->header = S_yes(n, "header", 0) && !body_seen;
			body_seen |= !row->header;
			if (row->header)
				t->nhead++;
			row->shade = S_colour(n, "shade", TS_NOCOLOUR);
			/* a heading row in the body never ends a page (layout.c, S_group) */
			row->keep = !row->header && S_yes(n, "keep-with-next", 0);
			row->st.bold = row->header || S_yes(n, "bold", 0);
			nrows++;
			for (xmlNodePtr m = n->children; m != NULL; m = m->next) {
				if (!S_is(m, "cell"))
					continue;
				if ((cell = S_new(R, row, BK_CELL, m)) == NULL)
					return;
				cell->colspan = S_int(m, "colspan", 1, TS_MAX_COLS + 1);
				cell->rowspan = S_int(m, "rowspan", 1, 1 << 20);
				cell->st.align = S_align(m, 0);
				cell->shade = S_colour(m, "shade", TS_NOCOLOUR);
				cell->header = row->header || S_yes(m, "header", 0);
				S_blocks(R, cell, m);
			}
		}
	}
	t->nrows = nrows;
	/* The row groups, for the structure tree only (see layout.h). */
	if (t->nhead > 0 && (t->thead = S_new(R, NULL, BK_THEAD, NULL)) == NULL)
		return;
	if (nrows > t->nhead && (t->tbody = S_new(R, NULL, BK_TBODY, NULL)) == NULL)
		return;
	for (int i = 0; i < 2; i++) {
		struct ts_blk *g = i ? t->tbody : t->thead;

		if (g != NULL) {
			g->parent = t;
			g->line = t->line;
		}
	}
	/* Give each cell its grid position, as HTML does with rowspan. */
	occ = xcalloc(nrows ? nrows : 1, sizeof(*occ));
	r = 0;
	for (row = t->first; row != NULL; row = row->next) {
		if (row->kind != BK_ROW)
			continue;
		c = 0;
		for (cell = row->first; cell != NULL; cell = cell->next) {
			while (c < TS_MAX_COLS && (occ[r] >> c & 1))
				c++;
			if (c + cell->colspan > TS_MAX_COLS) {
				diag_msg(R->d, DE_LIMIT, cell->line, 0,
				    "a table has more than 64 columns");
				R->err = 1;
				free(occ);
				return;
			}
			if (cell->rowspan > nrows - r)
				cell->rowspan = nrows - r;
			cell->col = c;
			cell->row = r;
			for (int i = r; i < r + cell->rowspan; i++)
				for (int j = c; j < c + cell->colspan; j++)
					occ[i] |= (uint64_t)1 << j;
			c += cell->colspan;
			if (c > ncols)
				ncols = c;
		}
		r++;
	}
	free(occ);
	t->ncols = ncols;
	/* Given widths: used only if there is one per column. */
	if ((w = S_prop(t->node, "widths")) != NULL) {
		double v, sum = 0;
		char *p = w, *tok;
		int n = 0;

		t->pct = xcalloc(ncols ? ncols : 1, sizeof(double));
		while ((tok = strtok_r(p, " \t\n", &p)) != NULL) {
			if (n >= ncols || S_num(tok, &v) != 0 || v <= 0) {
				n = -1;
				break;
			}
			t->pct[n++] = v;
			sum += v;
		}
		if (n != ncols) {
			diag_msg(R->d, DW_WARNING, t->line, 0,
			    "table widths do not give one positive percentage per column: widths from the content");
			free(t->pct);
			t->pct = NULL;
		} else
			for (int i = 0; i < ncols; i++)
				t->pct[i] = t->pct[i] * 100 / sum;
		free(w);
	}
}

static void
S_blocks(struct rd *R, struct ts_blk *parent, xmlNodePtr xp)
{
	static const double hsize[6] = { 16, 13, 11.5, 10.5, 10.5, 10.5 };
	static const double hbefore[6] = { 18, 14, 10, 8, 8, 8 };
	static const double hafter[6] = { 8, 6, 4, 3, 3, 3 };
	int incell = S_in_cell(parent);
	struct ts_blk *b;
	char *s;

	for (xmlNodePtr n = xp->children; n != NULL && !R->toomany; n = n->next) {
		if (!S_is(n, NULL))
			continue;
		if (S_is(n, "heading")) {
			if ((b = S_new(R, parent, BK_HEADING, n)) == NULL)
				return;
			b->level = S_int(n, "level", 1, 6);
			b->st.size = S_size(R, n, "size", hsize[b->level - 1]);
			b->st.bold = 1;
			b->st.italic = 0;
			b->st.align = S_align(n, 0);
			b->text = S_prop(n, "label");
			S_spacing(R, b, hbefore[b->level - 1], hafter[b->level - 1]);
			b->keep = 1;
			if (b->serial == 0)
				b->serial = ++R->doc->nserial;
			S_scan_inline(R, b, n);
		} else if (S_is(n, "para")) {
			if ((b = S_new(R, parent, BK_PARA, n)) == NULL)
				return;
			b->st.align = S_align(n, b->st.align);
			b->st.size = S_size(R, n, "size", b->st.size);
			b->st.bold = S_yes(n, "bold", b->st.bold);
			b->st.italic = S_yes(n, "italic", b->st.italic);
			b->st.colour = S_colour(n, "colour", b->st.colour);
			b->indent = S_pt(n, "indent", 0);
			S_spacing(R, b, 0, incell ? 3 : 6);
			R->doc->justify |= b->st.align == 3;
			S_scan_inline(R, b, n);
		} else if (S_is(n, "list")) {
			if ((b = S_new(R, parent, BK_LIST, n)) == NULL)
				return;
			b->label_w = S_pt(n, "label-width", 18);
			S_spacing(R, b, 0, 0);
			for (xmlNodePtr it = n->children; it != NULL; it = it->next) {
				struct ts_blk *item, *lbl, *body;

				if (!S_is(it, "item"))
					continue;
				if ((item = S_new(R, b, BK_ITEM, it)) == NULL ||
				    (lbl = S_new(R, item, BK_LABEL, NULL)) == NULL ||
				    (body = S_new(R, item, BK_LBODY, NULL)) == NULL)
					return;
				lbl->line = body->line = item->line;
				s = S_prop(it, "label");
				lbl->text = s ? s : xstrdup("");
				S_blocks(R, body, it);
			}
		} else if (S_is(n, "table")) {
			if ((b = S_new(R, parent, BK_TABLE, n)) == NULL)
				return;
			S_spacing(R, b, 6, incell ? 3 : 10);
			S_table(R, b);
		} else if (S_is(n, "box")) {
			if ((b = S_new(R, parent, BK_BOX, n)) == NULL)
				return;
			b->together = S_yes(n, "keep-together", 0);
			b->border = S_colour(n, "border", TS_NOCOLOUR);
			b->shade = S_colour(n, "shade", TS_NOCOLOUR);
			b->indent = S_pt(n, "indent", 0);
			b->padding = S_pt(n, "padding", 0);
			if ((s = S_prop(n, "role")) != NULL) {
				/* cairo 1.16 knows only PDF 1.7 tags: Aside is PDF 2.0, so Div. */
				b->role = strcmp(s, "Sect") == 0 ? "Sect" :
				    strcmp(s, "BlockQuote") == 0 ? "BlockQuote" :
				    strcmp(s, "Note") == 0 ? "Note" : "Div";
				free(s);
			}
			S_spacing(R, b, 6, 6);
			if ((s = S_prop(n, "side")) != NULL) {
				struct ts_blk *side = S_new(R, b, BK_SIDE, NULL);
				if (side == NULL) {
					free(s);
					return;
				}
				side->text = s;
				side->st.size = b->st.size * 0.9;
				side->st.bold = 1;
				side->st.align = 0;
			}
			S_blocks(R, b, n);
		} else if (S_is(n, "rule")) {
			if ((b = S_new(R, parent, BK_RULE, n)) == NULL)
				return;
			S_spacing(R, b, 6, 6);
		} else if (S_is(n, "page-break")) {
			if (S_new(R, parent, BK_BREAK, n) == NULL)
				return;
		} else if (S_is(n, "toc")) {
			/* The title, a paragraph before the TOC element (a TOC
			 * holds only entries), kept with the first entry. */
			s = S_prop(n, "title");
			if (s == NULL)
				s = xstrdup("Contents");
			if (s[0] != '\0') {
				if ((b = S_new(R, parent, BK_PARA, NULL)) == NULL) {
					free(s);
					return;
				}
				b->line = xmlGetLineNo(n);
				b->text = s;
				b->st.size = hsize[1];
				b->st.bold = 1;
				b->st.italic = 0;
				b->st.align = 0;
				b->before = hbefore[1];
				b->after = hafter[1];
				b->keep = 1;
			} else
				free(s);
			if ((b = S_new(R, parent, BK_TOC, n)) == NULL)
				return;
			b->level = S_int(n, "levels", 2, 6);
			S_spacing(R, b, 0, 10);
			PUSH(R->tocs, R->ntocs, R->toccap, b);
			R->doc->has_prefs = 1;
		} else if (S_is(n, "graphic")) {
			if ((b = S_new(R, parent, BK_GRAPHIC, n)) == NULL)
				return;
			S_spacing(R, b, 6, 6);
			S_graphic(R, b);
		} else if (S_is(n, "image")) {
			if ((b = S_new(R, parent, BK_IMAGE, n)) == NULL)
				return;
			S_spacing(R, b, 6, 6);
			S_image(R, b);
		}
	}
}

/* The deepest element nesting, walking without recursion. */
static int
S_too_deep(xmlNodePtr root, long *line)
{
	int depth = 0;

	for (xmlNodePtr n = root; n != NULL;) {
		if (n->type == XML_ELEMENT_NODE && depth > TS_MAX_DEPTH) {
			*line = xmlGetLineNo(n);
			return 1;
		}
		if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			depth++;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
	return 0;
}

static int
S_idcmp(const void *a, const void *b)
{
	const struct ts_blk *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static void
S_collect_ids(struct ts_doc *doc, struct ts_blk *b)
{
	for (; b != NULL; b = b->next) {
		if (b->id != NULL)
			doc->ids[doc->nids++] = b;
		S_collect_ids(doc, b->first);
	}
}

struct ts_blk *
ts_find_id(const struct ts_doc *doc, const char *id)
{
	size_t lo = 0, hi = doc->nids;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(id, doc->ids[mid]->id);

		if (c == 0)
			return doc->ids[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int
S_nodecmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(struct ts_blk *const *)a)->node;
	uintptr_t y = (uintptr_t)(*(struct ts_blk *const *)b)->node;

	return x < y ? -1 : x > y;
}

struct ts_blk *
ts_find_note(const struct ts_doc *doc, const void *node)
{
	size_t lo = 0, hi = doc->nnotes;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		uintptr_t m = (uintptr_t)doc->notes_by_node[mid]->node;

		if ((uintptr_t)node == m)
			return doc->notes_by_node[mid];
		if ((uintptr_t)node < m)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void
S_master(struct rd *R, struct ts_master *m, xmlNodePtr n)
{
	char *o = S_prop(n, "orientation");

	m->name = S_prop(n, "name");
	if (m->name == NULL)
		m->name = xstrdup("");
	m->watermark = S_prop(n, "watermark");
	/* A4 is 210 x 297 mm. */
	m->w = 210 * TS_MM;
	m->h = 297 * TS_MM;
	if (o != NULL && strcmp(o, "landscape") == 0) {
		m->w = 297 * TS_MM;
		m->h = 210 * TS_MM;
	}
	free(o);
	m->mt = S_pt(n, "margin-top-mm", 25) * TS_MM;
	m->mb = S_pt(n, "margin-bottom-mm", 25) * TS_MM;
	m->ml = S_pt(n, "margin-left-mm", 20) * TS_MM;
	m->mr = S_pt(n, "margin-right-mm", 20) * TS_MM;
	/* Margins that leave no room are an error, not a crash later. */
	if (m->ml + m->mr > m->w - 72 || m->mt + m->mb > m->h - 72) {
		diag_msg(R->d, DE_LIMIT, xmlGetLineNo(n), 0,
		    "page-master margins leave less than an inch for the text");
		R->err = 1;
	} else {
		/* A line is about 1.3 em high (leading included); a glyph at most ~1.2 em wide. */
		double h = (m->h - m->mt - m->mb) / 1.35, w = (m->w - m->ml - m->mr) / 1.25;

		if (h < R->maxsize)
			R->maxsize = h;
		if (w < R->maxsize)
			R->maxsize = w;
	}
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (S_is(c, "header")) {
			m->header = c;
			m->hrule = S_yes(c, "rule", 1);
		} else if (S_is(c, "footer")) {
			m->footer = c;
			m->frule = S_yes(c, "rule", 1);
		}
	}
}

/* Does heading B print anything: a label or words? */
static int
S_heading_shows(const struct ts_blk *b)
{
	xmlChar *t;
	int yes = b->text != NULL && b->text[0] != '\0';

	if (!yes && b->node != NULL && (t = xmlNodeGetContent(b->node)) != NULL) {
		for (const xmlChar *p = t; *p != '\0' && !yes; p++)
			yes = *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r';
		xmlFree(t);
	}
	return yes;
}

/* Every heading under B, in reading order, into *V (contents pages list none of theirs). */
static void
S_headings(struct ts_blk *b, struct ts_blk ***v, size_t *n, size_t *cap)
{
	for (; b != NULL; b = b->next) {
		if (b->kind == BK_HEADING && S_heading_shows(b))
			PUSH(*v, *n, *cap, b);
		if (b->kind != BK_TOC)
			S_headings(b->first, v, n, cap);
	}
}

/* Each contents block gets an entry for every heading down to its level. */
static void
S_fill_tocs(struct rd *R)
{
	struct ts_blk **h = NULL;
	size_t nh = 0, cap = 0;

	if (R->ntocs == 0)
		return;
	S_headings(R->doc->root, &h, &nh, &cap);
	for (size_t t = 0; t < R->ntocs && !R->toomany; t++) {
		struct ts_blk *toc = R->tocs[t];

		for (size_t i = 0; i < nh; i++) {
			struct ts_blk *e;

			if (h[i]->level > toc->level || !S_yes(h[i]->node, "toc", 1))
				continue;
			if ((e = S_new(R, toc, BK_TOCI, h[i]->node)) == NULL)
				break;
			e->line = toc->line;
			e->ref = h[i];
			e->level = h[i]->level;
			e->text = xstrdup(h[i]->text != NULL ? h[i]->text : "");
			e->st.bold = h[i]->level == 1;
			e->st.italic = 0;
			e->st.align = 0;
			e->indent = (h[i]->level - 1) * 12;
			e->after = 3;
		}
	}
	free(h);
}

int
ts_read(xmlDocPtr print, struct ts_doc *doc, struct diag *d)
{
	struct rd R;
	xmlNodePtr root = xmlDocGetRootElement(print);
	long line = 0;
	char *s;

	memset(doc, 0, sizeof(*doc));
	memset(&R, 0, sizeof(R));
	R.doc = doc;
	R.d = d;
	if (!S_is(root, "document")) {
		diag_msg(d, DF_INTERNAL, root ? xmlGetLineNo(root) : 0, 0,
		    "the print tree's root is not a print document");
		return -1;
	}
	if (S_too_deep(root, &line)) {
		diag_msg(d, DE_LIMIT, line, 0, "elements are nested more than 100 deep");
		return -1;
	}
	doc->title = S_prop(root, "title");
	doc->author = S_prop(root, "author");
	doc->subject = S_prop(root, "subject");
	doc->keywords = S_prop(root, "keywords");
	doc->date = S_prop(root, "date");
	doc->lang = S_prop(root, "lang");
	doc->watermark = S_prop(root, "watermark");
	doc->font = S_prop(root, "font");
	if (doc->font == NULL)
		doc->font = xstrdup("Liberation Sans");
	R.maxsize = 1000;
	/* Page masters come first (the schema says so): their sizes bound the fonts. */
	for (xmlNodePtr n = root->children; n != NULL; n = n->next)
		if (S_is(n, "page-master") && doc->nm < TS_MAX_MASTERS)
			S_master(&R, &doc->m[doc->nm++], n);
	doc->size = S_size(&R, root, "size", 10.5);

	if ((doc->root = S_new(&R, NULL, BK_ROOT, root)) == NULL)
		goto out;
	doc->root->st.size = doc->size;
	doc->root->st.colour = TS_NOCOLOUR;
	for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
		if (S_is(n, "flow")) {
			struct ts_blk *f = S_new(&R, doc->root, BK_FLOW, n);

			if (f == NULL)
				break;
			s = S_prop(n, "master");
			for (size_t i = 0; s != NULL && i < doc->nm; i++)
				if (strcmp(doc->m[i].name, s) == 0)
					f->master = &doc->m[i];
			if (f->master == NULL) {
				diag_msg(d, DE_UNKNOWN_REF, f->line, 0, "master",
				    s ? s : "", "a page-master");
				R.err = 1;
			}
			free(s);
			S_blocks(&R, f, n);
		}
	}
	if (doc->nm == 0) {
		diag_msg(d, DF_INTERNAL, xmlGetLineNo(root), 0, "the print tree has no page-master");
		R.err = 1;
	}
	if (R.err)
		goto out;

	/* Notes by element, for the inline walk that meets them. */
	doc->notes_by_node = xcalloc(doc->nnotes ? doc->nnotes : 1, sizeof(*doc->notes_by_node));
	if (doc->nnotes > 0) {
		memcpy(doc->notes_by_node, doc->notes, doc->nnotes * sizeof(*doc->notes));
		qsort(doc->notes_by_node, doc->nnotes, sizeof(*doc->notes_by_node), S_nodecmp);
	}

	/* Ids, then the links that name them. */
	doc->ids = xcalloc(doc->nids ? doc->nids : 1, sizeof(*doc->ids));
	doc->nids = 0;
	S_collect_ids(doc, doc->root);
	qsort(doc->ids, doc->nids, sizeof(*doc->ids), S_idcmp);
	for (size_t i = 1; i < doc->nids; i++)
		if (strcmp(doc->ids[i - 1]->id, doc->ids[i]->id) == 0) {
			diag_msg(d, DE_DUP_ID, doc->ids[i]->line, 0, doc->ids[i]->id);
			R.err = 1;
		}
	for (size_t i = 0; i < R.nlinks; i++) {
		s = S_prop(R.links[i], "href");
		if (s == NULL)
			s = xstrdup("");
		if (s[0] == '#') {
			if (ts_find_id(doc, s + 1) == NULL) {
				diag_msg(d, DE_UNKNOWN_REF, xmlGetLineNo(R.links[i]), 0,
				    "link", s, "a block of this document");
				R.err = 1;
			}
		} else if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0 &&
		    strncmp(s, "mailto:", 7) != 0) {
			diag_msg(d, DE_BAD_LINK, xmlGetLineNo(R.links[i]), 0, s);
			R.err = 1;
		}
		free(s);
	}
	for (size_t i = 0; i < R.nprefs; i++) {
		s = S_prop(R.prefs[i], "ref");
		if (s == NULL)
			s = xstrdup("");
		if (ts_find_id(doc, s) == NULL) {
			diag_msg(d, DE_UNKNOWN_REF, xmlGetLineNo(R.prefs[i]), 0,
			    "page-ref", s, "a block of this document");
			R.err = 1;
		}
		free(s);
	}
	S_fill_tocs(&R);
	if (R.toomany)
		R.err = 1;
out:
	free(R.links);
	free(R.prefs);
	free(R.tocs);
	return R.err ? -1 : 0;
}

static void
S_free_blk(struct ts_blk *b)
{
	while (b != NULL) {
		struct ts_blk *next = b->next;

		S_free_blk(b->first);
		free(b->id);
		free(b->text);
		free(b->pct);
		for (size_t i = 0; i < b->nprims; i++) {
			free(b->prims[i].pts);
			free(b->prims[i].text);
		}
		free(b->prims);
		if (b->img != NULL)
			cairo_surface_destroy(b->img);
		S_free_blk(b->thead);
		S_free_blk(b->tbody);
		for (size_t i = 0; i < b->nlinks; i++)
			free(b->links[i].uri);
		free(b->links);
		free(b->refs);
		free(b->prefs);
		free(b);
		b = next;
	}
}

void
ts_doc_free(struct ts_doc *doc)
{
	free(doc->title);
	free(doc->author);
	free(doc->subject);
	free(doc->keywords);
	free(doc->date);
	free(doc->lang);
	free(doc->watermark);
	free(doc->font);
	for (size_t i = 0; i < doc->nm; i++) {
		free(doc->m[i].name);
		free(doc->m[i].watermark);
	}
	S_free_blk(doc->root);
	free(doc->ids);
	free(doc->notes);
	free(doc->notes_by_node);
	memset(doc, 0, sizeof(*doc));
}
