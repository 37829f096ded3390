-- Diagnostics: answers, per-dimension scores and the explained orientation, with the versions that produced them.
CREATE TABLE diagnostic (
    id                    CHAR(36)     NOT NULL,
    case_ref              VARCHAR(64)  NULL,
    questionnaire_version VARCHAR(16)  NOT NULL,
    ruleset_version       VARCHAR(32)  NOT NULL,
    taken_at              DATETIME(3)  NOT NULL COMMENT 'UTC',
    primary_orientation   VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_diagnostic PRIMARY KEY (id),
    CONSTRAINT ck_diagnostic_orientation CHECK (primary_orientation IN ('AUTONOMOUS', 'TRAIN', 'MEDIATOR', 'ON_BEHALF'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_diagnostic_case_ref ON diagnostic (case_ref);
CREATE INDEX ix_diagnostic_taken_at ON diagnostic (taken_at);

CREATE TABLE diagnostic_answer (
    diagnostic_id CHAR(36)    NOT NULL,
    position      INT         NOT NULL,
    question_code VARCHAR(64) NOT NULL,
    option_code   VARCHAR(64) NOT NULL,
    CONSTRAINT pk_diagnostic_answer PRIMARY KEY (diagnostic_id, position),
    CONSTRAINT fk_diagnostic_answer FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE diagnostic_score (
    diagnostic_id CHAR(36)    NOT NULL,
    dimension     VARCHAR(16) NOT NULL,
    score         INT         NULL,
    level         VARCHAR(16) NOT NULL,
    confidence    INT         NOT NULL,
    CONSTRAINT pk_diagnostic_score PRIMARY KEY (diagnostic_id, dimension),
    CONSTRAINT fk_diagnostic_score FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id) ON DELETE CASCADE,
    CONSTRAINT ck_diagnostic_score_range CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    CONSTRAINT ck_diagnostic_confidence_range CHECK (confidence BETWEEN 0 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE diagnostic_reason (
    diagnostic_id CHAR(36)      NOT NULL,
    position      INT           NOT NULL,
    rule_name     VARCHAR(128)  NOT NULL,
    text          VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_diagnostic_reason PRIMARY KEY (diagnostic_id, position),
    CONSTRAINT fk_diagnostic_reason FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotency-Key (IETF httpapi draft): the first response to a key is replayed to retries.
CREATE TABLE idempotency_key (
    idem_key        VARCHAR(255)  NOT NULL,
    fingerprint     CHAR(64)      NOT NULL COMMENT 'SHA-256 of the request method, path and body',
    state           VARCHAR(16)   NOT NULL,
    response_status INT           NULL,
    location        VARCHAR(512)  NULL,
    response_body   MEDIUMTEXT    NULL,
    created_at      DATETIME(3)   NOT NULL COMMENT 'UTC',
    CONSTRAINT pk_idempotency_key PRIMARY KEY (idem_key),
    CONSTRAINT ck_idempotency_state CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
