-- As V24 for action logs: H2 gives fk_activity_target_users_activity an index of its own on exactly
-- (workspace_id, activity_id), so V5's ix_activity_target_users_activity was a second copy of it. It only
-- cost every target user a commerce activity resolves one more B-tree insert, and its pages on every
-- commit; H2 reads an activity's target users from the foreign key's index alike. PostgreSQL makes no
-- index for a foreign key and keeps V5's.
DROP INDEX ix_activity_target_users_activity;
