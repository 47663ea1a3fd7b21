/* util.h: memory helpers with one out-of-memory policy, and a growable byte buffer. */
#ifndef CSDOC_UTIL_H
#define CSDOC_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Out of memory is the one failure csdoc does not recover from: these print
 * "csdoc: out of memory" and exit with status 3.  Nothing partial is written,
 * because every output is written to a temporary file first.
 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/*
 * The next token of the space-separated list at *P (an attribute holding
 * several ids) as a new string, *P moved past it; NULL at the end.
 */
char *str_token(const char **p);

/* V, or DFLT where V is NULL (an attribute the author left out). */
const char *str_or(const char *v, const char *dflt);

/* "dir/minutes.xml" → "minutes": a file's name without its folder and ".xml", the base of its outputs' names. A new string. */
char *path_stem(const char *path);

/*
 * S as a path in a URL: every byte but letters, digits, "-._~/" percent-
 * encoded ("board #1" → "board%20%231").  A new string.
 */
char *url_escape_path(const char *s);

/*
 * The length of the well-formed UTF-8 sequence at S (N bytes left), its
 * code point in *CP; 0 if it is not one: a stray or missing continuation
 * byte, a truncated sequence, an overlong form, a value past U+10FFFF.
 * Surrogates decode, for the caller to refuse with its own words.
 */
size_t utf8_next(const unsigned char *s, size_t n, unsigned long *cp);

/* Write all LEN bytes to FD (a write may take fewer).  Returns 0, or -1 with errno set. */
int write_all(int fd, const void *bytes, size_t len);

/* A growable byte string, always NUL-terminated.  Free with buf_free(). */
struct buf {
	char   *s;    /* contents (owned), NULL until first append */
	size_t  len;  /* bytes used, not counting the NUL */
	size_t  cap;  /* bytes allocated */
};

void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents, "" if empty; still owned by the buffer. */
const char *buf_str(const struct buf *b);
void buf_free(struct buf *b);

#endif
