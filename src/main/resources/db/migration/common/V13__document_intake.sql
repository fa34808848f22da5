-- Document intake (docs/ocr.md): every document received, from RECEIVED to REVIEWED or FAILED. The original is in
-- erp_ai.document_files under its SHA-256, and the same content received again is the same document.
CREATE TABLE erp_ai.document_processing (
    id                    UUID           PRIMARY KEY,
    checksum              VARCHAR(64)    NOT NULL,
    file_name             VARCHAR(255)   NOT NULL,
    media_type            VARCHAR(40)    NOT NULL,
    size_bytes            BIGINT         NOT NULL,
    channel               VARCHAR(10)    NOT NULL,
    received_by           VARCHAR(100)   NOT NULL,
    customer_code         VARCHAR(40),
    status                VARCHAR(12)    NOT NULL,
    failure_reason        VARCHAR(1000),
    page_count            INT,
    ocr_confidence        NUMERIC(5, 2),
    extraction            VARCHAR(200000),
    extraction_confidence NUMERIC(3, 2),
    process_instance_id   VARCHAR(64),
    estimate_id           BIGINT,
    reviewed_by           VARCHAR(100),
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ocr_started_at        TIMESTAMP WITH TIME ZONE,
    ocr_finished_at       TIMESTAMP WITH TIME ZONE,
    extracted_at          TIMESTAMP WITH TIME ZONE,
    reviewed_at           TIMESTAMP WITH TIME ZONE,
    ocr_ms                BIGINT,
    extract_ms            BIGINT,
    CONSTRAINT uq_document_checksum UNIQUE (checksum),
    CONSTRAINT ck_document_status CHECK (status IN ('RECEIVED', 'OCR_DONE', 'EXTRACTED', 'REVIEWED', 'FAILED')),
    CONSTRAINT ck_document_channel CHECK (channel IN ('api', 'inbox'))
);
CREATE INDEX ix_document_status ON erp_ai.document_processing (status, received_at);

-- A draft estimate made from a document keeps the link back to it.
ALTER TABLE estimator.estimates ADD COLUMN source_document_id UUID;
