/* qpdfdl.c: load libqpdf with dlopen() on first use and look up the functions pdfpost.c calls. */
#include "qpdfdl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* The library's run-time name, found by the Makefile from the one it builds against. */
#ifndef QPDF_SONAME
#define QPDF_SONAME "libqpdf.so"
#endif

static struct qpdfdl S_api;
static int S_state;              /* 0 not tried, 1 loaded, -1 failed */
static char S_why[512];

const struct qpdfdl *
qpdfdl_get(const char **why)
{
	void *h, *p;

	if (S_state == 0) {
		S_state = -1;
		if ((h = dlopen(QPDF_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
			snprintf(S_why, sizeof(S_why), "%s", dlerror());
			goto out;
		}
		/* memcpy: ISO C has no conversion from an object pointer to a function pointer */
#define QPDFDL_LOAD(f) \
		if ((p = dlsym(h, #f)) == NULL) { \
			snprintf(S_why, sizeof(S_why), "%s: no %s", QPDF_SONAME, #f); \
			goto out; \
		} \
		memcpy(&S_api.f, &p, sizeof(p));
		QPDFDL_FUNCS(QPDFDL_LOAD)
#undef QPDFDL_LOAD
		S_state = 1;
	}
out:
	if (S_state != 1) {
		*why = S_why;
		return NULL;
	}
	return &S_api;
}
