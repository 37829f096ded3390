-- Scheduled work runs once per cluster: each node's scheduler wakes up on its own, and the first to
-- claim a job's lease for the period runs it; the others see the lease and skip. Times are the
-- database's (UTC_TIMESTAMP), so the nodes' clocks need not agree. The row also tells operators
-- when each job last ran, where, how long and how it ended.
CREATE TABLE scheduled_job (
    name         VARCHAR(64)  NOT NULL COMMENT 'the job, e.g. referral-delays',
    holder       VARCHAR(160) NOT NULL COMMENT 'the run holding the lease: node name and a random run id',
    leased_until DATETIME(6)  NOT NULL COMMENT 'UTC; until then no other run may start',
    started_at   DATETIME(6)  NOT NULL COMMENT 'UTC; when the holding run started',
    finished_at  DATETIME(6)  NULL COMMENT 'UTC; null while it runs (or if its node died)',
    duration_ms  BIGINT       NULL,
    outcome      VARCHAR(16)  NULL COMMENT 'OK or FAILED',
    CONSTRAINT pk_scheduled_job PRIMARY KEY (name)
) ENGINE = InnoDB;
