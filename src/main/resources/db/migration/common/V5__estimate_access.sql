-- Who may see an estimate besides its owner: the owner's sales team (copied at creation, so that moving a
-- person to another team does not move their estimates), and viewers granted by the approval process: the
-- group an approval waits for (while it waits) and everyone who decided one (for good).
ALTER TABLE estimator.estimates ADD COLUMN owner_team VARCHAR(100);
CREATE INDEX ix_estimates_owner_team ON estimator.estimates (owner_team);

CREATE TABLE estimator.estimate_viewers (
    estimate_id  BIGINT       NOT NULL REFERENCES estimator.estimates (id) ON DELETE CASCADE,
    kind         VARCHAR(10)  NOT NULL,
    principal    VARCHAR(100) NOT NULL,
    granted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_estimate_viewers PRIMARY KEY (estimate_id, kind, principal),
    CONSTRAINT ck_estimate_viewers_kind CHECK (kind IN ('USER', 'GROUP'))
);
CREATE INDEX ix_estimate_viewers_principal ON estimator.estimate_viewers (principal, kind);
