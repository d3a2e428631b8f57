-- The contact history (who last completed an activity for a commerce, per channel) was the newest 500
-- COMPLETED rows of the commerce, read to find the first of each channel: 500 rows on every
-- POST /api/activities once a commerce has that many completions, and a channel last used 500
-- completions ago was taken as never used. With the channel in the index, each channel is one seek.
-- (workspace_id, commerce_id[, status]) lookups keep using its leading columns.
DROP INDEX ix_commerce_activities_commerce;
CREATE INDEX ix_commerce_activities_commerce ON commerce_activities
    (workspace_id, commerce_id, status, channel, completed_at, id);
