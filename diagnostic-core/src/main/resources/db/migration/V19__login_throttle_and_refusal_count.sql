-- Issue 14, item 6: the built-in login is slowed down per account and per source address, and
-- refused logins and host keys are counted rather than journaled one row each.

-- Failed logins per key, shared by every node. The key is a keyed hash (HMAC with the journal's
-- pseudonym secret) of the typed e-mail address or of the source address, never the clear value.
-- A success deletes the account's row; the retention job deletes idle rows after a day.
CREATE TABLE login_throttle (
    throttle_key  CHAR(32)    NOT NULL,
    scope         VARCHAR(8)  NOT NULL COMMENT 'ACCOUNT or ADDRESS',
    failures      INT         NOT NULL,
    last_failure  DATETIME(3) NULL COMMENT 'UTC',
    blocked_until DATETIME(3) NULL COMMENT 'UTC',
    CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refusals (logins, host keys) per source, kind and minute: one row with a count, however many
-- refusals a flood sends. The source is a keyed hash of the address. Kept as long as the journal.
CREATE TABLE refusal_count (
    source  CHAR(32)    NOT NULL,
    kind    VARCHAR(24) NOT NULL COMMENT 'LOGIN_REFUSED, LOGIN_THROTTLED or HOST_KEY_REFUSED',
    minute  DATETIME    NOT NULL COMMENT 'UTC, start of the minute',
    count   INT         NOT NULL,
    CONSTRAINT pk_refusal_count PRIMARY KEY (source, kind, minute)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_refusal_count_minute ON refusal_count (minute);
CREATE INDEX ix_login_throttle_last_failure ON login_throttle (last_failure);
