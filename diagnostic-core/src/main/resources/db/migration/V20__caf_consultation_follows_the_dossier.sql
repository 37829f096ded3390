-- A CAF consultation says who can act when the source failed, and whether the completed
-- interview's orientation used it (the worker is told the truth on any screen, later too).
ALTER TABLE caf_consultation
    ADD COLUMN failure VARCHAR(24) NULL COMMENT 'who can act when the source gave no usable answer' AFTER status,
    ADD COLUMN in_orientation VARCHAR(8) NULL COMMENT 'USED or NOT_USED once the interview is completed; NULL while it goes on',
    ADD CONSTRAINT ck_caf_consultation_failure CHECK (failure IS NULL OR failure IN
        ('PROVIDER_DOWN', 'RATE_LIMITED', 'CONFIGURATION', 'IDENTITY_REFUSED', 'UNEXPECTED', 'INTERNAL')),
    ADD CONSTRAINT ck_caf_consultation_in_orientation CHECK (in_orientation IS NULL OR in_orientation IN ('USED', 'NOT_USED'));

-- the sweep looks for consultations left pending
CREATE INDEX ix_caf_consultation_pending ON caf_consultation (status, consented_at);

-- Reasons written before this version could quote the provider's error text, which may echo the
-- identity sent: Repère keeps only its own wording from now on.
UPDATE caf_consultation SET reason = 'motif antérieur effacé (texte du fournisseur)' WHERE reason IS NOT NULL;

-- Consultations of interviews that no longer exist (erased or anonymized dossiers, abandoned
-- interviews) were left behind: they follow their dossier.
DELETE FROM caf_consultation
 WHERE NOT EXISTS (SELECT 1 FROM diagnostic d WHERE d.id = caf_consultation.interview_id)
   AND NOT EXISTS (SELECT 1 FROM diagnostic_draft r WHERE r.id = caf_consultation.interview_id);
