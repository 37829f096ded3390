-- A consultation of the CAF/MSA through API Particulier for one interview (draft, then diagnostic
-- of the same id): the person's consent first, then only what the rules use. The identity sent
-- to the API (names, birth date and place) is never stored.
CREATE TABLE caf_consultation (
    id                     CHAR(36)     NOT NULL,
    interview_id           CHAR(36)     NOT NULL COMMENT 'draft id, kept by the diagnostic it becomes',
    team_id                CHAR(36)     NOT NULL,
    consented_at           DATETIME(3)  NOT NULL COMMENT 'UTC',
    consented_by           CHAR(36)     NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    rsa                    BOOLEAN      NULL,
    prime_activite         BOOLEAN      NULL,
    quarterly_declarations BOOLEAN      NULL,
    reason                 VARCHAR(400) NULL COMMENT 'why the source could not answer, no personal data',
    completed_at           DATETIME(3)  NULL COMMENT 'UTC',
    CONSTRAINT pk_caf_consultation PRIMARY KEY (id),
    CONSTRAINT ck_caf_consultation_status CHECK (status IN ('PENDING', 'FOUND', 'NOT_FOUND', 'UNAVAILABLE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_caf_consultation_interview ON caf_consultation (interview_id, consented_at);
