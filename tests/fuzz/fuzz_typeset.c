/* fuzz_typeset.c: libFuzzer target — any bytes as a print tree: parsed, checked against schemas/print.xsd as csdoc does, then typeset to a PDF. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "typeset/typeset.h"
#include "util.h"
#include "validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print trees up to this size: the samples' smaller ones; larger only repeat them, slowly. */
#define MAX_PRINT (64 * 1024)

static FILE *diagout, *boxes;
static char pdf[64];

static void
S_cleanup(void)
{
	unlink(pdf);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	load_init();
	/* FUZZ_VERBOSE=1: print the diagnostics, when reproducing a case */
	boxes = fopen("/dev/null", "w");
	diagout = getenv("FUZZ_VERBOSE") != NULL ? stderr : boxes;
	/* the PDF is written, post-processed with qpdf and overwritten by every run */
	snprintf(pdf, sizeof(pdf), "%s/csdoc-fuzz-%ld.pdf",
	    tmp != NULL && strlen(tmp) < 30 ? tmp : "/tmp", (long)getpid());
	atexit(S_cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ts_options opt = { 0, boxes, NULL, 0 };
	struct diag d;
	xmlDocPtr doc;

	if (size > MAX_PRINT)
		return -1;
	diag_init(&d, "fuzz.print.xml");
	doc = load_memory((const char *)data, size, "fuzz.print.xml", &d);
	/* csdoc typesets only trees that pass print.xsd (render.c) */
	if (doc != NULL && validate_print(doc, &d) == 0)
		(void)ts_render(doc, pdf, &opt, &d);
	diag_print(&d, diagout);
	if (doc != NULL)
		xmlFreeDoc(doc);
	diag_free(&d);
	return 0;
}
