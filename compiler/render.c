/* render.c: the back half of the pipeline — a compiled tree staged as every requested output (HTML, PDF, XML, CSV, JSON). */
#include "render.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figout.h"
#include "load.h"
#include "packprint.h"
#include "paths.h"
#include "tree.h"
#include "typeset/typeset.h"
#include "util.h"
#include "validate.h"
#include "xslt.h"

/* The web team's own csdoc.css (render_opts.css) for the document being rendered, or NULL. */
static const char *css_file;

/*
 * The PDF creation date: SOURCE_DATE_EPOCH if set (reproducible builds),
 * else -1 so that the typesetter takes the document's own date.
 */
static long long
S_epoch(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e == NULL || *e == '\0')
		return -1;
	errno = 0;
	v = strtoll(e, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0)
		return -1;
	return v;
}

/* Stage csdoc.css beside the HTML unless an identical copy is there. */
static int
S_stage_css(struct output *o, const char *dir, struct diag *d)
{
	char *src = css_file ? xstrdup(css_file) : paths_data("stylesheets/html/csdoc.css");
	char *dst = xasprintf("%s/csdoc.css", dir);
	size_t len = 0, olen = 0;
	struct diag quiet;
	char *css, *old;
	int rc = 0;

	css = load_read(src, 1 << 20, &len, d);
	if (css == NULL) {
		rc = -1;
		goto done;
	}
	diag_init(&quiet, dst);
	old = load_read(dst, 1 << 20, &olen, &quiet);
	diag_free(&quiet);
	if (old == NULL || olen != len || memcmp(old, css, len) != 0)
		rc = output_bytes(o, dst, css, len, d);
	free(old);
	free(css);
done:
	free(src);
	free(dst);
	return rc;
}

/* Stage a copy of every picture the page shows beside it (the compiled tree says which). */
static int
S_stage_images(struct output *o, const char *dir, const char *srcdir, xmlNodePtr n,
    struct diag *d)
{
	for (; n != NULL; n = n->next) {
		const char *file, *from;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		/* a meeting pack's papers stage their own pictures beside their own pages */
		if (n->ns != NULL && strcmp((const char *)n->ns->href, CSDOC_C_NS) == 0 &&
		    strcmp((const char *)n->name, "papers") == 0)
			continue;
		if (tree_is(n, "image") && (file = tree_get(n, "file")) != NULL &&
		    (from = tree_attr(n, "src")) != NULL) {
			size_t len = 0;
			char *src = xasprintf("%s/%s", srcdir, from);
			char *bytes = load_read(src, 20L * 1024 * 1024, &len, d);
			char *to = xasprintf("%s/%s", dir, file);
			int rc = bytes ? output_bytes(o, to, bytes, len, d) : -1;

			free(bytes);
			free(src);
			free(to);
			if (rc != 0)
				return -1;
		}
		if (S_stage_images(o, dir, srcdir, n->children, d) != 0)
			return -1;
	}
	return 0;
}

/* Apply the HTML stylesheet SHEET to DOC and stage the page at PATH, with csdoc.css and its pictures (from SRCDIR) in DIR. */
static int
S_html(const char *sheet, xmlDocPtr doc, const char **params, const char *path, const char *dir,
    const char *srcdir, struct output *o, struct diag *d)
{
	struct buf b = { 0 };
	xmlDocPtr res = xslt_apply_params(sheet, doc, params, d);
	int rc = -1;

	if (res != NULL && xslt_serialize(sheet, res, &b, d) == 0 &&
	    output_bytes(o, path, buf_str(&b), b.len, d) == 0 &&
	    S_stage_css(o, dir, d) == 0 &&
	    S_stage_images(o, dir, srcdir, xmlDocGetRootElement(doc), d) == 0)
		rc = 0;
	buf_free(&b);
	if (res != NULL)
		xmlFreeDoc(res);
	return rc;
}

/*
 * What a PDF needs that no document decides, done on another core while
 * the compiled document's stylesheets run (its HTML, its print tree):
 * print.xsd parsed, and the font map made with the common fonts loaded
 * (ts_fonts_warm).  The thread shares nothing with that work (libxml2
 * keeps its error handlers per thread; pango, cairo and fontconfig are
 * used by the typesetter alone), and S_typeset() joins it before using
 * either.
 */
struct render_prep {
	pthread_t       t;
	int             running;
	struct ts_fonts fonts;
};

static void *
S_prep_run(void *arg)
{
	struct render_prep *p = arg;

	validate_print_preload();
	ts_fonts_warm(&p->fonts);
	return NULL;
}

static struct render_prep *
S_prep_start(int formats)
{
	struct render_prep *p;
	sigset_t all, old;

	if (!(formats & (F_PDF | F_BOXES)))
		return NULL;
	p = xcalloc(1, sizeof(*p));
	validate_threads_init();
	/* signals stay with the main thread, whose handlers remove staged files (output.c) */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	/* no thread, no head start: everything is made when needed instead */
	p->running = pthread_create(&p->t, NULL, S_prep_run, p) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return p;
}

static void
S_prep_join(struct render_prep *p)
{
	if (p == NULL || !p->running)
		return;
	pthread_join(p->t, NULL);
	p->running = 0;
}

static void
S_prep_end(struct render_prep *p)
{
	if (p == NULL)
		return;
	S_prep_join(p);
	ts_fonts_drop(&p->fonts);
	free(p);
}

/* Check the print tree RES and stage what it gives: NAME.print.xml, NAME.pdf, NAME.boxes. */
static int
S_typeset(xmlDocPtr res, const struct render_opts *op, struct output *o, const char *stem,
    struct render_prep *prep, struct diag *d)
{
	struct ts_options tso = { S_epoch(), NULL, prep != NULL ? &prep->fonts : NULL, op->keep };
	const char *pdf = NULL;
	char *boxes = NULL, *path;
	size_t boxlen = 0;
	int trc;

	if (op->formats & F_PRINT) {
		xmlChar *mem = NULL;
		int len = 0;

		path = xasprintf("%s/%s.print.xml", op->outdir, stem);
		xmlDocDumpFormatMemoryEnc(res, &mem, &len, "UTF-8", 1);
		trc = mem ? output_bytes(o, path, (const char *)mem, (size_t)len, d) : -1;
		xmlFree(mem);
		free(path);
		if (trc != 0)
			return -1;
	}
	S_prep_join(prep);
	/* a print tree that breaks print.xsd is a stylesheet bug */
	if (validate_print(res, d) != 0)
		return -1;
	if (!(op->formats & (F_PDF | F_BOXES)))
		return 0;
	if (op->formats & F_BOXES)
		tso.boxes = open_memstream(&boxes, &boxlen);
	if (op->formats & F_PDF) {
		path = xasprintf("%s/%s.pdf", op->outdir, stem);
		pdf = output_stage(o, path, d);
		free(path);
		if (pdf == NULL) {
			if (tso.boxes)
				fclose(tso.boxes);
			free(boxes);
			return -1;
		}
	}
	trc = ts_render(res, pdf, &tso, d);
	if (tso.boxes)
		fclose(tso.boxes);
	if (trc == 0 && (op->formats & F_BOXES)) {
		path = xasprintf("%s/%s.boxes", op->outdir, stem);
		trc = output_bytes(o, path, boxes ? boxes : "", boxlen, d);
		free(path);
	}
	free(boxes);
	return trc;
}

/* A compiled paper of a pack as a document of its own, for its kind's stylesheets. */
static xmlDocPtr
S_paper_doc(xmlNodePtr wrap)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = tree_first_elem(wrap);

	if (root != NULL)
		xmlDocSetRootElement(doc, xmlDocCopyNode(root, doc, 1));
	return doc;
}

/* The <paper> element of the agenda that c:paper number N copies. */
static xmlNodePtr
S_agenda_paper(xmlNodePtr n, const char *num)
{
	for (; n != NULL; n = n->next) {
		xmlNodePtr f;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "paper") && tree_get(n, "n") != NULL && strcmp(tree_get(n, "n"), num) == 0)
			return n;
		if ((f = S_agenda_paper(n->children, num)) != NULL)
			return f;
	}
	return NULL;
}

/*
 * The flow of the pack's own print tree (matters arising) that belongs to a
 * later agenda item than ITEM, so that ITEM's paper goes before it; NULL
 * when the paper goes at the end.
 */
static xmlNodePtr
S_flow_after(xmlDocPtr print, xmlNodePtr root, xmlNodePtr item)
{
	xmlNodePtr agenda = tree_child(root, "agenda");
	int seen_item = 0;

	if (item == NULL)
		return NULL;
	/* the paper goes before matters arising if its item comes first in the agenda */
	for (xmlNodePtr it = tree_first_elem(agenda); it != NULL; it = tree_next_elem(it)) {
		if (it == item)
			seen_item = 1;
		if (tree_is(it, "agenda-item") && tree_child(it, "matters-arising") != NULL) {
			if (!seen_item || it == item)
				return NULL;
			break;
		}
	}
	/* the flow whose first block is the heading with id "matters-arising" */
	for (xmlNodePtr f = xmlDocGetRootElement(print)->children; f != NULL; f = f->next) {
		xmlNodePtr h = f->children;

		while (h != NULL && h->type != XML_ELEMENT_NODE)
			h = h->next;
		if (h != NULL) {
			xmlChar *id = xmlGetProp(h, (const xmlChar *)"id");
			int hit = id != NULL && strcmp((const char *)id, "matters-arising") == 0;

			xmlFree(id);
			if (hit)
				return f;
		}
	}
	return NULL;
}

/* The pictures one page shows, named as staged (c:file) and where they come from. */
struct staged_pic {
	char *file;   /* name beside the page */
	char *real;   /* real path of the picture it copies */
};

/*
 * Record the pictures under N (read from DIR) in *PICS; a name another
 * paper of the pack already gives to a different picture is an error at AT,
 * since the papers' pages share one folder.  Returns 0 or -1.
 */
static int
S_pics(struct source *src, xmlNodePtr at, xmlNodePtr n, const char *dir, struct staged_pic **pics,
    size_t *npics)
{
	int rc = 0;

	for (; n != NULL; n = n->next) {
		const char *file, *from;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tree_is(n, "image") && (file = tree_get(n, "file")) != NULL && (from = tree_attr(n, "src")) != NULL) {
			char *path = xasprintf("%s/%s", dir, from), *real = realpath(path, NULL);
			size_t i;

			free(path);
			for (i = 0; i < *npics && strcmp((*pics)[i].file, file) != 0; i++)
				;
			if (i < *npics && (real == NULL || strcmp((*pics)[i].real, real) != 0)) {
				source_msg(src, at, "href", DE_IMAGE, file,
				    "another paper of the pack shows a different picture by this name, and the papers' pages share a folder: rename one of them");
				rc = -1;
			} else if (i == *npics && real != NULL) {
				*pics = xreallocarray(*pics, *npics + 1, sizeof(**pics));
				(*pics)[*npics].file = xstrdup(file);
				(*pics)[(*npics)++].real = real;
				real = NULL;
			}
			free(real);
		}
		if (S_pics(src, at, n->children, dir, pics, npics) != 0)
			rc = -1;
	}
	return rc;
}

/*
 * A meeting pack: the agenda page and a page per paper in HTML (in DIR/STEM/,
 * each linking back), and one PDF of the agenda and every paper.
 */
static int
S_render_pack(struct source *src, const struct render_opts *op, struct output *o, const char *stem,
    const char *srcdir, struct render_prep *prep)
{
	xmlNodePtr root = xmlDocGetRootElement(src->doc), papers = NULL;
	xmlDocPtr print = NULL;
	char *estem = url_escape_path(stem);
	char *home = xasprintf("../%s.html", estem), *pagedir = xasprintf("%s/%s", op->outdir, stem);
	char *pdfhref = xasprintf("../%s.pdf", estem);
	const char *title = str_or(tree_get(root, "title"), "");
	struct staged_pic *pics = NULL;
	size_t npics = 0;
	int rc = -1;

	for (xmlNodePtr n = tree_first_elem(root); n != NULL; n = tree_next_elem(n))
		if (n->ns != NULL && strcmp((const char *)n->ns->href, CSDOC_C_NS) == 0 &&
		    strcmp((const char *)n->name, "papers") == 0)
			papers = n;
	if (op->formats & F_HTML) {
		char *path = xasprintf("%s/%s.html", op->outdir, stem);
		/* the agenda links the papers' pages in the folder named after the pack's outputs */
		const char *params[] = { "pages-dir", estem, NULL };
		int hrc = S_html("stylesheets/html/meeting-pack.xsl", src->doc, params, path, op->outdir, srcdir, o, src->d);

		free(path);
		/* the papers' pages go in a folder of their own beside the agenda's */
		if (hrc != 0 || (papers != NULL && output_subdir(o, pagedir, src->d) != 0))
			goto done;
	}
	if (op->formats & (F_PDF | F_BOXES | F_PRINT)) {
		const char *params[] = { "source-dir", srcdir ? srcdir : ".", NULL };

		if ((print = xslt_apply_params("stylesheets/print/meeting-pack.xsl", src->doc, params, src->d)) == NULL)
			goto done;
	}
	for (xmlNodePtr w = papers ? tree_first_elem(papers) : NULL; w != NULL; w = tree_next_elem(w)) {
		const char *num = str_or(tree_attr(w, "n"), ""), *kind = str_or(tree_attr(w, "kind"), "");
		const char *href = str_or(tree_attr(w, "href"), "");
		xmlNodePtr ap = S_agenda_paper(root, num), item = ap ? ap->parent : NULL;
		/* the paper's own folder, where its pictures are */
		const char *slash = strrchr(href, '/');
		char *pdir = slash ? xasprintf("%s/%.*s", srcdir ? srcdir : ".", (int)(slash - href), href) :
		    xstrdup(srcdir ? srcdir : ".");
		xmlDocPtr doc = S_paper_doc(w);
		char *sheet = NULL, *itemname;
		int prc = 0;

		itemname = item && tree_get(item, "number") ?
		    xasprintf("Item %s: %s", tree_get(item, "number"), str_or(tree_get(ap, "label"), "")) :
		    xstrdup(str_or(tree_get(ap, "label"), ""));
		if ((op->formats & F_HTML) && S_pics(src, ap ? ap : root, xmlDocGetRootElement(doc), pdir, &pics, &npics) != 0)
			prc = -1;
		else if (op->formats & F_HTML) {
			const char *params[] = { "pack-home", home, "pack-title", title, "pack-pdf", pdfhref, NULL };
			char *path = xasprintf("%s/%s", pagedir, ap ? tree_get(ap, "page") : "paper.html");

			sheet = xasprintf("stylesheets/html/%s.xsl", kind);
			prc = S_html(sheet, doc, params, path, pagedir, pdir, o, src->d);
			free(path);
			free(sheet);
		}
		if (prc == 0 && print != NULL) {
			const char *params[] = { "source-dir", pdir, NULL };
			xmlDocPtr pp;

			sheet = xasprintf("stylesheets/print/%s.xsl", kind);
			pp = xslt_apply_params(sheet, doc, params, src->d);
			if (pp == NULL)
				prc = -1;
			else {
				char *prefix = xasprintf("p%s-", num);
				/* the board on the left, the item on the right: the date is on the cover */
				struct packprint_paper ppp = { prefix, ap ? tree_get(ap, "target") : "", itemname,
				    str_or(tree_get(root, "body"), title), itemname,
				    S_flow_after(print, root, item) };

				prc = packprint_add(print, pp, &ppp);
				if (prc != 0)
					diag_msg(src->d, DF_INTERNAL, 0, 0, "a paper's print tree could not be joined to the pack's");
				free(prefix);
				xmlFreeDoc(pp);
			}
			free(sheet);
		}
		xmlFreeDoc(doc);
		free(itemname);
		free(pdir);
		if (prc != 0)
			goto done;
	}
	if (print != NULL && S_typeset(print, op, o, stem, prep, src->d) != 0)
		goto done;
	rc = 0;
done:
	if (print != NULL)
		xmlFreeDoc(print);
	for (size_t i = 0; i < npics; i++) {
		free(pics[i].file);
		free(pics[i].real);
	}
	free(pics);
	free(estem);
	free(home);
	free(pdfhref);
	free(pagedir);
	return rc;
}

int
render_doc(struct source *src, enum doc_kind kind, const struct render_opts *op,
    struct output *o)
{
	const char *kname = validate_kind_name(kind);
	char *stem = op->stem ? xstrdup(op->stem) : path_stem(src->path);

	css_file = op->css;
	/* the source's folder, where its pictures are (checked when it compiled) */
	const char *slash = strrchr(src->path, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash - src->path), src->path) : xstrdup(".");
	char *srcdir = realpath(dir, NULL);
	char *path = NULL, *sheet = NULL;
	xmlDocPtr res = NULL;
	/* begun before the outputs, so that it runs beside the HTML and the print stylesheet */
	struct render_prep *prep = S_prep_start(op->formats);
	int rc = -1;

	if (op->formats & F_XML) {
		xmlChar *mem = NULL;
		int len = 0;

		path = xasprintf("%s/%s.compiled.xml", op->outdir, stem);
		xmlDocDumpFormatMemoryEnc(src->doc, &mem, &len, "UTF-8", 1);
		if (mem == NULL) {
			diag_msg(src->d, DF_INTERNAL, 0, 0, "cannot serialize the compiled tree");
			goto done;
		}
		rc = output_bytes(o, path, (const char *)mem, (size_t)len, src->d);
		xmlFree(mem);
		free(path);
		path = NULL;
		if (rc != 0)
			goto done;
		rc = -1;
	}
	/* the figures as open data: CSV and JSON */
	for (int k = 0; k < 2; k++) {
		struct buf b = { 0 };

		if (!(op->formats & (k ? F_JSON : F_CSV)))
			continue;
		(k ? figout_json : figout_csv)(src->doc, &b);
		path = xasprintf("%s/%s.figures.%s", op->outdir, stem, k ? "json" : "csv");
		rc = output_bytes(o, path, buf_str(&b), b.len, src->d);
		buf_free(&b);
		free(path);
		path = NULL;
		if (rc != 0)
			goto done;
		rc = -1;
	}
	if ((op->formats & F_HTML) && kind != KIND_PACK) {
		path = xasprintf("%s/%s.html", op->outdir, stem);
		sheet = xasprintf("stylesheets/html/%s.xsl", kname);
		if (S_html(sheet, src->doc, NULL, path, op->outdir, srcdir, o, src->d) != 0)
			goto done;
		free(sheet);
		sheet = NULL;
		free(path);
		path = NULL;
	}
	if (kind == KIND_PACK) {
		if (S_render_pack(src, op, o, stem, srcdir, prep) != 0)
			goto done;
	} else if (op->formats & (F_PDF | F_BOXES | F_PRINT)) {
		const char *params[] = { "source-dir", srcdir ? srcdir : ".", NULL };

		sheet = xasprintf("stylesheets/print/%s.xsl", kname);
		res = xslt_apply_params(sheet, src->doc, params, src->d);
		if (res == NULL || S_typeset(res, op, o, stem, prep, src->d) != 0)
			goto done;
	}
	rc = 0;
done:
	S_prep_end(prep);
	if (res != NULL && !op->keep)
		xmlFreeDoc(res);
	free(sheet);
	free(path);
	free(stem);
	free(dir);
	free(srcdir);
	return rc;
}

