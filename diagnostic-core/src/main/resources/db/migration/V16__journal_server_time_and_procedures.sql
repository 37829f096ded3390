-- The journals under a least-privilege runtime account (issue 14, item 2).
--
-- The application connects as a runtime account that may only SELECT and INSERT the append-only
-- tables (journal_entry, mandate_event, referral_event; the grants are given after every migration,
-- see fr.repere.infrastructure.SchemaPrivileges). What it legitimately needs beyond that is done by
-- the procedures below, which run with the rights of their definer, the migration account
-- (SQL SECURITY DEFINER), and do exactly one bounded thing each.
--
-- A journal row takes its time from the server, never from the client: a client could otherwise
-- insert a back-dated row and purge it at once. The session clock (SET timestamp, which any account
-- may set, and which UTC_TIMESTAMP() follows) is not the server's either: repere_utc_now() refuses a
-- session whose clock was moved. Times stay UTC, as everywhere in the schema (UtcInstantConverter).

DELIMITER //

-- The server's time, UTC, milliseconds. SYSDATE() is the real clock, NOW() the session's: they
-- differ only when the session set its own clock (or a statement has run for minutes).
CREATE FUNCTION repere_utc_now() RETURNS DATETIME(3) NOT DETERMINISTIC NO SQL
BEGIN
    IF ABS(TIMESTAMPDIFF(SECOND, NOW(6), SYSDATE(6))) > 60 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal time is the server''s: this session moved its clock (SET timestamp)';
    END IF;
    RETURN UTC_TIMESTAMP(3);
END//

-- Whether a journal row may keep the time its client gave: only for the schema's owner (the
-- migration account, which could drop these triggers anyway) and only when it asks for it
-- explicitly (@repere_keep_journal_time = 1), to import a journal or to prepare a test. In a
-- single-account installation the application is the owner but never asks: its rows get the
-- server's time too. Inside a function, CURRENT_USER() is the definer, USER() the client.
CREATE FUNCTION repere_keeps_client_time() RETURNS BOOLEAN NOT DETERMINISTIC NO SQL
BEGIN
    RETURN IFNULL(@repere_keep_journal_time, 0) = 1
        AND SUBSTRING_INDEX(USER(), '@', 1) = SUBSTRING_INDEX(CURRENT_USER(), '@', 1);
END//

CREATE TRIGGER journal_entry_server_time BEFORE INSERT ON journal_entry FOR EACH ROW
BEGIN
    IF NOT repere_keeps_client_time() OR NEW.at IS NULL THEN
        SET NEW.at = repere_utc_now();
    END IF;
END//

CREATE TRIGGER mandate_event_server_time BEFORE INSERT ON mandate_event FOR EACH ROW
BEGIN
    IF NOT repere_keeps_client_time() OR NEW.at IS NULL THEN
        SET NEW.at = repere_utc_now();
    END IF;
END//

CREATE TRIGGER referral_event_server_time BEFORE INSERT ON referral_event FOR EACH ROW
BEGIN
    IF NOT repere_keeps_client_time() OR NEW.at IS NULL THEN
        SET NEW.at = repere_utc_now();
    END IF;
END//

DELIMITER ;

-- Without a time from the client, the row still has the server's.
ALTER TABLE journal_entry MODIFY COLUMN at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3) COMMENT 'UTC, set by the server';
ALTER TABLE mandate_event MODIFY COLUMN at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3) COMMENT 'UTC, set by the server';
ALTER TABLE referral_event MODIFY COLUMN at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3) COMMENT 'UTC, set by the server';

-- V5's guard against early deletes read the session's clock: it now reads the server's.
DROP TRIGGER journal_entry_no_early_delete;
DELIMITER //
CREATE TRIGGER journal_entry_no_early_delete BEFORE DELETE ON journal_entry FOR EACH ROW
BEGIN
    IF OLD.at > repere_utc_now() - INTERVAL 6 MONTH THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal_entry entries are kept at least 6 months';
    END IF;
END//

-- The retention purge of the access journal (REPERE_RETENTION_JOURNAL_MONTHS): deletes, oldest
-- first, at most p_limit (1 to 10,000) entries older than p_before AND older than 6 months by the
-- server's clock, whatever p_before says; returns how many as a one-row result.
CREATE PROCEDURE journal_purge(IN p_before DATETIME(3), IN p_limit INT)
    MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_before DATETIME(3) DEFAULT LEAST(p_before, repere_utc_now() - INTERVAL 6 MONTH);
    DECLARE v_limit INT DEFAULT LEAST(GREATEST(COALESCE(p_limit, 0), 0), 10000);
    DELETE FROM journal_entry WHERE at < v_before ORDER BY at LIMIT v_limit;
    SELECT ROW_COUNT() AS purged;
END//

-- Anonymizing or erasing a dossier erases the free text of its referrals' history (a refusal
-- reason may name the person): the reasons of one diagnostic's referrals become NULL, nothing else
-- changes (V13's trigger checks that too).
CREATE PROCEDURE referral_event_redact(IN p_diagnostic_id CHAR(36))
    MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    UPDATE referral_event e JOIN referral r ON r.id = e.referral_id
        SET e.reason = NULL
        WHERE r.diagnostic_id = p_diagnostic_id AND e.reason IS NOT NULL;
    SELECT ROW_COUNT() AS redacted;
END//
DELIMITER ;
