-- The follow-up worker's claim (issue 13): PENDING follow-ups of every workspace whose scheduled_at has
-- come, earliest first — one index range however many logs the timelines hold.
CREATE INDEX ix_action_logs_due_follow_ups ON action_logs (status, type, scheduled_at, workspace_id, id);
