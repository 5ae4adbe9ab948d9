"""Detection speed, memory and cold start, over PolNeAR dev and news-dev texts from ../shared.

Usage: .venv/bin/python scripts/bench_detect.py   (SHARED overrides the shared folder)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from claims.pipeline.detect import detect  # noqa: E402
from claims.pipeline.sentences import split_sentences  # noqa: E402

ROUNDS = 3


def load_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("data/polnear/dev/text/*"))]
    with open(SHARED / "data/news-dev/articles.jsonl", encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def throughput(texts: list[str]) -> tuple[int, float]:
    sentences = sum(len(split_sentences(text)) for text in texts)
    best = float("inf")
    for _ in range(ROUNDS):
        # CPU time of this process: other jobs on a shared machine do not count against it.
        started = time.process_time()
        for text in texts:
            detect(text)
        best = min(best, time.process_time() - started)
    return sentences, best


def cold_start() -> float:
    code = "from claims.pipeline import detect; detect('x said y.')"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - started


def main() -> None:
    # One core: the benchmark is single-threaded; pin it where the OS allows.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = load_texts()
    sentences, seconds = throughput(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": len(texts),
        "sentences": sentences,
        "seconds": round(seconds, 3),
        "sentences_per_second": round(sentences / seconds),
        "peak_rss_mb": round(peak_mb, 1),
        "cold_start_s": round(cold_start(), 3),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
