-- Ruleset versions uploaded by the department; only checked versions are stored, at most one is active.
CREATE TABLE ruleset (
    version      VARCHAR(32)  NOT NULL,
    description  VARCHAR(500) NULL,
    uploaded_at  DATETIME(3)  NOT NULL COMMENT 'UTC',
    active       BOOLEAN      NOT NULL DEFAULT FALSE,
    activated_at DATETIME(3)  NULL COMMENT 'UTC',
    CONSTRAINT pk_ruleset PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ruleset_file (
    version   VARCHAR(32)  NOT NULL,
    file_name VARCHAR(128) NOT NULL,
    content   MEDIUMBLOB   NOT NULL,
    CONSTRAINT pk_ruleset_file PRIMARY KEY (version, file_name),
    CONSTRAINT fk_ruleset_file FOREIGN KEY (version) REFERENCES ruleset (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
