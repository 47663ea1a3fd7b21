/* main.c: the csdoc command line — subcommands, options, one compile per file, exit status. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "author.h"
#include "compile.h"
#include "csv.h"
#include "diag.h"
#include "figout.h"
#include "load.h"
#include "output.h"
#include "render.h"
#include "site.h"
#include "paths.h"
#include "suggest.h"
#include "tree.h"
#include "typeset/typeset.h"
#include "util.h"
#include "validate.h"
#include "xslt.h"

static const struct {
	const char *name;
	int         bit;
} formats[] = {
	{ "pdf", F_PDF }, { "html", F_HTML }, { "xml", F_XML },
	{ "boxes", F_BOXES }, { "print", F_PRINT }, { "csv", F_CSV }, { "json", F_JSON },
};

struct opts {
	const char *outdir;   /* -o */
	int         formats;  /* -f, F_* bits */
	int         strict;   /* --strict */
};

static const char usage_text[] =
    "usage: csdoc check [--strict] FILE...\n"
    "       csdoc build [-o DIR] [-f pdf,html,xml,csv,json,boxes,print] [--strict] FILE...\n"
    "       csdoc figures [--strict] FILE...\n"
    "       csdoc site [-o DIR] [-j N] [--css FILE] [--site-css FILE] [--wrap FILE.xsl]\n"
    "                  [--title TEXT] [--strict] SRC\n"
    "       csdoc import-csv [--header] [--columns TYPE,...] [--separator comma|semicolon|tab] FILE.csv\n"
    "       csdoc new KIND [--partnership NAME] [--date YYYY-MM-DD] [-o FILE]\n"
    "       csdoc watch [-o DIR] [-f pdf,html,...] FILE\n"
    "       csdoc fmt FILE | csdoc fmt -i FILE...\n"
    "       csdoc --help | --version\n";

static void
S_help(void)
{
	fputs("csdoc: validate, compute and render Community Safety Partnership documents\n\n", stdout);
	fputs(usage_text, stdout);
	fputs("\n"
	    "  check   validate each FILE, compute its figures, report every problem;\n"
	    "          writes nothing\n"
	    "  build   as check, then write each FILE's outputs into DIR (default out/):\n"
	    "            pdf    NAME.pdf (A4, tagged, fonts embedded)\n"
	    "            html   NAME.html, and csdoc.css beside it\n"
	    "            xml    NAME.compiled.xml, the compiled tree\n"
	    "            csv    NAME.figures.csv, every figure as open data\n"
	    "            json   NAME.figures.json, the same figures as JSON\n"
	    "            boxes  NAME.boxes, the typesetter's pages and boxes as text\n"
	    "            print  NAME.print.xml, the print tree the typesetter lays out\n"
	    "          default: pdf,html.  A file with errors writes nothing, and its\n"
	    "          previous outputs stay as they were.\n"
	    "  site    build every source under the folder SRC into a web site in DIR\n"
	    "          (default out/site): each document's HTML, PDF and figures (CSV,\n"
	    "          JSON) at DIR/PARTNERSHIP/KIND/DATE-NAME.*, an index, a page and an\n"
	    "          action tracker per partnership, an Atom feed; only what changed\n"
	    "          is rebuilt.  -j N builds N documents at once; --css FILE uses the\n"
	    "          web team's stylesheet instead of csdoc.css; --wrap FILE.xsl puts\n"
	    "          its site-header and site-footer templates around every page\n"
	    "  figures as check, then print every figure of each FILE, one per line:\n"
	    "          DOCUMENT/ID, exact value and display form, tab-separated\n"
	    "  import-csv  print FILE.csv's rows as XML <row> elements to paste into a\n"
	    "          <table>; --columns gives each column's type (text, date, money,\n"
	    "          count, percent, number, rate, ratio) so that figures are read as\n"
	    "          the table would; --header makes the first row <column> elements\n\n"
	    "  new     print a ready-to-fill source of KIND (agreement, minutes,\n"
	    "          performance-report, report, meeting-pack) with comments on each\n"
	    "          part; --partnership and --date fill in the partnership's name and\n"
	    "          the date (default today); -o FILE writes it there instead, never\n"
	    "          over an existing file\n"
	    "  watch   build FILE as build does, then again every time it or a file it\n"
	    "          uses (a paper, a document named by <uses>, a picture) is saved,\n"
	    "          printing the diagnostics after a timestamp line; a bad build\n"
	    "          keeps the last good outputs; Ctrl-C stops\n"
	    "  fmt     print FILE in csdoc's one layout (two-space indentation, id\n"
	    "          first then attributes by name; text, comments and inline markup\n"
	    "          kept exactly); -i rewrites each FILE in place instead\n\n"
	    "options:\n"
	    "  -o DIR        where build and watch write (created if missing)\n"
	    "  -f LIST       output formats, comma-separated\n"
	    "  --strict      warnings count as errors\n\n"
	    "Diagnostics go to standard error as FILE:LINE:COL: error|warning|note: message.\n"
	    "Exit status: 0 success (warnings allowed), 1 a document has errors,\n"
	    "2 usage error, 3 I/O or internal failure.\n", stdout);
}

static int
S_usage(const char *fmt, const char *arg)
{
	fputs("csdoc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return 2;
}

static int
S_parse_formats(const char *list, int *out)
{
	char *copy = xstrdup(list), *save = NULL;
	int bits = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
			if (strcmp(tok, formats[i].name) == 0)
				break;
		if (i == sizeof(formats) / sizeof(formats[0])) {
			S_usage("unknown format '%s': expected pdf, html, xml, csv, json, boxes or print", tok);
			free(copy);
			return -1;
		}
		bits |= formats[i].bit;
	}
	free(copy);
	if (bits == 0)
		return S_usage("%s", "-f needs at least one format"), -1;
	*out = bits;
	return 0;
}

/* The file name of PATH without its directory. */
static const char *
S_base(const char *path)
{
	const char *b = strrchr(path, '/');

	return b ? b + 1 : path;
}

/* What a subcommand does with each file once it compiles. */
enum mode {
	M_CHECK,     /* nothing more */
	M_BUILD,     /* write the outputs */
	M_FIGURES    /* print the figures on standard output */
};

/* Compile one file and, for build, render it; print its diagnostics. */
static int
S_one(const char *path, const struct opts *op, enum mode mode, int last)
{
	struct diag d;
	struct source src;
	struct output o = { 0 };
	enum doc_kind kind = KIND_NONE;
	int status, keep = last && getenv("CSDOC_FREE_AT_EXIT") == NULL;

	diag_init(&d, path);
	d.strict = op->strict;
	memset(&src, 0, sizeof(src));
	src.d = &d;
	/* each document's suggestions, with those of what it uses, share one budget */
	suggest_budget_reset();
	if (compile_file(&src, path, &kind) == 0) {
		/*
		 * The last document of a run leaves its trees to the exit, which
		 * frees them at once; leak checkers set CSDOC_FREE_AT_EXIT.
		 */
		struct render_opts ro = { op->outdir, op->formats, NULL, NULL, keep };

		if (mode == M_BUILD && render_doc(&src, kind, &ro, &o) == 0 && !diag_failed(&d))
			(void)output_commit(&o, &d);
		else if (mode == M_BUILD && !diag_failed(&d))
			/* a render that failed without saying why is still a failure */
			diag_msg(&d, DF_INTERNAL, 0, 0, "the outputs could not be made");
		else if (mode == M_FIGURES && !diag_failed(&d)) {
			struct buf b = { 0 };

			figout_lines(src.doc, &b);
			fwrite(buf_str(&b), 1, b.len, stdout);
			fflush(stdout);
			buf_free(&b);
		}
	}
	output_free(&o);
	diag_print(&d, stderr);
	status = diag_exit_status(&d);
	if (keep)
		return status;
	source_free(&src);
	diag_free(&d);
	return status;
}

static int
S_run(int argc, char **argv, enum mode mode)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts op = { "out", F_PDF | F_HTML, 0 };
	int ch, worst = 0;
	struct diag d;

	optind = 1;
	while ((ch = getopt_long(argc, argv, mode == M_BUILD ? "+o:f:h" : "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			if (optarg[0] == '\0')
				return S_usage("%s", "-o needs a directory name");
			op.outdir = optarg;
			break;
		case 'f':
			if (S_parse_formats(optarg, &op.formats) != 0)
				return 2;
			break;
		case 'S':
			op.strict = 1;
			break;
		case 'h':
			S_help();
			return 0;
		default:
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind >= argc)
		return S_usage("%s", "give at least one FILE");
	if (mode == M_BUILD) {
		/* two sources with one name would write over each other's outputs */
		for (int i = optind; i < argc; i++)
			for (int j = optind; j < i; j++) {
				char *a = path_stem(argv[i]), *b = path_stem(argv[j]);
				int same = strcmp(a, b) == 0;

				free(a);
				free(b);
				if (same) {
					fprintf(stderr, "csdoc: %s and %s would both write %s/%s.*: build them into different directories\n",
					    argv[j], argv[i], op.outdir, S_base(argv[i]));
					return 2;
				}
			}
		diag_init(&d, op.outdir);
		if (output_mkdir(op.outdir, &d) != 0) {
			diag_print(&d, stderr);
			diag_free(&d);
			return 3;
		}
		diag_free(&d);
	}
	for (int i = optind; i < argc; i++) {
		int st = S_one(argv[i], &op, mode, i == argc - 1);

		/* the exit status is the worst one: 3 over 1 over 0 */
		if (st > worst)
			worst = st;
	}
	return worst;
}

/* The build watch runs on every save: csdoc build -o OUTDIR -f FORMATS PATH. */
static int
S_watch_build(const char *path, const char *outdir, int fmts)
{
	struct opts op = { outdir, fmts, 0 };

	return S_one(path, &op, M_BUILD, 0);
}

/* csdoc site [-j N] [-o DIR] [--css FILE] [--title TEXT] [--strict] SRC */
static int
S_site(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 'S' },
		{ "css", required_argument, NULL, 'C' },
		{ "title", required_argument, NULL, 'T' },
		{ "wrap", required_argument, NULL, 'W' },
		{ "site-css", required_argument, NULL, 'X' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct site_opts so = { NULL, "out/site", 1, 0, NULL, NULL, NULL, NULL };
	int ch;

	optind = 1;
	/* options may follow the folder: csdoc site samples -o out/site */
	while ((ch = getopt_long(argc, argv, "o:j:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			if (optarg[0] == '\0')
				return S_usage("%s", "-o needs a directory name");
			so.out = optarg;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);

			if (*end != '\0' || n < 1 || n > 64)
				return S_usage("-j '%s': expected a number of jobs from 1 to 64", optarg);
			so.jobs = (int)n;
			break;
		}
		case 'S':
			so.strict = 1;
			break;
		case 'C':
			so.css = optarg;
			break;
		case 'T':
			so.title = optarg;
			break;
		case 'W':
			so.wrap = optarg;
			break;
		case 'X':
			so.site_css = optarg;
			break;
		case 'h':
			S_help();
			return 0;
		default:
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind != argc - 1)
		return S_usage("%s", "give one folder of sources");
	so.src = argv[optind];
	return site_run(&so);
}

/* csdoc import-csv [--header] [--columns TYPES] [--separator NAME] FILE.csv */
static int
S_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "header", no_argument, NULL, 'H' },
		{ "columns", required_argument, NULL, 'c' },
		{ "separator", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	const char *types = NULL;
	int header = 0, ch, rc;
	char sep = 0;
	struct diag d;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'H')
			header = 1;
		else if (ch == 'c')
			types = optarg;
		else if (ch == 's') {
			sep = strcmp(optarg, "comma") == 0 ? ',' : strcmp(optarg, "semicolon") == 0 ? ';' :
			    strcmp(optarg, "tab") == 0 ? '\t' : 0;
			if (sep == 0)
				return S_usage("--separator '%s': expected comma, semicolon or tab", optarg);
		} else {
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind != argc - 1)
		return S_usage("%s", "give one CSV file");
	diag_init(&d, argv[optind]);
	rc = csv_import(argv[optind], header, types, sep, stdout, &d);
	if (rc == -2) {
		diag_free(&d);
		return S_usage("--columns '%s': expected types from text, date, money, count, percent, number, rate and ratio, comma-separated", types);
	}
	diag_print(&d, stderr);
	rc = diag_exit_status(&d);
	diag_free(&d);
	return rc;
}

int
main(int argc, char **argv)
{
	int rc;

	if (argc < 2)
		return S_usage("%s", "no command given");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		S_help();
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("csdoc %s\n", CSDOC_VERSION);
		return 0;
	}
	load_init();
	output_signals();
	if (strcmp(argv[1], "check") == 0)
		rc = S_run(argc - 1, argv + 1, M_CHECK);
	else if (strcmp(argv[1], "build") == 0)
		rc = S_run(argc - 1, argv + 1, M_BUILD);
	else if (strcmp(argv[1], "figures") == 0)
		rc = S_run(argc - 1, argv + 1, M_FIGURES);
	else if (strcmp(argv[1], "site") == 0)
		rc = S_site(argc - 1, argv + 1);
	else if (strcmp(argv[1], "import-csv") == 0)
		rc = S_import(argc - 1, argv + 1);
	else if (strcmp(argv[1], "new") == 0)
		rc = author_new(argc - 1, argv + 1);
	else if (strcmp(argv[1], "watch") == 0)
		rc = author_watch(argc - 1, argv + 1, S_watch_build, S_parse_formats);
	else if (strcmp(argv[1], "fmt") == 0)
		rc = author_fmt(argc - 1, argv + 1);
	else
		rc = S_usage("unknown command '%s': expected check, build, figures, site, import-csv, new, watch or fmt", argv[1]);
	/*
	 * The parsed stylesheets and schemas stay reachable from their caches
	 * until the process ends, which frees them faster than freeing them
	 * one by one (over a millisecond of an Agreement's build).  Leak
	 * checkers count them as reachable, not lost; CSDOC_FREE_AT_EXIT (set
	 * by make asan and make valgrind) frees them, so that those runs still
	 * see everything released.
	 */
	if (getenv("CSDOC_FREE_AT_EXIT") != NULL) {
		xslt_cleanup();
		validate_cleanup();
		xmlCleanupParser();
	}
	return rc;
}
