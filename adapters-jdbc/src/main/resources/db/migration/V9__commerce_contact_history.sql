-- A commerce's contact history (who completed its latest activities, per channel) is read on every
-- POST /api/activities. The index now ends in the history's order, so the read seeks straight to the
-- commerce's COMPLETED activities, newest first, and stops after them; with (workspace_id,
-- commerce_id, status) alone H2 could settle on a plan that walks all of the commerce's activities
-- (it did: half of a request's CPU after 10 k activities).
DROP INDEX ix_commerce_activities_commerce;
CREATE INDEX ix_commerce_activities_commerce ON commerce_activities
    (workspace_id, commerce_id, status, completed_at, id);
