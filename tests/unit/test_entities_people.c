/*
 * PERSON_NAME, ADDRESS, DATE_OF_BIRTH (src/detect/entities/people.c): the
 * finders cell by cell, then whole columns through the engine as the
 * classifier sees them (threshold 0.1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "detect/engine.h"
#include "detect/entity.h"

static dm_engine *eng;
static const dm_entity_def *ent_name, *ent_addr, *ent_dob;

static int setup(void **state)
{
    dm_error err = {0};
    if (dm_engine_new(NULL, &eng, &err) != DM_OK)
        return -1;
    ent_name = dm_engine_entity(eng, (size_t)dm_engine_find(eng, "PERSON_NAME"));
    ent_addr = dm_engine_entity(eng, (size_t)dm_engine_find(eng, "ADDRESS"));
    ent_dob = dm_engine_entity(eng, (size_t)dm_engine_find(eng, "DATE_OF_BIRTH"));
    return ent_name && ent_addr && ent_dob ? 0 : -1;
}

static int teardown(void **state)
{
    dm_engine_free(eng);
    return 0;
}

/* ---- one cell through a finder ------------------------------------------ */

typedef struct found {
    dm_verdict best;
    size_t start, end;      /* span of the best match */
    int n;
} found;

static void collect(void *ctx, dm_verdict v, size_t start, size_t end)
{
    found *f = ctx;
    f->n++;
    if (v > f->best) {
        f->best = v;
        f->start = start;
        f->end = end;
    }
}

static found run_find(const dm_entity_def *d, const char *cell)
{
    found f = {DM_NO, 0, 0, 0};
    d->find(cell, strlen(cell), collect, &f);
    return f;
}

static dm_verdict find_v(const dm_entity_def *d, const char *cell)
{
    return run_find(d, cell).best;
}

/* The best match covers exactly `want` inside cell. */
static bool span_is(const dm_entity_def *d, const char *cell, const char *want)
{
    found f = run_find(d, cell);
    return f.best != DM_NO && f.end - f.start == strlen(want) && memcmp(cell + f.start, want, f.end - f.start) == 0;
}

/* ---- a column through the engine ----------------------------------------- */

/* Ratio of the entity in the column's verdict, or -1 when not found. */
static double column_ratio(const char *col, const char *const *cells, const char *entity)
{
    dm_colstats *cs = dm_colstats_new(eng, col);
    for (const char *const *c = cells; *c; c++)
        dm_colstats_add(cs, *c, strlen(*c));
    dm_detection det[32];
    dm_classify_opts o = {0.1, 1};
    size_t n = dm_colstats_verdict(cs, &o, det, 32);
    double r = -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(det[i].entity->name, entity) == 0)
            r = det[i].ratio;
    dm_colstats_free(cs);
    return r;
}

static bool column_has(const char *col, const char *const *cells, const char *entity)
{
    return column_ratio(col, cells, entity) >= 0;
}

/* How many cells of the list the finder takes at least at `min`. */
static int count_at_least(const dm_entity_def *d, const char *const *cells, dm_verdict min)
{
    int k = 0;
    for (const char *const *c = cells; *c; c++)
        k += find_v(d, *c) >= min;
    return k;
}

/* ---- data ------------------------------------------------------------------ */

static const char *const full_names[] = {
    "John Smith", "Mary Johnson", "Robert Williams", "Patricia Brown", "Michael Jones",
    "Jennifer Garcia", "William Miller", "Linda Davis", "David Rodriguez", "Elizabeth Martinez",
    "James Wilson", "Barbara Anderson", "Richard Taylor", "Susan Thomas", "Joseph Hernandez",
    "Jessica Moore", "Thomas Martin", "Sarah Jackson", "Charles Thompson", "Karen White",
    "Christopher Harris", "Nancy Sanchez", "Daniel Clark", "Lisa Ramirez", "Matthew Lewis",
    "Betty Robinson", "Anthony Walker", "Margaret Young", "Mark Allen", "Sandra King",
    "Hans Müller", "Anna Schmidt", "Pierre Dubois", "Marie Lefebvre", "Giuseppe Rossi",
    "Francesca Bianchi", "José García", "Lucía Fernández", "Jan de Vries", "Sophie Jansen",
    "Piotr Kowalski", "Agnieszka Nowak", "Sean O'Brien", "Mary-Jane Watson", "Smith, John",
    "García López, María", "J. R. Tolkien", "Dr. Emily Carter", "Ludwig van Beethoven",
    "Charlotte Dubois", "Austin Miller", "Madison Clark", "SMITH JOHN", "john smith",
    NULL,
};

static const char *const first_names[] = {
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Donald",
    "Margaret", "Steven", "Sandra", "Paul", "Ashley", "Andrew", "Kimberly", "Joshua", "Emily",
    "Kenneth", "Donna", "Kevin", "Michelle", "Brian", "Carol", "George", "Amanda", "Timothy",
    "Melissa", "Ronald", "Deborah", "Edward", "Stephanie", "Giuseppe", "Pierre", "Hans", "Sofia",
    NULL,
};

static const char *const surnames[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Müller", "Schmidt", "Schneider", "Dubois",
    "Rossi", "Bianchi", "Jansen", "Kowalski", "Nowak", "Fischer",
    NULL,
};

/* 200 cities of the US, Canada, the UK and the EU, with the ones that are
 * also person names. */
static const char *const cities[] = {
    "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
    "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth", "Columbus",
    "Charlotte", "San Francisco", "Indianapolis", "Seattle", "Denver", "Washington", "Boston",
    "El Paso", "Nashville", "Detroit", "Oklahoma City", "Portland", "Las Vegas", "Memphis",
    "Louisville", "Baltimore", "Milwaukee", "Albuquerque", "Tucson", "Fresno", "Mesa",
    "Sacramento", "Atlanta", "Kansas City", "Colorado Springs", "Omaha", "Raleigh", "Miami",
    "Long Beach", "Virginia Beach", "Oakland", "Minneapolis", "Tulsa", "Tampa", "Arlington",
    "New Orleans", "Wichita", "Bakersfield", "Cleveland", "Aurora", "Anaheim", "Honolulu",
    "Santa Ana", "Riverside", "Corpus Christi", "Lexington", "Henderson", "Stockton",
    "Saint Paul", "Cincinnati", "St. Louis", "Pittsburgh", "Greensboro", "Lincoln", "Anchorage",
    "Plano", "Orlando", "Irvine", "Newark", "Durham", "Chula Vista", "Toledo", "Fort Wayne",
    "St. Petersburg", "Laredo", "Jersey City", "Chandler", "Madison", "Lubbock", "Scottsdale",
    "Reno", "Buffalo", "Gilbert", "Glendale", "North Las Vegas", "Winston-Salem", "Chesapeake",
    "Norfolk", "Fremont", "Garland", "Irving", "Hialeah", "Richmond", "Boise", "Spokane",
    "Baton Rouge", "Tacoma", "San Bernardino", "Modesto", "Fontana", "Des Moines", "Moreno Valley",
    "Santa Clarita", "Fayetteville", "Birmingham", "Oxnard", "Rochester", "Port St. Lucie",
    "Grand Rapids", "Huntsville", "Salt Lake City", "Frisco", "Yonkers", "Amarillo", "Glendale",
    "Huntington Beach", "McKinney", "Montgomery", "Augusta", "Columbus", "Akron", "Little Rock",
    "Tempe", "Overland Park", "Grand Prairie", "Tallahassee", "Cape Coral", "Mobile", "Knoxville",
    "Shreveport", "Worcester", "Ontario", "Vancouver", "Sioux Falls", "Chattanooga", "Brownsville",
    "Fort Lauderdale", "Providence", "Newport News", "Rancho Cucamonga", "Santa Rosa", "Peoria",
    "Oceanside", "Elk Grove", "Salem", "Pembroke Pines", "Eugene", "Garden Grove", "Cary",
    "Fort Collins", "Corona", "Springfield", "Jackson", "Alexandria", "Hayward", "Clarksville",
    "Lakewood", "Lancaster", "Salinas", "Palmdale", "Hollywood", "Springfield", "Macon",
    "Sunnyvale", "Pomona", "Killeen", "Escondido", "Pasadena", "Naperville", "Bellevue",
    "Joliet", "Murfreesboro", "Midland", "Rockford", "Paterson", "Savannah", "Bridgeport",
    "Torrance", "McAllen", "Syracuse", "Surprise", "Denton", "Roseville", "Thornton", "Miramar",
    "London", "Paris", "Berlin", "Madrid", "Rome", "Florence", "Victoria", "Regina", "Hamilton",
    "Kingston", "Sydney", "Adelaide", "Vienna", "Munich", "Milan", "Lyon", "Marseille",
    "Amsterdam", "Rotterdam", "Brussels", "Lisbon", "Dublin", "Edinburgh", "Manchester",
    NULL,
};

/* 120 more towns, none of them in people.c's own city list (held out). */
static const char *const towns[] = {
    "Aachen", "Alencon", "Alicante", "Alkmaar", "Almere", "Almeria", "Amersfoort", "Amiens",
    "Ancona", "Annecy", "Appleton", "Arnhem", "Aveiro", "Bamberg", "Bayreuth", "Beauvais",
    "Belfort", "Benevento", "Binghamton", "Bismarck", "Bochum", "Bourges", "Brest", "Brindisi",
    "Cadiz", "Cartagena", "Cedar Rapids", "Chaumont", "Chillicothe", "Compiegne", "Cosenza",
    "Cuneo", "Davenport", "Delft", "Dubuque", "Elche", "Elkhart", "Elmira", "Emmen", "Enschede",
    "Epinal", "Evansville", "Evora", "Fargo", "Fishers", "Fredericksburg", "Freiburg", "Fulda",
    "Gelsenkirchen", "Giessen", "Gijon", "Girona", "Hagen", "Harrisonburg", "Helmond", "Herne",
    "Hoboken", "Ithaca", "Jaen", "Kenosha", "Kokomo", "Leiria", "Lewiston", "Lleida", "Lucca",
    "Lugo", "Maastricht", "Manassas", "Mankato", "Mantova", "Marbella", "Merida", "Messina",
    "Morristown", "Muncie", "Muskegon", "Nashua", "Neuss", "Nimes", "Oshkosh", "Passaic", "Pau",
    "Piacenza", "Pisa", "Pistoia", "Plattsburgh", "Pontevedra", "Potenza", "Quimper", "Racine",
    "Ragusa", "Rapid City", "Ravenna", "Rimini", "Salamanca", "Salisbury", "Sassari", "Segovia",
    "Setubal", "Siegen", "Soria", "Staunton", "Terni", "Teruel", "Traverse City", "Trier",
    "Valence", "Valladolid", "Vannes", "Varese", "Vitoria", "Warwick", "Waterbury", "Waterloo",
    "Wausau", "Weimar", "Wheeling", "Wiesbaden", "Wuerzburg", "Zaandam", NULL,
};

static const char *const companies[] = {
    "Acme Widgets Ltd", "Johnson & Johnson", "Smith Logistics GmbH", "Miller Brothers Inc",
    "Garcia Consulting LLC", "Deutsche Bank AG", "Banco Santander SA", "Taylor Wimpey plc",
    "Wilson Holdings Corp", "Anderson Group", "Harvard University", "Hilton Hotel",
    "Peterson & Sons", "Martin Company", "Roberts Bank", "Brown University", "Thompson Reuters Corp",
    "Fischer GmbH & Co. KG", "Dupont SARL", "Jansen BV", "Kowalski Sp. z o.o.", "Procter & Gamble",
    "Ernst & Young", "Marks & Spencer plc", "Lewis Solutions Ltd", "Clark Services Inc",
    NULL,
};

static const char *const products[] = {
    "Wireless Mouse", "USB-C Cable 2m", "Stainless Steel Water Bottle 750ml", "Organic Green Tea 20 bags",
    "2 TB Hard Drive", "4K Ultra HD Smart TV 55 inch", "Running Shoes Size 10", "Street Fighter 2",
    "Coffee Maker Deluxe", "Office Chair Black", "Bluetooth Speaker", "Leather Wallet",
    "Yoga Mat Blue", "Desk Lamp LED", "Kitchen Knife Set", "Baby Stroller", "Garden Hose 25m",
    "Phone Case Clear", "Notebook A5 Lined", "Mechanical Keyboard", "Gaming Headset Pro",
    "Electric Toothbrush", "Air Fryer 5L", "Frying Pan 28cm", "Winter Jacket Men", "Rose Gold Watch",
    "Black Forest Cake", "Victoria Sponge", "Paris Perfume 50ml", "Jackson Guitar Strings",
    NULL,
};

static const char *const addresses[] = {
    "123 Main Street", "10 Downing St", "221B Baker Street", "Flat 2, 15 High Road",
    "1600 Pennsylvania Avenue NW", "742 Evergreen Terrace", "Hauptstraße 5", "Berliner Str. 12a",
    "Konrad-Adenauer-Straße 3", "Lindenweg 7", "12 rue de la Paix", "5, avenue Victor Hugo",
    "8 boulevard Saint-Michel", "Calle Mayor 10", "Avda. de la Constitución 4", "C/ Mayor 10",
    "Via Roma 1", "Piazza Garibaldi 3", "Corso Vittorio Emanuele 21", "Kerkstraat 12",
    "Prinsengracht 263", "Rua Augusta 100", "Rue de l\u2019\u00c9glise 3", "12 bis rue de la Paix",
    "Calle Mayor, n\u00ba 10", "Schillerstr. 10", "Große Straße 3", "Avenue Louise 54", NULL,
};

static const char *const dates[] = {
    "1985-03-12", "1990-11-02", "1978-07-30", "2001-01-15", "1969-12-24", "1955-05-05",
    "1999-09-09", "1983-02-28", "1972-06-17", "1960-10-10", NULL,
};

/* ---- PERSON_NAME -------------------------------------------------------------- */

static void test_name_cells(void **state)
{
    assert_int_equal(find_v(ent_name, "John Smith"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Smith, John"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Smith, John A."), DM_STRONG);
    assert_int_equal(find_v(ent_name, "JOHN SMITH"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "john smith"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Jean-Pierre Dubois"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Dr. Anna Müller"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "José García"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Jan de Vries"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Vincent van Gogh"), DM_MEDIUM);   /* "gogh" is in no list */
    assert_int_equal(find_v(ent_name, "Maria de la Cruz"), DM_STRONG);
    /* one given name: medium; one surname: weak */
    assert_int_equal(find_v(ent_name, "Jennifer"), DM_MEDIUM);
    assert_int_equal(find_v(ent_name, "Garcia"), DM_WEAK);
    /* given names that rank higher as surnames count as surnames */
    assert_int_equal(find_v(ent_name, "Smith"), DM_WEAK);
    assert_int_equal(find_v(ent_name, "Lee"), DM_WEAK);
    assert_int_equal(find_v(ent_name, "James"), DM_MEDIUM);
    /* a given name that is an everyday word alone: weak */
    assert_int_equal(find_v(ent_name, "Will"), DM_WEAK);
    /* cities, companies, streets, stop words */
    assert_int_equal(find_v(ent_name, "Charlotte"), DM_NO);
    assert_int_equal(find_v(ent_name, "Paris"), DM_NO);
    assert_int_equal(find_v(ent_name, "Acme Widgets Ltd"), DM_NO);
    assert_int_equal(find_v(ent_name, "Smith Logistics GmbH"), DM_NO);
    assert_int_equal(find_v(ent_name, "Johnson & Johnson"), DM_NO);
    assert_int_equal(find_v(ent_name, "Baker Street"), DM_NO);
    assert_int_equal(find_v(ent_name, "Hauptstrasse"), DM_NO);
    assert_int_equal(find_v(ent_name, "The Smiths"), DM_NO);
    assert_int_equal(find_v(ent_name, "iPhone"), DM_NO);
    /* two everyday words are at most weak */
    assert_true(find_v(ent_name, "Rose Garden") <= DM_WEAK);
    assert_true(find_v(ent_name, "Green Tea") <= DM_WEAK);
}

static void test_name_free_text(void **state)
{
    assert_true(span_is(ent_name, "Please call John Smith tomorrow", "John Smith"));
    assert_true(span_is(ent_name, "Signed: Maria Garcia (manager)", "Maria Garcia"));
    assert_true(span_is(ent_name, "Meeting with John F. Kennedy at noon", "John F. Kennedy"));
    found f = run_find(ent_name, "Meeting with Maria Garcia and Peter Jones at noon");
    assert_int_equal(f.n, 2);
    /* no given name + surname pair */
    assert_int_equal(find_v(ent_name, "The shipment arrived at the Berlin warehouse on time"), DM_NO);
    assert_int_equal(find_v(ent_name, "Contact John Smith Ltd for a quote"), DM_NO);
    assert_int_equal(find_v(ent_name, "Turn left at James Street and continue"), DM_NO);
    assert_int_equal(find_v(ent_name, "order 1234 shipped to warehouse 7"), DM_NO);
}

static void test_name_columns(void **state)
{
    assert_true(column_ratio("full_name", full_names, "PERSON_NAME") >= 0.9);
    assert_true(column_ratio("customer", full_names, "PERSON_NAME") >= 0.9);
    assert_true(column_ratio("first_name", first_names, "PERSON_NAME") >= 0.9);
    assert_true(column_ratio("col1", first_names, "PERSON_NAME") >= 0.8);
    assert_true(column_ratio("last_name", surnames, "PERSON_NAME") >= 0.9);
    assert_true(column_ratio("nachname", surnames, "PERSON_NAME") >= 0.9);
    assert_false(column_has("code", surnames, "PERSON_NAME"));
    assert_false(column_has("city", cities, "PERSON_NAME"));
    assert_false(column_has("col2", cities, "PERSON_NAME"));
    assert_false(column_has("town", towns, "PERSON_NAME"));
    assert_true(count_at_least(ent_name, towns, DM_MEDIUM) <= 12);
    assert_false(column_has("company", companies, "PERSON_NAME"));
    assert_false(column_has("product", products, "PERSON_NAME"));
    /* per cell: hardly any city or company is taken strongly */
    assert_true(count_at_least(ent_name, cities, DM_STRONG) <= 4);
    assert_true(count_at_least(ent_name, cities, DM_MEDIUM) <= 20);
    assert_int_equal(count_at_least(ent_name, companies, DM_MEDIUM), 0);
    static const char *const notes[] = {
        "Called John Smith about the invoice", "Left a voicemail for Maria Garcia",
        "Package signed by Peter Jones", "no answer", "customer asked for a refund",
        "Email sent to Laura Schmidt", NULL,
    };
    assert_true(column_ratio("notes", notes, "PERSON_NAME") >= 0.6);
}

/* Firms: legal forms with dots, lists of surnames joined by commas, "and"
 * or "&", "X and Sons". A cell is no name and counts against the column. */
static void test_name_companies(void **state)
{
    static const char *const dotted[] = {
        "Rossi S.p.A.", "Bianchi S.r.l.", "Jansen B.V.", "Peeters N.V.", "Tanaka K.K.",
        "Nowak Sp. z o.o.", "Hansen A/S", "Dupont S.A.", "Sharma Pvt. Ltd.", "Keller AG", NULL,
    };
    assert_int_equal(count_at_least(ent_name, dotted, DM_WEAK), 0);
    /* initials are no legal form */
    assert_int_equal(find_v(ent_name, "Smith, J. R."), DM_MEDIUM);
    assert_true(find_v(ent_name, "Tolkien J.R.R.") >= DM_WEAK);
    /* a list of names is a firm; "y"/"e" inside Spanish and Portuguese names are not */
    static const char *const lists[] = {
        "Walker, Hill and Young", "Walker, Hill & Young", "Reid & Clark", "Moore and Sons",
        "Moore & Sons", "Fischer und Söhne", "Dubois et Fils", NULL,
    };
    assert_int_equal(count_at_least(ent_name, lists, DM_WEAK), 0);
    assert_true(find_v(ent_name, "José Ortega y Gasset") >= DM_MEDIUM);
    /* a column of firms in the forms a register or a generator writes them,
     * under a name that hints at a person, is still no name column */
    static const char *const firms[] = {
        "Hughes-Patel", "Walker, Hill and Young", "Baker-Collins", "Moore and Sons", "Rossi S.p.A.",
        "Dawson-Taylor", "Reid & Clark", "Jansen B.V.", "Lopez-Garcia", "Harris Group",
        "Kuhn-Hahn", "Evans, Wright and Cole", "Schmidt & Partner", "Fischer GmbH", NULL,
    };
    assert_false(column_has("customer_name", firms, "PERSON_NAME"));
    assert_false(column_has("company", firms, "PERSON_NAME"));
    /* a customer column of people with a few firms among them stays a name column */
    static const char *const mixed[] = {
        "John Smith", "Maria Garcia", "Peter Jones", "Acme Widgets Ltd", "Laura Schmidt",
        "Anna Nowak", "Jansen B.V.", "David Miller", "Sophie Martin", "Paul Fischer", NULL,
    };
    assert_true(column_ratio("customer", mixed, "PERSON_NAME") >= 0.7);
}

/* Towns: compound Portuguese/Spanish names, "Port X", "X-upon-Y", "Bad X". */
static void test_name_towns(void **state)
{
    static const char *const compound[] = {
        "Vila Nova de Gaia", "São João da Madeira", "Castelo Branco", "Ponte de Lima",
        "Villa Carlos Paz", "Santa Cruz de Tenerife", "Port Talbot", "Newport Pagnell",
        "Stratford-upon-Avon", "Southend-on-Sea", "Châlons-en-Champagne", "Bad Homburg",
        "Vitória da Conquista", "Juiz de Fora", "Puerto Montt", "Great Yarmouth", NULL,
    };
    assert_int_equal(count_at_least(ent_name, compound, DM_WEAK), 0);
    assert_false(column_has("localidade", compound, "PERSON_NAME"));
    assert_false(column_has("birth_place_name", compound, "PERSON_NAME"));
    /* a person named after a saint or a town is still a person */
    assert_int_equal(find_v(ent_name, "Juan Díaz"), DM_STRONG);
    assert_int_equal(find_v(ent_name, "Maria da Silva"), DM_STRONG);
}

/* Closed vocabularies: gender, marital and employment status, yes/no,
 * weekdays, months. */
static void test_name_vocabularies(void **state)
{
    static const char *const sexes[] = {
        "Male", "Female", "male", "female", "MALE", "FEMALE", "M", "F", "Female", "Male", NULL,
    };
    static const char *const words[] = {
        "Female", "männlich", "weiblich", "Masculin", "Féminin", "Hombre", "Mujer", "Masculino",
        "Feminino", "Erkek", "Kadın", "Mahila", "Non-binary", "Married", "Divorced", "Widowed",
        "Verheiratet", "Casada", "Retired", "Self-employed", "Yes", "No", "Monday", "Freitag",
        "August", "Mr", "Mrs", NULL,
    };
    assert_int_equal(count_at_least(ent_name, words, DM_WEAK), 0);
    assert_false(column_has("sex", sexes, "PERSON_NAME"));
    assert_false(column_has("gender", sexes, "PERSON_NAME"));
    assert_false(column_has("person_gender", sexes, "PERSON_NAME"));
    assert_false(column_has("col3", words, "PERSON_NAME"));
    /* a given name that is also a month or a colour is still a given name */
    assert_true(find_v(ent_name, "June Carter") >= DM_MEDIUM);
    assert_true(find_v(ent_name, "Marie") >= DM_MEDIUM);
}

/* A column of addresses, one line or several, is no name column even where
 * a line reads as a name ("Sidney House", "Mary Watson House"). */
static void test_name_address_column(void **state)
{
    static const char *const addrs[] = {
        "Flat 3\nSidney House\n12 Church Lane\nBradford\nBD1 2AB",
        "Rose Cottage\nMill Road\nAshford\nTN24 8AA",
        "27 Kingsley Avenue\nLeeds\nLS6 1AA",
        "The Old Vicarage\nChurch Street\nBath\nBA1 1AA",
        "Apartment 4\nVictoria Court\nBristol\nBS1 4DJ",
        "Mary Watson House\nHigh Street\nYork\nYO1 7HH",
        "Grace Villa\n8 Station Road\nHull\nHU1 3PP",
        "Henry Moore Close\nLuton\nLU1 1AA",
        "Jasmine Lodge, Oak Lane, Derby DE1 1AA",
        "Stanley House, 5 Park Road, Leicester LE1 6TE",
        NULL,
    };
    assert_false(column_has("address", addrs, "PERSON_NAME"));
    assert_false(column_has("col4", addrs, "PERSON_NAME"));
    assert_int_equal(find_v(ent_name, "Sidney House"), DM_NO);
    assert_int_equal(find_v(ent_name, "Grace Villa"), DM_NO);
}

/* Names the US lists lack: West African, South Asian, East Asian, Arabic,
 * in Latin transliteration, also upper-case as on cards. */
static void test_name_regions(void **state)
{
    static const char *const names[] = {
        "Chukwuemeka Okonkwo", "Ngozi Eze", "Oluwaseun Adeyemi", "Kwame Mensah", "Yaw Boateng",
        "Amina Bello", "Harpreet Kaur", "Priya Raghunathan", "Venkatesh Subramanian",
        "Lakshmi Narayanan", "Rajesh Kumar", "Zhang Wei", "Sato Hiroshi", "Kim Min-jun",
        "Fatima Hassan", "Mohammed Al Farsi", "Adaeze Nwosu", "Emeka Nnamdi", NULL,
    };
    static const char *const holders[] = {
        "CHUKWUEMEKA OKONKWO", "NGOZI EZE", "HARPREET KAUR", "RAJESH KUMAR", "ZHANG WEI",
        "SHREYA DESHPANDE", "FATIMA HASSAN", "OLUWASEUN ADEYEMI", "ANANYA IYER", "KWAME MENSAH", NULL,
    };
    assert_true(count_at_least(ent_name, names, DM_MEDIUM) >= 16);
    assert_true(column_ratio("customer", names, "PERSON_NAME") >= 0.8);
    assert_true(column_ratio("card_holder", holders, "PERSON_NAME") >= 0.8);
    assert_true(column_ratio("col5", holders, "PERSON_NAME") >= 0.6);
}

/* Names no list holds (invented here, in the shape of romanised Japanese
 * and Turkish names): weak, so they count only under a column name that
 * says "name" -- "shimei.sei", Turkish "ad" (a column called just that:
 * "ad_title" is an advert's) -- and never in a neutral column. */
static void test_name_unlisted_under_hint(void **state)
{
    static const char *const unlisted[] = {
        "Yanoma", "Karaho", "Chuseiko", "Tevhidaz", "Djarano", "Qorvalen", "Mizutoreba", "Ulvenkaya", NULL,
    };
    static const char *const words[] = {"Female", "Married", "Mr", "Monday", "Yes", "Retired", NULL};
    for (const char *const *c = unlisted; *c; c++)
        assert_int_equal(find_v(ent_name, *c), DM_WEAK);
    assert_true(column_ratio("user.shimei.sei", unlisted, "PERSON_NAME") >= 0.99);
    assert_true(column_ratio("ad", unlisted, "PERSON_NAME") >= 0.99);
    assert_false(column_has("ad_title", unlisted, "PERSON_NAME"));
    assert_false(column_has("lead_ad", unlisted, "PERSON_NAME"));
    assert_false(column_has("code", unlisted, "PERSON_NAME"));
    assert_false(column_has("ref", unlisted, "PERSON_NAME"));
    /* words the lexicon knows as something else stay what they are */
    assert_false(column_has("first_name", words, "PERSON_NAME"));
}

/* ---- ADDRESS ---------------------------------------------------------------------- */

static void test_address_cells(void **state)
{
    for (const char *const *a = addresses; *a; a++)
        if (find_v(ent_addr, *a) < DM_MEDIUM)
            fail_msg("address #%d not found", (int)(a - addresses));
    /* one per country format, strong */
    static const char *const strong[] = {
        "123 Main Street", "10 Downing St", "221B Baker Street", "Hauptstraße 5", "Berliner Str. 12a",
        "12 rue de la Paix", "5, avenue Victor Hugo", "Calle Mayor 10", "Avda. de la Constitución 4",
        "Via Roma 1", "Via dei Mille 5", "Piazza Garibaldi 3", "Kerkstraat 12", "Rua Augusta 100", NULL,
    };
    for (const char *const *a = strong; *a; a++)
        if (find_v(ent_addr, *a) != DM_STRONG)
            fail_msg("address #%d not strong", (int)(a - strong));
    /* "Via" before an everyday word proves less */
    assert_int_equal(find_v(ent_addr, "Via Satellite 2"), DM_MEDIUM);
    assert_int_equal(find_v(ent_addr, "Piazza Pizza 2 for 1"), DM_NO);
    assert_true(span_is(ent_addr, "Flat 2, 15 High Road", "15 High Road"));
    assert_true(span_is(ent_addr, "Hauptstraße 5", "Hauptstraße 5"));
    assert_true(span_is(ent_addr, "12 rue de la Paix", "12 rue de la Paix"));
    assert_true(span_is(ent_addr, "Avda. de la Constitución 4", "Avda. de la Constitución 4"));
    assert_true(span_is(ent_addr, "Please ship to 42 Baker Street, London NW1", "42 Baker Street"));
    assert_true(span_is(ent_addr, "350 5th Avenue", "350 5th Avenue"));
    /* no house number, or no street */
    assert_int_equal(find_v(ent_addr, "Main Street"), DM_NO);
    assert_int_equal(find_v(ent_addr, "Hauptstraße"), DM_NO);
    assert_int_equal(find_v(ent_addr, "Street Fighter 2"), DM_NO);
    assert_int_equal(find_v(ent_addr, "2 TB Hard Drive"), DM_NO);
    assert_int_equal(find_v(ent_addr, "Route 66"), DM_NO);
    assert_int_equal(find_v(ent_addr, "Connects via Bluetooth 5.0"), DM_NO);
    assert_int_equal(find_v(ent_addr, "Place mat set of 4"), DM_NO);
    assert_int_equal(find_v(ent_addr, "Price 12.5 Main Street"), DM_NO);
    assert_int_equal(count_at_least(ent_addr, products, DM_WEAK), 0);
}

static void test_address_columns(void **state)
{
    assert_true(column_ratio("address", addresses, "ADDRESS") >= 0.95);
    assert_true(column_ratio("col3", addresses, "ADDRESS") >= 0.95);
    assert_false(column_has("product", products, "ADDRESS"));
    assert_false(column_has("full_name", full_names, "ADDRESS"));
    static const char *const fighter[] = {"Street Fighter 2", "Street Fighter 2", NULL};
    assert_false(column_has("title", fighter, "ADDRESS"));
    assert_false(column_has("title", fighter, "PERSON_NAME"));
    assert_false(column_has("title", fighter, "DATE_OF_BIRTH"));
    /* names are not addresses and addresses are not names */
    assert_false(column_has("address", addresses, "PERSON_NAME"));
}

/* ---- DATE_OF_BIRTH ------------------------------------------------------------------ */

static void test_dob_formats(void **state)
{
    static const char *const ok[] = {
        "1985-03-12", "12/03/1985", "03/12/1985", "12.03.1985", "12-03-1985", "19850312",
        "1985/03/12", "3/7/1985", "1985-03-12 00:00:00", "1985-03-12T00:00:00Z",
        "1985-03-12T00:00:00.000Z", "1985-03-12 00:00", NULL,
    };
    static const char *const text_ok[] = {
        "March 12, 1985", "12 Mar 1985", "12. März 1985", "12 mars 1985", "12 de marzo de 1985",
        "12 marzo 1985", "12 maart 1985", "1er janvier 1985", "Mar 12th, 1985", "12-Mar-1985", NULL,
    };
    for (const char *const *d = ok; *d; d++)
        if (!column_has("dob", (const char *const[]){*d, NULL}, "DATE_OF_BIRTH"))
            fail_msg("date #%d not taken", (int)(d - ok));
    for (const char *const *d = text_ok; *d; d++)
        if (find_v(ent_dob, *d) != DM_STRONG || !column_has("dob", (const char *const[]){*d, NULL}, "DATE_OF_BIRTH"))
            fail_msg("month-name date #%d not taken", (int)(d - text_ok));
    static const char *const bad[] = {
        "1985-02-30", "1985-13-01", "13/13/1985", "1899-12-31", "2199-01-01", "1985-03-12 14:23:11",
        "1985-03-12T08:00:00Z", "1985-03-12 00:00:01", "10.12.03.1985", "2020-1985-03-12",
        "31 February 1985", "12 Mar 2199", "12345678", NULL,
    };
    for (const char *const *d = bad; *d; d++)
        if (column_has("dob", (const char *const[]){*d, NULL}, "DATE_OF_BIRTH"))
            fail_msg("not a birth date #%d taken", (int)(d - bad));
}

static void test_dob_future(void **state)
{
    /* tomorrow is no birth date; a year ago is */
    char tomorrow[16], year_ago[16];
    time_t now = time(NULL);
    struct tm tm;
    time_t t1 = now + 2 * 86400;
    gmtime_r(&t1, &tm);
    strftime(tomorrow, sizeof tomorrow, "%Y-%m-%d", &tm);
    t1 = now - 366 * 86400;
    gmtime_r(&t1, &tm);
    strftime(year_ago, sizeof year_ago, "%Y-%m-%d", &tm);
    assert_false(column_has("dob", (const char *const[]){tomorrow, NULL}, "DATE_OF_BIRTH"));
    assert_true(column_has("dob", (const char *const[]){year_ago, NULL}, "DATE_OF_BIRTH"));
}

static void test_dob_columns(void **state)
{
    assert_true(column_ratio("dob", dates, "DATE_OF_BIRTH") >= 0.99);
    assert_true(column_ratio("geburtsdatum", dates, "DATE_OF_BIRTH") >= 0.99);
    assert_true(column_ratio("customerDateOfBirth", dates, "DATE_OF_BIRTH") >= 0.99);
    assert_false(column_has("shipped_at", dates, "DATE_OF_BIRTH"));
    assert_false(column_has("created_at", dates, "DATE_OF_BIRTH"));
    static const char *const stamps[] = {
        "1985-03-12 14:23:11", "1990-11-02 08:15:00", "1978-07-30T22:01:59Z", "2001-01-15 12:00:00", NULL,
    };
    assert_false(column_has("birth_date", stamps, "DATE_OF_BIRTH"));
    static const char *const midnight[] = {
        "1985-03-12 00:00:00", "1990-11-02 00:00:00", "1978-07-30T00:00:00Z", "2001-01-15 00:00:00", NULL,
    };
    assert_true(column_ratio("birth_date", midnight, "DATE_OF_BIRTH") >= 0.99);
    static const char *const future[] = {"2090-01-01", "2101-05-05", "2199-12-31", NULL};
    assert_false(column_has("dob", future, "DATE_OF_BIRTH"));
}

/* ---- robustness ---------------------------------------------------------------------- */

typedef struct bounds {
    size_t len;
    int bad;
} bounds;

static void check_bounds(void *ctx, dm_verdict v, size_t start, size_t end)
{
    bounds *b = ctx;
    /* DM_NO over a span is evidence against the entity (entity.h) */
    if (start >= end || end > b->len)
        b->bad++;
}

/* Random bytes, broken UTF-8 and near-misses never read past the cell or
 * emit an empty or out-of-range span (run under ASan/UBSan too). */
static void test_random_cells(void **state)
{
    static const char *const pieces[] = {
        "John", "Smith", ", ", ". ", "-", "'", "\xc3\xa9", "\xc3", "\xe2\x80\x99", "\xc3\x9f", "Stra\xc3\x9f" "e",
        "12", "1985", "-03-", "/", "T00:00", " ", "rue", "Via", "C/", "str.", "Nr.", "\xf0\x9f\x98\x80", "\xff",
        "M\xc3\xa4rz", "de", "van", "Ltd", "221B", "00:00:00Z", "\t", "\xc2\xa0",
    };
    const dm_entity_def *ents[3] = {ent_name, ent_addr, ent_dob};
    unsigned seed = 12345;
    char cell[256];
    dm_colstats *cs = dm_colstats_new(eng, "dob");
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        int parts = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
        for (int p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *pc = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t pl = strlen(pc);
            if (len + pl >= sizeof cell)
                break;
            memcpy(cell + len, pc, pl);
            len += pl;
        }
        if (round % 3 == 0) {   /* raw random bytes */
            len = (seed >> 8) % 64;
            for (size_t i = 0; i < len; i++)
                cell[i] = (char)((seed = seed * 1103515245u + 12345u) >> 16);
        }
        /* an exact-size heap copy: ASan sees any read past the end */
        char *c = test_malloc(len ? len : 1);
        memcpy(c, cell, len);
        for (int e = 0; e < 3; e++) {
            bounds b = {len, 0};
            ents[e]->find(c, len, check_bounds, &b);
            assert_int_equal(b.bad, 0);
        }
        dm_colstats_add(cs, c, len);    /* tier 1: the DOB validator */
        test_free(c);
    }
    dm_colstats_free(cs);
}

/* ---- speed ---------------------------------------------------------------------------- */

static double ns_per_cell(const char *col, const char *const *cells, int rounds)
{
    size_t n = 0;
    for (const char *const *c = cells; *c; c++)
        n++;
    dm_colstats *cs = dm_colstats_new(eng, col);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++)
            dm_colstats_add(cs, cells[i], strlen(cells[i]));
    clock_gettime(CLOCK_MONOTONIC, &b);
    dm_colstats_free(cs);
    double ns = (double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
    return ns / ((double)rounds * (double)n);
}

static double finder_ns(const dm_entity_def *d, const char *const *cells, int rounds)
{
    size_t n = 0;
    for (const char *const *c = cells; *c; c++)
        n++;
    found f = {DM_NO, 0, 0, 0};
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++)
            d->find(cells[i], strlen(cells[i]), collect, &f);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ns = (double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
    return ns / ((double)rounds * (double)n);
}

static void test_speed(void **state)
{
    static const char *const numbers[] = {
        "12345", "987.65", "42", "2024-01-05", "0", "-17.5", "100000", "3.14159", "7", "65535", NULL,
    };
    const int rounds = 2000;
    double en = ns_per_cell("col", full_names, rounds), ep = ns_per_cell("col", products, rounds);
    double ec = ns_per_cell("col", cities, rounds), eu = ns_per_cell("col", numbers, rounds);
    fprintf(stderr, "engine, all entities: names %.0f ns/cell, products %.0f, cities %.0f, numbers %.0f\n", en, ep,
            ec, eu);
    fprintf(stderr, "PERSON_NAME finder: names %.0f ns/cell, products %.0f, numbers %.0f\n",
            finder_ns(ent_name, full_names, rounds), finder_ns(ent_name, products, rounds),
            finder_ns(ent_name, numbers, rounds));
    fprintf(stderr, "ADDRESS finder: addresses %.0f ns/cell, names %.0f, products %.0f\n",
            finder_ns(ent_addr, addresses, rounds), finder_ns(ent_addr, full_names, rounds),
            finder_ns(ent_addr, products, rounds));
    fprintf(stderr, "DATE_OF_BIRTH finder: dates %.0f ns/cell, names %.0f\n", finder_ns(ent_dob, dates, rounds),
            finder_ns(ent_dob, full_names, rounds));
    /* a loose bound that only a pathological slowdown (or a sanitizer build
     * gone very wrong) would cross */
    assert_true(en < 50000 && ep < 50000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_cells),
        cmocka_unit_test(test_name_free_text),
        cmocka_unit_test(test_name_columns),
        cmocka_unit_test(test_name_companies),
        cmocka_unit_test(test_name_towns),
        cmocka_unit_test(test_name_vocabularies),
        cmocka_unit_test(test_name_address_column),
        cmocka_unit_test(test_name_regions),
        cmocka_unit_test(test_name_unlisted_under_hint),
        cmocka_unit_test(test_address_cells),
        cmocka_unit_test(test_address_columns),
        cmocka_unit_test(test_dob_formats),
        cmocka_unit_test(test_dob_future),
        cmocka_unit_test(test_dob_columns),
        cmocka_unit_test(test_random_cells),
        cmocka_unit_test(test_speed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
