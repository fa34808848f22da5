-- Registration numbers and contact details are stored encrypted (AES-256-GCM, base64 with a key-id prefix), which
-- is longer than the plaintext: sized for the longest text the API accepts at 3 bytes a character (Korean).
-- Lookups by registration number go through a blind index (HMAC-SHA-256).
-- Existing plaintext values are encrypted by the application at its next start (ColumnReencryption).
ALTER TABLE estimator.customers ALTER COLUMN business_registration_number SET DATA TYPE VARCHAR(120);
ALTER TABLE estimator.customers ALTER COLUMN contact_name SET DATA TYPE VARCHAR(500);
ALTER TABLE estimator.customers ALTER COLUMN contact_email SET DATA TYPE VARCHAR(900);
ALTER TABLE estimator.customers ALTER COLUMN contact_phone SET DATA TYPE VARCHAR(240);
ALTER TABLE estimator.customers ALTER COLUMN address SET DATA TYPE VARCHAR(1300);
ALTER TABLE estimator.customers ADD COLUMN business_registration_number_index VARCHAR(64);
DROP INDEX estimator.ix_customers_brn;
CREATE INDEX ix_customers_brn_index ON estimator.customers (business_registration_number_index);

ALTER TABLE estimator.estimate_revisions ALTER COLUMN customer_brn SET DATA TYPE VARCHAR(120);
