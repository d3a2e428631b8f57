-- Every user id a commerce activity holds names a user of the activity's own workspace: the foreign keys
-- include workspace_id, so the schema itself refuses another tenant's user (commerces' representative and
-- owner already had theirs, V5).
-- completed_by came from the request body unchecked until now, and the contact history feeds it into
-- target_user_id and activity_target_users; references that name no user of the workspace are dropped
-- first (they were never valid), so the constraints can be added to existing databases.
UPDATE commerce_activities SET completed_by = NULL
 WHERE completed_by IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM users u
                    WHERE u.workspace_id = commerce_activities.workspace_id AND u.id = commerce_activities.completed_by);
UPDATE commerce_activities SET target_user_id = NULL
 WHERE target_user_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM users u
                    WHERE u.workspace_id = commerce_activities.workspace_id AND u.id = commerce_activities.target_user_id);
DELETE FROM activity_target_users
 WHERE NOT EXISTS (SELECT 1 FROM users u
                    WHERE u.workspace_id = activity_target_users.workspace_id AND u.id = activity_target_users.user_id);

ALTER TABLE commerce_activities ADD CONSTRAINT fk_commerce_activities_completed_by
    FOREIGN KEY (workspace_id, completed_by) REFERENCES users (workspace_id, id);
ALTER TABLE commerce_activities ADD CONSTRAINT fk_commerce_activities_target_user
    FOREIGN KEY (workspace_id, target_user_id) REFERENCES users (workspace_id, id);
ALTER TABLE activity_target_users ADD CONSTRAINT fk_activity_target_users_user
    FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id);
