-- Organisations, teams and agents; every dossier belongs to the team of the agent who opened it.
CREATE TABLE organisation (
    id   CHAR(36)     NOT NULL,
    name VARCHAR(200) NOT NULL,
    CONSTRAINT pk_organisation PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE team (
    id              CHAR(36)     NOT NULL,
    organisation_id CHAR(36)     NOT NULL,
    name            VARCHAR(200) NOT NULL,
    CONSTRAINT pk_team PRIMARY KEY (id),
    CONSTRAINT fk_team_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE agent (
    id            CHAR(36)     NOT NULL,
    team_id       CHAR(36)     NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200) NULL,
    oidc_issuer   VARCHAR(255) NULL,
    oidc_subject  VARCHAR(255) NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    demo          BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_agent PRIMARY KEY (id),
    CONSTRAINT uq_agent_email UNIQUE (email),
    CONSTRAINT uq_agent_oidc UNIQUE (oidc_issuer, oidc_subject),
    CONSTRAINT fk_agent_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT ck_agent_role CHECK (role IN ('WORKER', 'TEAM_LEAD', 'ANALYST', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Dossiers taken before teams existed belong to no team: no agent can open them.
ALTER TABLE diagnostic ADD COLUMN team_id CHAR(36) NULL AFTER case_ref;
ALTER TABLE diagnostic_draft ADD COLUMN team_id CHAR(36) NULL AFTER case_ref;
CREATE INDEX ix_diagnostic_team ON diagnostic (team_id, taken_at);
CREATE INDEX ix_diagnostic_draft_team ON diagnostic_draft (team_id);
