/*
 * `datamap serve` and `datamap worker`: option parsing, the token, signals.
 * SIGTERM/SIGINT: stop claiming, let running jobs finish, exit 0. A job cut
 * short by kill -9 keeps its lease until it expires; then any worker takes
 * it again (it is idempotent).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/mem.h"
#include "server/service.h"

#define DEFAULT_LISTEN "127.0.0.1:8080"
#define DEFAULT_LEASE 300

/* A secret from the first line of file (trailing blanks dropped) when file
 * is given, else from the environment variable env; *out NULL when neither.
 * what names it in errors. */
static int load_secret(const char *what, const char *file, const char *env, char **out)
{
    *out = NULL;
    if (file) {
        FILE *f = fopen(file, "rb");
        char buf[512];
        if (f == NULL) {
            fprintf(stderr, "datamap: %s %s: %s\n", what, file, strerror(errno));
            return -1;
        }
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = '\0';
        n = strcspn(buf, "\r\n");
        while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
            n--;
        buf[n] = '\0';
        if (n > 0)
            *out = dm_xstrdup(buf);
        dm_wipe(buf, sizeof buf);
        if (n == 0) {
            fprintf(stderr, "datamap: %s %s is empty\n", what, file);
            return -1;
        }
        return 0;
    }
    const char *v = getenv(env);
    if (v && *v)
        *out = dm_xstrdup(v);
    return 0;
}

static int run_service(dm_cli *cli, int argc, char **argv, bool http)
{
    const char *cmd = http ? "serve" : "worker";
    static const struct option opts[] = {
        {"listen", required_argument, NULL, 'l'}, {"workers", required_argument, NULL, 'w'},
        {"lease", required_argument, NULL, 'L'},  {"events-secret-file", required_argument, NULL, 'E'},
        {"no-watch", no_argument, NULL, 'W'},     {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    dm_service svc;
    memset(&svc, 0, sizeof svc);
    const char *listen = cli->cfg.server_listen ? cli->cfg.server_listen : DEFAULT_LISTEN;
    svc.nworkers = cli->cfg.server_workers > 0 ? cli->cfg.server_workers : 2;
    svc.lease_seconds = DEFAULT_LEASE;
    svc.max_per_source = (int)cli->cfg.server_source_concurrency;
    svc.max_attempts = 5;
    const char *events_secret_file = NULL;
    bool watch = http;
    int jobs = 0;   /* per job: threads classifying a table's columns; 0: the cores shared by the workers */
    int opt;
    char *end;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'l':
            if (!http)
                return dm_cli_usage_error(cmd, "a worker does not listen");
            listen = optarg;
            break;
        case 'w':
            svc.nworkers = (int)strtol(optarg, &end, 10);
            if (*end || svc.nworkers < 1 || svc.nworkers > DM_SERVICE_MAX_WORKERS)
                return dm_cli_usage_error(cmd, "--workers takes 1 to %d", DM_SERVICE_MAX_WORKERS);
            break;
        case 'j':
            jobs = (int)strtol(optarg, &end, 10);
            if (*end || jobs < 1 || jobs > DM_CLI_MAX_JOBS)
                return dm_cli_usage_error(cmd, "--jobs takes 1 to %d", DM_CLI_MAX_JOBS);
            break;
        case 'L':
            svc.lease_seconds = strtol(optarg, &end, 10);
            if (*end || svc.lease_seconds < 1)
                return dm_cli_usage_error(cmd, "--lease takes a number of seconds");
            break;
        case 'E':
            if (!http)
                return dm_cli_usage_error(cmd, "a worker takes no events");
            events_secret_file = optarg;
            break;
        case 'W':
            watch = false;
            break;
        case 'h':
            printf(http ? "usage: datamap serve [--listen ADDR:PORT] [--workers N] [--lease SECONDS] [--no-watch]\n"
                          "                     [--events-secret-file FILE]\n\n"
                          "Run the service: scheduler (config schedule:), worker threads draining the job\n"
                          "queue, a watcher that queues a run as soon as a local folder or a PostgreSQL\n"
                          "database changes, the JSON API under /api/v1, event intake, web UI, /metrics,\n"
                          "/healthz.\n\n"
                          "  --listen ADDR:PORT  IPv4 address and port (default 127.0.0.1:8080; config server.listen)\n"
                          "  --no-watch          do not watch sources that announce changes (local folders\n"
                          "                      through inotify, PostgreSQL through LISTEN); the schedule only\n"
                          "  --events-secret-file FILE\n"
                          "                      POST /api/v1/events also accepts the header\n"
                          "                      X-Datamap-Events-Secret with this secret instead of the bearer\n"
                          "                      token (else $DATAMAP_EVENTS_SECRET; none: the token rules)\n"
                        : "usage: datamap worker [--workers N] [--lease SECONDS]\n\n"
                          "Drain the job queue only: no HTTP, no scheduler (fleet mode).\n\n");
            printf("  --workers N         worker threads (default 2; config server.workers)\n"
                   "  --jobs N            threads classifying the columns of a job's table (default: the\n"
                   "                      online cores divided among the workers, at least 1)\n"
                   "  --lease SECONDS     job lease, renewed every third of it (default 300)\n"
                   "\nSIGTERM or SIGINT: stop taking jobs, finish the running ones, exit 0.\n");
            return DM_EXIT_OK;
        default:
            return dm_cli_usage_error(cmd, "unknown option");
        }
    }
    if (optind < argc)
        return dm_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);

    dm_cli_pipeline_defaults(cli, &svc.popts);
    svc.popts.progress = false;
    /* the workers share the cores: all of them busy keep every core busy, no more */
    svc.popts.jobs = jobs ? jobs : (svc.popts.jobs + svc.nworkers - 1) / svc.nworkers;
    svc.popts.stop = &svc.stop;     /* SIGTERM: a table under way stops being read */
    svc.catalog_url = cli->catalog_url;
    svc.cfg = &cli->cfg;
    {   /* an allow list naming an unknown type, or a bad pattern: said now, not at the first job */
        dm_engine_opts eo = {svc.popts.only, svc.popts.except, svc.popts.allow};
        dm_engine *eng = NULL;
        dm_error eerr = {0};
        if (dm_engine_new(&eo, &eng, &eerr) != DM_OK) {
            fprintf(stderr, "datamap: %s\n", eerr.msg);
            return DM_EXIT_USAGE;
        }
        dm_engine_free(eng);
    }
    char host[64] = "host";
    gethostname(host, sizeof host - 1);
    snprintf(svc.owner_prefix, sizeof svc.owner_prefix, "%s:%d", host, (int)getpid());
    if (load_secret("server.token_file", cli->cfg.server_token_file, "DATAMAP_TOKEN", &svc.token) < 0 ||
        load_secret("--events-secret-file", events_secret_file, "DATAMAP_EVENTS_SECRET", &svc.events_secret) < 0) {
        dm_free_secret(svc.token);
        return DM_EXIT_USAGE;
    }
    dm_catalog *cat = dm_cli_open_catalog(cli);     /* creates or migrates the schema once */
    if (cat == NULL) {
        dm_free_secret(svc.token);
        dm_free_secret(svc.events_secret);
        return DM_EXIT_FAILED;
    }
    dm_catalog_close(cat);
    pthread_mutex_init(&svc.mu, NULL);
    pthread_cond_init(&svc.wake, NULL);

    /* every thread inherits this mask: only sigwait below sees the signals */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    dm_error err = {0};
    dm_http *h = NULL;
    int rc = DM_EXIT_OK;
    if (dm_service_start(&svc, http, &err) != DM_OK) {
        dm_error_log("%s: %s", cmd, err.msg);
        rc = DM_EXIT_FAILED;
        goto out;
    }
    if (http && dm_http_start(&svc, listen, &h, &err) != DM_OK) {
        dm_error_log("%s: %s", cmd, err.msg);
        dm_service_stop(&svc);
        rc = err.code == DM_ERR_ARG ? DM_EXIT_USAGE : DM_EXIT_FAILED;
        goto out;
    }
    if (watch && dm_watcher_start(&svc, &err) != DM_OK) {
        dm_warn("%s; sources are not watched, the schedule covers them", err.msg);
        watch = false;
    }
    /* through the log: JSON lines with --log-format json */
    if (http)
        dm_info("serve: listening on http://%s/ with %d worker(s)%s%s", listen, svc.nworkers,
                svc.token ? ", API token required" : "", watch ? ", watching sources" : "");
    else
        dm_info("worker: %d worker(s)", svc.nworkers);
    int sig = 0;
    sigwait(&set, &sig);
    dm_info("%s: %s: finishing running jobs", cmd, sig == SIGINT ? "SIGINT" : "SIGTERM");
    dm_http_stop(h);
    dm_service_stop(&svc);
    if (watch)
        dm_watcher_stop(&svc);
    dm_info("%s: stopped", cmd);
out:
    pthread_cond_destroy(&svc.wake);
    pthread_mutex_destroy(&svc.mu);
    dm_free_secret(svc.token);
    dm_free_secret(svc.events_secret);
    return rc;
}

int dm_cmd_serve(dm_cli *cli, int argc, char **argv)
{
    return run_service(cli, argc, argv, true);
}

int dm_cmd_worker(dm_cli *cli, int argc, char **argv)
{
    return run_service(cli, argc, argv, false);
}
