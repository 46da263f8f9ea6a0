#!/usr/bin/env bash
# Restores a backup written by ops/backup.sh: the database, then the media.
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/portal/media ops/restore.sh /var/backups/portal/portal-…Z
# Stop the application servers first; the target database may be empty or an older copy
# (its objects are replaced). The checksums are verified before anything is touched.
set -euo pipefail

SRC=${1:?usage: $0 BACKUP_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must name the database to restore into}"
MEDIA_ROOT=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}

pg_tool() {
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/$1" ] && echo "$dir/$1" && return
    echo "$1 not found: install the postgresql-client package" >&2
    exit 1
}

(cd "$SRC" && sha256sum --check --quiet SHA256SUMS)

case "$DATABASE_URL" in
    postgres://*|postgresql://*)
        [ -f "$SRC/database.dump" ] || { echo "$SRC holds no PostgreSQL dump" >&2; exit 2; }
        "$(pg_tool pg_restore)" --clean --if-exists --no-owner --no-privileges --single-transaction \
            --exit-on-error --dbname="$DATABASE_URL" "$SRC/database.dump"
        ;;
    sqlite://*)
        [ -f "$SRC/database.sqlite3" ] || { echo "$SRC holds no SQLite copy" >&2; exit 2; }
        # sqlite:///db.sqlite3 is relative, sqlite:////srv/db.sqlite3 absolute, as dj-database-url reads them.
        # The portal runs SQLite in WAL mode: a write-ahead log left by the old file would be replayed onto the copy.
        rm -f "${DATABASE_URL#sqlite:///}-wal" "${DATABASE_URL#sqlite:///}-shm"
        cp "$SRC/database.sqlite3" "${DATABASE_URL#sqlite:///}"
        ;;
    *) echo "Unsupported DATABASE_URL scheme: ${DATABASE_URL%%:*}" >&2; exit 2 ;;
esac

mkdir -p "$MEDIA_ROOT"
tar -xzf "$SRC/media.tar.gz" -C "$MEDIA_ROOT"
echo "Restored $SRC into the database and $MEDIA_ROOT"
