-- Events for the host systems (issue 17, first slice): one outbox written in the same transaction
-- as the change, read by the hosts as a feed ordered by a publication number.
--
-- A row is inserted with seq NULL. Once its transaction has committed, the sequencer (one
-- transaction at a time, serialized by a lock on the one host_event_sequencer row) gives it the
-- next number. A feed cursor is a publication number: an event committed late gets a number
-- greater than any given before, so a reader following the numbers never skips it — which an
-- AUTO_INCREMENT given at insert cannot promise (concurrent transactions commit out of order).
--
-- No personal data: ids, codes, levels; subject is the dossier's case reference (the host's own
-- identifier), removed from the earlier events of a dossier when it is erased or anonymized.
CREATE TABLE host_event (
    position        BIGINT       NOT NULL AUTO_INCREMENT COMMENT 'insertion order; never a cursor',
    event_id        CHAR(36)     NOT NULL COMMENT 'the CloudEvents id',
    organisation_id CHAR(36)     NOT NULL,
    team_id         CHAR(36)     NOT NULL,
    type            VARCHAR(80)  NOT NULL COMMENT 'the CloudEvents type',
    subject         VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL
                                 COMMENT 'the case reference; NULL once the dossier is erased or anonymized',
    occurred_at     DATETIME(3)  NOT NULL COMMENT 'UTC, the server''s time of the change',
    body            LONGTEXT     NOT NULL COMMENT 'the CloudEvents 1.0 JSON, thin data only',
    seq             BIGINT       NULL COMMENT 'the publication number, given after commit; the feed''s cursor',
    CONSTRAINT pk_host_event PRIMARY KEY (position),
    CONSTRAINT uq_host_event_id UNIQUE (event_id),
    CONSTRAINT uq_host_event_seq UNIQUE (seq),
    CONSTRAINT ck_host_event_body CHECK (JSON_VALID(body)),
    INDEX ix_host_event_organisation_seq (organisation_id, seq),
    INDEX ix_host_event_dossier (team_id, subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE host_event_sequencer (
    id       TINYINT NOT NULL,
    last_seq BIGINT  NOT NULL COMMENT 'the last publication number given',
    CONSTRAINT pk_host_event_sequencer PRIMARY KEY (id),
    CONSTRAINT ck_host_event_sequencer_one CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO host_event_sequencer (id, last_seq) VALUES (1, 0);
