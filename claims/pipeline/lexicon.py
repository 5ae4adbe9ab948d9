"""Word lists for attribution detection, written as code.

The cue verbs come from general knowledge of reporting verbs (Krestel-style lists)
checked against cue frequencies in the PolNeAR train split; no corpus text is kept.
"""

from __future__ import annotations

# Reporting verbs whose complement is what the source said or holds.
# Irregular past forms are listed in IRREGULAR below.
SPEECH_LEMMAS = frozenset(
    """say tell add state announce write tweet report reply respond explain note mention
    remark comment observe recount recall quote read
    acknowledge admit concede confirm reaffirm reiterate repeat clarify indicate signal hint
    deny dismiss reject dispute rebut counter retort question
    argue assert claim contend insist maintain declare allege stress emphasize emphasise
    underscore suggest testify disclose reveal
    warn caution predict forecast estimate promise pledge vow threaten urge propose recommend
    demand order ask
    accuse charge blame criticize criticise condemn denounce decry slam blast lament complain
    praise tout boast brag joke muse concur agree conclude assure remind inform describe
    call cite find show rule point rubbish project continue scoff brush wave
    highlight speculate characterize characterise express voice determine hail push
    advise""".split()
)

# Stance/cognition verbs: attributed only when followed by a clause.
COGNITION_LEMMAS = frozenset(
    "believe think feel fear expect hope doubt suspect realise realize notice see want".split()
)
# Stance verbs that take an object and its complement: "the Fed sees unemployment falling",
# "the mayor wants the council to delay the vote", "expects prices to rise".
OBJECT_FRAME_LEMMAS = frozenset("see want expect".split())
# Views that are reported only when held: not "you will never see", "I didn't realize",
# "I want you to know" (a speaker's own wish, inside a speech).
HELD_VIEW_LEMMAS = frozenset("see want expect realise realize notice determine".split())
NOT_HELD = frozenset(
    """i you we would will can could might may not never n't don't didn't doesn't won't
    wouldn't hadn't haven't don’t didn’t doesn’t won’t wouldn’t hadn’t haven’t""".split()
)

IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "read": ("reads", "read", "reading"),
    "find": ("finds", "found", "finding"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "show": ("shows", "showed", "showing", "shown"),
    "see": ("sees",),  # not "saw": "I saw a guy careening down the hallway"
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
}

# Verbs that only cue an attribution in a fixed frame; detected by pattern, not alone.
AS_FRAME_LEMMAS = frozenset(
    """describe dismiss call portray characterize characterise brand label reject rubbish
    scoff brush wave criticize criticise denounce condemn slam blast decry praise hail
    tout""".split()
)


def _inflect(lemma: str) -> tuple[str, ...]:
    """Regular English inflections: -s, -ed, -ing, with the usual spelling changes."""
    if lemma in IRREGULAR:
        return (lemma, *IRREGULAR[lemma])
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return (lemma, lemma + "s", lemma + "d", stem + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        stem = lemma[:-1]
        return (lemma, stem + "ies", stem + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    doubled = {
        "admit": "admitt",
        "regret": "regrett",
        "rebut": "rebutt",
        "commit": "committ",
        "slam": "slamm",
        "brag": "bragg",
    }
    if lemma in doubled:
        stem = doubled[lemma]
        return (lemma, lemma + "s", stem + "ed", stem + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


# Forms that are nearly always nouns in news ("the states", "worried voters").
# "pushes" is a noun ("the party's pushes for reform").
NOUN_FORMS = frozenset(
    {"states", "state", "point", "points", "pledges", "orders", "rules", "pushes"}
)


def _forms(lemmas: frozenset[str]) -> dict[str, str]:
    forms = {form: lemma for lemma in lemmas for form in _inflect(lemma)}
    return {form: lemma for form, lemma in forms.items() if form not in NOUN_FORMS}


SPEECH_FORMS: dict[str, str] = _forms(SPEECH_LEMMAS)
COGNITION_FORMS: dict[str, str] = _forms(COGNITION_LEMMAS)

# Lemmas too ambiguous to stand as a cue without a clause or quote after them.
WEAK_LEMMAS = frozenset(
    """call post order rule find show read question point charge agree signal
    observe counter repeat praise maintain find blame criticize criticise condemn denounce reject
    decry slam blast tout remind inform indicate recall demand recommend propose cite
    threaten continue project scoff brush wave express voice determine characterize
    characterise highlight hail push advise""".split()
)

# Speech acts whose noun-phrase object is what was said (guidelines rule 1.2): "proposed a
# tax on hotels", "criticized the ruling". A proposal or a criticism is voiced; an attitude
# with only an object ("welcomed the ruling", "praised the crews") is not listed.
NP_OBJECT_LEMMAS = frozenset(
    "propose criticize criticise condemn denounce decry slam blast reject".split()
)
# "reject" is also a vote ("voters rejected the measure"): only a claim rejected is a
# statement ("rejected the allegations", "rejected Lorne's claim that ...").
REJECTED_CLAIMS = frozenset(
    """allegation allegations accusation accusations claim claims charge charges criticism
    criticisms suggestion suggestions notion idea assertion assertions report reports rumor
    rumors rumour rumours remarks comments characterization characterisation label premise
    concerns assessment findings""".split()
)
# Instruments moved in a chamber (a budget too): proposing one is a procedural act, like a vote
# ("Deonarine proposed an amendment to her original motion" is labelled unattributed).
MOVED_INSTRUMENTS = frozenset(
    """amendment amendments motion motions bill bills resolution resolutions ordinance
    ordinances budget budgets""".split()
)
# Physical senses of the strong judging verbs: "slammed the door", "a storm blasted the coast".
STRUCK_OBJECTS = frozenset(
    "door doors brakes ball coast island region area city town rock rocks music".split()
)
# Words that make 'called X a ...' a time or an errand, not a judgement: "called the vote a
# day early", "called it a night", "called her a cab".
CALLED_NOT_JUDGED = frozenset(
    """second third few couple number lot total time times day days week weeks month months
    year years night morning minute minutes hour hours cab taxi""".split()
)
# Adjectives of evaluation, the complement of 'called X wrong' (a documented class); words
# ending in these suffixes are evaluative adjectives too ("outrageous", "irresponsible",
# "shameful", "baseless").
EVALUATIVE_ADJECTIVES = frozenset(
    """wrong right unfair fair unjust unacceptable ridiculous absurd dangerous reckless
    unconstitutional illegal unlawful false misleading premature racist sexist offensive
    inappropriate appalling deplorable irrelevant unnecessary unworkable unprecedented historic
    important significant good great bad terrible horrible excellent reasonable correct
    incorrect flawed naive silly stupid crazy insane dishonest dumb weak strong unfortunate
    regrettable sad tragic cynical political partisan un-american""".split()
)
EVALUATIVE_SUFFIXES = ("ous", "ible", "able", "ful", "less")

# Common irregular past forms: the main verb of "Cruz took the stage ..., saying ...".
IRREGULAR_PAST = frozenset(
    """went took struck made gave held came kept left met ran sent spoke stood brought began
    broke chose drew drove fell fought got grew knew led lost paid rose saw sought spent
    threw won wore hit put set shot heard""".split()
)

# Words that make a following "said" an adjective or a passive form, not a cue.
PASSIVE_AUX = frozenset("is are was were be been being get got".split())
AUX = frozenset(
    """has have had will would could should might may must can did does do also
    reportedly repeatedly previously later then again once often long consistently already
    publicly privately earlier recently still now never not n't first further""".split()
) | frozenset(  # contractions are one token: "isn't saying", "didn't suggest"
    f"{verb}{mark}t"
    for verb in "isn wasn aren weren doesn didn hasn haven hadn won wouldn couldn don".split()
    for mark in ("'", "’")
)
# Words ending in -ly that are no adverbs, so never part of a verb group: "the national
# assembly said", "the victim's family said", "our allies said" ("ally"), "will reply".
LY_NOT_ADVERBS = frozenset(
    """family assembly ally rally supply monopoly anomaly homily tally bully belly jelly
    apply reply rely comply imply multiply fly""".split()
)


def ly_adverb(word: str) -> bool:
    """A lowercased word read as an adverb by its ending: "quickly", not "assembly"."""
    return word.endswith("ly") and word not in LY_NOT_ADVERBS


DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())

PRONOUNS = frozenset("he she they it i we you who which".split())

# Left-hand words that end a subject noun phrase when walking back from a cue.
CLAUSE_BREAKERS = frozenset(
    """that and but or because while when whereas although though so than if since unless until
    whether where why how what as then also yet nor which is are was were be been being
    has have had do does did will would could should might may must can not never to""".split()
)

PREPOSITIONS = frozenset(
    """in on at during after before following since for from with without by of about over
    under into onto through throughout amid among between despite like near upon via""".split()
)

# Words that introduce a recipient or a circumstance between a cue and its content.
RECIPIENTS = frozenset(
    """reporters journalists me us him her them you lawmakers supporters voters""".split()
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr supt insp det st rev
    hon amb pres sr jr vs etc inc corp co ltd no nos fig jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft dept univ assn bros gens sens reps cpl pvt atty gov't approx est brig
    cllr""".split()
)

# Words that typically start a sentence after "U.S." or another dotted abbreviation.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i this that these those there but and in on at as after
    before however meanwhile still yet so his her their its our while when if""".split()
)

# Words that may sit inside a source noun phrase between its content words.
NP_GLUE = frozenset("of for at in from 's ’s - & the".split())

# Words that end a noun phrase when they follow 'on', 'last' or 'this'.
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    jan feb aug sept oct nov dec morning afternoon evening night week month year""".split()
)

# Predicate adjectives of stance: "was concerned (that) ...", "is confident that ...".
STANCE_ADJECTIVES = frozenset(
    """concerned worried confident optimistic hopeful convinced adamant sceptical skeptical
    pessimistic""".split()
)
BE_FORMS = frozenset("is are was were be been being remain remains remained".split())
# "made the announcement", "issued a statement": a statement given, its content elsewhere.
ISSUED_STATEMENTS = frozenset("statement announcement communique communiqué".split())
ISSUING = frozenset("made makes make issued issues issue released releases release".split())
