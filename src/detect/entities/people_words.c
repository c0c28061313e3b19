/*
 * Hand-written word lists of the people entities (entities/people.c): short
 * language knowledge, not statistics, so not generated. All folded the way
 * people.c folds words: lower-case ASCII, accents dropped, "strasse" for
 * Straße. Each list ends with NULL.
 */
#include "detect/entities/people_words.h"

#include <stddef.h>

const char *const dm_people_stop[] = {
    /* English */
    "the", "and", "of", "for", "in", "on", "at", "to", "with", "by", "from", "an", "or", "is", "are",
    "was", "be", "not", "no", "yes", "new", "our", "your", "my", "this", "that", "these", "all", "best",
    "free", "more", "only", "per", "via", "vs", "plus", "pro", "max", "mini", "ultra", "premium",
    "deluxe", "edition", "series", "set", "pack", "kit", "size", "model", "version", "total", "item",
    "order", "invoice", "account", "customer", "user", "test", "sample", "unknown", "null", "none",
    "other", "misc", "general", "default", "admin", "support", "info", "team", "staff", "sales",
    "service", "department", "office", "manager", "director", "officer", "engineer", "assistant",
    /* German, French, Spanish, Italian, Dutch, Portuguese */
    "und", "oder", "die", "mit", "fur", "fuer", "ein", "eine", "et", "ou", "les", "des", "pour", "avec",
    "sur", "une", "un", "y", "con", "para", "por", "los", "las", "il", "lo", "gli", "per", "het",
    "een", "en", "met", "voor", "op", "e", "o", "com", "sem",
    /* geography: city and place-name parts */
    "city", "beach", "springs", "falls", "heights", "lake", "island", "islands", "valley", "harbor",
    "harbour", "creek", "county", "bay", "mount", "mt", "fort", "port", "north", "south", "east",
    "san", "santa", "sao", "saint", "sainte", "ste", "bad", "upon", "sur", "am", "im",
    /* function words inside street names: "Via dei Mille", "Rue aux Ours" */
    "dei", "degli", "delle", "alla", "ai", "aux", "au", "zur",
    NULL,
};

const char *const dm_people_company[] = {
    "inc", "ltd", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sarl", "sas", "bv", "nv", "kg",
    "ohg", "ug", "co", "corp", "corporation", "company", "companies", "group", "holding", "holdings",
    "bank", "banque", "university", "universitat", "universitaet", "universite", "universidad",
    "universita", "college", "school", "academy", "institute", "institut", "hotel", "hospital",
    "clinic", "klinik", "foundation", "association", "society", "club", "partners", "associates",
    "services", "solutions", "systems", "technologies", "technology", "tech", "logistics",
    "consulting", "industries", "international", "enterprises", "enterprise", "trust", "fund",
    "capital", "ventures", "studio", "studios", "labs", "media", "store", "shop", "restaurant",
    "cafe", "church", "museum", "airport", "station", "center", "centre", "limited", "gesellschaft",
    "stiftung", "verein", "ev", "spa", "srl", "oy", "ab", "aps", "asa", "kft", "sro", "zrt", "pty",
    "pvt", "bhd", "kk", "ltda", "cia", "cie", "et", "fils", "freres", "brothers", "bros", "sons",
    "motors", "airlines", "insurance", "pharma", "energy", "foods", "software", "networks",
    "communications", "electronics", "products", "manufacturing", "construction", "properties",
    "realty", "agency", "council", "ministry", "government", "department", "office", "committee",
    "widgets", "gmbhco", "kgaa", "se", "scs", "eurl", "snc", "gie", "sl", "slu", "coop",
    NULL,
};

const char *const dm_people_street_words[] = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "rue", "strasse", "str",
    "calle", "via", "viale", "piazza", "plaza", "avenida", "avda", "allee", "platz", "gasse",
    "straat", "laan", "plein", "rua", "chemin", "impasse", "quai", "corso", "paseo", "highway",
    "hwy", "parkway", "pkwy", "piazzale", "vicolo", "praca", "travessa", "carretera", "weg",
    NULL,
};

const char *const dm_people_title[] = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "herr", "frau",
    "mme", "mlle", "monsieur", "madame", "sr", "sra", "srta", "don", "dona", "sig", "sigra", "dott",
    "dhr", "mevr", "rev", "fr", "shri", "smt", "srimati",
    NULL,
};

/* Words that come before a name in letters and notes but also before other
 * words ("Dear customer", "Hi team", "Bay Area", "Pan fried", "Miss World",
 * "Don't"): greetings in the languages of the column-name hints, and the
 * forms of address that are everyday words too. In free text the word after
 * them counts as a name only when it is a known name. */
const char *const dm_people_greeting[] = {
    "dear", "hi", "hello", "hey", "hallo", "liebe", "lieber", "bonjour", "cher", "chere", "hola", "estimado",
    "estimada", "querido", "querida", "ola", "oi", "prezado", "prezada", "caro", "cara", "gentile", "egregio",
    "buongiorno", "geachte", "beste", "szanowny", "szanowna", "sayin", "merhaba", "namaste", "pan", "pani",
    "bay", "bayan", "don", "dona", "sir", "lady", "lord", "dame", "miss", "rev", "fr",
    NULL,
};

const char *const dm_people_suffix[] = {
    "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "dds", "mba", "jun", "sen",
    NULL,
};

const char *const dm_people_particle[] = {
    "van", "von", "der", "den", "de", "da", "di", "del", "della", "dello", "dos", "das", "du", "la",
    "le", "ter", "ten", "bin", "ibn", "al", "el", "zu", "vom", "zum", "mac", "mc", "st", "do", "na",
    NULL,
};

/* Cities (US, Canada, UK, Ireland, EU, Australia) that are also person
 * names or often mistaken for them; a cell of one such word is a place. */
const char *const dm_people_city[] = {
    "charlotte", "jackson", "florence", "austin", "paris", "victoria", "regina", "lincoln",
    "madison", "washington", "houston", "dallas", "denver", "phoenix", "sydney", "chelsea",
    "orlando", "tyler", "eugene", "aurora", "alexandria", "irving", "gary", "carmel", "everett",
    "lawrence", "marietta", "raleigh", "allen", "warren", "troy", "odessa", "savannah", "augusta",
    "columbus", "cleveland", "montgomery", "henderson", "durham", "preston", "lancaster", "chester",
    "milton", "camden", "quincy", "hamilton", "kingston", "clinton", "adelaide", "sofia", "nancy",
    "georgia", "virginia", "carolina", "dakota", "montana", "nevada", "indiana", "jersey",
    "london", "berlin", "madrid", "rome", "roma", "milan", "milano", "florenz", "firenze", "venice",
    "naples", "turin", "genoa", "bologna", "verona", "lisbon", "porto", "barcelona", "valencia",
    "seville", "sevilla", "bilbao", "malaga", "granada", "zaragoza", "munich", "munchen", "hamburg",
    "frankfurt", "cologne", "koln", "stuttgart", "dresden", "leipzig", "bremen", "hannover",
    "nuremberg", "dortmund", "essen", "bonn", "vienna", "wien", "salzburg", "graz", "zurich",
    "geneva", "bern", "basel", "lausanne", "brussels", "antwerp", "ghent", "bruges", "liege",
    "amsterdam", "rotterdam", "utrecht", "eindhoven", "groningen", "copenhagen", "stockholm", "oslo",
    "helsinki", "dublin", "cork", "galway", "edinburgh", "glasgow", "aberdeen", "dundee", "cardiff",
    "swansea", "belfast", "manchester", "liverpool", "leeds", "sheffield", "bristol", "nottingham",
    "leicester", "coventry", "bradford", "newcastle", "sunderland", "brighton", "plymouth",
    "southampton", "portsmouth", "oxford", "cambridge", "york", "bath", "derby", "reading",
    "warsaw", "krakow", "gdansk", "wroclaw", "poznan", "prague", "brno", "budapest", "bucharest",
    "athens", "istanbul", "marseille", "lyon", "toulouse", "nice", "nantes", "strasbourg",
    "montpellier", "bordeaux", "lille", "rennes", "reims", "toulon", "grenoble", "dijon", "angers",
    "tours", "limoges", "metz", "orleans", "rouen", "avignon", "cannes", "versailles", "luxembourg",
    "monaco", "riga", "tallinn", "vilnius", "kyiv", "kiev", "moscow", "belgrade", "zagreb",
    "ljubljana", "sarajevo", "bratislava", "chicago", "boston", "seattle", "portland", "atlanta",
    "miami", "tampa", "detroit", "memphis", "nashville", "louisville", "lexington", "cincinnati",
    "indianapolis", "milwaukee", "minneapolis", "omaha", "tulsa", "wichita", "albuquerque", "tucson",
    "mesa", "chandler", "gilbert", "glendale", "scottsdale", "tempe", "peoria", "fresno",
    "sacramento", "oakland", "stockton", "anaheim", "riverside", "irvine", "pasadena", "hayward",
    "fremont", "berkeley", "salem", "spokane", "tacoma", "bellevue", "boise", "reno", "provo",
    "ogden", "lakewood", "thornton", "westminster", "boulder", "topeka", "springfield",
    "independence", "rockford", "naperville", "joliet", "elgin", "evanston", "rochester",
    "bloomington", "lafayette", "hammond", "dayton", "akron", "toledo", "lansing", "flint",
    "dearborn", "erie", "allentown", "scranton", "albany", "buffalo", "syracuse", "newark",
    "paterson", "trenton", "wilmington", "dover", "baltimore", "annapolis", "richmond", "norfolk",
    "roanoke", "greensboro", "fayetteville", "asheville", "columbia", "charleston", "greenville",
    "tallahassee", "jacksonville", "gainesville", "pensacola", "mobile", "birmingham", "huntsville",
    "chattanooga", "knoxville", "pittsburgh", "philadelphia", "providence", "hartford",
    "bridgeport", "stamford", "burlington", "worcester", "lowell", "honolulu", "anchorage", "juneau",
    "calgary", "edmonton", "winnipeg", "toronto", "ottawa", "montreal", "vancouver", "halifax",
    "melbourne", "brisbane", "perth", "darwin", "hobart", "canberra", "auckland", "wellington",
    "laredo", "lubbock", "amarillo", "abilene", "waco", "midland", "beaumont", "plano", "frisco",
    "garland", "mckinney", "denton", "macon", "athens", "arlington", "hampton", "chesapeake",
    NULL,
};

/* Colours, gems, plants, seasons that are also given names: alone they are
 * more likely a colour ("Olive", "Amber") than a person. */
const char *const dm_people_common[] = {
    "olive", "amber", "ruby", "jade", "hazel", "coral", "scarlet", "scarlett", "ginger", "violet",
    "rose", "lily", "daisy", "ivy", "iris", "pearl", "crystal", "jasmine", "holly", "heather",
    "fern", "poppy", "saffron", "sienna", "indigo", "sky", "autumn", "summer", "winter", "dawn",
    "sage", "willow", "aurora", "opal", "onyx", "ebony", "cherry", "melody", "harmony", "destiny",
    "royal", "king", "prince", "princess", "major", "bishop", "judge", "chase", "hunter", "story",
    "ocean", "river", "storm", "rain", "star", "angel", "honey", "candy", "sugar", "brandy",
    "porsche", "mercedes", "lexus", "chanel", "armani", "tiffany",
    NULL,
};

const char *const dm_people_unit[] = {
    "kg", "g", "mg", "lb", "lbs", "oz", "mm", "cm", "m", "km", "ml", "l", "cl", "gb", "tb", "mb",
    "kb", "mhz", "ghz", "hz", "w", "kw", "v", "mah", "inch", "inches", "in", "ft", "feet", "pcs",
    "pc", "x", "yrs", "years", "days", "hours", "min", "mins", "pack", "pieces", "piece", "units",
    "percent", "euro", "eur", "usd", "dollars",
    NULL,
};

const char *const dm_people_product[] = {
    "hard", "flash", "disk", "usb", "hdmi", "led", "lcd", "hd", "ssd", "gaming", "wireless", "set",
    "pack", "kit", "box", "pair", "bundle", "size", "model", "version", "edition", "series", "vol",
    "volume", "part", "chapter", "level", "season", "episode", "round", "grade", "class", "type",
    "fighter", "pro", "max", "plus", "mini", "ultra", "mk", "gen", "player", "players", "game",
    "games", "test", "drive", "page", "step", "phase", "table", "figure", "line", "row", "room",
    NULL,
};

const char *const dm_people_number_prefix[] = {"no", "nr", "n", "num", "numero", "nro", "nummer", NULL};

/* Street types. Abbreviations are matched without their dot. */
const char *const dm_people_street_en[] = {
    "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "boulevard", "blvd",
    "terrace", "crescent", "cres", "gardens", "parkway", "pkwy", "highway", "hwy", "mews",
    "square", "sq", "broadway", "hill",
    /* India */ "marg", "nagar", "colony", "chowk", "gali", NULL,
};
const char *const dm_people_street_en_ambig[] = {
    "drive", "dr", "court", "ct", "place", "pl", "way", "close", "grove", "circle", "cir", "trail",
    "trl", "row", "walk", "green", "park", "rise", "view", "loop", NULL,
};
const char *const dm_people_street_fr[] = {
    "rue", "avenue", "av", "boulevard", "bd", "bld", "allee", "chemin", "impasse", "imp", "quai",
    "faubourg", "fbg", "chaussee", "ruelle", "sentier", NULL,
};
const char *const dm_people_street_fr_ambig[] = {
    "place", "pl", "cours", "route", "rte", "passage", "square", "clos", "esplanade", "promenade",
    NULL,
};
const char *const dm_people_street_south[] = {
    "calle", "avenida", "avda", "avd", "plaza", "pza", "paseo", "pso", "camino", "carretera",
    "ctra", "ronda", "travesia", "glorieta", "viale", "piazza", "piazzale", "vicolo", "strada",
    "lungomare", "contrada", "rua", "praca", "travessa", "alameda", "calzada", "pasaje",
    /* pl: ulica, aleja, plac, osiedle */ "ul", "ulica", "al", "aleja", "plac", "os", "osiedle", NULL,
};
const char *const dm_people_street_south_ambig[] = {"via", "corso", "largo", "vle", "pzza", NULL};
const char *const dm_people_street_de[] = {
    "strasse", "str", "weg", "platz", "allee", "gasse", "damm", "ufer", "chaussee", "steig",
    "straat", "laan", "plein", "gracht", "kade", "singel", "steeg", "dijk", "markt", "ring",
    /* tr: name, type, "No:" number */ "sokak", "sokagi", "sk", "caddesi", "cad", "cd", "bulvari", "blv", "bulv",
    "mahallesi", "mah", "yolu", NULL,
};

/* Endings of German and Dutch street names written as one word. */
const char *const dm_people_glued_suffix[] = {
    "strasse", "str", "weg", "platz", "allee", "gasse", "damm", "ufer", "straat", "laan",
    "plein", "gracht", "kade", "singel", "steeg", "dijk", NULL,
};

/* Month names and abbreviations: English, German, French, Spanish, Italian,
 * Dutch (folded: "marz" for März, "fevrier" for février). */
const dm_people_month_word dm_people_month[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"januar", 1}, {"janner", 1}, {"februar", 2}, {"marz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"okt", 10}, {"dez", 12},
    {"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7},
    {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"decembre", 12},
    {"janv", 1}, {"fevr", 2}, {"fev", 2}, {"avr", 4}, {"juil", 7},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6},
    {"lug", 7}, {"set", 9}, {"ott", 10},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
    {NULL, 0},
};


/*
 * Closed vocabularies: values of gender, marital status, employment status,
 * yes/no, weekdays and plain colours in EN DE FR ES IT PT NL PL TR and
 * romanised Hindi. A cell made only of such words is no person ("Female",
 * "männlich", "Kadın", "Married") and counts against PERSON_NAME in its
 * column, even when the word is also in a name list. Words that are common
 * given names are left out: French "marié" (Marie), Spanish "domingo",
 * Turkish "salı", "cuma", "pazar".
 */
const char *const dm_people_vocab[] = {
    /* gender / sex */
    "male", "female", "man", "woman", "men", "women", "boy", "girl", "mannlich", "maennlich",
    "weiblich", "divers", "masculin", "feminin", "homme", "femme", "hombre", "mujer", "varon",
    "masculino", "femenino", "feminino", "maschio", "femmina", "maschile", "femminile", "uomo",
    "donna", "vrouw", "mannelijk", "vrouwelijk", "mezczyzna", "kobieta", "erkek", "kadin", "purush",
    "mahila", "stree", "ladka", "ladki", "nonbinary", "intersex", "transgender", "unspecified",
    "undisclosed", "diverse", "binary",
    /* marital status */
    "single", "married", "divorced", "widowed", "widow", "widower", "separated", "partnered",
    "engaged", "ledig", "verheiratet", "geschieden", "verwitwet", "celibataire", "divorce", "divorcee", "veuf", "veuve", "pacse", "soltero", "soltera", "casado", "casada",
    "divorciado", "divorciada", "viudo", "viuda", "solteiro", "solteira", "viuvo", "viuva", "celibe",
    "nubile", "sposato", "sposata", "vedovo", "vedova", "bekar", "evli", "bosanmis", "dul",
    "getrouwd", "gescheiden", "ongehuwd", "kawaler", "panna", "zonaty", "zamezna", "vivahit",
    "avivahit",
    /* employment and record status */
    "employed", "unemployed", "retired", "student", "selfemployed", "freelancer", "contractor",
    "intern", "fulltime", "parttime", "angestellt", "arbeitslos", "rentner", "rentnerin",
    "selbststandig", "retraite", "retraitee", "etudiant", "etudiante", "chomeur", "empleado",
    "desempleado", "jubilado", "jubilada", "estudiante", "autonomo", "empregado", "desempregado",
    "aposentado", "aposentada", "estudante", "pensionato", "disoccupato", "studente", "active",
    "inactive", "pending", "approved", "rejected", "cancelled", "canceled", "completed", "closed",
    "open", "suspended", "deleted", "archived", "verified", "unverified",
    /* yes / no */
    "yes", "no", "true", "false", "ja", "nein", "oui", "non", "si", "sim", "nao", "evet", "hayir",
    "haan", "nahin", "nahi", "tak", "nie", "wahr", "falsch", "vrai", "faux", "verdadero", "falso",
    "vero", "nee",
    /* weekdays */
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miercoles", "jueves",
    "viernes", "sabado", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
    "domenica", "segunda", "terca", "quarta", "quinta", "sexta", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "zaterdag", "zondag", "pazartesi", "carsamba", "persembe", "cumartesi",
    /* colours that are no common surname ("Brown", "White" stay names) */
    "red", "blue", "yellow", "orange", "purple", "pink", "beige", "navy", "turquoise", "magenta",
    "cyan", "maroon", "rot", "blau", "gelb", "schwarz", "weiss", "rouge", "bleu", "vert", "jaune",
    "noir", "blanc", "rojo", "azul", "verde", "amarillo", "negro", "blanco", "rosso", "giallo",
    "nero", "bianco", "vermelho", "amarelo", "preto", "branco",
    NULL,
};

/* Words naming a building, last in a cell: "Rose Cottage", "Sidney House". */
const char *const dm_people_building[] = {
    "house", "cottage", "cottages", "lodge", "villa", "manor", "mansions", "barn", "farm",
    "farmhouse", "bungalow", "flat", "flats", "apartment", "apartments", "building", "tower",
    "towers", "chambers", "grange", "rectory", "vicarage", "hostel", "residence", "residences",
    "haus", "hof", "maison", "residencia", "edificio", "palazzo", "quinta", "casa",
    NULL,
};

/* First words of town names that are no given name: "Vila Nova de Gaia",
 * "Castelo Branco", "Villa Carlos Paz", "Puerto Montt", "Great Yarmouth". */
const char *const dm_people_place_first[] = {
    "vila", "villa", "ville", "ciudad", "puerto", "porto", "ponte", "castelo", "castello", "castillo",
    "praia", "nova", "novo", "nueva", "nuevo", "sankt", "neu", "great", "little", "upper", "lower",
    "nowy", "nowa", "novi", "stary", "stara", "ciudad", "pueblo", "villanueva", "vilanova",
    "borgo", "castel", "ribeirao", "vitoria", "sao", "santo", "santa", "san", "st", "saint", "sainte",
    "bad", "port", "fort", "mount", "lake", "north", "south", "east", "west", "new", "old",
    NULL,
};

/* Words joining the parts of a town's name with hyphens: "Stratford-upon-
 * Avon", "Southend-on-Sea", "Châlons-en-Champagne", "Frankfurt-am-Main". */
const char *const dm_people_place_join[] = {
    "upon", "on", "sur", "sous", "en", "le", "la", "les", "lez", "am", "an", "der", "im", "in",
    "under", "by", "the", "sul", "del", "de", "di", "da", "do", "des", "du", "aan", "op", "bei",
    NULL,
};

/* Conjunctions of a list of names: "Walker, Hill and Young", "Moore & Sons". */
const char *const dm_people_conj[] = {"and", "und", "et", "y", "e", "en", "i", "ve", "och", "og", NULL};

/* Legal forms written with dots, as their letters: "S.p.A.", "B.V.",
 * "Sp. z o.o.", "K.K.", "S.à r.l." (undotted "GmbH", "Ltd" are company
 * words). */
const char *const dm_people_legal_dotted[] = {
    "spa", "srl", "srls", "sas", "sapa", "snc", "bv", "nv", "kk", "gk", "sa", "sarl", "sca", "scs",
    "ag", "kg", "ab", "as", "oy", "spzoo", "spk", "sro", "ltda", "sl", "slu", "sau", "sc", "eg",
    "ev", "pt", "tbk", "cv", "sde", "sapi", "sdnbhd", "bhd", "pte", "pvt", "co", "inc", "ltd",
    "plc", "llc", "llp", "lp", "corp", "gmbh", "ohg", "ug", "kgaa", "se", "eurl", "gie", "as", "is",
    "ks", "aps", "asa", "oyj", "hf", "ehf", "ad", "ood", "eood", "doo", "dd", "kft", "zrt", "nyrt",
    "bt", "sp", "vof", "cvba", "bvba", "sprl", "scrl", "asbl", "vzw",
    NULL,
};
