/* minutes.c: numbering, attendance, decisions, actions and the action register of minutes. */
#include "rules/minutes.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "rules/dates.h"
#include "rules/label.h"
#include "tree.h"
#include "util.h"

/* State of one pass over a minutes document. */
struct mstate {
	struct compute  *c;
	long             actions;     /* actions numbered so far */
	xmlHashTablePtr  item_ids;    /* generated item ids, to keep them unique */
	xmlHashTablePtr  suffix;      /* per generated base id, the next suffix to try */
	xmlNodePtr       attendance;  /* the first attendance element */
	xmlNodePtr       chair;       /* the chair's attendee element */
	int              chair_marked; /* some attendee says chair="yes", present or not */
	xmlNodePtr       register_;   /* c:register, created on the first action */
	int              want_register;
};

/* ------------------------------------------------------------ meeting */

static void
S_meeting(struct mstate *m, xmlNodePtr root)
{
	xmlNodePtr meet = tree_child(root, "meeting"), n;
	int start = -1, end = -1;

	tree_set(root, "status", str_or(tree_attr(root, "status"), "approved"));
	if (meet == NULL)
		return;
	if ((n = tree_child(meet, "title")) != NULL) {
		char *t = tree_text_folded(n);

		tree_set(root, "title", t);
		free(t);
	} else if ((n = tree_child(meet, "body")) != NULL) {
		char *b = tree_text_folded(n);
		char *t = xasprintf("Minutes of the meeting of %s", b);

		tree_set(root, "title", t);
		free(t);
		free(b);
	}
	if ((n = tree_child(meet, "date")) != NULL) {
		char *v = tree_text_folded(n);
		struct date d;

		if (date_parse(v, &d) == 0) {
			char *s = date_display(&d, DATE_LONG);

			tree_set(root, "date-display", s);
			free(s);
			tree_take(root, "weekday-display", date_display(&d, DATE_WEEKDAY));
		} else
			source_msg(m->c->src, n, NULL, DE_ERROR,
			    "bad meeting date: expected YYYY-MM-DD with a year from 1000");
		free(v);
	}
	if ((n = tree_child(meet, "start")) != NULL) {
		char *v = tree_text_folded(n);

		if ((start = time_parse(v)) >= 0)
			tree_take(root, "start-display", time_display(start));
		free(v);
	}
	if ((n = tree_child(meet, "end")) != NULL) {
		char *v = tree_text_folded(n);

		if ((end = time_parse(v)) >= 0) {
			tree_take(root, "end-display", time_display(end));
			if (start >= 0 && end <= start)
				source_msg(m->c->src, n, NULL, DE_TIME_ORDER,
				    tree_get(root, "end-display"), tree_get(root, "start-display"));
		}
		free(v);
	}
}

/* ------------------------------------------------------------ attendance */

static void
S_attendee(struct mstate *m, xmlNodePtr a, xmlHashTablePtr seen, int present)
{
	const struct compute *c = m->c;
	const char *pid = tree_attr(a, "person");
	xmlNodePtr p = resolve_get(c->ids, pid);
	xmlNodePtr first;

	if (p == NULL || resolve_kind_of(p) != REF_PERSON)
		return;   /* reported by resolve */
	if ((first = xmlHashLookup(seen, (const xmlChar *)pid)) != NULL) {
		source_msg(c->src, a, "person", DE_ATTENDANCE_TWICE, pid);
		source_msg(c->src, first, "person", DN_FIRST_LISTED, pid);
	} else
		xmlHashAddEntry(seen, (const xmlChar *)pid, a);

	tree_take(a, "name", who_display(c, pid));
	tree_take(a, "plain-name", who_plain(c, pid));
	tree_take(a, "initials", who_initials(c, pid));
	if (tree_attr(p, "post"))
		tree_set(a, "post", tree_attr(p, "post"));
	if (tree_get(p, "org-name")) {
		tree_set(a, "org-name", tree_get(p, "org-name"));
		tree_set(a, "org-short", tree_get(p, "org-short"));
	}
	if (tree_attr(a, "representing")) {
		tree_take(a, "representing-name", who_display(c, tree_attr(a, "representing")));
	}
	if (str_or(tree_attr(a, "chair"), "no")[0] == 'y') {
		m->chair_marked = 1;
		if (m->chair != NULL)
			source_msg(c->src, a, "chair", DE_TWO_CHAIRS, pid);
		else if (!present)
			source_msg(c->src, a, "chair", DE_CHAIR_ABSENT, pid);
		else {
			m->chair = a;
			tree_set(a, "chair", "yes");
		}
	}
}

static void
S_attendance(struct mstate *m, xmlNodePtr att)
{
	static const struct {
		const char *list;    /* child element */
		const char *count;   /* root attribute for its count */
	} lists[] = {
		{ "present", "present-count" },
		{ "in-attendance", "in-attendance-count" },
		{ "observers", "observers-count" },
		{ "apologies", "apologies-count" },
	};
	xmlNodePtr root = xmlDocGetRootElement(att->doc);
	xmlHashTablePtr seen = xmlHashCreate(64);

	tree_set(att, "layout", str_or(tree_attr(att, "layout"), "table"));
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		xmlNodePtr l = tree_child(att, lists[i].list);
		long n = 0;

		if (l == NULL) {
			tree_set_long(root, lists[i].count, 0);
			continue;
		}
		tree_set(l, "style", str_or(tree_attr(l, "style"), "list"));
		for (xmlNodePtr a = tree_first_elem(l); a != NULL; a = tree_next_elem(a)) {
			S_attendee(m, a, seen, i == 0);
			n++;
		}
		tree_set_long(l, "count", n);
		tree_set_long(root, lists[i].count, n);
	}
	xmlHashFree(seen, NULL);
	if (m->chair != NULL)
		tree_set(root, "chair-name", tree_get(m->chair, "name"));
	else if (!m->chair_marked)
		source_msg(m->c->src, tree_child(att, "present") ? tree_child(att, "present") : att,
		    NULL, DW_NO_CHAIR);
}

/* ------------------------------------------------------------ items */

/* A stable id for an item from its label: "38/10" → "item-38-10". */
static char *
S_item_id(struct mstate *m, xmlNodePtr it, const char *label, long pos)
{
	struct buf b = { 0 };
	char *id;
	int dash = 0;

	if (tree_attr(it, "id"))
		return xstrdup(tree_attr(it, "id"));
	buf_puts(&b, "item-");
	for (const char *p = label ? label : ""; *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
			if (dash && b.len > 5)
				buf_putc(&b, '-');
			buf_putc(&b, (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
			dash = 0;
		} else
			dash = 1;
	}
	if (b.len == 5)
		buf_printf(&b, "%ld", pos);
	/*
	 * Unique among generated ids and the author's ids.  Each base keeps the
	 * next suffix to try, so that many items with one label stay linear.
	 */
	{
		char *base = xstrdup(buf_str(&b));
		long *next = xmlHashLookup(m->suffix, (const xmlChar *)base);

		if (next == NULL) {
			next = xmalloc(sizeof(*next));
			*next = 2;
			xmlHashAddEntry(m->suffix, (const xmlChar *)base, next);
		}
		while (xmlHashLookup(m->item_ids, (const xmlChar *)buf_str(&b)) != NULL ||
		    resolve_get(m->c->ids, buf_str(&b)) != NULL) {
			b.len = 0;
			buf_printf(&b, "%s-%ld", base, (*next)++);
		}
		free(base);
	}
	id = xstrdup(buf_str(&b));
	xmlHashAddEntry(m->item_ids, (const xmlChar *)id, it);
	buf_free(&b);
	return id;
}

static void
S_register_add(struct mstate *m, xmlNodePtr action, xmlNodePtr item)
{
	xmlNodePtr root = xmlDocGetRootElement(action->doc);
	xmlNsPtr cns = tree_cns(action->doc);
	xmlNodePtr e, title;
	static const char *const copy[][2] = {
		{ "number", "number" }, { "item", "item" }, { "owners", "owner-names" },
		{ "initials", "owner-initials" }, { "due", "due-display" },
		{ "status", "status" }, { "action", "id" },
	};

	if (!m->want_register)
		return;
	if (m->register_ == NULL)
		m->register_ = xmlNewChild(root, cns, (const xmlChar *)"register", NULL);
	e = xmlNewChild(m->register_, cns, (const xmlChar *)"entry", NULL);
	for (size_t i = 0; i < sizeof(copy) / sizeof(copy[0]); i++) {
		const char *v = tree_get(action, copy[i][1]);

		if (v)
			xmlNewProp(e, (const xmlChar *)copy[i][0], (const xmlChar *)v);
	}
	/* the action's words, or the item's title when the action has none */
	if (tree_first_elem(action) == NULL) {
		char *t = tree_text_folded(action);
		int empty = t[0] == '\0';

		free(t);
		if (empty && (title = tree_child(item, "title")) != NULL) {
			xmlNodePtr copied = xmlDocCopyNodeList(action->doc, title->children);

			if (copied)
				xmlAddChildList(e, copied);
			return;
		}
	}
	if (action->children) {
		xmlNodePtr copied = xmlDocCopyNodeList(action->doc, action->children);

		if (copied)
			xmlAddChildList(e, copied);
	}
}

static void
S_action(struct mstate *m, xmlNodePtr a, xmlNodePtr top, xmlNodePtr item)
{
	const char *owner = tree_attr(a, "owner");

	m->actions++;
	tree_set_long(a, "number", m->actions);
	tree_take(a, "owner-names", who_join(m->c, owner, who_plain));
	tree_take(a, "owner-initials", who_join(m->c, owner, who_initials));
	compute_date_attr(m->c, a, "due", "due-display", DATE_LONG);
	tree_set(a, "status", str_or(tree_attr(a, "status"), "open"));
	if (top && tree_get(top, "number"))
		tree_set(a, "item", tree_get(top, "number"));
	if (tree_attr(a, "id"))
		tree_set(a, "id", tree_attr(a, "id"));
	else
		tree_take(a, "id", xasprintf("action-%ld", m->actions));
	S_register_add(m, a, item);
}

static void S_items(struct mstate *, xmlNodePtr, const char *, long, int, xmlNodePtr);

static void
S_next_meeting(struct mstate *m, xmlNodePtr n)
{
	const char *t = tree_attr(n, "time");

	compute_date_attr(m->c, n, "date", "date-display", DATE_WEEKDAY);
	if (t && time_parse(t) >= 0) {
		char *s = time_display(time_parse(t));

		tree_set(n, "time-display", s);
		free(s);
	}
}

/* What is inside an item other than its sub-items. */
static void
S_item_body(struct mstate *m, xmlNodePtr it, xmlNodePtr top)
{
	for (xmlNodePtr n = tree_first_elem(it); n != NULL; n = tree_next_elem(n)) {
		if (tree_is(n, "action"))
			S_action(m, n, top, it);
		else if (tree_is(n, "resolved") || tree_is(n, "agreed") ||
		    tree_is(n, "recommendation")) {
			long k = 0;

			for (xmlNodePtr p = tree_first_elem(n); p; p = tree_next_elem(p))
				if (tree_is(p, "part")) {
					char *l = label_for("1)", ++k);

					tree_set(p, "number", l);
					free(l);
				}
		} else if (tree_is(n, "action-updates")) {
			compute_date_attr(m->c, n, "from", "from-display", DATE_LONG);
			for (xmlNodePtr cr = tree_first_elem(n); cr; cr = tree_next_elem(cr)) {
				char *s = who_join(m->c, tree_attr(cr, "lead"), who_plain);
				const char *note = tree_attr(cr, "lead-note");

				if (note) {
					char *t = xasprintf("%s%s%s", s, s[0] ? " / " : "", note);

					free(s);
					s = t;
				}
				tree_set(cr, "lead-names", s);
				free(s);
				tree_set(cr, "status", str_or(tree_attr(cr, "status"), "ongoing"));
			}
		} else if (tree_is(n, "declarations")) {
			long k = 0;

			for (xmlNodePtr dcl = tree_first_elem(n); dcl; dcl = tree_next_elem(dcl))
				k++;
			tree_set_long(n, "count", k);
		} else if (tree_is(n, "next-meeting"))
			S_next_meeting(m, n);
		else if (tree_is(n, "attendance")) {
			if (m->attendance == NULL) {
				m->attendance = n;
				S_attendance(m, n);
			} else
				source_msg(m->c->src, n, NULL, DE_ATTENDANCE_COUNT);
		}
	}
}

/*
 * Number the items among the children of PARENT with format FMT from
 * FIRST; LEVEL is 1 for the minutes' own items.  TOP is the top-level item
 * enclosing them (NULL at level 1).
 */
static void
S_items(struct mstate *m, xmlNodePtr parent, const char *fmt, long first,
    int level, xmlNodePtr top)
{
	struct label_fmt f;
	long count = first, pos = 0;
	int have_fmt = label_parse(fmt, &f) == 0;

	if (!have_fmt)
		source_msg(m->c->src, parent, level == 1 ? "numbering" : "sub-numbering",
		    DE_ERROR, "the numbering format has no counter: expected one of 1, a, A, i, I or ONE standing apart, e.g. \"1.\" or \"a)\"");
	for (xmlNodePtr it = tree_first_elem(parent); it != NULL; it = tree_next_elem(it)) {
		const char *fixed = tree_attr(it, "number");
		const char *numbered = tree_attr(it, "numbered");
		char *label = NULL, *id;

		if (!tree_is(it, "item"))
			continue;
		pos++;
		if (fixed != NULL)
			label = xstrdup(fixed);
		else if (numbered == NULL || strcmp(numbered, "no") != 0) {
			if (have_fmt)
				label = label_make(&f, count);
			count++;
		}
		if (label) {
			size_t len = strlen(label);

			tree_set(it, "number", label);
			/* a cross-reference to a top-level item: "item 5", "item 38/10", "Item 3" */
			while (len > 0 && (label[len - 1] == '.' || label[len - 1] == ')'))
				len--;
			if (level == 1 && len > 0)
				tree_take(it, "xref", isalpha((unsigned char)label[0]) ?
				    xstrndup(label, len) : xasprintf("item %.*s", (int)len, label));
		}
		tree_set_long(it, "level", level);
		id = S_item_id(m, it, label, pos);
		tree_set(it, "id", id);
		free(id);
		free(label);
		if (tree_attr(it, "presenter")) {
			char *s = who_join(m->c, tree_attr(it, "presenter"), who_plain);

			tree_set(it, "presenter-names", s);
			free(s);
		}
		if (tree_attr(it, "refers"))
			tree_set(it, "refers", tree_attr(it, "refers"));
		if (tree_first_elem(it) == NULL)
			source_msg(m->c->src, it, NULL, DW_EMPTY_ITEM);

		S_item_body(m, it, top ? top : it);
		S_items(m, it, str_or(tree_attr(it, "sub-numbering"), "a)"), 1,
		    level + 1, top ? top : it);
	}
	if (have_fmt)
		label_free(&f);
}

void
minutes_compute(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc);
	struct mstate m;
	const char *first = tree_attr(root, "first");
	xmlNodePtr att;
	long f = first ? strtol(first, NULL, 10) : 1;

	memset(&m, 0, sizeof(m));
	m.c = c;
	m.item_ids = xmlHashCreate(64);
	m.suffix = xmlHashCreate(64);
	m.want_register = strcmp(str_or(tree_attr(root, "register"), "yes"), "no") != 0;

	S_meeting(&m, root);
	/* attendance before the items, or inside the first of them */
	if ((att = tree_child(root, "attendance")) != NULL) {
		m.attendance = att;
		S_attendance(&m, att);
	}
	S_items(&m, root, str_or(tree_attr(root, "numbering"), "1."), f > 0 ? f : 1, 1, NULL);
	if (m.attendance == NULL) {
		static const char *const counts[] = {
			"present-count", "in-attendance-count", "observers-count", "apologies-count",
		};

		for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
			tree_set_long(root, counts[i], 0);
	}
	if ((att = tree_child(root, "next-meeting")) != NULL)
		S_next_meeting(&m, att);
	if (m.register_ != NULL) {
		char num[32];

		snprintf(num, sizeof(num), "%ld", m.actions);
		xmlNewProp(m.register_, (const xmlChar *)"count", (const xmlChar *)num);
	}
	xmlHashFree(m.item_ids, NULL);
	xmlHashFree(m.suffix, xmlHashDefaultDeallocator);
}
