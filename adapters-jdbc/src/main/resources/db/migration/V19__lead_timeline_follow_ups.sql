-- The follow-up worker's claim (issue 13): PENDING follow-ups of every workspace whose scheduled_at has
-- come, earliest first — one index range however many logs the timelines hold.
CREATE INDEX ix_action_logs_due_follow_ups ON action_logs (status, type, scheduled_at, workspace_id, id);

-- A tool call's description ({name, ...}) as JSON; null on every other log.
ALTER TABLE action_logs ADD COLUMN tool TEXT;
-- The tool calls made for a page of logs (children by parent), oldest first.
CREATE INDEX ix_action_logs_parent ON action_logs (workspace_id, parent_action_id, created_at, id);
