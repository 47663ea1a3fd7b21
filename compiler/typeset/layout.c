/* layout.c: typesetter stage 2 — blocks into pages of positioned boxes (line breaking with pango, pagination). */
#include "typeset/layout.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Placement walks the block tree once, in document order, with a cursor
 * (page, y).  What must be known before a block is placed (will the heading
 * and what follows fit?  how tall is this keep-together box?) is measured by
 * placing into a scratch page of unbounded height ("virtual" mode) and
 * throwing the boxes away; pango layouts are cached on the blocks, so the
 * real placement reuses them.  Table rows are always built in scratch pages
 * first and then copied, whole or cut between lines, onto real pages.
 */

struct lay {
	struct ts_doc          *doc;
	PangoContext           *ctx;
	struct ts_pages        *P;
	struct diag            *d;
	struct ts_pagevec      *pv;       /* where boxes go: P->pv or a scratch vector */
	const struct ts_master *m;        /* master of the current flow */
	double                  top, bottom; /* body area of the current page */
	double                  y;        /* cursor */
	double                  pending;  /* space owed after the last block */
	int                     at_top;   /* nothing placed on this page yet */
	int                     suppress; /* drop the next block's space-before */
	int                     virt;     /* scratch placement: no page breaks */
	int                     count;    /* value of page-count (a guess before the last pass) */
	int                     err;      /* a limit was hit, or restart: stop placing */
	int                     restart;  /* the pages outgrew their number slots (S_new_page) */
	int                     may_restart; /* not the last pass: it may stop early */
	size_t                  done, total; /* flows' top-level blocks placed, and in all */
	/* footnotes */
	struct footent         *foot;     /* the current page's notes, in order */
	size_t                  nfoot, footcap;
	double                  foot_h;   /* what they take from the page's body, 0: none */
	struct footent         *carry;    /* note lines that go on at the next page's foot */
	size_t                  ncarry, carrycap;
	double                  vnotes;   /* virtual placement: height of the notes met */
	int                     foot_only; /* new pages hold only carried notes (a flow's end) */
};

/* Lines FROM..TO (exclusive) of a note, at a page's foot. */
struct footent {
	struct ts_blk *note;
	int            from, to;
	int            cont;              /* continued from an earlier page */
};

/* What virtual placement saves and restores. */
struct lstate {
	struct ts_pagevec *pv;
	double             y, bottom, pending, vnotes;
	int                at_top, suppress, virt;
};

/* A line of a layout, in points relative to the layout's top. */
struct tline {
	PangoLayoutLine *pl;
	double           x, w, y, h, base;
};

/* A position in the box lists. */
struct mark {
	size_t page, box;
};

/* Table rows built in scratch: content boxes and cell frames, y from the unit's top. */
struct unit {
	struct ts_page c, f;
	double         h;
};

static void S_place(struct lay *, struct ts_blk *, double, double);
static void S_foot_flush(struct lay *);
static void S_foot_carry(struct lay *);
static void S_table_cols(struct lay *, struct ts_blk *, double *, double *);
static double S_first_need(struct lay *, struct ts_blk *, double, double, int);

static double
S_max(double a, double b)
{
	return a > b ? a : b;
}

static void
S_reg(struct lay *L, PangoLayout *lay)
{
	struct ts_pages *P = L->P;

	if (P->nlays == P->laycap) {
		P->laycap = P->laycap ? P->laycap * 2 : 64;
		P->lays = xreallocarray(P->lays, P->laycap, sizeof(*P->lays));
	}
	P->lays[P->nlays++] = lay;
}

static struct ts_page *
S_cur(struct lay *L)
{
	return &L->pv->p[L->pv->n - 1];
}

static void
S_append(struct ts_page *pg, const struct ts_box *bx)
{
	if (pg->n == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 32;
		pg->b = xreallocarray(pg->b, pg->cap, sizeof(*pg->b));
	}
	pg->b[pg->n++] = *bx;
}

static void
S_insert(struct ts_page *pg, size_t at, const struct ts_box *bx)
{
	S_append(pg, bx);
	memmove(&pg->b[at + 1], &pg->b[at], (pg->n - 1 - at) * sizeof(*pg->b));
	pg->b[at] = *bx;
}

static void
S_add_page(struct ts_pagevec *pv, const struct ts_master *m)
{
	if (pv->n == pv->cap) {
		pv->cap = pv->cap ? pv->cap * 2 : 8;
		pv->p = xreallocarray(pv->p, pv->cap, sizeof(*pv->p));
	}
	memset(&pv->p[pv->n], 0, sizeof(pv->p[0]));
	pv->p[pv->n++].m = m;
}

static void
S_pv_free(struct ts_pagevec *pv)
{
	for (size_t i = 0; i < pv->n; i++)
		free(pv->p[i].b);
	free(pv->p);
	memset(pv, 0, sizeof(*pv));
}

/* 10 to the power N, for N a page number's digits (at most 9). */
static size_t
S_pow10(int n)
{
	size_t v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

/* How many figures N has. */
static int
S_digits(size_t n)
{
	int digits = 1;

	for (; n >= 10; n /= 10)
		digits++;
	return digits;
}

static void
S_new_page(struct lay *L)
{
	if (L->virt)
		return;
	if (L->pv->n > 0) {
		S_cur(L)->used = L->y;
		S_foot_flush(L);
	}
	if (L->pv->n >= TS_MAX_PAGES) {
		if (!L->err)
			diag_msg(L->d, DE_LIMIT, 0, 0, "the document would have more than 10000 pages");
		L->err = 1;
		return;
	}
	/* The next page's number does not fit the contents' and page-refs'
	 * slots: the whole document is laid out again with wider ones
	 * (ts_layout), so stop here rather than lay out the rest for nothing.
	 * Finishing this pass first made a document of 100 pages or more cost
	 * two whole layouts, a step in its time at 100 pages (bench/). */
	if (L->doc->has_prefs && L->may_restart && L->pv->n + 1 >= S_pow10(L->doc->ref_digits)) {
		L->restart = L->err = 1;
		return;
	}
	S_add_page(L->pv, L->m);
	L->top = L->m->mt;
	L->bottom = L->m->h - L->m->mb;
	L->y = L->top;
	L->at_top = 1;
	L->suppress = 0;
	L->pending = 0;
	S_foot_carry(L);
}

static void
S_virt_begin(struct lay *L, struct lstate *s, struct ts_pagevec *scratch, double y0)
{
	s->pv = L->pv;
	s->y = L->y;
	s->bottom = L->bottom;
	s->pending = L->pending;
	s->vnotes = L->vnotes;
	s->at_top = L->at_top;
	s->suppress = L->suppress;
	s->virt = L->virt;
	memset(scratch, 0, sizeof(*scratch));
	S_add_page(scratch, L->m);
	L->pv = scratch;
	L->virt = 1;
	L->bottom = 1e12;
	L->y = y0;
	L->at_top = 0;
	L->suppress = 1;
	L->pending = 0;
	L->vnotes = 0;
}

static void
S_virt_end(struct lay *L, const struct lstate *s)
{
	L->pv = s->pv;
	L->y = s->y;
	L->bottom = s->bottom;
	L->pending = s->pending;
	L->vnotes = s->vnotes;
	L->at_top = s->at_top;
	L->suppress = s->suppress;
	L->virt = s->virt;
}

/* The space before block B, collapsed with what the last block left. */
static double
S_gap(struct lay *L, const struct ts_blk *b)
{
	double g;

	if (L->at_top || L->suppress) {
		L->suppress = 0;
		L->pending = 0;
		return 0;
	}
	g = S_max(L->pending, b->before);
	L->pending = 0;
	return g;
}

/* ------------------------------------------------------------ text */

static struct tline *
S_lines(PangoLayout *lay, int *n)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	int cap = pango_layout_get_line_count(lay), i = 0;
	struct tline *t = xcalloc(cap ? cap : 1, sizeof(*t));
	PangoRectangle log;

	do {
		if (i == cap)
			break;
		t[i].pl = pango_layout_iter_get_line_readonly(it);
		pango_layout_iter_get_line_extents(it, NULL, &log);
		t[i].x = (double)log.x / PANGO_SCALE;
		t[i].w = (double)log.width / PANGO_SCALE;
		t[i].y = (double)log.y / PANGO_SCALE;
		t[i].h = (double)log.height / PANGO_SCALE;
		t[i].base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	/* A line owns the spacing below it, the last one too, so that a
	 * paragraph cut between pages has the same height as a whole one. */
	for (int j = 0; j + 1 < i; j++)
		if (t[j + 1].y > t[j].y)
			t[j].h = t[j + 1].y - t[j].y;
	if (i > 0)
		t[i - 1].h += (double)pango_layout_get_spacing(lay) / PANGO_SCALE;
	*n = i;
	return t;
}

/*
 * The columns of contents block T: the widest label (and a gap), so that
 * the entries' words line up; and the page numbers' slot, as wide as the
 * numbers can be (doc->ref_digits figures), with the least room for the
 * dot leaders.  The numbers and leaders are drawn after pagination.
 */
static struct ts_blk *
S_toc_geom(struct lay *L, struct ts_blk *t)
{
	PangoRectangle log;
	PangoLayout *lay;
	char digits[16];

	if (t->toc_hang > 0)
		return t;
	t->toc_hang = 1;
	for (struct ts_blk *e = t->first; e != NULL; e = e->next) {
		if (e->text == NULL || e->text[0] == '\0')
			continue;
		lay = ts_inline_layout(L->ctx, L->doc, NULL, &e->st, NULL, e->text, NULL, 0, 0);
		pango_layout_set_width(lay, -1);
		pango_layout_get_extents(lay, NULL, &log);
		t->toc_hang = S_max(t->toc_hang, (double)log.width / PANGO_SCALE + 8);
		g_object_unref(lay);
	}
	/*
	 * An entry with no label under labelled ones ("Introduction" under
	 * "SECTION TWO  Background") starts where their words start.
	 */
	if (t->toc_hang > 1)
		for (struct ts_blk *e = t->first; e != NULL; e = e->next)
			if (e->level > 1 && (e->text == NULL || e->text[0] == '\0'))
				e->indent = t->toc_hang + (e->level - 2) * 12;
	snprintf(digits, sizeof(digits), "%0*d", L->doc->ref_digits > 0 && L->doc->ref_digits < 10 ?
	    L->doc->ref_digits : 1, 0);
	lay = ts_inline_layout(L->ctx, L->doc, NULL, &t->st, NULL, digits, NULL, 0, 0);
	pango_layout_set_width(lay, -1);
	pango_layout_get_extents(lay, NULL, &log);
	t->toc_slot = (double)log.width / PANGO_SCALE * 1.1 + 18;
	g_object_unref(lay);
	return t;
}

/* How far the widest line of LAY reaches past WIDTH points (0 if none does). */
static double
S_overflow(PangoLayout *lay, double width)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	PangoRectangle log;
	double over = 0;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &log);
		over = S_max(over, (double)(log.x + log.width) / PANGO_SCALE - width);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return over > 0.01 ? over : 0;
}

/*
 * Pango 1.50 sometimes justifies a line broken at a soft hyphen to the
 * full width and then adds the hyphen, which then sticks out past the
 * column by its own width.  Such a paragraph is set narrower by that
 * much, so that the hyphen hangs at most to the column's edge; failing
 * that (twice), it is set without hyphenation.  LAY is at WIDTH; returns
 * the layout to use (LAY or its replacement).
 */
static PangoLayout *
S_hyph_fit(struct lay *L, struct ts_blk *b, PangoLayout *lay, double width)
{
	double over, w = width;

	for (int tries = 0; tries < 2 && (over = S_overflow(lay, width)) > 0; tries++) {
		w -= over;
		if (w < 1)
			break;
		pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
	}
	if (S_overflow(lay, width) > 0) {
		void *hyph = L->doc->hyph;

		g_object_unref(lay);
		L->doc->hyph = NULL;
		lay = ts_inline_layout(L->ctx, L->doc, b, &b->st, b->node, NULL, NULL,
		    (int)L->P->pv.n, L->count);
		L->doc->hyph = hyph;
		pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
	}
	return lay;
}

/* A text block's layout at WIDTH points, cached on the block. */
static PangoLayout *
S_text_layout(struct lay *L, struct ts_blk *b, double width)
{
	PangoLayout *lay;
	xmlNodePtr node = NULL;

	if (width < 1)
		width = 1;
	if (b->lay != NULL && !b->dynamic && fabs(b->lay_w - width) < 1e-6)
		return b->lay;
	if (b->kind == BK_HEADING || b->kind == BK_PARA || b->kind == BK_CAPTION)
		node = b->node;
	if (b->kind == BK_TOCI)
		lay = ts_toc_layout(L->ctx, L->doc, b, S_toc_geom(L, b->parent)->toc_hang);
	else
		lay = ts_inline_layout(L->ctx, L->doc, b, &b->st, node,
		    node ? NULL : b->text, NULL, (int)L->P->pv.n, L->count);
	pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
	if (b->kind == BK_PARA && b->st.align == 3 && L->doc->hyph != NULL)
		lay = S_hyph_fit(L, b, lay, width);
	S_reg(L, lay);
	b->lay = lay;
	b->lay_w = width;
	return lay;
}

/* A heading label's layout (unwrapped) and the hanging column it needs. */
static PangoLayout *
S_label_layout(struct lay *L, struct ts_blk *b, double w, double *hang)
{
	PangoRectangle log;

	*hang = 0;
	if (b->kind != BK_HEADING || b->text == NULL || b->text[0] == '\0')
		return NULL;
	if (b->lay2 == NULL) {
		/* The en space keeps label and text apart in extracted text. */
		b->lay2 = ts_inline_layout(L->ctx, L->doc, NULL, &b->st, NULL, b->text,
		    "\xe2\x80\x82", 0, 0);
		pango_layout_set_width(b->lay2, -1);
		S_reg(L, b->lay2);
	}
	pango_layout_set_width(b->lay2, -1);
	pango_layout_get_extents(b->lay2, NULL, &log);
	*hang = S_max(TS_HANG, (double)log.width / PANGO_SCALE + 8);
	if (*hang > w / 2) {
		/* A label wider than half the column wraps in its column
		 * rather than run into the heading's text. */
		*hang = w / 2;
		pango_layout_set_width(b->lay2, (int)((*hang - 8 > 1 ? *hang - 8 : 1) * PANGO_SCALE));
	}
	return b->lay2;
}

/* Indent and hanging column of a text block placed in a column W wide. */
static PangoLayout *
S_text_prepare(struct lay *L, struct ts_blk *b, double w, double *ind, double *hang,
    PangoLayout **lab)
{
	double slot = b->kind == BK_TOCI ? S_toc_geom(L, b->parent)->toc_slot : 0;

	*ind = b->indent;
	if (*ind > w - 36 - slot)
		*ind = w > 36 + slot ? w - 36 - slot : 0;
	*lab = S_label_layout(L, b, w - *ind, hang);
	return S_text_layout(L, b, w - *ind - *hang - slot);
}

static void
S_line_box(struct ts_box *bx, enum ts_boxkind k, struct ts_blk *b, PangoLayout *lay,
    const struct tline *t, double x, double y)
{
	memset(bx, 0, sizeof(*bx));
	bx->kind = k;
	bx->x = x + t->x;
	bx->y = y;
	bx->w = t->w;
	bx->h = t->h;
	bx->base = y + (t->base - t->y);
	bx->lay = lay;
	bx->pl = t->pl;
	bx->blk = b;
	bx->colour = b ? b->st.colour : TS_NOCOLOUR;
}

/* ------------------------------------------------------------ footnotes */

/*
 * A line that refers to a footnote goes on a page only with its note at
 * the page's foot: the note's height counts against the page's body as the
 * line is fitted, and once placed the note shrinks the body (L->bottom).
 * The notes of a page are set when the page is finished, from the foot up,
 * under a short rule.  A note that cannot fit even under a line at the top
 * of a page is cut, and its rest goes on at the next page's foot.
 */
#define FOOT_ABOVE   8.0    /* between the body and the rule */
#define FOOT_RULE    0.5    /* the rule's thickness */
#define FOOT_BELOW   3.0    /* between the rule and the first note */
#define FOOT_SEP     (FOOT_ABOVE + FOOT_RULE + FOOT_BELOW)
#define NOTE_GAP     2.0    /* between two notes */
#define FOOT_RULE_W  72.0   /* the rule's length */

static void S_frame(struct ts_page *, enum ts_boxkind, double, double, double, double,
    long, double, struct ts_blk *);

/*
 * NOTE's layout at the foot of a page of master M, the width of its body;
 * its height goes in note->h.  Made once a pass: a note's lines must stay
 * the ones counted when its reference was placed.
 */
static PangoLayout *
S_note_layout(struct lay *L, struct ts_blk *note, const struct ts_master *m)
{
	double w = m->w - m->ml - m->mr, hang;
	struct tline *t;
	int n, digits = 1;

	if (note->lay != NULL && fabs(note->lay_w - w) < 1e-6)
		return note->lay;
	/* The number's column fits the document's widest number or mark, so
	 * that the notes' text lines up on every page. */
	for (size_t k = 0; k < L->doc->nnotes; k++) {
		int len = (int)g_utf8_strlen(L->doc->notes[k]->text, -1);

		if (len > digits)
			digits = len;
	}
	hang = note->st.size * (0.556 * digits + 0.6);
	note->lay = ts_note_layout(L->ctx, L->doc, note, hang, (int)L->P->pv.n, L->count);
	pango_layout_set_width(note->lay, (int)(w * PANGO_SCALE));
	S_reg(L, note->lay);
	note->lay_w = w;
	t = S_lines(note->lay, &n);
	note->h = 0;
	for (int i = 0; i < n; i++)
		note->h += t[i].h;
	free(t);
	return note->lay;
}

/* The index of B's first note reference at or after byte OFF. */
static size_t
S_ref_at(const struct ts_blk *b, unsigned off)
{
	size_t lo = 0, hi = b->nrefs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (b->refs[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * What the notes referred to in bytes START..END of B's text add to a
 * page's foot: each note and the gap before it, and the rule above them
 * all unless HAVE (the page has notes already).
 */
static double
S_notes_h(struct lay *L, const struct ts_blk *b, unsigned start, unsigned end, int have)
{
	double h = 0;

	for (size_t i = S_ref_at(b, start); i < b->nrefs && b->refs[i].off < end; i++) {
		S_note_layout(L, b->refs[i].note, L->m);
		h += b->refs[i].note->h + NOTE_GAP;
	}
	if (h > 0 && !have)
		h += FOOT_SEP - NOTE_GAP;
	return h;
}

/* The same for the line PL of B's text layout; 0 in scratch placement, which has no foot. */
static double
S_line_notes_h(struct lay *L, const struct ts_blk *b, const PangoLayoutLine *pl, int have)
{
	if (L->virt || b == NULL || b->nrefs == 0)
		return 0;
	return S_notes_h(L, b, (unsigned)pl->start_index,
	    (unsigned)(pl->start_index + pl->length), have);
}

static void
S_foot_append(struct footent **v, size_t *n, size_t *cap, struct ts_blk *note, int from,
    int to, int cont)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[*n].note = note;
	(*v)[*n].from = from;
	(*v)[*n].to = to;
	(*v)[(*n)++].cont = cont;
}

/*
 * Lines FROM.. of NOTE at the current page's foot, as many as fit in ROOM
 * (CONT: lines carried from an earlier page, of which at least one is
 * set, so that a long note always gets on); the rest go on at the next
 * page's foot.
 */
static void
S_foot_put(struct lay *L, struct ts_blk *note, int from, int cont, double room)
{
	PangoLayout *lay = S_note_layout(L, note, L->m);
	double h = L->nfoot > 0 ? NOTE_GAP : FOOT_SEP;
	struct tline *t;
	int n, k = from;

	t = S_lines(lay, &n);
	while (k < n && h + t[k].h <= room + 0.01)
		h += t[k++].h;
	if (cont && k == from && k < n)
		h += t[k++].h;
	if (k > from) {
		S_foot_append(&L->foot, &L->nfoot, &L->footcap, note, from, k, cont);
		L->foot_h += h;
		L->bottom -= h;
	}
	if (k < n)
		S_foot_append(&L->carry, &L->ncarry, &L->carrycap, note, k, n, 1);
	free(t);
}

/*
 * The notes referred to in line PL of B's text layout (never its label's)
 * go to the current page's foot; scratch placement only counts them.
 */
static void
S_line_notes(struct lay *L, struct ts_blk *b, const PangoLayoutLine *pl)
{
	unsigned s, e;

	if (b == NULL || b->nrefs == 0 || pl == NULL)
		return;
	s = (unsigned)pl->start_index;
	e = s + (unsigned)pl->length;
	for (size_t i = S_ref_at(b, s); i < b->nrefs && b->refs[i].off < e; i++) {
		struct ts_blk *note = b->refs[i].note;

		if (L->virt) {
			S_note_layout(L, note, L->m);
			L->vnotes += note->h + NOTE_GAP;
		} else if (L->ncarry > 0)
			/* behind notes still to be finished: keep them in order */
			S_foot_append(&L->carry, &L->ncarry, &L->carrycap, note, 0, 0, 1);
		else
			S_foot_put(L, note, 0, 0, L->bottom - L->y);
	}
}

/*
 * A new page: first the note lines carried to it, in at most half its
 * body while the flow's own text goes on.
 */
static void
S_foot_carry(struct lay *L)
{
	struct footent *c = L->carry;
	size_t n = L->ncarry;
	double half = (L->bottom - L->top) / (L->foot_only ? 1 : 2);
	int full = 0;

	if (n == 0)
		return;
	L->carry = NULL;
	L->ncarry = L->carrycap = 0;
	for (size_t i = 0; i < n; i++) {
		size_t before = L->ncarry;

		if (full)
			S_foot_append(&L->carry, &L->ncarry, &L->carrycap, c[i].note, c[i].from, 0, 1);
		else {
			S_foot_put(L, c[i].note, c[i].from, 1, half - L->foot_h);
			full = L->ncarry > before;
		}
	}
	free(c);
}

/* The current page is finished: set its notes, from the foot of its body up. */
static void
S_foot_flush(struct lay *L)
{
	struct ts_page *pg;
	const struct ts_master *m;
	struct ts_box bx;
	double y;

	if (L->virt || L->nfoot == 0)
		return;
	pg = S_cur(L);
	m = pg->m;
	y = m->h - m->mb - L->foot_h;
	S_frame(pg, TB_RULE, m->ml, y + FOOT_ABOVE, FOOT_RULE_W, FOOT_RULE, 0x999999, 0, NULL);
	y += FOOT_SEP;
	for (size_t i = 0; i < L->nfoot; i++) {
		const struct footent *f = &L->foot[i];
		PangoLayout *lay = S_note_layout(L, f->note, m);
		struct tline *t;
		int n;

		if (i > 0)
			y += NOTE_GAP;
		t = S_lines(lay, &n);
		for (int j = f->from; j < f->to && j < n; j++) {
			S_line_box(&bx, TB_TEXT, f->note, lay, &t[j], m->ml, y);
			bx.cont = f->cont;
			S_append(pg, &bx);
			y += t[j].h;
		}
		free(t);
	}
	L->nfoot = 0;
	L->foot_h = 0;
}

/* The end of a flow: the notes still carried get pages of their own, then the last page's notes are set. */
static void
S_foot_end(struct lay *L)
{
	L->foot_only = 1;
	while (L->ncarry > 0 && !L->err)
		S_new_page(L);
	L->foot_only = 0;
	S_foot_flush(L);
	L->ncarry = 0;
}

/* The block after B in reading order, for keep-with-next; NULL at a flow's or cell's end. */
static struct ts_blk *
S_next(struct ts_blk *b)
{
	for (; b != NULL; b = b->parent) {
		if (b->next != NULL)
			return b->next;
		if (b->parent == NULL)
			return NULL;
		switch (b->parent->kind) {
		case BK_LBODY:
		case BK_ITEM:
		case BK_LIST:
		case BK_BOX:
			break;
		default:
			return NULL;
		}
	}
	return NULL;
}

/* Height that must follow B on its page: the gap and the first unbreakable part of the next block. */
static double
S_after_need(struct lay *L, struct ts_blk *b, double x, double w, int depth)
{
	struct ts_blk *n = S_next(b);

	if (n == NULL || n->kind == BK_BREAK)
		return 0;
	return S_max(b->after, n->before) + S_first_need(L, n, x, w, depth + 1);
}

static void
S_place_text(struct lay *L, struct ts_blk *b, double x, double w)
{
	PangoLayout *lay, *lab;
	struct tline *t, *lt = NULL;
	struct ts_box bx;
	double ind, hang, gap, total = 0, lbottom = 0;
	int n, nl = 0, i = 0;

	lay = S_text_prepare(L, b, w, &ind, &hang, &lab);
	t = S_lines(lay, &n);
	if (lab != NULL)
		lt = S_lines(lab, &nl);
	for (int j = 0; j < n; j++)
		total += t[j].h;
	if (nl > 1) {
		double ltotal = 0;

		for (int j = 0; j < nl; j++)
			ltotal += lt[j].h;
		total = S_max(total, ltotal);
	}
	gap = S_gap(L, b);
	/* Keep with next (always for headings): move to the next page
	 * rather than end the page with this block. */
	if (b->keep && !L->at_top && !L->virt) {
		double need = gap + total + S_after_need(L, b, x, w, 0) +
		    S_notes_h(L, b, 0, UINT_MAX, L->nfoot > 0);

		if (L->y + need > L->bottom && need - gap <= L->bottom - L->top) {
			S_new_page(L);
			gap = 0;
		}
	}
	L->y += gap;
	while (i < n && !L->err) {
		double avail = L->bottom - L->y, hsum = 0, nsum = 0, y0 = t[i].y;
		int k = 0, take;

		/* A line fits with the notes it refers to, or not at all. */
		while (i + k < n) {
			double nh = S_line_notes_h(L, b, t[i + k].pl, L->nfoot > 0 || nsum > 0);

			if (hsum + nsum + t[i + k].h + nh > avail + 0.01)
				break;
			hsum += t[i + k++].h;
			nsum += nh;
		}
		if (k >= n - i)
			take = n - i;
		else if (b->kind != BK_PARA)
			take = 0;
		else {
			/* Widows and orphans: at least two lines on each side. */
			take = k < n - i - 2 ? k : n - i - 2;
			if (take < 2)
				take = 0;
		}
		if (take == 0) {
			if (!L->at_top) {
				S_new_page(L);
				continue;
			}
			take = k > 0 ? k : 1;   /* taller than a page: go on anyway */
		}
		for (int j = i; j < i + take; j++) {
			double ly = L->y + t[j].y - y0;

			if (j == 0 && lt != NULL && nl > 0) {
				/* The label's lines, its first on the text's first baseline. */
				double lbase = ly + (t[0].base - t[0].y);

				for (int q = 0; q < nl; q++) {
					double qy = lbase - (lt[0].base - lt[0].y) + (lt[q].y - lt[0].y);

					S_line_box(&bx, TB_TEXT, b, lab, &lt[q], x + ind, qy);
					S_append(S_cur(L), &bx);
					lbottom = qy + lt[q].h;
				}
			}
			S_line_box(&bx, TB_TEXT, b, lay, &t[j], x + ind + hang, ly);
			bx.right = x + w;
			S_append(S_cur(L), &bx);
		}
		L->y += t[i + take - 1].y + t[i + take - 1].h - y0;
		if (i == 0 && lbottom > L->y)
			L->y = lbottom;
		for (int j = i; j < i + take; j++)
			S_line_notes(L, b, t[j].pl);
		L->at_top = 0;
		i += take;
		if (i < n)
			S_new_page(L);
	}
	L->pending = b->after;
	free(t);
	free(lt);
}

/*
 * Put the lines of text block B (a list label, a box's side note) in a
 * column at X, W wide, on the baseline of the first body line placed since
 * MARK; they go before that line so that the tags come in reading order.
 * Lines that would go below the page's body go on at the top of the next
 * page (a new one if the body text ended first).  Returns the bottom of
 * the last line if it is on the current page, else 0.
 */
static double
S_put_beside(struct lay *L, struct ts_blk *b, struct mark mk, double x, double w)
{
	PangoLayout *lay = S_text_layout(L, b, w);
	struct tline *t;
	struct ts_box bx;
	size_t pi, bi = 0;
	double base, top, bottom = 0, shift = 0;
	int n, found = 0;

	t = S_lines(lay, &n);
	for (pi = mk.page; pi < L->pv->n && !found; pi++) {
		struct ts_page *pg = &L->pv->p[pi];

		for (bi = pi == mk.page ? mk.box : 0; bi < pg->n; bi++)
			if (pg->b[bi].kind == TB_TEXT &&
			    (pg->b[bi].blk == NULL || pg->b[bi].blk->kind != BK_NOTE)) {
				found = 1;
				break;
			}
		if (found)
			break;
	}
	if (!found) {
		pi = L->pv->n - 1;
		bi = L->pv->p[pi].n;
		base = L->y + (n > 0 ? t[0].base - t[0].y : 0);
	} else
		base = L->pv->p[pi].b[bi].base;
	top = n > 0 ? base - (t[0].base - t[0].y) : base;
	for (int j = 0; j < n && !L->err; j++) {
		double ly = top + (t[j].y - t[0].y) - shift;
		const struct ts_master *m = L->pv->p[pi].m;

		if (j > 0 && !L->virt && ly + t[j].h > m->h - m->mb + 0.01) {
			if (pi + 1 == L->pv->n) {
				if (bottom > L->y)
					L->y = bottom;   /* the page's used height */
				S_new_page(L);
				if (L->err)
					break;
			}
			pi++;
			bi = 0;
			m = L->pv->p[pi].m;
			shift += ly - m->mt;
			ly = m->mt;
		}
		S_line_box(&bx, TB_TEXT, b, lay, &t[j], x, ly);
		S_insert(&L->pv->p[pi], bi++, &bx);
		bottom = ly + t[j].h;
		/* A box's frame on a page it left reaches down to what it used. */
		if (pi + 1 < L->pv->n && bottom > L->pv->p[pi].used)
			L->pv->p[pi].used = bottom;
	}
	if (pi == L->pv->n - 1 && bottom > L->y) {
		L->y = bottom;
		L->at_top = 0;
	}
	free(t);
	return pi == L->pv->n - 1 ? bottom : 0;
}

static struct mark
S_mark(struct lay *L)
{
	struct mark mk = { L->pv->n - 1, L->pv->p[L->pv->n - 1].n };

	return mk;
}

/* ------------------------------------------------------------ lists, boxes, rules */

/* Gap between a list's labels and its items' text. */
#define LABEL_GAP 4.0

/* The least width of a list's entries, while labels can give way (S_label_col). */
#define LIST_MIN_BODY 72.0

/*
 * The width of list B's label column in a column W wide: label-width, or
 * more if a label would not fit, but at most half the column (the label
 * wraps then).
 */
static double
S_label_col(struct lay *L, struct ts_blk *b, double w)
{
	double lw;

	/* Measured once: keep-with-next asks for every item of a long list. */
	if (b->label_need == 0) {
		b->label_need = LABEL_GAP;
		for (struct ts_blk *it = b->first; it != NULL; it = it->next) {
			PangoLayout *lay = ts_inline_layout(L->ctx, L->doc, NULL, &it->first->st,
			    NULL, it->first->text, NULL, 0, 0);
			PangoRectangle log;

			pango_layout_set_width(lay, -1);
			pango_layout_get_extents(lay, NULL, &log);
			b->label_need = S_max(b->label_need,
			    (double)log.width / PANGO_SCALE + LABEL_GAP);
			g_object_unref(lay);
		}
	}
	lw = S_max(b->label_w, b->label_need);
	if (lw > w / 2)
		lw = w / 2;
	/*
	 * Halving the column at every level, lists nested six deep with long
	 * labels left their entries a point or two and set them past the
	 * page's edge: where the entries would get less than an inch, the
	 * labels give way, down to a quarter of the column.
	 */
	if (w - lw < LIST_MIN_BODY && lw > w / 4)
		lw = S_max(w / 4, w - LIST_MIN_BODY);
	return lw;
}

static void
S_place_list(struct lay *L, struct ts_blk *b, double x, double w)
{
	double lw = S_label_col(L, b, w), sb;

	if (!L->at_top && !L->suppress)
		L->pending = S_max(L->pending, b->before);
	for (struct ts_blk *it = b->first; it != NULL && !L->err; it = it->next) {
		struct ts_blk *lbl = it->first, *body = lbl->next;
		struct mark mk;

		mk = S_mark(L);
		for (struct ts_blk *c = body->first; c != NULL; c = c->next)
			S_place(L, c, x + lw, w - lw);
		if (L->err)
			return;
		sb = S_put_beside(L, lbl, mk, x, lw - LABEL_GAP > 1 ? lw - LABEL_GAP : 1);
		if (sb > L->y)
			L->y = sb;
	}
	L->pending = S_max(L->pending, b->after);
}

/* Height of B placed in a column at X, W wide, from the top of an empty page. */
static double
S_measure(struct lay *L, struct ts_blk *b, double x, double w)
{
	struct lstate s;
	struct ts_pagevec sc;
	double h;

	S_virt_begin(L, &s, &sc, 0);
	S_place(L, b, x, w);
	/* with the notes it refers to, which need room on the same page */
	h = L->y + (L->vnotes > 0 ? L->vnotes + FOOT_SEP - NOTE_GAP : 0);
	S_virt_end(L, &s);
	S_pv_free(&sc);
	return h;
}

static void
S_frame(struct ts_page *pg, enum ts_boxkind k, double x, double y, double w, double h,
    long colour, double lw, struct ts_blk *b)
{
	struct ts_box bx;

	memset(&bx, 0, sizeof(bx));
	bx.kind = k;
	bx.x = x;
	bx.y = y;
	bx.w = w;
	bx.h = h;
	bx.colour = colour;
	bx.lw = lw;
	bx.blk = b;
	S_append(pg, &bx);
}

static double
S_box_pad(const struct ts_blk *b)
{
	/* A frame with no padding would put text on its lines. */
	if ((b->border != TS_NOCOLOUR || b->shade != TS_NOCOLOUR) && b->padding < 3)
		return 3;
	return b->padding;
}

static void
S_place_box(struct lay *L, struct ts_blk *b, double x, double w)
{
	struct ts_blk *side = b->first && b->first->kind == BK_SIDE ? b->first : NULL;
	int framed = b->border != TS_NOCOLOUR || b->shade != TS_NOCOLOUR;
	double ind = b->indent, pad = S_box_pad(b), gap, sy, sb = 0, ix, iw;
	size_t sp, ep;
	struct mark mk;

	if (ind > w - 72)
		ind = w > 72 ? w - 72 : 0;
	x += ind;
	w -= ind;
	if (pad > w / 4)
		pad = w / 4;
	gap = S_gap(L, b);
	if (b->together && !L->at_top && !L->virt) {
		double h = S_measure(L, b, x, w);

		if (L->y + gap + h > L->bottom && h <= L->bottom - L->top) {
			S_new_page(L);
			gap = 0;
		}
	}
	L->y += gap;
	sp = L->pv->n - 1;
	sy = L->y;
	L->y += pad;
	if (pad > 0 || framed)
		L->suppress = 1;
	ix = x + pad;
	iw = w - 2 * pad - (side ? TS_SIDE_W : 0);
	if (iw < 36)
		iw = 36;
	mk = S_mark(L);
	for (struct ts_blk *c = side ? side->next : b->first; c != NULL && !L->err; c = c->next)
		S_place(L, c, ix, iw);
	/* A clear gap: with less, a full last line reads as if it ran on
	 * into the owner's initials. */
	if (side != NULL && !L->err)
		sb = S_put_beside(L, side, mk, ix + iw + TS_SIDE_GAP, TS_SIDE_W - TS_SIDE_GAP);
	if (sb > L->y)
		L->y = sb;
	L->y += pad;
	L->suppress = 0;
	if (pad > 0 || framed)
		L->pending = b->after;
	else
		L->pending = S_max(L->pending, b->after);
	ep = L->pv->n - 1;
	if (!framed)
		return;
	for (size_t p = sp; p <= ep; p++) {
		struct ts_page *pg = &L->pv->p[p];
		double top = p == sp ? sy : pg->m->mt;
		double bot = p == ep ? L->y : pg->used;

		if (bot <= top)
			continue;
		if (b->shade != TS_NOCOLOUR)
			S_frame(pg, TB_FILL, x, top, w, bot - top, b->shade, 0, b);
		if (b->border != TS_NOCOLOUR)
			S_frame(pg, TB_FRAME, x, top, w, bot - top, b->border, 0.75, b);
		/* In a shaded or framed box the side column is set off by a
		 * thin rule down the middle of the gap, as a column of its own. */
		if (side != NULL)
			S_frame(pg, TB_RULE, ix + iw + TS_SIDE_GAP / 2 - 0.25, top + pad / 2, 0.5,
			    bot - top - pad, 0xa6a6a6, 0, b);
	}
	L->at_top = 0;
}

static void
S_place_rule(struct lay *L, struct ts_blk *b, double x, double w)
{
	double gap = S_gap(L, b);

	if (!L->at_top && L->y + gap + 1 > L->bottom) {
		S_new_page(L);
		gap = 0;
	}
	L->y += gap;
	S_frame(S_cur(L), TB_RULE, x, L->y, w, 0.5, 0x999999, 0, b);
	L->y += 0.5;
	L->at_top = 0;
	L->pending = b->after;
}

/* ------------------------------------------------------------ graphics and images */

/*
 * The size graphic or image B is drawn at in a column W wide: as given, or scaled
 * down uniformly to the column's width and to a page's body height, so
 * that it fits on one page.  Returns the scale.
 */
static double
S_graphic_size(struct lay *L, const struct ts_blk *b, double w, double *gw, double *gh)
{
	double s = 1, body = L->m->h - L->m->mt - L->m->mb;

	if (b->gw > w && b->gw > 0)
		s = w / b->gw;
	if (b->gh * s > body && b->gh > 0)
		s = body / b->gh;
	*gw = b->gw * s;
	*gh = b->gh * s;
	return s;
}

/*
 * The layouts of a graphic's text, made once.  Charts measure their text
 * with Helvetica's widths (chart.c), so it is set in Liberation Sans,
 * metric-compatible, whatever the document's font.
 */
static void
S_graphic_text(struct lay *L, struct ts_blk *b)
{
	for (size_t i = 0; i < b->nprims; i++) {
		struct ts_prim *p = &b->prims[i];
		PangoFontDescription *fd;

		if (p->k != TP_TEXT || p->lay != NULL)
			continue;
		p->lay = pango_layout_new(L->ctx);
		fd = ts_font_desc("Liberation Sans", p->size, p->bold, 0);
		pango_layout_set_font_description(p->lay, fd);
		pango_font_description_free(fd);
		pango_layout_set_text(p->lay, p->text, -1);
		pango_layout_set_width(p->lay, -1);
		S_reg(L, p->lay);
	}
}

static void
S_place_graphic(struct lay *L, struct ts_blk *b, double x, double w)
{
	struct ts_box bx;
	double gw, gh, scale = S_graphic_size(L, b, w, &gw, &gh), gap = S_gap(L, b);

	S_graphic_text(L, b);
	/* Never cut: on to the next page if it does not fit here (with
	 * what it is kept with). */
	if (!L->at_top && !L->virt) {
		double need = gap + gh + (b->keep ? S_after_need(L, b, x, w, 0) : 0);

		if (L->y + need > L->bottom && need - gap <= L->bottom - L->top) {
			S_new_page(L);
			gap = 0;
		} else if (L->y + gap + gh > L->bottom) {
			S_new_page(L);
			gap = 0;
		}
	}
	if (L->err)
		return;
	L->y += gap;
	memset(&bx, 0, sizeof(bx));
	bx.kind = TB_GRAPHIC;
	bx.x = x;
	/* An image may be set right or centred in a column wider than it. */
	if (b->kind == BK_IMAGE && b->st.align == 1)
		bx.x = x + w - gw;
	else if (b->kind == BK_IMAGE && b->st.align == 2)
		bx.x = x + (w - gw) / 2;
	bx.y = L->y;
	bx.w = gw;
	bx.h = gh;
	bx.scale = scale;
	bx.blk = b;
	bx.colour = TS_NOCOLOUR;
	S_append(S_cur(L), &bx);
	L->y += gh;
	L->at_top = 0;
	L->pending = b->after;
}

/* ------------------------------------------------------------ tables */

/* Minimum (widest word) and maximum (unbroken) width of B's content. */
static void
S_minmax(struct lay *L, struct ts_blk *b, double *mn, double *mx)
{
	*mn = *mx = 0;
	switch (b->kind) {
	case BK_HEADING:
	case BK_PARA:
	case BK_CAPTION: {
		PangoLayout *lay = ts_inline_layout(L->ctx, L->doc, NULL, &b->st, b->node,
		    b->node == NULL ? b->text : NULL, NULL, (int)L->P->pv.n, L->count);
		PangoLayoutIter *it;
		PangoRectangle log;
		double hang = 0, extra = b->indent;

		S_label_layout(L, b, 1e6, &hang);
		extra += hang;
		pango_layout_set_width(lay, -1);
		pango_layout_get_extents(lay, NULL, &log);
		*mx = (double)log.width / PANGO_SCALE + extra;
		/* Narrowest possible: every word on its own line. */
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
		pango_layout_set_width(lay, 1);
		it = pango_layout_get_iter(lay);
		do {
			pango_layout_iter_get_line_extents(it, NULL, &log);
			*mn = S_max(*mn, (double)log.width / PANGO_SCALE + extra);
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		g_object_unref(lay);
		break;
	}
	case BK_LIST: {
		double lw = S_label_col(L, b, 1e6);

		for (struct ts_blk *it = b->first; it != NULL; it = it->next)
			for (struct ts_blk *c = it->first->next->first; c != NULL; c = c->next) {
				double a, z;

				S_minmax(L, c, &a, &z);
				*mn = S_max(*mn, a + lw);
				*mx = S_max(*mx, z + lw);
			}
		break;
	}
	case BK_BOX: {
		double extra = b->indent + 2 * S_box_pad(b) +
		    (b->first && b->first->kind == BK_SIDE ? TS_SIDE_W : 0);

		for (struct ts_blk *c = b->first; c != NULL; c = c->next) {
			double a, z;

			if (c->kind == BK_SIDE)
				continue;
			S_minmax(L, c, &a, &z);
			*mn = S_max(*mn, a + extra);
			*mx = S_max(*mx, z + extra);
		}
		break;
	}
	case BK_GRAPHIC:
	case BK_IMAGE:
		/* A graphic scales down to its column: it wants its width but
		 * needs none of it. */
		*mx = b->gw;
		break;
	case BK_TABLE: {
		double cmn[TS_MAX_COLS], cmx[TS_MAX_COLS];

		S_table_cols(L, b, cmn, cmx);
		for (int i = 0; i < b->ncols; i++) {
			*mn += cmn[i];
			*mx += cmx[i];
		}
		break;
	}
	default:
		break;
	}
}

/* Column minimum and maximum widths of table T, spanning cells spread over their columns. */
static void
S_table_cols(struct lay *L, struct ts_blk *t, double *mn, double *mx)
{
	for (int i = 0; i < t->ncols; i++)
		mn[i] = mx[i] = 2 * TS_CELL_PAD + 6;
	for (int pass = 0; pass < 2; pass++)
		for (struct ts_blk *r = t->first; r != NULL; r = r->next) {
			if (r->kind != BK_ROW)
				continue;
			for (struct ts_blk *c = r->first; c != NULL; c = c->next) {
				double cmn = 0, cmx = 0, smn = 0, smx = 0;

				if ((c->colspan > 1) != pass)
					continue;
				for (struct ts_blk *k = c->first; k != NULL; k = k->next) {
					double a, z;

					S_minmax(L, k, &a, &z);
					cmn = S_max(cmn, a);
					cmx = S_max(cmx, z);
				}
				cmn += 2 * TS_CELL_PAD;
				cmx += 2 * TS_CELL_PAD;
				for (int i = c->col; i < c->col + c->colspan; i++) {
					smn += mn[i];
					smx += mx[i];
				}
				for (int i = c->col; i < c->col + c->colspan; i++) {
					if (cmn > smn)
						mn[i] += (cmn - smn) / c->colspan;
					if (cmx > smx)
						mx[i] += (cmx - smx) / c->colspan;
				}
			}
		}
	for (int i = 0; i < t->ncols; i++)
		if (mx[i] < mn[i])
			mx[i] = mn[i];
}

void
ts_col_widths(const double *min, const double *max, int n, double avail, double *out)
{
	double smin = 0, smax = 0;

	for (int i = 0; i < n; i++) {
		smin += min[i];
		smax += max[i];
	}
	for (int i = 0; i < n; i++) {
		if (smax <= avail)
			/* Everything fits unbroken: share the rest in proportion. */
			out[i] = max[i] + (smax > 0 ? (avail - smax) * max[i] / smax : (avail - smax) / n);
		else if (smin >= avail)
			/* Not even the words fit: shrink, and words will break. */
			out[i] = smin > 0 ? avail * min[i] / smin : avail / n;
		else
			/* Between: each column gets its minimum and a share of
			 * the rest in proportion to how much more it wants. */
			out[i] = min[i] + (max[i] - min[i]) * (avail - smin) / (smax - smin);
	}
}

static void
S_table_geom(struct lay *L, struct ts_blk *t, double x, double w, double *colx)
{
	double mn[TS_MAX_COLS], mx[TS_MAX_COLS], cw[TS_MAX_COLS];

	if (t->pct != NULL)
		for (int i = 0; i < t->ncols; i++)
			cw[i] = w * t->pct[i] / 100;
	else {
		S_table_cols(L, t, mn, mx);
		ts_col_widths(mn, mx, t->ncols, w, cw);
	}
	colx[0] = x;
	for (int i = 0; i < t->ncols; i++)
		colx[i + 1] = colx[i] + cw[i];
}

static long
S_cell_shade(const struct ts_blk *c)
{
	if (c->shade != TS_NOCOLOUR)
		return c->shade;
	if (c->parent->shade != TS_NOCOLOUR)
		return c->parent->shade;
	return c->parent->header ? 0xe6e6e6 : TS_NOCOLOUR;
}

/* Build rows R0..R1 of table T (ROWS indexes them) into U, in columns COLX. */
static void
S_unit(struct lay *L, struct ts_blk *t, struct ts_blk **rows, int r0, int r1,
    const double *colx, struct unit *u)
{
	double *top = xcalloc((size_t)(r1 - r0 + 2), sizeof(double));
	double y = 0, minh = 2 * TS_CELL_PAD + L->doc->size * 1.2;
	struct lstate s;
	struct ts_pagevec sc;
	struct ts_blk **span;   /* cells spanning rows, by the row they end in */
	size_t *first = xcalloc((size_t)(r1 - r0 + 2), sizeof(size_t)), nspan = 0;

	/* Bucket the spanning cells by last row (a counting sort), so that
	 * finishing a row looks only at the cells that end in it: a unit of
	 * many rows joined by one tall rowspan stays linear. */
	for (int r = r0; r <= r1; r++)
		for (struct ts_blk *c = rows[r]->first; c != NULL; c = c->next)
			if (c->rowspan > 1 && r + c->rowspan - 1 <= r1) {
				first[r + c->rowspan - 1 - r0 + 1]++;
				nspan++;
			}
	for (int i = 1; i <= r1 - r0 + 1; i++)
		first[i] += first[i - 1];
	span = xcalloc(nspan ? nspan : 1, sizeof(*span));
	{
		size_t *fill = xcalloc((size_t)(r1 - r0 + 1), sizeof(size_t));

		for (int r = r0; r <= r1; r++)
			for (struct ts_blk *c = rows[r]->first; c != NULL; c = c->next)
				if (c->rowspan > 1 && r + c->rowspan - 1 <= r1) {
					int e = r + c->rowspan - 1 - r0;

					span[first[e] + fill[e]++] = c;
				}
		free(fill);
	}
	S_virt_begin(L, &s, &sc, 0);
	for (int r = r0; r <= r1; r++) {
		double rh = minh;

		top[r - r0] = y;
		for (struct ts_blk *c = rows[r]->first; c != NULL; c = c->next) {
			double cx = colx[c->col] + TS_CELL_PAD;
			double cw = colx[c->col + c->colspan] - colx[c->col] - 2 * TS_CELL_PAD;

			L->y = y + TS_CELL_PAD;
			L->at_top = 0;
			L->suppress = 1;
			L->pending = 0;
			for (struct ts_blk *k = c->first; k != NULL; k = k->next)
				S_place(L, k, cx, cw < 6 ? 6 : cw);
			c->h = L->y - y + TS_CELL_PAD;
			if (c->rowspan == 1 && c->h > rh)
				rh = c->h;
		}
		/* A cell spanning rows that end here may need this row taller. */
		for (size_t i = first[r - r0]; i < first[r - r0 + 1]; i++) {
			struct ts_blk *c = span[i];

			if (c->h > y + rh - top[c->row - r0])
				rh = c->h - (y - top[c->row - r0]);
		}
		y += rh;
	}
	free(span);
	free(first);
	top[r1 - r0 + 1] = y;
	S_virt_end(L, &s);
	u->c = sc.p[0];
	free(sc.p);
	memset(&u->f, 0, sizeof(u->f));
	u->h = y;
	for (int r = r0; r <= r1; r++)
		for (struct ts_blk *c = rows[r]->first; c != NULL; c = c->next) {
			int last = r + c->rowspan - 1 > r1 ? r1 : r + c->rowspan - 1;
			double x0 = colx[c->col], x1 = colx[c->col + c->colspan];
			double y0 = top[r - r0], y1 = top[last - r0 + 1];
			long shade = S_cell_shade(c);

			if (shade != TS_NOCOLOUR)
				S_frame(&u->f, TB_FILL, x0, y0, x1 - x0, y1 - y0, shade, 0, c);
			if (t->borders == 0)
				S_frame(&u->f, TB_FRAME, x0, y0, x1 - x0, y1 - y0, 0x8c8c8c, 0.5, c);
			else if (t->borders == 1) {
				if (r == 0)
					S_frame(&u->f, TB_RULE, x0, y0, x1 - x0, 0.5, 0x8c8c8c, 0, c);
				S_frame(&u->f, TB_RULE, x0, y1 - 0.5, x1 - x0, 0.5, 0x8c8c8c, 0, c);
			}
		}
	free(top);
}

static void
S_unit_free(struct unit *u)
{
	free(u->c.b);
	free(u->f.b);
	memset(u, 0, sizeof(*u));
}

/*
 * The last row of the group starting at R0: rows joined by rowspan go
 * together, and a row kept with the next goes with it.
 */
static int
S_group(struct ts_blk **rows, int nrows, int r0)
{
	int r1 = r0;

	for (int r = r0; r <= r1 && r < nrows; r++) {
		for (struct ts_blk *c = rows[r]->first; c != NULL; c = c->next)
			if (r + c->rowspan - 1 > r1)
				r1 = r + c->rowspan - 1;
		/* a row kept with the next (a heading row in the body) takes it along */
		if (r == r1 && rows[r]->keep && r1 + 1 < nrows)
			r1++;
	}
	return r1 < nrows ? r1 : nrows - 1;
}

/* Copy the part of U between A and B to the cursor; REPEAT marks its lines as artefacts. */
static void
S_put_slice(struct lay *L, const struct unit *u, double a, double b, int repeat)
{
	struct ts_page *pg = S_cur(L);
	double dy = L->y - a;

	for (int pass = 0; pass < 2; pass++) {
		const struct ts_page *src = pass ? &u->c : &u->f;

		for (size_t i = 0; i < src->n; i++) {
			struct ts_box bx = src->b[i];

			if (bx.kind == TB_GRAPHIC) {
				if (bx.y < a - 0.01 || bx.y >= b - 0.01)
					continue;
				bx.rept |= repeat;
			} else if (bx.kind == TB_TEXT || bx.kind == TB_REPT) {
				if (bx.y < a - 0.01 || bx.y >= b - 0.01)
					continue;
				if (repeat)
					bx.kind = TB_REPT;
				bx.base += dy;
			} else {
				double y0 = S_max(bx.y, a), y1 = bx.y + bx.h < b ? bx.y + bx.h : b;

				if (bx.kind == TB_RULE) {
					if (bx.y < a - 0.01 || bx.y >= b)
						continue;
					y0 = bx.y;
					y1 = bx.y + bx.h;
				} else if (y1 <= y0)
					continue;
				bx.y = y0;
				bx.h = y1 - y0;
			}
			bx.y += dy;
			S_append(pg, &bx);
			if (bx.kind == TB_TEXT && bx.blk != NULL && bx.lay != bx.blk->lay2)
				S_line_notes(L, bx.blk, bx.pl);
		}
	}
	L->y += b - a;
	L->at_top = 0;
}

/* What the notes referred to in the lines of U between A and B add to the page's foot. */
static double
S_slice_notes(struct lay *L, const struct unit *u, double a, double b)
{
	double h = 0;

	if (L->doc->nnotes == 0 || L->virt)
		return 0;
	for (size_t i = 0; i < u->c.n; i++) {
		const struct ts_box *bx = &u->c.b[i];

		if (bx->kind == TB_TEXT && bx->blk != NULL && bx->blk->nrefs > 0 &&
		    bx->lay != bx->blk->lay2 && bx->y >= a - 0.01 && bx->y < b - 0.01)
			h += S_line_notes_h(L, bx->blk, bx->pl, L->nfoot > 0 || h > 0);
	}
	return h;
}

/* The lowest cut at or above LIMIT that crosses no line of U below A. */
static double
S_cut(const struct unit *u, double a, double limit)
{
	double c = limit;
	int moved = 1;

	while (moved) {
		moved = 0;
		for (size_t i = 0; i < u->c.n; i++) {
			const struct ts_box *bx = &u->c.b[i];

			if (bx->kind != TB_TEXT && bx->kind != TB_REPT && bx->kind != TB_GRAPHIC)
				continue;
			if (bx->y > a + 0.01 && bx->y < c - 0.01 && bx->y + bx->h > c + 0.01) {
				c = bx->y;
				moved = 1;
			}
		}
	}
	if (c < a + 12)
		c = S_max(limit, a + 12);  /* a line taller than the page: cut through it */
	return c;
}

struct tbl {
	struct ts_blk  *t, *cap;
	struct ts_blk **rows;
	int             nrows;
	double          colx[TS_MAX_COLS + 1];
	double          x, w;
	double          caph, capch;  /* caption height, continued caption height */
	PangoLayout    *clay;         /* continued caption, made when first needed */
	struct unit     head;         /* header rows */
	int             hr1;          /* last header row, -1 if none */
	int             repeat;       /* repeat the header rows on each page */
};

static void
S_tbl_init(struct lay *L, struct tbl *T, struct ts_blk *t, double x, double w)
{
	memset(T, 0, sizeof(*T));
	T->t = t;
	T->x = x;
	T->w = w;
	T->rows = xcalloc(t->nrows ? (size_t)t->nrows : 1, sizeof(*T->rows));
	for (struct ts_blk *c = t->first; c != NULL; c = c->next)
		if (c->kind == BK_ROW)
			T->rows[T->nrows++] = c;
		else if (c->kind == BK_CAPTION)
			T->cap = c;
	S_table_geom(L, t, x, w, T->colx);
	if (T->cap != NULL) {
		struct tline *tl;
		int n;

		tl = S_lines(S_text_layout(L, T->cap, w), &n);
		for (int i = 0; i < n; i++)
			T->caph += tl[i].h;
		T->caph += T->cap->after;
		free(tl);
	}
	T->hr1 = -1;
	if (t->nhead > 0) {
		T->hr1 = S_group(T->rows, T->nrows, 0);
		if (T->hr1 < t->nhead - 1)
			T->hr1 = t->nhead - 1;
		S_unit(L, t, T->rows, 0, T->hr1, T->colx, &T->head);
	}
	T->repeat = T->caph + T->head.h < (L->bottom - L->top) / 2;
}

static void
S_tbl_free(struct tbl *T)
{
	S_unit_free(&T->head);
	free(T->rows);
}

static void
S_tbl_caption(struct lay *L, struct tbl *T, int cont)
{
	PangoLayout *lay;
	struct tline *tl;
	struct ts_box bx;
	double y0;
	int n;

	if (T->cap == NULL)
		return;
	if (cont && T->clay == NULL) {
		T->clay = ts_inline_layout(L->ctx, L->doc, NULL, &T->cap->st, T->cap->node,
		    NULL, " (continued)", (int)L->P->pv.n, L->count);
		pango_layout_set_width(T->clay, (int)(T->w * PANGO_SCALE));
		S_reg(L, T->clay);
	}
	lay = cont ? T->clay : S_text_layout(L, T->cap, T->w);
	tl = S_lines(lay, &n);
	y0 = n > 0 ? tl[0].y : 0;
	for (int i = 0; i < n; i++) {
		S_line_box(&bx, cont ? TB_REPT : TB_TEXT, T->cap, lay, &tl[i], T->x,
		    L->y + tl[i].y - y0);
		S_append(S_cur(L), &bx);
	}
	if (n > 0)
		L->y += tl[n - 1].y + tl[n - 1].h - y0;
	for (int i = 0; i < n && !cont; i++)
		S_line_notes(L, T->cap, tl[i].pl);
	L->y += T->cap->after;
	L->at_top = 0;
	free(tl);
}

static void
S_tbl_break(struct lay *L, struct tbl *T)
{
	S_new_page(L);
	if (L->err || !T->repeat)
		return;
	S_tbl_caption(L, T, 1);
	if (T->head.h > 0)
		S_put_slice(L, &T->head, 0, T->head.h, 1);
}

static double
S_table_need(struct lay *L, struct ts_blk *t, double x, double w)
{
	struct tbl T;
	struct unit u;
	double need;

	if (t->ncols == 0)
		return 0;
	S_tbl_init(L, &T, t, x, w);
	need = T.caph + T.head.h;
	if (T.hr1 + 1 < T.nrows) {
		S_unit(L, t, T.rows, T.hr1 + 1, S_group(T.rows, T.nrows, T.hr1 + 1), T.colx, &u);
		need += u.h < L->m->h - L->m->mt - L->m->mb - need ? u.h : 40;
		S_unit_free(&u);
	}
	S_tbl_free(&T);
	return need;
}

/*
 * Put unit U (header rows, or a group of body rows) at the cursor, moving
 * it to the next page if it fits there whole (ROOM: a page's room for it),
 * else cutting it between lines.  *FRESH: nothing of the table's body is
 * on this page yet, so moving on would gain nothing.
 */
static void
S_put_unit(struct lay *L, struct tbl *T, const struct unit *u, double room, int *fresh)
{
	double a = 0;

	while (a < u->h - 0.01 && !L->err) {
		double avail = L->bottom - L->y, c;

		if (u->h - a + S_slice_notes(L, u, a, u->h) <= avail + 0.01) {
			S_put_slice(L, u, a, u->h, 0);
			*fresh = 0;
			break;
		}
		if (!*fresh && a == 0 && u->h <= room) {
			S_tbl_break(L, T);
			*fresh = 1;
			continue;
		}
		if (!*fresh && avail < 3 * L->doc->size) {
			S_tbl_break(L, T);
			*fresh = 1;
			continue;
		}
		/* Taller than the room on a page: cut it between lines, higher
		 * if the notes of the lines above the cut need the room. */
		c = S_cut(u, a, a + avail);
		for (int it = 0; it < 16 && L->doc->nnotes > 0; it++) {
			double nh = S_slice_notes(L, u, a, c);

			if (c - a + nh <= avail + 0.01 || c <= a + 12.01)
				break;
			c = S_cut(u, a, a + avail - nh);
		}
		S_put_slice(L, u, a, c, 0);
		a = c;
		S_tbl_break(L, T);
		*fresh = 1;
	}
}

static void
S_place_table(struct lay *L, struct ts_blk *t, double x, double w)
{
	struct tbl T;
	struct unit u;
	double gap, body = L->bottom - L->top;
	int r, fresh;

	gap = S_gap(L, t);
	if (t->ncols == 0) {
		L->pending = t->after;
		return;
	}
	S_tbl_init(L, &T, t, x, w);
	r = T.hr1 + 1;
	memset(&u, 0, sizeof(u));
	if (r < T.nrows)
		S_unit(L, t, T.rows, r, S_group(T.rows, T.nrows, r), T.colx, &u);
	if (!L->at_top && !L->virt) {
		double need = T.caph + T.head.h + (u.h <= body - T.caph - T.head.h ? u.h : 40);

		if (L->y + gap + need > L->bottom) {
			S_new_page(L);
			gap = 0;
		}
	}
	L->y += gap;
	S_tbl_caption(L, &T, 0);
	/* Header rows taller than a page are cut like any row (they are not
	 * repeated then); never a page break between caption and header. */
	fresh = 1;
	if (T.head.h > 0)
		S_put_unit(L, &T, &T.head, body, &fresh);
	fresh = 0;
	while (r < T.nrows && !L->err) {
		int r1 = S_group(T.rows, T.nrows, r);

		if (u.c.b == NULL && u.f.b == NULL && u.h == 0)
			S_unit(L, t, T.rows, r, r1, T.colx, &u);
		S_put_unit(L, &T, &u, body - (T.repeat ? T.caph + T.head.h : 0), &fresh);
		S_unit_free(&u);
		r = r1 + 1;
	}
	S_unit_free(&u);
	S_tbl_free(&T);
	L->pending = t->after;
}

/* ------------------------------------------------------------ dispatch */

/* Height of the first part of N that cannot be split from what precedes it. */
static double
S_first_need(struct lay *L, struct ts_blk *n, double x, double w, int depth)
{
	double need = 0;

	if (depth > 8)
		return 0;
	switch (n->kind) {
	case BK_TOC:
		if (n->first != NULL)
			need = S_first_need(L, n->first, x, w, depth + 1);
		break;
	case BK_HEADING:
	case BK_PARA:
	case BK_TOCI: {
		double ind, hang;
		PangoLayout *lab, *lay = S_text_prepare(L, n, w, &ind, &hang, &lab);
		struct tline *t;
		int nl, upto;

		t = S_lines(lay, &nl);
		upto = n->kind == BK_HEADING || n->keep || nl <= 3 ? nl : 2;
		for (int i = 0; i < upto; i++)
			need += t[i].h;
		if (upto > 0 && n->nrefs > 0)
			need += S_notes_h(L, n, 0, (unsigned)(t[upto - 1].pl->start_index +
			    t[upto - 1].pl->length), 0);
		free(t);
		if (n->keep)
			need += S_after_need(L, n, x, w, depth);
		break;
	}
	case BK_LIST:
		if (n->first != NULL)
			need = S_first_need(L, n->first, x, w, depth + 1);
		break;
	case BK_ITEM: {
		double lw = S_label_col(L, n->parent, w);

		if (n->first->next->first != NULL)
			need = S_first_need(L, n->first->next->first, x + lw, w - lw, depth + 1);
		break;
	}
	case BK_TABLE:
		need = S_table_need(L, n, x, w);
		break;
	case BK_BOX:
		if (n->together)
			need = S_measure(L, n, x, w);
		else {
			struct ts_blk *c = n->first;

			if (c != NULL && c->kind == BK_SIDE)
				c = c->next;
			need = S_box_pad(n) + (c ? S_first_need(L, c, x, w, depth + 1) : 0);
		}
		break;
	case BK_RULE:
		need = 1;
		break;
	case BK_GRAPHIC:
	case BK_IMAGE: {
		double gw;

		S_graphic_size(L, n, w, &gw, &need);
		if (n->keep)
			need += S_after_need(L, n, x, w, depth);
		break;
	}
	default:
		break;
	}
	return need;
}

static void
S_place(struct lay *L, struct ts_blk *b, double x, double w)
{
	if (L->err)
		return;
	switch (b->kind) {
	case BK_HEADING:
	case BK_PARA:
	case BK_TOCI:
		S_place_text(L, b, x, w);
		break;
	case BK_LIST:
		S_place_list(L, b, x, w);
		break;
	case BK_TABLE:
		S_place_table(L, b, x, w);
		break;
	case BK_BOX:
		S_place_box(L, b, x, w);
		break;
	case BK_RULE:
		S_place_rule(L, b, x, w);
		break;
	case BK_GRAPHIC:
	case BK_IMAGE:
		S_place_graphic(L, b, x, w);
		break;
	case BK_BREAK:
		if (!L->at_top)
			S_new_page(L);
		break;
	default:
		for (struct ts_blk *c = b->first; c != NULL; c = c->next)
			S_place(L, c, x, w);
		break;
	}
}

/* ------------------------------------------------------------ passes */

static void
S_reset(struct ts_blk *b)
{
	for (; b != NULL; b = b->next) {
		b->lay = b->lay2 = NULL;
		b->lay_w = 0;
		b->first_page = b->last_page = b->dest_page = 0;
		for (size_t i = 0; i < b->nprims; i++)
			b->prims[i].lay = NULL;
		b->toc_hang = b->toc_slot = 0;   /* the slot's digits may change */
		S_reset(b->first);
	}
}

/* Which pages each block's lines are on, and where its first line is (link targets). */
static void
S_record(struct ts_pages *P)
{
	for (size_t p = 0; p < P->pv.n; p++)
		for (size_t i = 0; i < P->pv.p[p].n; i++) {
			struct ts_box *bx = &P->pv.p[p].b[i];

			if ((bx->kind != TB_TEXT && !(bx->kind == TB_GRAPHIC && !bx->rept)) ||
			    bx->blk == NULL)
				continue;
			if (bx->blk->first_page == 0)
				bx->blk->first_page = (int)p + 1;
			bx->blk->last_page = (int)p + 1;
			for (struct ts_blk *a = bx->blk; a != NULL; a = a->parent)
				if (a->dest_page == 0) {
					a->dest_page = (int)p + 1;
					a->dest_x = bx->x;
					a->dest_y = bx->y;
				}
		}
}

/* A link to a block with no text has nowhere to go: it is drawn as plain text; a page reference to one prints '?'. */
static void
S_dead_links(struct ts_blk *b, struct diag *d)
{
	for (; b != NULL; b = b->next) {
		for (size_t i = 0; i < b->nlinks; i++)
			if (b->links[i].target != NULL && b->links[i].target->dest_page == 0)
				diag_msg(d, DW_WARNING, b->line, 0,
				    "the link target has no text to point at: the link is dropped");
		for (size_t i = 0; i < b->nprefs; i++)
			if (b->prefs[i].target->dest_page == 0)
				diag_msg(d, DW_WARNING, b->line, 0,
				    "the page-ref target has no text on any page: '?' is printed");
		S_dead_links(b->first, d);
	}
}

static void
S_running(struct lay *L, struct ts_page *pg, xmlNodePtr run, int header, int page)
{
	const struct ts_master *m = pg->m;
	static const char *const slots[3] = { "left", "center", "right" };
	double lh = L->doc->size * 0.8 * 1.3;
	double ty = header ? m->mt - 5 * TS_MM - lh : m->h - m->mb + 5 * TS_MM;
	double avail = m->w - m->ml - m->mr, gap = 6 * TS_MM, wide[3] = { 0, 0, 0 };
	PangoLayout *lays[3] = { NULL, NULL, NULL };

	for (xmlNodePtr c = run->children; c != NULL; c = c->next) {
		int k;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; k < 3 && strcmp((const char *)c->name, slots[k]) != 0; k++)
			;
		if (k == 3 || lays[k] != NULL)
			continue;
		lays[k] = ts_running_layout(L->ctx, L->doc, c, page, (int)L->P->pv.n);
		S_reg(L, lays[k]);
		{
			PangoRectangle log;

			pango_layout_get_extents(lays[k], NULL, &log);
			wide[k] = (double)log.width / PANGO_SCALE;
		}
	}
	/*
	 * Slots that would run into each other (a long title beside a pack's
	 * item) are cut short with an ellipsis: the left keeps what the right
	 * leaves it, the right at least half the line.  A centre slot shares
	 * the line only when it fits.
	 */
	if (wide[0] + wide[2] + gap > avail) {
		double right = wide[2] < avail / 2 ? wide[2] : avail / 2;
		double left = avail - gap - right;

		if (wide[0] < left)
			right = avail - gap - wide[0];
		else if (lays[0] != NULL) {
			pango_layout_set_width(lays[0], (int)(left * PANGO_SCALE));
			pango_layout_set_ellipsize(lays[0], PANGO_ELLIPSIZE_END);
		}
		if (lays[2] != NULL && wide[2] > right) {
			pango_layout_set_width(lays[2], (int)(right * PANGO_SCALE));
			pango_layout_set_ellipsize(lays[2], PANGO_ELLIPSIZE_END);
		}
	}
	for (int k = 0; k < 3; k++) {
		struct tline *t;
		struct ts_box bx;
		int n;

		if (lays[k] == NULL)
			continue;
		t = S_lines(lays[k], &n);
		for (int i = 0; i < n; i++) {
			double x = k == 0 ? m->ml : k == 1 ? (m->ml + m->w - m->mr - t[i].w) / 2 :
			    m->w - m->mr - t[i].w;

			S_line_box(&bx, TB_RUN, NULL, lays[k], &t[i], x - t[i].x, ty + t[i].y - t[0].y);
			bx.colour = 0x555555;
			S_append(pg, &bx);
		}
		free(t);
	}
	if (header ? m->hrule : m->frule)
		S_frame(pg, TB_RULE, m->ml, header ? m->mt - 3.5 * TS_MM : m->h - m->mb + 3.5 * TS_MM,
		    m->w - m->ml - m->mr, 0.5, 0x999999, 0, NULL);
}

/* The watermark TEXT laid out once, made smaller if it would not fit along the smallest page's diagonal. */
static PangoLayout *
S_watermark(struct lay *L, const char *text, PangoRectangle *log)
{
	struct ts_style st = { 96, 1, 0, 0, 0xe0e0e0 };
	PangoLayout *wm = ts_inline_layout(L->ctx, L->doc, NULL, &st, NULL, text, NULL, 0, 0);

	pango_layout_set_width(wm, -1);
	pango_layout_get_extents(wm, NULL, log);
	for (size_t i = 0; i < L->doc->nm; i++) {
		const struct ts_master *m = &L->doc->m[i];
		double fit = 0.85 * sqrt(m->w * m->w + m->h * m->h);

		if ((double)log->width / PANGO_SCALE > fit && st.size > 1) {
			st.size = S_max(1, st.size * fit * PANGO_SCALE / log->width);
			g_object_unref(wm);
			wm = ts_inline_layout(L->ctx, L->doc, NULL, &st, NULL, text, NULL, 0, 0);
			pango_layout_set_width(wm, -1);
			pango_layout_get_extents(wm, NULL, log);
		}
	}
	S_reg(L, wm);
	return wm;
}

static void
S_furniture(struct lay *L)
{
	/* one layout per watermark text: the document's, and a master's own (a draft paper in a pack) */
	PangoLayout *wms[TS_MAX_MASTERS + 1];
	const char *texts[TS_MAX_MASTERS + 1];
	PangoRectangle logs[TS_MAX_MASTERS + 1];
	size_t nwm = 0;

	for (size_t p = 0; p < L->P->pv.n; p++) {
		struct ts_page *pg = &L->P->pv.p[p];
		const char *text = pg->m->watermark != NULL ? pg->m->watermark : L->doc->watermark;
		size_t k;

		if (pg->m->header != NULL)
			S_running(L, pg, pg->m->header, 1, (int)p + 1);
		if (pg->m->footer != NULL)
			S_running(L, pg, pg->m->footer, 0, (int)p + 1);
		if (text == NULL || text[0] == '\0')
			continue;
		for (k = 0; k < nwm && strcmp(texts[k], text) != 0; k++)
			;
		if (k == nwm) {
			if (nwm == TS_MAX_MASTERS + 1)
				continue;   /* cannot happen: a text per master and the document's */
			texts[nwm] = text;
			wms[nwm] = S_watermark(L, text, &logs[nwm]);
			nwm++;
		}
		{
			struct ts_box bx;
			double w = (double)logs[k].width / PANGO_SCALE, h = (double)logs[k].height / PANGO_SCALE;

			memset(&bx, 0, sizeof(bx));
			bx.kind = TB_MARK;
			bx.x = (pg->m->w - w) / 2;
			bx.y = (pg->m->h - h) / 2;
			bx.w = w;
			bx.h = h;
			bx.lay = wms[k];
			bx.colour = 0xe0e0e0;
			S_append(pg, &bx);
		}
	}
}

void
ts_pages_free(struct ts_pages *p)
{
	S_pv_free(&p->pv);
	for (size_t i = 0; i < p->nlays; i++)
		g_object_unref(p->lays[i]);
	free(p->lays);
	memset(p, 0, sizeof(*p));
}

int
ts_layout(struct ts_doc *doc, PangoContext *ctx, struct ts_pages *P, struct diag *d)
{
	struct lay L;
	int count = 1;
	size_t total = 0;

	memset(P, 0, sizeof(*P));
	/* Page numbers drawn after pagination (contents, page-ref) get slots
	 * of two figures: enough below 100 pages, and a document that has
	 * more is laid out once more with wider slots. */
	doc->ref_digits = 2;
	for (struct ts_blk *f = doc->root->first; f != NULL; f = f->next)
		for (struct ts_blk *b = f->first; b != NULL; b = b->next)
			total++;
	/* page-count in body text: lay out again with the count found,
	 * until it no longer changes (twice in practice). */
	for (int pass = 0; pass < 4; pass++) {
		memset(&L, 0, sizeof(L));
		L.doc = doc;
		L.ctx = ctx;
		L.P = P;
		L.d = d;
		L.pv = &P->pv;
		L.count = count;
		L.may_restart = pass < 3 && doc->ref_digits < 9;
		L.total = total;
		for (struct ts_blk *f = doc->root->first; f != NULL && !L.err; f = f->next) {
			L.m = f->master;
			S_new_page(&L);
			for (struct ts_blk *b = f->first; b != NULL && !L.err; b = b->next, L.done++)
				S_place(&L, b, L.m->ml, L.m->w - L.m->ml - L.m->mr);
			S_foot_end(&L);
		}
		free(L.foot);
		free(L.carry);
		if (L.restart) {
			/* the next pass's slots: as many figures as the pages so far,
			 * spread over the blocks still to come, suggest (a wrong
			 * guess costs a pass: the check below puts it right) */
			size_t guess = P->pv.n * total / (L.done > 0 ? L.done : 1);
			int digits = S_digits(guess);

			doc->ref_digits = digits > doc->ref_digits ? (digits < 9 ? digits : 9) : doc->ref_digits + 1;
			ts_pages_free(P);
			S_reset(doc->root);
			continue;
		}
		if (L.err)
			return -1;
		if (P->pv.n > 0)
			S_cur(&L)->used = L.y;
		{
			/* two figures at least; after a guess too wide, fewer again */
			int digits = S_digits(P->pv.n);

			if (digits < 2)
				digits = 2;
			if (doc->has_prefs && digits != doc->ref_digits && pass < 3) {
				doc->ref_digits = digits;
				ts_pages_free(P);
				S_reset(doc->root);
				continue;
			}
		}
		if (!doc->body_count || (int)P->pv.n == count)
			break;
		count = (int)P->pv.n;
		ts_pages_free(P);
		S_reset(doc->root);
	}
	S_record(P);
	S_dead_links(doc->root, d);
	S_furniture(&L);
	return 0;
}
