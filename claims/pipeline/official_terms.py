"""Words that decide whether a source speaks for a state body: state media, disqualifiers,
titles of office and the names of government bodies (used by officials.py).
"""

from __future__ import annotations

STATE_MEDIA = {
    "kcna": "KCNA",
    "korean central news agency": "KCNA",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "xinhua": "Xinhua",
    "cctv": "CCTV",
    "irna": "IRNA",
    "sana": "SANA",
    "rodong sinmun": "Rodong Sinmun",
    "state media": "state media",
    "state television": "state television",
    "state tv": "state TV",
    "state news agency": "state news agency",
    "state-run media": "state-run media",
    "state-run news agency": "state-run news agency",
    "state-run television": "state-run television",
    "state propaganda": "state propaganda",
}

# Disqualifiers: the source speaks for itself, a party, a company or a newsroom.
NOT_OFFICIAL = {
    "former": "former office-holder",
    "ex": "former office-holder",
    "retired": "former office-holder",
    "analyst": "analyst",
    "analysts": "analyst",
    "expert": "expert",
    "experts": "expert",
    "professor": "academic",
    "prof": "academic",
    "researcher": "researcher",
    "researchers": "researcher",
    "scientist": "scientist",
    "economist": "economist",
    "economists": "economist",
    "strategist": "strategist",
    "strategists": "strategist",
    "consultant": "consultant",
    "pollster": "pollster",
    "poll": "poll",
    "survey": "poll",
    "study": "study",
    "witness": "witness",
    "witnesses": "witness",
    "resident": "resident",
    "residents": "resident",
    "activist": "activist",
    "activists": "activist",
    "campaign": "campaign",
    "candidate": "candidate",
    "nominee": "candidate",
    "party": "party",
    "gop": "party",
    "democrats": "party",
    "republicans": "party",
    "operative": "party operative",
    "company": "company",
    "firm": "company",
    "inc": "company",
    "corp": "company",
    "ltd": "company",
    "ceo": "company executive",
    "executive": "company executive",
    "founder": "company executive",
    "union": "union",
    "group": "group",
    "rebel": "armed group",
    "rebels": "armed group",
    "militants": "armed group",
    "newspaper": "media",
    "reporter": "media",
    "journalist": "media",
    "editor": "media",
    "columnist": "media",
    "magazine": "media",
    "media": "media",
    "reuters": "media",
    "cnn": "media",
    "bloomberg": "media",
    "afp": "media",
    "reports": "media",
    "lawyer": "lawyer",
    "lawyers": "lawyer",
    "victim": "victim",
    "mother": "relative",
    "father": "relative",
    "relatives": "relative",
    "sources": "unnamed sources",
    "source": "unnamed sources",
    "university": "academic",
    "institute": "think tank",
    "foundation": "foundation",
    "charity": "charity",
    "opposition": "opposition",
    "bank": "bank",
    "banks": "bank",
    "lobbyist": "lobbyist",
    "lobbyists": "lobbyist",
    "defendant": "defendant",
    "supporters": "supporters",
    "critics": "critics",
    "observers": "observers",
}

# Multi-word disqualifiers checked as phrases.
NOT_OFFICIAL_PHRASES = {
    "chief financial officer": "company executive",
    "chief executive": "company executive",
    "chief operating officer": "company executive",
    "managing director": "company executive",
    "defense attorney": "defence lawyer",
    "defence lawyer": "defence lawyer",
    "defending": "defence counsel",
    "for the defence": "defence counsel",
    "for the defense": "defence counsel",
    "party chairman": "party",
    "party leader": "party",
    "opposition leader": "opposition",
    "national committee": "party",
    "political action committee": "party",
    "general manager": "company executive",
    "general counsel": "company lawyer",
    "general secretariat": "party secretariat",
    "private investigator": "private investigator",
    "board of directors": "company",
    "trade group": "trade group",
    "trade association": "trade group",
    "think tank": "think tank",
    "news agency": "media",
    "post and courier": "media",
    "new york times": "media",
    "washington post": "media",
    "wall street journal": "media",
    "associated press": "media",
    "fox news": "media",
    # Organisations named "Congress" that are no legislature (a documented class): labour
    # federations and parties ("Congress" alone stays a legislature).
    "labour congress": "union",
    "labor congress": "union",
    "trades union congress": "union",
    "african national congress": "party",
    "indian national congress": "party",
}

# Local government (a documented class): the offices and bodies of cities, counties, towns,
# townships, school and special districts and their services, as US and regional outlets
# name them (guidelines section 5: mayors, city councilmen, police, public agencies and
# services, school officials, public employees speaking in role). Older entries of the
# class stay where they were ("city manager", "county clerk", "school board" ...); the
# traps are read elsewhere: "former" (NOT_OFFICIAL), a candidate, a union's president, a
# company's "district manager" (no entry here names a district's staff but its spokesman).
LOCAL_TITLES = (
    "mayor pro tem",
    "town manager",
    "town administrator",
    "town clerk",
    "town supervisor",
    "village manager",
    "village administrator",
    "village clerk",
    "borough manager",
    "township manager",
    "township administrator",
    "township supervisor",
    "city administrator",
    "county manager",
    "county judge",
    "city engineer",
    "county engineer",
    "county assessor",
    "tax assessor",
    "county auditor",
    # public auditors of a state or province (a company's "auditor" alone is none)
    "state auditor",
    "provincial auditor",
    "legislative auditor",
    "city auditor",
    "county recorder",
    "city planner",
    "county planner",
    "county supervisors",
    "fire chiefs",
    "police chiefs",
    "fire captain",
    "battalion chief",
    "undersheriff",
    "park ranger",
    "park rangers",
    "game warden",
    "game wardens",
    "firefighter",
    "firefighters",
    # A British council's spokesman, as the papers write it: "a council spokesman said".
    "council spokesman",
    "council spokeswoman",
    "council spokesperson",
    "city spokesman",
    "city spokeswoman",
    "city spokesperson",
    "county spokesman",
    "county spokeswoman",
    "county spokesperson",
    "district spokesman",
    "district spokeswoman",
    "district spokesperson",
    "selectman",
    "selectwoman",
    "selectmen",
    "councilor",
    "councilors",
    "councilmen",
    "councilwomen",
    "aldermen",
    "alderwoman",
    "alderperson",
    "alderpersons",
    "freeholder",
    "freeholders",
)
# The heads of a city's or county's services: "Planning Director Ana Ruiz", "the public
# works director", "the county's parks superintendent". Only services that are public by
# name: "planning manager" or "sales director" are a company's.
LOCAL_SERVICES = (
    "planning",
    "public works",
    "parks",
    "parks and recreation",
    "public health",
    "emergency management",
    "code enforcement",
    "sanitation",
    "community development",
    "zoning",
    "animal control",
    "solid waste",
    "public utilities",
    "elections",
    "streets",
)
LOCAL_SERVICE_HEADS = ("director", "commissioner", "administrator", "superintendent", "chief")
LOCAL_BODIES = (
    "town council",
    "county council",
    "town board",
    "village board",
    "select board",
    "selectboard",
    "board of selectmen",
    "board of aldermen",
    "county commission",
    "school committee",
    "sheriff's department",
    "parks department",
    "water board",
    "town hall",
    "water district",
    "utility district",
    "irrigation district",
    "sanitation district",
    "sewer district",
    "fire district",
    "fire protection district",
    "park district",
    "transit district",
    "hospital district",
    "library district",
)
# Members of a local body, said bare, speak for the body the article named with that word:
# "Supervisors said" after "the Velmora County Board of Supervisors", "Trustees said" after
# "the Eastfield school board" (never alone: a warehouse has supervisors too, and a company
# board has members and trustees: the body named decides).
LOCAL_MEMBERS = {
    "supervisors": "supervisors",
    "the supervisors": "supervisors",
    "board members": "board district",
    "the board members": "board district",
    "trustees": "board district",
    "the trustees": "board district",
}
# Kinds of public district, read before a capitalised "District" so "Harlow Water District"
# or "Velmora Unified School District" is a body by structure, and "the district said"
# later resolves to it; a "Northeast District Manager" is no body.
PUBLIC_DISTRICT_KINDS = frozenset(
    """water school utility utilities irrigation sanitation sanitary sewer fire park parks
    transit hospital library conservation flood drainage""".split()
)

# Police ranks as British and Commonwealth papers abbreviate them, without dots (a
# documented class): "Det Ch Insp Ana Pires", "Ch Supt Tom Arlen", "Sgt Ana Pires". Each
# is a title before the name, never part of it; the expanded rank is the speaker's title.
UK_POLICE_RANKS = {
    "det ch supt": "detective chief superintendent",
    "det supt": "detective superintendent",
    "ch supt": "chief superintendent",
    "det ch insp": "detective chief inspector",
    "det insp": "detective inspector",
    "ch insp": "chief inspector",
    "det sgt": "detective sergeant",
    "det con": "detective constable",
    "insp": "inspector",
    "sgt": "sergeant",
}

# Offices named "<office>-General", hyphenated as Commonwealth and international usage
# writes them or spaced (a documented class): "Auditor-General Ana Pires", "the
# Governor-General", "Surgeon General". Each is an office of a state.
STATE_GENERAL_OFFICES = (
    "attorney",
    "solicitor",
    "auditor",
    "surgeon",
    "inspector",
    "governor",
    "accountant",
    "registrar",
    "comptroller",
    "postmaster",
    "advocate",
)
# A secretary-general or director-general heads a UN body, an alliance or a ministry, but
# also a trade group or a party: like "secretary", it needs a state body to be official.
GENERAL_HEADS = ("secretary-general", "director-general", "secretary general", "director general")

# Offices held in a state body. Longer phrases first so reasons name the specific title.
TITLES = (
    "chief of the general staff",
    "secretary of state",
    "district attorney",
    "u.s. attorney",
    "us attorney",
    "press secretary",
    "press liaison officer",
    "prime minister",
    "vice president",
    "deputy prime minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "finance minister",
    "crown prince",
    "chief of staff",
    "police commissioner",
    "police chief",
    "fed chair",
    "council member",
    "council members",
    "councilmember",
    "councilmembers",
    "speaker of the house",
    "house speaker",
    "majority leader",
    "minority leader",
    "state epidemiologist",
    "chief negotiator",
    "member of parliament",
    "members of parliament",
    # Members of the legislatures of the UK's nations, of Commonwealth provinces and states
    # and of the European Parliament, by the letters the papers write (a documented class):
    # "Ana Pires MSP", "the SNP MSP for Eastfield", "MLA Ana Pires", "Ana Pires MEP".
    "msp",
    "msps",
    "mla",
    "mlas",
    "mpp",
    "mpps",
    "mna",
    "mnas",
    "mep",
    "meps",
    "member of the scottish parliament",
    "member of the senedd",
    "senedd member",
    "president-elect",
    "governor-elect",
    "mayor-elect",
    "prime minister-elect",
    "vice-president",
    "special agent",
    "federal agents",
    "federal agent",
    "border agents",
    "lieutenant general",
    "major general",
    "brigadier general",
    "lt. gen.",
    "maj. gen.",
    "brig. gen.",
    "lt. col.",
    # Counsel in a trial named by their side (a documented class, as court reports write
    # "Ada Lorne, prosecuting, said"): the prosecution speaks for the state; the defence
    # does not (NOT_OFFICIAL_PHRASES).
    "prosecuting",
    "prosecuting counsel",
    "counsel for the prosecution",
    "counsel for the crown",
    "crown counsel",
    "counsel for the state",
    "state counsel",
    # Offices of local and state government and of justice, by their usual names.
    "director of public prosecutions",
    # Heads of government and their deputies styled in the state's own language (a
    # documented class): "Taoiseach Ana Pires", "the Tánaiste".
    "taoiseach",
    "tánaiste",
    "tanaiste",
    # Registrars of a public register, named by the register (a documented class; the
    # "Registrar-General" is a "-General" office): "Registrar of Companies Ana Pires".
    "registrar of companies",
    "registrar of societies",
    "registrar of births and deaths",
    "registrar of births",
    "registrar of lands",
    "registrar of titles",
    "registrar of deeds",
    # The head of a district's administration in South Asia (a documented class, beside
    # the "district magistrate" and "deputy commissioner" the titles already read).
    "district collector",
    "collector and district magistrate",
    "tehsildar",
    # The foreign-policy head of a bloc, as news names the post: "the EU's foreign policy
    # chief", "the bloc's foreign policy chief" (guidelines: regional blocs are official).
    "foreign policy chief",
    # The leader of a local council, as British papers name the post: "Council leader Ana
    # Pires", "the leader of the council" (guidelines hard case 4: a council's leader holds
    # an office; a party's leader does not, and "party" disqualifies first).
    "council leader",
    # A Kenyan county's seat for women in the National Assembly: "Woman Representative X".
    "woman representative",
    "women representative",
    # Ghana's heads of local assemblies, appointed by the president (officials reads them
    # before the "chief executive" disqualifier).
    "district chief executive",
    "municipal chief executive",
    "metropolitan chief executive",
    # Offices of a parliament held by its members (a documented class): the Leader of the
    # House and the chief whip (a whip of the opposition is read as "opposition" first).
    "leader of the house",
    "chief whip",
    # The head of a state's civil service in India and of the Hong Kong government's
    # administration; "the Chief Secretary to the Treasury" in Britain.
    "chief secretary",
    # The head of an Indian state's government: "Chief Minister Ana Pires" (not "minister").
    "chief minister",
    "leader of the council",
    "leader of the city council",
    "leader of the county council",
    # Police ranks as British papers abbreviate them without dots (a documented class; the
    # written forms are expanded by ABBREVIATED_TITLES): "Det Ch Insp Ana Pires".
    *UK_POLICE_RANKS,
    # The same ranks written out, so the title is the whole rank ("Detective Inspector Ana
    # Pires" is a detective inspector), and Australian police ranks.
    *{rank for rank in UK_POLICE_RANKS.values() if " " in rank},
    "senior sergeant",
    "senior constable",
    # The Governor-General's representative in a Jamaican parish: "Custos of Eastfield".
    "custos",
    "public defender",
    "medical examiner",
    "fire chief",
    "city manager",
    "city attorney",
    "county attorney",
    "county executive",
    "county administrator",
    "county clerk",
    "city clerk",
    "county supervisor",
    "registrar of voters",
    "assemblymember",
    "assembly member",
    "del.",
    "justices",
    # Plural titles: "some senators", "two ministers", "the governors of both states".
    "senators",
    "congressmen",
    "congresswomen",
    "ministers",
    "governors",
    "mayors",
    "ambassadors",
    "envoys",
    "judges",
    "commissioners",
    "councillors",
    "generals",
    # Plural ranks and offices of the forces and of law enforcement: "commanders said".
    "commanders",
    "colonels",
    "admirals",
    "lieutenants",
    "sergeants",
    "marshals",
    "sheriffs",
    "magistrates",
    "presidential spokesman",
    "chief justice",
    "director-general of police",
    *(f"{office}{joint}general" for office in STATE_GENERAL_OFFICES for joint in ("-", " ")),
    *GENERAL_HEADS,
    "chief constable",
    "police officer",
    "police spokesman",
    "police spokeswoman",
    "foreign counterpart",
    "counterpart",
    "undersecretary",
    "under secretary",
    "comptroller",
    "treasurer",
    "ombudsman",
    "coroner",
    "marshal",
    "trooper",
    "troopers",
    # A US federal law-enforcement rank (FBI, DEA, ATF, Secret Service agents).
    "special agent",
    "special agents",
    "brigadier",
    "lieutenant",
    "lt.",
    "corporal",
    "epidemiologist",
    "medical officer",
    "health officer",
    "president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "consul",
    "diplomat",
    "diplomats",
    "senator",
    "sen.",
    "rep.",
    "congressman",
    "congresswoman",
    "mp",
    "mps",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "councillor",
    "alderman",
    "governor",
    "gov.",
    "mayor",
    "judge",
    "justice",
    "magistrate",
    "prosecutor",
    "prosecutors",
    "sheriff",
    "commissioner",
    "superintendent",
    "supt",
    "inspector",
    "detective",
    "sergeant",
    "constable",
    "general",
    "gen.",
    "admiral",
    "colonel",
    "col.",
    "commander",
    "cmdr.",
    "adm.",
    "maj.",
    "capt.",
    "sgt.",
    "det.",
    "insp.",
    "cpl.",
    "pvt.",
    "brig.",
    "amb.",
    "cllr.",
    "cllr",
    "investigators",
    "detectives",
    "deputies",
    "troops",
    "king",
    "queen",
    "emir",
    "sultan",
    "official",
    "officials",
    "authorities",
    "officers",
    "officer",
    "regulators",
    "regulator",
    "policymakers",
    *LOCAL_TITLES,
    *(f"{service} {head}" for service in LOCAL_SERVICES for head in LOCAL_SERVICE_HEADS),
    # The same heads written before their service: "Director of Public Works Ana Pires".
    *(f"{head} of {service}" for service in LOCAL_SERVICES for head in LOCAL_SERVICE_HEADS),
)

# Titles and ranks as news style abbreviates them before a name (a documented class:
# AP-style military and police ranks, "Amb.", "Cllr."): "Sgt. Ada Lorne" is a sergeant.
ABBREVIATED_TITLES = {
    "sen": "senator",
    "del": "delegate",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "col": "colonel",
    "supt": "superintendent",
    "cmdr": "commander",
    "adm": "admiral",
    "capt": "captain",
    "sgt": "sergeant",
    "det": "detective",
    "insp": "inspector",
    "cpl": "corporal",
    "pvt": "private",
    "brig": "brigadier",
    "amb": "ambassador",
    "cllr": "councillor",
    **UK_POLICE_RANKS,
}

# Offices written as capital initials (a documented class): "AG Lynch", "the DA's office",
# "Pakistan PM Imran Khan". Read only in capitals and before a name or a possessive, so
# "4 PM" or "Da" in a name are not offices.
OFFICE_INITIALS = {
    "AG": "attorney general",
    "DA": "district attorney",
    "ADA": "assistant district attorney",
    "DPP": "director of public prosecutions",
    "PM": "prime minister",
    "CM": "chief minister",
    # Police ranks as South Asian English-language papers write them: "DSP Ravi Tandel".
    "IGP": "inspector-general of police",
    "DIG": "deputy inspector general of police",
    "SSP": "senior superintendent of police",
    "ASP": "assistant superintendent of police",
    "DSP": "deputy superintendent of police",
    "DCP": "deputy commissioner of police",
    "ACP": "assistant commissioner of police",
    "SHO": "station house officer",
}
# Offices in initials read only after "the" with nothing after them ("the CS said", "the
# PS"), as Kenyan papers refer back to a Cabinet or Principal Secretary: before a name the
# letters are often a person's initials ("CS Lewis").
THE_OFFICE_INITIALS = {"CS": "cabinet secretary", "PS": "principal secretary"}
# British police ranks in initials (a documented class): "DCI Ana Pires", "PC Tom Arlen".
# Several are other things too ("DC Comics", "Washington DC", "PC World"), so they count
# only right before the holder's name (officials._police_initials).
POLICE_INITIALS = {
    "DCS": "detective chief superintendent",
    "DCI": "detective chief inspector",
    "DI": "detective inspector",
    "DS": "detective sergeant",
    "DC": "detective constable",
    "PC": "police constable",
    "PCSO": "police community support officer",
}

# Metonyms that are common words in lower case ("the number 10 bus"): read only as written
# with a capital, officials._body_match.
CAPITALISED_BODIES = ("number 10", "no 10", "no. 10")

# Central banks by name (a documented class): the "bank" disqualifier does not apply to
# them. Listed as written, since a commercial bank may carry a country's name too ("Bank
# of America", "Bank of China", "Bank of Ireland", "National Bank of Kuwait", "Royal Bank
# of Canada", "Bank of Nova Scotia", "State Bank of India"); a name matched inside a longer
# capitalised one ("Royal Bank of Canada") is not the central bank (officials.central_bank).
# "Central Bank of <country>", "Reserve Bank of <country>" and "the Federal Reserve" are
# read by their generic words (_CENTRAL_BANK_RE).
CENTRAL_BANKS = tuple(
    name.strip()
    for name in """Bank of England|Bank of Canada|Bank of Japan|Bank of Korea|Bank of Jamaica|
    Bank of Ghana|Bank of Israel|Bank of Mexico|Bank of Thailand|Bank of Russia|Bank of Italy|
    Bank of Spain|Bank of France|Bank of Greece|Bank of Portugal|Bank of Finland|
    Bank of Estonia|Bank of Latvia|Bank of Lithuania|Bank of Slovenia|Bank of Albania|
    Bank of Algeria|Bank of Uganda|Bank of Tanzania|Bank of Zambia|Bank of Botswana|
    Bank of Namibia|Bank of Mauritius|Bank of Sierra Leone|Bank of Guyana|
    Bank of Papua New Guinea|Bank of South Sudan|Bank of Sudan|Bank of Mozambique|
    Bank of Tonga|Bank of Guatemala|Bank of the Republic|Bank of Central African States|
    Bundesbank|Deutsche Bundesbank|Banque de France|Banca d'Italia|Banco de España|
    Banco de Mexico|Banco de México|De Nederlandsche Bank|Swiss National Bank|
    Czech National Bank|National Bank of Poland|National Bank of Belgium|
    National Bank of Ukraine|National Bank of Romania|National Bank of Serbia|
    National Bank of Hungary|Hungarian National Bank|National Bank of Georgia|
    National Bank of Kazakhstan|National Bank of Ethiopia|National Bank of Rwanda|
    National Bank of Cambodia|National Bank of Moldova|Danmarks Nationalbank|Riksbank|
    Sveriges Riksbank|Norges Bank|People's Bank of China|People’s Bank of China|
    State Bank of Pakistan|State Bank of Vietnam|Bank Negara Malaysia|Bank Negara|
    Bank Indonesia|Bangladesh Bank|Nepal Rastra Bank|Bank Al-Maghrib|Bank of Uganda|
    Eastern Caribbean Central Bank|European Central Bank""".split("|")
)

# Government bodies and their metonyms.
BODIES = (
    "the kremlin",
    "kremlin",
    "white house",
    "pentagon",
    "state department",
    "downing street",
    "ministry",
    "department of",
    "department",
    "government",
    "administration",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "legislature",
    "security council",
    "city council",
    "commission",
    "agency",
    "bureau",
    "foreign office",
    "home office",
    "police",
    "military",
    "army",
    "navy",
    "air force",
    "armed forces",
    "court",
    "tribunal",
    "central bank",
    "federal reserve",
    "the fed",
    "treasury",
    "embassy",
    "regime",
    "fbi",
    "cia",
    "nsa",
    "nasa",
    "fda",
    "cdc",
    "epa",
    "dhs",
    "doj",
    "irs",
    "nhs",
    "who",
    "imf",
    "united nations",
    "un",
    "nato",
    "european union",
    "eu",
    "world bank",
    "paho",
    "esa",
    "iaea",
    "intelligence",
    "the feds",
    "homeland security",
    "statistical institute",
    "statistics institute",
    "institute of statistics",
    "statistics bureau",
    "health organization",
    "monetary fund",
    "the centre",
    "statistical office",
    "statistics office",
    "office for national statistics",
    "statistics agency",
    "census bureau",
    "public health",
    "health department",
    "health ministry",
    "fire department",
    "fire service",
    "ambulance service",
    "coast guard",
    "national guard",
    "border force",
    "customs",
    "electoral commission",
    "election commission",
    "prosecutor's office",
    "prosecution service",
    "city hall",
    "municipality",
    "county",
    "inspectorate",
    "constabulary",
    "gendarmerie",
    "monetary authority",
    "authority",
    "authorities",
    "council of medical research",
    "research council",
    "world health organization",
    "space agency",
    "reserve bank",
    "development bank",
    "legislation",
    "regulations",
    "ruling",
    "indictment",
    "affidavit",
    # Other papers a prosecution files or a court issues (court records, guidelines 5).
    "charging documents",
    "charging document",
    "criminal complaint",
    "arrest warrant",
    "search warrant",
    # The prosecution in a trial: "the prosecution said", "Ada Lorne, for the Crown".
    "the prosecution",
    "for the prosecution",
    "for the crown",
    # Public boards of schools and counties.
    "school board",
    "board of education",
    "board of supervisors",
    "school district",
    # Intergovernmental organisations known by name (a documented class: regional blocs,
    # leagues and UN bodies); acronyms are in STATE_ACRONYMS.
    "african union",
    "arab league",
    "league of arab states",
    "caribbean community",
    "organization of american states",
    "organisation of american states",
    "world trade organization",
    "european commission",
    "european central bank",
    "interpol",
    "europol",
    "world food programme",
    # The US federal health and standards research agencies, named "National Institute(s)
    # of ...": public agencies, where "institute" alone is a think tank's word.
    "national institutes of health",
    "national institute of allergy and infectious diseases",
    "national cancer institute",
    "national institute of mental health",
    "national institute on drug abuse",
    "national institute on aging",
    "national institute of environmental health sciences",
    "national institute of standards and technology",
    # Seats of government that stand for the executive in the press (a documented class,
    # like "the Kremlin" and "Downing Street" above).
    "elysee",
    "élysée",
    "elysée",
    "quai d'orsay",
    "zhongnanhai",
    "kantei",
    "casa rosada",
    "planalto",
    "miraflores palace",
    "malacanang",
    "malacañang",
    "rashtrapati bhavan",
    "foggy bottom",
    "chancellery",
    # Armed forces and their staffs known by name: "Israel Defense Forces", "the Kenya
    # Defence Forces", "the Joint Chiefs of Staff"; acronyms are in STATE_ACRONYMS.
    "defense forces",
    "defence forces",
    "defence force",
    "defense force",
    "self-defense forces",
    "joint chiefs",
    "inter-services public relations",
    "people's liberation army",
    # Electoral bodies, which elsewhere are councils, tribunals or courts.
    "electoral council",
    "electoral tribunal",
    "electoral court",
    "board of elections",
    "elections board",
    # Canada's federal departments are named "<field> Canada" (a documented class; "Air
    # Canada" and "Bell Canada" are companies and stay out).
    "global affairs canada",
    "health canada",
    "transport canada",
    "statistics canada",
    "environment canada",
    "environment and climate change canada",
    "public safety canada",
    "fisheries and oceans canada",
    "parks canada",
    "elections canada",
    "immigration, refugees and citizenship canada",
    "employment and social development canada",
    "infrastructure canada",
    "innovation, science and economic development canada",
    "charity commission",
    # The hospital trusts of the National Health Service: "Harlow NHS Foundation Trust".
    "nhs foundation trust",
    "nhs trust",
    *LOCAL_BODIES,
    # Widely known British bodies and metonyms (a documented class; the issue counts widely
    # known names as acronyms defined in the text are): the prime minister's office by its
    # address, the civil service by its street, the Metropolitan Police by its headquarters,
    # the regulators of schools, broadcasting, energy and water.
    *CAPITALISED_BODIES,
    "whitehall",
    "scotland yard",
    "ofsted",
    "ofcom",
    "ofgem",
    "ofwat",
    # The office of a head of state, as Nigerian, Ghanaian and South African papers name it.
    "the presidency",
    # Seats of government and legislatures named for their buildings (a documented class,
    # as "Kremlin", "White House" and "Downing Street" are): the Northern Ireland Executive
    # and Assembly, the Scottish Parliament and Government, the Welsh Senedd, the Irish
    # Oireachtas and Dáil, the presidencies of Kenya, Uganda, Zambia and Tanzania (State
    # House), Nigeria (Aso Rock) and South Africa (Union Buildings); the Élysée is above.
    "stormont",
    # The houses of the UK Parliament and the civil service ("the Commons health committee",
    # "head of the civil service"; "Creative Commons" does not read "the commons").
    "house of commons",
    "house of lords",
    "the commons",
    "civil service",
    "holyrood",
    "senedd",
    "oireachtas",
    "dáil",
    "leinster house",
    "state house",
    "aso rock",
    "aso villa",
    "union buildings",
    # The Bank of England and British departments by their initials in mixed case, as the
    # papers write them ("the BoE said", "an MoD spokesman", "a DfE spokesperson", "Defra";
    # read only so written: "mod" and "Boe" are words and names).
    "boe",
    "mod",
    "moj",
    "dfe",
    "dft",
    "defra",
)

# Widely known acronyms of state and intergovernmental bodies, matched only as written in
# capitals ("the FAA said"); an acronym the article defines itself is read from the text.
STATE_ACRONYMS = frozenset(
    """FAA NTSB FEMA DEA ATF ICE CBP TSA USDA SEC FTC FCC NOAA NIH HHS DOD DOE DOJ DHS HUD
    NSC NORAD NYPD LAPD FDNY OSHA NLRB CFPB USCIS USPS GAO CBO EPA FDA CDC NASA FBI CIA NSA
    IRS NHS ONS MOD RCMP PSNI HMRC DVLA OFSTED UNICEF UNHCR UNESCO UNDP WFP WTO OECD OPEC
    ASEAN ECOWAS CARICOM OAS IDB ADB ECB BIS ILO FAO IAEA ICC ICJ OSCE NATO IMF WHO PAHO
    ESA EU UN AU IDF PLA JCS
    DWP DHSC FCDO DCMS DEFRA BEIS CPS SFO NCA HSE DVSA UKHSA MHRA OBR CMA IOPC HMPPS
    EFCC ICPC NDLEA INEC NCDC KRA IEBC SAPS SANDF IPID RBI SEBI ECI CAG MHA MEA ICMR NIA
    ISPR SBP CRA CBSA ACCC APRA RBA RBNZ JCF TTPS""".split()
)
# The second block: widely known state bodies of the UK (departments, prosecutors, police
# agencies, regulators) and of Commonwealth states (anti-graft, electoral, revenue, police
# and statistics bodies, central banks), read only in capitals. Left out where the letters
# name something else as often: CBI (a British employers' group), FCA (a carmaker), NPA (an
# armed group), CBN (a broadcaster), CSIS (a think tank), NAB (a bank), FIA (motor sport).
# Occupations that disqualify a speaker who talks for himself, but not one who works for
# a state body: "IMF chief economist", "NASA scientists", "a Fed analyst".
IN_ROLE_OCCUPATIONS = frozenset(
    """analyst analysts expert experts researcher researchers scientist economist economists
    strategist strategists epidemiologist""".split()
)
# Party words that do not disqualify a legislator: "Senate Republicans", "GOP lawmakers".
PARTY_WORDS = frozenset("party gop democrats republicans opposition".split())
LEGISLATIVE = frozenset(
    """senate senator senators sen house congress congressman congresswoman congressmen
    representative representatives rep lawmaker lawmakers legislator legislators legislature
    parliament mp mps assembly assemblyman assemblywoman caucus councilmember councilmembers
    councilman councilwoman councillor councillors""".split()
)

# Head nouns that make a capitalised name a state body by its structure: "Napa County
# Public Works Department", "Customs and Border Protection Office", "the Special Economic
# Zone Authority". Disqualifiers (party, company, university ...) are checked first.
BODY_HEADS = frozenset(
    """agency agencies department ministry commission committee council office service
    administration authority bureau court courts command police constabulary inspectorate
    directorate tribunal assembly parliament senate congress legislature embassy consulate
    prosecutor prosecutors ombudsman treasury patrol guard protection customs forces army
    navy secretariat board division branch force""".split()
)
# Documents and data are official when a state modifier names their origin: "city data",
# "government figures", "police records", "census estimates".
STATE_MODIFIERS = frozenset(
    "city state federal government official census county municipal national police".split()
)
DATA_NOUNS = frozenset(
    "data figures statistics records estimates projections forecasts documents report".split()
)
