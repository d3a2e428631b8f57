-- Webhooks: subscriptions, one delivery per (subscription, outbox event), and every attempt.
-- The secret is stored as given: signing needs it in the clear.

CREATE TABLE webhook_subscriptions (
    workspace_id    UUID          NOT NULL,
    id              UUID          NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    events          VARCHAR(1000) NOT NULL, -- comma-separated event names
    secret          VARCHAR(200)  NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_subscriptions PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_webhook_subscriptions_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);

CREATE TABLE webhook_deliveries (
    workspace_id    UUID         NOT NULL,
    id              UUID         NOT NULL,
    subscription_id UUID         NOT NULL,
    event_id        UUID         NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    -- When a worker may attempt it next; while an attempt is in flight, the end of that worker's lease.
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_deliveries PRIMARY KEY (workspace_id, id),
    CONSTRAINT uq_webhook_deliveries_event UNIQUE (workspace_id, subscription_id, event_id),
    CONSTRAINT fk_webhook_deliveries_subscription FOREIGN KEY (workspace_id, subscription_id)
        REFERENCES webhook_subscriptions (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (workspace_id, event_id)
        REFERENCES outbox_events (workspace_id, id)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_history ON webhook_deliveries (workspace_id, subscription_id, created_at);

CREATE TABLE webhook_delivery_attempts (
    workspace_id   UUID    NOT NULL,
    id             UUID    NOT NULL,
    delivery_id    UUID    NOT NULL,
    attempt_number INTEGER NOT NULL,
    attempted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code    INTEGER,
    duration_ms    BIGINT  NOT NULL,
    error          VARCHAR(1000),
    CONSTRAINT pk_webhook_delivery_attempts PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_webhook_delivery_attempts_delivery FOREIGN KEY (workspace_id, delivery_id)
        REFERENCES webhook_deliveries (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_delivery_attempts_delivery ON webhook_delivery_attempts (workspace_id, delivery_id);
