/* fuzz_compile.c: libFuzzer target — any bytes as a source through the whole front half (load, validate, resolve, compute, check). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "util.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source src;
	struct diag d;
	enum doc_kind kind;
	char *bytes;

	/* sources beyond a megabyte only repeat what smaller ones reach, slowly */
	if (size > 1024 * 1024)
		return -1;
	bytes = xmalloc(size + 1);
	memcpy(bytes, data, size);
	bytes[size] = '\0';
	/*
	 * Named in samples/ (make fuzz runs at the top of the tree), so that
	 * <uses> and a pack's papers can name the samples beside it.
	 */
	diag_init(&d, "samples/fuzz.xml");
	memset(&src, 0, sizeof(src));
	src.d = &d;
	(void)compile_bytes(&src, "samples/fuzz.xml", bytes, size, &kind);
	diag_print(&d, diagout);
	source_free(&src);
	diag_free(&d);
	return 0;
}
