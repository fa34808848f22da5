-- ERP import (docs/erp-import.md). One row per import run in erp_ai.erp_sync_logs (the design's table); the rows a
-- run refused, with line, column and reason; the checksums of inbox files already taken (idempotent consumer);
-- and one staging table per import type, filled in bulk and emptied when the run ends.
CREATE TABLE erp_ai.erp_sync_logs (
    import_id            UUID          PRIMARY KEY,
    source               VARCHAR(20)   NOT NULL,
    channel              VARCHAR(20)   NOT NULL,
    file_name            VARCHAR(300),
    checksum             VARCHAR(64),
    size_bytes           BIGINT,
    full_snapshot        BOOLEAN       NOT NULL,
    state                VARCHAR(20)   NOT NULL,
    process_instance_id  VARCHAR(64),
    total_rows           BIGINT,
    inserted             BIGINT,
    updated              BIGINT,
    unchanged            BIGINT,
    rejected             BIGINT,
    deactivated          BIGINT,
    outcome              VARCHAR(1000),
    requested_by         VARCHAR(100)  NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE,
    duration_ms          BIGINT,
    CONSTRAINT ck_erp_sync_logs_state CHECK (state IN ('RUNNING', 'REVIEW', 'COMPLETED', 'FAILED'))
);
CREATE INDEX ix_erp_sync_logs_source ON erp_ai.erp_sync_logs (source, started_at);

CREATE TABLE erp_ai.erp_import_rejections (
    import_id    UUID          NOT NULL REFERENCES erp_ai.erp_sync_logs (import_id) ON DELETE CASCADE,
    line         BIGINT        NOT NULL,
    column_name  VARCHAR(100),
    row_key      VARCHAR(100),
    reason       VARCHAR(500)  NOT NULL
);
CREATE INDEX ix_erp_import_rejections ON erp_ai.erp_import_rejections (import_id, line);

CREATE TABLE erp_ai.erp_processed_files (
    checksum     VARCHAR(64)   PRIMARY KEY,
    file_name    VARCHAR(300)  NOT NULL,
    import_id    UUID,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE erp_ai.erp_staged_products (
    import_id   UUID           NOT NULL,
    line        BIGINT         NOT NULL,
    code        VARCHAR(40)    NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    spec        VARCHAR(200),
    category    VARCHAR(40)    NOT NULL,
    unit        VARCHAR(20)    NOT NULL,
    list_price  NUMERIC(15, 0) NOT NULL,
    cost        NUMERIC(15, 0) NOT NULL,
    active      BOOLEAN        NOT NULL
);
CREATE INDEX ix_erp_staged_products ON erp_ai.erp_staged_products (import_id, code);

CREATE TABLE erp_ai.erp_staged_customers (
    import_id        UUID          NOT NULL,
    line             BIGINT        NOT NULL,
    code             VARCHAR(40)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    brn              VARCHAR(120)  NOT NULL,
    brn_index        VARCHAR(64)   NOT NULL,
    tier             VARCHAR(20)   NOT NULL,
    price_list_code  VARCHAR(40)
);
CREATE INDEX ix_erp_staged_customers ON erp_ai.erp_staged_customers (import_id, code);

CREATE TABLE erp_ai.erp_staged_prices (
    import_id        UUID           NOT NULL,
    line             BIGINT         NOT NULL,
    price_list_code  VARCHAR(40)    NOT NULL,
    product_code     VARCHAR(40)    NOT NULL,
    price            NUMERIC(15, 0) NOT NULL,
    valid_from       DATE           NOT NULL,
    valid_to         DATE
);
CREATE INDEX ix_erp_staged_prices ON erp_ai.erp_staged_prices (import_id, price_list_code, product_code, valid_from);
