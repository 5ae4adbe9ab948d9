"""Score one news set with ../shared/eval/score.py: the whole set, its build and check
halves, and each outlet — every figure from the same scorer, run on a filtered copy of
the labels.

The halves guard against fitting the detector to the sentences it is tuned on: the
articles of news-dev-2 are ordered by the SHA-256 of their id and the first half is the
*build* half (look at its errors while developing), the rest the *check* half (measure
it, never read its errors). The split depends on nothing but the ids, so it never moves.

Usage: eval_news.py NAME PRED.jsonl ARTICLES.jsonl SENTENCES.jsonl [--halves]
       eval_news.py --split ARTICLES.jsonl      (print "build <id>" / "check <id>" lines)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def halves(article_ids: list[str]) -> dict[str, str]:
    """{"<id>": "build" | "check"}: the first half by SHA-256 of the id builds."""
    ordered = sorted(article_ids, key=lambda aid: hashlib.sha256(aid.encode()).hexdigest())
    build = set(ordered[: len(ordered) // 2])
    return {aid: "build" if aid in build else "check" for aid in article_ids}


def score(scorer: Path, pred: Path, articles: list[dict], sentences: list[dict]) -> dict:
    """score.py news over these articles only."""
    ids = {article["id"] for article in articles}
    with tempfile.TemporaryDirectory() as tmp:
        arts, sents = Path(tmp, "articles.jsonl"), Path(tmp, "sentences.jsonl")
        arts.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        rows = [s for s in sentences if s["article_id"] in ids]
        sents.write_text("".join(json.dumps(s) + "\n" for s in rows), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(scorer), "news", str(pred), "--articles", str(arts)]
            + ["--sentences", str(sents)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def flagged(pred: Path, articles: list[dict], sentences: list[dict]) -> tuple[int, int]:
    """(gold official sentences, sentences the detector flags official) in these articles:
    a figure of 0.000 over an outlet with neither is a perfect score, not a failure."""
    ids = {article["id"] for article in articles}
    gold = sum(1 for s in sentences if s["article_id"] in ids and s["attributed"] and s["official"])
    found = {
        (p["path"], p["sentence_start"])
        for p in load(pred)
        if p.get("official") and Path(p["path"]).stem in ids
    }
    return gold, len(found)


def row(label: str, figures: dict, counts: tuple[int, int]) -> str:
    return (
        f"{label[:44]:<44} {figures['sentences']:>4}  "
        f"attr P {figures['attributed_p']:.3f} R {figures['attributed_r']:.3f} "
        f"F1 {figures['attributed_f1']:.3f}  "
        f"off P {figures['official_p']:.3f} R {figures['official_r']:.3f} "
        f"F1 {figures['official_f1']:.3f} ({counts[0]:>3} gold, {counts[1]:>3} flagged)  "
        f"speaker {figures['speaker_acc']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", metavar="ARTICLES", help="print the halves and stop")
    parser.add_argument("name", nargs="?")
    parser.add_argument("pred", nargs="?", type=Path)
    parser.add_argument("articles", nargs="?", type=Path)
    parser.add_argument("sentences", nargs="?", type=Path)
    parser.add_argument("--halves", action="store_true", help="also score build/check halves")
    parser.add_argument("--scorer", type=Path, required=False)
    args = parser.parse_args()
    if args.split:
        ids = [article["id"] for article in load(Path(args.split))]
        for aid, half in sorted(halves(ids).items(), key=lambda item: (item[1], item[0])):
            print(f"{half} {aid}")
        return
    if not (args.name and args.pred and args.articles and args.sentences and args.scorer):
        parser.error("NAME PRED ARTICLES SENTENCES and --scorer are required")
    articles, sentences = load(args.articles), load(args.sentences)
    whole = score(args.scorer, args.pred, articles, sentences)
    print(json.dumps({"part": "all", **whole}))  # JSON lines: read by bench_detect.py
    print(row(f"{args.name} (all)", whole, flagged(args.pred, articles, sentences)))
    if args.halves:
        split = halves([article["id"] for article in articles])
        for half in ("build", "check"):
            part = [article for article in articles if split[article["id"]] == half]
            figures = score(args.scorer, args.pred, part, sentences)
            print(json.dumps({"part": half, **figures}))
            label = f"{args.name} {half} half ({len(part)} articles)"
            print(row(label, figures, flagged(args.pred, part, sentences)))
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for article in articles:
        by_outlet[article["outlet"]].append(article)
    print(f"  per outlet{' (b = build half, c = check half)' if args.halves else ''}:")
    split = halves([article["id"] for article in articles]) if args.halves else {}
    for outlet, part in sorted(by_outlet.items()):
        mark = "".join(sorted({split[a["id"]][0] for a in part})) + " " if split else ""
        figures = score(args.scorer, args.pred, part, sentences)
        print("  " + row(f"{mark}{outlet}", figures, flagged(args.pred, part, sentences)))


if __name__ == "__main__":
    main()
