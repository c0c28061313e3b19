/*
 * Value vocabularies of the special-category and gender entities
 * (special_words.c), read once by entities/special.c into its phrase table.
 */
#ifndef DM_DETECT_ENTITIES_SPECIAL_WORDS_H
#define DM_DETECT_ENTITIES_SPECIAL_WORDS_H

/* The vocabulary entities, in the order of special.c's table. */
enum {
    DM_SP_HEALTH,
    DM_SP_ETHNIC,
    DM_SP_RELIGION,
    DM_SP_POLITICAL,
    DM_SP_UNION,
    DM_SP_SEXUAL,
    DM_SP_CRIMINAL,
    DM_SP_GENDER,
    DM_SP_NVOCAB
};

/* What a phrase is besides a value of an entity. */
#define DM_SPW_FILLER 0x1u      /* joins values ("of", "und", "type", "mg"): ignored between them */
#define DM_SPW_YESNO 0x2u       /* yes/no words: a whole cell of one counts (weak) under a telling name */
#define DM_SPW_CONVICT 0x4u     /* conviction / sentence words (CRIMINAL_RECORD) */
#define DM_SPW_OFFENCE 0x8u     /* offence words (CRIMINAL_RECORD) */

/* One list: phrases separated by '|', each folded the way special.c folds a
 * cell (lower-case ASCII, accents dropped, "ss" for ß, words joined by one
 * space). ent is DM_SP_* or -1 for lists that only carry flags; verdict is
 * DM_WEAK or DM_MEDIUM (entity.h) or 0. */
typedef struct dm_special_list {
    int ent;
    int verdict;
    unsigned flags;
    const char *phrases;
} dm_special_list;

extern const dm_special_list dm_special_lists[];    /* ends with {.phrases = NULL} */

#endif
