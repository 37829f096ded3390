-- The audit journal (CNIL logging recommendation): who, when (UTC), what, pseudonymous dossier,
-- allowed or refused; never answers nor free text. Append-only: the database refuses any UPDATE,
-- and any DELETE of an entry younger than 6 months (the shortest retention allowed), whoever asks.
CREATE TABLE journal_entry (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    at         DATETIME(3) NOT NULL COMMENT 'UTC',
    actor      VARCHAR(64) NULL,
    actor_role VARCHAR(16) NULL,
    team       VARCHAR(36) NULL,
    action     VARCHAR(32) NOT NULL,
    dossier    VARCHAR(64) NULL COMMENT 'HMAC pseudonym of team + case reference',
    target     VARCHAR(36) NULL,
    allowed    BOOLEAN     NOT NULL,
    CONSTRAINT pk_journal_entry PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_journal_entry_at ON journal_entry (at);
CREATE INDEX ix_journal_entry_dossier ON journal_entry (dossier, at);

CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal_entry is append-only';

DELIMITER //
CREATE TRIGGER journal_entry_no_early_delete BEFORE DELETE ON journal_entry FOR EACH ROW
BEGIN
    IF OLD.at > UTC_TIMESTAMP(3) - INTERVAL 6 MONTH THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal_entry entries are kept at least 6 months';
    END IF;
END//
DELIMITER ;
