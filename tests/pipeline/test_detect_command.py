"""`manage.py detect`: JSON lines whose offsets point into the file, stdin, and bad input.

Only Django settings are needed (`--no-registry` keeps the database out of it).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

TEXT = (
    "Harbour Minister Ada Lorne said the new quay would open in March.\n\n"
    "“We are on schedule,” she told reporters. Residents were not convinced.\n"
)
KEYS = {
    "path", "sentence_start", "sentence_end", "sentence", "source", "source_start",
    "source_end", "speaker", "speaker_title", "speaker_body", "cue", "cue_start", "cue_end",
    "content", "content_start", "content_end", "direct", "official", "official_reason",
    "score", "score_reasons", "stance", "stance_reason", "statement", "not_a_claim",
    "title_source",
}  # fmt: skip


def _run(*paths: str) -> tuple[list[dict], str, int]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("detect", *paths, "--jsonl", "--no-registry", stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    rows = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    return rows, err.getvalue(), code


def test_each_jsonl_line_has_every_field_and_offsets_into_the_file(tmp_path: Path) -> None:
    article = tmp_path / "quay.txt"
    article.write_text(TEXT, encoding="utf-8")
    rows, err, code = _run(str(article))
    assert code == 0 and err == ""
    assert len(rows) == 2
    assert rows[1]["statement"] == "Harbour Minister Ada Lorne said: “We are on schedule.”"
    for row in rows:
        assert set(row) == KEYS
        assert row["path"] == str(article)
        assert TEXT[row["sentence_start"] : row["sentence_end"]] == row["sentence"]
        assert TEXT[row["source_start"] : row["source_end"]] == row["source"]
        assert TEXT[row["cue_start"] : row["cue_end"]] == row["cue"]
        assert TEXT[row["content_start"] : row["content_end"]] == row["content"]
    assert rows[0]["speaker"] == "Ada Lorne" and rows[0]["official"] is True
    assert rows[1]["speaker"] == "Ada Lorne" and rows[1]["direct"] is True


def test_a_dash_reads_the_article_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    rows, err, code = _run("-")
    assert code == 0 and err == ""
    assert [row["path"] for row in rows] == ["-", "-"]
    assert TEXT[rows[0]["content_start"] : rows[0]["content_end"]] == rows[0]["content"]


def test_a_file_that_is_not_utf8_is_reported_and_the_others_still_print(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le maire a déclaré: rien.".encode("latin-1"))
    good = tmp_path / "quay.txt"
    good.write_text(TEXT, encoding="utf-8")
    rows, err, code = _run(str(bad), str(good))
    assert code != 0
    assert f"detect: {bad}: not UTF-8 text" in err
    assert {row["path"] for row in rows} == {str(good)}
    assert len(rows) == 2
