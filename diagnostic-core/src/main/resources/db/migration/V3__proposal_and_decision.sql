-- The rule base's full proposal (complementary actions, directory needs, mandate suggestion)
-- and the worker's decision: both are kept, and overrides are flagged for team leads.
ALTER TABLE diagnostic
    ADD COLUMN mandate_categories VARCHAR(255)  NULL COMMENT 'DemarcheCategory codes, comma-separated',
    ADD COLUMN mandate_duration   VARCHAR(16)   NULL,
    ADD COLUMN mandate_rule       VARCHAR(128)  NULL,
    ADD COLUMN mandate_text       VARCHAR(1000) NULL,
    ADD COLUMN final_orientation  VARCHAR(16)   NULL,
    ADD COLUMN overridden         BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN override_reason    VARCHAR(1000) NULL,
    ADD COLUMN decided_at         DATETIME(3)   NULL COMMENT 'UTC',
    ADD CONSTRAINT ck_diagnostic_final_orientation
        CHECK (final_orientation IS NULL OR final_orientation IN ('AUTONOMOUS', 'TRAIN', 'MEDIATOR', 'ON_BEHALF')),
    ADD CONSTRAINT ck_diagnostic_override_reason CHECK (NOT overridden OR override_reason IS NOT NULL);

CREATE INDEX ix_diagnostic_overridden ON diagnostic (overridden, decided_at);

CREATE TABLE diagnostic_action (
    diagnostic_id CHAR(36)      NOT NULL,
    position      INT           NOT NULL,
    action        VARCHAR(32)   NOT NULL,
    rule_name     VARCHAR(128)  NOT NULL,
    text          VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_diagnostic_action PRIMARY KEY (diagnostic_id, position),
    CONSTRAINT fk_diagnostic_action FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE diagnostic_need (
    diagnostic_id   CHAR(36)     NOT NULL,
    position        INT          NOT NULL,
    service         VARCHAR(32)  NOT NULL COMMENT 'LieuService code',
    prise_en_charge VARCHAR(255) NOT NULL COMMENT 'PriseEnChargeSpecifique codes, comma-separated',
    for_what        VARCHAR(255) NOT NULL,
    CONSTRAINT pk_diagnostic_need PRIMARY KEY (diagnostic_id, position),
    CONSTRAINT fk_diagnostic_need FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE diagnostic_final_action (
    diagnostic_id CHAR(36)    NOT NULL,
    action        VARCHAR(32) NOT NULL,
    CONSTRAINT pk_diagnostic_final_action PRIMARY KEY (diagnostic_id, action),
    CONSTRAINT fk_diagnostic_final_action FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
