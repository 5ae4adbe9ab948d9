#!/usr/bin/env bash
# Detection figures: PolNeAR dev (speech subset), the seed article, and news-dev,
# each scored by ../shared/eval/score.py. Reads ../shared; copies nothing into the project.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$(dirname "$ROOT")/shared}"
PY="$ROOT/.venv/bin/python"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export DEBUG="${DEBUG:-1}"

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
mkdir -p "$TMP/news"
split_articles "$SHARED/data/news-dev/articles.jsonl" "$TMP/news"
detect "$TMP"/news/*.txt > "$TMP/news.jsonl"
"$PY" "$SHARED/eval/score.py" news "$TMP/news.jsonl" \
  --articles "$SHARED/data/news-dev/articles.jsonl" \
  --sentences "$SHARED/data/news-dev/sentences.jsonl"

# Statements read alone (issue 13): the share that passes the automatic check.
echo "== Statements (seed, news-dev, news-dev-2)"
mkdir -p "$ROOT/var/eval"
"$PY" "$ROOT/scripts/eval_statements.py" "$SHARED" "$ROOT/var/eval/statements.txt"
