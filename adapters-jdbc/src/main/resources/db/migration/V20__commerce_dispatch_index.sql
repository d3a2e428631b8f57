-- The dispatcher's claim reads a tenant's READY activities oldest first. With only
-- ix_commerce_activities_due (status, next_attempt_at) both databases read every due row of the
-- tenant and sorted them, on every claim: draining 10,000 due activities read ~50 million rows.
-- In this order the claim reads its window from the index and stops.
CREATE INDEX ix_commerce_activities_dispatch ON commerce_activities (workspace_id, status, scheduled_at, id);
