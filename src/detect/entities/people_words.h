/*
 * Word lists of the people entities (people_words.c), read by
 * entities/people.c when it builds its lexicon.
 */
#ifndef DM_DETECT_ENTITIES_PEOPLE_WORDS_H
#define DM_DETECT_ENTITIES_PEOPLE_WORDS_H

extern const char *const dm_people_stop[];
extern const char *const dm_people_company[];
extern const char *const dm_people_street_words[];
extern const char *const dm_people_title[];
extern const char *const dm_people_greeting[];
extern const char *const dm_people_suffix[];
extern const char *const dm_people_particle[];
extern const char *const dm_people_city[];
extern const char *const dm_people_common[];
extern const char *const dm_people_unit[];
extern const char *const dm_people_product[];
extern const char *const dm_people_number_prefix[];
extern const char *const dm_people_street_en[];
extern const char *const dm_people_street_en_ambig[];
extern const char *const dm_people_street_fr[];
extern const char *const dm_people_street_fr_ambig[];
extern const char *const dm_people_street_south[];
extern const char *const dm_people_street_south_ambig[];
extern const char *const dm_people_street_de[];
extern const char *const dm_people_glued_suffix[];
extern const char *const dm_people_vocab[];
extern const char *const dm_people_building[];
extern const char *const dm_people_place_first[];
extern const char *const dm_people_place_join[];
extern const char *const dm_people_conj[];
extern const char *const dm_people_legal_dotted[];

typedef struct dm_people_month_word {
    const char *w;
    int m;                  /* 1-12 */
} dm_people_month_word;

/* Month names and abbreviations, EN DE FR ES IT NL; ends with {NULL, 0}. */
extern const dm_people_month_word dm_people_month[];

#endif
