-- The policy table as data, mirrored from the code (com.kis.estimator.security.Role) at every start, so that
-- reports and other tools can join on it; and every user the application has seen, mirrored from Keycloak
-- (or Camunda's identity in the embedded default) on first sight.
CREATE TABLE shared.roles (
    id          VARCHAR(40)  PRIMARY KEY,
    label       VARCHAR(100) NOT NULL
);

CREATE TABLE shared.permissions (
    role_id     VARCHAR(40)  NOT NULL REFERENCES shared.roles (id) ON DELETE CASCADE,
    permission  VARCHAR(60)  NOT NULL,
    needs_mfa   BOOLEAN      NOT NULL,
    CONSTRAINT pk_permissions PRIMARY KEY (role_id, permission)
);

CREATE TABLE shared.users (
    id          VARCHAR(100) PRIMARY KEY,
    roles       VARCHAR(500) NOT NULL,
    teams       VARCHAR(500) NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);
