/* agreement.c: numbering, grouping, leads and counts of the Community Safety Agreement. */
#include "rules/agreement.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "rules/dates.h"
#include "rules/label.h"
#include "tree.h"
#include "util.h"

/* State of one pass over an agreement. */
struct astate {
	struct compute  *c;
	xmlDocPtr        doc;
	xmlNsPtr         sns;      /* the source namespace, for figures csdoc adds */
	xmlHashTablePtr  made;     /* ids csdoc generated, to keep them unique */
	xmlHashTablePtr  next;     /* per base, the next suffix to try (no rescans from 2) */
	long             tables;   /* captions numbered so far, per sort */
	long             charts;
	long             diagrams;
};

/*
 * An id for an element the author gave none, so that contents, links and
 * cross-references can point at it: BASE, or BASE-2, BASE-3 … if taken.
 */
static const char *
S_id(struct astate *st, xmlNodePtr n, const char *base)
{
	char *id;

	if (tree_attr(n, "id") != NULL) {
		tree_set(n, "id", tree_attr(n, "id"));
		return tree_attr(n, "id");
	}
	{
		long k = (long)(intptr_t)xmlHashLookup(st->next, (const xmlChar *)base);

		id = k > 0 ? xasprintf("%s-%ld", base, k) : xstrdup(base);
		for (k = k > 0 ? k : 1; resolve_get(st->c->ids, id) != NULL ||
		    xmlHashLookup(st->made, (const xmlChar *)id) != NULL;) {
			free(id);
			id = xasprintf("%s-%ld", base, ++k);
		}
		xmlHashUpdateEntry(st->next, (const xmlChar *)base, (void *)(intptr_t)(k + 1), NULL);
	}
	xmlHashAddEntry(st->made, (const xmlChar *)id, n);
	tree_take(n, "id", id);
	return tree_get(n, "id");
}

/*
 * "SECTION TWO" → "Section Two", "ONE HUNDRED AND ONE" → "One Hundred and
 * One"; a label with lower-case letters is left alone.
 */
static char *
S_titlecase(const char *s)
{
	char *t = xstrdup(s);
	int start = 1;

	for (const char *p = s; *p; p++)
		if (islower((unsigned char)*p))
			return t;
	for (char *p = t; *p; p++) {
		if (isalpha((unsigned char)*p)) {
			if (!start || (strncmp(p, "AND ", 4) == 0 && p > t && p[-1] == ' '))
				*p = (char)tolower((unsigned char)*p);
			start = 0;
		} else
			start = 1;
	}
	return t;
}

/* ------------------------------------------------------------ derived figures */

/*
 * Add a figure ID of TYPE under PARENT's c:derived: an input holding VALUE,
 * or, with COMPUTE, a formula.  ROLE tells stylesheets which it is.
 */
static xmlNodePtr
S_figure(struct astate *st, xmlNodePtr parent, const char *id, const char *type,
    const char *role, long value, const char *compute)
{
	char num[32];

	snprintf(num, sizeof(num), "%s%ld", strcmp(type, "money") == 0 ? "£" : "", value);
	return compute_add_figure(st->c, parent, id, type, role, compute ? NULL : num, compute);
}

/* ------------------------------------------------------------ leads */

/* How a table names a lead: an organisation's short name, a person's or group's name. */
static char *
S_short(const struct compute *c, const char *id)
{
	xmlNodePtr n = resolve_get(c->ids, id);

	if (n != NULL && resolve_kind_of(n) == REF_ORG && tree_attr(n, "short") != NULL)
		return xstrdup(tree_attr(n, "short"));
	return who_display(c, id);
}

/* How the target leads table names a lead: "Alex Bamber, Essex Probation Service". */
static char *
S_full(const struct compute *c, const char *id)
{
	xmlNodePtr n = resolve_get(c->ids, id);
	char *name = who_display(c, id);
	struct buf b = { 0 };
	const char *org;
	xmlNodePtr o;
	char *s;

	if (name == NULL)
		return NULL;
	buf_puts(&b, name);
	free(name);
	if (n != NULL && resolve_kind_of(n) == REF_PERSON) {
		if (tree_attr(n, "post") != NULL)
			buf_printf(&b, ", %s", tree_attr(n, "post"));
		if ((org = tree_attr(n, "org")) != NULL && (o = resolve_get(c->ids, org)) != NULL &&
		    tree_attr(o, "name") != NULL)
			buf_printf(&b, ", %s", tree_attr(o, "name"));
	}
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

/* Whether the list IDS names a person of organisation ORG. */
static int
S_has_member(const struct compute *c, const char *ids, const char *org)
{
	xmlNodePtr o = resolve_get(c->ids, org);
	int yes = 0;

	if (o == NULL || resolve_kind_of(o) != REF_ORG)
		return 0;
	for (char *one; !yes && (one = str_token(&ids)) != NULL; free(one)) {
		xmlNodePtr n = resolve_get(c->ids, one);

		yes = n != NULL && resolve_kind_of(n) == REF_PERSON && tree_attr(n, "org") != NULL &&
		    strcmp(tree_attr(n, "org"), org) == 0;
	}
	return yes;
}

/* The leads of N through FN: "Essex Police", "Chelmsford Prison and DIP", "A, B and C". */
static void
S_lead(struct astate *st, xmlNodePtr n, char *(*fn)(const struct compute *, const char *))
{
	const char *ids = tree_attr(n, "lead");
	struct buf b = { 0 };
	char **names, *one;
	size_t k = 0;

	if (ids == NULL)
		return;
	/* no more names than the list's length can hold */
	names = xcalloc(strlen(ids) / 2 + 1, sizeof(*names));
	for (const char *p = ids; (one = str_token(&p)) != NULL; free(one)) {
		/* "ACC Chris Dale, Testshire Police", not "… and Testshire Police" again */
		if (fn == S_full && S_has_member(st->c, ids, one))
			continue;
		if ((names[k] = fn(st->c, one)) != NULL)
			k++;
	}
	for (size_t i = 0; i < k; i++) {
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == k ? " and " : ", ", names[i]);
		free(names[i]);
	}
	tree_set(n, "lead", buf_str(&b));
	buf_free(&b);
	free(names);
}

/* ------------------------------------------------------------ cover and priorities */

static void
S_cover(xmlNodePtr root)
{
	xmlNodePtr cover = tree_child(root, "cover"), n;
	char *title, *period, *v;
	struct date d;

	tree_set(root, "status", str_or(tree_attr(root, "status"), "approved"));
	if (cover == NULL)
		return;
	title = tree_text_folded(tree_child(cover, "title"));
	period = tree_text_folded(tree_child(cover, "period"));
	/* "Community Safety Agreement 2010/11", unless the title says the period already */
	if (strstr(title, period) != NULL)
		tree_set(root, "title", title);
	else
		tree_take(root, "title", xasprintf("%s %s", title, period));
	tree_take(root, "period", period);
	free(title);
	tree_take(root, "partnership", tree_text_folded(tree_child(cover, "partnership")));
	if ((n = tree_child(cover, "date")) != NULL) {
		v = tree_text_folded(n);
		if (date_parse(v, &d) == 0)
			tree_take(root, "date-display", date_display(&d, DATE_LONG));
		free(v);
	}
}

static void
S_priorities(struct astate *st, xmlNodePtr root)
{
	xmlNodePtr pr = tree_child(root, "priorities");
	long n = 0;

	for (xmlNodePtr p = tree_first_elem(pr); p != NULL; p = tree_next_elem(p)) {
		char *t;

		if (!tree_is(p, "priority"))
			continue;
		tree_set_long(p, "number", ++n);
		(void)S_id(st, p, "priority");
		t = tree_text_folded(tree_child(p, "title"));
		tree_take(p, "title", t);
		tree_take(p, "xref", xasprintf("Priority %ld", n));
	}
	if (pr != NULL)
		(void)S_figure(st, pr, "priorities.count", "count", "count", n, NULL);
}

/* ------------------------------------------------------------ sections */

static void S_subsections(struct astate *, xmlNodePtr, int);

/* Number the top-level sections (or appendices, when APPX) with format FMT. */
static void
S_sections(struct astate *st, xmlNodePtr root, const char *name, const char *fmt)
{
	xmlHashTablePtr given = xmlHashCreate(16);
	struct label_fmt f, tf;
	long n = 0;
	int ok = label_parse(fmt, &f) == 0;

	/* the schema's pattern and label.c agree; say so if they ever do not */
	if (!ok)
		source_msg(st->c->src, root, name[0] == 's' ? "sections" : "appendices", DE_ERROR,
		    "the numbering format has no counter: expected one of 1, a, A, i, I or ONE standing apart, e.g. \"SECTION ONE\"");
	/* cross-references say "Section Two", "Appendix B": the counter in the format's own kind */
	memset(&tf, 0, sizeof(tf));
	if (ok) {
		char *pre = S_titlecase(f.prefix), *suf = S_titlecase(f.suffix);

		tf.prefix = pre;
		tf.suffix = suf;
		tf.kind = f.kind == 'W' ? 'T' : f.kind;
	}
	for (xmlNodePtr s = tree_first_elem(root); s != NULL; s = tree_next_elem(s)) {
		const char *num = tree_attr(s, "number");
		char key[32], *label, *base;
		xmlNodePtr first;
		long was = n;

		if (!tree_is(s, name))
			continue;
		n = num ? strtol(num, NULL, 10) : n + 1;
		label = ok ? label_make(&f, n) : xasprintf("%ld", n);
		/* a number fixed by hand may land on one already used */
		snprintf(key, sizeof(key), "%ld", n);
		if ((first = xmlHashLookup(given, (const xmlChar *)key)) != NULL) {
			char *what = xasprintf("%s number", name);

			source_msg(st->c->src, s, num ? "number" : NULL, DE_GIVEN_TWICE, what, key);
			source_msg(st->c->src, first, tree_attr(first, "number") ? "number" : NULL,
			    DN_FIRST_GIVEN, what, key);
			free(what);
		} else {
			xmlHashAddEntry(given, (const xmlChar *)key, s);
			if (num != NULL && n <= was)
				source_msg(st->c->src, s, "number", DW_WARNING,
				    "this section's number is not above the one before it: the numbers go back");
		}
		tree_set_long(s, "number", n);
		tree_take(s, "xref", ok ? label_make(&tf, n) : xstrdup(label));
		tree_take(s, "label", label);
		tree_set(s, "level", "1");
		tree_set(s, "contents", "yes");
		base = xasprintf("%s-%ld", name, n);
		(void)S_id(st, s, base);
		free(base);
		S_subsections(st, s, 2);
	}
	xmlHashFree(given, NULL);
	if (ok)
		label_free(&f);
	label_free(&tf);
}

static void
S_subsections(struct astate *st, xmlNodePtr parent, int level)
{
	long k = 0;

	for (xmlNodePtr s = tree_first_elem(parent); s != NULL; s = tree_next_elem(s)) {
		char *base;

		if (!tree_is(s, "section"))
			continue;
		if (tree_attr(s, "number") != NULL)
			source_msg(st->c->src, s, "number", DE_ERROR,
			    "only a top-level section can fix its number: a sub-section has none");
		tree_set_long(s, "level", level);
		base = xasprintf("%s-%ld", tree_get(parent, "id"), ++k);
		(void)S_id(st, s, base);
		free(base);
		if (str_or(tree_attr(s, "contents"), "no")[0] == 'y')
			tree_set(s, "contents", "yes");
		/* a sub-section is cited by its title, once its figures are known (compute_references) */
		S_subsections(st, s, level + 1);
	}
}

/* ------------------------------------------------------------ tables and charts */

/* Number captioned tables, charts and placeholders in document order. */
static void
S_captions(struct astate *st, xmlNodePtr n)
{
	static const char *const tables[] = {
		"table", "indicators", "targets", "activities", "membership", "target-leads",
	};

	for (; n != NULL; n = n->next) {
		char *label = NULL;
		const char *base = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
			if (tree_is(n, tables[i]) && tree_child(n, "caption") != NULL) {
				label = xasprintf("Table %ld", ++st->tables);
				base = "table";
			}
		if (tree_is(n, "chart") ||
		    (tree_is(n, "placeholder") && strcmp(str_or(tree_attr(n, "kind"), "chart"), "chart") == 0)) {
			label = xasprintf("Chart %ld", ++st->charts);
			base = "chart";
		} else if (tree_is(n, "placeholder")) {
			label = xasprintf("Diagram %ld", ++st->diagrams);
			base = "diagram";
		}
		if (label != NULL) {
			char *b = xasprintf("%s-%s", base, strchr(label, ' ') + 1);

			tree_set(n, "xref", label);
			tree_take(n, "label", label);
			(void)S_id(st, n, b);
			free(b);
		}
		S_captions(st, n->children);
	}
}

/* ------------------------------------------------------------ the domain blocks */

static void
S_indicators(struct astate *st, xmlNodePtr ind)
{
	for (xmlNodePtr i = tree_first_elem(ind); i != NULL; i = tree_next_elem(i)) {
		const char *pid;
		xmlNodePtr p;

		if (!tree_is(i, "indicator"))
			continue;
		S_lead(st, i, S_short);
		if ((pid = tree_attr(i, "priority")) == NULL) {
			char *what = tree_text_folded(i);

			source_msg(st->c->src, i, NULL, DE_NO_PRIORITY, what);
			free(what);
			continue;
		}
		if ((p = resolve_get(st->c->ids, pid)) != NULL && tree_is(p, "priority"))
			tree_set(i, "priority-number", tree_get(p, "number"));
	}
}

static void
S_targets(struct astate *st, xmlNodePtr tg)
{
	for (xmlNodePtr t = tree_first_elem(tg); t != NULL; t = tree_next_elem(t)) {
		const char *code = tree_attr(t, "code");
		xmlNodePtr ind;

		if (!tree_is(t, "target"))
			continue;
		S_lead(st, t, S_short);
		if (code == NULL && tree_attr(t, "indicator") != NULL &&
		    (ind = resolve_get(st->c->ids, tree_attr(t, "indicator"))) != NULL &&
		    tree_is(ind, "indicator"))
			code = tree_attr(ind, "code");
		if (code != NULL)
			tree_set(t, "code", code);
	}
}

static void
S_priority_actions(struct astate *st, xmlNodePtr pa)
{
	xmlNodePtr p = resolve_get(st->c->ids, tree_attr(pa, "priority"));
	long n = 0;

	xmlNodePtr title = tree_child(pa, "title");
	char *base;

	if (p != NULL && tree_is(p, "priority"))
		tree_set(pa, "number", tree_get(p, "number"));
	if (title != NULL)
		tree_take(pa, "title", tree_text_folded(title));
	else if (p != NULL && tree_is(p, "priority"))
		tree_set(pa, "title", tree_get(p, "title"));
	/* a heading of its own: the contents may list it and links reach it */
	base = xasprintf("%s-priority-%s", str_or(tree_get(pa->parent, "id"), "actions"),
	    str_or(tree_get(pa, "number"), "0"));
	(void)S_id(st, pa, base);
	free(base);
	if (str_or(tree_attr(pa, "contents"), "no")[0] == 'y')
		tree_set(pa, "contents", "yes");

	for (xmlNodePtr a = tree_first_elem(pa); a != NULL; a = tree_next_elem(a))
		if (tree_is(a, "action"))
			tree_take(a, "label", xasprintf("%ld.", ++n));
	tree_set_long(pa, "count", n);
}

/* The money figures in an activity's resources, given ids so a total can name them. */
static void
S_money(struct astate *st, xmlNodePtr n, const char *base, struct buf *sum, long *k)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "figure") && tree_attr(n, "ref") == NULL &&
		    strcmp(str_or(tree_attr(n, "type"), "number"), "money") == 0) {
			const char *id = tree_attr(n, "id");
			char *gen = NULL;

			if (id == NULL) {
				char *b = xasprintf("%s.resources-%ld", base, *k + 1);

				/* the figures engine names an input by c:id where it has no id */
				gen = xstrdup(S_id(st, n, b));
				free(b);
				id = gen;
			}
			buf_printf(sum, "%s%s", (*k)++ ? " + " : "", id);
			free(gen);
			continue;
		}
		S_money(st, n->children, base, sum, k);
	}
}

static void
S_activities(struct astate *st, xmlNodePtr acts)
{
	static const struct { const char *status, *label; } statuses[] = {
		{ "completed", "Completed" },
		{ "ongoing", "Ongoing" },
		{ "in-progress", "In progress" },
		{ "planned", "Planned" },
	};
	long counts[sizeof(statuses) / sizeof(statuses[0])] = { 0 };
	const char *prefix = str_or(tree_attr(acts, "prefix"), "CSA");
	const char *aid = S_id(st, acts, "activities");
	xmlHashTablePtr given = xmlHashCreate(32);
	struct buf sum = { 0 };
	long years = 0, total = 0, money = 0;

	for (xmlNodePtr y = tree_first_elem(acts); y != NULL; y = tree_next_elem(y)) {
		long k = 0;

		if (!tree_is(y, "year"))
			continue;
		/* a schedule carried from an earlier Agreement may start at Year 2 */
		years = tree_attr(y, "number") ? strtol(tree_attr(y, "number"), NULL, 10) : years + 1;
		tree_set_long(y, "number", years);
		for (xmlNodePtr a = tree_first_elem(y); a != NULL; a = tree_next_elem(a)) {
			const char *fixed = tree_attr(a, "ref"), *status = tree_attr(a, "status");
			char *ref;
			xmlNodePtr first;

			if (!tree_is(a, "activity"))
				continue;
			total++;
			k++;
			ref = fixed ? xstrdup(fixed) : xasprintf("%s%ld/%ld", prefix, years, k);
			if ((first = xmlHashLookup(given, (const xmlChar *)ref)) != NULL) {
				source_msg(st->c->src, a, fixed ? "ref" : NULL, DE_GIVEN_TWICE,
				    "activity reference", ref);
				source_msg(st->c->src, first, tree_attr(first, "ref") ? "ref" : NULL,
				    DN_FIRST_GIVEN, "activity reference", ref);
			} else
				xmlHashAddEntry(given, (const xmlChar *)ref, a);
			tree_take(a, "ref", ref);
			S_lead(st, a, S_short);
			for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
				if (status != NULL && strcmp(status, statuses[i].status) == 0) {
					counts[i]++;
					tree_set(a, "status-label", statuses[i].label);
				}
			S_money(st, tree_child(a, "resources"), aid, &sum, &money);
		}
	}
	xmlHashFree(given, NULL);

	/* the counts are figures: prose can cite them and typed counts are checked */
	{
		char *id = xasprintf("%s.count", aid);

		(void)S_figure(st, acts, id, "count", "count", total, NULL);
		free(id);
	}
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		char *id = xasprintf("%s.%s", aid, statuses[i].status);
		xmlNodePtr f = S_figure(st, acts, id, "count", "status", counts[i], NULL);

		tree_set(f, "status", statuses[i].status);
		tree_set(f, "label", statuses[i].label);
		free(id);
	}
	{
		char *id = xasprintf("%s.resources", aid);

		/* £0 where no resource is given in money: prose may still cite it */
		(void)S_figure(st, acts, id, "money", "resources", 0, money > 0 ? buf_str(&sum) : NULL);
		free(id);
	}
	buf_free(&sum);
}

static void
S_membership(struct astate *st, xmlNodePtr m)
{
	const char *mid = S_id(st, m, "membership");
	long members = 0, statutory = 0;
	char *id;

	for (xmlNodePtr e = tree_first_elem(m); e != NULL; e = tree_next_elem(e)) {
		const char *org = tree_attr(e, "org");

		if (!tree_is(e, "member"))
			continue;
		/* listed for consideration: shown, not counted */
		if (strcmp(str_or(tree_attr(e, "role"), "member"), "member") != 0)
			continue;
		members++;
		if (str_or(tree_attr(e, "statutory"), "no")[0] == 'y') {
			statutory++;
			tree_set(e, "shade", "yes");
		}
		if (org != NULL)
			tree_take(e, "name", who_display(st->c, org));
	}
	id = xasprintf("%s.members", mid);
	(void)S_figure(st, m, id, "count", "members", members, NULL);
	free(id);
	id = xasprintf("%s.statutory", mid);
	(void)S_figure(st, m, id, "count", "statutory", statutory, NULL);
	free(id);
}

/* Every domain block, wherever it sits in the sections. */
static void
S_blocks(struct astate *st, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "indicators"))
			S_indicators(st, n);
		else if (tree_is(n, "targets"))
			S_targets(st, n);
		else if (tree_is(n, "target-leads")) {
			for (xmlNodePtr t = tree_first_elem(n); t != NULL; t = tree_next_elem(t))
				if (tree_is(t, "target-area"))
					S_lead(st, t, S_full);
		} else if (tree_is(n, "priority-actions"))
			S_priority_actions(st, n);
		else if (tree_is(n, "activities"))
			S_activities(st, n);
		else if (tree_is(n, "membership"))
			S_membership(st, n);
		S_blocks(st, n->children);
	}
}

void
agreement_prepare(struct compute *c)
{
	struct astate st;
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);

	memset(&st, 0, sizeof(st));
	st.c = c;
	st.doc = c->src->doc;
	st.sns = root->ns;
	st.made = xmlHashCreate(64);
	st.next = xmlHashCreate(64);

	S_cover(root);
	S_priorities(&st, root);
	S_sections(&st, root, "section", str_or(tree_attr(root, "sections"), "SECTION ONE"));
	S_sections(&st, root, "appendix", str_or(tree_attr(root, "appendices"), "Appendix 1"));
	S_captions(&st, root);
	S_blocks(&st, root);
	xmlHashFree(st.made, NULL);
	xmlHashFree(st.next, NULL);
}
