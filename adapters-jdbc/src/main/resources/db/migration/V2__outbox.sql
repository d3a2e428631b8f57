-- Transactional outbox: every event is written in the transaction of the change it announces.
-- The webhook worker turns due rows (available_at <= now, not processed, not canceled) into deliveries.

CREATE TABLE outbox_events (
    workspace_id UUID         NOT NULL,
    id           UUID         NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    aggregate_id VARCHAR(100) NOT NULL,
    payload      TEXT         NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    available_at TIMESTAMP WITH TIME ZONE NOT NULL,
    dedupe_key   VARCHAR(200),
    processed_at TIMESTAMP WITH TIME ZONE,
    canceled_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_outbox_events PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_outbox_events_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);
CREATE INDEX ix_outbox_events_due ON outbox_events (processed_at, canceled_at, available_at);
CREATE INDEX ix_outbox_events_dedupe ON outbox_events (workspace_id, dedupe_key);
