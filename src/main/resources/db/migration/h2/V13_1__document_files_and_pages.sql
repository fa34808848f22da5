-- The originals, by SHA-256, and what was read on each page (docs/ocr.md). Binary and long text columns are the
-- only difference between the vendors' versions of this file.
CREATE TABLE erp_ai.document_files (
    checksum   VARCHAR(64)  PRIMARY KEY,
    media_type VARCHAR(40)  NOT NULL,
    size_bytes BIGINT       NOT NULL,
    content    BLOB        NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE erp_ai.document_pages (
    document_id     UUID          NOT NULL REFERENCES erp_ai.document_processing (id),
    page_number     INT           NOT NULL,
    width           INT           NOT NULL,
    height          INT           NOT NULL,
    dpi             INT           NOT NULL,
    skew_degrees    NUMERIC(5, 2) NOT NULL,
    ocr_confidence  NUMERIC(5, 2) NOT NULL,
    prepare_ms      BIGINT        NOT NULL,
    ocr_ms          BIGINT        NOT NULL,
    text            CLOB          NOT NULL,
    words           CLOB          NOT NULL,
    preview         BLOB         NOT NULL,
    PRIMARY KEY (document_id, page_number)
);

ALTER TABLE erp_ai.document_processing
    ADD CONSTRAINT fk_document_file FOREIGN KEY (checksum) REFERENCES erp_ai.document_files (checksum);
