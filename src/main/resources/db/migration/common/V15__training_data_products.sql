-- Which products a closed estimate quoted (|code|code|…|), so that the history can be analysed per product.
ALTER TABLE erp_ai.training_data ADD COLUMN product_codes VARCHAR(4000);
