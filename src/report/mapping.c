/*
 * Tag-key mapping, readable data categories, special categories and the EEA
 * (see report.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "detect/category.h"
#include "report/report.h"

#define KEY_MAX 128
#define MAX_DEFAULT_KEYS 6

typedef struct field_def {
    const char *name;       /* config name, as dm_config_tag_fields */
    const char *title;
    const char *keys[MAX_DEFAULT_KEYS + 1];     /* default tag keys; the reference's first */
} field_def;

static const field_def fields[DM_FIELD_COUNT] = {
    [DM_FIELD_PURPOSE] = {"purpose", "Purpose of processing",
                          {"Purpose of Processing", "Purpose", "Purposes", "Processing Purpose", NULL}},
    [DM_FIELD_DATA_SUBJECTS] = {"data_subjects", "Categories of data subjects",
                                {"Data Subjects", "Data Subject Categories", "Categories of Data Subjects",
                                 "Categories of Individuals", NULL}},
    [DM_FIELD_ACTIVITY] = {"processing_activity", "Processing activity", {"Processing Activity", NULL}},
    [DM_FIELD_BUSINESS_FUNCTION] = {"business_function", "Business function",
                                    {"Business Function", "Department", NULL}},
    [DM_FIELD_APP_NAME] = {"app_name", "Application", {"APP_NAME", "Application", "Application Name", NULL}},
    [DM_FIELD_APP_ID] = {"app_id", "Application id", {"APP_ID", "Application ID", NULL}},
    [DM_FIELD_RECIPIENTS] = {"recipients", "Categories of recipients",
                             {"Data Consumers", "Recipients", "Data Consumers / Recipients", "Data Recipients",
                              "Categories of Recipients", NULL}},
    [DM_FIELD_RETENTION] = {"retention", "Retention (time limits for erasure)",
                            {"Retention", "Retention Period", "Retention Schedule", NULL}},
    [DM_FIELD_LEGAL_BASIS] = {"legal_basis", "Lawful basis (Art. 6)", {"Legal Basis", "Lawful Basis", NULL}},
    [DM_FIELD_TRANSFERS] = {"transfers", "Transfers to third countries",
                            {"Third Country Transfers", "International Transfers", "Transfers", NULL}},
    [DM_FIELD_SAFEGUARDS] = {"transfer_safeguards", "Safeguards for transfers",
                             {"Transfer Safeguards", "Safeguards", NULL}},
    [DM_FIELD_SECURITY] = {"security_measures", "Security measures (Art. 32)", {"Security Measures", NULL}},
    [DM_FIELD_SPECIAL_BASIS] = {"special_category_basis", "Special category condition (Art. 9)",
                                {"Special Category Basis", "Special Category Condition", "Article 9 Basis",
                                 "Art 9 Basis", NULL}},
};

struct dm_tag_mapping {
    char **keys[DM_FIELD_COUNT];    /* as written, NULL-terminated */
    char **folded[DM_FIELD_COUNT];
    size_t nkeys[DM_FIELD_COUNT];
};

size_t dm_tag_key_fold(const char *key, char *out, size_t outsz)
{
    size_t n = 0;
    if (outsz == 0)
        return 0;
    for (const unsigned char *p = (const unsigned char *)key; *p && n + 1 < outsz; p++) {
        if (*p >= 0x80 || isalnum(*p))     /* UTF-8 bytes kept as they are */
            out[n++] = (char)tolower(*p);
    }
    out[n] = '\0';
    return n;
}

const char *dm_report_field_name(dm_report_field f)
{
    return f < DM_FIELD_COUNT ? fields[f].name : "?";
}

const char *dm_report_field_title(dm_report_field f)
{
    return f < DM_FIELD_COUNT ? fields[f].title : "?";
}

static void set_keys(dm_tag_mapping *m, dm_report_field f, const char *const *keys, size_t n)
{
    m->keys[f] = dm_xcalloc(n + 1, sizeof(char *));
    m->folded[f] = dm_xcalloc(n + 1, sizeof(char *));
    m->nkeys[f] = n;
    for (size_t i = 0; i < n; i++) {
        char buf[KEY_MAX];
        dm_tag_key_fold(keys[i], buf, sizeof buf);
        m->keys[f][i] = dm_xstrdup(keys[i]);
        m->folded[f][i] = dm_xstrdup(buf);
    }
}

dm_status dm_tag_mapping_new(const dm_config *cfg, dm_tag_mapping **out, dm_error *err)
{
    dm_tag_mapping *m = dm_xcalloc(1, sizeof *m);
    *out = NULL;
    for (size_t i = 0; cfg && i < cfg->ntag_mapping; i++) {
        const dm_config_tag_map *e = &cfg->tag_mapping[i];
        int f = -1;
        for (int k = 0; k < DM_FIELD_COUNT && f < 0; k++)
            if (strcmp(fields[k].name, e->field) == 0)
                f = k;
        if (f < 0) {
            dm_tag_mapping_free(m);
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown key 'tag_mapping.%s'",
                           cfg->path ? cfg->path : "config", e->line, e->field);
        }
        if (m->keys[f] == NULL)
            set_keys(m, (dm_report_field)f, (const char *const *)e->keys, e->nkeys);
    }
    for (int f = 0; f < DM_FIELD_COUNT; f++) {
        if (m->keys[f] == NULL) {
            size_t n = 0;
            while (fields[f].keys[n])
                n++;
            set_keys(m, (dm_report_field)f, fields[f].keys, n);
        }
    }
    *out = m;
    return DM_OK;
}

void dm_tag_mapping_free(dm_tag_mapping *m)
{
    if (m == NULL)
        return;
    for (int f = 0; f < DM_FIELD_COUNT; f++) {
        for (size_t i = 0; i < m->nkeys[f]; i++) {
            free(m->keys[f][i]);
            free(m->folded[f][i]);
        }
        free(m->keys[f]);
        free(m->folded[f]);
    }
    free(m);
}

int dm_tag_mapping_field(const dm_tag_mapping *m, const char *key)
{
    char buf[KEY_MAX];
    if (dm_tag_key_fold(key, buf, sizeof buf) == 0)
        return -1;
    for (int f = 0; f < DM_FIELD_COUNT; f++)
        for (size_t i = 0; i < m->nkeys[f]; i++)
            if (strcmp(m->folded[f][i], buf) == 0)
                return f;
    return -1;
}

const char *const *dm_tag_mapping_keys(const dm_tag_mapping *m, dm_report_field f, size_t *n)
{
    *n = f < DM_FIELD_COUNT ? m->nkeys[f] : 0;
    return f < DM_FIELD_COUNT ? (const char *const *)m->keys[f] : NULL;
}

/* ---- categories ------------------------------------------------------- */

/* Whether category is prefix or starts with prefix + "." */
static bool under(const char *category, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(category, prefix, n) == 0 && (category[n] == '\0' || category[n] == '.');
}

static const struct {
    const char *prefix, *group;
} groups[] = {
    {"user.contact", "Contact details"},
    {"user.name", "Name"},
    {"user.government_id", "Government identifiers"},
    {"user.financial", "Financial"},
    {"user.device", "Device identifiers"},
    {"user.demographic", "Demographic"},
    {"user.health_and_medical", "Health and medical"},
    {"user.biometric", "Biometric"},
    {"user.genetic", "Genetic"},
    {"user.criminal_history", "Criminal history"},
    {"user.location", "Location"},
    {"user.account", "Account"},
    {"user.behavior", "Behaviour"},
    {"user.content", "User content"},
    {"user.authorization", "Authentication credentials"},
    {"system.authentication", "Authentication credentials (system)"},
    {"user", "Personal data"},
};

/* Append s with '_' and '.' as spaces. */
static size_t humanize(const char *s, char *buf, size_t at, size_t bufsz)
{
    for (; *s && at + 1 < bufsz; s++)
        buf[at++] = (*s == '_' || *s == '.') ? ' ' : *s;
    buf[at < bufsz ? at : bufsz - 1] = '\0';
    return at;
}

const char *dm_report_category_label(const char *category, char *buf, size_t bufsz)
{
    if (bufsz == 0)
        return "";
    if (category == NULL || *category == '\0') {
        snprintf(buf, bufsz, "Unknown category");
        return buf;
    }
    for (size_t i = 0; i < sizeof groups / sizeof *groups; i++) {
        if (!under(category, groups[i].prefix))
            continue;
        const char *rest = category + strlen(groups[i].prefix);
        if (*rest == '\0') {
            snprintf(buf, bufsz, "%s", groups[i].group);
        } else {
            int n = snprintf(buf, bufsz, "%s (", groups[i].group);
            size_t at = n < 0 ? 0 : (size_t)n < bufsz ? (size_t)n : bufsz - 1;
            at = humanize(rest + 1, buf, at, bufsz);
            if (at + 2 <= bufsz) {
                buf[at++] = ')';
                buf[at] = '\0';
            }
        }
        return buf;
    }
    humanize(category, buf, 0, bufsz);
    return buf;
}

bool dm_report_category_special(const char *category)
{
    return dm_category_special(category);
}

/* ---- regions ---------------------------------------------------------- */

/* The EEA: the 27 EU member states (europa.eu, "EU countries", since
 * 2020-02-01) and Iceland, Liechtenstein and Norway (EEA Agreement, the
 * EFTA states that are parties). ISO 3166-1 alpha-2; Greece is GR (the EU
 * writes EL, also accepted). */
static const char eea[][3] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
                              "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
                              "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"};

/* AWS regions and where they are (AWS "Regions and Availability Zones"). */
static const struct {
    const char *region, *country, *place;
} aws_regions[] = {
    {"eu-west-1", "IE", "Ireland"},
    {"eu-west-2", "GB", "London, United Kingdom"},
    {"eu-west-3", "FR", "Paris, France"},
    {"eu-central-1", "DE", "Frankfurt, Germany"},
    {"eu-central-2", "CH", "Zurich, Switzerland"},
    {"eu-north-1", "SE", "Stockholm, Sweden"},
    {"eu-south-1", "IT", "Milan, Italy"},
    {"eu-south-2", "ES", "Aragon, Spain"},
    {"us-east-1", "US", "N. Virginia, United States"},
    {"us-east-2", "US", "Ohio, United States"},
    {"us-west-1", "US", "N. California, United States"},
    {"us-west-2", "US", "Oregon, United States"},
    {"us-gov-east-1", "US", "GovCloud, United States"},
    {"us-gov-west-1", "US", "GovCloud, United States"},
    {"ca-central-1", "CA", "Canada"},
    {"ca-west-1", "CA", "Calgary, Canada"},
    {"sa-east-1", "BR", "Sao Paulo, Brazil"},
    {"mx-central-1", "MX", "Mexico"},
    {"ap-south-1", "IN", "Mumbai, India"},
    {"ap-south-2", "IN", "Hyderabad, India"},
    {"ap-east-1", "HK", "Hong Kong"},
    {"ap-northeast-1", "JP", "Tokyo, Japan"},
    {"ap-northeast-2", "KR", "Seoul, South Korea"},
    {"ap-northeast-3", "JP", "Osaka, Japan"},
    {"ap-southeast-1", "SG", "Singapore"},
    {"ap-southeast-2", "AU", "Sydney, Australia"},
    {"ap-southeast-3", "ID", "Jakarta, Indonesia"},
    {"ap-southeast-4", "AU", "Melbourne, Australia"},
    {"ap-southeast-5", "MY", "Malaysia"},
    {"me-south-1", "BH", "Bahrain"},
    {"me-central-1", "AE", "United Arab Emirates"},
    {"il-central-1", "IL", "Tel Aviv, Israel"},
    {"af-south-1", "ZA", "Cape Town, South Africa"},
    {"cn-north-1", "CN", "Beijing, China"},
    {"cn-northwest-1", "CN", "Ningxia, China"},
};

static bool code_in_eea(const char *cc)
{
    for (size_t i = 0; i < sizeof eea / sizeof *eea; i++)
        if (strcasecmp(eea[i], cc) == 0)
            return true;
    return false;
}

bool dm_report_region_in_eea(const char *region, bool *known, const char **place)
{
    *known = false;
    *place = NULL;
    if (region == NULL || *region == '\0')
        return false;
    for (size_t i = 0; i < sizeof aws_regions / sizeof *aws_regions; i++) {
        if (strcasecmp(aws_regions[i].region, region) == 0) {
            *known = true;
            *place = aws_regions[i].place;
            return code_in_eea(aws_regions[i].country);
        }
    }
    if (strlen(region) == 2 && isalpha((unsigned char)region[0]) && isalpha((unsigned char)region[1])) {
        *known = true;
        return code_in_eea(region);
    }
    /* AWS regions not in the table yet: only the eu- prefix is ambiguous
     * (London and Zurich are eu- regions outside the EEA) */
    static const char *const outside[] = {"us-", "ca-", "sa-", "ap-", "me-", "af-", "il-", "cn-", "mx-"};
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        if (strncasecmp(region, outside[i], 3) == 0) {
            *known = true;
            return false;
        }
    }
    return false;
}
