-- Action items of the developer API (Omi-style), one user's tasks inside a workspace.

CREATE TABLE action_items (
    workspace_id    UUID          NOT NULL,
    id              UUID          NOT NULL,
    user_id         UUID          NOT NULL,
    -- The domain caps descriptions at 500 code points; the column leaves room for UTF-16 counting.
    description     VARCHAR(1000) NOT NULL,
    completed       BOOLEAN       NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    due_at          TIMESTAMP WITH TIME ZONE,
    conversation_id VARCHAR(400),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_action_items PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_action_items_user FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id),
    CONSTRAINT ck_action_items_completed_at CHECK ((completed AND completed_at IS NOT NULL)
                                                   OR (NOT completed AND completed_at IS NULL))
);
-- Serves the list endpoint: one user's items in the documented order.
CREATE INDEX ix_action_items_owner ON action_items (workspace_id, user_id, completed, due_at, created_at);

-- Fixed one-minute request windows per developer key, shared by every instance (rate limiting).
CREATE TABLE developer_request_counts (
    workspace_id  UUID    NOT NULL,
    key_id        UUID    NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    request_count INTEGER NOT NULL,
    CONSTRAINT pk_developer_request_counts PRIMARY KEY (workspace_id, key_id, window_start),
    CONSTRAINT fk_developer_request_counts_key FOREIGN KEY (workspace_id, key_id) REFERENCES api_keys (workspace_id, id)
);
CREATE INDEX ix_developer_request_counts_window ON developer_request_counts (window_start);
