-- Camunda's own tables live apart from ours, in schema `camunda`. Camunda creates and upgrades its tables
-- itself (camunda.bpm.database.schema-update); this only provides the schema, before the engine starts.
CREATE SCHEMA IF NOT EXISTS camunda;
