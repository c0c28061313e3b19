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
#include <stddef.h>

#include "core/error.h"

#define DM_FILE_WATCH_MAX 65536     /* folders; the kernel limit (fs.inotify.max_user_watches) may be lower */
#define DM_FILE_WATCH_QUIET_MS 300
#define DM_FILE_WATCH_SETTLE_MS 3000

typedef struct dm_file_watch dm_file_watch;

/* *w NULL on the first call: it is set up then. DM_ERR_IO when inotify is
 * not available or the tree has more folders than the limit (the caller
 * then polls); the watch is freed and *w NULL again. */
dm_status dm_file_watch_wait(dm_file_watch **w, const char *root, int timeout_ms, bool *changed, dm_error *err);
void dm_file_watch_free(dm_file_watch *w);

/* What the changes reported since the last call touched, then forgotten:
 * the names of the entries directly under the root (malloc'd array of
 * malloc'd names; a folder there is an asset), *root_files when a file
 * directly in the root changed (the loose-files asset), and *all when the
 * watch lost track (more than DM_FILE_WATCH_MAX_NAMES names, or an inotify
 * queue overflow): then anything may have changed. */
#define DM_FILE_WATCH_MAX_NAMES 256
void dm_file_watch_take(dm_file_watch *w, char ***names, size_t *n, bool *root_files, bool *all);

#endif
