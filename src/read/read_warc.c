/*
 * read_warc.c - WARC crawl archives.  Not read yet: each WARC input is
 * reported and counted as skipped.
 */
#include "read/read.h"

enum wt_status wt__read_warc(struct wt__input *in, const char *data, size_t len)
{
	(void)data;
	(void)len;
	wt__report(in, WT_DIAG_SKIP, 0, -1, "input skipped: WARC is not read yet");
	return WT_OK;
}
