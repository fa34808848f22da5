-- Browser sessions of the prod profile (Spring Session JDBC, ADR 0011): a Tasklist or web UI session lives here,
-- not in one replica's memory, so the other replica carries it on when its own dies. The embedded default (one
-- process) keeps sessions in memory and has no such table. Columns are those Spring Session's JDBC repository
-- reads and writes; the attributes hold its serialized session attributes (the Spring Security context, Camunda's
-- webapp authentication, the webapps' CSRF token).
CREATE TABLE shared.web_session (
    primary_id            CHAR(36)     PRIMARY KEY,
    session_id            CHAR(36)     NOT NULL UNIQUE,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100)
);
-- the cleanup deletes expired sessions every minute on each replica
CREATE INDEX web_session_expiry ON shared.web_session (expiry_time);
CREATE INDEX web_session_principal ON shared.web_session (principal_name);

CREATE TABLE shared.web_session_attributes (
    session_primary_id CHAR(36)     NOT NULL REFERENCES shared.web_session (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
