#!/usr/bin/env python3
"""The real-world bench: labelled tables in many languages, built from public
statistics the detectors were not written from.

    bench/realworld.py [--out DIR] [--rows N] [--seed S] [--sources DIR] [--verbose]

Writes the tables into DIR/tables (CSV, JSON Lines, JSON, a Windows-1252 and
a UTF-16 CSV), DIR/labels.json ({"table": {"column": ["ENTITY", ...]}}, the
format bench/score.py reads) and DIR/meta.json (per table its language or
country and per column the items of issue 11 it exercises, for the grouped
scores). DIR defaults to bench/data/realworld. The vocabularies come from
pinned npm and Debian packages installed into --sources (default
bench/data/sources, see rw_sources.py); the identifiers carry valid check
digits (rw_ids.py, synth.py). See bench/README.md, "Real-world bench".

Same arguments and same package versions, same bytes.
"""

import argparse
import base64
import csv
import datetime
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import synth as S  # noqa: E402
import rw_ids as ID  # noqa: E402
from rw_sources import Sources  # noqa: E402

THRESHOLD = 0.1
ITEMS = {
    "1": "names, organisations, places",
    "2": "column names in other languages and forms",
    "3": "column statistics without a name",
    "4": "dates of birth",
    "5": "addresses",
    "6": "mixed national IDs",
    "7": "free text",
    "8": "special categories and gender",
    "9": "encodings",
    "12": "placeholders",
}
PLACEHOLDERS = ["n/a", "N/A", "unknown", "-", "null", "NULL", "none", "?"]

NAME, DOB, ADDR, PH, E = "PERSON_NAME", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL"
HEALTH, GENDER = "HEALTH", "GENDER"
NONE = ()

# ---------------------------------------------------------------- typed language knowledge
# Short closed vocabularies (street types, legal forms, month names, census
# categories, medical terms): language and public classification knowledge,
# not statistics. Names of people and places come from the packages.

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
SEX = {"de": (["männlich", "weiblich", "divers"], [0.49, 0.49, 0.02]),
       "fr": (["Homme", "Femme", "H", "F"], [0.3, 0.3, 0.2, 0.2]),
       "es": (["Hombre", "Mujer"], [0.5, 0.5]),
       "it": (["M", "F"], [0.5, 0.5]),
       "br": (["Masculino", "Feminino"], [0.5, 0.5]),
       "nl": (["man", "vrouw", "M", "V"], [0.3, 0.3, 0.2, 0.2]),
       "pl": (["mężczyzna", "kobieta"], [0.5, 0.5]),
       "tr": (["Erkek", "Kadın"], [0.5, 0.5]),
       "in": (["Purush", "Mahila", "Male", "Female"], [0.25, 0.25, 0.25, 0.25]),
       "en": (["Male", "Female", "Non-binary", "Prefer not to say"], [0.47, 0.47, 0.03, 0.03]),
       "jp": (["dansei", "josei", "M", "F"], [0.25, 0.25, 0.25, 0.25])}
LEGAL = {"de": ["GmbH", "AG", "GmbH & Co. KG", "KG", "e.K."], "fr": ["SARL", "SA", "SAS", "EURL"],
         "es": ["S.L.", "S.A.", "S.L.U."], "it": ["S.p.A.", "S.r.l.", "S.n.c."], "br": ["Ltda.", "S.A.", "ME"],
         "pt": ["Lda.", "S.A."], "nl": ["B.V.", "N.V.", "V.O.F."], "pl": ["Sp. z o.o.", "S.A.", "Sp.k."],
         "tr": ["A.Ş.", "Ltd. Şti."], "in": ["Pvt. Ltd.", "Ltd.", "LLP"], "en": ["Ltd", "LLP", "plc", "Limited"],
         "us": ["Inc.", "LLC", "Corp.", "Co."], "jp": ["Co., Ltd.", "K.K.", "Kabushiki Kaisha"]}
TRADES = {"de": ["Bau", "Logistik", "Elektrotechnik", "Immobilien", "Metallbau", "Druckerei", "Holzbau"],
          "fr": ["Transports", "Boulangerie", "Électricité", "Immobilier", "Menuiserie", "Conseil"],
          "es": ["Construcciones", "Transportes", "Inmobiliaria", "Distribuciones", "Talleres"],
          "it": ["Costruzioni", "Trasporti", "Immobiliare", "Arredamenti", "Impianti"],
          "br": ["Comércio", "Construtora", "Transportes", "Distribuidora", "Serviços"],
          "pt": ["Construções", "Transportes", "Comércio", "Serviços"],
          "nl": ["Bouw", "Installatietechniek", "Transport", "Vastgoed", "Handelsonderneming"],
          "pl": ["Budownictwo", "Transport", "Handel", "Usługi"],
          "tr": ["İnşaat", "Tekstil", "Gıda", "Nakliyat"],
          "in": ["Textiles", "Infotech", "Motors", "Pharma", "Traders"],
          "en": ["Builders", "Haulage", "Joinery", "Solicitors", "Estates", "Engineering"],
          "jp": ["Shoji", "Kogyo", "Seisakusho", "Kensetsu", "Denki"]}
STREET = {"de": ["{}straße", "{}weg", "{}allee", "Am {}", "{}platz", "{}gasse"],
          "fr": ["rue {}", "avenue {}", "boulevard {}", "place {}", "impasse {}", "chemin de {}"],
          "es": ["Calle {}", "Avenida de {}", "Plaza de {}", "Paseo de {}", "Camino de {}"],
          "it": ["Via {}", "Viale {}", "Piazza {}", "Corso {}", "Vicolo {}"],
          "br": ["Rua {}", "Avenida {}", "Travessa {}", "Alameda {}", "Praça {}"],
          "pt": ["Rua {}", "Avenida {}", "Travessa {}", "Largo {}"],
          "nl": ["{}straat", "{}laan", "{}weg", "{}plein", "{}gracht", "{}kade"],
          "pl": ["ul. {}", "al. {}", "pl. {}", "os. {}"],
          "tr": ["{} Caddesi", "{} Sokak", "{} Cad.", "{} Sk.", "{} Bulvarı"],
          "in": ["{} Road", "{} Nagar", "{} Marg", "{} Street", "{} Colony"],
          "en": ["{} Road", "{} Street", "{} Lane", "{} Close", "{} Avenue", "{} Way", "{} Gardens", "{} Crescent"],
          "jp": ["{}"],
          "us": ["{} St", "{} Street", "{} Ave", "{} Avenue", "{} Blvd", "{} Dr", "{} Road", "{} Ln"]}
# town-naming patterns ({S} a family name, {G} a given name)
TOWN_PATTERNS = {
    "en": ["Port {S}", "{S}ton", "{S}borough", "{S}ville", "North {S}", "{S} Springs", "Lake {S}", "{S}field",
           "Fort {S}", "Mount {S}", "East {S}", "{S} Heath", "Port {G}"],
    "br": ["São {G}", "Santa {G}", "Vila Nova de {S}", "{S} do Sul", "Nova {S}", "Porto {S}", "Santo Antônio de {S}",
           "{S} da Serra", "Campos de {S}"],
    "pt": ["São {G} de {S}", "Santa {G}", "Vila Nova de {S}", "Póvoa de {S}", "Torre de {S}"],
    "es": ["San {G}", "Villanueva de {S}", "{S} de la Sierra", "Puerto {S}", "Santa María de {S}", "Villa {S}",
           "{S} del Río", "Nuevo {S}"],
}
UK_AREAS = ["AB", "B", "BA", "BD", "BH", "BN", "BS", "CB", "CF", "CH", "CM", "CV", "DE", "DN", "EH", "EX",
            "G", "GL", "GU", "HP", "HU", "IP", "KT", "L", "LE", "LS", "M", "ME", "MK", "NE", "NG", "NR",
            "OX", "PE", "PL", "PO", "RG", "S", "SO", "SS", "ST", "SW", "TN", "WD", "YO"]
UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
US_STATES = ["AL", "AZ", "CA", "CO", "CT", "FL", "GA", "IL", "IN", "MA", "MD", "MI", "MN", "MO", "NC", "NJ",
             "NY", "OH", "OR", "PA", "TN", "TX", "VA", "WA", "WI"]
IN_STATES = ["Maharashtra", "Karnataka", "Tamil Nadu", "Delhi", "Gujarat", "Kerala", "Uttar Pradesh",
             "West Bengal", "Telangana", "Rajasthan", "Punjab"]
BR_UF = ["SP", "RJ", "MG", "BA", "RS", "PR", "PE", "CE", "SC", "GO", "PA", "AM"]
IT_PROV = ["MI", "RM", "TO", "NA", "BO", "FI", "GE", "PA", "BA", "VE", "VR", "PD"]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "correo.example.es",
                 "posteo.example.de", "exemple.example.fr", "posta.example.it", "example.com.br",
                 "example.co.uk", "example.in", "example.jp"]

# ICD-10 (WHO) chapter letters and a few well-known three-character categories
ICD10 = ["E11", "E10", "I10", "I21", "I25", "I48", "I50", "J44", "J45", "J18", "K21", "K35", "K80", "M54",
         "M17", "M81", "N18", "N39", "F32", "F33", "F41", "F20", "F10", "G40", "G35", "G20", "C50", "C34",
         "C61", "C18", "B20", "A09", "O80", "Z34", "E66", "E78", "L40", "R51", "S72", "H25"]
DIAG = {"en": ["Type 2 diabetes mellitus", "Essential hypertension", "Asthma", "Major depressive disorder",
               "Chronic obstructive pulmonary disease", "Atrial fibrillation", "Heart failure",
               "Generalised anxiety disorder", "Osteoarthritis of knee", "Pneumonia", "Migraine",
               "Epilepsy", "Multiple sclerosis", "Parkinson's disease", "Breast cancer", "HIV disease",
               "Chronic kidney disease, stage 3", "Schizophrenia", "Alcohol dependence", "Psoriasis"],
        "de": ["Diabetes mellitus Typ 2", "Essentielle Hypertonie", "Asthma bronchiale", "Depressive Episode",
               "Vorhofflimmern", "Herzinsuffizienz", "Angststörung", "Gonarthrose", "Pneumonie", "Migräne",
               "Epilepsie", "Multiple Sklerose", "Morbus Parkinson", "Mammakarzinom", "Niereninsuffizienz",
               "Schizophrenie", "Alkoholabhängigkeit", "Schuppenflechte", "Bandscheibenvorfall"],
        "es": ["Diabetes mellitus tipo 2", "Hipertensión arterial", "Asma", "Depresión mayor",
               "Fibrilación auricular", "Insuficiencia cardíaca", "Trastorno de ansiedad", "Artrosis de rodilla",
               "Neumonía", "Migraña", "Epilepsia", "Esclerosis múltiple", "Enfermedad de Parkinson",
               "Cáncer de mama", "Insuficiencia renal crónica", "Esquizofrenia", "Psoriasis"]}
MEDS = ["Metformin 500 mg", "Atorvastatin 20 mg", "Ramipril 5 mg", "Amlodipine 5 mg", "Salbutamol inhaler",
        "Sertraline 50 mg", "Levothyroxine 75 mcg", "Omeprazole 20 mg", "Apixaban 5 mg", "Bisoprolol 2.5 mg",
        "Insulin glargine", "Lamotrigine 100 mg", "Methotrexate 15 mg", "Tamoxifen 20 mg", "Citalopram 20 mg",
        "Furosemid 40 mg", "Ibuprofeno 600 mg", "Paracetamol 1 g", "Olanzapine 10 mg", "Warfarin 3 mg"]
ALLERGY = ["Penicillin", "Peanuts", "Latex", "Shellfish", "Aspirin", "Lactose", "Sulfonamides", "Bee stings",
           "Eggs", "Tree nuts", "Codeine", "None known"]
BLOOD = ["A+", "A-", "B+", "B-", "AB+", "AB-", "0+", "0-", "O+", "O-"]
# census categories: England and Wales 2021 (ethnic group, religion), German church tax classes
ETHNIC_UK = ["White: English, Welsh, Scottish, Northern Irish or British", "White: Irish", "White: Other White",
             "Asian or Asian British: Indian", "Asian or Asian British: Pakistani",
             "Asian or Asian British: Bangladeshi", "Asian or Asian British: Chinese",
             "Black, Black British, Caribbean or African: African",
             "Black, Black British, Caribbean or African: Caribbean", "Mixed: White and Black Caribbean",
             "Mixed: White and Asian", "Other ethnic group: Arab", "Prefer not to say"]
RELIGION_UK = ["No religion", "Christian", "Muslim", "Hindu", "Sikh", "Jewish", "Buddhist", "Other religion",
               "Prefer not to say"]
RELIGION_DE = ["römisch-katholisch", "evangelisch", "konfessionslos", "muslimisch", "orthodox", "jüdisch",
               "rk", "ev", "--"]
RELIGION_ES = ["católica", "sin religión", "musulmana", "evangélica", "judía", "budista", "atea", "agnóstica"]
RELIGION_FR = ["catholique", "sans religion", "musulmane", "protestante", "juive", "bouddhiste"]
ORIENT = {"en": ["Heterosexual or straight", "Gay or lesbian", "Bisexual", "Asexual", "Pansexual",
                 "Prefer not to say", "Other sexual orientation"],
          "fr": ["hétérosexuel", "homosexuel", "bisexuel", "asexuel", "ne souhaite pas répondre"]}
PARTIES = {"en": ["Labour", "Conservative", "Liberal Democrats", "Green Party", "SNP", "Reform UK", "Plaid Cymru"],
           "fr": ["Renaissance", "Les Républicains", "Parti socialiste", "Rassemblement national",
                  "La France insoumise", "Europe Écologie Les Verts"]}
UNIONS = {"en": ["Unite", "UNISON", "GMB", "Royal College of Nursing", "NEU", "PCS", "USDAW", "CWU"],
          "fr": ["CGT", "CFDT", "FO", "CFE-CGC", "CFTC", "UNSA", "SUD"]}
OFFENCES = ["Theft from a shop", "Burglary (dwelling)", "Driving with excess alcohol", "Common assault",
            "Possession of a controlled drug (Class B)", "Criminal damage", "Fraud by false representation",
            "Assault occasioning actual bodily harm", "Handling stolen goods", "Dangerous driving",
            "Harassment", "Robbery"]
SENTENCES = ["Fine £{}", "{} months imprisonment", "Community order, {} hours unpaid work",
             "{} months suspended sentence", "Conditional discharge", "Disqualified from driving {} months"]
RSIDS = ["rs429358", "rs7412", "rs1801133", "rs1815739", "rs4988235", "rs12913832", "rs53576", "rs1042522",
         "rs6265", "rs334", "rs1800562", "rs4680", "rs9939609", "rs1801282"]
BASES = "ACGT"
STATUS = ["active", "inactive", "pending", "suspended", "closed", "archived", "on hold", "draft"]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mx", "Herr", "Frau", "Sr.", "Sra.", "M.", "Mme"]
HOLIDAYS = ["Christmas", "Easter", "Ramadan", "Diwali", "Hanukkah", "New Year", "Eid al-Fitr", "Whitsun"]
DEPTS = ["Finance", "Sales", "Logistics", "IT", "Marketing", "Human Resources", "Legal", "Procurement"]
JOBS = ["Accountant", "Software Engineer", "Nurse", "Warehouse Operative", "Sales Manager", "Teacher",
        "Data Analyst", "Receptionist", "Electrician", "Project Manager"]
WARDS = ["Ward 4B", "Cardiology", "Oncology", "Maternity", "A&E", "Orthopaedics", "ICU", "Geriatrics"]


# ---------------------------------------------------------------- people

class World:
    """Everything drawn from the packages, plus value builders."""

    def __init__(self, src):
        self.src = src
        g = src.given
        self.given = {"de": g["de"], "fr": g["fr"], "es": g["es"], "it": g["it"], "tr": g["tr"],
                      "en": g["en"], "us": g["en"], "in": g["in"], "pl": g["pl"], "multi": g["multi"],
                      "br": g["es"] + g["it"], "pt": g["es"], "nl": g["de"] + g["en"]}
        # The lists carry no frequencies. As a proxy for common names, "core"
        # holds the names of a language that at least two of the other five
        # lists also hold (Maria, Ibrahim, Conrad); 65% of names come from it.
        langs = ("de", "en", "es", "fr", "it", "tr")
        sets = {k: {n for n, _ in g[k]} for k in langs}
        self.core = {}
        for k in langs:
            others = [sets[o] for o in langs if o != k]
            self.core[k] = [(n, s) for n, s in g[k] if sum(n in o for o in others) >= 2]
        self.core["us"] = self.core["en"]
        self.core["br"] = self.core["es"] + self.core["it"]
        self.core["pt"] = self.core["es"]
        self.core["nl"] = self.core["de"] + self.core["en"]
        # Arabic names: mostly the spellings the given-name lists also attest
        # (Zainab, Majid), the rest as the package transliterates them (Wjadi)
        allg = {n for v in g.values() for n, _ in v}
        self.arabic_core = [n for n in src.arabic if n in allg]
        self.male = {k: [n for n, s in v if s == "male"] for k, v in self.given.items()}
        for k, v in self.core.items():
            if k != "tr":
                self.male[k] = [n for n, s in v if s == "male"]
        self.towns = {}
        for cc in ("DE", "FR", "ES", "IT", "BR", "PT", "NL", "PL", "TR", "IN", "GB", "US", "JP", "AE"):
            # as people write them: no transliteration marks (GeoNames spells Indian towns with macrons)
            self.towns[cc] = [t for t in src.towns.get(cc, []) if 3 <= len(t) <= 30 and
                              all(c.isalpha() or c in " -'." for c in t) and
                              (cc not in ("IN", "AE", "JP") or t.isascii()) and not t.endswith(" INA")]
        # one-word towns serve as toponymic surnames (Almeida, Preston, Hohenberg)
        self.topo = {cc: [t for t in v if t.isalpha() and 4 <= len(t) <= 12] for cc, v in self.towns.items()}
        self.compound = {cc: [t for t in self.towns[cc] if " " in t or "-" in t] for cc in self.towns}

    def sex_given(self, rng, lang):
        if lang in self.core and lang != "tr" and rng.chance(0.65):
            return rng.choice(self.core[lang])
        n, s = rng.choice(self.given[lang])
        return n, s

    def arabic(self, rng):
        return rng.choice(self.arabic_core if rng.chance(0.7) else self.src.arabic)

    def surname(self, rng, lang):
        """A family name built the way the language builds them: toponymic (from
        the country's towns), patronymic (from its given names) or a given name
        used as a family name."""
        if lang == "jp":
            return rng.choice(self.src.jp_surnames)
        if lang == "ar":
            return self.arabic(rng)
        male = self.male[lang] or [n for n, _ in self.given[lang]]
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "br": "BR", "pt": "PT", "nl": "NL", "pl": "PL",
              "tr": "TR", "in": "IN", "en": "GB", "us": "US"}.get(lang, "GB")
        r = rng.below(10)
        base = rng.choice(male)
        if r < 3 and self.topo.get(cc):
            t = rng.choice(self.topo[cc])
            if lang == "nl":
                return rng.choice(["van ", "van ", "van der ", "de "]) + t
            if lang in ("br", "pt"):
                return rng.choice(["", "", "da ", "de ", "dos "]) + t
            if lang == "pl":
                if t.endswith(("ski", "ska", "cki", "cka")):
                    return t
                return t.rstrip("aeiouy") + rng.choice(["ski", "ska", "owski"])
            return t
        if r < 7 and 4 <= len(base) <= 7 and base.isascii():
            stem = base.rstrip("aeiou") if len(base) > 4 else base
            return {"es": stem + "ez", "br": stem + "es", "pt": stem + "es", "it": stem + "i",
                    "de": base + "s", "nl": base + rng.choice(["s", "sen", "se"]), "en": base + "son",
                    "us": base + "son", "tr": base + "oğlu", "pl": stem + rng.choice(["owicz", "czyk", "ak"]),
                    "fr": rng.choice(["", "De "]) + base, "in": base}.get(lang, base)
        return base

    def person(self, rng, lang):
        """(given, family, sex) for a resident of `lang`'s country; one in five
        residents has a name from another origin."""
        origin = lang
        r = rng.below(100)
        if r < 8:
            origin = "multi"
        elif r < 12:
            origin = "arabic"
        elif r < 16:
            origin = "in"
        elif r < 18:
            origin = "jp"
        if origin == "jp" or lang == "jp":
            return rng.choice(self.src.jp_given), rng.choice(self.src.jp_surnames), None
        if origin == "arabic" or lang == "ar":
            first = self.arabic(rng)
            fam = self.arabic(rng)
            return first, rng.choice(["", "", "Al-", "Al ", "El-"]) + fam, None
        if origin == "multi":
            n, s = rng.choice(self.given["multi"])
            return n, self.surname(rng, lang if lang in self.male else "en"), s
        n, s = self.sex_given(rng, origin)
        return n, self.surname(rng, origin), s

    def full(self, rng, lang):
        g, f, s = self.person(rng, lang)
        return "%s %s" % (g, f), s

    def company(self, rng, lang):
        """Organisation names: the shapes that fool a name detector."""
        sur = lambda: self.surname(rng, lang)  # noqa: E731
        r = rng.below(10)
        form = rng.choice(LEGAL.get(lang, LEGAL["en"]))
        if r == 0:
            return "%s-%s" % (sur(), sur())                          # Smith-Jones
        if r == 1:
            return "%s and Sons" % sur() if lang in ("en", "us", "in") else "%s & Söhne" % sur() \
                if lang == "de" else "%s e Hijos" % sur() if lang == "es" else "%s Shoten" % sur() \
                if lang == "jp" else "%s & Fils" % sur()
        if r == 2:
            return "%s, %s and %s" % (sur(), sur(), sur()) if lang in ("en", "us") else \
                "%s, %s & %s" % (sur(), sur(), sur())
        if r == 3:
            return "%s-%s %s" % (sur(), sur(), form)
        if r == 4:
            return "%s & Partner %s" % (sur(), form)
        if r == 5:
            return "%s %s %s" % (rng.choice(TRADES.get(lang, TRADES["en"])), sur(), form)
        if r == 6:
            return "%s %s %s" % (rng.choice(self.towns.get(self.cc(lang), ["Nord"]) or ["Nord"]),
                                 rng.choice(TRADES.get(lang, TRADES["en"])), form)
        return "%s %s" % (sur(), form)

    @staticmethod
    def cc(lang):
        return {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "br": "BR", "pt": "PT", "nl": "NL", "pl": "PL",
                "tr": "TR", "in": "IN", "en": "GB", "us": "US", "jp": "JP", "ar": "AE"}.get(lang, "GB")

    def town(self, rng, lang):
        return rng.choice(self.towns[self.cc(lang)])

    def pattern_town(self, rng, lang):
        """A town name built the way towns are named (no list holds it):
        GeoNames is also the source of the detector's place list, so towns
        drawn from it alone would test that list, not the patterns."""
        sur = self.surname(rng, lang)
        giv = self.sex_given(rng, lang)[0]
        pats = TOWN_PATTERNS.get(lang, TOWN_PATTERNS["en"])
        return rng.choice(pats).format(S=sur.split()[-1], G=giv)

    # ------------------------------------------------------------ addresses
    def street(self, rng, lang):
        pat = rng.choice(STREET[lang])
        r = rng.below(3)
        if r == 0:
            name = self.surname(rng, lang if lang not in ("in",) else "en")
        elif r == 1:
            g, f, _ = self.person(rng, lang)
            name = "%s %s" % (g, f) if "{}" in pat and not pat.startswith("{}") or lang != "de" else f
        else:
            name = self.town(rng, lang)
        if lang in ("de", "nl") and pat.startswith("{}") and " " in name:
            name = name.replace(" ", "-")
        return pat.format(name)

    def postcode(self, rng, cc):
        if cc == "GB":
            area = rng.choice(UK_AREAS)
            return "%s%d %d%s" % (area, rng.between(1, 29), rng.below(10), rng.chars(UK_INWARD, 2))
        if cc == "US":
            return "%05d" % rng.between(1001, 99950)
        if cc == "NL":
            return "%04d %s" % (rng.between(1011, 9999), rng.chars("ABCEGHJKLMNPRSTVWXZ", 2))
        if cc == "PL":
            return "%02d-%03d" % (rng.below(100), rng.below(1000))
        if cc == "PT":
            return "%04d-%03d" % (rng.between(1000, 9970), rng.below(1000))
        if cc == "BR":
            return "%05d-%03d" % (rng.between(1000, 99999), rng.below(1000))
        if cc == "IN":
            return "%d%05d" % (rng.between(1, 8), rng.below(100000))
        if cc == "JP":
            return "%03d-%04d" % (rng.between(100, 999), rng.below(10000))
        return "%05d" % rng.between(1000, 95999)

    def address(self, rng, lang):
        """A one-line address in the country's layout."""
        cc = self.cc(lang)
        n = rng.between(1, 240)
        st = self.street(rng, lang)
        town = self.town(rng, lang)
        pc = self.postcode(rng, cc)
        if lang == "en":
            return "%d %s, %s %s" % (n, st, town, pc)
        if lang == "us":
            return "%d %s%s, %s, %s %s" % (rng.between(1, 9999), st, rng.choice(["", "", ", Apt %d" % n]), town,
                                         rng.choice(US_STATES), pc)
        if lang in ("de", "nl"):
            return "%s %d%s, %s %s" % (st, n, rng.choice(["", "", "a"]), pc, town)
        if lang == "fr":
            return "%d%s %s, %s %s" % (n, rng.choice(["", "", " bis"]), st, pc, town)
        if lang == "es":
            return "%s, %d, %dº %s, %s %s" % (st, n, rng.between(1, 9), rng.choice("ABCD"), pc, town)
        if lang == "it":
            return "%s %d, %s %s (%s)" % (st, n, pc, town, rng.choice(IT_PROV))
        if lang == "br":
            return "%s, %d - %s, %s - %s, %s" % (st, n, self.town(rng, lang), town, rng.choice(BR_UF), pc)
        if lang == "pt":
            return "%s %d, %s %s" % (st, n, pc, town)
        if lang == "pl":
            return "%s %d/%d, %s %s" % (st, n, rng.between(1, 60), pc, town)
        if lang == "tr":
            return "%s No: %d D: %d, %s %s" % (st, n, rng.between(1, 20), pc, town)
        if lang == "in":
            return "%s %d, %s, %s, %s %s" % (rng.choice(["Flat", "House No.", "Plot"]), n, st, town,
                                             rng.choice(IN_STATES), pc)
        if lang == "jp":
            return "%d-%d-%d %s, %s %s" % (rng.between(1, 9), rng.between(1, 30), rng.between(1, 20),
                                           rng.choice(self.src.jp_surnames) + rng.choice(["-cho", "", "machi"]),
                                           town, pc)
        raise ValueError(lang)

    def multiline(self, rng, lang):
        """An address on several lines, as written on an envelope."""
        if lang == "en":
            return self.uk_multiline(rng)
        cc = self.cc(lang)
        n = rng.between(1, 240)
        st = self.street(rng, lang)
        town = self.town(rng, lang)
        pc = self.postcode(rng, cc)
        if lang == "us":
            lines = ["%d %s" % (rng.between(1, 9999), st)] + (["Apt %d" % n] if rng.chance(0.3) else []) + \
                ["%s, %s %s" % (town, rng.choice(US_STATES), pc)]
        elif lang in ("de", "nl"):
            lines = ["%s %d" % (st, n), "%s %s" % (pc, town)]
        elif lang == "fr":
            lines = ["%d %s" % (n, st), "%s %s" % (pc, town.upper() if rng.chance(0.5) else town)]
        elif lang == "es":
            lines = ["%s, %d, %dº %s" % (st, n, rng.between(1, 9), rng.choice("ABCD")), "%s %s" % (pc, town)]
        elif lang == "it":
            lines = ["%s %d" % (st, n), "%s %s (%s)" % (pc, town, rng.choice(IT_PROV))]
        elif lang == "pt":
            lines = ["%s %d" % (st, n), "%s %s" % (pc, town)]
        elif lang == "br":
            lines = ["%s, %d" % (st, n), self.town(rng, lang), "%s - %s" % (town, rng.choice(BR_UF)), pc]
        elif lang == "in":
            lines = ["%s %d, %s" % (rng.choice(["Flat", "House No."]), n, st), "%s, %s %s" % (
                town, rng.choice(IN_STATES), pc)]
        else:
            raise ValueError(lang)
        if rng.chance(0.2):
            lines.append({"us": "USA", "de": "Deutschland", "nl": "Nederland", "fr": "France", "es": "España",
                          "it": "Italia", "pt": "Portugal", "br": "Brasil", "in": "India"}[lang])
        return "\n".join(lines)

    def uk_multiline(self, rng):
        lines = []
        r = rng.below(4)
        if r == 0:
            lines.append("Flat %d" % rng.between(1, 40))
        elif r == 1:
            lines.append("%s %s" % (rng.choice(["Rose", "Ivy", "Orchard", "Mill", "Old School", "Church"]),
                                    rng.choice(["Cottage", "House", "Farm", "Barn", "Lodge"])))
        lines.append("%d %s" % (rng.between(1, 240), self.street(rng, "en")) if r != 1 else self.street(rng, "en"))
        if rng.chance(0.3):
            lines.append(self.town(rng, "en"))
        lines.append(self.town(rng, "en"))
        lines.append(self.postcode(rng, "GB"))
        return "\n".join(lines)

    # ------------------------------------------------------------ contact
    def phone(self, rng, lang):
        if lang == "de":
            return S.phone_de(rng)
        if lang == "fr":
            return S.phone_fr(rng)
        if lang == "es":
            return S.phone_es(rng)
        if lang == "it":
            return S.phone_it(rng)
        if lang == "nl":
            return S.phone_nl(rng)
        if lang == "en":
            return S.phone_uk(rng)
        if lang == "us":
            return S.phone_us(rng)
        d = rng.digits
        if lang == "br":
            ddd = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
            return rng.choice(["+55 %s 9%s-%s" % (ddd, d(4), d(4)), "(%s) 9%s-%s" % (ddd, d(4), d(4))])
        if lang == "pt":
            return rng.choice(["+351 9%s %s %s" % (rng.choice("1236"), d(3), d(3)), "9%s%s" % (rng.choice("1236"), d(7))])
        if lang == "pl":
            return rng.choice(["+48 %s%s %s %s" % (rng.choice("5678"), d(2), d(3), d(3)), "%s%s-%s-%s" % (
                rng.choice("5678"), d(2), d(3), d(3))])
        if lang == "tr":
            return rng.choice(["+90 5%s %s %s %s" % (d(2), d(3), d(2), d(2)), "0(5%s) %s %s %s" % (d(2), d(3), d(2), d(2))])
        if lang == "in":
            return rng.choice(["+91 %s%s %s" % (rng.choice("6789"), d(4), d(5)), "0%s%s" % (rng.choice("6789"), d(9)),
                               "+91-%s%s" % (rng.choice("6789"), d(9))])
        if lang == "jp":
            return rng.choice(["0%s0-%s-%s" % (rng.choice("789"), d(4), d(4)), "+81 %s0 %s %s" % (rng.choice("789"), d(4), d(4))])
        if lang == "ar":
            return rng.choice(["+971 5%s %s %s" % (rng.choice("02568"), d(3), d(4)), "05%s%s" % (rng.choice("02568"), d(7))])
        raise ValueError(lang)

    def email(self, rng, given=None, family=None):
        if given is None:
            given, family, _ = self.person(rng, "en")
        f = "".join(c for c in S.ascii_fold(given) if c.isalnum())
        l = "".join(c for c in S.ascii_fold(family) if c.isalnum())
        style = rng.below(5)
        local = [f + "." + l, f[0] + l, l + "." + f, f + l[:1] + str(rng.between(1, 99)), f + "_" + l][style]
        return "%s@%s" % (local or "user", rng.choice(EMAIL_DOMAINS))

    # ------------------------------------------------------------ negatives
    def product(self, rng, lang):
        w = rng.choice(self.src.words[lang if lang in self.src.words else "en"])
        size = rng.choice(["", "500 ml", "1 kg", "%d W" % rng.between(5, 2000), "Set of %d" % rng.between(2, 12)])
        return ("%s %s %s" % (w[:1].upper() + w[1:], rng.choice(["Pro", "Classic", "Mini", "XL", "Plus", "Eco", "2000"]),
                              size)).strip()


def dob_date(rng):
    return ID.birth(rng, 1935, 2007)


def event_date(rng):
    return S.date_between(rng, (2018, 1, 1), (2026, 11, 30))


def fmt(d, style):
    if style == "dmy/":
        return "%02d/%02d/%04d" % (d.day, d.month, d.year)
    if style == "dmy.":
        return "%02d.%02d.%04d" % (d.day, d.month, d.year)
    if style == "dmy-":
        return "%02d-%02d-%04d" % (d.day, d.month, d.year)
    if style == "ymd/":
        return "%04d/%02d/%02d" % (d.year, d.month, d.day)
    if style == "mdy/":
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    if style == "iso":
        return "%04d-%02d-%02d" % (d.year, d.month, d.day)
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS_EN[d.month - 1], d.year)
    raise ValueError(style)


def ph(rng, value, p=0.05):
    """The value, or now and then a placeholder for a missing one."""
    return rng.choice(PLACEHOLDERS) if rng.chance(p) else value


def is_placeholder(v):
    return v in PLACEHOLDERS


def sex_value(rng, lang, sex):
    vals, _ = SEX.get(lang, SEX["en"])
    if sex == "male":
        return vals[0] if len(vals) < 4 or rng.chance(0.6) else vals[2]
    if sex == "female":
        return vals[1] if len(vals) < 4 or rng.chance(0.6) else vals[3]
    return rng.choice(vals)


# ---------------------------------------------------------------- tables
# Each table: (name, lang, format, function(w, rng, i) -> [(column, value, entities, items)]).
# Column order is the order of the list and the same for every row.

def people_table(lang, cols):
    """cols: column names by role, in output order."""
    def rows(w, rng, i):
        given, fam, sex = w.person(rng, lang)
        out = []
        for role, col in cols:
            if role == "id":
                out.append((col, str(100000 + i), NONE, ("2",)))
            elif role == "given":
                out.append((col, ph(rng, given, 0.03), (NAME,), ("1", "2", "12")))
            elif role == "family":
                out.append((col, ph(rng, fam, 0.03), (NAME,), ("1", "2", "12")))
            elif role == "full":
                v = "%s %s" % (given, fam) if rng.chance(0.85) else "%s, %s" % (fam.upper(), given)
                out.append((col, v, (NAME,), ("1", "2")))
            elif role == "father":
                out.append((col, w.full(rng, lang)[0], (NAME,), ("1", "2")))
            elif role.startswith("dob:"):
                out.append((col, ph(rng, fmt(dob_date(rng), role[4:]), 0.02), (DOB,), ("2", "4", "12")))
            elif role.startswith("event:"):
                out.append((col, fmt(event_date(rng), role[6:]), NONE, ("4",)))
            elif role == "sex":
                out.append((col, sex_value(rng, lang, sex), (GENDER,), ("1", "8")))
            elif role == "street":
                out.append((col, "%s %d" % (w.street(rng, lang), rng.between(1, 200)), (ADDR,), ("2", "5")))
            elif role == "address":
                out.append((col, w.address(rng, lang), (ADDR,), ("2", "5")))
            elif role == "postcode":
                out.append((col, w.postcode(rng, w.cc(lang)), NONE, ("5",)))
            elif role == "town":
                out.append((col, w.town(rng, lang), NONE, ("1", "2")))
            elif role == "phone":
                v = w.phone(rng, lang)
                out.append((col, v, (PH, "UK_PHONE_NUMBER") if lang == "en" else (PH,), ("2",)))
            elif role == "email":
                out.append((col, w.email(rng, given, fam), (E,), ("2",)))
            elif role == "company":
                out.append((col, w.company(rng, lang), NONE, ("1", "2")))
            elif role == "title":
                out.append((col, rng.choice(TITLES), NONE, ("1",)))
            elif role.startswith("id:"):
                kind = role[3:]
                out.append((col,) + ID_KINDS[kind](w, rng, given, fam, sex) + (("2",),))
            else:
                raise ValueError(role)
        return out
    return rows


def _iban(country):
    ents = {"DE": "GERMANY_BANK_ACCOUNT", "FR": "FRANCE_BANK_ACCOUNT", "ES": "SPAIN_BANK_ACCOUNT",
            "IT": "ITALY_BANK_ACCOUNT", "NL": "NETHERLANDS_BANK_ACCOUNT"}
    return lambda w, rng, g, f, s: (S.iban(rng, country), (ents[country],))


ID_KINDS = {
    "dni": lambda w, rng, g, f, s: (ID.spain_dni(rng), ("SPAIN_DNI",)),
    "cf": lambda w, rng, g, f, s: (ID.italy_cf(rng, S.ascii_fold(f).upper(), S.ascii_fold(g).upper(), s == "female"),
                                   ("ITALY_FISCAL_CODE",)),
    "nir": lambda w, rng, g, f, s: (ID.france_nir(rng), ("FRANCE_NATIONAL_IDENTIFICATION_NUMBER",)),
    "bsn": lambda w, rng, g, f, s: (ID.nl_bsn(rng), ("NETHERLANDS_CITIZEN_SERVICE_NUMBER",)),
    "pesel": lambda w, rng, g, f, s: (ID.pesel(rng), ("POLAND_IDENTIFICATION_NUMBER",)),
    "cpf": lambda w, rng, g, f, s: (ID.brazil_cpf(rng), ("BRAZIL_NATURAL_PERSON_REGISTRY_NUMBER",)),
    "tckn": lambda w, rng, g, f, s: (ID.tckn(rng), ("TURKEY_NATIONAL_IDENTIFICATION_NUMBER",)),
    "aadhaar": lambda w, rng, g, f, s: (ID.aadhaar(rng), ("INDIA_AADHAAR_NUMBER",)),
    "pan": lambda w, rng, g, f, s: (ID.india_pan(rng), ("INDIA_PERMANENT_ACCOUNT_NUMBER",)),
    "nif": lambda w, rng, g, f, s: (ID.portugal_nif(rng), ("PORTUGAL_TAX_IDENTIFICATION_NUMBER",)),
    "mynumber": lambda w, rng, g, f, s: (ID.japan_my_number(rng), ("JAPAN_MY_NUMBER",)),
    "emirates": lambda w, rng, g, f, s: (ID.emirates_id(rng), ("UNITED_ARAB_EMIRATES_PERSONAL_NUMBER",)),
    "ssn": lambda w, rng, g, f, s: (S.ssn(rng, dashed=True), ("USA_SSN",)),
    "nhs": lambda w, rng, g, f, s: (S.nhs_number(rng), ("UK_NATIONAL_HEALTH_SERVICE_NUMBER",)),
    "nino": lambda w, rng, g, f, s: (S.nino(rng), ("UK_NATIONAL_INSURANCE_NUMBER",)),
    "iban_de": _iban("DE"), "iban_fr": _iban("FR"), "iban_es": _iban("ES"), "iban_it": _iban("IT"),
    "iban_nl": _iban("NL"),
}

PEOPLE = [
    ("de_kunden", "de", "csv", [("id", "Kundennummer"), ("title", "Anrede"), ("given", "Vorname"),
                                ("family", "Nachname"), ("dob:dmy.", "Geburtsdatum"), ("sex", "Geschlecht"),
                                ("street", "Straße"), ("postcode", "PLZ"), ("town", "Ort"),
                                ("phone", "Telefon"), ("email", "E-Mail"), ("id:iban_de", "Bankverbindung"),
                                ("company", "Firma"), ("event:dmy.", "Bestelldatum")]),
    ("fr_clients", "fr", "csv", [("id", "id_client"), ("given", "prénom"), ("family", "nom"),
                                 ("dob:dmy/", "date_de_naissance"), ("sex", "sexe"), ("address", "adresse"),
                                 ("town", "ville"), ("phone", "téléphone"), ("email", "courriel"),
                                 ("id:nir", "numéro_sécurité_sociale"), ("company", "entreprise"),
                                 ("event:dmy/", "date_commande")]),
    ("es_clientes", "es", "csv", [("id", "id_cliente"), ("given", "nombre"), ("family", "apellidos"),
                                  ("dob:dmy/", "fecha_nacimiento"), ("sex", "sexo"), ("address", "dirección"),
                                  ("town", "municipio"), ("phone", "teléfono"), ("email", "correo_electrónico"),
                                  ("id:dni", "dni"), ("company", "empresa"), ("event:dmy/", "fecha_pedido")]),
    ("it_clienti", "it", "csv", [("id", "codice_cliente"), ("given", "nome"), ("family", "cognome"),
                                 ("dob:dmy/", "data_di_nascita"), ("sex", "sesso"), ("address", "indirizzo"),
                                 ("town", "comune"), ("phone", "cellulare"), ("email", "posta_elettronica"),
                                 ("id:cf", "codice_fiscale"), ("company", "ragione_sociale"),
                                 ("event:dmy/", "data_ordine")]),
    ("br_clientes", "br", "csv", [("id", "codigo"), ("full", "nome_completo"), ("dob:dmy/", "data_nascimento"),
                                  ("sex", "sexo"), ("address", "endereço"), ("town", "cidade"),
                                  ("phone", "telefone"), ("email", "e-mail"), ("id:cpf", "cpf"),
                                  ("company", "empresa"), ("event:dmy/", "data_pedido")]),
    ("pt_utentes", "pt", "csv", [("id", "numeroUtente"), ("given", "nomeProprio"), ("family", "apelido"),
                                 ("dob:dmy-", "dataNascimento"), ("address", "morada"), ("town", "localidade"),
                                 ("phone", "telemovel"), ("id:nif", "nif"), ("company", "entidadePatronal")]),
    ("nl_klanten", "nl", "csv", [("id", "klantnummer"), ("given", "voornaam"), ("family", "achternaam"),
                                 ("dob:dmy-", "geboortedatum"), ("sex", "geslacht"), ("address", "adres"),
                                 ("town", "woonplaats"), ("phone", "telefoonnummer"), ("email", "e-mailadres"),
                                 ("id:bsn", "bsn"), ("id:iban_nl", "rekeningnummer"), ("company", "bedrijfsnaam")]),
    ("pl_klienci", "pl", "csv", [("id", "nr_klienta"), ("given", "imię"), ("family", "nazwisko"),
                                 ("dob:dmy.", "data_urodzenia"), ("sex", "płeć"), ("address", "adres"),
                                 ("town", "miejscowość"), ("phone", "telefon"), ("email", "adres_email"),
                                 ("id:pesel", "pesel"), ("company", "nazwa_firmy")]),
    ("tr_musteriler", "tr", "csv", [("id", "musteri_no"), ("given", "ad"), ("family", "soyad"),
                                    ("dob:dmy.", "doğum_tarihi"), ("sex", "cinsiyet"), ("address", "adres"),
                                    ("town", "şehir"), ("phone", "telefon"), ("email", "e_posta"),
                                    ("id:tckn", "tc_kimlik_no"), ("company", "şirket_adı")]),
    ("in_grahak", "in", "csv", [("id", "grahak_id"), ("full", "naam"), ("father", "pita_ka_naam"),
                                ("dob:dmy-", "janm_tithi"), ("sex", "ling"), ("address", "pata"),
                                ("town", "shahar"), ("phone", "mobile_sankhya"), ("email", "email_pata"),
                                ("id:aadhaar", "aadhaar_sankhya"), ("id:pan", "pan_card"),
                                ("company", "company_naam")]),
    ("uk_customers", "en", "csv", [("id", "Customer No"), ("title", "Title"), ("given", "Forename"),
                                   ("family", "Surname"), ("dob:long", "Date of Birth"), ("town", "Town"),
                                   ("postcode", "Postcode"), ("phone", "Phone Number"), ("email", "Email"),
                                   ("id:nino", "NI Number"), ("company", "Employer")]),
    ("us_members", "us", "csv", [("id", "memberId"), ("given", "firstName"), ("family", "lastName"),
                                 ("dob:mdy/", "dateOfBirth"), ("sex", "gender"), ("address", "homeAddress"),
                                 ("town", "city"), ("phone", "phoneNumber"), ("email", "emailAddress"),
                                 ("id:ssn", "ssn"), ("company", "employerName"), ("event:mdy/", "joinDate")]),
    ("jp_users", "jp", "jsonl", [("id", "user.id"), ("family", "user.shimei.sei"), ("given", "user.shimei.mei"),
                                 ("dob:ymd/", "user.seinengappi"), ("sex", "user.seibetsu"),
                                 ("address", "user.jusho"), ("phone", "user.denwa_bangou"),
                                 ("email", "user.meru_adoresu"), ("id:mynumber", "user.kojin_bangou"),
                                 ("company", "user.kinmusaki")]),
]

# Other real column names for the same columns. Seed 1 keeps the names above
# (the figures in RESULTS.md); any other seed draws one per column from the
# name and these, so `BENCH_SEED=2 bench/run.sh realworld` shows whether a
# detector learnt the language or only this file's names.
SYNONYMS = {
    "de_kunden": {"Vorname": ["Rufname", "VORNAME"], "Nachname": ["Familienname", "Zuname"],
                  "Geburtsdatum": ["geb_datum", "GebDatum", "Geburtstag"], "Geschlecht": ["geschlecht"],
                  "Straße": ["Strasse", "strasse_hausnr"], "Telefon": ["Tel.", "Mobilnummer"],
                  "E-Mail": ["Mailadresse", "email"], "Ort": ["Wohnort", "Stadt"], "PLZ": ["Postleitzahl"],
                  "Firma": ["Arbeitgeber", "Unternehmen"], "Bankverbindung": ["Kontoverbindung", "IBAN"]},
    "fr_clients": {"prénom": ["prenom", "Prénom"], "nom": ["nom_de_famille", "nom_famille"],
                   "date_de_naissance": ["date_naissance", "dateNaissance", "né_le"], "sexe": ["genre"],
                   "adresse": ["adresse_postale", "domicile"], "téléphone": ["tel", "portable"],
                   "courriel": ["adresse_mail", "mél"], "numéro_sécurité_sociale": ["num_secu", "numero_ss"],
                   "entreprise": ["société", "employeur"], "ville": ["commune", "localité"]},
    "es_clientes": {"nombre": ["nombre_pila", "Nombre"], "apellidos": ["primer_apellido", "apellido"],
                    "fecha_nacimiento": ["fecha_de_nacimiento", "f_nac", "fechaNacimiento"], "sexo": ["género"],
                    "dirección": ["direccion", "domicilio"], "teléfono": ["móvil", "tlf"],
                    "correo_electrónico": ["correo", "email"], "dni": ["documento_identidad", "nif"],
                    "empresa": ["razón_social", "compañía"], "municipio": ["localidad", "población"]},
    "it_clienti": {"data_di_nascita": ["data_nascita", "dataNascita", "nato_il"], "sesso": ["genere"],
                   "indirizzo": ["residenza", "indirizzo_residenza"], "cellulare": ["telefono", "tel"],
                   "posta_elettronica": ["email", "e_mail"], "codice_fiscale": ["cf", "codFiscale"],
                   "ragione_sociale": ["azienda", "datore_di_lavoro"], "comune": ["città", "località"]},
    "br_clientes": {"nome_completo": ["nome", "nomeCompleto"], "data_nascimento": ["dt_nasc", "nascimento"],
                    "endereço": ["endereco", "logradouro"], "telefone": ["celular", "fone"],
                    "cpf": ["CPF", "num_cpf"], "empresa": ["razao_social", "empregador"], "cidade": ["municipio"]},
    "pt_utentes": {"nomeProprio": ["nome_proprio", "primeiroNome"], "apelido": ["apelidos", "sobrenome"],
                   "dataNascimento": ["data_de_nascimento", "dtNascimento"], "morada": ["endereco", "residencia"],
                   "telemovel": ["telefone", "contacto"], "nif": ["numero_contribuinte", "contribuinte"]},
    "nl_klanten": {"voornaam": ["roepnaam", "voornamen"], "achternaam": ["familienaam", "geslachtsnaam"],
                   "geboortedatum": ["geb_datum", "geboren"], "adres": ["woonadres", "straat_huisnummer"],
                   "telefoonnummer": ["telefoon", "mobiel"], "e-mailadres": ["email", "e_mail"],
                   "bsn": ["burgerservicenummer", "sofinummer"], "bedrijfsnaam": ["werkgever"],
                   "woonplaats": ["plaats"]},
    "pl_klienci": {"imię": ["imie", "imiona"], "data_urodzenia": ["dataUrodzenia", "data_ur"],
                   "adres": ["adres_zamieszkania"], "telefon": ["nr_telefonu", "komórka"], "pesel": ["nr_pesel"],
                   "nazwa_firmy": ["pracodawca"], "miejscowość": ["miasto"]},
    "tr_musteriler": {"ad": ["adı", "isim"], "soyad": ["soyadı"], "doğum_tarihi": ["dogum_tarihi", "dogumTarihi"],
                      "adres": ["ikamet_adresi"], "telefon": ["cep_telefonu", "gsm"], "e_posta": ["eposta"],
                      "tc_kimlik_no": ["tckn", "tc_no"], "şirket_adı": ["firma", "işveren"], "şehir": ["il", "sehir"]},
    "in_grahak": {"naam": ["poora_naam", "name"], "pita_ka_naam": ["pita_naam", "father_name"],
                  "janm_tithi": ["janam_tithi", "janm_din", "dob"], "ling": ["gender"], "pata": ["ghar_ka_pata", "address"],
                  "mobile_sankhya": ["mobile_no", "phone"], "aadhaar_sankhya": ["aadhaar_no", "uid"],
                  "pan_card": ["pan", "pan_no"]},
    "uk_customers": {"Forename": ["First Name", "Given Name"], "Surname": ["Last Name", "Family Name"],
                     "Date of Birth": ["DOB", "Birth Date"], "Phone Number": ["Mobile", "Tel No"],
                     "NI Number": ["NINO", "National Insurance No"], "Employer": ["Company"], "Town": ["Post Town"]},
    "us_members": {"firstName": ["givenName", "first_name"], "lastName": ["surname", "familyName"],
                   "dateOfBirth": ["dob", "birthDate"], "homeAddress": ["streetAddress", "mailingAddress"],
                   "phoneNumber": ["mobilePhone", "cellPhone"], "emailAddress": ["email", "contactEmail"],
                   "ssn": ["socialSecurityNumber"], "employerName": ["company"], "gender": ["sex"]},
    "jp_users": {"user.shimei.sei": ["user.namae.myoji", "user.name.sei"],
                 "user.shimei.mei": ["user.namae.namae", "user.name.mei"],
                 "user.seinengappi": ["user.tanjoubi", "user.birthday"], "user.jusho": ["user.juusho", "user.address"],
                 "user.denwa_bangou": ["user.keitai", "user.tel"], "user.kojin_bangou": ["user.mai_nanbaa"]},
}


def t_mena(w, rng, i):
    given, fam, _ = w.person(rng, "ar")
    return [("customer.id", "C%06d" % i, NONE, ("2",)),
            ("customer.name.first", given, (NAME,), ("1", "2")),
            ("customer.name.family", fam, (NAME,), ("1", "2")),
            ("customer.birthDate", fmt(dob_date(rng), rng.choice(["iso", "dmy/"])), (DOB,), ("2", "4")),
            ("customer.contact.mobile", w.phone(rng, "ar"), (PH,), ("2",)),
            ("customer.contact.email", w.email(rng, given, fam), (E,), ("2",)),
            ("customer.emiratesId", ID.emirates_id(rng), ("UNITED_ARAB_EMIRATES_PERSONAL_NUMBER",), ("2",)),
            ("customer.address.city", rng.choice(w.towns["AE"]), NONE, ("1", "2"))]


def t_staff(w, rng, i):
    """Multicultural staff list (UK employer), one JSON array."""
    origin = rng.choice(["multi", "in", "en", "es", "fr", "tr", "de", "jp", "ar"])
    if origin in ("jp", "ar"):
        g, f, _ = w.person(rng, origin)
    else:
        g, _ = w.sex_given(rng, origin)
        f = w.surname(rng, origin if origin != "multi" else "en")
    return [("employee.staffNo", "E%05d" % i, NONE, ("2",)),
            ("employee.fullName", "%s %s" % (g, f), (NAME,), ("1", "2")),
            ("employee.birthDate", fmt(dob_date(rng), "dmy/"), (DOB,), ("2", "4")),
            ("employee.address", w.uk_multiline(rng).replace("\n", ", "), (ADDR,), ("5",)),
            ("employee.department", rng.choice(DEPTS), NONE, ("1",)),
            ("employee.jobTitle", rng.choice(JOBS), NONE, ("1",)),
            ("employee.startDate", fmt(event_date(rng), "dmy/"), NONE, ("4",))]


def t_uk_addresses(w, rng, i):
    return [("id", str(i + 1), NONE, ()),
            ("name", w.full(rng, "en")[0], (NAME,), ("1",)),
            ("address", w.uk_multiline(rng), (ADDR,), ("5",)),
            ("delivery_notes", rng.choice(["Leave with neighbour", "Ring bell twice", "Side gate", "",
                                           "Parcel box at rear"]), NONE, ("7",))]


def t_addresses_intl(w, rng, i):
    out = [("id", str(i + 1), NONE, ())]
    for lang, col in (("en", "address_uk"), ("us", "address_us"), ("de", "anschrift"), ("fr", "adresse_postale"),
                      ("es", "domicilio"), ("it", "indirizzo_residenza"), ("nl", "postadres"),
                      ("pt", "morada_completa"), ("br", "endereco_entrega"), ("in", "address_in")):
        out.append((col, w.address(rng, lang), (ADDR,), ("5", "2")))
    return out


def t_addresses_multiline(w, rng, i):
    out = [("id", str(i + 1), NONE, ())]
    for lang, col in (("en", "uk_address"), ("us", "us_mailing_address"), ("de", "postanschrift"),
                      ("fr", "adresse_courrier"), ("es", "dirección_postal"), ("it", "recapito"),
                      ("nl", "correspondentieadres"), ("pt", "morada_postal"), ("br", "endereço_correspondência"),
                      ("in", "postal_address")):
        out.append((col, w.multiline(rng, lang), (ADDR,), ("5", "2")))
    return out


def t_commentaires(w, rng, i):
    given, fam, _ = w.person(rng, "fr")
    parts, ents = [], set()
    if rng.chance(0.5):
        parts.append(rng.choice(["Bonjour M. %s," % fam, "Madame %s," % fam, "Mme %s a rappelé." % fam]))
        ents.add(NAME)
    parts.append(rng.choice(["Colis livré en retard.", "Remboursement effectué.", "Client satisfait.",
                             "Facture renvoyée."]))
    if rng.chance(0.3):
        parts.append("Joignable au %s." % S.phone_fr(rng))
        ents.add(PH)
    if rng.chance(0.25):
        parts.append("Nouveau RIB : %s." % S.iban(rng, "FR"))
        ents.add("FRANCE_BANK_ACCOUNT")
    if rng.chance(0.25):
        parts.append("Écrire à %s" % w.email(rng, given, fam))
        ents.add(E)
    return [("ticket", str(i + 1), NONE, ("2", "7")),
            ("commentaire", " ".join(parts), tuple(sorted(ents)), ("2", "7"))]


def t_observacoes(w, rng, i):
    given, fam, _ = w.person(rng, "br")
    parts, ents = [], set()
    if rng.chance(0.5):
        parts.append(rng.choice(["Prezado Sr. %s," % fam, "Prezada Sra. %s," % fam, "Olá %s," % given]))
        ents.add(NAME)
    parts.append(rng.choice(["Pedido entregue.", "Cliente pediu segunda via do boleto.", "Troca autorizada."]))
    if rng.chance(0.3):
        parts.append("CPF informado: %s." % ID.brazil_cpf(rng))
        ents.add("BRAZIL_NATURAL_PERSON_REGISTRY_NUMBER")
    if rng.chance(0.3):
        parts.append("Contato: %s." % w.phone(rng, "br"))
        ents.add(PH)
    if rng.chance(0.2):
        parts.append("Cartão final %s usado." % S.card_number(rng))
        ents.add("CREDIT_CARD")
    return [("protocolo", str(2024000000 + i), NONE, ("2", "7")),
            ("observacoes", " ".join(parts), tuple(sorted(ents)), ("2", "7"))]


def t_companies(w, rng, i):
    return [("id", str(i + 1), NONE, ()),
            ("company_name", w.company(rng, "en"), NONE, ("1",)),
            ("supplier", w.company(rng, "us"), NONE, ("1",)),
            ("law_firm", "%s, %s and %s" % (w.surname(rng, "en"), w.surname(rng, "en"), w.surname(rng, "en")),
             NONE, ("1",)),
            ("Firmenname", w.company(rng, "de"), NONE, ("1", "2")),
            ("razon_social", w.company(rng, "es"), NONE, ("1", "2")),
            ("raison_sociale", w.company(rng, "fr"), NONE, ("1", "2")),
            ("denominazione", w.company(rng, "it"), NONE, ("1", "2")),
            ("empresa", w.company(rng, "br"), NONE, ("1", "2")),
            ("handelsnaam", w.company(rng, "nl"), NONE, ("1", "2")),
            ("nazwa_firmy", w.company(rng, "pl"), NONE, ("1", "2")),
            ("kaisha_mei", w.company(rng, "jp"), NONE, ("1", "2")),
            ("partnership", "%s-%s" % (w.surname(rng, "en"), w.surname(rng, "en")), NONE, ("1",)),
            ("family_business", "%s and Sons" % w.surname(rng, "en"), NONE, ("1",))]


def t_places(w, rng, i):
    port = [t for t in w.towns["GB"] + w.towns["US"] if t.startswith("Port ")]
    return [("id", str(i + 1), NONE, ()),
            ("town", w.pattern_town(rng, "en") if rng.chance(0.5) else rng.choice(port) if rng.chance(0.5)
             else w.town(rng, "en"), NONE, ("1",)),
            ("cidade", w.pattern_town(rng, rng.choice(["br", "pt"])) if rng.chance(0.5)
             else rng.choice(w.compound["BR"] + w.compound["PT"]), NONE, ("1", "2")),
            ("municipio", w.pattern_town(rng, "es") if rng.chance(0.5) else rng.choice(w.compound["ES"]), NONE,
             ("1", "2")),
            ("Ort", w.town(rng, "de"), NONE, ("1", "2")),
            ("ville", w.town(rng, "fr"), NONE, ("1", "2")),
            ("city", w.town(rng, "us"), NONE, ("1",)),
            ("shahar", w.town(rng, "in"), NONE, ("1", "2")),
            ("country", rng.choice(w.src.countries), NONE, ("1",)),
            ("region", rng.choice(IN_STATES + US_STATES + BR_UF), NONE, ("1",))]


def t_vocab(w, rng, i):
    md5 = S.sha256_hex(rng)[:32]
    return [("id", str(i + 1), NONE, ()),
            ("gender", rng.choice(["Male", "Female", "male", "female", "Other"]), (GENDER,), ("1", "8")),
            ("sex", rng.choice(["M", "F"]), (GENDER,), ("1", "8")),
            ("Geschlecht", rng.choice(["männlich", "weiblich", "divers"]), (GENDER,), ("1", "8", "2")),
            ("title", rng.choice(TITLES), NONE, ("1",)),
            ("status", rng.choice(STATUS), NONE, ("1",)),
            ("product_name", w.product(rng, rng.choice(["en", "de", "fr", "es", "it", "nl"])), NONE, ("1",)),
            ("order_number", "ORD-%d-%06d" % (rng.between(2019, 2026), rng.below(1000000)), NONE, ()),
            ("sha256", S.sha256_hex(rng), NONE, ()),
            ("md5", md5, NONE, ()),
            ("event_date", fmt(event_date(rng), "dmy/"), NONE, ("4",)),
            ("Lieferdatum", fmt(event_date(rng), "dmy."), NONE, ("4", "2")),
            ("fecha_evento", fmt(event_date(rng), "dmy/"), NONE, ("4", "2")),
            ("currency", rng.choice(w.src.currencies), NONE, ("1",)),
            ("holiday", rng.choice(HOLIDAYS), NONE, ("8",)),
            ("party_size", str(rng.between(1, 12)), NONE, ("8",))]


def t_products(w, rng, i):
    lang = rng.choice(["en", "de", "fr", "es", "it", "nl", "pt"])
    return [("sku", "SKU-%s-%04d" % (rng.chars("ABCDEFGHJKLMNPRSTUVWXYZ", 3), rng.below(10000)), NONE, ()),
            ("product_name", w.product(rng, lang), NONE, ("1",)),
            ("brand", w.surname(rng, rng.choice(["en", "de", "it"])), NONE, ("1",)),
            ("Produktbezeichnung", w.product(rng, "de"), NONE, ("1", "2")),
            ("descripción", "%s de %s" % (w.product(rng, "es"), rng.choice(w.src.words["es"])), NONE, ("1", "2")),
            ("ean", S.ean13(rng), NONE, ()),
            ("made_in", w.town(rng, rng.choice(["de", "it", "fr", "es", "pl", "tr", "in"])), NONE, ("1",))]


def t_legacy(w, rng, i):
    """An export with meaningless column names: only the values speak."""
    return [("field_1", ID.aadhaar(rng, False), ("INDIA_AADHAAR_NUMBER",), ("3",)),
            ("field_2", S.iban(rng, "DE", spaced=False), ("GERMANY_BANK_ACCOUNT",), ("3",)),
            ("field_3", S.card_number(rng, "plain"), ("CREDIT_CARD",), ("3",)),
            ("field_4", ID.nl_bsn(rng), ("NETHERLANDS_CITIZEN_SERVICE_NUMBER",), ("3",)),
            ("field_5", ID.pesel(rng), ("POLAND_IDENTIFICATION_NUMBER",), ("3",)),
            ("field_6", ID.brazil_cpf(rng, False), ("BRAZIL_NATURAL_PERSON_REGISTRY_NUMBER",), ("3",)),
            ("field_7", ID.tckn(rng), ("TURKEY_NATIONAL_IDENTIFICATION_NUMBER",), ("3",)),
            ("field_8", S.nhs_number(rng, "plain"), ("UK_NATIONAL_HEALTH_SERVICE_NUMBER",), ("3",)),
            ("field_9", rng.choice("23456789") + rng.digits(11), NONE, ("3",)),       # 12 digits, 1 in 10 pass Verhoeff
            ("field_10", str(7000000 + i), NONE, ("3",)),
            ("field_11", ID.france_nir(rng, False), ("FRANCE_NATIONAL_IDENTIFICATION_NUMBER",), ("3",)),
            ("field_12", ID.china_id(rng), ("CHINA_IDENTIFICATION",), ("3",)),
            ("field_13", rng.choice("123456789") + rng.digits(10), NONE, ("3",)),     # 11 digits: PESEL/TCKN look-alike
            ("field_14", str(rng.between(1500000000, 1790000000)), NONE, ("3",)),
            ("field_15", ID.spain_dni(rng), ("SPAIN_DNI",), ("3",)),
            # the same layout, told apart only by the spread of the years
            ("field_16", fmt(dob_date(rng), "dmy/"), (DOB,), ("3", "4")),
            ("field_17", fmt(event_date(rng), "dmy/"), NONE, ("3", "4"))]


# national_id: ten countries, five above the threshold and five below it
NATIONAL_MIX = [(0.17, "dni"), (0.15, "nir"), (0.15, "aadhaar"), (0.14, "tckn"), (0.14, "china"),
                (0.06, "cf"), (0.06, "bsn"), (0.05, "pesel"), (0.04, "cpf"), (0.04, "pnr")]
NATIONAL_ENT = {"dni": "SPAIN_DNI", "nir": "FRANCE_NATIONAL_IDENTIFICATION_NUMBER", "aadhaar": "INDIA_AADHAAR_NUMBER",
                "tckn": "TURKEY_NATIONAL_IDENTIFICATION_NUMBER", "china": "CHINA_IDENTIFICATION",
                "cf": "ITALY_FISCAL_CODE", "bsn": "NETHERLANDS_CITIZEN_SERVICE_NUMBER",
                "pesel": "POLAND_IDENTIFICATION_NUMBER", "cpf": "BRAZIL_NATURAL_PERSON_REGISTRY_NUMBER",
                "pnr": "SWEDEN_PERSONAL_IDENTIFICATION_NUMBER"}
NATIONAL_GEN = {"dni": ID.spain_dni, "nir": ID.france_nir, "aadhaar": ID.aadhaar, "tckn": ID.tckn,
                "china": ID.china_id, "cf": ID.italy_cf, "bsn": ID.nl_bsn, "pesel": ID.pesel,
                "cpf": ID.brazil_cpf, "pnr": ID.sweden_pnr}


# Every cell of a mixed column is a national ID: the column is labelled with
# the category as a whole (NATIONAL_ID, issue 11 item 6) beside the types in
# 10%+ of its cells; types below the threshold are in meta.json's "members".
MIXED_ID = "NATIONAL_ID"


def t_national(w, rng, i):
    kind = rng.weighted(NATIONAL_MIX)
    kind2 = rng.choice(["dni", "nir", "pesel", "bsn", "cf"])
    return [("person_ref", str(i + 1), NONE, ()),
            ("national_id", NATIONAL_GEN[kind](rng), (NATIONAL_ENT[kind], MIXED_ID), ("6",)),
            ("id_number", NATIONAL_GEN[kind2](rng), (NATIONAL_ENT[kind2], MIXED_ID), ("6",)),
            ("document_type", {"dni": "DNI", "nir": "NIR", "pesel": "PESEL", "bsn": "BSN", "cf": "CF"}[kind2],
             NONE, ("6",)),
            ("issuing_country", {"dni": "ES", "nir": "FR", "pesel": "PL", "bsn": "NL", "cf": "IT"}[kind2],
             NONE, ("6",))]


def t_patients(w, rng, i):
    given, fam, sex = w.person(rng, "en")
    code = rng.choice(ICD10) + (("." + str(rng.below(10))) if rng.chance(0.6) else "")
    return [("patient_id", "P%07d" % i, NONE, ()),
            ("patient_name", "%s %s" % (given, fam), (NAME,), ("1",)),
            ("dob", fmt(dob_date(rng), "dmy/"), (DOB,), ("4",)),
            ("sex", sex_value(rng, "en", sex)[:1], (GENDER,), ("8",)),
            ("icd10_code", code, (HEALTH,), ("8",)),
            ("diagnosis", rng.choice(DIAG["en"]), (HEALTH,), ("8",)),
            ("medication", rng.choice(MEDS), (HEALTH,), ("8",)),
            ("allergies", rng.choice(ALLERGY), (HEALTH,), ("8",)),
            ("blood_group", rng.choice(BLOOD), (HEALTH,), ("8",)),
            ("ward", rng.choice(WARDS), NONE, ("8",)),
            ("admission_date", fmt(event_date(rng), "dmy/"), NONE, ("4",)),
            ("gp_practice", "%s Medical Centre" % w.town(rng, "en"), NONE, ("1",))]


def t_patienten(w, rng, i):
    given, fam, sex = w.person(rng, "de")
    return [("Patientennummer", str(400000 + i), NONE, ("2",)),
            ("Name", "%s, %s" % (fam, given), (NAME,), ("1", "2")),
            ("Geburtsdatum", fmt(dob_date(rng), "dmy."), (DOB,), ("2", "4")),
            ("Diagnose", rng.choice(DIAG["de"]), (HEALTH,), ("2", "8")),
            ("ICD-10", rng.choice(ICD10) + "." + str(rng.below(10)) + rng.choice(["", " G", " V"]), (HEALTH,),
             ("2", "8")),
            ("Medikation", rng.choice(MEDS), (HEALTH,), ("2", "8")),
            ("Blutgruppe", rng.choice(BLOOD), (HEALTH,), ("2", "8")),
            ("Konfession", rng.choice(RELIGION_DE), ("RELIGIOUS_BELIEF",), ("2", "8")),
            ("Station", rng.choice(["Innere", "Chirurgie", "Kardiologie", "Geriatrie", "Neurologie"]), NONE, ("2",)),
            ("Aufnahmedatum", fmt(event_date(rng), "dmy."), NONE, ("2", "4"))]


def t_pacientes(w, rng, i):
    given, fam, sex = w.person(rng, "es")
    return [("num_historia", str(900000 + i), NONE, ("2",)),
            ("nombre_completo", "%s %s %s" % (given, fam, w.surname(rng, "es")), (NAME,), ("1", "2")),
            ("fecha_nacimiento", fmt(dob_date(rng), "dmy/"), (DOB,), ("2", "4")),
            ("diagnóstico", rng.choice(DIAG["es"]), (HEALTH,), ("2", "8")),
            ("código_cie10", rng.choice(ICD10) + "." + str(rng.below(10)), (HEALTH,), ("2", "8")),
            ("medicación", rng.choice(MEDS), (HEALTH,), ("2", "8")),
            ("alergias", rng.choice(["Penicilina", "Cacahuetes", "Látex", "Marisco", "Ninguna conocida",
                                     "Lactosa"]), (HEALTH,), ("2", "8")),
            ("grupo_sanguíneo", rng.choice(BLOOD), (HEALTH,), ("2", "8")),
            ("religión", rng.choice(RELIGION_ES), ("RELIGIOUS_BELIEF",), ("2", "8")),
            ("fecha_ingreso", fmt(event_date(rng), "dmy/"), NONE, ("2", "4"))]


def t_hr_equality(w, rng, i):
    yes = rng.chance(0.23)
    _, _, sex = w.person(rng, "en")
    return [("employee_number", "E%05d" % i, NONE, ()),
            ("gender", sex_value(rng, "en", sex), (GENDER,), ("8",)),
            ("ethnicity", rng.choice(ETHNIC_UK), ("ETHNIC_ORIGIN",), ("8",)),
            ("religion", rng.choice(RELIGION_UK), ("RELIGIOUS_BELIEF",), ("8",)),
            ("sexual_orientation", rng.choice(ORIENT["en"]), ("SEXUAL_ORIENTATION",), ("8",)),
            ("is_union_member", "Yes" if yes else "No", ("TRADE_UNION_MEMBERSHIP",), ("8",)),
            ("union_name", rng.choice(UNIONS["en"]) if yes else "", ("TRADE_UNION_MEMBERSHIP",), ("8",)),
            ("political_party_member", rng.choice(PARTIES["en"]) if rng.chance(0.3) else "",
             ("POLITICAL_OPINION",), ("8",)),
            ("has_disability", rng.choice(["Yes", "No", "No", "No", "Prefer not to say"]), (HEALTH,), ("8",)),
            ("flag_1", rng.choice(["Yes", "No"]), NONE, ("8",)),
            ("flag_2", rng.choice(["Y", "N"]), NONE, ("8",)),
            ("remote_worker", rng.choice(["Yes", "No"]), NONE, ("8",)),
            ("department", rng.choice(DEPTS), NONE, ())]


def t_enquete(w, rng, i):
    syn = rng.chance(0.2)
    return [("id_repondant", str(i + 1), NONE, ("2",)),
            ("religion", rng.choice(RELIGION_FR), ("RELIGIOUS_BELIEF",), ("2", "8")),
            ("orientation_sexuelle", rng.choice(ORIENT["fr"]), ("SEXUAL_ORIENTATION",), ("2", "8")),
            ("syndiqué", "oui" if syn else "non", ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("syndicat", rng.choice(UNIONS["fr"]) if syn else "", ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("parti_politique", rng.choice(PARTIES["fr"]), ("POLITICAL_OPINION",), ("2", "8")),
            ("sexe", rng.choice(["H", "F"]), (GENDER,), ("2", "8")),
            ("satisfait", rng.choice(["oui", "non"]), NONE, ("2", "8")),
            ("date_reponse", fmt(event_date(rng), "dmy/"), NONE, ("4",))]


def t_genetics(w, rng, i):
    tmpl = b"FMR\x00 20\x00" + rng.randbytes(rng.between(40, 90))
    emb = ",".join("%.4f" % rng.uniform(-0.3, 0.3) for _ in range(8))
    return [("sample_id", "S-%06d" % i, NONE, ()),
            ("genotype", "%s %s%s" % (rng.choice(RSIDS), rng.choice(BASES), rng.choice(BASES)), ("GENETIC_DATA",),
             ("8",)),
            ("snp_call", "%s:%s/%s" % (rng.choice(RSIDS), rng.choice(BASES), rng.choice(BASES)), ("GENETIC_DATA",),
             ("8",)),
            ("fingerprint_template", base64.b64encode(tmpl).decode(), ("BIOMETRIC_DATA",), ("8",)),
            ("face_embedding", "[" + emb + "]", ("BIOMETRIC_DATA",), ("8",)),
            ("lab", rng.choice(["Lab A", "Lab B", "Central Lab"]), NONE, ()),
            ("batch_sha1", S.sha1_hex(rng), NONE, ())]


def t_convictions(w, rng, i):
    s = rng.choice(SENTENCES)
    return [("case_ref", "T%04d%05d" % (rng.between(2005, 2025), rng.below(100000)), NONE, ()),
            ("offender_name", w.full(rng, "en")[0], (NAME,), ("1",)),
            ("offence", rng.choice(OFFENCES), ("CRIMINAL_RECORD",), ("8",)),
            ("sentence", s.format(rng.between(2, 24) * (50 if "£" in s else 1)), ("CRIMINAL_RECORD",), ("8",)),
            ("has_criminal_record", rng.choice(["Yes", "No"]), ("CRIMINAL_RECORD",), ("8",)),
            ("court", "%s %s" % (w.town(rng, "en"), rng.choice(["Crown Court", "Magistrates' Court"])), NONE,
             ("1",)),
            ("hearing_date", fmt(event_date(rng), "dmy/"), NONE, ("4",))]

# Art. 9 vocabularies in more languages: IBGE cor ou raça (Brazilian census),
# US OMB race and ethnicity categories, party and union names, medical terms
ART9 = {
    "br": {"relig": ["Católica", "Evangélica", "Espírita", "Sem religião", "Umbanda", "Candomblé", "Ateu"],
           "ethnic": ["Branca", "Preta", "Parda", "Amarela", "Indígena"],
           "diag": ["Diabetes mellitus tipo 2", "Hipertensão arterial", "Asma", "Depressão", "Dengue",
                    "Insuficiência cardíaca", "Doença renal crônica", "Transtorno de ansiedade"],
           "party": ["PT", "PL", "MDB", "PSDB", "PSOL", "União Brasil", "PSD", "PDT"],
           "union": ["CUT", "Força Sindical", "UGT", "CTB"], "yes": "sim", "no": "não"},
    "it": {"relig": ["cattolica", "nessuna", "musulmana", "ortodossa", "evangelica", "ebraica", "buddista"],
           "diag": ["Diabete mellito tipo 2", "Ipertensione arteriosa", "Asma bronchiale", "Depressione maggiore",
                    "Fibrillazione atriale", "Scompenso cardiaco", "Artrosi del ginocchio", "Emicrania"],
           "party": ["PD", "Fratelli d'Italia", "Lega", "Movimento 5 Stelle", "Forza Italia", "Azione"],
           "union": ["CGIL", "CISL", "UIL", "UGL", "USB"], "yes": "sì", "no": "no"},
    "tr": {"relig": ["İslam", "Hristiyan", "Yahudi", "Ateist", "Alevi", "Belirtmek istemiyorum"],
           "diag": ["Tip 2 diyabet", "Hipertansiyon", "Astım", "Depresyon", "Kalp yetmezliği", "Migren",
                    "Kronik böbrek hastalığı"],
           "union": ["Türk-İş", "DİSK", "Hak-İş", "Memur-Sen", "KESK"], "yes": "evet", "no": "hayır"},
    "us": {"ethnic": ["White", "Black or African American", "American Indian or Alaska Native", "Asian",
                      "Native Hawaiian or Other Pacific Islander", "Two or more races", "Hispanic or Latino",
                      "Not Hispanic or Latino"]},
}
BLOOD_TR = ["A Rh+", "A Rh-", "B Rh+", "B Rh-", "AB Rh+", "AB Rh-", "0 Rh+", "0 Rh-"]


def t_saude_br(w, rng, i):
    v = ART9["br"]
    syn = rng.chance(0.18)
    return [("prontuario", str(700000 + i), NONE, ("2",)),
            ("nome_paciente", w.full(rng, "br")[0], (NAME,), ("1", "2")),
            ("diagnostico", rng.choice(v["diag"]), (HEALTH,), ("2", "8")),
            ("cid10", rng.choice(ICD10) + "." + str(rng.below(10)), (HEALTH,), ("2", "8")),
            ("tipo_sanguineo", rng.choice(BLOOD), (HEALTH,), ("2", "8")),
            ("religiao", rng.choice(v["relig"]), ("RELIGIOUS_BELIEF",), ("2", "8")),
            ("cor_raca", rng.choice(v["ethnic"]), ("ETHNIC_ORIGIN",), ("2", "8")),
            ("sindicalizado", v["yes"] if syn else v["no"], ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("filiacao_partidaria", rng.choice(v["party"]) if rng.chance(0.4) else "", ("POLITICAL_OPINION",),
             ("2", "8")),
            ("ativo", rng.choice([v["yes"], v["no"]]), NONE, ("2", "8")),
            ("data_atendimento", fmt(event_date(rng), "dmy/"), NONE, ("2", "4"))]


def t_dati_it(w, rng, i):
    v = ART9["it"]
    syn = rng.chance(0.3)
    return [("matricola", str(i + 1), NONE, ("2",)),
            ("nominativo", "%s %s" % w.person(rng, "it")[:2], (NAME,), ("1", "2")),
            ("diagnosi", rng.choice(v["diag"]), (HEALTH,), ("2", "8")),
            ("gruppo_sanguigno", rng.choice(BLOOD), (HEALTH,), ("2", "8")),
            ("religione", rng.choice(v["relig"]), ("RELIGIOUS_BELIEF",), ("2", "8")),
            ("iscritto_sindacato", v["yes"] if syn else v["no"], ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("sindacato", rng.choice(v["union"]) if syn else "", ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("partito", rng.choice(v["party"]), ("POLITICAL_OPINION",), ("2", "8")),
            ("part_time", rng.choice([v["yes"], v["no"]]), NONE, ("2", "8")),
            ("reparto", rng.choice(["Amministrazione", "Produzione", "Magazzino", "Vendite"]), NONE, ("2",))]


def t_hasta_tr(w, rng, i):
    v = ART9["tr"]
    syn = rng.chance(0.25)
    g, f, sex = w.person(rng, "tr")
    return [("hasta_no", str(300000 + i), NONE, ("2",)),
            ("ad_soyad", "%s %s" % (g, f), (NAME,), ("1", "2")),
            ("cinsiyet", sex_value(rng, "tr", sex), (GENDER,), ("2", "8")),
            ("tanı", rng.choice(v["diag"]), (HEALTH,), ("2", "8")),
            ("icd10_kodu", rng.choice(ICD10) + "." + str(rng.below(10)), (HEALTH,), ("2", "8")),
            ("kan_grubu", rng.choice(BLOOD_TR), (HEALTH,), ("2", "8")),
            ("din", rng.choice(v["relig"]), ("RELIGIOUS_BELIEF",), ("2", "8")),
            ("sendika_üyesi", v["yes"] if syn else v["no"], ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("sendika", rng.choice(v["union"]) if syn else "", ("TRADE_UNION_MEMBERSHIP",), ("2", "8")),
            ("sigara", rng.choice([v["yes"], v["no"]]), NONE, ("2", "8")),
            ("kayıt_tarihi", fmt(event_date(rng), "dmy."), NONE, ("2", "4"))]


def t_us_intake(w, rng, i):
    g, f, sex = w.person(rng, "us")
    return [("intakeId", str(i + 1), NONE, ("2",)),
            ("patientName", "%s, %s" % (f, g), (NAME,), ("1", "2")),
            ("birthDate", fmt(dob_date(rng), "mdy/"), (DOB,), ("2", "4")),
            ("sexAtBirth", rng.choice(["Male", "Female"]) if sex is None else sex.capitalize(), (GENDER,), ("2", "8")),
            ("raceEthnicity", rng.choice(ART9["us"]["ethnic"]), ("ETHNIC_ORIGIN",), ("2", "8")),
            ("primaryDiagnosis", rng.choice(DIAG["en"]), (HEALTH,), ("2", "8")),
            ("icd10", rng.choice(ICD10) + "." + str(rng.below(10)), (HEALTH,), ("2", "8")),
            ("currentMedications", "; ".join(rng.choice(MEDS) for _ in range(rng.between(1, 3))), (HEALTH,),
             ("2", "8")),
            ("insurancePlan", rng.choice(["Medicare", "Medicaid", "Blue Cross PPO", "Aetna HMO", "Self-pay"]), NONE,
             ("2",)),
            ("visitDate", fmt(event_date(rng), "mdy/"), NONE, ("2", "4"))]


# ---------------------------------------------------------------- free text

def t_tickets(w, rng, i):
    """Support tickets (English): every sentence may carry something."""
    given, fam, _ = w.person(rng, "en")
    parts, ents = [], set()
    if rng.chance(0.45):
        parts.append(rng.choice(["Dear %s %s," % (rng.choice(["Mr", "Mrs", "Ms", "Dr"]), fam),
                                 "Hi %s," % given, "Dear %s %s," % (given, fam)]))
        ents.add(NAME)
    parts.append(rng.choice(["Thanks for getting back to us.", "We looked into your request.",
                             "Your order has been delayed.", "The refund was processed today."]))
    if rng.chance(0.35):
        parts.append("Please reply to %s." % w.email(rng, given, fam))
        ents.add(E)
    if rng.chance(0.3):
        parts.append("You can call me on %s after 5pm." % w.phone(rng, "en"))
        ents.update((PH, "UK_PHONE_NUMBER"))
    if rng.chance(0.2):
        parts.append("Refund to account %s please." % S.iban(rng, "DE"))
        ents.add("GERMANY_BANK_ACCOUNT")
    if rng.chance(0.15):
        parts.append("I paid with card %s." % S.card_number(rng))
        ents.add("CREDIT_CARD")
    if rng.chance(0.15):
        parts.append("My NI number is %s." % S.nino(rng))
        ents.add("UK_NATIONAL_INSURANCE_NUMBER")
    parts.append(rng.choice(["Kind regards", "Thanks", "Best wishes", "Regards, support team"]))
    return [("ticket_id", "TCK-%06d" % i, NONE, ("7",)),
            ("subject", rng.choice(["Refund", "Delivery problem", "Account access", "Invoice query",
                                    "Change of address"]), NONE, ("7",)),
            ("body", " ".join(parts), tuple(sorted(ents)), ("7",)),
            ("opened_at", S.timestamp(rng, "iso"), NONE, ())]


def t_notizen(w, rng, i):
    given, fam, _ = w.person(rng, "de")
    parts, ents = [], set()
    if rng.chance(0.5):
        parts.append(rng.choice(["Frau %s hat angerufen." % fam, "Herr %s bittet um Rückruf." % fam,
                                 "Sehr geehrte Frau %s," % fam]))
        ents.add(NAME)
    parts.append(rng.choice(["Lieferung verspätet.", "Rechnung erneut versendet.", "Kunde ist zufrieden.",
                             "Vertrag verlängert."]))
    if rng.chance(0.3):
        parts.append("Rückruf unter %s." % S.phone_de(rng))
        ents.add(PH)
    if rng.chance(0.3):
        parts.append("Neue Bankverbindung: %s." % S.iban(rng, "DE"))
        ents.add("GERMANY_BANK_ACCOUNT")
    if rng.chance(0.3):
        parts.append("E-Mail: %s" % w.email(rng, given, fam))
        ents.add(E)
    return [("Vorgang", str(50000 + i), NONE, ("2", "7")),
            ("Notiz", " ".join(parts), tuple(sorted(ents)), ("2", "7")),
            ("Bearbeiter", rng.choice(["Team A", "Team B", "Support", "Innendienst"]), NONE, ("2",))]


def t_notas(w, rng, i):
    given, fam, _ = w.person(rng, "es")
    parts, ents = [], set()
    if rng.chance(0.5):
        parts.append(rng.choice(["Estimado Sr. %s:" % fam, "Estimada Sra. %s:" % fam, "Hola %s," % given]))
        ents.add(NAME)
    parts.append(rng.choice(["Hemos recibido su solicitud.", "El pedido llegará mañana.",
                             "La factura está pendiente."]))
    if rng.chance(0.3):
        parts.append("Su DNI %s ya consta en el sistema." % ID.spain_dni(rng))
        ents.add("SPAIN_DNI")
    if rng.chance(0.3):
        parts.append("Llámenos al %s." % S.phone_es(rng))
        ents.add(PH)
    if rng.chance(0.25):
        parts.append("Escriba a %s." % w.email(rng, given, fam))
        ents.add(E)
    if rng.chance(0.15):
        parts.append("Cargo en la tarjeta %s." % S.card_number(rng))
        ents.add("CREDIT_CARD")
    return [("id_incidencia", str(i + 1), NONE, ("2", "7")),
            ("notas", " ".join(parts), tuple(sorted(ents)), ("2", "7")),
            ("estado", rng.choice(["abierta", "cerrada", "pendiente"]), NONE, ("2",))]


# ---------------------------------------------------------------- encodings, placeholders

def t_cp1252(w, rng, i):
    while True:                        # only values Windows-1252 can hold
        given, fam, sex = w.person(rng, rng.choice(["de", "fr", "es"]))
        row = [("Kundennummer", str(i + 1), NONE, ("9",)),
               ("Vorname", given, (NAME,), ("1", "9")),
               ("Nachname", fam, (NAME,), ("1", "9")),
               ("Straße", "%s %d" % (w.street(rng, "de"), rng.between(1, 99)), (ADDR,), ("5", "9")),
               ("Ort", w.town(rng, "de"), NONE, ("9",)),
               ("Geburtsdatum", fmt(dob_date(rng), "dmy."), (DOB,), ("4", "9"))]
        try:
            "".join(v for _, v, _, _ in row).encode("cp1252")
            return row
        except UnicodeEncodeError:
            continue


def t_utf16(w, rng, i):
    given, fam, sex = w.person(rng, rng.choice(["es", "br", "fr"]))
    return [("id", str(i + 1), NONE, ("9",)),
            ("nombre", given, (NAME,), ("1", "9")),
            ("apellidos", fam, (NAME,), ("1", "9")),
            ("ciudad", w.town(rng, rng.choice(["es", "br"])), NONE, ("9",)),
            ("fecha_nacimiento", fmt(dob_date(rng), "dmy/"), (DOB,), ("4", "9")),
            ("correo", w.email(rng, given, fam), (E,), ("9",))]


def t_latin9(w, rng, i):
    while True:                        # only values ISO-8859-15 can hold (it has € and œ, not ’)
        given, fam, sex = w.person(rng, "fr")
        row = [("n°", str(i + 1), NONE, ("9",)),
               ("prénom", given, (NAME,), ("1", "9")),
               ("nom", fam, (NAME,), ("1", "9")),
               ("né_le", fmt(dob_date(rng), "dmy/"), (DOB,), ("4", "9")),
               ("adresse", w.address(rng, "fr"), (ADDR,), ("5", "9")),
               ("montant", "%d,%02d €" % (rng.between(5, 900), rng.below(100)), NONE, ("9",)),
               ("remarque", rng.choice(["cœur de ville", "œuvre offerte", "reçu envoyé", "à rappeler", ""]), NONE,
                ("9",))]
        try:
            "".join(v for _, v, _, _ in row).encode("iso8859_15")
            return row
        except UnicodeEncodeError:
            continue


def t_sparse(w, rng, i):
    """Mostly placeholders: a column is what its real values are."""
    given, fam, _ = w.person(rng, "us")
    return [("id", str(i + 1), NONE, ("12",)),
            ("middle_name", rng.choice(w.given["en"])[0] if rng.chance(0.08) else rng.choice(PLACEHOLDERS),
             (NAME,), ("12",)),
            ("secondary_email", w.email(rng) if rng.chance(0.15) else rng.choice(PLACEHOLDERS), (E,), ("12",)),
            ("fax", S.phone_us(rng) if rng.chance(0.1) else rng.choice(["n/a", "-", "none", ""]), (PH,), ("12",)),
            ("nickname", rng.choice(PLACEHOLDERS), NONE, ("12",)),
            ("last_name", ph(rng, fam, 0.3), (NAME,), ("12",))]


def people_tables(seed):
    """The people tables with their column names for this seed."""
    out = []
    for name, lang, form, cols in PEOPLE:
        if seed != 1:
            pick = S.Rng(seed).fork(name + "/column-names")
            syn = SYNONYMS.get(name, {})
            cols = [(role, pick.choice([col] + syn[col]) if col in syn else col) for role, col in cols]
        out.append((name, lang, form, people_table(lang, cols)))
    return out


OTHER_TABLES = [
    ("mena_customers", "ar", "jsonl", t_mena),
    ("staff_directory", "en", "json", t_staff),
    ("uk_deliveries", "en", "csv", t_uk_addresses),
    ("addresses_intl", "multi", "csv", t_addresses_intl),
    ("addresses_multiline", "multi", "csv", t_addresses_multiline),
    ("commentaires_clients", "fr", "csv", t_commentaires),
    ("observacoes_atendimento", "br", "csv", t_observacoes),
    ("companies", "multi", "csv", t_companies),
    ("places", "multi", "csv", t_places),
    ("vocabularies", "multi", "csv", t_vocab),
    ("catalogue", "multi", "csv", t_products),
    ("legacy_export", "multi", "csv", t_legacy),
    ("national_ids", "multi", "csv", t_national),
    ("patients", "en", "csv", t_patients),
    ("patienten", "de", "csv", t_patienten),
    ("pacientes", "es", "csv", t_pacientes),
    ("hr_equality", "en", "csv", t_hr_equality),
    ("saude_pacientes", "br", "csv", t_saude_br),
    ("dati_dipendenti", "it", "csv", t_dati_it),
    ("hasta_kayitlari", "tr", "csv", t_hasta_tr),
    ("us_patient_intake", "us", "csv", t_us_intake),
    ("enquete_salaries", "fr", "csv", t_enquete),
    ("genetics_lab", "en", "csv", t_genetics),
    ("convictions", "en", "csv", t_convictions),
    ("support_tickets", "en", "csv", t_tickets),
    ("kundennotizen", "de", "csv", t_notizen),
    ("notas_clientes", "es", "csv", t_notas),
    ("kunden_cp1252", "de", "cp1252", t_cp1252),
    ("clientes_utf16", "es", "utf16", t_utf16),
    ("clients_latin9", "fr", "latin9", t_latin9),
    ("sparse_contacts", "us", "csv", t_sparse),
]
EXT = {"csv": ".csv", "cp1252": ".csv", "utf16": ".csv", "latin9": ".csv", "jsonl": ".jsonl", "json": ".json"}
# the national_id column must also be reported as a category as a whole (issue 11, item 6)
CATEGORY = {("national_ids", "national_id"): "user.government_id.national_identification_number",
            ("national_ids", "id_number"): "user.government_id.national_identification_number"}


# ---------------------------------------------------------------- writing

def nest(flat):
    out = {}
    for k, v in flat:
        parts = k.split(".")
        d = out
        for p in parts[:-1]:
            d = d.setdefault(p, {})
        d[parts[-1]] = v
    return out


def generate(w, seed, rows, outdir, verbose=False):
    tdir = os.path.join(outdir, "tables")
    os.makedirs(tdir, exist_ok=True)
    for f in os.listdir(tdir):
        os.remove(os.path.join(tdir, f))
    labels, meta = {}, {"threshold": THRESHOLD, "items": ITEMS, "tables": {}}
    root = S.Rng(seed)
    warnings = []
    for name, lang, form, fn in people_tables(seed) + OTHER_TABLES:
        rng = root.fork(name)
        header, data = None, []
        cells, counts, items = {}, {}, {}
        for i in range(rows):
            row = fn(w, rng, i)
            cols = [c for c, _, _, _ in row]
            if header is None:
                header = cols
                for c in cols:
                    cells[c], counts[c] = 0, {}
            elif cols != header:
                raise RuntimeError("%s: columns changed in row %d" % (name, i))
            for c, v, ents, its in row:
                items.setdefault(c, tuple(its))
                if v == "" or is_placeholder(v):
                    continue                   # placeholders count as empty (bench/README.md)
                cells[c] += 1
                for e in ents:
                    counts[c][e] = counts[c].get(e, 0) + 1
            data.append(row)
        tl = {}
        for c in header:
            n = cells[c]
            shares = {e: k / n for e, k in counts[c].items()} if n else {}
            tl[c] = sorted(e for e, r in shares.items() if r >= THRESHOLD)
            for e, r in sorted(shares.items()):
                if THRESHOLD - 0.03 <= r < THRESHOLD + 0.03:
                    warnings.append("%s.%s: %s in %.1f%% of cells, near the threshold" % (name, c, e, 100 * r))
        labels[name] = tl
        cmeta = {}
        for c in header:
            m = {"items": list(items[c])}
            if (name, c) in CATEGORY:
                m["category"] = CATEGORY[(name, c)]
                # every type in the column with its share, above the threshold or not
                n = cells[c]
                m["members"] = {e: round(k / n, 4) for e, k in sorted(counts[c].items()) if e != MIXED_ID}
            if (GENDER in tl[c] or ADDR in tl[c]) and NAME not in tl[c]:
                m["negative_for"] = [NAME]     # "Female" or a street is not a person's name
            cmeta[c] = m
        meta["tables"][name] = {"lang": lang, "format": form, "columns": cmeta}
        path = os.path.join(tdir, name + EXT[form])
        if form in ("csv", "cp1252", "utf16", "latin9"):
            buf = io.StringIO()
            wr = csv.writer(buf, lineterminator="\r\n" if form != "csv" else "\n")
            wr.writerow(header)
            for row in data:
                wr.writerow([v for _, v, _, _ in row])
            text = buf.getvalue()
            enc = {"csv": "utf-8", "cp1252": "cp1252", "utf16": "utf-16", "latin9": "iso8859_15"}[form]
            with open(path, "wb") as f:
                f.write(text.encode(enc))
        elif form == "jsonl":
            with open(path, "w", encoding="utf-8") as f:
                for row in data:
                    f.write(json.dumps(nest((c, v) for c, v, _, _ in row), ensure_ascii=False) + "\n")
        else:
            with open(path, "w", encoding="utf-8") as f:
                json.dump([nest((c, v) for c, v, _, _ in row) for row in data], f, ensure_ascii=False, indent=1)
                f.write("\n")
        if verbose:
            print("realworld: %s: %d rows, %d columns" % (name, rows, len(header)), file=sys.stderr)
    with open(os.path.join(outdir, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    with open(os.path.join(outdir, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    for wmsg in warnings:
        print("realworld: warning: " + wmsg, file=sys.stderr)
    pos = sum(1 for t in labels.values() for e in t.values() if e)
    neg = sum(1 for t in labels.values() for e in t.values() if not e)
    print("realworld: %d tables, %d columns with personal data, %d hard negatives -> %s"
          % (len(labels), pos, neg, outdir), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(HERE, "data", "realworld"))
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sources", default=os.path.join(HERE, "data", "sources"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if a.rows < 1:
        ap.error("--rows must be positive")
    w = World(Sources(a.sources))
    generate(w, a.seed, a.rows, a.out, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
