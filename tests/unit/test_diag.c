/* test_diag.c: the diagnostics module — levels from ids, source order, format, exit status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"

/* Print D into a new string (caller frees). */
static char *
S_printed(struct diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	assert_non_null(f);
	diag_print(d, f);
	fclose(f);
	return s;
}

static void
test_levels(void **state)
{
	(void)state;
	assert_int_equal(diag_level_of(DN_NOTE), DIAG_NOTE);
	assert_int_equal(diag_level_of(DW_EMPTY_ITEM), DIAG_WARNING);
	assert_int_equal(diag_level_of(DE_DUP_ID), DIAG_ERROR);
	assert_int_equal(diag_level_of(DF_WRITE), DIAG_FATAL);
	/* every id has a text */
	for (int id = 0; id < DIAG_ID_MAX; id++) {
		if (id == DN_FIRST || id == DW_FIRST || id == DE_FIRST || id == DF_FIRST)
			continue;
		assert_non_null(diag_text((enum diag_id)id));
	}
}

static void
test_order_and_format(void **state)
{
	struct diag d;
	char *out;

	(void)state;
	diag_init(&d, "x.xml");
	diag_msg(&d, DE_DUP_ID, 20, 5, "pw");
	diag_msg(&d, DN_FIRST_DECLARED, 3, 7, "pw");
	diag_msg(&d, DE_EMPTY, 0, 0);
	diag_msg(&d, DW_EMPTY_ITEM, 12, 0);
	diag_msg(&d, DE_UNKNOWN_REF, 12, 9, "action owner", "sg", "a person");
	out = S_printed(&d);
	/* source order; the note follows its error; no position sorts last */
	assert_string_equal(out,
	    "x.xml:12: warning: item has no title and no content\n"
	    "x.xml:12:9: error: action owner 'sg' is not declared: expected the id of a person\n"
	    "x.xml:20:5: error: duplicate id 'pw'\n"
	    "x.xml:3:7: note: 'pw' was first declared here\n"
	    "x.xml: error: the file is empty: expected an XML document\n");
	free(out);
	assert_int_equal(diag_exit_status(&d), 1);
	diag_free(&d);
}

static void
test_exit_status(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d, "y.xml");
	assert_int_equal(diag_exit_status(&d), 0);
	diag_msg(&d, DW_EMPTY_ITEM, 1, 1);
	assert_int_equal(diag_exit_status(&d), 0);
	d.strict = 1;
	assert_int_equal(diag_exit_status(&d), 1);
	diag_msg(&d, DF_READ, 0, 0, "No such file or directory");
	assert_int_equal(diag_exit_status(&d), 3);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_order_and_format),
		cmocka_unit_test(test_exit_status),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
