-- Webhooks (issue 17, second slice): the host events pushed to the endpoints an organisation's
-- administrators register, signed as Standard Webhooks (https://www.standardwebhooks.com).
--
-- A delivery row is one (event, endpoint) to send. The dispatcher plans them from the numbered
-- events after each endpoint's planned_seq (under a lock on the endpoint's row), then claims the
-- due ones with SELECT … FOR UPDATE SKIP LOCKED and leases them (next_attempt_at moved forward)
-- before sending, so that several nodes never send one delivery at the same time.
CREATE TABLE webhook_endpoint (
    id              CHAR(36)      NOT NULL,
    organisation_id CHAR(36)      NOT NULL,
    url             VARCHAR(2000) NOT NULL COMMENT 'https, not a loopback/private/link-local address',
    created_at      DATETIME(3)   NOT NULL,
    created_by      CHAR(36)      NOT NULL,
    deleted_at      DATETIME(3)   NULL COMMENT 'deleted: kept for the journal, never sent to',
    planned_seq     BIGINT        NOT NULL COMMENT 'the last event number for which deliveries were planned',
    disabled_at     DATETIME(3)   NULL,
    disabled_reason VARCHAR(16)   NULL COMMENT 'GONE (the endpoint answered 410) or FAILING (failing for 3 days)',
    failing_since   DATETIME(3)   NULL COMMENT 'the first failure since the last success',
    last_error      VARCHAR(300)  NULL COMMENT 'a status code or a network error, never a response body',
    CONSTRAINT pk_webhook_endpoint PRIMARY KEY (id),
    INDEX ix_webhook_endpoint_organisation (organisation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_endpoint_team (
    endpoint_id CHAR(36) NOT NULL,
    team_id     CHAR(36) NOT NULL,
    CONSTRAINT pk_webhook_endpoint_team PRIMARY KEY (endpoint_id, team_id),
    CONSTRAINT fk_webhook_endpoint_team FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The signing secrets. HMAC needs the secret itself, so it cannot be kept as a hash: it is shown
-- once to the administrator, then only read by the dispatcher to sign; never logged nor returned.
CREATE TABLE webhook_secret (
    id          CHAR(36)    NOT NULL,
    endpoint_id CHAR(36)    NOT NULL,
    secret      VARCHAR(80) NOT NULL COMMENT 'whsec_<base64 of 32 random bytes>; never returned after creation',
    created_at  DATETIME(3) NOT NULL,
    expires_at  DATETIME(3) NULL COMMENT 'set to 24 h after a rotation on the previous secrets',
    CONSTRAINT pk_webhook_secret PRIMARY KEY (id),
    CONSTRAINT fk_webhook_secret_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id),
    INDEX ix_webhook_secret_endpoint (endpoint_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_delivery (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    endpoint_id     CHAR(36)     NOT NULL,
    event_position  BIGINT       NOT NULL COMMENT 'host_event.position',
    state           VARCHAR(12)  NOT NULL COMMENT 'PENDING, DELIVERED or FAILED (retries exhausted, or the endpoint gone)',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL COMMENT 'UTC; while PENDING: when it is due (or its lease ends)',
    last_status     INT          NULL,
    last_error      VARCHAR(300) NULL,
    delivered_at    DATETIME(3)  NULL,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id),
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_position) REFERENCES host_event (position),
    CONSTRAINT ck_webhook_delivery_state CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    INDEX ix_webhook_delivery_due (state, next_attempt_at),
    INDEX ix_webhook_delivery_endpoint (endpoint_id, event_position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
