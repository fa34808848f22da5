-- Staged rows are a copy of a file still on disk: a crash loses nothing the stage step cannot load again, so the
-- staging tables skip the write-ahead log (about twice as fast to fill).
ALTER TABLE erp_ai.erp_staged_products SET UNLOGGED;
ALTER TABLE erp_ai.erp_staged_customers SET UNLOGGED;
ALTER TABLE erp_ai.erp_staged_prices SET UNLOGGED;
