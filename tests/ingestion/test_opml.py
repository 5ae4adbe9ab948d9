"""OPML import and export: the feed list in and out, idempotent, parsed safely."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from claims.models import Feed
from claims.services import feeds
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

OUTLETS = ["The Calder Ledger", "Northbridge Wire", "Velmora Daily", "Harbour Times", ""]


def follow_500() -> None:
    for n in range(500):
        outlet = OUTLETS[n % len(OUTLETS)]
        host = (outlet or "independent").lower().replace(" ", "")
        feeds.feed_create(
            actor=None, url=f"https://{host}.example/feeds/{n}.xml", name=f"Desk {n}", outlet=outlet
        )


def opml(*outlines: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8'?><opml version='2.0'><head><title>Reader</title>"
        f"</head><body>{''.join(outlines)}</body></opml>"
    ).encode()


def test_500_feeds_round_trip_through_export_and_import_into_an_empty_desk(erin) -> None:
    follow_500()
    exported = client_for(erin).get("/api/v1/feeds/opml/")
    assert exported.status_code == 200 and exported["Content-Type"].startswith("text/x-opml")
    Feed.objects.all().delete()

    report = (
        client_for(erin)
        .post("/api/v1/feeds/opml/", exported.content, content_type="text/x-opml")
        .json()
    )

    assert (len(report["added"]), report["skipped"], report["refused"]) == (500, [], [])
    assert Feed.objects.filter(outlet="Velmora Daily").count() == 100
    assert client_for(erin).get("/api/v1/feeds/opml/").content == exported.content


def test_importing_the_same_list_twice_adds_nothing_and_says_why(erin) -> None:
    document = opml(
        '<outline text="Wire"><outline type="rss" text="Economy" '
        'xmlUrl="https://wire.example/economy.xml"/></outline>',
        '<outline type="rss" text="Ledger" xmlUrl="https://ledger.example/rss"/>',
        '<outline type="rss" text="Old" xmlUrl="ftp://archive.example/feed"/>',
    )

    first = client_for(erin).post("/api/v1/feeds/opml/", document, content_type="text/xml").json()
    again = client_for(erin).post("/api/v1/feeds/opml/", document, content_type="text/xml").json()

    assert [item["url"] for item in first["added"]] == [
        "https://wire.example/economy.xml",
        "https://ledger.example/rss",
    ]
    assert first["refused"][0]["url"] == "ftp://archive.example/feed"
    assert again["added"] == [] and len(again["skipped"]) == 2
    assert {item["reason"] for item in again["skipped"]} == {"already followed"}
    assert Feed.objects.get(url="https://wire.example/economy.xml").outlet == "Wire"
    assert Feed.objects.count() == 2


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.example/rss"/></body>'
        b"</opml>",
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml version="2.0"><body><outline text="&x;" xmlUrl="https://x.example/rss"/></body>'
        b"</opml>",
        b"<opml><body><outline",
        b"<rss version='2.0'><channel><title>Not a list</title></channel></rss>",
    ],
)
def test_a_hostile_or_broken_document_is_a_400_and_adds_nothing(erin, document: bytes) -> None:
    response = client_for(erin).post("/api/v1/feeds/opml/", document, content_type="text/xml")

    assert response.status_code == 400 and "OPML" in response.json()["detail"]
    assert not Feed.objects.exists()


def test_a_checker_can_neither_export_nor_import(alice) -> None:
    assert client_for(alice).get("/api/v1/feeds/opml/").status_code == 403
    response = client_for(alice).post("/api/v1/feeds/opml/", opml(), content_type="text/xml")
    assert response.status_code == 403


def test_the_commands_export_and_import_the_list(tmp_path: Path) -> None:
    feeds.feed_create(actor=None, url="https://ledger.example/rss", name="Ledger", outlet="Ledger")
    path = tmp_path / "feeds.opml"
    call_command("export_opml", str(path))
    Feed.objects.all().delete()
    out = StringIO()

    call_command("import_opml", str(path), stdout=out)

    assert "1 added, 0 skipped (already followed), 0 refused" in out.getvalue()
    assert Feed.objects.get().name == "Ledger"


def test_the_desk_exports_the_list_and_imports_a_readers_file(client, erin) -> None:
    feeds.feed_create(actor=None, url="https://ledger.example/rss", name="Ledger", outlet="Ledger")
    client.force_login(erin)
    exported = client.get("/desk/feeds/opml/")
    Feed.objects.all().delete()
    upload = SimpleUploadedFile("feeds.opml", exported.content, content_type="text/x-opml")

    response = client.post("/desk/feeds/opml/", {"document": upload}, follow=True)

    assert b'xmlUrl="https://ledger.example/rss"' in exported.content
    assert "1 added, 0 skipped (already followed), 0 refused" in response.content.decode()
    assert Feed.objects.get().outlet == "Ledger"


def test_the_desk_import_still_needs_the_forms_csrf_token(erin) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(erin)
    document = opml('<outline type="rss" text="Ledger" xmlUrl="https://ledger.example/rss"/>')
    upload = SimpleUploadedFile("feeds.opml", document, content_type="text/x-opml")

    response = browser.post("/desk/feeds/opml/", {"document": upload})

    assert response.status_code == 403 and not Feed.objects.exists()
