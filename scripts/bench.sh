#!/usr/bin/env bash
# Run every benchmark; each prints its figures and updates its section of
# BENCHMARKS.md. PostgreSQL and Redis come from the environment or are started
# as throwaway instances, as for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/with-services.sh bash -c '
    set -e
    for bench in bench_detect.py bench_ingest.py bench_long_article.py bench_api.py bench_links.py bench_external.py bench_sources.py; do
        echo; echo "=== $bench"
        .venv/bin/python "scripts/$bench"
    done
'
