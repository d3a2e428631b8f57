-- Retention of webhook history (WebhookHistoryAdapter): finished deliveries are found by status and
-- completion time, oldest first, without reading the pending ones or the whole table.
CREATE INDEX ix_webhook_deliveries_finished ON webhook_deliveries (status, completed_at);
-- Canceled events are found by cancellation time (processed ones by ix_outbox_events_due).
CREATE INDEX ix_outbox_events_canceled ON outbox_events (canceled_at);
