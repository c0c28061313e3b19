/*
 * Column-name words in many languages (names_i18n.c): added to the
 * entities' hints and antihints when the engine is built.
 */
#ifndef DM_DETECT_NAMES_I18N_H
#define DM_DETECT_NAMES_I18N_H

#include <stdbool.h>

typedef struct dm_name_words {
    const char *entity;             /* an entity's name, or NULL: ... */
    const char *category;           /* ... every entity of this category (DM_CAT_) */
    bool against;                   /* the words speak against the entity */
    const char *const *words;       /* NULL-terminated */
} dm_name_words;

/* Terminated by a row with words == NULL. */
extern const dm_name_words dm_name_words_table[];

#endif
