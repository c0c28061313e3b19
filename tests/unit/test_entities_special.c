/*
 * Special categories and gender (src/detect/entities/special.c): ICD-10
 * codes, blood groups, the vocabularies per language, yes/no columns under
 * telling names, rsIDs, biometric templates; then the hard negatives each
 * must leave alone (product codes, seats, grades, colours, nationalities,
 * risk profiles, insurance claims, clothing sizes, ports, hashes, tokens,
 * free text, flags without a telling name).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entity.h"
#include "entity_testlib.h"

#define HAS(col, cells, name) column_has(col, cells, COUNT_OF(cells), name)

typedef struct emits {
    dm_verdict v[8];
    size_t start[8], end[8];
    int n;
} emits;

static void collect(void *ctx, dm_verdict verdict, size_t start, size_t end)
{
    emits *e = ctx;
    if (e->n < 8) {
        e->v[e->n] = verdict;
        e->start[e->n] = start;
        e->end[e->n] = end;
        e->n++;
    }
}

static emits run_find(const char *name, const char *cell)
{
    emits e = {0};
    const dm_entity_def *d = entity(name);
    if (d->init)
        d->init();
    d->find(cell, strlen(cell), collect, &e);
    return e;
}

static bool ours(const dm_entity_def *e)
{
    return in_table(dm_entities_special, e);
}

/* No special-category or gender type in a column of these cells. */
static void none_of_ours(const char *col, const char *const *cells, size_t n)
{
    dm_detection det[32];
    size_t nd = classify(col, cells, n, det, 32);
    for (size_t i = 0; i < nd; i++)
        if (ours(det[i].entity))
            fail_msg("column '%s' (first cell '%s') classified as %s (%.2f)", col, cells[0], det[i].entity->name,
                     det[i].ratio);
}
#define NONE(col, cells) none_of_ours(col, cells, COUNT_OF(cells))

/* ---- HEALTH: ICD-10 --------------------------------------------------------------- */

/* HEALTH's own verdict on a cell (its finder also reports for the family). */
static dm_verdict health(const char *cell)
{
    emits e = run_find("HEALTH", cell);
    for (int i = 0; i < e.n; i++)
        if (((unsigned)e.v[i] >> 8) == 0)
            return e.v[i];
    return DM_NO;
}

static void test_icd_codes(void **state)
{
    (void)state;
    assert_int_equal(health("E11.9"), DM_MEDIUM);
    assert_int_equal(health("F32.1"), DM_MEDIUM);
    assert_int_equal(health("F32.10"), DM_MEDIUM);
    assert_int_equal(health("S72.001A"), DM_MEDIUM);     /* ICD-10-CM 7th character */
    assert_int_equal(health("C50.9"), DM_MEDIUM);
    assert_int_equal(health("J45"), DM_WEAK);            /* undotted: seats look the same */
    assert_int_equal(health("V10.2"), DM_WEAK);          /* external causes; versions */
    assert_int_equal(health("U07.1"), DM_WEAK);
    /* categories outside the chapter ranges */
    const char *no[] = {"A10", "A10.1", "A12.0", "A29.1", "B13.0", "B84.1", "C98.1", "D95.1", "E95.1", "H97.1",
                        "K97.1", "P97.1", "T99.1", "U86.0", "V00.1", "e11.9", "E11.9a"};
    for (size_t i = 0; i < COUNT_OF(no); i++)
        if (health(no[i]) != DM_NO)
            fail_msg("'%s' taken for an ICD-10 code", no[i]);
    /* a piece of a longer dotted number */
    assert_int_equal(health("E11.9.3"), DM_NO);
    assert_int_equal(health("E12-XL"), DM_NO);
    /* a code and its label */
    assert_int_equal(health("E11.9 Type 2 diabetes mellitus without complications"), DM_MEDIUM);
}

static void test_icd_columns(void **state)
{
    (void)state;
    const char *dotted[] = {"E11.9", "I10.0", "J45.9", "F32.1", "K21.0", "M54.5", "N39.0", "C50.9", "G43.9", "E78.5"};
    assert_true(HAS("code", dotted, "HEALTH"));             /* mostly codes: no name needed */
    assert_true(HAS("diagnose", dotted, "HEALTH"));
    const char *undotted[] = {"J45", "E11", "I10", "F32", "K21", "M54", "N39", "C50"};
    assert_true(HAS("diagnosis", undotted, "HEALTH"));
    assert_true(HAS("diagnóstico", undotted, "HEALTH"));
    assert_true(HAS("ICD10_CODE", undotted, "HEALTH"));

    /* hard negatives: seats, product codes, SKUs, grid squares, hex, versions */
    const char *seats[] = {"E12", "A10", "C07", "B22", "D14", "F03", "E11", "A12"};
    NONE("seat", seats);
    NONE("code", seats);
    NONE("value", seats);
    const char *skus[] = {"A10", "E12-XL", "B2205", "C07", "X99", "K12", "E119", "J450"};
    NONE("sku", skus);
    NONE("product_code", skus);
    const char *grid[] = {"B12", "C7", "D14", "H08", "J45", "K3", "A1", "G22"};
    NONE("grid_ref", grid);
    const char *hex[] = {"E119", "A12F", "C0FFEE", "DEAD", "B33F", "F00D"};
    NONE("hash", hex);
    const char *versions[] = {"V10.2", "V11.0", "V12.1", "V10.3", "V11.4", "V12.0"};
    NONE("version", versions);
    NONE("value", versions);
    /* one code among product text proves nothing */
    const char *lone[] = {"A10", "widget", "gadget", "sprocket", "flange", "bolt", "nut", "washer", "gear", "cog"};
    NONE("product", lone);
    /* dotted look-alikes under a product name are only weak */
    const char *dotted_products[] = {"E11.9", "I10.0", "J45.9", "F32.1"};
    NONE("product_code", dotted_products);
}

/* ---- HEALTH: vocabularies, blood groups -------------------------------------------- */

static void test_health_words(void **state)
{
    (void)state;
    const char *en[] = {"Type 2 diabetes", "Asthma", "Hypertension", "Migraine", "COPD", "Depression"};
    assert_true(HAS("diagnosis", en, "HEALTH"));
    assert_true(HAS("condition_name", en, "HEALTH"));
    assert_true(HAS("field_3", en, "HEALTH"));              /* mostly distinctive words */
    const char *de[] = {"Diabetes mellitus Typ 2", "Bluthochdruck", "Asthma", "Migräne", "Herzinfarkt"};
    assert_true(HAS("Diagnose", de, "HEALTH"));
    assert_true(HAS("Erkrankung", de, "HEALTH"));
    const char *fr[] = {"diabète de type 2", "asthme", "hypertension", "migraine", "épilepsie"};
    assert_true(HAS("maladie", fr, "HEALTH"));
    const char *es[] = {"diabetes tipo 2", "asma", "hipertensión", "migraña", "depresión"};
    assert_true(HAS("diagnóstico", es, "HEALTH"));
    const char *it[] = {"diabete di tipo 2", "asma", "ipertensione", "emicrania", "depressione"};
    assert_true(HAS("diagnosi", it, "HEALTH"));
    const char *pt[] = {"diabetes tipo 2", "asma", "hipertensão", "enxaqueca", "depressão"};
    assert_true(HAS("doença", pt, "HEALTH"));
    const char *nl[] = {"suikerziekte", "astma", "hoge bloeddruk", "migraine", "depressie"};
    assert_true(HAS("ziekte", nl, "HEALTH"));
    const char *pl[] = {"cukrzyca", "astma", "nadciśnienie", "migrena", "depresja"};
    assert_true(HAS("choroba", pl, "HEALTH"));
    const char *tr[] = {"diyabet", "astım", "hipertansiyon", "migren", "depresyon"};
    assert_true(HAS("hastalık", tr, "HEALTH"));
    const char *hi[] = {"madhumeh", "dama", "raktchap", "tapedik", "mirgi"};
    assert_true(HAS("bimari", hi, "HEALTH"));
    const char *meds[] = {"Metformin 500 mg", "Atorvastatin 20mg", "Ibuprofen 400 mg", "Insulin", "Salbutamol"};
    assert_true(HAS("medication", meds, "HEALTH"));
    assert_true(HAS("col_7", meds, "HEALTH"));
    const char *allergies[] = {"penicillin allergy", "peanuts", "NKDA", "lactose intolerance", "latex", "pollen"};
    assert_true(HAS("allergies", allergies, "HEALTH"));
    /* flags under telling names */
    const char *yn[] = {"yes", "no", "no", "yes", "no"};
    assert_true(HAS("smoker", yn, "HEALTH"));
    assert_true(HAS("hiv_positive", yn, "HEALTH"));
    const char *bits[] = {"1", "0", "0", "1", "0"};

    /* hard negatives */
    const char *zodiac[] = {"Cancer", "Leo", "Virgo", "Libra", "Aries", "Pisces"};
    NONE("zodiac_sign", zodiac);
    const char *pharmacy[] = {"Ibuprofen 400mg", "Paracetamol 500 mg", "Aspirin", "Cetirizine", "Loratadine"};
    NONE("product_name", pharmacy);                  /* a shop's catalogue is no patient */
    const char *notes[] = {
        "Patient reports mild asthma since childhood, no medication needed at the moment, review in 6 months.",
        "Spoke with the customer about the delivery, all fine.", "Called back about invoice 2231."};
    NONE("notes", notes);
    NONE("active", yn);
    NONE("flag", bits);
}

static void test_blood_groups(void **state)
{
    (void)state;
    const char *groups[] = {"A+", "O+", "B-", "AB+", "O-", "A-", "0 Rh+", "AB Rh-", "B pos", "O neg"};
    assert_true(HAS("blood_group", groups, "HEALTH"));
    assert_true(HAS("Blutgruppe", groups, "HEALTH"));
    assert_true(HAS("groupe_sanguin", groups, "HEALTH"));
    assert_true(HAS("grupo_sanguíneo", groups, "HEALTH"));
    assert_true(HAS("gruppo_sanguigno", groups, "HEALTH"));
    assert_true(HAS("bloedgroep", groups, "HEALTH"));
    assert_true(HAS("grupa_krwi", groups, "HEALTH"));
    assert_true(HAS("kan_grubu", groups, "HEALTH"));
    const char *rh[] = {"0 Rh positiv", "A Rh negativ", "AB RhD positive", "B Rh+", "0 Rh-"};
    assert_true(HAS("value", rh, "HEALTH"));
    /* school grades: no O, no AB */
    const char *grades[] = {"A+", "B-", "C+", "A-", "B+", "C", "D", "A"};
    NONE("grade", grades);
    NONE("value", grades);
    /* age ratings */
    const char *ratings[] = {"0+", "6+", "12+", "16+", "18+"};
    NONE("rating", ratings);
}

/* ---- GENDER ------------------------------------------------------------------------------ */

static void test_gender(void **state)
{
    (void)state;
    const char *en[] = {"Male", "Female", "Female", "Male", "Non-binary"};
    assert_true(HAS("gender", en, "GENDER"));
    assert_true(HAS("field_4", en, "GENDER"));      /* the words alone */
    const char *de[] = {"männlich", "weiblich", "divers", "weiblich", "männlich"};
    assert_true(HAS("Geschlecht", de, "GENDER"));
    assert_true(HAS("GESCHLECHT", de, "GENDER"));
    const char *fr[] = {"Homme", "Femme", "Femme", "Homme"};
    assert_true(HAS("sexe", fr, "GENDER"));
    assert_true(HAS("genre", fr, "GENDER"));
    const char *es[] = {"Hombre", "Mujer", "Mujer", "Hombre"};
    assert_true(HAS("sexo", es, "GENDER"));
    assert_true(HAS("Género", es, "GENDER"));
    const char *pt[] = {"Masculino", "Feminino", "Feminino"};
    assert_true(HAS("GÊNERO", pt, "GENDER"));
    const char *it[] = {"Maschio", "Femmina", "Femmina"};
    assert_true(HAS("sesso", it, "GENDER"));
    const char *nl[] = {"Man", "Vrouw", "Vrouw", "Man"};
    assert_true(HAS("geslacht", nl, "GENDER"));
    const char *pl[] = {"Mężczyzna", "Kobieta", "Kobieta"};
    assert_true(HAS("Płeć", pl, "GENDER"));
    const char *tr[] = {"Erkek", "Kadın", "Kadın", "Erkek"};
    assert_true(HAS("cinsiyet", tr, "GENDER"));
    assert_true(HAS("CİNSİYET", tr, "GENDER"));
    const char *jp[] = {"Male", "Female", "Female"};
    assert_true(HAS("user.seibetsu", jp, "GENDER"));
    const char *hi[] = {"Purush", "Mahila", "Mahila"};
    assert_true(HAS("ling", hi, "GENDER"));
    const char *letters[] = {"M", "F", "F", "M", "F", "M"};
    assert_true(HAS("sex", letters, "GENDER"));
    assert_true(HAS("patient_gender", letters, "GENDER"));
    const char *mwd[] = {"m", "w", "d", "w", "m"};
    assert_true(HAS("Geschlecht", mwd, "GENDER"));

    /* a gender column is not a name column */
    assert_false(HAS("gender", en, "PERSON_NAME"));
    assert_false(HAS("Geschlecht", de, "PERSON_NAME"));

    /* single letters need the name; sizes and flags are not gender */
    NONE("code", letters);
    NONE("flag", letters);
    const char *sizes[] = {"S", "M", "L", "XL", "M", "S"};
    NONE("size", sizes);
    /* never in free text */
    const char *text[] = {"Female patient, 54, presenting with chest pain after exercise.",
                          "Male caller asked about the refund for order 1182.",
                          "The woman at the desk said the parcel was already collected."};
    NONE("notes", text);
    /* clothing departments are not genders */
    const char *dept[] = {"Men", "Women", "Kids", "Home", "Men", "Women"};
    NONE("department", dept);
}

/* ---- the other Art. 9 vocabularies -------------------------------------------------------- */

static void test_religion(void **state)
{
    (void)state;
    const char *en[] = {"Catholic", "Protestant", "Muslim", "None", "Jewish", "Hindu", "Buddhist", "Atheist"};
    assert_true(HAS("religion", en, "RELIGIOUS_BELIEF"));
    assert_true(HAS("c5", en, "RELIGIOUS_BELIEF"));
    const char *de[] = {"römisch-katholisch", "evangelisch", "konfessionslos", "muslimisch", "evangelisch"};
    assert_true(HAS("Konfession", de, "RELIGIOUS_BELIEF"));
    const char *kist[] = {"rk", "ev", "--", "ev", "rk", "--"};
    assert_true(HAS("konfession", kist, "RELIGIOUS_BELIEF"));
    const char *fr[] = {"catholique", "musulmane", "protestant", "sans religion", "juive"};
    assert_true(HAS("confession", fr, "RELIGIOUS_BELIEF"));
    const char *es[] = {"católico", "evangélica", "musulmán", "ateo", "sin religión"};
    assert_true(HAS("religión", es, "RELIGIOUS_BELIEF"));
    const char *it[] = {"cattolico", "musulmano", "ortodosso", "ebreo", "buddista"};
    assert_true(HAS("religione", it, "RELIGIOUS_BELIEF"));
    const char *pt[] = {"católico", "evangélico", "espírita", "sem religião", "muçulmano"};
    assert_true(HAS("RELIGIÃO", pt, "RELIGIOUS_BELIEF"));
    assert_true(HAS("religião", pt, "RELIGIOUS_BELIEF"));
    const char *nl[] = {"rooms-katholiek", "protestants", "moslim", "joods", "geen religie"};
    assert_true(HAS("religie", nl, "RELIGIOUS_BELIEF"));
    const char *pl[] = {"rzymskokatolicki", "prawosławny", "ewangelicki", "ateista", "katolik"};
    assert_true(HAS("wyznanie", pl, "RELIGIOUS_BELIEF"));
    const char *tr[] = {"Müslüman", "Hristiyan", "Yahudi", "Alevi", "Ateist"};
    assert_true(HAS("din_inanc", tr, "RELIGIOUS_BELIEF"));
    const char *hi[] = {"Hindu", "Musalman", "Sikh", "Isai", "Jain", "Bauddh"};
    assert_true(HAS("dharm", hi, "RELIGIOUS_BELIEF"));

    /* first names that are also beliefs, and everyday words */
    const char *names[] = {"Christian", "Anna", "Peter", "Christian", "Maria"};
    NONE("first_name", names);
    const char *weakish[] = {"Christian", "Orthodox", "Christian", "Orthodox", "Spiritual"};
    NONE("value", weakish);
    const char *schools[] = {"St Mary's Catholic Primary School", "Riverside Academy", "Oakwood High School"};
    NONE("school", schools);
}

static void test_ethnic_origin(void **state)
{
    (void)state;
    const char *uk[] = {"White British", "Black African", "Asian British", "Mixed white and Asian", "White Irish",
                        "Black Caribbean", "Any other"};
    assert_true(HAS("ethnicity", uk, "ETHNIC_ORIGIN"));
    assert_true(HAS("ethnic_group", uk, "ETHNIC_ORIGIN"));
    const char *us[] = {"White", "Black or African American", "Asian", "American Indian or Alaska Native",
                        "Native Hawaiian or Other Pacific Islander", "Hispanic or Latino", "Two or more races"};
    assert_true(HAS("race", us, "ETHNIC_ORIGIN"));
    const char *distinct[] = {"Hispanic", "Caucasian", "Latino", "Mixed race", "Caucasian", "Hispanic"};
    assert_true(HAS("col_2", distinct, "ETHNIC_ORIGIN"));
    const char *br[] = {"branca", "preta", "parda", "amarela", "indígena", "parda"};
    assert_true(HAS("raça_cor", br, "ETHNIC_ORIGIN"));
    assert_true(HAS("cor_raca", br, "ETHNIC_ORIGIN"));
    const char *de[] = {"weiß", "schwarz", "Sinti und Roma", "gemischt"};
    assert_true(HAS("ethnische_herkunft", de, "ETHNIC_ORIGIN"));
    const char *in[] = {"General", "OBC", "SC", "ST", "OBC", "General"};
    assert_true(HAS("caste_category", in, "ETHNIC_ORIGIN"));

    const char *colours[] = {"Black", "White", "Red", "Green", "Black", "White"};
    NONE("colour", colours);
    NONE("value", colours);
    const char *nationalities[] = {"Indian", "Chinese", "British", "Irish", "Pakistani"};
    NONE("nationality", nationalities);
    const char *cuisine[] = {"Chinese", "Indian", "Mexican", "Italian", "Thai"};
    NONE("cuisine", cuisine);
}

static void test_political(void **state)
{
    (void)state;
    const char *uk[] = {"Labour", "Conservative", "Liberal Democrat", "Green", "SNP", "Reform UK"};
    assert_true(HAS("party", uk, "POLITICAL_OPINION"));
    assert_true(HAS("political_party", uk, "POLITICAL_OPINION"));
    const char *us[] = {"Democrat", "Republican", "Independent", "Democrat", "Libertarian"};
    assert_true(HAS("party_affiliation", us, "POLITICAL_OPINION"));
    assert_true(HAS("f9", us, "POLITICAL_OPINION"));
    const char *de[] = {"CDU", "SPD", "Bündnis 90/Die Grünen", "FDP", "Die Linke", "AfD"};
    assert_true(HAS("Partei", de, "POLITICAL_OPINION"));
    assert_true(HAS("col", de, "POLITICAL_OPINION"));
    const char *es[] = {"PSOE", "PP", "Vox", "Podemos", "Sumar"};
    assert_true(HAS("partido", es, "POLITICAL_OPINION"));
    const char *nl[] = {"VVD", "PvdA", "GroenLinks", "D66", "CDA"};
    assert_true(HAS("partij", nl, "POLITICAL_OPINION"));
    const char *tr[] = {"AKP", "CHP", "MHP", "İYİ Parti"};
    assert_true(HAS("siyasi_parti", tr, "POLITICAL_OPINION"));
    const char *in[] = {"BJP", "INC", "AAP", "BJP", "Shiv Sena"};
    assert_true(HAS("rajnitik_dal", in, "POLITICAL_OPINION"));
    const char *yn[] = {"ja", "nein", "nein", "ja"};
    assert_true(HAS("Parteimitglied", yn, "POLITICAL_OPINION"));

    const char *risk[] = {"Conservative", "Moderate", "Aggressive", "Conservative", "Moderate"};
    NONE("risk_profile", risk);
    const char *sides[] = {"left", "right", "left", "centre", "right"};
    NONE("side", sides);
    const char *cp[] = {"yes", "no", "yes"};
    NONE("third_party", cp);
}

static void test_trade_union(void **state)
{
    (void)state;
    const char *en[] = {"yes", "no", "no", "yes", "no"};
    assert_true(HAS("is_union_member", en, "TRADE_UNION_MEMBERSHIP"));
    assert_true(HAS("trade_union", en, "TRADE_UNION_MEMBERSHIP"));
    const char *de[] = {"ja", "nein", "nein", "ja"};
    assert_true(HAS("Gewerkschaftsmitglied", de, "TRADE_UNION_MEMBERSHIP"));
    const char *fr[] = {"oui", "non", "non", "oui"};
    assert_true(HAS("syndiqué", fr, "TRADE_UNION_MEMBERSHIP"));
    const char *es[] = {"sí", "no", "no", "sí"};
    assert_true(HAS("sindicato", es, "TRADE_UNION_MEMBERSHIP"));
    const char *nl[] = {"ja", "nee", "nee", "ja"};
    assert_true(HAS("vakbondslid", nl, "TRADE_UNION_MEMBERSHIP"));
    const char *pl[] = {"tak", "nie", "nie", "tak"};
    assert_true(HAS("związek_zawodowy", pl, "TRADE_UNION_MEMBERSHIP"));
    const char *tr[] = {"evet", "hayır", "hayır", "evet"};
    assert_true(HAS("sendika_uyeligi", tr, "TRADE_UNION_MEMBERSHIP"));
    const char *bits[] = {"1", "0", "0", "1", "0"};
    const char *tf[] = {"true", "false", "false", "true"};
    assert_true(HAS("unionMember", tf, "TRADE_UNION_MEMBERSHIP"));
    const char *names[] = {"IG Metall", "ver.di", "IG BCE", "ver.di", "IG Metall"};
    assert_true(HAS("Gewerkschaft", names, "TRADE_UNION_MEMBERSHIP"));
    assert_true(HAS("x1", names, "TRADE_UNION_MEMBERSHIP"));
    const char *es_names[] = {"CCOO", "UGT", "CCOO", "UGT", "CGT"};
    assert_true(HAS("field", es_names, "TRADE_UNION_MEMBERSHIP"));

    /* flags without a telling name */
    NONE("active", en);
    NONE("is_member", en);
    NONE("newsletter", de);
    NONE("member", bits);
    NONE("verified", tf);
    const char *eu[] = {"European Union", "Customs Union", "Union Station", "Union Square"};
    NONE("place", eu);
}

static void test_sexual_orientation(void **state)
{
    (void)state;
    const char *en[] = {"Heterosexual", "Gay", "Bisexual", "Lesbian", "Heterosexual", "Prefer not to say"};
    assert_true(HAS("sexual_orientation", en, "SEXUAL_ORIENTATION"));
    assert_true(HAS("q12", en, "SEXUAL_ORIENTATION"));
    const char *de[] = {"heterosexuell", "homosexuell", "bisexuell", "lesbisch", "schwul"};
    assert_true(HAS("sexuelle_orientierung", de, "SEXUAL_ORIENTATION"));
    const char *fr[] = {"hétérosexuel", "homosexuelle", "bisexuel", "lesbienne"};
    assert_true(HAS("orientation_sexuelle", fr, "SEXUAL_ORIENTATION"));
    const char *es[] = {"heterosexual", "homosexual", "bisexual", "lesbiana"};
    assert_true(HAS("orientación_sexual", es, "SEXUAL_ORIENTATION"));
    const char *it[] = {"eterosessuale", "omosessuale", "bisessuale", "lesbica"};
    assert_true(HAS("orientamento_sessuale", it, "SEXUAL_ORIENTATION"));
    const char *pt[] = {"heterossexual", "homossexual", "bissexual", "lésbica"};
    assert_true(HAS("orientação_sexual", pt, "SEXUAL_ORIENTATION"));
    const char *nl[] = {"heteroseksueel", "homoseksueel", "biseksueel"};
    assert_true(HAS("seksuele_geaardheid", nl, "SEXUAL_ORIENTATION"));
    const char *pl[] = {"heteroseksualny", "homoseksualny", "biseksualna"};
    assert_true(HAS("orientacja_seksualna", pl, "SEXUAL_ORIENTATION"));
    const char *tr[] = {"heteroseksüel", "eşcinsel", "biseksüel", "lezbiyen"};
    assert_true(HAS("cinsel_yönelim", tr, "SEXUAL_ORIENTATION"));

    const char *shapes[] = {"Straight", "Curved", "Straight", "Bent"};
    NONE("shape", shapes);
    const char *page[] = {"Portrait", "Landscape", "Portrait"};
    NONE("orientation", page);
}

static void test_criminal(void **state)
{
    (void)state;
    const char *en[] = {"Burglary", "Assault", "Fraud", "DUI", "Shoplifting", "Theft"};
    assert_true(HAS("criminal_record", en, "CRIMINAL_RECORD"));
    assert_true(HAS("prior_convictions", en, "CRIMINAL_RECORD"));
    const char *conv[] = {"convicted of burglary", "sentenced for assault", "convicted of theft 2019",
                          "probation fraud"};
    assert_true(HAS("remarks", conv, "CRIMINAL_RECORD"));  /* conviction + offence words */
    const char *de[] = {"Diebstahl", "Körperverletzung", "Betrug", "verurteilt wegen Raub"};
    assert_true(HAS("Vorstrafen", de, "CRIMINAL_RECORD"));
    const char *fr[] = {"vol", "escroquerie", "condamné pour agression"};
    assert_true(HAS("casier_judiciaire", fr, "CRIMINAL_RECORD"));
    const char *es[] = {"robo", "estafa", "homicidio"};
    assert_true(HAS("antecedentes_penales", es, "CRIMINAL_RECORD"));
    const char *it[] = {"furto", "truffa", "rapina"};
    assert_true(HAS("precedenti_penali", it, "CRIMINAL_RECORD"));
    const char *pt[] = {"roubo", "furto", "estelionato"};
    assert_true(HAS("antecedentes_criminais", pt, "CRIMINAL_RECORD"));
    const char *nl[] = {"diefstal", "inbraak", "mishandeling"};
    assert_true(HAS("strafblad", nl, "CRIMINAL_RECORD"));
    const char *pl[] = {"kradzież", "rozbój", "oszustwo"};
    assert_true(HAS("karalność", pl, "CRIMINAL_RECORD"));
    const char *tr[] = {"hırsızlık", "dolandırıcılık", "yaralama"};
    assert_true(HAS("sabıka_kaydı", tr, "CRIMINAL_RECORD"));
    const char *yn[] = {"yes", "no", "no", "no"};
    assert_true(HAS("has_criminal_record", yn, "CRIMINAL_RECORD"));

    /* what a court imposed, under a column called "sentence"; the same words
     * in a column of text sentences, or of durations elsewhere, are nothing */
    const char *imposed[] = {"Conditional discharge", "18 months imprisonment", "Fine 600",
                             "Community order, 80 hours unpaid work", "6 months suspended sentence",
                             "Disqualified from driving 12 months"};
    assert_true(HAS("sentence", imposed, "CRIMINAL_RECORD"));
    NONE("example_sentence", imposed);
    const char *durations[] = {"12 months", "2 years", "6 weeks", "18 months"};
    NONE("sentence", durations);
    NONE("contract_term", durations);

    /* insurance claims and incident logs say "Theft" too */
    const char *claims[] = {"Theft", "Fire", "Flood", "Burglary", "Storm", "Theft"};
    NONE("claim_type", claims);
    NONE("cause", claims);
}

/* ---- GENETIC_DATA --------------------------------------------------------------------- */

static void test_genetic(void **state)
{
    (void)state;
    emits e = run_find("GENETIC_DATA", "rs429358 CT");
    assert_int_equal(e.n, 1);
    assert_int_equal(e.v[0], DM_STRONG);
    assert_int_equal(e.end[0], 11);
    e = run_find("GENETIC_DATA", "rs1801133(A;G)");
    assert_int_equal(e.v[0], DM_STRONG);
    assert_int_equal(e.end[0], 14);
    e = run_find("GENETIC_DATA", "rs4477212\t1\t82154\tAA");
    assert_int_equal(e.v[0], DM_STRONG);
    e = run_find("GENETIC_DATA", "APOE: rs429358 CT, rs7412 CC");
    assert_int_equal(e.n, 2);
    assert_int_equal(e.start[0], 6);
    e = run_find("GENETIC_DATA", "rs53576");
    assert_int_equal(e.v[0], DM_WEAK);
    e = run_find("GENETIC_DATA", "carrier HLA-B*27:05 positive");
    assert_int_equal(e.n, 1);
    assert_int_equal(e.start[0], 8);
    assert_int_equal(e.end[0], 19);
    const char *no[] = {"RS232 port", "Mrs1234", "cars123 CT", "rs12abc", "HLA-B"};
    for (size_t i = 0; i < COUNT_OF(no); i++)
        if (run_find("GENETIC_DATA", no[i]).n)
            fail_msg("'%s' taken for genetic data", no[i]);

    const char *geno[] = {"rs429358 CT", "rs7412:TT", "rs1801133 AG", "rs53576 GG", "rs4680 AA"};
    assert_true(HAS("result", geno, "GENETIC_DATA"));
    const char *ids[] = {"rs429358", "rs7412", "rs1801133", "rs53576"};
    assert_true(HAS("snp", ids, "GENETIC_DATA"));
    NONE("reference", ids);                          /* bare ids need the name */
    const char *ports[] = {"RS232", "RS485", "RS422", "RS232"};
    NONE("interface", ports);
}

/* ---- BIOMETRIC_DATA ------------------------------------------------------------------- */

static void test_biometric(void **state)
{
    (void)state;
    /* ISO/IEC 19794-2 minutiae record ("FMR\0 20\0"...), base64 and hex */
    const char *iso[] = {"Rk1SACAyMAAAAADkAAABPAFiAMUAxQEAAAAoJ0CNAA==", "464D52002032300000000164000001640000",
                         "\\x464d520020323000000001640000", "SUlSACAyMAAAAAFkAAABZAAAAWQ="};
    assert_true(HAS("data", iso, "BIOMETRIC_DATA"));
    /* any long blob under a biometric name */
    char blob[4][140];
    const char *blobs[4];
    for (int i = 0; i < 4; i++) {
        for (int k = 0; k < 128; k++)
            blob[i][k] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(k * 7 + i * 13) % 64];
        blob[i][128] = '\0';
        blobs[i] = blob[i];
    }
    assert_true(HAS("fingerprint_template", blobs, "BIOMETRIC_DATA"));
    assert_true(HAS("Fingerabdruck", blobs, "BIOMETRIC_DATA"));
    assert_true(HAS("empreinte_digitale", blobs, "BIOMETRIC_DATA"));
    char vec[3][700];
    const char *vecs[3];
    for (int i = 0; i < 3; i++) {
        size_t o = 0;
        vec[i][o++] = '[';
        for (int k = 0; k < 64; k++)
            o += (size_t)snprintf(vec[i] + o, sizeof vec[i] - o, "%s%.4f", k ? ", " : "", (k * 37 % 200 - 100) / 100.0);
        vec[i][o++] = ']';
        vec[i][o] = '\0';
        vecs[i] = vec[i];
    }
    assert_true(HAS("face_embedding", vecs, "BIOMETRIC_DATA"));
    const char *short_vecs[] = {"[-0.2601,-0.0013,0.2369,-0.0485,-0.2649,-0.1296,-0.1620,-0.1729]",
                                "[-0.1062,0.2819,0.0149,-0.0737,-0.0033,-0.1647,-0.0053,0.2053]"};
    assert_true(HAS("face_embedding", short_vecs, "BIOMETRIC_DATA"));
    NONE("coordinates", short_vecs);

    /* tokens, hashes and model weights are no templates */
    NONE("session_token", blobs);
    NONE("key_fingerprint", blobs);
    const char *sha[] = {"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                         "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                         "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"};
    NONE("checksum", sha);
    NONE("weights", vecs);
}

/* ---- across types ------------------------------------------------------------------------ */

static void test_numbers_unclaimed(void **state)
{
    (void)state;
    random_numbers_unclaimed(0x5eca7u, ours);
}

static void test_everyday_columns(void **state)
{
    (void)state;
    const char *cities[] = {"Berlin", "Roma", "Paris", "Madrid", "Roma", "Lisboa", "Warszawa", "Istanbul"};
    NONE("city", cities);
    NONE("field_1", cities);
    const char *status[] = {"open", "closed", "pending", "open", "unknown", "other"};
    NONE("status", status);
    const char *words[] = {"green tea", "black coffee", "white wine", "red wine", "green salad"};
    NONE("product", words);
    NONE("value", words);
    const char *storage[] = {"Disk", "SSD", "Tape", "Disk", "Disk"};
    NONE("medium", storage);
    const char *variants[] = {"SNP", "INDEL", "SNP", "SNP", "CNV"};
    NONE("variant_type", variants);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_icd_codes),        cmocka_unit_test(test_icd_columns),
        cmocka_unit_test(test_health_words),     cmocka_unit_test(test_blood_groups),
        cmocka_unit_test(test_gender),           cmocka_unit_test(test_religion),
        cmocka_unit_test(test_ethnic_origin),    cmocka_unit_test(test_political),
        cmocka_unit_test(test_trade_union),      cmocka_unit_test(test_sexual_orientation),
        cmocka_unit_test(test_criminal),         cmocka_unit_test(test_genetic),
        cmocka_unit_test(test_biometric),        cmocka_unit_test(test_numbers_unclaimed),
        cmocka_unit_test(test_everyday_columns),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
