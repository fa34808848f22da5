#!/usr/bin/env bash
# A base backup of the whole cluster (our schemas and Camunda's), the starting point of every restore; the WAL
# archive (archive-wal.sh) carries it forward to any later moment. Run it daily from cron as the postgres user:
#   15 2 * * *  postgres  /opt/kis/deploy/backup/base-backup.sh /var/backups/kis -h 127.0.0.1 -p 5432 -U postgres
# Arguments after the backup folder go to pg_basebackup (connection options). Environment:
#   KIS_BACKUP_KEEP  base backups kept (default 7); older ones, and the archived WAL only they needed, are removed
#   PG_BIN           PostgreSQL's programs (default: the newest under /usr/lib/postgresql)
# Each backup is a folder base/<UTC time> holding pg_basebackup's tar files and `finished_at`, the moment from
# which restore.sh may use it. A backup still being written is named *.partial and is never chosen.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <backup folder> [pg_basebackup connection options]" >&2
  exit 2
fi
backups=$1
shift
keep=${KIS_BACKUP_KEEP:-7}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
folder="$backups/base/$stamp"

mkdir -p "$backups/base"
started=$(date +%s%N)
# -X stream: the WAL written during the backup goes into the backup itself, so that it restores to a consistent
# state even if the archive were lost; --checkpoint=fast: start now rather than at the next scheduled checkpoint.
"$pg_bin/pg_basebackup" "$@" --no-password -D "$folder.partial" -Ft -z -X stream --checkpoint=fast \
  --label "kis $stamp"
# the backup is consistent from the moment pg_basebackup returned at the latest
date -u '+%Y-%m-%d %H:%M:%S.%N+00' > "$folder.partial/finished_at"
sync "$folder.partial"/*
mv "$folder.partial" "$folder"
sync "$backups/base"
echo "base backup $folder: $(du -sh "$folder" | cut -f1) in $(( ($(date +%s%N) - started) / 1000000 )) ms"

# Retention: the newest $keep backups stay; WAL older than the oldest of them is needed by no restore.
mapfile -t all < <(find "$backups/base" -mindepth 1 -maxdepth 1 -type d -not -name '*.partial' | sort)
if [ ${#all[@]} -gt "$keep" ]; then
  for old in "${all[@]:0:${#all[@]}-keep}"; do
    echo "removing base backup $old (keeping $keep)"
    rm -rf "$old"
  done
  oldest=${all[${#all[@]}-keep]}
  first_segment=$(tar -xzOf "$oldest/base.tar.gz" backup_label \
    | sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]\{24\}\))$/\1/p')
  if [ -n "$first_segment" ] && [ -d "$backups/wal" ]; then
    "$pg_bin/pg_archivecleanup" -x .gz "$backups/wal" "$first_segment"
  fi
fi
