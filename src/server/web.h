/*
 * The web UI's files (web/), compiled into the binary: CMake runs
 * cmake/embed_web.cmake, which writes web_assets.c into the build tree.
 */
#ifndef DM_SERVER_WEB_H
#define DM_SERVER_WEB_H

#include <stddef.h>

typedef struct dm_web_file {
    const char *path;           /* "/index.html" */
    const char *type;           /* Content-Type */
    const unsigned char *data;
    size_t size;
} dm_web_file;

extern const dm_web_file dm_web_files[];
extern const size_t dm_web_nfiles;

#endif
