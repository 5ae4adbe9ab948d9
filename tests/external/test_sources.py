"""Fact-check sources: polled safely, imported idempotently, health kept like feeds."""

import pytest
from django.db import IntegrityError

from claims.external_models import ExternalFactCheck, FactCheckPage, FactCheckSource
from claims.pipeline.claimreview import ClaimReviewError
from claims.pipeline.feeds import FeedError
from claims.pipeline.fetch_errors import HTTPStatusError, TooLarge
from claims.services.factcheck_sources import (
    factcheck_page_fetch,
    factcheck_source_create,
    factcheck_source_poll,
    factcheck_sources_poll_due,
)
from factcheck.errors import Conflict, InvalidInput
from tests.external.conftest import HTML, JSON, RSS, data_feed, fixture_bytes, review, rss
from tests.httpserver import LocalHTTPServer

pytestmark = pytest.mark.django_db


def _source(server: LocalHTTPServer, path: str, name: str = "Meridian FactWatch") -> int:
    return factcheck_source_create(actor=None, url=server.url(path), name=name).pk


def test_a_data_feed_is_imported_with_every_field(server: LocalHTTPServer, prefix: str) -> None:
    server.respond(f"{prefix}/feed.json", body=fixture_bytes("datafeed.json"), headers=JSON)
    source_id = _source(server, f"{prefix}/feed.json")

    result = factcheck_source_poll(source_id=source_id)

    assert (result.created, result.updated, result.skipped) == (3, 0, 1)
    water = ExternalFactCheck.objects.get(url="https://meridianfact.example/checks/water-plant")
    assert water.publisher == "Meridian FactWatch"
    assert water.claimant == "Greta Lindqvist"
    assert water.claimant_title == "Mayor of Osterholm"
    assert (water.rating_text, water.rating_value) == ("Mostly true", 0.75)
    assert water.appearance_url == "https://osterholm-news.example/water"
    assert water.source_id == source_id
    french = ExternalFactCheck.objects.get(url__endswith="pont-valmont")
    assert french.language == "fr"
    source = FactCheckSource.objects.get(pk=source_id)
    assert source.kind == FactCheckSource.Kind.DATA_FEED
    assert (source.last_created, source.last_skipped, source.consecutive_failures) == (3, 1, 0)
    assert source.skipped_reasons == [
        {"where": "https://meridianfact.example/checks/unrated", "reason": "no reviewRating"}
    ]


def test_a_second_import_of_the_same_feed_changes_nothing(
    server: LocalHTTPServer, prefix: str
) -> None:
    server.respond(f"{prefix}/feed.json", body=fixture_bytes("datafeed.json"), headers=JSON)
    source_id = _source(server, f"{prefix}/feed.json")
    factcheck_source_poll(source_id=source_id)
    before = list(ExternalFactCheck.objects.order_by("id").values())

    again = factcheck_source_poll(source_id=source_id)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert list(ExternalFactCheck.objects.order_by("id").values()) == before


def test_a_changed_page_is_updated_but_never_by_an_older_version(
    server: LocalHTTPServer, prefix: str
) -> None:
    url = "https://meridianfact.example/checks/tunnel"
    path = f"{prefix}/feed.json"
    claim = "The tunnel opens in 2027."
    server.respond(
        path, body=data_feed(review(url, claim, dateModified="2026-11-02")), headers=JSON
    )
    source_id = _source(server, path)
    factcheck_source_poll(source_id=source_id)

    newer = review(url, claim, rating="Mostly false", dateModified="2026-11-09")
    server.respond(path, body=data_feed(newer), headers=JSON)
    updated = factcheck_source_poll(source_id=source_id)
    older = review(url, claim, rating="Stale rating", dateModified="2026-11-05")
    server.respond(path, body=data_feed(older), headers=JSON)
    stale = factcheck_source_poll(source_id=source_id)

    assert (updated.updated, stale.updated, stale.unchanged) == (1, 0, 1)
    check = ExternalFactCheck.objects.get(url=url)
    assert check.rating_text == "Mostly false"
    assert check.date_modified.date().isoformat() == "2026-11-09"


def test_polls_are_conditional(server: LocalHTTPServer, prefix: str) -> None:
    path = f"{prefix}/feed.json"
    body = data_feed(review("https://checks.example/a", "Fares fell by half."))

    def conditional(request) -> None:
        if request.headers.get("If-None-Match") == '"v1"':
            request.reply(304, headers={"ETag": '"v1"'})
        else:
            request.reply(200, body, {**JSON, "ETag": '"v1"'})

    server.route(path, conditional)
    source_id = _source(server, path)
    factcheck_source_poll(source_id=source_id)

    second = factcheck_source_poll(source_id=source_id)

    assert second.not_modified
    source = FactCheckSource.objects.get(pk=source_id)
    assert (source.etag, source.last_status, source.last_created) == ('"v1"', 304, 1)


def test_a_feed_of_fact_check_pages_becomes_pages_then_fact_checks(
    server: LocalHTTPServer, prefix: str
) -> None:
    server.respond(f"{prefix}/a", body=fixture_bytes("single_person.html"), headers=HTML)
    server.respond(f"{prefix}/b", body=fixture_bytes("several_on_one_page.html"), headers=HTML)
    server.respond(f"{prefix}/c", body=b"<html><body>No markup</body></html>", headers=HTML)
    links = [server.url(f"{prefix}/{p}") for p in "abc"] + ["http://10.0.0.7/private"]
    server.respond(f"{prefix}/rss", body=rss(*links), headers=RSS)
    source_id = _source(server, f"{prefix}/rss")

    poll = factcheck_source_poll(source_id=source_id, enqueue=False)
    pages = [factcheck_page_fetch(page_id=pk) for pk in poll.page_ids]

    assert len(poll.page_ids) == 3
    assert [page.created for page in pages if page] == [1, 3, 0]
    assert ExternalFactCheck.objects.filter(source_id=source_id).count() == 4
    relative = ExternalFactCheck.objects.get(claim_reviewed__startswith="The hospital budget")
    assert relative.url == server.url("/roundup/budget-debate")  # resolved against the page
    empty = FactCheckPage.objects.get(url=links[2])
    assert empty.error == "no ClaimReview markup on the page"
    source = FactCheckSource.objects.get(pk=source_id)
    assert source.kind == FactCheckSource.Kind.FEED
    assert source.skipped_reasons[0]["reason"] == "refused: 10.0.0.7 is a private address"


def test_a_second_poll_of_a_feed_fetches_no_page_again(
    server: LocalHTTPServer, prefix: str
) -> None:
    server.respond(f"{prefix}/a", body=fixture_bytes("single_person.html"), headers=HTML)
    server.respond(f"{prefix}/rss", body=rss(server.url(f"{prefix}/a")), headers=RSS)
    source_id = _source(server, f"{prefix}/rss")
    for pk in factcheck_source_poll(source_id=source_id, enqueue=False).page_ids:
        factcheck_page_fetch(page_id=pk)

    again = factcheck_source_poll(source_id=source_id, enqueue=False)
    refetch = factcheck_page_fetch(page_id=FactCheckPage.objects.get().pk)

    assert again.page_ids == []
    assert refetch is None
    assert server.hits(f"{prefix}/a") == 1


def test_a_broken_source_records_its_failure_and_backs_off(
    server: LocalHTTPServer, prefix: str
) -> None:
    server.respond(f"{prefix}/gone", status=404)
    source_id = _source(server, f"{prefix}/gone")

    with pytest.raises(HTTPStatusError):
        factcheck_source_poll(source_id=source_id)

    source = FactCheckSource.objects.get(pk=source_id)
    assert source.consecutive_failures == 1
    assert source.last_status == 404
    assert "HTTP 404" in source.last_error
    assert not source.healthy


def test_a_source_that_is_neither_feed_nor_data_feed_is_refused_with_a_reason(
    server: LocalHTTPServer, prefix: str
) -> None:
    server.respond(f"{prefix}/recipe", body=b'{"@type": "Recipe"}', headers=JSON)
    source_id = _source(server, f"{prefix}/recipe")

    with pytest.raises(ClaimReviewError):
        factcheck_source_poll(source_id=source_id)

    assert "not a ClaimReview data feed" in FactCheckSource.objects.get(pk=source_id).last_error


def test_a_feed_with_entity_declarations_is_refused_before_parsing(
    server: LocalHTTPServer, prefix: str
) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<rss version="2.0"><channel><title>&b;</title></channel></rss>'
    )
    server.respond(f"{prefix}/laughs.xml", body=laughs, headers=RSS)
    source_id = _source(server, f"{prefix}/laughs.xml")

    with pytest.raises(FeedError):
        factcheck_source_poll(source_id=source_id)

    source = FactCheckSource.objects.get(pk=source_id)
    assert "entity declarations are not allowed" in source.last_error
    assert source.consecutive_failures == 1


def test_a_data_feed_over_the_size_cap_is_refused(
    server: LocalHTTPServer, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claims.fetching.SOURCE_MAX_BYTES", 10_000)
    body = data_feed(*(review(f"https://c.example/{n}", "Rents fell.") for n in range(200)))
    server.respond(f"{prefix}/big.json", body=body, headers=JSON)
    source_id = _source(server, f"{prefix}/big.json")

    with pytest.raises(TooLarge):
        factcheck_source_poll(source_id=source_id)

    assert ExternalFactCheck.objects.count() == 0
    assert "over the 10000 byte limit" in FactCheckSource.objects.get(pk=source_id).last_error


def test_private_addresses_and_duplicates_are_refused_when_a_source_is_added() -> None:
    with pytest.raises(InvalidInput, match="private address"):
        factcheck_source_create(actor=None, url="http://192.168.1.20/checks.json")
    with pytest.raises(InvalidInput, match="only http and https"):
        factcheck_source_create(actor=None, url="file:///etc/passwd")
    factcheck_source_create(actor=None, url="https://checks.example/feed.json")
    with pytest.raises(Conflict):
        factcheck_source_create(actor=None, url="https://checks.example/feed.json")


def test_beat_claims_each_due_source_once() -> None:
    first = factcheck_source_create(actor=None, url="https://checks.example/one.json")
    factcheck_source_create(actor=None, url="https://checks.example/two.json")

    claimed = factcheck_sources_poll_due()
    again = factcheck_sources_poll_due()

    assert first.pk in claimed and len(claimed) == 2
    assert again == []


def test_the_database_refuses_a_second_fact_check_with_the_same_url() -> None:
    fields = {"publisher": "P", "claim_reviewed": "C", "rating_text": "R", "fingerprint": "x"}
    ExternalFactCheck.objects.create(url="https://c.example/1", **fields)

    with pytest.raises(IntegrityError):
        ExternalFactCheck.objects.create(url="https://c.example/1", **fields)


def test_the_database_refuses_a_normalised_rating_above_one() -> None:
    fields = {"publisher": "P", "claim_reviewed": "C", "rating_text": "R", "fingerprint": "x"}

    with pytest.raises(IntegrityError):
        ExternalFactCheck.objects.create(url="https://c.example/2", rating_value=1.5, **fields)
