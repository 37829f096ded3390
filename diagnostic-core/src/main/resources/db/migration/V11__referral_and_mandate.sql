-- Referrals of a diagnostic to a place (Dora's statuses) with their history, and mandates
-- (Aidants Connect model) with their journal.

-- A referral keeps a snapshot of what the slip needs of the place (the directory may change
-- later); the place itself is named by its national id. It follows its diagnostic: erased with it,
-- renumbered with it when the dossier is anonymized.
CREATE TABLE referral (
    id                       CHAR(36)      NOT NULL,
    diagnostic_id            CHAR(36)      NOT NULL,
    team_id                  CHAR(36)      NOT NULL,
    created_by               VARCHAR(36)   NOT NULL COMMENT 'agent id',
    created_at               DATETIME(3)   NOT NULL COMMENT 'UTC',
    service                  VARCHAR(32)   NULL COMMENT 'LieuService code',
    place_id                 VARCHAR(100)  NOT NULL COMMENT 'lieux de médiation numérique id',
    place_nom                VARCHAR(250)  NOT NULL,
    place_adresse            VARCHAR(250)  NOT NULL,
    place_complement_adresse VARCHAR(250)  NULL,
    place_code_postal        VARCHAR(5)    NOT NULL,
    place_commune            VARCHAR(120)  NOT NULL,
    place_horaires           VARCHAR(500)  NULL COMMENT 'OpenStreetMap opening_hours',
    place_telephone          VARCHAR(32)   NULL,
    place_courriels          VARCHAR(500)  NULL COMMENT '|-separated',
    place_modalites_acces    VARCHAR(500)  NULL COMMENT '|-separated labels',
    place_a_apporter         VARCHAR(1000) NULL,
    status                   VARCHAR(16)   NOT NULL,
    status_changed_at        DATETIME(3)   NOT NULL COMMENT 'UTC',
    refusal_reason           VARCHAR(1000) NULL,
    reminded_at              DATETIME(3)   NULL COMMENT 'UTC',
    version                  INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_referral PRIMARY KEY (id),
    CONSTRAINT fk_referral_diagnostic FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT ck_referral_status CHECK (status IN ('OPEN', 'ACCEPTED', 'REFUSED', 'EXPIRED', 'COMPLETED')),
    CONSTRAINT ck_referral_refusal_reason CHECK (status <> 'REFUSED' OR refusal_reason IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the team lead's figures (status per team, by date; per worker, read from the index alone, never
-- from the wide rows) and the jobs (open referrals by age)
CREATE INDEX ix_referral_team_status ON referral (team_id, status, created_at);
CREATE INDEX ix_referral_team_closed ON referral (team_id, status, status_changed_at);
CREATE INDEX ix_referral_team_agent ON referral (team_id, created_by, status, created_at);
CREATE INDEX ix_referral_due ON referral (status, created_at);
CREATE INDEX ix_referral_diagnostic ON referral (diagnostic_id);

-- the team lead's count of overrides, from the index alone
CREATE INDEX ix_diagnostic_team_overridden ON diagnostic (team_id, overridden, decided_at);

-- Every status change and reminder. Append-only: no UPDATE, no DELETE by anyone. The rows go only
-- with their referral when the dossier is erased (a foreign-key cascade, which fires no trigger).
CREATE TABLE referral_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    referral_id CHAR(36)      NOT NULL,
    at          DATETIME(3)   NOT NULL COMMENT 'UTC',
    kind        VARCHAR(16)   NOT NULL,
    from_status VARCHAR(16)   NULL,
    to_status   VARCHAR(16)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL COMMENT 'agent id or system',
    reason      VARCHAR(1000) NULL,
    CONSTRAINT pk_referral_event PRIMARY KEY (id),
    CONSTRAINT fk_referral_event FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT ck_referral_event_kind CHECK (kind IN ('STATUS', 'REMINDER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER referral_event_no_update BEFORE UPDATE ON referral_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'referral_event is append-only';
CREATE TRIGGER referral_event_no_delete BEFORE DELETE ON referral_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'referral_event is append-only';

-- A mandate links the organisation (not one worker) and the person (a dossier: team + case
-- reference). Only the SHA-256 of the scanned signed attestation may be kept, never the scan,
-- never the person's passwords.
CREATE TABLE mandate (
    id                 CHAR(36)    NOT NULL,
    organisation_id    CHAR(36)    NOT NULL,
    team_id            CHAR(36)    NOT NULL,
    case_ref           VARCHAR(64) NOT NULL,
    diagnostic_id      CHAR(36)    NULL,
    created_by         VARCHAR(36) NOT NULL COMMENT 'agent id',
    created_at         DATETIME(3) NOT NULL COMMENT 'UTC',
    duration           VARCHAR(16) NOT NULL,
    signed_at          DATETIME(3) NULL COMMENT 'UTC',
    expires_at         DATETIME(3) NULL COMMENT 'UTC',
    attestation_sha256 CHAR(64)    NULL,
    version            INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_mandate PRIMARY KEY (id),
    CONSTRAINT fk_mandate_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_mandate_diagnostic FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id)
        ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT ck_mandate_duration CHECK (duration IN ('ONE_DAY', 'ONE_MONTH', 'SIX_MONTHS', 'TWELVE_MONTHS')),
    CONSTRAINT ck_mandate_signed CHECK ((signed_at IS NULL) = (expires_at IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_mandate_dossier ON mandate (team_id, case_ref);
CREATE INDEX ix_mandate_team_expiry ON mandate (team_id, expires_at);

CREATE TABLE mandate_autorisation (
    mandate_id CHAR(36)    NOT NULL,
    category   VARCHAR(16) NOT NULL,
    revoked_at DATETIME(3) NULL COMMENT 'UTC',
    revoked_by VARCHAR(36) NULL,
    CONSTRAINT pk_mandate_autorisation PRIMARY KEY (mandate_id, category),
    CONSTRAINT fk_mandate_autorisation FOREIGN KEY (mandate_id) REFERENCES mandate (id),
    CONSTRAINT ck_mandate_autorisation_category CHECK (category IN
        ('PAPIERS', 'FAMILLE', 'SOCIAL', 'TRAVAIL', 'LOGEMENT', 'TRANSPORTS', 'ARGENT', 'JUSTICE', 'ETRANGER', 'LOISIRS'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The mandate journal (Aidants Connect): it cannot be edited or deleted, whoever asks.
CREATE TABLE mandate_event (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    mandate_id      CHAR(36)    NOT NULL,
    organisation_id CHAR(36)    NOT NULL,
    at              DATETIME(3) NOT NULL COMMENT 'UTC',
    action          VARCHAR(32) NOT NULL,
    category        VARCHAR(16) NULL,
    actor           VARCHAR(36) NOT NULL COMMENT 'agent id',
    CONSTRAINT pk_mandate_event PRIMARY KEY (id),
    CONSTRAINT fk_mandate_event FOREIGN KEY (mandate_id) REFERENCES mandate (id),
    CONSTRAINT ck_mandate_event_action CHECK (action IN
        ('CREATE_ATTESTATION', 'CREATE_AUTORISATION', 'USE_AUTORISATION', 'CANCEL_AUTORISATION', 'CANCEL_MANDAT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_mandate_event_mandate ON mandate_event (mandate_id, id);

CREATE TRIGGER mandate_event_no_update BEFORE UPDATE ON mandate_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'mandate_event is append-only';
CREATE TRIGGER mandate_event_no_delete BEFORE DELETE ON mandate_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'mandate_event is append-only';
