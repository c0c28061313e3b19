/*
 * Internals of the HTTP server of `datamap serve` shared by http.c (the
 * daemon, routing, static files, metrics) and api.c (the JSON API under
 * /api/v1). Every send_* function queues the whole response and takes
 * ownership of what it is given.
 */
#ifndef DM_SERVER_HTTP_H
#define DM_SERVER_HTTP_H

#include <microhttpd.h>

#include "server/service.h"

#define DM_API_DEFAULT_LIMIT 50
#define DM_API_MAX_LIMIT 1000

/* text is malloc'd; freed by the server. */
enum MHD_Result dm_http_send_text(struct MHD_Connection *c, unsigned status, const char *type, char *text, size_t len);
enum MHD_Result dm_http_send_json(struct MHD_Connection *c, unsigned status, json_t *doc);
/* {"error": {"code": code, "message": msg}} */
enum MHD_Result dm_http_send_error(struct MHD_Connection *c, unsigned status, const char *code, const char *msg);
/* The error object for err's code (404, 400 or 500). */
enum MHD_Result dm_http_send_status(struct MHD_Connection *c, const dm_error *err);
/* Query argument, NULL when absent or empty. */
const char *dm_http_arg(struct MHD_Connection *c, const char *name);

/* Handle a request under /api/v1/ (path is what follows it). */
enum MHD_Result dm_api_route(dm_service *svc, struct MHD_Connection *c, dm_catalog *cat, const char *path,
                             const char *method, const char *body, size_t len);

/* Free what the API keeps between requests (the shared report model). */
void dm_api_cleanup(void);

#endif
