#!/usr/bin/env bash
# Detection figures: PolNeAR dev (speech subset), the seed article, news-dev and
# news-dev-2, each scored by ../shared/eval/score.py, and the statements check (issue 13); the news sets also per outlet, and
# news-dev-2 per half (build half: develop on its errors; check half: measure only — see
# scripts/eval_news.py). Reads ../shared; copies nothing into the project. The output is
# also written to var/eval/latest.txt (and a dated copy beside it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$(dirname "$ROOT")/shared}"
PY="$ROOT/.venv/bin/python"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export DEBUG="${DEBUG:-1}"
OUT="$ROOT/var/eval"
mkdir -p "$OUT"
REPORT="$OUT/eval-$(date -u +%Y%m%dT%H%M%SZ).txt"

detect() { (cd "$ROOT" && "$PY" manage.py detect --jsonl --no-registry "$@"); }

# Each file is named <id>.txt: the scorer matches predictions to articles by file name.
split_articles() {
  "$PY" - "$1" "$2" <<'PYEOF'
import json, sys
src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            article = json.loads(line)
            with open(f"{out}/{article['id']}.txt", "w", encoding="utf-8", newline="") as dst:
                dst.write(article["text"])
PYEOF
}

# news NAME [--halves]: detect every article of ../shared/data/NAME and score it.
news() {
  local name="$1"; shift
  mkdir -p "$TMP/$name"
  split_articles "$SHARED/data/$name/articles.jsonl" "$TMP/$name"
  detect "$TMP/$name"/*.txt > "$TMP/$name.jsonl"
  "$PY" "$ROOT/scripts/eval_news.py" "$name" "$TMP/$name.jsonl" \
    "$SHARED/data/$name/articles.jsonl" "$SHARED/data/$name/sentences.jsonl" \
    --scorer "$SHARED/eval/score.py" "$@"
}

{
  echo "# detector $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%FT%TZ)"
  echo "== PolNeAR dev (speech subset)"
  detect "$SHARED"/data/polnear/dev/text/*.txt > "$TMP/polnear.jsonl"
  "$PY" "$SHARED/eval/score.py" polnear "$TMP/polnear.jsonl" \
    --polnear "$SHARED/data/polnear" --split dev

  echo "== Seed article"
  mkdir -p "$TMP/seed"
  cp "$SHARED/data/seed-article.txt" "$TMP/seed/seed.txt"
  detect "$TMP/seed/seed.txt" > "$TMP/seed.jsonl"
  "$PY" "$SHARED/eval/score.py" news "$TMP/seed.jsonl" \
    --articles "$SHARED/data/seed-articles.jsonl" --sentences "$SHARED/data/seed-labels.jsonl"

  echo "== news-dev"
  news news-dev

  echo "== news-dev-2"
  news news-dev-2 --halves

  # Statements read alone (issue 13): the share that passes the automatic check.
  echo "== Statements (seed, news-dev, news-dev-2)"
  "$PY" "$ROOT/scripts/eval_statements.py" "$SHARED" "$ROOT/var/eval/statements.txt"
} | tee "$REPORT"
cp "$REPORT" "$OUT/latest.txt"
