#include "detect/category.h"

#include <stddef.h>
#include <string.h>

const dm_category dm_categories[] = {
    {DM_CAT_NAME, false},
    {DM_CAT_EMAIL, false},
    {DM_CAT_PHONE, false},
    {DM_CAT_ADDRESS, false},
    {DM_CAT_DATE_OF_BIRTH, false},
    {DM_CAT_GENDER, false},
    {DM_CAT_IP_ADDRESS, false},
    {DM_CAT_MAC_ADDRESS, false},
    {DM_CAT_BANK_ACCOUNT, false},
    {DM_CAT_CREDIT_CARD, false},
    {DM_CAT_NATIONAL_ID, false},
    {DM_CAT_TAX_ID, false},
    {DM_CAT_PASSPORT, false},
    {DM_CAT_DRIVERS_LICENSE, false},
    {DM_CAT_VOTER_ID, false},
    {DM_CAT_VEHICLE_REGISTRATION, false},
    {DM_CAT_CREDENTIALS, false},
    {DM_CAT_HEALTH, true},
    {DM_CAT_GENETIC, true},
    {DM_CAT_BIOMETRIC, true},
    {DM_CAT_ETHNIC_ORIGIN, true},
    {DM_CAT_RELIGIOUS_BELIEF, true},
    {DM_CAT_POLITICAL_OPINION, true},
    {DM_CAT_TRADE_UNION, true},
    {DM_CAT_SEXUAL_ORIENTATION, true},
    {DM_CAT_CRIMINAL_RECORD, true},
    {NULL, false},
};

const dm_category *dm_category_find(const char *id)
{
    for (const dm_category *c = dm_categories; id && c->id; c++)
        if (strcmp(c->id, id) == 0)
            return c;
    return NULL;
}

/* Categories that earlier versions (and Fideslang's older taxonomy) wrote
 * without the "demographic" level: still special when read back. */
static const char *const special_legacy[] = {
    "user.race_ethnicity", "user.religious_belief", "user.political_opinion",
    "user.sexual_orientation", "user.trade_union_membership",
};

static bool under(const char *id, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(id, prefix, n) == 0 && (id[n] == '\0' || id[n] == '.');
}

bool dm_category_special(const char *id)
{
    if (id == NULL)
        return false;
    for (const dm_category *c = dm_categories; c->id; c++)
        if (c->special && under(id, c->id))
            return true;
    for (size_t i = 0; i < sizeof special_legacy / sizeof *special_legacy; i++)
        if (under(id, special_legacy[i]))
            return true;
    return false;
}
