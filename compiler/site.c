/* site.c: csdoc site — a folder of sources built into a web site, incrementally, with index pages, a feed and action trackers. */
#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "compile.h"
#include "deps.h"
#include "diag.h"
#include "load.h"
#include "output.h"
#include "paths.h"
#include "render.h"
#include "rules/dates.h"
#include "suggest.h"
#include "tree.h"
#include "util.h"
#include "validate.h"
#include "xslt.h"

/* Where the site keeps what it knows between builds, under DIR. */
#define SITE_STATE ".csdoc"
/* Sources in one site at most: a documented limit. */
#define SITE_MAX_SOURCES 10000

/* One source found under SRC. */
struct found {
	char *rel;    /* path below SRC, "/"-separated */
	char *path;   /* SRC/rel, as messages name it */
	char *name;   /* its pages' name after the date: the file name, or the path where two files share one */
};

struct site {
	const struct site_opts *op;
	struct found *src;
	size_t        nsrc;
	char         *toolchain;   /* hash of csdoc and its schemas and stylesheets */
	xmlDocPtr     manifest;    /* what the last build made, updated as this one goes */
	int           failed;      /* a source failed */
	int           tty;         /* standard error is a terminal: one progress line */
	int           too_many;    /* more sources than SITE_MAX_SOURCES: nothing is built or removed */
	char        **dirs;        /* folders csdoc made in the site (PARTNERSHIP, PARTNERSHIP/KIND), from the manifest */
	size_t        ndirs;
	char        **gone;        /* files a removed or moved document leaves that may be shared (pictures, csdoc.css) */
	size_t        ngone;
};

/* ------------------------------------------------------------ hashing */

/* FNV-1a, 64 bits: a content hash for change detection (not a security boundary). */
static uint64_t
S_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_START 0xcbf29ce484222325ULL

/* Fold the bytes of file PATH into H; a file that cannot be read folds in a marker. */
static uint64_t
S_fnv_file(uint64_t h, const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (f == NULL)
		return S_fnv(h, "\0missing", 8);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		h = S_fnv(h, buf, n);
	fclose(f);
	return h;
}

static char *
S_hex(uint64_t h)
{
	return xasprintf("%016llx", (unsigned long long)h);
}

/* The content hash of PATH as hex, "missing" if it cannot be read. */
static char *
S_hash_file(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return xstrdup("missing");
	return S_hex(S_fnv_file(FNV_START, path));
}

static int
S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder DIR, hidden ones left out, sorted (a build must not depend on the order of readdir()); *N gets their number. Free each, then the array. */
static char **
S_list(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, *n + 1, sizeof(*names));
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof(*names), S_cmp_str);
	return names;
}

/* Fold every file under DIR (sorted, any depth) into H, names and bytes. */
static uint64_t
S_fnv_tree(uint64_t h, const char *dir)
{
	size_t n;
	char **names = S_list(dir, &n);

	for (size_t i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		struct stat st;

		h = S_fnv(h, names[i], strlen(names[i]) + 1);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			h = S_fnv_tree(h, p);
		else
			h = S_fnv_file(h, p);
		free(p);
		free(names[i]);
	}
	free(names);
	return h;
}

/*
 * What every output depends on besides the sources: csdoc itself, its
 * schemas and stylesheets, and the site's options.  When it changes,
 * everything is rebuilt.
 */
static char *
S_toolchain(const struct site_opts *op)
{
	uint64_t h = S_fnv(FNV_START, CSDOC_VERSION, sizeof(CSDOC_VERSION));
	char *d;

	h = S_fnv_file(h, "/proc/self/exe");
	d = paths_data("schemas");
	h = S_fnv_tree(h, d);
	free(d);
	/* the documents' stylesheets; the site's own pages are made afresh on every build */
	d = paths_data("stylesheets/html");
	h = S_fnv_tree(h, d);
	free(d);
	d = paths_data("stylesheets/print");
	h = S_fnv_tree(h, d);
	free(d);
	/* what else shapes a PDF: the hyphenation patterns, and the date it carries */
	{
		const char *dic = getenv("CSDOC_HYPHEN_DIC"), *epoch = getenv("SOURCE_DATE_EPOCH");

		h = S_fnv_file(h, dic && *dic ? dic : "/usr/share/hyphen/hyph_en_GB.dic");
		if (epoch != NULL)
			h = S_fnv(h, epoch, strlen(epoch) + 1);
	}
	h = S_fnv(h, op->strict ? "strict" : "lenient", 8);
	/* the web team's page wrapper is in every page */
	if (op->wrap != NULL)
		h = S_fnv_file(S_fnv(h, "wrap", 5), op->wrap);
	/* the web team's stylesheet is published beside every page */
	if (op->css != NULL)
		h = S_fnv_file(S_fnv(h, "css", 4), op->css);
	return S_hex(h);
}

/* ------------------------------------------------------------ sources */

/* Collect the .xml files under SRC/REL (any depth, hidden entries and the output folder skipped). */
static void
S_find(struct site *st, const char *rel, const char *outreal)
{
	char *dir = rel[0] ? xasprintf("%s/%s", st->op->src, rel) : xstrdup(st->op->src);
	size_t n;
	char **names = S_list(dir, &n);

	for (size_t i = 0; i < n; i++) {
		char *r = rel[0] ? xasprintf("%s/%s", rel, names[i]) : xstrdup(names[i]);
		char *p = xasprintf("%s/%s", st->op->src, r);
		struct stat lst;
		size_t len = strlen(names[i]);

		if (lstat(p, &lst) != 0)
			;
		else if (S_ISDIR(lst.st_mode)) {
			/* the site's own folder may sit inside the sources: never a source */
			char *real = realpath(p, NULL);

			if (real != NULL && (outreal == NULL || strcmp(real, outreal) != 0))
				S_find(st, r, outreal);
			free(real);
		} else if (S_ISREG(lst.st_mode) && len > 4 && strcmp(names[i] + len - 4, ".xml") == 0) {
			if (!xmlCheckUTF8((const xmlChar *)r)) {
				/* its address could not be written in a page or a feed */
				fprintf(stderr, "csdoc: %s: skipped: a file name that is not UTF-8 cannot be published\n", p);
				st->failed = 1;
			} else if (st->nsrc == SITE_MAX_SOURCES)
				st->too_many = 1;
			else {
				st->src = xreallocarray(st->src, st->nsrc + 1, sizeof(*st->src));
				st->src[st->nsrc].rel = r;
				st->src[st->nsrc].name = NULL;
				st->src[st->nsrc++].path = p;
				r = p = NULL;
			}
		}
		free(r);
		free(p);
		free(names[i]);
	}
	free(names);
	free(dir);
}

/*
 * Each source's name in its pages' addresses: its file name, unless two
 * sources share one, when both take their path below SRC ("a/paper" →
 * "a-paper"); "-2", "-3" settle what is still shared.  Names differ, so
 * no two sources can have one page.
 */
static void
S_names(struct site *st)
{
	for (size_t i = 0; i < st->nsrc; i++) {
		const char *b = strrchr(st->src[i].rel, '/');
		size_t n;

		st->src[i].name = xstrdup(b ? b + 1 : st->src[i].rel);
		n = strlen(st->src[i].name);
		st->src[i].name[n - 4] = '\0';
	}
	for (size_t i = 0; i < st->nsrc; i++) {
		int shared = 0;

		for (size_t j = 0; j < st->nsrc && !shared; j++) {
			const char *bi = strrchr(st->src[i].rel, '/'), *bj = strrchr(st->src[j].rel, '/');

			shared = j != i && strcmp(bi ? bi + 1 : st->src[i].rel, bj ? bj + 1 : st->src[j].rel) == 0;
		}
		if (shared) {
			char *q;

			free(st->src[i].name);
			st->src[i].name = xstrdup(st->src[i].rel);
			st->src[i].name[strlen(st->src[i].name) - 4] = '\0';
			for (q = st->src[i].name; *q; q++)
				if (*q == '/')
					*q = '-';
		}
	}
	for (size_t i = 0; i < st->nsrc; i++)
		for (long k = 2;; k++) {
			int clash = 0;

			for (size_t j = 0; j < i && !clash; j++)
				clash = strcmp(st->src[i].name, st->src[j].name) == 0;
			if (!clash)
				break;
			{
				char *again = xasprintf("%s-%ld", st->src[i].name, k);

				free(st->src[i].name);
				st->src[i].name = again;
			}
		}
}

/* ------------------------------------------------------------ manifest */

static char *
S_state(const struct site *st, const char *name)
{
	return xasprintf("%s/" SITE_STATE "/%s", st->op->out, name);
}

/* The manifest of the last build, or an empty one. */
static xmlDocPtr
S_manifest_load(struct site *st)
{
	char *path = S_state(st, "manifest.xml");
	xmlDocPtr doc = NULL;
	struct stat sb;

	if (stat(path, &sb) == 0) {
		struct diag d;

		diag_init(&d, path);
		doc = load_file(path, &d);
		/* an unreadable manifest only costs a full build */
		diag_free(&d);
		if (doc != NULL && (xmlDocGetRootElement(doc) == NULL ||
		    strcmp((const char *)xmlDocGetRootElement(doc)->name, "manifest") != 0)) {
			xmlFreeDoc(doc);
			doc = NULL;
		}
	}
	free(path);
	if (doc == NULL) {
		doc = xmlNewDoc((const xmlChar *)"1.0");
		xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, (const xmlChar *)"manifest", NULL));
	}
	return doc;
}

/* The record of source REL in the manifest, or NULL. */
static xmlNodePtr
S_record(xmlDocPtr m, const char *rel)
{
	for (xmlNodePtr n = xmlDocGetRootElement(m)->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp(str_or(tree_attr(n, "src"), ""), rel) == 0)
			return n;
	return NULL;
}

/* Attribute NAME of N as a new string, "" when absent (a copy: the caller may change N meanwhile). */
static char *
S_prop(xmlNodePtr n, const char *name)
{
	return xstrdup(str_or(tree_attr(n, name), ""));
}

/*
 * Non-zero if the record REC still describes what building REL would
 * give: made by the same toolchain, and every file it read unchanged.
 */
static int
S_fresh(const struct site *st, xmlNodePtr rec)
{
	char *tool = S_prop(rec, "toolchain");
	int fresh = strcmp(tool, st->toolchain) == 0;

	free(tool);
	for (xmlNodePtr n = rec->children; fresh && n != NULL; n = n->next) {
		char *path, *want, *have;

		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "dep") != 0)
			continue;
		path = S_prop(n, "path");
		want = S_prop(n, "hash");
		have = S_hash_file(path);
		fresh = strcmp(want, have) == 0;
		free(path);
		free(want);
		free(have);
	}
	return fresh;
}

/*
 * Non-zero if REL is a path csdoc may remove in the site: relative, with no
 * empty, "." or ".." part, and no symbolic link on the way (the manifest is
 * a file anyone could edit: it must not lead outside the site).
 */
static int
S_safe_rel(const struct site *st, const char *rel)
{
	char *copy, *save = NULL;
	struct buf at = { 0 };
	int safe = rel[0] != '\0' && rel[0] != '/' && strstr(rel, "//") == NULL &&
	    rel[strlen(rel) - 1] != '/';

	copy = xstrdup(rel);
	buf_puts(&at, st->op->out);
	for (char *part = strtok_r(copy, "/", &save); safe && part != NULL; part = strtok_r(NULL, "/", &save)) {
		struct stat sb;

		if (strcmp(part, ".") == 0 || strcmp(part, "..") == 0)
			safe = 0;
		buf_printf(&at, "/%s", part);
		if (safe && lstat(buf_str(&at), &sb) == 0 && S_ISLNK(sb.st_mode))
			safe = 0;
	}
	buf_free(&at);
	free(copy);
	return safe;
}

/* Remember the folder of REL and, with KIND, its partnership's: folders csdoc made. */
static void
S_note_dirs(struct site *st, const char *page)
{
	char *d = xstrdup(page), *slash;

	while ((slash = strrchr(d, '/')) != NULL) {
		int known = 0;

		*slash = '\0';
		for (size_t i = 0; i < st->ndirs && !known; i++)
			known = strcmp(st->dirs[i], d) == 0;
		if (!known) {
			st->dirs = xreallocarray(st->dirs, st->ndirs + 1, sizeof(*st->dirs));
			st->dirs[st->ndirs++] = xstrdup(d);
		}
	}
	free(d);
}

/*
 * Remove the outputs REC lists that KEEP (its new record, or NULL for a
 * source that is gone) does not: the document's own files (its page, PDF,
 * data, a pack's folder of papers) at once; files beside it that other
 * pages may share (pictures, csdoc.css) are noted, to go at the end if no
 * document still needs them.
 */
static void
S_remove_outputs(struct site *st, xmlNodePtr rec, xmlNodePtr keep)
{
	char *page = S_prop(rec, "page");
	size_t plen = strlen(page);

	if (page[0] != '\0')
		S_note_dirs(st, page);
	for (xmlNodePtr n = rec->children; n != NULL; n = n->next) {
		char *rel, *path;
		int kept = 0;

		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "out") != 0)
			continue;
		rel = S_prop(n, "path");
		for (xmlNodePtr k = keep ? keep->children : NULL; k != NULL && !kept; k = k->next) {
			char *kr;

			if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "out") != 0)
				continue;
			kr = S_prop(k, "path");
			kept = strcmp(kr, rel) == 0;
			free(kr);
		}
		if (kept || !S_safe_rel(st, rel)) {
			free(rel);
			continue;
		}
		if (plen > 0 && strncmp(rel, page, plen) == 0 && (rel[plen] == '.' || rel[plen] == '/')) {
			char *slash;

			path = xasprintf("%s/%s", st->op->out, rel);
			(void)unlink(path);
			/* a meeting pack's folder of paper pages goes when it is empty */
			if ((slash = strrchr(path, '/')) != NULL && slash - path > (long)strlen(st->op->out) + (long)plen) {
				*slash = '\0';
				(void)rmdir(path);
			}
			free(path);
			free(rel);
		} else {
			st->gone = xreallocarray(st->gone, st->ngone + 1, sizeof(*st->gone));
			st->gone[st->ngone++] = rel;
		}
	}
	free(page);
}

/* Non-zero if folder DIR holds a page (an .html file). */
static int
S_has_page(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	if (d == NULL)
		return 0;
	while (!found && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		found = n > 5 && strcmp(e->d_name + n - 5, ".html") == 0;
	}
	closedir(d);
	return found;
}

/* Non-zero if a document of the manifest lists REL among its outputs. */
static int
S_listed(const struct site *st, const char *rel)
{
	for (xmlNodePtr r = xmlDocGetRootElement(st->manifest)->children; r != NULL; r = r->next)
		for (xmlNodePtr n = r->type == XML_ELEMENT_NODE ? r->children : NULL; n != NULL; n = n->next) {
			char *p;
			int hit;

			if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "out") != 0)
				continue;
			p = S_prop(n, "path");
			hit = strcmp(p, rel) == 0;
			free(p);
			if (hit)
				return 1;
		}
	return 0;
}

/*
 * After documents went or moved: the shared files they left that no
 * document still lists (csdoc.css only with its folder's last page); then
 * the folders csdoc made that are now empty, and the pages of partnerships
 * with no documents left (SLUGS are those that have some).  Nothing csdoc
 * did not make is touched.
 */
static void
S_prune(struct site *st, char **slugs, size_t nslugs)
{
	for (size_t i = 0; i < st->ngone; i++) {
		const char *rel = st->gone[i], *b = strrchr(rel, '/');
		char *path = xasprintf("%s/%s", st->op->out, rel);

		if (!S_listed(st, rel)) {
			if (strcmp(b ? b + 1 : rel, "csdoc.css") == 0) {
				char *dir = xstrdup(path);

				*strrchr(dir, '/') = '\0';
				if (!S_has_page(dir))
					(void)unlink(path);
				free(dir);
			} else
				(void)unlink(path);
		}
		free(path);
	}
	/* a kind's folder (two parts) before its partnership's (one part) */
	for (size_t pass = 0; pass < 2 * st->ndirs; pass++) {
		const char *rel = st->dirs[pass % st->ndirs];
		char *path;
		int live = 0;

		if ((pass < st->ndirs) != (strchr(rel, '/') != NULL))
			continue;
		path = xasprintf("%s/%s", st->op->out, rel);
		if (!S_safe_rel(st, rel)) {
			free(path);
			continue;
		}
		if (strchr(rel, '/') == NULL) {
			for (size_t k = 0; k < nslugs && !live; k++)
				live = strcmp(slugs[k], rel) == 0;
			if (!live) {
				char *p = xasprintf("%s/index.html", path), *q = xasprintf("%s/actions.html", path);

				(void)unlink(p);
				(void)unlink(q);
				free(p);
				free(q);
			}
		} else if (!S_has_page(path)) {
			/* the stylesheet csdoc put beside pages that are gone */
			char *css = xasprintf("%s/csdoc.css", path);

			(void)unlink(css);
			free(css);
		}
		(void)rmdir(path);
		free(path);
	}
}

/* Write the manifest atomically. */
static int
S_manifest_save(struct site *st)
{
	char *dir = S_state(st, ""), *path = S_state(st, "manifest.xml"), *tmp = S_state(st, "manifest.xml.new");
	int rc = -1;

	/* the folder was made when the build began */
	(void)dir;
	if (xmlSaveFormatFileEnc(tmp, st->manifest, "UTF-8", 1) >= 0 && rename(tmp, path) == 0)
		rc = 0;
	else
		fprintf(stderr, "csdoc: cannot write %s: %s\n", path, strerror(errno));
	free(dir);
	free(path);
	free(tmp);
	return rc;
}

/* ------------------------------------------------------------ one document */

/* "Derbyshire Safer Communities Board" → "derbyshire-safer-communities-board". */
static char *
S_slug(const char *s)
{
	char *out = xcalloc(1, (s ? strlen(s) : 0) + 10);
	size_t n = 0;

	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			out[n++] = (char)ch;
		else if (ch >= 'A' && ch <= 'Z')
			out[n++] = (char)(ch - 'A' + 'a');
		else if (n > 0 && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		out[--n] = '\0';
	if (n == 0)
		strcpy(out, "documents");
	return out;
}

/* The text of ROOT's child PARENT/NAME (either may be NULL for ROOT itself), folded, or NULL. */
static char *
S_child_text(xmlNodePtr root, const char *parent, const char *name)
{
	xmlNodePtr p = parent ? tree_child(root, parent) : root, n;

	if (p == NULL || (n = tree_child(p, name)) == NULL)
		return NULL;
	return tree_text_folded(n);
}

/* What the site says of a compiled document: who, what, when. */
struct info {
	char *body;    /* the partnership, board or group */
	char *kind;    /* the kind's folder: minutes, agreements, reports, performance, packs */
	char *date;    /* YYYY-MM-DD, or "undated" */
	char *title;
	char *status;
};

static void
S_info(xmlNodePtr root, enum doc_kind kind, struct info *in)
{
	static const char *const folders[] = {
		[KIND_MINUTES] = "minutes", [KIND_AGREEMENT] = "agreements", [KIND_PERFORMANCE] = "performance",
		[KIND_REPORT] = "reports", [KIND_PACK] = "packs",
	};
	const char *b = tree_get(root, "partnership") ? tree_get(root, "partnership") : tree_get(root, "body");

	/* minutes of a group name the partnership it belongs to: the group's page is the partnership's */
	in->body = b ? xstrdup(b) : S_child_text(root, "meeting", "partnership");
	if (in->body == NULL)
		in->body = S_child_text(root, "meeting", "body");
	if (in->body == NULL)
		in->body = xstrdup("Documents");
	in->kind = xstrdup(kind < sizeof(folders) / sizeof(folders[0]) && folders[kind] ? folders[kind] : "documents");
	in->date = tree_attr(root, "date") ? xstrdup(tree_attr(root, "date")) : NULL;
	if (in->date == NULL)
		in->date = S_child_text(root, "meeting", "date");
	if (in->date == NULL)
		in->date = S_child_text(root, "report-header", "date");
	if (in->date == NULL)
		in->date = S_child_text(root, "cover", "date");
	if (in->date == NULL)
		in->date = xstrdup("undated");
	in->title = xstrdup(str_or(tree_get(root, "title"), "Untitled"));
	in->status = xstrdup(str_or(tree_get(root, "status"), "approved"));
}

static void
S_info_free(struct info *in)
{
	free(in->body);
	free(in->kind);
	free(in->date);
	free(in->title);
	free(in->status);
}

/* The display name of registry entry ID in the compiled ROOT, or NULL. */
static const char *
S_display_of(xmlNodePtr root, const char *id)
{
	xmlNodePtr reg = tree_child(root, "registry");

	for (xmlNodePtr e = reg ? tree_first_elem(reg) : NULL; e != NULL; e = tree_next_elem(e))
		if (tree_attr(e, "id") != NULL && strcmp(tree_attr(e, "id"), id) == 0)
			return tree_get(e, "display");
	return NULL;
}

/*
 * The minutes' actions into REC, for the trackers: one entry per owner
 * (a joint action is on each owner's list), with the action's number, so
 * that later minutes can close it; and the earlier actions these minutes
 * close (action-updates/carried status="closed").
 */
static void
S_record_actions(xmlNodePtr rec, xmlNodePtr root, xmlNodePtr n, const char *date)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "action-updates")) {
			for (xmlNodePtr c = tree_first_elem(n); c != NULL; c = tree_next_elem(c))
				if (tree_is(c, "carried") && strcmp(str_or(tree_attr(c, "status"), "ongoing"), "closed") == 0) {
					xmlNodePtr x = xmlNewChild(rec, NULL, (const xmlChar *)"closes", NULL);

					xmlNewProp(x, (const xmlChar *)"number", (const xmlChar *)tree_attr(c, "number"));
					if (tree_attr(n, "from") != NULL)
						xmlNewProp(x, (const xmlChar *)"from", (const xmlChar *)tree_attr(n, "from"));
				}
			continue;
		}
		if (tree_is(n, "action")) {
			xmlNodePtr item;
			char *what = tree_text_folded(n), *ids = xstrdup(str_or(tree_attr(n, "owner"), "")), *save = NULL;

			/* an action without words of its own is its minute's business */
			for (item = n->parent; what[0] == '\0' && item != NULL && item->type == XML_ELEMENT_NODE;
			    item = item->parent)
				if (tree_is(item, "item") && tree_child(item, "title") != NULL) {
					free(what);
					what = tree_text_folded(tree_child(item, "title"));
					break;
				}
			for (char *id = strtok_r(ids, " \t\n", &save); id != NULL; id = strtok_r(NULL, " \t\n", &save)) {
				xmlNodePtr a = xmlNewChild(rec, NULL, (const xmlChar *)"action", NULL);

				xmlNewProp(a, (const xmlChar *)"number", (const xmlChar *)str_or(tree_get(n, "number"), ""));
				xmlNewProp(a, (const xmlChar *)"minute", (const xmlChar *)str_or(tree_get(n, "item"), ""));
				xmlNewProp(a, (const xmlChar *)"owner", (const xmlChar *)str_or(S_display_of(root, id), id));
				xmlNewProp(a, (const xmlChar *)"status", (const xmlChar *)str_or(tree_get(n, "status"), "open"));
				xmlNewProp(a, (const xmlChar *)"meeting", (const xmlChar *)date);
				if (tree_attr(n, "due") != NULL)
					xmlNewProp(a, (const xmlChar *)"due", (const xmlChar *)tree_attr(n, "due"));
				xmlNodeAddContent(a, (const xmlChar *)what);
			}
			free(ids);
			free(what);
			continue;
		}
		S_record_actions(rec, root, n, date);
	}
}

/* "out/site/x/y.html" → "x/y.html": a path below the site's folder. */
static const char *
S_below(const struct site *st, const char *path)
{
	size_t n = strlen(st->op->out);

	return strncmp(path, st->op->out, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* Non-zero if files A and B hold the same bytes. */
static int
S_same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	int same = fa != NULL && fb != NULL;

	while (same) {
		int ca = getc(fa), cb = getc(fb);

		if (ca != cb)
			same = 0;
		else if (ca == EOF)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/*
 * The files staged in O beside the page (pictures) may already be there for
 * another document of the folder: the same picture is fine, a different one
 * under the same name would change the other document's page.  Returns
 * non-zero if nothing clashes, else reports the clash in D.
 */
static int
S_shared_ok(const struct site *st, const struct found *f, const struct output *o, const char *stem, struct diag *d)
{
	int ok = 1;

	for (size_t k = 0; k < o->n; k++) {
		const char *rel = S_below(st, o->final[k]), *b = strrchr(o->final[k], '/');
		size_t sl = strlen(stem);

		b = b ? b + 1 : o->final[k];
		/* the document's own files, and the stylesheet every page shares, are its to write */
		if ((strncmp(b, stem, sl) == 0 && (b[sl] == '.' || b[sl] == '\0')) || strcmp(b, "csdoc.css") == 0 ||
		    strstr(rel, "/") == NULL)
			continue;
		for (xmlNodePtr r = xmlDocGetRootElement(st->manifest)->children; ok && r != NULL; r = r->next) {
			char *src;

			if (r->type != XML_ELEMENT_NODE)
				continue;
			src = S_prop(r, "src");
			if (strcmp(src, f->rel) != 0)
				for (xmlNodePtr n = r->children; ok && n != NULL; n = n->next) {
					char *p;

					if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "out") != 0)
						continue;
					p = S_prop(n, "path");
					if (strcmp(p, rel) == 0 && access(o->final[k], F_OK) == 0 &&
					    !S_same_bytes(o->tmp[k], o->final[k])) {
						char *m = xasprintf("%s is published already for %s, and this document's picture of that name differs: rename one of them",
						    rel, src);

						diag_msg(d, DE_IMAGE, 0, 0, b, m);
						free(m);
						ok = 0;
					}
					free(p);
				}
			free(src);
		}
	}
	return ok;
}

/*
 * Build source I in this process (a child of the site build): compile,
 * render into its stable place, commit; write its record to RECPATH and
 * its messages to DIAGPATH.  Returns the exit status.
 */
static int
S_build_one(struct site *st, size_t i, const char *recpath, const char *diagpath)
{
	const struct found *f = &st->src[i];
	struct diag d;
	struct source src;
	struct output o = { 0 };
	enum doc_kind kind = KIND_NONE;
	FILE *df;
	int status;

	deps_start();
	diag_init(&d, f->path);
	d.strict = st->op->strict;
	memset(&src, 0, sizeof(src));
	src.d = &d;
	/* each document's suggestions, with those of what it uses, share one budget */
	suggest_budget_reset();
	if (compile_file(&src, f->path, &kind) == 0) {
		struct info in;
		char *slug, *dir, *stem, *fstem;

		S_info(xmlDocGetRootElement(src.doc), kind, &in);
		slug = S_slug(in.body);
		dir = xasprintf("%s/%s/%s", st->op->out, slug, in.kind);
		/* a stable address: who, what kind, when, and the source's own name (S_names) */
		fstem = xstrdup(f->name);
		stem = xasprintf("%s-%s", in.date, fstem);
		if (output_mkdir(dir, &d) == 0) {
			struct render_opts ro = { dir, F_HTML | F_PDF | F_CSV | F_JSON, stem, st->op->css, 0 };

			if (render_doc(&src, kind, &ro, &o) == 0 && !diag_failed(&d) && S_shared_ok(st, f, &o, stem, &d) &&
			    output_commit(&o, &d) == 0) {
				xmlDocPtr rd = xmlNewDoc((const xmlChar *)"1.0");
				xmlNodePtr rec = xmlNewDocNode(rd, NULL, (const xmlChar *)"doc", NULL);
				size_t ndeps;
				const char *const *deps = deps_list(&ndeps);
				char *page = xasprintf("%s/%s/%s", slug, in.kind, stem);

				xmlDocSetRootElement(rd, rec);
				xmlNewProp(rec, (const xmlChar *)"src", (const xmlChar *)f->rel);
				xmlNewProp(rec, (const xmlChar *)"toolchain", (const xmlChar *)st->toolchain);
				xmlNewProp(rec, (const xmlChar *)"kind", (const xmlChar *)in.kind);
				xmlNewProp(rec, (const xmlChar *)"body", (const xmlChar *)in.body);
				xmlNewProp(rec, (const xmlChar *)"slug", (const xmlChar *)slug);
				xmlNewProp(rec, (const xmlChar *)"date", (const xmlChar *)in.date);
				xmlNewProp(rec, (const xmlChar *)"title", (const xmlChar *)in.title);
				xmlNewProp(rec, (const xmlChar *)"status", (const xmlChar *)in.status);
				xmlNewProp(rec, (const xmlChar *)"page", (const xmlChar *)page);
				{
					/* the address as a link: "#", "?", "%", spaces and non-ASCII escaped */
					char *href = url_escape_path(page);

					xmlNewProp(rec, (const xmlChar *)"href", (const xmlChar *)href);
					free(href);
				}
				for (size_t k = 0; k < ndeps; k++) {
					xmlNodePtr dn = xmlNewChild(rec, NULL, (const xmlChar *)"dep", NULL);
					char *h = S_hash_file(deps[k]);
					/* by its real name: the same file typed another way (./src, from elsewhere) is the same */
					char *real = realpath(deps[k], NULL);

					xmlNewProp(dn, (const xmlChar *)"path", (const xmlChar *)(real ? real : deps[k]));
					free(real);
					xmlNewProp(dn, (const xmlChar *)"hash", (const xmlChar *)h);
					free(h);
				}
				for (size_t k = 0; k < o.n; k++) {
					xmlNodePtr on = xmlNewChild(rec, NULL, (const xmlChar *)"out", NULL);

					xmlNewProp(on, (const xmlChar *)"path", (const xmlChar *)S_below(st, o.final[k]));
				}
				if (kind == KIND_MINUTES)
					S_record_actions(rec, xmlDocGetRootElement(src.doc), xmlDocGetRootElement(src.doc), in.date);
				if (xmlSaveFormatFileEnc(recpath, rd, "UTF-8", 1) < 0)
					diag_msg(&d, DF_WRITE, 0, 0, recpath, strerror(errno));
				xmlFreeDoc(rd);
				free(page);
			} else if (!diag_failed(&d))
				diag_msg(&d, DF_INTERNAL, 0, 0, "the outputs could not be made");
		}
		free(slug);
		free(dir);
		free(stem);
		free(fstem);
		S_info_free(&in);
	}
	output_free(&o);
	if ((df = fopen(diagpath, "w")) != NULL) {
		diag_print(&d, df);
		fclose(df);
	}
	status = diag_exit_status(&d);
	source_free(&src);
	diag_free(&d);
	deps_stop();
	return status;
}

/* ------------------------------------------------------------ the build */

/* A child building one source. */
struct job {
	pid_t  pid;
	size_t i;
	char  *rec, *diag;
};

/* Print FILE's contents to standard error. */
static void
S_cat(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;

	if (f == NULL)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stderr);
	fclose(f);
}

static void
S_progress(struct site *st, size_t done, const char *what, const char *path)
{
	if (st->tty) {
		fprintf(stderr, "\r\033[K[%zu/%zu] %s %s", done, st->nsrc, what, path);
		fflush(stderr);
	} else
		fprintf(stderr, "csdoc: [%zu/%zu] %s %s\n", done, st->nsrc, what, path);
}

/* A child is done: report it and take its record into the manifest. */
static void
S_finish(struct site *st, struct job *j, int status, size_t *done)
{
	const struct found *f = &st->src[j->i];
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 3;

	if (st->tty)
		fputs("\r\033[K", stderr);
	S_cat(j->diag);
	if (code == 0) {
		struct diag d;
		xmlDocPtr rd;

		diag_init(&d, j->rec);
		rd = load_file(j->rec, &d);
		diag_free(&d);
		if (rd != NULL) {
			xmlNodePtr old = S_record(st->manifest, f->rel);
			xmlNodePtr rec = xmlDocCopyNode(xmlDocGetRootElement(rd), st->manifest, 1);

			/* files the last build made and this one did not (a new date moves a page) go */
			if (old != NULL) {
				S_remove_outputs(st, old, rec);
				xmlReplaceNode(old, rec);
				xmlFreeNode(old);
			} else
				xmlAddChild(xmlDocGetRootElement(st->manifest), rec);
			xmlFreeDoc(rd);
		} else
			code = 3;
	}
	if (code != 0)
		st->failed = 1;
	S_progress(st, ++*done, code == 0 ? "built" : "FAILED", f->path);
	(void)unlink(j->rec);
	(void)unlink(j->diag);
	free(j->rec);
	free(j->diag);
	j->pid = 0;
}

/* Wait for one child of JOBS to end and finish it. */
static void
S_reap(struct site *st, struct job *jobs, size_t njobs, size_t *done)
{
	int status;
	pid_t pid = wait(&status);

	for (size_t k = 0; k < njobs; k++)
		if (jobs[k].pid != 0 && jobs[k].pid == pid) {
			S_finish(st, &jobs[k], status, done);
			return;
		}
}

/* ------------------------------------------------------------ site pages */

/* Days from ISO date A to ISO date B, or -1 if either is no date. */
static long
S_days(const char *a, const char *b)
{
	struct date da, db;

	if (date_parse(a, &da) != 0 || date_parse(b, &db) != 0)
		return -1;
	return date_days(&db) - date_days(&da);
}

/* The build's date: SOURCE_DATE_EPOCH if set (reproducible sites), else today. */
static char *
S_today(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	time_t t = e && *e ? (time_t)strtoll(e, NULL, 10) : time(NULL);
	struct tm tm;
	char buf[16];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	return xstrdup(buf);
}

/* Apply site stylesheet SHEET to DOC with PARAMS and write the result to DIR/REL. */
static int
S_page(struct site *st, xmlDocPtr doc, const char *sheet, const char **params, const char *rel, struct diag *d)
{
	struct output o = { 0 };
	struct buf b = { 0 };
	char *path = xasprintf("%s/%s", st->op->out, rel), *slash = strrchr(path, '/');
	xmlDocPtr res;
	int rc = -1;

	*slash = '\0';
	if (output_mkdir(path, d) != 0)
		goto done;
	*slash = '/';
	if ((res = xslt_apply_params(sheet, doc, params, d)) == NULL)
		goto done;
	if (xslt_serialize(sheet, res, &b, d) == 0 && output_bytes(&o, path, buf_str(&b), b.len, d) == 0 &&
	    output_commit(&o, d) == 0)
		rc = 0;
	xmlFreeDoc(res);
done:
	buf_free(&b);
	output_free(&o);
	free(path);
	return rc;
}

/* Copy csdoc's CSS file NAME (or the site's own, with --css) to DIR/NAME. */
static int
S_css(struct site *st, const char *name, const char *own, struct diag *d)
{
	char *from = own ? xstrdup(own) : xasprintf("stylesheets/html/%s", name), *src;
	char *to = xasprintf("%s/%s", st->op->out, name);
	struct output o = { 0 };
	size_t len = 0;
	char *bytes;
	int rc = -1;

	src = own ? from : paths_data(from);
	bytes = load_read(src, 1 << 20, &len, d);
	if (bytes != NULL && output_bytes(&o, to, bytes, len, d) == 0 && output_commit(&o, d) == 0)
		rc = 0;
	output_free(&o);
	free(bytes);
	if (src != from)
		free(src);
	free(from);
	free(to);
	return rc;
}

/*
 * Actions that later minutes of the same partnership close (their
 * action-updates list them as closed, by number): closed, with the meeting
 * that closed them.  The updates name the meeting they come from, or else
 * mean the partnership's minutes just before.
 */
static void
S_close_carried(xmlNodePtr root)
{
	for (xmlNodePtr r = root->children; r != NULL; r = r->next) {
		char *slug, *date;

		if (r->type != XML_ELEMENT_NODE)
			continue;
		slug = S_prop(r, "slug");
		date = S_prop(r, "date");
		for (xmlNodePtr c = r->children; c != NULL; c = c->next) {
			char *num, *from;
			xmlNodePtr target = NULL;
			char *tdate = NULL;

			if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "closes") != 0)
				continue;
			num = S_prop(c, "number");
			from = S_prop(c, "from");
			/* the minutes the update comes from: named, or the latest before these */
			for (xmlNodePtr o = root->children; o != NULL; o = o->next) {
				char *os, *od, *ok;

				if (o == r || o->type != XML_ELEMENT_NODE)
					continue;
				os = S_prop(o, "slug");
				od = S_prop(o, "date");
				ok = S_prop(o, "kind");
				if (strcmp(os, slug) == 0 && strcmp(ok, "minutes") == 0 &&
				    (from[0] ? strcmp(od, from) == 0 : strcmp(od, date) < 0 && (tdate == NULL || strcmp(od, tdate) > 0))) {
					target = o;
					free(tdate);
					tdate = xstrdup(od);
				}
				free(os);
				free(od);
				free(ok);
			}
			for (xmlNodePtr a = target ? target->children : NULL; a != NULL; a = a->next) {
				char *an;

				if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "action") != 0)
					continue;
				an = S_prop(a, "number");
				if (strcmp(an, num) == 0) {
					xmlSetProp(a, (const xmlChar *)"status", (const xmlChar *)"closed");
					xmlSetProp(a, (const xmlChar *)"closed-at", (const xmlChar *)date);
				}
				free(an);
			}
			free(tdate);
			free(num);
			free(from);
		}
		free(slug);
		free(date);
	}
}

/*
 * The site's own pages from the manifest: the index, a page and an action
 * tracker per partnership, and the Atom feed.
 */
static int
S_site_pages(struct site *st)
{
	xmlDocPtr doc = xmlCopyDoc(st->manifest, 1);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *today = S_today();
	struct diag d;
	char **slugs = NULL;
	size_t nslugs = 0;
	int rc = 0;

	diag_init(&d, st->op->out);
	xmlNewProp(root, (const xmlChar *)"built", (const xmlChar *)today);
	if (st->op->title != NULL)
		xmlNewProp(root, (const xmlChar *)"title", (const xmlChar *)st->op->title);
	/* the builder's knowledge stays out of the pages: which files, which hashes */
	for (xmlNodePtr r = root->children; r != NULL; r = r->next) {
		xmlNodePtr next;
		char *slug, *date;

		if (r->type != XML_ELEMENT_NODE)
			continue;
		for (xmlNodePtr c = r->children; c != NULL; c = next) {
			next = c->next;
			if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "dep") == 0) {
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			} else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "action") == 0) {
				char *m = S_prop(c, "meeting");
				long age = S_days(m, today);
				char num[24];

				snprintf(num, sizeof(num), "%ld", age);
				if (age >= 0)
					xmlSetProp(c, (const xmlChar *)"age", (const xmlChar *)num);
				free(m);
			}
		}
		slug = S_prop(r, "slug");
		date = S_prop(r, "date");
		{
			size_t k;

			for (k = 0; k < nslugs && strcmp(slugs[k], slug) != 0; k++)
				;
			if (k == nslugs) {
				slugs = xreallocarray(slugs, nslugs + 1, sizeof(*slugs));
				slugs[nslugs++] = slug;
				slug = NULL;
			}
		}
		free(slug);
		free(date);
	}
	S_close_carried(root);
	{
		const char *p0[] = { NULL };

		if (S_page(st, doc, "stylesheets/site/index.xsl", p0, "index.html", &d) != 0 ||
		    S_page(st, doc, "stylesheets/site/atom.xsl", p0, "feed.atom", &d) != 0)
			rc = -1;
	}
	for (size_t k = 0; k < nslugs && rc == 0; k++) {
		const char *pp[] = { "partnership", slugs[k], "up", "../", NULL };
		char *index = xasprintf("%s/index.html", slugs[k]), *actions = xasprintf("%s/actions.html", slugs[k]);
		int minutes = 0;

		for (xmlNodePtr r = root->children; r != NULL && !minutes; r = r->next) {
			char *sl, *kd;

			if (r->type != XML_ELEMENT_NODE)
				continue;
			sl = S_prop(r, "slug");
			kd = S_prop(r, "kind");
			minutes = strcmp(sl, slugs[k]) == 0 && strcmp(kd, "minutes") == 0;
			free(sl);
			free(kd);
		}
		if (S_page(st, doc, "stylesheets/site/index.xsl", pp, index, &d) != 0)
			rc = -1;
		/* a tracker where there are minutes to track */
		if (rc == 0 && minutes && S_page(st, doc, "stylesheets/site/actions.xsl", pp, actions, &d) != 0)
			rc = -1;
		if (!minutes) {
			char *path = xasprintf("%s/%s", st->op->out, actions);

			(void)unlink(path);
			free(path);
		}
		free(index);
		free(actions);
	}
	if (rc == 0 && (S_css(st, "csdoc.css", st->op->css, &d) != 0 || S_css(st, "site.css", st->op->site_css, &d) != 0))
		rc = -1;
	/* stale partnership pages (no documents left) are removed */
	S_prune(st, slugs, nslugs);
	for (size_t k = 0; k < nslugs; k++)
		free(slugs[k]);
	free(slugs);
	diag_print(&d, stderr);
	diag_free(&d);
	free(today);
	xmlFreeDoc(doc);
	return rc;
}

/* ------------------------------------------------------------ run */

/*
 * The web team's wrapper may hold the two named templates and nothing
 * else: it is included into csdoc's page stylesheets, where any other
 * template would replace csdoc's.  NULL if it is fine, else why not.
 */
static const char *
S_check_wrap(const char *path)
{
	static const char xsl[] = "http://www.w3.org/1999/XSL/Transform";
	struct diag d;
	xmlDocPtr doc;
	xmlNodePtr root;
	const char *why = NULL;

	diag_init(&d, path);
	doc = load_file(path, &d);
	diag_free(&d);
	if (doc == NULL)
		return "it is not a well-formed XML file";
	root = xmlDocGetRootElement(doc);
	if (root == NULL || root->ns == NULL || strcmp((const char *)root->ns->href, xsl) != 0 ||
	    strcmp((const char *)root->name, "stylesheet") != 0)
		why = "it is not an XSLT stylesheet (xsl:stylesheet)";
	for (xmlNodePtr n = root ? root->children : NULL; why == NULL && n != NULL; n = n->next) {
		xmlChar *name, *match;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = xmlGetProp(n, (const xmlChar *)"name");
		match = xmlGetProp(n, (const xmlChar *)"match");
		if (n->ns == NULL || strcmp((const char *)n->ns->href, xsl) != 0 ||
		    strcmp((const char *)n->name, "template") != 0 || match != NULL || name == NULL ||
		    (strcmp((const char *)name, "site-header") != 0 && strcmp((const char *)name, "site-footer") != 0))
			why = "it may hold only <xsl:template name=\"site-header\"> and <xsl:template name=\"site-footer\">";
		xmlFree(name);
		xmlFree(match);
	}
	xmlFreeDoc(doc);
	return why;
}

/* Free what the build holds. */
static void
S_free(struct site *st)
{
	for (size_t i = 0; i < st->nsrc; i++) {
		free(st->src[i].rel);
		free(st->src[i].path);
		free(st->src[i].name);
	}
	for (size_t i = 0; i < st->ndirs; i++)
		free(st->dirs[i]);
	free(st->dirs);
	for (size_t i = 0; i < st->ngone; i++)
		free(st->gone[i]);
	free(st->gone);
	free(st->src);
	free(st->toolchain);
	xmlFreeDoc(st->manifest);
	memset(st, 0, sizeof(*st));
}

int
site_run(const struct site_opts *op)
{
	struct site st;
	struct job *jobs;
	size_t njobs = op->jobs > 0 ? (size_t)op->jobs : 1, done = 0, next = 0;
	char *outreal, *statedir;
	struct stat sb;
	int rc;

	memset(&st, 0, sizeof(st));
	st.op = op;
	st.tty = isatty(2);
	if (op->wrap != NULL) {
		const char *why = NULL;

		if (load_allow(op->wrap) != 0) {
			fprintf(stderr, "csdoc: --wrap %s: %s\n", op->wrap, strerror(errno));
			return 2;
		}
		if ((why = S_check_wrap(op->wrap)) != NULL) {
			fprintf(stderr, "csdoc: --wrap %s: %s\n", op->wrap, why);
			return 2;
		}
		xslt_set_wrap(op->wrap);
	}
	if (stat(op->src, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "csdoc: %s: not a folder of sources\n", op->src);
		return 2;
	}
	statedir = S_state(&st, "");
	{
		struct diag d;
		int bad;

		diag_init(&d, op->out);
		bad = output_mkdir(statedir, &d) != 0;
		diag_print(&d, stderr);
		diag_free(&d);
		free(statedir);
		if (bad)
			return 3;
	}
	outreal = realpath(op->out, NULL);
	S_find(&st, "", outreal);
	free(outreal);
	if (st.too_many) {
		/* building part of the sources would unpublish the rest: build none */
		fprintf(stderr, "csdoc: %s: more than %d sources; a site holds at most %d: nothing was built or removed\n",
		    op->src, SITE_MAX_SOURCES, SITE_MAX_SOURCES);
		S_free(&st);
		return 2;
	}
	S_names(&st);
	st.toolchain = S_toolchain(op);
	st.manifest = S_manifest_load(&st);
	/* the folders csdoc made are the only ones it may tidy away */
	for (xmlNodePtr r = xmlDocGetRootElement(st.manifest)->children; r != NULL; r = r->next)
		if (r->type == XML_ELEMENT_NODE) {
			char *page = S_prop(r, "page");

			if (page[0] != '\0')
				S_note_dirs(&st, page);
			free(page);
		}

	/* a source gone since the last build takes its outputs with it */
	for (xmlNodePtr r = xmlDocGetRootElement(st.manifest)->children, nx; r != NULL; r = nx) {
		char *rel;
		int found = 0;

		nx = r->next;
		if (r->type != XML_ELEMENT_NODE)
			continue;
		rel = S_prop(r, "src");
		for (size_t i = 0; i < st.nsrc && !found; i++)
			found = strcmp(st.src[i].rel, rel) == 0;
		if (!found) {
			S_remove_outputs(&st, r, NULL);
			xmlUnlinkNode(r);
			xmlFreeNode(r);
			fprintf(stderr, "csdoc: removed the outputs of %s/%s\n", op->src, rel);
		}
		free(rel);
	}

	jobs = xcalloc(njobs, sizeof(*jobs));
	fflush(stdout);
	fflush(stderr);
	for (next = 0; next < st.nsrc; next++) {
		xmlNodePtr rec = S_record(st.manifest, st.src[next].rel);
		size_t slot;

		if (rec != NULL && S_fresh(&st, rec)) {
			S_progress(&st, ++done, "unchanged", st.src[next].path);
			continue;
		}
		for (;;) {
			for (slot = 0; slot < njobs && jobs[slot].pid != 0; slot++)
				;
			if (slot < njobs)
				break;
			S_reap(&st, jobs, njobs, &done);
		}
		jobs[slot].i = next;
		{
			char *name = xasprintf("job-%zu.rec", next);

			jobs[slot].rec = S_state(&st, name);
			free(name);
			name = xasprintf("job-%zu.diag", next);
			jobs[slot].diag = S_state(&st, name);
			free(name);
		}
		fflush(stderr);
		jobs[slot].pid = fork();
		if (jobs[slot].pid == 0) {
			int status = S_build_one(&st, next, jobs[slot].rec, jobs[slot].diag);

			fflush(stdout);
			fflush(stderr);
			/*
			 * The child's copy of the parent's state is left as it is:
			 * it stays reachable from this frame until _exit, so leak
			 * checkers count it as reachable, not lost.  Freeing it here
			 * walked the whole manifest in every child and copied each
			 * page it touched: a cost in the number of documents per
			 * document, a third of a site of 1,000 (bench/README.md).
			 * The job table is small and only a local pointer holds it,
			 * which the optimiser may drop: it goes.
			 */
			for (size_t k = 0; k < njobs; k++) {
				free(jobs[k].rec);
				free(jobs[k].diag);
			}
			free(jobs);
			xslt_cleanup();
			validate_cleanup();
			xmlCleanupParser();
			_exit(status);
		}
		if (jobs[slot].pid < 0) {
			/* no process to spare: build it here */
			int status = S_build_one(&st, next, jobs[slot].rec, jobs[slot].diag);

			jobs[slot].pid = 0;
			{
				struct job j = jobs[slot];

				S_finish(&st, &j, status << 8, &done);
			}
		}
	}
	for (;;) {
		size_t busy = 0;

		for (size_t k = 0; k < njobs; k++)
			busy += jobs[k].pid != 0;
		if (busy == 0)
			break;
		S_reap(&st, jobs, njobs, &done);
	}
	if (st.tty)
		fputs("\r\033[K", stderr);
	free(jobs);

	rc = S_manifest_save(&st) == 0 && S_site_pages(&st) == 0 ? 0 : 3;
	if (rc == 0 && st.failed)
		rc = 1;
	fprintf(stderr, "csdoc: site %s: %zu documents%s\n", op->out, st.nsrc,
	    st.failed ? "; some failed, their previous pages stay" : "");
	S_free(&st);
	return rc;
}
