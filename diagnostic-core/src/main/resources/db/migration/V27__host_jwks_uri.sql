-- A host's public keys may also be published at an address (jwks_uri), which Repère reads and
-- caches, so that the host rotates its keys without asking the administrator: one or the other.
ALTER TABLE host_registration
    ADD COLUMN jwks_uri VARCHAR(2000) NULL COMMENT 'https, public addresses only: where the host publishes its keys' AFTER origin,
    MODIFY jwks TEXT NULL COMMENT 'or its public keys pinned here: a JWK Set, public parts only (ES256 or RS256)',
    ADD CONSTRAINT ck_host_registration_keys CHECK ((jwks IS NULL) <> (jwks_uri IS NULL));
