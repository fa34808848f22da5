-- When an ERP import changed what an editable estimate is priced from, the estimate is flagged (the list shows
-- it, ?pricesStale=true finds it); saving a new revision reprices the estimate and clears the flag.
ALTER TABLE estimator.estimates ADD COLUMN prices_stale_since TIMESTAMP WITH TIME ZONE;
