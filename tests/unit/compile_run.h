/* compile_run.h: compile a document held in memory for a unit test, keeping its tree and its printed diagnostics. */
#ifndef CSDOC_TEST_COMPILE_RUN_H
#define CSDOC_TEST_COMPILE_RUN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "util.h"

/* One compiled document, kept until run_free() so its tree can be inspected. */
struct run {
	int            rc;     /* compile_bytes() */
	char          *diag;   /* printed diagnostics */
	struct source  src;
	struct diag    d;
};

/* Compile the document TEXT (a new string, which this takes) as "t.xml". */
static struct run *
run_compile(char *text)
{
	struct run *r = xcalloc(1, sizeof(*r));
	enum doc_kind kind;
	size_t n = 0;
	FILE *f;

	diag_init(&r->d, "t.xml");
	r->src.d = &r->d;
	r->rc = compile_bytes(&r->src, "t.xml", text, strlen(text), &kind);
	f = open_memstream(&r->diag, &n);
	diag_print(&r->d, f);
	fclose(f);
	return r;
}

static void
run_free(struct run *r)
{
	free(r->diag);
	source_free(&r->src);
	diag_free(&r->d);
	free(r);
}

/* The diagnostics must hold WANT. */
static void
run_says(const struct run *r, const char *want)
{
	if (strstr(r->diag, want) == NULL)
		fail_msg("expected '%s' in:\n%s", want, r->diag);
}

#endif
