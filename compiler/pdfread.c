/* pdfread.c: a small reader for PDF files with one classic cross-reference table, as cairo writes them (see pdfread.h for what it refuses). */
#include "pdfread.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Arrays and dictionaries nested deeper than this are refused (the C stack is the limit otherwise). */
#define MAX_NEST 100

/* More objects than this is not a file cairo wrote for a document. */
#define MAX_OBJECTS 8000000

/* ISO 32000-1, 7.2.2: white space and delimiters. */
static int
S_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static int
S_delim(char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
	    c == '{' || c == '}' || c == '/' || c == '%';
}

static int
S_regular(char c)
{
	return !S_ws(c) && !S_delim(c);
}

static int
S_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
S_hex(char c)
{
	return S_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

size_t
pdfread_skip(const struct pdfread *r, size_t at)
{
	while (at < r->n) {
		if (S_ws(r->b[at]))
			at++;
		else if (r->b[at] == '%') {
			while (at < r->n && r->b[at] != '\n' && r->b[at] != '\r')
				at++;
		} else
			break;
	}
	return at;
}

/* The end of the run of digits at AT (AT itself if there are none). */
static size_t
S_digits(const struct pdfread *r, size_t at)
{
	while (at < r->n && S_digit(r->b[at]))
		at++;
	return at;
}

/* Non-zero if the keyword WORD stands at AT, ended by a delimiter, white space or the end. */
static int
S_keyword(const struct pdfread *r, size_t at, const char *word)
{
	size_t l = strlen(word);

	return at + l <= r->n && memcmp(r->b + at, word, l) == 0 &&
	    (at + l == r->n || !S_regular(r->b[at + l]));
}

/* The end of a number at AT, or of "N G R" if a reference starts there; 0 if malformed. */
static size_t
S_number_end(const struct pdfread *r, size_t at)
{
	size_t e = at, g, q;
	int digits = 0, dot = 0, sign = 0;

	if (r->b[e] == '+' || r->b[e] == '-') {
		sign = 1;
		e++;
	}
	for (; e < r->n && S_regular(r->b[e]); e++) {
		if (S_digit(r->b[e]))
			digits = 1;
		else if (r->b[e] == '.' && !dot)
			dot = 1;
		else
			return 0;
	}
	if (!digits)
		return 0;
	if (sign || dot)
		return e;
	/* an unsigned integer may open a reference: N G R */
	g = pdfread_skip(r, e);
	if (g == e || g >= r->n || !S_digit(r->b[g]))
		return e;
	q = S_digits(r, g);
	if (q < r->n && S_regular(r->b[q]))
		return e;
	q = pdfread_skip(r, q);
	if (q < r->n && S_keyword(r, q, "R"))
		return q + 1;
	return e;
}

static size_t
S_end(const struct pdfread *r, size_t at, int depth)
{
	at = pdfread_skip(r, at);
	if (at >= r->n)
		return 0;
	switch (r->b[at]) {
	case '/':
		for (at++; at < r->n && S_regular(r->b[at]); at++)
			;
		return at;
	case '(': {
		int d = 0;

		for (; at < r->n; at++) {
			if (r->b[at] == '\\')
				at++;
			else if (r->b[at] == '(')
				d++;
			else if (r->b[at] == ')' && --d == 0)
				return at + 1;
		}
		return 0;
	}
	case '<':
		if (at + 1 < r->n && r->b[at + 1] == '<') {
			if (depth >= MAX_NEST)
				return 0;
			for (at += 2;;) {
				at = pdfread_skip(r, at);
				if (at + 1 < r->n && r->b[at] == '>' && r->b[at + 1] == '>')
					return at + 2;
				if ((at = S_end(r, at, depth + 1)) == 0)
					return 0;
			}
		}
		for (at++; at < r->n && r->b[at] != '>'; at++)
			if (!S_hex(r->b[at]) && !S_ws(r->b[at]))
				return 0;
		return at < r->n ? at + 1 : 0;
	case '[':
		if (depth >= MAX_NEST)
			return 0;
		for (at++;;) {
			at = pdfread_skip(r, at);
			if (at < r->n && r->b[at] == ']')
				return at + 1;
			if ((at = S_end(r, at, depth + 1)) == 0)
				return 0;
		}
	default:
		if (S_digit(r->b[at]) || r->b[at] == '+' || r->b[at] == '-' || r->b[at] == '.')
			return S_number_end(r, at);
		if (S_keyword(r, at, "true"))
			return at + 4;
		if (S_keyword(r, at, "false"))
			return at + 5;
		if (S_keyword(r, at, "null"))
			return at + 4;
		return 0;
	}
}

size_t
pdfread_value_end(const struct pdfread *r, size_t at)
{
	return S_end(r, at, 0);
}

/* The unsigned integer at *AT in *V, *AT moved past it; -1 if there is none or it is out of range. */
static int
S_uint(const struct pdfread *r, size_t *at, long long *v)
{
	size_t e = S_digits(r, *at);

	if (e == *at || e - *at > 12 || (e < r->n && S_regular(r->b[e])))
		return -1;
	*v = 0;
	for (size_t i = *at; i < e; i++)
		*v = *v * 10 + (r->b[i] - '0');
	*at = e;
	return 0;
}

int
pdfread_int(const struct pdfread *r, size_t at, size_t end, long long *v)
{
	at = pdfread_skip(r, at);
	if (S_uint(r, &at, v) != 0 || at != end)
		return -1;
	return 0;
}

/* Non-zero if "N G R" stands at AT; N and G in *NUM and *GEN. */
static int
S_ref(const struct pdfread *r, size_t at, long long *num, long long *gen)
{
	at = pdfread_skip(r, at);
	if (S_uint(r, &at, num) != 0)
		return 0;
	at = pdfread_skip(r, at);
	if (S_uint(r, &at, gen) != 0)
		return 0;
	at = pdfread_skip(r, at);
	return S_keyword(r, at, "R");
}

int
pdfread_is_ref(const struct pdfread *r, size_t at, int *num)
{
	long long n, g;

	if (!S_ref(r, at, &n, &g) || g != 0 || n > MAX_OBJECTS)
		return 0;
	*num = (int)n;
	return 1;
}

int
pdfread_object(const struct pdfread *r, int num, size_t *at, size_t *end)
{
	long long n, g;
	size_t p;

	if (num <= 0 || (size_t)num >= r->size || r->offs[num] < 0)
		return -1;
	p = (size_t)r->offs[num];
	if (S_uint(r, &p, &n) != 0 || n != num)
		return -1;
	p = pdfread_skip(r, p);
	if (S_uint(r, &p, &g) != 0 || g != 0)
		return -1;
	p = pdfread_skip(r, p);
	if (!S_keyword(r, p, "obj"))
		return -1;
	*at = pdfread_skip(r, p + 3);
	if ((*end = pdfread_value_end(r, *at)) == 0)
		return -1;
	/* a stream's dictionary is not the whole object: not one this reader edits */
	return S_keyword(r, pdfread_skip(r, *end), "endobj") ? 0 : -1;
}

int
pdfread_resolve(const struct pdfread *r, size_t at, size_t end, size_t *vat, size_t *vend, int *num)
{
	long long n, g;

	if (S_ref(r, at, &n, &g)) {
		if (g != 0 || n > MAX_OBJECTS)
			return -1;
		*num = (int)n;
		return pdfread_object(r, (int)n, vat, vend);
	}
	*num = 0;
	*vat = pdfread_skip(r, at);
	*vend = end;
	return 0;
}

int
pdfread_dict_next(const struct pdfread *r, size_t at, size_t *pos,
    size_t *kat, size_t *kend, size_t *vat, size_t *vend)
{
	size_t p;

	if (*pos == 0) {
		if (at + 1 >= r->n || r->b[at] != '<' || r->b[at + 1] != '<')
			return -1;
		*pos = at + 2;
	}
	p = pdfread_skip(r, *pos);
	if (p + 1 < r->n && r->b[p] == '>' && r->b[p + 1] == '>')
		return 0;
	if (p >= r->n || r->b[p] != '/')
		return -1;
	*kat = p;
	*kend = pdfread_value_end(r, p);
	*vat = pdfread_skip(r, *kend);
	if (*vat >= r->n || (r->b[*vat] == '>' && *vat + 1 < r->n && r->b[*vat + 1] == '>'))
		return -1;
	if ((*vend = pdfread_value_end(r, *vat)) == 0)
		return -1;
	*pos = *vend;
	return 1;
}

int
pdfread_dict_get(const struct pdfread *r, size_t at, const char *key, size_t *vat, size_t *vend)
{
	size_t pos = 0, kat, kend;
	char name[128];
	int rc;

	while ((rc = pdfread_dict_next(r, at, &pos, &kat, &kend, vat, vend)) == 1)
		if (pdfread_name(r, kat, kend, name, sizeof(name)) == 0 && strcmp(name, key) == 0)
			return 1;
	return rc;
}

int
pdfread_array_next(const struct pdfread *r, size_t at, size_t *pos, size_t *iat, size_t *iend)
{
	size_t p;

	if (*pos == 0) {
		if (at >= r->n || r->b[at] != '[')
			return -1;
		*pos = at + 1;
	}
	p = pdfread_skip(r, *pos);
	if (p < r->n && r->b[p] == ']')
		return 0;
	*iat = p;
	if ((*iend = pdfread_value_end(r, p)) == 0)
		return -1;
	*pos = *iend;
	return 1;
}

static int
S_hexval(char c)
{
	return S_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

int
pdfread_name(const struct pdfread *r, size_t at, size_t end, char *out, size_t size)
{
	size_t j = 0;

	at = pdfread_skip(r, at);
	if (at >= end || r->b[at] != '/' || size < 2)
		return -1;
	out[j++] = '/';
	for (size_t i = at + 1; i < end; i++) {
		char c = r->b[i];

		if (!S_regular(c))
			return -1;
		if (c == '#') {
			if (i + 2 >= end || !S_hex(r->b[i + 1]) || !S_hex(r->b[i + 2]))
				return -1;
			c = (char)(S_hexval(r->b[i + 1]) * 16 + S_hexval(r->b[i + 2]));
			if (c == '\0')
				return -1;
			i += 2;
		}
		if (j + 1 >= size)
			return -1;
		out[j++] = c;
	}
	out[j] = '\0';
	return 0;
}

/*
 * Walk the table's subsections from AT to "trailer": the largest object
 * number + 1 in *TOP, and (if OFFS) each in-use generation-0 entry stored.
 * Returns the offset of "trailer", or 0 if malformed.
 */
static size_t
S_xref(const struct pdfread *r, size_t at, long long *top, long long *offs)
{
	*top = 0;
	for (;;) {
		long long start, count;

		at = pdfread_skip(r, at);
		if (S_keyword(r, at, "trailer"))
			return at;
		if (S_uint(r, &at, &start) != 0)
			return 0;
		at = pdfread_skip(r, at);
		if (S_uint(r, &at, &count) != 0 || start + count > MAX_OBJECTS)
			return 0;
		if (start + count > *top)
			*top = start + count;
		for (long long i = 0; i < count; i++) {
			long long off, gen;
			char type;

			at = pdfread_skip(r, at);
			if (S_uint(r, &at, &off) != 0)
				return 0;
			at = pdfread_skip(r, at);
			if (S_uint(r, &at, &gen) != 0)
				return 0;
			at = pdfread_skip(r, at);
			if (at >= r->n)
				return 0;
			type = r->b[at++];
			if ((type != 'n' && type != 'f') || (at < r->n && S_regular(r->b[at])))
				return 0;
			if (offs != NULL && type == 'n' && gen == 0 && (size_t)off < r->n)
				offs[start + i] = off;
		}
	}
}

int
pdfread_open(struct pdfread *r, const char *bytes, size_t n)
{
	const char *hit = NULL;
	size_t from = n > 1024 ? n - 1024 : 0, at, tr, vat, vend;
	long long xref, top;

	memset(r, 0, sizeof(*r));
	r->b = bytes;
	r->n = n;
	if (n < 32)
		return -1;
	/* the last "startxref" names the table the file ends with */
	for (size_t i = from; i + 9 <= n; i++)
		if (memcmp(bytes + i, "startxref", 9) == 0)
			hit = bytes + i;
	if (hit == NULL)
		return -1;
	at = (size_t)(hit - bytes) + 9;
	at = pdfread_skip(r, at);
	if (S_uint(r, &at, &xref) != 0 || (size_t)xref + 4 > n || !S_keyword(r, (size_t)xref, "xref"))
		return -1;
	if ((tr = S_xref(r, (size_t)xref + 4, &top, NULL)) == 0 || top == 0)
		return -1;
	r->size = (size_t)top;
	r->offs = xreallocarray(NULL, r->size, sizeof(*r->offs));
	for (size_t i = 0; i < r->size; i++)
		r->offs[i] = -1;
	(void)S_xref(r, (size_t)xref + 4, &top, r->offs);
	r->xref = xref;
	r->tr_at = pdfread_skip(r, tr + 7);
	if ((r->tr_end = pdfread_value_end(r, r->tr_at)) == 0 || r->b[r->tr_at] != '<')
		goto fail;
	/* an earlier update, a hybrid file or an encrypted one: qpdf's business */
	if (pdfread_dict_get(r, r->tr_at, "/Prev", &vat, &vend) != 0 ||
	    pdfread_dict_get(r, r->tr_at, "/XRefStm", &vat, &vend) != 0 ||
	    pdfread_dict_get(r, r->tr_at, "/Encrypt", &vat, &vend) != 0)
		goto fail;
	return 0;
fail:
	pdfread_close(r);
	return -1;
}

void
pdfread_close(struct pdfread *r)
{
	free(r->offs);
	r->offs = NULL;
	r->size = 0;
}
