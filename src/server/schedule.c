/*
 * The schedule of `datamap serve`: slots from the config and what is due
 * (schedule.h).
 */
#include "server/schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"

/* The stage-wide defaults are the config table's (schedule.STAGE). */
const char *dm_schedule_default(const char *stage)
{
    for (int i = 0; i < DM_CONFIG_NSTAGES; i++) {
        if (strcmp(stage, dm_config_schedule_stages[i]) == 0) {
            char key[32];
            snprintf(key, sizeof key, "schedule.%s", stage);
            return dm_config_default(key);
        }
    }
    return NULL;
}

static dm_status add_slot(dm_schedule *s, int stage, const char *target, const char *expr, dm_error *err)
{
    if (strcasecmp(expr, "off") == 0)
        return DM_OK;
    dm_cron c;
    dm_status rc = dm_cron_parse(expr, &c, err);
    if (rc != DM_OK) {
        dm_error_prefix(err, "schedule %s %s", dm_config_schedule_stages[stage], target);
        return rc;
    }
    s->slots = dm_xrealloc(s->slots, (s->nslots + 1) * sizeof *s->slots);
    dm_schedule_slot *slot = &s->slots[s->nslots++];
    memset(slot, 0, sizeof *slot);
    slot->stage = dm_config_schedule_stages[stage];
    slot->target = dm_xstrdup(target);
    snprintf(slot->kind, sizeof slot->kind, "schedule_%s", slot->stage);
    slot->expr = dm_xstrdup(expr);
    slot->cron = c;
    return DM_OK;
}

dm_status dm_schedule_new(const dm_config *cfg, dm_schedule **out, dm_error *err)
{
    dm_schedule *s = dm_xcalloc(1, sizeof *s);
    dm_status rc = DM_OK;
    *out = NULL;
    if (cfg != NULL && cfg->schedule_timezone != NULL &&
        (rc = dm_tz_load(cfg->schedule_timezone, &s->tz, err)) != DM_OK)
        goto out;
    const char *stage_expr[DM_CONFIG_NSTAGES] = {NULL, NULL, NULL, NULL};
    if (cfg != NULL) {
        stage_expr[0] = cfg->schedule_discover;
        stage_expr[1] = cfg->schedule_crawl;
        stage_expr[2] = cfg->schedule_classify;
        stage_expr[3] = cfg->schedule_tags;
    }
    for (int i = 0; i < DM_CONFIG_NSTAGES && rc == DM_OK; i++)
        rc = add_slot(s, i, "all", stage_expr[i] ? stage_expr[i] : dm_schedule_default(dm_config_schedule_stages[i]), err);
    for (size_t k = 0; cfg != NULL && k < cfg->nschedule_sources && rc == DM_OK; k++) {
        const dm_config_source_schedule *src = &cfg->schedule_sources[k];
        for (int i = 0; i < DM_CONFIG_NSTAGES && rc == DM_OK; i++)
            if (src->stage[i] != NULL)
                rc = add_slot(s, i, src->source, src->stage[i], err);
    }
out:
    if (rc != DM_OK)
        dm_schedule_free(s);
    else
        *out = s;
    return rc;
}

void dm_schedule_free(dm_schedule *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->nslots; i++) {
        free(s->slots[i].target);
        free(s->slots[i].expr);
    }
    free(s->slots);
    dm_tz_free(s->tz);
    free(s);
}

size_t dm_schedule_due(const dm_schedule *s, const int64_t *last, int64_t now, bool *due)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nslots; i++) {
        due[i] = dm_cron_due_tz(&s->slots[i].cron, s->tz, last[i], now);
        n += due[i];
    }
    return n;
}

bool dm_schedule_source_owns(const dm_config *cfg, const char *stage, const char *source)
{
    if (cfg == NULL || source == NULL)
        return false;
    int i = 0;
    while (dm_config_schedule_stages[i] && strcmp(dm_config_schedule_stages[i], stage) != 0)
        i++;
    if (dm_config_schedule_stages[i] == NULL)
        return false;
    for (size_t k = 0; k < cfg->nschedule_sources; k++)
        if (strcmp(cfg->schedule_sources[k].source, source) == 0)
            return cfg->schedule_sources[k].stage[i] != NULL;
    return false;
}
