#!/usr/bin/env bash
# Backs up the portal: the database (pg_dump custom format, or a SQLite copy) and the
# uploaded media, into one timestamped folder with checksums.
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/portal/media ops/backup.sh /var/backups/portal
# Prints the folder it wrote. Restore with ops/restore.sh <that folder>.
set -euo pipefail

DEST_ROOT=${1:?usage: $0 DESTINATION_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must name the database to back up}"
MEDIA_ROOT=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}

pg_tool() {
    # Debian keeps the client tools of each server version outside PATH; take the newest.
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/$1" ] && echo "$dir/$1" && return
    echo "$1 not found: install the postgresql-client package" >&2
    exit 1
}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
DEST="$DEST_ROOT/portal-$STAMP"
mkdir -p "$DEST"
umask 077

case "$DATABASE_URL" in
    postgres://*|postgresql://*)
        # Custom format: compressed, and pg_restore can restore it into an empty database.
        "$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$DEST/database.dump" "$DATABASE_URL"
        ;;
    sqlite://*)
        # sqlite:///db.sqlite3 is relative, sqlite:////srv/db.sqlite3 absolute, as dj-database-url reads them.
        SQLITE_PATH=${DATABASE_URL#sqlite:///}
        # Opening a missing file would create it, and back up an empty database without a word.
        [ -f "$SQLITE_PATH" ] || { echo "No SQLite database at $SQLITE_PATH" >&2; exit 2; }
        # SQLite's online backup API gives a consistent copy even while the portal runs.
        python3 -c 'import sqlite3, sys; src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2]); src.backup(dst); dst.close()' \
            "$SQLITE_PATH" "$DEST/database.sqlite3"
        ;;
    *) echo "Unsupported DATABASE_URL scheme: ${DATABASE_URL%%:*}" >&2; exit 2 ;;
esac

if [ -d "$MEDIA_ROOT" ]; then
    tar -czf "$DEST/media.tar.gz" -C "$MEDIA_ROOT" .
else
    tar -czf "$DEST/media.tar.gz" --files-from /dev/null
fi

(cd "$DEST" && sha256sum database.* media.tar.gz > SHA256SUMS)
echo "$DEST"
