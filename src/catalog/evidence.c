/*
 * A finding's evidence: the array of masked examples, or the object of a
 * category-level finding (evidence.h).
 */
#include "catalog/evidence.h"

json_t *dm_evidence_parse(const char *evidence_json, json_t **members, json_t **category)
{
    json_t *ev = evidence_json ? json_loads(evidence_json, 0, NULL) : NULL;
    json_t *ex = NULL;
    if (members)
        *members = NULL;
    if (category)
        *category = NULL;
    if (json_is_array(ev)) {
        ex = json_incref(ev);
    } else if (json_is_object(ev)) {
        json_t *a = json_object_get(ev, "examples");
        json_t *m = json_object_get(ev, "members");
        json_t *c = json_object_get(ev, "category");
        if (json_is_array(a))
            ex = json_incref(a);
        if (members && json_is_array(m))
            *members = json_incref(m);
        if (category && json_is_string(c))
            *category = json_incref(c);
    }
    json_decref(ev);
    return ex ? ex : json_array();
}
