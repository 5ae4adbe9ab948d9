"""A fact-check's headline and address, from the statement it checks."""

from __future__ import annotations

import re

from django.utils.text import slugify

HEADLINE_LENGTH = 110  # characters: what a search result or a feed reader shows whole
SLUG_WORDS = 100  # characters of the slug taken from the text, before the review's id
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_DECIMAL_RE = re.compile(r"(?<=\d)[.,](?=\d)")


def default_headline(statement: str) -> str:
    """The statement as a headline: no closing full stop, cut at a word when too long."""
    headline = " ".join(statement.split())
    if headline.endswith(".") and not headline.endswith("..."):
        headline = headline[:-1]
    if len(headline) <= HEADLINE_LENGTH:
        return headline
    cut = headline[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return f"{cut}…"


def fact_check_slug(text: str, review_id: int) -> str:
    """ "stocks-stood-at-2-3-million-tonnes-41": numbers keep their parts ("2.3" is not
    "23"), thousands separators go ("31,000" is 31000)."""
    words = _DECIMAL_RE.sub("-", _THOUSANDS_RE.sub("", text))
    return f"{slugify(words)[:SLUG_WORDS].strip('-') or 'claim'}-{review_id}"
