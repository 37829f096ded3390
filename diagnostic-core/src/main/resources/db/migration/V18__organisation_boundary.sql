-- One organisation never reads or changes another's: the directory (places and their imports)
-- belongs to the organisation that imported it, and a host key may be restricted to some teams.
--
-- Places are keyed on (organisation_id, id): the national id of a place identifies it within one
-- organisation's directory, so two organisations may import the same national id without
-- touching each other's copy.
--
-- Existing rows (imports and places recorded before organisations were told apart):
-- * an import belongs to the organisation of the agent who started it; an import whose agent is
--   unknown goes to the only organisation when there is one, and is otherwise deleted (a report,
--   not a place: nothing a worker uses is lost);
-- * a place does not record which import brought it. It is copied to every organisation that has
--   imported a directory (with a single organisation: attached to it); when no import is recorded,
--   to every organisation. Nobody loses a place they saw before; an organisation that wants a
--   place gone re-imports its own file (or asks for the row to be deleted) on its own copy.

ALTER TABLE directory_import ADD COLUMN organisation_id CHAR(36) NULL AFTER id;

UPDATE directory_import i
    JOIN agent a ON a.id = i.created_by
    JOIN team t ON t.id = a.team_id
SET i.organisation_id = t.organisation_id;

UPDATE directory_import
SET organisation_id = (SELECT MIN(id) FROM organisation)
WHERE organisation_id IS NULL AND (SELECT COUNT(*) FROM organisation) = 1;

DELETE FROM directory_import WHERE organisation_id IS NULL;

ALTER TABLE directory_import
    MODIFY COLUMN organisation_id CHAR(36) NOT NULL,
    ADD CONSTRAINT fk_directory_import_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);
CREATE INDEX ix_directory_import_organisation ON directory_import (organisation_id, created_at);

-- the organisations that receive the existing places (a plain table: MariaDB cannot open a
-- temporary table twice in one statement)
CREATE TABLE v18_place_owner (
    organisation_id CHAR(36) NOT NULL,
    CONSTRAINT pk_v18_place_owner PRIMARY KEY (organisation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO v18_place_owner (organisation_id) SELECT DISTINCT organisation_id FROM directory_import;
INSERT INTO v18_place_owner (organisation_id)
    SELECT o.id FROM organisation o WHERE (SELECT COUNT(*) FROM directory_import) = 0;

ALTER TABLE place ADD COLUMN organisation_id CHAR(36) NULL FIRST, DROP PRIMARY KEY;

INSERT INTO place (organisation_id, id, pivot, nom, commune, code_postal, code_insee, epci_code, departement_code,
                   adresse, complement_adresse, latitude, longitude, typologie, telephone, courriels, site_web, horaires,
                   presentation_resume, presentation_detail, source, itinerance, structure_parente, date_maj, services,
                   publics_specifiquement_adresses, prise_en_charge_specifique, frais_a_charge,
                   dispositif_programmes_nationaux, formations_labels, autres_formations_labels, modalites_acces,
                   modalites_accompagnement, fiche_acces_libre, prise_rdv, content_sha256, updated_at)
SELECT o.organisation_id, p.id, p.pivot, p.nom, p.commune, p.code_postal, p.code_insee, p.epci_code, p.departement_code,
       p.adresse, p.complement_adresse, p.latitude, p.longitude, p.typologie, p.telephone, p.courriels, p.site_web,
       p.horaires, p.presentation_resume, p.presentation_detail, p.source, p.itinerance, p.structure_parente, p.date_maj,
       p.services, p.publics_specifiquement_adresses, p.prise_en_charge_specifique, p.frais_a_charge,
       p.dispositif_programmes_nationaux, p.formations_labels, p.autres_formations_labels, p.modalites_acces,
       p.modalites_accompagnement, p.fiche_acces_libre, p.prise_rdv, p.content_sha256, p.updated_at
FROM place p CROSS JOIN v18_place_owner o
WHERE p.organisation_id IS NULL;

DELETE FROM place WHERE organisation_id IS NULL;
DROP TABLE v18_place_owner;

ALTER TABLE place
    MODIFY COLUMN organisation_id CHAR(36) NOT NULL,
    ADD CONSTRAINT pk_place PRIMARY KEY (organisation_id, id),
    ADD CONSTRAINT fk_place_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);

-- matching reads one organisation's places of a département, or of an EPCI
DROP INDEX ix_place_departement ON place;
DROP INDEX ix_place_epci ON place;
CREATE INDEX ix_place_departement ON place (organisation_id, departement_code);
CREATE INDEX ix_place_epci ON place (organisation_id, epci_code);

-- A host key without rows here reads every team of its organisation; with rows, those teams only.
CREATE TABLE host_credential_team (
    credential_id CHAR(36) NOT NULL,
    team_id       CHAR(36) NOT NULL,
    CONSTRAINT pk_host_credential_team PRIMARY KEY (credential_id, team_id),
    CONSTRAINT fk_host_credential_team_credential FOREIGN KEY (credential_id) REFERENCES host_credential (id),
    CONSTRAINT fk_host_credential_team_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
