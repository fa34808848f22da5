-- Object-level access to templates and documents (issue 23), by the rules of estimates: the owner, the owner's
-- sales team, operations and administrators; 404 for anyone else.

-- The owner's team at creation, as for an estimate. Templates made before have none: their owner (and admin)
-- still see them; the owner's team mates no longer do.
ALTER TABLE estimator.estimate_templates ADD COLUMN owner_team VARCHAR(100);

-- Who reviews and sees a document besides its uploader: the uploader's teams, or 'sales' (all of sales) for the
-- inbox and uploaders outside a team, as the review task's candidate groups. Documents uploaded before this keep
-- to their uploader, ops and admin; the inbox's stay with all of sales.
ALTER TABLE erp_ai.document_processing ADD COLUMN review_groups VARCHAR(500);
UPDATE erp_ai.document_processing SET review_groups = 'sales' WHERE channel = 'inbox';

-- The same bytes from someone who may not see the first document become a document of their own; one uploader
-- sending the same file twice still gets the first.
ALTER TABLE erp_ai.document_processing DROP CONSTRAINT uq_document_checksum;
ALTER TABLE erp_ai.document_processing ADD CONSTRAINT uq_document_checksum_receiver UNIQUE (checksum, received_by);
