-- The job executors alive now, each by the lock owner it writes into Camunda's jobs. Each refreshes its row
-- every few seconds (JobExecutorNodes); a row left unrefreshed belongs to a dead process, whose locked jobs are
-- released at once instead of when Camunda's lock expires.
CREATE TABLE shared.job_executor_nodes (
    lock_owner VARCHAR(255)             PRIMARY KEY,
    host       VARCHAR(255)             NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
