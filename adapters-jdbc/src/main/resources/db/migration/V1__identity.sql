-- Identity: workspaces (= tenants), users and hashed API keys.
-- Sharding-ready: every table carries workspace_id and every key includes it.

CREATE TABLE workspaces (
    workspace_id UUID         NOT NULL,
    name         VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_workspaces PRIMARY KEY (workspace_id)
);

CREATE TABLE users (
    workspace_id UUID         NOT NULL,
    id           UUID         NOT NULL,
    email        VARCHAR(320) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (workspace_id, id),
    CONSTRAINT uq_users_email UNIQUE (workspace_id, email),
    CONSTRAINT fk_users_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);

CREATE TABLE api_keys (
    workspace_id UUID         NOT NULL,
    id           UUID         NOT NULL,
    user_id      UUID,
    kind         VARCHAR(20)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    prefix       VARCHAR(40)  NOT NULL,
    scopes       VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_keys PRIMARY KEY (workspace_id, id),
    CONSTRAINT uq_api_keys_hash UNIQUE (workspace_id, key_hash),
    CONSTRAINT fk_api_keys_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id)
);
-- Authentication looks a key up by its hash alone (the caller's workspace is not known yet).
-- On a sharded cluster this table is small and becomes a reference table.
CREATE INDEX ix_api_keys_hash ON api_keys (key_hash);
