/*
 * Identity documents without a published check: driving licences and
 * passports of the countries not covered by their region's file. Format only,
 * so every match is weak and counts only under the country's own column
 * names (entity.h).
 */
#include "detect/entity.h"

const dm_entity_def dm_entities_documents[] = {
    {.name = NULL},
};
