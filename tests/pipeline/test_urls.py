import pytest

from claims.pipeline.netguard import parse_allow_hosts
from claims.pipeline.urls import canonical_url, content_hash


def test_it_drops_tracking_parameters_fragments_and_default_ports() -> None:
    url = "HTTPS://News.Example:443/story?utm_source=x&b=2&fbclid=abc&a=1&gclid=z#comments"

    assert canonical_url(url) == "https://news.example/story?a=1&b=2"


def test_it_keeps_parameters_that_select_the_article() -> None:
    assert canonical_url("http://news.example/article.php?id=8812&ref=rss") == (
        "http://news.example/article.php?id=8812"
    )


def test_it_turns_an_empty_path_into_a_slash_and_keeps_odd_ports() -> None:
    assert canonical_url("http://news.example:8080") == "http://news.example:8080/"


def test_it_encodes_international_host_names() -> None:
    assert canonical_url("https://bücher.example/a") == "https://xn--bcher-kva.example/a"


def test_it_drops_credentials_and_a_trailing_dot() -> None:
    assert canonical_url("https://user:pw@news.example./a") == "https://news.example/a"


def test_it_rejects_a_relative_url() -> None:
    with pytest.raises(ValueError, match="not an absolute URL"):
        canonical_url("/story")


def test_content_hash_ignores_rewrapping_but_not_edits() -> None:
    assert content_hash("The  mayor\nsaid.") == content_hash("The mayor said.")
    assert content_hash("The mayor said.") != content_hash("The mayor said so.")


def test_it_parses_the_allow_list() -> None:
    assert parse_allow_hosts(" 127.0.0.1:8000, intranet.local,[::1]:9000, ") == frozenset(
        {("127.0.0.1", 8000), ("intranet.local", None), ("::1", 9000)}
    )
    assert parse_allow_hosts("") == frozenset()


@pytest.mark.parametrize(
    "value", ["http://intranet.local", "host:notaport", "host:99999", "a/b", "user@host", "a b"]
)
def test_it_names_a_bad_allow_list_entry(value: str) -> None:
    with pytest.raises(ValueError, match="FACTCHECK_FETCH_ALLOW_HOSTS: "):
        parse_allow_hosts(value)
