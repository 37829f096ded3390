-- The versions of the questionnaire and of the rules behind the figures (the methodology sheet
-- names them) become counted contributions like any other, kept by the same triggers: the
-- dashboard then reads them from the summary rows it already fetches, instead of joining the
-- whole year of diagnostics (seconds at a million diagnostics).
--
-- The view reads them from the diagnostic itself (a diagnostic's versions never change, and its row
-- is still there whenever a contribution is added or subtracted: at its birth, on a change, and in
-- the BEFORE DELETE of an erasure), so neither the fact row, nor V14's triggers and rebuild, change.

CREATE OR REPLACE VIEW stat_contribution AS
    SELECT diagnostic_id, 'PRIMARY' AS measure, primary_orientation AS category FROM stat_diagnostic
    UNION ALL SELECT diagnostic_id, 'FINAL', final_orientation FROM stat_diagnostic WHERE final_orientation IS NOT NULL
    UNION ALL SELECT diagnostic_id, 'OVERRIDE', IF(overridden, 'OVERRIDDEN', 'FOLLOWED') FROM stat_diagnostic
        WHERE final_orientation IS NOT NULL
    UNION ALL SELECT diagnostic_id, 'AGE', COALESCE(age_band, 'NSP') FROM stat_diagnostic
    UNION ALL SELECT f.diagnostic_id, 'Q_VERSION', d.questionnaire_version FROM stat_diagnostic f
        JOIN diagnostic d ON d.id = f.diagnostic_id
    UNION ALL SELECT f.diagnostic_id, 'R_VERSION', d.ruleset_version FROM stat_diagnostic f
        JOIN diagnostic d ON d.id = f.diagnostic_id
    UNION ALL SELECT diagnostic_id, CONCAT('LEVEL_', dimension), level FROM diagnostic_score
    UNION ALL SELECT diagnostic_id, CONCAT('PROGRESS_', dimension), progress FROM stat_progress
    UNION ALL SELECT diagnostic_id, 'ACTION', action FROM diagnostic_action
    UNION ALL SELECT diagnostic_id, 'UNMET', service FROM unmet_need WHERE diagnostic_id IS NOT NULL
    UNION ALL SELECT diagnostic_id, 'REFERRAL', status FROM referral;

-- what is already counted gets its versions, at the six grains
INSERT INTO stat_count (organisation_id, departement_code, level, unit_code, parent_code, period_kind,
                        period_start, measure, category, n)
SELECT f.organisation_id, f.departement_code, g.level,
       CASE g.level WHEN 'C' THEN f.commune_code WHEN 'E' THEN f.epci_code ELSE f.departement_code END,
       IF(g.level = 'C', f.epci_code, ''),
       g.period_kind, IF(g.period_kind = 'M', f.month, MAKEDATE(YEAR(f.month), 1)),
       v.measure, v.category, COUNT(*)
FROM stat_diagnostic f
JOIN (SELECT id, 'Q_VERSION' AS measure, questionnaire_version AS category FROM diagnostic
      UNION ALL SELECT id, 'R_VERSION', ruleset_version FROM diagnostic) v ON v.id = f.diagnostic_id
CROSS JOIN stat_grain g
WHERE f.departement_code IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ON DUPLICATE KEY UPDATE n = n + VALUES(n);
