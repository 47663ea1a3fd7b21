/* pack.c: the rules of the meeting pack — agenda numbering, each paper compiled on its own, matters arising from the last minutes. */
#include "rules/pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compile.h"
#include "rules/dates.h"
#include "tree.h"
#include "util.h"
#include "validate.h"

/* Papers in one pack at most: a documented limit (README, Limits), reported when passed. */
#define PACK_MAX_PAPERS 60

/* Non-zero while a pack's papers compile: a pack among them loads no papers of its own. */
static int pack_depth;
/*
 * The compiled papers, held apart from the pack's tree until pack_finish():
 * the figures, footnote and cross-reference passes over the pack must not
 * see the papers' own, which were computed when each paper compiled.
 */
static xmlNodePtr pending;

/* The title a compiled paper gives itself (every kind sets c:title on its root). */
static const char *
S_title(const xmlNode *root)
{
	return str_or(tree_get(root, "title"), "");
}

/*
 * Compile the paper P names and copy its compiled tree into PAPERS as
 * c:paper; returns the copy's root, or NULL after reporting why not.
 */
/* A file's identity: the same file through another name, a symbolic or a hard link, is the same paper. */
struct file_id {
	dev_t dev;
	ino_t ino;
};

static xmlNodePtr
S_load(struct compute *c, xmlNodePtr p, xmlNodePtr papers, long n, struct file_id *seen, xmlNodePtr *seen_at,
    size_t *nseen)
{
	struct stat st;
	const char *href = tree_attr(p, "href"), *want = tree_attr(p, "kind"), *why = NULL;
	char *path = NULL, *real = compile_confined(c->src, href, &path, &why);
	struct diag pd;
	struct source ps;
	enum doc_kind kind = KIND_NONE;
	xmlNodePtr copy = NULL, wrap;
	int rc;

	if (real == NULL) {
		source_msg(c->src, p, "href", DE_PAPER, href, why);
		free(path);
		return NULL;
	}
	if (stat(real, &st) != 0) {
		source_msg(c->src, p, "href", DE_PAPER, href, "it cannot be read");
		free(real);
		free(path);
		return NULL;
	}
	free(real);
	for (size_t i = 0; i < *nseen; i++)
		if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino) {
			source_msg(c->src, p, "href", DE_PAPER, href,
			    "the agenda names it twice: attach a paper to one item and refer to it from others");
			source_msg(c->src, seen_at[i], "href", DN_FIRST_GIVEN, "paper", tree_attr(seen_at[i], "href"));
			free(path);
			return NULL;
		}
	/* the caller stops at PACK_MAX_PAPERS */
	seen[*nseen].dev = st.st_dev;
	seen[*nseen].ino = st.st_ino;
	seen_at[(*nseen)++] = p;
	diag_init(&pd, path);
	pd.strict = c->src->d->strict;
	memset(&ps, 0, sizeof(ps));
	ps.d = &pd;
	rc = compile_file(&ps, path, &kind);
	if (rc != 0)
		source_msg(c->src, p, "href", DE_PAPER, href, pd.worst >= DIAG_FATAL ? "it cannot be read" :
		    pd.worst >= DIAG_ERROR ? "it has errors, listed after the pack's own messages" :
		    "it has warnings, which --strict counts as errors, listed after the pack's own messages");
	else if (kind == KIND_PACK)
		source_msg(c->src, p, "href", DE_PAPER, href,
		    "it is a meeting pack: a pack's papers are minutes, reports, performance reports or agreements");
	else if (want != NULL && strcmp(want, validate_kind_name(kind)) != 0) {
		char *m = xasprintf("it is <%s>, but the agenda says kind=\"%s\"", validate_kind_name(kind), want);

		source_msg(c->src, p, "kind", DE_PAPER, href, m);
		free(m);
	} else {
		char *stem = path_stem(href);
		char num[24];

		copy = xmlDocCopyNode(xmlDocGetRootElement(ps.doc), c->src->doc, 1);
		wrap = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"paper", NULL);
		snprintf(num, sizeof(num), "%ld", n);
		xmlNewProp(wrap, (const xmlChar *)"n", (const xmlChar *)num);
		xmlNewProp(wrap, (const xmlChar *)"href", (const xmlChar *)href);
		xmlNewProp(wrap, (const xmlChar *)"kind", (const xmlChar *)validate_kind_name(kind));
		xmlAddChild(wrap, copy);
		xmlAddChild(papers, wrap);
		tree_set(p, "n", num);
		tree_set(p, "kind", validate_kind_name(kind));
		tree_take(p, "target", xasprintf("paper-%ld", n));
		tree_take(p, "page", xasprintf("%s.html", stem));
		tree_set(p, "title", S_title(copy));
		{
			/* what the agenda calls it: the paper's own words, else its item's title */
			char *label = tree_text_folded(p);

			if (label[0] == '\0' && tree_child(p->parent, "title") != NULL) {
				free(label);
				label = tree_text_folded(tree_child(p->parent, "title"));
			}
			tree_take(p, "label", label);
		}
		free(stem);
	}
	/* the paper's own messages follow the pack's, naming the paper's file */
	diag_absorb(c->src->d, &pd);
	diag_free(&pd);
	source_free(&ps);
	free(path);
	return copy;
}

/*
 * A page name may be used once: a second paper called "minutes.xml" in
 * another folder gets "minutes-2.html".  Then each page's link (c:html),
 * escaped ("board #1" must not start a fragment), relative to the folder of
 * paper pages, which the renderer names after the pack's outputs.
 */
static void
S_unique_pages(xmlNodePtr agenda)
{
	xmlNodePtr done[PACK_MAX_PAPERS];
	size_t n = 0;

	for (xmlNodePtr it = tree_first_elem(agenda); it != NULL; it = tree_next_elem(it))
		for (xmlNodePtr p = tree_first_elem(it); tree_is(it, "agenda-item") && p != NULL; p = tree_next_elem(p)) {
			const char *h = tree_is(p, "paper") ? tree_get(p, "page") : NULL;
			char *want;

			if (h == NULL || n == PACK_MAX_PAPERS)
				continue;
			want = xstrdup(h);
			/* try NAME-2, NAME-3 … until no page before has the name */
			for (long k = 2;; k++) {
				int clash = 0;

				for (size_t i = 0; i < n && !clash; i++)
					clash = strcmp(tree_get(done[i], "page"), want) == 0;
				if (!clash)
					break;
				free(want);
				want = xasprintf("%.*s-%ld.html", (int)(strlen(h) - 5), h, k);
			}
			tree_take(p, "html", url_escape_path(want));
			tree_take(p, "page", want);
			done[n++] = p;
		}
}

/* Every <action> under N, in document order, into V. */
static void
S_actions(xmlNodePtr n, xmlNodePtr *v, size_t *nv, size_t max)
{
	for (n = tree_first_elem(n); n != NULL; n = tree_next_elem(n)) {
		if (tree_is(n, "action")) {
			if (*nv < max)
				v[(*nv)++] = n;
		} else
			S_actions(n, v, nv, max);
	}
}

/* The minutes item an action stands in. */
static xmlNodePtr
S_item_of(xmlNodePtr a)
{
	for (xmlNodePtr p = a->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (tree_is(p, "item") && tree_get(p, "number") != NULL)
			return p;
	return NULL;
}

/*
 * Matters arising: list the previous minutes' actions under MA as
 * c:action (minute, owner, due, status, what, and the update given here),
 * and report the actions the minutes left open that no update closes or
 * carries.
 */
static void
S_matters(struct compute *c, xmlNodePtr ma, xmlNodePtr papers)
{
	xmlNodePtr paper = resolve_get(c->ids, tree_attr(ma, "paper"));
	xmlNodePtr minutes = NULL;
	xmlNodePtr acts[1000];
	size_t nacts = 0, nopen = 0;
	struct buf open = { 0 };
	const char *n;

	if (paper == NULL || !tree_is(paper, "paper") || (n = tree_get(paper, "n")) == NULL)
		return;   /* an unknown paper was reported; a paper that failed, too */
	for (xmlNodePtr w = papers ? tree_first_elem(papers) : NULL; w != NULL; w = tree_next_elem(w))
		if (strcmp(str_or(tree_attr(w, "n"), ""), n) == 0)
			minutes = tree_first_elem(w);
	if (minutes == NULL)
		return;
	if (!tree_is(minutes, "minutes")) {
		char *m = xasprintf("matters arising come from minutes, and this paper is <%s>",
		    (const char *)minutes->name);

		source_msg(c->src, ma, "paper", DE_PAPER, tree_attr(paper, "href"), m);
		free(m);
		return;
	}
	tree_set(ma, "from", str_or(tree_get(minutes, "date-display"), ""));
	S_actions(minutes, acts, &nacts, sizeof(acts) / sizeof(acts[0]));
	for (xmlNodePtr u = tree_first_elem(ma); u != NULL; u = tree_next_elem(u)) {
		int found = 0;

		if (!tree_is(u, "update"))
			continue;
		for (size_t i = 0; i < nacts; i++)
			if (str_or(tree_get(acts[i], "item"), "")[0] != '\0' &&
			    strcmp(tree_get(acts[i], "item"), tree_attr(u, "action")) == 0)
				found = 1;
		if (!found) {
			char *m = xasprintf("update for action '%s': the minutes of %s have no action under minute %s",
			    tree_attr(u, "action"), str_or(tree_get(minutes, "date-display"), "the last meeting"),
			    tree_attr(u, "action"));

			source_msg(c->src, u, "action", DE_ERROR, m);
			free(m);
		}
	}
	for (size_t i = 0; i < nacts; i++) {
		xmlNodePtr a = acts[i], item = S_item_of(a), row, upd = NULL;
		const char *minute = str_or(tree_get(a, "item"), "");
		const char *status = str_or(tree_get(a, "status"), "open");

		for (xmlNodePtr u = tree_first_elem(ma); u != NULL; u = tree_next_elem(u))
			if (tree_is(u, "update") && strcmp(tree_attr(u, "action"), minute) == 0)
				upd = u;
		row = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"action", NULL);
		xmlNewProp(row, (const xmlChar *)"minute", (const xmlChar *)minute);
		xmlNewProp(row, (const xmlChar *)"owner", (const xmlChar *)str_or(tree_get(a, "owner-names"), ""));
		xmlNewProp(row, (const xmlChar *)"status", (const xmlChar *)status);
		if (tree_get(a, "due-display") != NULL)
			xmlNewProp(row, (const xmlChar *)"due", (const xmlChar *)tree_get(a, "due-display"));
		if (upd != NULL)
			xmlNewProp(row, (const xmlChar *)"update", (const xmlChar *)tree_attr(upd, "status"));
		/* what was to be done: the action's own words, else its minute's title */
		if (a->children != NULL)
			xmlAddChildList(row, xmlDocCopyNodeList(c->src->doc, a->children));
		else if (item != NULL && tree_child(item, "title") != NULL) {
			char *t = tree_text_folded(tree_child(item, "title"));

			xmlNodeAddContent(row, (const xmlChar *)t);
			free(t);
		}
		xmlAddChild(ma, row);
		if (strcmp(status, "open") == 0 && upd == NULL) {
			buf_printf(&open, "%s%s (%s)", nopen ? ", " : "", minute, str_or(tree_get(a, "owner-names"), ""));
			nopen++;
		}
	}
	if (nopen > 0) {
		char *m = xasprintf("%zu action%s of the minutes of %s %s neither closed nor carried: %s; "
		    "give each an <update action=\"MINUTE\" status=\"closed|carried\">",
		    nopen, nopen == 1 ? "" : "s", str_or(tree_get(minutes, "date-display"), "the last meeting"),
		    nopen == 1 ? "is" : "are", buf_str(&open));

		source_msg(c->src, ma, NULL, DW_ACTIONS_OPEN, m);
		free(m);
	}
	buf_free(&open);
}

void
pack_prepare(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc), agenda, papers, nm;
	struct file_id seen[PACK_MAX_PAPERS];
	xmlNodePtr seen_at[PACK_MAX_PAPERS], ma_first = NULL;
	size_t nseen = 0;
	long number = 0, npapers = 0;

	tree_set(root, "status", str_or(tree_attr(root, "status"), "approved"));
	compute_date_attr(c, root, "date", "date-display", DATE_WEEKDAY);
	if (tree_attr(root, "time") != NULL) {
		int t = time_parse(tree_attr(root, "time"));

		if (t >= 0)
			tree_take(root, "time-display", time_display(t));
	}
	if (tree_child(root, "body") != NULL)
		tree_take(root, "body", tree_text_folded(tree_child(root, "body")));
	tree_take(root, "title", xasprintf("%s, %s", tree_get(root, "body"), str_or(tree_get(root, "date-display"), "")));
	agenda = tree_child(root, "agenda");
	for (xmlNodePtr it = tree_first_elem(agenda); it != NULL; it = tree_next_elem(it)) {
		if (!tree_is(it, "agenda-item"))
			continue;
		if (strcmp(str_or(tree_attr(it, "numbered"), "yes"), "no") != 0)
			tree_set_long(it, "number", ++number);
		if (tree_attr(it, "presenter") != NULL)
			tree_take(it, "presenter-names", who_join(c, tree_attr(it, "presenter"), who_display));
		if ((nm = tree_child(it, "next-meeting")) != NULL) {
			compute_date_attr(c, nm, "date", "date-display", DATE_WEEKDAY);
			if (tree_attr(nm, "time") != NULL && time_parse(tree_attr(nm, "time")) >= 0)
				tree_take(nm, "time-display", time_display(time_parse(tree_attr(nm, "time"))));
		}
	}
	/* a pack named as another pack's paper, or by <uses>, is refused there: load nothing */
	if (pack_depth > 0 || compile_nested())
		return;
	pack_depth++;
	papers = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"papers", NULL);
	for (xmlNodePtr it = tree_first_elem(agenda); it != NULL; it = tree_next_elem(it))
		for (xmlNodePtr p = tree_first_elem(it); tree_is(it, "agenda-item") && p != NULL; p = tree_next_elem(p)) {
			if (tree_is(p, "matters-arising")) {
				/* one view of the last minutes' actions: its anchor and place in the PDF are the pack's */
				if (ma_first != NULL) {
					source_msg(c->src, p, NULL, DE_ERROR,
					    "a second matters arising: a pack lists the last minutes' actions once, under one item");
					source_msg(c->src, ma_first, NULL, DN_NOTE, "the first matters arising is here");
				} else
					ma_first = p;
			}
			if (!tree_is(p, "paper"))
				continue;
			if (npapers == PACK_MAX_PAPERS) {
				source_msg(c->src, p, NULL, DE_LIMIT,
				    "a meeting pack attaches at most 60 papers: make two packs");
				continue;
			}
			(void)S_load(c, p, papers, ++npapers, seen, seen_at, &nseen);
		}
	S_unique_pages(agenda);
	pack_depth--;
	pending = papers;
}

void
pack_finish(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc), agenda = tree_child(root, "agenda");
	xmlNodePtr papers = pending;

	if (papers == NULL)
		return;   /* a pack inside a pack: refused by the outer one */
	pending = NULL;
	xmlAddChild(root, papers);
	for (xmlNodePtr it = tree_first_elem(agenda); it != NULL; it = tree_next_elem(it))
		if (tree_is(it, "agenda-item") && tree_child(it, "matters-arising") != NULL)
			S_matters(c, tree_child(it, "matters-arising"), papers);
}
