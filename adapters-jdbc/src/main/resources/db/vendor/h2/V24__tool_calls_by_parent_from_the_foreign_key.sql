-- H2 gives every foreign key an index of its own on exactly the key's columns, so action_logs already had
-- fk_action_logs_parent's (workspace_id, parent_action_id) beside V19's ix_action_logs_parent, and H2 read
-- a page's tool calls from the former anyway. The latter only cost every new log one more B-tree insert
-- and its pages on every commit. PostgreSQL makes no index for a foreign key and keeps V19's.
DROP INDEX ix_action_logs_parent;
