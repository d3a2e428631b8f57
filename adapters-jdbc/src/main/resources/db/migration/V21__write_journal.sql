-- The last write-journal record applied per workspace (see Journal): in the same transaction as the
-- rows it applied, so a restart after a crash applies each record exactly once. Only the embedded H2
-- file database journals; elsewhere the table stays empty.
CREATE TABLE journal_applied (
    workspace_id UUID   NOT NULL,
    lsn          BIGINT NOT NULL,
    CONSTRAINT pk_journal_applied PRIMARY KEY (workspace_id),
    CONSTRAINT fk_journal_applied_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id)
        ON DELETE CASCADE
);
