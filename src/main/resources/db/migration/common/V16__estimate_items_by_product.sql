-- Price anomalies look up what a product was quoted at before. Without this index that lookup starts from every
-- quoted estimate and reads all their lines, which grows with the whole history rather than with the product's.
CREATE INDEX ix_estimate_items_product ON estimator.estimate_items (product_code);
