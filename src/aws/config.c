#include "aws/config.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/redact.h"

static char *env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? dm_xstrdup(v) : NULL;
}

static void set_if_null(char **dst, char *v)
{
    if (*dst == NULL)
        *dst = v;
    else
        free(v);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Values of one section of an INI-style AWS file. Nested settings (lines
 * indented under "s3 =") are skipped. */
typedef struct profile_vals {
    char *access_key, *secret_key, *session_token, *region, *endpoint;
} profile_vals;

static void read_profile(const char *path, const char *section, profile_vals *pv)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    char line[4096];
    bool in = false;
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f)) {
        bool indented = line[0] == ' ' || line[0] == '\t';
        char *l = trim(line);
        if (*l == '#' || *l == ';' || *l == '\0')
            continue;
        if (*l == '[') {
            char *end = strchr(l, ']');
            if (end) {
                *end = '\0';
                in = strcmp(trim(l + 1), section) == 0;
            }
            continue;
        }
        if (!in || indented)
            continue;
        char *eq = strchr(l, '=');
        if (eq == NULL)
            continue;
        *eq = '\0';
        char *k = trim(l), *v = trim(eq + 1);
        if (*v == '\0')
            continue;
        char **dst = strcmp(k, "aws_access_key_id") == 0       ? &pv->access_key
                     : strcmp(k, "aws_secret_access_key") == 0 ? &pv->secret_key
                     : strcmp(k, "aws_session_token") == 0     ? &pv->session_token
                     : strcmp(k, "region") == 0                ? &pv->region
                     : strcmp(k, "endpoint_url") == 0          ? &pv->endpoint
                                                               : NULL;
        if (dst && *dst == NULL)
            *dst = dm_xstrdup(v);
    }
    dm_wipe(line, sizeof line);     /* the last line read may be the secret key */
    fclose(f);
}

static void load_profile(const char *name, profile_vals *pv)
{
    const char *home = getenv("HOME");
    char *cred = env("AWS_SHARED_CREDENTIALS_FILE"), *conf = env("AWS_CONFIG_FILE");
    if (cred == NULL && home)
        cred = dm_xasprintf("%s/.aws/credentials", home);
    if (conf == NULL && home)
        conf = dm_xasprintf("%s/.aws/config", home);
    read_profile(cred, name, pv);
    char *sect = strcmp(name, "default") == 0 ? dm_xstrdup("default") : dm_xasprintf("profile %s", name);
    read_profile(conf, sect, pv);
    free(sect);
    free(cred);
    free(conf);
}

static void profile_vals_free(profile_vals *pv)
{
    free(pv->access_key);
    dm_free_secret(pv->secret_key);
    dm_free_secret(pv->session_token);
    free(pv->region);
    free(pv->endpoint);
    memset(pv, 0, sizeof *pv);
}

static bool secret_like(const char *k)
{
    static const char *const words[] = {"secret", "password", "token", "access_key", "credential", NULL};
    for (const char *const *w = words; *w; w++)
        if (strcasestr(k, *w))
            return true;
    return false;
}

char *dm_aws_endpoint_host(const char *endpoint)
{
    const char *p = strstr(endpoint, "://");
    p = p ? p + 3 : endpoint;
    size_t n = strcspn(p, "/");
    return dm_xstrndup(p, n);
}

dm_status dm_aws_config_load(const char *service, const char *options_json, dm_aws_config *out, dm_error *err)
{
    json_t *opts = NULL;
    json_error_t jerr;
    profile_vals pv = {0};
    char *opt_endpoint = NULL, *opt_region = NULL, *opt_profile = NULL;
    int path_style = -1;
    dm_status rc = DM_OK;
    memset(out, 0, sizeof *out);
    out->max_attempts = 5;
    out->timeout_s = 60;

    if (options_json && *options_json && (opts = json_loads(options_json, 0, &jerr)) == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "source options: %s", jerr.text);
    const char *key;
    json_t *val;
    json_object_foreach(opts, key, val)
    {
        const char *v = json_is_string(val) ? json_string_value(val) : "";
        if (strcmp(key, "endpoint") == 0 || strcmp(key, "endpoint_url") == 0) {
            opt_endpoint = dm_xstrdup(v);
        } else if (strcmp(key, "region") == 0) {
            opt_region = dm_xstrdup(v);
        } else if (strcmp(key, "profile") == 0) {
            opt_profile = dm_xstrdup(v);
        } else if (strcmp(key, "path_style") == 0) {
            path_style = strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcmp(v, "yes") == 0;
        } else if (strcmp(key, "max_attempts") == 0) {
            out->max_attempts = atoi(v);
            if (out->max_attempts < 1 || out->max_attempts > 20) {
                rc = DM_FAIL(err, DM_ERR_ARG, "option max_attempts: takes 1 to 20, not '%s'", v);
                goto out;
            }
        } else if (strcmp(key, "timeout") == 0) {
            out->timeout_s = atol(v);
            if (out->timeout_s < 1) {
                rc = DM_FAIL(err, DM_ERR_ARG, "option timeout: takes seconds (>= 1), not '%s'", v);
                goto out;
            }
        } else if (secret_like(key)) {
            rc = DM_FAIL(err, DM_ERR_ARG,
                         "option %s: credentials are not taken as options (they would be stored); use "
                         "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile (--option profile=NAME)",
                         key);
            goto out;
        } else {
            rc = DM_FAIL(err, DM_ERR_ARG,
                         "unknown option '%s' (%s takes endpoint, region, profile, path_style, max_attempts, timeout)",
                         key, service);
            goto out;
        }
    }

    /* profile: the option, else AWS_PROFILE, else default */
    char *pname = opt_profile ? dm_xstrdup(opt_profile) : env("AWS_PROFILE");
    if (pname == NULL)
        pname = dm_xstrdup("default");
    load_profile(pname, &pv);

    /* credentials */
    char *eak = env("AWS_ACCESS_KEY_ID"), *esk = env("AWS_SECRET_ACCESS_KEY");
    if (opt_profile == NULL && eak && esk) {
        out->access_key = eak;
        out->secret_key = esk;
        out->session_token = env("AWS_SESSION_TOKEN");
        out->creds_from = dm_xstrdup("environment");
        eak = esk = NULL;
    } else if (pv.access_key && pv.secret_key) {
        out->access_key = pv.access_key;
        out->secret_key = pv.secret_key;
        out->session_token = pv.session_token;
        pv.access_key = pv.secret_key = pv.session_token = NULL;
        out->creds_from = dm_xasprintf("profile %s", pname);
        out->profile = dm_xstrdup(pname);
    }
    free(eak);
    dm_free_secret(esk);
    if (out->access_key == NULL) {
        rc = DM_FAIL(err, DM_ERR_AUTH,
                     "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile "
                     "(AWS_PROFILE or --option profile=NAME, now '%s') in ~/.aws/credentials",
                     pname);
        free(pname);
        goto out;
    }
    free(pname);

    /* region */
    out->region = opt_region;
    opt_region = NULL;
    set_if_null(&out->region, env("AWS_REGION"));
    set_if_null(&out->region, env("AWS_DEFAULT_REGION"));
    set_if_null(&out->region, pv.region);
    pv.region = NULL;
    out->region_set = out->region != NULL;
    set_if_null(&out->region, dm_xstrdup("us-east-1"));

    /* endpoint */
    out->endpoint = opt_endpoint;
    opt_endpoint = NULL;
    set_if_null(&out->endpoint, env(strcmp(service, "s3") == 0 ? "AWS_ENDPOINT_URL_S3" : "AWS_ENDPOINT_URL_DYNAMODB"));
    set_if_null(&out->endpoint, env("AWS_ENDPOINT_URL"));
    set_if_null(&out->endpoint, pv.endpoint);
    pv.endpoint = NULL;
    if (dm_url_has_secret(out->endpoint)) {
        /* never used, shown or sent (it would go out in the Host header) */
        free(out->endpoint);
        out->endpoint = NULL;
        rc = DM_FAIL(err, DM_ERR_ARG, "%s endpoint: a user and password in the URL are not used; give keys as "
                     "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile", service);
        goto out;
    }
    out->custom_endpoint = out->endpoint != NULL;
    if (out->endpoint == NULL)
        out->endpoint = dm_xasprintf("https://%s.%s.amazonaws.com", service, out->region);
    size_t n = strlen(out->endpoint);
    while (n > 0 && out->endpoint[n - 1] == '/')
        out->endpoint[--n] = '\0';
    if (strncmp(out->endpoint, "http://", 7) != 0 && strncmp(out->endpoint, "https://", 8) != 0) {
        rc = DM_FAIL(err, DM_ERR_ARG, "endpoint '%s': takes an http:// or https:// URL", out->endpoint);
        goto out;
    }
    out->path_style = path_style >= 0 ? path_style == 1 : out->custom_endpoint;
out:
    free(opt_endpoint);
    free(opt_region);
    free(opt_profile);
    profile_vals_free(&pv);
    json_decref(opts);
    if (rc)
        dm_aws_config_free(out);
    return rc;
}

void dm_aws_config_free(dm_aws_config *cfg)
{
    if (cfg == NULL)
        return;
    free(cfg->access_key);
    dm_free_secret(cfg->secret_key);
    dm_free_secret(cfg->session_token);
    free(cfg->region);
    free(cfg->endpoint);
    free(cfg->profile);
    free(cfg->creds_from);
    memset(cfg, 0, sizeof *cfg);
}
