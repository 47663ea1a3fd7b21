/* performance.c: statuses from a report's policy, their reasons, direction of travel and counts, for performance reports. */
#include "rules/performance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/number.h"
#include "rules/dates.h"
#include "rules/label.h"
#include "tree.h"
#include "util.h"

#define MAX_STATUSES 10
#define MAX_RULES    20

/* One status of the policy, best first. */
struct pstatus {
	const char *id, *name, *colour;
	char       *meaning;      /* (owned) */
	int         missing;      /* the status of an indicator with no figures */
	long        count;        /* indicators with it this period */
};

/* One rule: the status it gives, up to how far off target, and whether it asks for improvement. */
struct prule {
	int         status;       /* index into statuses */
	int         has_max;
	struct num  max;          /* fraction off target, e.g. 1/20 for 5% */
	char       *max_text;     /* "5%" (owned) */
	int         improved;     /* 0, 1 previous period, 2 same period last year */
	xmlNodePtr  node;
};

struct pstate {
	struct compute *c;
	struct pstatus  st[MAX_STATUSES];
	size_t          nst;
	struct prule    r[MAX_RULES];
	size_t          nr;
	int             missing;  /* index of the missing status, -1 if none */
	xmlNodePtr      periods;
	xmlNodePtr     *per;      /* periods in order */
	size_t          nper;
	long            cur;      /* index of the current period */
	long            per_year;
	enum num_round  mode;
};

/* ------------------------------------------------------------ policy */

static int
S_status_index(const struct pstate *ps, const char *id)
{
	for (size_t i = 0; i < ps->nst; i++)
		if (id != NULL && strcmp(ps->st[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* "5%" as the fraction 1/20; 0 or -1. */
static int
S_percent(const char *text, struct num *n)
{
	const char *why;

	return num_parse(text, NK_PERCENT, n, NULL, &why);
}

/* The seed's policy, used where a report declares none. */
static void
S_default_policy(struct pstate *ps)
{
	static const struct { const char *id, *name, *colour, *meaning; int missing; } d[] = {
		{ "G", "Green", "green", "On target", 0 },
		{ "A", "Amber", "amber", "Off target by up to 5%", 0 },
		{ "R", "Red", "red", "Off target by more than 5%", 0 },
		{ "NA", "Grey", "grey", "Figures are not available", 1 },
	};

	for (size_t i = 0; i < sizeof(d) / sizeof(d[0]); i++) {
		ps->st[i].id = d[i].id;
		ps->st[i].name = d[i].name;
		ps->st[i].colour = d[i].colour;
		ps->st[i].meaning = xstrdup(d[i].meaning);
		ps->st[i].missing = d[i].missing;
	}
	ps->nst = 4;
	ps->missing = 3;
	ps->r[0].status = 0;
	ps->r[0].has_max = 1;
	ps->r[0].max = num_of(0);
	ps->r[0].max_text = xstrdup("0%");
	ps->r[1].status = 1;
	ps->r[1].has_max = 1;
	(void)S_percent("5%", &ps->r[1].max);
	ps->r[1].max_text = xstrdup("5%");
	ps->r[2].status = 2;
	ps->nr = 3;
}

/*
 * The report's policy, checked: every rule names a status; bands widen
 * from rule to rule (a narrower one after a wider could never apply); the
 * last rule takes every indicator the others leave; one status is for
 * missing figures.
 */
static void
S_policy(struct pstate *ps, xmlNodePtr pol)
{
	struct num widest = num_of(-1);
	int any = 0, all = 0;

	ps->missing = -1;
	if (pol == NULL) {
		S_default_policy(ps);
		return;
	}
	for (xmlNodePtr n = tree_first_elem(pol); n != NULL; n = tree_next_elem(n)) {
		if (tree_is(n, "status") && ps->nst < MAX_STATUSES) {
			struct pstatus *s = &ps->st[ps->nst];

			if (S_status_index(ps, tree_attr(n, "id")) >= 0) {
				source_msg(ps->c->src, n, "id", DE_GIVEN_TWICE, "status", tree_attr(n, "id"));
				continue;
			}
			s->id = tree_attr(n, "id");
			s->name = tree_attr(n, "name");
			s->colour = tree_attr(n, "colour");
			s->meaning = tree_text_folded(n);
			s->missing = str_or(tree_attr(n, "missing"), "no")[0] == 'y';
			if (s->missing) {
				if (ps->missing >= 0)
					source_msg(ps->c->src, n, "missing", DE_ERROR,
					    "a second status for missing figures: only one status can say figures are not available");
				else
					ps->missing = (int)ps->nst;
			}
			ps->nst++;
		} else if (tree_is(n, "rule") && ps->nr < MAX_RULES) {
			struct prule *r = &ps->r[ps->nr];
			const char *max = tree_attr(n, "off-max"), *imp = tree_attr(n, "improved");

			r->node = n;
			/* after a rule that takes everything, no rule is ever tried */
			if (all) {
				source_msg(ps->c->src, n, NULL, DE_ERROR,
				    "this rule can never apply: a rule before it, with neither off-max nor improved, takes every indicator left");
				continue;
			}
			if ((r->status = S_status_index(ps, tree_attr(n, "gives"))) < 0) {
				char *m = xasprintf("rule gives '%s', which is not a status of this policy",
				    tree_attr(n, "gives"));

				source_msg(ps->c->src, n, "gives", DE_ERROR, m);
				free(m);
				continue;
			}
			if (ps->st[r->status].missing)
				source_msg(ps->c->src, n, "gives", DE_ERROR,
				    "a rule cannot give the status for missing figures: csdoc gives it where a figure is missing");
			r->improved = imp == NULL ? 0 : strcmp(imp, "previous") == 0 ? 1 : 2;
			all = max == NULL && imp == NULL;
			if (max != NULL && S_percent(max, &r->max) == 0) {
				r->has_max = 1;
				r->max_text = xstrdup(max);
				/* bands widen: an unconditional band no wider than one before can never apply */
				if (!r->improved) {
					if (any && num_cmp(r->max, widest) <= 0) {
						char *m = xasprintf("this band (up to %s off target) overlaps the ones before it and can never apply: bands must widen from rule to rule", max);

						source_msg(ps->c->src, n, "off-max", DE_ERROR, m);
						free(m);
					} else {
						widest = r->max;
						any = 1;
					}
				}
			}
			ps->nr++;
		}
	}
	if (ps->missing < 0)
		source_msg(ps->c->src, pol, NULL, DE_ERROR,
		    "the policy has no status for missing figures: mark one status missing=\"yes\" (Grey, \"not available\")");
	if (ps->nr == 0 || ps->r[ps->nr - 1].has_max || ps->r[ps->nr - 1].improved) {
		char *m = xasprintf("the rules leave a gap: indicators further off target than the last band (%s) get no status; end with a rule without off-max or improved",
		    ps->nr > 0 && ps->r[ps->nr - 1].max_text ? ps->r[ps->nr - 1].max_text : "none");

		source_msg(ps->c->src, pol, NULL, DE_ERROR, m);
		free(m);
	}
}

/* ------------------------------------------------------------ periods */

static long
S_period_index(const struct pstate *ps, const char *id)
{
	for (size_t i = 0; i < ps->nper; i++)
		if (id != NULL && strcmp(tree_attr(ps->per[i], "id"), id) == 0)
			return (long)i;
	return -1;
}

static void
S_periods(struct pstate *ps, xmlNodePtr periods)
{
	size_t cap = 0;

	ps->periods = periods;
	ps->cur = -1;
	ps->per_year = strtol(str_or(tree_attr(periods, "per-year"), "4"), NULL, 10);
	for (xmlNodePtr p = tree_first_elem(periods); p != NULL; p = tree_next_elem(p)) {
		char *label;

		if (!tree_is(p, "period"))
			continue;
		if (ps->nper == cap) {
			cap = cap ? cap * 2 : 16;
			ps->per = xreallocarray(ps->per, cap, sizeof(*ps->per));
		}
		ps->per[ps->nper++] = p;
		label = tree_text_folded(p);
		tree_take(p, "label", label);
	}
	ps->cur = S_period_index(ps, tree_attr(periods, "current"));
	if (ps->cur < 0)
		source_msg(ps->c->src, periods, "current", DE_ERROR,
		    "the current period is not one of the <period>s");
}

/* ------------------------------------------------------------ one indicator */

/*
 * The value typed in N, read as a plain number; 0, or -1 after reporting
 * (unless QUIET: a figure csdoc made of it reports the same text itself).
 */
static int
S_value(struct pstate *ps, xmlNodePtr n, struct num *v, int quiet)
{
	char *t = tree_text_folded(n);
	const char *why;
	int rc = num_parse(t, NK_NUMBER, v, NULL, &why);

	/* a measure in per cent may be typed with its sign */
	if (rc != 0 && strchr(t, '%') != NULL && num_parse(t, NK_PERCENT, v, NULL, &why) == 0) {
		(void)num_mul(*v, num_of(100), v);
		rc = 0;
	}
	if (rc != 0 && !quiet) {
		char *m = xasprintf("bad figure '%s': %s", t, why);

		source_msg(ps->c->src, n, NULL, DE_ERROR, m);
		free(m);
	}
	free(t);
	return rc;
}

/* A percentage for a reason, to one place: "3.5%". A new string. */
static char *
S_pct(struct num f)
{
	char *s = NULL;

	if (num_display(num_abs(f), NK_PERCENT, 1, NR_HALF_UP, 0, &s) != NUM_OK) {
		free(s);
		return xstrdup("(too large)");
	}
	return s;
}

/* How status A compares with status B: "better", "worse" or "same" (policy order: earlier is better). */
static const char *
S_travel(const struct pstate *ps, int a, int b)
{
	if (a < 0 || b < 0 || ps->st[a].missing || ps->st[b].missing)
		return NULL;
	return a < b ? "better" : a > b ? "worse" : "same";
}

/*
 * The status the rules give a value OFF (the fraction off target, worse
 * positive), with the rule that gave it in *RULE.  IMPROVED[1] and
 * IMPROVED[2] say whether the actual is better than the previous period's
 * and the same period last year's, for rules that ask.
 */
static int
S_rules(const struct pstate *ps, struct num off, const int improved[3], const struct prule **rule)
{
	for (size_t i = 0; i < ps->nr; i++) {
		const struct prule *r = &ps->r[i];

		if (r->has_max && num_cmp(off, r->max) > 0)
			continue;
		if (r->improved && !improved[r->improved])
			continue;
		*rule = r;
		return r->status;
	}
	*rule = NULL;
	return ps->missing;
}

/* Why the status is what it is: "Amber: 3.5% off target, within 5%". A new string. */
static char *
S_reason(const struct pstate *ps, int status, const struct prule *rule, int have, struct num off)
{
	const char *name = status >= 0 ? ps->st[status].name : "?";
	char *p, *s;

	if (!have)
		return xasprintf("%s: no figure to compare with the target", name);
	p = S_pct(off);
	if (num_sign(off) <= 0)
		s = xasprintf("%s: %s %s target", name, num_is_zero(off) ? "exactly on" : p,
		    num_is_zero(off) ? "" : "better than");
	else if (rule != NULL && rule->has_max)
		s = xasprintf("%s: %s off target, within %s%s", name, p, rule->max_text,
		    !rule->improved ? "" : rule->improved == 1 ? ", and better than last period" :
		    ", and better than a year before");
	else
		s = xasprintf("%s: %s off target%s", name, p, !rule || !rule->improved ? "" :
		    rule->improved == 1 ? ", but better than last period" : ", but better than a year before");
	free(p);
	/* "exactly on  target" */
	for (char *q = s; (q = strstr(q, "  ")) != NULL;)
		memmove(q, q + 1, strlen(q));
	return s;
}

/* Set the status attributes of N (a measure or an area). */
static void
S_mark(const struct pstate *ps, xmlNodePtr n, int status, const char *reason)
{
	if (status < 0)
		return;
	tree_set(n, "status", ps->st[status].id);
	tree_set(n, "status-name", ps->st[status].name);
	tree_set(n, "colour", ps->st[status].colour);
	tree_set(n, "reason", reason);
}

/* A status the author typed against the one computed. */
static void
S_check_status(struct pstate *ps, xmlNodePtr stated, int status, const char *reason)
{
	const char *typed = stated ? tree_attr(stated, "status") : NULL;
	int t;

	if (typed == NULL || status < 0)
		return;
	if ((t = S_status_index(ps, typed)) < 0) {
		char *m = xasprintf("stated status '%s' is not a status of this report's policy", typed);

		source_msg(ps->c->src, stated, "status", DE_ERROR, m);
		free(m);
		return;
	}
	if (t != status) {
		char *m = xasprintf("stated status %s (%s), but the policy gives %s — %s",
		    typed, ps->st[t].name, ps->st[status].id, reason);

		/* what the original said, for a reader comparing the two */
		tree_set(stated->parent, "reported", typed);
		tree_set(stated->parent, "reported-name", ps->st[t].name);

		source_msg(ps->c->src, stated, "status", DW_WARNING, m);
		free(m);
	}
}

/* An area's status: from its figures, or from the percentage the author gave. */
static void
S_area(struct pstate *ps, xmlNodePtr area, int lower)
{
	xmlNodePtr a = tree_child(area, "actual"), t = tree_child(area, "target");
	xmlNodePtr stated = tree_child(area, "stated");
	const char *perf = stated ? tree_attr(stated, "performance") : NULL;
	const struct prule *rule = NULL;
	struct num va, vt, off;
	int have = 0, status;
	char *reason;

	if (a != NULL && t != NULL && S_value(ps, a, &va, 0) == 0 && S_value(ps, t, &vt, 0) == 0) {
		struct num d;

		if (num_is_zero(vt))
			source_msg(ps->c->src, t, NULL, DE_ERROR,
			    "a target of zero: how far off target an area is cannot be a percentage of it");
		else if (num_sub(lower ? va : vt, lower ? vt : va, &d) == NUM_OK &&
		    num_div(d, num_abs(vt), &off) == NUM_OK) {
			struct num typed, r1, r2;
			int places = 0;
			const char *why;

			have = 1;
			/* a percentage typed beside the figures is checked, as finely as it was typed */
			if (perf != NULL && num_parse(perf, NK_PERCENT, &typed, &places, &why) == 0 &&
			    num_round(off, places + 2, NR_HALF_UP, &r1) == NUM_OK &&
			    num_round(typed, places + 2, NR_HALF_UP, &r2) == NUM_OK && num_cmp(r1, r2) != 0) {
				char *got = NULL, *m;

				(void)num_display(off, NK_PERCENT, places, NR_HALF_UP, 0, &got);
				m = xasprintf("stated %s; the area's actual and target give %s", perf, got ? got : "?");
				source_msg(ps->c->src, stated, "performance", DW_WARNING, m);
				free(m);
				free(got);
			}
		}
	} else if (perf != NULL && S_percent(perf, &off) == 0)
		have = 1;   /* no figures: the percentage off target the original gives */
	if (!have) {
		/* nothing to compute from: the status as reported, said to be unchecked */
		int given = S_status_index(ps, stated ? tree_attr(stated, "status") : NULL);

		if (given < 0 && stated != NULL && tree_attr(stated, "status") != NULL) {
			char *msg = xasprintf("stated status '%s' is not a status of this report's policy",
			    tree_attr(stated, "status"));

			source_msg(ps->c->src, stated, "status", DE_ERROR, msg);
			free(msg);
		}
		if (given >= 0) {
			reason = xasprintf("%s: as reported (no figures given to check it)", ps->st[given].name);
			S_mark(ps, area, given, reason);
			free(reason);
		} else {
			reason = S_reason(ps, ps->missing, NULL, 0, off);
			S_mark(ps, area, ps->missing, reason);
			free(reason);
		}
		return;
	}
	{
		static const int none[3] = { 0, 0, 0 };

		status = S_rules(ps, off, none, &rule);
	}
	reason = S_reason(ps, status, rule, have, off);
	S_mark(ps, area, status, reason);
	S_check_status(ps, stated, status, reason);
	free(reason);
}

static void
S_measure(struct pstate *ps, xmlNodePtr m)
{
	const char *id = tree_attr(m, "id"), *pol = str_or(tree_attr(m, "polarity"), "lower");
	const char *places = str_or(tree_attr(m, "places"), "2");
	/* a measure in per cent has its figures in per cent: prose citing them reads "17.93%" */
	const char *ft = strcmp(str_or(tree_attr(m, "unit"), "number"), "percent") == 0 ? "percent" : "number";
	int lower = strcmp(pol, "lower") == 0, have_a = 0, have_t = 0, status, prev = -1, lastyear = -1;
	xmlNodePtr a = tree_child(m, "actual"), t = tree_child(m, "target"), stated = tree_child(m, "stated");
	xmlNodePtr series = tree_child(m, "series"), hist = tree_child(m, "history"), f;
	const struct prule *rule = NULL;
	struct num va = num_of(0), vt = num_of(0), off = num_of(0), then[3];
	int have_then[3] = { 0, 0, 0 }, improved[3] = { 0, 0, 0 };
	const char *travel[3] = { NULL, NULL, NULL };
	struct buf avg = { 0 };
	char *fid, *expr, *reason;
	long k = 0, navg = 0;

	/* the status is listed as ID.status with the figures: the name is csdoc's */
	{
		char *sid = xasprintf("%s.status", id);
		xmlNodePtr mine = resolve_get(ps->c->ids, sid);

		if (mine != NULL) {
			char *msg = xasprintf("'%s' names the status csdoc lists for <measure id=\"%s\">: give your element another id",
			    sid, id);

			source_msg(ps->c->src, mine, "id", DE_ERROR, msg);
			free(msg);
		}
		free(sid);
	}
	tree_set(m, "polarity-symbol", lower ? "▼" : "▲");
	tree_set(m, "polarity-words", lower ? "lower is better" : "higher is better");
	if (ps->cur >= 0)
		tree_set(m, "period", tree_get(ps->per[ps->cur], "label"));

	/* the series: figures of their own, and the values an average actual takes */
	for (xmlNodePtr v = tree_first_elem(series); v != NULL; v = tree_next_elem(v)) {
		char *text = tree_text_folded(v);

		if (!tree_is(v, "value")) {
			free(text);
			continue;
		}
		fid = xasprintf("%s.series-%ld", id, ++k);
		f = compute_add_figure(ps->c, m, fid, ft, "series", text, NULL);
		f->_private = v;
		tree_set(f, "label", tree_attr(v, "label"));
		xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)"0");
		if (str_or(tree_attr(v, "averaged"), "no")[0] == 'y') {
			struct num x;

			buf_printf(&avg, "%s%s", navg++ ? ", " : "", fid);
			if (S_value(ps, v, &x, 1) == 0)
				(void)num_add(va, x, &va);
		}
		free(text);
		free(fid);
	}

	/* the actual: as typed, or the average of the series it names */
	if (a != NULL) {
		char *text = tree_text_folded(a);
		int average = strcmp(str_or(tree_attr(a, "of"), "value"), "average") == 0;

		fid = xasprintf("%s.actual", id);
		if (average && navg > 0) {
			char *typed = xasprintf("%s.actual-typed", id);

			expr = xasprintf("average(%s)", buf_str(&avg));
			(void)num_div(va, num_of(navg), &va);
			have_a = 1;
			/*
			 * The average is the actual everything else is worked from; what
			 * the author typed is checked against it on a figure of its own,
			 * so a typed value is not carried into the difference.
			 */
			f = compute_add_figure(ps->c, m, fid, ft, "actual", NULL, expr);
			f->_private = a;
			xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)places);
			f = compute_add_figure(ps->c, m, typed, ft, "actual-typed", text, fid);
			f->_private = a;
			xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)places);
			free(typed);
			free(expr);
		} else {
			if (average)
				source_msg(ps->c->src, a, "of", DE_ERROR,
				    "an average actual needs values marked averaged=\"yes\" in the measure's <series>");
			have_a = S_value(ps, a, &va, 1) == 0;
			f = compute_add_figure(ps->c, m, fid, ft, "actual", text, NULL);
			f->_private = a;
		}
		xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)places);
		free(fid);
		free(text);
	}
	buf_free(&avg);
	if (t != NULL) {
		char *text = tree_text_folded(t);

		fid = xasprintf("%s.target", id);
		f = compute_add_figure(ps->c, m, fid, ft, "target", text, NULL);
		f->_private = t;
		xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)places);
		have_t = S_value(ps, t, &vt, 1) == 0;
		free(fid);
		free(text);
	}

	/* difference (worse positive, whatever the polarity) and performance, checked against what was typed */
	if (have_a && have_t) {
		const char *sd = stated ? tree_attr(stated, "difference") : NULL;
		const char *sp = stated ? tree_attr(stated, "performance") : NULL;
		struct num d;

		fid = xasprintf("%s.difference", id);
		expr = lower ? xasprintf("%s.actual - %s.target", id, id) : xasprintf("%s.target - %s.actual", id, id);
		f = compute_add_figure(ps->c, m, fid, ft, "difference", sd, expr);
		xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)places);
		if (stated != NULL)
			f->_private = stated;
		free(expr);
		free(fid);
		if (num_is_zero(vt)) {
			source_msg(ps->c->src, t, NULL, DE_ERROR,
			    "a target of zero: how far off target an indicator is cannot be a percentage of it");
			have_t = 0;
		} else {
			fid = xasprintf("%s.performance", id);
			/* from the figures themselves: a typed difference is checked, not carried on */
			expr = lower ? xasprintf("(%s.actual - %s.target) / abs(%s.target)", id, id, id) :
			    xasprintf("(%s.target - %s.actual) / abs(%s.target)", id, id, id);
			f = compute_add_figure(ps->c, m, fid, "percent", "performance", sp, expr);
			xmlSetProp(f, (const xmlChar *)"places", (const xmlChar *)"0");
			if (stated != NULL)
				f->_private = stated;
			free(expr);
			free(fid);
			(void)num_sub(lower ? va : vt, lower ? vt : va, &d);
			if (num_div(d, num_abs(vt), &off) != NUM_OK)
				have_t = 0;
		}
	}

	/* the history: statuses reported then, every period up to this one */
	if (hist != NULL) {
		long first = -1;
		int *was = xcalloc(ps->nper + 1, sizeof(*was));
		xmlNodePtr *wasn = xcalloc(ps->nper + 1, sizeof(*wasn));

		for (size_t i = 0; i < ps->nper; i++)
			was[i] = -1;
		for (xmlNodePtr w = tree_first_elem(hist); w != NULL; w = tree_next_elem(w)) {
			long pi = S_period_index(ps, tree_attr(w, "period"));
			int si = S_status_index(ps, tree_attr(w, "status"));

			if (pi < 0) {
				source_msg(ps->c->src, w, "period", DE_UNKNOWN_REF, "period",
				    tree_attr(w, "period"), "a <period> in <periods>");
				continue;
			}
			if (si < 0) {
				char *msg = xasprintf("status '%s' is not a status of this report's policy",
				    tree_attr(w, "status"));

				source_msg(ps->c->src, w, "status", DE_ERROR, msg);
				free(msg);
				continue;
			}
			if (pi >= ps->cur && ps->cur >= 0) {
				source_msg(ps->c->src, w, "period", DE_ERROR,
				    "the history holds earlier periods only: this period's status is computed");
				continue;
			}
			if (wasn[pi] != NULL) {
				const char *label = tree_get(ps->per[pi], "label");

				source_msg(ps->c->src, w, "period", DE_GIVEN_TWICE, "the status of", label);
				source_msg(ps->c->src, wasn[pi], "period", DN_FIRST_GIVEN, "the status of", label);
				continue;
			}
			was[pi] = si;
			wasn[pi] = w;
			if (first < 0 || pi < first)
				first = pi;
			tree_set(w, "label", tree_get(ps->per[pi], "label"));
			tree_set(w, "status-name", ps->st[si].name);
			tree_set(w, "colour", ps->st[si].colour);
		}
		/* a gap would read as a change that never happened */
		for (long pi = first; first >= 0 && pi < ps->cur; pi++)
			if (was[pi] < 0) {
				char *msg = xasprintf("the history has no status for %s, between the first one given and this period",
				    tree_get(ps->per[pi], "label"));

				source_msg(ps->c->src, hist, NULL, DE_ERROR, msg);
				free(msg);
			}
		if (ps->cur >= 1)
			prev = was[ps->cur - 1];
		if (ps->cur >= ps->per_year)
			lastyear = was[ps->cur - ps->per_year];
		/* the values then, where the history gives them */
		for (int j = 1; j <= 2; j++) {
			long pi = j == 1 ? ps->cur - 1 : ps->cur - ps->per_year;
			const char *v = pi >= 0 && wasn[pi] ? tree_attr(wasn[pi], "value") : NULL;
			const char *why;

			if (v == NULL)
				continue;
			if (num_parse(v, NK_NUMBER, &then[j], NULL, &why) == 0)
				have_then[j] = 1;
			else {
				char *msg = xasprintf("bad figure '%s': %s", v, why);

				source_msg(ps->c->src, wasn[pi], "value", DE_ERROR, msg);
				free(msg);
			}
		}
		free(was);
		free(wasn);
	}

	/* better than then: by the values where known, else by the statuses recorded */
	for (int j = 1; j <= 2; j++)
		if (have_a && have_then[j]) {
			int cmp = num_cmp(va, then[j]);

			if (!lower)
				cmp = -cmp;
			travel[j] = cmp < 0 ? "better" : cmp > 0 ? "worse" : "same";
			improved[j] = cmp < 0;
		}
	status = have_a && have_t ? S_rules(ps, off, improved, &rule) : ps->missing;
	reason = S_reason(ps, status, rule, have_a && have_t, off);
	if (travel[1] == NULL)
		travel[1] = S_travel(ps, status, prev);
	if (travel[2] == NULL)
		travel[2] = S_travel(ps, status, lastyear);
	{
		const char *tp = travel[1], *ty = travel[2];
		const char *per = ps->per_year == 12 ? "month" : ps->per_year == 1 ? "year" : "quarter";
		char *r2;

		if (tp != NULL) {
			tree_set(m, "travel-previous", tp);
			r2 = xasprintf("%s; %s last %s", reason, strcmp(tp, "same") == 0 ? "the same as" :
			    strcmp(tp, "better") == 0 ? "better than" : "worse than", per);
			free(reason);
			reason = r2;
		}
		if (ty != NULL)
			tree_set(m, "travel-last-year", ty);
	}
	S_mark(ps, m, status, reason);
	S_check_status(ps, stated, status, reason);
	if (status >= 0)
		ps->st[status].count++;
	free(reason);

	for (xmlNodePtr ar = tree_first_elem(tree_child(m, "areas")); ar != NULL; ar = tree_next_elem(ar))
		if (tree_is(ar, "area"))
			S_area(ps, ar, lower);
}

/* ------------------------------------------------------------ the report */

void
performance_prepare(struct compute *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->src->doc), n, set, list;
	struct pstate ps;
	long total = 0;

	memset(&ps, 0, sizeof(ps));
	ps.c = c;
	tree_set(root, "status", str_or(tree_attr(root, "status"), "approved"));
	compute_report_header(c);
	S_policy(&ps, tree_child(root, "status-policy"));
	if ((n = tree_child(root, "periods")) != NULL)
		S_periods(&ps, n);
	set = tree_child(root, "indicator-set");
	for (xmlNodePtr m = tree_first_elem(set); m != NULL; m = tree_next_elem(m))
		if (tree_is(m, "measure")) {
			tree_set(m, "id", tree_attr(m, "id"));
			S_measure(&ps, m);
			total++;
		}

	/* the policy as printed (the legend) with its counts, which prose can cite as figures */
	list = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"statuses", NULL);
	xmlAddChild(root, list);
	for (size_t i = 0; i < ps.nst; i++) {
		xmlNodePtr e = xmlNewDocNode(c->src->doc, tree_cns(c->src->doc), (const xmlChar *)"status", NULL);
		char num[32], *fid;

		xmlAddChild(list, e);
		tree_set(e, "id", ps.st[i].id);
		tree_set(e, "name", ps.st[i].name);
		tree_set(e, "colour", ps.st[i].colour);
		tree_set(e, "meaning", ps.st[i].meaning);
		tree_set(e, "missing", ps.st[i].missing ? "yes" : "no");
		tree_set_long(e, "count", ps.st[i].count);
		if (set != NULL) {
			snprintf(num, sizeof(num), "%ld", ps.st[i].count);
			fid = xasprintf("status.%s", ps.st[i].id);
			tree_set(compute_add_figure(c, set, fid, "count", "status-count", num, NULL), "status", ps.st[i].id);
			free(fid);
		}
		free(ps.st[i].meaning);
	}
	if (set != NULL) {
		char num[32];

		snprintf(num, sizeof(num), "%ld", total);
		(void)compute_add_figure(c, set, "indicators.count", "count", "count", num, NULL);
	}
	for (size_t i = 0; i < ps.nr; i++)
		free(ps.r[i].max_text);
	free(ps.per);
}
