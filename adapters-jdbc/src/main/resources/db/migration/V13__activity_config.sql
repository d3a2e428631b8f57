-- A tenant's activity configuration (commerce API): when targets are resolved, and its catalog of
-- attribute keys with their policies. No row = the built-in defaults (ON_CREATION, six UPFRONT keys).

CREATE TABLE activity_configs (
    workspace_id       UUID        NOT NULL,
    resolution_timing  VARCHAR(20) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_activity_configs PRIMARY KEY (workspace_id),
    CONSTRAINT fk_activity_configs_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);

CREATE TABLE activity_attribute_keys (
    workspace_id   UUID         NOT NULL,
    attribute_key  VARCHAR(64)  NOT NULL,
    sort_order     INTEGER      NOT NULL,
    label          VARCHAR(200) NOT NULL,
    policy         VARCHAR(20)  NOT NULL,
    source         VARCHAR(200),
    CONSTRAINT pk_activity_attribute_keys PRIMARY KEY (workspace_id, attribute_key),
    CONSTRAINT fk_activity_attribute_keys_config FOREIGN KEY (workspace_id) REFERENCES activity_configs (workspace_id)
);

-- What the dispatcher resolves just before dispatch (JSON {target, attributes:[{key, source}]});
-- NULL = nothing (every activity created before this migration resolved everything on creation).
ALTER TABLE commerce_activities ADD COLUMN pending_resolution TEXT;
