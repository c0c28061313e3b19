/*
 * Report: tag mapping rules, categories and regions, the model built from a
 * fixture catalog (through the catalog API), gaps, and each writer checked
 * field by field (HTML escaping of hostile names included).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "core/config.h"
#include "core/mem.h"
#include "report/report.h"

#define HOSTILE "<script>alert(1)</script>"

/* ---- mapping ------------------------------------------------------------ */

static void test_mapping_default(void **state)
{
    dm_tag_mapping *m;
    dm_error err = {0};
    assert_int_equal(dm_tag_mapping_new(NULL, &m, &err), DM_OK);
    /* case and spacing do not matter */
    assert_int_equal(dm_tag_mapping_field(m, "Purpose of Processing"), DM_FIELD_PURPOSE);
    assert_int_equal(dm_tag_mapping_field(m, "purpose of processing"), DM_FIELD_PURPOSE);
    assert_int_equal(dm_tag_mapping_field(m, "Purpose_of_Processing"), DM_FIELD_PURPOSE);
    assert_int_equal(dm_tag_mapping_field(m, "PURPOSE OF PROCESSING"), DM_FIELD_PURPOSE);
    assert_int_equal(dm_tag_mapping_field(m, "  purpose-of-processing "), DM_FIELD_PURPOSE);
    /* several keys per field */
    assert_int_equal(dm_tag_mapping_field(m, "Data Consumers"), DM_FIELD_RECIPIENTS);
    assert_int_equal(dm_tag_mapping_field(m, "recipients"), DM_FIELD_RECIPIENTS);
    assert_int_equal(dm_tag_mapping_field(m, "Data Consumers / Recipients"), DM_FIELD_RECIPIENTS);
    assert_int_equal(dm_tag_mapping_field(m, "Legal Basis"), DM_FIELD_LEGAL_BASIS);
    assert_int_equal(dm_tag_mapping_field(m, "lawful_basis"), DM_FIELD_LEGAL_BASIS);
    /* every key of the reference */
    assert_int_equal(dm_tag_mapping_field(m, "Data Subjects"), DM_FIELD_DATA_SUBJECTS);
    assert_int_equal(dm_tag_mapping_field(m, "Processing Activity"), DM_FIELD_ACTIVITY);
    assert_int_equal(dm_tag_mapping_field(m, "Business Function"), DM_FIELD_BUSINESS_FUNCTION);
    assert_int_equal(dm_tag_mapping_field(m, "APP_NAME"), DM_FIELD_APP_NAME);
    assert_int_equal(dm_tag_mapping_field(m, "app id"), DM_FIELD_APP_ID);
    assert_int_equal(dm_tag_mapping_field(m, "Retention"), DM_FIELD_RETENTION);
    assert_int_equal(dm_tag_mapping_field(m, "Third Country Transfers"), DM_FIELD_TRANSFERS);
    assert_int_equal(dm_tag_mapping_field(m, "Security Measures"), DM_FIELD_SECURITY);
    assert_int_equal(dm_tag_mapping_field(m, "special category basis"), DM_FIELD_SPECIAL_BASIS);
    /* not a field: unknown words, a key that only contains a field key, empty */
    assert_int_equal(dm_tag_mapping_field(m, "Owner"), -1);
    assert_int_equal(dm_tag_mapping_field(m, "Purpose of Processing 2"), -1);
    assert_int_equal(dm_tag_mapping_field(m, " _ "), -1);
    dm_tag_mapping_free(m);

    /* the config's field names are the mapping's */
    size_t n = 0;
    while (dm_config_tag_fields[n])
        n++;
    assert_int_equal(n, DM_FIELD_COUNT);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(dm_config_tag_fields[i], dm_report_field_name((dm_report_field)i));
}

static void test_mapping_config_override(void **state)
{
    char path[] = "/tmp/dm_report_cfg_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("controller:\n  name: Example Ltd\n  dpo: Jane Doe\nreport:\n  stale_days: 7\n"
          "tag_mapping:\n  purpose: [Zweck, \"Finalite du traitement\"]\n  legal_basis: Rechtsgrundlage\n"
          "  retention: []\n",
          f);
    fclose(f);
    dm_config cfg;
    dm_error err = {0};
    assert_int_equal(dm_config_load(path, &cfg, &err), DM_OK);
    assert_string_equal(cfg.controller_name, "Example Ltd");
    assert_string_equal(cfg.controller_dpo, "Jane Doe");
    assert_null(cfg.controller_contact);
    assert_int_equal(cfg.report_stale_days, 7);
    assert_int_equal(cfg.ntag_mapping, 3);

    dm_tag_mapping *m;
    assert_int_equal(dm_tag_mapping_new(&cfg, &m, &err), DM_OK);
    assert_int_equal(dm_tag_mapping_field(m, "zweck"), DM_FIELD_PURPOSE);
    assert_int_equal(dm_tag_mapping_field(m, "FINALITE_DU_TRAITEMENT"), DM_FIELD_PURPOSE);
    /* the config replaced the field's defaults ... */
    assert_int_equal(dm_tag_mapping_field(m, "Purpose of Processing"), -1);
    assert_int_equal(dm_tag_mapping_field(m, "Legal Basis"), -1);
    assert_int_equal(dm_tag_mapping_field(m, "rechtsgrundlage"), DM_FIELD_LEGAL_BASIS);
    /* ... an empty list turns a field off, the others keep theirs */
    assert_int_equal(dm_tag_mapping_field(m, "Retention"), -1);
    size_t nk;
    dm_tag_mapping_keys(m, DM_FIELD_RETENTION, &nk);
    assert_int_equal(nk, 0);
    assert_int_equal(dm_tag_mapping_field(m, "Data Subjects"), DM_FIELD_DATA_SUBJECTS);
    const char *const *keys = dm_tag_mapping_keys(m, DM_FIELD_PURPOSE, &nk);
    assert_int_equal(nk, 2);
    assert_string_equal(keys[0], "Zweck");
    dm_tag_mapping_free(m);
    dm_config_free(&cfg);

    /* unknown keys are errors naming the file and the line */
    f = fopen(path, "w");
    fputs("tag_mapping:\n  purpose: [a]\n  colour: [b]\n", f);
    fclose(f);
    assert_int_equal(dm_config_load(path, &cfg, &err), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, ":3: unknown key 'tag_mapping.colour'"));
    assert_non_null(strstr(err.msg, path));
    f = fopen(path, "w");
    fputs("controller:\n  name: x\n  phone: y\n", f);
    fclose(f);
    assert_int_equal(dm_config_load(path, &cfg, &err), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, ":3: unknown key 'controller.phone'"));
    f = fopen(path, "w");
    fputs("report:\n  stale_days: soon\n", f);
    fclose(f);
    assert_int_equal(dm_config_load(path, &cfg, &err), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, ":2: report.stale_days"));
    unlink(path);
}

static void test_categories_and_regions(void **state)
{
    char buf[128];
    assert_string_equal(dm_report_category_label("user.contact.email", buf, sizeof buf), "Contact details (email)");
    assert_string_equal(dm_report_category_label("user.contact.phone_number", buf, sizeof buf),
                        "Contact details (phone number)");
    assert_string_equal(dm_report_category_label("user.name", buf, sizeof buf), "Name");
    assert_string_equal(dm_report_category_label("user.health_and_medical", buf, sizeof buf), "Health and medical");
    assert_string_equal(dm_report_category_label("user.government_id.passport_number", buf, sizeof buf),
                        "Government identifiers (passport number)");
    assert_string_equal(dm_report_category_label("custom.thing", buf, sizeof buf), "custom thing");
    char tiny[8];
    assert_int_equal(strlen(dm_report_category_label("user.contact.email", tiny, sizeof tiny)), 7);

    assert_true(dm_report_category_special("user.health_and_medical"));
    assert_true(dm_report_category_special("user.biometric.fingerprint"));
    assert_true(dm_report_category_special("user.criminal_history"));
    assert_false(dm_report_category_special("user.contact.email"));
    assert_false(dm_report_category_special("user.healthy"));   /* a prefix only at a '.' */

    bool known;
    const char *place;
    assert_true(dm_report_region_in_eea("eu-west-1", &known, &place));
    assert_true(known);
    assert_false(dm_report_region_in_eea("eu-west-2", &known, &place));     /* London */
    assert_true(known);
    assert_non_null(strstr(place, "United Kingdom"));
    assert_false(dm_report_region_in_eea("us-east-1", &known, &place));
    assert_true(known);
    assert_false(dm_report_region_in_eea("ap-southeast-9", &known, &place));  /* future region */
    assert_true(known);
    assert_true(dm_report_region_in_eea("NO", &known, &place));             /* EEA, not EU */
    assert_true(dm_report_region_in_eea("de", &known, &place));
    assert_false(dm_report_region_in_eea("CH", &known, &place));
    assert_true(known);
    assert_false(dm_report_region_in_eea("eu-west-9", &known, &place));     /* unknown eu- */
    assert_false(known);
    assert_false(dm_report_region_in_eea("local", &known, &place));
    assert_false(known);
}

/* ---- fixture catalog ---------------------------------------------------- */

static int64_t add_asset(dm_catalog *cat, int64_t src, const char *name, const char *region)
{
    int64_t id;
    bool is_new;
    dm_error err = {0};
    char *loc = dm_xasprintf("s3://%s", name);
    assert_int_equal(dm_catalog_asset_upsert(cat, src, name, "bucket", loc, region, &id, &is_new, &err), DM_OK);
    free(loc);
    return id;
}

static void put_tags(dm_catalog *cat, int64_t asset, const char *origin, const char *const *kv, size_t n)
{
    const char *k[16], *v[16];
    for (size_t i = 0; i < n; i++) {
        k[i] = kv[2 * i];
        v[i] = kv[2 * i + 1];
    }
    dm_error err = {0};
    assert_int_equal(dm_catalog_tags_put(cat, asset, origin, k, v, n, &err), DM_OK);
}

/* One table with the given columns and findings (column, entity pairs). */
static void classify(dm_catalog *cat, int64_t run, int64_t asset, const char *table, const char *const *cols,
                     size_t ncols, const char *const *found, size_t nfound)
{
    dm_error err = {0};
    dm_column_def defs[8];
    for (size_t i = 0; i < ncols; i++)
        defs[i] = (dm_column_def){cols[i], "string", true, false, false};
    dm_table_put t = {asset, table, "s3://x/t", "csv", "none", "fp", 100, 1000, defs, ncols, NULL};
    int64_t tid;
    dm_schema_change chg;
    assert_int_equal(dm_catalog_table_put(cat, &t, &tid, &chg, &err), DM_OK);
    assert_int_equal(dm_catalog_asset_set_state(cat, asset, DM_ASSET_CATALOGED, "fp", &err), DM_OK);
    dm_finding_rec f[8];
    for (size_t i = 0; i < nfound; i++)
        f[i] = (dm_finding_rec){found[2 * i], found[2 * i + 1], 90, 100, 0.9, "high", "[\"j***@e***.com\"]", 0};
    assert_int_equal(dm_catalog_findings_put(cat, run, tid, 100, f, nfound, &err), DM_OK);
    assert_int_equal(dm_catalog_asset_set_state(cat, asset, DM_ASSET_CLASSIFIED, NULL, &err), DM_OK);
}

typedef struct fixture {
    dm_catalog *cat;
    dm_config cfg;
    dm_report *r;
} fixture;

/* 2026-03-01: report day (stale_days 30). Assets:
 *   hr        tags (Payroll, purpose, subjects, basis), eu-west-1, encryption fact;
 *             health data without an Art. 9 basis  -> no_special_basis
 *   payroll   same activity "Payroll" through a spaced/cased key, us-east-1, lifecycle fact
 *   crm       activity "CRM", everything tagged, classified 2026-01-01 -> stale
 *   hostile   no tags, a column named <script>...  -> Unassigned; no purpose/subjects/basis
 *   fresh     discovered, never classified         -> never_classified
 *   gone      vanished                             -> vanished */
static int setup(void **state)
{
    fixture *fx = dm_xcalloc(1, sizeof *fx);
    dm_error err = {0};
    assert_int_equal(dm_catalog_open(":memory:", &fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    dm_catalog *cat = fx->cat;
    dm_catalog_set_now(cat, "2026-01-01T00:00:00Z");
    dm_source_rec s = {.name = "s3", .url = "s3://"};
    int64_t src, run;
    assert_int_equal(dm_catalog_source_add(cat, &s, &src, &err), DM_OK);
    assert_int_equal(dm_catalog_run_begin(cat, "classify", &run, &err), DM_OK);

    int64_t crm = add_asset(cat, src, "crm", "eu-central-1");
    const char *crm_tags[] = {"Processing Activity", "CRM", "Purpose of Processing", "Customer support",
                              "Data Subjects", "Customers", "Legal Basis", "Art. 6(1)(b) contract",
                              "Recipients", "Support team"};
    put_tags(cat, crm, "store", crm_tags, 5);
    const char *crm_cols[] = {"email", "phone"};
    const char *crm_found[] = {"email", "EMAIL", "phone", "PHONE_NUMBER"};
    classify(cat, run, crm, "contacts", crm_cols, 2, crm_found, 2);
    /* S3 driver facts: no default encryption, one enabled and one disabled lifecycle rule */
    assert_int_equal(dm_catalog_asset_set_facts(cat, crm,
                                                "{\"encryption\":\"none\",\"lifecycle_expiration\":["
                                                "{\"id\":\"r1\",\"prefix\":\"logs/\",\"status\":\"Enabled\","
                                                "\"expiration_days\":30},{\"id\":\"r2\",\"prefix\":\"\","
                                                "\"status\":\"Disabled\",\"expiration_days\":5}]}",
                                                &err),
                     DM_OK);

    dm_catalog_set_now(cat, "2026-02-20T00:00:00Z");
    int64_t hr = add_asset(cat, src, "hr", "eu-west-1");
    const char *hr_tags[] = {"Processing Activity", "Payroll", "Purpose of Processing", "Pay the staff",
                             "Data Subjects", "Employees", "Legal Basis", "Art. 6(1)(c) legal obligation",
                             "Security Measures", "Role-based access"};
    put_tags(cat, hr, "sidecar", hr_tags, 5);
    assert_int_equal(dm_catalog_asset_set_facts(cat, hr, "{\"encryption\":\"aws:kms\"}", &err), DM_OK);
    const char *hr_cols[] = {"name", "nhs_number", "email"};
    const char *hr_found[] = {"name", "PERSON_NAME", "nhs_number", "UK_NATIONAL_HEALTH_SERVICE_NUMBER", "email",
                              "EMAIL"};
    classify(cat, run, hr, "employees", hr_cols, 3, hr_found, 3);

    int64_t payroll = add_asset(cat, src, "payroll", "us-east-1");
    const char *pay_tags[] = {"PROCESSING_ACTIVITY", "Payroll", "purpose of processing", "Pay the staff",
                              "data subjects", "Employees", "legal basis", "Art. 6(1)(c) legal obligation",
                              "Retention", "10 years"};
    put_tags(cat, payroll, "store", pay_tags, 5);
    assert_int_equal(dm_catalog_asset_set_facts(cat, payroll, "{\"lifecycle_expiration_days\":365}", &err), DM_OK);
    const char *pay_cols[] = {"iban"};
    const char *pay_found[] = {"iban", "GERMANY_BANK_ACCOUNT"};
    classify(cat, run, payroll, "salaries", pay_cols, 1, pay_found, 1);

    int64_t hostile = add_asset(cat, src, "hostile&co", NULL);
    const char *hcols[] = {HOSTILE, "n\"o,te"};
    const char *hfound[] = {HOSTILE, "EMAIL", "n\"o,te", "PERSON_NAME"};
    classify(cat, run, hostile, "t<b>", hcols, 2, hfound, 2);

    int64_t fresh = add_asset(cat, src, "fresh", NULL);
    assert_int_equal(dm_catalog_asset_set_facts(cat, fresh, "{\"region\":\"ap-south-1\"}", &err), DM_OK);
    int64_t gone = add_asset(cat, src, "gone", NULL);
    const char *gone_tags[] = {"Processing Activity", "Old"};
    put_tags(cat, gone, "store", gone_tags, 1);
    int64_t keep[] = {crm, hr, payroll, hostile, add_asset(cat, src, "fresh", NULL)};
    size_t nv;
    assert_int_equal(dm_catalog_asset_mark_vanished(cat, src, keep, 5, &nv, &err), DM_OK);
    assert_int_equal(nv, 1);

    fx->cfg.threshold = -1;
    fx->cfg.controller_name = dm_xstrdup("Example Ltd");
    fx->cfg.controller_dpo = dm_xstrdup("Jane Doe <dpo@example.com>");
    dm_report_opts ro = {&fx->cfg, 1772323200};     /* 2026-03-01T00:00:00Z */
    assert_int_equal(dm_report_build(cat, &ro, &fx->r, &err), DM_OK);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    dm_report_free(fx->r);
    dm_config_free(&fx->cfg);
    dm_catalog_close(fx->cat);
    free(fx);
    return 0;
}

static const dm_report_activity *activity(const dm_report *r, const char *name)
{
    for (size_t i = 0; i < r->nactivities; i++)
        if (strcmp(r->activities[i].name, name) == 0)
            return &r->activities[i];
    fail_msg("no activity %s", name);
    return NULL;
}

static const dm_report_category *category(const dm_report_activity *a, const char *cat)
{
    for (size_t i = 0; i < a->ncategories; i++)
        if (strcmp(a->categories[i].category, cat) == 0)
            return &a->categories[i];
    return NULL;
}

static size_t count_gaps(const dm_report *r, dm_gap_kind k, const char *asset)
{
    size_t n = 0;
    for (size_t i = 0; i < r->ngaps; i++)
        if (r->gaps[i].kind == k && (asset == NULL || (r->gaps[i].asset && strcmp(r->gaps[i].asset, asset) == 0)))
            n++;
    return n;
}

static void test_model(void **state)
{
    const dm_report *r = ((fixture *)*state)->r;
    assert_string_equal(r->generated_at, "2026-03-01T00:00:00Z");
    /* (a) controller from the config */
    assert_string_equal(r->controller[DM_CTL_NAME].text, "Example Ltd");
    assert_int_equal(r->controller[DM_CTL_NAME].origin, DM_FROM_CONFIG);
    assert_string_equal(r->controller[DM_CTL_NAME].key, "controller.name");
    assert_null(r->controller[DM_CTL_CONTACT].text);

    assert_int_equal(r->nassets, 6);
    assert_int_equal(r->nlive, 5);
    assert_int_equal(r->nactivities, 3);
    assert_string_equal(r->activities[0].name, "CRM");
    assert_string_equal(r->activities[1].name, "Payroll");
    assert_string_equal(r->activities[2].name, "Unassigned");
    assert_true(r->activities[2].unassigned);

    /* Payroll: hr and payroll together, their keys spelled differently */
    const dm_report_activity *pay = activity(r, "Payroll");
    assert_int_equal(pay->nassets, 2);
    assert_string_equal(r->assets[pay->assets[0]].id, "s3/hr");
    assert_string_equal(r->assets[pay->assets[1]].id, "s3/payroll");
    const dm_report_values *purpose = &pay->fields[DM_FIELD_PURPOSE];
    assert_int_equal(purpose->n, 2);    /* one value, two spellings of the key: both kept with their origin */
    assert_string_equal(purpose->v[0].text, "Pay the staff");
    assert_int_equal(purpose->v[0].origin, DM_FROM_TAG);
    assert_string_equal(purpose->v[0].key, "Purpose of Processing");
    assert_string_equal(purpose->v[0].tag_origin, "sidecar");
    assert_int_equal(purpose->v[0].nassets, 1);
    assert_string_equal(purpose->v[0].assets[0], "s3/hr");
    assert_string_equal(purpose->v[1].key, "purpose of processing");
    assert_string_equal(purpose->v[1].assets[0], "s3/payroll");
    /* (e) transfers: the store in us-east-1 is outside the EEA (a fact), eu-west-1 is not */
    const dm_report_values *tr = &pay->fields[DM_FIELD_TRANSFERS];
    assert_int_equal(tr->n, 1);
    assert_int_equal(tr->v[0].origin, DM_FROM_FACT);
    assert_string_equal(tr->v[0].key, "region");
    assert_string_equal(tr->v[0].assets[0], "s3/payroll");
    assert_non_null(strstr(tr->v[0].text, "us-east-1"));
    assert_non_null(strstr(tr->v[0].text, "outside the EEA"));
    /* (f) retention: the tag and the lifecycle fact */
    const dm_report_values *ret = &pay->fields[DM_FIELD_RETENTION];
    assert_int_equal(ret->n, 2);
    assert_string_equal(ret->v[0].text, "10 years");
    assert_int_equal(ret->v[0].origin, DM_FROM_TAG);
    assert_string_equal(ret->v[1].text, "Objects expire after 365 days (lifecycle rule)");
    assert_int_equal(ret->v[1].origin, DM_FROM_FACT);
    assert_string_equal(ret->v[1].key, "lifecycle_expiration_days");
    /* (g) security: the tag and the encryption fact */
    const dm_report_values *sec = &pay->fields[DM_FIELD_SECURITY];
    assert_int_equal(sec->n, 2);
    assert_string_equal(sec->v[0].text, "Role-based access");
    assert_string_equal(sec->v[1].text, "Encryption at rest: aws:kms");
    assert_int_equal(sec->v[1].origin, DM_FROM_FACT);
    /* (c) categories from the detections, with entity types and columns */
    assert_int_equal(pay->ncategories, 4);
    const dm_report_category *health = category(pay, "user.health_and_medical");
    assert_non_null(health);
    assert_true(health->special);
    assert_string_equal(health->label, "Health and medical");
    assert_int_equal(health->nentities, 1);
    assert_string_equal(health->entities[0], "UK_NATIONAL_HEALTH_SERVICE_NUMBER");
    assert_int_equal(health->ncolumns, 1);
    assert_string_equal(r->columns[health->columns[0]].column, "nhs_number");
    assert_string_equal(r->columns[health->columns[0]].table, "employees");
    const dm_report_category *email = category(pay, "user.contact.email");
    assert_string_equal(email->label, "Contact details (email)");
    assert_false(email->special);
    assert_non_null(category(pay, "user.financial.bank_account"));
    assert_non_null(category(pay, "user.name"));

    /* Unassigned: the hostile asset and the never-classified one */
    const dm_report_activity *un = activity(r, "Unassigned");
    assert_int_equal(un->nassets, 2);
    assert_string_equal(r->assets[un->assets[0]].id, "s3/fresh");
    assert_string_equal(r->assets[un->assets[1]].id, "s3/hostile&co");
    assert_int_equal(un->fields[DM_FIELD_PURPOSE].n, 0);
    /* the region from the facts when the asset has none */
    assert_int_equal(un->fields[DM_FIELD_TRANSFERS].n, 1);
    assert_non_null(strstr(un->fields[DM_FIELD_TRANSFERS].v[0].text, "ap-south-1 (Mumbai, India), outside the EEA"));

    /* CRM: eu-central-1 is in the EEA; encryption "none" is no security
     * measure; only the enabled lifecycle rule is a retention */
    const dm_report_activity *crm = activity(r, "CRM");
    assert_int_equal(crm->fields[DM_FIELD_TRANSFERS].n, 0);
    assert_int_equal(crm->fields[DM_FIELD_SECURITY].n, 0);
    assert_int_equal(crm->fields[DM_FIELD_RETENTION].n, 1);
    assert_string_equal(crm->fields[DM_FIELD_RETENTION].v[0].text,
                        "Objects under 'logs/' expire after 30 days (lifecycle rule)");
    assert_string_equal(crm->fields[DM_FIELD_RETENTION].v[0].key, "lifecycle_expiration");
    assert_int_equal(crm->fields[DM_FIELD_RETENTION].v[0].origin, DM_FROM_FACT);

    /* columns: masked evidence kept, numbers as recorded */
    const dm_report_column *c = NULL;
    for (size_t i = 0; i < r->ncolumns; i++)
        if (strcmp(r->columns[i].column, HOSTILE) == 0)
            c = &r->columns[i];
    assert_non_null(c);
    assert_int_equal(c->matches, 90);
    assert_int_equal(c->sampled, 100);
    assert_string_equal(c->confidence, "high");
    assert_int_equal(c->nexamples, 1);
    assert_string_equal(c->examples[0], "j***@e***.com");
    assert_int_equal(r->ncolumns, 8);
    assert_int_equal(r->nspecial_columns, 1);
    assert_int_equal(r->npersonal_assets, 4);
}

static void test_gaps(void **state)
{
    const dm_report *r = ((fixture *)*state)->r;
    assert_int_equal(count_gaps(r, DM_GAP_NO_PURPOSE, "s3/hostile&co"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_NO_DATA_SUBJECTS, "s3/hostile&co"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_NO_LEGAL_BASIS, "s3/hostile&co"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_NO_SPECIAL_BASIS, "s3/hr"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_STALE, "s3/crm"), 1);     /* 59 days > 30 */
    assert_int_equal(count_gaps(r, DM_GAP_NEVER_CLASSIFIED, "s3/fresh"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_VANISHED, "s3/gone"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_NO_CONTROLLER, NULL), 0);
    /* a bucket with personal data and no region: asked for, not guessed */
    assert_int_equal(count_gaps(r, DM_GAP_NO_LOCATION, "s3/hostile&co"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_NO_LOCATION, NULL), 1);
    /* us-east-1 without a recorded safeguard; eu-central-1 needs none */
    assert_int_equal(count_gaps(r, DM_GAP_NO_SAFEGUARD, "s3/payroll"), 1);
    assert_int_equal(count_gaps(r, DM_GAP_NO_SAFEGUARD, NULL), 1);
    /* nothing else: tagged stores with personal data have no purpose gaps */
    assert_int_equal(r->ngaps, 9);
    for (size_t i = 0; i < r->ngaps; i++)
        if (r->gaps[i].kind == DM_GAP_NO_PURPOSE)
            assert_non_null(strstr(r->gaps[i].message, "'Purpose of Processing'"));

    /* stale_days from the config; a special-category basis closes that gap */
    fixture *fx = *state;
    dm_report *r2;
    dm_error err = {0};
    fx->cfg.report_stale_days = 90;
    const char *k[] = {"Special Category Basis"}, *v[] = {"Art. 9(2)(b) employment"};
    dm_asset_filter f = {NULL, "hr", false};
    dm_asset_rec *a;
    size_t n;
    assert_int_equal(dm_catalog_asset_list(fx->cat, &f, &a, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_int_equal(dm_catalog_tags_put(fx->cat, a[0].id, "config", k, v, 1, &err), DM_OK);
    dm_asset_list_free(a, n);
    /* a Region tag says where a store is; a Transfer Safeguards tag closes
     * the transfer gap */
    const char *rk[] = {"Region"}, *rv[] = {"eu-central-1"};
    const char *sk[] = {"transfer safeguards"}, *sv[] = {"SCCs (Decision 2021/914)"};
    f.name = "hostile&co";
    assert_int_equal(dm_catalog_asset_list(fx->cat, &f, &a, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_int_equal(dm_catalog_tags_put(fx->cat, a[0].id, "config", rk, rv, 1, &err), DM_OK);
    dm_asset_list_free(a, n);
    f.name = "payroll";
    assert_int_equal(dm_catalog_asset_list(fx->cat, &f, &a, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_int_equal(dm_catalog_tags_put(fx->cat, a[0].id, "config", sk, sv, 1, &err), DM_OK);
    dm_asset_list_free(a, n);
    dm_report_opts ro = {&fx->cfg, 1772323200};
    assert_int_equal(dm_report_build(fx->cat, &ro, &r2, &err), DM_OK);
    assert_int_equal(count_gaps(r2, DM_GAP_STALE, NULL), 0);
    assert_int_equal(count_gaps(r2, DM_GAP_NO_SPECIAL_BASIS, NULL), 0);
    assert_int_equal(count_gaps(r2, DM_GAP_NO_LOCATION, NULL), 0);
    assert_int_equal(count_gaps(r2, DM_GAP_NO_SAFEGUARD, NULL), 0);
    for (size_t i = 0; i < r2->nassets; i++)
        if (strcmp(r2->assets[i].name, "hostile&co") == 0)
            assert_string_equal(r2->assets[i].region, "eu-central-1");
    assert_int_equal(r2->ngaps, 5);
    assert_string_equal(activity(r2, "Payroll")->fields[DM_FIELD_SPECIAL_BASIS].v[0].tag_origin, "config");
    dm_report_free(r2);
    fx->cfg.report_stale_days = 0;
    /* no controller: a gap */
    free(fx->cfg.controller_name);
    fx->cfg.controller_name = NULL;
    assert_int_equal(dm_report_build(fx->cat, &ro, &r2, &err), DM_OK);
    assert_int_equal(count_gaps(r2, DM_GAP_NO_CONTROLLER, NULL), 1);
    dm_report_free(r2);
    fx->cfg.controller_name = dm_xstrdup("Example Ltd");
}

/* ---- writers ------------------------------------------------------------ */

static char *render(const dm_report *r, const char *fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dm_error err = {0};
    const dm_report_writer *w = dm_report_writer_find(fmt);
    assert_non_null(w);
    assert_int_equal(w->write(r, f, NULL, &err), DM_OK);
    fclose(f);
    return buf;
}

static void test_html(void **state)
{
    const dm_report *r = ((fixture *)*state)->r;
    char *h = render(r, "html");
    /* hostile names are text, never markup */
    assert_null(strstr(h, "<script"));
    assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(h, "s3/hostile&amp;co"));
    assert_null(strstr(h, "t<b>"));
    assert_non_null(strstr(h, "t&lt;b&gt;"));
    assert_non_null(strstr(h, "Jane Doe &lt;dpo@example.com&gt;"));
    /* self-contained: no external reference, inline SVG chart, CSP */
    assert_null(strstr(h, "src=\""));
    assert_null(strstr(h, "href=\"http"));
    assert_null(strstr(h, "@import"));
    assert_non_null(strstr(h, "<svg "));
    assert_non_null(strstr(h, "Content-Security-Policy"));
    /* sections and values with their origins */
    assert_non_null(strstr(h, "Record of processing activities"));
    assert_non_null(strstr(h, "<h3>2. Payroll</h3>"));
    assert_non_null(strstr(h, "Pay the staff<span class=\"origin\">tag &#39;Purpose of Processing&#39; (sidecar) on "
                              "s3/hr</span>"));
    assert_non_null(strstr(h, "Encryption at rest: aws:kms<span class=\"origin\">store fact &#39;encryption&#39; on "
                              "s3/hr</span>"));
    assert_non_null(strstr(h, "Health and medical (special category)"));
    assert_non_null(strstr(h, "Gaps (9)"));
    assert_non_null(strstr(h, "<td>vanished</td>"));
    assert_non_null(strstr(h, "j***@e***.com"));
    assert_non_null(strstr(h, "90 / 100</td><td>0.90</td><td>high"));
    free(h);
}

static void test_md(void **state)
{
    const dm_report *r = ((fixture *)*state)->r;
    char *m = render(r, "md");
    for (const char *p = m; (p = strchr(p, '<')) != NULL; p++)   /* every '<' from the catalog is escaped */
        assert_true(p > m && (p[-1] == '\\' || strncmp(p, "<sub>", 5) == 0 || strncmp(p, "</sub>", 6) == 0 ||
                              strncmp(p, "<br>", 4) == 0));
    assert_non_null(strstr(m, "\\<script\\>alert(1)\\</script\\>"));
    assert_non_null(strstr(m, "### 2. Payroll"));
    assert_non_null(strstr(m, "| 30(1)(b) | Purpose of processing | Pay the staff <sub>tag 'Purpose of Processing' "
                              "(sidecar) on s3/hr</sub>"));
    assert_non_null(strstr(m, "| Controller | Example Ltd | config controller.name |"));
    assert_non_null(strstr(m, "## Gaps (9)"));
    assert_non_null(strstr(m, "- **no_special_basis**: store s3/hr holds special\\-category") ?
                        m : strstr(m, "- **no_special_basis**: store s3/hr holds special-category"));
    free(m);
}

/* RFC 4180 reader for the test: rows of cells. */
typedef struct csv_doc {
    char *cells[64][32];
    size_t ncells[64];
    size_t nrows;
} csv_doc;

static void csv_parse(const char *s, csv_doc *d)
{
    memset(d, 0, sizeof *d);
    dm_buf cell = DM_BUF_INIT;
    size_t row = 0;
    while (*s) {
        bool quoted = *s == '"';
        if (quoted)
            s++;
        dm_buf_reset(&cell);
        for (;;) {
            if (quoted && *s == '"' && s[1] == '"') {
                dm_buf_putc(&cell, '"');
                s += 2;
            } else if (quoted && *s == '"') {
                s++;
                quoted = false;
            } else if (!quoted && (*s == ',' || *s == '\r' || *s == '\0')) {
                break;
            } else {
                assert_true(*s != '\0');
                dm_buf_putc(&cell, *s++);
            }
        }
        assert_true(row < 64 && d->ncells[row] < 32);
        d->cells[row][d->ncells[row]++] = dm_xstrdup(cell.data ? cell.data : "");
        if (*s == ',') {
            s++;
        } else if (*s == '\r') {
            assert_int_equal(s[1], '\n');
            s += 2;
            row++;
        }
    }
    d->nrows = row;
    dm_buf_free(&cell);
}

static void csv_free(csv_doc *d)
{
    for (size_t r = 0; r < 64; r++)
        for (size_t c = 0; c < d->ncells[r]; c++)
            free(d->cells[r][c]);
}

static const char *csv_get(const csv_doc *d, size_t row, const char *col)
{
    for (size_t c = 0; c < d->ncells[0]; c++)
        if (strcmp(d->cells[0][c], col) == 0)
            return d->cells[row][c];
    fail_msg("no column %s", col);
    return NULL;
}

static size_t csv_find(const csv_doc *d, const char *activity, const char *category)
{
    for (size_t r = 1; r < d->nrows; r++)
        if (strcmp(csv_get(d, r, "Processing activity"), activity) == 0 &&
            strcmp(csv_get(d, r, "Categories of personal data"), category) == 0)
            return r;
    fail_msg("no row %s x %s", activity, category);
    return 0;
}

static void test_csv(void **state)
{
    const dm_report *r = ((fixture *)*state)->r;
    char *s = render(r, "csv");
    csv_doc *d = dm_xcalloc(1, sizeof *d);
    csv_parse(s, d);
    /* header + CRM 2 categories + Payroll 4 + Unassigned 2 */
    assert_int_equal(d->nrows, 1 + 2 + 4 + 2);
    for (size_t i = 0; i < d->nrows; i++)
        assert_int_equal(d->ncells[i], d->ncells[0]);
    size_t h = csv_find(d, "Payroll", "Health and medical");
    assert_string_equal(csv_get(d, h, "Purpose of processing"), "Pay the staff");
    assert_string_equal(csv_get(d, h, "Controller"), "Example Ltd");
    assert_string_equal(csv_get(d, h, "Data protection officer"), "Jane Doe <dpo@example.com>");
    assert_string_equal(csv_get(d, h, "Categories of individuals"), "Employees");
    assert_string_equal(csv_get(d, h, "Data category (taxonomy)"), "user.health_and_medical");
    assert_string_equal(csv_get(d, h, "Entity types"), "UK_NATIONAL_HEALTH_SERVICE_NUMBER");
    assert_string_equal(csv_get(d, h, "Columns"), "s3/hr/employees.nhs_number");
    assert_string_equal(csv_get(d, h, "Special category data"), "yes");
    assert_string_equal(csv_get(d, h, "Retention schedule"),
                        "10 years; Objects expire after 365 days (lifecycle rule)");
    assert_string_equal(csv_get(d, h, "Security measures"), "Role-based access; Encryption at rest: aws:kms");
    assert_string_equal(csv_get(d, h, "Lawful basis (Art. 6)"), "Art. 6(1)(c) legal obligation");
    assert_string_equal(csv_get(d, h, "Special category condition (Art. 9)"), "");
    assert_string_equal(csv_get(d, h, "Source of the personal data (assets)"), "s3/hr (s3://hr)");
    assert_non_null(strstr(csv_get(d, h, "Third-country transfers"), "us-east-1"));
    assert_non_null(strstr(csv_get(d, h, "Origin of the values"), "purpose: tag 'Purpose of Processing' (sidecar)"));
    size_t c = csv_find(d, "CRM", "Contact details (phone number)");
    assert_string_equal(csv_get(d, c, "Categories of recipients"), "Support team");
    assert_string_equal(csv_get(d, c, "Source of the personal data (assets)"), "s3/crm (s3://crm)");
    /* quoting: the hostile names come back exactly */
    size_t n = csv_find(d, "Unassigned", "Name");
    assert_string_equal(csv_get(d, n, "Columns"), "s3/hostile&co/t<b>.n\"o,te");
    csv_free(d);
    free(d);
    free(s);

    /* BOM */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dm_error err = {0};
    assert_int_equal(dm_report_write_csv(r, f, &(dm_report_write_opts){.bom = true}, &err), DM_OK);
    fclose(f);
    assert_memory_equal(buf, "\xEF\xBB\xBFProcessing activity,", 23);
    free(buf);
}

static void test_json(void **state)
{
    const dm_report *r = ((fixture *)*state)->r;
    char *s = render(r, "json");
    json_error_t jerr;
    json_t *doc = json_loads(s, 0, &jerr);
    assert_non_null(doc);
    assert_string_equal(json_string_value(json_object_get(json_object_get(json_object_get(doc, "controller"), "name"),
                                                          "value")),
                        "Example Ltd");
    json_t *ov = json_object_get(doc, "overview");
    assert_int_equal(json_integer_value(json_object_get(ov, "assets")), 5);
    assert_int_equal(json_integer_value(json_object_get(ov, "gaps")), 9);
    json_t *acts = json_object_get(doc, "activities");
    assert_int_equal(json_array_size(acts), 3);
    json_t *pay = json_array_get(acts, 1);
    assert_string_equal(json_string_value(json_object_get(pay, "name")), "Payroll");
    json_t *sec = json_object_get(json_object_get(pay, "fields"), "security_measures");
    assert_int_equal(json_array_size(sec), 2);
    json_t *fact = json_array_get(sec, 1);
    assert_string_equal(json_string_value(json_object_get(fact, "origin")), "store fact");
    assert_string_equal(json_string_value(json_object_get(fact, "key")), "encryption");
    assert_string_equal(json_string_value(json_array_get(json_object_get(fact, "assets"), 0)), "s3/hr");
    json_t *cats = json_object_get(pay, "categories");
    assert_int_equal(json_array_size(cats), 4);
    json_t *gaps = json_object_get(doc, "gaps");
    assert_int_equal(json_array_size(gaps), 9);
    bool vanished = false, safeguard = false;
    size_t i;
    json_t *g;
    json_array_foreach(gaps, i, g)
    {
        if (strcmp(json_string_value(json_object_get(g, "kind")), "vanished") == 0)
            vanished = strcmp(json_string_value(json_object_get(g, "asset")), "s3/gone") == 0;
        if (strcmp(json_string_value(json_object_get(g, "kind")), "no_transfer_safeguard") == 0)
            safeguard = strstr(json_string_value(json_object_get(g, "message")), "us-east-1, outside the EEA") != NULL;
    }
    assert_true(safeguard);
    assert_true(vanished);
    bool hostile = false;
    json_array_foreach(json_object_get(doc, "columns"), i, g)
    {
        hostile |= strcmp(json_string_value(json_object_get(g, "column")), HOSTILE) == 0;
    }
    assert_true(hostile);
    json_decref(doc);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapping_default),
        cmocka_unit_test(test_mapping_config_override),
        cmocka_unit_test(test_categories_and_regions),
        cmocka_unit_test_setup_teardown(test_model, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gaps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html, setup, teardown),
        cmocka_unit_test_setup_teardown(test_md, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
