"""The detector's errors on the development news: news-dev and the BUILD half of news-dev-2.

The check half of news-dev-2 is never listed here (scripts/eval_news.py measures it):
rules are written from these errors only, so the check half stays a fair test.

Usage: .venv/bin/python scripts/eval_errors.py [--kind missed|false|official|speaker]
       [--article ID]     (SHARED overrides the shared folder)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_news import halves, load  # noqa: E402

from claims.pipeline.detect import detect  # noqa: E402


def development_articles() -> list[tuple[dict, list[dict]]]:
    found = []
    for name in ("news-dev", "news-dev-2"):
        articles = load(SHARED / f"data/{name}/articles.jsonl")
        sentences = load(SHARED / f"data/{name}/sentences.jsonl")
        split = halves([a["id"] for a in articles]) if name == "news-dev-2" else {}
        for article in articles:
            if split.get(article["id"], "build") != "build":
                continue
            rows = [s for s in sentences if s["article_id"] == article["id"]]
            found.append((article, sorted(rows, key=lambda s: s["sentence_index"])))
    return found


def errors(article: dict, rows: list[dict]) -> list[tuple[str, dict, list]]:
    text = article["text"]
    found = detect(text)
    out = []
    cursor = 0
    for row in rows:
        start = text.find(row["text"], cursor)
        start = text.find(row["text"]) if start < 0 else start
        end = start + len(row["text"])
        cursor = end
        hits = [a for a in found if a.sentence_start < end and a.sentence_end > start]
        gold_official = bool(row["attributed"] and row.get("official"))
        if row["attributed"] and not hits:
            kind = "missed-official" if gold_official else "missed"
        elif hits and not row["attributed"]:
            kind = "false"
        elif gold_official != any(a.official for a in hits):
            kind = "official-missed" if gold_official else "official-false"
        else:
            continue
        out.append((kind, row, hits))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", help="only errors whose kind contains this")
    parser.add_argument("--article", help="only this article id")
    args = parser.parse_args()
    for article, rows in development_articles():
        if args.article and article["id"] != args.article:
            continue
        for kind, row, hits in errors(article, rows):
            if args.kind and args.kind not in kind:
                continue
            keys = ("source", "source_resolved", "cue", "note")
            gold = {key: row[key] for key in keys if row.get(key)}
            print(f"[{kind}] {article['id']} {row['sentence_index']}: {row['text'][:300]}")
            print(f"    gold {json.dumps(gold, ensure_ascii=False)}")
            for hit in hits:
                print(
                    f"    got  {hit.speaker!r} cue={hit.cue!r} official={hit.official} "
                    f"({hit.official_reason})"
                )


if __name__ == "__main__":
    main()
