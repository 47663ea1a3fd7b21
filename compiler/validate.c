/* validate.c: XML Schema validation with libxml2, its messages reworded into csdoc's. */
#include "validate.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>

#include "load.h"
#include "paths.h"
#include "source.h"
#include "suggest.h"
#include "util.h"
#include "vocab.h"

/* One row per kind: root element and schema file. */
static const struct {
	enum doc_kind kind;
	const char   *root;
	const char   *schema;
} kinds[] = {
	{ KIND_MINUTES, "minutes", "schemas/minutes.xsd" },
	{ KIND_AGREEMENT, "agreement", "schemas/agreement.xsd" },
	{ KIND_PERFORMANCE, "performance-report", "schemas/performance-report.xsd" },
	{ KIND_REPORT, "report", "schemas/report.xsd" },
	{ KIND_PACK, "meeting-pack", "schemas/meeting-pack.xsd" },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static xmlSchemaPtr schemas[NKINDS];
static struct vocab *vocabs[NKINDS];   /* read when a suggestion needs them */
static xmlSchemaPtr print_schema;

const char *
validate_kind_name(enum doc_kind kind)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kinds[i].kind == kind)
			return kinds[i].root;
	return "?";
}

enum doc_kind
validate_kind(xmlDocPtr doc, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct buf want = { 0 };

	for (size_t i = 0; i < NKINDS; i++) {
		if (root != NULL && root->ns != NULL &&
		    strcmp((const char *)root->ns->href, CSDOC_NS) == 0 &&
		    strcmp((const char *)root->name, kinds[i].root) == 0) {
			buf_free(&want);
			return kinds[i].kind;
		}
		buf_printf(&want, "%s<%s>", i ? ", " : "", kinds[i].root);
	}
	if (root == NULL)
		diag_msg(d, DE_NOT_CSDOC, 0, 0, "the document has no root element");
	else {
		char *m;

		if (root->ns == NULL || strcmp((const char *)root->ns->href, CSDOC_NS) != 0)
			m = xasprintf("root element <%s> is not in the csdoc namespace: expected xmlns=\"" CSDOC_NS "\"",
			    (const char *)root->name);
		else {
			struct suggest sg;
			char *near;

			suggest_init(&sg, (const char *)root->name);
			for (size_t i = 0; i < NKINDS; i++)
				suggest_offer(&sg, kinds[i].root, NULL, NULL);
			near = suggest_text(&sg, "<", ">");
			m = xasprintf("<%s> is not a csdoc document kind: expected %s%s",
			    (const char *)root->name, buf_str(&want), near ? near : "");
			free(near);
		}
		diag_msg(d, DE_NOT_CSDOC, xmlGetLineNo(root), 0, m);
		free(m);
	}
	buf_free(&want);
	return KIND_NONE;
}

/* ------------------------------------------------------------ rewording */

/* S begins with the literal L. */
#define STARTS(s, l) (strncmp((s), (l), sizeof(l) - 1) == 0)

/* What a value of schema type or pattern T must look like, in a user's words. */
static const struct {
	const char *type;   /* type name as libxml2 prints it, or a pattern */
	const char *want;
} wants[] = {
	{ "xs:date", "a date written YYYY-MM-DD, e.g. 2011-03-10" },
	{ "{urn:csdoc:1}date", "a date written YYYY-MM-DD, e.g. 2011-03-10" },
	{ "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date written YYYY-MM-DD, e.g. 2011-03-10" },
	{ "xs:positiveInteger", "a whole number, 1 or more" },
	{ "xs:nonNegativeInteger", "a whole number, 0 or more" },
	{ "xs:integer", "a whole number" },
	{ "xs:decimal", "a number" },
	{ "xs:NCName", "an id: a letter, then letters, digits, '-', '_' or '.'" },
	{ "{urn:csdoc:1}id", "an id: a letter, then letters, digits, '-', '_' or '.'" },
	{ "{urn:csdoc:1}ref", "an id: a letter, then letters, digits, '-', '_' or '.'" },
	{ "{urn:csdoc:1}refs", "one or more ids separated by spaces" },
	{ "xs:language", "a language tag such as en-GB" },
	{ "([01][0-9]|2[0-3]):[0-5][0-9]", "a time HH:MM on the 24-hour clock, e.g. 09:30 or 14:00" },
	{ "(.*[^\\p{L}\\p{N}])?[1aAiI]([^\\p{L}\\p{N}].*)?", "a label with one counter (1, a, A, i or I), e.g. \"1.\", \"a)\" or \"Item 1\"" },
	{ ".*\\S.*", "some text, not only spaces" },
	{ "[1-9][0-9]?%", "a percentage from 1% to 99%, e.g. 30%" },
	{ "#[0-9a-fA-F]{6}", "a colour #rrggbb" },
	{ "([A-Za-z0-9_][A-Za-z0-9_.\\-]*/)*[A-Za-z0-9_][A-Za-z0-9_.\\-]*\\.xml",
	    "a .xml file in this document's folder or below it, such as minutes.xml or papers/budget.xml" },
	{ "([A-Za-z0-9_][A-Za-z0-9_.\\-]*/)*[A-Za-z0-9_][A-Za-z0-9_.\\-]*\\.png",
	    "a .png file in this document's folder or below it, such as logo.png or images/logo.png" },
	{ "([A-Za-z0-9_][A-Za-z0-9_.\\-]*/)*[A-Za-z0-9_][A-Za-z0-9_.\\-]*\\.[cC][sS][vV]",
	    "a .csv file in this document's folder or below it, such as figures.csv or data/figures.csv" },
};

static const char *
S_want(const char *type)
{
	for (size_t i = 0; i < sizeof(wants) / sizeof(wants[0]); i++)
		if (strcmp(wants[i].type, type) == 0)
			return wants[i].want;
	return NULL;
}

/* Copy of S with every "{urn:csdoc:1}NAME" (quoted or not) made "<NAME>". */
static char *
S_names(const char *s)
{
	static const char ns[] = "{" CSDOC_NS "}";
	struct buf b = { 0 };
	char *out;

	while (*s != '\0') {
		int quoted = s[0] == '\'' && strncmp(s + 1, ns, sizeof(ns) - 1) == 0;
		const char *p = s + quoted;

		if (strncmp(p, ns, sizeof(ns) - 1) == 0) {
			const char *n = p + sizeof(ns) - 1;
			size_t len = strcspn(n, "' ,)");

			buf_putc(&b, '<');
			buf_add(&b, n, len);
			buf_putc(&b, '>');
			s = n + len;
			if (quoted && *s == '\'')
				s++;
			continue;
		}
		buf_putc(&b, *s++);
	}
	out = xstrdup(buf_str(&b));
	buf_free(&b);
	return out;
}

/* The text between the first quote after KEY in S and the next quote, or NULL. */
static char *
S_quoted_after(const char *s, const char *key)
{
	const char *p = strstr(s, key), *e;

	if (p == NULL)
		return NULL;
	p = strchr(p + strlen(key), '\'');
	if (p == NULL)
		return NULL;
	e = strchr(p + 1, '\'');
	if (e == NULL)
		return NULL;
	return xstrndup(p + 1, (size_t)(e - p - 1));
}

/* "( <a>, <b> )" → "<a>, <b>", with "one of" when more than one. */
static char *
S_expected(const char *list)
{
	const char *from = strstr(list, "Expected is");
	const char *open = strchr(from ? from : list, '('), *close = strrchr(list, ')');
	char *items, *out;
	int n = 1;

	if (open == NULL || close == NULL || close < open)
		return xstrdup("");
	items = xstrndup(open + 1, (size_t)(close - open - 1));
	for (char *c = items; *c; c++)
		n += *c == ',';
	/* trim the spaces libxml2 puts inside the parentheses */
	{
		char *a = items, *z = items + strlen(items);

		while (*a == ' ')
			a++;
		while (z > a && z[-1] == ' ')
			*--z = '\0';
		/* libxml2 lists at most ten names; say there may be more */
		out = xasprintf("%s%s%s", n > 1 ? "one of " : "", a,
		    n >= 10 ? ", or another" : "");
	}
	free(items);
	return out;
}

/* MSG followed by HINT (both freed), or MSG alone when HINT is NULL. */
static char *
S_with_hint(char *msg, char *hint)
{
	char *out;

	if (hint == NULL)
		return msg;
	out = xasprintf("%s%s", msg, hint);
	free(msg);
	free(hint);
	return out;
}

/* V converted to the form WANT describes, when that is a date or a time. */
static char *
S_value_hint(const char *v, const char *want)
{
	char *conv = NULL, *out;
	const char *note = NULL;

	if (v == NULL || want == NULL)
		return NULL;
	if (STARTS(want, "a date"))
		conv = suggest_date(v, &note);
	else if (STARTS(want, "a time"))
		conv = suggest_time(v);
	if (conv == NULL)
		return NULL;
	out = xasprintf("; did you mean '%s'%s%s%s?", conv, note ? " (" : "", note ? note : "", note ? ")" : "");
	free(conv);
	return out;
}

/* The closest of LIST ("'yes', 'no'", as libxml2 lists a set) to V. */
static char *
S_enum_hint(const char *v, const char *list)
{
	struct suggest sg;
	char *copy = xstrdup(list), *out;

	suggest_init(&sg, v);
	/* the values are the quoted runs: cut each closing quote into an end */
	for (char *p = copy; (p = strchr(p, '\'')) != NULL;) {
		char *e = strchr(p + 1, '\'');

		if (e == NULL)
			break;
		*e = '\0';
		suggest_offer(&sg, p + 1, NULL, NULL);
		p = e + 1;
	}
	out = suggest_text(&sg, "'", "'");
	free(copy);
	return out;
}

char *
validate_reword(const char *msg)
{
	char *elem = NULL, *attr = NULL, *subj, *body, *res = NULL, *plain;
	const char *colon;

	/* Head: Element 'X'[, attribute 'A']: BODY */
	if (STARTS(msg, "Element '")) {
		const char *q = strchr(msg + 9, '\'');

		if (q != NULL) {
			char *raw = xstrndup(msg + 9, (size_t)(q - msg - 9));

			elem = S_names(raw);
			free(raw);
			if (STARTS(q, "', attribute '")) {
				const char *qa = strchr(q + 14, '\'');

				if (qa != NULL)
					attr = xstrndup(q + 14, (size_t)(qa - q - 14));
			}
		}
	}
	colon = strstr(msg, "': ");
	if (elem == NULL || colon == NULL) {
		res = S_names(msg);
		goto done;
	}
	body = (char *)colon + 3;
	if (elem[0] != '<') {
		/* an element of another namespace: name it as written */
		char *e = xasprintf("<%s>", elem);
		free(elem);
		elem = e;
	}
	subj = attr ? xasprintf("attribute '%s' of %s", attr, elem) : xstrdup(elem);

	if (STARTS(body, "This element is not expected.")) {
		if (strstr(body, "Expected is")) {
			char *l = S_names(body), *x = S_expected(l);

			res = xasprintf("element %s is not allowed here: expected %s", elem, x);
			free(l);
			free(x);
		} else
			res = xasprintf("element %s is not allowed here", elem);
	} else if (STARTS(body, "Missing child element(s).")) {
		char *l = S_names(body), *x = S_expected(l);

		res = xasprintf("%s is missing a required element: expected %s", elem, x);
		free(l);
		free(x);
	} else if (strstr(body, "is required but missing")) {
		char *a = S_quoted_after(body, "attribute");

		res = xasprintf("%s is missing the required attribute '%s'", elem, a ? a : "?");
		free(a);
	} else if (strstr(body, "is not allowed.") && STARTS(body, "The attribute")) {
		char *a = S_quoted_after(body, "attribute");

		res = xasprintf("attribute '%s' is not allowed on %s", a ? a : "?", elem);
		free(a);
	} else if (strstr(body, "is not a valid value of")) {
		char *v = xstrndup(body + 1, strcspn(body + 1, "'"));
		char *t = S_quoted_after(body, "type");
		const char *w = t ? S_want(t) : NULL;

		if (w)
			res = xasprintf("bad value '%s' for %s: expected %s", v, subj, w);
		else
			res = xasprintf("bad value '%s' for %s", v, subj);
		res = S_with_hint(res, S_value_hint(v, w));
		free(v);
		free(t);
	} else if (STARTS(body, "[facet 'enumeration']")) {
		char *v = S_quoted_after(body, "The value");
		const char *set = strchr(body, '{'), *end = set ? strchr(set, '}') : NULL;
		char *list = set && end ? xstrndup(set + 1, (size_t)(end - set - 1)) : xstrdup("?");

		res = xasprintf("bad value '%s' for %s: expected one of %s", v ? v : "", subj, list);
		res = S_with_hint(res, S_enum_hint(v, list));
		free(v);
		free(list);
	} else if (STARTS(body, "[facet 'pattern']")) {
		char *v = S_quoted_after(body, "The value");
		char *pat = S_quoted_after(body, "pattern '");
		const char *w = NULL;

		/* S_quoted_after skipped past "pattern '"; take the pattern itself */
		free(pat);
		{
			const char *p = strstr(body, "by the pattern '");
			const char *e = p ? strrchr(p, '\'') : NULL;

			pat = p && e > p + 16 ? xstrndup(p + 16, (size_t)(e - p - 16)) : NULL;
		}
		w = pat ? S_want(pat) : NULL;
		if (v != NULL && v[0] == '\0')
			res = xasprintf("%s is empty: expected %s", subj, w ? w : "a value");
		else
			res = xasprintf("bad value '%s' for %s: expected %s", v ? v : "", subj, w ? w : "another form");
		res = S_with_hint(res, S_value_hint(v, w));
		free(v);
		free(pat);
	} else if (STARTS(body, "[facet 'minLength']")) {
		res = xasprintf("%s is empty or too short", subj);
	} else if (STARTS(body, "[facet 'maxLength']")) {
		char *m = S_quoted_after(body, "maximum length of");

		/* libxml2 cuts its message of a very long value short, maximum and all */
		res = m ? xasprintf("%s is too long: at most %s characters", subj, m) :
		    xasprintf("%s is too long", subj);
		free(m);
	} else if (STARTS(body, "[facet 'maxInclusive']") ||
	    STARTS(body, "[facet 'minInclusive']")) {
		char *v = S_quoted_after(body, "The value");
		char *lim = S_quoted_after(body, "inclusive");
		int max = body[9] == 'a';

		res = xasprintf("bad value '%s' for %s: expected %s %s", v ? v : "", subj,
		    max ? "at most" : "at least", lim ? lim : "?");
		free(v);
		free(lim);
	} else if (strstr(body, "Character content other than whitespace is not allowed")) {
		res = xasprintf("text is not allowed directly in %s: put it in an element such as <p>", elem);
	} else if (strstr(body, "Element content is not allowed")) {
		res = xasprintf("%s holds text only, not elements", elem);
	} else if (strstr(body, "No matching global declaration")) {
		res = xasprintf("%s is not a csdoc document", elem);
	} else {
		plain = S_names(body);
		res = xasprintf("%s: %s", subj, plain);
		free(plain);
	}
	free(subj);
done:
	free(elem);
	free(attr);
	/* no trailing full stop: csdoc messages are clauses */
	{
		size_t n = strlen(res);

		while (n > 0 && (res[n - 1] == '.' || res[n - 1] == '\n' || res[n - 1] == ' '))
			res[--n] = '\0';
	}
	return res;
}

/* ------------------------------------------------------------ validation */

struct vstate {
	struct source *src;
	struct diag *d;
	int          errors;
	long         last_line;   /* of the last message kept */
	char        *last_subj;   /* its element and attribute, to drop echoes */
	int          last_facet;  /* it was a facet message */
	size_t       kind;        /* index in kinds[] */
};

/* The names the schema of kinds[K] declares, read once; NULL if unreadable. */
static const struct vocab *
S_vocab(size_t k)
{
	static int tried[NKINDS];

	if (vocabs[k] == NULL && !tried[k]) {
		char *path = paths_data(kinds[k].schema);

		tried[k] = 1;
		vocabs[k] = vocab_load(path);
		free(path);
	}
	return vocabs[k];
}

/* The names libxml2 lists after "Expected is" in BODY, into SG; returns the copy they live in. */
static char *
S_offer_expected(struct suggest *sg, const char *body)
{
	static const char ns[] = "{" CSDOC_NS "}";
	const char *open = strstr(body, "Expected is");
	char *copy, *p;

	open = open ? strchr(open, '(') : NULL;
	if (open == NULL)
		return NULL;
	copy = xstrdup(open + 1);
	for (p = copy; *p != '\0' && *p != ')';) {
		char *e;

		p += strspn(p, " ,");
		if (strncmp(p, ns, sizeof(ns) - 1) == 0)
			p += sizeof(ns) - 1;
		e = p + strcspn(p, " ,)");
		if (*e == '\0' || *e == ')') {
			*e = '\0';
			suggest_offer(sg, p, NULL, NULL);
			break;
		}
		*e = '\0';
		suggest_offer(sg, p, NULL, NULL);
		p = e + 1;
	}
	return copy;
}

/*
 * What the author probably meant, after the message MSG about NODE (and
 * ATTR): the closest attribute the element has, the closest element its
 * parent may hold, or where a known element belongs.  NULL if no guess.
 */
static char *
S_hint(struct vstate *st, const char *msg, xmlNodePtr node, const char *attr)
{
	const char *body = strstr(msg, "': ");
	const struct vocab *v;
	struct suggest sg;
	const char *name, *parent;
	char *out = NULL;

	if (body == NULL || node == NULL || node->type != XML_ELEMENT_NODE ||
	    node->ns == NULL || !xmlStrEqual(node->ns->href, (const xmlChar *)CSDOC_NS))
		return NULL;
	body += 3;
	name = (const char *)node->name;
	/* the element it is in, NULL at the top */
	parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE ?
	    (const char *)node->parent->name : NULL;
	if (attr != NULL && STARTS(body, "The attribute") && strstr(body, "is not allowed")) {
		if ((v = S_vocab(st->kind)) == NULL)
			return NULL;
		suggest_init(&sg, attr);
		for (size_t i = 0; vocab_attr_in(v, parent, name, i) != NULL; i++)
			suggest_offer(&sg, vocab_attr_in(v, parent, name, i), NULL, NULL);
		return suggest_text(&sg, "'", "'");
	}
	if (attr != NULL || !STARTS(body, "This element is not expected."))
		return NULL;
	v = S_vocab(st->kind);
	if (vocab_is_element(v, name)) {
		/* a name of the vocabulary, so not misspelt: say where it goes */
		struct buf b = { 0 };
		size_t n = 0;

		while (vocab_parent(v, name, n) != NULL) {
			if (parent != NULL && strcmp(vocab_parent(v, name, n), parent) == 0)
				return NULL;   /* right parent, wrong order: the list says what comes here */
			n++;
		}
		if (n == 0 || n > 3)
			return NULL;
		buf_printf(&b, "; <%s> belongs in ", name);
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s<%s>", i == 0 ? "" : i + 1 == n ? " or " : ", ",
			    vocab_parent(v, name, i));
		out = xstrdup(buf_str(&b));
		buf_free(&b);
		return out;
	}
	suggest_init(&sg, name);
	{
		/*
		 * Only what libxml2 says may come at this point: the parent's
		 * other children may be allowed only earlier (<title> after a
		 * <p>), and suggesting one would send the author to a second
		 * error.  libxml2 sometimes gives no list at all; then the
		 * parent's children are the only clue, less those already
		 * given before this one: a <title> after the section's title
		 * and a <p> is not what <titel> there meant.  Silence is
		 * better than a wrong guess.
		 */
		char *copy = S_offer_expected(&sg, body);

		if (copy == NULL && parent != NULL)
			for (size_t i = 0; vocab_child(v, parent, i) != NULL; i++) {
				const char *kid = vocab_child(v, parent, i);
				int before = 0;

				for (xmlNodePtr o = node->prev; o != NULL && !before; o = o->prev)
					before = o->type == XML_ELEMENT_NODE &&
					    xmlStrEqual(o->name, (const xmlChar *)kid);
				if (!before)
					suggest_offer(&sg, kid, NULL, NULL);
			}
		out = suggest_text(&sg, "<", ">");
		free(copy);
	}
	return out;
}

static void
S_verror(void *ctx, xmlErrorPtr e)
{
	struct vstate *st = ctx;
	const char *msg = e && e->message ? e->message : "schema error";
	int facet = strstr(msg, "[facet '") != NULL;
	int atomic = strstr(msg, "is not a valid value of") != NULL;
	const char *c = strstr(msg, "': ");
	char *subj = c ? xstrndup(msg, (size_t)(c - msg)) : xstrdup("");
	char *text;

	/*
	 * libxml2 reports a failed facet, then the same value again as "not a
	 * valid value of the type": the first says more, keep only it.
	 */
	if (atomic && st->last_facet && st->last_line == e->line &&
	    st->last_subj && strcmp(st->last_subj, subj) == 0) {
		free(subj);
		return;
	}
	text = validate_reword(msg);
	{
		/* libxml2 gives a line; the source text gives the column */
		long line = e->line, col = 0;
		xmlNodePtr node = e->node;
		char *attr = STARTS(msg, "Element '") ? S_quoted_after(msg, "', attribute") : NULL;

		if (node != NULL && node->type == XML_ELEMENT_NODE && st->src != NULL)
			source_pos(st->src, node, attr, &line, &col);
		text = S_with_hint(text, S_hint(st, msg, node, attr));
		free(attr);
		diag_msg(st->d, e->level == XML_ERR_WARNING ? DW_WARNING : DE_SCHEMA,
		    line, col, text);
	}
	if (e->level != XML_ERR_WARNING)
		st->errors++;
	free(text);
	free(st->last_subj);
	st->last_subj = subj;
	st->last_line = e->line;
	st->last_facet = facet;
}

static xmlSchemaPtr
S_load_schema(const char *rel, xmlSchemaPtr *slot, struct diag *d)
{
	xmlSchemaParserCtxtPtr pctxt;
	char *path;

	if (*slot != NULL)
		return *slot;
	path = paths_data(rel);
	pctxt = xmlSchemaNewParserCtxt(path);
	if (pctxt != NULL) {
		xmlSchemaSetParserStructuredErrors(pctxt, NULL, NULL);
		*slot = xmlSchemaParse(pctxt);
		xmlSchemaFreeParserCtxt(pctxt);
	}
	if (*slot == NULL) {
		char *m = xasprintf("cannot load the schema %s (set CSDOC_DATA to the directory holding schemas/)", path);

		diag_msg(d, DF_INTERNAL, 0, 0, m);
		free(m);
	}
	free(path);
	return *slot;
}

/* Validate DOC against SCHEMA, errors to HANDLER; libxml2's result, or -1. */
static int
S_run(xmlSchemaPtr schema, xmlDocPtr doc, xmlStructuredErrorFunc handler,
    void *ctx, struct diag *d)
{
	xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
	int rc;

	if (vctxt == NULL) {
		diag_msg(d, DF_INTERNAL, 0, 0, "cannot create a schema validator");
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, handler, ctx);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	return rc;
}

/*
 * Nesting the schema allows but the page cannot hold: every list indents
 * its entries, and every inline element is one more level of the print
 * tree, whose typesetter stops at 100 (and then could name only a line of
 * the print tree).  Reported once each, at the first element too deep.
 */
#define VALIDATE_MAX_LISTS  8
#define VALIDATE_MAX_INLINE 16

static int
S_is_inline(const xmlNode *n)
{
	static const char *const names[] = { "em", "strong", "u", "sup", "sub", "a",
		"q", "abbr", "name", "date", "figure", "fn", "xref" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (xmlStrEqual(n->name, (const xmlChar *)names[i]))
			return 1;
	return 0;
}

static int
S_nesting(struct source *src, xmlNodePtr root)
{
	int lists = 0, inl = 0, bad_lists = 0, bad_inline = 0;

	/* walked without recursion: the parser allows 256 levels */
	for (xmlNodePtr n = root; n != NULL;) {
		int is_list = 0, is_inline = 0;

		if (n->type == XML_ELEMENT_NODE) {
			is_list = xmlStrEqual(n->name, (const xmlChar *)"ul") ||
			    xmlStrEqual(n->name, (const xmlChar *)"ol");
			is_inline = S_is_inline(n);
			lists += is_list;
			inl += is_inline;
			if (is_list && lists > VALIDATE_MAX_LISTS && !bad_lists) {
				bad_lists = 1;
				source_msg(src, n, NULL, DE_LIMIT,
				    "lists are nested more than 8 deep");
			}
			if (is_inline && inl > VALIDATE_MAX_INLINE && !bad_inline) {
				bad_inline = 1;
				source_msg(src, n, NULL, DE_LIMIT,
				    "inline elements (em, strong, a, q, …) are nested more than 16 deep");
			}
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			lists -= is_list;
			inl -= is_inline;
		}
		/* up to the next sibling, leaving each element passed */
		while (n != root && n->next == NULL) {
			n = n->parent;
			if (xmlStrEqual(n->name, (const xmlChar *)"ul") ||
			    xmlStrEqual(n->name, (const xmlChar *)"ol"))
				lists--;
			if (S_is_inline(n))
				inl--;
		}
		if (n == root)
			break;
		n = n->next;
	}
	return bad_lists || bad_inline ? -1 : 0;
}

int
validate_doc(struct source *src, enum doc_kind kind)
{
	struct diag *d = src->d;
	xmlDocPtr doc = src->doc;
	struct vstate st = { src, d, 0, 0, NULL, 0, 0 };
	xmlSchemaPtr schema = NULL;
	int rc;

	for (size_t i = 0; i < NKINDS; i++)
		if (kinds[i].kind == kind) {
			schema = S_load_schema(kinds[i].schema, &schemas[i], d);
			st.kind = i;
		}
	if (schema == NULL)
		return -1;
	rc = S_run(schema, doc, S_verror, &st, d);
	free(st.last_subj);
	if (rc != 0 && st.errors == 0)
		diag_msg(d, DE_SCHEMA, 0, 0, "the document does not match its schema");
	if (rc == 0 && st.errors == 0)
		return S_nesting(src, xmlDocGetRootElement(doc));
	return -1;
}

/* Print-tree errors name the stylesheet as the culprit, not the author. */
static void
S_perror(void *ctx, xmlErrorPtr e)
{
	int *errors = ctx;

	(void)e;
	(*errors)++;
}

void
validate_threads_init(void)
{
	/* libxml2 2.9 makes its built-in types on first use without a lock */
	xmlSchemaInitTypes();
}

void
validate_print_preload(void)
{
	struct diag d;

	/* libxml2's error handlers are per thread: this thread's are quiet too */
	load_thread_init();
	diag_init(&d, "schemas/print.xsd");
	(void)S_load_schema("schemas/print.xsd", &print_schema, &d);
	diag_free(&d);
}

int
validate_print(xmlDocPtr print, struct diag *d)
{
	xmlSchemaPtr schema = S_load_schema("schemas/print.xsd", &print_schema, d);
	int rc, errors = 0;

	if (schema == NULL)
		return -1;
	rc = S_run(schema, print, S_perror, &errors, d);
	if (rc != 0 || errors != 0) {
		diag_msg(d, DF_INTERNAL, 0, 0,
		    "the print stylesheet made a tree that breaks schemas/print.xsd (build with -f print to see it)");
		return -1;
	}
	return 0;
}

void
validate_cleanup(void)
{
	if (print_schema != NULL)
		xmlSchemaFree(print_schema);
	print_schema = NULL;
	for (size_t i = 0; i < NKINDS; i++) {
		if (schemas[i] != NULL)
			xmlSchemaFree(schemas[i]);
		schemas[i] = NULL;
		vocab_free(vocabs[i]);
		vocabs[i] = NULL;
	}
}
