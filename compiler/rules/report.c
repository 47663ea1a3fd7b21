/* report.c: the rules of the board paper kind — appendix labels, the risk matrix, and every risk's score and level. */
#include "rules/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/dates.h"
#include "tree.h"
#include "util.h"

/* A band's score, or 0 when N is not a band (the schema keeps it 1..10). */
static long
S_score(const xmlNode *n)
{
	const char *s = n ? tree_attr(n, "score") : NULL;

	return s ? strtol(s, NULL, 10) : 0;
}

/* The level of MATRIX that SCORE falls in, or NULL. */
static xmlNodePtr
S_level(const xmlNode *matrix, long score)
{
	for (xmlNodePtr l = tree_first_elem(matrix); l != NULL; l = tree_next_elem(l))
		if (tree_is(l, "risk-level") && strtol(tree_attr(l, "from"), NULL, 10) <= score &&
		    score <= strtol(tree_attr(l, "to"), NULL, 10))
			return l;
	return NULL;
}

/* Non-zero if some likelihood × impact of MATRIX gives SCORE. */
static int
S_in_grid(const xmlNode *matrix, long score)
{
	for (xmlNodePtr l = tree_first_elem(matrix); l != NULL; l = tree_next_elem(l))
		for (xmlNodePtr i = tree_first_elem(matrix); tree_is(l, "likelihood") && i != NULL; i = tree_next_elem(i))
			if (tree_is(i, "impact") && S_score(l) * S_score(i) == score)
				return 1;
	return 0;
}

/* The band of MATRIX named ID that is a WHAT ("likelihood" or "impact"), or NULL. */
static xmlNodePtr
S_band(const xmlNode *matrix, const char *what, const char *id)
{
	for (xmlNodePtr b = tree_first_elem(matrix); b != NULL; b = tree_next_elem(b))
		if (tree_is(b, what) && strcmp(tree_attr(b, "id"), id) == 0)
			return b;
	return NULL;
}

/* "rare, unlikely, possible": the ids of MATRIX's WHAT bands, for messages. */
static char *
S_band_ids(const xmlNode *matrix, const char *what)
{
	struct buf b = { 0 };
	char *s;

	for (xmlNodePtr n = tree_first_elem(matrix); n != NULL; n = tree_next_elem(n))
		if (tree_is(n, what))
			buf_printf(&b, "%s%s", b.len ? ", " : "", tree_attr(n, "id"));
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

/*
 * Check MATRIX: band scores differ, levels do not overlap, and every score
 * of the grid has a level.  Then add c:grid, the rows (impact, highest
 * first) and cells (likelihood, lowest first) with score and level, which
 * both outputs draw.  Returns 0 when the matrix can score risks.
 */
static int
S_matrix(struct compute *c, xmlNodePtr m)
{
	const char *mid = tree_attr(m, "id");
	xmlNodePtr bands[2][10], grid, lv;
	size_t nb[2] = { 0, 0 };
	int bad = 0;

	for (xmlNodePtr n = tree_first_elem(m); n != NULL; n = tree_next_elem(n)) {
		int k = tree_is(n, "likelihood") ? 0 : tree_is(n, "impact") ? 1 : -1;

		if (k < 0)
			continue;
		for (size_t j = 0; j < nb[k]; j++)
			if (S_score(bands[k][j]) == S_score(n)) {
				char *why = xasprintf("%s bands '%s' and '%s' both score %ld: each band needs its own score",
				    k ? "impact" : "likelihood", tree_attr(bands[k][j], "id"), tree_attr(n, "id"), S_score(n));

				source_msg(c->src, n, "score", DE_RISK_MATRIX, mid, why);
				free(why);
				bad = 1;
			}
		if (nb[k] < 10)   /* the schema allows 10 */
			bands[k][nb[k]++] = n;
	}
	for (xmlNodePtr l = tree_first_elem(m); l != NULL; l = tree_next_elem(l)) {
		long from, to;

		if (!tree_is(l, "risk-level"))
			continue;
		from = strtol(tree_attr(l, "from"), NULL, 10);
		to = strtol(tree_attr(l, "to"), NULL, 10);
		if (from > to) {
			char *why = xasprintf("level '%s' runs from %ld down to %ld: from must not be above to",
			    tree_attr(l, "id"), from, to);

			source_msg(c->src, l, "from", DE_RISK_MATRIX, mid, why);
			free(why);
			bad = 1;
			continue;
		}
		for (xmlNodePtr o = tree_first_elem(m); o != l; o = tree_next_elem(o)) {
			long f2, t2;

			if (!tree_is(o, "risk-level"))
				continue;
			f2 = strtol(tree_attr(o, "from"), NULL, 10);
			t2 = strtol(tree_attr(o, "to"), NULL, 10);
			if (from <= t2 && f2 <= to) {
				char *why = xasprintf("levels '%s' (%ld–%ld) and '%s' (%ld–%ld) overlap: a score has one level",
				    tree_attr(o, "id"), f2, t2, tree_attr(l, "id"), from, to);

				source_msg(c->src, l, "from", DE_RISK_MATRIX, mid, why);
				free(why);
				bad = 1;
			}
		}
	}
	if (bad)
		return -1;
	/* impact rows from the highest score down, as risk grids are read */
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 1; i < nb[k]; i++)
			for (size_t j = i; j > 0 && S_score(bands[k][j - 1]) < S_score(bands[k][j]); j--) {
				xmlNodePtr t = bands[k][j];

				bands[k][j] = bands[k][j - 1];
				bands[k][j - 1] = t;
			}
	grid = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"grid", NULL);
	for (size_t i = 0; i < nb[1]; i++) {
		xmlNodePtr row = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"row", NULL);

		xmlAddChild(grid, row);
		xmlNewProp(row, (const xmlChar *)"impact", (const xmlChar *)tree_attr(bands[1][i], "id"));
		/* likelihood columns from the lowest score up */
		for (size_t jj = nb[0]; jj-- > 0;) {
			long score = S_score(bands[0][jj]) * S_score(bands[1][i]);
			xmlNodePtr cell = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"cell", NULL);
			char num[24];

			xmlAddChild(row, cell);
			snprintf(num, sizeof(num), "%ld", score);
			xmlNewProp(cell, (const xmlChar *)"likelihood", (const xmlChar *)tree_attr(bands[0][jj], "id"));
			xmlNewProp(cell, (const xmlChar *)"score", (const xmlChar *)num);
			if ((lv = S_level(m, score)) == NULL) {
				char *why = xasprintf("no level holds the score %ld (%s × %s): the levels must cover every score of the grid",
				    score, tree_attr(bands[0][jj], "name"), tree_attr(bands[1][i], "name"));

				source_msg(c->src, m, NULL, DE_RISK_MATRIX, mid, why);
				free(why);
				bad = 1;
				continue;
			}
			xmlNewProp(cell, (const xmlChar *)"level", (const xmlChar *)tree_attr(lv, "id"));
			xmlNewProp(cell, (const xmlChar *)"level-name", (const xmlChar *)tree_attr(lv, "name"));
			xmlNewProp(cell, (const xmlChar *)"colour", (const xmlChar *)tree_attr(lv, "colour"));
		}
	}
	xmlAddChild(m, grid);
	return bad ? -1 : 0;
}

/* A risk's name in messages: "AREA: SCENARIO". */
static char *
S_risk_name(const xmlNode *r)
{
	return xasprintf("%s: %s", tree_attr(r->parent, "name"), tree_attr(r, "scenario"));
}

/* Score one risk against MATRIX and give it c:score, c:level and the band names. */
static void
S_risk(struct compute *c, xmlNodePtr r, const xmlNode *m)
{
	const char *lid = tree_attr(r, "likelihood"), *iid = tree_attr(r, "impact");
	const char *typed = tree_attr(r, "score"), *tlevel = tree_attr(r, "level");
	xmlNodePtr lb = NULL, ib = NULL, lv;
	char *name = S_risk_name(r);
	long score = typed ? strtol(typed, NULL, 10) : 0;

	/* each band the risk names must be one of the matrix's, of its sort */
	for (int k = 0; k < 2; k++) {
		const char *what = k ? "impact" : "likelihood", *id = k ? iid : lid;
		xmlNodePtr band = id ? S_band(m, what, id) : NULL;

		if (id != NULL && band == NULL) {
			char *ids = S_band_ids(m, what);
			char *why = xasprintf("%s '%s' is not %s band of matrix '%s' (%s)", what, id,
			    k ? "an impact" : "a likelihood", tree_attr(m, "id"), ids);

			source_msg(c->src, r, what, DE_RISK, name, why);
			free(why);
			free(ids);
			goto done;
		}
		*(k ? &ib : &lb) = band;
	}
	if (lb != NULL && ib != NULL) {
		long computed = S_score(lb) * S_score(ib);

		if (typed != NULL && score != computed) {
			char *why = xasprintf("risk '%s' is typed as scoring %ld, but %s (%ld) × %s (%ld) gives %ld",
			    name, score, tree_attr(lb, "name"), S_score(lb), tree_attr(ib, "name"), S_score(ib), computed);

			source_msg(c->src, r, "score", DW_FIG_MISMATCH, why);
			free(why);
			tree_set(r, "typed-score", typed);
		}
		score = computed;
	} else if (typed == NULL) {
		source_msg(c->src, r, NULL, DE_RISK, name,
		    "give its likelihood and impact, or its score");
		goto done;
	} else if (!S_in_grid(m, score)) {
		struct buf can = { 0 };
		char *why;

		for (long s = 1; s <= 100; s++)
			if (S_in_grid(m, s))
				buf_printf(&can, "%s%ld", can.len ? ", " : "", s);
		why = xasprintf("score %ld is outside the matrix '%s': likelihood × impact gives only %s",
		    score, tree_attr(m, "id"), buf_str(&can));
		source_msg(c->src, r, "score", DE_RISK, name, why);
		free(why);
		buf_free(&can);
		goto done;
	} else if (lb != NULL || ib != NULL) {
		/* one band and the score: the other band follows, if the grid has it */
		xmlNodePtr have = lb ? lb : ib, other = NULL;
		const char *want = lb ? "impact" : "likelihood";

		for (xmlNodePtr b = tree_first_elem(m); b != NULL; b = tree_next_elem(b))
			if (tree_is(b, want) && S_score(b) * S_score(have) == score)
				other = b;
		if (other == NULL) {
			struct buf can = { 0 };
			char *why;

			/* the scores that line of the grid does give, lowest first */
			for (long sc = 1; sc <= 100; sc++)
				for (xmlNodePtr b = tree_first_elem(m); b != NULL; b = tree_next_elem(b))
					if (tree_is(b, want) && S_score(b) * S_score(have) == sc) {
						buf_printf(&can, "%s%ld", can.len ? ", " : "", sc);
						break;
					}
			why = xasprintf("risk '%s' is typed as scoring %ld, which is not in the matrix's %s %s (%s): "
			    "no %s band gives it", name, score, tree_attr(have, "name"),
			    lb ? "column" : "row", buf_str(&can), want);
			source_msg(c->src, r, "score", DW_FIG_MISMATCH, why);
			free(why);
			buf_free(&can);
			tree_set(r, "unplaced", "yes");
		} else {
			if (lb == NULL)
				lb = other;
			else
				ib = other;
			tree_set(r, "found", want);
		}
	}
	tree_set_long(r, "score", score);
	if (lb != NULL)
		tree_set(r, "likelihood-name", tree_attr(lb, "name"));
	if (ib != NULL)
		tree_set(r, "impact-name", tree_attr(ib, "name"));
	if ((lv = S_level(m, score)) != NULL) {
		tree_set(r, "level", tree_attr(lv, "id"));
		tree_set(r, "level-name", tree_attr(lv, "name"));
		tree_set(r, "colour", tree_attr(lv, "colour"));
		if (tlevel != NULL && strcmp(tlevel, tree_attr(lv, "id")) != 0) {
			xmlNodePtr want = NULL;
			char *why;

			for (xmlNodePtr l = tree_first_elem(m); l != NULL; l = tree_next_elem(l))
				if (tree_is(l, "risk-level") && strcmp(tree_attr(l, "id"), tlevel) == 0)
					want = l;
			why = want == NULL ?
			    xasprintf("level '%s' is not a level of matrix '%s'", tlevel, tree_attr(m, "id")) :
			    xasprintf("risk '%s' is typed as %s, but a score of %ld is %s (%s–%s)", name,
			        tree_attr(want, "name"), score, tree_attr(lv, "name"), tree_attr(lv, "from"), tree_attr(lv, "to"));
			if (want == NULL)
				source_msg(c->src, r, "level", DE_RISK, name, why);
			else
				source_msg(c->src, r, "level", DW_FIG_MISMATCH, why);
			free(why);
		}
	}
done:
	free(name);
}

/* Every element named NAME under N, in document order, through FN. */
static void
S_each(struct compute *c, xmlNodePtr n, const char *name, void (*fn)(struct compute *, xmlNodePtr))
{
	for (n = tree_first_elem(n); n != NULL; n = tree_next_elem(n)) {
		if (tree_is(n, name))
			fn(c, n);
		else
			S_each(c, n, name, fn);
	}
}

static void
S_one_matrix(struct compute *c, xmlNodePtr m)
{
	if (S_matrix(c, m) != 0)
		tree_set(m, "broken", "yes");
}

static void
S_one_risks(struct compute *c, xmlNodePtr rs)
{
	xmlNodePtr m = resolve_get(c->ids, tree_attr(rs, "matrix"));

	/* an unknown or wrong matrix was reported when references were checked */
	if (m == NULL || !tree_is(m, "risk-matrix") || tree_get(m, "broken") != NULL)
		return;
	for (xmlNodePtr a = tree_first_elem(rs); a != NULL; a = tree_next_elem(a))
		for (xmlNodePtr r = tree_first_elem(a); tree_is(a, "risk-area") && r != NULL; r = tree_next_elem(r))
			S_risk(c, r, m);
}

static void
S_one_letter(struct compute *c, xmlNodePtr l)
{
	compute_date_attr(c, l, "date", "date-display", DATE_LONG);
}

void
report_prepare(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);
	xmlNodePtr seen[100];
	size_t nseen = 0;

	tree_set(root, "status", str_or(tree_attr(root, "status"), "approved"));
	compute_report_header(c);

	long nsec = 0;

	for (xmlNodePtr s = tree_first_elem(root); s != NULL; s = tree_next_elem(s)) {
		const char *a = tree_is(s, "paper-section") ? tree_attr(s, "appendix") : NULL;

		if (!tree_is(s, "paper-section"))
			continue;
		/* an anchor for links and cross-references: the author's id, else one of csdoc's */
		nsec++;
		if (tree_attr(s, "id") != NULL)
			tree_set(s, "id", tree_attr(s, "id"));
		else {
			char *id;
			int plain = a != NULL;

			/* "appendix-A", when the label makes an id; else by its place */
			for (const char *q = a; plain && *q; q++)
				plain = (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
				    *q == '-' || *q == '_' || *q == '.';
			id = plain ? xasprintf("appendix-%s", a) : xasprintf("section-%ld", nsec);

			for (long k = 2; resolve_get(c->ids, id) != NULL; k++) {
				free(id);
				id = plain ? xasprintf("appendix-%s-%ld", a, k) : xasprintf("section-%ld-%ld", nsec, k);
			}
			tree_take(s, "id", id);
		}
		if (a == NULL)
			continue;
		for (size_t i = 0; i < nseen; i++)
			if (strcmp(tree_attr(seen[i], "appendix"), a) == 0) {
				source_msg(c->src, s, "appendix", DE_GIVEN_TWICE, "appendix", a);
				source_msg(c->src, seen[i], "appendix", DN_FIRST_GIVEN, "appendix", a);
			}
		if (nseen < sizeof(seen) / sizeof(seen[0]))
			seen[nseen++] = s;
		tree_take(s, "label", xasprintf("Appendix %s", a));
		tree_take(s, "xref", xasprintf("Appendix %s", a));
	}
	/* matrices first: risks anywhere may score against any of them */
	S_each(c, root, "risk-matrix", S_one_matrix);
	S_each(c, root, "risks", S_one_risks);
	S_each(c, root, "letter", S_one_letter);
}
