/*
 * Column-name words in many languages
 *
 * An entity's own `hints` name the column in the words of its country
 * ("personnummer", "codice_fiscale"). The words here are the everyday ones
 * a table in any of the EU languages, Portuguese, Spanish, Turkish or
 * romanised Hindi uses for the same things ("data_nascimento", "telefone",
 * "Vorname", "doğum_tarihi", "janm_tithi"), and the words that speak
 * AGAINST an entity (a column called "cidade" or "empresa" holds towns or
 * companies, not people). The engine adds them to the entities' hints and
 * antihints when it is built.
 *
 * Words are written as a column name is compared (engine.c,
 * normalize_name): lower case, accents removed, words joined by '_'. A word
 * sequence matches inside a longer name ("nome" in "nome_completo"); a
 * single word of four letters or more also matches the name written
 * without separators ("datanascimento" for "data_nascimento"). A word
 * written "=ad" names only a column called just that (see hints_match).
 *
 * Category rows (entity NULL) are weaker than an entity's own hint: under
 * such a name ("national_id", "tax_number") a match that a validator calls
 * MEDIUM or STRONG counts at any share, but a WEAK one (a bare number that
 * random values would pass) still needs the entity's own word. That is what
 * lets a column mixing the IDs of ten countries show each of them.
 */
#include "detect/names_i18n.h"

#include <stddef.h>

#include "detect/category.h"

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

const dm_name_words dm_name_words_table[] = {
    /* ---- people ---- */
    {"PERSON_NAME", NULL, false,
     WORDS("name_of_person", "full_name", "fullname", "first_name", "last_name", "given_name", "family_name",
           "surname", "surnames", "forename", "middle_name", "maiden_name", "customer_name", "client_name",
           "contact_name", "contact_person", "person_name", "employee_name", "patient_name", "holder_name",
           "card_holder", "cardholder", "account_holder", "owner_name", "beneficiary_name", "recipient_name",
           "display_name", "name_first", "name_last", "name_given", "name_family", "name_full",
           /* de */ "vorname", "vornamen", "nachname", "familienname", "rufname", "geburtsname", "kundenname",
           "mitarbeitername", "ansprechpartner", "kontoinhaber", "karteninhaber", "vollstandiger_name",
           /* fr */ "prenom", "prenoms", "nom", "nom_de_famille", "nom_complet", "nom_prenom", "nom_client",
           "nom_usuel", "nom_de_naissance", "titulaire",
           /* es */ "nombre", "nombres", "apellido", "apellidos", "primer_apellido", "segundo_apellido",
           "nombre_completo", "nombre_cliente",
           /* it */ "nome", "cognome", "nominativo", "nome_completo", "intestatario",
           /* pt */ "sobrenome", "apelido", "nome_proprio", "apelidos", "nome_cliente",
           /* nl */ "voornaam", "voornamen", "achternaam", "familienaam", "naam", "volledige_naam", "tussenvoegsel",
           "rekeninghouder",
           /* pl */ "imie", "imiona", "nazwisko", "imie_i_nazwisko",
           /* sv da no */ "fornamn", "efternamn", "namn", "fornavn", "efternavn", "etternavn", "mellomnavn",
           "navn",
           /* fi */ "etunimi", "sukunimi", "nimi",
           /* cs sk */ "jmeno", "prijmeni", "meno", "priezvisko",
           /* ro */ "prenume", "nume", "nume_complet",
           /* hu */ "vezeteknev", "keresztnev", "nev",
           /* el (romanised) */ "onoma", "eponymo",
           /* tr */ "=ad", "adi", "soyad", "soyadi", "ad_soyad", "adi_soyadi", "isim",
           /* hi (romanised) */ "naam", "pura_naam", "pita_ka_naam", "pati_ka_naam",
           /* ja (romanised) */ "shimei", "simei", "namae", "myoji", "myouji", "seimei")},
    {"PERSON_NAME", NULL, true,
     WORDS(/* places */ "city", "town", "village", "municipality", "locality", "place", "county", "district",
           "province", "region", "state", "country", "birthplace", "place_of_birth",
           "stadt", "ort", "wohnort", "gemeinde", "landkreis", "bundesland", "geburtsort",
           "ville", "commune", "localite", "departement", "pays", "lieu_de_naissance",
           "ciudad", "municipio", "localidad", "poblacion", "provincia", "pais", "lugar_de_nacimiento",
           "citta", "comune", "localita", "paese", "luogo_di_nascita",
           "cidade", "concelho", "freguesia", "distrito", "estado", "naturalidade", "localidade",
           "stad", "plaats", "woonplaats", "gemeente", "provincie",
           "miasto", "miejscowosc", "gmina", "wojewodztwo", "kraj", "kommun", "kaupunki", "mesto",
           "oras", "judet", "varos", "sehir", "ilce", "shahar", "gaon", "zila", "rajya",
           /* organisations */ "company", "companies", "employer", "organisation", "organization", "org_name",
           "business", "firm", "vendor", "supplier", "manufacturer", "brand", "bank_name", "institution",
           "school", "university", "agency", "merchant", "carrier", "insurer",
           "firma", "firmenname", "unternehmen", "unternehmensname", "arbeitgeber", "gesellschaft", "lieferant", "hersteller", "marke",
           "entreprise", "societe", "employeur", "fournisseur", "raison_sociale", "enseigne",
           "empresa", "compania", "empleador", "proveedor", "razon_social", "marca",
           "azienda", "societa", "ditta", "datore_di_lavoro", "fornitore", "ragione_sociale",
           "companhia", "empregador", "fornecedor", "razao_social",
           "bedrijf", "werkgever", "leverancier", "onderneming", "bedrijfsnaam",
           "pracodawca", "dostawca", "producent", "foretag", "virksomhed", "yritys",
           "sirket", "isveren", "kurum", "sanstha",
           /* things */ "product", "product_name", "item_name", "article", "sku", "title", "model",
           "produkt", "artikel", "bezeichnung", "produit", "libelle", "producto", "articulo",
           "prodotto", "articolo", "produto", "artigo", "towar", "urun", "tuote",
           "street", "strasse", "rue", "calle", "via", "rua", "straat", "ulica", "sokak",
           "file_name", "filename", "hostname", "host_name", "domain", "category", "kategorie", "categorie",
           "categoria", "status", "colour", "color", "farbe", "couleur",
           /* gender */ "gender", "sex", "geschlecht", "sexe", "genre", "sexo", "genero", "sesso",
           "geslacht", "plec", "kon", "kjonn", "sukupuoli", "pohlavi", "cinsiyet", "ling")},
    {"DATE_OF_BIRTH", NULL, false,
     WORDS("dob", "d_o_b", "date_of_birth", "birth_date", "birthdate", "birthday", "born", "born_on",
           "birth_dt", "dt_birth",
           /* de */ "geburtsdatum", "geb_datum", "gebdat", "geburtstag", "geboren_am",
           /* fr */ "date_de_naissance", "date_naissance", "naissance", "ne_le", "nee_le", "dt_naissance",
           /* es */ "fecha_de_nacimiento", "fecha_nacimiento", "f_nacimiento", "nacimiento", "fec_nac",
           /* it */ "data_di_nascita", "data_nascita", "nascita", "dt_nascita",
           /* pt */ "data_de_nascimento", "data_nascimento", "nascimento", "dt_nascimento", "dt_nasc",
           "data_nasc",
           /* nl */ "geboortedatum", "geboren", "geb_datum",
           /* pl */ "data_urodzenia", "urodzony", "urodzona",
           /* sv da no */ "fodelsedatum", "fodelsedag", "fodselsdato", "foedselsdato", "fodselsdag",
           /* fi */ "syntymaaika", "syntymapaiva", "syntymapvm",
           /* cs sk */ "datum_narozeni", "datum_narodenia",
           /* ro */ "data_nasterii", "data_nastere",
           /* hu */ "szuletesi_datum", "szuletesi_ido", "szul_datum",
           /* el */ "imerominia_gennisis",
           /* tr */ "dogum_tarihi", "dogum_tarih", "dogum_gunu", "d_tarihi",
           /* hi */ "janm_tithi", "janam_tithi", "janmtithi", "janm_din", "janam_din", "janm_tarikh",
           /* ja */ "seinengappi", "seinen_gappi", "tanjoubi", "tanjobi")},
    {"PHONE_NUMBER", NULL, false,
     WORDS("phone", "telephone", "tel", "tel_no", "mobile", "mobile_no", "cell", "cellphone", "phone_number",
           "contact_number", "msisdn", "whatsapp",
           "telefon", "telefonnummer", "handy", "handynummer", "mobil", "mobilnummer", "rufnummer",
           "festnetz", "portable", "numero_de_telephone", "num_tel", "telefono", "movil", "celular",
           "numero_de_telefono", "cellulare", "telefone", "telemovel", "numero_telefone", "telefoon",
           "telefoonnummer", "mobiel", "komorka", "numer_telefonu", "telefonnummer", "matkapuhelin",
           "puhelin", "puhelinnumero", "telefonni_cislo", "cep_telefonu", "cep_tel", "gsm",
           "telefonszam", "mobile_number", "sampark", "phone_no", "fon")},
    {"EMAIL", NULL, false,
     WORDS("email", "e_mail", "mail", "email_address", "correo", "correo_electronico", "courriel",
           "adresse_mail", "adresse_email", "posta_elettronica", "indirizzo_email", "e_posta", "eposta",
           "epost", "sahkoposti", "adres_email", "emailadres", "e_mailadres", "endereco_email", "eposta_adresi")},
    {"ADDRESS", NULL, false,
     WORDS("address", "street_address", "home_address", "postal_address", "mailing_address", "street",
           "address_line", "addr", "residence",
           "adresse", "anschrift", "strasse", "wohnadresse", "postanschrift", "hausanschrift",
           "adresse_postale", "rue", "voie", "domicile", "direccion", "domicilio", "calle",
           "indirizzo", "residenza", "endereco", "morada", "logradouro", "rua",
           "adres", "straat", "woonadres", "ulica", "adres_zamieszkania", "adress", "gatuadress",
           "gateadresse", "osoite", "katuosoite", "adresa", "ulice", "cim", "lakcim", "adresi", "ikamet",
           "ev_adresi", "pata", "ghar_ka_pata", "nivas",
           /* ja */ "jusho", "juusho", "jyusho")},
    {"JAPAN_MY_NUMBER", NULL, false, WORDS("kojin_bangou", "kojin_bango", "kojinbangou", "mai_nanba", "my_number")},
    /* ---- identifiers, by category: weaker than each country's own words ---- */
    {NULL, DM_CAT_NATIONAL_ID, false,
     WORDS("national_id", "national_identity", "national_identification", "national_number", "id_number",
           "identity_number", "identification_number", "citizen_id", "personal_id", "personal_number",
           "personal_identity_number", "person_number", "nin", "ssn", "id_card", "identity_card",
           "id_card_number", "document_number", "doc_number", "numero_documento", "documento",
           "documento_identidad", "numero_identidad", "cedula", "carte_identite", "numero_identite",
           "piece_identite", "personalausweis", "ausweisnummer", "ausweis", "identifikationsnummer",
           "carta_identita", "documento_identita", "identiteitsnummer", "identiteitskaart",
           "numer_dowodu", "dowod_osobisty", "kimlik", "kimlik_no", "tc_kimlik", "henkilotunnus",
           "rodne_cislo", "cnp", "szemelyi_szam", "pehchan_patra", "pehchaan")},
    {NULL, DM_CAT_TAX_ID, false,
     WORDS("tax_id", "tax_number", "taxpayer_id", "tax_identification_number", "tin", "tax_code", "tax_no",
           "steuernummer", "steuer_id", "steueridentifikationsnummer", "numero_fiscal", "numero_fiscale",
           "codice_fiscale", "nif", "nie", "numero_contribuinte", "contribuinte", "identificacion_fiscal",
           "fiscaal_nummer", "belastingnummer", "nip", "vergi_no", "vergi_numarasi", "vergi_kimlik",
           "verotunnus", "skattenummer", "skatteregistreringsnummer", "adohivatali_azonosito",
           "kar_pahchan")},
    {NULL, DM_CAT_BANK_ACCOUNT, false,
     WORDS("iban", "bank_account", "account_number", "bank_account_number", "kontonummer", "bankverbindung",
           "numero_de_compte", "compte_bancaire", "rib", "cuenta", "cuenta_bancaria", "numero_cuenta",
           "conto", "conto_corrente", "numero_conto", "conta", "conta_bancaria", "numero_conta",
           "rekeningnummer", "bankrekening", "numer_konta", "rachunek", "tilinumero", "hesap_no",
           "hesap_numarasi", "banka_hesabi", "khata_sankhya", "bank_khata")},
    {NULL, NULL, false, NULL},
};
