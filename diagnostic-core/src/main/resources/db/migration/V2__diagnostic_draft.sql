-- Interviews in progress, saved answer by answer; a completed draft becomes a diagnostic of the same id.
CREATE TABLE diagnostic_draft (
    id                    CHAR(36)    NOT NULL,
    case_ref              VARCHAR(64) NULL,
    questionnaire_version VARCHAR(16) NOT NULL,
    started_at            DATETIME(3) NOT NULL COMMENT 'UTC',
    updated_at            DATETIME(3) NOT NULL COMMENT 'UTC',
    revision              INT         NOT NULL,
    CONSTRAINT pk_diagnostic_draft PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_diagnostic_draft_updated_at ON diagnostic_draft (updated_at);

CREATE TABLE diagnostic_draft_answer (
    draft_id      CHAR(36)    NOT NULL,
    position      INT         NOT NULL,
    question_code VARCHAR(64) NOT NULL,
    option_code   VARCHAR(64) NOT NULL,
    CONSTRAINT pk_diagnostic_draft_answer PRIMARY KEY (draft_id, position),
    CONSTRAINT fk_diagnostic_draft_answer FOREIGN KEY (draft_id) REFERENCES diagnostic_draft (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
