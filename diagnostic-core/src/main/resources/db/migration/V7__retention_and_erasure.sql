-- Retention of dossiers, erasure on request, journal purge.
--
-- A diagnostic whose dossier was anonymized keeps its scores, levels, proposal and decision for
-- statistics, but no case reference, no answers and no free text: anonymized_at marks it. The
-- override flag stays, its free-text reason goes, so the override-reason check allows that.
ALTER TABLE diagnostic
    ADD COLUMN anonymized_at DATETIME(3) NULL COMMENT 'UTC; the dossier link, answers and free text were removed';

ALTER TABLE diagnostic DROP CONSTRAINT ck_diagnostic_override_reason;
ALTER TABLE diagnostic
    ADD CONSTRAINT ck_diagnostic_override_reason
        CHECK (NOT overridden OR override_reason IS NOT NULL OR anonymized_at IS NOT NULL),
    ADD CONSTRAINT ck_diagnostic_anonymous
        CHECK (anonymized_at IS NULL OR (case_ref IS NULL AND override_reason IS NULL));

-- A dossier is a team and a case reference: export, erasure and the retention job look dossiers up so.
CREATE INDEX ix_diagnostic_dossier ON diagnostic (team_id, case_ref);
CREATE INDEX ix_diagnostic_draft_dossier ON diagnostic_draft (team_id, case_ref);

-- An anonymized diagnostic gets a new id (the host software or the journal may hold the old one):
-- its lines follow the id.
ALTER TABLE diagnostic_answer DROP FOREIGN KEY fk_diagnostic_answer;
ALTER TABLE diagnostic_answer ADD CONSTRAINT fk_diagnostic_answer FOREIGN KEY (diagnostic_id)
    REFERENCES diagnostic (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE diagnostic_score DROP FOREIGN KEY fk_diagnostic_score;
ALTER TABLE diagnostic_score ADD CONSTRAINT fk_diagnostic_score FOREIGN KEY (diagnostic_id)
    REFERENCES diagnostic (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE diagnostic_reason DROP FOREIGN KEY fk_diagnostic_reason;
ALTER TABLE diagnostic_reason ADD CONSTRAINT fk_diagnostic_reason FOREIGN KEY (diagnostic_id)
    REFERENCES diagnostic (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE diagnostic_action DROP FOREIGN KEY fk_diagnostic_action;
ALTER TABLE diagnostic_action ADD CONSTRAINT fk_diagnostic_action FOREIGN KEY (diagnostic_id)
    REFERENCES diagnostic (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE diagnostic_need DROP FOREIGN KEY fk_diagnostic_need;
ALTER TABLE diagnostic_need ADD CONSTRAINT fk_diagnostic_need FOREIGN KEY (diagnostic_id)
    REFERENCES diagnostic (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE diagnostic_final_action DROP FOREIGN KEY fk_diagnostic_final_action;
ALTER TABLE diagnostic_final_action ADD CONSTRAINT fk_diagnostic_final_action FOREIGN KEY (diagnostic_id)
    REFERENCES diagnostic (id) ON DELETE CASCADE ON UPDATE CASCADE;

-- A coded detail of a journal entry (the ground of an erasure), never free text. Adding a column
-- changes no entry: the append-only triggers of V5 stay as they are.
ALTER TABLE journal_entry ADD COLUMN detail VARCHAR(32) NULL COMMENT 'a code, never free text';
