#!/usr/bin/env bash
# Install the Debian packages a step needs, only when they are missing.
#   python: a Python >= 3.11 with venv;  test: PostgreSQL, Redis and Chromium.
set -euo pipefail

apt_install() {
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "ensure-system: installing $*" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

case "${1:-}" in
python)
    python3 -c 'import sys; assert sys.version_info >= (3, 11), sys.version' 2>/dev/null ||
        { echo "Python 3.11 or newer is required (Debian 12 / Ubuntu 24.04 ship it)." >&2; exit 1; }
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
    ;;
test)
    missing=()
    ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
    ;;
*)
    echo "usage: ensure-system.sh python|test" >&2
    exit 2
    ;;
esac
