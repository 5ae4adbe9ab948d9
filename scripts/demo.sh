#!/usr/bin/env bash
# Serve the demo desk on the embedded default: SQLite, tasks in-process.
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-8000}
cd "$(dirname "$0")/.."

mkdir -p var
[ -s var/demo-secret-key ] || .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))' >var/demo-secret-key

unset DATABASE_URL REDIS_URL
export SECRET_KEY="$(cat var/demo-secret-key)"
export DEBUG=0 FACTCHECK_HTTPS=0 ALLOWED_HOSTS="127.0.0.1,localhost,$host"
export FACTCHECK_SITE_URL="http://$host:$port"

.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py collectstatic --no-input -v 0
.venv/bin/python manage.py demo
echo "Serving the desk at http://$host:$port/ (Ctrl-C stops it)"
exec .venv/bin/python manage.py runserver "$host:$port" --noreload
