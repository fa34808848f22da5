-- The design's data boundaries (04_Architecture.md, 데이터 경계): estimator data, ERP-AI data and shared data
-- each get a schema. Features add their tables in their own migrations, always schema-qualified.
CREATE SCHEMA IF NOT EXISTS estimator;
CREATE SCHEMA IF NOT EXISTS erp_ai;
CREATE SCHEMA IF NOT EXISTS shared;
