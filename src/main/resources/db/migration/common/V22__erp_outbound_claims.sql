-- Who is sending an outbound message now: a replica that dies mid-send had its claim wait 5 minutes; now the
-- message is given back when the replica is presumed dead (ErpOutbound, JobExecutorNodes). NULL: not claimed.
ALTER TABLE erp_ai.erp_outbound ADD COLUMN claimed_by VARCHAR(255);
