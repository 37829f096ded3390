-- Issue 14: each organisation has its own ruleset versions and its own active version; the rules
-- shipped with Repère stay every organisation's default. A version number is unique within an
-- organisation only, so another organisation's numbers are never revealed.
--
-- Versions uploaded before this migration recorded no uploader. In an installation of a single
-- organisation they can only be that organisation's: they are attached to it (its active version
-- stays active). With several organisations nobody can tell whose they are: they are kept, under
-- no organisation (''), inactive, out of every list; the operator may attach one with
-- UPDATE ruleset / ruleset_file SET organisation_id = '<id>' WHERE version = '<version>'.
ALTER TABLE ruleset_file DROP FOREIGN KEY fk_ruleset_file;

ALTER TABLE ruleset ADD COLUMN organisation_id CHAR(36) NOT NULL DEFAULT '' FIRST;
ALTER TABLE ruleset_file ADD COLUMN organisation_id CHAR(36) NOT NULL DEFAULT '' FIRST;

UPDATE ruleset SET organisation_id = (SELECT MIN(id) FROM organisation)
WHERE (SELECT COUNT(*) FROM organisation) = 1;
UPDATE ruleset SET active = FALSE WHERE organisation_id = '';
UPDATE ruleset_file f JOIN ruleset r ON r.version = f.version SET f.organisation_id = r.organisation_id;

ALTER TABLE ruleset DROP PRIMARY KEY, ADD CONSTRAINT pk_ruleset PRIMARY KEY (organisation_id, version);
ALTER TABLE ruleset_file DROP PRIMARY KEY, ADD CONSTRAINT pk_ruleset_file PRIMARY KEY (organisation_id, version, file_name);
ALTER TABLE ruleset_file ADD CONSTRAINT fk_ruleset_file FOREIGN KEY (organisation_id, version)
    REFERENCES ruleset (organisation_id, version);
ALTER TABLE ruleset ALTER COLUMN organisation_id DROP DEFAULT;
ALTER TABLE ruleset_file ALTER COLUMN organisation_id DROP DEFAULT;
CREATE INDEX ix_ruleset_active ON ruleset (organisation_id, active);
