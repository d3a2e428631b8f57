-- Webhook secret rotation: secrets a rotation replaced keep signing deliveries (next to the current one)
-- until they expire; at most five per subscription (the service keeps that bound).
CREATE TABLE webhook_retired_secrets (
    workspace_id    UUID         NOT NULL,
    subscription_id UUID         NOT NULL,
    secret          VARCHAR(200) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_retired_secrets PRIMARY KEY (workspace_id, subscription_id, secret),
    CONSTRAINT fk_webhook_retired_secrets_subscription FOREIGN KEY (workspace_id, subscription_id)
        REFERENCES webhook_subscriptions (workspace_id, id) ON DELETE CASCADE
);

-- Delivery operations: each attempt keeps the first kilobyte of the receiver's answer.
ALTER TABLE webhook_delivery_attempts ADD COLUMN response_body VARCHAR(1024);

-- Auto-disable: when the current run of failed attempts began (null after a success, or when re-enabled).
ALTER TABLE webhook_subscriptions ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;

-- Per-subscription rate limit: requests per second, null for none. Every request started for a limited
-- subscription in the last 10 s is logged here; instances take a place in the log under the subscription's
-- row lock, so together they never start more than the limit allows in any 10 s window.
ALTER TABLE webhook_subscriptions ADD COLUMN rate_limit_per_second INTEGER;
CREATE TABLE webhook_rate_sends (
    workspace_id    UUID NOT NULL,
    subscription_id UUID NOT NULL,
    id              UUID NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_rate_sends PRIMARY KEY (workspace_id, subscription_id, id),
    CONSTRAINT fk_webhook_rate_sends_subscription FOREIGN KEY (workspace_id, subscription_id)
        REFERENCES webhook_subscriptions (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_rate_sends_time ON webhook_rate_sends (workspace_id, subscription_id, sent_at);
