/* Placeholder until this region's entities land: an empty table. */
#include "detect/entity.h"

const dm_entity_def dm_entities_uk[] = {
    {0},
};
