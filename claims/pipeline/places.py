"""Country and capital names that news uses as metonyms for a government ("Moscow denied")."""

from __future__ import annotations

COUNTRIES = frozenset(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bolivia bosnia botswana
    brazil bulgaria burkina burundi cambodia cameroon canada chad chile china colombia congo
    croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia
    eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada
    guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia
    lebanon lesotho liberia libya lithuania luxembourg madagascar malawi malaysia maldives mali
    malta mauritania mauritius mexico moldova mongolia montenegro morocco mozambique myanmar
    namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda senegal serbia
    seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland
    syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan uganda
    ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe""".split()
) | frozenset(
    [
        "north korea",
        "south korea",
        "saudi arabia",
        "south africa",
        "new zealand",
        "sri lanka",
        "united states",
        "united kingdom",
        "the u.s.",
        "u.s.",
        "the us",
        "the uk",
        "britain",
        "great britain",
        "trinidad and tobago",
        "united arab emirates",
        "ivory coast",
        "costa rica",
        "el salvador",
        "dominican republic",
        "east timor",
        "papua new guinea",
        "sierra leone",
        "south sudan",
        "north macedonia",
        "czech republic",
        "the centre",
    ]
)

CAPITALS = frozenset(
    """moscow beijing washington pyongyang seoul kyiv kiev tehran london paris berlin tokyo
    islamabad ankara damascus jerusalem riyadh cairo brussels canberra ottawa havana caracas
    minsk tbilisi baku yerevan kabul baghdad beirut amman doha abuja nairobi pretoria warsaw
    rome madrid lisbon athens vienna budapest prague bucharest sofia belgrade stockholm oslo
    copenhagen helsinki dublin bern hanoi bangkok manila jakarta taipei dhaka kathmandu
    colombo tripoli khartoum addis ababa kingston nassau""".split()
) | frozenset(["new delhi", "delhi", "mexico city", "buenos aires", "addis ababa"])

# Adjectives that make a title national ("Russian spokesman", "Pakistani foreign office").
DEMONYMS = frozenset(
    """russian chinese american british french german ukrainian korean iranian
    israeli palestinian syrian turkish indian pakistani japanese afghan iraqi saudi egyptian
    canadian mexican brazilian australian polish swedish norwegian danish finnish dutch belgian
    italian spanish portuguese greek hungarian romanian serbian belarusian georgian jamaican
    nigerian kenyan federal state national presidential foreign defense defence interior
    municipal provincial county city""".split()
)
