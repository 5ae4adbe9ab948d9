"""Grammatical gender of a speaker, so "she" does not resolve to a man.

Evidence, strongest first: an honorific ("Mr", "Ms"), a gendered role or kinship noun
("spokeswoman", "mother"), then a small list of common first names. Unknown is "".
"""

from __future__ import annotations

import re

_MALE = frozenset(
    """mr mr. sir lord king prince man father son husband brother uncle nephew grandfather boy
    spokesman congressman chairman councilman assemblyman businessman policeman
    fireman alderman""".split()
)
_FEMALE = frozenset(
    """ms ms. mrs mrs. miss madam dame lady queen princess woman mother daughter wife sister
    aunt niece grandmother girl spokeswoman congresswoman chairwoman councilwoman
    assemblywoman businesswoman policewoman alderwoman""".split()
)
# Common English-language first names; a short list is enough to break most ties.
_MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
    tyler aaron henry peter adam douglas nathan zachary walter kyle harold carl jeremy keith
    roger gerald ethan arthur terry christian sean lawrence austin joe noah jesse albert bryan
    billy bruce willie jordan dylan alan ralph gabriel roy juan wayne eugene logan randy louis
    russell vincent philip bobby johnny bradley bernie barack bill mike jim tom ted chris
    ahmed mohammed muhammad ali omar ivan vladimir sergei dmitry adrian lukas luca marco pavel
    tomas jonas jonah felix oscar hugo leon simon martin hans karl pierre""".split()
)
_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
    joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber
    marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
    rose alexis kayla hillary nikki carly sarah elena olga natalia fatima aisha lena ines carla
    sofia sophie eva nina clara petra hanna priya riya lucia marta ingrid astrid""".split()
)
_WORD_RE = re.compile(r"[a-z]+\.?")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def gender_of(phrase: str) -> str:
    """'m', 'f' or '' for a source phrase such as "Ms. Ada Lorne" or "the victim's mother"."""
    words = _WORD_RE.findall(phrase.lower())
    for word in words:
        if word in _MALE:
            return "m"
        if word in _FEMALE:
            return "f"
    for word in words:
        if word in _MALE_NAMES:
            return "m"
        if word in _FEMALE_NAMES:
            return "f"
    return ""
