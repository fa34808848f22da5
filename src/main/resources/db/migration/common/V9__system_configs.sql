-- Runtime settings that administrators change without a restart (for example the API's rate limits). Each value
-- is validated against the setting's declaration in the code; every change is audited.
CREATE TABLE shared.system_configs (
    config_key   VARCHAR(100)  PRIMARY KEY,
    config_value VARCHAR(1000) NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
