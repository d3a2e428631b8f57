-- Indexes that serve the timeline's hot reads straight from the index, newest first and stopping
-- at the page's end, however long a lead's timeline grows (see docs/performance.md):
--   lastCompleted / a page's lastAction: (workspace_id, lead_id, status) then newest first;
--   nextDraft: the same columns, oldest first; nextFollowUp: the few PENDING rows of the lead.
-- It replaces ix_action_logs_pending, which could only filter and left the newest-first sort to
-- a scan of every completed log of the lead.
DROP INDEX ix_action_logs_pending;
CREATE INDEX ix_action_logs_status ON action_logs (workspace_id, lead_id, status, created_at, id);

-- A lead's checklist (and a page of leads' checklists) in display order.
CREATE INDEX ix_lead_checklist_items_lead ON lead_checklist_items (workspace_id, lead_id, position, id);
