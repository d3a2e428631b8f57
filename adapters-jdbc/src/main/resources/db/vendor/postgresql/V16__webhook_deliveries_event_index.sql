-- An event may be deleted once no delivery refers to it; that check looks deliveries up by event.
-- PostgreSQL indexes no foreign key by itself; H2 already made this index for fk_webhook_deliveries_event
-- (V6), so on H2 this migration does not exist and the version is skipped.
CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (workspace_id, event_id);
