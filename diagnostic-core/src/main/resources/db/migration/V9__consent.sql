-- The person was informed and agreed before the interview: when (UTC). A draft keeps it, and the
-- diagnostic it becomes carries it on. NULL for interviews recorded before consent was asked for.
ALTER TABLE diagnostic_draft ADD COLUMN consent_at DATETIME(3) NULL COMMENT 'UTC: information read, consent given';
ALTER TABLE diagnostic ADD COLUMN consent_at DATETIME(3) NULL COMMENT 'UTC: information read, consent given';
