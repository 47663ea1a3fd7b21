/* fuzz.h: the start every simple csdoc fuzz target shares: libFuzzer's entry points, csdoc's loader set up, diagnostics quiet unless FUZZ_VERBOSE is set. */
#ifndef CSDOC_FUZZ_H
#define CSDOC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "load.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* where a target prints its diagnostics: /dev/null, or stderr when reproducing a case */
static FILE *diagout;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	load_init();
	diagout = getenv("FUZZ_VERBOSE") != NULL ? stderr : fopen("/dev/null", "w");
	return 0;
}

#endif
