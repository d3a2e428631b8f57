-- Leads and their timeline (action logs). Every key includes workspace_id.

CREATE TABLE leads (
    workspace_id         UUID          NOT NULL,
    id                   UUID          NOT NULL,
    first_name           VARCHAR(200)  NOT NULL,
    middle_name          VARCHAR(200),
    last_name            VARCHAR(200),
    email                VARCHAR(320),
    phone_number         VARCHAR(20),
    business_name        VARCHAR(300),
    website              VARCHAR(2048),
    external_lead_id     VARCHAR(200),
    timezone             VARCHAR(100),
    source               VARCHAR(100)  NOT NULL,
    is_test              BOOLEAN       NOT NULL,
    assignee_type        VARCHAR(20)   NOT NULL,
    did_opt_out          BOOLEAN       NOT NULL,
    opt_out_at           TIMESTAMP WITH TIME ZONE,
    email_verified_at    TIMESTAMP WITH TIME ZONE,
    phone_verified_at    TIMESTAMP WITH TIME ZONE,
    tags                 TEXT          NOT NULL,
    explicit_status      VARCHAR(20),
    activity_summary     TEXT,
    external_portal_link VARCHAR(2048),
    submitted_at         TIMESTAMP WITH TIME ZONE,
    -- first time the lead became COMPLETED: lead.completed fires once per lead, ever
    completed_at         TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_leads PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_leads_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);
-- Listing newest first, and matching leads by phone or e-mail within a workspace.
CREATE INDEX ix_leads_created ON leads (workspace_id, created_at, id);
CREATE INDEX ix_leads_email ON leads (workspace_id, email);
CREATE INDEX ix_leads_phone ON leads (workspace_id, phone_number);

CREATE TABLE action_logs (
    workspace_id     UUID         NOT NULL,
    id               UUID         NOT NULL,
    lead_id          UUID         NOT NULL,
    type             VARCHAR(40)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    summary          TEXT,
    input            TEXT,
    output           TEXT,
    error            TEXT,
    parent_action_id UUID,
    event_type       VARCHAR(100),
    title            VARCHAR(500),
    description      TEXT,
    metadata         TEXT,
    scheduled_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_action_logs PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_action_logs_lead FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id),
    CONSTRAINT fk_action_logs_parent FOREIGN KEY (workspace_id, parent_action_id) REFERENCES action_logs (workspace_id, id)
);
-- The timeline of one lead, newest first.
CREATE INDEX ix_action_logs_timeline ON action_logs (workspace_id, lead_id, created_at, id);
-- Next follow-up / next draft: few pending rows per lead.
CREATE INDEX ix_action_logs_pending ON action_logs (workspace_id, lead_id, status, type, scheduled_at);
