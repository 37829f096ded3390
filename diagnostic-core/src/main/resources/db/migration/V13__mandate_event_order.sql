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
