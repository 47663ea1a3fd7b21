/* output.c: staged temporary files, committed by rename or removed. */
#include "output.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/*
 * The temporary files staged and not yet committed or removed, for the
 * signal handler: a build stopped by Ctrl-C or a kill leaves none behind.
 * Fixed slots, written before and cleared before the string is freed, so
 * that the handler never reads freed or half-grown memory.
 */
#define OUTPUT_LIVE_MAX 4096
static char *volatile live[OUTPUT_LIVE_MAX];

static void
S_remember(char *tmp)
{
	for (size_t i = 0; i < OUTPUT_LIVE_MAX; i++)
		if (live[i] == NULL) {
			live[i] = tmp;
			return;
		}
}

static void
S_forget(const char *tmp)
{
	for (size_t i = 0; i < OUTPUT_LIVE_MAX; i++)
		if (live[i] == tmp)
			live[i] = NULL;
}

/* Remove the staged files (unlink() is async-signal-safe), then die of the signal as before. */
static void
S_on_signal(int sig)
{
	for (size_t i = 0; i < OUTPUT_LIVE_MAX; i++)
		if (live[i] != NULL)
			(void)unlink(live[i]);
	(void)raise(sig);
}

void
output_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = S_on_signal;
	/* the handler runs once; the signal raised again then ends the process */
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		(void)sigaction(sigs[i], &sa, NULL);
}

const char *
output_stage(struct output *o, const char *path, struct diag *d)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);

	if (fd == -1) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		free(tmp);
		return NULL;
	}
	/* mkstemp makes 0600; outputs are published, so use the usual mode */
	{
		mode_t um = umask(0);

		umask(um);
		(void)fchmod(fd, 0666 & ~um);
	}
	close(fd);
	o->tmp = xreallocarray(o->tmp, o->n + 1, sizeof(*o->tmp));
	o->final = xreallocarray(o->final, o->n + 1, sizeof(*o->final));
	o->tmp[o->n] = tmp;
	o->final[o->n] = xstrdup(path);
	o->n++;
	S_remember(tmp);
	return tmp;
}

int
output_bytes(struct output *o, const char *path, const char *bytes,
    size_t len, struct diag *d)
{
	const char *tmp = output_stage(o, path, d);
	FILE *f;

	if (tmp == NULL)
		return -1;
	f = fopen(tmp, "wb");
	if (f == NULL) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		return -1;
	}
	/* fclose() closes the stream even when it fails: close it once */
	if (fwrite(bytes, 1, len, f) != len) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		(void)fclose(f);
		return -1;
	}
	if (fclose(f) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, path, strerror(errno));
		return -1;
	}
	return 0;
}

int
output_commit(struct output *o, struct diag *d)
{
	for (size_t i = 0; i < o->n; i++) {
		if (rename(o->tmp[i], o->final[i]) != 0) {
			diag_msg(d, DF_WRITE, 0, 0, o->final[i], strerror(errno));
			return -1;
		}
		S_forget(o->tmp[i]);
		free(o->tmp[i]);
		o->tmp[i] = NULL;
	}
	free(o->newdir);
	o->newdir = NULL;
	return 0;
}

void
output_free(struct output *o)
{
	for (size_t i = 0; i < o->n; i++) {
		if (o->tmp[i] != NULL) {
			S_forget(o->tmp[i]);
			(void)unlink(o->tmp[i]);
			free(o->tmp[i]);
		}
		free(o->final[i]);
	}
	free(o->tmp);
	free(o->final);
	if (o->newdir != NULL)
		(void)rmdir(o->newdir);
	free(o->newdir);
	memset(o, 0, sizeof(*o));
}

int
output_subdir(struct output *o, const char *dir, struct diag *d)
{
	struct stat st;

	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (mkdir(dir, 0777) != 0) {
		diag_msg(d, DF_WRITE, 0, 0, dir, strerror(errno));
		return -1;
	}
	if (o->newdir == NULL)
		o->newdir = xstrdup(dir);
	return 0;
}

int
output_mkdir(const char *dir, struct diag *d)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST) {
				diag_msg(d, DF_WRITE, 0, 0, p, strerror(errno));
				free(p);
				return -1;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return 0;
}
