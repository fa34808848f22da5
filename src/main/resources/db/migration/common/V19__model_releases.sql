-- Which versions of the approval's own models serve (estimate-approval, approval-routing, model-release): a new
-- version an analyst deploys serves only once an administrator has released it in Tasklist; the application's
-- own deployment of processes/ at start releases itself. The newest released version of a key serves.
CREATE TABLE shared.model_releases (
    definition_id      VARCHAR(64)  PRIMARY KEY,
    definition_key     VARCHAR(255) NOT NULL,
    definition_version INTEGER      NOT NULL,
    deployed_by        VARCHAR(255),
    released_by        VARCHAR(255) NOT NULL,
    released_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_model_releases_key ON shared.model_releases (definition_key, definition_version);
