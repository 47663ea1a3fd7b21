/* dump.c: the box dump — typesetter stage 2 as stable text, the oracle for layout tests. */
#include "typeset/layout.h"

#include <string.h>

/*
 * Format, one record a line, in page order then box order (document order
 * within a page, running header and footer and watermark last):
 *
 *   page N WIDTH HEIGHT MASTER
 *   N KIND X Y W H
 *   N KIND X Y W H "TEXT"
 *
 * N is the 1-based page number; numbers are points with two decimals (y
 * grows downwards from the top of the page, X Y is the top-left corner; for
 * lines X is the line's left end).  KIND is
 *   text   a line of body text (tagged)
 *   run    a line of the running header or footer
 *   rept   a repeated table header line or "(continued)" caption
 *   mark   the watermark (its unrotated extent, centred on the page)
 *   rule   a filled thin rectangle: rules and table borders
 *   fill   a shaded rectangle
 *   frame  a stroked rectangle
 *   graphic  a graphic (a chart) at its drawn size, scaled to its column
 *   image    a PNG picture at its drawn size, scaled to its column
 * Lines carry their text in double quotes; '"' and '\' are escaped with a
 * backslash, a tab (after a footnote's number) is written as a space, other
 * control characters and U+2028 as \n; a soft hyphen (justified text) is
 * written as '-' at the end of a line, where pango shows it, and left out
 * elsewhere.  A page's footnotes are its last
 * text lines, under a rule.  The format
 * changes only on purpose: tests/regress compares it.
 */

static const char *const kinds[] = {
	[TB_TEXT] = "text", [TB_RUN] = "run", [TB_REPT] = "rept", [TB_MARK] = "mark",
	[TB_RULE] = "rule", [TB_FILL] = "fill", [TB_FRAME] = "frame", [TB_GRAPHIC] = "graphic"
};

static void
S_text(FILE *out, const char *s, size_t n)
{
	/* Trailing spaces and separators are where pango broke the line, not text. */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa8", 3) == 0)
		n -= 3;
	putc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\t')
			putc(' ', out);
		else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xad) {
			/* a soft hyphen shows only where the line breaks */
			if (i + 2 == n)
				putc('-', out);
			i++;
		}
		else if (c < 0x20)
			fputs("\\n", out);
		else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xa8) {
			fputs("\\n", out);
			i += 2;
		} else
			putc(c, out);
	}
	putc('"', out);
}

void
ts_dump(const struct ts_pages *p, FILE *out)
{
	for (size_t i = 0; i < p->pv.n; i++) {
		const struct ts_page *pg = &p->pv.p[i];

		fprintf(out, "page %zu %.2f %.2f %s\n", i + 1, pg->m->w, pg->m->h, pg->m->name);
		for (size_t j = 0; j < pg->n; j++) {
			const struct ts_box *b = &pg->b[j];

			/* images are graphics' boxes, their own kind only here */
			fprintf(out, "%zu %s %.2f %.2f %.2f %.2f", i + 1,
			    b->kind == TB_GRAPHIC && b->blk != NULL && b->blk->kind == BK_IMAGE ?
			    "image" : kinds[b->kind],
			    b->x, b->y, b->w, b->h);
			if (b->kind == TB_TEXT || b->kind == TB_RUN || b->kind == TB_REPT) {
				const char *t = pango_layout_get_text(b->lay);

				putc(' ', out);
				S_text(out, t + b->pl->start_index, (size_t)b->pl->length);
			} else if (b->kind == TB_MARK) {
				const char *t = pango_layout_get_text(b->lay);

				putc(' ', out);
				S_text(out, t, strlen(t));
			}
			putc('\n', out);
		}
	}
}
