"""Fixed material for demo databases: fictional people, shared agencies and short officer texts.

Everything is invented. First names are ordinary Swedish and international names; every surname
is made up from a word an officer reads as "demo" (Demo-, Test-, Prov-, Exempel-, Fiktiv-,
Låtsas-, Övnings-, Påhitt-) and a common Swedish name ending, so a demo person is recognisable at
a glance in any list. Telephone numbers are from the ranges the Swedish Post and Telecom Authority
(PTS) sets aside for fiction; e-mail addresses use the reserved ``.example`` top-level domain.
Prisons are real facility names (a demo must look like the officer's own world); the people in
them are not.

The free texts are Swedish data (what an officer would type), not catalogue messages.
"""

from __future__ import annotations

from typing import NamedTuple

MALE_FIRST_NAMES: tuple[str, ...] = (
    "Erik", "Johan", "Anders", "Mikael", "Daniel", "Marcus", "Jonas", "Oskar", "Filip", "Robin",
    "Kevin", "Dennis", "Alexander", "Viktor", "Emil", "Simon", "Sebastian", "Andreas", "Fredrik",
    "Niklas", "Tobias", "Patrik", "Christoffer", "Rasmus", "Linus", "Jesper", "Adam", "Elias",
    "Ahmed", "Mohammed", "Ali", "Omar", "Hassan", "Yusuf", "Abdi", "Amir", "Ibrahim", "Mustafa",
    "Khalid", "Karim", "Samir", "Tariq", "Hamza", "Bilal", "Reza", "Dariush", "Mehmet", "Emre",
    "Deniz", "Milan", "Nikola", "Dragan", "Adnan", "Edin", "Armin", "Tomasz", "Piotr", "Marek",
    "Andrei", "Juan", "Carlos", "Diego", "Luis", "Mateo", "Jamal", "Kwame", "Tesfaye", "Dawit",
    "Arash", "Ardalan", "Kenan", "Liridon", "Besart", "Hussein", "Abdullahi", "Mahad", "Noah", "Leo",
)
FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Sara", "Emma", "Maria", "Elin", "Johanna", "Linnea", "Ida", "Amanda", "Jessica",
    "Fatima", "Aisha", "Leila", "Amina", "Yasmin", "Hodan", "Zeynep", "Mina", "Nadia", "Ana",
    "Sofia", "Olivia", "Malin", "Therese",
)
SURNAME_STEMS: tuple[str, ...] = ("Demo", "Test", "Prov", "Exempel", "Fiktiv", "Låtsas", "Övnings", "Påhitt")
SURNAME_ENDINGS: tuple[str, ...] = (
    "son", "berg", "lund", "ström", "gren", "dal", "holm", "qvist", "sten", "vik", "mark", "fors",
    "bäck", "by", "man",
)
SURNAMES: tuple[str, ...] = tuple(stem + ending for stem in SURNAME_STEMS for ending in SURNAME_ENDINGS)

OFFICERS: tuple[str, ...] = (
    "anna.demo", "erik.demo", "sara.demo", "johan.demo", "leila.demo", "mikael.demo", "ida.demo",
    "omar.demo", "maria.demo", "daniel.demo", "elin.demo", "karim.demo",
)
COORDINATORS: tuple[str, ...] = ("lena.samordnare.demo", "amir.samordnare.demo", "karin.samordnare.demo")

# Real Swedish prisons (anstalter).
PRISONS: tuple[str, ...] = (
    "Kumla", "Hall", "Saltvik", "Tidaholm", "Hällby", "Salberga", "Storboda", "Skogome",
    "Österåker", "Norrtälje", "Skänninge", "Johannesberg", "Mariefred", "Fosie", "Ystad", "Svartsjö",
)


class City(NamedTuple):
    name: str
    postcode: str
    phone_prefix: str  # a PTS range for fiction; two digits follow


CITIES: tuple[City, ...] = (
    City("Stockholm", "113 45", "08-465 004 "),
    City("Göteborg", "413 01", "031-390 06 "),
    City("Malmö", "211 22", "040-628 04 "),
    City("Örebro", "702 10", "08-465 004 "),
    City("Uppsala", "753 20", "08-465 004 "),
    City("Norrköping", "602 24", "0980-319 2"),
)
STREETS: tuple[str, ...] = (
    "Exempelgatan", "Provvägen", "Testgränd", "Demotorget", "Låtsasallén", "Fiktivstigen", "Övningsbacken",
)
MOBILE_PREFIX = "070-174 06 "  # PTS: 070-174 06 05 - 070-174 06 99 are for fiction.


class AgencySpec(NamedTuple):
    key: str           # a stable handle inside the generator
    name: str
    kind: str
    areas: tuple[str, ...]   # the plan areas its consent usually covers
    contact_role: str
    city: str = ""     # empty for national agencies


def _per_city(key: str, pattern: str, kind: str, areas: tuple[str, ...], role: str) -> tuple[AgencySpec, ...]:
    return tuple(AgencySpec(f"{key}:{c.name}", pattern.format(city=c.name), kind, areas, role, c.name) for c in CITIES)


_SOCIAL_AREAS = ("accommodation", "finances_id_benefits", "substance_use", "family_network_leisure")
AGENCIES: tuple[AgencySpec, ...] = (
    *_per_city("social", "Socialtjänsten {city}", "social_services", _SOCIAL_AREAS, "socialsekreterare"),
    *_per_city("probation", "Frivården {city}", "probation", ("safety", "attitudes_disengagement"), "frivårdsinspektör"),
    *_per_city("komvux", "Komvux {city}", "education", ("work_education",), "studie- och yrkesvägledare"),
    AgencySpec("employment", "Arbetsförmedlingen", "employment", ("work_education",), "arbetsförmedlare"),
    AgencySpec("insurance", "Försäkringskassan", "social_insurance", ("finances_id_benefits",), "handläggare"),
    AgencySpec("tax", "Skatteverket", "tax_agency", ("finances_id_benefits",), "handläggare folkbokföring"),
    AgencySpec("enforcement", "Kronofogden", "enforcement", ("finances_id_benefits",), "handläggare skuldsanering"),
    AgencySpec("exit", "EXIT (Fryshuset)", "ngo",
               ("attitudes_disengagement", "family_network_leisure", "safety"), "stödperson"),
    AgencySpec("housing", "Provbostäder AB (demo)", "housing", ("accommodation",), "bovärd"),
    AgencySpec("health", "Beroende- och psykiatrimottagningen (demo)", "health",
               ("health", "substance_use"), "kurator"),
)

MILIEUS: tuple[tuple[str, float], ...] = (
    ("", 0.28), ("violent_islamist", 0.22), ("right_wing", 0.17), ("left_wing", 0.05), ("criminal_gang", 0.28),
)
LANGUAGES: tuple[tuple[str, float], ...] = (
    ("svenska", 0.55), ("svenska, arabiska", 0.12), ("svenska, somaliska", 0.07), ("svenska, engelska", 0.08),
    ("svenska, persiska", 0.05), ("svenska, bosniska", 0.04), ("svenska, turkiska", 0.04),
    ("arabiska, engelska", 0.03), ("svenska, tigrinja", 0.02),
)

SPECIAL_CONDITIONS: tuple[str, ...] = (
    "Bostadsvillkor: ska bo på bostad som frivården anvisar",
    "Sysselsättning enligt plan (arbete eller studier)",
    "Missbruksbehandling med drogtester",
    "Ingen kontakt med tidigare umgänge i gruppen",
    "Vistelseförbud i centrala delar av hemkommunen",
    "Deltagande i påverkansprogram",
)
GRADUAL_RELEASE: tuple[str, ...] = ("Frigång (arbete)", "Frigång (studier)", "Vårdvistelse", "Halvvägshus",
                                    "Utökad frigång med fotboja")

STAGE_REASONS: dict[str, tuple[str, ...]] = {
    "referred": ("Anmäld av kontaktman på avdelningen", "Egen förfrågan om stöd att lämna miljön",
                 "Anmäld efter samråd med säkerhetsenheten"),
    "assessed": ("Inledande bedömning klar", "Bedömningssamtal genomförda"),
    "consented": ("Samtycke undertecknat", "Samtycke givet vid möte med handläggare"),
    "active_in_custody": ("Påbörjat samtalsserie", "Aktiv i programmet på anstalten"),
    "release_planning": ("Frigivningsplanering påbörjad", "SIP-möte bokat inför frigivning"),
    "released": ("Villkorligt frigiven",),
    "follow_up": ("Uppföljning efter frigivning", "Uppföljning tre månader efter frigivning"),
    "completed": ("Prövotiden avslutad enligt plan", "Målen i planen uppnådda"),
    "withdrawn": ("Klienten avbröt programmet", "Klienten vill inte längre delta", "Förflyttad, kontakten upphörde"),
    "recalled": ("Villkorlig frigivning förverkad efter misskötsamhet", "Åter i anstalt efter nytt brott"),
}

ASSESSMENT_INSTRUMENT = "Entré domänskattning v1"
ASSESSMENT_COMMENTS: tuple[str, ...] = (
    "", "", "Stabil utveckling sedan förra skattningen.", "Tydligt mer motiverad än tidigare.",
    "Osäker period, oro kring nätverket.", "Bättre struktur i vardagen.", "Skattning gjord tillsammans med klienten.",
)

CONTACT_KINDS: tuple[tuple[str, float], ...] = (
    ("meeting", 0.5), ("phone", 0.2), ("group_session", 0.12), ("coordination_meeting", 0.08),
    ("home_visit", 0.05), ("video", 0.05),
)
CONTACT_SUMMARIES: dict[str, tuple[str, ...]] = {
    "meeting": ("Enskilt samtal om målen i planen", "Samtal om motivation och vardag", "Uppföljande samtal",
                "Samtal om relationer och nätverk", "Genomgång av veckans aktiviteter"),
    "phone": ("Kort telefonsamtal, allt lugnt", "Telefonkontakt inför möte", "Klienten ringde med fråga om boende"),
    "group_session": ("Gruppsamtal om identitet och grupptryck", "Gruppsamtal om konflikthantering"),
    "coordination_meeting": ("SIP-möte med berörda myndigheter", "Samordningsmöte inför frigivning"),
    "home_visit": ("Hembesök, ordnat boende", "Hembesök tillsammans med socialtjänsten"),
    "video": ("Videomöte från anstalten", "Videosamtal med handläggare"),
}

NOTE_TEXTS: tuple[str, ...] = (
    "Samtal om motivation. Klienten beskriver att kontakten med gamla vänner har minskat.",
    "Klienten deltog i gruppsamtal. Aktiv och reflekterande.",
    "Klienten missade avtalat möte; ny tid bokad.",
    "Diskuterat boende efter frigivning. Klienten önskar bo nära familjen i {city}.",
    "Klienten uppger oro för hot från tidigare umgänge. Hotbedömning begärd.",
    "Permission genomförd utan anmärkning.",
    "Positiv utveckling: har börjat läsa svenska och matematik via Komvux.",
    "Besök av stödperson från EXIT. Klienten vill fortsätta kontakten efter frigivning.",
    "Urinprov negativt.",
    "Klienten har fått ID-kort; bankkonto öppnas nästa vecka.",
    "Samordningsmöte (SIP) med socialtjänsten och Arbetsförmedlingen. Nästa möte om en månad.",
    "Klienten ifrågasätter fortfarande delar av gruppens budskap men är mer öppen i samtalen.",
    "Telefonkontakt med {agency} om ansökan. Återkoppling nästa vecka.",
    "Klienten berättar att hen har tagit bort gamla kontakter i telefonen och bytt nummer.",
    "Genomgång av särskilda villkor inför frigivningen. Klienten har förstått villkoren.",
    "Klienten har fått praktikplats via Arbetsförmedlingen och trivs.",
    "Svårt samtal i dag, klienten var nedstämd. Följs upp med kurator.",
    "Skuldsituationen kartlagd tillsammans med Kronofogden; ansökan om skuldsanering påbörjad.",
    "Klienten har börjat träna på gym två gånger i veckan, bra för struktur.",
    "Familjen har hört av sig och vill vara delaktig i planeringen.",
    "Fortsatt arbete med konflikthantering; klienten ger exempel från avdelningen.",
    "Klienten har fått lägenhetsvisning hos Provbostäder.",
    "Kontakt med frivården i {city} inför övervakning.",
    "Klienten uttrycker ånger och vill göra rätt för sig.",
)
CORRECTION_PREFIX = "Rättelse av tidigare anteckning: "

RISK_FLAGS: tuple[tuple[str, str], ...] = (
    ("threat_from_group", "Risk för hot från tidigare grupp efter avhopp"),
    ("violence", "Tidigare våld mot personal eller medintagna"),
    ("old_milieu_contact", "Försök till kontakt med personer i den gamla miljön"),
    ("substance_relapse", "Risk för återfall i missbruk"),
    ("self_harm", "Tidigare självskadebeteende, följs upp med hälso- och sjukvården"),
    ("escape", "Tidigare avvikelse från permission"),
)

REFERRAL_PURPOSES: dict[str, tuple[str, ...]] = {
    "social_services": ("Ansökan om boendestöd", "Försörjningsstöd första månaden", "Kontakt med beroendevården"),
    "probation": ("Överlämning inför övervakning",),
    "education": ("Studievägledning och ansökan till kurs",),
    "employment": ("Inskrivning och matchning mot arbete", "Arbetsmarknadsutbildning"),
    "social_insurance": ("Utredning om aktivitetsersättning",),
    "tax_agency": ("Folkbokföring och ID-kort",),
    "enforcement": ("Skuldrådgivning och skuldsanering",),
    "ngo": ("Stödperson och avhopparstöd", "Mentorskap efter frigivning"),
    "housing": ("Förtur till bostad med socialt kontrakt",),
    "health": ("Bedömning och fortsatt behandling",),
}


class ActionSpec(NamedTuple):
    area: str
    agency: str   # AgencySpec.key, or a key prefix ("social") resolved to the client's city
    goal: str
    action: str


PLAN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("accommodation", "social", "Eget boende inom sex månader", "Ansökan om boendestöd hos socialtjänsten"),
    ActionSpec("accommodation", "housing", "Eget boende inom sex månader", "Lägenhetsvisning och kontrakt"),
    ActionSpec("accommodation", "social", "Tryggt boende första tiden", "Träningslägenhet de första sex månaderna"),
    ActionSpec("work_education", "employment", "Sysselsättning efter frigivning", "Inskrivning hos Arbetsförmedlingen"),
    ActionSpec("work_education", "komvux", "Slutföra gymnasiekurser", "Studievägledning och kursstart"),
    ActionSpec("work_education", "employment", "Sysselsättning efter frigivning", "Praktik via arbetsmarknadsprogram"),
    ActionSpec("finances_id_benefits", "tax", "Ordnad ekonomi", "Ansöka om ID-kort"),
    ActionSpec("finances_id_benefits", "social", "Ordnad ekonomi", "Öppna bankkonto med stöd"),
    ActionSpec("finances_id_benefits", "enforcement", "Överblick över skulderna", "Skuldrådgivning och plan"),
    ActionSpec("finances_id_benefits", "insurance", "Ordnad ekonomi", "Ansökan om ersättning"),
    ActionSpec("health", "health", "God hälsa", "Tid hos vårdcentral inom två veckor"),
    ActionSpec("health", "health", "God hälsa", "Fortsatt kontakt med psykiatrin"),
    ActionSpec("substance_use", "health", "Drogfrihet", "Öppenvård för beroende"),
    ActionSpec("substance_use", "probation", "Drogfrihet", "Drogtester enligt särskilda villkor"),
    ActionSpec("family_network_leisure", "exit", "Nytt nätverk utan den gamla miljön", "Mentor via EXIT"),
    ActionSpec("family_network_leisure", "social", "Stärkt relation med familjen", "Familjesamtal"),
    ActionSpec("family_network_leisure", "", "Meningsfull fritid", "Börja träna på klubb"),
    ActionSpec("attitudes_disengagement", "exit", "Lämna den gamla miljön för gott", "Samtalsserie med EXIT"),
    ActionSpec("attitudes_disengagement", "probation", "Lämna den gamla miljön för gott", "Avhopparsamtal hos frivården"),
    ActionSpec("safety", "probation", "Trygghet efter frigivning", "Hotbedömning inför frigivning"),
    ActionSpec("safety", "exit", "Trygghet efter frigivning", "Plan för kontakt från den gamla gruppen"),
    ActionSpec("safety", "social", "Trygghet efter frigivning", "Skyddat boende vid behov"),
)

PLAN_TEXTS: dict[str, tuple[str, ...]] = {
    "client_goals": ("Ha ett eget boende och ett arbete inom ett år.", "Klara studierna och hålla mig borta från gamla vänner.",
                     "Vara en bra förälder och ha ordning på ekonomin."),
    "strengths": ("Stöd från familjen, vill förändra sitt liv.", "Goda språkkunskaper och yrkeserfarenhet.",
                  "Har genomfört utbildning under tiden i anstalt."),
    "risk_factors": ("Tidigare umgänge bor i samma område.", "Skulder och osäker ekonomi.", "Missbruk under stress."),
    "protective_factors": ("Ny partner utan koppling till miljön.", "Stödperson från EXIT.", "Sysselsättning ordnad."),
    "warning_signs": ("Slutar komma på möten.", "Söker upp gamla kontakter i sociala medier.", "Sömnsvårigheter och isolering."),
    "contingency": ("Kontakta frivården samma dag; vid hot kontakta polisen.",
                    "Ring stödpersonen; vid akut fara 112."),
    "first_72_hours": ("Hämtas vid anstalten. Besök hos frivården dag 1, socialtjänsten dag 2.",
                       "Flytt till halvvägshus. ID-kort och bankärende dag 2-3."),
}
