-- The follow-up worker's queue: one row per PENDING follow-up with its time, kept by the lead adapter
-- as a log becomes or stops being one. It replaces ix_action_logs_due_follow_ups, which held an entry
-- for every action log (of every type and status) to find the few pending follow-ups: one more B-tree
-- to insert into on every new log and to store on every commit, about a seventh of an activity write's
-- cost on H2 (docs/performance.md). Every key includes workspace_id.
CREATE TABLE follow_up_schedule (
    workspace_id  UUID                     NOT NULL,
    action_log_id UUID                     NOT NULL,
    scheduled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_follow_up_schedule PRIMARY KEY (workspace_id, action_log_id),
    CONSTRAINT fk_follow_up_schedule_log FOREIGN KEY (workspace_id, action_log_id)
        REFERENCES action_logs (workspace_id, id)
);
-- The claim's window: earliest schedule first, ties by workspace, then log id.
CREATE INDEX ix_follow_up_schedule_due ON follow_up_schedule (scheduled_at, workspace_id, action_log_id);

INSERT INTO follow_up_schedule (workspace_id, action_log_id, scheduled_at)
SELECT workspace_id, id, scheduled_at FROM action_logs
 WHERE status = 'PENDING' AND type = 'FOLLOW_UP_MESSAGE' AND scheduled_at IS NOT NULL;

DROP INDEX ix_action_logs_due_follow_ups;
