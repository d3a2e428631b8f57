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
