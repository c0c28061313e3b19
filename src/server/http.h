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

/* 405 with "Allow: allow" ("GET, HEAD, POST"). */
enum MHD_Result dm_http_send_not_allowed(struct MHD_Connection *c, const char *allow);
/* This thread's catalog connection, opened on first use; NULL with err. */
dm_catalog *dm_http_catalog(dm_service *svc, dm_error *err);

/* Who may call an endpoint. */
typedef enum dm_api_auth {
    DM_AUTH_NONE,
    DM_AUTH_TOKEN,      /* the bearer token, when one is configured */
    DM_AUTH_EVENTS,     /* the bearer token or the events secret (X-Datamap-Events-Secret); the secret alone
                         * when only it is configured */
} dm_api_auth;
bool dm_http_authorized(dm_service *svc, struct MHD_Connection *c, dm_api_auth auth);

#define DM_API_MAX_PARAMS 4

/* One request to an endpoint, as its handler sees it. */
typedef struct dm_api_call {
    dm_service *svc;
    struct MHD_Connection *c;
    dm_catalog *cat;            /* this thread's connection */
    const char *const *params;  /* the {x} segments of the path, in order */
    const char *body;           /* NULL when none */
    size_t len;
} dm_api_call;

typedef enum MHD_Result dm_api_handler(const dm_api_call *call);

/* One endpoint: METHOD /api/v1/PATTERN, e.g. {"POST", "jobs/{id}/retry", api_retry, DM_AUTH_TOKEN}. */
typedef struct dm_api_route {
    const char *method;
    const char *pattern;
    dm_api_handler *handler;
    dm_api_auth auth;
} dm_api_route;

/* Answer a request whose path starts with /api/: find its route (api.c),
 * check who calls, then 404, 405 with Allow, 503 without a catalog, 413
 * for a body over the limit (too_big), else the route's handler. */
enum MHD_Result dm_api_dispatch(dm_service *svc, struct MHD_Connection *c, const char *url, const char *method,
                                const char *body, size_t len, bool too_big);

/* Free what the API keeps between requests (the shared report model). */
void dm_api_cleanup(void);

#endif
