-- Signed launch (issue 17, third slice): a host system (the organisation's case-management
-- software) opens Repère for one of its agents and one of its cases by posting a JWS it signed
-- (LTI 1.3 claim names, one hop). Registered by the organisation's administrators.
CREATE TABLE host_registration (
    id              CHAR(36)      NOT NULL,
    organisation_id CHAR(36)      NOT NULL,
    label           VARCHAR(120)  NOT NULL,
    issuer          VARCHAR(255)  NOT NULL COMMENT 'the iss of its launches',
    client_id       CHAR(36)      NOT NULL COMMENT 'Repère''s audience (aud) for this host, given at registration',
    origin          VARCHAR(255)  NOT NULL COMMENT 'the host''s web origin: the only parent a framed page posts to',
    jwks            TEXT          NOT NULL COMMENT 'its public keys: a JWK Set, public parts only (ES256 or RS256)',
    created_at      DATETIME(3)   NOT NULL,
    created_by      CHAR(36)      NOT NULL,
    deleted_at      DATETIME(3)   NULL COMMENT 'removed: kept for the journal and the bindings, never accepted again',
    CONSTRAINT pk_host_registration PRIMARY KEY (id),
    CONSTRAINT uq_host_registration_client UNIQUE (client_id),
    CONSTRAINT fk_host_registration_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_host_registration_issuer (issuer),
    INDEX ix_host_registration_organisation (organisation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE host_registration_deployment (
    registration_id CHAR(36)     NOT NULL,
    deployment_id   VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    CONSTRAINT pk_host_registration_deployment PRIMARY KEY (registration_id, deployment_id),
    CONSTRAINT fk_host_registration_deployment FOREIGN KEY (registration_id) REFERENCES host_registration (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The teams a host may launch into; none listed: every team of the organisation.
CREATE TABLE host_registration_team (
    registration_id CHAR(36) NOT NULL,
    team_id         CHAR(36) NOT NULL,
    CONSTRAINT pk_host_registration_team PRIMARY KEY (registration_id, team_id),
    CONSTRAINT fk_host_registration_team FOREIGN KEY (registration_id) REFERENCES host_registration (id),
    CONSTRAINT fk_host_registration_team_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A launch token is used once: its jti is kept until the token expires, under a unique key, so
-- that a replay is refused whichever node receives it.
CREATE TABLE host_launch_jti (
    registration_id CHAR(36)     NOT NULL,
    jti             VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    expires_at      DATETIME(3)  NOT NULL COMMENT 'UTC; the row may be purged after this',
    CONSTRAINT pk_host_launch_jti PRIMARY KEY (registration_id, jti),
    INDEX ix_host_launch_jti_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The Repère agent of a host's account (iss, sub): bound at first launch by work e-mail.
CREATE TABLE host_agent_binding (
    issuer     VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    subject    VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    agent_id   CHAR(36)     NOT NULL,
    bound_at   DATETIME(3)  NOT NULL,
    CONSTRAINT pk_host_agent_binding PRIMARY KEY (issuer, subject),
    CONSTRAINT fk_host_agent_binding_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
