/*
 * Check-digit algorithms shared by the entity validators.
 *
 * All take the characters to check (digits, or letters and digits where the
 * algorithm defines them) and their count, and return true when the check
 * holds. None allocates. Letters are upper-case (dm_span.norm already is).
 */
#ifndef DM_DETECT_CHECKS_H
#define DM_DETECT_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

/* Luhn (ISO/IEC 7812-1): payment cards, Canada SIN, Sweden personnummer... */
bool dm_luhn(const char *digits, size_t n);

/* ISO 7064 MOD 97-10 over an IBAN: moves the first four characters to the
 * end, letters A=10..Z=35, and checks the remainder is 1. Checks only the
 * arithmetic, not the country length. */
bool dm_iban_mod97(const char *iban, size_t n);

/* Remainder mod 97 of a long decimal string given as characters (letters
 * count as A=10..Z=35 the IBAN way). */
unsigned dm_mod97(const char *s, size_t n);

/* Verhoeff (India Aadhaar). */
bool dm_verhoeff(const char *digits, size_t n);

/* ISO 7064 MOD 11,10 (Germany tax ID, Croatia OIB): last digit checks. */
bool dm_iso7064_mod11_10(const char *digits, size_t n);

/* ISO 7064 MOD 11-2 (China resident ID): last char is a digit or 'X'. */
bool dm_iso7064_mod11_2(const char *s, size_t n);

/* Weighted sum of the first n digits: sum(d[i] * w[i]). */
unsigned dm_weighted_sum(const char *digits, const int *weights, size_t n);

/* All characters are ASCII digits. */
bool dm_all_digits(const char *s, size_t n);

/* n characters are the same digit ("000000000", "111111111"): a dummy. */
bool dm_all_same(const char *s, size_t n);

/* Value of n ASCII digits (n <= 9), or -1 if any is not a digit. */
int dm_digits_value(const char *s, size_t n);

/* A real calendar date (Gregorian, leap years). */
bool dm_valid_date(int year, int month, int day);

/*
 * Groups of ASCII letters/digits chained to the candidate cell[start, end) by
 * a run of 1-3 joiners (" -./:()"), the way the engine chains them, followed
 * over up to 12 groups on each side and stopping at a letters-only word of 5+
 * letters. Returns DM_NEAR_* bits. Lets a checkless short format refuse to be
 * a piece of a longer identifier ("0532 0130 00" inside an IBAN).
 */
#define DM_NEAR_LEFT 0x1u           /* a group is chained on the left */
#define DM_NEAR_RIGHT 0x2u          /* ... on the right */
#define DM_NEAR_LEFT_DIGIT 0x4u     /* a group chained on the left holds a digit */
#define DM_NEAR_RIGHT_DIGIT 0x8u    /* ... on the right */
unsigned dm_near_groups(const char *cell, size_t len, size_t start, size_t end);

/* Whether cell[start, end) is a piece of a longer number: a joiner and a
 * digit lie right outside it, the joiner being `own` (the candidate's own
 * joiner) or, when own is 0 (a single group), '-' or '.' ("4111 1111 1111
 * 1111" seen from its first three groups; "SSN 123456789" stays whole). */
bool dm_glued(const char *cell, size_t len, size_t start, size_t end, char own);

/* U.S. ABA routing transit number: 9 digits, 3-7-1 weights summing to a
 * multiple of 10, first two digits a Federal Reserve prefix (00-12, 21-32,
 * 61-72, 80). "000000000" is refused. */
bool dm_aba_routing(const char *digits, size_t n);

/* ICAO Doc 9303 check digit over n characters of a machine-readable travel
 * document field (digits, letters A=10 ... Z=35, '<' = 0), weights 7 3 1
 * repeating, sum mod 10. Returns the digit's value, or -1 for a character
 * outside that set. (Passports, identity cards.) */
int dm_icao9303(const char *s, size_t n);

/* ---- span helpers shared by the validators --------------------------------- */

struct dm_span;

/* n digits all the same, or a run counting up or down by one ("123456",
 * "987654", wrapping 9 -> 0): placeholders, not identifiers. */
bool dm_dummy_digits(const char *d, size_t n);
/* A digit-bearing group is chained on either side of the span: it is only a
 * piece of a longer number (a phone number, an IBAN, a longer id). */
bool dm_piece_of_longer(const struct dm_span *s);
/* The span's group lengths are lens[0..n). */
bool dm_layout_is(const struct dm_span *s, const int *lens, int n);

#endif
