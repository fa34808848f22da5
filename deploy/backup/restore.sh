#!/usr/bin/env bash
# Restores the cluster as it was at a named moment (or as late as the archive reaches) into a new data folder.
# Run it as the postgres user; it never touches the cluster the backups came from.
#
#   restore.sh --backups /var/backups/kis --data /var/lib/postgresql/15/restored --to '2026-12-06 14:32:00+09'
#   restore.sh --backups /var/backups/kis --data /srv/pg/restored --to latest --port 5433
#
# --to TIME    replay committed transactions up to TIME (inclusive), then open for writes; TIME must lie before
#              the end of the archive, or PostgreSQL stops with "recovery ended before configured recovery target
#              was reached" and nothing is opened
# --to latest  replay everything the archive holds (after losing the server: the loss is what was not archived)
# --port PORT  also start the restored server on 127.0.0.1:PORT and wait until it accepts writes; needs the
#              configuration inside the data folder (a cluster made by initdb). A Debian cluster keeps it in
#              /etc/postgresql: make one with pg_createcluster, empty its data folder, restore without --port and
#              start it with pg_ctlcluster.
# The restored server does not archive (it would write a new timeline into the archive it reads); turn
# archive_mode on once it is the primary again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
backups="" data="" target="" port=""
while [ $# -gt 0 ]; do
  case $1 in
    --backups) backups=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --to) target=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$backups" ] || [ -z "$data" ] || [ -z "$target" ]; then
  echo "usage: $0 --backups <folder> --data <new data folder> --to <time|latest> [--port <port>]" >&2
  exit 2
fi
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
  echo "restore: $data is not empty; a restore goes into a new folder" >&2
  exit 1
fi
started=$(date +%s%N)

# the newest base backup finished before the target: the less WAL to replay, the sooner it serves
if [ "$target" = latest ]; then
  limit=$(date +%s)
else
  limit=$(date -d "$target" +%s) || { echo "restore: cannot read the time '$target'" >&2; exit 2; }
fi
chosen=""
for backup in $(find "$backups/base" -mindepth 1 -maxdepth 1 -type d -not -name '*.partial' | sort); do
  if [ "$(date -d "$(cat "$backup/finished_at")" +%s)" -lt "$limit" ]; then
    chosen=$backup
  fi
done
if [ -z "$chosen" ]; then
  echo "restore: no base backup in $backups/base finished before $target" >&2
  exit 1
fi
echo "restore: base backup $chosen (finished $(cat "$chosen/finished_at")), WAL from $backups/wal, to $target"

mkdir -p "$data"
chmod 700 "$data"
tar -xzf "$chosen/base.tar.gz" -C "$data"
tar -xzf "$chosen/pg_wal.tar.gz" -C "$data/pg_wal"
{
  echo "# written by deploy/backup/restore.sh $(date -u '+%Y-%m-%d %H:%M:%S+00')"
  echo "restore_command = '$here/restore-wal.sh %f %p $backups/wal'"
  echo "archive_mode = 'off'"
  if [ "$target" != latest ]; then
    echo "recovery_target_time = '$target'"
    echo "recovery_target_inclusive = 'on'"
    echo "recovery_target_action = 'promote'"
  fi
} >> "$data/postgresql.auto.conf"
touch "$data/recovery.signal"
echo "restore: data folder ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"

[ -n "$port" ] || exit 0
if [ ! -f "$data/postgresql.conf" ]; then
  echo "restore: no postgresql.conf in $data (a Debian cluster?); start it with pg_ctlcluster instead" >&2
  exit 1
fi
"$pg_bin/pg_ctl" -D "$data" -l "$data/restore.log" -w -t 3600 \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data" start >/dev/null
psql_restored() { "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtqc "$1"; }
until [ "$(psql_restored 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ]; do
  if ! "$pg_bin/pg_ctl" -D "$data" status >/dev/null; then
    echo "restore: the server stopped during recovery; its log:" >&2
    tail -20 "$data/restore.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "restore: serving on 127.0.0.1:$port after $(( ($(date +%s%N) - started) / 1000000 )) ms;" \
  "last transaction replayed committed at $(psql_restored 'SELECT pg_last_xact_replay_timestamp()')"
