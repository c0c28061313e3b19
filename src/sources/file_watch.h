/*
 * Change notification for the local folder source (inotify): the
 * wait_change operation of file.c.
 *
 * The first call watches the root and every folder under it that the
 * folder source reads (not hidden ones), up to DM_FILE_WATCH_MAX folders;
 * folders created or moved in later are added as they appear. A change is a
 * file or folder created, moved in or out, deleted, or closed after writing,
 * and the sidecar tags file changing; SQLite side files (-wal, -shm,
 * -journal) and other hidden names are not. After the first change the call
 * waits until the folder has been quiet for a moment (DM_FILE_WATCH_QUIET_MS,
 * at most DM_FILE_WATCH_SETTLE_MS) so a burst of writes is one change.
 */
#ifndef DM_SOURCES_FILE_WATCH_H
#define DM_SOURCES_FILE_WATCH_H

#include <stdbool.h>

#include "core/error.h"

#define DM_FILE_WATCH_MAX 8192
#define DM_FILE_WATCH_QUIET_MS 300
#define DM_FILE_WATCH_SETTLE_MS 3000

typedef struct dm_file_watch dm_file_watch;

/* *w NULL on the first call: it is set up then. DM_ERR_IO when inotify is
 * not available or the tree has more folders than the limit (the caller
 * then polls); the watch is freed and *w NULL again. */
dm_status dm_file_watch_wait(dm_file_watch **w, const char *root, int timeout_ms, bool *changed, dm_error *err);
void dm_file_watch_free(dm_file_watch *w);

#endif
