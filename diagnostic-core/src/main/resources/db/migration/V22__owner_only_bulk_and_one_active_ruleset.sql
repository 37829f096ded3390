-- Two holes left by issue 14.
--
-- 1. The statistics triggers kept silent for any session that set @stat_bulk, a variable every
--    account may set: the runtime account could write diagnostics the statistics never counted.
--    They are now silent only for the schema's owner (the migration account, which could drop them
--    anyway), and only when it asks with @stat_bulk, as repere_keeps_client_time() does for the
--    journals' time: for a bulk load followed by CALL stat_rebuild(). Inside a function,
--    CURRENT_USER() is its definer, USER() the client.
--
-- 2. Two administrators activating two versions at the same moment could both retire the version
--    they read as active and leave two active rows. At most one active version per organisation
--    is now a unique key (its flag is NULL on every inactive row, and a unique key never compares
--    NULLs); the activation also locks the organisation first, so the later of two simply wins.

-- An installation that already has two active rows keeps the one activated last (then the
-- greatest version, so that exactly one is kept).
UPDATE ruleset r SET r.active = FALSE
WHERE r.active AND EXISTS (
    SELECT 1 FROM ruleset o
    WHERE o.organisation_id = r.organisation_id AND o.active AND o.version <> r.version
      AND (COALESCE(o.activated_at, '1000-01-01') > COALESCE(r.activated_at, '1000-01-01')
           OR (COALESCE(o.activated_at, '1000-01-01') = COALESCE(r.activated_at, '1000-01-01') AND o.version > r.version)));

-- (A flag that is 1 or NULL rather than the organisation itself: MariaDB refuses a generated
-- column that reads a CHAR column, whose padding depends on the session's sql_mode.)
ALTER TABLE ruleset
    ADD COLUMN active_flag TINYINT AS (IF(active, 1, NULL)) PERSISTENT
        COMMENT '1 while this version is its organisation''s active one, NULL otherwise',
    ADD CONSTRAINT uq_ruleset_one_active UNIQUE (organisation_id, active_flag);

DELIMITER //

CREATE FUNCTION stat_silenced() RETURNS BOOLEAN NOT DETERMINISTIC NO SQL
BEGIN
    RETURN @stat_bulk IS NOT NULL
        AND SUBSTRING_INDEX(USER(), '@', 1) = SUBSTRING_INDEX(CURRENT_USER(), '@', 1);
END//

-- V14's procedures and triggers that read @stat_bulk, unchanged but for asking stat_silenced().

CREATE OR REPLACE PROCEDURE stat_bump(IN p_id CHAR(36), IN p_measure VARCHAR(24), IN p_category VARCHAR(32), IN p_delta INT)
BEGIN
    IF NOT stat_silenced() AND p_id IS NOT NULL THEN
        INSERT INTO stat_count (organisation_id, departement_code, level, unit_code, parent_code, period_kind,
                                period_start, measure, category, n)
        SELECT f.organisation_id, f.departement_code, g.level,
               CASE g.level WHEN 'C' THEN f.commune_code WHEN 'E' THEN f.epci_code ELSE f.departement_code END,
               IF(g.level = 'C', f.epci_code, ''),
               g.period_kind, IF(g.period_kind = 'M', f.month, MAKEDATE(YEAR(f.month), 1)),
               p_measure, p_category, p_delta
        FROM stat_diagnostic f CROSS JOIN stat_grain g
        WHERE f.diagnostic_id = p_id AND f.departement_code IS NOT NULL
        ON DUPLICATE KEY UPDATE n = n + p_delta;
    END IF;
END//

CREATE OR REPLACE PROCEDURE stat_rebuild()
BEGIN
    DECLARE v_bulk INT DEFAULT @stat_bulk;
    SET @stat_bulk = 1; -- the triggers stay silent while everything is recomputed
    DELETE FROM stat_count;
    DELETE FROM stat_diagnostic;
    INSERT INTO stat_diagnostic (diagnostic_id, organisation_id, month, commune_code, epci_code, departement_code,
                                 primary_orientation, final_orientation, overridden, age_band)
    SELECT d.id, COALESCE(t.organisation_id, ''), DATE_FORMAT(d.taken_at, '%Y-%m-01'), dt.commune_code,
           COALESCE(dt.epci_code, '-'), dt.departement_code, d.primary_orientation, d.final_orientation, d.overridden,
           (SELECT a.option_code FROM diagnostic_answer a WHERE a.diagnostic_id = d.id AND a.question_code = 'CTX_AGE' LIMIT 1)
    FROM diagnostic d
    LEFT JOIN team t ON t.id = d.team_id
    LEFT JOIN diagnostic_territory dt ON dt.diagnostic_id = d.id;
    -- progress: each diagnostic of a dossier against the previous one (same dossier, earlier), as the trigger does
    INSERT INTO stat_progress (diagnostic_id, dimension, progress)
    SELECT x.diagnostic_id, x.dimension,
           CASE WHEN x.rank_now < x.rank_before THEN 'BETTER' WHEN x.rank_now = x.rank_before THEN 'SAME' ELSE 'WORSE' END
    FROM (SELECT s.diagnostic_id, s.dimension, stat_level_rank(s.level) AS rank_now,
                 (SELECT stat_level_rank(ps.level) FROM diagnostic prev
                  JOIN diagnostic_score ps ON ps.diagnostic_id = prev.id AND ps.dimension = s.dimension
                  WHERE prev.team_id <=> d.team_id AND prev.case_ref = d.case_ref AND prev.id <> d.id
                    AND (prev.taken_at < d.taken_at OR (prev.taken_at = d.taken_at AND prev.id < d.id))
                  ORDER BY prev.taken_at DESC, prev.id DESC LIMIT 1) AS rank_before
          FROM diagnostic d JOIN diagnostic_score s ON s.diagnostic_id = d.id
          WHERE d.case_ref IS NOT NULL) x
    WHERE x.rank_now IS NOT NULL AND x.rank_before IS NOT NULL;
    -- communes by month first (one pass over the contributions), then the six grains from that
    -- much smaller table: grouping every contribution six times over is several times slower
    DROP TEMPORARY TABLE IF EXISTS stat_leaf;
    CREATE TEMPORARY TABLE stat_leaf ENGINE = InnoDB AS
        SELECT f.organisation_id, f.departement_code, f.commune_code, f.epci_code, f.month, c.measure, c.category,
               COUNT(*) AS n
        FROM stat_diagnostic f
        JOIN stat_contribution c ON c.diagnostic_id = f.diagnostic_id
        WHERE f.departement_code IS NOT NULL
        GROUP BY f.organisation_id, f.departement_code, f.commune_code, f.epci_code, f.month, c.measure, c.category;
    INSERT INTO stat_count (organisation_id, departement_code, level, unit_code, parent_code, period_kind,
                            period_start, measure, category, n)
    SELECT l.organisation_id, l.departement_code, g.level,
           CASE g.level WHEN 'C' THEN l.commune_code WHEN 'E' THEN l.epci_code ELSE l.departement_code END,
           IF(g.level = 'C', l.epci_code, ''),
           g.period_kind, IF(g.period_kind = 'M', l.month, MAKEDATE(YEAR(l.month), 1)),
           l.measure, l.category, SUM(l.n)
    FROM stat_leaf l CROSS JOIN stat_grain g
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
    DROP TEMPORARY TABLE stat_leaf;
    SET @stat_bulk = v_bulk;
END//

CREATE OR REPLACE TRIGGER stat_diagnostic_before_delete BEFORE DELETE ON stat_diagnostic FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        CALL stat_apply(OLD.diagnostic_id, -1);
    END IF;
END//

-- diagnostic: the fact row is born, follows decisions and renumbering, and goes first on erasure
CREATE OR REPLACE TRIGGER stat_on_diagnostic_insert AFTER INSERT ON diagnostic FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        INSERT INTO stat_diagnostic (diagnostic_id, organisation_id, month, primary_orientation, final_orientation, overridden)
        VALUES (NEW.id, COALESCE((SELECT organisation_id FROM team WHERE id = NEW.team_id), ''),
                DATE_FORMAT(NEW.taken_at, '%Y-%m-01'), NEW.primary_orientation, NEW.final_orientation, NEW.overridden);
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_diagnostic_update AFTER UPDATE ON diagnostic FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        IF NOT (OLD.id <=> NEW.id) THEN
            UPDATE stat_diagnostic SET diagnostic_id = NEW.id WHERE diagnostic_id = OLD.id;
        END IF;
        IF NOT (OLD.primary_orientation <=> NEW.primary_orientation AND OLD.final_orientation <=> NEW.final_orientation
                AND OLD.overridden <=> NEW.overridden AND OLD.taken_at <=> NEW.taken_at AND OLD.team_id <=> NEW.team_id) THEN
            CALL stat_apply(NEW.id, -1);
            UPDATE stat_diagnostic SET primary_orientation = NEW.primary_orientation,
                                       final_orientation = NEW.final_orientation, overridden = NEW.overridden,
                                       month = DATE_FORMAT(NEW.taken_at, '%Y-%m-01'),
                                       organisation_id = COALESCE((SELECT organisation_id FROM team WHERE id = NEW.team_id), '')
            WHERE diagnostic_id = NEW.id;
            CALL stat_apply(NEW.id, 1);
        END IF;
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_diagnostic_delete BEFORE DELETE ON diagnostic FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        DELETE FROM stat_diagnostic WHERE diagnostic_id = OLD.id;
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_answer_insert AFTER INSERT ON diagnostic_answer FOR EACH ROW
BEGIN
    IF NOT stat_silenced() AND NEW.question_code = 'CTX_AGE' THEN
        CALL stat_apply(NEW.diagnostic_id, -1);
        UPDATE stat_diagnostic SET age_band = NEW.option_code WHERE diagnostic_id = NEW.diagnostic_id;
        CALL stat_apply(NEW.diagnostic_id, 1);
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_territory_insert AFTER INSERT ON diagnostic_territory FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        CALL stat_apply(NEW.diagnostic_id, -1);
        UPDATE stat_diagnostic SET commune_code = NEW.commune_code, epci_code = COALESCE(NEW.epci_code, '-'),
                                   departement_code = NEW.departement_code
        WHERE diagnostic_id = NEW.diagnostic_id;
        CALL stat_apply(NEW.diagnostic_id, 1);
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_territory_update AFTER UPDATE ON diagnostic_territory FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        CALL stat_apply(NEW.diagnostic_id, -1);
        UPDATE stat_diagnostic SET commune_code = NEW.commune_code, epci_code = COALESCE(NEW.epci_code, '-'),
                                   departement_code = NEW.departement_code
        WHERE diagnostic_id = NEW.diagnostic_id;
        CALL stat_apply(NEW.diagnostic_id, 1);
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_territory_delete AFTER DELETE ON diagnostic_territory FOR EACH ROW
BEGIN
    IF NOT stat_silenced() THEN
        CALL stat_apply(OLD.diagnostic_id, -1);
        UPDATE stat_diagnostic SET commune_code = NULL, epci_code = NULL, departement_code = NULL
        WHERE diagnostic_id = OLD.diagnostic_id;
    END IF;
END//

CREATE OR REPLACE TRIGGER stat_on_score_insert AFTER INSERT ON diagnostic_score FOR EACH ROW
BEGIN
    DECLARE v_before INT;
    DECLARE v_now INT;
    IF NOT stat_silenced() THEN
        CALL stat_bump(NEW.diagnostic_id, CONCAT('LEVEL_', NEW.dimension), NEW.level, 1);
        SET v_now = stat_level_rank(NEW.level);
        SELECT stat_level_rank(s.level) INTO v_before
        FROM diagnostic cur
        JOIN diagnostic prev ON prev.team_id <=> cur.team_id AND prev.case_ref = cur.case_ref AND prev.id <> cur.id
            AND (prev.taken_at < cur.taken_at OR (prev.taken_at = cur.taken_at AND prev.id < cur.id))
        JOIN diagnostic_score s ON s.diagnostic_id = prev.id AND s.dimension = NEW.dimension
        WHERE cur.id = NEW.diagnostic_id
        ORDER BY prev.taken_at DESC, prev.id DESC LIMIT 1;
        IF v_now IS NOT NULL AND v_before IS NOT NULL THEN
            INSERT INTO stat_progress (diagnostic_id, dimension, progress)
            VALUES (NEW.diagnostic_id, NEW.dimension,
                    CASE WHEN v_now < v_before THEN 'BETTER' WHEN v_now = v_before THEN 'SAME' ELSE 'WORSE' END);
        END IF;
    END IF;
END//

DELIMITER ;
