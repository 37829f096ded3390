-- The directory of places of digital mediation (national "lieux de médiation numérique" schema,
-- v1.0.1), its imports, the needs no place could meet, and the person's territory of a diagnostic.
--
-- A place keeps the schema's fields; multi-valued controlled fields hold Repère's codes joined by
-- '|' (the enums of fr.repere.directory), free lists their values joined by '|'. The commune's
-- EPCI and département are those of its INSEE code at import (fr.repere.territory.Geography).
CREATE TABLE place (
    id                              VARCHAR(255)  NOT NULL COMMENT 'the schema''s id: imports are keyed on it',
    pivot                           VARCHAR(14)   NOT NULL,
    nom                             VARCHAR(250)  NOT NULL,
    commune                         VARCHAR(120)  NOT NULL,
    code_postal                     CHAR(5)       NOT NULL,
    code_insee                      CHAR(5)       NOT NULL,
    epci_code                       CHAR(9)       NULL,
    departement_code                VARCHAR(3)    NOT NULL,
    adresse                         VARCHAR(250)  NOT NULL,
    complement_adresse              VARCHAR(250)  NULL,
    latitude                        DOUBLE        NULL,
    longitude                       DOUBLE        NULL,
    typologie                       VARCHAR(1000) NULL,
    telephone                       VARCHAR(40)   NULL,
    courriels                       VARCHAR(1000) NULL,
    site_web                        VARCHAR(1000) NULL,
    horaires                        VARCHAR(1000) NULL COMMENT 'OpenStreetMap opening_hours syntax',
    presentation_resume             VARCHAR(1000) NULL,
    presentation_detail             TEXT          NULL,
    source                          VARCHAR(250)  NULL,
    itinerance                      VARCHAR(32)   NULL,
    structure_parente               VARCHAR(250)  NULL,
    date_maj                        DATE          NOT NULL,
    services                        VARCHAR(255)  NULL,
    publics_specifiquement_adresses VARCHAR(255)  NULL,
    prise_en_charge_specifique      VARCHAR(255)  NULL,
    frais_a_charge                  VARCHAR(64)   NULL,
    dispositif_programmes_nationaux VARCHAR(500)  NULL,
    formations_labels               VARCHAR(500)  NULL,
    autres_formations_labels        VARCHAR(1000) NULL,
    modalites_acces                 VARCHAR(255)  NULL,
    modalites_accompagnement        VARCHAR(255)  NULL,
    fiche_acces_libre               VARCHAR(500)  NULL,
    prise_rdv                       VARCHAR(500)  NULL,
    content_sha256                  CHAR(64)      NOT NULL,
    updated_at                      DATETIME(3)   NOT NULL COMMENT 'UTC',
    CONSTRAINT pk_place PRIMARY KEY (id),
    CONSTRAINT ck_place_latitude CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_place_longitude CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- matching reads the places of a département, or of an EPCI
CREATE INDEX ix_place_departement ON place (departement_code);
CREATE INDEX ix_place_epci ON place (epci_code);

CREATE TABLE directory_import (
    id                 CHAR(36)      NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         DATETIME(3)   NOT NULL COMMENT 'UTC',
    finished_at        DATETIME(3)   NULL COMMENT 'UTC',
    encoding           VARCHAR(32)   NOT NULL,
    file_bytes         BIGINT        NOT NULL,
    import_valid_lines BOOLEAN       NOT NULL,
    unknown_columns    VARCHAR(1000) NULL,
    lines_checked      INT           NOT NULL DEFAULT 0,
    lines_valid        INT           NOT NULL DEFAULT 0,
    lines_invalid      INT           NOT NULL DEFAULT 0,
    lines_stored       INT           NOT NULL DEFAULT 0,
    places_created     INT           NOT NULL DEFAULT 0,
    places_updated     INT           NOT NULL DEFAULT 0,
    places_unchanged   INT           NOT NULL DEFAULT 0,
    problem_count      INT           NOT NULL DEFAULT 0,
    message            VARCHAR(1000) NULL,
    CONSTRAINT pk_directory_import PRIMARY KEY (id),
    CONSTRAINT ck_directory_import_status CHECK (status IN ('CHECKING', 'STORING', 'DONE', 'REJECTED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the first problems of an import (the report); problem_count counts them all
CREATE TABLE directory_import_problem (
    import_id CHAR(36)      NOT NULL,
    position  INT           NOT NULL,
    line      INT           NOT NULL,
    field     VARCHAR(64)   NOT NULL,
    value     VARCHAR(200)  NULL,
    message   VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_directory_import_problem PRIMARY KEY (import_id, position),
    CONSTRAINT fk_directory_import_problem FOREIGN KEY (import_id) REFERENCES directory_import (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A need no place of the person's territory could meet: which need, where, which team, when;
-- nothing about the person. Once per diagnostic and need. Erasing the diagnostic keeps the count.
CREATE TABLE unmet_need (
    id               CHAR(36)     NOT NULL,
    diagnostic_id    CHAR(36)     NULL,
    need_key         VARCHAR(255) NOT NULL COMMENT 'service and specific care codes',
    service          VARCHAR(32)  NOT NULL COMMENT 'LieuService code',
    prise_en_charge  VARCHAR(255) NOT NULL COMMENT 'PriseEnChargeSpecifique codes, |-separated',
    team_id          CHAR(36)     NOT NULL,
    commune_code     CHAR(5)      NOT NULL,
    epci_code        CHAR(9)      NULL,
    departement_code VARCHAR(3)   NOT NULL,
    recorded_at      DATETIME(3)  NOT NULL COMMENT 'UTC',
    CONSTRAINT pk_unmet_need PRIMARY KEY (id),
    CONSTRAINT uq_unmet_need UNIQUE (diagnostic_id, need_key),
    CONSTRAINT fk_unmet_need_diagnostic FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id)
        ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_unmet_need_team ON unmet_need (team_id, recorded_at);

-- Where the person lives, as codes of the time (commune, EPCI, département), given when places
-- are searched for a diagnostic: for the statistics by territory. Follows the diagnostic.
CREATE TABLE diagnostic_territory (
    diagnostic_id    CHAR(36)    NOT NULL,
    commune_code     CHAR(5)     NOT NULL,
    epci_code        CHAR(9)     NULL,
    departement_code VARCHAR(3)  NOT NULL,
    recorded_at      DATETIME(3) NOT NULL COMMENT 'UTC',
    CONSTRAINT pk_diagnostic_territory PRIMARY KEY (diagnostic_id),
    CONSTRAINT fk_diagnostic_territory FOREIGN KEY (diagnostic_id) REFERENCES diagnostic (id)
        ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_diagnostic_territory_commune ON diagnostic_territory (commune_code);
CREATE INDEX ix_diagnostic_territory_epci ON diagnostic_territory (epci_code);
CREATE INDEX ix_diagnostic_territory_departement ON diagnostic_territory (departement_code);
