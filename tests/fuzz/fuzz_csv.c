/* fuzz_csv.c: libFuzzer target — any bytes as a spreadsheet's CSV file: parsed with each separator, every cell read as each kind of figure. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "csv.h"
#include "diag.h"

#include "fuzz.h"

/* The column types a cell may be read as (csdoc import-csv --columns). */
static const char *const types[] = {
	"text", "date", "money", "count", "percent", "number", "rate", "ratio",
};

/*
 * Every cell as every type: a cell is either read, giving text and no
 * reason, or refused with a reason and no text.  Anything else is a bug
 * the sanitizers cannot see, so it aborts.
 */
static void
S_cells(const struct csv *c)
{
	for (size_t i = 0; i < c->nrows; i++) {
		const struct csv_row *r = &c->rows[i];

		if (r->nfields == 0 || r->nfields > CSV_MAX_FIELDS || r->row < 1)
			abort();
		for (size_t j = 0; j < r->nfields; j++) {
			const char *f = r->fields[j];

			/* what csdoc puts in a table is UTF-8 it has checked */
			if (strlen(f) > CSV_MAX_FIELD || !xmlCheckUTF8((const xmlChar *)f))
				abort();
			for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
				char *out = NULL;
				const char *why = NULL;

				if (csv_figure(f, types[t], &out, &why) == 0) {
					if (out == NULL)
						abort();
					free(out);
				} else if (out != NULL || why == NULL)
					abort();
			}
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char seps[] = { 0, ',', ';', '\t' };

	/* the reader's own limit is 8 MiB; beyond a few KB is only slower */
	if (size > 65536)
		return -1;
	for (size_t s = 0; s < sizeof(seps); s++) {
		struct csv c;
		struct diag d;

		memset(&c, 0, sizeof(c));
		diag_init(&d, "fuzz.csv");
		if (csv_parse((const char *)data, size, seps[s], &c, &d) == 0) {
			/* a file read without complaint reports nothing */
			if (d.worst >= DIAG_ERROR)
				abort();
			S_cells(&c);
		} else if (d.worst < DIAG_ERROR)
			abort();  /* a refusal says why */
		diag_print(&d, diagout);
		csv_free(&c);
		diag_free(&d);
	}
	return 0;
}
