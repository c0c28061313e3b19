/*
 * Value vocabularies of the special-category and gender entities
 * (entities/special.c). Hand-curated from general knowledge and public
 * classifications (census ethnicity categories of the US OMB, the UK ONS,
 * Brazil's IBGE and India's reserved categories; disease and drug names as
 * used in ICD-10 and as international non-proprietary names; party and
 * union names as they stand for election); no word comes from a fake-data
 * generator. Languages: EN DE FR ES IT PT NL PL TR and romanised Hindi.
 *
 * MEDIUM: a word that is hardly anything else in a short cell ("metformin",
 * "hispanic", "katholisch"); a column counts with a high share of them.
 * WEAK: also an everyday word, a colour, a name or a nationality ("cancer",
 * "black", "christian", "indian", "green"); counts only under the column's
 * name. Phrases are folded: lower-case ASCII, accents dropped, ß = "ss",
 * ł = "l", ı = "i", words joined by one space.
 */
#include "detect/entities/special_words.h"

#include <stddef.h>

#include "detect/entity.h"

const dm_special_list dm_special_lists[] = {
    /* ---- joiners and yes/no, shared ------------------------------------------ */
    {-1, 0, DM_SPW_FILLER,
     "of|the|a|an|and|or|other|others|not|non|de|del|della|di|da|do|dos|das|du|des|la|le|les|el|los|las|"
     "der|die|den|dem|von|van|voor|vor|wegen|pour|por|para|per|for|with|mit|avec|con|com|z|w|e|y|ve|ile|"
     "in|im|en|und|et|o|ou|oder|to|au|aux|al|type|typ|tipo|mg|ml|mcg|g|iu|ie|tablet|tablets|tabletten|"
     "daily|ii|iii|iv|ki|ka|ke|se|status|"
     /* durations: "18 months imprisonment", "2 Jahre Haft" */
     "day|days|week|weeks|month|months|year|years|hour|hours|tage|wochen|monate|jahr|jahre|stunden|jours|"
     "semaines|mois|an|ans|heures|dias|semanas|meses|ano|anos|horas|giorni|settimane|mesi|anno|anni|ore|"
     "dagen|weken|maanden|jaar|uur|dni|tygodni|miesiecy|lat|godzin|gun|hafta|ay|yil|saat"},
    {-1, 0, DM_SPW_YESNO,
     "yes|no|y|n|true|false|t|ja|nein|j|oui|non|si|sim|nao|nee|tak|nie|evet|hayir|haan|han|nahin|nahi"},

    /* ---- HEALTH ---------------------------------------------------------------- */
    {DM_SP_HEALTH, DM_MEDIUM, 0,
     /* diagnoses, EN */
     "diabetes|diabetes mellitus|asthma|hypertension|high blood pressure|epilepsy|migraine|arthritis|"
     "osteoarthritis|rheumatoid arthritis|copd|bronchitis|pneumonia|tuberculosis|hepatitis|dementia|"
     "alzheimer|alzheimers|alzheimer s disease|parkinson|parkinsons|parkinson s disease|schizophrenia|"
     "bipolar disorder|adhd|autism|obesity|anemia|anaemia|heart failure|coronary heart disease|"
     "myocardial infarction|heart attack|angina|atrial fibrillation|multiple sclerosis|psoriasis|eczema|"
     "dermatitis|covid 19|covid|sars cov 2|hypothyroidism|hyperthyroidism|osteoporosis|gout|"
     "celiac disease|coeliac disease|crohn s disease|crohns disease|ulcerative colitis|leukemia|"
     "leukaemia|lymphoma|melanoma|carcinoma|tumour|tumor|breast cancer|lung cancer|prostate cancer|"
     "chronic kidney disease|kidney failure|renal failure|cirrhosis|glaucoma|cataract|insomnia|ptsd|"
     "ocd|anorexia|anorexia nervosa|bulimia|sickle cell|sickle cell anemia|thalassemia|haemophilia|"
     "hemophilia|cystic fibrosis|down syndrome|hiv|hiv positive|hiv aids|major depressive disorder|"
     "generalized anxiety disorder|panic disorder|sleep apnea|sleep apnoea|hypercholesterolemia|"
     "hyperlipidemia|sepsis|measles|malaria|dengue|typhoid|cholera|chickenpox|shingles|"
     /* DE */
     "zuckerkrankheit|bluthochdruck|hypertonie|epilepsie|migrane|arthrose|rheuma|demenz|"
     "lungenentzundung|tuberkulose|herzinfarkt|schlaganfall|herzinsuffizienz|adipositas|"
     "schilddrusenunterfunktion|neurodermitis|multiple sklerose|angststorung|schizophrenie|"
     "laktoseintoleranz|heuschnupfen|bandscheibenvorfall|"
     /* FR */
     "diabete|asthme|epilepsie|arthrose|polyarthrite|demence|pneumonie|tuberculose|infarctus|avc|"
     "insuffisance cardiaque|obesite|sclerose en plaques|schizophrenie|maladie d alzheimer|"
     /* ES */
     "asma|hipertension|depresion|epilepsia|migrana|artrosis|artritis|demencia|neumonia|infarto|ictus|"
     "insuficiencia cardiaca|obesidad|esclerosis multiple|esquizofrenia|"
     /* IT */
     "ipertensione|depressione|cancro|tumore|epilessia|emicrania|artrosi|artrite|demenza|polmonite|"
     "tubercolosi|obesita|sclerosi multipla|schizofrenia|"
     /* PT */
     "hipertensao|depressao|enxaqueca|artrose|pneumonia|tuberculose|obesidade|esclerose multipla|"
     "esquizofrenia|"
     /* NL */
     "suikerziekte|astma|hoge bloeddruk|hypertensie|depressie|kanker|dementie|longontsteking|"
     "hartinfarct|beroerte|obesitas|multiple sclerose|schizofrenie|"
     /* PL */
     "cukrzyca|nadcisnienie|depresja|nowotwor|padaczka|epilepsja|migrena|artroza|demencja|"
     "zapalenie pluc|gruzlica|zawal|zawal serca|udar|otylosc|stwardnienie rozsiane|"
     /* TR */
     "diyabet|seker hastaligi|astim|hipertansiyon|depresyon|kanser|epilepsi|migren|romatizma|demans|"
     "zaturre|tuberkuloz|verem|kalp krizi|inme|obezite|multipl skleroz|sizofreni|"
     /* romanised Hindi */
     "madhumeh|uchch raktchap|raktchap|tapedik|kshay rog|mirgi|peeliya|dil ki bimari|"
     /* allergies */
     "allergy|allergies|allergic|allergie|allergien|alergia|alergias|allergia|allergieen|alerji|"
     "no known allergies|no known drug allergies|nka|nkda|lactose intolerance|gluten intolerance|"
     "penicillin allergy|intolerance|intolerancia|intolleranza|unvertraglichkeit|"
     /* medication (international non-proprietary names and their spellings) */
     "metformin|metformina|insulin|insuline|insulina|ibuprofen|ibuprofene|ibuprofeno|paracetamol|"
     "acetaminophen|paracetamolo|aspirin|aspirina|aspirine|atorvastatin|atorvastatina|simvastatin|"
     "rosuvastatin|amoxicillin|amoxicilline|amoxicilina|amoxicillina|penicillin|penicilline|"
     "penicilina|penicillina|lisinopril|ramipril|enalapril|amlodipine|amlodipin|amlodipino|metoprolol|"
     "bisoprolol|losartan|valsartan|omeprazole|omeprazol|pantoprazole|pantoprazol|levothyroxine|"
     "levothyroxin|levotiroxina|salbutamol|albuterol|prednisone|prednisolone|prednisolon|warfarin|"
     "apixaban|rivaroxaban|clopidogrel|sertraline|sertralin|sertralina|fluoxetine|fluoxetin|"
     "fluoxetina|citalopram|escitalopram|diazepam|lorazepam|alprazolam|gabapentin|pregabalin|"
     "tramadol|morphine|morphin|morfina|codeine|oxycodone|methotrexate|hydrochlorothiazide|"
     "furosemide|furosemid|spironolactone|allopurinol|azithromycin|ciprofloxacin|doxycycline|"
     "quetiapine|olanzapine|risperidone|methadone|buprenorphine|montelukast|cetirizine|loratadine|"
     "diclofenac|naproxen|metamizol|chemotherapy|chemotherapie|chimiotherapie|quimioterapia|"
     "chemioterapia|dialysis|dialyse|dialisis|dialisi|antidepressants|antibiotics|antibiotika|"
     "antibiotiques|antibioticos|antibiotici"},
    {DM_SP_HEALTH, DM_WEAK, 0,
     "depression|cancer|aids|stroke|anxiety|bipolar|flu|influenza|fever|pregnant|pregnancy|smoker|asthmatic|"
     "diabetic|blind|deaf|disabled|disability|wheelchair user|wheelchair|obese|overweight|lithium|"
     "disease|disorder|syndrome|chronic|acute|infection|deficiency|fracture|injury|heart|kidney|renal|"
     "lung|liver|blood|pressure|high|mellitus|cholesterol|peanut|peanuts|nuts|tree nuts|pollen|latex|"
     "gluten|lactose|shellfish|bee sting|dust mites|eggs|krebs|depression|krankheit|erkrankung|grippe|"
     "chronisch|akut|raucher|schwanger|diabetiker|maladie|chronique|enceinte|fumeur|enfermedad|cronica|"
     "cronico|gripe|ansiedad|embarazada|fumador|malattia|incinta|fumatore|doenca|cronico|ansiedade|"
     "gravida|fumante|ziekte|chronisch|griep|zwanger|roker|rak|choroba|przewlekla|grypa|palacz|"
     "hastalik|kronik|grip|hamile|sigara|sugar|bp|bimari|rog|bukhar|hiv negative|non smoker"},

    /* ---- ETHNIC_ORIGIN ------------------------------------------------------- */
    {DM_SP_ETHNIC, DM_MEDIUM, 0,
     /* US OMB / census */
     "hispanic|latino|latina|latinx|hispanic or latino|not hispanic or latino|hispanic latino|"
     "non hispanic|caucasian|african american|black or african american|american indian|"
     "american indian or alaska native|alaska native|native american|native hawaiian|"
     "native hawaiian or pacific islander|pacific islander|two or more races|multiracial|biracial|"
     "mixed race|mixed ethnicity|multi ethnic|"
     /* UK ONS */
     "white british|white irish|white english|white scottish|white welsh|white other|other white|"
     "gypsy or irish traveller|irish traveller|roma|black british|black african|black caribbean|"
     "asian british|british asian|british indian|british pakistani|british bangladeshi|"
     "mixed white and black caribbean|mixed white and black african|mixed white and asian|"
     "white and black caribbean|white and black african|white and asian|afro caribbean|afro american|"
     /* elsewhere */
     "aboriginal|torres strait islander|aboriginal and torres strait islander|first nations|inuit|metis|"
     "maori|sinti und roma|romani|afrodescendiente|afrodescendente|afro brasileiro|mestizo|"
     "mestico|parda|indigena|indigenous|maghrebin|allochtoon|autochtoon|dalit|adivasi|"
     "scheduled caste|scheduled tribe|other backward class|other backward classes|obc"},
    {DM_SP_ETHNIC, DM_WEAK, 0,
     "white|black|asian|mixed|arab|brown|indian|pakistani|bangladeshi|chinese|caribbean|african|"
     "european|british|irish|english|scottish|welsh|kurdish|turkish|moroccan|surinamese|polish|"
     "weiss|schwarz|blanc|blanche|noir|noire|blanco|blanca|negro|negra|bianco|bianca|nero|nera|branco|"
     "branca|preto|preta|amarelo|amarela|blank|zwart|bialy|czarny|beyaz|siyah|kurt|turk|laz|"
     "marokkaans|turks|surinaams|antilliaans|sc|st|general|gen|ews|jati|other asian|other black|"
     "other mixed|any other|roma|pardo"},

    /* ---- RELIGIOUS_BELIEF ----------------------------------------------------- */
    {DM_SP_RELIGION, DM_MEDIUM, 0,
     "catholic|roman catholic|protestant|muslim|moslem|islam|islamic|jewish|judaism|hindu|hinduism|"
     "buddhist|buddhism|sikh|sikhism|jainism|atheist|atheism|agnostic|evangelical|lutheran|"
     "anglican|methodist|baptist|presbyterian|pentecostal|mormon|latter day saints|jehovah s witness|"
     "jehovahs witness|jehovah s witnesses|shia|sunni|church of england|church of scotland|no religion|"
     "quaker|zoroastrian|taoist|shinto|bahai|"
     /* DE */
     "katholisch|romisch katholisch|evangelisch|protestantisch|muslimisch|islamisch|judisch|"
     "buddhistisch|hinduistisch|konfessionslos|ohne konfession|freikirchlich|altkatholisch|"
     "neuapostolisch|zeugen jehovas|"
     /* FR */
     "catholique|protestante|musulman|musulmane|juif|juive|judaisme|bouddhiste|hindou|hindoue|athee|"
     "agnostique|orthodoxe|sans religion|chretien|chretienne|"
     /* ES */
     "protestante|catolico|catolica|evangelico|evangelica|musulmana|judio|judia|budista|ateo|atea|agnostico|"
     "agnostica|ortodoxo|ortodoxa|sin religion|testigo de jehova|"
     /* IT */
     "cattolico|cattolica|evangelica|musulmano|ebreo|ebrea|ebraico|buddista|induista|ortodosso|"
     "ortodossa|nessuna religione|"
     /* PT */
     "muculmano|muculmana|judeu|ateu|ateia|cristao|crista|espirita|umbanda|candomble|sem religiao|"
     /* NL */
     "katholiek|rooms katholiek|protestants|hervormd|gereformeerd|moslim|islamitisch|joods|"
     "boeddhist|boeddhistisch|hindoe|hindoeistisch|agnost|christelijk|geen religie|"
     /* PL */
     "katolik|katoliczka|katolicki|rzymskokatolicki|prawoslawny|prawoslawna|ewangelik|ewangelicki|"
     "muzulmanin|muzulmanka|zydowski|buddysta|ateista|ateistka|agnostyk|bezwyznaniowy|swiadek jehowy|"
     /* TR */
     "musluman|hristiyan|yahudi|budist|ateist|agnostik|alevi|dinsiz|"
     /* romanised Hindi */
     "musalman|isai|bauddh|parsi|nastik"},
    {DM_SP_RELIGION, DM_WEAK, 0,
     "christian|christianity|orthodox|jew|jain|catholics|muslims|other religion|rk|ev|rf|lt|ak|cristiano|"
     "cristiana|christ|protestant church|church|kirche|eglise|iglesia|chiesa|igreja|kerk|kosciol|"
     "none religion|spiritual|pagan|humanist"},

    /* ---- POLITICAL_OPINION --------------------------------------------------- */
    {DM_SP_POLITICAL, DM_MEDIUM, 0,
     "democrat|democrats|democratic party|republican|republicans|republican party|gop|libertarian|"
     "socialist|communist|social democrat|social democratic|anarchist|nationalist|"
     "labour party|conservative party|tory|tories|lib dem|lib dems|liberal democrat|liberal democrats|"
     "ukip|reform uk|plaid cymru|sinn fein|green party|"
     /* DE */
     "cdu|csu|spd|fdp|afd|die linke|bundnis 90 die grunen|die grunen|sozialdemokrat|sozialist|"
     "kommunist|sozialdemokratisch|"
     /* FR */
     "les republicains|rassemblement national|la france insoumise|parti socialiste|eelv|"
     "europe ecologie les verts|socialiste|communiste|ecologiste|"
     /* ES */
     "psoe|podemos|partido popular|partido socialista|izquierda unida|socialista|comunista|"
     /* IT */
     "partito democratico|fratelli d italia|movimento 5 stelle|m5s|forza italia|"
     /* PT, BR */
     "chega|bloco de esquerda|psol|partido dos trabalhadores|"
     /* NL */
     "vvd|pvda|d66|groenlinks|pvv|christenunie|partij voor de vrijheid|"
     /* PL */
     "prawo i sprawiedliwosc|platforma obywatelska|lewica|konfederacja|psl|"
     /* TR */
     "akp|ak parti|chp|mhp|hdp|iyi parti|"
     /* India */
     "bjp|bharatiya janata party|indian national congress|aam aadmi party|shiv sena|samajwadi party|"
     "bahujan samaj party|cpim|cpi m"},
    {DM_SP_POLITICAL, DM_WEAK, 0,
     "labour|conservative|liberal|green|greens|independent|moderate|progressive|left|right|centre|"
     "center|centrist|far left|far right|centre left|centre right|center left|center right|party|"
     "partei|parti|partido|partito|partij|partia|partisi|konservativ|links|rechts|grune|liberal|"
     "conservateur|gauche|droite|lr|ps|rn|lfi|renaissance|vox|pp|sumar|ciudadanos|conservador|"
     "izquierda|derecha|pd|fdi|lega|sinistra|destra|psd|pt|esquerda|direita|sp|po|ko|pis|prawica|sol|"
     "sag|congress|aap|inc|voter|supporter|snp|bsp|cda|bsw"},

    /* ---- TRADE_UNION_MEMBERSHIP ---------------------------------------------- */
    {DM_SP_UNION, DM_MEDIUM, 0,
     "union member|trade union member|non union|union membership|gmb|afl cio|seiu|teamsters|"
     "united auto workers|uaw|afscme|ig metall|ver di|verdi gewerkschaft|dgb|gewerkschaftsmitglied|"
     "ig bce|ig bau|cgt|cfdt|cgt fo|force ouvriere|syndique|syndiquee|ccoo|comisiones obreras|ugt|"
     "sindicalizado|sindicalizada|cgil|cisl|uil|iscritto al sindacato|cgtp|vakbondslid|"
     "solidarnosc|opzz|turk is|hak is|citu|intuc|aituc"},
    {DM_SP_UNION, DM_WEAK, 0,
     "unite|member|non member|nonmember|union|trade union|gewerkschaft|mitglied|syndicat|adherent|"
     "sindicato|afiliado|afiliada|sindacato|iscritto|iscritta|filiado|vakbond|lid|czlonek|zwiazek|"
     "uye|sendika|fo|verdi|unison|gew|ngg|evg|gdp|fnv|cnv|disk|bms"},

    /* ---- SEXUAL_ORIENTATION ------------------------------------------------- */
    {DM_SP_SEXUAL, DM_MEDIUM, 0,
     "heterosexual|homosexual|bisexual|lesbian|gay|asexual|pansexual|queer|gay or lesbian|"
     "gay man|gay woman|heterosexuell|homosexuell|bisexuell|schwul|lesbisch|heterosexuel|"
     "heterosexuelle|homosexuel|homosexuelle|bisexuel|bisexuelle|lesbienne|lesbiana|eterosessuale|"
     "omosessuale|bisessuale|lesbica|heterossexual|homossexual|bissexual|heteroseksueel|homoseksueel|"
     "biseksueel|heteroseksualny|heteroseksualna|homoseksualny|homoseksualna|biseksualny|biseksualna|"
     "lesbijka|heteroseksuel|escinsel|biseksuel|lezbiyen|samlaingik"},
    {DM_SP_SEXUAL, DM_WEAK, 0,
     "straight|hetero|homo|bi|lgbt|lgbtq|lgbtqia|other orientation|hetera|gej"},

    /* ---- CRIMINAL_RECORD: every word weak; a conviction word and an offence
     * word in one cell are medium (special.c) -------------------------------- */
    {DM_SP_CRIMINAL, DM_WEAK, DM_SPW_CONVICT,
     "convicted|conviction|convictions|sentenced|guilty|probation|parole|imprisonment|prison|jail|"
     "acquitted|charged|arrested|felony|misdemeanor|misdemeanour|suspended sentence|criminal record|"
     "custodial sentence|community service|verurteilt|verurteilung|vorbestraft|vorstrafe|"
     "freiheitsstrafe|haftstrafe|bewahrung|geldstrafe|haft|schuldig|condamne|condamnee|condamnation|"
     "casier judiciaire|emprisonnement|sursis|coupable|condenado|condenada|condena|prision|carcel|"
     "culpable|libertad condicional|condannato|condannata|condanna|reclusione|carcere|colpevole|"
     "condenacao|prisao|culpado|veroordeeld|veroordeling|gevangenisstraf|taakstraf|voorwaardelijk|"
     "skazany|skazana|wyrok|wiezienie|pozbawienie wolnosci|winny|mahkum|hapis|hapis cezasi|hukum|"
     "mahkumiyet|saza|kaid|doshi|"
     /* what a court imposes (England and Wales' sentencing terms and their
      * neighbours') */
     "conditional discharge|absolute discharge|community order|community sentence|unpaid work|"
     "curfew|curfew order|suspended|fine|fined|disqualified|disqualified from driving|driving ban|"
     "detention|custody|life sentence|youth rehabilitation order|restraining order|probation order|"
     "electronic monitoring|caution|cautioned|bewahrungsstrafe|gemeinnutzige arbeit|fahrverbot|"
     "amende|travaux d interet general|multa|trabajos en beneficio de la comunidad|ammenda|boete|"
     "werkstraf|grzywna|para cezasi"},
    {DM_SP_CRIMINAL, DM_WEAK, DM_SPW_OFFENCE,
     "theft|burglary|robbery|assault|fraud|murder|manslaughter|homicide|drug possession|possession|"
     "drug trafficking|trafficking|dui|dwi|drunk driving|drink driving|shoplifting|embezzlement|arson|"
     "vandalism|trespass|kidnapping|forgery|bribery|perjury|stalking|harassment|rape|sexual assault|"
     "domestic violence|money laundering|extortion|smuggling|tax evasion|grievous bodily harm|gbh|abh|"
     "diebstahl|einbruch|einbruchdiebstahl|raub|korperverletzung|betrug|mord|totschlag|"
     "trunkenheit im verkehr|drogenbesitz|brandstiftung|sachbeschadigung|erpressung|"
     "urkundenfalschung|steuerhinterziehung|hehlerei|vol|cambriolage|escroquerie|fraude|agression|"
     "meurtre|viol|trafic de stupefiants|conduite en etat d ivresse|robo|hurto|estafa|agresion|"
     "asesinato|homicidio|lesiones|narcotrafico|violacion|furto|rapina|truffa|frode|aggressione|"
     "omicidio|lesioni|spaccio|estorsione|roubo|agressao|assassinato|estelionato|trafico|diefstal|"
     "inbraak|mishandeling|moord|doodslag|oplichting|verduistering|kradziez|rozboj|oszustwo|pobicie|"
     "zabojstwo|morderstwo|wlamanie|hirsizlik|dolandiricilik|cinayet|gasp|yaralama|chori|"
     "dhokhadhadi|hatya|dakaiti|balatkar"},

    /* ---- GENDER ------------------------------------------------------------------ */
    {DM_SP_GENDER, DM_MEDIUM, 0,
     "male|female|woman|masculine|feminine|mannlich|weiblich|masculin|feminin|masculino|femenino|"
     "feminino|maschile|femminile|maschio|femmina|mannelijk|vrouwelijk|mezczyzna|kobieta|meski|"
     "zenski|erkek|kadin|purush|mahila|hombre|mujer|homem|mulher|homme|femme|vrouw|uomo|intersex|"
     "non binary|nonbinary|genderqueer|transgender|trans man|trans woman|female to male|"
     "male to female"},
    {DM_SP_GENDER, DM_WEAK, 0,
     "m|f|w|d|h|v|k|e|x|u|man|mann|frau|boy|girl|donna|divers|diverse|other gender|unknown|stri|purus|aurat|"
     "ladka|ladki|mard|erkak|nicht binar|non binaire|no binario|non binario|nao binario"},
    {.phrases = NULL},
};
