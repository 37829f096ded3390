-- Events appended in one transaction (revoking the last category also ends the mandate) are
-- inserted in no guaranteed order: the journal is ordered by its own position, not by id.
ALTER TABLE mandate_event ADD COLUMN seq INT NULL AFTER id;

DROP TRIGGER mandate_event_no_update;
UPDATE mandate_event e
    JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY mandate_id ORDER BY id) - 1 AS position
          FROM mandate_event) numbered ON numbered.id = e.id
    SET e.seq = numbered.position;
CREATE TRIGGER mandate_event_no_update BEFORE UPDATE ON mandate_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'mandate_event is append-only';

ALTER TABLE mandate_event MODIFY COLUMN seq INT NOT NULL;
ALTER TABLE mandate_event ADD CONSTRAINT uq_mandate_event_seq UNIQUE (mandate_id, seq);

-- A referral copies its place from the directory: the copy is as wide as the directory's fields.
ALTER TABLE referral
    MODIFY COLUMN place_id        VARCHAR(255)  NOT NULL COMMENT 'lieux de médiation numérique id',
    MODIFY COLUMN place_horaires  VARCHAR(1000) NULL COMMENT 'OpenStreetMap opening_hours',
    MODIFY COLUMN place_telephone VARCHAR(40)   NULL,
    MODIFY COLUMN place_courriels VARCHAR(1000) NULL COMMENT '|-separated';

-- Anonymizing a dossier erases the free text of its referrals' history (a refusal reason may name
-- the person); nothing else of an event can change, and nothing can be added to a reason.
DROP TRIGGER referral_event_no_update;
DELIMITER //
CREATE TRIGGER referral_event_no_update BEFORE UPDATE ON referral_event FOR EACH ROW
BEGIN
    IF NOT (NEW.reason IS NULL AND NEW.id <=> OLD.id AND NEW.referral_id <=> OLD.referral_id AND NEW.at <=> OLD.at
            AND NEW.kind <=> OLD.kind AND NEW.from_status <=> OLD.from_status AND NEW.to_status <=> OLD.to_status
            AND NEW.actor <=> OLD.actor) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'referral_event is append-only (only a reason may be erased)';
    END IF;
END//
DELIMITER ;
