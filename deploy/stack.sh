#!/usr/bin/env bash
# `make stack`: gunicorn, a Celery worker and beat against the local PostgreSQL and Redis,
# as production runs them (DEBUG off, a shared cache, a real broker). Any variable already
# set wins over these local defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}"
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}"
export CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/1}"
export PORTAL_BIND="${PORTAL_BIND:-127.0.0.1:8000}"
export PORTAL_LOG_FORMAT="${PORTAL_LOG_FORMAT:-text}"
# A key for this run only (sign-ins end when the stack stops); set one to keep them.
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')}"
# Migrations run as the owner role when one is named (docs/operations.md, Database roles).
DATABASE_URL="${DATABASE_MIGRATION_URL:-$DATABASE_URL}" .venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input -v 0
exec .venv/bin/honcho start -f Procfile "$@"
