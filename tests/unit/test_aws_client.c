/*
 * AWS configuration resolution (src/aws/config.c), the HTTP
 * client's retries (src/aws/http.c) against a scripted loopback
 * server that answers what a real store cannot be made to on demand
 * (503 SlowDown, 400 ProvisionedThroughputExceededException, 403), the
 * backoff's bounds, and the XML reader (src/aws/xml.c).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "aws/config.h"
#include "aws/http.h"
#include "aws/xml.h"

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void clear_env(void)
{
    static const char *const vars[] = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                                       "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                                       "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB", NULL};
    for (const char *const *v = vars; *v; v++)
        unsetenv(*v);
    char p[128];
    snprintf(p, sizeof p, "%s/credentials", tmpdir);
    setenv("AWS_SHARED_CREDENTIALS_FILE", p, 1);
    snprintf(p, sizeof p, "%s/config", tmpdir);
    setenv("AWS_CONFIG_FILE", p, 1);
}

static int setup(void **state)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dm_aws_test.XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    write_file("credentials", "[default]\naws_access_key_id = AKDEFAULT\naws_secret_access_key = skdefault\n\n"
                              "[dev]\naws_access_key_id=AKDEV\naws_secret_access_key=skdev\n"
                              "aws_session_token = tokdev\n");
    write_file("config", "[default]\nregion = eu-west-3\n[profile dev]\nregion = ap-south-1\n"
                         "endpoint_url = http://127.0.0.1:9999/\ns3 =\n  endpoint_url = http://ignored\n");
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_config_default_profile(void **state)
{
    dm_aws_config c;
    dm_error err = {0};
    clear_env();
    assert_int_equal(dm_aws_config_load("s3", NULL, &c, &err), DM_OK);
    assert_string_equal(c.access_key, "AKDEFAULT");
    assert_string_equal(c.secret_key, "skdefault");
    assert_null(c.session_token);
    assert_string_equal(c.region, "eu-west-3");
    assert_string_equal(c.endpoint, "https://s3.eu-west-3.amazonaws.com");
    assert_false(c.custom_endpoint);
    assert_false(c.path_style);
    assert_string_equal(c.creds_from, "profile default");
    dm_aws_config_free(&c);
}

static void test_config_precedence(void **state)
{
    dm_aws_config c;
    dm_error err = {0};
    clear_env();
    /* environment keys beat the default profile; AWS_REGION beats AWS_DEFAULT_REGION */
    setenv("AWS_ACCESS_KEY_ID", "AKENV", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "skenv", 1);
    setenv("AWS_SESSION_TOKEN", "tokenv", 1);
    setenv("AWS_REGION", "us-west-2", 1);
    setenv("AWS_DEFAULT_REGION", "eu-central-1", 1);
    setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:1111", 1);
    setenv("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:2222/", 1);
    assert_int_equal(dm_aws_config_load("dynamodb", NULL, &c, &err), DM_OK);
    assert_string_equal(c.access_key, "AKENV");
    assert_string_equal(c.session_token, "tokenv");
    assert_string_equal(c.region, "us-west-2");
    assert_string_equal(c.endpoint, "http://127.0.0.1:2222");
    assert_true(c.path_style);
    dm_aws_config_free(&c);
    assert_int_equal(dm_aws_config_load("s3", NULL, &c, &err), DM_OK);
    assert_string_equal(c.endpoint, "http://127.0.0.1:1111");
    dm_aws_config_free(&c);
    /* options beat everything; a profile option takes that profile's keys */
    assert_int_equal(dm_aws_config_load("s3",
                                        "{\"profile\":\"dev\",\"region\":\"sa-east-1\",\"endpoint\":\"http://h:1\","
                                        "\"path_style\":\"false\"}",
                                        &c, &err),
                     DM_OK);
    assert_string_equal(c.access_key, "AKDEV");
    assert_string_equal(c.session_token, "tokdev");
    assert_string_equal(c.region, "sa-east-1");
    assert_string_equal(c.endpoint, "http://h:1");
    assert_false(c.path_style);
    dm_aws_config_free(&c);
    /* AWS_PROFILE names the profile when no keys are in the environment */
    clear_env();
    setenv("AWS_PROFILE", "dev", 1);
    assert_int_equal(dm_aws_config_load("s3", NULL, &c, &err), DM_OK);
    assert_string_equal(c.access_key, "AKDEV");
    assert_string_equal(c.region, "ap-south-1");
    assert_string_equal(c.endpoint, "http://127.0.0.1:9999");  /* nested s3 = ... block ignored */
    dm_aws_config_free(&c);
}

static void test_config_errors(void **state)
{
    dm_aws_config c;
    dm_error err = {0};
    clear_env();
    assert_int_equal(dm_aws_config_load("s3", "{\"secret_access_key\":\"hunter2\"}", &c, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "secret_access_key"));
    assert_null(strstr(err.msg, "hunter2"));
    assert_int_equal(dm_aws_config_load("s3", "{\"colour\":\"red\"}", &c, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "unknown option 'colour'"));
    assert_int_equal(dm_aws_config_load("s3", "{\"profile\":\"nope\"}", &c, &err), DM_ERR_AUTH);
    assert_non_null(strstr(err.msg, "nope"));
    assert_int_equal(dm_aws_config_load("s3", "{\"endpoint\":\"ftp://x\"}", &c, &err), DM_ERR_ARG);
}

static void test_backoff_bounds(void **state)
{
    uint64_t rng = 12345, max_seen[6] = {0};
    for (int i = 0; i < 20000; i++)
        for (unsigned a = 1; a <= 5; a++) {
            uint64_t ms = dm_aws_backoff_ms(a, 100, 1000, &rng);
            uint64_t ceil = (100u << a) < 1000 ? (100u << a) : 1000;
            assert_true(ms < ceil);
            if (ms > max_seen[a])
                max_seen[a] = ms;
        }
    /* full jitter covers the range up to the (capped) ceiling */
    assert_true(max_seen[1] > 180 && max_seen[3] > 750 && max_seen[5] > 950);
}

/* ---- scripted server ---------------------------------------------------------- */

typedef struct script {
    int fd;
    const char *const *answers;     /* one full HTTP answer per connection/request */
    int n, served;
    char last_request[8192];
} script;

static void *serve(void *arg)
{
    script *s = arg;
    for (int i = 0; i < s->n; i++) {
        int c = accept(s->fd, NULL, NULL);
        if (c < 0)
            break;
        char buf[8192];
        ssize_t got = 0, r;
        /* read headers and a body announced by Content-Length */
        while ((r = read(c, buf + got, sizeof buf - 1 - (size_t)got)) > 0) {
            got += r;
            buf[got] = '\0';
            char *end = strstr(buf, "\r\n\r\n");
            if (end) {
                char *cl = strcasestr(buf, "content-length:");
                long want = cl ? atol(cl + 15) : 0;
                if (got - (end + 4 - buf) >= want)
                    break;
            }
        }
        memcpy(s->last_request, buf, sizeof s->last_request - 1);
        (void)!write(c, s->answers[i], strlen(s->answers[i]));
        close(c);
        s->served++;
    }
    return NULL;
}

static int listen_any(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t l = sizeof a;
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(fd, 8), 0);
    getsockname(fd, (struct sockaddr *)&a, &l);
    *port = ntohs(a.sin_port);
    return fd;
}

#define CLOSE "Connection: close\r\n"

static void run_script(const char *service, const char *const *answers, int n, int max_attempts,
                       dm_status want, int want_served, const char *want_code, const char *want_body)
{
    int port;
    script s = {.answers = answers, .n = n};
    s.fd = listen_any(&port);
    pthread_t th;
    pthread_create(&th, NULL, serve, &s);
    clear_env();
    setenv("AWS_ACCESS_KEY_ID", "AKTEST", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "sk-never-shown", 1);
    char opts[128];
    snprintf(opts, sizeof opts, "{\"endpoint\":\"http://127.0.0.1:%d\",\"max_attempts\":\"%d\"}", port, max_attempts);
    dm_aws_config cfg;
    dm_aws_client *cli;
    dm_error err = {0};
    assert_int_equal(dm_aws_config_load(service, opts, &cfg, &err), DM_OK);
    assert_int_equal(dm_aws_client_new(&cfg, service, &cli, &err), DM_OK);
    dm_sigv4_param q[] = {{"tagging", ""}};
    dm_sigv4_header h[] = {{"X-Amz-Target", "DynamoDB_20120810.Scan"}};
    dm_aws_call call = {.method = strcmp(service, "s3") == 0 ? "GET" : "POST", .bucket = strcmp(service, "s3") == 0 ? "b" : NULL,
                        .params = strcmp(service, "s3") == 0 ? q : NULL, .nparams = strcmp(service, "s3") == 0 ? 1 : 0,
                        .headers = strcmp(service, "s3") == 0 ? NULL : h, .nheaders = strcmp(service, "s3") == 0 ? 0 : 1,
                        .body = "{}", .body_len = strcmp(service, "s3") == 0 ? 0 : 2};
    dm_aws_resp r;
    dm_status rc = dm_aws_send(cli, &call, &r, &err);
    /* unblock the server thread if fewer requests came than scripted */
    for (int i = s.served; i < n; i++) {
        int c = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                                .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        if (connect(c, (struct sockaddr *)&a, sizeof a) == 0)
            (void)!write(c, "\r\n\r\n", 4);
        close(c);
    }
    pthread_join(th, NULL);
    close(s.fd);
    int served_by_client = (int)dm_aws_client_requests(cli);
    assert_int_equal(rc, want);
    assert_int_equal(served_by_client, want_served);
    if (want_code)
        assert_string_equal(r.code, want_code);
    if (want_body)
        assert_string_equal(r.body.data, want_body);
    assert_null(strstr(err.msg, "sk-never-shown"));
    /* the request carried the content hash, the date and a signature */
    assert_non_null(strcasestr(s.last_request, "x-amz-content-sha256: "));
    assert_non_null(strcasestr(s.last_request, "Authorization: AWS4-HMAC-SHA256 Credential=AKTEST/"));
    if (rc != DM_OK)
        assert_non_null(strstr(err.msg, "127.0.0.1"));
    dm_aws_resp_free(&r);
    dm_aws_client_free(cli);
    dm_aws_config_free(&cfg);
}

static void test_retry_slowdown_then_ok(void **state)
{
    static const char *const a[] = {
        "HTTP/1.1 503 Slow Down\r\n" CLOSE "\r\n"
        "<Error><Code>SlowDown</Code><Message>Reduce your rate</Message></Error>",
        "HTTP/1.1 500 Internal\r\n" CLOSE "\r\n",
        "HTTP/1.1 200 OK\r\n" CLOSE "\r\nok",
    };
    run_script("s3", a, 3, 5, DM_OK, 3, NULL, "ok");
}

static void test_retry_dynamodb_throughput(void **state)
{
    static const char *const a[] = {
        "HTTP/1.1 400 Bad Request\r\n" CLOSE "\r\n"
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"x\"}",
        "HTTP/1.1 200 OK\r\n" CLOSE "\r\n{}",
    };
    run_script("dynamodb", a, 2, 5, DM_OK, 2, NULL, "{}");
}

static void test_retry_gives_up(void **state)
{
    static const char *const a[] = {
        "HTTP/1.1 503 Slow Down\r\n" CLOSE "\r\n<Error><Code>SlowDown</Code></Error>",
        "HTTP/1.1 503 Slow Down\r\n" CLOSE "\r\n<Error><Code>SlowDown</Code></Error>",
    };
    run_script("s3", a, 2, 2, DM_ERR_THROTTLED, 2, "SlowDown", NULL);
}

static void test_no_retry_on_refusals(void **state)
{
    static const char *const a[] = {
        "HTTP/1.1 403 Forbidden\r\n" CLOSE "\r\n<Error><Code>SignatureDoesNotMatch</Code></Error>",
    };
    run_script("s3", a, 1, 5, DM_ERR_AUTH, 1, "SignatureDoesNotMatch", NULL);
    static const char *const b[] = {
        "HTTP/1.1 501 Not Implemented\r\n" CLOSE "\r\n<Error><Code>NotImplemented</Code></Error>",
    };
    run_script("s3", b, 1, 5, DM_ERR_BACKEND, 1, "NotImplemented", NULL);
}

static void test_xml(void **state)
{
    const char *doc = "<?xml version=\"1.0\"?><ListBucketResult xmlns=\"x\"><Contents><Key>a &amp; b/&#233;&#x20AC;.csv"
                      "</Key><Size>12</Size></Contents><Contents><Key>c&lt;d</Key><Size>3</Size></Contents>"
                      "<Prefix/><IsTruncated>false</IsTruncated></ListBucketResult>";
    char root[64];
    dm_xml_root(doc, strlen(doc), root, sizeof root);
    assert_string_equal(root, "ListBucketResult");
    dm_xml_span sp = {doc, doc + strlen(doc)}, c;
    assert_true(dm_xml_next(&sp, "Contents", &c));
    char *k = dm_xml_text(c, "Key");
    assert_string_equal(k, "a & b/\xc3\xa9\xe2\x82\xac.csv");
    free(k);
    assert_true(dm_xml_next(&sp, "Contents", &c));
    k = dm_xml_text(c, "Key");
    assert_string_equal(k, "c<d");
    free(k);
    assert_false(dm_xml_next(&sp, "Contents", &c));
    dm_xml_span all = {doc, doc + strlen(doc)};
    char *p = dm_xml_text(all, "Prefix");
    assert_string_equal(p, "");
    free(p);
    assert_null(dm_xml_text(all, "NextContinuationToken"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_default_profile),
        cmocka_unit_test(test_config_precedence),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_backoff_bounds),
        cmocka_unit_test(test_retry_slowdown_then_ok),
        cmocka_unit_test(test_retry_dynamodb_throughput),
        cmocka_unit_test(test_retry_gives_up),
        cmocka_unit_test(test_no_retry_on_refusals),
        cmocka_unit_test(test_xml),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
