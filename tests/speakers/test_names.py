"""One registry entry per real speaker: names normalised, anonymous descriptions filed once."""

import pytest

from claims.models import Speaker
from claims.services import articles
from claims.speaker_names import anonymous_speaker, speaker_key

RUSSIAN = "anonymous official of Russian government"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("the Department of Transport", "Department of Transport"),
        ("THE DEPARTMENT OF TRANSPORT", "Department  of  Transport."),
        ("Veltria’s Port Authority", "Veltria's Port Authority"),
        ("U.S. State Department", "US State Department"),
        ("Department of Health & Social Care", "Department of Health and Social Care"),
        ("“Kremlin”", "the Kremlin"),
        ("Jean-Marc Ostrander", "Jean Marc Ostrander"),
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert speaker_key(one) == speaker_key(other)
    assert speaker_key(speaker_key(one)) == speaker_key(one)  # a key is its own key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Department of Transport", "Department for Transport"),
        ("Ministry of Health", "Ministry of Health and Care"),
        ("Ann Lee", "Anne Lee"),
        ("People's Bank", "Peoples Bank"),
    ],
)
def test_distinct_names_keep_distinct_keys(one: str, other: str) -> None:
    assert speaker_key(one) != speaker_key(other)


@pytest.mark.parametrize(
    ("description", "filed_as"),
    [
        ("A senior Russian government official", RUSSIAN),
        (
            "a Kremlin official who asked not to be named",
            "anonymous official of Russian government",
        ),
        ("US officials", "anonymous official of American government"),
        ("A senior government official", "anonymous source"),
        ("an unnamed source", "anonymous source"),
        ("unnamed source", "anonymous source"),
        ("Officials familiar with the matter", "anonymous source"),
        ("A spokesperson who asked not to be named", "anonymous source"),
        ("two people briefed on the talks", "anonymous source"),
        ("someone at the council meeting", "anonymous source"),
        ("Auditors for the city council", "anonymous source"),
        ("another port operative", "anonymous source"),
        ("An anonymous official at the Ministry of Health", "anonymous source"),
        (RUSSIAN, RUSSIAN),
    ],
)
def test_descriptions_of_unnamed_people_are_filed_under_their_government(
    description: str, filed_as: str
) -> None:
    anonymous = anonymous_speaker(description)
    assert anonymous is not None and anonymous.name == filed_as


@pytest.mark.parametrize(
    "name",
    [
        "Ann Lee",
        "Kremlin spokesman Dmitry Peskov",
        "the Department of Transport",
        "Doctors Without Borders",
        "Physicians for Human Rights",
        "Farmers Union of Veltria",
        "A. J. Smith",
        "Anna Officials",
    ],
)
def test_names_are_not_descriptions(name: str) -> None:
    assert anonymous_speaker(name) is None


def ingest(slug: str, text: str) -> None:
    article = articles.article_submit(
        actor=None, url=f"https://harbour-ledger.example/{slug}", text=text, enqueue=False
    )
    articles.article_ingest(article_id=article.pk)


@pytest.mark.django_db
def test_a_body_named_with_and_without_the_is_one_registry_entry() -> None:
    ingest("fares", "The Department of Transport said rail fares would rise by 4.9 percent.")
    ingest("buses", "Buses were late, the Department of Transport said on Monday.")
    ingest("ferries", "Department of Transport said ferry fares would rise by 2 percent.")

    transport = Speaker.objects.filter(key="department of transport")
    assert Speaker.objects.filter(name__icontains="department of transport").count() == 1
    assert transport.get().appearances.count() == 3


@pytest.mark.django_db
def test_unnamed_officials_are_filed_as_anonymous_not_as_named_entries() -> None:
    ingest(
        "gas",
        "A senior Russian government official said gas exports to Europe would halve in May. "
        "According to an unnamed source, the Ministry of Finance plans to raise VAT to 22 "
        "percent. A senior government official said fuel subsidies would fall by 20 percent.",
    )
    ingest(
        "gas-2",
        "A Kremlin official who asked not to be named said pipeline repairs cost 40 billion "
        "roubles.",
    )

    names = set(Speaker.objects.values_list("name", flat=True))
    assert "anonymous official of Russian government" in names
    assert "anonymous source" in names
    assert not {n for n in names if n.lower().startswith(("a ", "an ", "unnamed"))}
    russian = Speaker.objects.get(name="anonymous official of Russian government")
    assert russian.appearances.count() == 2 and russian.title == ""
    assert russian.body is not None and russian.body.name == "Russian government"
    assert Speaker.objects.get(name="anonymous source").appearances.count() == 2
