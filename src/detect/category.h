/*
 * Data categories
 *
 * Every entity belongs to one category of personal data, named as Fideslang
 * names them ("user.contact.email"). The report groups columns by category,
 * labels them ("Contact details (email)") and flags the special categories
 * of GDPR Art. 9 and 10. Entities name their category through these
 * constants, so a typo is a compile error rather than a new category in the
 * report; a unit test checks every entity's category is in dm_categories.
 */
#ifndef DM_DETECT_CATEGORY_H
#define DM_DETECT_CATEGORY_H

#include <stdbool.h>

#define DM_CAT_NAME                "user.name"
#define DM_CAT_EMAIL               "user.contact.email"
#define DM_CAT_PHONE               "user.contact.phone_number"
#define DM_CAT_ADDRESS             "user.contact.address"
#define DM_CAT_DATE_OF_BIRTH       "user.demographic.date_of_birth"
#define DM_CAT_GENDER              "user.demographic.gender"
#define DM_CAT_IP_ADDRESS          "user.device.ip_address"
#define DM_CAT_MAC_ADDRESS         "user.device.mac_address"
#define DM_CAT_BANK_ACCOUNT        "user.financial.bank_account"
#define DM_CAT_CREDIT_CARD         "user.financial.credit_card"
#define DM_CAT_NATIONAL_ID         "user.government_id.national_identification_number"
#define DM_CAT_TAX_ID              "user.government_id.tax_id"
#define DM_CAT_PASSPORT            "user.government_id.passport_number"
#define DM_CAT_DRIVERS_LICENSE     "user.government_id.drivers_license_number"
#define DM_CAT_VOTER_ID            "user.government_id.voter_id"
#define DM_CAT_VEHICLE_REGISTRATION "user.government_id.vehicle_registration"
#define DM_CAT_CREDENTIALS         "system.authentication"
/* Special categories (Art. 9) and criminal data (Art. 10) */
#define DM_CAT_HEALTH              "user.health_and_medical"
#define DM_CAT_GENETIC             "user.genetic"
#define DM_CAT_BIOMETRIC           "user.biometric"
#define DM_CAT_ETHNIC_ORIGIN       "user.demographic.race_ethnicity"
#define DM_CAT_RELIGIOUS_BELIEF    "user.demographic.religious_belief"
#define DM_CAT_POLITICAL_OPINION   "user.demographic.political_opinion"
#define DM_CAT_TRADE_UNION         "user.demographic.trade_union_membership"
#define DM_CAT_SEXUAL_ORIENTATION  "user.demographic.sexual_orientation"
#define DM_CAT_CRIMINAL_RECORD     "user.criminal_history"

typedef struct dm_category {
    const char *id;         /* one of the DM_CAT_ constants */
    bool special;           /* Art. 9 special category or Art. 10 criminal data */
} dm_category;

/* Every category above, terminated by an entry with id == NULL. */
extern const dm_category dm_categories[];

/* The category with this id, or NULL for one datamap does not define. */
const dm_category *dm_category_find(const char *id);

/* Whether a category (one of ours, or any string stored by an older version
 * or a user entity) is special: it is, or lies under, a special one. */
bool dm_category_special(const char *id);

#endif
