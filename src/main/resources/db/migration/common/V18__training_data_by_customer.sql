-- Every submission's AI assessment reads the customer's win rate from the training history; without this index
-- that read scans the whole history, which only grows.
CREATE INDEX ix_training_data_customer ON erp_ai.training_data (customer_code);
