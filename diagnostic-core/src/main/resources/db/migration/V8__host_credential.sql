-- Keys with which a host system (the case-management software that embeds Repère) calls the API
-- for one organisation. Only a SHA-256 of the secret is kept: the key is shown once, at creation.
CREATE TABLE host_credential (
    id              CHAR(36)     NOT NULL,
    organisation_id CHAR(36)     NOT NULL,
    label           VARCHAR(120) NOT NULL,
    secret_sha256   CHAR(64)     NOT NULL,
    created_at      DATETIME(3)  NOT NULL COMMENT 'UTC',
    created_by      CHAR(36)     NOT NULL,
    revoked_at      DATETIME(3)  NULL COMMENT 'UTC',
    CONSTRAINT pk_host_credential PRIMARY KEY (id),
    CONSTRAINT fk_host_credential_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_host_credential_organisation ON host_credential (organisation_id);
