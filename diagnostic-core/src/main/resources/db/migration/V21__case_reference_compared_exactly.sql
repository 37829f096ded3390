-- One definition of a dossier's identity: team + case reference, the reference compared exactly
-- (as the host software writes it). Export, erasure and retention compared it exactly in Java
-- while SQL compared it through the case-insensitive collation of the columns, so anonymising the
-- dossier « case-a » also redacted the mandates of « CASE-A », and the history and the statistics'
-- "same person" joined both. The columns now compare byte for byte, as the code does.
--
-- Existing rows: nothing is rewritten. References that differed only by case were already two
-- dossiers for export, erasure and retention; from now on they are two dossiers everywhere.
ALTER TABLE diagnostic MODIFY case_ref VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE diagnostic_draft MODIFY case_ref VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE mandate MODIFY case_ref VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
