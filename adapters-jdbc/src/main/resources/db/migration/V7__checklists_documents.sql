-- Checklist templates, leads' checklist items, documents and their content, link-signing keys.
-- Every key includes workspace_id.

CREATE TABLE checklist_groups (
    workspace_id UUID         NOT NULL,
    id           UUID         NOT NULL,
    name         VARCHAR(200) NOT NULL,
    conditions   TEXT,
    position     INTEGER      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_checklist_groups PRIMARY KEY (workspace_id, id),
    CONSTRAINT uk_checklist_groups_name UNIQUE (workspace_id, name),
    CONSTRAINT fk_checklist_groups_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);

CREATE TABLE checklist_template_items (
    workspace_id     UUID         NOT NULL,
    id               UUID         NOT NULL,
    group_id         UUID         NOT NULL,
    code             VARCHAR(100) NOT NULL,
    label            VARCHAR(500) NOT NULL,
    field_type       VARCHAR(30)  NOT NULL,
    is_required      BOOLEAN      NOT NULL,
    conditions       TEXT,
    validation_rules TEXT,
    position         INTEGER      NOT NULL,
    CONSTRAINT pk_checklist_template_items PRIMARY KEY (workspace_id, id),
    CONSTRAINT uk_checklist_template_items_code UNIQUE (workspace_id, code),
    CONSTRAINT fk_checklist_template_items_group FOREIGN KEY (workspace_id, group_id)
        REFERENCES checklist_groups (workspace_id, id)
);

-- A lead's items are copies of the template's definitions (or lead-specific ones): editing the
-- template later does not rewrite existing leads.
CREATE TABLE lead_checklist_items (
    workspace_id      UUID         NOT NULL,
    id                UUID         NOT NULL,
    lead_id           UUID         NOT NULL,
    checklist_item_id UUID         NOT NULL,
    group_id          UUID,
    group_name        VARCHAR(200) NOT NULL,
    group_conditions  TEXT,
    position          INTEGER      NOT NULL,
    code              VARCHAR(100) NOT NULL,
    label             VARCHAR(500) NOT NULL,
    field_type        VARCHAR(30)  NOT NULL,
    is_required       BOOLEAN      NOT NULL,
    conditions        TEXT,
    validation_rules  TEXT,
    item_value        TEXT,
    status            VARCHAR(20)  NOT NULL,
    item_override     TEXT,
    lead_specific     BOOLEAN      NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_lead_checklist_items PRIMARY KEY (workspace_id, id),
    CONSTRAINT uk_lead_checklist_items_code UNIQUE (workspace_id, lead_id, code),
    CONSTRAINT fk_lead_checklist_items_lead FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id)
);

CREATE TABLE documents (
    workspace_id           UUID          NOT NULL,
    id                     UUID          NOT NULL,
    lead_id                UUID          NOT NULL,
    lead_checklist_item_id UUID,
    filename               VARCHAR(255)  NOT NULL,
    mime_type              VARCHAR(200)  NOT NULL,
    size_bytes             BIGINT        NOT NULL,
    sha256                 VARCHAR(64)   NOT NULL,
    metadata               TEXT,
    uploaded_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_documents PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_documents_lead FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id),
    CONSTRAINT fk_documents_item FOREIGN KEY (workspace_id, lead_checklist_item_id)
        REFERENCES lead_checklist_items (workspace_id, id)
);
CREATE INDEX ix_documents_lead ON documents (workspace_id, lead_id, uploaded_at, id);
-- Signed links carry only the document id (ids are globally unique UUIDv7).
CREATE INDEX ix_documents_id ON documents (id);

-- Document bytes when no data directory is configured (--in-memory): BYTEA is VARBINARY on H2.
CREATE TABLE document_contents (
    workspace_id UUID  NOT NULL,
    document_id  UUID  NOT NULL,
    content      BYTEA NOT NULL,
    CONSTRAINT pk_document_contents PRIMARY KEY (workspace_id, document_id),
    CONSTRAINT fk_document_contents_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);

-- Per-workspace secret that signs download links; stored so every instance signs alike.
CREATE TABLE document_signing_keys (
    workspace_id UUID        NOT NULL,
    secret       VARCHAR(128) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_document_signing_keys PRIMARY KEY (workspace_id),
    CONSTRAINT fk_document_signing_keys_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
);
