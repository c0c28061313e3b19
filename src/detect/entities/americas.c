/*
 * National identifiers and tax numbers of the Americas (outside the U.S.).
 *
 * Formats and checks, from the issuing bodies' public descriptions:
 *   CA SIN          Employment and Social Development Canada (SIN Code of
 *                   Practice): 9 digits printed 123 456 789, Luhn; first digit
 *                   the province of registration (1-7), 9 temporary residents;
 *                   0 and 8 are not assigned to persons.
 *   BR CPF          Receita Federal (IN RFB 2172/2024): 9 digits + 2 check
 *                   digits, weights 10..2 then 11..2, r = sum mod 11, digit 0 if
 *                   r < 2 else 11 - r; printed 000.000.000-00; equal digits are
 *                   not issued.
 *   BR CNPJ         Receita Federal (IN RFB 2119/2022): 8-digit root, 4-digit
 *                   branch, 2 check digits, weights 5 4 3 2 9 8 7 6 5 4 3 2 then
 *                   6 5 4 ..., same rule as CPF; printed 00.000.000/0000-00.
 *   BR RG           Registro Geral, issued by each state; São Paulo (IIRGD) and
 *                   Rio de Janeiro print 8 digits + a control: weights 2..9 from
 *                   the left, c = (11 - sum mod 11) mod 11, 10 printed X. Other
 *                   states have no check: counted only under an RG column name.
 *   MX CURP         RENAPO (Instructivo normativo para la asignación de la
 *                   CURP): 4 letters, YYMMDD, sex H/M (X since 2022), state code
 *                   (AS BC ... ZS, NE born abroad), 3 inner consonants, a
 *                   homoclave char (digit before 2000, letter from 2000) and a
 *                   check digit: values 0-9, A-N = 10-23, Ñ 24, O-Z 25-36,
 *                   weights 18..2, (10 - sum mod 10) mod 10.
 *   MX RFC          SAT (Anexo 20, RFC structure): persons 4 letters, companies
 *                   3, then YYMMDD and a 3-char homoclave whose last char checks
 *                   the rest: values 0-9, A-N 10-23, & 24, O-Z 25-36, space 37,
 *                   companies padded with a leading space, weights 13..2,
 *                   11 - sum mod 11 (11 -> 0, 10 -> A). XAXX010101000 and
 *                   XEXX010101000 are the generic public/foreign RFCs (dummies).
 *   MX CLABE        Banxico / ABM (CLABE standard): 3-digit bank, 3-digit place,
 *                   11-digit account, check digit: weights 3 7 1 repeating, each
 *                   product mod 10, (10 - sum mod 10) mod 10.
 *   CL RUT/RUN      Servicio de Impuestos Internos / Registro Civil: body of 7-8
 *                   digits, check = 11 - (weights 2..7 repeating from the right)
 *                   mod 11, 11 -> 0, 10 -> K; printed 12.345.678-5.
 *   AR CUIT/CUIL    AFIP (RG 10/1997; ANSES for CUIL): type 20 23 24 27 (persons)
 *                   30 33 34 (entities), 8-digit DNI or serial, check = 11 -
 *                   (weights 5 4 3 2 7 6 5 4 3 2) mod 11, 11 -> 0, 10 is not
 *                   issued (type 23/33 is used instead); printed 20-12345678-6.
 *   CO NIT          DIAN (Orden administrativa 4 de 1989): up to 15 digits +
 *                   dígito de verificación, weights 3 7 13 17 19 23 29 37 41 43 47
 *                   53 59 67 71 from the right, r = sum mod 11, DV = r if r < 2
 *                   else 11 - r; printed 900.123.456-8.
 *   CO cédula       Registraduría Nacional: 6-10 digits, no check digit.
 *   VE cédula       SAIME: V (Venezuelan) or E (foreigner) + 6-8 digits, no check.
 *   VE RIF          SENIAT (Providencia 0073/2006): letter V E J P G, 8 digits,
 *                   check = 11 - (letter value V1 E2 J3 P4 G5 x 4 + weights
 *                   3 2 7 6 5 4 3 2) mod 11, 10 and 11 -> 0; printed J-12345678-9.
 *
 * Verdicts: two check digits in the official layout (CPF, CNPJ), the CURP and
 * the RFC (letters, a date and a check), a dashed CUIT or RIF are STRONG; the
 * same numbers as bare digits (1 in 100 for CPF/CNPJ, a prefix and 1 in 11 for
 * CUIT) and checks of 1 in 10 or 11 in their printed layout (SIN 123 456 789,
 * RUT 12.345.678-5, NIT 900.123.456-8, CLABE with a bank code) are MEDIUM;
 * bare digits with one check digit (SIN, RUT, NIT) or no check (RG, cédulas)
 * are WEAK and need the column's name or context ("/w" keys, or
 * DM_ENT_NEEDS_HINT). A bare 9-digit number stays USA_SSN's or nobody's unless
 * the column says SIN.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Joiner i (1-based group index) is exactly one `c`. */
static bool joiner_at(const dm_span *s, int i, char c)
{
    return i < s->ngroups && s->seplen[i] == 1 && s->sep[i] == c;
}

/* Every joiner of the span is one `c` (or any single joiner when c is 0). */
static bool joiners_are(const dm_span *s, char c)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->seplen[i] != 1 || (c && s->sep[i] != c))
            return false;
    return true;
}

/* Groups "dd.ddd.ddd-c" style: dots between all but the last group, which
 * follows a dash (the layout of RUT, NIT, CPF). */
static bool dots_then_dash(const dm_span *s)
{
    for (int i = 1; i + 1 < s->ngroups; i++)
        if (!joiner_at(s, i, '.'))
            return false;
    return joiner_at(s, s->ngroups - 1, '-');
}

/* A two-digit year whose century is unknown. */
static bool yy_date(int yy, int mm, int dd)
{
    return dm_valid_date(1900 + yy, mm, dd) || dm_valid_date(2000 + yy, mm, dd);
}

/* ---- CANADA_SOCIAL_INSURANCE_NUMBER ------------------------------------------------ */

static dm_verdict validate_ca_sin(const dm_span *s)
{
    static const int l333[] = {3, 3, 3};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 9) || d[0] == '0' || d[0] == '8' || dm_dummy_digits(d, 9) ||
        !dm_luhn(d, 9) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;     /* 1 in 10: bare 9 digits are SSN-shaped too */
    if (dm_layout_is(s, l333, 3) && (joiners_are(s, '-') || joiners_are(s, ' ')))
        return DM_MEDIUM;
    return DM_NO;
}

static const char *const ca_sin_shapes[] = {"e:D9/w", "e:D3-D3-D3", "e:D3 D3 D3", NULL};
static const char *const ca_sin_hints[] = {"sin", "social_insurance_number", "sin_number", "numero_assurance_sociale",
                                           "nas", "canadian_sin", "social_insurance", NULL};
static const char *const ca_sin_context[] = {"sin", "social insurance", "assurance sociale", NULL};
static const char *const ca_sin_examples[] = {"193 456 787", "273-849-109", "650123458", "523 456 788", NULL};
static const char *const ca_sin_counter[] = {
    "193 456 788",  /* Luhn */
    "046 454 286",  /* 0 is not assigned (a well-known sample), Luhn holds */
    "812 345 676",  /* 8 is not assigned to persons, Luhn holds */
    "000 000 000",
    "123-45-6782",  /* the SSN layout */
    NULL};

/* ---- BRAZIL CPF / CNPJ / RG ----------------------------------------------------------- */

/* Brazilian mod-11 check digit over n digits with weights from `w0` down to 2
 * (restarting at 9 after 2 for CNPJ, when wrap is set). */
static int br_dv(const char *d, int n, int w0, bool wrap)
{
    int sum = 0, w = w0;
    for (int i = 0; i < n; i++) {
        sum += (d[i] - '0') * w;
        w = w == 2 && wrap ? 9 : w - 1;
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
}

static dm_verdict validate_br_cpf(const dm_span *s)
{
    static const int l3332[] = {3, 3, 3, 2};
    if (s->ngroups != 1 && s->ngroups != 4)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11) || dm_all_same(d, 11))
        return DM_NO;
    if (br_dv(d, 9, 10, false) != d[9] - '0' || br_dv(d, 10, 11, false) != d[10] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;   /* 1 in 100 random values, but nothing else to go on */
    if (dm_layout_is(s, l3332, 4) && dots_then_dash(s))
        return DM_STRONG;
    return DM_NO;
}

static const char *const br_cpf_shapes[] = {"e:D11", "e:D3.D3.D3-D2", NULL};
static const char *const br_cpf_hints[] = {"cpf", "numero_cpf", "cpf_number", "cadastro_de_pessoas_fisicas",
                                           "cadastro_pessoa_fisica", "brazilian_cpf", NULL};
static const char *const br_cpf_context[] = {"cpf", NULL};
static const char *const br_cpf_examples[] = {"111.444.777-35", "529.982.247-25", "12345678909", "987.654.321-00",
                                              NULL};
static const char *const br_cpf_counter[] = {
    "111.444.777-36",   /* second check digit */
    "529.982.247-15",   /* first check digit */
    "111.111.111-11",   /* equal digits pass the check, never issued */
    "1114.4477.735",    /* groups across the layout */
    NULL};

static dm_verdict validate_br_cnpj(const dm_span *s)
{
    static const int l23342[] = {2, 3, 3, 4, 2};
    if (s->ngroups != 1 && s->ngroups != 5)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 14 || !dm_all_digits(d, 14) || dm_all_same(d, 14) || dm_all_same(d, 8))
        return DM_NO;
    if (br_dv(d, 12, 5, true) != d[12] - '0' || br_dv(d, 13, 6, true) != d[13] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    if (dm_layout_is(s, l23342, 5) && joiner_at(s, 1, '.') && joiner_at(s, 2, '.') && joiner_at(s, 3, '/') &&
        joiner_at(s, 4, '-'))
        return DM_STRONG;
    return DM_NO;
}

static const char *const br_cnpj_shapes[] = {"e:D14", "e:D2.D3.D3/D4-D2", NULL};
static const char *const br_cnpj_hints[] = {"cnpj", "numero_cnpj", "cnpj_number", "cadastro_nacional_da_pessoa_juridica",
                                            "cadastro_nacional_pessoa_juridica", NULL};
static const char *const br_cnpj_context[] = {"cnpj", NULL};
static const char *const br_cnpj_examples[] = {"11.222.333/0001-81", "19.100.000/0001-91", "60401190000180",
                                               "33.592.051/0001-09", NULL};
static const char *const br_cnpj_counter[] = {
    "11.222.333/0001-82",   /* check */
    "60401190000108",       /* check digits swapped */
    "00.000.000/0000-00",
    "11.222.333-0001/81",   /* joiners swapped */
    NULL};

static dm_verdict validate_br_rg(const dm_span *s)
{
    static const int l2331[] = {2, 3, 3, 1};
    if (s->ngroups != 1 && s->ngroups != 4)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 8) || (!is_digit(d[8]) && d[8] != 'X') || dm_dummy_digits(d, 8))
        return DM_NO;
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += (d[i] - '0') * (i + 2);
    int c = (11 - sum % 11) % 11;
    if ((c == 10 ? 'X' : '0' + c) != d[8] || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1 || (dm_layout_is(s, l2331, 4) && dots_then_dash(s)))
        return DM_WEAK;     /* 1 in 11, and the layout is Chile's RUT too */
    return DM_NO;
}

static const char *const br_rg_shapes[] = {"e:D9/w", "e:D8L1/w", "e:D2.D3.D3-D1", "e:D2.D3.D3-L1", NULL};
static const char *const br_rg_hints[] = {"rg", "numero_rg", "rg_number", "registro_geral", "carteira_de_identidade",
                                          "identidade", "cedula_de_identidade", NULL};
static const char *const br_rg_context[] = {"rg", "identidade", NULL};
static const char *const br_rg_examples[] = {"24.678.131-2", "39.876.543-1", "35.702.961-6", "481293309", NULL};
static const char *const br_rg_counter[] = {"24.678.131-3", "39.876.543-X", "11.111.111-1", NULL};

/* ---- MEXICO CURP / RFC / CLABE --------------------------------------------------------- */

/* Value of a character in the RENAPO/SAT alphabets: 0-9, A-N 10-23, then 24
 * (Ñ in CURP, & in RFC, never in our ASCII norm), O-Z 25-36. */
static int mx_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'A' && c <= 'N')
        return c - 'A' + 10;
    if (c >= 'O' && c <= 'Z')
        return c - 'O' + 25;
    return -1;
}

static bool mx_state(const char *p)
{
    static const char states[] = "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC "
                                 "TS TL VZ YN ZS NE ";
    for (const char *q = states; *q; q += 3)
        if (q[0] == p[0] && q[1] == p[1])
            return true;
    return false;
}

static bool is_consonant(char c)
{
    return is_upper(c) && !strchr("AEIOU", c);
}

static dm_verdict validate_mx_curp(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 18 || s->ngroups != 1)
        return DM_NO;
    for (int i = 0; i < 4; i++)
        if (!is_upper(d[i]))
            return DM_NO;
    if (!dm_all_digits(d + 4, 6) || !strchr("HMX", d[10]) || !mx_state(d + 11) || !is_consonant(d[13]) ||
        !is_consonant(d[14]) || !is_consonant(d[15]) || !is_digit(d[17]))
        return DM_NO;
    int year = (is_digit(d[16]) ? 1900 : 2000) + two(d + 4);
    if (!dm_valid_date(year, two(d + 6), two(d + 8)))
        return DM_NO;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        int v = mx_value(d[i]);
        if (v < 0)
            return DM_NO;
        sum += v * (18 - i);
    }
    return (10 - sum % 10) % 10 == d[17] - '0' ? DM_STRONG : DM_NO;
}

static const char *const mx_curp_shapes[] = {"e:L4D6L6D2", "e:L4D6L7D1", NULL};
static const char *const mx_curp_hints[] = {"curp", "clave_unica_de_registro_de_poblacion", "clave_curp",
                                            "curp_number", NULL};
static const char *const mx_curp_context[] = {"curp", NULL};
static const char *const mx_curp_examples[] = {"HEGG560427MVZRRL04", "GODE561231HDFRRN00", "pemj900615mjcrrn08",
                                               "LOOA531113HTCPBN07", NULL};
static const char *const mx_curp_counter[] = {
    "HEGG560427MVZRRL05",   /* check */
    "GODE561331HDFRRN02",   /* month 13 */
    "PEMJ900615MXXRRN08",   /* state XX */
    "LOOA531113HTCAEN07",   /* vowels where consonants go */
    NULL};

static dm_verdict validate_mx_rfc(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 12 && n != 13) || s->ngroups > 3)
        return DM_NO;
    int nl = (int)n - 9;    /* 3 letters (companies) or 4 (persons) */
    for (int i = 0; i < nl; i++)
        if (!is_upper(d[i]))
            return DM_NO;
    if (!dm_all_digits(d + nl, 6) || !yy_date(two(d + nl), two(d + nl + 2), two(d + nl + 4)))
        return DM_NO;
    if ((s->ngroups == 2 && s->glen[0] != nl + 6) ||   /* "GODE561231 GR8" */
        (s->ngroups == 3 && (s->glen[0] != nl || s->glen[1] != 6)))    /* "GODE-561231-GR8" */
        return DM_NO;
    if (!strncmp(d, "XAXX010101", 10) || !strncmp(d, "XEXX010101", 10))
        return DM_NO;
    int sum = 0, w = 13;
    if (n == 12)
        sum += 37 * w--;    /* companies: a leading space */
    for (size_t i = 0; i + 1 < n; i++) {
        int v = mx_value(d[i]);
        if (v < 0)
            return DM_NO;
        sum += v * w--;
    }
    int c = 11 - sum % 11;
    char want = c == 11 ? '0' : c == 10 ? 'A' : (char)('0' + c);
    return d[n - 1] == want ? DM_STRONG : DM_NO;
}

static const char *const mx_rfc_shapes[] = {
    /* persons (4 letters) and companies (3), YYMMDD, homoclave of letters or digits */
    "c:L4D6L3", "c:L4D6L2D1", "c:L4D6L1D1L1", "c:L4D6L1D2", "c:L4D7L2", "c:L4D7L1D1", "c:L4D8L1", "c:L4D9",
    "c:L3D6L3", "c:L3D6L2D1", "c:L3D6L1D1L1", "c:L3D6L1D2", "c:L3D7L2", "c:L3D7L1D1", "c:L3D8L1", "c:L3D9", NULL};
static const char *const mx_rfc_hints[] = {"rfc", "registro_federal_de_contribuyentes", "rfc_number", "clave_rfc",
                                           "mexican_tax_id", NULL};
static const char *const mx_rfc_context[] = {"rfc", NULL};
static const char *const mx_rfc_examples[] = {"GODE561231GR8", "EKU9003173C9", "CACX7605101P8", "vecj880326xx1",
                                              NULL};
static const char *const mx_rfc_counter[] = {
    "GODE561231GR9",    /* check */
    "XAXX010101000",    /* generic public RFC */
    "GODE561331GR8",    /* month 13 */
    "EKU9002303C9",     /* 30 February */
    NULL};

static bool mx_bank(int code)
{
    return (code >= 1 && code <= 199) || (code >= 600 && code <= 699) || code == 901 || code == 902;
}

static dm_verdict validate_mx_clabe(const dm_span *s)
{
    static const int w[3] = {3, 7, 1};
    if (s->ngroups != 1)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 18 || !dm_all_digits(d, 18) || dm_dummy_digits(d, 18) || s->ngroups != 1)
        return DM_NO;
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (d[i] - '0') * w[i % 3] % 10;
    if ((10 - sum % 10) % 10 != d[17] - '0' || !mx_bank((d[0] - '0') * 100 + two(d + 1)) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const mx_clabe_shapes[] = {"e:D18", NULL};
static const char *const mx_clabe_hints[] = {"clabe", "cuenta_clabe", "clabe_interbancaria", "clabe_number", NULL};
static const char *const mx_clabe_context[] = {"clabe", NULL};
static const char *const mx_clabe_examples[] = {"032180000118359719", "002180012345678906", "072580001234567895",
                                                NULL};
static const char *const mx_clabe_counter[] = {
    "032180000118359718",   /* check */
    "702180012345678905",   /* bank 702, check holds */
    "000000000000000000",
    NULL};

/* ---- CHILE_NATIONAL_IDENTIFICATION_NUMBER (RUT / RUN) --------------------------------------- */

static dm_verdict validate_cl_rut(const dm_span *s)
{
    if (s->ngroups != 1 && (s->glen[s->ngroups - 1] != 1 || !joiner_at(s, s->ngroups - 1, '-')))
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 8 || n > 9 || !dm_all_digits(d, n - 1) || d[0] == '0' || (!is_digit(d[n - 1]) && d[n - 1] != 'K') ||
        dm_dummy_digits(d, n - 1))
        return DM_NO;
    int sum = 0, w = 2;
    for (size_t i = n - 1; i-- > 0;) {
        sum += (d[i] - '0') * w;
        w = w == 7 ? 2 : w + 1;
    }
    int c = 11 - sum % 11;
    char want = c == 11 ? '0' : c == 10 ? 'K' : (char)('0' + c);
    if (d[n - 1] != want || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    int body = (int)n - 1;
    if (s->glen[s->ngroups - 1] != 1 || !joiner_at(s, s->ngroups - 1, '-'))
        return DM_NO;
    if (s->ngroups == 2)
        return DM_MEDIUM;   /* 12345678-5 */
    static const int l2331[] = {2, 3, 3, 1}, l1331[] = {1, 3, 3, 1};
    if ((body == 8 ? dm_layout_is(s, l2331, 4) : dm_layout_is(s, l1331, 4)) && dots_then_dash(s))
        return DM_MEDIUM;
    return DM_NO;
}

static const char *const cl_rut_shapes[] = {"e:D8/w", "e:D9/w", "e:D7L1/w", "e:D8L1/w", "e:D8-D1", "e:D7-D1",
                                            "e:D8-L1", "e:D7-L1", "e:D2.D3.D3-D1", "e:D1.D3.D3-D1", "e:D2.D3.D3-L1",
                                            "e:D1.D3.D3-L1", NULL};
static const char *const cl_rut_hints[] = {"rut", "run_chile", "rol_unico_tributario", "rol_unico_nacional", "rut_chile",
                                           "chilean_rut", "numero_rut", NULL};
static const char *const cl_rut_context[] = {"rut", "r.u.t", "r.u.n", NULL};
static const char *const cl_rut_examples[] = {"12.875.302-8", "8.349.127-2", "30686957-4", "16.204.981-k", NULL};
static const char *const cl_rut_counter[] = {
    "12.875.302-9",     /* check */
    "8.349.127-K",      /* check */
    "11.111.111-1",     /* placeholder, check holds */
    "1.234.567.8-5",    /* groups across the layout */
    NULL};

/* ---- ARGENTINA_TAX_IDENTIFICATION_NUMBER (CUIT / CUIL) ------------------------------------ */

static dm_verdict validate_ar_cuit(const dm_span *s)
{
    static const int w[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    static const int l281[] = {2, 8, 1};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11) || dm_dummy_digits(d + 2, 8))
        return DM_NO;
    int type = two(d);
    if (type != 20 && type != 23 && type != 24 && type != 27 && type != 30 && type != 33 && type != 34)
        return DM_NO;
    int c = 11 - (int)(dm_weighted_sum(d, w, 10) % 11);
    if (c == 10 || (c == 11 ? 0 : c) != d[10] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;   /* a type prefix and 1 in 11 */
    if (dm_layout_is(s, l281, 3) && joiners_are(s, '-'))
        return DM_STRONG;
    return DM_NO;
}

static const char *const ar_cuit_shapes[] = {"e:D11", "e:D2-D8-D1", NULL};
static const char *const ar_cuit_hints[] = {"cuit", "cuil", "cdi", "clave_unica_de_identificacion_tributaria",
                                            "codigo_unico_de_identificacion_laboral", "numero_cuit", NULL};
static const char *const ar_cuit_context[] = {"cuit", "cuil", NULL};
static const char *const ar_cuit_examples[] = {"20-28475310-1", "27-34918027-3", "30712345671", "30-50001091-2",
                                               NULL};
static const char *const ar_cuit_counter[] = {
    "20-28475310-2",    /* check */
    "21-28475310-7",    /* type 21 */
    "20-11111111-2",    /* placeholder */
    "202-8475310-1",    /* groups across the layout */
    NULL};

/* ---- COLOMBIA NIT / cédula ---------------------------------------------------------------- */

static dm_verdict validate_co_nit(const dm_span *s)
{
    static const int w[15] = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};
    if (s->ngroups != 1 && (s->glen[s->ngroups - 1] != 1 || !joiner_at(s, s->ngroups - 1, '-')))
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 10 || n > 11 || !dm_all_digits(d, n) || d[0] == '0' || dm_dummy_digits(d, n - 1))
        return DM_NO;
    int sum = 0;
    for (size_t i = 0; i + 1 < n; i++)
        sum += (d[n - 2 - i] - '0') * w[i];
    int r = sum % 11;
    if ((r < 2 ? r : 11 - r) != d[n - 1] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    if (s->glen[s->ngroups - 1] == 1 && dots_then_dash(s)) {
        for (int i = 1; i + 1 < s->ngroups; i++)    /* thousands groups */
            if (s->glen[i] != 3)
                return DM_NO;
        return s->ngroups == 2 || s->glen[0] <= 3 ? DM_MEDIUM : DM_NO;   /* 900123456-8 */
    }
    return DM_NO;
}

static const char *const co_nit_shapes[] = {"e:D10/w", "e:D11/w", "e:D9-D1", "e:D10-D1", "e:D3.D3.D3-D1",
                                            "e:D1.D3.D3.D3-D1", NULL};
static const char *const co_nit_hints[] = {"nit", "numero_nit", "numero_de_identificacion_tributaria", "nit_number",
                                           "colombian_nit", NULL};
static const char *const co_nit_context[] = {"nit", NULL};
static const char *const co_nit_examples[] = {"800.197.268-4", "900123456-8", "860.001.022-7", "890903938-8", NULL};
static const char *const co_nit_counter[] = {"800.197.268-5", "900123456-9", "111.111.111-1", "80.0197.268-4", NULL};

/* A Colombian cédula has no check: a plausible length and no placeholder. */
static dm_verdict validate_co_cc(const dm_span *s)
{
    if (s->ngroups != 1 && !joiner_at(s, 1, '.'))
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 6 || n > 10 || !dm_all_digits(d, n) || d[0] == '0' || dm_dummy_digits(d, n) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    for (int i = 1; i < s->ngroups; i++)    /* 1.234.567.890 */
        if (s->glen[i] != 3 || !joiner_at(s, i, '.'))
            return DM_NO;
    return s->glen[0] <= 3 ? DM_WEAK : DM_NO;
}

static const char *const co_cc_shapes[] = {"e:D6/w", "e:D7/w", "e:D8/w", "e:D9/w", "e:D10/w", "e:D1.D3.D3", "e:D2.D3.D3", "e:D3.D3.D3", "e:D1.D3.D3.D3",
                                           NULL};
static const char *const co_cc_hints[] = {"cedula", "cedula_de_ciudadania", "numero_de_cedula", "numero_cedula",
                                          "documento_de_identidad", "colombian_id", NULL};
static const char *const co_cc_context[] = {"c.c.", "cédula", "cedula", NULL};
static const char *const co_cc_examples[] = {"1.020.304.050", "79.845.123", "52346781", NULL};
static const char *const co_cc_counter[] = {"11.111.111", "012345678", "1.02.0304", NULL};

/* ---- VENEZUELA cédula / RIF ------------------------------------------------------------------ */

static dm_verdict validate_ve_ci(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 7 || n > 9 || (d[0] != 'V' && d[0] != 'E') || !dm_all_digits(d + 1, n - 1) || d[1] == '0' ||
        dm_dummy_digits(d + 1, n - 1) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->glen[0] != 1 && s->ngroups > 1)
        return DM_NO;
    for (int i = 2; i < s->ngroups; i++)    /* V-12.345.678 */
        if (s->glen[i] != 3 || !joiner_at(s, i, '.'))
            return DM_NO;
    return DM_WEAK;     /* no check digit */
}

static const char *const ve_ci_shapes[] = {"c:L1D6~8", NULL};
static const char *const ve_ci_hints[] = {"cedula", "cedula_de_identidad", "numero_de_cedula", "ci",
                                          "venezuelan_id", NULL};
static const char *const ve_ci_context[] = {"c.i.", "cédula", "cedula", NULL};
static const char *const ve_ci_examples[] = {"V-12.875.302", "E-81234567", "v 8349127", NULL};
static const char *const ve_ci_counter[] = {"X-12.345.678", "V-11.111.111", "V-01234567", NULL};

static dm_verdict validate_ve_rif(const dm_span *s)
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    static const int l181[] = {1, 8, 1};
    const char *d = s->norm;
    const char *p = strchr("VEJPG", d[0]);
    if (s->norm_len != 10 || d[0] == 0 || !p || !dm_all_digits(d + 1, 9) || dm_dummy_digits(d + 1, 8))
        return DM_NO;
    int c = 11 - (int)(((p - "VEJPG" + 1) * 4 + dm_weighted_sum(d + 1, w, 8)) % 11);
    if ((c > 9 ? 0 : c) != d[9] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    if (dm_layout_is(s, l181, 3) && joiners_are(s, '-'))
        return DM_STRONG;
    return DM_NO;
}

static const char *const ve_rif_shapes[] = {"e:L1D9", "e:L1-D8-D1", NULL};
static const char *const ve_rif_hints[] = {"rif", "numero_rif", "registro_de_informacion_fiscal", "rif_number",
                                           "venezuelan_rif", NULL};
static const char *const ve_rif_context[] = {"rif", NULL};
static const char *const ve_rif_examples[] = {"J-29384712-5", "G-20000041-4", "V148293054", "E-81234567-5", NULL};
static const char *const ve_rif_counter[] = {"J-29384712-6", "X-29384712-5", "J-11111111-2", "J-2938471-25", NULL};

/* ---- passports: format only -------------------------------------------------------------------- *
 * No check digit outside the MRZ: WEAK, and counted only under the country's
 * own words for the document (DM_ENT_NEEDS_HINT). Formats as printed on the
 * data pages (PRADO): CA 2 letters + 6 digits; MX 1 letter + 8 digits. */

/* One group of `n` characters: `nl` upper-case letters, then digits not all zero. */
static bool letters_digits(const dm_span *s, size_t n, size_t nl)
{
    const char *d = s->norm;
    if (s->ngroups != 1 || s->norm_len != n)
        return false;
    for (size_t i = 0; i < nl; i++)
        if (!is_upper(d[i]))
            return false;
    return dm_all_digits(d + nl, n - nl) && !dm_all_same(d + nl, n - nl) && !dm_piece_of_longer(s);
}

static dm_verdict validate_ca_pp(const dm_span *s)
{
    return letters_digits(s, 8, 2) ? DM_WEAK : DM_NO;
}

static const char *const ca_pp_shapes[] = {"e:L2D6", NULL};
static const char *const ca_pp_hints[] = {"canadian_passport", "canada_passport", "ca_passport", "passport_ca",
                                          "numero_de_passeport_canadien", NULL};
static const char *const ca_pp_context[] = {"canadian passport", NULL};
static const char *const ca_pp_examples[] = {"AB827364", "GK293847", "hp102938", NULL};
static const char *const ca_pp_counter[] = {"AB000000", "A8273641", "AB8273641", NULL};

static dm_verdict validate_mx_pp(const dm_span *s)
{
    return letters_digits(s, 9, 1) ? DM_WEAK : DM_NO;
}

static const char *const mx_pp_shapes[] = {"e:L1D8", NULL};
static const char *const mx_pp_hints[] = {"pasaporte_mexicano", "numero_de_pasaporte", "pasaporte", "mx_passport",
                                          "mexican_passport", NULL};
static const char *const mx_pp_context[] = {"pasaporte", NULL};
static const char *const mx_pp_examples[] = {"G82736419", "N29384756", "e10293847", NULL};
static const char *const mx_pp_counter[] = {"G00000000", "GG2736419", "G8273641", NULL};

/* ---- table ------------------------------------------------------------------------------------ */

const dm_entity_def dm_entities_americas[] = {
    ENTITY("CANADA_SOCIAL_INSURANCE_NUMBER", "CA", DM_CAT_NATIONAL_ID,
           "Canadian social insurance number: 123 456 789, Luhn (bare 9 digits only under a SIN name)", ca_sin,
           validate_ca_sin, 0),
    ENTITY("BRAZIL_NATURAL_PERSON_REGISTRY_NUMBER", "BR", DM_CAT_TAX_ID, "Brazilian CPF: 000.000.000-00, two mod-11 digits",
           br_cpf, validate_br_cpf, 0),
    ENTITY("BRAZIL_NATIONAL_REGISTRY_OF_LEGAL_ENTITIES_NUMBER", "BR", DM_CAT_TAX_ID,
           "Brazilian CNPJ: 00.000.000/0000-00, two mod-11 digits", br_cnpj, validate_br_cnpj, 0),
    ENTITY("BRAZIL_NATIONAL_IDENTIFICATION_NUMBER", "BR", DM_CAT_NATIONAL_ID,
           "Brazilian RG (São Paulo / Rio layout 00.000.000-0 with mod-11 control), under an RG name", br_rg,
           validate_br_rg, DM_ENT_NEEDS_HINT),
    ENTITY("MEXICO_UNIQUE_POPULATION_REGISTRY_CODE", "MX", DM_CAT_NATIONAL_ID,
           "Mexican CURP: 18 characters, names, birth date, sex, state, check digit", mx_curp, validate_mx_curp, 0),
    ENTITY("MEXICO_TAX_IDENTIFICATION_NUMBER", "MX", DM_CAT_TAX_ID,
           "Mexican RFC: 3-4 letters, YYMMDD, homoclave with mod-11 check", mx_rfc, validate_mx_rfc, 0),
    ENTITY("MEXICO_CLABE_NUMBER", "MX", DM_CAT_BANK_ACCOUNT,
           "Mexican CLABE: 18 digits, bank code, weights 3 7 1 check digit", mx_clabe, validate_mx_clabe, 0),
    ENTITY("CHILE_NATIONAL_IDENTIFICATION_NUMBER", "CL", DM_CAT_NATIONAL_ID,
           "Chilean RUT/RUN: 12.345.678-5, mod-11 check digit or K", cl_rut, validate_cl_rut, 0),
    ENTITY("ARGENTINA_TAX_IDENTIFICATION_NUMBER", "AR", DM_CAT_TAX_ID,
           "Argentine CUIT/CUIL: 20-12345678-6, type prefix and mod-11 check", ar_cuit, validate_ar_cuit, 0),
    ENTITY("COLOMBIA_TAX_IDENTIFICATION_NUMBER", "CO", DM_CAT_TAX_ID,
           "Colombian NIT: 900.123.456-8, DIAN check digit (prime weights mod 11)", co_nit, validate_co_nit, 0),
    ENTITY("COLOMBIA_PERSONAL_IDENTIFICATION_NUMBER", "CO", DM_CAT_NATIONAL_ID,
           "Colombian cédula de ciudadanía: 6-10 digits, no check; under a cédula name only", co_cc, validate_co_cc,
           DM_ENT_NEEDS_HINT),
    ENTITY("VENEZUELA_NATIONAL_IDENTIFICATION_NUMBER", "VE", DM_CAT_NATIONAL_ID,
           "Venezuelan cédula: V/E + 6-8 digits, no check; under a cédula name only", ve_ci, validate_ve_ci,
           DM_ENT_NEEDS_HINT),
    ENTITY("VENEZUELA_VALUE_ADDED_TAX", "VE", DM_CAT_TAX_ID, "Venezuelan RIF: J-12345678-9, letter and mod-11 check",
           ve_rif, validate_ve_rif, 0),
    ENTITY("CANADA_PASSPORT_NUMBER", "CA", DM_CAT_PASSPORT,
           "Canadian passport: 2 letters, 6 digits (under its name)", ca_pp, validate_ca_pp, DM_ENT_NEEDS_HINT),
    ENTITY("MEXICO_PASSPORT_NUMBER", "MX", DM_CAT_PASSPORT,
           "Mexican passport: letter + 8 digits (under its name)", mx_pp, validate_mx_pp, DM_ENT_NEEDS_HINT),
    {0},
};
