-- Commerce activities (Reten-style API): commerces, their activities and target-user candidates.

CREATE TABLE commerces (
    workspace_id            UUID         NOT NULL,
    id                      UUID         NOT NULL,
    external_id             VARCHAR(200) NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    tax_id                  VARCHAR(50),
    contacts                TEXT         NOT NULL,
    representative_user_id  UUID,
    owner_user_id           UUID,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_commerces PRIMARY KEY (workspace_id, id),
    CONSTRAINT uq_commerces_external_id UNIQUE (workspace_id, external_id),
    -- NULL tax ids do not clash (both databases treat NULLs as distinct in UNIQUE).
    CONSTRAINT uq_commerces_tax_id UNIQUE (workspace_id, tax_id),
    CONSTRAINT fk_commerces_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id),
    CONSTRAINT fk_commerces_representative FOREIGN KEY (workspace_id, representative_user_id) REFERENCES users (workspace_id, id),
    CONSTRAINT fk_commerces_owner FOREIGN KEY (workspace_id, owner_user_id) REFERENCES users (workspace_id, id)
);

CREATE TABLE commerce_activities (
    workspace_id             UUID         NOT NULL,
    id                       UUID         NOT NULL,
    activity_type            VARCHAR(20)  NOT NULL,
    reason                   VARCHAR(500) NOT NULL,
    channel                  VARCHAR(20)  NOT NULL,
    commerce_id              UUID         NOT NULL,
    idempotency_key          VARCHAR(255) NOT NULL,
    scheduled_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    suggested_execution_time TIMESTAMP WITH TIME ZONE,
    user_status              VARCHAR(100),
    score                    INTEGER,
    assignment_reason        VARCHAR(500),
    target_criteria          TEXT         NOT NULL,
    attribute_keys           TEXT         NOT NULL,
    attributes               TEXT         NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    target_user_id           UUID,
    dispatch_attempts        INTEGER      NOT NULL,
    next_attempt_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_dispatch_error      VARCHAR(1000),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    dispatched_at            TIMESTAMP WITH TIME ZONE,
    canceled_at              TIMESTAMP WITH TIME ZONE,
    result                   VARCHAR(100),
    result_notes             VARCHAR(5000),
    completed_by             UUID,
    completed_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_commerce_activities PRIMARY KEY (workspace_id, id),
    -- Idempotency: concurrent requests with one key race on this constraint; exactly one wins.
    CONSTRAINT uq_commerce_activities_idempotency UNIQUE (workspace_id, idempotency_key),
    CONSTRAINT fk_commerce_activities_commerce FOREIGN KEY (workspace_id, commerce_id) REFERENCES commerces (workspace_id, id)
);
-- The dispatcher's scan: due READY activities.
CREATE INDEX ix_commerce_activities_due ON commerce_activities (status, next_attempt_at);
CREATE INDEX ix_commerce_activities_list ON commerce_activities (workspace_id, created_at, id);
CREATE INDEX ix_commerce_activities_commerce ON commerce_activities (workspace_id, commerce_id, status);

CREATE TABLE activity_target_users (
    workspace_id UUID        NOT NULL,
    id           UUID        NOT NULL,
    activity_id  UUID        NOT NULL,
    user_id      UUID        NOT NULL,
    source       VARCHAR(50) NOT NULL,
    priority     INTEGER     NOT NULL,
    status       VARCHAR(20) NOT NULL,
    CONSTRAINT pk_activity_target_users PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_activity_target_users_activity FOREIGN KEY (workspace_id, activity_id)
        REFERENCES commerce_activities (workspace_id, id)
);
CREATE INDEX ix_activity_target_users_activity ON activity_target_users (workspace_id, activity_id);
