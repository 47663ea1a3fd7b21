/* site.h: csdoc site — every source under a folder built into a web site, rebuilding only what changed. */
#ifndef CSDOC_SITE_H
#define CSDOC_SITE_H

struct site_opts {
	const char *src;      /* the folder of sources */
	const char *out;      /* the site's folder */
	int         jobs;     /* documents built at once (-j) */
	int         strict;   /* warnings count as errors */
	const char *css;      /* the web team's own csdoc.css, or NULL */
	const char *site_css; /* the web team's own site.css for the site's own pages, or NULL */
	const char *title;    /* the site's name on its index page, or NULL */
	const char *wrap;     /* the web team's stylesheet of site-header and site-footer templates, or NULL */
};

/*
 * Build the site: each source's HTML, PDF and figures (CSV, JSON) under
 * OUT/PARTNERSHIP/KIND/DATE-NAME.*, only where the source, a file it reads
 * or csdoc changed since the last build (OUT/.csdoc/manifest.xml); remove
 * the outputs of sources that are gone; then the index, a page and an
 * action tracker per partnership, and the Atom feed.  Messages go to
 * standard error.  Returns 0, 1 if a source failed (its previous pages
 * stay), 2 for bad options, 3 if the site could not be written.
 */
int site_run(const struct site_opts *op);

#endif
