-- Department statistics kept correct on every write, by database triggers.
--
-- Why triggers: diagnostics are written by JPA (take, decide), by native SQL (renumbering at
-- anonymization, redaction), by several resources (territory, unmet needs, referrals and their
-- hourly jobs) and by erasure. A trigger sees every one of these paths, whatever code issued it;
-- a Java listener would miss the native ones. Foreign-key cascades fire no trigger in MariaDB, so
-- the design never relies on one: an erased diagnostic subtracts everything it contributed before
-- its row goes (BEFORE DELETE), and a renumbered one only moves its fact row.
--
-- Two levels:
-- * stat_diagnostic: one narrow fact row per diagnostic, with what survives anonymization (the age
--   band is captured here when the answer is written, since anonymization deletes the answers) and
--   nothing that names a person: organisation, month, territory codes, orientations, override flag.
--   stat_progress: per dimension, better/same/worse than the previous diagnostic of the same dossier,
--   computed when the later diagnostic's score is written (anonymization removes the dossier link).
-- * stat_count: pre-aggregated counts per organisation, département, territory level (commune, EPCI,
--   département) and period (month, year), measure and category. Quarters are three months.
--
-- Every contribution of a diagnostic is one row of the view stat_contribution; stat_apply adds or
-- subtracts all of them; stat_bump moves one. stat_rebuild recomputes everything from the base
-- tables (after a bulk load with @stat_bulk = 1, which silences the triggers).

CREATE TABLE stat_diagnostic (
    diagnostic_id       CHAR(36)    NOT NULL,
    organisation_id     CHAR(36)    NOT NULL COMMENT 'empty when the diagnostic belongs to no team',
    month               DATE        NOT NULL COMMENT 'first day of the month of taken_at (UTC)',
    commune_code        CHAR(5)     NULL,
    epci_code           VARCHAR(9)  NULL COMMENT '- for a commune outside any EPCI',
    departement_code    VARCHAR(3)  NULL COMMENT 'NULL until the territory is recorded: not counted',
    primary_orientation VARCHAR(16) NOT NULL,
    final_orientation   VARCHAR(16) NULL,
    overridden          BOOLEAN     NOT NULL DEFAULT FALSE,
    age_band            VARCHAR(16) NULL,
    CONSTRAINT pk_stat_diagnostic PRIMARY KEY (diagnostic_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stat_progress (
    diagnostic_id CHAR(36)    NOT NULL,
    dimension     VARCHAR(16) NOT NULL,
    progress      VARCHAR(8)  NOT NULL,
    CONSTRAINT pk_stat_progress PRIMARY KEY (diagnostic_id, dimension),
    CONSTRAINT fk_stat_progress FOREIGN KEY (diagnostic_id) REFERENCES stat_diagnostic (diagnostic_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT ck_stat_progress CHECK (progress IN ('BETTER', 'SAME', 'WORSE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stat_count (
    organisation_id  CHAR(36)    NOT NULL,
    departement_code VARCHAR(3)  NOT NULL,
    level            CHAR(1)     NOT NULL COMMENT 'C commune, E EPCI, D département',
    unit_code        VARCHAR(9)  NOT NULL,
    parent_code      VARCHAR(9)  NOT NULL COMMENT 'the EPCI of a commune (- outside any), else empty',
    period_kind      CHAR(1)     NOT NULL COMMENT 'M month, Y year',
    period_start     DATE        NOT NULL,
    measure          VARCHAR(24) NOT NULL,
    category         VARCHAR(32) NOT NULL,
    n                INT         NOT NULL,
    CONSTRAINT pk_stat_count PRIMARY KEY (organisation_id, departement_code, level, period_kind, period_start,
        unit_code, parent_code, measure, category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the six grains every contribution is counted at
CREATE TABLE stat_grain (
    level       CHAR(1) NOT NULL,
    period_kind CHAR(1) NOT NULL,
    CONSTRAINT pk_stat_grain PRIMARY KEY (level, period_kind)
) ENGINE = InnoDB;
INSERT INTO stat_grain VALUES ('C', 'M'), ('C', 'Y'), ('E', 'M'), ('E', 'Y'), ('D', 'M'), ('D', 'Y');

CREATE VIEW stat_contribution AS
    SELECT diagnostic_id, 'PRIMARY' AS measure, primary_orientation AS category FROM stat_diagnostic
    UNION ALL SELECT diagnostic_id, 'FINAL', final_orientation FROM stat_diagnostic WHERE final_orientation IS NOT NULL
    UNION ALL SELECT diagnostic_id, 'OVERRIDE', IF(overridden, 'OVERRIDDEN', 'FOLLOWED') FROM stat_diagnostic
        WHERE final_orientation IS NOT NULL
    UNION ALL SELECT diagnostic_id, 'AGE', COALESCE(age_band, 'NSP') FROM stat_diagnostic
    UNION ALL SELECT diagnostic_id, CONCAT('LEVEL_', dimension), level FROM diagnostic_score
    UNION ALL SELECT diagnostic_id, CONCAT('PROGRESS_', dimension), progress FROM stat_progress
    UNION ALL SELECT diagnostic_id, 'ACTION', action FROM diagnostic_action
    UNION ALL SELECT diagnostic_id, 'UNMET', service FROM unmet_need WHERE diagnostic_id IS NOT NULL
    UNION ALL SELECT diagnostic_id, 'REFERRAL', status FROM referral;

DELIMITER //

-- Adds (p_sign = 1) or subtracts (-1) every contribution of one diagnostic, at its territory.
CREATE PROCEDURE stat_apply(IN p_id CHAR(36), IN p_sign INT)
BEGIN
    INSERT INTO stat_count (organisation_id, departement_code, level, unit_code, parent_code, period_kind,
                            period_start, measure, category, n)
    SELECT f.organisation_id, f.departement_code, g.level,
           CASE g.level WHEN 'C' THEN f.commune_code WHEN 'E' THEN f.epci_code ELSE f.departement_code END,
           IF(g.level = 'C', f.epci_code, ''),
           g.period_kind, IF(g.period_kind = 'M', f.month, MAKEDATE(YEAR(f.month), 1)),
           c.measure, c.category, p_sign * COUNT(*)
    FROM stat_diagnostic f
    JOIN stat_contribution c ON c.diagnostic_id = f.diagnostic_id
    CROSS JOIN stat_grain g
    WHERE f.diagnostic_id = p_id AND f.departement_code IS NOT NULL
    GROUP BY g.level, g.period_kind, c.measure, c.category
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
END//

-- Moves one contribution of one diagnostic (a child row written or removed).
CREATE PROCEDURE stat_bump(IN p_id CHAR(36), IN p_measure VARCHAR(24), IN p_category VARCHAR(32), IN p_delta INT)
BEGIN
    IF @stat_bulk IS NULL AND p_id IS NOT NULL THEN
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

-- Recomputes the facts and the counts from the base tables (after a bulk load, or to check).
CREATE PROCEDURE stat_rebuild()
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

-- Levels from best to worst; not assessed has no rank (no progress is computed).
CREATE FUNCTION stat_level_rank(p_level VARCHAR(16)) RETURNS INT DETERMINISTIC
BEGIN
    RETURN CASE p_level WHEN 'AUTONOMOUS' THEN 1 WHEN 'SUPPORTED' THEN 2 WHEN 'FRAGILE' THEN 3 WHEN 'VERY_FAR' THEN 4
        ELSE NULL END;
END//

-- The fact row's own changes (territory recorded, decision, age band) move all its contributions:
-- the triggers that change it subtract them before and add them back after (stat_moved). A change
-- of id alone (anonymization renumbers) moves nothing: the children follow by cascade.
-- (Not a BEFORE UPDATE trigger on stat_diagnostic: MariaDB 11.4 then refuses multi-row
-- INSERT ... SELECT into the table, which the rebuild needs.)
CREATE TRIGGER stat_diagnostic_before_delete BEFORE DELETE ON stat_diagnostic FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
        CALL stat_apply(OLD.diagnostic_id, -1);
    END IF;
END//

CREATE TRIGGER stat_progress_after_insert AFTER INSERT ON stat_progress FOR EACH ROW
    CALL stat_bump(NEW.diagnostic_id, CONCAT('PROGRESS_', NEW.dimension), NEW.progress, 1)//

-- diagnostic: the fact row is born, follows decisions and renumbering, and goes first on erasure
CREATE TRIGGER stat_on_diagnostic_insert AFTER INSERT ON diagnostic FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
        INSERT INTO stat_diagnostic (diagnostic_id, organisation_id, month, primary_orientation, final_orientation, overridden)
        VALUES (NEW.id, COALESCE((SELECT organisation_id FROM team WHERE id = NEW.team_id), ''),
                DATE_FORMAT(NEW.taken_at, '%Y-%m-01'), NEW.primary_orientation, NEW.final_orientation, NEW.overridden);
    END IF;
END//

CREATE TRIGGER stat_on_diagnostic_update AFTER UPDATE ON diagnostic FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
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

CREATE TRIGGER stat_on_diagnostic_delete BEFORE DELETE ON diagnostic FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
        DELETE FROM stat_diagnostic WHERE diagnostic_id = OLD.id;
    END IF;
END//

-- the age band is kept when the answer is written; deleting answers (anonymization) keeps it
CREATE TRIGGER stat_on_answer_insert AFTER INSERT ON diagnostic_answer FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL AND NEW.question_code = 'CTX_AGE' THEN
        CALL stat_apply(NEW.diagnostic_id, -1);
        UPDATE stat_diagnostic SET age_band = NEW.option_code WHERE diagnostic_id = NEW.diagnostic_id;
        CALL stat_apply(NEW.diagnostic_id, 1);
    END IF;
END//

CREATE TRIGGER stat_on_territory_insert AFTER INSERT ON diagnostic_territory FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
        CALL stat_apply(NEW.diagnostic_id, -1);
        UPDATE stat_diagnostic SET commune_code = NEW.commune_code, epci_code = COALESCE(NEW.epci_code, '-'),
                                   departement_code = NEW.departement_code
        WHERE diagnostic_id = NEW.diagnostic_id;
        CALL stat_apply(NEW.diagnostic_id, 1);
    END IF;
END//

CREATE TRIGGER stat_on_territory_update AFTER UPDATE ON diagnostic_territory FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
        CALL stat_apply(NEW.diagnostic_id, -1);
        UPDATE stat_diagnostic SET commune_code = NEW.commune_code, epci_code = COALESCE(NEW.epci_code, '-'),
                                   departement_code = NEW.departement_code
        WHERE diagnostic_id = NEW.diagnostic_id;
        CALL stat_apply(NEW.diagnostic_id, 1);
    END IF;
END//

CREATE TRIGGER stat_on_territory_delete AFTER DELETE ON diagnostic_territory FOR EACH ROW
BEGIN
    IF @stat_bulk IS NULL THEN
        CALL stat_apply(OLD.diagnostic_id, -1);
        UPDATE stat_diagnostic SET commune_code = NULL, epci_code = NULL, departement_code = NULL
        WHERE diagnostic_id = OLD.diagnostic_id;
    END IF;
END//

-- a level, and the progress against the previous diagnostic of the same dossier
CREATE TRIGGER stat_on_score_insert AFTER INSERT ON diagnostic_score FOR EACH ROW
BEGIN
    DECLARE v_before INT;
    DECLARE v_now INT;
    IF @stat_bulk IS NULL THEN
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

CREATE TRIGGER stat_on_score_delete AFTER DELETE ON diagnostic_score FOR EACH ROW
    CALL stat_bump(OLD.diagnostic_id, CONCAT('LEVEL_', OLD.dimension), OLD.level, -1)//

CREATE TRIGGER stat_on_action_insert AFTER INSERT ON diagnostic_action FOR EACH ROW
    CALL stat_bump(NEW.diagnostic_id, 'ACTION', NEW.action, 1)//

CREATE TRIGGER stat_on_action_delete AFTER DELETE ON diagnostic_action FOR EACH ROW
    CALL stat_bump(OLD.diagnostic_id, 'ACTION', OLD.action, -1)//

CREATE TRIGGER stat_on_unmet_insert AFTER INSERT ON unmet_need FOR EACH ROW
    CALL stat_bump(NEW.diagnostic_id, 'UNMET', NEW.service, 1)//

CREATE TRIGGER stat_on_unmet_update AFTER UPDATE ON unmet_need FOR EACH ROW
BEGIN
    CALL stat_bump(OLD.diagnostic_id, 'UNMET', OLD.service, -1);
    CALL stat_bump(NEW.diagnostic_id, 'UNMET', NEW.service, 1);
END//

CREATE TRIGGER stat_on_unmet_delete AFTER DELETE ON unmet_need FOR EACH ROW
    CALL stat_bump(OLD.diagnostic_id, 'UNMET', OLD.service, -1)//

CREATE TRIGGER stat_on_referral_insert AFTER INSERT ON referral FOR EACH ROW
    CALL stat_bump(NEW.diagnostic_id, 'REFERRAL', NEW.status, 1)//

CREATE TRIGGER stat_on_referral_update AFTER UPDATE ON referral FOR EACH ROW
BEGIN
    IF NOT (OLD.status <=> NEW.status AND OLD.diagnostic_id <=> NEW.diagnostic_id) THEN
        CALL stat_bump(OLD.diagnostic_id, 'REFERRAL', OLD.status, -1);
        CALL stat_bump(NEW.diagnostic_id, 'REFERRAL', NEW.status, 1);
    END IF;
END//

CREATE TRIGGER stat_on_referral_delete AFTER DELETE ON referral FOR EACH ROW
    CALL stat_bump(OLD.diagnostic_id, 'REFERRAL', OLD.status, -1)//

DELIMITER ;

CALL stat_rebuild();
