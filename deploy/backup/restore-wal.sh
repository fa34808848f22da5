#!/usr/bin/env bash
# PostgreSQL's restore_command while a restored cluster replays the archive (restore.sh writes it):
#   restore_command = '/opt/kis/deploy/backup/restore-wal.sh %f %p /var/backups/kis/wal'
# Answers non-zero when the archive has no such file: that is how PostgreSQL learns where the archive ends.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 <%f: file name> <%p: where to put it> <archive folder>" >&2
  exit 2
fi
name=$1 destination=$2 archive=$3
[ -f "$archive/$name.gz" ] || exit 1
gzip -dc "$archive/$name.gz" > "$destination.restoring"
mv "$destination.restoring" "$destination"
