-- Host events are kept 30 days (HostEventRetention.RETENTION), then deleted with their webhook
-- deliveries. For each organisation, the highest publication number deleted is kept: a host whose
-- feed cursor is below it would silently miss events, so the feed answers 410 and says from where
-- to read on (after re-reading the records it needs with its key).
CREATE TABLE host_event_purge (
    organisation_id CHAR(36) NOT NULL,
    purged_through  BIGINT   NOT NULL COMMENT 'the highest seq of this organisation''s deleted events',
    CONSTRAINT pk_host_event_purge PRIMARY KEY (organisation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_host_event_occurred ON host_event (occurred_at);
