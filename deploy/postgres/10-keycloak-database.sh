#!/usr/bin/env bash
# Keycloak's database beside the application's, run once by the postgres image on an empty data volume
# (docker-compose.yml). Keycloak has a user of its own: it may not read the application's schemas.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE USER keycloak PASSWORD :'password';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE kis FROM PUBLIC;
SQL
