"""The estate's multilingual store (eu/): a Portuguese clinic's patients, a
German HR file and a Spanish and a French CRM, with special-category data
(health, religion, trade-union membership) and gender. Imported by
generate.py; see README "Sources" for where the lists below come from.

Names are drawn from published frequency rankings (statistics offices'
lists of the most frequent names), weighted by rank (1/rank): the order is
the statistics', the weights are not counts. Identifiers carry their
official check digits; distributions marked "share" are published shares.
"""

import datetime

import synth as S

# ---------------------------------------------------------------- names (rank order of published lists)

# Portugal: most frequent given names of adults and surnames (INE / IRN lists)
PT_GIVEN_F = ["Maria", "Ana", "Isabel", "Fernanda", "Rosa", "Teresa", "Sofia", "Helena", "Margarida", "Catarina"]
PT_GIVEN_M = ["José", "João", "António", "Manuel", "Francisco", "Carlos", "Paulo", "Luís", "Joaquim", "Pedro"]
PT_SURNAMES = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins",
               "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida",
               "Ribeiro", "Pinto", "Carvalho"]
# Germany: given names of the 1960-1990 birth cohorts (GfdS annual lists), surnames (Duden ranking)
DE_GIVEN = ["Thomas", "Michael", "Andreas", "Stefan", "Peter", "Sabine", "Susanne", "Petra", "Andrea",
            "Claudia", "Christian", "Frank", "Monika", "Birgit", "Markus", "Stefanie", "Jürgen", "Julia",
            "Katrin", "Daniel"]
DE_SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
               "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
               "Schwarz", "Zimmermann"]
# Spain: INE "Nombres y apellidos más frecuentes" (whole population)
ES_GIVEN = ["Antonio", "María Carmen", "Manuel", "María", "José", "Carmen", "Francisco", "Ana María", "David",
            "Laura", "Juan", "María Pilar", "Javier", "Josefa", "José Antonio", "Isabel", "Daniel", "María Dolores",
            "Francisco Javier", "Marta"]
ES_SURNAMES = ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
               "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
               "Romero", "Alonso", "Gutiérrez"]
# France: INSEE "fichier des prénoms" (births 1946-2000) and surnames of births 1891-1990
FR_GIVEN_F = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Sandrine", "Valérie",
              "Christine", "Céline"]
FR_GIVEN_M = ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Christophe", "Stéphane", "Nicolas", "Patrick",
              "Laurent"]
FR_SURNAMES = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
               "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
               "Fournier", "Girard"]


def ranked(rng, names):
    """A name, weighted by 1/rank (Zipf-like, as name frequencies are)."""
    return rng.weighted([(1000 // (i + 1), n) for i, n in enumerate(names)])


def birth(rng, first=(1940, 1, 1), last=(2004, 12, 31)):
    return S.date_between(rng, first, last)


# ---------------------------------------------------------------- identifiers (official checks)

def pt_nif(rng):
    """Portuguese NIF of a person (first digit 1-3), mod-11 check digit."""
    body = rng.choice("123") + rng.digits(7)
    s = sum(int(d) * (9 - i) for i, d in enumerate(body))
    c = 11 - s % 11
    return body + str(0 if c >= 10 else c)


def de_steuer_id(rng):
    """German Steuer-IdNr: 11 digits, the first not 0; in the first ten
    exactly one digit occurs twice, the others at most once; check digit ISO
    7064 MOD 11,10."""
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        ten = digits[:9]
        ten.insert(rng.below(9) + 1, ten[rng.below(9)])     # one digit twice
        if ten[0] == "0":
            continue
        product = 10
        for d in ten:
            total = (int(d) + product) % 10
            if total == 0:
                total = 10
            product = (total * 2) % 11
        check = 11 - product
        return "".join(ten) + str(0 if check == 10 else check)


def es_dni(rng):
    n = rng.between(10000000, 79999999)
    return "%08d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])


FR_DEPTS = ["75", "13", "69", "59", "33", "31", "06", "44", "67", "34", "92", "93", "94", "35", "76"]


def fr_nir(rng, sex, born):
    """French NIR: sex, year, month, département, commune, order, key = 97 -
    (number mod 97); consistent with the person's sex and birth date."""
    body = "%d%02d%02d%s%03d%03d" % (1 if sex == "M" else 2, born.year % 100, born.month, rng.choice(FR_DEPTS),
                                     rng.between(1, 400), rng.between(1, 999))
    key = 97 - int(body) % 97
    return "%s %s %s %s %s %s %02d" % (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)


def pt_phone(rng):
    """A Portuguese mobile number (ANACOM plan: 91, 92, 93, 96 + 7 digits)."""
    return "+351 9%s%s %s %s" % (rng.choice("1236"), rng.digits(1), rng.digits(3), rng.digits(3))


# ---------------------------------------------------------------- special categories

# ICD-10 (WHO) codes of chronic and frequent conditions seen in primary care;
# the weights are illustrative, not statistics
ICD10 = [(18, "I10"), (12, "E78.5"), (10, "E11.9"), (8, "F32.9"), (7, "F41.1"), (6, "M54.5"), (6, "J45.9"),
         (5, "E66.9"), (5, "M17.9"), (4, "E03.9"), (4, "K21.9"), (4, "J06.9"), (3, "N39.0"), (3, "I48.9"),
         (3, "J44.9"), (2, "G43.9")]
# ABO/RhD shares of Portuguese blood donors (IPST, approximate shares in %)
PT_BLOOD = [(398, "A+"), (362, "O+"), (66, "B+"), (29, "AB+"), (68, "A-"), (60, "O-"), (11, "B-"), (5, "AB-")]
# Germany 2022: church members (Destatis / EKD / DBK shares in %)
DE_KONFESSION = [(248, "römisch-katholisch"), (227, "evangelisch"), (36, "muslimisch"), (19, "orthodox"),
                 (470, "konfessionslos")]
# DGB unions by members 2023 (DGB membership statistics, thousands); union density about 16%
DE_UNIONS = [(2150, "IG Metall"), (1860, "ver.di"), (580, "IG BCE"), (280, "GEW"), (230, "IG BAU"),
             (190, "NGG"), (180, "EVG"), (200, "GdP")]
DE_UNION_DENSITY = 0.16
PT_CITIES = ["Lisboa", "Porto", "Vila Nova de Gaia", "Amadora", "Braga", "Coimbra", "Funchal", "Setúbal",
             "Almada", "Queluz"]
DE_ABTEILUNG = ["Produktion", "Vertrieb", "Buchhaltung", "Einkauf", "Logistik", "IT", "Personal"]


def gen_clinic(labelled, rng, n):
    cols = ["id_paciente", "nome", "sexo", "data_nascimento", "nif", "telefone", "localidade",
            "diagnostico", "tipo_sanguineo", "data_consulta"]
    t = labelled("eu/clinica_pacientes.csv", "eu", "clinica_pacientes", "csv", cols, delimiter=";")
    rows = []
    for k in range(n):
        sex = "F" if rng.chance(0.524) else "M"      # share of women in Portugal (INE, 2021 census)
        given = ranked(rng, PT_GIVEN_F if sex == "F" else PT_GIVEN_M)
        name = "%s %s %s" % (given, ranked(rng, PT_SURNAMES), ranked(rng, PT_SURNAMES))
        row = ["P%05d" % (20001 + k), name, "Feminino" if sex == "F" else "Masculino",
               S.fmt_date(birth(rng), "eu"), pt_nif(rng), pt_phone(rng), rng.choice(PT_CITIES),
               rng.weighted(ICD10), rng.weighted(PT_BLOOD),
               S.fmt_date(S.date_between(rng, (2024, 1, 2), (2025, 1, 10)), "iso")]
        ents = [(), ("PERSON_NAME",), ("GENDER",), ("DATE_OF_BIRTH",), ("PORTUGAL_TAX_IDENTIFICATION_NUMBER",),
                ("PHONE_NUMBER",), (), ("HEALTH",), ("HEALTH",), ()]
        for c, v, e in zip(cols, row, ents):
            t.tally(c, v, e)
        rows.append(row)
    t.rows = n
    return t, cols, rows


def gen_hr(labelled, rng, n):
    cols = ["Personalnummer", "Vorname", "Nachname", "Geburtsdatum", "Steuer-ID", "Konfession",
            "Gewerkschaft", "Abteilung", "Eintrittsdatum"]
    t = labelled("eu/personal_mitarbeiter.csv", "eu", "personal_mitarbeiter", "csv", cols, delimiter=";")
    rows = []
    for k in range(n):
        union = rng.weighted(DE_UNIONS) if rng.chance(DE_UNION_DENSITY) else ""
        row = ["%06d" % (400100 + k), ranked(rng, DE_GIVEN), ranked(rng, DE_SURNAMES),
               S.fmt_date(birth(rng, (1960, 1, 1), (2004, 12, 31)), "de"), de_steuer_id(rng),
               rng.weighted(DE_KONFESSION), union, rng.choice(DE_ABTEILUNG),
               S.fmt_date(S.date_between(rng, (2005, 1, 1), (2024, 12, 31)), "de")]
        ents = [(), ("PERSON_NAME",), ("PERSON_NAME",), ("DATE_OF_BIRTH",), ("GERMANY_TAX_IDENTIFICATION_NUMBER",),
                ("RELIGIOUS_BELIEF",), ("TRADE_UNION_MEMBERSHIP",), (), ()]
        for c, v, e in zip(cols, row, ents):
            t.tally(c, v, e)
        rows.append(row)
    t.rows = n
    return t, cols, rows


def gen_crm_es(labelled, rng, n):
    cols = ["id_cliente", "nombre", "apellidos", "dni", "fecha_nacimiento", "telefono", "correo", "ciudad"]
    t = labelled("eu/crm_clientes_es.csv", "eu", "crm_clientes_es", "csv", cols, delimiter=",")
    rows = []
    for k in range(n):
        first = ranked(rng, ES_GIVEN)
        last = "%s %s" % (ranked(rng, ES_SURNAMES), ranked(rng, ES_SURNAMES))
        p = S.Person("ES", first, last)
        row = ["C-ES-%05d" % (1 + k), first, last, es_dni(rng), S.fmt_date(birth(rng), "eu"), S.phone_es(rng),
               S.email(rng, p), S.city_postcode(rng, "ES")[0]]
        ents = [(), ("PERSON_NAME",), ("PERSON_NAME",), ("SPAIN_DNI",), ("DATE_OF_BIRTH",), ("PHONE_NUMBER",),
                ("EMAIL",), ()]
        for c, v, e in zip(cols, row, ents):
            t.tally(c, v, e)
        rows.append(row)
    t.rows = n
    return t, cols, rows


def gen_crm_fr(labelled, rng, n):
    cols = ["id_client", "prénom", "nom", "sexe", "date_de_naissance", "nir", "téléphone", "courriel", "ville"]
    t = labelled("eu/crm_clients_fr.csv", "eu", "crm_clients_fr", "csv", cols, delimiter=";")
    rows = []
    for k in range(n):
        sex = "F" if rng.chance(0.516) else "M"      # share of women in France (INSEE)
        first, last = ranked(rng, FR_GIVEN_F if sex == "F" else FR_GIVEN_M), ranked(rng, FR_SURNAMES)
        born = birth(rng)
        p = S.Person("FR", first, last)
        row = ["C-FR-%05d" % (1 + k), first, last, "femme" if sex == "F" else "homme", S.fmt_date(born, "eu"),
               fr_nir(rng, sex, born), S.phone_fr(rng), S.email(rng, p), S.city_postcode(rng, "FR")[0]]
        ents = [(), ("PERSON_NAME",), ("PERSON_NAME",), ("GENDER",), ("DATE_OF_BIRTH",),
                ("FRANCE_NATIONAL_IDENTIFICATION_NUMBER",), ("PHONE_NUMBER",), ("EMAIL",), ()]
        for c, v, e in zip(cols, row, ents):
            t.tally(c, v, e)
        rows.append(row)
    t.rows = n
    return t, cols, rows


TAGS = [
    ("Purpose of Processing", "Patient care (clinic), personnel administration and customer management of the EU subsidiaries"),
    ("Data Subjects", "Patients; Employees; Customers"),
    ("Processing Activity", "EU subsidiaries"),
    ("Business Function", "Subsidiaries"),
    ("Data Consumers", "Clinicians; HR; church tax authorities (Kirchensteuer); Sales"),
    ("Retention", "Clinical records 10 years; personnel files 6 years after employment; customers 3 years"),
    ("Legal Basis", "Art. 6(1)(b) contract; Art. 6(1)(c) legal obligation"),
    ("Special Category Basis", "Art. 9(2)(h) health care; Art. 9(2)(b) employment and social security law"),
    ("Security Measures", "Encryption at rest; access by role; audit log"),
]
