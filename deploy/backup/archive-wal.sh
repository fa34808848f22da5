#!/usr/bin/env bash
# PostgreSQL's archive_command (see postgresql-archiving.conf):
#   archive_command = '/opt/kis/deploy/backup/archive-wal.sh %p %f /var/backups/kis/wal'
# Copies one finished WAL segment (or a .history or .backup file) into the archive, gzip-compressed. PostgreSQL
# recycles the segment as soon as this answers 0, so 0 must mean the copy is on disk: it is written under a
# temporary name, flushed, then renamed. A file of the same name already in the archive is accepted when its
# content is the same (PostgreSQL asks again after a crash between the copy and the answer) and refused when it
# differs: two clusters archiving into one folder would otherwise overwrite each other's history.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 <%p: segment path> <%f: segment name> <archive folder>" >&2
  exit 2
fi
segment=$1 name=$2 archive=$3
target="$archive/$name.gz"

if [ -e "$target" ]; then
  if gzip -dc "$target" | cmp -s - "$segment"; then
    exit 0
  fi
  echo "archive-wal: $target exists with other content; not overwritten" >&2
  exit 1
fi
mkdir -p "$archive"
partial="$archive/.$name.gz.$$"
trap 'rm -f "$partial"' EXIT
# -1: a segment closed early by archive_timeout is mostly zeros and shrinks to a few kB at the fastest level
gzip -1 -c "$segment" > "$partial"
sync "$partial"
mv "$partial" "$target"
sync "$archive"
